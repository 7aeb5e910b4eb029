/*
 * Sending through the real Postfix of the test stack with harness/smtp_send (libesmtp), and
 * reading what arrived through Dovecot with harness/imap_fetch (libcurl): what a user of
 * `foi send` and `foi inbox` would see, good news and bad.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness/mail/smtp_send.h"
#include "tests/unit/mailstack_env.h"

#define EVALUATOR "evaluator@foi.test"

static struct mail_env env;
static char err[1024];

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
}

TestSuite(mailstack_smtp, .init = setup, .timeout = 60);

/* Sends a fixture as `user` (its own password) to the given recipients. */
static int send_fixture(const char *user, const char *from, const char *name, const char *token,
			const char *const *to, size_t nto, struct smtp_report *rep)
{
	size_t len;
	char *msg = mail_fixture(name, token, &len);
	cr_assert_not_null(msg, "fixture %s", name);
	char *pw = mail_password(&env, user);
	cr_assert_not_null(pw, "no password for %s", user);
	struct smtp_server srv = mail_smtp(&env, user, pw);
	int rc = smtp_send(&srv, from, to, nto, msg, len, rep, err, sizeof err);
	free(pw);
	free(msg);
	return rc;
}

Test(mailstack_smtp, gbk_application_goes_through_starttls_and_auth_and_comes_back_intact)
{
	char token[17];
	mail_token(token);
	char from[64];
	snprintf(from, sizeof from, "evaluator+%s@foi.test", token);
	const char *to[] = {"d05@units.foi.test"};
	struct smtp_report rep;
	int rc = send_fixture(EVALUATOR, from, "application-gbk.eml", token, to, 1, &rep);
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert_eq(rep.outcome, SMTP_DELIVERED, "%s", smtp_outcome_name(rep.outcome));
	cr_assert(rep.tls, "the session did not run under STARTTLS");
	cr_assert(rep.auth_tried && rep.authenticated);
	cr_assert_eq(rep.auth.code, 235, "AUTH answer %d %s", rep.auth.code, rep.auth.text);
	cr_assert_eq(rep.sender.code, 250);
	cr_assert_eq(rep.rcpt[0].reply.code, 250);
	cr_assert_str_eq(rep.rcpt[0].reply.enhanced, "2.1.5");
	cr_assert_eq(rep.message.code, 250);
	cr_assert(strstr(rep.message.text, "queued as"), "end of data: %s", rep.message.text);
	smtp_report_free(&rep);

	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, "d05@units.foi.test", token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);

	/* What the unit receives is exactly what was written, with CRLF line ends (and the dot
	 * of the line that starts with one), under the headers Postfix adds on delivery. */
	size_t flen, clen;
	char *fixture = mail_fixture("application-gbk.eml", token, &flen);
	char *sent = smtp_crlf(fixture, flen, &clen);
	cr_assert(len > clen);
	cr_assert(memcmp(got + len - clen, sent, clen) == 0,
		  "the message arrived changed:\n%.*s", (int)len, got);
	cr_assert(strstr(got, "Return-Path: <evaluator+") != NULL, "%s", got);

	char *subject = mail_subject(got, len);
	cr_assert_not_null(subject);
	cr_assert_str_eq(subject, "政府信息公开申请：2023年度部门预算执行情况");
	char *body = mail_body_text(got, len);
	cr_assert_not_null(body);
	cr_assert(strstr(body, "“三公”经费支出明细") != NULL, "body: %s", body);
	cr_assert(strstr(body, "\n.本行以句点开头") != NULL, "body: %s", body);
	free(subject);
	free(body);
	free(sent);
	free(fixture);
	free(got);
}

Test(mailstack_smtp, plus_addressed_reply_lands_in_the_evaluators_inbox)
{
	char token[17];
	mail_token(token);
	char to_addr[64];
	snprintf(to_addr, sizeof to_addr, "evaluator+%s@foi.test", token);
	const char *to[] = {to_addr};
	struct smtp_report rep;
	int rc = send_fixture("d07@units.foi.test", "d07@units.foi.test", "reply-utf8.eml", token, to, 1,
			      &rep);
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert_eq(rep.rcpt[0].reply.code, 250);
	smtp_report_free(&rep);

	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, EVALUATOR, token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	/* The token survives delivery where the matcher will look for it. */
	char delivered[96];
	snprintf(delivered, sizeof delivered, "Delivered-To: evaluator+%s@foi.test\r\n", token);
	cr_assert(strstr(got, delivered) != NULL, "no %s in:\n%s", delivered, got);
	char *subject = mail_subject(got, len);
	cr_assert_not_null(subject);
	cr_assert_str_eq(subject, "关于政府信息公开申请的受理回执");
	char *body = mail_body_text(got, len);
	cr_assert(body && strstr(body, "20个工作日内作出答复"), "body: %s", body);
	free(subject);
	free(body);
	free(got);
}

