/*
 * The mail stack script itself (tests/env/mailstack): a second stack on other ports and in
 * another folder runs beside the one of this test run without touching it, `stop` leaves no
 * process behind, and `start` refuses clearly what it cannot do.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness/mail/smtp_send.h"
#include "tests/unit/mailstack_env.h"
#include "tests/unit/run_foi.h"

static struct mail_env env;
static char err[1024];

/* The second stack of a test, stopped and removed by fini whatever the test's fate. */
static char *second_dir;
static const char *script;

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
	script = src_path("tests/env/mailstack");
}

/* A fresh folder for a second stack, inside the first one's: should a test crash before its
 * fini, tests/run-tests stops every FOI_MAIL_DIR/extra.* stack before its own. */
static char *extra_dir(void)
{
	char *d;
	cr_assert(asprintf(&d, "%s/extra.XXXXXX", env.dir) > 0);
	cr_assert_not_null(mkdtemp(d), "mkdtemp %s", d);
	return d;
}

static void teardown(void)
{
	if (second_dir) {
		struct foi_run r = run_shell("FOI_MAIL_DIR='%s' '%s' stop", second_dir, script);
		run_free(&r);
		r = run_shell("rm -rf '%s'", second_dir);
		run_free(&r);
		free(second_dir);
		second_dir = NULL;
	}
	script = NULL;
}

TestSuite(mailstack_stack, .init = setup, .fini = teardown, .timeout = 120);

/* Processes whose working directory or root lies in dir: what a stack there runs. */
static int processes_in(const char *dir, char *list, size_t n)
{
	DIR *d = opendir("/proc");
	cr_assert_not_null(d);
	struct dirent *e;
	int count = 0;
	size_t dl = strlen(dir), used = 0;
	list[0] = '\0';
	while ((e = readdir(d))) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		const char *links[] = {"cwd", "root"};
		for (int i = 0; i < 2; i++) {
			char path[300], target[4096];
			snprintf(path, sizeof path, "/proc/%s/%s", e->d_name, links[i]);
			ssize_t len = readlink(path, target, sizeof target - 1);
			if (len < 0)
				continue;
			target[len] = '\0';
			if (strncmp(target, dir, dl) == 0 && (target[dl] == '/' || target[dl] == '\0')) {
				count++;
				if (used + strlen(e->d_name) + 2 < n)
					used += (size_t)snprintf(list + used, n - used, "%s ", e->d_name);
				break;
			}
		}
	}
	closedir(d);
	return count;
}

static int send_one(const struct mail_env *e, const char *to_addr, const char *token,
		    struct smtp_report *rep)
{
	size_t len;
	char *msg = mail_fixture("application-gbk.eml", token, &len);
	char *pw = mail_password(e, "evaluator@foi.test");
	cr_assert_not_null(pw, "no password in %s", e->dir);
	struct smtp_server srv = mail_smtp(e, "evaluator@foi.test", pw);
	const char *to[] = {to_addr};
	int rc = smtp_send(&srv, "evaluator@foi.test", to, 1, msg, len, rep, err, sizeof err);
	free(pw);
	free(msg);
	return rc;
}

