/* Events of a request: added inside the caller's transaction, listed oldest first. */
#include "harness/events.h"
#include "harness/clock.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
	[EVENT_ACK] = "ack",
	[EVENT_SUPPLEMENT] = "supplement",
	[EVENT_SUPPLIED] = "supplied",
	[EVENT_EXTENSION] = "extension",
	[EVENT_FINAL] = "final",
	[EVENT_BOUNCE] = "bounce",
	[EVENT_AUTO_REPLY] = "auto-reply",
};

#define KIND_COUNT (sizeof kind_names / sizeof kind_names[0])

const char *event_kind_name(enum event_kind kind)
{
	return (size_t)kind < KIND_COUNT ? kind_names[kind] : "?";
}

int event_kind_parse(const char *name, enum event_kind *kind)
{
	for (size_t i = 0; i < KIND_COUNT; i++)
		if (strcmp(name, kind_names[i]) == 0) {
			*kind = (enum event_kind)i;
			return 0;
		}
	return -1;
}

static int one_of(const char *value, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(value, *names) == 0)
			return 1;
	return 0;
}

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

static int request_exists(sqlite3 *db, int64_t request_id, int *exists)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM requests WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	int rc = sqlite3_step(st);
	*exists = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

enum foi_status events_add(sqlite3 *db, const struct event_new *ev, int64_t *id, char *err, size_t errsz)
{
	static const char *const channels[] = {"email", "web", "post", "phone", "in-person", NULL};
	static const char *const sources[] = {"inbox", "web", "hand", NULL};
	if ((size_t)ev->kind >= KIND_COUNT)
		return foi_fail(err, errsz, FOI_E_DATA, "event: unknown kind %d", (int)ev->kind);
	if (!ev->channel || !one_of(ev->channel, channels))
		return foi_fail(err, errsz, FOI_E_DATA, "event: channel '%s' is not one of email, web, post, phone, in-person",
				ev->channel ? ev->channel : "");
	if (!ev->source || !one_of(ev->source, sources))
		return foi_fail(err, errsz, FOI_E_DATA, "event: source '%s' is not one of inbox, web, hand",
				ev->source ? ev->source : "");
	if (!ev->at || !ev->at[0])
		return foi_fail(err, errsz, FOI_E_DATA, "event: no time given");
	int exists = 0;
	if (request_exists(db, ev->request_id, &exists) != 0)
		return db_fail(db, err, errsz);
	if (!exists)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "request %lld: no such request", (long long)ev->request_id);

	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO events (request_id, kind, at, channel, source, message, evidence, letter, text,"
			       " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, ev->request_id);
	sqlite3_bind_text(st, 2, kind_names[ev->kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ev->at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, ev->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, ev->source, -1, SQLITE_TRANSIENT);
	if (ev->message > 0)
		sqlite3_bind_int64(st, 6, ev->message);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_text(st, 7, ev->evidence ? ev->evidence : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, ev->letter ? ev->letter : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, ev->text ? ev->text : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, ev->recorded_by ? ev->recorded_by : "", -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, errsz);
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return FOI_OK;
}

/* A copy of column i as an owned string ("" for NULL); NULL when out of memory. */
static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

void event_row_free(struct event_row *r)
{
	free(r->at);
	free(r->channel);
	free(r->source);
	free(r->evidence);
	free(r->letter);
	free(r->text);
	free(r->recorded_at);
	free(r->recorded_by);
}

void event_list_free(struct event_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		event_row_free(&list->rows[i]);
	free(list->rows);
	list->rows = NULL;
	list->count = 0;
}

/* Fills r from the current row; -1 when out of memory (r is then freed). */
static int row_read(sqlite3_stmt *st, struct event_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->request_id = sqlite3_column_int64(st, 1);
	const unsigned char *kind = sqlite3_column_text(st, 2);
	if (!kind || event_kind_parse((const char *)kind, &r->kind) != 0)
		r->kind = EVENT_FINAL; /* the CHECK constraint makes this unreachable */
	r->message = sqlite3_column_int64(st, 6);
	char **texts[] = {&r->at, &r->channel, &r->source, &r->evidence, &r->letter, &r->text, &r->recorded_at,
			  &r->recorded_by};
	const int columns[] = {3, 4, 5, 7, 8, 9, 10, 11};
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if (!(*texts[i] = column_dup(st, columns[i]))) {
			event_row_free(r);
			return -1;
		}
	return 0;
}

#define EVENT_COLUMNS                                                                                   \
	"SELECT id, request_id, kind, at, channel, source, message, evidence, letter, text, recorded_at,"  \
	" recorded_by FROM events "

enum foi_status events_get(sqlite3 *db, int64_t id, struct event_row *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, EVENT_COLUMNS "WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum foi_status result = FOI_OK;
	if (rc == SQLITE_ROW) {
		if (row_read(st, out) != 0)
			result = foi_fail(err, errsz, FOI_E_NOMEM, "events: out of memory");
	} else if (rc == SQLITE_DONE) {
		result = foi_fail(err, errsz, FOI_E_NOT_FOUND, "event %lld: no such event (see 'foi reply list REQUEST')",
				  (long long)id);
	} else {
		result = db_fail(db, err, errsz);
	}
	sqlite3_finalize(st);
	return result;
}

enum foi_status events_change_kind(sqlite3 *db, int64_t id, enum event_kind kind, const char *who, char *err,
				   size_t errsz)
{
	if ((size_t)kind >= KIND_COUNT)
		return foi_fail(err, errsz, FOI_E_DATA, "event: unknown kind %d", (int)kind);
	if (!who || !*who)
		return foi_fail(err, errsz, FOI_E_DATA, "event %lld: a change of kind needs the reviewer's name",
				(long long)id);
	struct event_row row;
	enum foi_status rc = events_get(db, id, &row, err, errsz);
	if (rc != FOI_OK)
		return rc;
	enum event_kind before = row.kind;
	event_row_free(&row);
	if (before == kind)
		return foi_fail(err, errsz, FOI_E_DATA, "event %lld is already %s", (long long)id, kind_names[kind]);
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "UPDATE events SET kind = ?2 WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind_names[kind], -1, SQLITE_STATIC);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_fail(db, err, errsz);
	if (sqlite3_prepare_v2(db, "INSERT INTO event_kind_changes (event_id, at, who, before, after) VALUES (?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, who, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, kind_names[before], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, kind_names[kind], -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? FOI_OK : db_fail(db, err, errsz);
}

void event_kind_changes_free(struct event_kind_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].at);
		free(c[i].who);
		free(c[i].before);
		free(c[i].after);
	}
	free(c);
}

