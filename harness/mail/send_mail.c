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

static const char *persona_name(const struct settings *s, const char *key)
{
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			return s->personas[i].name;
	return "";
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

enum foi_status send_mail(struct workspace *ws, const struct mail_request *r, enum outbox_outcome *outcome,
			  char *detail, size_t detailsz, char *err, size_t errsz)
{
	struct request_mail m = {.from_name = persona_name(&ws->settings, r->persona), .from_address = r->reply_to,
				 .to = r->to, .subject = r->subject, .body = r->body, .date = clock_now(),
				 .zone = clock_zone()};
	char *msg = NULL, *message_id = NULL, store_dir[PATH_MAX], raw[BLOB_NAME_MAX];
	size_t len = 0;
	enum foi_status rc = request_mail_build(&m, &msg, &len, &message_id, err, errsz);
	if (rc != FOI_OK)
		return rc;
	if (workspace_path(ws, WORKSPACE_STORE, store_dir) != 0) {
		rc = foi_fail(err, errsz, FOI_E_IO, "%s: path too long", ws->dir);
		goto out;
	}
	/* Stored exactly as sent, before it is sent: what is graded later is what the unit got. */
	rc = blob_put(store_dir, msg, len, raw, err, errsz);
	if (rc != FOI_OK)
		goto out;
	struct outbox_claim claim = {.request_id = r->id, .from_state = r->from_state, .channel = "email",
				     .address = r->to, .message_id = message_id, .raw = raw};
	int64_t attempt;
	rc = outbox_claim(ws->db, &claim, &attempt, err, errsz);
	if (rc != FOI_OK)
		goto out;

	struct smtp_server srv;
	struct smtp_report rep;
	char serr[FOI_ERR_MAX];
	smtp_server_from(&ws->settings, &srv);
	const char *to[] = {r->to};
	int sent = smtp_send(&srv, r->reply_to, to, 1, msg, len, &rep, serr, sizeof serr) == 0;
	if (sent) {
		*outcome = OUTBOX_SENT;
		/* The server's own words on taking it ("250 2.0.0 Ok: queued as ..."): the evidence. */
		snprintf(detail, detailsz, "%d %s%s%s", rep.message.code, rep.message.enhanced, *rep.message.enhanced ? " " : "",
			 rep.message.text ? rep.message.text : "");
	} else if (rep.outcome == SMTP_UNKNOWN) {
		*outcome = OUTBOX_UNKNOWN;
		snprintf(detail, detailsz, "%s", serr);
	} else if (refused_by_recipient(&rep)) {
		*outcome = OUTBOX_FAILED;
		snprintf(detail, detailsz, "%s", serr);
	} else {
		*outcome = OUTBOX_NOT_SENT;
		snprintf(detail, detailsz, "%s", serr);
	}
	smtp_report_free(&rep);
	rc = outbox_finish(ws->db, attempt, *outcome, "", detail, err, errsz);
	if (rc == FOI_OK && *outcome == OUTBOX_NOT_SENT)
		rc = foi_fail(err, errsz, FOI_E_NET, "%s", serr);
out:
	free(msg);
	free(message_id);
	return rc;
}
