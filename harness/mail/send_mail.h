/*
 * Sends one planned request by e-mail, at most once: the message is composed (request_mail.h),
 * stored in store/ and its attempt committed as 'sending' with its Message-ID (outbox.h) before
 * libesmtp opens the session (smtp_send.h); the server's answer then decides the outcome.
 *
 * A refusal of the unit's address at RCPT is that request's failure, with the server's words.
 * Anything that stops every mail alike (a refused login, STARTTLS missing or a certificate
 * that does not verify, no connection, our sender refused) sends nothing and is returned as
 * FOI_E_NET with one clear message, the request back where it was: the caller stops the run.
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

/* *outcome and the detail (the server's words: its acceptance, or why it refused; caller-owned)
 * are filled when FOI_OK is returned. */
enum foi_status send_mail(struct workspace *ws, const struct mail_request *r, enum outbox_outcome *outcome,
			  char *detail, size_t detailsz, char *err, size_t errsz);

#endif
