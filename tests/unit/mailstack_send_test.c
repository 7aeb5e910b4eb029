/*
 * `foi round send` by e-mail against the real Postfix + Dovecot stack: every due request reaches
 * its unit's mailbox once, exactly as stored; a refused mailbox fails with the server's words;
 * bad credentials, TLS and connection problems send nothing; a run killed at any point never
 * makes a second copy, and what it left uncertain is listed and resolved only by command.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/mailstack_env.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"

#define EVALUATOR "evaluator@foi.test"
#define PLANNED_AT "2023-09-18 08:00"
#define ALL_DUE "2023-10-09 09:00" /* after the whole 10-day spread */

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

TestSuite(mailstack_send, .init = setup, .fini = teardown);

static struct send_server stack_server(void)
{
	return (struct send_server){.host = "127.0.0.1", .port = env.smtp_port, .tls = "required",
				    .ca_file = env.ca_file, .user = EVALUATOR, .password = password};
}

static char *planned_workspace(const struct send_server *srv, const char *round)
{
	char *dir = send_workspace(srv);
	struct foi_run r = run_foi(dir, "--now '" PLANNED_AT "' round create %s --seed 11 --start 2023-09-18", round);
	cr_assert_eq(r.status, 0, "round create: %s", r.err);
	run_free(&r);
	return dir;
}

/* Is address one the stack refuses (FOI_MAIL_REFUSE: the simulator's bouncing unit)? */
static int refused(const char *address)
{
	const char *list = getenv("FOI_MAIL_REFUSE");
	return list && *address && strstr(list, address) != NULL;
}

Test(mailstack_send, a_round_reaches_every_unit_once_exactly_as_stored_and_a_rerun_sends_nothing)
{
	struct send_server srv = stack_server();
	char *dir = planned_workspace(&srv, "r1");
	/* Half way: what is due goes out, the rest waits for its time. */
	struct foi_run r = run_foi(dir, "--now '2023-09-25 12:00' round send r1");
	cr_assert_eq(r.status, 0, "round send: %s\n%s", r.err, r.out);
	cJSON *plan = send_plan(dir, "r1");
	int sent = send_count_state(plan, "sent"), failed = send_count_state(plan, "failed");
	int planned = send_count_state(plan, "planned");
	cr_assert_gt(sent, 10);
	cr_assert_gt(planned, 10, "the requests due later must wait");
	cr_assert(summary_says(r.out, "not yet due", planned), "summary: %s", r.out);
	cr_assert(summary_says(r.out, "sent", sent), "summary: %s", r.out);
	cJSON_Delete(plan);
	run_free(&r);

	r = run_foi(dir, "--now '" ALL_DUE "' round send r1");
	cr_assert_eq(r.status, 0, "round send: %s\n%s", r.err, r.out);
	run_free(&r);
	plan = send_plan(dir, "r1");
	sent = send_count_state(plan, "sent");
	failed = send_count_state(plan, "failed");
	cr_assert_eq(sent + failed, 72, "every request sent or failed: %d + %d", sent, failed);

	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		const char *to = send_field(q, "address"), *id = send_field(q, "message_id");
		cr_assert_str_eq(send_field(q, "channel"), "email");
		cr_assert_neq(*id, '\0', "no Message-ID stored for %s", to);
		if (refused(to)) {
			cr_assert_str_eq(send_field(q, "state"), "failed", "%s is refused by the stack", to);
			cr_assert(strstr(send_field(q, "detail"), "550"), "the server's words: %s", send_field(q, "detail"));
			continue;
		}
		cr_assert_str_eq(send_field(q, "state"), "sent", "%s: %s", to, send_field(q, "detail"));
		cr_assert_eq(maildir_wait(maildirs, to, id, 1, 20), 1, "%s should hold %s once", to, id);
	}

	/* One message read back as the unit's mail client would. */
	const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(plan, "requests"), 0);
	char *path;
	cr_assert(asprintf(&path, "%s/units.foi.test", maildirs) > 0);
	struct foi_run g = run_shell("grep -rl '%s' '%s' | head -1", send_field(first, "message_id"), path);
	cr_assert_eq(g.status, 0);
	g.out[strcspn(g.out, "\n")] = '\0';
	char *msg = read_file(g.out);
	cr_assert_not_null(msg, "no file for %s", send_field(first, "message_id"));
	char *subject = mail_subject(msg, strlen(msg)), *body = mail_body_text(msg, strlen(msg));
	cr_assert_str_eq(subject, send_field(first, "subject"));
	cr_assert(strstr(body, send_field(first, "body")) == body, "the body as planned");
	cr_assert(strstr(msg, "Date: ") && strstr(msg, "+0800"), "a Date in the workspace zone");
	cr_assert(strstr(msg, "=?UTF-8?"), "the Chinese subject is RFC 2047 encoded");
	char from[600];
	snprintf(from, sizeof from, "<%s>", send_field(first, "reply_to"));
	cr_assert(strstr(msg, from), "From the request's reply address %s", from);
	free(subject);
	free(body);
	free(msg);
	free(path);
	run_free(&g);

	/* Again: nothing is due, nothing goes out twice. */
	r = run_foi(dir, "--now '" ALL_DUE "' round send r1");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "sent", 0), "%s", r.out);
	run_free(&r);
	/* The units put their forms back: what was sent keeps the channel it used. */
	r = run_foi(dir, "units import %s/units.csv", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_null(strstr(r.out, "planned request"), "%s", r.out);
	run_free(&r);
	cJSON *after = send_plan(dir, "r1");
	cr_assert_eq(send_count_state(after, "sent") + send_count_state(after, "failed"), 72);
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(after, "requests"))
		cr_assert_str_eq(send_field(q, "channel"), "email");
	cJSON_Delete(after);
	sleep(1);
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (!refused(send_field(q, "address")))
			cr_assert_eq(maildir_count(maildirs, send_field(q, "address"), send_field(q, "message_id")), 1);
	cJSON_Delete(plan);
}

