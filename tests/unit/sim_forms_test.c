/* The simulator's forms over HTTP: validation, CSRF, captcha, failures, published answers. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "templates/template.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/sim_support.h"

static const char *fixture(void)
{
	return src_path("tests/fixtures/sim/profiles.ini");
}

#define FOI_FIELDS(name)                                                                         \
	"name", name, "id_type", "居民身份证", "id_number", "421302199003154515", "phone",            \
		"13971234567", "email", "evaluator+tok1@foi.test", "address", "湖北省随州市曾都区青年路18号", \
		"postcode", "441300", "content", "2023年度部门预算及“三公”经费预算说明", "delivery", "电子邮件"

Test(sim_forms, plain_form_checks_fields_and_confirms_with_a_query_code)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T01/foi");
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "<label for=\"id_number\">证件号码</label>"));
	cr_assert(strstr(h.body, "method=\"post\" action=\"/T01/foi\""));
	cr_assert_null(strstr(h.body, "csrf"), "a plain form has no token");
	cr_assert_null(strstr(h.body, "captcha"), "a plain form has no captcha");
	http_free(&h);

	const char *missing[] = {"name", "李明华", "phone", "13971234567", NULL};
	h = sim_post(&s, &b, "/T01/foi", missing, 0);
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "提交失败"));
	cr_assert(strstr(h.body, "请填写证件号码"));
	cr_assert(strstr(h.body, "请填写所需信息内容描述"));
	cr_assert(strstr(h.body, "请填写电子邮箱"));
	cr_assert_null(strstr(h.body, "请填写姓名"), "the name was given");
	cr_assert_null(strstr(h.body, "查询码"));
	http_free(&h);

	const char *bad[] = {"name", "李明华", "id_number", "42130219900315451", "phone", "1234",
			     "email", "not-an-address", "content", "预算", NULL};
	h = sim_post(&s, &b, "/T01/foi", bad, 0);
	cr_assert(strstr(h.body, "证件号码格式不正确"));
	cr_assert(strstr(h.body, "联系电话格式不正确"));
	cr_assert(strstr(h.body, "电子邮箱格式不正确"));
	cr_assert(strstr(h.body, "所需信息内容描述不能少于5个字"));
	http_free(&h);

	const char *good[] = {FOI_FIELDS("李明华"), NULL};
	h = sim_post(&s, &b, "/T01/foi", good, 0);
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "提交成功"), "%s", h.body);
	char *code = html_query_code(h.body);
	cr_assert(code);
	cr_assert_eq(strlen(code), 8, "query code '%s'", code);
	free(code);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_forms, query_codes_repeat_with_the_seed)
{
	char *codes[2];
	for (int i = 0; i < 2; i++) {
		struct sim s;
		struct browser b;
		sim_start(&s, fixture(), "2023-09-28 09:00");
		browser_open(&b);
		const char *good[] = {FOI_FIELDS("李明华"), NULL};
		struct http h = sim_post(&s, &b, "/T01/foi", good, 0);
		codes[i] = html_query_code(h.body);
		cr_assert(codes[i]);
		http_free(&h);
		h = sim_post(&s, &b, "/T01/foi", good, 0);
		char *second = html_query_code(h.body);
		cr_assert_str_neq(second, codes[i], "each submission has its own code");
		free(second);
		http_free(&h);
		browser_close(&b);
		sim_stop(&s);
	}
	cr_assert_str_eq(codes[0], codes[1]);
	free(codes[0]);
	free(codes[1]);
}

Test(sim_forms, multipart_form)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T05/consult");
	cr_assert(strstr(h.body, "enctype=\"multipart/form-data\""));
	http_free(&h);
	const char *fields[] = {"name", "王秀兰", "phone", "15872345678", "email", "evaluator+q5@foi.test",
				"title", "低保申请条件", "content", "请问申请最低生活保障需要满足什么条件？", NULL};
	h = sim_post(&s, &b, "/T05/consult", fields, 1);
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "您的留言已提交成功"), "%s", h.body);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_forms, csrf_token_and_session_cookie_must_come_back)
{
	struct sim s;
	struct browser b, other;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	browser_open(&other);
	const char *good[] = {FOI_FIELDS("李明华"), NULL};

	/* Without the token. */
	struct http h = sim_post(&s, &b, "/T02/foi", good, 0);
	cr_assert_eq(h.status, 403);
	cr_assert(strstr(h.body, "CSRF"));
	http_free(&h);

	h = sim_get(&s, &b, "/T02/foi");
	cr_assert_eq(h.status, 200);
	char *token = html_input_value(h.body, "csrf_token");
	cr_assert(token, "the form carries a hidden token");
	http_free(&h);
	const char *with_token[] = {FOI_FIELDS("李明华"), "csrf_token", token, NULL};

	/* The token without the session cookie it belongs to. */
	h = sim_post(&s, &other, "/T02/foi", with_token, 0);
	cr_assert_eq(h.status, 403);
	http_free(&h);

	/* A wrong token with the cookie. */
	const char *wrong[] = {FOI_FIELDS("李明华"), "csrf_token", "0123456789abcdef0123456789abcdef", NULL};
	h = sim_post(&s, &b, "/T02/foi", wrong, 0);
	cr_assert_eq(h.status, 403);
	http_free(&h);

	h = sim_post(&s, &b, "/T02/foi", with_token, 0);
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "提交成功"), "%s", h.body);
	http_free(&h);
	free(token);
	browser_close(&b);
	browser_close(&other);
	sim_stop(&s);
}