enum foi_status events_kind_changes(sqlite3 *db, int64_t id, struct event_kind_change **out, size_t *n, char *err,
				    size_t errsz)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT at, who, before, after FROM event_kind_changes WHERE event_id = ? ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct event_kind_change *grown = realloc(*out, (*n + 1) * sizeof *grown);
		if (!grown)
			goto nomem;
		*out = grown;
		struct event_kind_change *c = &grown[*n];
		memset(c, 0, sizeof *c);
		(*n)++;
		if (!(c->at = column_dup(st, 0)) || !(c->who = column_dup(st, 1)) || !(c->before = column_dup(st, 2)) ||
		    !(c->after = column_dup(st, 3)))
			goto nomem;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		event_kind_changes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, err, errsz);
	}
	return FOI_OK;
nomem:
	sqlite3_finalize(st);
	event_kind_changes_free(*out, *n);
	*out = NULL;
	*n = 0;
	return foi_fail(err, errsz, FOI_E_NOMEM, "events: out of memory");
}

enum foi_status events_for_request(sqlite3 *db, int64_t request_id, struct event_list *out, char *err, size_t errsz)
{
	out->rows = NULL;
	out->count = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, EVENT_COLUMNS "WHERE request_id = ? ORDER BY at, id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, request_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct event_row *grown = realloc(out->rows, ncap * sizeof *grown);
			if (!grown)
				goto nomem;
			out->rows = grown;
			cap = ncap;
		}
		if (row_read(st, &out->rows[out->count]) != 0)
			goto nomem;
		out->count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		event_list_free(out);
		return db_fail(db, err, errsz);
	}
	return FOI_OK;
nomem:
	sqlite3_finalize(st);
	event_list_free(out);
	return foi_fail(err, errsz, FOI_E_NOMEM, "events: out of memory");
}
