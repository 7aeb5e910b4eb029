/*
 * Loading template files: good ones load with every field in place; each kind of bad header
 * is refused with a message naming the file and the line to fix.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "templates/template.h"
#include "tests/unit/run_foi.h"

static char *fixture(const char *rel)
{
	char *p, *path;
	if (asprintf(&p, "tests/fixtures/templates/%s", rel) < 0)
		abort();
	path = src_path(p);
	free(p);
	return path;
}

/* Loads one file that must fail; returns the message. */
static void expect_refused(const char *name, const char *message)
{
	char rel[128], err[1024] = "";
	snprintf(rel, sizeof rel, "bad/%s", name);
	char *path = fixture(rel);
	struct template t;
	int rc = template_load_file(path, &t, err, sizeof err);
	cr_expect_eq(rc, -1, "%s loaded but should not", name);
	cr_expect_null(t.id, "%s: template not zeroed after an error", name);
	char *want;
	if (asprintf(&want, "%s:%s", path, message) < 0)
		abort();
	cr_expect(strncmp(err, want, strlen(want)) == 0, "%s:\n  got  %s\n  want %s...", name, err,
		  want);
	free(want);
}

Test(templates_load, bad_headers_name_file_and_line)
{
	expect_refused("unknown-field.tpl", "3: unknown field 'titel' (known: id, kind, title,");
	expect_refused("missing-domain.tpl", "6: the header ends without the required field 'domain'");
	expect_refused("bad-kind.tpl", "2: kind must be 'foi' or 'consult', not 'letter'");
	expect_refused("reply-eight.tpl", "6: expected_reply must be the §36 item a correct reply "
					  "most likely has, 1 to 7, not '8'");
	expect_refused("reply-zero.tpl", "5: expected_reply must be");
	expect_refused("reply-chinese.tpl", "5: expected_reply must be the §36 item a correct reply "
					    "most likely has, 1 to 7, not '一'");
	expect_refused("reply-missing.tpl", "6: the header ends without the required field "
					    "'expected_reply'");
	expect_refused("reply-on-consult.tpl", "6: field 'expected_reply' does not belong in a "
					       "consult template");
	expect_refused("keypoint-on-foi.tpl", "7: field 'keypoint' does not belong in a foi template");
	expect_refused("empty-alternative.tpl", "6: keypoint has an empty alternative");
	expect_refused("no-keypoint.tpl", "9: the header ends without the required field 'keypoint' "
					  "(at least one)");
	expect_refused("reference-misses-keypoint.tpl", "7: the reference answer meets none of this "
							"keypoint's alternatives ('封存'...)");
	expect_refused("unknown-domain.tpl", "4: unknown domain 'taxes'");
	expect_refused("no-body.tpl", "6: no blank line after the header, so no body");
	expect_refused("empty-body.tpl", "7: the body is empty");
	expect_refused("repeated-field.tpl", "4: field 'title' given twice (first at line 3)");
	expect_refused("bad-id.tpl", "1: id 'Budget 2023' must be 1 to 64 lowercase letters");
	expect_refused("unknown-placeholder.tpl", "10: unknown placeholder {{persona.mobile}}");
	expect_refused("unclosed-placeholder.tpl", "6: unclosed placeholder '{{token）'");
	expect_refused("foi-without-id-number.tpl", "8: an FOI application must give the applicant's "
						    "proof of identity ({{persona.id_number}})");
	expect_refused("foi-without-contact.tpl", "8: an FOI application must give a contact");
	expect_refused("not-utf8.tpl", "3: not valid UTF-8");
	expect_refused("empty-value.tpl", "6: field 'subject' has no value");
	expect_refused("no-colon.tpl", "3: expected 'field: value' in the header");
}

