/* The clock as a user sees it: `foi now` under --now and FOI_NOW. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/unit/run_foi.h"

Test(clock, now_option_sets_the_time)
{
	struct foi_run r = run_foi(NULL, "--now '2023-09-28 10:00' now");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert_str_eq(r.out, "2023-09-28T10:00:00+08:00 (Asia/Shanghai)\n");
	run_free(&r);
}

Test(clock, environment_sets_the_time)
{
	struct foi_run r = run_foi(NULL, "FOI_NOW='2024-02-09 17:30' $FOI_BIN now --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert_str_eq(r.out, "{\"now\": \"2024-02-09T17:30:00+08:00\", \"zone\": \"Asia/Shanghai\"}\n");
	run_free(&r);
}

Test(clock, option_beats_environment)
{
	struct foi_run r = run_foi(NULL, "FOI_NOW='2024-02-09 17:30' $FOI_BIN --now '2025-01-02 08:05' now");
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "2025-01-02T08:05:00+08:00 (Asia/Shanghai)\n");
	run_free(&r);
}

Test(clock, bad_now_is_a_usage_error)
{
	struct foi_run r = run_foi(NULL, "--now 'tomorrow' now");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "foi: --now: 'tomorrow' is not a real time") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(clock, without_override_it_is_the_system_time)
{
	struct foi_run r = run_foi(NULL, "now --json");
	cr_assert_eq(r.status, 0);
	char today[16];
	time_t t = time(NULL);
	struct tm tm;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	strftime(today, sizeof today, "%Y-%m-%d", localtime_r(&t, &tm));
	cr_assert(strstr(r.out, today) != NULL, "out: %s, today in Shanghai: %s", r.out, today);
	run_free(&r);
}

Test(clock, impossible_or_untidy_times_are_refused)
{
	static const char *const bad[] = {"2023-02-30 10:00", "2023-04-31 09:00", "2023-09-18 10:00garbage",
					  "2023-09-18 10:0", "2023-09-18 24:00", "2023-9-18 10:00"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct foi_run r = run_foi(NULL, "--now '%s' now", bad[i]);
		cr_assert_eq(r.status, 2, "--now '%s' gave %d: %s", bad[i], r.status, r.out);
		run_free(&r);
		r = run_foi(NULL, "FOI_NOW='%s' $FOI_BIN now", bad[i]);
		cr_assert_eq(r.status, 2, "FOI_NOW='%s' gave %d", bad[i], r.status);
		cr_assert(strstr(r.err, "foi: FOI_NOW:"), "%s", r.err);
		run_free(&r);
	}
}

Test(clock, a_folder_is_not_a_time_zone)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	run_free(&r);
	write_file(dir, "foi.ini", "[workspace]\ntimezone = Asia\n");
	r = run_foi(dir, "now");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "foi.ini:2: unknown time zone 'Asia'"), "%s", r.err);
	run_free(&r);
}
