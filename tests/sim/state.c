/* The simulator's memory in SQLite (see state.h). */
#include "tests/sim/state.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness/clock.h"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS requests("
	" id INTEGER PRIMARY KEY, unit TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL,"
	" arrived INTEGER NOT NULL, message_id TEXT, reply_to TEXT, bounce_to TEXT, applicant TEXT,"
	" subject TEXT, content TEXT, query_code TEXT UNIQUE, supplemented INTEGER NOT NULL DEFAULT 0,"
	" supplement_message_id TEXT, answer_at INTEGER NOT NULL DEFAULT 0, headers TEXT, form TEXT);"
	"CREATE INDEX IF NOT EXISTS requests_unit ON requests(unit, message_id);"
	"CREATE TABLE IF NOT EXISTS replies("
	" id INTEGER PRIMARY KEY, request_id INTEGER NOT NULL REFERENCES requests(id),"
	" step TEXT NOT NULL, due INTEGER NOT NULL, sent INTEGER NOT NULL DEFAULT 0,"
	" message_id TEXT, file TEXT, error TEXT);"
	"CREATE INDEX IF NOT EXISTS replies_due ON replies(sent, due, id);"
	"CREATE TABLE IF NOT EXISTS seen(unit TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(unit, name));"
	"CREATE TABLE IF NOT EXISTS tokens(kind TEXT NOT NULL, id TEXT NOT NULL, unit TEXT NOT NULL,"
	" value TEXT NOT NULL, PRIMARY KEY(kind, id));";

static int db_fail(sqlite3 *db, const char *what, char *err, size_t errsz)
{
	snprintf(err, errsz, "state: %s: %s", what, sqlite3_errmsg(db));
	return -1;
}

int state_open(const char *dir, sqlite3 **out, char *err, size_t errsz)
{
	char path[4096];
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		snprintf(err, errsz, "%s: cannot create the state folder: %m", dir);
		return -1;
	}
	snprintf(path, sizeof path, "%s/sim.db", dir);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 10000);
	char *msg = NULL;
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;", NULL, NULL, &msg) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void state_close(sqlite3 *db)
{
	sqlite3_close(db);
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t errsz)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, sql, err, errsz);
	return 0;
}

int state_begin(sqlite3 *db, char *err, size_t errsz)
{
	return exec(db, "BEGIN IMMEDIATE", err, errsz);
}

int state_commit(sqlite3 *db, char *err, size_t errsz)
{
	return exec(db, "COMMIT", err, errsz);
}

void state_rollback(sqlite3 *db)
{
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err, size_t errsz)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return db_fail(db, "prepare", err, errsz);
	return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a statement that returns no rows, then finalizes it. */
static int step_done(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errsz)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "write", err, errsz);
	return 0;
}

int state_clock(sqlite3 *db, time_t *now, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT value FROM meta WHERE key = 'clock'", &st, err, errsz) != 0)
		return -1;
	int rc = sqlite3_step(st);
	int result = 1;
	if (rc == SQLITE_ROW) {
		*now = (time_t)sqlite3_column_int64(st, 0);
		result = 0;
	} else if (rc != SQLITE_DONE)
		result = db_fail(db, "read the clock", err, errsz);
	sqlite3_finalize(st);
	return result;
}

int state_set_clock(sqlite3 *db, time_t now, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT INTO meta(key, value) VALUES('clock', ?) "
			"ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
	return step_done(db, st, err, errsz);
}

int state_next(sqlite3 *db, const char *counter, long *out, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT INTO counters(name, value) VALUES(?, 1) "
			"ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, counter);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, "counter", err, errsz);
	return 0;
}

int state_add_request(sqlite3 *db, struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT INTO requests(unit, kind, channel, arrived, message_id, reply_to,"
			" bounce_to, applicant, subject, content, query_code, answer_at, headers, form)"
			" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, r->unit);
	bind_text(st, 2, r->kind);
	bind_text(st, 3, r->channel);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)r->arrived);
	bind_text(st, 5, r->message_id);
	bind_text(st, 6, r->reply_to);
	bind_text(st, 7, r->bounce_to);
	bind_text(st, 8, r->applicant);
	bind_text(st, 9, r->subject);
	bind_text(st, 10, r->content);
	bind_text(st, 11, r->query_code);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)r->answer_at);
	bind_text(st, 13, r->headers);
	bind_text(st, 14, r->form);
	if (step_done(db, st, err, errsz) != 0)
		return -1;
	r->id = (long)sqlite3_last_insert_rowid(db);
	return 0;
}

