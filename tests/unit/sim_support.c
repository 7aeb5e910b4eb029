/* Starting and talking to the simulator in tests (see sim_support.h). */
#include "tests/unit/sim_support.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/run_foi.h"

/* Sims still running when the test's process ends are stopped, even after a failed assertion. */
static pid_t running[16];
static int nrunning;

static void stop_all(void)
{
	for (int i = 0; i < nrunning; i++)
		if (running[i] > 0) {
			kill(running[i], SIGTERM);
			waitpid(running[i], NULL, 0);
		}
	nrunning = 0;
}

static void forget(pid_t pid)
{
	for (int i = 0; i < nrunning; i++)
		if (running[i] == pid)
			running[i] = 0;
}

static char *dupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *dupf(const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	return s;
}

/* Strings handed out for the test's lifetime, released when its process ends. */
static char **kept;
static size_t nkept;

static void release_kept(void)
{
	for (size_t i = 0; i < nkept; i++)
		free(kept[i]);
	free(kept);
	kept = NULL;
	nkept = 0;
}

static char *keep(char *s)
{
	if (nkept == 0)
		atexit(release_kept);
	char **k = realloc(kept, (nkept + 1) * sizeof *k);
	if (!k || !s)
		abort();
	kept = k;
	kept[nkept++] = s;
	return s;
}

