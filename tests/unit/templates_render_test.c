/*
 * The renderer on its own: every placeholder filled, the date written the Chinese way, and
 * the refusals a user would otherwise find in a half-filled letter (unknown placeholder,
 * missing persona field), each naming the file and line.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "templates/render.h"
#include "templates/template.h"

static struct template_values sample(void)
{
	struct template_values v = {
		.unit_name = "随州市财政局",
		.persona = {.name = "王芳", .id_type = "居民身份证", .id_number = "42130219850312123X",
			    .phone = "13972812345", .address = "湖北省随州市曾都区青年路8号",
			    .postcode = "441300", .email = "wangfang@example.org"},
		.year = 2023, .month = 9, .day = 28,
		.reply_to = "wangfang@example.org",
	};
	return v;
}

static char *render(const char *text, const struct template_values *v, char *err, size_t errsz)
{
	char *out = NULL;
	int rc = template_render_text(text, "letter.tpl", 8, v, &out, err, errsz);
	if (rc != 0)
		cr_assert_null(out);
	return out;
}

Test(templates_render, every_placeholder_is_filled)
{
	struct template_values v = sample();
	char err[512];
	char *out = render("{{unit.name}}|{{persona.name}}|{{persona.id_type}}|{{persona.id_number}}|"
			   "{{persona.phone}}|{{persona.address}}|{{persona.postcode}}|"
			   "{{persona.email}}|{{date}}|{{reply_to}}\n",
			   &v, err, sizeof err);
	cr_assert_not_null(out, "%s", err);
	cr_assert_str_eq(out, "随州市财政局|王芳|居民身份证|42130219850312123X|13972812345|"
			      "湖北省随州市曾都区青年路8号|441300|wangfang@example.org|2023年9月28日|"
			      "wangfang@example.org\n");
	free(out);
}

Test(templates_render, text_around_placeholders_is_kept_byte_for_byte)
{
	struct template_values v = sample();
	char err[512];
	char *out = render("尊敬的{{ unit.name }}：\n  本人{{persona.name}}}，邮箱{{reply_to}}。}}\n", &v, err,
			   sizeof err);
	cr_assert_not_null(out, "%s", err);
	cr_assert_str_eq(out, "尊敬的随州市财政局：\n  本人王芳}，邮箱wangfang@example.org。}}\n");
	free(out);
}

Test(templates_render, date_has_no_leading_zeros)
{
	struct template_values v = sample();
	v.year = 2024, v.month = 1, v.day = 5;
	char err[512];
	char *out = render("{{date}}", &v, err, sizeof err);
	cr_assert_str_eq(out, "2024年1月5日");
	free(out);
	char buf[32];
	cr_assert_eq(template_format_date(2023, 12, 31, buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "2023年12月31日");
	cr_assert_eq(template_format_date(2024, 2, 29, buf, sizeof buf), 0);
	cr_assert_eq(template_format_date(2023, 2, 29, buf, sizeof buf), -1);
	cr_assert_eq(template_format_date(2023, 13, 1, buf, sizeof buf), -1);
}

Test(templates_render, values_are_not_expanded_again)
{
	struct template_values v = sample();
	v.persona.name = "{{token}}";
	char err[512];
	char *out = render("{{persona.name}}", &v, err, sizeof err);
	cr_assert_str_eq(out, "{{token}}");
	free(out);
}

Test(templates_render, unknown_placeholder_is_named_with_file_and_line)
{
	struct template_values v = sample();
	char err[512] = "";
	char *out = render("第一行\n第二行\n电话：{{persona.mobile}}\n", &v, err, sizeof err);
	cr_assert_null(out);
	/* the text starts at line 8 of letter.tpl, so its third line is line 10 */
	cr_assert_str_eq(err, "letter.tpl:10: unknown placeholder {{persona.mobile}}");
}

Test(templates_render, misspelt_placeholder_is_refused_even_when_values_are_complete)
{
	struct template_values v = sample();
	char err[512] = "";
	char *out = render("{{unit_name}}", &v, err, sizeof err);
	cr_assert_null(out);
	cr_assert_str_eq(err, "letter.tpl:8: unknown placeholder {{unit_name}}");
}

Test(templates_render, unclosed_placeholder_is_refused)
{
	struct template_values v = sample();
	char err[512] = "";
	char *out = render("ok\n申请人{{persona.name\n}}", &v, err, sizeof err);
	cr_assert_null(out);
	cr_assert(strstr(err, "letter.tpl:9: unclosed placeholder '{{persona.name'") == err,
		  "%s", err);
}