int state_set_supplement(sqlite3 *db, long request_id, time_t at, const char *message_id,
			 char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "UPDATE requests SET supplemented = ?, supplement_message_id = ? WHERE id = ?",
		    &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)at);
	bind_text(st, 2, message_id);
	sqlite3_bind_int64(st, 3, request_id);
	return step_done(db, st, err, errsz);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

#define REQUEST_COLUMNS                                                                         \
	"r.id, r.unit, r.kind, r.channel, r.arrived, r.message_id, r.reply_to, r.bounce_to,"   \
	" r.applicant, r.subject, r.content, r.query_code, r.supplemented,"                      \
	" r.supplement_message_id, r.answer_at, r.headers, r.form"

static void read_request(sqlite3_stmt *st, struct sim_request *r)
{
	memset(r, 0, sizeof *r);
	r->id = (long)sqlite3_column_int64(st, 0);
	snprintf(r->unit, sizeof r->unit, "%s", (const char *)sqlite3_column_text(st, 1));
	snprintf(r->kind, sizeof r->kind, "%s", (const char *)sqlite3_column_text(st, 2));
	snprintf(r->channel, sizeof r->channel, "%s", (const char *)sqlite3_column_text(st, 3));
	r->arrived = (time_t)sqlite3_column_int64(st, 4);
	r->message_id = col_dup(st, 5);
	r->reply_to = col_dup(st, 6);
	r->bounce_to = col_dup(st, 7);
	r->applicant = col_dup(st, 8);
	r->subject = col_dup(st, 9);
	r->content = col_dup(st, 10);
	r->query_code = col_dup(st, 11);
	r->supplemented = (time_t)sqlite3_column_int64(st, 12);
	r->supplement_message_id = col_dup(st, 13);
	r->answer_at = (time_t)sqlite3_column_int64(st, 14);
	r->headers = col_dup(st, 15);
	r->form = col_dup(st, 16);
}

void state_request_free(struct sim_request *r)
{
	free(r->message_id);
	free(r->reply_to);
	free(r->bounce_to);
	free(r->applicant);
	free(r->subject);
	free(r->content);
	free(r->query_code);
	free(r->supplement_message_id);
	free(r->headers);
	free(r->form);
	memset(r, 0, sizeof *r);
}

/* Runs a query whose first row, if any, is a request. */
static int one_request(sqlite3 *db, sqlite3_stmt *st, struct sim_request *r, char *err, size_t errsz)
{
	int rc = sqlite3_step(st);
	int result = 0;
	if (rc == SQLITE_ROW) {
		read_request(st, r);
		result = 1;
	} else if (rc != SQLITE_DONE)
		result = db_fail(db, "read a request", err, errsz);
	sqlite3_finalize(st);
	return result;
}

int state_get_request(sqlite3 *db, long id, struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r WHERE r.id = ?", &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return one_request(db, st, r, err, errsz);
}

int state_find_by_code(sqlite3 *db, const char *code, struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r WHERE r.query_code = ?", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, code);
	return one_request(db, st, r, err, errsz);
}

int state_find_by_message_id(sqlite3 *db, const char *unit, const char *message_id,
			     struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r WHERE r.unit = ?"
			" AND (r.message_id = ? OR r.supplement_message_id = ?) ORDER BY r.id LIMIT 1",
		    &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	bind_text(st, 2, message_id);
	bind_text(st, 3, message_id);
	return one_request(db, st, r, err, errsz);
}

int state_find_by_notice(sqlite3 *db, const char *unit, const char *notice_message_id,
			 struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r JOIN replies p ON p.request_id = r.id"
			" WHERE r.unit = ? AND p.step = 'supplement' AND p.message_id = ? LIMIT 1",
		    &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	bind_text(st, 2, notice_message_id);
	return one_request(db, st, r, err, errsz);
}

