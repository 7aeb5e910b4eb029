/*
 * The outbox: sending at most once, whatever the channel (e-mail or web form).
 *
 * Before any byte leaves the machine, the attempt is committed as 'sending' together with the
 * request's new state, the Message-ID and the SHA-256 of the exact bytes that will go out.
 * After the network call the attempt is finished: sent, failed (with the server's words), or
 * unknown (the connection broke after the message went out). When nothing left the machine (no
 * session could be opened) the attempt is 'not-sent' and the request returns to its prior state.
 *
 * A run that dies between the two commits leaves the attempt 'sending'; the next run, holding
 * the send lock, turns it into 'unknown'. An unknown request is never sent again by itself:
 * only `foi request resend ID` (back to planned) or `foi request mark-sent ID` (the evaluator
 * found it arrived) resolve it. Every change is recorded in round_edits.
 *
 * Requests' states: planned, no-channel, sending, sent, failed, unknown (and assisted, later).
 */
#ifndef FOI_OUTBOX_H
#define FOI_OUTBOX_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

/*
 * Takes the workspace's send lock (DIR/send.lock), so that one sender at a time runs and an
 * attempt left 'sending' can only be a dead run's. *fd receives the lock's descriptor: close it
 * to release. FOI_E_IO when another sender holds it.
 */
enum foi_status outbox_lock(const char *ws_dir, int *fd, char *err, size_t errsz);

/* Under the lock: every attempt still 'sending' becomes 'unknown', and so does its request.
 * *count gets how many. */
enum foi_status outbox_recover(sqlite3 *db, int *count, char *err, size_t errsz);

struct outbox_claim {
	int64_t request_id;
	const char *from_state;  /* the state the request must be in: planned, or failed for a retry */
	const char *channel;     /* email | web */
	const char *address;     /* the unit's address or form */
	const char *message_id;  /* e-mail: the Message-ID, stored before sending; else "" */
	const char *raw;         /* SHA-256 of the bytes to send (store/), or "" */
};

/* Commits the attempt as 'sending' (the request too). FOI_E_DATA when the request is no longer
 * in from_state: something else sent or changed it, and it must not go out. */
enum foi_status outbox_claim(sqlite3 *db, const struct outbox_claim *c, int64_t *attempt_id, char *err, size_t errsz);
/* The attempts of a batch that goes out in one session, committed together, all or none:
 * attempt_ids[i] for c[i]. */
enum foi_status outbox_claim_many(sqlite3 *db, const struct outbox_claim *c, size_t n, int64_t *attempt_ids, char *err,
				  size_t errsz);

enum outbox_outcome {
	OUTBOX_SENT,     /* the server took it (confirmation: the query code, for a form) */
	OUTBOX_FAILED,   /* refused: detail holds the evidence */
	OUTBOX_UNKNOWN,  /* it may have been taken */
	OUTBOX_NOT_SENT, /* nothing left the machine: the request goes back to its prior state */
};

enum foi_status outbox_finish(sqlite3 *db, int64_t attempt_id, enum outbox_outcome outcome,
			      const char *confirmation, const char *detail, char *err, size_t errsz);

/* The outcome of one attempt of a batch. */
struct outbox_result {
	int64_t attempt_id;
	enum outbox_outcome outcome;
	const char *confirmation;
	const char *detail;
};
/* The outcomes of a batch, committed together. */
enum foi_status outbox_finish_many(sqlite3 *db, const struct outbox_result *r, size_t n, char *err, size_t errsz);

/* An unknown request back to planned, for the next `round send`. */
enum foi_status outbox_resend(sqlite3 *db, int64_t request_id, char *err, size_t errsz);

/* An unknown request recorded as sent, with the confirmation the evaluator found ("" for none). */
enum foi_status outbox_mark_sent(sqlite3 *db, int64_t request_id, const char *confirmation, char *err, size_t errsz);

const char *outbox_outcome_name(enum outbox_outcome outcome);

#endif
