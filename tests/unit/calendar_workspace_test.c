/*
 * The calendar inside a workspace: imports replace years and are recorded with what they
 * changed, deadlines follow at once (they are never stored), and the workspace's settings
 * (receipt_on_rest_day, office_hours_cutoff, consult_clock) decide receipt and clock.
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

static char *workspace(void)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	return dir;
}

/* One value from foi.db (the first column of the first row, as text; "" when no row). */
static char *db_value(const char *dir, const char *sql)
{
	char path[4200];
	sqlite3 *db;
	sqlite3_stmt *st;
	snprintf(path, sizeof path, "%s/foi.db", dir);
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	char *v = strdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
				 ? (const char *)sqlite3_column_text(st, 0)
				 : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void expect_db(const char *dir, const char *sql, const char *want)
{
	char *v = db_value(dir, sql);
	cr_assert_str_eq(v, want, "%s", sql);
	free(v);
}

static char *deadline_date(const char *dir, const char *args)
{
	struct foi_run r = run_foi(dir, "deadline %s --json", args);
	cr_assert_eq(r.status, 0, "deadline %s: %s", args, r.err);
	cJSON *j = cJSON_Parse(r.out);
	cr_assert_not_null(j);
	char *v = strdup(cJSON_GetObjectItem(j, "deadline_date")->valuestring);
	cJSON_Delete(j);
	run_free(&r);
	return v;
}

/* The shipped 2024 file as a corrected notice might read: 端午 2024 two days long. */
static char *revised_2024(const char *dir)
{
	char *src = src_path("schedule/holidays/2024.ics");
	char *text = read_file(src);
	cr_assert_not_null(text);
	char *at = strstr(text, "DTSTART;VALUE=DATE:20240610\r\nDTEND;VALUE=DATE:20240611\r\n");
	cr_assert_not_null(at);
	memcpy(strstr(at, "20240611"), "20240612", 8);
	char *path = write_file(dir, "2024-revised.ics", text);
	free(text);
	return path;
}

Test(calendar_workspace, an_import_replaces_its_year_and_deadlines_follow)
{
	char *dir = workspace();
	char *d = deadline_date(dir, "--from '2024-06-07 10:00' --days 1");
	cr_assert_str_eq(d, "2024-06-11");
	free(d);

	char *file = revised_2024(dir);
	struct foi_run r = run_foi(dir, "calendar import '%s'", file);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "2024: replaces the arrangement the workspace had") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "1 day changed:\n    2024-06-11 Tuesday    working -> rest  (端午节假期)\n") != NULL,
		  "%s", r.out);
	run_free(&r);

	/* Derived, not stored: the next command already counts the new day off. */
	d = deadline_date(dir, "--from '2024-06-07 10:00' --days 1");
	cr_assert_str_eq(d, "2024-06-12");
	free(d);
	r = run_foi(dir, "calendar check 2024-06-11");
	cr_assert(strstr(r.out, "2024-06-11 Tuesday: rest day (day off)") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "2024-revised.ics:") != NULL, "%s", r.out);
	run_free(&r);
	/* Other years are untouched. */
	d = deadline_date(dir, "--from '2023-09-28 10:00' --days 20");
	cr_assert_str_eq(d, "2023-11-01");
	free(d);

	/* The record: the import, the changed day, the stored arrangement, the journal. */
	expect_db(dir, "SELECT years || ' ' || summary FROM calendar_imports", "2024 replaced 2024; added none; 1 day changed");
	expect_db(dir, "SELECT day || ' ' || before || ' ' || after || ' ' || holiday FROM calendar_changes",
		  "2024-06-11 working rest 端午节假期");
	expect_db(dir, "SELECT count(*) FROM calendar_days WHERE year = 2024", "37");
	expect_db(dir, "SELECT count(*) FROM journal WHERE command = 'calendar import'", "1");
	char *recorded = db_value(dir, "SELECT file FROM calendar_imports");
	cr_assert(strstr(recorded, "/2024-revised.ics") != NULL && recorded[0] == '/', "%s", recorded);
	free(recorded);
}

Test(calendar_workspace, a_later_import_replaces_an_earlier_one)
{
	char *dir = workspace();
	char *file = revised_2024(dir);
	char *cn = src_path("tests/fixtures/calendars/holiday-cn-2024.ics");
	struct foi_run r = run_foi(dir, "calendar import '%s'", file);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "calendar import '%s'", cn);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 day changed:\n    2024-06-11 Tuesday    rest -> working\n") != NULL, "%s", r.out);
	run_free(&r);
	char *d = deadline_date(dir, "--from '2024-06-07 10:00' --days 1");
	cr_assert_str_eq(d, "2024-06-11");
	free(d);
	expect_db(dir, "SELECT import_id FROM calendar_years WHERE year = 2024", "2");
	expect_db(dir, "SELECT count(*) FROM calendar_imports", "2");
	r = run_foi(dir, "calendar show 2024");
	cr_assert(strstr(r.out, "source: holiday-cn-2024.ics (imported ") != NULL, "%s", r.out);
	run_free(&r);
}

