/*
 * The shipped calendar (schedule/holidays/) against the official arrangements, typed here
 * independently from ../shared/reference/holidays-cn.md: every day of 2023-2026.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "schedule/calendar.h"
#include "tests/unit/calendar_support.h"

struct arrangement {
	int year;
	const char *notice;
	const char *breaks[8][2];   /* inclusive ranges of days off */
	const char *workdays[10];   /* weekend workdays */
	int working_days;
};

static const struct arrangement official[] = {
	{2023, "国办发明电〔2022〕16号",
	 {{"2022-12-31", "2023-01-02"}, {"2023-01-21", "2023-01-27"}, {"2023-04-05", "2023-04-05"},
	  {"2023-04-29", "2023-05-03"}, {"2023-06-22", "2023-06-24"}, {"2023-09-29", "2023-10-06"}},
	 {"2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"},
	 249},
	{2024, "国办发明电〔2023〕7号",
	 {{"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"},
	  {"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"},
	  {"2024-10-01", "2024-10-07"}},
	 {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
	  "2024-10-12"},
	 251},
	{2025, "国办发明电〔2024〕12号",
	 {{"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
	  {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"}},
	 {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"},
	 248},
	{2026, "国办发明电〔2025〕7号",
	 {{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
	  {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
	  {"2026-10-01", "2026-10-07"}},
	 {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"},
	 248},
};

static const struct arrangement *arrangement_of(int year)
{
	for (size_t i = 0; i < sizeof official / sizeof official[0]; i++)
		if (official[i].year == year)
			return &official[i];
	return NULL;
}

static int in_break(sched_day d)
{
	for (size_t i = 0; i < sizeof official / sizeof official[0]; i++)
		for (int b = 0; b < 8 && official[i].breaks[b][0]; b++)
			if (d >= D(official[i].breaks[b][0]) && d <= D(official[i].breaks[b][1]))
				return 1;
	return 0;
}

static int is_workday(sched_day d)
{
	for (size_t i = 0; i < sizeof official / sizeof official[0]; i++)
		for (int w = 0; w < 10 && official[i].workdays[w]; w++)
			if (d == D(official[i].workdays[w]))
				return 1;
	return 0;
}

Test(calendar_shipped, covers_2023_to_2026)
{
	struct sched_calendar *cal = cal_shipped();
	char text[64];
	calendar_coverage_text(cal, text, sizeof text);
	cr_assert_str_eq(text, "2023-2026");
	calendar_free(cal);
}

Test(calendar_shipped, every_break_is_days_off_with_its_notice)
{
	struct sched_calendar *cal = cal_shipped();
	int breaks = 0;
	for (size_t i = 0; i < sizeof official / sizeof official[0]; i++)
		for (int b = 0; b < 8 && official[i].breaks[b][0]; b++, breaks++) {
			sched_day from = D(official[i].breaks[b][0]), to = D(official[i].breaks[b][1]);
			for (sched_day d = from; d <= to; d++) {
				if (!calendar_covers_year(cal, day_year(d)))
					continue; /* 2022-12-31: checked below */
				struct cal_day_info info;
				char err[256];
				cr_assert_eq(calendar_day_info(cal, d, &info, err, sizeof err), 0, "%s", err);
				cr_assert(!info.working, "%s should be a day off", S(d));
				cr_assert_eq(info.kind, CAL_DAY_OFF, "%s is %s", S(d), cal_day_kind_name(info.kind));
				cr_assert_not_null(info.mark);
				cr_assert_str_eq(info.mark->note, official[i].notice, "%s", S(d));
				cr_assert_eq(info.mark->year, official[i].year);
			}
			/* The days around a break are not days off. */
			struct cal_day_info before, after;
			char err[256];
			if (calendar_covers_year(cal, day_year(from - 1))) {
				cr_assert_eq(calendar_day_info(cal, from - 1, &before, err, sizeof err), 0);
				cr_assert_neq(before.kind, CAL_DAY_OFF, "%s", S(from - 1));
			}
			cr_assert_eq(calendar_day_info(cal, to + 1, &after, err, sizeof err), 0);
			cr_assert_neq(after.kind, CAL_DAY_OFF, "%s", S(to + 1));
		}
	cr_assert_eq(breaks, 26);
	calendar_free(cal);
}

Test(calendar_shipped, every_weekend_workday_is_a_working_day)
{
	struct sched_calendar *cal = cal_shipped();
	int n = 0;
	for (size_t i = 0; i < sizeof official / sizeof official[0]; i++)
		for (int w = 0; w < 10 && official[i].workdays[w]; w++, n++) {
			sched_day d = D(official[i].workdays[w]);
			struct cal_day_info info;
			char err[256];
			cr_assert(day_is_weekend(d), "%s is not a weekend day", S(d));
			cr_assert_eq(calendar_day_info(cal, d, &info, err, sizeof err), 0, "%s", err);
			cr_assert(info.working, "%s should be a working day", S(d));
			cr_assert_eq(info.kind, CAL_WEEKEND_WORKDAY);
			cr_assert(strncmp(info.mark->name, "上班", strlen("上班")) == 0, "%s", info.mark->name);
			cr_assert_str_eq(info.mark->note, official[i].notice);
		}
	cr_assert_eq(n, 26);
	calendar_free(cal);
}

/* Every day of the four years: Monday-Friday minus days off plus weekend workdays. */
Test(calendar_shipped, every_day_matches_the_official_arrangement)
{
	struct sched_calendar *cal = cal_shipped();
	for (sched_day d = D("2023-01-01"); d <= D("2026-12-31"); d++) {
		int expect = (!day_is_weekend(d) && !in_break(d)) || is_workday(d);
		cr_assert_eq(calendar_is_working(cal, d), expect, "%s (%s)", S(d), day_weekday_name(d));
	}
	calendar_free(cal);
}

Test(calendar_shipped, working_days_per_year_are_249_251_248_248)
{
	struct sched_calendar *cal = cal_shipped();
	for (int y = 2023; y <= 2026; y++) {
		int n, direct = 0;
		char err[256];
		/* Through the cumulative table: 1 January, then the days after it ... */
		sched_day jan1 = day_from_ymd(y, 1, 1);
		cr_assert_eq(calendar_working_days_between(cal, jan1, day_from_ymd(y, 12, 31), &n, err, sizeof err),
			     0, "%s", err);
		n += calendar_is_working(cal, jan1);
		/* ... and day by day. */
		for (sched_day d = day_from_ymd(y, 1, 1); d <= day_from_ymd(y, 12, 31); d++)
			direct += calendar_is_working(cal, d);
		cr_assert_eq(direct, arrangement_of(y)->working_days, "%d: %d working days", y, direct);
		cr_assert_eq(n, direct, "%d: table says %d, days say %d", y, n, direct);
	}
	calendar_free(cal);
}

/* 2022-12-31 is in the 2023 notice, but 2022 as a year is not covered: no guessing. */
Test(calendar_shipped, years_without_data_are_refused_by_name)
{
	struct sched_calendar *cal = cal_shipped();
	char err[256];
	int w;
	cr_assert_eq(calendar_is_working(cal, D("2022-12-30")), -1);
	cr_assert_neq(calendar_check_working(cal, D("2022-12-31"), &w, err, sizeof err), 0);
	cr_assert(strstr(err, "no holiday arrangement for 2022") && strstr(err, "2023-2026"), "%s", err);
	cr_assert_neq(calendar_check_working(cal, D("2027-01-04"), &w, err, sizeof err), 0);
	cr_assert(strstr(err, "2027"), "%s", err);

	/* The mark itself is kept, as part of the 2023 arrangement. */
	const struct cal_mark *marks;
	size_t n = calendar_marks(cal, &marks);
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (marks[i].day == D("2022-12-31"))
			found = marks[i].year == 2023 && marks[i].kind == CAL_MARK_DAY_OFF;
	cr_assert(found);

	/* A period running off the end of the data says which year is missing. */
	sched_day out;
	cr_assert_neq(calendar_nth_working_after(cal, D("2026-12-10"), 20, &out, err, sizeof err), 0);
	cr_assert(strstr(err, "no holiday arrangement for 2027"), "%s", err);
	cr_assert_eq(calendar_nth_working_after(cal, D("2026-12-10"), 15, &out, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(S(out), "2026-12-31");
	calendar_free(cal);
}
