/*
 * The simulator's mail: requests read from a unit's Maildir, replies written into the
 * evaluator's Maildir at the simulated moment (Date header and file time), with the flaws and
 * the encoding the unit's profile names, and only once the clock has reached them.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "templates/template.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/sim_support.h"

/* A string the test keeps until its process ends. */
static char *keep_text(char *s)
{
	static char *kept[16];
	static int n;
	if (n == 16) {
		for (int i = 0; i < 16; i++)
			free(kept[i]);
		n = 0;
	}
	kept[n++] = s;
	return s;
}

static const char *fixture(void)
{
	return src_path("tests/fixtures/sim/profiles.ini");
}

/* A shipped FOI template rendered for the unit, as the harness will send it. */
static char *rendered_application(const char *unit_name, const char *token, char **subject)
{
	struct template t;
	char err[512];
	cr_assert_eq(template_load_file(src_path("templates/foi/budget.tpl"), &t, err, sizeof err), 0, "%s", err);
	char reply_to[128];
	snprintf(reply_to, sizeof reply_to, "evaluator+%s@foi.test", token);
	struct template_values v = {unit_name,
				    {"李明华", "居民身份证", "421302199003154515", "13971234567",
				     "湖北省随州市曾都区青年路18号", "441300", reply_to},
				    2023, 9, 28, reply_to};
	struct template_rendered r;
	cr_assert_eq(template_render(&t, &v, &r, err, sizeof err), 0, "%s", err);
	*subject = strdup(r.subject);
	char *body = strdup(r.body);
	template_rendered_free(&r);
	template_free(&t);
	return body;
}

/* The message as Postfix delivers it into the unit's Maildir: UTF-8, 8bit, RFC 2047 subject. */
static char *request_mail(const char *unit_addr, const char *token, const char *subject, const char *body,
			  const char *date, const char *message_id)
{
	gchar *subj64 = g_base64_encode((const guchar *)subject, strlen(subject));
	char *text;
	cr_assert(asprintf(&text,
			   "Return-Path: <evaluator+%s@foi.test>\n"
			   "Delivered-To: %s\n"
			   "Received: from [127.0.0.1] (localhost [127.0.0.1])\n\tby mail.foi.test (Postfix) with ESMTPSA id 4RxK2Q\n\tfor <%s>; %s\n"
			   "From: =?UTF-8?B?5p2O5piO5Y2O?= <evaluator+%s@foi.test>\n"
			   "To: %s\n"
			   "Subject: =?UTF-8?B?%s?=\n"
			   "Date: %s\n"
			   "Message-ID: <%s>\n"
			   "MIME-Version: 1.0\n"
			   "Content-Type: text/plain; charset=UTF-8\n"
			   "Content-Transfer-Encoding: 8bit\n\n%s",
			   token, unit_addr, unit_addr, date, token, unit_addr, subj64, date, message_id, body) > 0);
	g_free(subj64);
	return text;
}

/* Delivers the budget application to a unit, dated 2023-09-28 10:00 (a Thursday). */
static void send_application(struct sim *s, const char *unit_addr, const char *unit_name, const char *token,
			     const char *message_id)
{
	char *subject, *body = rendered_application(unit_name, token, &subject);
	char *mail = request_mail(unit_addr, token, subject, body, "Thu, 28 Sep 2023 10:00:00 +0800", message_id);
	sim_make_mailbox(s, unit_addr);
	char name[128];
	snprintf(name, sizeof name, "1695866400.M1P1Q%s.mail.foi.test,S=%zu", token, strlen(mail));
	sim_deliver(s, unit_addr, name, mail);
	free(mail);
	free(body);
	free(subject);
}

static char **evaluator_files(struct sim *s, size_t *n)
{
	return maildir_new_files(sim_maildir(s, "evaluator@foi.test"), n);
}

/* The reply in the evaluator's Maildir whose subject contains word. */
static int find_reply(struct sim *s, const char *word, struct reply *out)
{
	size_t n;
	char **files = evaluator_files(s, &n);
	int found = 0;
	for (size_t i = 0; i < n && !found; i++) {
		reply_read(files[i], out);
		if (out->subject && strstr(out->subject, word))
			found = 1;
		else
			reply_free(out);
	}
	files_free(files);
	return found;
}

