/* Support for the round-sending tests: workspaces, Maildir counts, background foi, a bad server. */
#include "tests/unit/send_support.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/run_foi.h"

void send_workspace_server(const char *dir, const struct send_server *srv)
{
	/* foi.ini is rewritten key by key, as an evaluator would edit it. */
	struct foi_run r = run_shell("cd '%s' && sed -i -e 's|^smtp_host =.*|smtp_host = %s|' -e 's|^smtp_port =.*|smtp_port = %u|' "
				     "-e 's|^smtp_tls =.*|smtp_tls = %s|' -e 's|^smtp_ca_file =.*|smtp_ca_file = %s|' "
				     "-e 's|^smtp_user =.*|smtp_user = %s|' -e 's|^smtp_password =.*|smtp_password = %s|' "
				     "-e 's|^host_gap_seconds =.*|host_gap_seconds = %d|' -e 's|^per_minute =.*|per_minute = 0|' foi.ini "
				     "&& chmod 600 foi.ini",
				     dir, srv->host, srv->port, srv->tls, srv->ca_file, srv->user, srv->password, srv->host_gap_seconds);
	cr_assert_eq(r.status, 0, "editing foi.ini: %s", r.err);
	run_free(&r);
}

void send_workspace_set(const char *dir, const char *key, const char *value)
{
	struct foi_run r = run_shell("cd '%s' && grep -q '^%s = ' foi.ini && sed -i 's|^%s = .*|%s = %s|' foi.ini", dir, key,
				     key, key, value);
	cr_assert_eq(r.status, 0, "foi.ini has no key %s to set: %s", key, r.err);
	run_free(&r);
}

char *send_workspace(const struct send_server *srv)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "init: %s", r.err);
	run_free(&r);
	r = run_shell("cd '%s' && awk -F, 'BEGIN { OFS = \",\" } NR > 1 { $6 = \"\"; $7 = \"\" } { print }' units.csv >mail-units.csv",
		      dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "units import %s/mail-units.csv", dir);
	cr_assert_eq(r.status, 0, "units import: %s", r.err);
	run_free(&r);
	send_workspace_server(dir, srv);
	return dir;
}

cJSON *send_plan(const char *dir, const char *round)
{
	struct foi_run r = run_foi(dir, "round show %s --json", round);
	cr_assert_eq(r.status, 0, "round show: %s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "not JSON: %s", r.out);
	run_free(&r);
	return doc;
}

const char *send_field(const cJSON *request, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(request, key);
	return cJSON_IsString(v) ? v->valuestring : "";
}

int send_count_state(const cJSON *plan, const char *state)
{
	int n = 0;
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		n += strcmp(send_field(q, "state"), state) == 0;
	return n;
}

int summary_says(const char *out, const char *label, int n)
{
	char line[64];
	snprintf(line, sizeof line, "  %-22s %6d\n", label, n);
	return strstr(out, line) != NULL;
}

static int count_in(const char *folder, const char *needle)
{
	DIR *d = opendir(folder);
	if (!d)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *path;
		if (asprintf(&path, "%s/%s", folder, e->d_name) < 0)
			abort();
		char *text = read_file(path);
		n += text && strstr(text, needle) != NULL;
		free(text);
		free(path);
	}
	closedir(d);
	return n;
}

int maildir_count(const char *base, const char *address, const char *needle)
{
	const char *at = strchr(address, '@');
	cr_assert_not_null(at, "%s", address);
	char *newdir, *curdir;
	if (asprintf(&newdir, "%s/%s/%.*s/Maildir/new", base, at + 1, (int)(at - address), address) < 0 ||
	    asprintf(&curdir, "%s/%s/%.*s/Maildir/cur", base, at + 1, (int)(at - address), address) < 0)
		abort();
	int n = count_in(newdir, needle) + count_in(curdir, needle);
	free(newdir);
	free(curdir);
	return n;
}

