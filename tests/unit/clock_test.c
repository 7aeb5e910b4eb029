/* The clock as a user sees it: `foi now` under --now and FOI_NOW. */
#include <criterion/criterion.h>
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
	cr_assert(strstr(r.err, "foi: --now: 'tomorrow' is not a time") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(clock, without_override_it_is_the_system_time)
{
	struct foi_run r = run_foi(NULL, "now --json");
	cr_assert_eq(r.status, 0);
	char year[8];
	time_t t = time(NULL);
	strftime(year, sizeof year, "%Y", gmtime(&t));
	cr_assert(strstr(r.out, year) != NULL, "out: %s", r.out);
	run_free(&r);
}
