/* Gaps between requests to one host and a global rate, in real time (see politeness.h). */
#include "harness/politeness.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct host_seen {
	char *host;
	double at;
};

struct politeness {
	int gap_s, per_minute;
	struct host_seen *hosts;
	size_t nhosts;
	double *recent; /* ring of the last per_minute send times */
	size_t next;
};

static double monotonic_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void sleep_until(double when)
{
	double left;
	while ((left = when - monotonic_now()) > 0) {
		struct timespec t = {.tv_sec = (time_t)left, .tv_nsec = (long)((left - (double)(time_t)left) * 1e9)};
		if (nanosleep(&t, NULL) != 0 && errno != EINTR)
			return;
	}
}

struct politeness *politeness_new(int gap_s, int per_minute)
{
	struct politeness *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->gap_s = gap_s;
	p->per_minute = per_minute;
	if (per_minute > 0) {
		p->recent = malloc((size_t)per_minute * sizeof *p->recent);
		if (!p->recent) {
			free(p);
			return NULL;
		}
		/* Long ago: the first per_minute requests need not wait for one another. */
		for (int i = 0; i < per_minute; i++)
			p->recent[i] = -1e9;
	}
	return p;
}

void politeness_free(struct politeness *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nhosts; i++)
		free(p->hosts[i].host);
	free(p->hosts);
	free(p->recent);
	free(p);
}

char *politeness_host(const char *address)
{
	const char *at = strrchr(address, '@');
	char *host = NULL;
	if (at && !strstr(address, "://")) {
		host = strdup(at + 1);
	} else {
		CURLU *u = curl_url();
		char *h = NULL;
		if (u && curl_url_set(u, CURLUPART_URL, address, 0) == CURLUE_OK &&
		    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK)
			host = strdup(h);
		else
			host = strdup(address); /* not a URL: the text itself is the best name there is */
		curl_free(h);
		curl_url_cleanup(u);
	}
	for (char *c = host; c && *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return host;
}

/* The host's record, added when new; NULL when out of memory. */
static struct host_seen *host_record(struct politeness *p, const char *host)
{
	for (size_t i = 0; i < p->nhosts; i++)
		if (strcmp(p->hosts[i].host, host) == 0)
			return &p->hosts[i];
	struct host_seen *grown = realloc(p->hosts, (p->nhosts + 1) * sizeof *grown);
	char *copy = strdup(host);
	if (grown)
		p->hosts = grown;
	if (!grown || !copy) {
		free(copy);
		return NULL;
	}
	struct host_seen *seen = &p->hosts[p->nhosts++];
	seen->host = copy;
	seen->at = -1e9;
	return seen;
}

/* When (monotonic seconds) a request to this host may go. */
static double ready_at(const struct politeness *p, const struct host_seen *seen)
{
	double when = seen->at + p->gap_s;
	if (p->per_minute > 0 && p->recent[p->next] + 60.0 > when)
		when = p->recent[p->next] + 60.0; /* the oldest of the last per_minute must be a minute old */
	return when;
}

enum foi_status politeness_ready(struct politeness *p, const char *host, int *ready, char *err, size_t errsz)
{
	struct host_seen *seen = host_record(p, host);
	if (!seen)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	*ready = ready_at(p, seen) <= monotonic_now();
	return FOI_OK;
}

enum foi_status politeness_wait(struct politeness *p, const char *host, char *err, size_t errsz)
{
	struct host_seen *seen = host_record(p, host);
	if (!seen)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	sleep_until(ready_at(p, seen));
	double now = monotonic_now();
	seen->at = now;
	if (p->per_minute > 0) {
		p->recent[p->next] = now;
		p->next = (p->next + 1) % (size_t)p->per_minute;
	}
	return FOI_OK;
}
