/* `foi scheme check` and `foi scheme items` as an evaluator runs them, outside any workspace. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

Test(scheme_cmd, check_prints_the_shipped_tables_with_their_points)
{
	char *tmp = make_temp_dir();
	struct foi_run r = run_shell("cd '%s' && \"$FOI_BIN\" scheme check", tmp);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "\n县市区 [county]: units of level county\n  foi 依申请公开 (10)\n"), "%s", r.out);
	cr_expect(strstr(r.out, "    foi.channel            申请接收渠道指引规范性 (3)  guide\n"), "%s", r.out);
	cr_expect(strstr(r.out, "      timely                  30%  2.10 points\n"), "%s", r.out);
	cr_expect(strstr(r.out, "\n市直部门 [department]: units of level department\n"), "%s", r.out);
	cr_expect(strstr(r.out, "    foi.reply              申请回复规范性 (10)  foi\n"), "%s", r.out);
	cr_expect(strstr(r.out, "  consult 在线咨询 (3)\n    consult.question       模拟用户提问 (1.5)  consult: 50% of the "
				"weight within 1 working day, 20% within 5\n"), "%s", r.out);
	cr_expect(strstr(r.out, "留言公开 (0.75)  manual: not measured, entered by hand\n"), "%s", r.out);
	run_free(&r);
}

Test(scheme_cmd, a_file_that_does_not_add_up_is_refused_with_its_line_and_exit_3)
{
	char *orig = read_file(src_path("grader/schemes/2023.ini"));
	cr_assert(orig);
	char *at = strstr(orig, "item = guide.notes 10\n");
	cr_assert(at);
	memcpy(at, "item = guide.notes 11\n", 22);
	/* The error names the part's header. */
	int line = 1;
	for (char *c = orig; c < strstr(orig, "[county.foi.channel]"); c++)
		line += *c == '\n';
	char *path = write_file(make_temp_dir(), "mine.ini", orig);
	free(orig);
	struct foi_run r = run_foi(NULL, "scheme check '%s'", path);
	cr_expect_eq(r.status, 3, "stdout: %s", r.out);
	char want[600];
	snprintf(want, sizeof want, "foi: scheme check: %s:%d: the item shares of [county.foi.channel] add up to 101, not 100\n",
		 path, line);
	cr_expect_str_eq(r.err, want);
	cr_expect_str_empty(r.out);
	run_free(&r);

	r = run_foi(NULL, "scheme check /nonexistent/scheme.ini");
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.err, "foi: scheme check: /nonexistent/scheme.ini: cannot open"), "%s", r.err);
	run_free(&r);
}

Test(scheme_cmd, check_json_gives_tables_indicators_parts_and_items)
{
	struct foi_run r = run_foi(NULL, "scheme check '%s' --json", src_path("grader/schemes/2023.ini"));
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "%s", r.out);
	cJSON *county = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "tables"), 0);
	cr_expect_str_eq(cJSON_GetObjectItem(county, "name")->valuestring, "县市区");
	cJSON *foi = cJSON_GetArrayItem(cJSON_GetObjectItem(county, "indicators"), 0);
	cr_expect_eq(cJSON_GetObjectItem(foi, "points")->valuedouble, 10);
	cJSON *parts = cJSON_GetObjectItem(foi, "parts");
	cr_expect_eq(cJSON_GetArraySize(parts), 2);
	cJSON *reply = cJSON_GetArrayItem(parts, 1);
	cr_expect_str_eq(cJSON_GetObjectItem(reply, "graded")->valuestring, "foi");
	cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(reply, "items"), 0);
	cr_expect_str_eq(cJSON_GetObjectItem(first, "code")->valuestring, "timely");
	cr_expect_eq(cJSON_GetObjectItem(first, "share")->valuedouble, 30);
	cJSON_Delete(root);
	run_free(&r);
}

Test(scheme_cmd, items_lists_the_codes_a_scheme_may_name)
{
	struct foi_run r = run_foi(NULL, "scheme items");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "\nremedy.periods         foi    "), "%s", r.out);
	cr_expect(strstr(r.out, "\ntimely                 foi    replied within the statutory deadline"), "%s", r.out);
	cr_expect(strstr(r.out, "\nchannel.accepted       guide  the channel took the mock application"), "%s", r.out);
	cr_expect(strstr(r.out, "limited to (kinds=): final supplement extension ack\n"), "%s", r.out);
	run_free(&r);
}
