/* The outbox: attempts committed before the network call, so that nothing is sent twice. */
#include "harness/mail/outbox.h"
#include "harness/clock.h"
#include "harness/store.h"
#include "harness/workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

enum foi_status outbox_lock(const char *ws_dir, int *fd, char *err, size_t errsz)
{
	return workspace_lock(ws_dir, "send.lock", "another 'foi round send' (or request command) is running in this "
			      "workspace", fd, err, errsz);
}

/* Runs one statement with up to three text parameters and an integer first; NULL text binds NULL. */
static int run(sqlite3 *db, const char *sql, int64_t id, const char *a, const char *b, const char *c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	const char *texts[] = {a, b, c};
	for (int i = 0; i < 3 && i + 2 <= sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_text(st, i + 2, texts[i], -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Ends a transaction that failed in SQLite: its message in err, nothing kept. */
static enum foi_status abandon(sqlite3 *db, char *err, size_t errsz)
{
	db_fail(db, err, errsz);
	store_rollback(db);
	return FOI_E_DB;
}

/* Commits the transaction, with a journal line first when detail is given. */
static enum foi_status commit(sqlite3 *db, const char *command, const char *detail, char *err, size_t errsz)
{
	if (detail && store_journal(db, command, detail, err, errsz) != 0) {
		store_rollback(db);
		return FOI_E_DB;
	}
	return store_commit(db, err, errsz) == 0 ? FOI_OK : FOI_E_DB;
}

enum foi_status outbox_recover(sqlite3 *db, int *count, char *err, size_t errsz)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	*count = 0;
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	if (run(db, "UPDATE requests SET state = 'unknown' WHERE id IN "
		    "(SELECT request_id FROM attempts WHERE outcome = 'sending')", 0, NULL, NULL, NULL) != 0)
		goto fail;
	if (run(db, "UPDATE attempts SET outcome = 'unknown', finished_at = ?2, "
		    "detail = 'the sending run ended before the outcome was recorded' WHERE outcome = 'sending' AND ?1 = ?1",
		    0, now, NULL, NULL) != 0)
		goto fail;
	*count = sqlite3_changes(db);
	char detail[128];
	snprintf(detail, sizeof detail, "%d attempt(s) left 'sending' by an interrupted run are now 'unknown'", *count);
	return commit(db, "round send", *count > 0 ? detail : NULL, err, errsz);
fail:
	return abandon(db, err, errsz);
}

/* One claim inside the caller's transaction: 0, FOI_E_DATA with err when the request is no longer
 * in from_state, or -1 on an SQLite error (its message still in db). */
static int claim_one(sqlite3 *db, const struct outbox_claim *c, const char *now, int64_t *attempt_id, char *err,
		     size_t errsz)
{
	if (run(db, "UPDATE requests SET state = 'sending' WHERE id = ?1 AND state = ?2", c->request_id, c->from_state,
		NULL, NULL) != 0)
		return -1;
	if (sqlite3_changes(db) != 1)
		return foi_fail(err, errsz, FOI_E_DATA, "request %lld is no longer %s: not sent", (long long)c->request_id,
				c->from_state);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO attempts(request_id, channel, address, started_at, outcome, prior_state, "
				   "message_id, raw) VALUES (?, ?, ?, ?, 'sending', ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, c->request_id);
	sqlite3_bind_text(st, 2, c->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, c->address, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, c->from_state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, c->message_id ? c->message_id : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, c->raw ? c->raw : "", -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return -1;
	*attempt_id = sqlite3_last_insert_rowid(db);
	return 0;
}

enum foi_status outbox_claim_many(sqlite3 *db, const struct outbox_claim *c, size_t n, int64_t *attempt_ids, char *err,
				  size_t errsz)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	for (size_t i = 0; i < n; i++)
		attempt_ids[i] = 0;
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	for (size_t i = 0; i < n; i++) {
		int rc = claim_one(db, &c[i], now, &attempt_ids[i], err, errsz);
		if (rc < 0)
			return abandon(db, err, errsz);
		if (rc != 0) {
			store_rollback(db);
			for (size_t j = 0; j < n; j++)
				attempt_ids[j] = 0;
			return (enum foi_status)rc;
		}
	}
	/* The commit is what makes it at most once: only after it may the network be touched. */
	return commit(db, NULL, NULL, err, errsz);
}

enum foi_status outbox_claim(sqlite3 *db, const struct outbox_claim *c, int64_t *attempt_id, char *err, size_t errsz)
{
	return outbox_claim_many(db, c, 1, attempt_id, err, errsz);
}

const char *outbox_outcome_name(enum outbox_outcome outcome)
{
	switch (outcome) {
	case OUTBOX_SENT: return "sent";
	case OUTBOX_FAILED: return "failed";
	case OUTBOX_UNKNOWN: return "unknown";
	case OUTBOX_NOT_SENT: return "not-sent";
	}
	return "unknown";
}

/* One outcome inside the caller's transaction: 0, FOI_E_DATA when the attempt is not in flight,
 * -1 on an SQLite error. */
static int finish_one(sqlite3 *db, const struct outbox_result *r, const char *now, char *err, size_t errsz)
{
	const char *name = outbox_outcome_name(r->outcome);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "UPDATE attempts SET outcome = ?, finished_at = ?, confirmation = ?, detail = ? "
				   "WHERE id = ? AND outcome = 'sending'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r->confirmation ? r->confirmation : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, r->detail ? r->detail : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, r->attempt_id);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(db) != 1)
		return foi_fail(err, errsz, FOI_E_DATA, "attempt %lld is not in flight", (long long)r->attempt_id);
	/* The request follows its attempt; a not-sent attempt gives the request back its prior state. */
	const char *sql = r->outcome == OUTBOX_NOT_SENT
		? "UPDATE requests SET state = (SELECT prior_state FROM attempts WHERE id = ?1) "
		  "WHERE id = (SELECT request_id FROM attempts WHERE id = ?1)"
		: "UPDATE requests SET state = ?2 WHERE id = (SELECT request_id FROM attempts WHERE id = ?1)";
	return run(db, sql, r->attempt_id, r->outcome == OUTBOX_NOT_SENT ? NULL : name, NULL, NULL) != 0 ? -1 : 0;
}

enum foi_status outbox_finish_many(sqlite3 *db, const struct outbox_result *r, size_t n, char *err, size_t errsz)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	for (size_t i = 0; i < n; i++) {
		int rc = finish_one(db, &r[i], now, err, errsz);
		if (rc < 0)
			return abandon(db, err, errsz);
		if (rc != 0) {
			store_rollback(db);
			return (enum foi_status)rc;
		}
	}
	return commit(db, NULL, NULL, err, errsz);
}

enum foi_status outbox_finish(sqlite3 *db, int64_t attempt_id, enum outbox_outcome outcome,
			      const char *confirmation, const char *detail, char *err, size_t errsz)
{
	const struct outbox_result r = {.attempt_id = attempt_id, .outcome = outcome, .confirmation = confirmation,
					.detail = detail};
	return outbox_finish_many(db, &r, 1, err, errsz);
}

/* Checks that request_id is unknown; fills its round for the edit record. */
static enum foi_status unknown_request(sqlite3 *db, int64_t request_id, int64_t *round_id, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT round_id, state FROM requests WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, request_id);
	enum foi_status rc = FOI_OK;
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*round_id = sqlite3_column_int64(st, 0);
		const char *state = (const char *)sqlite3_column_text(st, 1);
		if (!state || strcmp(state, "unknown") != 0)
			rc = foi_fail(err, errsz, FOI_E_DATA, "request %lld is %s, not unknown: nothing to resolve",
				      (long long)request_id, state ? state : "?");
	} else if (step == SQLITE_DONE) {
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no request %lld (see 'foi round show NAME --json')",
			      (long long)request_id);
	} else {
		rc = db_fail(db, err, errsz);
	}
	sqlite3_finalize(st);
	return rc;
}

