/*
 * The working-day calendar: which days are working days, for the years it has data for.
 *
 * A working day is Monday to Friday, minus the official days off, plus the official weekend
 * workdays (调休). Each year's days off and weekend workdays come from that year's official
 * arrangement (国务院办公厅关于XXXX年部分节假日安排的通知); the calendar holds one arrangement
 * per covered year, and each marked day belongs to one arrangement (2022-12-31 belongs to the
 * 2023 one). Adding an arrangement for a year the calendar already holds replaces it whole:
 * that is how a newer calendar file supersedes an older one.
 *
 * A calendar refuses to answer for a day outside the years it covers, with an error that
 * names the missing year: a deadline computed as "weekends only" for a year whose holidays
 * are unknown would be silently wrong, which is worse than no answer.
 *
 * Fill a calendar with calendar_begin_year / calendar_add_mark (or the iCalendar loader in
 * calendar_ics.h), then calendar_build() it: building lays out a table over the covered span
 * (a working-day flag per day, the cumulative count of working days, and the list of working
 * days in order), after which every question below costs a few array reads.
 */
#ifndef FOI_SCHEDULE_CALENDAR_H
#define FOI_SCHEDULE_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "schedule/day.h"

enum cal_mark_kind {
	CAL_MARK_DAY_OFF = 1, /* an official day off (the days of a holiday break) */
	CAL_MARK_WORKDAY = 2, /* an official working day, normally a Saturday or Sunday */
};

/* One officially marked day. The strings belong to the calendar. */
struct cal_mark {
	sched_day day;
	enum cal_mark_kind kind;
	int year;           /* the arrangement it belongs to */
	const char *name;   /* e.g. 春节假期, 上班(补春节假期); "" when unnamed */
	const char *note;   /* the notice number (国办发明电〔2022〕16号) or other description; may be "" */
	const char *source; /* where it was read, e.g. "2023.ics:14"; may be "" */
};

/* One arrangement: the data for one covered year. */
struct cal_year {
	int year;
	const char *source; /* the file it came from; may be "" */
	const char *title;  /* the calendar's own description, e.g. the notice title; may be "" */
};

/* What a day is, for explanations. */
enum cal_day_kind {
	CAL_WEEKDAY,         /* an ordinary Monday-Friday: working */
	CAL_WEEKEND,         /* an ordinary Saturday or Sunday: rest */
	CAL_DAY_OFF,         /* an official day off (on any weekday): rest */
	CAL_WEEKEND_WORKDAY, /* a Saturday or Sunday made a working day: working */
};

struct cal_day_info {
	sched_day day;
	int working;
	enum cal_day_kind kind;
	const struct cal_mark *mark; /* the official mark, or NULL for ordinary days */
};

struct sched_calendar;

struct sched_calendar *calendar_new(void);
void calendar_free(struct sched_calendar *cal);

/*
 * Starts the arrangement for a year, dropping whatever the calendar held for that year.
 * source and title are copied. The calendar must be built again before it is asked anything.
 */
int calendar_begin_year(struct sched_calendar *cal, int year, const char *source, const char *title,
			char *err, size_t errsz);
/*
 * Marks one day as belonging to the arrangement of a year begun above. Strings are copied.
 * Marking a day twice the same way is harmless; marking it both a day off and a workday
 * makes calendar_build fail with a message that names both sources.
 */
int calendar_add_mark(struct sched_calendar *cal, int year, sched_day day, enum cal_mark_kind kind,
		      const char *name, const char *note, const char *source, char *err, size_t errsz);
/* Lays out the lookup tables; fails when two arrangements contradict each other or none is held. */
int calendar_build(struct sched_calendar *cal, char *err, size_t errsz);

/* The arrangements, sorted by year. */
size_t calendar_years(const struct sched_calendar *cal, const struct cal_year **out);
int calendar_covers_year(const struct sched_calendar *cal, int year);
/* The covered years as text: "2023-2026", or "2023, 2025-2026"; "none" when empty. */
void calendar_coverage_text(const struct sched_calendar *cal, char *out, size_t outsz);
/* All marks, sorted by day (after calendar_build). */
size_t calendar_marks(const struct sched_calendar *cal, const struct cal_mark **out);
/* Bytes the calendar holds (tables, marks and strings). */
size_t calendar_memory(const struct sched_calendar *cal);

/*
 * 1 when d is a working day, 0 when it is a rest day, -1 when d's year is not covered
 * (or the calendar is not built). The fast path for hot loops.
 */
int calendar_is_working(const struct sched_calendar *cal, sched_day d);

/* The same with an error message naming the missing year. */
int calendar_check_working(const struct sched_calendar *cal, sched_day d, int *working,
			   char *err, size_t errsz);
/* What d is (working, weekend, day off, weekend workday) and the official mark behind it. */
int calendar_day_info(const struct sched_calendar *cal, sched_day d, struct cal_day_info *out,
		      char *err, size_t errsz);

/*
 * The n-th working day after d (d itself not counted; d may be a rest day). n = 0 gives d.
 * Every year from d's to the answer's must be covered.
 */
int calendar_nth_working_after(const struct sched_calendar *cal, sched_day d, int n, sched_day *out,
			       char *err, size_t errsz);
/* The number of working days in (after, through]; negative when through < after. */
int calendar_working_days_between(const struct sched_calendar *cal, sched_day after, sched_day through,
				  int *out, char *err, size_t errsz);

/*
 * Working time, for the "elapsed" clock: only the hours of working days run. The seconds of
 * working time from `from` to `to` (negative when to is earlier), and the instant reached
 * when `seconds` of working time have run from `from`. An instant that lands exactly at the
 * end of a working day is given as (that day, 86400), i.e. 24:00.
 */
int calendar_working_seconds(const struct sched_calendar *cal, struct sched_instant from,
			     struct sched_instant to, int64_t *out, char *err, size_t errsz);
int calendar_add_working_seconds(const struct sched_calendar *cal, struct sched_instant from,
				 int64_t seconds, struct sched_instant *out, char *err, size_t errsz);

const char *cal_day_kind_name(enum cal_day_kind kind); /* "working day", "weekend", ... */

#endif
