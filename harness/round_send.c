/* Sending a round's due requests through the outbox, e-mails in batches of one SMTP session (see round_send.h). */
#include "harness/round_send.h"
#include "harness/round_query.h"
#include "harness/clock.h"
#include "harness/mail/outbox.h"
#include "harness/mail/send_mail.h"
#include "harness/politeness.h"
#include "harness/web/web_send.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

/* '2023-09-18T10:00:00+08:00' (as clock_format_iso writes) to an instant; -1 when malformed. */
static void item_free(struct send_item *it)
{
	char **fields[] = {&it->unit, &it->kind, &it->channel, &it->address, &it->persona, &it->send_at,
			   &it->reply_to, &it->subject, &it->body, &it->state};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(*fields[i]);
}

static void items_free(struct send_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		item_free(&items[i]);
	free(items);
}

static int item_read(sqlite3_stmt *st, struct send_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	char **fields[] = {&it->unit, &it->kind, &it->channel, &it->address, &it->persona, &it->send_at,
			   &it->reply_to, &it->subject, &it->body, &it->state};
	for (int i = 0; i < (int)(sizeof fields / sizeof fields[0]); i++) {
		const unsigned char *v = sqlite3_column_text(st, i + 1);
		if (!(*fields[i] = strdup(v ? (const char *)v : "")))
			return -1;
	}
	return 0;
}

