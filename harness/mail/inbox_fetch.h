/*
 * foi inbox fetch: reads what is new in the evaluator's mailbox over IMAP ([mail] imap_*
 * settings, harness/mail/imap_fetch.h) and stores it message by message (inbox_store.h).
 *
 * The mailbox's place is UIDVALIDITY + the last UID stored. When the server's UIDVALIDITY is
 * not the one recorded (the mailbox was recreated), every message is read again; those stored
 * before are recognised by Message-ID and content and not stored twice. Arrival is the
 * message's INTERNALDATE, fetched for all new messages in one command (or the Date header,
 * by the [mail] arrival setting).
 */
#ifndef FOI_HARNESS_INBOX_FETCH_H
#define FOI_HARNESS_INBOX_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"
#include "harness/workspace.h"

struct inbox_fetch_result {
	int fetched;          /* messages read from the server */
	int stored;           /* new in the store */
	int duplicates;       /* already stored (by Message-ID or content) */
	int matched, unmatched, bounces, auto_replies, malformed;
	int uidvalidity_changed;
};

/* What the front-end shows while a fetch runs; every member may be NULL. */
struct inbox_fetch_hooks {
	void *ctx;
	void (*progress)(void *ctx, size_t done, size_t total);
	/* A message stored with problems, or one that could not be fetched. */
	void (*problem)(void *ctx, uint32_t uid, int64_t message, const char *what);
};

enum foi_status inbox_fetch(struct workspace *ws, const struct inbox_fetch_hooks *h, struct inbox_fetch_result *r,
			    char *err, size_t errsz);

#endif