Test(templates_render, missing_persona_field_is_named)
{
	struct template_values v = sample();
	v.persona.phone = "";
	char err[512] = "";
	char *out = render("姓名{{persona.name}}\n电话{{persona.phone}}\n", &v, err, sizeof err);
	cr_assert_null(out);
	cr_assert_str_eq(err, "letter.tpl:9: persona field 'phone' is empty (needed by {{persona.phone}})");

	v = sample();
	v.persona.id_number = NULL;
	out = render("{{persona.id_number}}", &v, err, sizeof err);
	cr_assert_null(out);
	cr_assert(strstr(err, "persona field 'id_number' is empty") != NULL, "%s", err);
}

Test(templates_render, unused_missing_field_does_not_matter)
{
	struct template_values v = sample();
	v.persona.email = NULL;
	v.persona.postcode = "";
	char err[512];
	char *out = render("{{persona.name}}", &v, err, sizeof err);
	cr_assert_not_null(out, "%s", err);
	cr_assert_str_eq(out, "王芳");
	free(out);
}

Test(templates_render, missing_unit_reply_address_and_date_are_named)
{
	char err[512];
	struct template_values v = sample();
	v.unit_name = NULL;
	cr_assert_null(render("{{unit.name}}", &v, err, sizeof err));
	cr_assert_str_eq(err, "letter.tpl:8: no value given for {{unit.name}}");

	v = sample();
	v.reply_to = "";
	cr_assert_null(render("{{reply_to}}", &v, err, sizeof err));
	cr_assert_str_eq(err, "letter.tpl:8: no value given for {{reply_to}}");

	v = sample();
	v.year = 0;
	cr_assert_null(render("{{date}}", &v, err, sizeof err));
	cr_assert_str_eq(err, "letter.tpl:8: no date given for {{date}}");

	v = sample();
	v.month = 2, v.day = 30;
	cr_assert_null(render("{{date}}", &v, err, sizeof err));
	cr_assert(strstr(err, "is not a date") != NULL, "%s", err);
}

Test(templates_render, check_reports_the_placeholders_used)
{
	unsigned used = 0;
	char err[512];
	cr_assert_eq(template_check_text("{{persona.name}} {{reply_to}} {{persona.name}}", "x.tpl", 1,
					 &used, err, sizeof err), 0);
	cr_assert_eq(used, TPL_BIT(TPL_PERSONA_NAME) | TPL_BIT(TPL_REPLY_TO));
	cr_assert_eq(template_check_text("{{nope}}", "x.tpl", 4, &used, err, sizeof err), -1);
	cr_assert_str_eq(err, "x.tpl:4: unknown placeholder {{nope}}");
}

/* Rendering a parsed template: the subject and the body, with their own line numbers. */
static const char letter[] =
	"id: foi-test\n"
	"kind: foi\n"
	"title: 测试\n"
	"domain: budget\n"
	"expected_reply: 1\n"
	"subject: 申请（{{persona.name}}）\n"
	"\n"
	"{{unit.name}}：\n"
	"我是{{persona.name}}，证件号{{persona.id_number}}，电话{{persona.phone}}。\n"
	"地址{{persona.address}}\n";

Test(templates_render, template_subject_and_body)
{
	struct template t;
	char err[512];
	cr_assert_eq(template_parse(letter, strlen(letter), "mem.tpl", &t, err, sizeof err), 0, "%s",
		     err);
	struct template_values v = sample();
	struct template_rendered r;
	cr_assert_eq(template_render(&t, &v, &r, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(r.subject, "申请（王芳）");
	cr_assert_str_eq(r.body, "随州市财政局：\n我是王芳，证件号42130219850312123X，电话13972812345。\n"
				 "地址湖北省随州市曾都区青年路8号\n");
	template_rendered_free(&r);

	v.persona.address = "";
	cr_assert_eq(template_render(&t, &v, &r, err, sizeof err), -1);
	cr_assert_null(r.subject);
	cr_assert_null(r.body);
	cr_assert_str_eq(err, "mem.tpl:10: persona field 'address' is empty (needed by {{persona.address}})");

	v = sample();
	v.persona.name = NULL;
	cr_assert_eq(template_render(&t, &v, &r, err, sizeof err), -1);
	cr_assert(strstr(err, "mem.tpl:6: persona field 'name' is empty") == err, "%s", err);
	template_free(&t);
}

/* A code in the text would tell the unit it is being tested: {{token}} is refused, and says why. */
Test(templates_render, a_token_placeholder_is_refused_with_the_reason)
{
	struct template_values v = sample();
	char err[512];
	cr_assert_null(render("申请人：{{persona.name}}\n本申请编号：{{ token }}，答复时烦请注明。\n", &v, err, sizeof err));
	cr_assert(strstr(err, "letter.tpl:9: {{token}} is not a placeholder: a code in the text tells the unit") == err, "%s",
		  err);
	unsigned used;
	cr_assert_eq(template_check_text("编号{{token}}", "mine.tpl", 12, &used, err, sizeof err), -1);
	cr_assert(strstr(err, "mine.tpl:12: {{token}} is not a placeholder"), "%s", err);
}
