/* Assisted tasks: the requests a person submits by hand (see tasks.h). */
#include "harness/web/tasks.h"
#include "harness/clock.h"
#include "harness/store.h"

#include <stdio.h>
#include <string.h>

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

static enum foi_status abandon(sqlite3 *db, char *err, size_t errsz)
{
	db_fail(db, err, errsz);
	store_rollback(db);
	return FOI_E_DB;
}

/* Binds texts from ?2 on after the integer ?1, runs, and says whether it changed one row. */
static int run(sqlite3 *db, const char *sql, int64_t id, const char *const *texts, size_t n, int *changed)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	for (size_t i = 0; i < n; i++)
		sqlite3_bind_text(st, (int)i + 2, texts[i], -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (changed)
		*changed = sqlite3_changes(db);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The request's change of state, in the round's record of edits. */
static int edit(sqlite3 *db, int64_t request_id, const char *what, const char *before, const char *after)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	const char *t[] = {now, what, before, after};
	return run(db, "INSERT INTO round_edits(round_id, request_id, at, what, before, after) "
		       "SELECT round_id, id, ?2, ?3, ?4, ?5 FROM requests WHERE id = ?1", request_id, t, 4, NULL);
}

enum foi_status task_create(sqlite3 *db, const struct task_new *t, int64_t *id, char *err, size_t errsz)
{
	char now[CLOCK_ISO_MAX], journal[600];
	clock_format_iso(clock_now(), now);
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	int changed = 0;
	const char *from[] = {t->from_state};
	if (run(db, "UPDATE requests SET state = 'assisted' WHERE id = ?1 AND state = ?2", t->request_id, from, 1, &changed) != 0)
		return abandon(db, err, errsz);
	if (changed != 1) {
		store_rollback(db);
		return foi_fail(err, errsz, FOI_E_DATA, "request %lld is no longer %s", (long long)t->request_id, t->from_state);
	}
	const char *v[] = {now, t->reason, t->form_url, t->fields, t->page};
	if (run(db, "INSERT INTO tasks(request_id, created_at, reason, form_url, fields, page, state) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open')", t->request_id, v, 5, NULL) != 0)
		return abandon(db, err, errsz);
	*id = sqlite3_last_insert_rowid(db);
	snprintf(journal, sizeof journal, "task %lld: request %lld needs a person: %.400s", (long long)*id,
		 (long long)t->request_id, t->reason);
	if (edit(db, t->request_id, "round send", t->from_state, "assisted") != 0)
		return abandon(db, err, errsz);
	if (store_journal(db, "round send", journal, err, errsz) != 0) {
		store_rollback(db);
		return FOI_E_DB;
	}
	return store_commit(db, err, errsz) == 0 ? FOI_OK : FOI_E_DB;
}

enum foi_status task_set_captcha(sqlite3 *db, int64_t id, const char *file, char *err, size_t errsz)
{
	const char *v[] = {file};
	return run(db, "UPDATE tasks SET captcha_file = ?2 WHERE id = ?1", id, v, 1, NULL) == 0 ? FOI_OK
												 : db_fail(db, err, errsz);
}

