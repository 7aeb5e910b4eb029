#include "tests/unit/mailstack_env.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "tests/unit/run_foi.h"

static unsigned port_from(const char *name)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return 0;
	char *end;
	unsigned long p = strtoul(v, &end, 10);
	return *end || p == 0 || p > 65535 ? 0 : (unsigned)p;
}

int mail_env_get(struct mail_env *e, char *err, size_t errsz)
{
	memset(e, 0, sizeof *e);
	const char *dir = getenv("FOI_MAIL_DIR");
	e->smtp_port = port_from("FOI_SMTP_PORT");
	e->imap_port = port_from("FOI_IMAP_PORT");
	if (!dir || !*dir || !e->smtp_port || !e->imap_port) {
		snprintf(err, errsz, "FOI_MAIL_DIR, FOI_SMTP_PORT and FOI_IMAP_PORT are not set: "
			 "run the tests with `make check` (tests/run-tests starts the mail stack)");
		return -1;
	}
	snprintf(e->dir, sizeof e->dir, "%s", dir);
	snprintf(e->ca_file, sizeof e->ca_file, "%s/tls/cert.pem", dir);
	if (access(e->ca_file, R_OK) != 0) {
		snprintf(err, errsz, "no CA file %s: is the mail stack running?", e->ca_file);
		return -1;
	}
	return 0;
}

char *mail_password(const struct mail_env *e, const char *address)
{
	char path[300], line[512], addr[256], pw[256];
	snprintf(path, sizeof path, "%s/passwords", e->dir);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *found = NULL;
	while (!found && fgets(line, sizeof line, f)) {
		if (line[0] == '#')
			continue;
		if (sscanf(line, "%255s %255s", addr, pw) == 2 && strcmp(addr, address) == 0)
			found = strdup(pw);
	}
	fclose(f);
	return found;
}

struct smtp_server mail_smtp(const struct mail_env *e, const char *user, const char *password)
{
	struct smtp_server s = {
		.host = "127.0.0.1",
		.port = e->smtp_port,
		.tls = TLS_REQUIRED,
		.ca_file = e->ca_file,
		.user = user,
		.password = password,
		.helo = "client.foi.test",
		.timeout_s = 30,
	};
	return s;
}

struct imap_account mail_imap(const struct mail_env *e, const char *user, const char *password)
{
	struct imap_account a = {
		.host = "127.0.0.1",
		.port = e->imap_port,
		.user = user,
		.password = password,
		.tls = TLS_REQUIRED,
		.ca_file = e->ca_file,
		.timeout_s = 30,
	};
	return a;
}

void mail_token(char out[17])
{
	unsigned char r[8];
	if (getrandom(r, sizeof r, 0) != sizeof r)
		abort();
	for (int i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}

char *mail_fixture(const char *name, const char *token, size_t *len)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/fixtures/mailstack/%s", name);
	char *text = read_file(src_path(rel));
	if (!text)
		return NULL;
	size_t tl = strlen(token), n = 0;
	for (const char *p = text; (p = strstr(p, "@TOKEN@")); p += 7)
		n++;
	size_t outlen = strlen(text) + n * tl + 1;
	char *out = malloc(outlen), *o = out;
	if (!out)
		abort();
	const char *p = text, *q;
	while ((q = strstr(p, "@TOKEN@"))) {
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		memcpy(o, token, tl);
		o += tl;
		p = q + 7;
	}
	strcpy(o, p);
	free(text);
	*len = strlen(out);
	return out;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

char *mail_wait_for(const struct mail_env *e, const char *user, const char *needle,
		    double timeout_s, size_t *len, uint32_t *uid, char *err, size_t errsz)
{
	char *pw = mail_password(e, user);
	if (!pw) {
		snprintf(err, errsz, "no password for %s in %s/passwords", user, e->dir);
		return NULL;
	}
	struct imap_account acct = mail_imap(e, user, pw);
	struct imap_client *c;
	if (imap_open(&acct, &c, err, errsz) != IMAP_OK) {
		free(pw);
		return NULL;
	}
	double until = now_s() + timeout_s;
	uint32_t next = 1;
	char *found = NULL;
	for (;;) {
		struct imap_uids u;
		if (imap_uids_from(c, next, &u, err, errsz) != IMAP_OK)
			break;
		for (size_t i = 0; i < u.n && !found; i++) {
			char *data;
			size_t n;
			if (imap_fetch_uid(c, 0, u.uid[i], &data, &n, err, errsz) != IMAP_OK)
				break;
			next = u.uid[i] + 1;
			if (memmem(data, n, needle, strlen(needle))) {
				found = data;
				*len = n;
				*uid = u.uid[i];
			} else
				free(data);
		}
		imap_uids_free(&u);
		if (found)
			break;
		if (now_s() > until) {
			snprintf(err, errsz, "no message with '%s' reached %s within %.0f s", needle, user,
				 timeout_s);
			break;
		}
		usleep(100 * 1000);
	}
	imap_close(c);
	free(pw);
	return found;
}

static GMimeMessage *parse(const char *msg, size_t len)
{
	static int initialised;
	if (!initialised) {
		g_mime_init();
		initialised = 1;
	}
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(msg, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeParserOptions *opts = g_mime_parser_options_new();
	const char *fallback[] = {"UTF-8", "GB18030", NULL};
	g_mime_parser_options_set_fallback_charsets(opts, fallback);
	GMimeMessage *m = g_mime_parser_construct_message(parser, opts);
	g_mime_parser_options_free(opts);
	g_object_unref(parser);
	g_object_unref(stream);
	return m;
}

char *mail_subject(const char *msg, size_t len)
{
	GMimeMessage *m = parse(msg, len);
	if (!m)
		return NULL;
	const char *s = g_mime_message_get_subject(m);
	char *out = s ? strdup(s) : NULL;
	g_object_unref(m);
	return out;
}

char *mail_body_text(const char *msg, size_t len)
{
	GMimeMessage *m = parse(msg, len);
	if (!m)
		return NULL;
	char *out = NULL;
	GMimeObject *body = g_mime_message_get_body(m);
	if (body && GMIME_IS_TEXT_PART(body)) {
		char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(body));
		if (text) {
			out = strdup(text);
			g_free(text);
		}
	}
	g_object_unref(m);
	return out;
}

unsigned mail_free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		abort();
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t al = sizeof a;
	if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &al) != 0)
		abort();
	close(fd);
	return ntohs(a.sin_port);
}
