/* Reading calendar files: the holiday-cn style, DTEND and DURATION, coverage, and bad files. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "tests/unit/calendar_support.h"
#include "tests/unit/run_foi.h"

/* holiday-cn publishes the same facts in its own style: the same answer for every day. */
Test(calendar_ics, holiday_cn_files_agree_with_the_shipped_ones)
{
	struct sched_calendar *shipped = cal_shipped();
	struct sched_calendar *cn = cal_fixture("holiday-cn-2023.ics");
	char err[512];
	char *p = src_path("tests/fixtures/calendars/holiday-cn-2024.ics");
	struct cal_ics_info info;
	cr_assert_eq(calendar_load_ics_file(cn, p, &info, err, sizeof err), 0, "%s", err);
	cr_assert_eq(info.nyears, 1);
	cr_assert_eq(info.years[0], 2024);
	cr_assert_eq(info.days_off, 1 + 8 + 3 + 5 + 1 + 3 + 7);
	cr_assert_eq(info.workdays, 8);

	char text[64];
	calendar_coverage_text(cn, text, sizeof text);
	cr_assert_str_eq(text, "2023-2024", "the 2023 file covers 2023, not 2022: %s", text);
	for (sched_day d = D("2023-01-01"); d <= D("2024-12-31"); d++)
		cr_assert_eq(calendar_is_working(cn, d), calendar_is_working(shipped, d), "%s", S(d));

	struct cal_day_info info_day;
	cr_assert_eq(calendar_day_info(cn, D("2023-10-07"), &info_day, err, sizeof err), 0);
	cr_assert_eq(info_day.kind, CAL_WEEKEND_WORKDAY);
	cr_assert_str_eq(info_day.mark->name, "上班(补中秋节、国庆节假期)");
	cr_assert_str_eq(info_day.mark->source, "holiday-cn-2023.ics:86");
	calendar_free(cn);
	calendar_free(shipped);
}