int state_find_awaiting_supplement(sqlite3 *db, const char *unit, const char *reply_to,
				   struct sim_request *r, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r JOIN replies p ON p.request_id = r.id"
			" WHERE r.unit = ? AND lower(r.reply_to) = lower(?) AND r.supplemented = 0"
			" AND p.step = 'supplement' AND p.sent > 0 ORDER BY r.id LIMIT 1",
		    &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	bind_text(st, 2, reply_to);
	return one_request(db, st, r, err, errsz);
}

int state_each_published(sqlite3 *db, const char *unit, time_t now, int limit,
			 int (*fn)(const struct sim_request *r, void *arg), void *arg,
			 char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r WHERE r.unit = ? AND r.kind = 'consult'"
			" AND r.channel = 'web' AND r.answer_at > 0 AND r.answer_at <= ?"
			" ORDER BY r.answer_at DESC, r.id DESC LIMIT ?", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	sqlite3_bind_int(st, 3, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sim_request r;
		read_request(st, &r);
		int stop = fn(&r, arg);
		state_request_free(&r);
		if (stop)
			break;
	}
	int result = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? 0 : db_fail(db, "list", err, errsz);
	sqlite3_finalize(st);
	return result;
}

int state_add_reply(sqlite3 *db, long request_id, const char *step, time_t due, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT INTO replies(request_id, step, due) VALUES(?, ?, ?)", &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	bind_text(st, 2, step);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)due);
	return step_done(db, st, err, errsz);
}

static void read_reply(sqlite3_stmt *st, struct sim_reply *r)
{
	memset(r, 0, sizeof *r);
	r->id = (long)sqlite3_column_int64(st, 0);
	r->request_id = (long)sqlite3_column_int64(st, 1);
	snprintf(r->step, sizeof r->step, "%s", (const char *)sqlite3_column_text(st, 2));
	r->due = (time_t)sqlite3_column_int64(st, 3);
	r->sent = (time_t)sqlite3_column_int64(st, 4);
	r->message_id = col_dup(st, 5);
	r->file = col_dup(st, 6);
	r->error = col_dup(st, 7);
}

void state_reply_free(struct sim_reply *r)
{
	free(r->message_id);
	free(r->file);
	free(r->error);
	memset(r, 0, sizeof *r);
}

int state_next_due(sqlite3 *db, time_t t, struct sim_reply *out, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT id, request_id, step, due, sent, message_id, file, error FROM replies"
			" WHERE sent = 0 AND due <= ? ORDER BY due, id LIMIT 1", &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)t);
	int rc = sqlite3_step(st);
	int result = 0;
	if (rc == SQLITE_ROW) {
		read_reply(st, out);
		result = 1;
	} else if (rc != SQLITE_DONE)
		result = db_fail(db, "read the replies", err, errsz);
	sqlite3_finalize(st);
	return result;
}

int state_mark_sent(sqlite3 *db, long reply_id, time_t sent, const char *message_id,
		    const char *file, const char *error, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "UPDATE replies SET sent = ?, message_id = ?, file = ?, error = ? WHERE id = ?",
		    &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)sent);
	bind_text(st, 2, message_id);
	bind_text(st, 3, file);
	bind_text(st, 4, error);
	sqlite3_bind_int64(st, 5, reply_id);
	return step_done(db, st, err, errsz);
}

int state_count_sent(sqlite3 *db, long request_id, const char *step, int *out, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT count(*) FROM replies WHERE request_id = ? AND step = ? AND sent > 0",
		    &st, err, errsz) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	bind_text(st, 2, step);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, "count", err, errsz);
}

int state_seen(sqlite3 *db, const char *unit, const char *name, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "SELECT 1 FROM seen WHERE unit = ? AND name = ?", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	bind_text(st, 2, name);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, "seen", err, errsz);
}

int state_mark_seen(sqlite3 *db, const char *unit, const char *name, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT OR IGNORE INTO seen(unit, name) VALUES(?, ?)", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, unit);
	bind_text(st, 2, name);
	return step_done(db, st, err, errsz);
}

