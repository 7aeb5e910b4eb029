/*
 * Reading mailboxes of the test stack's Dovecot with harness/imap_fetch (libcurl): the
 * UIDVALIDITY + UID bookkeeping the inbox relies on, and the errors a user would meet.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness/mail/imap_fetch.h"
#include "harness/mail/smtp_send.h"
#include "tests/unit/mailstack_env.h"

static struct mail_env env;
static char err[1024];

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
}

TestSuite(mailstack_imap, .init = setup, .timeout = 60);

static struct imap_client *open_as(const char *user, const char *password, enum tls_mode tls)
{
	struct imap_account a = mail_imap(&env, user, password);
	a.tls = tls;
	struct imap_client *c;
	cr_assert_eq(imap_open(&a, &c, err, sizeof err), IMAP_OK, "%s", err);
	return c;
}

static void send_to(const char *to_addr, const char *token)
{
	size_t len;
	char *msg = mail_fixture("application-gbk.eml", token, &len);
	char *pw = mail_password(&env, "evaluator@foi.test");
	struct smtp_server srv = mail_smtp(&env, "evaluator@foi.test", pw);
	const char *to[] = {to_addr};
	struct smtp_report rep;
	int rc = smtp_send(&srv, "evaluator@foi.test", to, 1, msg, len, &rep, err, sizeof err);
	cr_assert_eq(rc, 0, "%s", err);
	smtp_report_free(&rep);
	free(pw);
	free(msg);
}

Test(mailstack_imap, uids_count_on_from_the_one_asked_for)
{
	const char *box = "d11@units.foi.test";
	char *pw = mail_password(&env, box);
	struct imap_client *c = open_as(box, pw, TLS_REQUIRED);
	struct imap_mailbox_state before, after;
	cr_assert_eq(imap_examine(c, &before, err, sizeof err), IMAP_OK, "%s", err);
	cr_assert_neq(before.uidvalidity, 0);
	cr_assert_neq(before.uidnext, 0);

	char tokens[3][17];
	for (int i = 0; i < 3; i++) {
		mail_token(tokens[i]);
		send_to(box, tokens[i]);
	}
	for (int tries = 0;; tries++) {
		cr_assert_eq(imap_examine(c, &after, err, sizeof err), IMAP_OK, "%s", err);
		if (after.exists == before.exists + 3)
			break;
		cr_assert(tries < 150, "3 messages did not arrive: %u then %u", before.exists, after.exists);
		usleep(100 * 1000);
	}
	cr_assert_eq(after.uidvalidity, before.uidvalidity);
	cr_assert_eq(after.uidnext, before.uidnext + 3);

	struct imap_uids u;
	cr_assert_eq(imap_uids_from(c, before.uidnext, &u, err, sizeof err), IMAP_OK, "%s", err);
	cr_assert_eq(u.n, 3);
	for (uint32_t i = 0; i < 3; i++)
		cr_assert_eq(u.uid[i], before.uidnext + i);
	imap_uids_free(&u);

	cr_assert_eq(imap_uids_from(c, before.uidnext + 2, &u, err, sizeof err), IMAP_OK, "%s", err);
	cr_assert_eq(u.n, 1);
	cr_assert_eq(u.uid[0], before.uidnext + 2);
	imap_uids_free(&u);

	/* "UID n:*" names the highest UID even when it is below n; nothing new means nothing. */
	cr_assert_eq(imap_uids_from(c, after.uidnext, &u, err, sizeof err), IMAP_OK, "%s", err);
	cr_assert_eq(u.n, 0, "got UID %u", u.n ? u.uid[0] : 0);
	imap_uids_free(&u);

	/* The three arrived in the order they were sent, each under its UID. */
	for (uint32_t i = 0; i < 3; i++) {
		char *data;
		size_t len;
		cr_assert_eq(imap_fetch_uid(c, after.uidvalidity, before.uidnext + i, &data, &len, err,
					    sizeof err), IMAP_OK, "%s", err);
		cr_assert(strstr(data, tokens[i]) != NULL, "UID %u is not message %u", before.uidnext + i, i);
		cr_assert_eq(strlen(data), len);
		free(data);
	}
	imap_close(c);
	free(pw);
}

