/* Sending a round's due requests one by one through the outbox (see round_send.h). */
#include "harness/round_send.h"
#include "harness/clock.h"
#include "harness/mail/outbox.h"
#include "harness/mail/send_mail.h"
#include "harness/politeness.h"

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
	if (sqlite3_prepare_v2(db, "SELECT id, unit, kind, channel, address, persona, send_at, reply_to, subject, body, state "
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
		if (!when || clock_parse_iso((const char *)when, &at) != 0) {
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

static enum foi_status find_round(sqlite3 *db, const char *name, int64_t *id, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT id FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no round named '%s' (see 'foi round list')", name);
	return step == SQLITE_ROW ? FOI_OK : db_fail(db, err, errsz);
}

/* Sends one item; FOI_OK unless the whole run must stop. */
static enum foi_status send_one(struct workspace *ws, struct politeness *polite, const struct send_item *it,
				struct round_send_result *res, const char **outcome, char *detail, size_t detailsz,
				char *err, size_t errsz)
{
	*detail = '\0';
	if (strcmp(it->channel, "email") != 0) {
		/* Web forms come with their own module; until then the request waits, planned. */
		res->web_waiting++;
		*outcome = "waiting";
		snprintf(detail, detailsz, "sending by web form is not built yet");
		return FOI_OK;
	}
	char *host = politeness_host(it->address);
	if (!host)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	enum foi_status waited = politeness_wait(polite, host, err, errsz);
	free(host);
	if (waited != FOI_OK)
		return waited;
	struct mail_request m = {.id = it->id, .from_state = it->state, .to = it->address, .reply_to = it->reply_to,
				 .persona = it->persona, .subject = it->subject, .body = it->body};
	enum outbox_outcome out;
	enum foi_status rc = send_mail(ws, &m, &out, detail, detailsz, err, errsz);
	if (rc != FOI_OK)
		return rc;
	*outcome = outbox_outcome_name(out);
	if (out == OUTBOX_SENT)
		res->sent++;
	else if (out == OUTBOX_FAILED)
		res->failed++;
	return FOI_OK;
}

enum foi_status round_send(struct workspace *ws, const struct round_send_options *o, const struct round_send_hooks *h,
			   struct round_send_result *res, char *err, size_t errsz)
{
	memset(res, 0, sizeof *res);
	int64_t round_id;
	enum foi_status rc = find_round(ws->db, o->round, &round_id, err, errsz);
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
	rc = load_due(ws->db, round_id, o, clock_now(), &items, &n, &res->not_due, err, errsz);
	if (rc != FOI_OK)
		goto out;
	if (h && h->start)
		h->start(h->ctx, n);
	char detail[FOI_ERR_MAX];
	long attempted = 0;
	for (size_t i = 0; i < n && rc == FOI_OK; i++) {
		const struct send_item *it = &items[i];
		const char *outcome = "would send";
		if (o->stop && *o->stop)
			break;
		if (o->limit > 0 && attempted >= o->limit) {
			res->held++;
			continue;
		}
		if (h && h->before)
			h->before(h->ctx, i, it);
		*detail = '\0';
		if (o->dry_run) {
			if (strcmp(it->channel, "email") != 0) {
				outcome = "waiting";
				res->web_waiting++;
			}
		} else {
			rc = send_one(ws, polite, it, res, &outcome, detail, sizeof detail, err, errsz);
			if (rc != FOI_OK)
				break;
		}
		if (strcmp(outcome, "waiting") != 0)
			attempted++;
		if (h && h->after)
			h->after(h->ctx, i, it, outcome, detail);
	}
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
