/* One IMAP mailbox read through libcurl: EXAMINE, UID SEARCH, and fetching by UID. */
#include "harness/mail/imap_fetch.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "grader/strbuf.h"

#define DEFAULT_PORT 143
#define DEFAULT_TIMEOUT_S 60
/* A message larger than this is refused rather than held in memory. */
#define MAX_FETCH (256u * 1024 * 1024)

struct imap_client {
	CURL *curl;
	char *host;
	unsigned port;
	char *user;
	char *password;
	enum tls_mode tls;
	char *ca_file;
	char *mailbox;      /* as given, e.g. INBOX */
	char *mailbox_url;  /* URL-escaped, for the path */
	long timeout_s;
	char errbuf[CURL_ERROR_SIZE];
};


/* What a command returned: the grader's growable text, and whether it went over MAX_FETCH. */
struct buffer {
	struct strbuf s;
	int too_big;
};

const char *imap_status_name(enum imap_status st)
{
	switch (st) {
	case IMAP_OK: return "ok";
	case IMAP_ERR_CONNECT: return "connect";
	case IMAP_ERR_TLS: return "tls";
	case IMAP_ERR_LOGIN: return "login";
	case IMAP_ERR_MAILBOX: return "mailbox";
	case IMAP_ERR_NO_MESSAGE: return "no-message";
	case IMAP_ERR_UIDVALIDITY: return "uidvalidity";
	case IMAP_ERR_PROTOCOL: return "protocol";
	case IMAP_ERR_USAGE: return "usage";
	case IMAP_ERR_NOMEM: return "out-of-memory";
	}
	return "?";
}

static size_t write_cb(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct buffer *b = arg;
	size_t n = size * nmemb;
	if (b->s.len + n + 1 > MAX_FETCH) {
		b->too_big = 1;
		return 0;
	}
	strbuf_add(&b->s, ptr, n);
	return b->s.oom ? 0 : n; /* a short count makes libcurl stop with a write error */
}

static char *dup_or_null(const char *s, int *fail)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*fail = 1;
	return d;
}

void imap_close(struct imap_client *c)
{
	if (!c)
		return;
	if (c->curl)
		curl_easy_cleanup(c->curl);
	free(c->host);
	free(c->user);
	if (c->password) {
		/* The password has no business lingering in freed memory. */
		explicit_bzero(c->password, strlen(c->password));
		free(c->password);
	}
	free(c->ca_file);
	free(c->mailbox);
	if (c->mailbox_url)
		curl_free(c->mailbox_url);
	free(c);
}

enum imap_status imap_open(const struct imap_account *acct, struct imap_client **out,
			   char *err, size_t errsz)
{
	*out = NULL;
	if (!acct || !acct->host || !*acct->host || !acct->user || !acct->password) {
		snprintf(err, errsz, "imap: a host, a user and a password are needed");
		return IMAP_ERR_USAGE;
	}
	const char *mailbox = acct->mailbox && *acct->mailbox ? acct->mailbox : "INBOX";
	for (const char *p = mailbox; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e) {
			snprintf(err, errsz, "imap: mailbox name '%s': only printable ASCII names are supported",
				 mailbox);
			return IMAP_ERR_USAGE;
		}
	struct imap_client *c = calloc(1, sizeof *c);
	if (!c) {
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	int fail = 0;
	c->host = dup_or_null(acct->host, &fail);
	c->user = dup_or_null(acct->user, &fail);
	c->password = dup_or_null(acct->password, &fail);
	c->ca_file = dup_or_null(acct->ca_file, &fail);
	c->mailbox = dup_or_null(mailbox, &fail);
	c->port = acct->port ? acct->port : DEFAULT_PORT;
	c->tls = acct->tls;
	c->timeout_s = acct->timeout_s > 0 ? acct->timeout_s : DEFAULT_TIMEOUT_S;
	c->curl = curl_easy_init();
	if (!fail && c->curl)
		c->mailbox_url = curl_easy_escape(c->curl, mailbox, 0);
	if (fail || !c->curl || !c->mailbox_url) {
		imap_close(c);
		snprintf(err, errsz, "imap: cannot set up a libcurl handle (out of memory)");
		return IMAP_ERR_NOMEM;
	}
	*out = c;
	return IMAP_OK;
}

/* Sets every option of one request; the handle keeps its connection between requests. */
static int prepare(struct imap_client *c, const char *url, const char *custom, struct buffer *b)
{
	CURL *h = c->curl;
	curl_easy_reset(h);
	c->errbuf[0] = '\0';
	long ssl = c->tls == TLS_REQUIRED ? (long)CURLUSESSL_ALL
		   : c->tls == TLS_IF_OFFERED ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_NONE;
	int bad = 0;
	bad |= curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "imap") != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_USERNAME, c->user) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_PASSWORD, c->password) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_USE_SSL, ssl) != CURLE_OK;
	if (c->ca_file)
		bad |= curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, c->timeout_s) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout_s) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb) != CURLE_OK;
	bad |= curl_easy_setopt(h, CURLOPT_WRITEDATA, b) != CURLE_OK;
	if (custom)
		bad |= curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, custom) != CURLE_OK;
	return bad ? -1 : 0;
}