/* Sends with a broken server setting: one clear error, exit 1, nothing marked sent. */
static void nothing_sent(const struct send_server *srv, const char *why)
{
	struct send_server good = stack_server();
	char *dir = planned_workspace(&good, "bad");
	send_workspace_server(dir, srv);
	struct foi_run r = run_foi(dir, "--now '" ALL_DUE "' round send bad");
	cr_assert_eq(r.status, 1, "exit %d, stderr %s", r.status, r.err);
	cr_assert(strstr(r.err, why), "the error says '%s': %s", why, r.err);
	int lines = 0;
	for (const char *p = r.err; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	cr_assert_eq(lines, 1, "one error line: %s", r.err);
	run_free(&r);
	cJSON *plan = send_plan(dir, "bad");
	cr_assert_eq(send_count_state(plan, "planned"), 72, "nothing changed state");
	cJSON_Delete(plan);
}

Test(mailstack_send, a_wrong_password_sends_nothing)
{
	struct send_server srv = stack_server();
	srv.password = "not-the-password";
	nothing_sent(&srv, "535");
}

Test(mailstack_send, a_certificate_that_does_not_verify_sends_nothing)
{
	struct send_server srv = stack_server();
	srv.ca_file = ""; /* the system's store does not know the stack's own certificate */
	nothing_sent(&srv, "certificate");
}

Test(mailstack_send, an_unreachable_host_sends_nothing)
{
	struct send_server srv = stack_server();
	srv.port = mail_free_port();
	nothing_sent(&srv, "127.0.0.1");
}

Test(mailstack_send, a_server_without_starttls_sends_nothing)
{
	struct fake_smtp f;
	fake_smtp_start(&f, FAKE_SMTP_NO_STARTTLS);
	struct send_server srv = stack_server();
	srv.port = f.port;
	nothing_sent(&srv, "STARTTLS");
	cr_assert_eq(fake_smtp_messages(&f), 0, "no message reached the server without TLS");
	fake_smtp_stop(&f);
}

/*
 * A round planned with seed, whose first send is killed once a server that never answers has
 * the whole message: the request is left in flight. Returns the workspace.
 */
static char *killed_after_the_message_left(const char *round, int seed, const char *per_session)
{
	struct fake_smtp f;
	fake_smtp_start(&f, FAKE_SMTP_SWALLOW);
	struct send_server srv = {.host = "127.0.0.1", .port = f.port, .tls = "off", .ca_file = "", .user = "", .password = ""};
	char *dir = send_workspace(&srv);
	send_workspace_set(dir, "mails_per_session", per_session);
	struct foi_run r = run_foi(dir, "--now '" PLANNED_AT "' round create %s --seed %d --start 2023-09-18", round, seed);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	pid_t pid = spawn_foi(dir, ALL_DUE, "round", "send", round, NULL);
	for (int i = 0; i < 200 && fake_smtp_messages(&f) == 0; i++)
		usleep(50000);
	cr_assert_eq(fake_smtp_messages(&f), 1, "the server got the first message");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	fake_smtp_stop(&f);
	return dir;
}

Test(mailstack_send, a_run_killed_after_the_message_left_leaves_it_unknown_until_resolved_by_command)
{
	char *dir = killed_after_the_message_left("k", 11, "1"); /* one in flight when killed */
	struct foi_run r;

	/* The next run, against the real stack, lists it and does not send it again. */
	struct send_server good = stack_server();
	send_workspace_server(dir, &good);
	r = run_foi(dir, "--now '" ALL_DUE "' round send k");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 request(s) left in flight by an interrupted run are now 'outcome unknown'"), "%s", r.out);
	cr_assert(summary_says(r.out, "outcome unknown", 1), "%s", r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "k");
	cr_assert_eq(send_count_state(plan, "unknown"), 1);
	const cJSON *q, *unknown = NULL;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(q, "state"), "unknown") == 0)
			unknown = q;
	int id = cJSON_GetObjectItem(unknown, "id")->valueint;
	char *message_id = strdup(send_field(unknown, "message_id")), *to = strdup(send_field(unknown, "address"));
	cJSON_Delete(plan);
	sleep(1);
	cr_assert_eq(maildir_count(maildirs, to, message_id), 0, "an unknown request is not sent again by itself");

	/* Running again changes nothing; resend plans it, and the next run sends it. */
	r = run_foi(dir, "--now '" ALL_DUE "' round send k");
	cr_assert(summary_says(r.out, "outcome unknown", 1), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "request mark-sent %d", id + 1000);
	cr_assert_eq(r.status, 2, "mark-sent needs --confirmation: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "request resend %d", id);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "request resend %d", id);
	cr_assert_eq(r.status, 3, "a planned request is not unknown: %s", r.err);
	cr_assert(strstr(r.err, "planned, not unknown"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '" ALL_DUE "' round send k");
	cr_assert(summary_says(r.out, refused(to) ? "failed" : "sent", 1), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "round log k");
	cr_assert(strstr(r.out, "request resend") && strstr(r.out, "before: unknown") && strstr(r.out, "after:  planned"),
		  "%s", r.out);
	run_free(&r);
	free(message_id);
	free(to);
}

/* Mails due together go out in one session, every one of them committed as being sent before
 * it opens: a run killed during the session leaves the whole batch unknown, never sent again. */
Test(mailstack_send, a_run_killed_during_a_session_leaves_its_whole_batch_unknown)
{
	char *dir = killed_after_the_message_left("b", 11, "5");
	struct send_server good = stack_server();
	send_workspace_server(dir, &good);
	struct foi_run r = run_foi(dir, "--now '" ALL_DUE "' round send b");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "5 request(s) left in flight by an interrupted run are now 'outcome unknown'"), "%s", r.out);
	cr_assert(summary_says(r.out, "outcome unknown", 5), "%s", r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "b");
	cr_assert_eq(send_count_state(plan, "unknown"), 5);
	cr_assert_eq(send_count_state(plan, "sent") + send_count_state(plan, "failed"), 67);
	sleep(1);
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(q, "state"), "unknown") == 0)
			cr_assert_eq(maildir_count(maildirs, send_field(q, "address"), send_field(q, "message_id")), 0,
				     "unknown request %d was sent again", cJSON_GetObjectItem(q, "id")->valueint);
	cJSON_Delete(plan);
}

