/*
 * Civil dates as plain numbers, so that date arithmetic is integer arithmetic.
 *
 * A sched_day is the number of days since 1970-01-01 in the proleptic Gregorian calendar
 * (1970-01-01 is 0, 1969-12-31 is -1). It carries no time zone: it names a day on the wall
 * calendar where the office is. Everything in schedule/ works on these numbers; the harness
 * turns its time_t values into them once, in the workspace time zone, and the simulator can
 * use them without linking any harness code.
 *
 * A sched_instant is a day plus the seconds since that day's midnight. sec runs from 0 to
 * 86400 inclusive: (d, 86400) is "24:00 of d", the way the law words the end of a period,
 * and is the same instant as (d + 1, 0).
 */
#ifndef FOI_SCHEDULE_DAY_H
#define FOI_SCHEDULE_DAY_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t sched_day;

#define SCHED_DAY_SECONDS 86400
#define SCHED_DATE_MAX 11 /* "YYYY-MM-DD" and its NUL */

struct sched_instant {
	sched_day day;
	int32_t sec; /* 0 .. SCHED_DAY_SECONDS */
};

/* The day number of year-month-day; the fields are not checked (see day_is_valid_ymd). */
sched_day day_from_ymd(int year, int month, int day);
void day_to_ymd(sched_day d, int *year, int *month, int *day);
int day_year(sched_day d);
/* 1 when year-month-day names a real date (2023-02-29 does not). */
int day_is_valid_ymd(int year, int month, int day);
int day_days_in_month(int year, int month);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int day_weekday(sched_day d);
static inline int day_is_weekend(sched_day d)
{
	return day_weekday(d) >= 6;
}
/* "Monday" .. "Sunday", and "Mon" .. "Sun". */
const char *day_weekday_name(sched_day d);
const char *day_weekday_abbrev(sched_day d);

/* Reads exactly "YYYY-MM-DD" (a real date); 0 on success, -1 otherwise. */
int day_parse(const char *text, sched_day *out);
/* Writes "YYYY-MM-DD". */
void day_format(sched_day d, char out[SCHED_DATE_MAX]);

/* Seconds since 1970-01-01 00:00 on the wall clock: orders and subtracts instants. */
static inline int64_t instant_seconds(struct sched_instant t)
{
	return (int64_t)t.day * SCHED_DAY_SECONDS + t.sec;
}

#endif