Test(sim_mail, reply_lands_at_the_simulated_time_and_not_before)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t01@units.foi.test", "测试市教育局", "k7q2m9x4", "req-t01@foi.test");
	size_t n;

	cr_assert_eq(sim_clock(&s, "2023-09-28 10:05", NULL), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 0, "nothing before the acknowledgement is due");

	/* The acknowledgement: ten minutes after arrival. */
	char *json;
	cr_assert_eq(sim_clock(&s, "2023-09-28 10:10", &json), 200);
	cr_assert(strstr(json, "\"step\":\"ack\""), "%s", json);
	free(json);
	struct reply r;
	cr_assert(find_reply(&s, "受理回执", &r));
	cr_assert_eq(r.date, shanghai("2023-09-28 10:10"));
	cr_assert_eq(r.mtime, shanghai("2023-09-28 10:10"), "the file's time is the simulated time");
	cr_assert_str_eq(r.to, "evaluator+k7q2m9x4@foi.test");
	cr_assert_str_eq(r.in_reply_to, "<req-t01@foi.test>");
	cr_assert(strstr(r.from, "t01@units.foi.test"));
	reply_free(&r);

	/* Five working days after 28 September: the National Day break (29 Sep - 6 Oct) is not
	 * counted, its weekend workdays 7 and 8 October are. */
	cr_assert_eq(sim_clock(&s, "2023-10-11 09:59", NULL), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 1, "the final reply is not there before its time");
	cr_assert_eq(sim_clock(&s, "2023-10-11 10:00", NULL), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 2);

	cr_assert(find_reply(&s, "答复书", &r));
	cr_assert_str_eq(r.date_header, "Wed, 11 Oct 2023 10:00:00 +0800");
	cr_assert_eq(r.mtime, shanghai("2023-10-11 10:00"));
	cr_assert_str_eq(r.to, "evaluator+k7q2m9x4@foi.test");
	cr_assert_str_eq(r.in_reply_to, "<req-t01@foi.test>");
	cr_assert_str_eq(r.content_type, "text/plain");
	cr_assert_str_eq(r.charset, "UTF-8");
	cr_assert(r.body_is_utf8);
	cr_assert(strstr(r.text, "政府信息公开申请答复书"));
	cr_assert(strstr(r.text, "测教公开〔2023〕"), "a document number");
	cr_assert(strstr(r.text, "李明华："), "the salutation names the applicant");
	cr_assert(strstr(r.text, "2023年9月28日收到"), "restates the receipt date");
	cr_assert(strstr(r.text, "部门预算"), "restates what was asked: %s", r.text);
	cr_assert(strstr(r.text, "第三十六条第（一）项"));
	/* Its flaw: litigation within 3 months. */
	cr_assert(strstr(r.text, "3个月内"), "%s", r.text);
	cr_assert_null(strstr(r.text, "6个月"));
	cr_assert(strstr(r.text, "60日内"));
	cr_assert(strstr(r.text, "2023年10月11日"), "dated the day it was sent");
	reply_free(&r);

	/* Moving on sends nothing twice. */
	cr_assert_eq(sim_clock(&s, "2023-12-29 18:00", NULL), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 2);
	cr_assert_eq(sim_stop(&s), 0);
}

Test(sim_mail, gbk_letter_with_the_2007_articles_no_document_number_no_salutation)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t02@units.foi.test", "测试市财政局", "gq4p8w2e", "req-t02@foi.test");
	cr_assert_eq(sim_clock(&s, "2023-10-09 10:00", NULL), 200);
	struct reply r;
	cr_assert(find_reply(&s, "答复", &r));
	cr_assert_eq(r.date, shanghai("2023-10-09 10:00"), "three working days: 7, 8 and 9 October");
	cr_assert_str_eq(r.charset, "GBK");
	cr_assert_not(r.body_is_utf8, "the body's bytes are GBK");
	cr_assert(strstr(r.text, "政府信息公开申请答复书"), "GMime decodes it: %s", r.text);
	cr_assert(strstr(r.text, "第二十一条"));
	cr_assert(strstr(r.text, "15个工作日"));
	cr_assert_null(strstr(r.text, "第三十六条"));
	cr_assert_null(strstr(r.text, "〔"), "no document number");
	cr_assert_null(strstr(r.text, "李明华："), "no salutation");
	cr_assert(strstr(r.text, "6个月"));
	reply_free(&r);
	sim_stop(&s);
}

