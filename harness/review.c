/* Reviewers' decisions: recorded with who and when beside the automatic findings, never overwritten. */
#include "harness/review.h"
#include "harness/clock.h"
#include "harness/round_query.h"
#include "harness/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

static void item_free(struct review_item *it)
{
	free(it->item);
	free(it->automatic);
	free(it->evidence);
	free(it->decision);
	free(it->reviewer);
	free(it->decided_at);
	free(it->note);
}

void review_request_free(struct review_request *r)
{
	for (size_t i = 0; i < r->nitems; i++)
		item_free(&r->items[i]);
	free(r->items);
	char *texts[] = {r->round, r->unit, r->kind, r->channel, r->unit_name, r->address, r->subject, r->body,
			 r->sent_at, r->grader_version, r->graded_at, r->letter_kind,
			 r->reply_type, r->source, r->text, r->replied_at};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(texts[i]);
	*r = (struct review_request){0};
}

/* Fills the request's own fields; FOI_E_NOT_FOUND when it does not exist. */
static enum foi_status load_request(sqlite3 *db, struct review_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT o.name, q.unit, q.kind, q.channel, u.name, q.address, q.subject, q.body,"
			       " COALESCE((SELECT a.finished_at FROM attempts a WHERE a.request_id = q.id"
			       "  AND a.outcome = 'sent' ORDER BY a.id DESC LIMIT 1), '')"
			       " FROM requests q JOIN rounds o ON o.id = q.round_id JOIN units u ON u.code = q.unit"
			       " WHERE q.id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, r->request_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->round = col(st, 0);
		r->unit = col(st, 1);
		r->kind = col(st, 2);
		r->channel = col(st, 3);
		r->unit_name = col(st, 4);
		r->address = col(st, 5);
		r->subject = col(st, 6);
		r->body = col(st, 7);
		r->sent_at = col(st, 8);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "request %lld: no such request", (long long)r->request_id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, errsz);
	if (!r->round || !r->unit || !r->kind || !r->channel || !r->unit_name || !r->address || !r->subject ||
	    !r->body || !r->sent_at)
		return foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory");
	return FOI_OK;
}

/* The current grading: the latest final reply's, by the newest grader version. */
static enum foi_status load_grading(sqlite3 *db, struct review_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT g.id, g.event_id, g.grader_version, g.graded_at, g.letter_kind, g.reply_type,"
			       " g.source, g.text, e.at FROM gradings g JOIN events e ON e.id = g.event_id"
			       " WHERE g.request_id = ? AND e.kind = 'final'"
			       " ORDER BY e.at DESC, e.id DESC, CAST(g.grader_version AS INTEGER) DESC, g.id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, r->request_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->grading_id = sqlite3_column_int64(st, 0);
		r->event_id = sqlite3_column_int64(st, 1);
		char **texts[] = {&r->grader_version, &r->graded_at, &r->letter_kind, &r->reply_type, &r->source,
				  &r->text, &r->replied_at};
		for (int i = 0; i < 7; i++)
			*texts[i] = col(st, i + 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, errsz);
	if (rc == SQLITE_ROW && (!r->grader_version || !r->graded_at || !r->letter_kind || !r->reply_type ||
				 !r->source || !r->text || !r->replied_at))
		return foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory");
	return FOI_OK;
}

/* The decision in force on one item, and whether it is stale for the current grading. */
static int load_decision(sqlite3 *db, int64_t request_id, int64_t grading_id, struct review_item *it)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT result, reviewer, at, note, COALESCE(grading_id, 0), automatic FROM decisions"
			       " WHERE request_id = ? AND item = ? ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_text(st, 2, it->item, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		it->decision = col(st, 0);
		it->reviewer = col(st, 1);
		it->decided_at = col(st, 2);
		it->note = col(st, 3);
		const unsigned char *automatic = sqlite3_column_text(st, 5);
		it->stale = sqlite3_column_int64(st, 4) != grading_id &&
			    strcmp(automatic ? (const char *)automatic : "", it->automatic) != 0;
	} else {
		it->decision = strdup("");
		it->reviewer = strdup("");
		it->decided_at = strdup("");
		it->note = strdup("");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (!it->decision || !it->reviewer || !it->decided_at || !it->note)
		return -1;
	it->pending = !*it->decision || it->stale;
	return 0;
}