/* Opens the transaction with the task checked open; *request_id gets its request. */
static enum foi_status open_task(sqlite3 *db, int64_t id, int64_t *request_id, char *err, size_t errsz)
{
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT request_id, state FROM tasks WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return abandon(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	enum foi_status rc = FOI_OK;
	if (step == SQLITE_ROW) {
		*request_id = sqlite3_column_int64(st, 0);
		const char *state = (const char *)sqlite3_column_text(st, 1);
		if (strcmp(state, "open") != 0)
			rc = foi_fail(err, errsz, FOI_E_DATA, "task %lld is %s already", (long long)id, state);
	} else if (step == SQLITE_DONE) {
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no task %lld (see 'foi task list')", (long long)id);
	} else {
		rc = db_fail(db, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc != FOI_OK)
		store_rollback(db);
	return rc;
}

/* Closes the task, records the hand attempt, moves the request; in open_task's transaction. */
static enum foi_status close_task(sqlite3 *db, int64_t id, int64_t request_id, const char *outcome, const char *at,
				  const char *confirmation, const char *detail, const char *command, char *err, size_t errsz)
{
	char now[CLOCK_ISO_MAX], journal[700];
	clock_format_iso(clock_now(), now);
	int sent = !strcmp(outcome, "sent"), changed = 0;
	const char *t[] = {sent ? "done" : "failed", now, confirmation, sent ? "" : detail};
	const char *a[] = {at, outcome, confirmation, detail};
	const char *r[] = {outcome};
	if (run(db, "UPDATE tasks SET state = ?2, closed_at = ?3, confirmation = ?4, fail_reason = ?5 WHERE id = ?1", id, t,
		4, NULL) != 0 ||
	    run(db, "INSERT INTO attempts(request_id, channel, address, started_at, finished_at, outcome, prior_state, "
		    "confirmation, detail) SELECT ?1, 'web', form_url, ?2, ?2, ?3, 'assisted', ?4, ?5 FROM tasks "
		    "WHERE request_id = ?1 AND state != 'open' ORDER BY id DESC LIMIT 1", request_id, a, 4, NULL) != 0 ||
	    run(db, "UPDATE requests SET state = ?2 WHERE id = ?1 AND state = 'assisted'", request_id, r, 1, &changed) != 0)
		return abandon(db, err, errsz);
	if (changed != 1) {
		store_rollback(db);
		return foi_fail(err, errsz, FOI_E_DATA, "request %lld of task %lld is no longer assisted", (long long)request_id,
				(long long)id);
	}
	if (edit(db, request_id, command, "assisted", outcome) != 0)
		return abandon(db, err, errsz);
	snprintf(journal, sizeof journal, "task %lld (request %lld): %s%s%.300s", (long long)id, (long long)request_id,
		 outcome, *confirmation ? ", confirmation " : "", *confirmation ? confirmation : detail);
	if (store_journal(db, command, journal, err, errsz) != 0) {
		store_rollback(db);
		return FOI_E_DB;
	}
	return store_commit(db, err, errsz) == 0 ? FOI_OK : FOI_E_DB;
}

enum foi_status task_done(sqlite3 *db, int64_t id, const char *confirmation, const char *at, char *err, size_t errsz)
{
	int64_t request_id = 0;
	enum foi_status rc = open_task(db, id, &request_id, err, errsz);
	if (rc != FOI_OK)
		return rc;
	char detail[64];
	snprintf(detail, sizeof detail, "submitted by hand (task %lld)", (long long)id);
	return close_task(db, id, request_id, "sent", at, confirmation, detail, "task done", err, errsz);
}

enum foi_status task_fail(sqlite3 *db, int64_t id, const char *reason, char *err, size_t errsz)
{
	int64_t request_id = 0;
	enum foi_status rc = open_task(db, id, &request_id, err, errsz);
	if (rc != FOI_OK)
		return rc;
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	return close_task(db, id, request_id, "failed", now, "", reason, "task fail", err, errsz);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? (const char *)v : "";
}

enum foi_status task_each(sqlite3 *db, const char *round, int64_t id, void (*each)(void *ctx, const struct task_row *t),
			  void *ctx, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (round) {
		if (sqlite3_prepare_v2(db, "SELECT 1 FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
			return db_fail(db, err, errsz);
		sqlite3_bind_text(st, 1, round, -1, SQLITE_TRANSIENT);
		int found = sqlite3_step(st);
		sqlite3_finalize(st);
		if (found == SQLITE_DONE)
			return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no round named '%s' (see 'foi round list')", round);
		if (found != SQLITE_ROW)
			return db_fail(db, err, errsz);
	}
	if (sqlite3_prepare_v2(db, "SELECT t.id, t.request_id, r.name, q.unit, q.kind, q.persona, t.state, t.created_at, "
				   "t.reason, t.form_url, t.fields, t.captcha_file, t.confirmation, t.fail_reason, "
				   "coalesce(t.closed_at, '') FROM tasks t JOIN requests q ON q.id = t.request_id "
				   "JOIN rounds r ON r.id = q.round_id WHERE (?1 IS NULL OR r.name = ?1) AND (?2 = 0 OR t.id = ?2) "
				   "ORDER BY t.id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	if (round)
		sqlite3_bind_text(st, 1, round, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	int step, n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct task_row t = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), col(st, 2), col(st, 3),
				     col(st, 4), col(st, 5), col(st, 6), col(st, 7), col(st, 8), col(st, 9), col(st, 10),
				     col(st, 11), col(st, 12), col(st, 13), col(st, 14)};
		each(ctx, &t);
		n++;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, err, errsz);
	if (id > 0 && n == 0)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no task %lld (see 'foi task list')", (long long)id);
	return FOI_OK;
}