Test(sim_mail, gbk_html_letter_attached_with_fee_and_purpose_demands_and_no_date)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t03@units.foi.test", "测试市公安局", "hx3b6n1c", "req-t03@foi.test");
	cr_assert_eq(sim_clock(&s, "2023-10-10 10:00", NULL), 200);
	struct reply r;
	cr_assert(find_reply(&s, "答复", &r));
	cr_assert_str_eq(r.content_type, "multipart/mixed");
	cr_assert_str_eq(r.attachment_name, "政府信息公开申请答复书.html");
	cr_assert_str_eq(r.attachment_type, "text/html");
	cr_assert_str_eq(r.charset, "GBK");
	cr_assert_not(r.body_is_utf8);
	cr_assert(strstr(r.text, "charset=gbk"), "the HTML declares its charset");
	cr_assert(strstr(r.text, "<h1>政府信息公开申请答复书</h1>"));
	cr_assert(strstr(r.text, "用途"), "demands the purpose");
	cr_assert(strstr(r.text, "人民币80元"), "demands a fee");
	cr_assert_null(strstr(r.text, "2023年10月10日"), "the letter is not dated");
	cr_assert(strstr(r.text, "测试市公安局"), "signed");
	reply_free(&r);
	sim_stop(&s);
}

Test(sim_mail, late_article_39_notice_as_text_attachment_without_remedy)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t04@units.foi.test", "测试市住建局", "mz8r4t6y", "req-t04@foi.test");
	/* 25 working days: 8 November, late (the deadline is the 20th working day, 1 November). */
	cr_assert_eq(sim_clock(&s, "2023-11-08 09:59", NULL), 200);
	struct reply r;
	cr_assert_not(find_reply(&s, "答复", &r));
	cr_assert_eq(sim_clock(&s, "2023-11-08 10:00", NULL), 200);
	cr_assert(find_reply(&s, "答复", &r));
	cr_assert_str_eq(r.attachment_name, "政府信息公开申请答复书.txt");
	cr_assert_str_eq(r.attachment_type, "text/plain");
	cr_assert_str_eq(r.charset, "UTF-8");
	cr_assert(strstr(r.text, "第三十九条"));
	cr_assert(strstr(r.text, "二〇二三年十一月八日"), "Chinese numerals: %s", r.text);
	cr_assert_null(strstr(r.text, "行政复议"), "no remedy notice");
	cr_assert_null(strstr(r.text, "行政诉讼"));
	reply_free(&r);
	sim_stop(&s);
}

Test(sim_mail, silent_unit_never_answers)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t05@units.foi.test", "测试市民政局", "s1l3n7aa", "req-t05@foi.test");
	char *json;
	cr_assert_eq(sim_clock(&s, "2023-12-29 18:00", &json), 200);
	cr_assert(strstr(json, "\"received\":1"), "it did receive it: %s", json);
	free(json);
	size_t n;
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 0);
	sim_stop(&s);
}

Test(sim_mail, full_mailbox_returns_a_delivery_status_report)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	send_application(&s, "t06@units.foi.test", "测试市统计局", "d5n1b2ce", "req-t06@foi.test");
	cr_assert_eq(sim_clock(&s, "2023-09-28 11:00", NULL), 200);
	size_t n;
	char **files = evaluator_files(&s, &n);
	cr_assert_eq(n, 1, "one report, no reply");
	struct reply r;
	reply_read(files[0], &r);
	files_free(files);
	cr_assert_str_eq(r.subject, "Undelivered Mail Returned to Sender");
	cr_assert(strstr(r.from, "MAILER-DAEMON@units.foi.test"));
	cr_assert_str_eq(r.to, "evaluator+d5n1b2ce@foi.test", "to the envelope sender");
	cr_assert_str_eq(r.content_type, "multipart/report");
	cr_assert(r.report);
	cr_assert(strstr(r.report, "Final-Recipient: rfc822; t06@units.foi.test"), "%s", r.report);
	cr_assert(strstr(r.report, "Action: failed"));
	cr_assert(strstr(r.report, "Status: 5.2.2"));
	cr_assert_eq(r.date, shanghai("2023-09-28 10:01"));
	reply_free(&r);
	sim_stop(&s);
}

