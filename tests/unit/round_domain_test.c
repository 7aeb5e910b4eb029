/*
 * Rounds keep every unit to its own field: across twenty seeds no unit of the shipped file is
 * sent a template outside its domains; when a unit has none, `round create` says so (or is
 * told to accept it) and `round show` marks it; a workspace's own templates are the same set
 * for list, show and create; `templates coverage` counts what fits each unit.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "templates/template.h"
#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

/* The shipped units file, read plainly: code -> "level domains". */
struct unit_row {
	char code[16], level[16], domains[128];
};

static size_t read_units(struct unit_row *rows, size_t max)
{
	char *text = read_file(src_path("harness/data/units.csv"));
	size_t n = 0;
	char *save = NULL;
	strtok_r(text, "\n", &save); /* the header */
	for (char *line = strtok_r(NULL, "\n", &save); line && n < max; line = strtok_r(NULL, "\n", &save)) {
		char *col[9] = {0};
		int c = 0;
		for (char *p = line; c < 9; c++) {
			col[c] = p;
			char *comma = strchr(p, ',');
			if (!comma)
				break;
			*comma = '\0';
			p = comma + 1;
		}
		cr_assert_eq(c, 8, "a units line with %d columns", c + 1);
		snprintf(rows[n].code, sizeof rows[n].code, "%s", col[0]);
		snprintf(rows[n].level, sizeof rows[n].level, "%s", col[2]);
		snprintf(rows[n].domains, sizeof rows[n].domains, " %s ", col[8]);
		n++;
	}
	free(text);
	return n;
}

static const struct unit_row *find_unit(const struct unit_row *rows, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	cr_assert_fail("no unit %s in the units file", code);
	return NULL;
}

Test(round_domain, twenty_seeds_send_no_unit_a_template_outside_its_domains, .timeout = 240)
{
	struct unit_row units[64];
	size_t nunits = read_units(units, 64);
	cr_assert_eq(nunits, 51, "the shipped file: 36 units and 15 county-level departments");
	struct template_set set;
	char err[1024];
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, src_path("templates"), err, sizeof err), 0, "%s", err);

	for (int seed = 1; seed <= 20; seed++) {
		/* A workspace per round: one round's open requests take personas from the next. */
		char *dir = round_workspace();
		struct foi_run r = run_foi(dir, "--now '2026-09-01 08:00' round create s%d --seed %d --start 2026-09-07",
					   seed, seed);
		cr_assert_eq(r.status, 0, "seed %d: %s", seed, r.err);
		cr_assert_null(strstr(r.err, "no foi template") ? strstr(r.err, "no foi template") : strstr(r.err, "no consult template"),
			       "seed %d warns: %s", seed, r.err);
		run_free(&r);
		char name[16];
		snprintf(name, sizeof name, "s%d", seed);
		cJSON *doc = round_show_json(dir, name);
		int requests = 0;
		const cJSON *q;
		cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
			const struct unit_row *target = find_unit(units, nunits, json_str(q, "target"));
			const struct template *t = template_set_find(&set, json_str(q, "template"));
			cr_assert_not_null(t, "seed %d: unknown template %s", seed, json_str(q, "template"));
			char code[64];
			snprintf(code, sizeof code, " %s ", t->domain);
			/* A county-level government answers for all its county's affairs. */
			cr_assert(strcmp(target->level, "county") == 0 || strstr(target->domains, code),
				  "seed %d: %s (%s) got %s of domain %s", seed, target->code, target->domains, t->id, t->domain);
			cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(q, "in_domain")), "seed %d: %s marked", seed, target->code);
			requests++;
		}
		cr_assert_eq(requests, 72, "seed %d: one application and one question for each of the 36 units", seed);
		cJSON_Delete(doc);
	}
	template_set_free(&set);

}

/* Two departments; the second answers for the government's own work, which no shipped question concerns. */
static const char office_units[] =
	"code,name,level,parent,guide_url,foi_form_url,consult_form_url,email,domain\n"
	"D01,随州市发改委,department,,http://127.0.0.1:18480/D01/guide.html,http://127.0.0.1:18480/D01/foi,"
	"http://127.0.0.1:18480/D01/consult,d01@units.foi.test,planning projects\n"
	"D40,随州市人民政府办公室,department,,http://127.0.0.1:18480/D40/guide.html,http://127.0.0.1:18480/D40/foi,"
	"http://127.0.0.1:18480/D40/consult,d40@units.foi.test,government\n";