Test(sim_forms, captcha_refuses_a_program_until_someone_reads_the_image)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T03/foi");
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "<label for=\"zjhm\">证件号码</label>"), "pinyin field names");
	cr_assert(strstr(h.body, "name=\"yzm\""), "a captcha field");
	char *cid = html_input_value(h.body, "yzmid");
	cr_assert(cid);
	const char *img = strstr(h.body, "<img src=\"/T03/captcha.png?id=");
	cr_assert(img, "a captcha image");
	http_free(&h);

	char *path;
	cr_assert(asprintf(&path, "/T03/captcha.png?id=%s", cid) > 0);
	h = sim_get(&s, &b, path);
	cr_assert_eq(h.status, 200);
	cr_assert_str_eq(h.type, "image/png");
	cr_assert(h.len > 33 && memcmp(h.body, "\x89PNG\r\n\x1a\n", 8) == 0, "a PNG file");
	cr_assert(memcmp(h.body + 12, "IHDR", 4) == 0);
	unsigned char *ihdr = (unsigned char *)h.body + 16;
	cr_assert_eq((ihdr[0] << 24 | ihdr[1] << 16 | ihdr[2] << 8 | ihdr[3]), 90);
	cr_assert_eq((ihdr[4] << 24 | ihdr[5] << 16 | ihdr[6] << 8 | ihdr[7]), 32);
	http_free(&h);
	free(path);

	const char *fields[] = {"xm", "李明华", "zjlx", "居民身份证", "zjhm", "421302199003154515", "lxdh",
				"13971234567", "dzyx", "evaluator+tok3@foi.test", "nrms", "2023年度行政执法统计年报",
				"yzmid", cid, NULL};
	h = sim_post(&s, &b, "/T03/foi", fields, 0);
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "验证码错误"), "%s", h.body);
	cr_assert_null(strstr(h.body, "查询码"));
	http_free(&h);

	/* A captcha is used once: read a fresh one, as the person filling the form would. */
	h = sim_get(&s, &b, "/T03/foi");
	free(cid);
	cid = html_input_value(h.body, "yzmid");
	http_free(&h);
	cr_assert(asprintf(&path, "/_sim/captcha/T03/%s", cid) > 0);
	h = sim_get(&s, &b, path);
	cr_assert_eq(h.status, 200);
	const char *ans = strstr(h.body, "\"answer\":\"");
	cr_assert(ans);
	char *answer = strndup(ans + 10, 4);
	http_free(&h);
	free(path);
	const char *wrong_answer = strcmp(answer, "0000") ? "0000" : "1111";
	const char *wrong[] = {"xm", "李明华", "zjhm", "421302199003154515", "lxdh", "13971234567", "dzyx",
			       "evaluator+tok3@foi.test", "nrms", "2023年度行政执法统计年报", "yzmid", cid,
			       "yzm", wrong_answer, NULL};
	h = sim_post(&s, &b, "/T03/foi", wrong, 0);
	cr_assert(strstr(h.body, "验证码错误"));
	http_free(&h);

	h = sim_get(&s, &b, "/T03/foi");
	free(cid);
	cid = html_input_value(h.body, "yzmid");
	http_free(&h);
	cr_assert(asprintf(&path, "/_sim/captcha/T03/%s", cid) > 0);
	h = sim_get(&s, &b, path);
	free(answer);
	answer = strndup(strstr(h.body, "\"answer\":\"") + 10, 4);
	http_free(&h);
	free(path);
	const char *right[] = {"xm", "李明华", "zjhm", "421302199003154515", "lxdh", "13971234567", "dzyx",
			       "evaluator+tok3@foi.test", "nrms", "2023年度行政执法统计年报", "yzmid", cid,
			       "yzm", answer, NULL};
	h = sim_post(&s, &b, "/T03/foi", right, 0);
	cr_assert(strstr(h.body, "提交成功"), "%s", h.body);
	http_free(&h);
	/* The same captcha again: refused. */
	h = sim_post(&s, &b, "/T03/foi", right, 0);
	cr_assert(strstr(h.body, "验证码错误"));
	http_free(&h);
	free(answer);
	free(cid);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_forms, broken_closed_and_absent_forms)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	const char *good[] = {FOI_FIELDS("李明华"), NULL};

	struct http h = sim_get(&s, &b, "/T04/foi");
	cr_assert_eq(h.status, 200, "the broken form still shows");
	cr_assert(strstr(h.body, "<form"));
	http_free(&h);
	h = sim_post(&s, &b, "/T04/foi", good, 0);
	cr_assert_eq(h.status, 500);
	cr_assert(strstr(h.body, "HTTP Status 500"));
	http_free(&h);

	h = sim_get(&s, &b, "/T04/consult");
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "系统维护"));
	cr_assert(strstr(h.body, "暂停受理"));
	cr_assert_null(strstr(h.body, "<form"), "no form while closed");
	http_free(&h);
	const char *q[] = {"name", "李明华", "phone", "13971234567", "title", "问题", "content", "请问这件事怎么办理？", NULL};
	h = sim_post(&s, &b, "/T04/consult", q, 0);
	cr_assert(strstr(h.body, "暂停受理"));
	cr_assert_null(strstr(h.body, "查询码"));
	http_free(&h);

	h = sim_get(&s, &b, "/T08/foi");
	cr_assert_eq(h.status, 404);
	http_free(&h);
	h = sim_post(&s, &b, "/T08/foi", good, 0);
	cr_assert_eq(h.status, 404);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

