/*
 * `foi round send` and `foi request` without a mail server: the dry run, the requests that wait
 * for their time, a form whose site cannot be reached, and the command-line mistakes a user can make.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"

static const struct send_server nowhere = {.host = "127.0.0.1", .port = 9, .tls = "required", .ca_file = "",
					   .user = "", .password = ""};

static char *plain_workspace(void)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	return dir;
}

Test(send_cli, a_dry_run_lists_what_would_go_where_and_changes_nothing)
{
	char *dir = send_workspace(&nowhere);
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-09-19 12:00' round send r --dry-run --kind foi");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "(dry run: nothing sent) round r:"), "%s", r.out);
	cJSON *plan = send_plan(dir, "r");
	int due_foi = 0;
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		cr_assert_str_eq(send_field(q, "state"), "planned");
		cr_assert_str_eq(send_field(q, "message_id"), "");
		if (strcmp(send_field(q, "kind"), "foi") == 0 && strcmp(send_field(q, "send_at"), "2023-09-19T12:00:00+08:00") <= 0) {
			due_foi++;
			char line[256];
			snprintf(line, sizeof line, "%-8s %-7s %-6s %-36s", send_field(q, "unit"), "foi", "email", send_field(q, "address"));
			cr_assert(strstr(r.out, line), "the dry run lists %s:\n%s", line, r.out);
		}
	}
	cr_assert_gt(due_foi, 0);
	int listed = 0;
	for (const char *p = r.out; (p = strstr(p, " send\n")) != NULL; p++)
		listed++;
	cr_assert_eq(listed, due_foi, "only the due FOI requests:\n%s", r.out);
	cJSON_Delete(plan);
	run_free(&r);
}

Test(send_cli, an_unreachable_form_fails_with_evidence_and_nothing_due_touches_no_server)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* The units' sites on a port where nothing listens. */
	r = run_shell("cd '%s' && sed -i 's|127.0.0.1:18480|127.0.0.1:9|g' units.csv", dir);
	run_free(&r);
	r = run_foi(dir, "units import %s/units.csv", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* Before the first send time nothing is due: the run needs no server at all. */
	r = run_foi(dir, "--now '2023-09-18 08:30' round send r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "not yet due", 72), "%s", r.out);
	run_free(&r);
	/* The unit's two web requests, due: each fails, saying that nothing reached the site. */
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r --unit C01");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "failed", 2), "%s", r.out);
	cr_assert(strstr(r.out, "the form page could not be fetched: http://127.0.0.1:9/C01"), "%s", r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "r");
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (!strcmp(send_field(q, "unit"), "C01"))
			cr_assert_str_eq(send_field(q, "state"), "failed");
	cJSON_Delete(plan);
}

Test(send_cli, mistakes_on_the_command_line)
{
	char *dir = plain_workspace();
	struct {
		const char *args;
		int status;
		const char *says;
	} cases[] = {
		{"round send", 2, "needs the round's NAME"},
		{"round send nope", 3, "no round named 'nope'"},
		{"round log nope", 3, "no round named 'nope'"},
		{"round send r --kind both", 2, "--kind takes foi or consult"},
		{"round send r --limit 0", 2, "--limit: '0' is not a whole number from 1"},
		{"round send r --retry all", 2, "--retry takes 'failed'"},
		{"round send r --frobnicate", 2, "unknown option '--frobnicate'"},
		{"round log", 2, "needs the round's NAME"},
		{"request", 2, "missing subcommand (resend, mark-sent)"},
		{"request resend", 2, "needs the request's ID"},
		{"request resend x1", 2, "ID: 'x1' is not a whole number"},
		{"request resend 999", 3, "no request 999"},
		{"request resend 1", 3, "request 1 is planned, not unknown"},
		{"request mark-sent 1", 2, "needs --confirmation"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct foi_run r = run_foi(dir, "%s", cases[i].args);
		cr_expect_eq(r.status, cases[i].status, "%s: exit %d, %s", cases[i].args, r.status, r.err);
		cr_expect(strstr(r.err, cases[i].says), "%s: %s", cases[i].args, r.err);
		run_free(&r);
	}
}

Test(send_cli, an_edit_log_lists_changes_before_and_after)
{
	char *dir = plain_workspace();
	struct foi_run r = run_foi(dir, "round log r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "round r: no edits"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "round edit r --unit C03 --kind consult --at '2023-09-20 10:07'");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round log r");
	cr_assert(strstr(r.out, "C03    consult") && strstr(r.out, "after:") && strstr(r.out, "2023-09-20T10:07"), "%s", r.out);
	run_free(&r);
}

Test(send_cli, a_planned_request_follows_its_unit_to_a_new_channel_and_the_log_shows_it)
{
	char *dir = plain_workspace();
	/* D06 takes its FOI form down: its FOI application now goes by e-mail. */
	struct foi_run r = run_shell("cd '%s' && sed 's|^\\(D06,.*\\),http://127.0.0.1:18480/D06/foi,|\\1,,|' units.csv >moved.csv "
				     "&& grep -c '^D06,[^,]*,department,,[^,]*,,http' moved.csv", dir);
	cr_assert_eq(r.status, 0, "D06's form removed: %s", r.out);
	run_free(&r);
	r = run_foi(dir, "units import %s/moved.csv", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 planned request(s) now go by their unit's new channel"), "%s", r.out);
	run_free(&r);
	cJSON *plan = send_plan(dir, "r");
	const cJSON *q;
	int seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (strcmp(send_field(q, "target"), "D06") == 0 && strcmp(send_field(q, "kind"), "foi") == 0) {
			seen = 1;
			cr_assert_str_eq(send_field(q, "channel"), "email");
			cr_assert_str_eq(send_field(q, "address"), "d06@units.foi.test");
			cr_assert_str_eq(send_field(q, "state"), "planned");
		}
	cr_assert(seen, "D06's FOI request is in the plan");
	cJSON_Delete(plan);
	r = run_foi(dir, "round log r");
	cr_assert(strstr(r.out, "unit D06 changed its channel (units import)") &&
		  strstr(r.out, "before: web http://127.0.0.1:18480/D06/foi") && strstr(r.out, "after:  email d06@units.foi.test"),
		  "%s", r.out);
	run_free(&r);
	/* The same file again changes no request. */
	r = run_foi(dir, "units import %s/moved.csv", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_null(strstr(r.out, "planned request"), "%s", r.out);
	run_free(&r);
}

Test(send_cli, requests_to_one_host_keep_the_gap_the_settings_ask_for)
{
	struct fake_smtp f;
	fake_smtp_start(&f, FAKE_SMTP_NO_STARTTLS);
	struct send_server srv = {.host = "127.0.0.1", .port = f.port, .tls = "off", .ca_file = "", .user = "",
				  .password = "", .host_gap_seconds = 1};
	char *dir = send_workspace(&srv);
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r --limit 3");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "sent", 3), "%s", r.out);
	cr_assert(summary_says(r.out, "held back by --limit", 69), "%s", r.out);
	run_free(&r);
	/* Every unit's mail goes to units.foi.test: three requests need two gaps of a second. */
	double took = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_geq(took, 2.0, "three mails to one host in %.2f s", took);
	cr_assert_eq(fake_smtp_messages(&f), 3);
	fake_smtp_stop(&f);
}
