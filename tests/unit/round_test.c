/* Planning a round: complete, reproducible from its seed, inside working hours, editable. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "schedule/plan.h"
#include "templates/template.h"
#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

Test(round, plans_an_application_and_a_question_for_each_of_the_36_units)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	cJSON *doc = round_show_json(dir, "r1");
	int foi = 0, consult = 0;
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		if (strcmp(json_str(q, "kind"), "foi") == 0)
			foi++;
		else
			consult++;
		cr_assert_str_eq(json_str(q, "state"), "planned");
		/* What is sent is stored: an application gives its persona's own reply address, and
		 * nothing in a covert request carries its token. */
		cr_assert(strstr(json_str(q, "body"), json_str(q, "reply_to")) || strcmp(json_str(q, "kind"), "consult") == 0,
			  "FOI body without its reply address: %s", json_str(q, "body"));
		cr_assert_null(strstr(json_str(q, "reply_to"), json_str(q, "token")));
		cr_assert_null(strstr(json_str(q, "body"), json_str(q, "token")));
		cr_assert_null(strstr(json_str(q, "subject"), json_str(q, "token")));
		cr_assert(strstr(json_str(q, "body"), "{{") == NULL, "unrendered placeholder in %s", json_str(q, "body"));
	}
	cr_assert_eq(foi, 36);
	cr_assert_eq(consult, 36);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "draws")), 5, "one draw per county-level unit");
	cJSON_Delete(doc);
}

Test(round, the_same_seed_gives_the_same_plan_in_a_fresh_workspace)
{
	char *a = round_workspace(), *b = round_workspace(), *c = round_workspace();
	round_create_ok(a, "r1 --seed 7 --start 2023-09-18");
	round_create_ok(b, "r1 --seed 7 --start 2023-09-18");
	round_create_ok(c, "r1 --seed 8 --start 2023-09-18");
	cJSON *da = round_show_json(a, "r1"), *db = round_show_json(b, "r1"), *dc = round_show_json(c, "r1");
	char *fa = round_fingerprint(da), *fb = round_fingerprint(db), *fc = round_fingerprint(dc);
	cr_assert_str_eq(fa, fb);
	cr_assert_str_neq(fa, fc, "seeds 7 and 8 gave the same plan");
	/* Tokens are unguessable: never the same twice. */
	cr_assert_str_neq(json_str(cJSON_GetArrayItem(cJSON_GetObjectItem(da, "requests"), 0), "token"),
			  json_str(cJSON_GetArrayItem(cJSON_GetObjectItem(db, "requests"), 0), "token"));
	free(fa);
	free(fb);
	free(fc);
	cJSON_Delete(da);
	cJSON_Delete(db);
	cJSON_Delete(dc);
}

static struct sched_calendar *shipped_calendar(void)
{
	struct sched_calendar *cal = calendar_new();
	char err[1024];
	static const char *const years[] = {"2023", "2024", "2025", "2026"};
	for (int i = 0; i < 4; i++) {
		char rel[64];
		snprintf(rel, sizeof rel, "schedule/holidays/%s.ics", years[i]);
		cr_assert_eq(calendar_load_ics_file(cal, src_path(rel), NULL, err, sizeof err), 0, "%s", err);
	}
	cr_assert_eq(calendar_build(cal, err, sizeof err), 0, "%s", err);
	return cal;
}

Test(round, every_send_time_is_in_working_hours_on_a_working_day)
{
	char *dir = round_workspace();
	/* Across the National Day break of 2023 and its weekend workdays. */
	round_create_ok(dir, "r1 --seed 3 --start 2023-09-25 --spread 20");
	cJSON *doc = round_show_json(dir, "r1");
	struct sched_calendar *cal = shipped_calendar();
	const cJSON *q;
	int saw_makeup_day = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		int y, m, d, h, mi;
		cr_assert_eq(sscanf(json_str(q, "send_at"), "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &h, &mi), 5);
		cr_assert(strstr(json_str(q, "send_at"), "+08:00") != NULL);
		sched_day day = day_from_ymd(y, m, d);
		cr_assert_eq(calendar_is_working(cal, day), 1, "%s is not a working day", json_str(q, "send_at"));
		cr_assert(h * 60 + mi >= 9 * 60 && h * 60 + mi < 17 * 60, "%s is outside 09:00-17:00", json_str(q, "send_at"));
		cr_assert(day >= day_from_ymd(2023, 9, 25) && day < day_from_ymd(2023, 10, 15));
		if (day == day_from_ymd(2023, 10, 7) || day == day_from_ymd(2023, 10, 8))
			saw_makeup_day = 1;
	}
	cr_assert(saw_makeup_day, "the spread covers the weekend workdays 10-07 and 10-08 and uses them");
	calendar_free(cal);
	cJSON_Delete(doc);
}

Test(round, county_targets_are_drawn_from_their_own_departments_and_departments_get_their_domain)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 11 --start 2023-09-18");
	cJSON *doc = round_show_json(dir, "r1");
	const cJSON *d;
	cJSON_ArrayForEach(d, cJSON_GetObjectItem(doc, "draws")) {
		const char *county = json_str(d, "county"), *target = json_str(d, "target");
		cr_assert(strncmp(target, county, strlen(county)) == 0 && target[strlen(county)] == '-',
			  "%s drew %s", county, target);
		cr_assert(strstr(json_str(d, "pool"), target) != NULL);
	}
	struct template_set set;
	char err[1024];
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, src_path("templates"), err, sizeof err), 0, "%s", err);
	const cJSON *q;
	int seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		if (strcmp(json_str(q, "unit"), "D02") == 0 && strcmp(json_str(q, "kind"), "foi") == 0) {
			seen++;
			const struct template *t = template_set_find(&set, json_str(q, "template"));
			cr_assert_not_null(t);
			cr_assert_str_eq(t->domain, "education", "the education bureau gets an education request");
		}
		if (strcmp(json_str(q, "unit"), "D09") == 0 && strcmp(json_str(q, "kind"), "foi") == 0) {
			const struct template *t = template_set_find(&set, json_str(q, "template"));
			cr_assert(plan_domains_include("budget procurement", t->domain), "finance got %s", t->domain);
			seen++;
		}
		/* A unit without an FOI form is written to by e-mail. */
		if (strcmp(json_str(q, "target"), "D05") == 0 && strcmp(json_str(q, "kind"), "foi") == 0) {
			cr_assert_str_eq(json_str(q, "channel"), "email");
			cr_assert_str_eq(json_str(q, "address"), "d05@units.foi.test");
			seen++;
		}
	}
	cr_assert_eq(seen, 3, "the plan lacks D02's, D09's or D05's FOI request");
	template_set_free(&set);
	cJSON_Delete(doc);
}

