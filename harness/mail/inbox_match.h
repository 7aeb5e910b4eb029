/*
 * Which request an incoming message belongs to, by the strongest evidence found (DESIGN.md,
 * "Contracts"): In-Reply-To / References naming a Message-ID foi sent (for a bounce, the
 * returned original's Message-ID first) → the request's token in a recipient address → the
 * request's reply address among the recipients together with the unit (the sender is the
 * address the request went to, or one the unit used before, or of its e-mail domain; unique
 * among the requests sent to that reply address) → the query code a form returned, or the
 * token, in the subject or text. A bounce is also matched by the failed recipient, the
 * address a request was sent to, when only one request went there. Nothing certain: no match,
 * and the message waits in the holding pen for a person.
 */
#ifndef FOI_HARNESS_INBOX_MATCH_H
#define FOI_HARNESS_INBOX_MATCH_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/mail/mail_envelope.h"
#include "harness/status.h"

struct inbox_match {
	int64_t request_id;  /* 0: no match */
	char *evidence;      /* how it was matched (owned; NULL when no match) */
};

/* text: the letter's text (UTF-8) or "". delimiter: the token delimiter of [mail]. */
enum foi_status inbox_match(sqlite3 *db, const struct mail_envelope *e, const char *text, const char *delimiter,
			    struct inbox_match *out, char *err, size_t errsz);

#endif
