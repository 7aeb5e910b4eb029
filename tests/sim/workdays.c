#include "tests/sim/workdays.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/calendar_load.h"

int workdays_load(struct sched_calendar **out, char *err, size_t errsz)
{
	struct sched_calendar *cal = calendar_new();
	if (!cal) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	if (calendar_load_shipped(cal, err, errsz) != 0 || calendar_build(cal, err, errsz) != 0) {
		calendar_free(cal);
		return -1;
	}
	*out = cal;
	return 0;
}

sched_day workdays_day_of(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

time_t workdays_at(sched_day d, int minute)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = dd,
			.tm_hour = minute / 60, .tm_min = minute % 60, .tm_isdst = -1};
	return mktime(&tm);
}

int workdays_receipt_day(const struct sched_calendar *cal, time_t arrived, sched_day *out,
			 char *err, size_t errsz)
{
	sched_day d = workdays_day_of(arrived);
	int working;
	if (calendar_check_working(cal, d, &working, err, errsz) != 0)
		return -1;
	if (working) {
		*out = d;
		return 0;
	}
	return calendar_nth_working_after(cal, d, 1, out, err, errsz);
}

int workdays_nth_after(const struct sched_calendar *cal, sched_day d, int n, sched_day *out,
		       char *err, size_t errsz)
{
	return calendar_nth_working_after(cal, d, n, out, err, errsz);
}

int workdays_due(const struct sched_calendar *cal, time_t arrived, const struct sim_delay *d,
		 int default_minute, time_t *out, char *err, size_t errsz)
{
	if (d->days == 0) {
		time_t t = arrived + 600;
		if (d->minute_of_day >= 0) {
			time_t at = workdays_at(workdays_day_of(arrived), d->minute_of_day);
			if (at > t)
				t = at;
		}
		*out = t;
		return 0;
	}
	sched_day receipt, day;
	if (workdays_receipt_day(cal, arrived, &receipt, err, errsz) != 0 ||
	    calendar_nth_working_after(cal, receipt, d->days, &day, err, errsz) != 0)
		return -1;
	*out = workdays_at(day, d->minute_of_day >= 0 ? d->minute_of_day : default_minute);
	return 0;
}
