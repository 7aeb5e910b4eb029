/* `foi templates` as an evaluator uses it, outside any workspace. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "templates/template.h"
#include "tests/unit/run_foi.h"

static size_t shipped_count(enum template_kind k)
{
	struct template_set set;
	char err[1024];
	char *dir = src_path("templates");
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, dir, err, sizeof err), 0, "%s", err);
	size_t n = 0;
	for (size_t i = 0; i < set.count; i++)
		n += k == TEMPLATE_ANY || set.items[i]->kind == k;
	template_set_free(&set);
	return n;
}

Test(templates_cmd, list_works_outside_a_workspace)
{
	char *tmp = make_temp_dir();
	struct foi_run r = run_shell("cd '%s' && \"$FOI_BIN\" templates list", tmp);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strncmp(r.out, "ID ", 3) == 0, "%s", r.out);
	cr_assert(strstr(r.out, "\nfoi-budget "), "%s", r.out);
	cr_assert(strstr(r.out, " shipped   部门预算及“三公”经费预算\n"), "%s", r.out);
	cr_assert(strstr(r.out, "\nconsult-residence-permit "));
	char summary[128];
	snprintf(summary, sizeof summary, "\n%zu templates (%zu foi, %zu consult)\n",
		 shipped_count(TEMPLATE_ANY), shipped_count(TEMPLATE_FOI),
		 shipped_count(TEMPLATE_CONSULT));
	cr_assert(strstr(r.out, summary), "want %s in\n%s", summary, r.out);
	run_free(&r);
}

Test(templates_cmd, list_json_filters_by_kind_and_domain)
{
	struct foi_run r = run_foi(NULL, "templates list --kind consult --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *arr = cJSON_Parse(r.out);
	cr_assert(cJSON_IsArray(arr), "%s", r.out);
	cr_assert_eq((size_t)cJSON_GetArraySize(arr), shipped_count(TEMPLATE_CONSULT));
	cJSON *e;
	cJSON_ArrayForEach(e, arr) {
		cr_assert_str_eq(cJSON_GetObjectItem(e, "kind")->valuestring, "consult");
		cr_assert_null(cJSON_GetObjectItem(e, "expected_reply"));
	}
	cJSON_Delete(arr);
	run_free(&r);

	r = run_foi(NULL, "templates list --kind=foi --domain natural-resources --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	arr = cJSON_Parse(r.out);
	cr_assert(cJSON_GetArraySize(arr) >= 2, "%s", r.out);
	int saw_register = 0;
	cJSON_ArrayForEach(e, arr) {
		cr_assert_str_eq(cJSON_GetObjectItem(e, "domain")->valuestring, "natural-resources");
		if (strcmp(cJSON_GetObjectItem(e, "id")->valuestring, "foi-property-register") == 0) {
			saw_register = 1;
			cr_assert_eq(cJSON_GetObjectItem(e, "expected_reply")->valueint, 7);
			cr_assert_str_eq(cJSON_GetObjectItem(e, "expected_reply_label")->valuestring,
					 "按特别规定办理");
		}
	}
	cr_assert(saw_register);
	cJSON_Delete(arr);
	run_free(&r);
}

Test(templates_cmd, show_renders_with_the_sample_applicant)
{
	struct foi_run r = run_foi(NULL, "--now '2023-09-28 10:00' templates show foi-budget "
					 "--persona-name 王芳");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "expected: §36 item 1 (已主动公开)\n"), "%s", r.out);
	cr_assert(strstr(r.out, "Subject: 政府信息公开申请：2023年部门预算及“三公”经费预算\n"), "%s", r.out);
	cr_assert(strstr(r.out, "\n随州市财政局政府信息公开工作机构：\n"), "%s", r.out);
	cr_assert(strstr(r.out, "本人王芳，依据"), "%s", r.out);
	cr_assert(strstr(r.out, "姓名：王芳\n"));
	cr_assert(strstr(r.out, "证件号码：42130219850312123X\n"));
	cr_assert(strstr(r.out, "\n2023年9月28日\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "{{"));
	run_free(&r);
}

Test(templates_cmd, show_takes_a_unit_and_shows_key_points_of_a_question)
{
	struct foi_run r = run_foi(NULL, "templates show consult-passport --unit '广水市公安局'");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "sample:   unit 广水市公安局, applicant 李明"), "%s", r.out);
	cr_assert(strstr(r.out, "Subject: 第一次办护照需要什么材料，多久能拿到\n"), "%s", r.out);
	cr_assert(strstr(r.out, "  5. 7个工作日 | 七个工作日\n"), "%s", r.out);
	cr_assert(strstr(r.out, "reference answer: 中国公民可以在全国任一公安机关出入境管理窗口"), "%s",
		  r.out);
	run_free(&r);
}

Test(templates_cmd, show_json_has_the_rendered_text)
{
	struct foi_run r = run_foi(NULL, "--now '2024-01-05 09:00' templates show consult-legal-aid --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *o = cJSON_Parse(r.out);
	cr_assert_not_null(o, "%s", r.out);
	cr_assert_str_eq(cJSON_GetObjectItem(o, "id")->valuestring, "consult-legal-aid");
	cr_assert_str_eq(cJSON_GetObjectItem(o, "subject")->valuestring,
			 "工伤老板不赔，请不起律师能申请法律援助吗");
	cJSON *kps = cJSON_GetObjectItem(o, "keypoints");
	cr_assert_eq(cJSON_GetArraySize(kps), 2);
	cr_assert_str_eq(cJSON_GetArrayItem(cJSON_GetArrayItem(kps, 1), 0)->valuestring, "免予核查");
	cr_assert(strstr(cJSON_GetObjectItem(o, "body")->valuestring, "申请法律援助"));
	cJSON_Delete(o);
	run_free(&r);
}

Test(templates_cmd, unknown_id_fails_with_a_message)
{
	struct foi_run r = run_foi(NULL, "templates show foi-nope");
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.err, "foi: templates: no template 'foi-nope' (see 'foi templates list')\n");
	run_free(&r);
}

Test(templates_cmd, datadir_decides_which_templates_ship)
{
	char *dd = src_path("tests/fixtures/templates/datadir");
	struct foi_run r = run_foi(NULL, "FOI_DATADIR='%s' $FOI_BIN templates list --json", dd);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *arr = cJSON_Parse(r.out);
	cr_assert_eq(cJSON_GetArraySize(arr), 2, "%s", r.out);
	cJSON_Delete(arr);
	run_free(&r);
}

Test(templates_cmd, check_reports_the_broken_file_and_line)
{
	char *dir = src_path("tests/fixtures/templates/badfolder");
	struct foi_run r = run_foi(NULL, "templates check '%s'", dir);
	cr_assert_eq(r.status, 3);
	char want[1024];
	snprintf(want, sizeof want, "foi: templates: %s/zz-bad.tpl:10: unknown placeholder {{persona.fax}}\n",
		 dir);
	cr_assert_str_eq(r.err, want);
	cr_assert_str_eq(r.out, "");
	run_free(&r);

	r = run_foi(NULL, "templates list --dir '%s'", dir);
	cr_assert_eq(r.status, 3);
	run_free(&r);

	dir = src_path("tests/fixtures/templates/dup");
	r = run_foi(NULL, "templates check '%s'", dir);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "b.tpl:2: duplicate id 'foi-same'"), "%s", r.err);
	run_free(&r);
}

Test(templates_cmd, check_of_the_shipped_templates_passes)
{
	struct foi_run r = run_foi(NULL, "templates check");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	char want[128];
	snprintf(want, sizeof want, "%zu templates load and render (%zu foi, %zu consult); 0 literal years\n",
		 shipped_count(TEMPLATE_ANY), shipped_count(TEMPLATE_FOI),
		 shipped_count(TEMPLATE_CONSULT));
	cr_assert_str_eq(r.out, want);
	cr_assert_str_eq(r.err, "", "the shipped templates name no literal year");
	run_free(&r);
}

Test(templates_cmd, usage_errors)
{
	struct foi_run r = run_foi(NULL, "templates");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "foi: templates: missing subcommand"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "templates list --kind letter");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "--kind must be foi or consult, not 'letter'"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "templates show");
	cr_assert_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "templates list --domain taxes");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "unknown domain 'taxes'"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "templates show foi-budget --persona-name");
	cr_assert_eq(r.status, 2);
	run_free(&r);
}

Test(templates_cmd, domains_lists_the_codes)
{
	struct foi_run r = run_foi(NULL, "templates domains");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "budget                 财政预决算\n"), "%s", r.out);
	cr_assert(strstr(r.out, "\nmedical-insurance      医疗保障\n"), "%s", r.out);
	run_free(&r);
}
