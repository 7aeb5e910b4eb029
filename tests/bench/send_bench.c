/*
 * Sending benchmark: a round of 10,000 requests (an application and a question to each of
 * 5,000 generated units, all by e-mail to mailboxes of the real Postfix + Dovecot test stack on
 * loopback, started here with those mailboxes), sent by `foi round send` with politeness off.
 * Prints requests per second and the sender's peak memory (getrusage of the child, so the bench's
 * own bookkeeping does not count). Targets: the whole round sent in under 60 s, under 50 MB
 * RSS; exits 1 when either is missed or when not every request was sent. Needs root (Postfix).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define UNITS 5000
#define REQUESTS (2 * UNITS)
#define TARGET_SECONDS 60.0
#define TARGET_RSS_MB 50.0
#define PLANNED_AT "2023-09-18 08:00"
#define ALL_DUE "2023-10-09 09:00" /* after the round's ten days of spread */

static char stack_dir[256], smtp_port[16], imap_port[16], units_csv[512];
static int stack_started;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *fmt, ...);

/* Runs argv (NULL-terminated) with the stack's environment; its rusage in *ru when given.
 * Standard output goes to out_path when given, else to /dev/null. Returns the exit status. */
static int run(char *const argv[], const char *out_path, struct rusage *ru)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		setenv("FOI_MAIL_DIR", stack_dir, 1);
		setenv("FOI_SMTP_PORT", smtp_port, 1);
		setenv("FOI_IMAP_PORT", imap_port, 1);
		setenv("FOI_UNITS_FILE", units_csv, 1);
		int fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd >= 0)
			dup2(fd, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage r;
	if (wait4(pid, &status, 0, &r) != pid)
		die("wait: %s", strerror(errno));
	if (ru)
		*ru = r;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void stack(const char *what)
{
	char script[600];
	snprintf(script, sizeof script, "%s/tests/env/mailstack", FOI_DATADIR);
	char *argv[] = {script, (char *)what, NULL};
	if (run(argv, NULL, NULL) != 0)
		die("tests/env/mailstack %s failed (it needs root)", what);
}

static void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "send_bench: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (stack_started) {
		stack_started = 0;
		stack("stop");
	}
	exit(1);
}

static void foi(const char *ws, const char *out, struct rusage *ru, ...)
{
	char *argv[32];
	int n = 0;
	static char bin[600];
	snprintf(bin, sizeof bin, "%s/foi", FOI_BUILDDIR);
	argv[n++] = bin;
	if (ws) {
		argv[n++] = "-C";
		argv[n++] = (char *)ws;
	}
	int first = n;
	va_list ap;
	va_start(ap, ru);
	char *a;
	while ((a = va_arg(ap, char *)) != NULL && n < 31)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	int rc = run(argv, out, ru);
	if (rc != 0)
		die("foi %s %s failed (exit %d)", argv[first], argv[first + 1] ? argv[first + 1] : "", rc);
}

/* The domains of the shipped city departments, so that every generated unit has templates. */
static const char *const domains[] = {
	"agriculture", "audit", "budget procurement", "civil-affairs social-assistance", "civil-defence", "commerce",
	"culture-tourism", "education", "emergency", "employment social-security", "environment", "ethnic-religion",
	"finance", "health", "housing permits", "industry subsidies", "investment", "justice", "market-regulation",
	"medical-insurance", "natural-resources", "planning projects", "public-security", "rural-revitalization",
	"science", "state-assets", "statistics", "transport", "urban-management enforcement", "veterans", "water",
};

static void write_units(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email,domain\n");
	for (int i = 1; i <= UNITS; i++)
		fprintf(f, "B%04d,测试局%04d,department,,,,,b%04d@bench.foi.test,%s\n", i, i, i,
			domains[i % (int)(sizeof domains / sizeof domains[0])]);
	if (fclose(f) != 0)
		die("%s: cannot write", path);
}

