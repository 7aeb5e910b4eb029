/* Edge cases found in review: partial days on the elapsed clock, cut-off bytes in a bad file. */
#include <criterion/criterion.h>
#include <string.h>

#include "tests/unit/run_foi.h"

Test(calendar_edge, the_elapsed_clock_does_not_count_its_start_day_twice)
{
	struct foi_run r = run_foi(NULL, "deadline --from '2024-03-04 10:00' --days 1 --clock elapsed --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"counted\":\t[\"2024-03-05\"]"), "Monday 10:00 + 1 is Tuesday's day alone: %s", r.out);
	cr_assert(strstr(r.out, "\"deadline_at\":\t\"2024-03-05T10:00:00+08:00\""), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "deadline --from '2024-03-04 10:00' --days 1 --clock elapsed --explain");
	cr_assert(strstr(r.out, "passed     1 working day counted"), "%s", r.out);
	cr_assert(strstr(r.out, "2024-03-04 Mon   part"), "%s", r.out);
	run_free(&r);
}

Test(calendar_edge, a_character_cut_off_at_the_end_of_a_bad_file_is_reported_safely)
{
	char *dir = make_temp_dir();
	/* A truncated download: the last line ends inside a four-byte UTF-8 character. */
	char *file = write_file(dir, "cut.ics", "BEGIN:VCALENDAR\nabc\xf0\nEND:VCALENDAR\n");
	struct foi_run r = run_foi(NULL, "calendar check 2024-03-04 --calendar %s", file);
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "cut.ics:2:"), "%s", r.err);
	run_free(&r);
}