static char *office_workspace(void)
{
	char *dir = round_workspace();
	char *file = write_file(dir, "office-units.csv", office_units);
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);

	return dir;
}

Test(round_domain, a_unit_with_no_template_of_its_domain_is_warned_about_and_marked)
{
	char *dir = office_workspace();
	struct foi_run r = run_foi(dir, "--now '2026-09-01 08:00' round create r1 --kinds consult --seed 4 --start 2026-09-07");
	cr_assert_eq(r.status, 0, "the round is planned, the evaluator decides: %s", r.err);
	cr_assert(strstr(r.err, "foi: warning: round r1: unit D40: no consult template of D40's domains (government); planned consult-"),
		  "%s", r.err);
	cr_assert(strstr(r.err, "'foi round edit r1 --unit D40 --kind consult --template ID'"), "%s", r.err);
	cr_assert_null(strstr(r.err, "unit D01"), "D01 has questions of its own: %s", r.err);
	run_free(&r);

	r = run_foi(dir, "round show r1");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "  OTHER-DOMAIN\n"), "%s", r.out);
	cr_assert(strstr(r.out, "1 marked OTHER-DOMAIN"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "round show r1 --unit D40");
	cr_assert(strstr(r.out, "OTHER-DOMAIN: template consult-"), "%s", r.out);
	cr_assert(strstr(r.out, "is outside D40's domains (government)"), "%s", r.out);
	run_free(&r);

	cJSON *doc = round_show_json(dir, "r1");
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests"))
		cr_assert_eq(cJSON_IsTrue(cJSON_GetObjectItem(q, "in_domain")), strcmp(json_str(q, "unit"), "D01") == 0, "%s",
			     json_str(q, "unit"));
	cJSON_Delete(doc);

	/* Accepted for the round: no warning, still marked where it is shown. */
	r = run_foi(dir, "--now '2026-09-01 08:00' round create r2 --kinds consult --seed 4 --start 2026-09-07 "
			 "--allow-other-domain");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	run_free(&r);
	r = run_foi(dir, "round show r2");
	cr_assert(strstr(r.out, "1 marked OTHER-DOMAIN"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "round create r3 --allow-other-domain --unit D01");
	cr_assert_eq(r.status, 2, "--unit is not an option of create: %s", r.err);
	run_free(&r);

}

static const char office_question[] =
	"id: consult-office-hours\n"
	"kind: consult\n"
	"title: 政务服务中心周末开不开门\n"
	"domain: government\n"
	"subject: 政务服务中心周六上不上班\n"
	"keypoint: 周六 | 星期六\n"
	"reference: 市民之家政务服务中心周六上午提供延时服务。\n"
	"valid_from: 2023-01-01\n"
	"valid_until: %s\n"
	"note: 依据：工作机构自拟，测试用。\n"
	"\n"
	"平时上班没空，请问{{unit.name}}的政务服务中心周六开不开门？\n";

static const char own_budget[] =
	"id: foi-budget\n"
	"kind: foi\n"
	"title: 本工作区的部门预算申请\n"
	"domain: budget\n"
	"expected_reply: 1\n"
	"subject: 申请公开{{year.budget}}年部门预算（工作区版）\n"
	"\n"
	"{{unit.name}}：本人{{persona.name}}（{{persona.id_number}}）申请公开{{year.budget}}年部门预算，"
	"请以电子邮件发送至{{reply_to}}。\n";

static void add_workspace_templates(const char *dir, const char *until)
{
	char path[1024], text[2048];
	snprintf(path, sizeof path, "%s/templates", dir);
	cr_assert_eq(mkdir(path, 0755), 0);
	write_file(path, "own-budget.tpl", own_budget);
	snprintf(text, sizeof text, office_question, until);
	write_file(path, "office-hours.tpl", text);
}

Test(round_domain, workspace_templates_are_one_set_for_list_show_and_create)
{
	char *dir = office_workspace();
	add_workspace_templates(dir, "2027-12-31");

	struct foi_run r = run_foi(dir, "templates list");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\nfoi-budget ") && strstr(r.out, " workspace 本工作区的部门预算申请 (replaces the shipped one)\n"),
		  "%s", r.out);
	cr_assert(strstr(r.out, " workspace 政务服务中心周末开不开门\n"), "%s", r.out);
	cr_assert(strstr(r.out, " shipped   "), "the shipped ones are still there: %s", r.out);
	run_free(&r);

	r = run_foi(dir, "templates list --json");
	cJSON *arr = cJSON_Parse(r.out);
	int budgets = 0;
	const cJSON *t;
	cJSON_ArrayForEach(t, arr)
		if (strcmp(json_str(t, "id"), "foi-budget") == 0) {
			budgets++;
			cr_assert_str_eq(json_str(t, "source"), "workspace (replaces shipped)");
		}
	cr_assert_eq(budgets, 1, "one foi-budget, the workspace's");
	cJSON_Delete(arr);
	run_free(&r);

	r = run_foi(dir, "--now '2026-09-01 08:00' templates show consult-office-hours");
	cr_assert_eq(r.status, 0, "show sees the workspace's template: %s", r.err);
	cr_assert(strstr(r.out, "valid:    2023-01-01 to 2027-12-31"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "--now '2026-09-01 08:00' templates show foi-budget");
	cr_assert(strstr(r.out, "Subject: 申请公开2026年部门预算（工作区版）\n"), "%s", r.out);
	run_free(&r);

	/* Outside the workspace only the shipped set is seen. */
	r = run_foi(NULL, "templates show consult-office-hours");
	cr_assert_eq(r.status, 1, "%s", r.out);
	run_free(&r);

	r = run_foi(dir, "--now '2026-09-01 08:00' round create r1 --seed 9 --start 2026-09-07");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "", "the workspace's question fits the office: no warning");
	run_free(&r);
	cJSON *doc = round_show_json(dir, "r1");
	const cJSON *q;
	int office_question_seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests"))
		if (strcmp(json_str(q, "unit"), "D40") == 0 && strcmp(json_str(q, "kind"), "consult") == 0) {
			cr_assert_str_eq(json_str(q, "template"), "consult-office-hours");
			cr_assert(strstr(json_str(q, "body"), "随州市人民政府办公室的政务服务中心"), "%s", json_str(q, "body"));
			office_question_seen = 1;
		}
	cr_assert(office_question_seen);
	cJSON_Delete(doc);

}