static enum foi_status load_items(sqlite3 *db, struct review_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT item, result, evidence FROM findings WHERE grading_id = ? ORDER BY position",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, r->grading_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->nitems == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct review_item *grown = realloc(r->items, ncap * sizeof *grown);
			if (!grown)
				break;
			r->items = grown;
			cap = ncap;
		}
		struct review_item *it = &r->items[r->nitems++];
		*it = (struct review_item){.item = col(st, 0), .automatic = col(st, 1), .evidence = col(st, 2)};
		if (!it->item || !it->automatic || !it->evidence)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory");
	if (rc != SQLITE_DONE)
		return db_fail(db, err, errsz);
	for (size_t i = 0; i < r->nitems; i++)
		if (load_decision(db, r->request_id, r->grading_id, &r->items[i]) != 0)
			return db_fail(db, err, errsz);
	return FOI_OK;
}

enum foi_status review_load(sqlite3 *db, int64_t request_id, struct review_request *out, char *err, size_t errsz)
{
	*out = (struct review_request){.request_id = request_id};
	enum foi_status st = load_request(db, out, err, errsz);
	if (st == FOI_OK)
		st = load_grading(db, out, err, errsz);
	if (st == FOI_OK && out->grading_id)
		st = load_items(db, out, err, errsz);
	if (st != FOI_OK)
		review_request_free(out);
	return st;
}

static const struct review_item *find_item(const struct review_request *r, const char *item)
{
	for (size_t i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].item, item) == 0)
			return &r->items[i];
	return NULL;
}

/* Inserts one decision on it (inside the caller's transaction), replacing the one in force. */
static int insert_decision(sqlite3 *db, const struct review_request *r, const struct review_item *it,
			   const char *result, const char *note, const char *reviewer)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO decisions (request_id, item, result, automatic, grading_id, note, reviewer, at,"
			       " replaces) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, (SELECT MAX(id) FROM decisions"
			       " WHERE request_id = ?1 AND item = ?2))",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, r->request_id);
	sqlite3_bind_text(st, 2, it->item, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, result, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, it->automatic, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, r->grading_id);
	sqlite3_bind_text(st, 6, note ? note : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, reviewer, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Lists the request's item codes into err after prefix, for "no such item". */
static enum foi_status no_such_item(const struct review_request *r, const char *item, char *err, size_t errsz)
{
	size_t used = (size_t)snprintf(err, errsz, "request %lld has no item '%s'; its items:", (long long)r->request_id, item);
	for (size_t i = 0; i < r->nitems && used < errsz; i++)
		used += (size_t)snprintf(err + used, errsz - used, " %s", r->items[i].item);
	return FOI_E_NOT_FOUND;
}

static enum foi_status needs_grading(const struct review_request *r, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_USAGE, "request %lld has no graded reply yet (run 'foi grade run %s' once "
			"its reply is in)", (long long)r->request_id, r->round);
}

