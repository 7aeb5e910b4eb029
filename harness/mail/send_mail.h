/*
 * Sends planned requests by e-mail, at most once, many in one SMTP session: each message is
 * composed (request_mail.h) and stored in store/, and every attempt of the batch is committed as
 * 'sending' with its Message-ID (outbox.h) before libesmtp opens the session (smtp_send.h); the
 * server's answers to each message then decide its request's outcome, recorded together.
 *
 * A refusal of a unit's address at RCPT is that request's failure, with the server's words; the
 * others of the session go on. Anything that stops every mail alike (a refused login, STARTTLS
 * missing or a certificate that does not verify, no connection, our sender refused) sends
 * nothing and is returned as FOI_E_NET with one clear message, those requests back where they
 * were: the caller stops the run. A run killed during the session leaves the whole batch
 * 'sending' (then 'unknown'): the batch's size bounds what one kill can leave uncertain.
 */
#ifndef FOI_SEND_MAIL_H
#define FOI_SEND_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "harness/mail/outbox.h"
#include "harness/workspace.h"

struct mail_request {
	int64_t id;
	const char *from_state;  /* planned, or failed for a retry */
	const char *to;          /* the unit's address */
	const char *reply_to;    /* From, Reply-To and envelope sender */
	const char *persona;     /* persona key (its name goes in From) */
	const char *subject;
	const char *body;
};

/* What became of one request of a batch: the outcome, and the server's words (its acceptance,
 * or why it refused). */
struct mail_result {
	enum outbox_outcome outcome;
	char detail[FOI_ERR_MAX];
};

/* Sends the n requests in one session; out[i] (caller's) is filled for r[i] when FOI_OK or
 * FOI_E_NET is returned (FOI_E_NET: a failure every mail shares; err says it once). Any other
 * status: nothing was sent, and the requests are where they were. */
enum foi_status send_mails(struct workspace *ws, const struct mail_request *r, size_t n, struct mail_result *out,
			   char *err, size_t errsz);

#endif