Test(sim_mail, supplement_request_then_extension_and_reply_counted_from_the_supplement)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-10-09 08:00");
	char *subject, *body = rendered_application("测试市人社局", "sp9k2l4m", &subject);
	char *mail = request_mail("t07@units.foi.test", "sp9k2l4m", subject, body, "Mon, 9 Oct 2023 09:00:00 +0800",
				  "req-t07@foi.test");
	sim_make_mailbox(&s, "t07@units.foi.test");
	sim_deliver(&s, "t07@units.foi.test", "1696813200.M1P1.mail.foi.test", mail);
	free(mail);
	free(body);
	free(subject);

	cr_assert_eq(sim_clock(&s, "2023-10-11 10:00", NULL), 200);
	struct reply notice;
	cr_assert(find_reply(&s, "补正告知书", &notice));
	cr_assert_eq(notice.date, shanghai("2023-10-11 10:00"));
	cr_assert(strstr(notice.text, "第三十条"));
	size_t n;
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 2, "acknowledgement and supplement request, nothing else yet");

	/* Nothing more comes while the applicant has not supplemented. */
	cr_assert_eq(sim_clock(&s, "2023-10-12 08:00", NULL), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 2);

	/* The applicant answers the notice on 12 October. */
	char *supp;
	const char *text = "补正内容：所需信息为2023年1月至9月失业保险金发放情况统计表。\n";
	gchar *b64 = g_base64_encode((const guchar *)"回复：政府信息公开申请补正", strlen("回复：政府信息公开申请补正"));
	cr_assert(asprintf(&supp,
			   "Return-Path: <evaluator+sp9k2l4m@foi.test>\nFrom: evaluator+sp9k2l4m@foi.test\n"
			   "To: t07@units.foi.test\nSubject: =?UTF-8?B?%s?=\nDate: Thu, 12 Oct 2023 09:00:00 +0800\n"
			   "Message-ID: <supp-t07@foi.test>\nIn-Reply-To: <%s>\nReferences: <req-t07@foi.test> <%s>\n"
			   "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n%s",
			   b64, notice.message_id, notice.message_id, text) > 0);
	g_free(b64);
	reply_free(&notice);
	sim_deliver(&s, "t07@units.foi.test", "1697072400.M2P1.mail.foi.test", supp);
	free(supp);

	/* Extension 3 working days after the supplement (13, 16, 17 October); final 8 (… 24 October) at 15:30. */
	cr_assert_eq(sim_clock(&s, "2023-10-24 15:29", NULL), 200);
	struct reply r;
	cr_assert(find_reply(&s, "延期答复告知书", &r));
	cr_assert_eq(r.date, shanghai("2023-10-17 10:00"));
	cr_assert(strstr(r.text, "延长20个工作日"));
	cr_assert_str_eq(r.in_reply_to, "<supp-t07@foi.test>");
	reply_free(&r);
	cr_assert_not(find_reply(&s, "申请答复书", &r));
	cr_assert_eq(sim_clock(&s, "2023-10-24 15:30", NULL), 200);
	cr_assert(find_reply(&s, "申请答复书", &r));
	cr_assert_eq(r.date, shanghai("2023-10-24 15:30"));
	cr_assert(strstr(r.text, "2023年10月12日作出了补正"), "%s", r.text);
	cr_assert(strstr(r.text, "第三十六条第（三）项"));
	reply_free(&r);
	sim_stop(&s);
}

/* The letter grader's `accurate` result for an answer to the legal-aid question. */
static char *answer_accuracy(const char *path)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("cp '%s' '%s/answer.eml' && \"$FOI_BIN\" grade check '%s/answer.eml' "
				     "--reference consult-legal-aid --json", path, dir, dir);
	cr_assert(r.status == 0 || r.status == 1, "foi grade check: %s", r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "not JSON: %s", r.out);
	run_free(&r);
	char *verdict = NULL;
	const cJSON *item;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "items"))
	{
		if (strcmp(cJSON_GetObjectItem(item, "code")->valuestring, "accurate") == 0)
			verdict = strdup(cJSON_GetObjectItem(item, "result")->valuestring);
	}
	cJSON_Delete(root);
	cr_assert(verdict, "no accurate item");
	return keep_text(verdict);
}

