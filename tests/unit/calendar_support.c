/* Helpers for the calendar tests (see calendar_support.h). */
#include "tests/unit/calendar_support.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "schedule/calendar_ics.h"
#include "tests/unit/run_foi.h"

struct sched_calendar *cal_shipped(void)
{
	struct sched_calendar *cal = calendar_new();
	cr_assert_not_null(cal);
	for (int y = 2023; y <= 2026; y++) {
		char rel[64], err[1024];
		snprintf(rel, sizeof rel, "schedule/holidays/%d.ics", y);
		char *path = src_path(rel);
		int rc = calendar_load_ics_file(cal, path, NULL, err, sizeof err);
		cr_assert_eq(rc, 0, "loading %s: %s", rel, err);
	}
	return cal;
}

struct sched_calendar *cal_fixture(const char *name)
{
	char rel[256], err[1024];
	snprintf(rel, sizeof rel, "tests/fixtures/calendars/%s", name);
	char *path = src_path(rel);
	struct sched_calendar *cal = calendar_new();
	int rc = calendar_load_ics_file(cal, path, NULL, err, sizeof err);
	cr_assert_eq(rc, 0, "loading %s: %s", name, err);
	return cal;
}

const char *cal_fixture_error(const char *name)
{
	static char err[1024];
	char rel[256];
	snprintf(rel, sizeof rel, "tests/fixtures/calendars/%s", name);
	char *path = src_path(rel);
	struct sched_calendar *cal = calendar_new();
	int rc = calendar_load_ics_file(cal, path, NULL, err, sizeof err);
	calendar_free(cal);
	cr_assert_neq(rc, 0, "%s loaded, but it is malformed", name);
	return err;
}

sched_day D(const char *iso)
{
	sched_day d;
	cr_assert_eq(day_parse(iso, &d), 0, "bad date in test: %s", iso);
	return d;
}

const char *S(sched_day d)
{
	static char buf[4][SCHED_DATE_MAX];
	static int next;
	char *b = buf[next++ % 4];
	day_format(d, b);
	return b;
}
