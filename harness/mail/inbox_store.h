/*
 * Storing what the inbox reads: one message at a time, each in one transaction, so that a
 * crash loses nothing already committed and a message is never stored twice (the same
 * Message-ID, or the same bytes, is recognised and only the mailbox position moves on).
 *
 * A message is kept whole in store/ (by SHA-256) with its attachments (by SHA-256, decoded
 * names as data), read for its envelope (mail_envelope.h) and letter text (mail_text.h),
 * matched to a request (inbox_match.h) and, when matched, turned into an event: a bounce, an
 * auto-reply, or a reply whose kind (ack, supplement, extension, final) the grader suggests from
 * the letter (grader/letter_check.h). A message foi cannot read is stored all the same, with
 * what was wrong in `problems`, and waits in the holding pen; it never stops the ones after it.
 * The holding pen: messages not matched, which a person assigns to a request or ignores with a
 * reason (both recorded; an assignment makes the event a match would have made).
 */
#ifndef FOI_HARNESS_INBOX_STORE_H
#define FOI_HARNESS_INBOX_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/settings.h"
#include "harness/status.h"

/* Where a message was read. */
struct inbox_place {
	const char *mailbox;   /* "user@host:port/INBOX" */
	uint32_t uidvalidity;
	uint32_t uid;
};

struct inbox_stored {
	int duplicate;         /* already stored: nothing added */
	int64_t message;       /* messages.id (of the earlier copy, for a duplicate) */
	int64_t request;       /* the matched request, or 0 */
	const char *kind;      /* "reply", "bounce", "auto-reply" */
	int malformed;         /* problems were found */
};

/* Stores one message fetched at place (NULL: given by hand) and moves the mailbox's position
 * to it, all in one transaction. internaldate: 0 when unknown. */
enum foi_status inbox_store(sqlite3 *db, const char *store_dir, const struct settings *s, const char *raw,
			    size_t len, int64_t internaldate, const struct inbox_place *place,
			    struct inbox_stored *out, char *err, size_t errsz);

/* The mailbox's position: *found 0 when none is recorded. */
enum foi_status inbox_position(sqlite3 *db, const char *mailbox, int *found, uint32_t *uidvalidity,
			       uint32_t *last_uid, char *err, size_t errsz);

/* A message of the holding pen assigned to a request by a person (its event made as a match
 * would have). FOI_E_NOT_FOUND for an unknown message or request; FOI_E_DATA when the message
 * is matched already. */
enum foi_status inbox_assign(sqlite3 *db, const char *store_dir, int64_t message, int64_t request, char *err,
			     size_t errsz);

/* A message of the holding pen set aside with a reason. */
enum foi_status inbox_ignore(sqlite3 *db, int64_t message, const char *reason, char *err, size_t errsz);

#endif
