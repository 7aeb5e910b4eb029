/* Reading rounds back: one round's plan, or every round with its counts (see round_query.h). */
#include "harness/round_query.h"

#include <stdlib.h>
#include <string.h>

#include "grader/strbuf.h"

const char *const round_request_field_names[RQ_FIELD_COUNT] = {
	"unit", "target", "kind", "template", "channel", "address", "persona",
	"send_at", "token", "reply_to", "subject", "body", "state", "message_id", "confirmation", "detail",
};

/* The text of a column, copied whole ("" for NULL); NULL only when out of memory. */
static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return strdup(v ? (const char *)v : "");
}

/* Copies columns first.. into the n string slots; 0, or -1 when out of memory. */
static int cols_dup(sqlite3_stmt *st, int first, char **const *slots, size_t n)
{
	int ok = 1;
	for (size_t i = 0; i < n; i++)
		ok = (*slots[i] = col_dup(st, first + (int)i)) != NULL && ok;
	return ok ? 0 : -1;
}

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

static void summary_free(struct round_summary *r)
{
	free(r->name);
	free(r->created_at);
	free(r->kinds);
	free(r->start);
}

/* SUMMARY_COLUMNS from column c on [, requests, planned, edits]; 0, or -1 when out of memory. */
static int read_summary(sqlite3_stmt *st, int c, struct round_summary *r, int with_counts)
{
	memset(r, 0, sizeof *r);
	char **const s1[] = {&r->name, &r->created_at};
	char **const s2[] = {&r->kinds, &r->start};
	int rc = cols_dup(st, c, s1, 2) | cols_dup(st, c + 3, s2, 2);
	r->seed = sqlite3_column_int64(st, c + 2);
	r->spread_days = sqlite3_column_int(st, c + 5);
	if (with_counts) {
		r->requests = sqlite3_column_int(st, c + 6);
		r->planned = sqlite3_column_int(st, c + 7);
		r->edits = sqlite3_column_int(st, c + 8);
	}
	return rc;
}

#define SUMMARY_COLUMNS "r.name, r.created_at, r.seed, r.kinds, r.start_date, r.spread_days"

static enum foi_status load_draws(sqlite3 *db, int64_t id, struct round_view *v, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT d.county, d.target, t.name, d.pool FROM round_draws d "
				   "JOIN units t ON t.code = d.target JOIN units c ON c.code = d.county "
				   "WHERE d.round_id = ? ORDER BY c.position", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	struct recbuf rows = {.size = sizeof *v->draws};
	int step;
	enum foi_status rc = FOI_OK;
	while (rc == FOI_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct round_draw_row *d = recbuf_push(&rows);
		if (!d) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		char **const slots[] = {&d->county, &d->target, &d->target_name, &d->pool};
		if (cols_dup(st, 0, slots, 4) != 0)
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	v->draws = rows.p;
	v->ndraws = rows.n;
	if (rc == FOI_OK && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	return rc;
}

static enum foi_status load_requests(sqlite3 *db, int64_t id, const char *only_unit, struct round_view *v, char *err,
				     size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT q.unit, q.target, q.kind, q.template_id, q.channel, q.address, q.persona, "
				   "q.send_at, q.token, q.reply_to, q.subject, q.body, q.state, coalesce(a.message_id, ''), "
				   "coalesce(a.confirmation, ''), coalesce(a.detail, ''), q.id, t.level, t.domain FROM requests q "
				   "JOIN units u ON u.code = q.unit JOIN units t ON t.code = q.target "
				   "LEFT JOIN attempts a ON a.id = (SELECT max(id) FROM attempts WHERE request_id = q.id) "
				   "WHERE q.round_id = ? AND (?2 IS NULL OR q.unit = ?2) "
				   "ORDER BY u.position, q.kind DESC", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	if (only_unit)
		sqlite3_bind_text(st, 2, only_unit, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	struct recbuf rows = {.size = sizeof *v->requests};
	int step;
	enum foi_status rc = FOI_OK;
	while (rc == FOI_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct round_request_row *q = recbuf_push(&rows);
		if (!q) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		q->id = sqlite3_column_int64(st, RQ_FIELD_COUNT);
		for (int i = 0; i < RQ_FIELD_COUNT; i++)
			if (!(q->f[i] = col_dup(st, i)))
				rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		char **const target[] = {&q->target_level, &q->target_domains};
		if (cols_dup(st, RQ_FIELD_COUNT + 1, target, 2) != 0)
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	v->requests = rows.p;
	v->nrequests = rows.n;
	if (rc == FOI_OK && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	return rc;
}

enum foi_status round_view_load(sqlite3 *db, const char *name, const char *only_unit, struct round_view *out,
				char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT r.id, " SUMMARY_COLUMNS " FROM rounds r WHERE r.name = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	int64_t id = 0;
	enum foi_status rc = FOI_OK;
	if (step == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (read_summary(st, 1, &out->round, 0) != 0)
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	} else if (step == SQLITE_DONE) {
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no round named '%s' (see 'foi round list')", name);
	} else {
		rc = db_fail(db, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc == FOI_OK)
		rc = load_draws(db, id, out, err, errsz);
	if (rc == FOI_OK)
		rc = load_requests(db, id, only_unit, out, err, errsz);
	if (rc == FOI_OK && only_unit && out->nrequests == 0)
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "round %s has no request for unit '%s'", name, only_unit);
	if (rc != FOI_OK)
		round_view_free(out);
	return rc;
}

void round_view_free(struct round_view *v)
{
	summary_free(&v->round);
	for (size_t i = 0; i < v->ndraws; i++) {
		free(v->draws[i].county);
		free(v->draws[i].target);
		free(v->draws[i].target_name);
		free(v->draws[i].pool);
	}
	free(v->draws);
	for (size_t i = 0; i < v->nrequests; i++) {
		for (int k = 0; k < RQ_FIELD_COUNT; k++)
			free(v->requests[i].f[k]);
		free(v->requests[i].target_level);
		free(v->requests[i].target_domains);
	}
	free(v->requests);
	memset(v, 0, sizeof *v);
}

enum foi_status round_list_load(sqlite3 *db, struct round_summary **out, size_t *n, char *err, size_t errsz)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT " SUMMARY_COLUMNS ", "
				   "(SELECT count(*) FROM requests q WHERE q.round_id = r.id), "
				   "(SELECT count(*) FROM requests q WHERE q.round_id = r.id AND q.state = 'planned'), "
				   "(SELECT count(*) FROM round_edits e WHERE e.round_id = r.id) "
				   "FROM rounds r ORDER BY r.id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	struct recbuf rows = {.size = sizeof **out};
	int step;
	enum foi_status rc = FOI_OK;
	while (rc == FOI_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct round_summary *r = recbuf_push(&rows);
		if (!r) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		if (read_summary(st, 0, r, 1) != 0)
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	*out = rows.p;
	*n = rows.n;
	if (rc == FOI_OK && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	if (rc != FOI_OK) {
		round_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void round_list_free(struct round_summary *rounds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		summary_free(&rounds[i]);
	free(rounds);
}

enum foi_status round_lookup(sqlite3 *db, const char *name, int64_t *id, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT id FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (step == SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no round named '%s' (see 'foi round list')", name);
	return step == SQLITE_ROW ? FOI_OK : foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}
