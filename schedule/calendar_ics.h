/*
 * Reading holiday calendars from iCalendar files (RFC 5545), with libical.
 *
 * Two styles are understood, and may be mixed:
 *   - foi's own (schedule/holidays/YEAR.ics): all-day VEVENTs with CATEGORIES:HOLIDAY for days
 *     off and CATEGORIES:WORKDAY for weekend workdays, the notice number in DESCRIPTION, and
 *     X-FOI-COVERS:YEAR[,YEAR...] on the VCALENDAR naming the years the file is complete for;
 *   - the public holiday-cn style: any all-day VEVENT is a day off, except that one whose
 *     SUMMARY begins with 上班 is a workday.
 * An event lasts from DTSTART (a DATE) to DTEND (a DATE, exclusive) or for DURATION (whole
 * days), or one day when it has neither.
 *
 * Coverage: X-FOI-COVERS when present; otherwise the years that hold a whole day-off event.
 * (A holiday-cn file lists the New Year break that begins on 2022-12-31 in its 2023 file;
 * that event also touches 2023, so the file covers 2023, not 2022.) Each marked day belongs to
 * one covered year's arrangement: a day off to the year its break ends in, a workday to the
 * year of the nearest break. Loading a file replaces the arrangements of the years it covers.
 *
 * Errors name the file and line: a file that is not iCalendar, a line libical cannot read in
 * a property that decides dates, an event without a date, an event with a time of day, a
 * recurring event, a day marked both ways. The loader reads the file itself (to keep line
 * numbers, which libical does not report) and hands libical one unfolded content line at a time.
 */
#ifndef FOI_SCHEDULE_CALENDAR_ICS_H
#define FOI_SCHEDULE_CALENDAR_ICS_H

#include <stddef.h>

#include "schedule/calendar.h"

#define CAL_ICS_MAX_YEARS 64
#define CAL_ICS_MAX_BYTES (8u << 20)

/* What a file held, for reports such as `foi calendar import`. */
struct cal_ics_info {
	int years[CAL_ICS_MAX_YEARS]; /* the years the file covers, ascending */
	size_t nyears;
	size_t nevents;
	size_t days_off, workdays;    /* marked days, counted once each */
};

/*
 * Loads a file into cal, replacing the years it covers, and builds cal. On failure err reads
 * "PATH:LINE: why" (or "PATH: why"), and cal must not be used further (free it).
 * info may be NULL.
 */
int calendar_load_ics_file(struct sched_calendar *cal, const char *path, struct cal_ics_info *info,
			   char *err, size_t errsz);
/* The same for text already in memory; name stands for the file in messages and sources. */
int calendar_load_ics_text(struct sched_calendar *cal, const char *text, size_t len, const char *name,
			   struct cal_ics_info *info, char *err, size_t errsz);

#endif
