/* What the letter and guide checks share: the decoder, the HTML layer and the search helpers. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "grader/guide_text.h"
#include "grader/html_text.h"
#include "grader/text_decode.h"
#include "grader/text_search.h"
#include "grader/utf8.h"

static const struct decode_opts page = {.trust = DECODE_TRUST_DECLARATION,
					 .flags = DECODE_HTML | DECODE_SCRUB_CONTROLS};

Test(grader_shared, a_page_that_declares_the_wrong_charset_is_read_by_its_bytes)
{
	/* A template that says gb2312 around text that is UTF-8. */
	const char html[] = "<html><head><meta charset=\"gb2312\"></head><body><p>受理机构：政府信息公开办公室</p></body></html>";
	struct decoded_text d;
	char err[128];
	cr_assert_eq(text_decode_with(html, strlen(html), &page, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.charset, "UTF-8");
	cr_expect_str_eq(d.declared, "gb2312");
	cr_expect_str_eq(d.declared_by, "meta");
	cr_expect_eq(d.bad_sequences, 0);
	cr_expect(strstr(d.text, "政府信息公开办公室") != NULL, "%s", d.text);
	decoded_text_free(&d);
}

Test(grader_shared, the_transport_label_comes_before_the_page_and_a_bom_before_both)
{
	const char gbk[] = "<html><head><meta charset=\"utf-8\"></head><body><p>\xd6\xd0\xce\xc4</p></body></html>";
	struct decode_opts o = page;
	o.label = "GBK";
	struct decoded_text d;
	char err[128];
	cr_assert_eq(text_decode_with(gbk, strlen(gbk), &o, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.charset, "GB18030");
	cr_expect_str_eq(d.declared_by, "transport");
	cr_expect(strstr(d.text, "中文") != NULL, "%s", d.text);
	decoded_text_free(&d);

	const char bom[] = "\xEF\xBB\xBF<meta charset=\"gbk\"><p>中文</p>";
	cr_assert_eq(text_decode_with(bom, strlen(bom), &o, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.charset, "UTF-8");
	cr_expect_str_eq(d.declared_by, "byte-order mark");
	cr_expect(strstr(d.text, "中文") != NULL, "%s", d.text);
	decoded_text_free(&d);
}

Test(grader_shared, malformed_utf8_never_reaches_the_parser)
{
	/* Code points past U+10FFFF and five-byte forms (which glibc's iconv lets through),
	 * surrogates, and a sequence cut off at the end, in a page that is otherwise UTF-8 (a
	 * letter with more bad bytes than that would be tried as GB18030). */
	const char s[] = "<p>本机关于2023年9月1日收到你提出的政府信息公开申请，经审查，该信息已主动公开，"
			 "可在本机关门户网站政府信息公开专栏查阅。如对本答复不服，可以申请行政复议。</p>"
			 "<p>\xf4\x90\x80\x80 电话 \xf8\x88\x80\x80\x80 \xed\xa0\x80 中文\xe4\xb8";
	struct decode_opts o = page;
	o.label = "utf-8";
	for (int trust = 0; trust < 2; trust++) {
		o.trust = trust ? DECODE_TRUST_DECLARATION : DECODE_TRUST_BYTES;
		struct decoded_text d;
		char err[128];
		cr_assert_eq(text_decode_with(s, strlen(s), &o, &d, err, sizeof err), 0, "%s", err);
		cr_expect(utf8_valid(d.text, d.len), "trust %d: %s", trust, d.text);
		cr_expect_str_eq(d.charset, "UTF-8", "trust %d", trust);
		cr_expect(strstr(d.text, "电话") && strstr(d.text, "中文"), "trust %d: %s", trust, d.text);
		/* 4 + 5 + 3 bad bytes, and one U+FFFD for the cut-off 中. */
		cr_expect_eq(d.bad_sequences, 13, "trust %d: %zu", trust, d.bad_sequences);
		cr_expect(d.len >= 3 && memcmp(d.text + d.len - 3, "\xEF\xBF\xBD", 3) == 0);
		decoded_text_free(&d);
	}
}

Test(grader_shared, latin1_labels_are_ignored_for_letters_only_by_option)
{
	const char gbk[] = "\xd6\xd0\xce\xc4\xb4\xf0\xb8\xb4"; /* 中文答复 */
	struct decoded_text d;
	char err[128];
	cr_assert_eq(text_decode(gbk, strlen(gbk), "iso-8859-1", &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.text, "中文答复");
	decoded_text_free(&d);
	struct decode_opts o = {.label = "iso-8859-1", .trust = DECODE_TRUST_DECLARATION};
	cr_assert_eq(text_decode_with(gbk, strlen(gbk), &o, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.charset, "WINDOWS-1252", "a declaration is a declaration without the option");
	decoded_text_free(&d);
}

Test(grader_shared, binary_content_is_named)
{
	const char *name;
	cr_expect_eq(text_sniff_binary("%PDF-1.7\n", 9, TEXT_SNIFF_PAGE, 0, &name), TEXT_BINARY_DOCUMENT);
	cr_expect_str_eq(name, "a PDF document");
	cr_expect_eq(text_sniff_binary("\x89PNG\r\n\x1a\n", 8, TEXT_SNIFF_PAGE, 0, &name), TEXT_BINARY_OTHER);
	cr_expect_eq(text_sniff_binary("\xff\xfe<\0p\0>\0", 8, TEXT_SNIFF_PAGE, 0, &name), TEXT_NOT_BINARY,
		     "UTF-16 holds NUL bytes and is text");
	const char ctl[] = "a\x01\x02\x03\x04 b";
	cr_expect_eq(text_sniff_binary(ctl, strlen(ctl), TEXT_SNIFF_PAGE, 0, &name), TEXT_NOT_BINARY);
	cr_expect_eq(text_sniff_binary(ctl, strlen(ctl), TEXT_SNIFF_LETTER, 1, &name), TEXT_BINARY_OTHER);
	cr_expect(text_looks_binary(ctl, strlen(ctl)));
}

Test(grader_shared, both_readers_skip_what_no_reader_sees_and_differ_where_they_should)
{
	const char html[] = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
			    "<script>var a='脚本';</script><noscript>无脚本</noscript>"
			    "<nav>首页导航</nav><div style=\"display: none\">隐藏</div>"
			    "<p>答复正文</p><textarea readonly>答复内容</textarea>"
			    "<select><option>选项</option></select></body></html>";
	struct decoded_text d;
	char err[128];
	cr_assert_eq(html_to_text(html, strlen(html), NULL, &d, err, sizeof err), 0, "%s", err);
	struct guide_text g;
	cr_assert_eq(guide_text_from_html(html, strlen(html), NULL, &g, err, sizeof err), 0, "%s", err);
	const char *const never[] = {"脚本", "color", "选项", "T\n"};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
		cr_expect(strstr(d.text, never[i]) == NULL, "letter has %s: %s", never[i], d.text);
		cr_expect(strstr(g.shown, never[i]) == NULL, "guide has %s: %s", never[i], g.shown);
	}
	cr_expect(strstr(d.text, "答复正文") && strstr(g.shown, "答复正文"));
	/* A reply page shows the answer in a read-only text area; a guide's form fields are not
	 * its text. A site's navigation is not a letter; on a guide page it may list channels. */
	cr_expect(strstr(d.text, "答复内容") != NULL, "%s", d.text);
	cr_expect(strstr(g.shown, "答复内容") == NULL, "%s", g.shown);
	cr_expect(strstr(d.text, "首页导航") == NULL, "%s", d.text);
	cr_expect(strstr(g.shown, "首页导航") != NULL, "%s", g.shown);
	cr_expect(strstr(g.shown, "隐藏") == NULL, "%s", g.shown);
	cr_expect_str_eq(g.title, "T");
	guide_text_free(&g);
	decoded_text_free(&d);
}

Test(grader_shared, search_takes_the_longest_word_where_several_start_together)
{
	const char *t = "依据《政府信息公开条例》第三十六条";
	static const char *const words[] = {"政府信息公开条例", "第三十六条", "政府信息公开条例》", NULL};
	size_t which = 99;
	ssize_t p = text_find_any(t, 0, strlen(t), words, &which);
	cr_expect_eq(p, (ssize_t)strlen("依据《"));
	cr_expect_eq(which, 2);
	cr_expect_eq(text_find_any(t, 0, strlen("依据《政府"), words, NULL), -1);

	struct text_cursor c;
	text_cursor_init(&c, t, strlen(t), words);
	size_t pos = 0, at, w;
	cr_assert(text_cursor_step(&c, &pos, &at, &w));
	cr_expect_eq(w, 2);
	cr_expect_eq(pos, at + strlen(words[2]));
	cr_assert(text_cursor_step(&c, &pos, &at, &w));
	cr_expect_eq(w, 1);
	cr_expect_not(text_cursor_step(&c, &pos, &at, &w));
}

Test(grader_shared, last_occurrence_clause_and_quotation)
{
	const char *t = "申请“行政复议决定书”,可以申请行政复议;复议";
	size_t len = strlen(t);
	cr_expect_eq(text_rfind(t, 0, len, "复议"), (ssize_t)(len - strlen("复议")));
	ssize_t second = text_rfind(t, 0, len - strlen("复议"), "行政复议");
	cr_expect_eq(second, (ssize_t)(strstr(t, ",") - t + 1 + strlen("可以申请")));
	cr_expect_eq(text_rfind(t, 0, strlen("申请“行政复"), "复议"), -1, "a match must end inside the range");
	cr_expect_eq(text_rfind(t, 3, 3, "复议"), -1);
	cr_expect_eq(text_rfind(t, 0, len, ""), -1);
	size_t in = (size_t)(strstr(t, "决定书") - t);
	cr_expect(text_in_quotes(t, 0, in));
	cr_expect(!text_in_quotes(t, 0, (size_t)second));
	cr_expect_eq(text_clause_start(t, 0, (size_t)second), (size_t)(strstr(t, ",") - t + 1));
	cr_expect_eq(text_clause_start(t, 0, in), 0);
	const char *book = "《关于缴纳标准的通知》";
	cr_expect(text_in_quotes(book, 0, (size_t)(strstr(book, "缴纳") - book)));
	cr_expect(!text_in_quotes(book, 0, strlen(book)));
}
