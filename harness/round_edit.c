/* Changing a planned round before it is sent: one request re-rendered, or dropped, and recorded. */
#include "harness/round.h"
#include "harness/round_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/clock.h"
#include "harness/status.h"
#include "harness/store.h"

/* A planned request as an edit reads it; the strings are owned (request_row_free). */
struct request_row {
	int64_t id;
	char *target, *target_name, *template_id, *persona, *send_at, *token, *reply_to, *state;
};

static void request_row_free(struct request_row *r)
{
	char **f[] = {&r->target, &r->target_name, &r->template_id, &r->persona, &r->send_at, &r->token, &r->reply_to,
		      &r->state};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

static int load_request(sqlite3 *db, int64_t round_id, const char *unit, const char *kind, struct request_row *r,
			char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT q.id, q.target, t.name, q.template_id, q.persona, q.send_at, q.token, "
				   "q.reply_to, q.state FROM requests q JOIN units t ON t.code = q.target "
				   "WHERE q.round_id = ? AND q.unit = ? AND q.kind = ?", -1, &st, NULL) != SQLITE_OK)
		return round_sql_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_text(st, 2, unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
	int rc = FOI_EXIT_OK;
	memset(r, 0, sizeof *r);
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->id = sqlite3_column_int64(st, 0);
		char **f[] = {&r->target, &r->target_name, &r->template_id, &r->persona, &r->send_at, &r->token,
			      &r->reply_to, &r->state};
		for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++) {
			const unsigned char *v = sqlite3_column_text(st, i + 1);
			if (!(*f[i] = strdup(v ? (const char *)v : "")))
				rc = FOI_EXIT_FAIL;
		}
		if (rc != FOI_EXIT_OK) {
			request_row_free(r);
			snprintf(err, errsz, "out of memory");
		}
	} else {
		snprintf(err, errsz, "the round has no %s request for unit %s", kind, unit);
		rc = FOI_EXIT_DATA;
	}
	sqlite3_finalize(st);
	return rc;
}

