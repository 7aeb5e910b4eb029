/* Settings errors name the file and line; passwords can come from the environment. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness/settings.h"
#include "tests/unit/run_foi.h"

static char *ini_path;

static int load(const char *text, struct settings *s, char *err, size_t errsz)
{
	char *dir = make_temp_dir();
	ini_path = write_file(dir, "foi.ini", text);
	int insecure;
	settings_defaults(s);
	return settings_load(ini_path, s, &insecure, err, errsz);
}

static void expect_error(const char *text, int line, const char *words)
{
	struct settings s;
	char err[1024], want[4200];
	cr_assert_eq(load(text, &s, err, sizeof err), -1, "accepted: %s", text);
	snprintf(want, sizeof want, "%s:%d: ", ini_path, line);
	cr_assert(strncmp(err, want, strlen(want)) == 0, "error '%s' does not start with '%s'", err, want);
	cr_assert(strstr(err, words) != NULL, "error '%s' does not say '%s'", err, words);
}

Test(settings, the_example_file_is_valid_and_documents_every_default)
{
	struct settings s, defaults;
	char err[1024];
	int insecure;
	char *path = src_path("config.example.ini");
	settings_defaults(&s);
	cr_assert_eq(settings_load(path, &s, &insecure, err, sizeof err), 0, "%s", err);
	settings_defaults(&defaults);
	cr_assert_eq(s.persona_count, 3);
	cr_assert_str_eq(s.personas[0].name, "李明华");
	cr_assert_str_eq(s.personas[1].postcode, "432700");
	/* Covert by default: every persona of the example has its own reply address. */
	cr_assert_eq(s.reply_mode, REPLY_PERSONA);
	cr_assert_str_eq(s.personas[2].email, "zhaojg1978@foi.test");
	/* Apart from its personas, the example states every default: nothing differs. */
	memset(s.personas, 0, sizeof s.personas);
	s.persona_count = 0;
	cr_assert(memcmp(&s, &defaults, sizeof s) == 0, "config.example.ini and settings_defaults() disagree");
}

Test(settings, unknown_section_names_file_and_line)
{
	expect_error("[time]\nconsult_clock = civil\n\n[mial]\nsmtp_host = x\n", 4, "unknown section [mial]");
}

Test(settings, unknown_key_names_file_and_line)
{
	expect_error("; comment\n[time]\nreceipt_on_restday = same_day\n", 3, "unknown key 'receipt_on_restday' in [time]");
}

Test(settings, bad_values_name_file_and_line)
{
	expect_error("[time]\nreceipt_on_rest_day = tomorrow\n", 2, "'tomorrow' is not allowed for receipt_on_rest_day");
	expect_error("[mail]\nsmtp_port = 70000\n", 2, "'70000' is not a valid number for smtp_port");
	expect_error("[mail]\n\nsmtp_port = 25x\n", 3, "smtp_port");
	expect_error("[time]\noffice_hours_cutoff = 5pm\n", 2, "not a time of day HH:MM");
	expect_error("[workspace]\ntimezone = Mars/Olympus\n", 2, "unknown time zone 'Mars/Olympus'");
	expect_error("[mail]\ntoken_address = evaluator\n", 2, "not an e-mail address");
	expect_error("[mail]\n\nreply_mode = covert\n", 3, "'covert' is not allowed for reply_mode");
	expect_error("[persona.a]\nname = 甲\nshoe_size = 42\n", 3, "unknown key 'shoe_size'");
	expect_error("[time]\nthis line has no equals sign\n", 2, "not a valid line");
}

Test(settings, a_section_without_keys_is_still_checked)
{
	expect_error("[time]\nconsult_clock = civil\n[mial]\n", 3, "unknown section [mial]");
}

Test(settings, the_token_delimiter_must_separate)
{
	expect_error("[mail]\ntoken_delimiter =\n", 2, "cannot separate a token");
	expect_error("[mail]\ntoken_delimiter = x\n", 2, "cannot separate a token");
	expect_error("[mail]\ntoken_delimiter = @\n", 2, "cannot separate a token");
}

Test(settings, working_hours_out_of_order_name_the_line)
{
	expect_error("[time]\nwork_start = 09:00\nwork_end = 08:00\n", 3, "work_start must be before work_end");
}

Test(settings, an_empty_send_window_names_the_line)
{
	/* A window that opens and closes at the same minute holds no send time at all. */
	expect_error("[time]\nwork_start = 10:30\nwork_end = 10:30\n", 3, "work_start must be before work_end");
	expect_error("; the day starts at 09:00 by default\n[time]\nwork_end = 09:00\n", 3, "work_start must be before work_end");
	/* One minute is a window. */
	struct settings s;
	char err[1024];
	cr_assert_eq(load("[time]\nwork_start = 10:30\nwork_end = 10:31\n", &s, err, sizeof err), 0, "%s", err);
}

