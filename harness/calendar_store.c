/* Imported calendars in foi.db (see calendar_store.h). */
#include "harness/calendar_store.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/app.h"
#include "harness/clock.h"
#include "harness/calendar_load.h"
#include "harness/store.h"

static int db_fail(sqlite3 *db, char *err, size_t errsz)
{
	snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
	return -1;
}

int calendar_store_overlay(sqlite3 *db, struct sched_calendar *cal, size_t *years, char *origin,
			   size_t originsz, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	size_t olen = 0;
	*years = 0;
	if (origin && originsz)
		origin[0] = '\0';
	if (sqlite3_prepare_v2(db,
			       "SELECT y.year, y.source, y.title, i.at FROM calendar_years y "
			       "JOIN calendar_imports i ON i.id = y.import_id ORDER BY y.year",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	int rc = 0, step;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 0);
		const char *source = (const char *)sqlite3_column_text(st, 1);
		const char *title = (const char *)sqlite3_column_text(st, 2);
		const char *at = (const char *)sqlite3_column_text(st, 3);
		char described[1024];
		snprintf(described, sizeof described, "%s (imported %s)", source, at);
		rc = calendar_begin_year(cal, year, described, title, err, errsz);
		if (rc == 0 && origin && olen < originsz) {
			int w = snprintf(origin + olen, originsz - olen, "%s%d (%s)", olen ? ", " : "", year, source);
			if (w > 0)
				olen += (size_t)w;
		}
		(*years)++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;

	if (sqlite3_prepare_v2(db, "SELECT year, day, kind, name, note, source FROM calendar_days ORDER BY year, day",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		sched_day d;
		const char *day = (const char *)sqlite3_column_text(st, 1);
		const char *kind = (const char *)sqlite3_column_text(st, 2);
		if (!day || day_parse(day, &d) != 0) {
			snprintf(err, errsz, "database: calendar_days holds a bad date '%s'", day ? day : "");
			rc = -1;
			break;
		}
		rc = calendar_add_mark(cal, sqlite3_column_int(st, 0), d,
				       strcmp(kind, "work") == 0 ? CAL_MARK_WORKDAY : CAL_MARK_DAY_OFF,
				       (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4),
				       (const char *)sqlite3_column_text(st, 5), err, errsz);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	return rc;
}

enum foi_status calendar_store_load_workspace(sqlite3 *db, struct sched_calendar **out, char *origin,
					      size_t originsz, char *err, size_t errsz)
{
	size_t imported;
	*out = NULL;
	if (origin && originsz)
		origin[0] = '\0';
	struct sched_calendar *cal = calendar_new();
	if (!cal)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	enum foi_status st = FOI_OK;
	if (calendar_load_shipped(cal, err, errsz) != 0)
		st = FOI_E_DATA;
	else if (calendar_store_overlay(db, cal, &imported, origin, originsz, err, errsz) != 0)
		st = FOI_E_DB;
	else if (calendar_build(cal, err, errsz) != 0)
		st = FOI_E_DATA;
	if (st != FOI_OK) {
		calendar_free(cal);
		return st;
	}
	*out = cal;
	return FOI_OK;
}

static int exec_bound(sqlite3 *db, sqlite3_stmt *st, char *err, size_t errsz)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, errsz);
}

static void years_text(const int *years, size_t n, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && len < outsz; i++) {
		int w = snprintf(out + len, outsz - len, "%s%d", i ? "," : "", years[i]);
		if (w > 0)
			len += (size_t)w;
	}
}