Test(mailstack_stack, a_second_stack_runs_beside_the_first_and_stops_without_a_trace)
{
	second_dir = extra_dir();
	unsigned smtp_port = mail_free_port(), imap_port;
	do
		imap_port = mail_free_port();
	while (imap_port == smtp_port);
	const char *units = src_path("tests/fixtures/mailstack/units-extra.csv");
	struct foi_run r = run_shell("FOI_MAIL_DIR='%s' FOI_SMTP_PORT=%u FOI_IMAP_PORT=%u "
				     "FOI_UNITS_FILE='%s' FOI_MAIL_REFUSE='x01@units.foi.test' '%s' start",
				     second_dir, smtp_port, imap_port, units, script);
	cr_assert_eq(r.status, 0, "start: %s", r.err);
	run_free(&r);

	r = run_shell("FOI_MAIL_DIR='%s' '%s' status", second_dir, script);
	cr_assert_eq(r.status, 0, "status: %s%s", r.out, r.err);
	char want[64];
	snprintf(want, sizeof want, "SMTP on 127.0.0.1:%u", smtp_port);
	cr_assert(strstr(r.out, want) != NULL, "%s", r.out);
	snprintf(want, sizeof want, "IMAP on 127.0.0.1:%u", imap_port);
	cr_assert(strstr(r.out, want) != NULL, "%s", r.out);
	run_free(&r);

	struct mail_env second = {.smtp_port = smtp_port, .imap_port = imap_port};
	snprintf(second.dir, sizeof second.dir, "%s", second_dir);
	snprintf(second.ca_file, sizeof second.ca_file, "%s/tls/cert.pem", second_dir);

	/* The units file named two mailboxes in one quoted field; the second stack has them. */
	char token[17];
	mail_token(token);
	struct smtp_report rep;
	cr_assert_eq(send_one(&second, "x02-xxgk@units.foi.test", token, &rep), 0, "%s", err);
	smtp_report_free(&rep);
	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&second, "x02-xxgk@units.foi.test", token, 15, &len, &uid, err,
				  sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);
	cr_assert_eq(send_one(&second, "x02@units.foi.test", token, &rep), 0, "%s", err);
	smtp_report_free(&rep);
	/* Listed, but left out on purpose: a unit whose published address bounces. */
	cr_assert_eq(send_one(&second, "x01@units.foi.test", token, &rep), -1);
	cr_assert_eq(rep.rcpt[0].reply.code, 550, "%s", err);
	smtp_report_free(&rep);

	/* The first stack knows nothing of them: the two are separate worlds. */
	cr_assert_eq(send_one(&env, "x02-xxgk@units.foi.test", token, &rep), -1);
	cr_assert_eq(rep.rcpt[0].reply.code, 550, "%s", err);
	smtp_report_free(&rep);

	char list[512];
	cr_assert_gt(processes_in(second_dir, list, sizeof list), 0);
	r = run_shell("FOI_MAIL_DIR='%s' '%s' stop", second_dir, script);
	cr_assert_eq(r.status, 0, "stop: %s", r.err);
	run_free(&r);
	/* stop returns only when every process of the stack is gone. */
	cr_assert_eq(processes_in(second_dir, list, sizeof list), 0, "left running: %s", list);
	r = run_shell("FOI_MAIL_DIR='%s' '%s' status", second_dir, script);
	cr_assert_eq(r.status, 3, "status after stop: %s", r.out);
	cr_assert(strstr(r.out, "postfix: stopped") && strstr(r.out, "dovecot: stopped"), "%s", r.out);
	run_free(&r);
	cr_assert_eq(send_one(&second, "x02@units.foi.test", token, &rep), -1);
	cr_assert_eq(rep.outcome, SMTP_NO_SESSION, "%s", err);
	smtp_report_free(&rep);

	/* And the first stack carries on. */
	cr_assert_eq(send_one(&env, "d13@units.foi.test", token, &rep), 0, "%s", err);
	smtp_report_free(&rep);
	got = mail_wait_for(&env, "d13@units.foi.test", token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);
}

Test(mailstack_stack, start_refuses_a_port_in_use)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t al = sizeof a;
	cr_assert(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(fd, 1) == 0 &&
		  getsockname(fd, (struct sockaddr *)&a, &al) == 0);
	unsigned busy = ntohs(a.sin_port);
	second_dir = extra_dir();
	struct foi_run r = run_shell("FOI_MAIL_DIR='%s' FOI_SMTP_PORT=%u FOI_IMAP_PORT=%u '%s' start",
				     second_dir, busy, mail_free_port(), script);
	close(fd);
	cr_assert_eq(r.status, 1);
	char want[80];
	snprintf(want, sizeof want, "port %u on 127.0.0.1 is in use already", busy);
	cr_assert(strstr(r.err, want) != NULL, "%s", r.err);
	run_free(&r);
	char list[256];
	cr_assert_eq(processes_in(second_dir, list, sizeof list), 0, "started anyway: %s", list);
}

Test(mailstack_stack, a_bad_units_file_is_refused_naming_its_line)
{
	second_dir = extra_dir();
	const char *units = src_path("tests/fixtures/mailstack/units-bad.csv");
	struct foi_run r = run_shell("FOI_MAIL_DIR='%s' FOI_SMTP_PORT=%u FOI_IMAP_PORT=%u "
				     "FOI_UNITS_FILE='%s' '%s' start",
				     second_dir, mail_free_port(), mail_free_port(), units, script);
	cr_assert_eq(r.status, 1);
	char want[512];
	snprintf(want, sizeof want, "%s:3: \"xxgk at units.foi.test\" is not a mail address", units);
	cr_assert(strstr(r.err, want) != NULL, "%s", r.err);
	run_free(&r);
	char list[256];
	cr_assert_eq(processes_in(second_dir, list, sizeof list), 0, "started anyway: %s", list);
}

Test(mailstack_stack, only_root_may_start_it)
{
	/* A copy in a folder anybody may read: the source tree may not be. */
	second_dir = extra_dir();
	struct foi_run r = run_shell("chmod 755 '%s' && cp '%s' '%s/mailstack' && "
				     "setpriv --reuid=65534 --regid=65534 --clear-groups '%s/mailstack' start",
				     second_dir, script, second_dir, second_dir);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "mailstack: Postfix needs root: run this as root") != NULL, "%s", r.err);
	run_free(&r);
}

Test(mailstack_stack, status_of_a_folder_without_a_stack_says_stopped)
{
	second_dir = extra_dir();
	struct foi_run r = run_shell("FOI_MAIL_DIR='%s' '%s' status", second_dir, script);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.out, "postfix: stopped\ndovecot: stopped\n") != NULL, "%s", r.out);
	run_free(&r);
}
