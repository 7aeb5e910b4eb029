/* One request by e-mail: composed, stored, committed as 'sending', then submitted (send_mail.h). */
#include "harness/mail/send_mail.h"
#include "harness/blobs.h"
#include "harness/clock.h"
#include "harness/mail/request_mail.h"
#include "harness/mail/smtp_send.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void smtp_server_from(const struct settings *s, struct smtp_server *srv)
{
	memset(srv, 0, sizeof *srv);
	srv->host = s->smtp_host;
	srv->port = (unsigned)s->smtp_port;
	srv->tls = s->smtp_tls;
	srv->ca_file = *s->smtp_ca_file ? s->smtp_ca_file : NULL;
	srv->user = *s->smtp_user ? s->smtp_user : NULL;
	srv->password = s->smtp_password;
}

/*
 * Did the server refuse the unit's address (that request's failure), or something every mail
 * shares (stop the run)? A refusal at RCPT or of the message itself belongs to the request.
 */
static int refused_by_recipient(const struct smtp_report *rep)
{
	if (rep->outcome != SMTP_REFUSED && rep->outcome != SMTP_PARTIAL)
		return 0;
	if (rep->sender.code >= 400)
		return 0;
	return 1;
}

/* What the server's answers for one message make of its request, and the words kept as evidence. */
static enum outbox_outcome outcome_of(const struct smtp_report *rep, char *detail, size_t detailsz)
{
	if (rep->outcome == SMTP_DELIVERED) {
		/* The server's own words on taking it ("250 2.0.0 Ok: queued as ..."): the evidence. */
		snprintf(detail, detailsz, "%d %s%s%s", rep->message.code, rep->message.enhanced,
			 *rep->message.enhanced ? " " : "", rep->message.text ? rep->message.text : "");
		return OUTBOX_SENT;
	}
	snprintf(detail, detailsz, "%s", rep->error ? rep->error : "out of memory reading the server's answers");
	if (rep->outcome == SMTP_UNKNOWN)
		return OUTBOX_UNKNOWN;
	return refused_by_recipient(rep) ? OUTBOX_FAILED : OUTBOX_NOT_SENT;
}

/* One batch, its messages composed and stored: claimed together, sent in one session, finished. */
struct batch {
	char **msg, **message_id;
	size_t *len;
	char (*raw)[BLOB_NAME_MAX];
	struct outbox_claim *claims;
	int64_t *attempts;
	struct smtp_mail *mails;
	struct smtp_report *reps;
	struct outbox_result *results;
	const char **to; /* one recipient per message: its unit's address */
};

static void batch_free(struct batch *b, size_t n)
{
	for (size_t i = 0; b->msg && i < n; i++)
		free(b->msg[i]);
	for (size_t i = 0; b->message_id && i < n; i++)
		free(b->message_id[i]);
	free(b->msg);
	free(b->message_id);
	free(b->len);
	free(b->raw);
	free(b->claims);
	free(b->attempts);
	free(b->mails);
	free(b->reps);
	free(b->results);
	free(b->to);
}

static int batch_alloc(struct batch *b, size_t n)
{
	memset(b, 0, sizeof *b);
	b->msg = calloc(n, sizeof *b->msg);
	b->message_id = calloc(n, sizeof *b->message_id);
	b->len = calloc(n, sizeof *b->len);
	b->raw = calloc(n, sizeof *b->raw);
	b->claims = calloc(n, sizeof *b->claims);
	b->attempts = calloc(n, sizeof *b->attempts);
	b->mails = calloc(n, sizeof *b->mails);
	b->reps = calloc(n, sizeof *b->reps);
	b->results = calloc(n, sizeof *b->results);
	b->to = calloc(n, sizeof *b->to);
	return b->msg && b->message_id && b->len && b->raw && b->claims && b->attempts && b->mails && b->reps &&
			       b->results && b->to
		       ? 0
		       : -1;
}

/* Composes request i and stores its exact bytes before anything is sent. */
static enum foi_status compose(struct workspace *ws, const char *store_dir, const struct mail_request *r,
			       struct batch *b, size_t i, char *err, size_t errsz)
{
	struct request_mail m = {.from_name = settings_persona_name(&ws->settings, r->persona), .from_address = r->reply_to,
				 .to = r->to, .subject = r->subject, .body = r->body, .date = clock_now(),
				 .zone = clock_zone()};
	enum foi_status rc = request_mail_build(&m, &b->msg[i], &b->len[i], &b->message_id[i], err, errsz);
	if (rc == FOI_OK)
		/* Stored exactly as sent, before it is sent: what is graded later is what the unit got. */
		rc = blob_put(store_dir, b->msg[i], b->len[i], b->raw[i], err, errsz);
	if (rc != FOI_OK)
		return rc;
	b->claims[i] = (struct outbox_claim){.request_id = r->id, .from_state = r->from_state, .channel = "email",
					     .address = r->to, .message_id = b->message_id[i], .raw = b->raw[i]};
	b->to[i] = r->to;
	b->mails[i] = (struct smtp_mail){.from = r->reply_to, .to = &b->to[i], .nto = 1, .msg = b->msg[i], .len = b->len[i]};
	return FOI_OK;
}

enum foi_status send_mails(struct workspace *ws, const struct mail_request *r, size_t n, struct mail_result *out,
			   char *err, size_t errsz)
{
	struct batch b;
	char store_dir[PATH_MAX];
	if (n == 0)
		return FOI_OK;
	if (batch_alloc(&b, n) != 0) {
		batch_free(&b, n);
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	enum foi_status rc = FOI_OK;
	if (workspace_path(ws, WORKSPACE_STORE, store_dir) != 0)
		rc = foi_fail(err, errsz, FOI_E_IO, "%s: path too long", ws->dir);
	for (size_t i = 0; i < n && rc == FOI_OK; i++)
		rc = compose(ws, store_dir, &r[i], &b, i, err, errsz);
	/* Every attempt of the batch is committed as sending before the session opens. */
	if (rc == FOI_OK)
		rc = outbox_claim_many(ws->db, b.claims, n, b.attempts, err, errsz);
	if (rc != FOI_OK) {
		batch_free(&b, n);
		return rc;
	}

	struct smtp_server srv;
	smtp_server_from(&ws->settings, &srv);
	char serr[FOI_ERR_MAX];
	int delivered = smtp_send_many(&srv, b.mails, n, b.reps, serr, sizeof serr);
	const char *stop = NULL; /* the words of a failure every mail shares: the run stops */
	for (size_t i = 0; i < n; i++) {
		if (delivered < 0) {
			out[i].outcome = OUTBOX_NOT_SENT;
			snprintf(out[i].detail, sizeof out[i].detail, "%s", serr);
		} else {
			out[i].outcome = outcome_of(&b.reps[i], out[i].detail, sizeof out[i].detail);
		}
		if (out[i].outcome == OUTBOX_NOT_SENT && !stop)
			stop = out[i].detail;
		b.results[i] = (struct outbox_result){.attempt_id = b.attempts[i], .outcome = out[i].outcome,
						      .confirmation = "", .detail = out[i].detail};
	}
	rc = outbox_finish_many(ws->db, b.results, n, err, errsz);
	if (rc == FOI_OK && stop)
		rc = foi_fail(err, errsz, FOI_E_NET, "%s", stop);
	for (size_t i = 0; delivered >= 0 && i < n; i++)
		smtp_report_free(&b.reps[i]);
	batch_free(&b, n);
	return rc;
}