static void spawn(struct sim *s, const char *now)
{
	const char *bin = getenv("FOI_SIM");
	cr_assert(bin && *bin, "FOI_SIM must name the built foi-sim (make test sets it)");
	int out[2];
	cr_assert_eq(pipe(out), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		/* Dies with the test process, whatever happens to it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		int log = open(s->log, O_WRONLY | O_CREAT | O_APPEND, 0644);
		if (log >= 0)
			dup2(log, 2);
		/* Nothing of the test runner's (its pipes to Criterion) may stay open in the sim. */
		close_range(3, ~0U, 0);
		const char *argv[16];
		int n = 0;
		argv[n++] = bin;
		argv[n++] = "serve";
		argv[n++] = "--port";
		argv[n++] = "0";
		argv[n++] = "--state";
		argv[n++] = s->state;
		argv[n++] = "--maildirs";
		argv[n++] = s->maildirs;
		if (s->profiles) {
			argv[n++] = "--profiles";
			argv[n++] = s->profiles;
		}
		if (now) {
			argv[n++] = "--now";
			argv[n++] = now;
		}
		argv[n] = NULL;
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	if (nrunning == 0)
		atexit(stop_all);
	if (nrunning < 16)
		running[nrunning++] = pid;
	s->pid = pid;
	/* The first line says where it listens: "foi-sim: listening on http://127.0.0.1:PORT/ ...". */
	char line[512];
	size_t len = 0;
	struct pollfd pfd = {out[0], POLLIN, 0};
	while (len < sizeof line - 1 && !memchr(line, '\n', len)) {
		int r = poll(&pfd, 1, 15000);
		cr_assert_gt(r, 0, "foi-sim did not start within 15 s (log: %s)", s->log);
		ssize_t got = read(out[0], line + len, sizeof line - 1 - len);
		if (got <= 0)
			break;
		len += (size_t)got;
	}
	line[len] = '\0';
	close(out[0]);
	char *log = read_file(s->log);
	const char *at = strstr(line, "http://127.0.0.1:");
	cr_assert(at, "foi-sim did not say where it listens: '%s'; log: %s", line, log ? log : "");
	free(log);
	s->port = (unsigned)atoi(at + strlen("http://127.0.0.1:"));
	cr_assert_gt(s->port, 0);
}

void sim_start_in(struct sim *s, const char *profiles, const char *now, const char *maildirs)
{
	memset(s, 0, sizeof *s);
	s->dir = make_temp_dir();
	s->state = keep(dupf("%s/state", s->dir));
	s->log = keep(dupf("%s/sim.log", s->dir));
	s->profiles = profiles ? keep(strdup(profiles)) : NULL;
	if (maildirs)
		s->maildirs = keep(strdup(maildirs));
	else {
		s->maildirs = keep(dupf("%s/mail", s->dir));
		cr_assert_eq(mkdir(s->maildirs, 0755), 0);
	}
	spawn(s, now);
}

void sim_start(struct sim *s, const char *profiles, const char *now)
{
	sim_start_in(s, profiles, now, NULL);
}

void sim_restart(struct sim *s)
{
	sim_stop(s);
	spawn(s, NULL);
}

int sim_stop(struct sim *s)
{
	if (s->pid <= 0)
		return -1;
	kill(s->pid, SIGTERM);
	int st = 0;
	waitpid(s->pid, &st, 0);
	forget(s->pid);
	s->pid = 0;
	/* Under SANITIZE=1 the sim is instrumented too: its reports land in its log. */
	char *log = read_file(s->log);
	int clean = !log || (!strstr(log, "ERROR: AddressSanitizer") && !strstr(log, "ERROR: LeakSanitizer") &&
			     !strstr(log, "runtime error:"));
	cr_assert(clean, "foi-sim reported a memory error:\n%s", log);
	free(log);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

void browser_open(struct browser *b)
{
	b->curl = curl_easy_init();
	cr_assert(b->curl);
	curl_easy_setopt(b->curl, CURLOPT_COOKIEFILE, ""); /* the cookie engine, in memory */
	curl_easy_setopt(b->curl, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(b->curl, CURLOPT_NOPROXY, "*");
}

void browser_close(struct browser *b)
{
	curl_easy_cleanup(b->curl);
	b->curl = NULL;
}

struct growing {
	char *p;
	size_t len;
};

static size_t collect(char *data, size_t size, size_t n, void *arg)
{
	struct growing *g = arg;
	size_t add = size * n;
	char *p = realloc(g->p, g->len + add + 1);
	if (!p)
		return 0;
	memcpy(p + g->len, data, add);
	g->p = p;
	g->len += add;
	g->p[g->len] = '\0';
	return add;
}

static struct http perform(struct browser *b, const char *url)
{
	struct growing g = {calloc(1, 1), 0};
	curl_easy_setopt(b->curl, CURLOPT_URL, url);
	curl_easy_setopt(b->curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(b->curl, CURLOPT_WRITEDATA, &g);
	CURLcode rc = curl_easy_perform(b->curl);
	cr_assert_eq(rc, CURLE_OK, "%s: %s", url, curl_easy_strerror(rc));
	struct http h = {0, g.p, g.len, NULL};
	curl_easy_getinfo(b->curl, CURLINFO_RESPONSE_CODE, &h.status);
	char *type = NULL;
	curl_easy_getinfo(b->curl, CURLINFO_CONTENT_TYPE, &type);
	h.type = type ? strdup(type) : NULL;
	return h;
}

struct http sim_get(struct sim *s, struct browser *b, const char *path)
{
	char *url = dupf("http://127.0.0.1:%u%s", s->port, path);
	curl_easy_setopt(b->curl, CURLOPT_HTTPGET, 1L);
	struct http h = perform(b, url);
	free(url);
	return h;
}

struct http sim_post(struct sim *s, struct browser *b, const char *path, const char *const *fields,
		     int multipart)
{
	char *url = dupf("http://127.0.0.1:%u%s", s->port, path);
	curl_mime *mime = NULL;
	char *body = NULL;
	if (multipart) {
		mime = curl_mime_init(b->curl);
		for (size_t i = 0; fields[i]; i += 2) {
			curl_mimepart *part = curl_mime_addpart(mime);
			curl_mime_name(part, fields[i]);
			curl_mime_data(part, fields[i + 1], CURL_ZERO_TERMINATED);
		}
		curl_easy_setopt(b->curl, CURLOPT_MIMEPOST, mime);
	} else {
		size_t cap = 1, len = 0;
		body = calloc(1, 1);
		for (size_t i = 0; fields[i]; i += 2) {
			char *k = curl_easy_escape(b->curl, fields[i], 0);
			char *v = curl_easy_escape(b->curl, fields[i + 1], 0);
			char *pair = dupf("%s%s=%s", len ? "&" : "", k, v);
			curl_free(k);
			curl_free(v);
			cap = len + strlen(pair) + 1;
			body = realloc(body, cap);
			cr_assert(body);
			memcpy(body + len, pair, strlen(pair) + 1);
			len += strlen(pair);
			free(pair);
		}
		curl_easy_setopt(b->curl, CURLOPT_POSTFIELDS, body);
	}
	struct http h = perform(b, url);
	curl_easy_setopt(b->curl, CURLOPT_MIMEPOST, NULL);
	curl_easy_setopt(b->curl, CURLOPT_POSTFIELDS, NULL);
	curl_mime_free(mime);
	free(body);
	free(url);
	return h;
}

void http_free(struct http *h)
{
	free(h->body);
	free(h->type);
	memset(h, 0, sizeof *h);
}

long sim_clock(struct sim *s, const char *to, char **json)
{
	struct browser b;
	browser_open(&b);
	const char *fields[] = {"to", to, NULL};
	struct http h = sim_post(s, &b, "/_sim/clock", fields, 0);
	browser_close(&b);
	long status = h.status;
	if (json)
		*json = strdup(h.body);
	http_free(&h);
	return status;
}

char *html_input_value(const char *html, const char *name)
{
	char *needle = dupf("name=\"%s\" value=\"", name);
	const char *p = strstr(html, needle);
	size_t skip = strlen(needle);
	free(needle);
	if (!p)
		return NULL;
	p += skip;
	return strndup(p, strcspn(p, "\""));
}

char *html_query_code(const char *html)
{
	const char *p = strstr(html, "查询码：");
	if (!p)
		return NULL;
	p += strlen("查询码：");
	const char *gt = strstr(p, "\">");
	if (strncmp(p, "<span", 5) == 0 && gt)
		p = gt + 2;
	return strndup(p, strcspn(p, "<"));
}

char *sim_maildir(struct sim *s, const char *address)
{
	const char *at = strrchr(address, '@');
	cr_assert(at);
	size_t n = strcspn(address, "+@");
	return keep(dupf("%s/%s/%.*s/Maildir", s->maildirs, at + 1, (int)n, address));
}

void sim_make_mailbox(struct sim *s, const char *address)
{
	char *dir = sim_maildir(s, address);
	struct foi_run r = run_shell("mkdir -p '%s/new' '%s/cur' '%s/tmp'", dir, dir, dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}

void sim_deliver(struct sim *s, const char *address, const char *name, const char *text)
{
	char *dir = sim_maildir(s, address);
	char *tmp = dupf("%s/tmp/%s", dir, name), *dest = dupf("%s/new/%s", dir, name);
	FILE *f = fopen(tmp, "w");
	cr_assert(f, "%s: %s", tmp, strerror(errno));
	fputs(text, f);
	fclose(f);
	cr_assert_eq(rename(tmp, dest), 0);
	free(tmp);
	free(dest);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **maildir_new_files(const char *maildir, size_t *count)
{
	char *dir = dupf("%s/new", maildir);
	char **files = calloc(1, sizeof *files);
	size_t n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		files = realloc(files, (n + 2) * sizeof *files);
		cr_assert(files);
		files[n++] = dupf("%s/%s", dir, e->d_name);
		files[n] = NULL;
	}
	if (d)
		closedir(d);
	free(dir);
	qsort(files, n, sizeof *files, by_name);
	if (count)
		*count = n;
	return files;
}

void files_free(char **files)
{
	for (size_t i = 0; files && files[i]; i++)
		free(files[i]);
	free(files);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The decoded bytes of a leaf part. */
static GByteArray *part_bytes(GMimePart *part)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);
	GMimeStream *mem = g_mime_stream_mem_new();
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
	GByteArray *ba = g_byte_array_new();
	g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(mem), ba);
	if (w)
		g_mime_data_wrapper_write_to_stream(w, mem);
	g_object_unref(mem);
	return ba;
}

static void read_part(GMimeObject *obj, struct reply *r)
{
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		for (int i = 0; i < g_mime_multipart_get_count(mp); i++)
			read_part(g_mime_multipart_get_part(mp, i), r);
		return;
	}
	if (!GMIME_IS_PART(obj))
		return;
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	if (g_mime_content_type_is_type(ct, "message", "delivery-status")) {
		GByteArray *ba = part_bytes(GMIME_PART(obj));
		r->report = strndup((const char *)ba->data, ba->len);
		g_byte_array_free(ba, TRUE);
		return;
	}
	if (!GMIME_IS_TEXT_PART(obj) || r->report)
		return;
	const char *filename = g_mime_part_get_filename(GMIME_PART(obj));
	/* The letter is the attachment when there is one, else the first text part. */
	if (r->text && !filename)
		return;
	if (filename) {
		free(r->attachment_name);
		r->attachment_name = strdup(filename);
		g_free(r->attachment_type);
		r->attachment_type = g_mime_content_type_get_mime_type(ct);
	}
	free(r->charset);
	r->charset = dup_or_null(g_mime_object_get_content_type_parameter(obj, "charset"));
	GByteArray *ba = part_bytes(GMIME_PART(obj));
	r->body_is_utf8 = g_utf8_validate((const char *)ba->data, (gssize)ba->len, NULL);
	g_byte_array_free(ba, TRUE);
	char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(obj));
	free(r->text);
	r->text = dup_or_null(text);
	g_free(text);
}

void reply_read(const char *path, struct reply *r)
{
	static int ready;
	if (!ready) {
		g_mime_init();
		ready = 1;
	}
	memset(r, 0, sizeof *r);
	r->path = strdup(path);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	r->mtime = st.st_mtime;
	GMimeStream *stream = g_mime_stream_file_open(path, "r", NULL);
	cr_assert(stream, "%s", path);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	cr_assert(msg, "%s is not a message", path);
	r->subject = dup_or_null(g_mime_message_get_subject(msg));
	r->message_id = dup_or_null(g_mime_message_get_message_id(msg));
	GMimeObject *o = GMIME_OBJECT(msg);
	r->in_reply_to = dup_or_null(g_mime_object_get_header(o, "In-Reply-To"));
	r->references = dup_or_null(g_mime_object_get_header(o, "References"));
	r->date_header = dup_or_null(g_mime_object_get_header(o, "Date"));
	GDateTime *dt = g_mime_message_get_date(msg);
	r->date = dt ? (time_t)g_date_time_to_unix(dt) : 0;
	char *from = internet_address_list_to_string(g_mime_message_get_from(msg), NULL, FALSE);
	r->from = dup_or_null(from);
	g_free(from);
	char *to = internet_address_list_to_string(g_mime_message_get_to(msg), NULL, FALSE);
	r->to = dup_or_null(to);
	g_free(to);
	GMimeObject *top = g_mime_message_get_mime_part(msg);
	r->content_type = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(top));
	read_part(top, r);
	g_object_unref(msg);
}

void reply_free(struct reply *r)
{
	free(r->path);
	free(r->subject);
	free(r->from);
	free(r->to);
	free(r->message_id);
	free(r->in_reply_to);
	free(r->references);
	free(r->date_header);
	g_free(r->content_type);
	free(r->charset);
	free(r->text);
	free(r->attachment_name);
	g_free(r->attachment_type);
	free(r->report);
	memset(r, 0, sizeof *r);
}

time_t shanghai(const char *text)
{
	int y, mo, d, h, mi;
	cr_assert_eq(sscanf(text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), 5, "%s", text);
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi,
			.tm_isdst = -1};
	return mktime(&tm);
}