/* The requests the options select, in the order they fall due; not-due ones counted apart. */
static enum foi_status load_due(sqlite3 *db, int64_t round_id, const struct round_send_options *o, time_t now,
				struct send_item **out, size_t *n, int *not_due, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	*not_due = 0;
	/* Not the texts: a round of thousands would hold them all at once; a batch reads its own. */
	if (sqlite3_prepare_v2(db, "SELECT id, unit, kind, channel, address, persona, send_at, reply_to, '', '', state "
				   "FROM requests WHERE round_id = ?1 AND (state = 'planned' OR (?2 AND state = 'failed')) "
				   "AND (?3 IS NULL OR unit = ?3) AND (?4 IS NULL OR kind = ?4) ORDER BY send_at, id",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_int(st, 2, o->retry_failed);
	if (o->unit)
		sqlite3_bind_text(st, 3, o->unit, -1, SQLITE_TRANSIENT);
	if (o->kind)
		sqlite3_bind_text(st, 4, o->kind, -1, SQLITE_TRANSIENT);
	enum foi_status rc = FOI_OK;
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		time_t at;
		const unsigned char *when = sqlite3_column_text(st, 6);
		if (!when || clock_parse_iso((const char *)when, &at, NULL, 0) != 0) {
			rc = foi_fail(err, errsz, FOI_E_DATA, "request %lld: send time '%s' is not ISO 8601",
				      (long long)sqlite3_column_int64(st, 0), when ? (const char *)when : "");
			break;
		}
		if (at > now) {
			(*not_due)++;
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			struct send_item *grown = realloc(*out, cap * sizeof **out);
			if (!grown) {
				rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
				break;
			}
			*out = grown;
		}
		if (item_read(st, &(*out)[*n]) != 0) {
			item_free(&(*out)[*n]);
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		(*n)++;
	}
	if (rc == FOI_OK && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	if (rc != FOI_OK) {
		items_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static enum foi_status count_state(sqlite3 *db, int64_t round_id, const char *state, int *count, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM requests WHERE round_id = ? AND state = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	*count = step == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return step == SQLITE_ROW ? FOI_OK : db_fail(db, err, errsz);
}

/* The e-mails gathered for one SMTP session. */
struct mail_batch {
	size_t *index;              /* into the run's items */
	struct mail_request *req;
	struct mail_result *result;
	size_t n, cap;
	sqlite3_stmt *text;         /* a request's subject and body */
};

static void mail_batch_free(struct mail_batch *b)
{
	free(b->index);
	free(b->req);
	free(b->result);
	sqlite3_finalize(b->text);
}

/* Reads the subject and body of item it into its slots (malloc'd, owned by it). */
static enum foi_status read_text(struct mail_batch *b, sqlite3 *db, struct send_item *it, char *err, size_t errsz)
{
	sqlite3_reset(b->text);
	sqlite3_bind_int64(b->text, 1, it->id);
	if (sqlite3_step(b->text) != SQLITE_ROW)
		return db_fail(db, err, errsz);
	const unsigned char *subject = sqlite3_column_text(b->text, 0), *body = sqlite3_column_text(b->text, 1);
	free(it->subject);
	free(it->body);
	it->subject = strdup(subject ? (const char *)subject : "");
	it->body = strdup(body ? (const char *)body : "");
	sqlite3_reset(b->text);
	if (!it->subject || !it->body)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	return FOI_OK;
}

/* Sends the batch in one session and reports each request's outcome; FOI_OK unless the whole
 * run must stop. The texts it read are released once sent. */
static enum foi_status flush(struct workspace *ws, struct mail_batch *b, struct send_item *items,
			     const struct round_send_hooks *h, struct round_send_result *res, char *err, size_t errsz)
{
	if (b->n == 0)
		return FOI_OK;
	enum foi_status rc = FOI_OK;
	for (size_t k = 0; k < b->n && rc == FOI_OK; k++) {
		struct send_item *it = &items[b->index[k]];
		rc = read_text(b, ws->db, it, err, errsz);
		b->req[k] = (struct mail_request){.id = it->id, .from_state = it->state, .to = it->address,
						  .reply_to = it->reply_to, .persona = it->persona, .subject = it->subject,
						  .body = it->body};
	}
	if (rc == FOI_OK)
		rc = send_mails(ws, b->req, b->n, b->result, err, errsz);
	if (rc == FOI_OK || rc == FOI_E_NET) {
		for (size_t k = 0; k < b->n; k++) {
			const struct send_item *it = &items[b->index[k]];
			enum outbox_outcome out = b->result[k].outcome;
			if (out == OUTBOX_NOT_SENT)
				continue; /* back where it was: the run stops with the reason, said once */
			res->sent += out == OUTBOX_SENT;
			res->failed += out == OUTBOX_FAILED;
			if (h && h->after)
				h->after(h->ctx, b->index[k], it, outbox_outcome_name(out), b->result[k].detail);
		}
	}
	for (size_t k = 0; k < b->n; k++) {
		struct send_item *it = &items[b->index[k]];
		free(it->subject);
		free(it->body);
		it->subject = it->body = NULL;
	}
	b->n = 0;
	return rc;
}

/* One item by its unit's web form (harness/web/web_send.h), after the host's gap. */
static enum foi_status send_by_form(struct workspace *ws, struct politeness *polite, const struct send_item *it,
				    struct round_send_result *res, const char **outcome, char *detail, size_t detailsz,
				    char *err, size_t errsz)
{
	char *host = politeness_host(it->address);
	if (!host)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	enum foi_status rc = politeness_wait(polite, host, err, errsz);
	free(host);
	struct web_request w = {.id = it->id, .from_state = it->state, .unit = it->unit, .kind = it->kind,
				.url = it->address, .persona = it->persona, .reply_to = it->reply_to,
				.subject = it->subject, .body = it->body};
	struct web_result r;
	if (rc == FOI_OK)
		rc = web_send(ws, &w, &r, detail, detailsz, err, errsz);
	if (rc != FOI_OK)
		return rc;
	*outcome = r.assisted ? "assisted" : outbox_outcome_name(r.outcome);
	res->assisted += r.assisted;
	res->sent += !r.assisted && r.outcome == OUTBOX_SENT;
	res->failed += !r.assisted && r.outcome == OUTBOX_FAILED;
	return FOI_OK;
}

/* A web request: its text read, then its form filled and posted; the outcome reported. */
static enum foi_status send_web(struct workspace *ws, struct politeness *polite, struct mail_batch *b,
				struct send_item *items, size_t i, const struct round_send_hooks *h,
				struct round_send_result *res, char *err, size_t errsz)
{
	char detail[FOI_ERR_MAX] = "";
	const char *outcome = "failed";
	struct send_item *it = &items[i];
	/* The mails gathered so far go first: nothing waits while committed as sending. */
	enum foi_status rc = flush(ws, b, items, h, res, err, errsz);
	if (rc == FOI_OK)
		rc = read_text(b, ws->db, it, err, errsz);
	if (rc == FOI_OK)
		rc = send_by_form(ws, polite, it, res, &outcome, detail, sizeof detail, err, errsz);
	if (rc == FOI_OK && h && h->after)
		h->after(h->ctx, i, it, outcome, detail);
	free(it->subject);
	free(it->body);
	it->subject = it->body = NULL;
	return rc;
}

/* Adds item i to the batch, sending the batch first when it is full or when politeness makes
 * this one wait (nothing waits while its batch is committed as sending). */
static enum foi_status add_mail(struct workspace *ws, struct politeness *polite, struct mail_batch *b,
				struct send_item *items, size_t i, const struct round_send_hooks *h,
				struct round_send_result *res, char *err, size_t errsz)
{
	char *host = politeness_host(items[i].address);
	if (!host)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	int ready = 1;
	enum foi_status rc = politeness_ready(polite, host, &ready, err, errsz);
	if (rc == FOI_OK && b->n > 0 && (!ready || b->n == b->cap))
		rc = flush(ws, b, items, h, res, err, errsz);
	if (rc == FOI_OK)
		rc = politeness_wait(polite, host, err, errsz);
	free(host);
	if (rc == FOI_OK)
		b->index[b->n++] = i;
	return rc;
}

static enum foi_status mail_batch_init(struct mail_batch *b, sqlite3 *db, int cap, char *err, size_t errsz)
{
	memset(b, 0, sizeof *b);
	b->cap = cap > 0 ? (size_t)cap : 1;
	b->index = calloc(b->cap, sizeof *b->index);
	b->req = calloc(b->cap, sizeof *b->req);
	b->result = calloc(b->cap, sizeof *b->result);
	if (!b->index || !b->req || !b->result)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	if (sqlite3_prepare_v2(db, "SELECT subject, body FROM requests WHERE id = ?", -1, &b->text, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	return FOI_OK;
}

enum foi_status round_send(struct workspace *ws, const struct round_send_options *o, const struct round_send_hooks *h,
			   struct round_send_result *res, char *err, size_t errsz)
{
	memset(res, 0, sizeof *res);
	int64_t round_id;
	enum foi_status rc = round_lookup(ws->db, o->round, &round_id, err, errsz);
	if (rc != FOI_OK)
		return rc;
	int lock = -1;
	struct politeness *polite = NULL;
	if (!o->dry_run) {
		polite = politeness_new(ws->settings.host_gap_seconds, ws->settings.per_minute);
		if (!polite)
			return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		rc = outbox_lock(ws->dir, &lock, err, errsz);
		if (rc == FOI_OK)
			rc = outbox_recover(ws->db, &res->recovered, err, errsz);
		if (rc != FOI_OK)
			goto out;
	}
	struct send_item *items = NULL;
	size_t n = 0;
	struct mail_batch batch;
	rc = mail_batch_init(&batch, ws->db, ws->settings.mails_per_session, err, errsz);
	if (rc == FOI_OK)
		rc = load_due(ws->db, round_id, o, clock_now(), &items, &n, &res->not_due, err, errsz);
	if (rc != FOI_OK) {
		mail_batch_free(&batch);
		goto out;
	}
	if (h && h->start)
		h->start(h->ctx, n);
	long attempted = 0;
	for (size_t i = 0; i < n && rc == FOI_OK; i++) {
		const struct send_item *it = &items[i];
		if (o->stop && *o->stop)
			break;
		if (o->limit > 0 && attempted >= o->limit) {
			res->held++;
			continue;
		}
		if (h && h->before)
			h->before(h->ctx, i, it);
		attempted++;
		if (o->dry_run) {
			if (h && h->after)
				h->after(h->ctx, i, it, "would send", "");
			continue;
		}
		if (strcmp(it->channel, "web") == 0)
			rc = send_web(ws, polite, &batch, items, i, h, res, err, errsz);
		else
			rc = add_mail(ws, polite, &batch, items, i, h, res, err, errsz);
	}
	if (rc == FOI_OK)
		rc = flush(ws, &batch, items, h, res, err, errsz);
	mail_batch_free(&batch);
	items_free(items, n);
	/* Unknown ones of earlier runs are still unresolved: they belong in every summary. */
	if (rc == FOI_OK)
		rc = count_state(ws->db, round_id, "unknown", &res->unknown, err, errsz);
out:
	if (lock >= 0)
		close(lock);
	politeness_free(polite);
	return rc;
}
