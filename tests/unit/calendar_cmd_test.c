/* The time commands as a user runs them: foi deadline, foi elapsed, foi calendar. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

static cJSON *json_of(const struct foi_run *r)
{
	cr_assert_eq(r->status, 0, "exit %d, stderr: %s", r->status, r->err);
	cJSON *j = cJSON_Parse(r->out);
	cr_assert_not_null(j, "not JSON: %s", r->out);
	return j;
}

static const char *jstr(const cJSON *j, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, key);
	cr_assert(cJSON_IsString(v), "no string field %s", key);
	return v->valuestring;
}

static int has_date(const cJSON *arr, const char *date)
{
	const cJSON *e;
	cJSON_ArrayForEach(e, arr)
		if (cJSON_IsString(e) && strcmp(e->valuestring, date) == 0)
			return 1;
	return 0;
}

/* The acceptance example. */
Test(calendar_cmd, deadline_across_national_day_2023)
{
	struct foi_run r = run_foi(NULL, "deadline --from '2023-09-28 10:00' --days 20 --json");
	cJSON *j = json_of(&r);
	cr_assert_str_eq(jstr(j, "received"), "2023-09-28");
	cr_assert_str_eq(jstr(j, "deadline_date"), "2023-11-01");
	cr_assert_str_eq(jstr(j, "deadline_at"), "2023-11-02T00:00:00+08:00");
	const cJSON *counted = cJSON_GetObjectItem(j, "counted"), *skipped = cJSON_GetObjectItem(j, "skipped");
	cr_assert_eq(cJSON_GetArraySize(counted), 20);
	cr_assert(has_date(counted, "2023-10-07") && has_date(counted, "2023-10-08"));
	cr_assert_str_eq(cJSON_GetArrayItem(counted, 0)->valuestring, "2023-10-07");
	cr_assert_str_eq(cJSON_GetArrayItem(counted, 19)->valuestring, "2023-11-01");
	for (int d = 29; d <= 30; d++) {
		char date[16];
		snprintf(date, sizeof date, "2023-09-%02d", d);
		cr_assert(has_date(skipped, date), "%s not skipped", date);
	}
	for (int d = 1; d <= 6; d++) {
		char date[16];
		snprintf(date, sizeof date, "2023-10-%02d", d);
		cr_assert(has_date(skipped, date) && !has_date(counted, date), "%s", date);
	}
	cr_assert_eq(cJSON_GetArraySize(skipped), 14);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "days_off")), 8);
	cr_assert(has_date(cJSON_GetObjectItem(j, "weekend_workdays"), "2023-10-07"));
	cJSON_Delete(j);
	run_free(&r);
}

Test(calendar_cmd, deadline_explains_itself_in_text)
{
	struct foi_run r = run_foi(NULL, "deadline --from '2023-09-28 10:00' --days 20 --explain");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "received   2023-09-28 Thursday") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "deadline   2023-11-01 Wednesday, 24:00 (ends 2023-11-02T00:00:00+08:00)") != NULL,
		  "%s", r.out);
	cr_assert(strstr(r.out, "2023-10-07 Sat      1  weekend workday: 上班(补中秋节、国庆节假期)") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "2023-10-02 Mon      -  day off: 中秋节、国庆节假期 (国办发明电〔2022〕16号)") != NULL,
		  "%s", r.out);
	cr_assert(strstr(r.out, "2023-11-01 Wed     20  working day") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "14 rest days skipped (8 official days off)") != NULL, "%s", r.out);
	run_free(&r);
}

Test(calendar_cmd, deadline_for_a_saturday_submission)
{
	struct foi_run r = run_foi(NULL, "deadline --from '2024-03-02 10:00' --days 1 --json");
	cJSON *j = json_of(&r);
	cr_assert_str_eq(jstr(j, "received"), "2024-03-04");
	cr_assert_str_eq(jstr(j, "receipt_rule"), "rest_day_moved");
	cr_assert_str_eq(jstr(j, "deadline_date"), "2024-03-05");
	cJSON_Delete(j);
	run_free(&r);

	r = run_foi(NULL, "deadline --from '2024-03-02 10:00' --days 1 --channel in-person --json");
	j = json_of(&r);
	cr_assert_str_eq(jstr(j, "received"), "2024-03-02");
	cr_assert_str_eq(jstr(j, "deadline_date"), "2024-03-04");
	cJSON_Delete(j);
	run_free(&r);
}

