/* Reading the reply out of a mail with GMime: charsets, encodings, attachments, quotes. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/utf8.h"
#include "harness/mail/mail_text.h"
#include "tests/unit/run_foi.h"

static struct mail_text parse_fixture(const char *name)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/fixtures/letters/%s", name);
	char *path = src_path(rel);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	struct mail_text m;
	char err[256];
	cr_assert_eq(mail_text_parse(buf, n, &m, err, sizeof err), 0, "%s: %s", name, err);
	cr_assert(utf8_valid(m.text, m.len), "%s: the text is not UTF-8", name);
	return m;
}

static struct mail_text parse_string(const char *msg)
{
	struct mail_text m;
	char err[256];
	cr_assert_eq(mail_text_parse(msg, strlen(msg), &m, err, sizeof err), 0, "%s", err);
	return m;
}

Test(letters_mail, gbk_base64_body_and_encoded_headers)
{
	struct mail_text m = parse_fixture("mail_gbk_base64.eml");
	cr_expect_str_eq(m.subject, "回复：政府信息公开申请（曹颖）");
	cr_expect(strstr(m.from, "随州市应急管理局") && strstr(m.from, "yjglj_xxgk@suizhou.gov.cn"), "%s", m.from);
	cr_expect_str_eq(m.source, "text/plain body (GB18030)");
	cr_expect(strstr(m.text, "曹颖：") != NULL);
	cr_expect(strstr(m.text, "随州市应急管理局\r\n2023年10月17日") || strstr(m.text, "随州市应急管理局\n2023年10月17日"));
	cr_expect_null(m.unread);
	mail_text_free(&m);
}

Test(letters_mail, attached_letter_wins_over_the_cover_note)
{
	struct mail_text m = parse_fixture("mail_attached_word_html.eml");
	cr_expect_str_eq(m.source, "attachment 答复书.html (GB18030)");
	cr_expect(strstr(m.text, "冯刚：") != NULL);
	cr_expect(strstr(m.text, "见附件") == NULL, "the cover note is not the letter");
	cr_expect(strstr(m.text, "mso") == NULL && strstr(m.text, "MsoNormal") == NULL, "no Word styles in the text");
	cr_expect_str_eq(m.subject, "政府信息公开申请答复");
	mail_text_free(&m);
}

Test(letters_mail, unlabelled_gbk_and_the_quoted_application_is_cut)
{
	struct mail_text m = parse_fixture("mail_unlabelled_gbk_quoted.eml");
	cr_expect_str_eq(m.source, "text/plain body (GB18030)");
	cr_expect(strstr(m.text, "许亮，您好") != NULL);
	cr_expect(strstr(m.text, "大洪山风景名胜区管理委员会办公室") != NULL);
	cr_expect(strstr(m.text, "原始邮件") == NULL, "the quoted original is cut");
	cr_expect(strstr(m.text, "13907221234") == NULL, "the applicant's own letter is not the reply");
	mail_text_free(&m);
}

Test(letters_mail, quoted_printable_alternative_prefers_plain)
{
	struct mail_text m = parse_fixture("mail_qp_alternative.eml");
	cr_expect_str_eq(m.source, "text/plain body (UTF-8)");
	cr_expect(strstr(m.text, "韩梅：") != NULL);
	cr_expect(strstr(m.text, "部分公开") != NULL, "soft line breaks are undone");
	cr_expect_str_eq(m.subject, "政府信息公开申请答复书");
	mail_text_free(&m);
}

Test(letters_mail, a_letter_file_is_handed_over_for_reading)
{
	struct mail_text m = parse_fixture("mail_pdf_only.eml");
	cr_expect_str_eq(m.attached_name, "答复书（扫描件）.pdf");
	cr_assert_not_null(m.attached);
	cr_expect(m.attached_len > 5 && memcmp(m.attached, "%PDF-", 5) == 0, "the PDF's decoded bytes");
	cr_expect_null(m.unread, "the letter file is read, not listed as unread");
	cr_expect(strstr(m.text, "见附件") != NULL);
	mail_text_free(&m);
}

Test(letters_mail, html_body_when_plain_is_a_placeholder)
{
	struct mail_text m = parse_string(
		"From: xxgk@example.gov.cn\r\n"
		"Subject: =?gb2312?B?tPC4tA==?=\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: multipart/alternative; boundary=b1\r\n\r\n"
		"--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHTML mail\r\n"
		"--b1\r\nContent-Type: text/html; charset=gb2312\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
		"<p>=D5=C5=C8=FD=A3=BA</p><p>=BE=AD=BC=EC=CB=F7=A3=AC=B8=C3=D0=C5=CF=A2=B2=BB=B4=E6=D4=DA=A1=A3</p>\r\n"
		"--b1--\r\n");
	cr_expect_str_eq(m.subject, "答复");
	cr_expect_str_eq(m.source, "text/html body (GB18030)");
	cr_expect(strstr(m.text, "张三：\n经检索，该信息不存在。") != NULL, "got: %s", m.text);
	mail_text_free(&m);
}

Test(letters_mail, raw_eight_bit_headers_and_forwarded_messages)
{
	/* A GBK subject sent without RFC 2047 encoding, and the letter inside a forward. */
	struct mail_text m = parse_string(
		"From: a@example.gov.cn\r\n"
		"Subject: \xb4\xf0\xb8\xb4\xca\xe9\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
		"--outer\r\nContent-Type: message/rfc822\r\n\r\n"
		"From: b@example.gov.cn\r\nSubject: inner\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
		"李四：\r\n你申请的信息不存在。\r\n"
		"--outer--\r\n");
	cr_expect_str_eq(m.subject, "答复书");
	cr_expect(strstr(m.text, "李四：") != NULL, "got: %s", m.text);
	mail_text_free(&m);
}