Test(settings, a_workspace_with_an_empty_send_window_plans_nothing)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	run_free(&r);
	write_file(dir, "foi.ini", "[time]\nwork_start = 09:00\nwork_end = 09:00\n");
	r = run_foi(dir, "round create r1 --seed 1 --start 2023-09-18");
	cr_assert_eq(r.status, 3, "stderr: %s", r.err);
	cr_assert(strstr(r.err, "foi.ini:3: [time] work_start must be before work_end") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(settings, a_persona_without_a_name_is_named)
{
	expect_error("[time]\nconsult_clock = civil\n[persona.x]\nphone = 123\n", 4, "[persona.x] has no name");
}

Test(settings, values_are_read)
{
	struct settings s;
	char err[1024];
	cr_assert_eq(load("[time]\nreceipt_on_rest_day = same_day\noffice_hours_cutoff = 17:30 ; after office hours\n"
			  "consult_clock = elapsed\n[mail]\nsmtp_tls = off\n", &s, err, sizeof err), 0, "%s", err);
	cr_assert_eq(s.receipt_on_rest_day, RECEIPT_SAME_DAY);
	cr_assert_eq(s.office_hours_cutoff, 17 * 60 + 30);
	cr_assert_eq(s.consult_clock, CONSULT_CLOCK_ELAPSED);
	cr_assert_eq(s.smtp_tls, TLS_OFF);
}

Test(settings, reply_on_rest_day_and_the_reviewer)
{
	struct settings s;
	char err[1024];
	cr_assert_eq(load("", &s, err, sizeof err), 0, "%s", err);
	cr_assert_eq(s.reply_on_rest_day, REPLY_REST_NEXT_DAY, "the strict reading is the default");
	cr_assert_eq(load("[time]\nreply_on_rest_day = as_of_last_working_day\n[review]\nreviewer = 李审核\n", &s, err,
			  sizeof err),
		     0, "%s", err);
	cr_assert_eq(s.reply_on_rest_day, REPLY_REST_AS_OF_LAST);
	cr_assert_str_eq(s.reviewer, "李审核");
	expect_error("[time]\nconsult_clock = civil\nreply_on_rest_day = networkdays\n", 3,
		     "'networkdays' is not allowed for reply_on_rest_day");
}

Test(settings, passwords_come_from_the_environment)
{
	struct settings s;
	char err[1024];
	setenv("FOI_SMTP_PASSWORD", "from-env", 1);
	cr_assert_eq(load("[mail]\nsmtp_user = ev\n", &s, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(s.smtp_password, "from-env");
	cr_assert_eq(s.file_has_password, 0);
	unsetenv("FOI_SMTP_PASSWORD");
}

Test(settings, a_readable_file_with_a_password_warns_and_the_password_stays_secret)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	char *ini = write_file(dir, "foi.ini", "[mail]\nsmtp_password = s3cret-Value\n");
	chmod(ini, 0644);
	r = run_foi(dir, "units list --evaluated");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.err, "foi: warning:") && strstr(r.err, "holds a password and is readable by others"),
		  "stderr: %s", r.err);
	cr_assert(strstr(r.err, "s3cret") == NULL && strstr(r.out, "s3cret") == NULL);
	run_free(&r);

	chmod(ini, 0600);
	r = run_foi(dir, "units list --evaluated");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.err, "warning") == NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(settings, a_bad_workspace_file_fails_commands_with_exit_3)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	run_free(&r);
	write_file(dir, "foi.ini", "[time]\nconsult_clock = sometimes\n");
	r = run_foi(dir, "units list");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "foi.ini:2: 'sometimes' is not allowed for consult_clock") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(settings, the_old_reply_address_key_says_what_replaced_it)
{
	expect_error("[mail]\nreply_address = evaluator@foi.test\n", 2, "'reply_address' is now 'reply_mode = persona'");
}

Test(settings, in_persona_mode_each_persona_needs_an_address_of_its_own)
{
	/* The default mode: a persona without an address could only reply through a shared one. */
	expect_error("[persona.a]\nname = 甲\nemail = jia@foi.test\n\n[persona.b]\nname = 乙\n", 6,
		     "[persona.b] has no email: with [mail] reply_mode = persona (the default)");
	expect_error("[mail]\nreply_mode = persona\n[persona.a]\nname = 甲\nemail = jia@foi.test\n[persona.b]\nname = 乙\n"
		     "email = Jia@foi.test\n", 8, "[persona.b] has the email of [persona.a]");
	/* Token mode: the tokened address serves a persona without one. */
	struct settings s;
	char err[1024];
	cr_assert_eq(load("[mail]\nreply_mode = token\ntoken_address = ping@eval.test\n[persona.b]\nname = 乙\n", &s, err,
			  sizeof err), 0, "%s", err);
	cr_assert_eq(s.reply_mode, REPLY_TOKEN);
	cr_assert_str_eq(s.token_address, "ping@eval.test");
}