Test(calendar_cmd, deadline_on_the_elapsed_clock)
{
	struct foi_run r = run_foi(NULL, "deadline --from '2024-03-08 10:00' --days 1 --clock elapsed --json");
	cJSON *j = json_of(&r);
	cr_assert_str_eq(jstr(j, "deadline_date"), "2024-03-11");
	cr_assert_str_eq(jstr(j, "deadline_at"), "2024-03-11T10:00:00+08:00");
	cr_assert(has_date(cJSON_GetObjectItem(j, "skipped"), "2024-03-09"));
	cJSON_Delete(j);
	run_free(&r);
}

Test(calendar_cmd, elapsed_civil_across_a_weekend)
{
	struct foi_run r = run_foi(NULL, "elapsed --from '2024-03-08 10:00' --to '2024-03-11 16:00' --json");
	cJSON *j = json_of(&r);
	cr_assert_eq(cJSON_GetObjectItem(j, "working_days")->valueint, 1);
	cr_assert_str_eq(jstr(j, "band"), "1");
	cJSON_Delete(j);
	run_free(&r);

	r = run_foi(NULL, "elapsed --from '2024-03-08 10:00' --to '2024-03-12 09:00' --json");
	j = json_of(&r);
	cr_assert_eq(cJSON_GetObjectItem(j, "working_days")->valueint, 2);
	cr_assert_str_eq(jstr(j, "band"), "5");
	cJSON_Delete(j);
	run_free(&r);

	r = run_foi(NULL, "elapsed --from '2024-03-08 10:00' --to '2024-03-18 09:00'");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "took       6 working days") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "band       late") != NULL, "%s", r.out);
	run_free(&r);
}

Test(calendar_cmd, elapsed_clock_across_a_weekend)
{
	struct foi_run r =
		run_foi(NULL, "elapsed --from '2024-03-08 10:00' --to '2024-03-11 09:30' --clock elapsed --json");
	cJSON *j = json_of(&r);
	cr_assert_float_eq(cJSON_GetObjectItem(j, "working_days")->valuedouble, 0.98, 1e-9);
	cr_assert_eq(cJSON_GetObjectItem(j, "working_seconds")->valueint, 84600);
	cr_assert_str_eq(jstr(j, "band"), "1");
	cJSON_Delete(j);
	run_free(&r);

	r = run_foi(NULL, "elapsed --from '2024-03-08 10:00' --to '2024-03-11 10:30' --clock elapsed --json");
	j = json_of(&r);
	cr_assert_str_eq(jstr(j, "band"), "5", "half an hour past Monday 10:00");
	cJSON_Delete(j);
	run_free(&r);
}

Test(calendar_cmd, a_year_without_data_is_an_error_naming_it)
{
	struct foi_run r = run_foi(NULL, "calendar check 2027-01-04");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no holiday arrangement for 2027 (the calendar covers 2023-2026)") != NULL, "%s", r.err);
	cr_assert_str_eq(r.out, "");
	run_free(&r);

	r = run_foi(NULL, "deadline --from '2026-12-20 10:00' --days 20 --json");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "2027") != NULL, "%s", r.err);
	cr_assert_str_eq(r.out, "");
	run_free(&r);

	r = run_foi(NULL, "calendar show 2022");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no holiday arrangement for 2022") != NULL, "%s", r.err);
	run_free(&r);
}

Test(calendar_cmd, a_malformed_calendar_is_refused_with_file_and_line)
{
	char *bad = src_path("tests/fixtures/calendars/no-date.ics");
	struct foi_run r = run_foi(NULL, "deadline --from '2024-03-04 10:00' --days 5 --calendar '%s'", bad);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "no-date.ics:12: event has no date") != NULL, "%s", r.err);
	run_free(&r);
}

Test(calendar_cmd, another_calendar_file_can_be_used)
{
	char *cn = src_path("tests/fixtures/calendars/holiday-cn-2023.ics");
	struct foi_run r = run_foi(NULL, "deadline --from '2023-09-28 10:00' --days 20 --calendar '%s' --json", cn);
	cJSON *j = json_of(&r);
	cr_assert_str_eq(jstr(j, "deadline_date"), "2023-11-01");
	cr_assert_str_eq(jstr(j, "calendar"), "2023");
	cJSON_Delete(j);
	run_free(&r);

	/* That file alone knows nothing of 2024. */
	r = run_foi(NULL, "deadline --from '2023-12-20 10:00' --days 20 --calendar '%s'", cn);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no holiday arrangement for 2024") != NULL, "%s", r.err);
	run_free(&r);
}