Test(templates_load, a_good_foi_file_has_every_field)
{
	char *path = fixture("datadir/templates/foi/all-placeholders.tpl");
	struct template t;
	char err[1024];
	cr_assert_eq(template_load_file(path, &t, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(t.id, "foi-fixture-all");
	cr_assert_eq(t.id_line, 2);
	cr_assert_eq(t.kind, TEMPLATE_FOI);
	cr_assert_str_eq(t.title, "测试用：全部占位符");
	cr_assert_str_eq(t.domain, "budget");
	cr_assert_eq(t.expected_reply, 1);
	cr_assert_str_eq(t.subject, "政府信息公开申请（{{persona.name}}，{{date}}）");
	cr_assert_eq(t.subject_line, 7);
	cr_assert_eq(t.body_line, 9);
	cr_assert(strncmp(t.body, "{{unit.name}}：\n申请人：", strlen("{{unit.name}}：\n申请人：")) == 0);
	cr_assert(t.body[strlen(t.body) - 1] == '\n' && t.body[strlen(t.body) - 2] != '\n');
	cr_assert_eq(t.placeholders, (1u << TPL_PLACEHOLDER_COUNT) - 1, "every placeholder used");
	cr_assert_null(t.note);
	cr_assert_eq(t.keypoint_count, 0);
	template_free(&t);
}

Test(templates_load, a_good_consult_file_has_its_key_points)
{
	char *path = fixture("datadir/templates/consult/question.tpl");
	struct template t;
	char err[1024];
	cr_assert_eq(template_load_file(path, &t, err, sizeof err), 0, "%s", err);
	cr_assert_eq(t.kind, TEMPLATE_CONSULT);
	cr_assert_eq(t.expected_reply, 0);
	cr_assert_eq(t.keypoint_count, 2);
	cr_assert_eq(t.keypoints[0].count, 3);
	cr_assert_str_eq(t.keypoints[0].alternatives[0], "半年");
	cr_assert_str_eq(t.keypoints[0].alternatives[1], "6个月");
	cr_assert_str_eq(t.keypoints[0].alternatives[2], "六个月");
	cr_assert_eq(t.keypoints[1].count, 1);
	cr_assert_str_eq(t.keypoints[1].alternatives[0], "派出所");
	cr_assert_eq(t.keypoints[1].line, 7);
	cr_assert_str_eq(t.reference, "居住半年以上的，可以到居住地派出所申领居住证。");
	template_free(&t);
}

Test(templates_load, byte_order_mark_and_crlf_are_accepted)
{
	char *path = fixture("crlf/windows.tpl");
	struct template t;
	char err[1024];
	cr_assert_eq(template_load_file(path, &t, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(t.id, "consult-windows");
	cr_assert_str_eq(t.title, "Windows 记事本保存的文件");
	cr_assert_str_eq(t.body, "离职后公积金怎么办？\n第二行\n");
	cr_assert_eq(t.body_line, 12, "leading blank lines of the body are skipped");
	template_free(&t);
}

Test(templates_load, duplicate_id_names_both_files)
{
	char *dir = fixture("dup");
	struct template_set set;
	char err[1024] = "";
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, dir, err, sizeof err), -1);
	char *want;
	if (asprintf(&want, "%s/b.tpl:2: duplicate id 'foi-same' (already used by %s/a.tpl:1)", dir,
		     dir) < 0)
		abort();
	cr_assert_str_eq(err, want);
	cr_assert_eq(set.count, 1, "a.tpl, loaded first, stays");
	template_set_free(&set);
	free(want);
}

Test(templates_load, folder_tree_loads_in_name_order_and_selects)
{
	char *dir = fixture("datadir/templates");
	struct template_set set;
	char err[1024];
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, dir, err, sizeof err), 0, "%s", err);
	cr_assert_eq(set.count, 2);
	cr_assert_str_eq(set.items[0]->id, "consult-fixture-question", "consult/ sorts before foi/");
	cr_assert_str_eq(set.items[1]->id, "foi-fixture-all");

	const struct template **list;
	size_t n;
	cr_assert_eq(template_set_select(&set, TEMPLATE_FOI, NULL, &list, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(list[0]->id, "foi-fixture-all");
	free(list);
	cr_assert_eq(template_set_select(&set, TEMPLATE_ANY, "public-security", &list, &n), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(list[0]->id, "consult-fixture-question");
	free(list);
	cr_assert_eq(template_set_select(&set, TEMPLATE_FOI, "public-security", &list, &n), 0);
	cr_assert_eq(n, 0);
	cr_assert_null(list);

	cr_assert_not_null(template_set_find(&set, "foi-fixture-all"));
	cr_assert_null(template_set_find(&set, "foi-nope"));
	template_set_free(&set);
}

Test(templates_load, missing_folder_is_an_error)
{
	struct template_set set;
	char err[1024];
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, "/nonexistent/templates", err, sizeof err), -1);
	cr_assert_str_eq(err, "/nonexistent/templates: cannot open folder: No such file or directory");
	template_set_free(&set);
}
