/*
 * The readers of the units' web pages on saved pages of the simulator and two hand-made ones
 * modelled on real county sites: which form is the application form, each field's role by its
 * label, what cannot be filled without doubt, and what a page after submitting says.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/web/form_fill.h"
#include "harness/web/reply_page.h"
#include "harness/web/web_form.h"
#include "tests/unit/run_foi.h"

static void read_form(const char *fixture, struct web_form *f)
{
	char path[256], err[512];
	snprintf(path, sizeof path, "tests/fixtures/web/%s", fixture);
	char *p = src_path(path), *html = read_file(p);
	cr_assert_not_null(html, "%s", p);
	cr_assert_eq(web_form_read(html, strlen(html), NULL, "http://127.0.0.1:18480/X01/foi", f, err, sizeof err), FOI_OK,
		     "%s", err);
	free(html);
}

static const struct form_values li = {.name = "李明华", .id_type = "居民身份证", .id_number = "421302199003154515",
				      .phone = "13971234567", .email = "li.minghua@163.test", .address = "湖北省随州市曾都区青年路18号",
				      .postcode = "441300", .title = "咨询养老保险", .content = "请问养老保险缴费年限不满15年怎么办？"};

static const char *value_of(const struct form_fill *fill, const char *name)
{
	for (size_t i = 0; i < fill->n; i++)
		if (!strcmp(fill->entries[i].name, name))
			return fill->entries[i].post ? fill->entries[i].value : NULL;
	return NULL;
}

Test(web_reader, a_csrf_form_is_mapped_by_its_labels_and_its_token_echoed)
{
	struct web_form f;
	read_form("csrf-foi-form.html", &f);
	cr_assert(f.found);
	cr_assert_str_eq(f.action, "http://127.0.0.1:18480/C01/foi");
	cr_assert_str_eq(f.method, "post");
	cr_assert_str_eq(f.enctype, "application/x-www-form-urlencoded");
	static const struct {
		const char *name, *label;
		enum form_role role;
		int required;
	} want[] = {{"name", "姓名/名称", ROLE_NAME, 1}, {"id_type", "证件类型", ROLE_ID_TYPE, 0},
		    {"id_number", "证件号码", ROLE_ID_NUMBER, 1}, {"phone", "联系电话", ROLE_PHONE, 1},
		    {"email", "电子邮箱", ROLE_EMAIL, 1}, {"address", "通信地址", ROLE_ADDRESS, 0},
		    {"postcode", "邮政编码", ROLE_POSTCODE, 0}, {"content", "所需信息内容描述", ROLE_CONTENT, 1},
		    {"delivery", "获取信息方式", ROLE_DELIVERY, 0}, {"csrf_token", "", ROLE_HIDDEN, 0}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct form_field *x = web_form_field(&f, want[i].name);
		cr_assert_not_null(x, "%s", want[i].name);
		cr_assert_str_eq(x->label, want[i].label, "%s", want[i].name);
		cr_assert_eq(x->role, want[i].role, "%s: %s", want[i].name, form_role_name(x->role));
		cr_assert_eq(x->required, want[i].required, "%s", want[i].name);
	}
	struct form_fill fill;
	char err[256];
	cr_assert_eq(form_fill(&f, NULL, &li, &fill, err, sizeof err), FOI_OK);
	cr_assert_str_eq(fill.doubts, "");
	cr_assert_str_eq(value_of(&fill, "id_number"), "421302199003154515");
	cr_assert_str_eq(value_of(&fill, "id_type"), "居民身份证");
	cr_assert_str_eq(value_of(&fill, "delivery"), "电子邮件");
	cr_assert_str_eq(value_of(&fill, "email"), "li.minghua@163.test");
	cr_assert_str_eq(value_of(&fill, "content"), li.content);
	const char *token = web_form_field(&f, "csrf_token")->value;
	cr_assert_eq(strlen(token), 32);
	cr_assert_str_eq(value_of(&fill, "csrf_token"), token);
	form_fill_free(&fill);
	web_form_free(&f);
}

Test(web_reader, a_pinyin_multipart_question_form_says_not_public)
{
	struct web_form f;
	read_form("pinyin-multipart-consult-form.html", &f);
	cr_assert(f.found);
	cr_assert_str_eq(f.enctype, "multipart/form-data");
	cr_assert_eq(web_form_field(&f, "bt")->role, ROLE_TITLE);
	cr_assert_eq(web_form_field(&f, "lynr")->role, ROLE_CONTENT);
	cr_assert_eq(web_form_field(&f, "sfgk")->role, ROLE_PUBLIC);
	struct form_fill fill;
	char err[256];
	cr_assert_eq(form_fill(&f, NULL, &li, &fill, err, sizeof err), FOI_OK);
	cr_assert_str_eq(fill.doubts, "");
	/* The page checks 是 (public) by default: foi must choose 否. */
	cr_assert_str_eq(web_form_field(&f, "sfgk")->value, "是");
	cr_assert_str_eq(value_of(&fill, "sfgk"), "否");
	cr_assert_str_eq(value_of(&fill, "bt"), "咨询养老保险");
	cr_assert_str_eq(value_of(&fill, "xm"), "李明华");
	form_fill_free(&fill);
	web_form_free(&f);
}

