/*
 * Helpers for the calendar tests: load the shipped calendar or a fixture, and name days.
 * They abort the test (cr_assert) when a calendar that must load does not.
 */
#ifndef FOI_TEST_CALENDAR_SUPPORT_H
#define FOI_TEST_CALENDAR_SUPPORT_H

#include "schedule/calendar.h"
#include "schedule/day.h"

/* schedule/holidays/2023.ics .. 2026.ics, loaded and built. */
struct sched_calendar *cal_shipped(void);
/* One file under tests/fixtures/calendars/, loaded and built. */
struct sched_calendar *cal_fixture(const char *name);
/* Loads a fixture expecting failure; returns the error message (static buffer). */
const char *cal_fixture_error(const char *name);

/* "2023-10-07" -> day number; aborts the test on a malformed date. */
sched_day D(const char *iso);
/* day number -> "2023-10-07" in a rotating static buffer (four at a time). */
const char *S(sched_day d);

#endif
