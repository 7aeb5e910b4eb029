/*
 * `foi round run` against the real Postfix + Dovecot stack: the round goes out by itself, each
 * request at its planned minute, one log line per request sent; --until and --once stop where
 * they say and a second run carries on without sending anything twice; one run per workspace;
 * SIGTERM stops a sleeping run cleanly.
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/mailstack_env.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"

#define EVALUATOR "evaluator@foi.test"

static struct mail_env env;
static char err[1024];
static char *password;
static char maildirs[300];

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
	password = mail_password(&env, EVALUATOR);
	cr_assert_not_null(password);
	snprintf(maildirs, sizeof maildirs, "%s/mail", env.dir);
}

static void teardown(void)
{
	free(password);
}

TestSuite(mailstack_run, .init = setup, .fini = teardown);

static char *planned_workspace(const char *start)
{
	struct send_server srv = {.host = "127.0.0.1", .port = env.smtp_port, .tls = "required",
				  .ca_file = env.ca_file, .user = EVALUATOR, .password = password};
	char *dir = send_workspace(&srv);
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 11 --start %s", start);
	cr_assert_eq(r.status, 0, "round create: %s", r.err);
	run_free(&r);
	return dir;
}

/* Every sent request's attempt started at its planned minute; returns how many were sent. */
static int sent_at_planned_minute(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT q.id, q.send_at, a.started_at FROM requests q JOIN attempts a ON a.request_id = q.id"
					" WHERE a.outcome = 'sent'",
					-1, &st, NULL),
		     SQLITE_OK);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *planned = (const char *)sqlite3_column_text(st, 1);
		const char *started = (const char *)sqlite3_column_text(st, 2);
		cr_assert_str_eq(started, planned, "request %lld went out at %s, planned for %s",
				 (long long)sqlite3_column_int64(st, 0), started, planned);
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Each request of the plan that was sent reached its unit's mailbox exactly once. */
static void each_arrived_once(const cJSON *plan)
{
	const cJSON *req;
	cJSON_ArrayForEach(req, cJSON_GetObjectItem(plan, "requests")) {
		if (strcmp(send_field(req, "state"), "sent") != 0)
			continue;
		const char *mid = send_field(req, "message_id");
		cr_assert_eq(maildir_count(maildirs, send_field(req, "address"), mid), 1, "%s reached %s %d times", mid,
			     send_field(req, "address"), maildir_count(maildirs, send_field(req, "address"), mid));
	}
}

static int count_lines(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

Test(mailstack_run, a_round_goes_out_by_itself_each_request_at_its_planned_minute)
{
	char *dir = planned_workspace("2023-09-18");
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round run r --until '2023-10-09 09:00'");
	cr_assert_eq(r.status, 0, "round run: %s\n%s", r.err, r.out);
	cJSON *plan = send_plan(dir, "r");
	int sent = send_count_state(plan, "sent");
	cr_assert_gt(sent, 20, "%s", r.out);
	cr_assert_eq(send_count_state(plan, "planned"), 0, "nothing e-mail left planned: %s", r.out);
	cr_assert_eq(sent_at_planned_minute(dir), sent);
	cr_assert_eq(count_lines(r.out, " sent request "), sent, "one line per request sent: %s", r.out);
	cr_assert(strstr(r.out, "every request of the round has gone out"), "%s", r.out);
	each_arrived_once(plan);
	cJSON_Delete(plan);
	run_free(&r);
}

Test(mailstack_run, until_and_once_stop_where_they_say_and_a_second_run_carries_on)
{
	char *dir = planned_workspace("2023-09-18");
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round run r --until '2023-09-22 12:00'");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cJSON *plan = send_plan(dir, "r");
	int first = send_count_state(plan, "sent");
	int left = send_count_state(plan, "planned");
	cr_assert_gt(first, 0);
	cr_assert_gt(left, 0, "what is planned after --until waits");
	const cJSON *req;
	cJSON_ArrayForEach(req, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(req, "state"), "planned") == 0)
			cr_assert_gt(strcmp(send_field(req, "send_at"), "2023-09-22T12:00"), 0, "%s was due before --until",
				     send_field(req, "send_at"));
	cJSON_Delete(plan);

	/* --once at a later moment sends what is due by then, and nothing else. */
	r = run_foi(dir, "--now '2023-09-26 17:00' round run r --once");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	plan = send_plan(dir, "r");
	int second = send_count_state(plan, "sent");
	cr_assert_gt(second, first);
	cr_assert_gt(send_count_state(plan, "planned"), 0);
	cJSON_Delete(plan);

	r = run_foi(dir, "--now '2023-09-26 17:00' round run r --until '2023-10-09 09:00'");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	plan = send_plan(dir, "r");
	cr_assert_eq(send_count_state(plan, "planned"), 0);
	each_arrived_once(plan);
	cJSON_Delete(plan);
}

Test(mailstack_run, simulated_time_needs_an_end)
{
	char *dir = planned_workspace("2023-09-18");
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round run r");
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "--until"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-09-18 08:00' round run nosuch --once");
	cr_assert_eq(r.status, 3, "%s", r.err);
	run_free(&r);
}

/* Is the workspace's run lock held by another process? */
static int run_lock_held(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/run.lock", dir);
	int fd = open(path, O_RDWR);
	if (fd < 0)
		return 0;
	int held = flock(fd, LOCK_EX | LOCK_NB) != 0;
	close(fd);
	return held;
}

Test(mailstack_run, one_run_per_workspace_and_sigterm_stops_a_sleeping_run)
{
	/* Every request moved far beyond the real clock (the calendar does not reach that far, so
	 * the store is changed directly): the run has nothing due and sleeps. */
	char *dir = planned_workspace("2023-09-18");
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE requests SET send_at = '2099-01-05T10:00:00+08:00'", NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
	pid_t first = spawn_foi(dir, NULL, "round", "run", "r", (char *)NULL);
	for (int i = 0; i < 200 && !run_lock_held(dir); i++)
		usleep(50 * 1000);
	cr_assert(run_lock_held(dir), "the first run took the lock");
	struct foi_run r = run_foi(dir, "round run r");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.err, "another 'foi round run'"), "%s", r.err);
	run_free(&r);

	kill(first, SIGTERM);
	int status = 0;
	pid_t done = 0;
	for (int i = 0; i < 300 && done == 0; i++) {
		done = waitpid(first, &status, WNOHANG);
		if (!done)
			usleep(50 * 1000);
	}
	if (!done)
		kill(first, SIGKILL);
	cr_assert_eq(done, first, "the run stopped on SIGTERM");
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "and exited cleanly (status %d)", status);
	cr_assert(!run_lock_held(dir), "the lock is free again");
	cJSON *plan = send_plan(dir, "r");
	cr_assert_eq(send_count_state(plan, "sent"), 0);
	cJSON_Delete(plan);
}