Test(round_domain, a_question_past_its_period_is_warned_about)
{
	char *dir = office_workspace();
	add_workspace_templates(dir, "2026-06-30");
	struct foi_run r = run_foi(dir, "--now '2026-09-01 08:00' round create r1 --kinds consult --seed 2 --start 2026-09-07");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.err, "foi: warning: round r1: unit D40: the reference answer of consult-office-hours holds "
				"from 2023-01-01 until 2026-06-30, the round starts 2026-09-07"),
		  "%s", r.err);
	run_free(&r);

}

Test(round_domain, coverage_of_the_shipped_files_is_two_of_each_kind)
{
	struct foi_run r = run_foi(NULL, "templates coverage --min 2");
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	cr_assert(strstr(r.out, "51 units; 0 with fewer than 2 templates of a kind\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "SHORT"));
	run_free(&r);

	r = run_foi(NULL, "templates coverage --json");
	cJSON *arr = cJSON_Parse(r.out);
	cr_assert_eq(cJSON_GetArraySize(arr), 51);
	const cJSON *u;
	cJSON_ArrayForEach(u, arr) {
		cr_assert_geq(cJSON_GetObjectItem(u, "foi")->valuedouble, 2, "%s", json_str(u, "unit"));
		cr_assert_geq(cJSON_GetObjectItem(u, "consult")->valuedouble, 2, "%s", json_str(u, "unit"));
	}
	cJSON_Delete(arr);
	run_free(&r);
}

Test(round_domain, coverage_fails_for_a_unit_short_of_templates)
{
	char *dir = make_temp_dir();
	char *file = write_file(dir, "office-units.csv", office_units);
	struct foi_run r = run_foi(NULL, "templates coverage --units %s", file);
	cr_assert_eq(r.status, 1, "%s", r.out);
	cr_assert(strstr(r.out, "\nD40      government                2        0  随州市人民政府办公室  SHORT\n"), "%s", r.out);
	cr_assert(strstr(r.err, "1 of 2 units have fewer than 2 templates"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "templates coverage --units %s --min 0", file);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "templates coverage --units %s/none.csv", dir);
	cr_assert_eq(r.status, 1, "%s", r.out);
	cr_assert(strstr(r.err, "none.csv"), "%s", r.err);
	run_free(&r);


}
