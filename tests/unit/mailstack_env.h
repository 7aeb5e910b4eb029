/*
 * The mail stack the tests run against (tests/env/mailstack, started by tests/run-tests):
 * where it is (FOI_MAIL_DIR, FOI_SMTP_PORT, FOI_IMAP_PORT), the mailboxes' passwords, client
 * settings for it, fixtures with a fresh token, and waiting for a message to arrive.
 */
#ifndef FOI_TEST_MAILSTACK_ENV_H
#define FOI_TEST_MAILSTACK_ENV_H

#include <stddef.h>
#include <stdint.h>

#include "harness/mail/imap_fetch.h"
#include "harness/mail/smtp_send.h"

struct mail_env {
	char dir[256];
	unsigned smtp_port;
	unsigned imap_port;
	char ca_file[300];
};

/* Reads the environment; returns 0, or -1 with why in err. */
int mail_env_get(struct mail_env *e, char *err, size_t errsz);

/* The password of a mailbox, from FOI_MAIL_DIR/passwords; NULL when unknown. Caller frees. */
char *mail_password(const struct mail_env *e, const char *address);

/* Submission with STARTTLS required, the stack's CA file, and AUTH as user (when not NULL). The
 * password string is owned by the caller (from mail_password). */
struct smtp_server mail_smtp(const struct mail_env *e, const char *user, const char *password);
/* IMAP with STARTTLS required and the stack's CA file. */
struct imap_account mail_imap(const struct mail_env *e, const char *user, const char *password);

/* 16 random hex digits. */
void mail_token(char out[17]);

/* A fixture of tests/fixtures/mailstack with every @TOKEN@ replaced by token. Caller frees. */
char *mail_fixture(const char *name, const char *token, size_t *len);

/*
 * Waits (up to timeout_s) for a message containing needle in the INBOX of user, reading it over
 * IMAP; returns its bytes (caller frees) and UID, or NULL with why in err.
 */
char *mail_wait_for(const struct mail_env *e, const char *user, const char *needle,
		    double timeout_s, size_t *len, uint32_t *uid, char *err, size_t errsz);

/* Decoded (UTF-8) Subject and text body of a message, parsed with GMime; NULL on failure.
 * Caller frees with free(). */
char *mail_subject(const char *msg, size_t len);
char *mail_body_text(const char *msg, size_t len);

/* A TCP port on 127.0.0.1 that nothing listens on right now. */
unsigned mail_free_port(void);

#endif
