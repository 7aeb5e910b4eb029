/*
 * The workspace's calendar in foi.db (schema 3): imported arrangements, year by year, and the
 * record of each import with the days whose answer it changed.
 *
 * A workspace's calendar is the shipped one with the imported years replacing it (an import
 * replaces whole years: every day of the year's arrangement, including a day such as
 * 2022-12-31 that belongs to the 2023 notice). Deadlines are never stored: every command
 * computes them from the calendar, so an import changes every later answer at once.
 */
#ifndef FOI_CALENDAR_STORE_H
#define FOI_CALENDAR_STORE_H

#include <sqlite3.h>
#include <stddef.h>

#include "harness/status.h"
#include "schedule/calendar.h"
#include "schedule/calendar_diff.h"
#include "schedule/calendar_ics.h"

/*
 * Adds the workspace's imported years to cal, replacing what cal held for them; does not
 * build it. *years gets how many there were; origin (may be NULL) gets "2024 (file.ics)".
 */
int calendar_store_overlay(sqlite3 *db, struct sched_calendar *cal, size_t *years, char *origin,
			   size_t originsz, char *err, size_t errsz);

/*
 * The calendar a workspace's deadlines are counted on, built, into *out (free with
 * calendar_free): the shipped arrangements with the imported years replacing them. origin (may
 * be NULL) gets the imported years, e.g. "2024 (file.ics)". FOI_E_DATA for a malformed shipped
 * calendar, FOI_E_DB when the database fails.
 */
enum foi_status calendar_store_load_workspace(sqlite3 *db, struct sched_calendar **out, char *origin,
					      size_t originsz, char *err, size_t errsz);

struct calendar_import_result {
	struct cal_ics_info info;      /* what the file held */
	long import_id;
	int replaced[CAL_ICS_MAX_YEARS]; /* years that had an arrangement before */
	size_t nreplaced;
	int added[CAL_ICS_MAX_YEARS];    /* years that had none */
	size_t nadded;
	struct cal_change *changes;      /* days of already-covered years whose answer changed */
	size_t nchanges;
	struct sched_calendar *after;    /* the workspace calendar after the import (owns the marks above) */
};

/*
 * Imports an iCalendar file into the workspace in one transaction. Returns 0; -1 when the file
 * is malformed or contradicts the rest of the calendar (err names file and line; nothing
 * changed); -2 when the database failed. Free the result with calendar_import_result_free.
 */
int calendar_store_import(sqlite3 *db, const char *path, struct calendar_import_result *res, char *err,
			  size_t errsz);
void calendar_import_result_free(struct calendar_import_result *res);

#endif