/* Turns a failed request into a status and a message naming the server and the cause. */
static enum imap_status failure(struct imap_client *c, CURLcode rc, const struct buffer *b,
				const char *doing, char *err, size_t errsz)
{
	const char *why = c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc);
	enum imap_status st;
	if (b->too_big) {
		snprintf(err, errsz, "IMAP server %s:%u: %s: answer larger than %u bytes", c->host,
			 c->port, doing, MAX_FETCH);
		return IMAP_ERR_PROTOCOL;
	}
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
		st = IMAP_ERR_CONNECT;
		break;
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_ISSUER_ERROR:
		st = IMAP_ERR_TLS;
		break;
	case CURLE_LOGIN_DENIED:
		/* libcurl reports a refused SELECT as a login failure; its message tells them apart. */
		st = strstr(why, "Select") ? IMAP_ERR_MAILBOX : IMAP_ERR_LOGIN;
		break;
	case CURLE_REMOTE_FILE_NOT_FOUND:
		st = strstr(why, "UIDVALIDITY") ? IMAP_ERR_UIDVALIDITY : IMAP_ERR_NO_MESSAGE;
		break;
	default:
		st = IMAP_ERR_PROTOCOL;
		break;
	}
	switch (st) {
	case IMAP_ERR_LOGIN:
		snprintf(err, errsz, "IMAP server %s:%u refused the login of %s (%s)", c->host, c->port,
			 c->user, why);
		break;
	case IMAP_ERR_MAILBOX:
		snprintf(err, errsz, "IMAP server %s:%u: cannot open mailbox %s of %s (%s)", c->host,
			 c->port, c->mailbox, c->user, why);
		break;
	case IMAP_ERR_TLS:
		snprintf(err, errsz, "IMAP server %s:%u: STARTTLS failed: %s (trusted certificates: %s)",
			 c->host, c->port, why, c->ca_file ? c->ca_file : "the system's store");
		break;
	default:
		snprintf(err, errsz, "IMAP server %s:%u: %s: %s", c->host, c->port, doing, why);
		break;
	}
	return st;
}

static char *base_url(const struct imap_client *c, const char *path)
{
	char *url;
	if (asprintf(&url, "imap://%s:%u/%s", c->host, c->port, path) < 0)
		return NULL;
	return url;
}

/* The mailbox name as an IMAP quoted string. */
static char *quoted(const char *s)
{
	size_t n = strlen(s);
	char *q = malloc(2 * n + 3), *o = q;
	if (!q)
		return NULL;
	*o++ = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '"';
	*o = '\0';
	return q;
}

/* Finds "[NAME n]" in one untagged line; returns 1 when found. */
static int bracket_number(const char *line, const char *name, uint32_t *v)
{
	const char *p = strstr(line, name);
	if (!p || p == line || p[-1] != '[')
		return 0;
	p += strlen(name);
	if (*p != ' ')
		return 0;
	char *end;
	errno = 0;
	unsigned long n = strtoul(p + 1, &end, 10);
	if (errno || end == p + 1 || n > UINT32_MAX || *end != ']')
		return 0;
	*v = (uint32_t)n;
	return 1;
}