Test(mailstack_send, mark_sent_records_the_confirmation_the_evaluator_found)
{
	char *dir = killed_after_the_message_left("m", 5, "1");
	struct foi_run r = run_foi(dir, "--now '" ALL_DUE "' round send m --dry-run");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* The dry run touched nothing: the request is still in flight until a real run looks. */
	cJSON *plan = send_plan(dir, "m");
	cr_assert_eq(send_count_state(plan, "sending"), 1);
	cJSON_Delete(plan);

	struct send_server off = {.host = "127.0.0.1", .port = mail_free_port(), .tls = "off", .ca_file = "", .user = "", .password = ""};
	send_workspace_server(dir, &off);
	r = run_foi(dir, "--now '" ALL_DUE "' round send m");
	cr_assert_eq(r.status, 1, "no server: %s", r.err);
	run_free(&r);
	plan = send_plan(dir, "m");
	cr_assert_eq(send_count_state(plan, "unknown"), 1, "made unknown before the run stopped");
	const cJSON *q;
	int id = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(q, "state"), "unknown") == 0)
			id = cJSON_GetObjectItem(q, "id")->valueint;
	cJSON_Delete(plan);
	r = run_foi(dir, "request mark-sent %d --confirmation 'found in the unit reply'", id);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	plan = send_plan(dir, "m");
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (cJSON_GetObjectItem(q, "id")->valueint == id) {
			cr_assert_str_eq(send_field(q, "state"), "sent");
			cr_assert_str_eq(send_field(q, "confirmation"), "found in the unit reply");
		}
	cJSON_Delete(plan);
}