static int count_sent(const char *ws)
{
	char path[700];
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;
	snprintf(path, sizeof path, "%s/foi.db", ws);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM requests WHERE state = 'sent'", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

/* Points foi.ini at the stack: its port, CA, login; politeness off. */
static void configure(const char *ws)
{
	char cmd[2400];
	snprintf(cmd, sizeof cmd,
		 "cd '%s' && sed -i -e 's|^smtp_port =.*|smtp_port = %s|' -e 's|^smtp_ca_file =.*|smtp_ca_file = %s/tls/cert.pem|' "
		 "-e 's|^smtp_user =.*|smtp_user = evaluator@foi.test|' -e 's|^host_gap_seconds =.*|host_gap_seconds = 0|' "
		 "-e 's|^per_minute =.*|per_minute = 0|' foi.ini",
		 ws, smtp_port, stack_dir);
	if (system(cmd) != 0)
		die("cannot edit %s/foi.ini", ws);
	setenv("FOI_SMTP_PASSWORD", "test-evaluator", 1);
}

int main(void)
{
	char tmp[] = "/tmp/foi-send-bench.XXXXXX";
	if (!mkdtemp(tmp) || chmod(tmp, 0755) != 0) /* Postfix's own users reach the stack inside */
		die("%s: %s", tmp, strerror(errno));
	snprintf(stack_dir, sizeof stack_dir, "%s/mail", tmp);
	/* Ports of its own, beside a test run's (tests/run-tests takes 20000-39999). */
	snprintf(smtp_port, sizeof smtp_port, "%d", 40000 + (int)(getpid() % 10000) * 2);
	snprintf(imap_port, sizeof imap_port, "%d", 40001 + (int)(getpid() % 10000) * 2);
	snprintf(units_csv, sizeof units_csv, "%s/units.csv", tmp);
	write_units(units_csv);

	double t0 = now();
	stack("start");
	stack_started = 1;
	printf("send_bench: mail stack with %d unit mailboxes ready in %.1f s\n", UNITS, now() - t0);

	char ws[600];
	snprintf(ws, sizeof ws, "%s/ws", tmp);
	foi(NULL, NULL, NULL, "init", ws, NULL);
	foi(ws, NULL, NULL, "units", "import", units_csv, NULL);
	configure(ws);

	t0 = now();
	foi(ws, NULL, NULL, "--now", PLANNED_AT, "round", "create", "bench", "--seed", "1", "--start", "2023-09-18", NULL);
	printf("send_bench: planned %d requests in %.1f s\n", REQUESTS, now() - t0);

	struct rusage ru;
	char out[700];
	snprintf(out, sizeof out, "%s/send.out", tmp);
	t0 = now();
	foi(ws, out, &ru, "--now", ALL_DUE, "round", "send", "bench", NULL);
	double secs = now() - t0, rss_mb = (double)ru.ru_maxrss / 1024.0;
	int sent = count_sent(ws);
	printf("send_bench: sent %d of %d requests in %.1f s: %.0f requests per second, peak RSS %.1f MB "
	       "(targets: under %.0f s, under %.0f MB)\n", sent, REQUESTS, secs, sent / secs, rss_mb, TARGET_SECONDS,
	       TARGET_RSS_MB);
	stack_started = 0;
	stack("stop");
	char cleanup[600];
	snprintf(cleanup, sizeof cleanup, "rm -rf '%s'", tmp);
	if (system(cleanup) != 0)
		fprintf(stderr, "send_bench: could not remove %s\n", tmp);
	if (sent != REQUESTS) {
		fprintf(stderr, "send_bench: FAIL: %d requests not sent (see foi round show)\n", REQUESTS - sent);
		return 1;
	}
	if (secs >= TARGET_SECONDS || rss_mb >= TARGET_RSS_MB) {
		fprintf(stderr, "send_bench: FAIL: over target\n");
		return 1;
	}
	return 0;
}