/* The stored part of an import, in the caller's transaction. */
static int record(sqlite3 *db, const char *path, const struct sched_calendar *file_cal,
		  struct calendar_import_result *res, const char *summary, char *err, size_t errsz)
{
	char at[CLOCK_ISO_MAX], years[CAL_ICS_MAX_YEARS * 6];
	clock_format_iso(clock_now(), at);
	years_text(res->info.years, res->info.nyears, years, sizeof years);
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "INSERT INTO calendar_imports(at, file, years, summary) VALUES (?, ?, ?, ?)", -1,
			       &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, years, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, summary, -1, SQLITE_TRANSIENT);
	rc = exec_bound(db, st, err, errsz);
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	res->import_id = (long)sqlite3_last_insert_rowid(db);

	/* Replace whole years: the old arrangement's days go with it (ON DELETE CASCADE). */
	const struct cal_year *cy;
	size_t ny = calendar_years(file_cal, &cy);
	if (sqlite3_prepare_v2(db, "DELETE FROM calendar_years WHERE year = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	for (size_t i = 0; i < ny && rc == 0; i++) {
		sqlite3_bind_int(st, 1, cy[i].year);
		rc = exec_bound(db, st, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT INTO calendar_years(year, import_id, source, title) VALUES (?, ?, ?, ?)", -1,
			       &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	for (size_t i = 0; i < ny && rc == 0; i++) {
		sqlite3_bind_int(st, 1, cy[i].year);
		sqlite3_bind_int64(st, 2, res->import_id);
		sqlite3_bind_text(st, 3, cy[i].source, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, cy[i].title, -1, SQLITE_TRANSIENT);
		rc = exec_bound(db, st, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;

	const struct cal_mark *m;
	size_t nm = calendar_marks(file_cal, &m);
	/* OR IGNORE: overlapping events mark a day twice the same way (a conflict was refused). */
	if (sqlite3_prepare_v2(db,
			       "INSERT OR IGNORE INTO calendar_days(year, day, kind, name, note, source) "
			       "VALUES (?, ?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	for (size_t i = 0; i < nm && rc == 0; i++) {
		char day[SCHED_DATE_MAX];
		day_format(m[i].day, day);
		sqlite3_bind_int(st, 1, m[i].year);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, m[i].kind == CAL_MARK_WORKDAY ? "work" : "off", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, m[i].name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, m[i].note, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, m[i].source, -1, SQLITE_TRANSIENT);
		rc = exec_bound(db, st, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;

	if (sqlite3_prepare_v2(db,
			       "INSERT INTO calendar_changes(import_id, day, before, after, holiday) VALUES (?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	for (size_t i = 0; i < res->nchanges && rc == 0; i++) {
		const struct cal_change *c = &res->changes[i];
		char day[SCHED_DATE_MAX];
		day_format(c->day, day);
		sqlite3_bind_int64(st, 1, res->import_id);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, cal_answer_name(c->before), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, cal_answer_name(c->after), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, c->mark ? c->mark->name : "", -1, SQLITE_TRANSIENT);
		rc = exec_bound(db, st, err, errsz);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return -1;

	/* The journal keeps the whole path, however long: the record is data, not a message. */
	char *detail = NULL;
	if (asprintf(&detail, "%s: %s", path, summary) < 0) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	rc = store_journal(db, "calendar import", detail, err, errsz);
	free(detail);
	return rc;
}

static int add_year(int *list, size_t *n, int year)
{
	for (size_t i = 0; i < *n; i++)
		if (list[i] == year)
			return 0;
	if (*n == CAL_ICS_MAX_YEARS)
		return -1;
	list[(*n)++] = year;
	return 0;
}

int calendar_store_import(sqlite3 *db, const char *path, struct calendar_import_result *res, char *err,
			  size_t errsz)
{
	memset(res, 0, sizeof *res);
	struct sched_calendar *file_cal = calendar_new(), *before = NULL;
	struct cal_change *all = NULL;
	size_t nall = 0;
	int rc = -1, in_transaction = 0;
	if (!file_cal) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	/* The file alone first: its own errors, its years, its marks to store. */
	if (calendar_load_ics_file(file_cal, path, &res->info, err, errsz) != 0)
		goto out;
	/* The write lock is taken before the workspace calendar is read: two imports at once must
	 * check their contradictions one after the other, not both against the old state. */
	char why[FOI_ERR_MAX];
	if (store_begin(db, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s", why);
		rc = -2;
		goto out;
	}
	in_transaction = 1;
	if (calendar_store_load_workspace(db, &before, NULL, 0, err, errsz) != FOI_OK ||
	    calendar_store_load_workspace(db, &res->after, NULL, 0, err, errsz) != FOI_OK) {
		rc = -2;
		goto out;
	}
	/* Then the file over the workspace's calendar: a contradiction with a neighbouring year's
	 * arrangement (the same day both off and working) is refused here. */
	if (calendar_load_ics_file(res->after, path, NULL, err, errsz) != 0)
		goto out;

	int first = res->info.years[0], last = res->info.years[res->info.nyears - 1];
	if (calendar_diff(before, res->after, day_from_ymd(first - 1, 1, 1), day_from_ymd(last + 1, 12, 31), &all,
			  &nall, err, errsz) != 0)
		goto out;
	for (size_t i = 0; i < res->info.nyears; i++) {
		int y = res->info.years[i];
		if (calendar_covers_year(before, y))
			add_year(res->replaced, &res->nreplaced, y);
		else
			add_year(res->added, &res->nadded, y);
	}
	/* Per-day changes only where there was an answer before; a new year is one line. */
	res->changes = malloc((nall ? nall : 1) * sizeof *res->changes);
	if (!res->changes) {
		snprintf(err, errsz, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nall; i++)
		if (all[i].before != CAL_NO_DATA)
			res->changes[res->nchanges++] = all[i];

	char replaced[CAL_ICS_MAX_YEARS * 6], added[CAL_ICS_MAX_YEARS * 6];
	char summary[sizeof replaced + sizeof added + 64];
	years_text(res->replaced, res->nreplaced, replaced, sizeof replaced);
	years_text(res->added, res->nadded, added, sizeof added);
	snprintf(summary, sizeof summary, "replaced %s; added %s; %zu day%s changed", *replaced ? replaced : "none",
		 *added ? added : "none", res->nchanges, res->nchanges == 1 ? "" : "s");

	/* The record names the file by its full path: a relative one means little later. */
	char full[PATH_MAX];
	const char *recorded = realpath(path, full) ? full : path;
	if (record(db, recorded, file_cal, res, summary, why, sizeof why) != 0 || store_commit(db, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s", why);
		rc = -2;
		goto out;
	}
	in_transaction = 0;
	rc = 0;
out:
	if (in_transaction)
		store_rollback(db);
	free(all);
	calendar_free(before);
	calendar_free(file_cal);
	if (rc != 0)
		calendar_import_result_free(res);
	return rc;
}

void calendar_import_result_free(struct calendar_import_result *res)
{
	free(res->changes);
	calendar_free(res->after);
	res->changes = NULL;
	res->after = NULL;
	res->nchanges = 0;
}