/* Attempts committed as 'sending' and not finished, read as another program would. */
static int attempts_in_flight(const char *db_path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return 0;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM attempts WHERE outcome = 'sending'", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* How many copies of request id the mailbox of to holds, over every attempt's Message-ID. */
static int arrivals(const char *dir, const char *to, long long id)
{
	char *db_path;
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = 0;
	cr_assert(asprintf(&db_path, "%s/foi.db", dir) > 0);
	cr_assert_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT message_id FROM attempts WHERE request_id = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW)
		n += maildir_count(maildirs, to, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(db_path);
	return n;
}

/* 50 runs, each killed at a different moment, then one to the end: nothing twice, nothing lost. */
Test(mailstack_send, killed_fifty_times_across_a_round_nothing_arrives_twice_and_nothing_is_lost)
{
	struct send_server srv = stack_server();
	char *dir = planned_workspace(&srv, "kill");
	/* Sessions of two mails: a kill during one leaves both unknown, and the round still moves on. */
	send_workspace_set(dir, "mails_per_session", "2");
	srand(20231009);
	char *db_path;
	cr_assert(asprintf(&db_path, "%s/foi.db", dir) > 0);
	for (int k = 0; k < 50; k++) {
		pid_t pid = spawn_foi(dir, ALL_DUE, "round", "send", "kill", NULL);
		if (k % 2 == 0) {
			/* Right after an attempt is committed, before or while the network call runs. */
			while (attempts_in_flight(db_path) == 0 && waitpid(pid, NULL, WNOHANG) == 0)
				usleep(500);
		} else {
			/* Anywhere from before the lock is taken to well into the sending: 0 to 150 ms. */
			usleep((useconds_t)(k * 3000 + rand() % 3000));
		}
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	free(db_path);
	struct foi_run r = run_foi(dir, "--now '" ALL_DUE "' round send kill");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);

	cJSON *plan = send_plan(dir, "kill");
	int sent = send_count_state(plan, "sent"), failed = send_count_state(plan, "failed");
	int unknown = send_count_state(plan, "unknown");
	cr_assert_eq(sent + failed + unknown, 72, "none lost: sent %d, failed %d, unknown %d", sent, failed, unknown);
	cr_assert_gt(sent, 0);
	cr_assert_gt(unknown, 0, "kills after the commit leave requests unknown");
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		const char *to = send_field(q, "address"), *id = send_field(q, "message_id"), *state = send_field(q, "state");
		if (refused(to))
			continue;
		if (strcmp(state, "sent") == 0)
			cr_assert_eq(maildir_wait(maildirs, to, id, 1, 20), 1, "%s once", id);
	}
	sleep(1);
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		const char *to = send_field(q, "address");
		/* Nothing in a covert mail names its request, and other tests send the same personas
		 * to the same units: a request is known by the Message-IDs of all its attempts. */
		if (!refused(to))
			cr_assert_leq(arrivals(dir, to, (long long)cJSON_GetObjectItem(q, "id")->valueint), 1,
				      "%s got request %d twice", to, cJSON_GetObjectItem(q, "id")->valueint);
	}
	r = run_foi(dir, "--now '" ALL_DUE "' round show kill");
	cr_assert_eq(r.status, 0);
	int listed = 0;
	for (const char *p = r.out; (p = strstr(p, " unknown\n")) != NULL; p++)
		listed++;
	cr_assert_eq(listed, unknown, "round show lists every unknown request:\n%s", r.out);
	run_free(&r);
	cJSON_Delete(plan);
}