Test(sim_mail, question_by_mail_is_answered_by_mail_with_the_reference_answer)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	struct template t;
	char err[512];
	cr_assert_eq(template_load_file(src_path("templates/consult/legal-aid.tpl"), &t, err, sizeof err), 0, "%s", err);
	char *mail = request_mail("t01@units.foi.test", "qa1b2c3d", t.subject, t.body, "Thu, 28 Sep 2023 10:00:00 +0800",
				  "q-t01@foi.test");
	sim_make_mailbox(&s, "t01@units.foi.test");
	sim_deliver(&s, "t01@units.foi.test", "1695866400.M9P1.mail.foi.test", mail);
	free(mail);
	cr_assert_eq(sim_clock(&s, "2023-09-28 16:00", NULL), 200);
	struct reply r;
	cr_assert(find_reply(&s, "答复：", &r));
	cr_assert_eq(r.date, shanghai("2023-09-28 16:00"));
	cr_assert(strstr(r.subject, t.subject));
	cr_assert(strstr(r.text, t.reference), "%s", r.text);
	cr_assert_str_eq(r.in_reply_to, "<q-t01@foi.test>");
	cr_assert_str_eq(answer_accuracy(r.path), "pass", "the letter grader finds every key point");
	reply_free(&r);

	/* T02 answers with boilerplate, two working days later. */
	mail = request_mail("t02@units.foi.test", "qb4c5d6e", t.subject, t.body, "Thu, 28 Sep 2023 10:00:00 +0800",
			    "q-t02@foi.test");
	sim_make_mailbox(&s, "t02@units.foi.test");
	sim_deliver(&s, "t02@units.foi.test", "1695866400.M9P2.mail.foi.test", mail);
	free(mail);
	cr_assert_eq(sim_clock(&s, "2023-10-08 10:00", NULL), 200);
	size_t n;
	char **files = evaluator_files(&s, &n);
	cr_assert_eq(n, 2);
	reply_read(files[1], &r);
	files_free(files);
	cr_assert_str_eq(r.in_reply_to, "<q-t02@foi.test>");
	cr_assert_null(strstr(r.text, t.reference));
	cr_assert_str_eq(answer_accuracy(r.path), "fail", "boilerplate is not an accurate answer");
	reply_free(&r);
	template_free(&t);
	sim_stop(&s);
}

Test(sim_mail, form_application_is_answered_at_the_address_the_form_received)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	const char *fields[] = {"name", "王秀兰", "id_number", "42138119851120062X", "phone", "15872345678",
				"email", "evaluator+web7k2m@foi.test", "content", "2023年度教育经费统计公告", NULL};
	struct http h = sim_post(&s, &b, "/T01/foi", fields, 0);
	cr_assert(strstr(h.body, "提交成功"));
	http_free(&h);
	browser_close(&b);
	cr_assert_eq(sim_clock(&s, "2023-10-11 10:00", NULL), 200);
	struct reply r;
	cr_assert(find_reply(&s, "答复书", &r));
	cr_assert_str_eq(r.to, "evaluator+web7k2m@foi.test");
	cr_assert_null(r.in_reply_to, "a form has no message to reply to");
	cr_assert(strstr(r.text, "王秀兰："));
	cr_assert(strstr(r.text, "本机关网站在线申请平台"));
	cr_assert(strstr(r.text, "2023年度教育经费统计公告"));
	reply_free(&r);
	sim_stop(&s);
}

Test(sim_mail, state_survives_a_restart)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	const char *q[] = {"name", "李明华", "phone", "13971234567", "email", "evaluator+r3st@foi.test",
			   "title", "关于学位申请的咨询", "content", "请问小学入学需要准备哪些材料？", NULL};
	struct http h = sim_post(&s, &b, "/T01/consult", q, 0);
	char *code = html_query_code(h.body);
	cr_assert(code);
	http_free(&h);
	send_application(&s, "t01@units.foi.test", "测试市教育局", "rs7t8u9v", "req-restart@foi.test");
	cr_assert_eq(sim_clock(&s, "2023-09-28 12:00", NULL), 200);
	size_t n;
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 1, "the acknowledgement");

	sim_restart(&s);
	char *json = NULL;
	h = sim_get(&s, &b, "/_sim/clock");
	cr_assert(strstr(h.body, "2023-09-28T12:00:00+08:00"), "the clock is kept: %s", h.body);
	http_free(&h);
	char *path;
	cr_assert(asprintf(&path, "/T01/letters?code=%s", code) > 0);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "关于学位申请的咨询"), "the question is remembered");
	http_free(&h);
	cr_assert_eq(sim_clock(&s, "2023-10-11 10:00", &json), 200);
	files_free(evaluator_files(&s, &n));
	cr_assert_eq(n, 3, "answer and final reply, the acknowledgement not again (%s)", json);
	free(json);
	h = sim_get(&s, &b, path);
	cr_assert(strstr(h.body, "已答复"));
	http_free(&h);
	free(path);
	free(code);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_mail, clock_only_moves_forward)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	char *json;
	cr_assert_eq(sim_clock(&s, "2023-09-27 09:00", &json), 409);
	cr_assert(strstr(json, "only moves forward"), "%s", json);
	free(json);
	cr_assert_eq(sim_clock(&s, "not a time", &json), 400);
	free(json);
	sim_stop(&s);
}