Test(web_reader, a_captcha_is_a_persons_job_and_its_image_is_found)
{
	struct web_form f;
	read_form("captcha-pinyin-foi-form.html", &f);
	cr_assert(f.found);
	cr_assert_eq(web_form_field(&f, "yzm")->role, ROLE_CAPTCHA);
	cr_assert_not_null(f.captcha_image);
	cr_assert(!strncmp(f.captcha_image, "http://127.0.0.1:18480/D06/captcha.png?id=", 42), "%s", f.captcha_image);
	struct form_fill fill;
	char err[256];
	cr_assert_eq(form_fill(&f, NULL, &li, &fill, err, sizeof err), FOI_OK);
	cr_assert(fill.captcha);
	cr_assert(strstr(fill.doubts, "captcha"), "%s", fill.doubts);
	form_fill_free(&fill);
	web_form_free(&f);
}

Test(web_reader, labels_beside_the_fields_and_what_stays_unclear)
{
	struct web_form f;
	read_form("unclear-form.html", &f);
	cr_assert(f.found, "the application form, not the search box above it");
	cr_assert_str_eq(f.action, "http://127.0.0.1:18480/X01/apply.do");
	cr_assert_str_eq(web_form_field(&f, "f1")->label, "姓名");
	cr_assert_eq(web_form_field(&f, "f1")->role, ROLE_NAME);
	cr_assert(web_form_field(&f, "f1")->required, "the * in the span before the label");
	cr_assert_eq(web_form_field(&f, "f6")->role, ROLE_CONTENT);
	cr_assert_eq(web_form_field(&f, "f2")->role, ROLE_KEEP, "工作单位 is optional: left as the page has it");
	const struct form_field *kind = web_form_field(&f, "sqrlx");
	cr_assert_eq(kind->noptions, 2);
	cr_assert_str_eq(kind->options[1].text, "法人或者其他组织");
	struct form_fill fill;
	char err[256];
	cr_assert_eq(form_fill(&f, NULL, &li, &fill, err, sizeof err), FOI_OK);
	cr_assert(strstr(fill.doubts, "'申请人类型' (sqrlx)"), "%s", fill.doubts);
	cr_assert(strstr(fill.doubts, "'用途说明' (f7)"), "%s", fill.doubts);
	cr_assert_not(strstr(fill.doubts, "工作单位"), "%s", fill.doubts);
	form_fill_free(&fill);
	web_form_free(&f);
}

Test(web_reader, a_login_stands_before_the_form)
{
	struct web_form f;
	read_form("login-form.html", &f);
	cr_assert(f.found);
	cr_assert(f.login);
	cr_assert(web_form_field(&f, "title")->required);
	struct form_fill fill;
	char err[256];
	cr_assert_eq(form_fill(&f, NULL, &li, &fill, err, sizeof err), FOI_OK);
	cr_assert(strstr(fill.doubts, "login or real-name registration"), "%s", fill.doubts);
	form_fill_free(&fill);
	web_form_free(&f);
}

static void read_reply(const char *fixture, const char *pattern, struct reply_reading *r)
{
	char path[256], err[512];
	snprintf(path, sizeof path, "tests/fixtures/web/%s", fixture);
	char *p = src_path(path), *html = read_file(p);
	cr_assert_not_null(html, "%s", p);
	cr_assert_eq(reply_page_read(html, strlen(html), NULL, pattern, r, err, sizeof err), FOI_OK, "%s", err);
	free(html);
}

Test(web_reader, a_confirmation_gives_its_query_code_by_label_or_by_pattern)
{
	struct reply_reading r;
	read_reply("confirmation-foi.html", NULL, &r);
	cr_assert_eq(r.kind, REPLY_CONFIRMED);
	cr_assert_str_eq(r.code, "T6J8FXKN");
	reply_reading_free(&r);
	read_reply("confirmation-foi.html", "码：([A-Z0-9]{4})", &r);
	cr_assert_str_eq(r.code, "T6J8");
	reply_reading_free(&r);
	char err[256];
	cr_assert_eq(reply_page_read("<p>提交成功</p>", 17, NULL, "([", &r, err, sizeof err), FOI_E_DATA);
	cr_assert(strstr(err, "confirmation pattern '(['"), "%s", err);
}

Test(web_reader, a_refusal_lists_its_problems_and_a_notice_its_words)
{
	struct reply_reading r;
	read_reply("refused-problems.html", NULL, &r);
	cr_assert_eq(r.kind, REPLY_REFUSED);
	cr_assert_str_eq(r.code, "");
	cr_assert_str_eq(r.problems, "请填写姓名/名称; 请填写证件号码; 请填写联系电话; 请填写电子邮箱; 请填写所需信息内容描述");
	reply_reading_free(&r);
	read_reply("csrf-refused-403.html", NULL, &r);
	cr_assert_eq(r.kind, REPLY_REFUSED);
	cr_assert(strstr(r.problems, "CSRF token"), "%s", r.problems);
	reply_reading_free(&r);
	read_reply("closed-notice.html", NULL, &r);
	cr_assert_eq(r.kind, REPLY_MAINTENANCE);
	cr_assert(strstr(r.problems, "暂停受理"), "%s", r.problems);
	reply_reading_free(&r);
	read_reply("tomcat-500.html", NULL, &r);
	cr_assert_eq(r.kind, REPLY_OTHER);
	reply_reading_free(&r);
	/* The closed page holds no form: the form reader says so. */
	struct web_form f;
	read_form("closed-notice.html", &f);
	cr_assert_not(f.found);
	web_form_free(&f);
}