Test(mailstack_smtp, unknown_address_is_refused_and_the_others_still_get_it)
{
	char token[17];
	mail_token(token);
	const char *to[] = {"nobody@units.foi.test", "d02@units.foi.test"};
	struct smtp_report rep;
	int rc = send_fixture(EVALUATOR, EVALUATOR, "application-gbk.eml", token, to, 2, &rep);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_PARTIAL, "%s", smtp_outcome_name(rep.outcome));
	cr_assert_eq(rep.rcpt[0].reply.code, 550);
	cr_assert_str_eq(rep.rcpt[0].reply.enhanced, "5.1.1");
	cr_assert(strstr(rep.rcpt[0].reply.text, "User unknown"), "%s", rep.rcpt[0].reply.text);
	cr_assert_eq(rep.rcpt[1].reply.code, 250);
	cr_assert_eq(rep.message.code, 250);
	cr_assert(!rep.temporary);
	cr_assert(strstr(err, "refused 1 of 2 recipients; nobody@units.foi.test: 550 5.1.1") != NULL,
		  "%s", err);
	smtp_report_free(&rep);

	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, "d02@units.foi.test", token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);
}

Test(mailstack_smtp, message_for_an_unknown_address_alone_is_refused)
{
	char token[17];
	mail_token(token);
	const char *to[] = {"d99@units.foi.test"};
	struct smtp_report rep;
	int rc = send_fixture(EVALUATOR, EVALUATOR, "application-gbk.eml", token, to, 1, &rep);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_REFUSED, "%s", smtp_outcome_name(rep.outcome));
	cr_assert_eq(rep.rcpt[0].reply.code, 550);
	cr_assert_neq(rep.message.code / 100, 2, "the message was taken: %d", rep.message.code);
	cr_assert(strstr(err, "refused the recipient d99@units.foi.test: 550 5.1.1") != NULL, "%s", err);
	smtp_report_free(&rep);
}

Test(mailstack_smtp, nothing_is_relayed_off_the_machine)
{
	char token[17];
	mail_token(token);
	const char *to[] = {"xxgk@suizhou.gov.cn"};
	struct smtp_report rep;
	int rc = send_fixture(EVALUATOR, EVALUATOR, "application-gbk.eml", token, to, 1, &rep);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_REFUSED);
	cr_assert_eq(rep.rcpt[0].reply.code, 554);
	cr_assert(strstr(rep.rcpt[0].reply.text, "Relay access denied"), "%s", rep.rcpt[0].reply.text);
	smtp_report_free(&rep);
}

Test(mailstack_smtp, wrong_password_is_an_auth_failure_and_nothing_is_delivered)
{
	char bad_token[17], good_token[17];
	mail_token(bad_token);
	mail_token(good_token);
	size_t len;
	char *msg = mail_fixture("application-gbk.eml", bad_token, &len);
	struct smtp_server srv = mail_smtp(&env, EVALUATOR, "not-the-password");
	const char *to[] = {"d09@units.foi.test"};
	struct smtp_report rep;
	int rc = smtp_send(&srv, EVALUATOR, to, 1, msg, len, &rep, err, sizeof err);
	free(msg);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_AUTH_FAILED, "%s: %s", smtp_outcome_name(rep.outcome), err);
	cr_assert(rep.tls);
	cr_assert(rep.auth_tried);
	cr_assert(!rep.authenticated);
	cr_assert_eq(rep.auth.code, 535);
	cr_assert(strstr(err, "refused the login of evaluator@foi.test: 535 5.7.8") != NULL, "%s", err);
	/* libesmtp went on without AUTH; the server would not take mail from a stranger. */
	cr_assert_neq(rep.rcpt[0].reply.code / 100, 2);
	cr_assert_neq(rep.message.code / 100, 2);
	smtp_report_free(&rep);

	/* A message sent properly afterwards arrives; the refused one never does. */
	rc = send_fixture(EVALUATOR, EVALUATOR, "application-gbk.eml", good_token, to, 1, &rep);
	cr_assert_eq(rc, 0, "%s", err);
	smtp_report_free(&rep);
	uint32_t uid;
	char *got = mail_wait_for(&env, "d09@units.foi.test", good_token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);
	got = mail_wait_for(&env, "d09@units.foi.test", bad_token, 0, &len, &uid, err, sizeof err);
	cr_assert_null(got, "the message sent with a wrong password was delivered");
}