enum imap_status imap_examine(struct imap_client *c, struct imap_mailbox_state *st,
			      char *err, size_t errsz)
{
	memset(st, 0, sizeof *st);
	struct buffer b = {0};
	char *q = quoted(c->mailbox), *cmd = NULL;
	/* No mailbox in the URL: libcurl would SELECT it first, for nothing. */
	char *url = base_url(c, "");
	if (!q || !url || asprintf(&cmd, "EXAMINE %s", q) < 0 || prepare(c, url, cmd, &b) != 0) {
		free(q);
		free(url);
		free(cmd);
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	CURLcode rc = curl_easy_perform(c->curl);
	enum imap_status res = IMAP_OK;
	if (rc != CURLE_OK) {
		res = failure(c, rc, &b, "EXAMINE", err, errsz);
		/* libcurl reports a NO to a custom command as a failed "quote" command: here, a
		 * mailbox that cannot be opened. */
		if (rc == CURLE_QUOTE_ERROR) {
			res = IMAP_ERR_MAILBOX;
			snprintf(err, errsz, "IMAP server %s:%u: cannot open mailbox %s of %s (EXAMINE refused)",
				 c->host, c->port, c->mailbox, c->user);
		}
	} else {
		int have_validity = 0;
		for (char *line = b.s.p, *next; line && *line; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (strncmp(line, "* ", 2) != 0)
				continue;
			uint32_t v;
			if (bracket_number(line, "UIDVALIDITY", &v)) {
				st->uidvalidity = v;
				have_validity = 1;
			} else if (bracket_number(line, "UIDNEXT", &v))
				st->uidnext = v;
			else {
				unsigned long n;
				char word[16];
				if (sscanf(line + 2, "%lu %15s", &n, word) == 2 && strcmp(word, "EXISTS") == 0 &&
				    n <= UINT32_MAX)
					st->exists = (uint32_t)n;
			}
		}
		if (!have_validity || st->uidvalidity == 0) {
			snprintf(err, errsz, "IMAP server %s:%u: EXAMINE %s gave no UIDVALIDITY", c->host,
				 c->port, c->mailbox);
			res = IMAP_ERR_PROTOCOL;
		}
	}
	strbuf_free(&b.s);
	free(q);
	free(url);
	free(cmd);
	return res;
}

void imap_uids_free(struct imap_uids *u)
{
	if (!u)
		return;
	free(u->uid);
	u->uid = NULL;
	u->n = 0;
}

static int cmp_uid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

enum imap_status imap_uids_from(struct imap_client *c, uint32_t from, struct imap_uids *out,
				char *err, size_t errsz)
{
	out->uid = NULL;
	out->n = 0;
	if (from == 0)
		from = 1;
	struct buffer b = {0};
	char *url = base_url(c, c->mailbox_url), *cmd = NULL;
	if (!url || asprintf(&cmd, "UID SEARCH UID %u:*", (unsigned)from) < 0 ||
	    prepare(c, url, cmd, &b) != 0) {
		free(url);
		free(cmd);
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	CURLcode rc = curl_easy_perform(c->curl);
	enum imap_status res = IMAP_OK;
	size_t cap = 0;
	if (rc != CURLE_OK)
		res = failure(c, rc, &b, "UID SEARCH", err, errsz);
	else {
		/* Only "* SEARCH" lines count: the server may slip in others (EXISTS, FETCH). */
		for (char *line = b.s.p, *next; line && *line && res == IMAP_OK; line = next) {
			next = strchr(line, '\n');
			if (next)
				*next++ = '\0';
			if (strncmp(line, "* SEARCH", 8) != 0)
				continue;
			for (char *p = line + 8;;) {
				while (*p == ' ')
					p++;
				if (!isdigit((unsigned char)*p))
					break;
				char *end;
				errno = 0;
				unsigned long n = strtoul(p, &end, 10);
				p = end;
				if (errno || n > UINT32_MAX || n < from)
					continue;
				if (out->n == cap) {
					size_t ncap = cap ? 2 * cap : 64;
					uint32_t *nu = realloc(out->uid, ncap * sizeof *nu);
					if (!nu) {
						snprintf(err, errsz, "imap: out of memory");
						res = IMAP_ERR_NOMEM;
						break;
					}
					out->uid = nu;
					cap = ncap;
				}
				out->uid[out->n++] = (uint32_t)n;
			}
		}
		if (res == IMAP_OK && out->n > 1)
			qsort(out->uid, out->n, sizeof *out->uid, cmp_uid);
	}
	if (res != IMAP_OK)
		imap_uids_free(out);
	strbuf_free(&b.s);
	free(url);
	free(cmd);
	return res;
}

enum imap_status imap_fetch_uid(struct imap_client *c, uint32_t uidvalidity, uint32_t uid,
				char **data, size_t *len, char *err, size_t errsz)
{
	*data = NULL;
	*len = 0;
	if (uid == 0) {
		snprintf(err, errsz, "imap: UID 0 names no message");
		return IMAP_ERR_USAGE;
	}
	struct buffer b = {0};
	char path[600];
	if (uidvalidity)
		snprintf(path, sizeof path, "%s;UIDVALIDITY=%u;UID=%u", c->mailbox_url,
			 (unsigned)uidvalidity, (unsigned)uid);
	else
		snprintf(path, sizeof path, "%s;UID=%u", c->mailbox_url, (unsigned)uid);
	char *url = base_url(c, path);
	if (!url || prepare(c, url, NULL, &b) != 0) {
		free(url);
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	CURLcode rc = curl_easy_perform(c->curl);
	free(url);
	if (rc != CURLE_OK) {
		char doing[64];
		snprintf(doing, sizeof doing, "UID FETCH %u", (unsigned)uid);
		enum imap_status st = failure(c, rc, &b, doing, err, errsz);
		if (st == IMAP_ERR_NO_MESSAGE)
			snprintf(err, errsz, "IMAP server %s:%u: no message with UID %u in %s of %s", c->host,
				 c->port, (unsigned)uid, c->mailbox, c->user);
		else if (st == IMAP_ERR_UIDVALIDITY)
			snprintf(err, errsz, "IMAP server %s:%u: the UIDVALIDITY of %s of %s is no longer %u: "
				 "the UIDs known before are void", c->host, c->port, c->mailbox, c->user,
				 (unsigned)uidvalidity);
		strbuf_free(&b.s);
		return st;
	}
	/* An empty literal is still a message (of no bytes). */
	size_t n = b.s.len;
	char *text = strbuf_take(&b.s);
	if (!text) {
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	*data = text;
	*len = n;
	return IMAP_OK;
}

void imap_arrivals_free(struct imap_arrivals *a)
{
	if (!a)
		return;
	free(a->at);
	a->at = NULL;
	a->n = 0;
}

int imap_parse_date_time(const char *text, int64_t *out)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int day, year, hh, mm, ss, consumed = 0;
	char mon[4], sign;
	unsigned zone;
	while (*text == ' ')
		text++;
	if (sscanf(text, "%2d-%3s-%4d %2d:%2d:%2d %c%4u%n", &day, mon, &year, &hh, &mm, &ss, &sign, &zone,
		   &consumed) != 8 || consumed == 0 || (sign != '+' && sign != '-'))
		return 0;
	const char *m = strstr(months, mon);
	if (!m || strlen(mon) != 3 || (m - months) % 3 != 0 || day < 1 || day > 31 || hh > 23 || mm > 59 ||
	    ss > 60 || zone % 100 > 59 || zone / 100 > 14)
		return 0;
	struct tm tm = {.tm_mday = day, .tm_mon = (int)((m - months) / 3), .tm_year = year - 1900,
			.tm_hour = hh, .tm_min = mm, .tm_sec = ss};
	time_t utc = timegm(&tm);
	if (utc == (time_t)-1)
		return 0;
	int64_t offset = (int64_t)(zone / 100) * 3600 + (int64_t)(zone % 100) * 60;
	*out = (int64_t)utc - (sign == '+' ? offset : -offset);
	return 1;
}

/* "UID n" and "INTERNALDATE "..."" of one "* k FETCH (...)" line, in either order. */
static int fetch_line_arrival(const char *line, struct imap_arrival *a)
{
	const char *open = strchr(line, '(');
	if (strncmp(line, "* ", 2) != 0 || !strstr(line, " FETCH ") || !open)
		return 0;
	const char *u = strstr(open, "UID "), *d = strstr(open, "INTERNALDATE \"");
	if (!u || !d)
		return 0;
	char *end;
	errno = 0;
	unsigned long n = strtoul(u + 4, &end, 10);
	if (errno || end == u + 4 || n == 0 || n > UINT32_MAX)
		return 0;
	a->uid = (uint32_t)n;
	return imap_parse_date_time(d + strlen("INTERNALDATE \""), &a->internaldate);
}

static int cmp_arrival(const void *a, const void *b)
{
	return cmp_uid(&((const struct imap_arrival *)a)->uid, &((const struct imap_arrival *)b)->uid);
}

/* UID FETCH lo:hi (UID INTERNALDATE), appended to out (*cap its room). */
static enum imap_status arrivals_range(struct imap_client *c, uint32_t lo, uint32_t hi, struct imap_arrivals *out,
				       size_t *cap, char *err, size_t errsz)
{
	struct buffer b = {0};
	char *url = base_url(c, c->mailbox_url), *cmd = NULL;
	if (!url || asprintf(&cmd, "UID FETCH %u:%u (UID INTERNALDATE)", (unsigned)lo, (unsigned)hi) < 0 ||
	    prepare(c, url, cmd, &b) != 0) {
		free(url);
		free(cmd);
		snprintf(err, errsz, "imap: out of memory");
		return IMAP_ERR_NOMEM;
	}
	CURLcode rc = curl_easy_perform(c->curl);
	enum imap_status res = IMAP_OK;
	if (rc != CURLE_OK)
		res = failure(c, rc, &b, "UID FETCH (INTERNALDATE)", err, errsz);
	for (char *line = rc == CURLE_OK ? b.s.p : NULL, *next; line && *line && res == IMAP_OK; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		struct imap_arrival a;
		if (!fetch_line_arrival(line, &a) || a.uid < lo || a.uid > hi)
			continue;
		if (out->n == *cap) {
			size_t ncap = *cap ? 2 * *cap : 64;
			struct imap_arrival *na = realloc(out->at, ncap * sizeof *na);
			if (!na) {
				snprintf(err, errsz, "imap: out of memory");
				res = IMAP_ERR_NOMEM;
				break;
			}
			out->at = na;
			*cap = ncap;
		}
		out->at[out->n++] = a;
	}
	strbuf_free(&b.s);
	free(url);
	free(cmd);
	return res;
}

/* libcurl caps the untagged lines of one answer (about 300 KB): a few hundred messages a
 * command keep well below it. */
#define ARRIVALS_PER_COMMAND 500

enum imap_status imap_arrivals_from(struct imap_client *c, uint32_t from, struct imap_arrivals *out,
				    char *err, size_t errsz)
{
	out->at = NULL;
	out->n = 0;
	struct imap_uids u;
	enum imap_status res = imap_uids_from(c, from, &u, err, errsz);
	size_t cap = 0;
	for (size_t i = 0; res == IMAP_OK && i < u.n; i += ARRIVALS_PER_COMMAND) {
		size_t last = i + ARRIVALS_PER_COMMAND < u.n ? i + ARRIVALS_PER_COMMAND - 1 : u.n - 1;
		res = arrivals_range(c, u.uid[i], u.uid[last], out, &cap, err, errsz);
	}
	imap_uids_free(&u);
	if (res == IMAP_OK && out->n > 1)
		qsort(out->at, out->n, sizeof *out->at, cmp_arrival);
	if (res != IMAP_OK)
		imap_arrivals_free(out);
	return res;
}
