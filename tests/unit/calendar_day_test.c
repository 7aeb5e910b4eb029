/* Day numbers: the base every date in schedule/ is computed on. */
#include <criterion/criterion.h>
#include <time.h>

#include "schedule/day.h"
#include "tests/unit/calendar_support.h"

Test(calendar_day, epoch_and_known_weekdays)
{
	cr_assert_eq(day_from_ymd(1970, 1, 1), 0);
	cr_assert_str_eq(day_weekday_name(D("2023-09-28")), "Thursday");
	cr_assert_str_eq(day_weekday_name(D("2023-10-07")), "Saturday");
	cr_assert_str_eq(day_weekday_name(D("2024-02-29")), "Thursday");
	cr_assert_str_eq(day_weekday_name(D("2026-01-04")), "Sunday");
	cr_assert(day_is_weekend(D("2023-10-08")));
	cr_assert(!day_is_weekend(D("2023-10-09")));
}

/* Agrees with the C library's own calendar for every day from 1990 to 2100. */
Test(calendar_day, agrees_with_timegm_over_a_century)
{
	for (sched_day d = day_from_ymd(1990, 1, 1); d < day_from_ymd(2100, 1, 1); d++) {
		time_t t = (time_t)d * 86400;
		struct tm tm;
		gmtime_r(&t, &tm);
		int y, m, dd;
		day_to_ymd(d, &y, &m, &dd);
		cr_assert(y == tm.tm_year + 1900 && m == tm.tm_mon + 1 && dd == tm.tm_mday,
			  "day %d: %d-%d-%d vs %d-%d-%d", d, y, m, dd, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		cr_assert_eq(day_weekday(d), tm.tm_wday == 0 ? 7 : tm.tm_wday);
		cr_assert_eq(day_from_ymd(y, m, dd), d);
	}
}

Test(calendar_day, parse_accepts_only_real_dates)
{
	sched_day d;
	cr_assert_eq(day_parse("2024-02-29", &d), 0);
	cr_assert_str_eq(S(d), "2024-02-29");
	cr_assert_neq(day_parse("2023-02-29", &d), 0);
	cr_assert_neq(day_parse("2023-13-01", &d), 0);
	cr_assert_neq(day_parse("2023-1-01", &d), 0);
	cr_assert_neq(day_parse("2023-01-01x", &d), 0);
	cr_assert_neq(day_parse("20230101", &d), 0);
	cr_assert_neq(day_parse("", &d), 0);
}