static int record_edit(sqlite3 *db, int64_t round_id, int64_t request_id, const char *what, const char *before,
		       const char *after, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	if (sqlite3_prepare_v2(db, "INSERT INTO round_edits(round_id, request_id, at, what, before, after) "
				   "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return round_sql_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	if (request_id)
		sqlite3_bind_int64(st, 2, request_id);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, after, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st) == SQLITE_DONE ? FOI_EXIT_OK : round_sql_error(db, err, errsz);
	sqlite3_finalize(st);
	return rc;
}

/* A new send time must fall in working hours on a working day, like the planned ones. */
static int check_send_time(const struct workspace *ws, const struct sched_calendar *cal, const char *text,
			   struct sched_instant *out, char *err, size_t errsz)
{
	int y, mo, d, h, mi, working;
	char tail;
	if (sscanf(text, "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5 || !day_is_valid_ymd(y, mo, d) ||
	    h > 23 || mi > 59 || h < 0 || mi < 0) {
		snprintf(err, errsz, "--at '%s' is not a time 'YYYY-MM-DD HH:MM'", text);
		return -1;
	}
	out->day = day_from_ymd(y, mo, d);
	out->sec = (h * 60 + mi) * 60;
	if (calendar_check_working(cal, out->day, &working, err, errsz) != 0)
		return -1;
	if (!working) {
		snprintf(err, errsz, "--at '%s': %04d-%02d-%02d is not a working day", text, y, mo, d);
		return -1;
	}
	int minute = h * 60 + mi;
	if (minute < ws->settings.work_start || minute >= ws->settings.work_end) {
		snprintf(err, errsz, "--at '%s' is outside the working hours %02d:%02d-%02d:%02d ([time] in foi.ini)", text,
			 ws->settings.work_start / 60, ws->settings.work_start % 60, ws->settings.work_end / 60,
			 ws->settings.work_end % 60);
		return -1;
	}
	return 0;
}

#define DROP_ABSENT (-1)

/*
 * Removes one planned request and records it, inside the caller's transaction. When absent_ok
 * is set, a unit without a request of that kind gives DROP_ABSENT instead of an error.
 */
static int drop_request(sqlite3 *db, int64_t round_id, const char *unit, const char *kind, int absent_ok,
			char *err, size_t errsz)
{
	struct request_row r;
	int rc = load_request(db, round_id, unit, kind, &r, err, errsz);
	if (rc == FOI_EXIT_DATA && absent_ok)
		return DROP_ABSENT;
	if (rc != FOI_EXIT_OK)
		return rc;
	if (strcmp(r.state, "planned") != 0 && strcmp(r.state, "no-channel") != 0) {
		snprintf(err, errsz, "the %s request for %s is %s: only planned requests can be dropped", kind, unit, r.state);
		request_row_free(&r);
		return FOI_EXIT_FAIL;
	}
	sqlite3_stmt *st;
	int step = SQLITE_ERROR;
	if (sqlite3_prepare_v2(db, "DELETE FROM requests WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, r.id);
		step = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	char *before = NULL, *what = NULL;
	if (step != SQLITE_DONE)
		rc = round_sql_error(db, err, errsz);
	else if (asprintf(&before, "%s %s %s %s", r.target, r.template_id, r.persona, r.send_at) < 0 ||
		 asprintf(&what, "dropped %s %s", unit, kind) < 0)
		rc = (foi_fail(err, errsz, FOI_E_NOMEM, "out of memory"), FOI_EXIT_FAIL);
	else
		rc = record_edit(db, round_id, 0, what, before, "", err, errsz);
	free(before);
	free(what);
	request_row_free(&r);
	return rc;
}

/* Drops the unit's request of one kind, or without a kind every request it has. */
static int drop_requests(sqlite3 *db, int64_t round_id, const char *round, const struct round_edit *e, char *summary,
			 size_t summarysz, char *err, size_t errsz)
{
	int dropped = 0;
	summary[0] = '\0';
	for (int k = 0; k < 2; k++) {
		const char *kind = k == 0 ? "foi" : "consult";
		if (e->kind && strcmp(e->kind, kind) != 0)
			continue;
		int rc = drop_request(db, round_id, e->unit, kind, !e->kind, err, errsz);
		if (rc == DROP_ABSENT)
			continue;
		if (rc != FOI_EXIT_OK)
			return rc;
		dropped++;
		size_t len = strlen(summary);
		snprintf(summary + len, summarysz - len, "%sdropped the %s request for %s from round %s",
			 dropped > 1 ? "\n" : "", kind, e->unit, round);
	}
	if (!dropped) {
		snprintf(err, errsz, "round %s has no %s%srequest for unit %s", round, e->kind ? e->kind : "",
			 e->kind ? " " : "", e->unit);
		return FOI_EXIT_DATA;
	}
	return FOI_EXIT_OK;
}

/* The send time an edit leaves: the new one, checked, or the planned one. */
static int edit_send_time(const struct workspace *ws, const struct sched_calendar *cal, const struct round_edit *e,
			  const struct request_row *r, struct sched_instant *when, char send_at[CLOCK_ISO_MAX], char *err,
			  size_t errsz)
{
	if (e->send_at) {
		if (check_send_time(ws, cal, e->send_at, when, err, errsz) != 0)
			return FOI_EXIT_DATA;
		local_instant_iso(*when, send_at);
		return FOI_EXIT_OK;
	}
	int y, mo, d;
	snprintf(send_at, CLOCK_ISO_MAX, "%s", r->send_at);
	if (sscanf(r->send_at, "%4d-%2d-%2d", &y, &mo, &d) != 3 || !day_is_valid_ymd(y, mo, d)) {
		snprintf(err, errsz, "database: request %lld has a bad send time '%s'", (long long)r->id, r->send_at);
		return FOI_EXIT_FAIL;
	}
	when->day = day_from_ymd(y, mo, d);
	return FOI_EXIT_OK;
}

/* The round of another open request persona has to target (this round's other kind, or an
 * earlier round's) into round (caller's buffer), 1; 0 when none; -1 on a database error. */
static int persona_writes_to(sqlite3 *db, int64_t request_id, const char *target, const char *persona, char *round,
			     size_t roundsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT r.name FROM requests q JOIN rounds r ON r.id = q.round_id WHERE q.id <> ? "
				   "AND q.target = ? AND q.persona = ? AND q." ROUND_REQUEST_OPEN " LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_text(st, 2, target, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, persona, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		snprintf(round, roundsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

/* Re-renders one planned request with its new template, persona or send time and records the
 * change, inside the caller's transaction. *changed is 0 when the edit changes nothing. */
static int change_request(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
			  int64_t round_id, const struct request_row *r, const struct round_edit *e, int *changed,
			  char *summary, size_t summarysz, char *err, size_t errsz)
{
	if (strcmp(r->state, "planned") != 0 && strcmp(r->state, "no-channel") != 0) {
		snprintf(err, errsz, "the %s request for %s is %s: only planned requests can be changed", e->kind, e->unit,
			 r->state);
		return FOI_EXIT_FAIL;
	}
	const char *template_id = e->template_id ? e->template_id : r->template_id;
	const struct template *t = template_set_find(templates, template_id);
	enum template_kind want = strcmp(e->kind, "foi") == 0 ? TEMPLATE_FOI : TEMPLATE_CONSULT;
	if (!t || t->kind != want) {
		snprintf(err, errsz, "no %s template with id '%s' (see 'foi templates list')", e->kind, template_id);
		return FOI_EXIT_DATA;
	}
	const struct persona *p = round_find_persona(&ws->settings, e->persona ? e->persona : r->persona);
	if (!p) {
		snprintf(err, errsz, "no persona '%s' in foi.ini", e->persona ? e->persona : r->persona);
		return FOI_EXIT_DATA;
	}
	/* One persona never writes twice at once to the same unit (DOMAIN.md), as planned. */
	char other_round[80] = "";
	int clash = e->persona ? persona_writes_to(ws->db, r->id, r->target, p->key, other_round, sizeof other_round) : 0;
	if (clash < 0)
		return round_sql_error(ws->db, err, errsz);
	if (clash) {
		snprintf(err, errsz, "persona %s already writes to %s in round %s: one persona never sends a unit two requests "
			 "at once", p->key, r->target, other_round);
		return FOI_EXIT_DATA;
	}
	/* In persona mode the reply address is the persona's own, so it follows the persona. */
	char *reply_to = ws->settings.reply_mode == REPLY_PERSONA ? strdup(p->email) : strdup(r->reply_to);
	if (!reply_to) {
		snprintf(err, errsz, "out of memory");
		return FOI_EXIT_FAIL;
	}
	char send_at[CLOCK_ISO_MAX];
	struct sched_instant when;
	int rc = edit_send_time(ws, cal, e, r, &when, send_at, err, errsz);
	struct template_rendered text;
	if (rc == FOI_EXIT_OK && round_render_request(t, r->target_name, p, when.day, reply_to, &text, err, errsz) != 0)
		rc = FOI_EXIT_DATA;
	if (rc != FOI_EXIT_OK) {
		free(reply_to);
		return rc;
	}
	sqlite3_stmt *st;
	int step = SQLITE_ERROR;
	if (sqlite3_prepare_v2(ws->db, "UPDATE requests SET template_id = ?, persona = ?, send_at = ?, subject = ?, body = ?, "
				       "reply_to = ? WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, t->id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, p->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, send_at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, text.subject ? text.subject : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, text.body, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, reply_to, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 7, r->id);
		step = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	template_rendered_free(&text);
	free(reply_to);
	if (step != SQLITE_DONE)
		return round_sql_error(ws->db, err, errsz);

	char *before = NULL, *after = NULL, *what = NULL;
	if (asprintf(&before, "template %s, persona %s, send %s", r->template_id, r->persona, r->send_at) < 0 ||
	    asprintf(&after, "template %s, persona %s, send %s", t->id, p->key, send_at) < 0 ||
	    asprintf(&what, "changed %s %s", e->unit, e->kind) < 0) {
		snprintf(err, errsz, "out of memory");
		rc = FOI_EXIT_FAIL;
	} else if (strcmp(before, after) == 0) {
		*changed = 0;
		snprintf(summary, summarysz, "nothing to change for the %s request of %s", e->kind, e->unit);
	} else {
		*changed = 1;
		rc = record_edit(ws->db, round_id, r->id, what, before, after, err, errsz);
		if (rc == FOI_EXIT_OK)
			snprintf(summary, summarysz, "%s %s: %s -> %s", e->unit, e->kind, before, after);
	}
	free(before);
	free(after);
	free(what);
	return rc;
}

int round_edit(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
	       const char *round, const struct round_edit *e, char *summary, size_t summarysz, char *err, size_t errsz)
{
	int64_t round_id;
	int found = round_exists(ws->db, round, &round_id);
	if (found < 0)
		return round_sql_error(ws->db, err, errsz);
	if (!found) {
		snprintf(err, errsz, "no round named '%s' (see 'foi round list')", round);
		return FOI_EXIT_DATA;
	}
	if (store_begin(ws->db, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	int rc, changed = 1;
	if (e->drop) {
		rc = drop_requests(ws->db, round_id, round, e, summary, summarysz, err, errsz);
	} else {
		struct request_row r;
		rc = load_request(ws->db, round_id, e->unit, e->kind, &r, err, errsz);
		if (rc == FOI_EXIT_OK) {
			rc = change_request(ws, cal, templates, round_id, &r, e, &changed, summary, summarysz, err, errsz);
			request_row_free(&r);
		}
	}
	/* One transaction: a drop or change that cannot complete leaves the plan as it was. */
	if (rc != FOI_EXIT_OK || !changed) {
		store_rollback(ws->db);
		return rc;
	}
	return store_commit(ws->db, err, errsz) == 0 ? FOI_EXIT_OK : FOI_EXIT_FAIL;
}