/* No workspace needed: run from an empty folder. */
Test(calendar_cmd, works_outside_any_workspace)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("cd '%s' && \"$FOI_BIN\" deadline --from '2024-12-31 16:00' --days 20 --json", dir);
	cJSON *j = json_of(&r);
	cr_assert_str_eq(jstr(j, "deadline_date"), "2025-02-05", "skips 元旦 2025 and the Spring Festival, counts 01-26");
	cJSON_Delete(j);
	run_free(&r);
}

/* The shipped calendar is found through FOI_DATADIR. */
Test(calendar_cmd, shipped_calendar_comes_from_the_data_folder)
{
	char *dir = make_temp_dir();
	char *src = src_path("schedule/holidays/2025.ics");
	struct foi_run r = run_shell("mkdir -p '%s/schedule/holidays' && cp '%s' '%s/schedule/holidays/' && "
				     "FOI_DATADIR='%s' \"$FOI_BIN\" calendar check 2025-10-08 --json",
				     dir, src, dir, dir);
	cJSON *j = json_of(&r);
	cr_assert(cJSON_IsFalse(cJSON_GetObjectItem(j, "working")));
	cJSON_Delete(j);
	run_free(&r);
	r = run_shell("FOI_DATADIR='%s' \"$FOI_BIN\" calendar check 2024-10-08", dir);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no holiday arrangement for 2024 (the calendar covers 2025)") != NULL, "%s", r.err);
	run_free(&r);
}

Test(calendar_cmd, calendar_check_explains_a_day)
{
	struct foi_run r = run_foi(NULL, "calendar check 2023-10-07 --json");
	cJSON *j = json_of(&r);
	cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(j, "working")));
	cr_assert_str_eq(jstr(j, "kind"), "weekend workday");
	cr_assert_str_eq(jstr(j, "notice"), "国办发明电〔2022〕16号");
	cJSON_Delete(j);
	run_free(&r);

	r = run_foi(NULL, "calendar check 2024-02-09");
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "2024-02-09 Friday: working day\n", "除夕 2024 was a working day");
	run_free(&r);

	r = run_foi(NULL, "calendar check 2025-05-31");
	cr_assert(strstr(r.out, "2025-05-31 Saturday: rest day (day off)\n  端午节假期, 国办发明电〔2024〕12号") != NULL,
		  "%s", r.out);
	run_free(&r);

	r = run_foi(NULL, "calendar check 2023-02-30");
	cr_assert_eq(r.status, 2);
	run_free(&r);
}

Test(calendar_cmd, calendar_show_marks_the_grid)
{
	struct foi_run r = run_foi(NULL, "calendar show 2023");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "249 working days, 116 rest days") != NULL, "%s", r.out);
	/* October 2023: days off 1-6 marked *, the weekend workdays 7 and 8 marked +. */
	cr_assert(strstr(r.out, "\n 2* 3* 4* 5* 6* 7+ 8+  ") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "2022-12-31 .. 2023-01-02  元旦假期 (3 days)") != NULL, "%s", r.out);
	run_free(&r);

	for (int y = 2023; y <= 2026; y++) {
		static const int expect[] = {249, 251, 248, 248};
		r = run_foi(NULL, "calendar show %d --json", y);
		cJSON *j = json_of(&r);
		cr_assert_eq(cJSON_GetObjectItem(j, "working_days")->valueint, expect[y - 2023], "%d", y);
		cJSON_Delete(j);
		run_free(&r);
	}
	r = run_foi(NULL, "calendar show 2024 --json");
	cJSON *j = json_of(&r);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "days_off")), 7);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "weekend_workdays")), 8);
	cJSON_Delete(j);
	run_free(&r);
}

Test(calendar_cmd, usage_errors)
{
	const char *lines[] = {
		"deadline --from '2023-09-28 10:00'",
		"deadline --days 20",
		"deadline --from '2023-09-28 10:00' --days twenty",
		"deadline --from '2023-09-28 10:00' --days 20 --channel pigeon",
		"deadline --from '2023-09-28 10:00' --days 20 --clock sundial",
		"elapsed --from '2023-09-28 10:00'",
		"calendar",
		"calendar show",
		"calendar show nineteen",
		"calendar frobnicate 2023",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		struct foi_run r = run_foi(NULL, "%s", lines[i]);
		cr_assert_eq(r.status, 2, "%s: exit %d", lines[i], r.status);
		/* One line saying what is wrong, then where the help is; not the whole help text. */
		cr_assert(strstr(r.err, "try 'foi help ") != NULL && !strstr(r.err, "usage: foi"), "%s: %s", lines[i],
			  r.err);
		run_free(&r);
	}
}