int state_put_token(sqlite3 *db, const char *kind, const char *id, const char *unit,
		    const char *value, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (prepare(db, "INSERT OR REPLACE INTO tokens(kind, id, unit, value) VALUES(?, ?, ?, ?)",
		    &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, kind);
	bind_text(st, 2, id);
	bind_text(st, 3, unit);
	bind_text(st, 4, value);
	return step_done(db, st, err, errsz);
}

int state_get_token(sqlite3 *db, const char *kind, const char *id, const char *unit, int take,
		    char **value, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	*value = NULL;
	if (prepare(db, "SELECT value FROM tokens WHERE kind = ? AND id = ? AND unit = ?", &st, err, errsz) != 0)
		return -1;
	bind_text(st, 1, kind);
	bind_text(st, 2, id);
	bind_text(st, 3, unit);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = col_dup(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "token", err, errsz);
	if (rc == SQLITE_ROW && !*value) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	if (rc == SQLITE_ROW && take) {
		if (prepare(db, "DELETE FROM tokens WHERE kind = ? AND id = ?", &st, err, errsz) != 0)
			return -1;
		bind_text(st, 1, kind);
		bind_text(st, 2, id);
		if (step_done(db, st, err, errsz) != 0)
			return -1;
	}
	return rc == SQLITE_ROW;
}

static void add_time(cJSON *obj, const char *key, time_t t)
{
	if (t) {
		char iso[CLOCK_ISO_MAX];
		clock_format_iso(t, iso);
		cJSON_AddStringToObject(obj, key, iso);
	} else
		cJSON_AddNullToObject(obj, key);
}

static void add_text(cJSON *obj, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(obj, key, s);
	else
		cJSON_AddNullToObject(obj, key);
}

int state_dump_json(sqlite3 *db, cJSON **out, char *err, size_t errsz)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *list = root ? cJSON_AddArrayToObject(root, "requests") : NULL;
	if (!list) {
		cJSON_Delete(root);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	time_t now;
	int c = state_clock(db, &now, err, errsz);
	if (c < 0)
		goto fail;
	add_time(root, "now", c == 0 ? now : 0);
	sqlite3_stmt *st, *rs;
	if (prepare(db, "SELECT " REQUEST_COLUMNS " FROM requests r ORDER BY r.id", &st, err, errsz) != 0)
		goto fail;
	if (prepare(db, "SELECT id, request_id, step, due, sent, message_id, file, error FROM replies"
			" WHERE request_id = ? ORDER BY due, id", &rs, err, errsz) != 0) {
		sqlite3_finalize(st);
		goto fail;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sim_request r;
		read_request(st, &r);
		cJSON *o = cJSON_CreateObject();
		if (!o) {
			state_request_free(&r);
			break;
		}
		cJSON_AddItemToArray(list, o);
		cJSON_AddNumberToObject(o, "id", (double)r.id);
		cJSON_AddStringToObject(o, "unit", r.unit);
		cJSON_AddStringToObject(o, "kind", r.kind);
		cJSON_AddStringToObject(o, "channel", r.channel);
		add_time(o, "arrived", r.arrived);
		add_text(o, "message_id", r.message_id);
		add_text(o, "reply_to", r.reply_to);
		add_text(o, "applicant", r.applicant);
		add_text(o, "subject", r.subject);
		add_text(o, "content", r.content);
		add_text(o, "query_code", r.query_code);
		if (r.form)
			cJSON_AddItemToObject(o, "form", cJSON_Parse(r.form));
		add_time(o, "supplemented", r.supplemented);
		add_time(o, "answer_at", r.answer_at);
		cJSON *replies = cJSON_AddArrayToObject(o, "replies");
		sqlite3_reset(rs);
		sqlite3_bind_int64(rs, 1, r.id);
		while (replies && sqlite3_step(rs) == SQLITE_ROW) {
			struct sim_reply p;
			read_reply(rs, &p);
			cJSON *po = cJSON_CreateObject();
			if (po) {
				cJSON_AddItemToArray(replies, po);
				cJSON_AddStringToObject(po, "step", p.step);
				add_time(po, "due", p.due);
				add_time(po, "sent", p.sent);
				add_text(po, "message_id", p.message_id);
				add_text(po, "file", p.file);
				add_text(po, "error", p.error);
			}
			state_reply_free(&p);
		}
		state_request_free(&r);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(rs);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, "dump", err, errsz);
		goto fail;
	}
	*out = root;
	return 0;
fail:
	cJSON_Delete(root);
	return -1;
}
