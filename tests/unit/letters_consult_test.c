/* Question accuracy: key points from a consultation template, found (or not) in an answer. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/consult_accuracy.h"
#include "harness/grade_reference.h"
#include "tests/unit/run_foi.h"

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

/* 无论/不管/不论 (whether... or...) and 不仅/不但 (not only) begin with a negation character
 * but negate nothing. */
Test(letters_consult, concessive_words_are_not_negations)
{
	static const char *const a1[] = {"网上"};
	struct keypoint points[] = {{"网上", a1, 1}};
	static const struct { const char *reply, *want; } cases[] = {
		{"生育登记不设前置条件，无论是网上还是到社区，均可办理。", "pass"},
		{"生育登记不设前置条件，不管网上或者到街道服务窗口都能办理。", "pass"},
		{"不论网上还是窗口，都可以办理。", "pass"},
		{"不仅网上可以办理，也可以到社区办理。", "pass"},
		{"不但网上能办，社区也能办。", "pass"},
		{"目前不能网上办理，请到社区服务窗口办理。", "fail"},
		{"暂未开通网上办理，请到社区服务窗口办理。", "fail"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct finding_list out = {0};
		char err[256];
		cr_assert_eq(consult_check(cases[i].reply, strlen(cases[i].reply), points, 1, &out, err, sizeof err), 0,
			     "%s", err);
		cr_expect_str_eq(result(&out, "keypoint.1"), cases[i].want, "%s", cases[i].reply);
		finding_list_free(&out);
	}
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
	cr_expect(strstr(r.err, "foi: grade check: needs a FILE") && strstr(r.err, "try 'foi help grade'"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade verify '%s'", letter);
	cr_expect_eq(r.status, 2);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --reference /nonexistent.tpl", letter);
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.err, "foi: grade check: --reference: /nonexistent.tpl: no such file") != NULL, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --reference consult-no-such-question", letter);
	cr_expect_eq(r.status, 3, "an id no template has is bad input, as in 'round edit --template'");
	cr_expect(strstr(r.err, "no shipped template with the id 'consult-no-such-question'") != NULL, "%s", r.err);
	run_free(&r);
	char *dir = make_temp_dir();
	char *tmpl = write_file(dir, "bad.tpl", "id: consult-x\nkind: consult\ntitle: 没有要点\n\n正文\n");
	r = run_foi(NULL, "grade check '%s' --reference '%s'", letter, tmpl);
	cr_expect_eq(r.status, 3, "an invalid template is bad data: %s", r.err);
	cr_expect(strstr(r.err, "bad.tpl") != NULL, "the message names the template: %s", r.err);
	run_free(&r);
}

Test(letters_consult, readable_tables_for_people)
{
	char *letter = src_path("tests/fixtures/letters/consult_missing_point.eml");
	char *ref = src_path("tests/fixtures/letters/references/unemployment_benefit.tpl");
	struct foi_run r = run_foi(NULL, "grade check '%s' --reference '%s'", letter, ref);
	cr_assert_eq(r.status, 1, "an inaccurate answer exits 1: %s", r.err);
	cr_expect(strstr(r.out, "reply to a consultation, 4 key points") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "accurate             fail     2 of 4 key points present; missing: 失业登记, 60日内") != NULL,
		  "%s", r.out);
	run_free(&r);
	letter = src_path("tests/fixtures/letters/flaw_litigation_3months.txt");
	r = run_foi(NULL, "grade check '%s' --applicant 何静", letter);
	cr_assert_eq(r.status, 1, "a failing item exits 1: %s", r.err);
	cr_expect(strstr(r.out, "final reply (答复书), reply type 4") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "ITEM                 RESULT   EVIDENCE") != NULL);
	cr_expect(strstr(r.out, "remedy.periods       fail     litigation within 3个月") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "form.salutation      pass     何静：") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "16 pass, 1 fail, 1 unknown") != NULL, "%s", r.out);
	run_free(&r);
}

Test(letters_consult, exit_zero_when_nothing_fails)
{
	char *letter = src_path("tests/fixtures/letters/t1_published.txt");
	struct foi_run r = run_foi(NULL, "grade check '%s' --applicant 陈建国", letter);
	cr_expect_eq(r.status, 0, "no item fails (the seal is unknown): %s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --applicant 李四", letter);
	cr_expect_eq(r.status, 1, "the salutation names someone else: %s", r.out);
	run_free(&r);
}

Test(letters_consult, shipped_templates_by_id)
{
	/* The reference may be a shipped consultation template named by its id. */
	struct grade_reference ref;
	char err[512];
	cr_assert_eq(grade_reference_load("consult-unemployment-benefit", &ref, err, sizeof err),
		     FOI_OK, "%s", err);
	cr_assert_gt(ref.count, 0);
	cr_expect_eq(ref.count, ref.tpl.keypoint_count);
	cr_expect_str_eq(ref.points[0].label, ref.tpl.keypoints[0].alternatives[0]);
	const char *answer = "您好！失业前单位和本人已缴纳失业保险费满一年、非因本人意愿中断就业，"
			     "并已办理失业登记的，可以申领失业保险金，最长可领取十二个月。";
	struct finding_list out = {0};
	cr_assert_eq(consult_check(answer, strlen(answer), ref.points, ref.count, &out, err, sizeof err), 0);
	cr_expect_str_eq(result(&out, "accurate"), "pass", "%s", finding_get(&out, "accurate")->evidence);
	finding_list_free(&out);
	grade_reference_free(&ref);
	/* An FOI template has no key points. */
	cr_expect_eq(grade_reference_load("foi-budget", &ref, err, sizeof err), FOI_E_DATA);
	cr_expect(strstr(err, "not a consultation template") != NULL, "%s", err);
	char *letter = src_path("tests/fixtures/letters/consult_accurate.txt");
	struct foi_run r = run_foi(NULL, "grade check '%s' --reference consult-unemployment-benefit --json", letter);
	cr_expect_eq(r.status, 1, "this answer does not fit that question: %s", r.err);
	cr_expect(strstr(r.out, "\"code\":\t\"accurate\"") != NULL, "%s", r.out);
	run_free(&r);
}

Test(letters_consult, an_answer_in_an_unreadable_attachment_is_for_the_reviewer)
{
	char *mail = src_path("tests/fixtures/letters/mail_pdf_only.eml");
	char *ref = src_path("tests/fixtures/letters/references/unemployment_benefit.tpl");
	struct foi_run r = run_foi(NULL, "grade check '%s' --reference '%s'", mail, ref);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "keypoint.4           unknown  the letter is in an attachment foi cannot read") != NULL,
		  "%s", r.out);
	cr_expect(strstr(r.out, "accurate             unknown") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "0 pass, 0 fail, 5 unknown") != NULL, "%s", r.out);
	run_free(&r);
}
