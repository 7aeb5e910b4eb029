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
	cr_assert(summary_says(r.out, "unmatched", 3), "%s", r.out);
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