/* The message with message_id as the unit's mailbox holds it (caller frees). */
static char *received(const char *message_id)
{
	char *path;
	cr_assert(asprintf(&path, "%s/units.foi.test", maildirs) > 0);
	struct foi_run g = run_shell("grep -rlF '%s' '%s' | head -1", message_id, path);
	cr_assert_eq(g.status, 0);
	g.out[strcspn(g.out, "\n")] = '\0';
	char *msg = read_file(g.out);
	cr_assert_not_null(msg, "no mail in %s holds %s", path, message_id);
	run_free(&g);
	free(path);
	return msg;
}

/* The value of header name in msg's header block, unfolded (caller frees); NULL when absent. */
static char *header_of(const char *msg, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = msg; *p && !(*p == '\n' || (*p == '\r' && p[1] == '\n')); p = strchr(p, '\n') + 1) {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			char *out = NULL;
			size_t len = 0;
			FILE *f = open_memstream(&out, &len);
			const char *v = p + n + 1;
			do {
				const char *end = strchr(v, '\n');
				fprintf(f, "%.*s", (int)(end - v), v);
				v = end + 1;
			} while (*v == ' ' || *v == '\t');
			fclose(f);
			return out;
		}
		if (!strchr(p, '\n'))
			break;
	}
	return NULL;
}

static const char *persona_email(const char *key)
{
	static const char *const pairs[][2] = {{"li", "limh1990@foi.test"}, {"wang", "wangxl85@foi.test"},
					       {"zhao", "zhaojg1978@foi.test"}};
	for (size_t i = 0; i < 3; i++)
		if (strcmp(pairs[i][0], key) == 0)
			return pairs[i][1];
	cr_assert_fail("no persona %s in config.example.ini", key);
	return NULL;
}

/*
 * Covert by default: the unit receives a citizen's mail, From and Reply-To its persona's own
 * address, nothing in it carrying the request's token; and a reply to that address reaches the
 * evaluator's inbox, through the persona mailbox's forwarding.
 */
