/*
 * `foi inbox` against the real Dovecot of the mail stack: fetching twice, or after the mailbox
 * was recreated (a new UIDVALIDITY), stores nothing twice; malformed messages are stored and
 * reported and never stop the ones after them; each kind of evidence matches a reply to the
 * request it answers (and says so); a Postfix bounce and an automatic reply are recorded as
 * such; a GBK reply with a GBK-named letter becomes a supplement request with its letter; the
 * holding pen is listed, assigned and ignored.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/inbox_support.h"
#include "tests/unit/mailstack_env.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"

static struct mail_env env;
static char err[1024];
static char *password;

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
	password = mail_password(&env, INBOX_EVALUATOR);
	cr_assert_not_null(password);
}

static void teardown(void)
{
	free(password);
}

TestSuite(mailstack_inbox, .init = setup, .fini = teardown);

static void put_text(struct inbox_box *b, const char *text, const char *when)
{
	inbox_box_put(b, text, strlen(text), when);
}

static struct foi_run fetch(const char *dir)
{
	struct foi_run r = run_foi(dir, "--now '2023-10-09 09:00' inbox fetch");
	cr_assert_eq(r.status, 0, "inbox fetch: %s\n%s", r.err, r.out);
	return r;
}

static const char plain[] =
	"From: =?UTF-8?B?5pyq55+l?= <someone@example.org>\r\n"
	"To: evaluator@foi.test\r\n"
	"Subject: %s\r\n"
	"Date: Mon, 25 Sep 2023 09:00:00 +0800\r\n"
	"Message-ID: <%s@example.org>\r\n"
	"MIME-Version: 1.0\r\n"
	"Content-Type: text/plain; charset=utf-8\r\n"
	"\r\n"
	"%s\r\n";

static char *plain_mail(const char *subject, const char *id, const char *body)
{
	char *m;
	cr_assert(asprintf(&m, plain, subject, id, body) > 0);
	return m;
}

Test(mailstack_inbox, fetching_twice_or_after_a_new_uidvalidity_stores_nothing_twice)
{
	struct inbox_box b;
	inbox_box_make(&b, &env);
	char *dir = inbox_workspace(&env, password, b.name);
	for (int i = 0; i < 3; i++) {
		char id[96], *m;
		snprintf(id, sizeof id, "twice-%d-%s", i, b.name);
		m = plain_mail("来信", id, "您好，这是一封来信。");
		put_text(&b, m, "2023-09-25 09:00");
		free(m);
	}
	struct foi_run r = fetch(dir);
	cr_assert(summary_says(r.out, "new", 3), "%s", r.out);
	run_free(&r);

	r = fetch(dir);
	cr_assert(summary_says(r.out, "new", 0), "a second fetch stored again:\n%s", r.out);
	cr_assert(summary_says(r.out, "already stored", 0), "nothing new was read:\n%s", r.out);
	run_free(&r);

	/* One more arrives, then the mailbox is recreated: everything is read again, and only
	 * the new message is stored. */
	char *m = plain_mail("又一封", "late-one", "补充一句。");
	put_text(&b, m, "2023-09-26 09:00");
	free(m);
	inbox_box_recreate(&b);
	r = fetch(dir);
	cr_assert(strstr(r.out, "UIDVALIDITY changed") != NULL, "%s", r.out);
	cr_assert(summary_says(r.out, "new", 1), "%s", r.out);
	cr_assert(summary_says(r.out, "already stored", 3), "%s", r.out);
	run_free(&r);
	cr_assert_eq(db_number(dir, "SELECT count(*) FROM messages"), 4);
	cr_assert_eq(db_number(dir, "SELECT count(DISTINCT message_id) FROM messages"), 4);
	/* Arrival is the INTERNALDATE (the delivery's time), not the sender's Date header. */
	char *at = db_text(dir, "SELECT received_at FROM messages WHERE message_id = 'late-one@example.org'");
	cr_assert_str_eq(at, "2023-09-26T09:00:00+08:00");
	free(at);
}