Test(calendar_workspace, an_import_can_add_a_year_without_data)
{
	char *dir = workspace();
	struct foi_run r = run_foi(dir, "deadline --from '2022-12-30 10:00' --days 1");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no holiday arrangement for 2022") != NULL, "%s", r.err);
	run_free(&r);

	char *cn = src_path("tests/fixtures/calendars/holiday-cn-2022.ics");
	r = run_foi(dir, "calendar import '%s'", cn);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "2022: new, 249 working days") != NULL, "%s", r.out);
	run_free(&r);
	/* 2022-12-31 .. 2023-01-02 is the 2023 arrangement's New Year break. */
	char *d = deadline_date(dir, "--from '2022-12-30 10:00' --days 1");
	cr_assert_str_eq(d, "2023-01-03");
	free(d);
	expect_db(dir, "SELECT count(*) FROM calendar_changes", "0");
	r = run_foi(dir, "calendar show 2022 --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"working_days\":\t249") != NULL, "%s", r.out);
	run_free(&r);
}

Test(calendar_workspace, a_bad_file_changes_nothing)
{
	char *dir = workspace();
	const char *bad[][2] = {
		{"conflict.ics", "2024-02-17 is a day off"},
		{"not-ical.ics", "not-ical.ics:1: not an iCalendar file"},
		{"no-date.ics", "no-date.ics:12: event has no date"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char rel[128];
		snprintf(rel, sizeof rel, "tests/fixtures/calendars/%s", bad[i][0]);
		char *p = src_path(rel);
		struct foi_run r = run_foi(dir, "calendar import '%s'", p);
		cr_assert_eq(r.status, 3, "%s: %d", bad[i][0], r.status);
		cr_assert(strstr(r.err, bad[i][1]) != NULL, "%s", r.err);
		cr_assert(strstr(r.err, "nothing was changed") != NULL, "%s", r.err);
		run_free(&r);
	}
	expect_db(dir, "SELECT count(*) FROM calendar_imports", "0");
	expect_db(dir, "SELECT count(*) FROM calendar_days", "0");
}

Test(calendar_workspace, import_needs_a_workspace)
{
	char *dir = make_temp_dir();
	char *cn = src_path("tests/fixtures/calendars/holiday-cn-2022.ics");
	struct foi_run r = run_shell("cd '%s' && \"$FOI_BIN\" calendar import '%s'", dir, cn);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no foi workspace") != NULL, "%s", r.err);
	run_free(&r);
}

static void set_ini(const char *dir, const char *key, const char *value)
{
	struct foi_run r = run_shell("sed -i 's/^%s = .*/%s = %s/' '%s/foi.ini'", key, key, value, dir);
	cr_assert_eq(r.status, 0);
	run_free(&r);
}

Test(calendar_workspace, settings_decide_the_receipt_day)
{
	char *dir = workspace();
	char *d = deadline_date(dir, "--from '2024-03-02 10:00' --days 1");
	cr_assert_str_eq(d, "2024-03-05", "default: a Saturday submission is received on Monday");
	free(d);
	set_ini(dir, "receipt_on_rest_day", "same_day");
	d = deadline_date(dir, "--from '2024-03-02 10:00' --days 1");
	cr_assert_str_eq(d, "2024-03-04", "same_day: received on the Saturday");
	free(d);

	d = deadline_date(dir, "--from '2024-03-04 18:00' --days 1");
	cr_assert_str_eq(d, "2024-03-05");
	free(d);
	set_ini(dir, "office_hours_cutoff", "17:30");
	struct foi_run r = run_foi(dir, "deadline --from '2024-03-04 18:00' --days 1 --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"received\":\t\"2024-03-05\"") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "\"receipt_rule\":\t\"after_cutoff\"") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "\"deadline_date\":\t\"2024-03-06\"") != NULL, "%s", r.out);
	run_free(&r);

	/* Outside the workspace the defaults hold. */
	r = run_shell("cd /tmp && \"$FOI_BIN\" deadline --from '2024-03-04 18:00' --days 1 --json");
	cr_assert(strstr(r.out, "\"received\":\t\"2024-03-04\"") != NULL, "%s", r.out);
	run_free(&r);
}

Test(calendar_workspace, consult_clock_setting_is_the_default_clock_of_elapsed)
{
	char *dir = workspace();
	const char *q = "elapsed --from '2024-03-08 10:00' --to '2024-03-11 10:30' --json";
	struct foi_run r = run_foi(dir, "%s", q);
	cr_assert(strstr(r.out, "\"clock\":\t\"civil\"") && strstr(r.out, "\"band\":\t\"1\""), "%s", r.out);
	run_free(&r);
	set_ini(dir, "consult_clock", "elapsed");
	r = run_foi(dir, "%s", q);
	cr_assert(strstr(r.out, "\"clock\":\t\"elapsed\"") && strstr(r.out, "\"band\":\t\"5\""), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "%s --clock civil", q);
	cr_assert(strstr(r.out, "\"band\":\t\"1\""), "--clock wins over the setting: %s", r.out);
	run_free(&r);
}

Test(calendar_workspace, calendar_option_overrides_the_workspace_calendar)
{
	char *dir = workspace();
	char *file = revised_2024(dir);
	struct foi_run r = run_foi(dir, "calendar import '%s'", file);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	char *shipped = src_path("schedule/holidays/2024.ics");
	char args[4400];
	snprintf(args, sizeof args, "--from '2024-06-07 10:00' --days 1 --calendar '%s'", shipped);
	char *d = deadline_date(dir, args);
	cr_assert_str_eq(d, "2024-06-11");
	free(d);
}

Test(calendar_workspace, a_bad_setting_is_reported)
{
	char *dir = workspace();
	set_ini(dir, "receipt_on_rest_day", "whenever");
	struct foi_run r = run_foi(dir, "deadline --from '2024-03-02 10:00' --days 1");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "foi.ini:") != NULL && strstr(r.err, "whenever") != NULL, "%s", r.err);
	run_free(&r);
}