Test(calendar_ics, duration_and_single_day_events)
{
	struct sched_calendar *cal = cal_fixture("duration-style.ics");
	/* DTSTART alone: one day. */
	cr_assert_eq(calendar_is_working(cal, D("2025-01-01")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2025-01-02")), 1);
	/* DURATION:P8D from 01-28: through 02-04, and 02-05 is back to work. */
	cr_assert_eq(calendar_is_working(cal, D("2025-01-28")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2025-02-04")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2025-02-05")), 1);
	/* CATEGORIES:WORKDAY decides even though the SUMMARY does not begin with 上班. */
	cr_assert_eq(calendar_is_working(cal, D("2025-01-26")), 1);
	/* P1W1D is eight days: 10-01 .. 10-08. */
	cr_assert_eq(calendar_is_working(cal, D("2025-10-08")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2025-10-09")), 1);
	/* Not listed: an ordinary weekday and an ordinary Saturday. */
	cr_assert_eq(calendar_is_working(cal, D("2025-03-03")), 1);
	cr_assert_eq(calendar_is_working(cal, D("2025-03-01")), 0);
	calendar_free(cal);
}

/* A file covers the year of its own breaks; a workday in the year before belongs to the
 * arrangement of the break it makes up for, and survives when that year is loaded. */
Test(calendar_ics, spill_over_days_belong_to_their_arrangement)
{
	struct sched_calendar *cal = cal_fixture("holiday-cn-2019-partial.ics");
	char text[64], err[512];
	calendar_coverage_text(cal, text, sizeof text);
	cr_assert_str_eq(text, "2019");
	cr_assert_eq(calendar_is_working(cal, D("2018-12-29")), -1);
	cr_assert_eq(calendar_is_working(cal, D("2019-01-01")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2019-02-02")), 1);

	static const char y2018[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//2018//ZH\r\nX-FOI-COVERS:2018\r\n"
		"BEGIN:VEVENT\r\nUID:a@test\r\nDTSTAMP:20171130T000000Z\r\nDTSTART;VALUE=DATE:20180215\r\n"
		"DTEND;VALUE=DATE:20180222\r\nSUMMARY:春节假期\r\nCATEGORIES:HOLIDAY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	cr_assert_eq(calendar_load_ics_text(cal, y2018, strlen(y2018), "2018.ics", NULL, err, sizeof err), 0, "%s",
		     err);
	calendar_coverage_text(cal, text, sizeof text);
	cr_assert_str_eq(text, "2018-2019");
	cr_assert_eq(calendar_is_working(cal, D("2018-12-29")), 1, "the 2019 arrangement's Saturday workday");
	cr_assert_eq(calendar_is_working(cal, D("2018-12-31")), 0);
	cr_assert_eq(calendar_is_working(cal, D("2018-02-16")), 0);
	calendar_free(cal);
}

/* Loading a newer file for a year replaces that year whole, and only that year. */
Test(calendar_ics, a_newer_file_replaces_the_years_it_covers)
{
	struct sched_calendar *cal = cal_shipped();
	static const char revised[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//revised//ZH\r\nX-FOI-COVERS:2024\r\n"
		"BEGIN:VEVENT\r\nUID:b@test\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240610\r\n"
		"DURATION:P2D\r\nSUMMARY:端午节假期\r\nCATEGORIES:HOLIDAY\r\nDESCRIPTION:test notice\r\n"
		"END:VEVENT\r\nEND:VCALENDAR\r\n";
	char err[512];
	cr_assert_eq(calendar_is_working(cal, D("2024-02-12")), 0);
	cr_assert_eq(calendar_load_ics_text(cal, revised, strlen(revised), "revised.ics", NULL, err, sizeof err), 0,
		     "%s", err);
	cr_assert_eq(calendar_is_working(cal, D("2024-06-11")), 0, "the new file's day off");
	cr_assert_eq(calendar_is_working(cal, D("2024-02-12")), 1, "the old 2024 Spring Festival is gone");
	cr_assert_eq(calendar_is_working(cal, D("2023-10-02")), 0, "2023 untouched");
	cr_assert_eq(calendar_is_working(cal, D("2025-01-28")), 0, "2025 untouched");
	const struct cal_year *years;
	size_t n = calendar_years(cal, &years);
	cr_assert_eq(n, 4);
	cr_assert_str_eq(years[1].source, "revised.ics");
	calendar_free(cal);
}

Test(calendar_ics, an_html_page_is_not_a_calendar)
{
	const char *err = cal_fixture_error("not-ical.ics");
	cr_assert(strstr(err, "not-ical.ics:1: not an iCalendar file") != NULL, "%s", err);
	cr_assert(strstr(err, "<!DOCTYPE html>") != NULL, "%s", err);
}

Test(calendar_ics, an_event_without_a_date_names_its_line)
{
	const char *err = cal_fixture_error("no-date.ics");
	cr_assert(strstr(err, "no-date.ics:12: event has no date") != NULL, "%s", err);
}

Test(calendar_ics, a_timed_event_is_refused)
{
	const char *err = cal_fixture_error("timed-event.ics");
	cr_assert(strstr(err, "timed-event.ics:7: DTSTART has a time of day") != NULL, "%s", err);
}

Test(calendar_ics, a_date_libical_cannot_read_names_its_line)
{
	const char *err = cal_fixture_error("bad-date-value.ics");
	cr_assert(strstr(err, "bad-date-value.ics:7: libical cannot read 'DTSTART;VALUE=DATE:2024101'") != NULL,
		  "%s", err);
}

Test(calendar_ics, an_impossible_date_is_refused)
{
	const char *err = cal_fixture_error("impossible-date.ics");
	cr_assert(strstr(err, "impossible-date.ics:7: DTSTART 20230230 is not a real date") != NULL, "%s", err);
}

Test(calendar_ics, a_truncated_download_is_refused)
{
	const char *err = cal_fixture_error("truncated.ics");
	/* The cut-off line "SUMM" is not a content line. */
	cr_assert(strstr(err, "truncated.ics:15: not an iCalendar content line: 'SUMM'") != NULL, "%s", err);
}

Test(calendar_ics, an_unclosed_calendar_is_refused)
{
	static const char text[] = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20240101\n"
				   "END:VEVENT\n";
	char err[512];
	struct sched_calendar *cal = calendar_new();
	cr_assert_neq(calendar_load_ics_text(cal, text, strlen(text), "cut.ics", NULL, err, sizeof err), 0);
	cr_assert(strstr(err, "cut.ics:1: BEGIN:VCALENDAR is never closed") != NULL, "%s", err);
	calendar_free(cal);
}

Test(calendar_ics, stray_text_inside_an_event_is_refused)
{
	const char *err = cal_fixture_error("stray-text.ics");
	cr_assert(strstr(err, "stray-text.ics:9: not an iCalendar content line") != NULL, "%s", err);
}

Test(calendar_ics, a_day_both_off_and_working_is_refused_with_both_lines)
{
	const char *err = cal_fixture_error("conflict.ics");
	cr_assert(strstr(err, "2024-02-17 is a day off") != NULL, "%s", err);
	cr_assert(strstr(err, "conflict.ics:4") != NULL && strstr(err, "conflict.ics:12") != NULL, "%s", err);
}

Test(calendar_ics, dtend_before_dtstart_is_refused)
{
	const char *err = cal_fixture_error("dtend-before-dtstart.ics");
	cr_assert(strstr(err, "dtend-before-dtstart.ics:8: DTEND is not after DTSTART") != NULL, "%s", err);
}

Test(calendar_ics, recurring_events_are_refused)
{
	const char *err = cal_fixture_error("recurring.ics");
	cr_assert(strstr(err, "recurring.ics:8: recurring events are not supported") != NULL, "%s", err);
}

Test(calendar_ics, a_missing_file_names_the_file)
{
	const char *err = cal_fixture_error("no-such-file.ics");
	cr_assert(strstr(err, "no-such-file.ics: No such file or directory") != NULL, "%s", err);
}

Test(calendar_ics, odd_files_get_a_clear_message)
{
	struct {
		const char *text, *expect;
	} cases[] = {
		{"", "empty.ics: not an iCalendar file: it is empty"},
		{"BEGIN:VCALENDAR\nX-FOI-COVERS:twenty\nEND:VCALENDAR\n", "empty.ics:2: X-FOI-COVERS must list years"},
		{"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "empty.ics: covers no year"},
		{"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20240101\nDTEND;VALUE=DATE:20240301\nEND:VEVENT\n"
		 "END:VCALENDAR\n",
		 "empty.ics:4: the event lasts 60 days"},
		{"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20240101\nDURATION:PT8H\nEND:VEVENT\nEND:VCALENDAR\n",
		 "empty.ics:4: DURATION must be a positive number of whole days"},
		{"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20240101\nSUMMARY:上班\nCATEGORIES:HOLIDAY\n"
		 "END:VEVENT\nEND:VCALENDAR\n",
		 "empty.ics:5: SUMMARY '上班' is a workday but CATEGORIES says HOLIDAY"},
		{"BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n", "empty.ics:3: 'END:VTODO' does not close BEGIN:VEVENT of line 2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char err[512] = "";
		struct sched_calendar *cal = calendar_new();
		int rc = calendar_load_ics_text(cal, cases[i].text, strlen(cases[i].text), "empty.ics", NULL, err,
						sizeof err);
		calendar_free(cal);
		cr_assert_neq(rc, 0, "case %zu loaded", i);
		cr_assert(strstr(err, cases[i].expect) != NULL, "case %zu: %s", i, err);
	}
}