Test(mailstack_smtp, auth_is_not_offered_without_starttls)
{
	char token[17];
	mail_token(token);
	size_t len;
	char *msg = mail_fixture("application-gbk.eml", token, &len);
	char *pw = mail_password(&env, EVALUATOR);
	struct smtp_server srv = mail_smtp(&env, EVALUATOR, pw);
	srv.tls = TLS_OFF;
	const char *to[] = {"d05@units.foi.test"};
	struct smtp_report rep;
	int rc = smtp_send(&srv, EVALUATOR, to, 1, msg, len, &rep, err, sizeof err);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_AUTH_FAILED, "%s", smtp_outcome_name(rep.outcome));
	cr_assert(!rep.tls);
	cr_assert(!rep.auth_tried);
	cr_assert(strstr(err, "offers no AUTH for the login of evaluator@foi.test") != NULL, "%s", err);
	smtp_report_free(&rep);
	free(pw);
	free(msg);
}

Test(mailstack_smtp, certificate_is_checked_against_the_ca_file)
{
	char token[17];
	mail_token(token);
	size_t len;
	char *msg = mail_fixture("application-gbk.eml", token, &len);
	char *pw = mail_password(&env, EVALUATOR);
	const char *to[] = {"d05@units.foi.test"};
	struct smtp_report rep;

	/* The system's store does not know the stack's throwaway certificate. */
	struct smtp_server srv = mail_smtp(&env, EVALUATOR, pw);
	srv.ca_file = NULL;
	int rc = smtp_send(&srv, EVALUATOR, to, 1, msg, len, &rep, err, sizeof err);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_TLS_FAILED, "%s: %s", smtp_outcome_name(rep.outcome), err);
	cr_assert(strstr(err, "certificate is not valid: self-signed certificate") != NULL, "%s", err);
	cr_assert(!rep.auth_tried, "the password went to an unverified server");
	smtp_report_free(&rep);

	/* "If offered" is no excuse to talk to a server whose certificate is wrong. */
	srv.tls = TLS_IF_OFFERED;
	rc = smtp_send(&srv, EVALUATOR, to, 1, msg, len, &rep, err, sizeof err);
	cr_assert_eq(rep.outcome, SMTP_TLS_FAILED, "%s: %s", smtp_outcome_name(rep.outcome), err);
	smtp_report_free(&rep);

	/* By name: the certificate names localhost too. */
	srv = mail_smtp(&env, EVALUATOR, pw);
	srv.host = "localhost";
	rc = smtp_send(&srv, EVALUATOR, to, 1, msg, len, &rep, err, sizeof err);
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert(rep.tls);
	smtp_report_free(&rep);
	free(pw);
	free(msg);
}

Test(mailstack_smtp, no_server_means_no_session)
{
	unsigned port = mail_free_port();
	struct smtp_server srv = mail_smtp(&env, NULL, NULL);
	srv.port = port;
	const char *to[] = {"d05@units.foi.test"};
	const char msg[] = "Subject: x\n\nx\n";
	struct smtp_report rep;
	int rc = smtp_send(&srv, EVALUATOR, to, 1, msg, sizeof msg - 1, &rep, err, sizeof err);
	cr_assert_eq(rc, -1);
	cr_assert_eq(rep.outcome, SMTP_NO_SESSION, "%s", smtp_outcome_name(rep.outcome));
	char where[64];
	snprintf(where, sizeof where, "SMTP server 127.0.0.1:%u: no session", port);
	cr_assert(strstr(err, where) != NULL, "%s", err);
	cr_assert_eq(rep.rcpt[0].reply.code, 0);
	smtp_report_free(&rep);
}

Test(mailstack_smtp, line_ends_become_crlf)
{
	size_t n;
	char *s = smtp_crlf("a\nb\r\nc\rd", 8, &n);
	cr_assert_str_eq(s, "a\r\nb\r\nc\r\nd\r\n");
	cr_assert_eq(n, 12);
	free(s);
	s = smtp_crlf("x\r\n", 3, &n);
	cr_assert_str_eq(s, "x\r\n");
	free(s);
}

/* Each session must finish promptly: libesmtp with TLS 1.3 used to hang on about half of them
 * (see tls_context in harness/smtp_send.c). */
Test(mailstack_smtp, twenty_sessions_in_a_row_each_deliver_promptly)
{
	char token[17];
	mail_token(token);
	size_t len;
	char *msg = mail_fixture("reply-utf8.eml", token, &len);
	char *pw = mail_password(&env, "d07@units.foi.test");
	struct smtp_server srv = mail_smtp(&env, "d07@units.foi.test", pw);
	srv.timeout_s = 5;
	const char *to[] = {"d08@units.foi.test"};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < 20; i++) {
		struct smtp_report rep;
		int rc = smtp_send(&srv, "d07@units.foi.test", to, 1, msg, len, &rep, err, sizeof err);
		cr_assert_eq(rc, 0, "session %d: %s", i + 1, err);
		cr_assert(rep.tls && rep.authenticated);
		smtp_report_free(&rep);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert(s < 4.0, "20 sessions took %.1f s", s);
	free(pw);
	free(msg);
}
