/* Day numbers <-> year-month-day, after Howard Hinnant's "days_from_civil" algorithms,
 * which are exact for every Gregorian date and need no tables. */
#include "schedule/day.h"

#include <stdio.h>
#include <string.h>

sched_day day_from_ymd(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;                                        /* 0 .. 399 */
	int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1; /* 0 .. 365 */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                /* 0 .. 146096 */
	return era * 146097 + doe - 719468;
}

void day_to_ymd(sched_day d, int *year, int *month, int *day)
{
	int z = d + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int m = mp + (mp < 10 ? 3 : -9);
	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

int day_year(sched_day d)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	return y;
}

static int is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int day_days_in_month(int year, int month)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return len[month - 1] + (month == 2 && is_leap(year));
}

int day_is_valid_ymd(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= day_days_in_month(year, month);
}

int day_weekday(sched_day d)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((d % 7 + 7 + 3) % 7);
	return w + 1;
}

const char *day_weekday_name(sched_day d)
{
	static const char *names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
				      "Friday", "Saturday", "Sunday"};
	return names[day_weekday(d) - 1];
}

const char *day_weekday_abbrev(sched_day d)
{
	static const char *names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	return names[day_weekday(d) - 1];
}

int day_parse(const char *text, sched_day *out)
{
	int y, m, d, n = 0;
	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return -1;
	if (sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (!day_is_valid_ymd(y, m, d))
		return -1;
	*out = day_from_ymd(y, m, d);
	return 0;
}

void day_format(sched_day d, char out[SCHED_DATE_MAX])
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	unsigned v[3] = {(unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)dd % 100u};
	snprintf(out, SCHED_DATE_MAX, "%04u-%02u-%02u", v[0], v[1], v[2]);
}