Test(round, edits_are_checked_applied_and_recorded)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	struct foi_run r = run_foi(dir, "round edit r1 --unit D02 --kind foi --template foi-budget --at '2023-09-19 10:30' --persona li");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "D02 foi: template") && strstr(r.out, "-> template foi-budget, persona li, send 2023-09-19T10:30:00+08:00"), "%s", r.out);
	run_free(&r);

	cJSON *doc = round_show_json(dir, "r1");
	const cJSON *q;
	int seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		if (strcmp(json_str(q, "unit"), "D02") || strcmp(json_str(q, "kind"), "foi"))
			continue;
		seen++;
		cr_assert_str_eq(json_str(q, "template"), "foi-budget");
		cr_assert(strstr(json_str(q, "body"), "李明华") != NULL, "re-rendered as the new persona");
		cr_assert(strstr(json_str(q, "body"), "2023年9月19日") != NULL, "re-rendered with the new date");
	}
	cr_assert_eq(seen, 1);
	cJSON_Delete(doc);

	/* A rest day, a time outside working hours, an unknown template: refused, nothing changed. */
	r = run_foi(dir, "round edit r1 --unit D02 --kind foi --at '2023-09-23 10:00'");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "2023-09-23 is not a working day"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round edit r1 --unit D02 --kind foi --at '2023-09-19 18:00'");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "outside the working hours 09:00-17:00"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round edit r1 --unit D02 --kind foi --template consult-legal-aid");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "no foi template with id 'consult-legal-aid'"), "%s", r.err);
	run_free(&r);

	r = run_foi(dir, "round drop r1 --unit D31");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "round list --json");
	cJSON *list = cJSON_Parse(r.out);
	run_free(&r);
	cJSON *first = cJSON_GetArrayItem(list, 0);
	cr_assert_eq(cJSON_GetObjectItem(first, "requests")->valueint, 70);
	cr_assert_eq(cJSON_GetObjectItem(first, "edits")->valueint, 3, "one change and two drops recorded");
	cJSON_Delete(list);
}

Test(round, a_template_needing_a_missing_persona_field_stores_nothing)
{
	char *dir = round_workspace();
	write_file(dir, "foi.ini", "[persona.a]\nname = 张三\nid_type = 居民身份证\nid_number = 421302199001011234\n"
				   "address = 随州市\npostcode = 441300\nemail = zhangsan@foi.test\n");
	round_create_refused(dir, "r1 --seed 1 --start 2023-09-18 --kinds foi", 3, "persona field 'phone' is empty");
}

Test(round, names_and_spreads_are_checked)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 1 --start 2023-09-18");
	struct foi_run r = run_foi(dir, "round create r1 --seed 1");
	cr_assert_eq(r.status, 3, "a name the data already holds is refused as bad data");
	cr_assert(strstr(r.err, "a round named 'r1' exists already"), "%s", r.err);
	run_free(&r);
	/* Only rest days in the spread. */
	r = run_foi(dir, "round create r2 --start 2023-10-01 --spread 5");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "no working day in the 5 days from 2023-10-01"), "%s", r.err);
	run_free(&r);
	/* A year the calendar has no data for. */
	r = run_foi(dir, "round create r3 --start 2027-03-01");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "2027"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round create r4 --kinds foi,letters");
	cr_assert_eq(r.status, 2);
	run_free(&r);
}

Test(round, dropping_a_unit_is_one_step)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --kinds foi --start 2023-09-18");
	/* A round of applications only: the unit's one request goes, and that is a success. */
	struct foi_run r = run_foi(dir, "round drop r1 --unit D31");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "dropped the foi request for D31"), "%s", r.out);
	run_free(&r);
	/* Again: nothing left to drop, an error, and nothing else changes. */
	r = run_foi(dir, "round drop r1 --unit D31");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "round r1 has no request for unit D31"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round list --json");
	cJSON *list = cJSON_Parse(r.out);
	run_free(&r);
	cr_assert_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "requests")->valueint, 35);
	cr_assert_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "edits")->valueint, 1);
	cJSON_Delete(list);
}
