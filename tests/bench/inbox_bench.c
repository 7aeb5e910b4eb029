/*
 * Inbox benchmark: `foi inbox fetch` of 10,000 messages from the loopback Dovecot of the test
 * mail stack (tests/env/mailstack, started here in a folder of its own and stopped at the end):
 * messages per second, and the peak memory (RSS) of the process. Each message is stored,
 * read, matched (to the holding pen: no round was sent) and committed on its own. Targets:
 * at least 1,000 messages per second and under 50 MB; exits 1 below either.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "harness/app.h"
#include "harness/clock.h"
#include "harness/cmd/commands.h"
#include "harness/mail/inbox_fetch.h"
#include "harness/workspace.h"

#define MESSAGES 10000
#define TARGET_RATE 1000.0
#define TARGET_MB 50.0

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Starts or stops the bench's own mail stack. */
static int stack_run(const char *ports, const char *base, const char *what)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s '%s/tests/env/mailstack' %s >>'%s/stack.log' 2>&1", ports, FOI_DATADIR, what, base);
	return system(cmd);
}

/* A reply as units send them: GBK text, a short letter, sometimes an attachment. */
static int write_messages(const char *folder, uid_t uid, gid_t gid)
{
	static const char body[] = "\xc4\xfa\xba\xc3\xa3\xac\xc4\xfa\xb5\xc4\xc9\xea\xc7\xeb\xce\xd2\xc3\xc7\xd2\xd1\xca\xd5\xb5\xbd\xa1\xa3";
	for (int i = 0; i < MESSAGES; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/new/%d.M%dP1.bench", folder, i, i);
		FILE *f = fopen(path, "w");
		if (!f)
			return -1;
		fprintf(f, "Return-Path: <u%d@units.foi.test>\r\nDelivered-To: evaluator@foi.test\r\n"
			   "From: =?GBK?B?y+bW3crQ?= <u%d@units.foi.test>\r\nTo: zhang.wei@foi.test\r\n"
			   "Subject: =?GBK?B?u9i4tA==?= %d\r\nDate: Mon, 25 Sep 2023 10:00:00 +0800\r\n"
			   "Message-ID: <bench-%d@units.foi.test>\r\nMIME-Version: 1.0\r\n", i % 50, i % 50, i, i);
		if (i % 10 == 0)
			fprintf(f, "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=GBK\r\n\r\n"
				   "%s\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
				   "filename=\"a%d.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJDREVGR0g=\r\n--b--\r\n", body, i);
		else
			fprintf(f, "Content-Type: text/plain; charset=GBK\r\n\r\n%s\r\n", body);
		if (fclose(f) != 0 || chown(path, uid, gid) != 0)
			return -1;
	}
	return 0;
}

int main(void)
{
	char base[] = "/tmp/foi-inbox-bench.XXXXXX";
	if (!mkdtemp(base)) {
		perror("inbox_bench: mkdtemp");
		return 1;
	}
	/* The servers' unprivileged users must reach their files below it. */
	if (chmod(base, 0755) != 0) {
		perror("inbox_bench: chmod");
		return 1;
	}
	char mail[100], ws_dir[100], folder[300], root[200], cmd[1024];
	snprintf(mail, sizeof mail, "%s/mail", base);
	snprintf(ws_dir, sizeof ws_dir, "%s/ws", base);
	unsigned port = 30000 + (unsigned)getpid() % 10000 * 2;
	char ports[64];
	snprintf(ports, sizeof ports, "FOI_SMTP_PORT=%u FOI_IMAP_PORT=%u", port, port + 1);
	setenv("FOI_MAIL_DIR", mail, 1);
	int rc = 1;
	if (stack_run(ports, base, "start") != 0) {
		fprintf(stderr, "inbox_bench: the mail stack did not start (see %s/stack.log)\n", base);
		goto out;
	}
	/* A folder of the evaluator's mailbox, written as Postfix would (the Maildir's owner). */
	snprintf(root, sizeof root, "%s/mail/foi.test/evaluator/Maildir", mail);
	snprintf(folder, sizeof folder, "%s/.bench", root);
	struct stat owner;
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/cur' '%s/new' '%s/tmp'", folder, folder, folder);
	if (stat(root, &owner) != 0 || system(cmd) != 0) {
		fprintf(stderr, "inbox_bench: cannot make %s\n", folder);
		goto stop;
	}
	if (write_messages(folder, owner.st_uid, owner.st_gid) != 0) {
		fprintf(stderr, "inbox_bench: cannot write the messages into %s\n", folder);
		goto stop;
	}
	snprintf(cmd, sizeof cmd, "chown -R %u:%u '%s'", (unsigned)owner.st_uid, (unsigned)owner.st_gid, folder);
	if (system(cmd) != 0)
		goto stop;

	struct foi_app app = {.progname = "foi", .workspace_dir = ws_dir};
	char err[FOI_ERR_MAX];
	char *init_argv[] = {"init", ws_dir, NULL};
	if (clock_init(&app, err, sizeof err) != 0 || cmd_init(&app, 2, init_argv) != FOI_EXIT_OK) {
		fprintf(stderr, "inbox_bench: foi init %s failed\n", ws_dir);
		goto stop;
	}
	struct workspace ws;
	if (workspace_open(&app, &ws, err, sizeof err) != FOI_EXIT_OK) {
		fprintf(stderr, "inbox_bench: %s\n", err);
		goto stop;
	}
	struct settings *s = &ws.settings;
	snprintf(s->imap_user, sizeof s->imap_user, "evaluator@foi.test");
	snprintf(s->imap_password, sizeof s->imap_password, "test-evaluator");
	snprintf(s->imap_ca_file, sizeof s->imap_ca_file, "%.100s/tls/cert.pem", mail);
	snprintf(s->imap_mailbox, sizeof s->imap_mailbox, "bench");
	s->imap_port = (int)port + 1;

	struct inbox_fetch_result res;
	double t0 = now();
	enum foi_status st = inbox_fetch(&ws, NULL, &res, err, sizeof err);
	double secs = now() - t0;
	workspace_close(&ws);
	if (st != FOI_OK || res.stored != MESSAGES) {
		fprintf(stderr, "inbox_bench: fetch stored %d of %d: %s\n", res.stored, MESSAGES, st != FOI_OK ? err : "");
		goto stop;
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	double mb = (double)ru.ru_maxrss / 1024.0, rate = MESSAGES / secs;
	printf("inbox_bench: %d messages fetched, stored and matched in %.2f s: %.0f per second (target %.0f), "
	       "peak RSS %.1f MB (target < %.0f)\n", MESSAGES, secs, rate, TARGET_RATE, mb, TARGET_MB);
	rc = rate >= TARGET_RATE && mb < TARGET_MB ? 0 : 1;
	if (rc)
		fprintf(stderr, "inbox_bench: below target\n");
stop:
	stack_run(ports, base, "stop");
out:
	if (rc == 0) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
		if (system(cmd) != 0)
			fprintf(stderr, "inbox_bench: %s left behind\n", base);
	}
	return rc;
}