Test(mailstack_inbox, malformed_messages_are_stored_reported_and_never_stop_the_next)
{
	struct inbox_box b;
	inbox_box_make(&b, &env);
	char *dir = inbox_workspace(&env, password, b.name);
	put_text(&b, "From: a@example.org\r\nTo: evaluator@foi.test\r\nSubject: broken\r\nMessage-ID: <broken@x>\r\n"
		     "MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n--nothing\r\ngarbage\r\n",
		 "2023-09-25 09:00");
	put_text(&b, "From: a@example.org\r\nTo: evaluator@foi.test\r\nSubject: charset\r\nMessage-ID: <charset@x>\r\n"
		     "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\n\xd6\xd0\xce\xc4\r\n",
		 "2023-09-25 09:01");
	/* A 20 MB attachment. */
	size_t big = 20u << 20, b64 = (big + 2) / 3 * 4, lines = b64 / 76 + 1;
	const char *head = "From: a@example.org\r\nTo: evaluator@foi.test\r\nSubject: big\r\nMessage-ID: <big@x>\r\n"
			   "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
			   "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/pdf\r\n"
			   "Content-Disposition: attachment; filename=big.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n";
	char *msg = malloc(strlen(head) + b64 + 2 * lines + 16), *p = msg;
	cr_assert_not_null(msg);
	p += sprintf(p, "%s", head);
	for (size_t i = 0; i < b64; i++) {
		*p++ = "QUJD"[i % 4]; /* "ABC" repeated */
		if (i % 76 == 75) {
			*p++ = '\r';
			*p++ = '\n';
		}
	}
	p += sprintf(p, "\r\n--b--\r\n");
	inbox_box_put(&b, msg, (size_t)(p - msg), "2023-09-25 09:02");
	free(msg);
	put_text(&b, "From: a@example.org\r\nTo: evaluator@foi.test\r\nSubject: no id\r\n\r\nno Message-ID here\r\n",
		 "2023-09-25 09:03");
	char *longline = malloc(100 * 1024 + 256);
	cr_assert_not_null(longline);
	p = longline + sprintf(longline, "From: a@example.org\r\nTo: evaluator@foi.test\r\nMessage-ID: <long@x>\r\nX-Long: ");
	memset(p, 'x', 100 * 1024);
	p += 100 * 1024;
	p += sprintf(p, "\r\nSubject: long\r\n\r\nbody\r\n");
	inbox_box_put(&b, longline, (size_t)(p - longline), "2023-09-25 09:04");
	free(longline);
	char *good = plain_mail("good", "good", "一封好信");
	put_text(&b, good, "2023-09-25 09:05");
	free(good);

	struct foi_run r = fetch(dir);
	cr_assert(summary_says(r.out, "new", 6), "%s", r.out);
	/* The 20 MB attachment is large, not malformed: it is stored whole. */
	cr_assert(summary_says(r.out, "malformed", 4), "%s", r.out);
	run_free(&r);
	const char *expect[][2] = {{"broken@x", "multipart"}, {"charset@x", "unknown charset label 'x-no-such-charset'"},
				   {"", "no Message-ID"}, {"long@x", "a header line of 102408 bytes"}};
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		char *problems = db_text(dir, "SELECT problems FROM messages WHERE message_id = '%s'", expect[i][0]);
		cr_assert(strstr(problems, expect[i][1]) != NULL, "%s: problems '%s'", expect[i][0], problems);
		free(problems);
	}
	/* 20 MB rounded up to whole base64 groups of three bytes. */
	cr_assert_eq(db_number(dir, "SELECT size FROM message_attachments a JOIN messages m ON m.id = a.message "
				    "WHERE m.message_id = 'big@x'"), (long long)(b64 / 4 * 3));
	char *problems = db_text(dir, "SELECT problems FROM messages WHERE message_id = 'good@example.org'");
	cr_assert_str_eq(problems, "");
	free(problems);
	r = run_foi(dir, "inbox show %lld", db_number(dir, "SELECT id FROM messages WHERE message_id = 'charset@x'"));
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "problems    unknown charset label") != NULL, "%s", r.out);
	run_free(&r);
}

/* One request of a round sent through the stack, as `round show --json` gives it. */
struct sent {
	long long id;
	char unit[16], token[64], reply_to[128], address[128], message_id[256];
};

static struct sent sent_request(const cJSON *plan, const char *unit, int want_sent)
{
	const cJSON *q;
	struct sent s = {0};
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		const char *state = send_field(q, "state");
		if ((unit && strcmp(send_field(q, "unit"), unit) != 0) || strcmp(send_field(q, "kind"), "foi") != 0 ||
		    !*send_field(q, "message_id") || (want_sent && strcmp(state, "sent") != 0))
			continue;
		s.id = (long long)cJSON_GetObjectItem(q, "id")->valuedouble;
		snprintf(s.unit, sizeof s.unit, "%s", send_field(q, "unit"));
		snprintf(s.token, sizeof s.token, "%s", send_field(q, "token"));
		snprintf(s.reply_to, sizeof s.reply_to, "%s", send_field(q, "reply_to"));
		snprintf(s.address, sizeof s.address, "%s", send_field(q, "address"));
		snprintf(s.message_id, sizeof s.message_id, "%s", send_field(q, "message_id"));
		return s;
	}
	cr_assert_fail("no request %s in the plan", unit ? unit : "sent");
	return s;
}