int maildir_wait(const char *base, const char *address, const char *needle, int want, double timeout_s)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		int n = maildir_count(base, address, needle);
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (n >= want || (t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9 > timeout_s)
			return n;
		usleep(50000);
	}
}

pid_t spawn_foi(const char *dir, const char *now, ...)
{
	const char *argv[32];
	int n = 0;
	argv[n++] = getenv("FOI_BIN");
	argv[n++] = "-C";
	argv[n++] = dir;
	if (now) {
		argv[n++] = "--now";
		argv[n++] = now;
	}
	va_list ap;
	va_start(ap, now);
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL && n < 31)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	cr_assert_not_null(argv[0], "FOI_BIN is not set");
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 1);
		dup2(null, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

static void put(int fd, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* One SMTP conversation, line by line; returns when the client leaves (or never, swallowing). */
static void serve_client(int c, enum fake_smtp_mode mode, const char *received)
{
	char buf[8192], line[1024];
	size_t have = 0;
	int in_data = 0;
	put(c, "220 fake.foi.test ESMTP\r\n");
	for (;;) {
		char *eol = memchr(buf, '\n', have);
		if (!eol) {
			if (have == sizeof buf)
				have = 0; /* a line longer than the buffer: only its end matters here */
			ssize_t r = read(c, buf + have, sizeof buf - have);
			if (r <= 0)
				return;
			have += (size_t)r;
			continue;
		}
		size_t len = (size_t)(eol - buf) + 1;
		snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), buf);
		memmove(buf, buf + len, have - len);
		have -= len;
		if (in_data) {
			if (strcmp(line, ".\r\n") == 0) {
				FILE *f = fopen(received, "a");
				if (f) {
					fputs("DATA DONE\n", f);
					fclose(f);
				}
				if (mode == FAKE_SMTP_SWALLOW)
					for (;;)
						pause(); /* the message is here; the answer never comes */
				put(c, "250 2.0.0 queued\r\n");
				in_data = 0;
			}
			continue;
		}
		if (strncasecmp(line, "EHLO", 4) == 0)
			put(c, "250-fake.foi.test\r\n250 8BITMIME\r\n");
		else if (strncasecmp(line, "DATA", 4) == 0) {
			put(c, "354 go ahead\r\n");
			in_data = 1;
		} else if (strncasecmp(line, "QUIT", 4) == 0) {
			put(c, "221 bye\r\n");
			return;
		} else
			put(c, "250 2.0.0 ok\r\n");
	}
}

void fake_smtp_start(struct fake_smtp *f, enum fake_smtp_mode mode)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	cr_assert(s >= 0);
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof a;
	cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
	cr_assert_eq(listen(s, 8), 0);
	cr_assert_eq(getsockname(s, (struct sockaddr *)&a, &alen), 0);
	f->port = ntohs(a.sin_port);
	if (asprintf(&f->received, "%s/received", make_temp_dir()) < 0)
		abort();
	f->pid = fork();
	cr_assert(f->pid >= 0);
	if (f->pid == 0) {
		/* A failed assertion ends the test without fake_smtp_stop: die with it, and hold none
		 * of its output pipes open. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		int null = open("/dev/null", O_RDWR);
		dup2(null, 1);
		dup2(null, 2);
		for (;;) {
			int c = accept(s, NULL, NULL);
			if (c < 0 && errno == EINTR)
				continue;
			if (c < 0)
				_exit(1);
			serve_client(c, mode, f->received);
			close(c);
		}
	}
	close(s);
}

void fake_smtp_stop(struct fake_smtp *f)
{
	if (f->pid > 0) {
		kill(f->pid, SIGKILL);
		waitpid(f->pid, NULL, 0);
	}
	f->pid = 0;
	free(f->received);
	f->received = NULL;
}

int fake_smtp_messages(const struct fake_smtp *f)
{
	char *text = read_file(f->received);
	int n = 0;
	for (const char *p = text; p && (p = strstr(p, "DATA DONE")) != NULL; p++)
		n++;
	free(text);
	return n;
}
