/* The program's face: help, version, usage errors and their exit codes. */
#include <criterion/criterion.h>
#include <string.h>

#include "tests/unit/run_foi.h"

Test(cli, help_lists_the_commands)
{
	struct foi_run r = run_foi(NULL, "--help");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "usage: foi [-C DIR] [--now 'YYYY-MM-DD HH:MM'] COMMAND"));
	cr_assert(strstr(r.out, "  init ") && strstr(r.out, "  units "));
	cr_assert(strstr(r.out, "exit codes: 0 ok, 1 failure, 2 usage, 3 bad input data"));
	run_free(&r);
}

Test(cli, help_for_one_command)
{
	struct foi_run r = run_foi(NULL, "help units");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "usage: foi units import FILE"), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "help frobnicate");
	cr_assert_eq(r.status, 2);
	run_free(&r);
}

Test(cli, version)
{
	struct foi_run r = run_foi(NULL, "--version");
	cr_assert_eq(r.status, 0);
	cr_assert(strncmp(r.out, "foi ", 4) == 0);
	run_free(&r);
}

Test(cli, unknown_commands_and_options_are_usage_errors)
{
	struct foi_run r = run_foi(NULL, "frobnicate");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "foi: frobnicate: unknown command"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "--frob units list");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "foi: --frob: unknown option") && strstr(r.err, "usage:"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "units list --frob");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "foi: units list: unknown option '--frob'\ntry 'foi help units'\n"), "%s", r.err);
	run_free(&r);
	r = run_shell("\"$FOI_BIN\"");
	cr_assert_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "-C");
	cr_assert_eq(r.status, 2);
	run_free(&r);
}