/* The subject and question of a shipped consultation template, and its reference answer. */
static void shipped_question(char **subject, char **question, char **reference)
{
	struct template t;
	char err[512];
	cr_assert_eq(template_load_file(src_path("templates/consult/legal-aid.tpl"), &t, err, sizeof err), 0, "%s", err);
	*subject = strdup(t.subject);
	*question = strndup(t.body, strcspn(t.body, "\n"));
	*reference = strdup(t.reference);
	template_free(&t);
}

Test(sim_forms, published_answer_appears_by_query_code_once_the_clock_passes_it)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	char *subject, *question, *reference;
	shipped_question(&subject, &question, &reference);
	const char *q[] = {"name", "李明华", "phone", "13971234567", "email", "evaluator+q1@foi.test",
			   "title", subject, "content", question, NULL};
	struct http h = sim_post(&s, &b, "/T01/consult", q, 0);
	char *code = html_query_code(h.body);
	cr_assert(code, "%s", h.body);
	http_free(&h);

	char *path;
	cr_assert(asprintf(&path, "/T01/letters?code=%s", code) > 0);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, subject));
	cr_assert(strstr(h.body, "李**"), "the asker's name is masked");
	cr_assert(strstr(h.body, "办理中，尚未答复"));
	cr_assert_null(strstr(h.body, "答复内容"));
	http_free(&h);

	cr_assert_eq(sim_clock(&s, "2023-09-28 15:59", NULL), 200);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "尚未答复"), "not before 16:00");
	http_free(&h);

	cr_assert_eq(sim_clock(&s, "2023-09-28 16:00", NULL), 200);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "已答复"));
	cr_assert(strstr(h.body, "2023-09-28 16:00"), "the answer's time");
	cr_assert(strstr(h.body, "测试市教育局"));
	cr_assert(strstr(h.body, reference), "an accurate unit answers with the reference answer");
	http_free(&h);

	/* The list of published answers shows it too; an unknown code finds nothing. */
	h = sim_get(&s, &b, "/T01/letters");
	cr_assert(strstr(h.body, subject));
	http_free(&h);
	h = sim_get(&s, &b, "/T01/letters?code=XXXXXXXX");
	cr_assert(strstr(h.body, "未找到相关留言"));
	http_free(&h);
	/* Another unit's page does not show it. */
	free(path);
	cr_assert(asprintf(&path, "/T02/letters?code=%s", code) > 0);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "未找到相关留言"));
	http_free(&h);
	free(path);
	free(code);
	free(subject);
	free(question);
	free(reference);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_forms, inaccurate_unit_answers_with_boilerplate)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	char *subject, *question, *reference;
	shipped_question(&subject, &question, &reference);
	struct http h = sim_get(&s, &b, "/T02/consult");
	char *token = html_input_value(h.body, "csrf_token");
	http_free(&h);
	const char *q[] = {"name", "李明华", "phone", "13971234567", "title", subject, "content", question,
			   "csrf_token", token, NULL};
	h = sim_post(&s, &b, "/T02/consult", q, 0);
	char *code = html_query_code(h.body);
	cr_assert(code, "%s", h.body);
	http_free(&h);
	cr_assert_eq(sim_clock(&s, "2023-10-31 09:00", NULL), 200);
	char *path;
	cr_assert(asprintf(&path, "/T02/letters?code=%s", code) > 0);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "已答复"));
	/* Answered two working days after 28 September: the National Day holiday and its weekend workdays counted. */
	cr_assert(strstr(h.body, "2023-10-08 10:00"), "%s", h.body);
	cr_assert_null(strstr(h.body, reference));
	cr_assert(strstr(h.body, "转交相关科室"), "%s", h.body);
	http_free(&h);
	free(path);
	free(code);
	free(token);
	free(subject);
	free(question);
	free(reference);
	browser_close(&b);
	sim_stop(&s);
}
