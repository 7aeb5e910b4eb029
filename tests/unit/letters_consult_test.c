/* Question accuracy: key points from a template header, found (or not) in an answer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/consult_accuracy.h"
#include "tests/unit/run_foi.h"

static struct keypoint_set parse(const char *text)
{
	struct keypoint_set ks;
	char err[256];
	cr_assert_eq(keypoints_parse(text, strlen(text), "t.tmpl", &ks, err, sizeof err), 0, "%s", err);
	return ks;
}

Test(letters_consult, header_key_points_and_their_alternatives)
{
	struct keypoint_set ks = parse("# a comment\n"
				       "title: 失业保险金\n"
				       "keypoint: 失业登记 | 办理失业登记\n"
				       "  KeyPoint：社保卡｜社会保障卡 | \n"
				       "\n"
				       "keypoint: 这一行在正文里，不是要点\n");
	cr_assert_eq(ks.count, 2);
	cr_expect_str_eq(ks.points[0].label, "失业登记");
	cr_assert_eq(ks.points[0].count, 2);
	cr_expect_str_eq(ks.points[0].alternatives[1], "办理失业登记");
	cr_expect_str_eq(ks.points[1].label, "社保卡");
	cr_assert_eq(ks.points[1].count, 2, "an empty alternative is dropped");
	cr_expect_str_eq(ks.points[1].alternatives[1], "社会保障卡");
	keypoint_set_free(&ks);
}

Test(letters_consult, templates_without_key_points_are_errors)
{
	struct keypoint_set ks;
	char err[256];
	cr_expect_neq(keypoints_parse("title: x\n\nkeypoint: a\n", 21, "q.tmpl", &ks, err, sizeof err), 0);
	cr_expect(strstr(err, "q.tmpl") && strstr(err, "keypoint"), "%s", err);
	cr_expect_neq(keypoints_parse("keypoint: a\nkeypoint:  | \n", 26, "q.tmpl", &ks, err, sizeof err), 0);
	cr_expect(strstr(err, "q.tmpl:2") != NULL, "the message names the line: %s", err);
}

static const char *result(const struct finding_list *l, const char *code)
{
	const struct finding *f = finding_get(l, code);
	cr_assert_not_null(f, "no %s", code);
	return finding_result_name(f->result);
}

Test(letters_consult, negated_and_plain_mentions)
{
	static const char *const a1[] = {"失业登记"};
	static const char *const a2[] = {"不需要单位证明", "无需单位证明"};
	static const char *const a3[] = {"60日内"};
	struct keypoint points[] = {{"失业登记", a1, 1}, {"不需要单位证明", a2, 2}, {"60日内", a3, 1}};
	const char *reply = "未办理失业登记的，不能领取。申领时无需单位证明，请在解除劳动合同之日起六十日\n内申请。";
	struct finding_list out = {0};
	char err[256];
	cr_assert_eq(consult_check(reply, strlen(reply), points, 3, &out, err, sizeof err), 0, "%s", err);
	cr_assert_eq(out.count, 4);
	cr_expect_str_eq(result(&out, "keypoint.1"), "fail", "\"未办理失业登记\" does not say to register");
	cr_expect_str_eq(result(&out, "keypoint.2"), "pass", "the key point is itself the negative statement");
	cr_expect_str_eq(result(&out, "keypoint.3"), "pass", "六十日 across a line break");
	cr_expect_str_eq(result(&out, "accurate"), "fail");
	cr_expect(strstr(finding_get(&out, "accurate")->evidence, "2 of 3") != NULL);
	cr_expect(strstr(finding_get(&out, "keypoint.3")->evidence, "六十日内") != NULL,
		  "the evidence quotes the reply: %s", finding_get(&out, "keypoint.3")->evidence);
	finding_list_free(&out);
}

Test(letters_consult, command_usage_errors)
{
	char *letter = src_path("tests/fixtures/letters/consult_accurate.txt");
	struct foi_run r = run_foi(NULL, "grade check '%s' --kind consult", letter);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--reference") != NULL, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --kind foi --reference x.tmpl", letter);
	cr_expect_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --kind petition", letter);
	cr_expect_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "grade check");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "usage: foi grade check") != NULL, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade verify '%s'", letter);
	cr_expect_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --reference /nonexistent.tmpl", letter);
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.err, "foi: /nonexistent.tmpl: No such file") != NULL, "%s", r.err);
	run_free(&r);
	char *dir = make_temp_dir();
	char *tmpl = write_file(dir, "bad.tmpl", "title: 没有要点\n");
	r = run_foi(NULL, "grade check '%s' --reference '%s'", letter, tmpl);
	cr_expect_eq(r.status, 3);
	cr_expect(strstr(r.err, "no 'keypoint") != NULL, "%s", r.err);
	run_free(&r);
	free(tmpl);
	free(dir);
	free(letter);
}

Test(letters_consult, readable_tables_for_people)
{
	char *letter = src_path("tests/fixtures/letters/consult_missing_point.eml");
	char *ref = src_path("tests/fixtures/letters/references/unemployment_benefit.tmpl");
	struct foi_run r = run_foi(NULL, "grade check '%s' --reference '%s'", letter, ref);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "reply to a consultation, 4 key points") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "accurate             fail     2 of 4 key points present; missing: 失业登记, 60日内") != NULL,
		  "%s", r.out);
	run_free(&r);
	free(letter);
	free(ref);
	letter = src_path("tests/fixtures/letters/flaw_litigation_3months.txt");
	r = run_foi(NULL, "grade check '%s' --applicant 何静", letter);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "final reply (答复书), reply type 4") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "ITEM                 RESULT   EVIDENCE") != NULL);
	cr_expect(strstr(r.out, "remedy.periods       fail     litigation within 3个月") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "form.salutation      pass     何静：") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "14 pass, 1 fail, 1 unknown") != NULL, "%s", r.out);
	run_free(&r);
	free(letter);
}