Test(mailstack_send, a_covert_request_comes_from_its_persona_and_carries_no_token)
{
	struct send_server srv = stack_server();
	char *dir = planned_workspace(&srv, "cov");
	struct foi_run r = run_foi(dir, "--now '" ALL_DUE "' round send cov --unit D05");
	cr_assert_eq(r.status, 0, "round send: %s\n%s", r.err, r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "cov");
	const cJSON *q;
	int seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		if (strcmp(send_field(q, "unit"), "D05") != 0)
			continue;
		seen++;
		cr_assert_str_eq(send_field(q, "state"), "sent", "%s", send_field(q, "detail"));
		const char *own = persona_email(send_field(q, "persona")), *token = send_field(q, "token");
		cr_assert_str_eq(send_field(q, "reply_to"), own, "the stored reply address is the one used");
		char *msg = received(send_field(q, "message_id"));
		char *from = header_of(msg, "From"), *reply_to = header_of(msg, "Reply-To"), *rp = header_of(msg, "Return-Path");
		char want[300];
		snprintf(want, sizeof want, "<%s>", own);
		cr_assert(from && strstr(from, want), "From: %s", from ? from : "(none)");
		cr_assert(reply_to && strstr(reply_to, want), "Reply-To: %s", reply_to ? reply_to : "(none)");
		cr_assert(rp && strstr(rp, want), "the envelope sender is the persona's too: %s", rp ? rp : "(none)");
		cr_assert(strlen(token) >= 16);
		cr_assert_null(strstr(msg, token), "the token shows in the mail as received:\n%s", msg);
		char *body = mail_body_text(msg, strlen(msg)), *subject = mail_subject(msg, strlen(msg));
		cr_assert_null(strstr(body, "申请编号"), "%s", body);
		cr_assert_null(strstr(subject, token));
		free(body);
		free(subject);
		free(from);
		free(reply_to);
		free(rp);
		free(msg);
	}
	cr_assert_eq(seen, 2, "D05's application and question");

	/* The unit answers the application: the reply lands in the evaluator's inbox. */
	q = NULL;
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(it, "unit"), "D05") == 0 && strcmp(send_field(it, "kind"), "foi") == 0)
			q = it;
	char *unit_password = mail_password(&env, "d05@units.foi.test");
	cr_assert_not_null(unit_password);
	struct smtp_server unit = mail_smtp(&env, "d05@units.foi.test", unit_password);
	char mark[17], *reply;
	mail_token(mark);
	cr_assert(asprintf(&reply, "From: d05@units.foi.test\r\nTo: %s\r\nSubject: reply %s\r\nIn-Reply-To: %s\r\n\r\n"
			   "已收到您的申请。\r\n", send_field(q, "reply_to"), mark, send_field(q, "message_id")) > 0);
	const char *to[] = {send_field(q, "reply_to")};
	struct smtp_report rep;
	cr_assert_eq(smtp_send(&unit, "d05@units.foi.test", to, 1, reply, strlen(reply), &rep, err, sizeof err), 0, "%s", err);
	smtp_report_free(&rep);
	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, EVALUATOR, mark, 20, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "the reply to %s never reached the evaluator's inbox: %s", send_field(q, "reply_to"), err);
	free(got);
	free(reply);
	free(unit_password);
	cJSON_Delete(plan);
}

/* Token mode, for rounds that need not be covert: the plus-addressed reply address, as before. */
Test(mailstack_send, in_token_mode_the_mail_comes_from_the_plus_address)
{
	struct send_server srv = stack_server();
	char *dir = send_workspace(&srv);
	send_workspace_set(dir, "reply_mode", "token");
	struct foi_run r = run_foi(dir, "--now '" PLANNED_AT "' round create tok --seed 11 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '" ALL_DUE "' round send tok --unit D05 --kind foi");
	cr_assert_eq(r.status, 0, "%s\n%s", r.err, r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "tok");
	const cJSON *q, *d05 = NULL;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(q, "unit"), "D05") == 0 && strcmp(send_field(q, "kind"), "foi") == 0)
			d05 = q;
	cr_assert_not_null(d05);
	cr_assert_str_eq(send_field(d05, "state"), "sent", "%s", send_field(d05, "detail"));
	char want[300];
	snprintf(want, sizeof want, "<evaluator+%s@foi.test>", send_field(d05, "token"));
	char *msg = received(send_field(d05, "message_id"));
	char *from = header_of(msg, "From"), *reply_to = header_of(msg, "Reply-To");
	cr_assert(from && strstr(from, want), "From: %s, want %s", from ? from : "(none)", want);
	cr_assert(reply_to && strstr(reply_to, want), "Reply-To: %s", reply_to ? reply_to : "(none)");
	free(from);
	free(reply_to);
	free(msg);
	cJSON_Delete(plan);
}