Test(mailstack_imap, a_changed_uidvalidity_voids_the_uids)
{
	const char *box = "evaluator@foi.test";
	char token[17];
	mail_token(token);
	char to[64];
	snprintf(to, sizeof to, "evaluator+%s@foi.test", token);
	send_to(to, token);
	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, box, token, 15, &len, &uid, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);

	char *pw = mail_password(&env, box);
	struct imap_client *c = open_as(box, pw, TLS_REQUIRED);
	struct imap_mailbox_state st;
	cr_assert_eq(imap_examine(c, &st, err, sizeof err), IMAP_OK, "%s", err);
	char *data;
	cr_assert_eq(imap_fetch_uid(c, st.uidvalidity, uid, &data, &len, err, sizeof err), IMAP_OK,
		     "%s", err);
	free(data);
	enum imap_status s = imap_fetch_uid(c, st.uidvalidity + 1, uid, &data, &len, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_UIDVALIDITY, "%s: %s", imap_status_name(s), err);
	cr_assert_null(data);
	cr_assert(strstr(err, "the UIDs known before are void") != NULL, "%s", err);
	imap_close(c);
	free(pw);
}

Test(mailstack_imap, missing_uid_is_no_message)
{
	char *pw = mail_password(&env, "d12@units.foi.test");
	struct imap_client *c = open_as("d12@units.foi.test", pw, TLS_REQUIRED);
	struct imap_mailbox_state st;
	cr_assert_eq(imap_examine(c, &st, err, sizeof err), IMAP_OK, "%s", err);
	char *data;
	size_t len;
	enum imap_status s = imap_fetch_uid(c, st.uidvalidity, st.uidnext + 100, &data, &len, err,
					    sizeof err);
	cr_assert_eq(s, IMAP_ERR_NO_MESSAGE, "%s: %s", imap_status_name(s), err);
	cr_assert(strstr(err, "no message with UID") != NULL, "%s", err);
	imap_close(c);
	free(pw);
}

Test(mailstack_imap, wrong_password_is_a_refused_login)
{
	struct imap_client *c = open_as("evaluator@foi.test", "not-the-password", TLS_REQUIRED);
	struct imap_mailbox_state st;
	enum imap_status s = imap_examine(c, &st, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_LOGIN, "%s: %s", imap_status_name(s), err);
	cr_assert(strstr(err, "refused the login of evaluator@foi.test") != NULL, "%s", err);
	imap_close(c);
}

Test(mailstack_imap, unknown_mailbox_cannot_be_opened)
{
	char *pw = mail_password(&env, "evaluator@foi.test");
	struct imap_account a = mail_imap(&env, "evaluator@foi.test", pw);
	a.mailbox = "Archive 2023";
	struct imap_client *c;
	cr_assert_eq(imap_open(&a, &c, err, sizeof err), IMAP_OK, "%s", err);
	struct imap_uids u;
	enum imap_status s = imap_uids_from(c, 1, &u, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_MAILBOX, "%s: %s", imap_status_name(s), err);
	cr_assert(strstr(err, "cannot open mailbox Archive 2023") != NULL, "%s", err);
	struct imap_mailbox_state st;
	s = imap_examine(c, &st, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_MAILBOX, "%s: %s", imap_status_name(s), err);
	imap_close(c);
	free(pw);
}

Test(mailstack_imap, plain_imap_works_and_starttls_checks_the_certificate)
{
	char *pw = mail_password(&env, "evaluator@foi.test");
	struct imap_client *c = open_as("evaluator@foi.test", pw, TLS_OFF);
	struct imap_mailbox_state st;
	cr_assert_eq(imap_examine(c, &st, err, sizeof err), IMAP_OK, "%s", err);
	cr_assert_neq(st.uidvalidity, 0);
	imap_close(c);

	struct imap_account a = mail_imap(&env, "evaluator@foi.test", pw);
	a.ca_file = NULL;
	cr_assert_eq(imap_open(&a, &c, err, sizeof err), IMAP_OK, "%s", err);
	enum imap_status s = imap_examine(c, &st, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_TLS, "%s: %s", imap_status_name(s), err);
	cr_assert(strstr(err, "STARTTLS failed") != NULL, "%s", err);
	imap_close(c);
	free(pw);
}

Test(mailstack_imap, no_server_is_a_connect_error)
{
	struct imap_account a = mail_imap(&env, "evaluator@foi.test", "x");
	a.port = mail_free_port();
	struct imap_client *c;
	cr_assert_eq(imap_open(&a, &c, err, sizeof err), IMAP_OK, "%s", err);
	struct imap_mailbox_state st;
	enum imap_status s = imap_examine(c, &st, err, sizeof err);
	cr_assert_eq(s, IMAP_ERR_CONNECT, "%s: %s", imap_status_name(s), err);
	imap_close(c);
}