Test(letters_mail, quote_markers_and_reply_lines)
{
	struct mail_text m = parse_string(
		"From: a@example.gov.cn\r\nSubject: Re\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
		"王五：\r\n经审查，予以公开。\r\n> 我申请公开某文件\r\n> 用途：研究\r\n"
		"On Mon, 4 Sep 2023 at 10:00, 王五 <w@example.cn> wrote:\r\n原申请全文\r\n");
	cr_expect(strstr(m.text, "予以公开") != NULL);
	cr_expect(strstr(m.text, "用途") == NULL, "quoted lines are dropped");
	cr_expect(strstr(m.text, "原申请全文") == NULL, "the text after 'wrote:' is cut");
	mail_text_free(&m);
}

Test(letters_mail, deep_nesting_and_junk_do_not_crash)
{
	size_t depth = 2000;
	size_t cap = depth * 120 + 512;
	char *msg = malloc(cap);
	cr_assert_not_null(msg);
	size_t n = (size_t)snprintf(msg, cap, "From: x@example.cn\r\nMIME-Version: 1.0\r\n");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(msg + n, cap - n, "Content-Type: multipart/mixed; boundary=b%zu\r\n\r\n--b%zu\r\n", i, i);
	n += (size_t)snprintf(msg + n, cap - n, "Content-Type: text/plain\r\n\r\n深处的正文\r\n");
	struct mail_text m;
	char err[256];
	int rc = mail_text_parse(msg, n, &m, err, sizeof err);
	if (rc == 0) {
		cr_expect(utf8_valid(m.text, m.len));
		mail_text_free(&m);
	}
	free(msg);
	const char junk[] = "\x01\x02garbage\r\n\r\n\xff\xfe\x00\x01 no headers at all";
	rc = mail_text_parse(junk, sizeof junk - 1, &m, err, sizeof err);
	if (rc == 0) {
		cr_expect(utf8_valid(m.text, m.len));
		mail_text_free(&m);
	} else {
		cr_expect(strlen(err) > 0);
	}
}