/* The event of a request: "kind|evidence" of its only event from the inbox, or "". */
static char *event_of(const char *dir, long long request)
{
	cr_assert_leq(db_number(dir, "SELECT count(*) FROM events WHERE request_id = %lld", request), 1);
	return db_text(dir, "SELECT e.kind || '|' || e.evidence || '|' || e.at FROM events e WHERE e.request_id = %lld "
			    "AND e.source = 'inbox'", request);
}

static void expect_event(const char *dir, long long request, const char *kind, const char *evidence, const char *at)
{
	char *ev = event_of(dir, request);
	char want[64];
	snprintf(want, sizeof want, "%s|", kind);
	cr_assert(strncmp(ev, want, strlen(want)) == 0, "request %lld: event '%s', want kind %s", request, ev, kind);
	cr_assert(strstr(ev, evidence) != NULL, "request %lld: event '%s', want evidence '%s'", request, ev, evidence);
	if (at)
		cr_assert(strstr(ev, at) != NULL, "request %lld: event '%s', want at %s", request, ev, at);
	free(ev);
}

Test(mailstack_inbox, each_kind_of_evidence_matches_and_the_holding_pen_keeps_the_rest, .timeout = 240)
{
	struct inbox_box b;
	inbox_box_make(&b, &env);
	char *dir = inbox_workspace(&env, password, b.name);
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create r --kinds foi --seed 11 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "round create: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r");
	run_free(&r);
	cJSON *plan = send_plan(dir, "r");
	/* Six requests that went out, and the one to the unit whose mailbox does not exist. */
	struct sent q[6];
	const cJSON *item;
	int n = 0;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(plan, "requests")) {
		if (n < 6 && strcmp(send_field(item, "state"), "sent") == 0 && strcmp(send_field(item, "kind"), "foi") == 0)
			q[n] = sent_request(plan, send_field(item, "unit"), 1), n++;
	}
	cr_assert_eq(n, 6, "fewer than 6 requests were sent");
	struct sent bounced = sent_request(plan, "D27", 0);
	cJSON_Delete(plan);

	size_t len;
	char *m;
	/* 0: In-Reply-To, a GBK reply with its letter attached under a GBK name. */
	m = inbox_fixture("gbk-reply.eml", INBOX_EVALUATOR, q[0].address, q[0].message_id, q[0].token, &len);
	inbox_box_put(&b, m, len, "2023-09-20 10:00");
	free(m);
	/* 1: the token in a recipient address, from a stranger. */
	char body[512], to[200];
	snprintf(to, sizeof to, "evaluator+%s@foi.test", q[1].token);
	cr_assert(asprintf(&m, "From: clerk@elsewhere.example\r\nTo: %s\r\nSubject: =?UTF-8?B?5Zue5aSN?=\r\n"
			       "Message-ID: <tok-%s@elsewhere.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
			       "本机关已收到您的政府信息公开申请，现已受理，将依法在20个工作日内答复。\r\n", to, q[1].token) > 0);
	put_text(&b, m, "2023-09-21 11:00");
	free(m);
	/* 2: covert mode: the persona's own address, the reply coming from the unit's address. */
	db_exec(dir, "UPDATE requests SET reply_to = 'li.na.test@foi.test' WHERE id = %lld", q[2].id);
	cr_assert(asprintf(&m, "From: <%s>\r\nTo: li.na.test@foi.test\r\nSubject: reply\r\nMessage-ID: <covert-%s@u>\r\n\r\n"
			       "答复如下。\r\n", q[2].address, q[2].token) > 0);
	put_text(&b, m, "2023-09-22 09:30");
	free(m);
	/* ... and the same address written to by someone who is not the unit: held. */
	cr_assert(asprintf(&m, "From: someone@example.org\r\nTo: li.na.test@foi.test\r\nSubject: hello\r\n"
			       "Message-ID: <stranger@example.org>\r\n\r\n你好\r\n") > 0);
	put_text(&b, m, "2023-09-22 09:31");
	free(m);
	/* 3: the token in the subject. */
	snprintf(body, sizeof body, "关于申请 %s 的答复", q[3].token);
	m = plain_mail(body, "subject-token", "见主题。");
	put_text(&b, m, "2023-09-23 09:00");
	free(m);
	/* 4: the query code a form returned, in the text. */
	db_exec(dir, "UPDATE attempts SET confirmation = 'Q7K2M9PA' WHERE request_id = %lld", q[4].id);
	m = plain_mail("您的留言已答复", "query-code", "您的留言（查询码：Q7K2M9PA）已答复，答复如下。");
	put_text(&b, m, "2023-09-24 09:00");
	free(m);
	/* 5: an automatic reply to the request's mail. */
	m = inbox_fixture("auto-reply.eml", q[5].reply_to, q[5].address, q[5].message_id, q[5].token, &len);
	inbox_box_put(&b, m, len, "2023-09-19 10:05");
	free(m);
	/* The bounce of the request to the unit whose mailbox does not exist, as Postfix writes it. */
	m = inbox_fixture("postfix-bounce.eml", bounced.reply_to, bounced.address, bounced.message_id, bounced.token, &len);
	inbox_box_put(&b, m, len, "2023-09-19 10:02");
	free(m);
	/* A qmail bounce of a mail foi never sent: held. */
	m = inbox_fixture("qmail-bounce.eml", "", "nobody@nowhere.example", "", "", &len);
	inbox_box_put(&b, m, len, "2023-09-19 10:03");
	free(m);

	r = fetch(dir);
	cr_assert(summary_says(r.out, "new", 9), "%s", r.out);
	cr_assert(summary_says(r.out, "bounces", 2), "%s", r.out);
	cr_assert(summary_says(r.out, "auto-replies", 1), "%s", r.out);
	char *summary = r.out;
	r.out = NULL;
	run_free(&r);

	expect_event(dir, q[0].id, "supplement", "In-Reply-To names", "2023-09-20T10:00:00+08:00");
	expect_event(dir, q[1].id, "ack", "carries the token", "2023-09-21T11:00:00+08:00");
	expect_event(dir, q[2].id, "final", "the reply address of request", NULL);
	expect_event(dir, q[3].id, "final", "in the subject", NULL);
	expect_event(dir, q[4].id, "final", "the query code Q7K2M9PA", NULL);
	expect_event(dir, q[5].id, "auto-reply", "In-Reply-To names", NULL);
	expect_event(dir, bounced.id, "bounce", "the returned message is", "2023-09-19T10:02:00+08:00");
	char *reason = db_text(dir, "SELECT text FROM events WHERE request_id = %lld", bounced.id);
	cr_assert(strstr(reason, "User unknown") != NULL, "bounce reason: %s", reason);
	free(reason);
	cr_assert(summary_says(summary, "matched", 7), "%s", summary);
	cr_assert(summary_says(summary, "unmatched", 2), "%s", summary);
	free(summary);

	/* The GBK letter: its decoded name kept, and the event points at it. */
	cr_assert_eq(db_number(dir, "SELECT count(*) FROM message_attachments WHERE name IN ('补正告知书.txt', '附件二.doc')"), 2);
	char *letter = db_text(dir, "SELECT letter FROM events WHERE request_id = %lld", q[0].id);
	char *sha = db_text(dir, "SELECT sha256 FROM message_attachments WHERE name = '补正告知书.txt'");
	cr_assert_str_eq(letter, sha);
	free(letter);
	free(sha);

	/* The holding pen: listed, one assigned, one ignored. */
	r = run_foi(dir, "inbox unmatched --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *pen = cJSON_Parse(r.out);
	cr_assert_eq(cJSON_GetArraySize(pen), 2, "%s", r.out);
	cJSON_Delete(pen);
	run_free(&r);
	long long qmail = db_number(dir, "SELECT id FROM messages WHERE subject = 'failure notice'");
	long long stranger = db_number(dir, "SELECT id FROM messages WHERE message_id = 'stranger@example.org'");
	r = run_foi(dir, "inbox assign %lld %lld", qmail, q[3].id);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cr_assert_eq(db_number(dir, "SELECT count(*) FROM events WHERE request_id = %lld AND kind = 'bounce' "
				    "AND evidence LIKE 'assigned by hand%%'", q[3].id), 1);
	r = run_foi(dir, "inbox ignore %lld --reason 'a neighbour writing to the persona'", stranger);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "inbox unmatched");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "failure notice") == NULL && strstr(r.out, "someone@example.org") == NULL, "%s", r.out);
	run_free(&r);
	/* Assigning a matched message again is refused. */
	r = run_foi(dir, "inbox assign %lld %lld", qmail, q[2].id);
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "matched already") != NULL, "%s", r.err);
	run_free(&r);
}
