/*
 * Support for the inbox tests against the real Dovecot of the mail stack: a mail folder of the
 * evaluator's mailbox for one test (Maildir++ ".NAME", written as Postfix would, each file's
 * modification time being the message's INTERNALDATE), recreated to get a new UIDVALIDITY;
 * a workspace whose [mail] imap_* settings read that folder; fixtures of tests/fixtures/inbox
 * with their placeholders filled; and questions to foi.db.
 */
#ifndef FOI_TEST_INBOX_SUPPORT_H
#define FOI_TEST_INBOX_SUPPORT_H

#include <stddef.h>

#include "tests/unit/mailstack_env.h"

#define INBOX_EVALUATOR "evaluator@foi.test"

struct inbox_box {
	char name[64];   /* the IMAP mailbox name */
	char path[512];  /* its Maildir folder */
	int n;           /* files written so far */
};

/* A new empty folder with a name of its own. */
void inbox_box_make(struct inbox_box *b, const struct mail_env *env);
/* Delivers a message that arrived at when ('YYYY-MM-DD HH:MM', Asia/Shanghai). */
void inbox_box_put(struct inbox_box *b, const char *text, size_t len, const char *when);
/* Deletes the folder and makes it again with the same messages: Dovecot gives it a new
 * UIDVALIDITY. */
void inbox_box_recreate(struct inbox_box *b);

/* A workspace (units reached by mail through the stack) reading mailbox over IMAP. */
char *inbox_workspace(const struct mail_env *env, const char *password, const char *mailbox);

/* tests/fixtures/inbox/NAME with @TO@, @UNIT@, @MSGID@, @TOKEN@ replaced. Caller frees. */
char *inbox_fixture(const char *name, const char *to, const char *unit, const char *msgid, const char *token,
		    size_t *len);

/* The first column of the first row of a query on dir/foi.db, as text ("" when no row); caller
 * frees. */
char *db_text(const char *dir, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
long long db_number(const char *dir, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Runs a statement on dir/foi.db (what another part of foi would have recorded). */
void db_exec(const char *dir, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