static enum foi_status resolve(sqlite3 *db, int64_t request_id, const char *after, const char *confirmation,
			       const char *command, char *err, size_t errsz)
{
	int64_t round_id = 0;
	char now[CLOCK_ISO_MAX], detail[512], outcome[300];
	clock_format_iso(clock_now(), now);
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	enum foi_status rc = unknown_request(db, request_id, &round_id, err, errsz);
	if (rc != FOI_OK) {
		store_rollback(db);
		return rc;
	}
	snprintf(outcome, sizeof outcome, "%s%s%.256s", after, *confirmation ? ", confirmation " : "", confirmation);
	snprintf(detail, sizeof detail, "request %lld: unknown -> %s", (long long)request_id, outcome);
	if (run(db, "UPDATE requests SET state = ?2 WHERE id = ?1", request_id, after, NULL, NULL) != 0 ||
	    (strcmp(after, "sent") == 0 &&
	     run(db, "UPDATE attempts SET outcome = 'sent', confirmation = ?2, detail = detail || ' (marked sent by hand)' "
		     "WHERE id = (SELECT max(id) FROM attempts WHERE request_id = ?1)", request_id, confirmation, NULL, NULL) != 0))
		goto fail;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO round_edits(round_id, request_id, at, what, before, after) "
				   "VALUES (?, ?, ?, ?, 'unknown', ?)", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_int64(st, 2, request_id);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, command, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, outcome, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		goto fail;
	return commit(db, command, detail, err, errsz);
fail:
	return abandon(db, err, errsz);
}

enum foi_status outbox_resend(sqlite3 *db, int64_t request_id, char *err, size_t errsz)
{
	return resolve(db, request_id, "planned", "", "request resend", err, errsz);
}

enum foi_status outbox_mark_sent(sqlite3 *db, int64_t request_id, const char *confirmation, char *err, size_t errsz)
{
	return resolve(db, request_id, "sent", confirmation ? confirmation : "", "request mark-sent", err, errsz);
}