enum foi_status review_decide(sqlite3 *db, int64_t request_id, const char *item, const char *result,
			      const char *note, const char *reviewer, struct review_previous *prev, char *err,
			      size_t errsz)
{
	*prev = (struct review_previous){0};
	if (strcmp(result, "pass") != 0 && strcmp(result, "fail") != 0 && strcmp(result, "na") != 0)
		return foi_fail(err, errsz, FOI_E_DATA, "a decision is pass, fail or na, not '%s'", result);
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	struct review_request r;
	enum foi_status st = review_load(db, request_id, &r, err, errsz);
	if (st != FOI_OK) {
		store_rollback(db);
		return st;
	}
	const struct review_item *it = r.grading_id ? find_item(&r, item) : NULL;
	if (!r.grading_id)
		st = needs_grading(&r, err, errsz);
	else if (!it)
		st = no_such_item(&r, item, err, errsz);
	else if (insert_decision(db, &r, it, result, note, reviewer) != 0)
		st = db_fail(db, err, errsz);
	if (st == FOI_OK && *it->decision) {
		prev->had = 1;
		snprintf(prev->result, sizeof prev->result, "%s", it->decision);
		snprintf(prev->reviewer, sizeof prev->reviewer, "%s", it->reviewer);
		snprintf(prev->at, sizeof prev->at, "%s", it->decided_at);
	}
	char detail[512];
	snprintf(detail, sizeof detail, "request %lld %s: %s by %s", (long long)request_id, item, result, reviewer);
	review_request_free(&r);
	if (st == FOI_OK && store_journal(db, "review set", detail, err, errsz) != 0)
		st = FOI_E_DB;
	if (st != FOI_OK) {
		store_rollback(db);
		return st;
	}
	return store_commit(db, err, errsz) == 0 ? FOI_OK : FOI_E_DB;
}

enum foi_status review_accept(sqlite3 *db, int64_t request_id, const char *reviewer, int *accepted,
			      int *left_unknown, char *err, size_t errsz)
{
	*accepted = *left_unknown = 0;
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	struct review_request r;
	enum foi_status st = review_load(db, request_id, &r, err, errsz);
	if (st != FOI_OK) {
		store_rollback(db);
		return st;
	}
	if (!r.grading_id)
		st = needs_grading(&r, err, errsz);
	for (size_t i = 0; i < r.nitems && st == FOI_OK; i++) {
		const struct review_item *it = &r.items[i];
		if (!it->pending)
			continue;
		if (strcmp(it->automatic, "unknown") == 0) {
			(*left_unknown)++;
			continue;
		}
		if (insert_decision(db, &r, it, it->automatic, "accepted as found", reviewer) != 0)
			st = db_fail(db, err, errsz);
		else
			(*accepted)++;
	}
	char detail[256];
	snprintf(detail, sizeof detail, "request %lld: %d automatic results accepted by %s", (long long)request_id,
		 *accepted, reviewer);
	review_request_free(&r);
	if (st == FOI_OK && *accepted && store_journal(db, "review accept", detail, err, errsz) != 0)
		st = FOI_E_DB;
	if (st != FOI_OK) {
		store_rollback(db);
		return st;
	}
	return store_commit(db, err, errsz) == 0 ? FOI_OK : FOI_E_DB;
}

void review_log_free(struct review_log_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].at);
		free(e[i].who);
		free(e[i].what);
	}
	free(e);
}