Test(sim_mail, advance_on_the_command_line_does_what_the_control_call_does)
{
	char *dir = make_temp_dir();
	struct sim s = {0};
	s.maildirs = dir;
	send_application(&s, "t01@units.foi.test", "测试市教育局", "cl1x2y3z", "req-cli@foi.test");
	const char *f = fixture();
	struct foi_run r = run_shell("\"$FOI_SIM\" advance --quiet --profiles '%s' --state '%s/state' --maildirs '%s' "
				     "--now '2023-09-28 09:00' --to '2023-10-11 10:00'", f, dir, dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"step\":\t\"ack\"") || strstr(r.out, "\"step\": \"ack\""), "%s", r.out);
	cr_assert(strstr(r.out, "\"final\""), "%s", r.out);
	run_free(&r);
	size_t n;
	files_free(maildir_new_files(sim_maildir(&s, "evaluator@foi.test"), &n));
	cr_assert_eq(n, 2);

	r = run_shell("\"$FOI_SIM\" advance --quiet --profiles '%s' --state '%s/state' --maildirs '%s' --to '2023-10-01 10:00'",
		      f, dir, dir);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "only moves forward"), "%s", r.err);
	run_free(&r);

	r = run_shell("\"$FOI_SIM\" state --profiles '%s' --state '%s/state'", f, dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "req-cli@foi.test"));
	run_free(&r);

	r = run_shell("\"$FOI_SIM\" advance --profiles '%s' --state '%s/state'", f, dir);
	cr_assert_eq(r.status, 2, "--to is required");
	run_free(&r);
}

Test(sim_mail, an_address_that_leads_out_of_the_mail_folder_gets_nothing)
{
	struct sim s;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	struct browser b;
	browser_open(&b);
	const char *fields[] = {"name", "李明华", "id_number", "421302199003154515", "phone", "13971234567",
				"email", "../../../x@..", "content", "2023年度教育经费统计公告", NULL};
	struct http h = sim_post(&s, &b, "/T01/foi", fields, 0);
	cr_assert(strstr(h.body, "电子邮箱格式不正确"), "the form refuses it: %s", h.body);
	http_free(&h);
	browser_close(&b);
	/* By mail, the reply address is whatever the sender wrote. */
	char *mail = request_mail("t01@units.foi.test", "ev1l", "政府信息公开申请", "所需信息内容描述：2023年预算\n",
				  "Thu, 28 Sep 2023 10:00:00 +0800", "evil@foi.test");
	char *hostile = NULL;
	cr_assert(asprintf(&hostile, "Reply-To: \"../../../../tmp/x\"@foi.test\n%s", mail) > 0);
	free(mail);
	sim_make_mailbox(&s, "t01@units.foi.test");
	sim_deliver(&s, "t01@units.foi.test", "1695866400.M7P1.mail.foi.test", hostile);
	free(hostile);
	char *json;
	cr_assert_eq(sim_clock(&s, "2023-10-11 10:00", &json), 200);
	cr_assert(strstr(json, "not an address the mail stack can hold"), "%s", json);
	free(json);
	struct foi_run r = run_shell("find '%s' -type f -path '*/new/*' | grep -v 'units.foi.test/t01/' || true", s.dir);
	cr_assert_str_eq(r.out, "", "no reply was written anywhere: %s", r.out);
	run_free(&r);
	sim_stop(&s);
}