enum foi_status review_log(sqlite3 *db, int64_t request_id, struct review_log_entry **out, size_t *n, char *err,
			   size_t errsz)
{
	*out = NULL;
	*n = 0;
	struct review_request r;
	enum foi_status st = review_load(db, request_id, &r, err, errsz);
	if (st != FOI_OK)
		return st;
	review_request_free(&r);
	/* One timeline from three tables; the second key keeps same-moment entries in the order made. */
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db,
			       "SELECT at, who, what FROM ("
			       " SELECT g.graded_at AS at, 'grader ' || g.grader_version AS who, 0 AS src, g.id AS seq,"
			       "  'graded the reply of ' || e.at || ': ' || (SELECT COUNT(*) FROM findings f WHERE f.grading_id = g.id)"
			       "  || ' items, ' || (SELECT COUNT(*) FROM findings f WHERE f.grading_id = g.id AND f.result = 'pass')"
			       "  || ' pass, ' || (SELECT COUNT(*) FROM findings f WHERE f.grading_id = g.id AND f.result = 'fail')"
			       "  || ' fail, ' || (SELECT COUNT(*) FROM findings f WHERE f.grading_id = g.id AND f.result = 'unknown')"
			       "  || ' unknown' AS what"
			       " FROM gradings g JOIN events e ON e.id = g.event_id WHERE g.request_id = ?1"
			       " UNION ALL"
			       " SELECT d.at, d.reviewer, 1, d.id,"
			       "  d.item || ': ' || CASE WHEN p.id IS NULL THEN '' ELSE p.result || ' -> ' END || d.result"
			       "  || ' (automatic: ' || CASE d.automatic WHEN '' THEN 'none' ELSE d.automatic END || ')'"
			       "  || CASE d.note WHEN '' THEN '' ELSE ' — ' || d.note END"
			       " FROM decisions d LEFT JOIN decisions p ON p.id = d.replaces WHERE d.request_id = ?1"
			       " UNION ALL"
			       " SELECT c.at, c.who, 2, c.id, 'event ' || c.event_id || ' kind: ' || c.before || ' -> ' || c.after"
			       " FROM event_kind_changes c JOIN events e ON e.id = c.event_id WHERE e.request_id = ?1"
			       ") ORDER BY at, src, seq",
			       -1, &q, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(q, 1, request_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct review_log_entry *grown = realloc(*out, ncap * sizeof *grown);
			if (!grown)
				break;
			*out = grown;
			cap = ncap;
		}
		struct review_log_entry *e = &(*out)[(*n)++];
		*e = (struct review_log_entry){.at = col(q, 0), .who = col(q, 1), .what = col(q, 2)};
		if (!e->at || !e->who || !e->what)
			break;
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		review_log_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc == SQLITE_ROW ? foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory") : db_fail(db, err, errsz);
	}
	return FOI_OK;
}

void review_summary_free(struct review_summary *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].unit);
		free(s[i].kind);
		free(s[i].letter_kind);
		free(s[i].reply_type);
	}
	free(s);
}

static int summarize(const struct review_request *r, struct review_summary *s)
{
	*s = (struct review_summary){.request_id = r->request_id, .items = (int)r->nitems,
				     .unit = strdup(r->unit), .kind = strdup(r->kind),
				     .letter_kind = strdup(r->letter_kind), .reply_type = strdup(r->reply_type)};
	for (size_t i = 0; i < r->nitems; i++) {
		const struct review_item *it = &r->items[i];
		s->pass += strcmp(it->automatic, "pass") == 0;
		s->fail += strcmp(it->automatic, "fail") == 0;
		s->unknown += strcmp(it->automatic, "unknown") == 0;
		s->decided += !it->pending;
		s->pending += it->pending;
	}
	return s->unit && s->kind && s->letter_kind && s->reply_type ? 0 : -1;
}

enum foi_status review_round(sqlite3 *db, const char *round, const char *only_unit, struct review_summary **out,
			     size_t *n, char *err, size_t errsz)
{
	*out = NULL;
	*n = 0;
	int64_t round_id = 0;
	enum foi_status found = round_lookup(db, round, &round_id, err, errsz);
	if (found != FOI_OK)
		return found;
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db,
			       "SELECT q.id FROM requests q JOIN units u ON u.code = q.unit WHERE q.round_id = ?1"
			       " AND (?2 IS NULL OR q.unit = ?2) AND EXISTS (SELECT 1 FROM gradings g WHERE g.request_id = q.id)"
			       " ORDER BY u.position, q.kind",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	if (only_unit)
		sqlite3_bind_text(st, 2, only_unit, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	enum foi_status result = FOI_OK;
	size_t cap = 0;
	while (result == FOI_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_request r;
		result = review_load(db, sqlite3_column_int64(st, 0), &r, err, errsz);
		if (result != FOI_OK)
			break;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct review_summary *grown = realloc(*out, ncap * sizeof *grown);
			if (!grown) {
				review_request_free(&r);
				result = foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory");
				break;
			}
			*out = grown;
			cap = ncap;
		}
		if (summarize(&r, &(*out)[(*n)++]) != 0)
			result = foi_fail(err, errsz, FOI_E_NOMEM, "review: out of memory");
		review_request_free(&r);
	}
	if (result == FOI_OK && rc != SQLITE_DONE)
		result = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	if (result != FOI_OK) {
		review_summary_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return result;
}
