/* The normaliser and the text decoders: the forms real letters come in all read alike. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "grader/html_text.h"
#include "grader/normalize.h"
#include "grader/text_decode.h"
#include "grader/text_search.h"
#include "grader/utf8.h"

static char *norm(const char *s)
{
	char *n = norm_string(s);
	cr_assert_not_null(n);
	return n;
}

#define NORM_EQ(in, want)                                                      \
	do {                                                                   \
		char *got_ = norm(in);                                         \
		cr_expect_str_eq(got_, want, "normalising \"%s\"", in);        \
		free(got_);                                                    \
	} while (0)

Test(letters_normalize, full_width_forms_and_brackets)
{
	NORM_EQ("随财信复〔２０２３〕１２号", "随财信复[2023]12号");
	NORM_EQ("【2023】", "[2023]");
	NORM_EQ("［2023］", "[2023]");
	NORM_EQ("﹝2023﹞", "[2023]");
	NORM_EQ("第（四）项：", "第(4)项:");
	NORM_EQ("ＡＢＣ，ｘｙｚ！", "ABC,xyz!");
}

Test(letters_normalize, chinese_numerals_where_they_count)
{
	NORM_EQ("二〇二三年九月二十八日", "2023年9月28日");
	NORM_EQ("二○二三年十月十日", "2023年10月10日");
	NORM_EQ("二O二三年", "2023年");
	NORM_EQ("六十日内", "60日内");
	NORM_EQ("六个月内", "6个月内");
	NORM_EQ("三个月", "3个月");
	NORM_EQ("两个月", "2个月");
	NORM_EQ("第三十六条第（四）项", "第36条第(4)项");
	NORM_EQ("第二十一条", "第21条");
	NORM_EQ("十五个工作日", "15个工作日");
	NORM_EQ("一百二十页", "120页");
	NORM_EQ("〔二〇二三〕", "[2023]");
	/* A line break inside a numeral, where a letter was wrapped. */
	NORM_EQ("之日起六\n十日内", "之日起60日内");
	NORM_EQ("二十\n一日", "21日");
	NORM_EQ("第三\n十六条", "第36条");
	NORM_EQ("二〇二\n三年", "2023年");
	/* Two numerals on two lines stay two. */
	NORM_EQ("附件一\n二〇二三年十月九日", "附件一\n2023年10月9日");
}

Test(letters_normalize, numerals_in_words_are_left_alone)
{
	NORM_EQ("统一一次性告知", "统一一次性告知");
	NORM_EQ("进一步", "进一步");
	NORM_EQ("唯一的", "唯一的");
	NORM_EQ("十百", "十百");
}

Test(letters_normalize, spaces_and_line_breaks)
{
	NORM_EQ("张 三　先生", "张三先生");
	NORM_EQ("2023 年 9 月", "2023年9月");
	NORM_EQ("Article  21", "Article 21");
	NORM_EQ("标题行\r\n\r\n\r\n  正文行  \n", "标题行\n正文行");
	NORM_EQ("\xEF\xBB\xBF零宽\xE2\x80\x8B字符", "零宽字符");
}

Test(letters_normalize, quotes_come_from_the_source)
{
	const char *src = "如对本答复不服，可以在收到本答复之日起六十日内申请行政复议，也可以在三\n个月内向随州市曾都区人民法院提起行政诉讼，逾期不起诉的，人民\n法院不予受理";
	struct norm_text t, flat;
	char err[128];
	cr_assert_eq(norm_build(src, strlen(src), &t, err, sizeof err), 0);
	cr_assert_eq(norm_flatten(&t, 0, t.len, &flat), 0);
	cr_assert_str_eq(flat.text, "如对本答复不服,可以在收到本答复之日起60日内申请行政复议,也可以在3个月内向随州市曾都区人民法院提起行政诉讼,逾期不起诉的,人民法院不予受理");
	ssize_t p = text_find(flat.text, 0, flat.len, "3个月");
	cr_assert_geq(p, 0);
	char *q = norm_source_span(&flat, src, strlen(src), (size_t)p, (size_t)p + strlen("3个月"), 50);
	cr_expect_str_eq(q, "三个月", "the evidence quotes the letter, joined across its line break");
	free(q);
	/* A span ending inside a converted numeral still quotes the whole numeral. */
	q = norm_source_span(&flat, src, strlen(src), (size_t)p, (size_t)p + 1, 50);
	cr_expect_str_eq(q, "三");
	free(q);
	norm_free(&t);
	norm_free(&flat);
}

Test(letters_normalize, colon_line_ends_break_sentences_but_wraps_do_not)
{
	const char *src = "本机关于2023年9月18日收到你的申请，现答复如下：\n经审查，你申请获取的该政府信息不存\n在，特此告知。";
	struct norm_text t, flat;
	char err[128];
	cr_assert_eq(norm_build(src, strlen(src), &t, err, sizeof err), 0);
	cr_assert_eq(norm_flatten(&t, 0, t.len, &flat), 0);
	cr_expect_str_eq(flat.text, "本机关于2023年9月18日收到你的申请,现答复如下:;经审查,你申请获取的该政府信息不存在,特此告知。");
	norm_free(&t);
	norm_free(&flat);
}

Test(letters_normalize, evidence_tidy_is_valid_utf8_and_capped)
{
	char *s = norm_tidy("abc\xff\xfe 中 文", strlen("abc\xff\xfe 中 文"), 100);
	cr_assert(utf8_valid(s, strlen(s)), "tidied text must be valid UTF-8: %s", s);
	cr_expect_str_eq(s, "abc\xEF\xBF\xBD\xEF\xBF\xBD中文");
	free(s);
	s = norm_tidy("一二三四五六", strlen("一二三四五六"), 3);
	cr_expect_str_eq(s, "一二三…");
	free(s);
}

Test(letters_normalize, dates_in_every_common_form)
{
	struct date_match m;
	const char *t = "于2023年9月28日、2023-10-08、2023.1.2和9月5日";
	cr_assert(text_find_date(t, 0, strlen(t), 0, &m));
	cr_expect(m.year == 2023 && m.month == 9 && m.day == 28);
	cr_assert(text_find_date(t, m.end, strlen(t), 0, &m));
	cr_expect(m.year == 2023 && m.month == 10 && m.day == 8);
	cr_assert(text_find_date(t, m.end, strlen(t), 0, &m));
	cr_expect(m.year == 2023 && m.month == 1 && m.day == 2);
	size_t after = m.end;
	cr_expect_not(text_find_date(t, after, strlen(t), 0, &m), "a month and day alone is not a full date");
	cr_assert(text_find_date(t, after, strlen(t), 1, &m));
	cr_expect(m.year == 0 && m.month == 9 && m.day == 5);
	cr_expect_not(text_find_date("2023年13月1日", 0, strlen("2023年13月1日"), 1, &m));
}

Test(letters_normalize, gbk_utf8_utf16_and_labels)
{
	struct decoded_text d;
	char err[128];
	const char gbk[] = "\xd6\xd0\xce\xc4\xb4\xf0\xb8\xb4"; /* 中文答复 in GBK */
	cr_assert_eq(text_decode(gbk, strlen(gbk), NULL, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.text, "中文答复");
	cr_expect_str_eq(d.charset, "GB18030");
	decoded_text_free(&d);
	/* 堃 is GBK but not GB2312: a "gb2312" label is read as GB18030. */
	const char kun[] = "\x88\xd2";
	cr_assert_eq(text_decode(kun, 2, "gb2312", &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.text, "堃");
	decoded_text_free(&d);
	/* A Latin-1 label on GBK bytes is the usual mislabelling: the bytes are sniffed. */
	cr_assert_eq(text_decode(gbk, strlen(gbk), "iso-8859-1", &d, err, sizeof err), 0);
	cr_expect_str_eq(d.text, "中文答复");
	decoded_text_free(&d);
	const char u16[] = "\xff\xfe\x2d\x4e\x87\x65";
	cr_assert_eq(text_decode(u16, 6, NULL, &d, err, sizeof err), 0);
	cr_expect_str_eq(d.text, "中文");
	decoded_text_free(&d);
	cr_assert_eq(text_decode("\xEF\xBB\xBF中文", 9, NULL, &d, err, sizeof err), 0);
	cr_expect_str_eq(d.text, "中文");
	decoded_text_free(&d);
	cr_expect_neq(text_decode("PK\x03\x04\0\0binary", 12, NULL, &d, err, sizeof err), 0);
	cr_expect(strstr(err, "binary") != NULL, "%s", err);
}

Test(letters_normalize, mostly_utf8_with_bad_bytes_stays_utf8)
{
	struct decoded_text d;
	char err[128];
	const char s[] = "经检索，该政府信息不存在。\xff\xfe如对本答复不服，可以申请行政复议。";
	cr_assert_eq(text_decode(s, strlen(s), NULL, &d, err, sizeof err), 0);
	cr_expect(d.bad_sequences > 0);
	cr_expect_str_eq(d.charset, "UTF-8");
	cr_expect(strstr(d.text, "行政复议") != NULL);
	cr_expect(utf8_valid(d.text, d.len));
	decoded_text_free(&d);
	/* These bytes happen to form valid GB18030 too: the text must still not be taken for it. */
	const char t[] = "如对本答复不服，可以申请行政复议。\x81随州市财政局";
	cr_assert_eq(text_decode(t, strlen(t), NULL, &d, err, sizeof err), 0);
	cr_expect_str_eq(d.charset, "UTF-8");
	cr_expect(strstr(d.text, "行政复议") != NULL);
	cr_expect(d.bad_sequences > 0);
	decoded_text_free(&d);
}

Test(letters_normalize, html_blocks_lines_and_skipped_elements)
{
	const char *html = "<html><head><title>T</title><style>p{}</style></head><body>"
			   "<script>document.write('行政复议')</script><nav>首页 | 政务公开</nav>"
			   "<h1>随州市财政局<br>答复书</h1><p>张三：</p><p>你于<b>2023</b>年提出"
			   "申请。</p><table><tr><td>申请人</td><td>张三</td></tr></table></body></html>";
	struct decoded_text d;
	char err[128];
	cr_assert_eq(html_to_text(html, strlen(html), NULL, &d, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(d.text, "随州市财政局\n答复书\n张三：\n你于2023年提出申请。\n 申请人 张三\n");
	decoded_text_free(&d);
}

Test(letters_normalize, html_charset_from_meta_or_sniffed)
{
	struct decoded_text d;
	char err[128];
	const char meta[] = "<html><head><meta charset=\"gb2312\"></head><body><p>\x88\xd2\xa3\xba</p></body></html>";
	cr_assert_eq(html_to_text(meta, strlen(meta), NULL, &d, err, sizeof err), 0, "%s", err);
	cr_expect(strstr(d.text, "堃：") != NULL, "got %s", d.text);
	decoded_text_free(&d);
	const char bare[] = "<p>\xd6\xd0\xce\xc4</p>";
	cr_assert_eq(html_to_text(bare, strlen(bare), NULL, &d, err, sizeof err), 0, "%s", err);
	cr_expect(strstr(d.text, "中文") != NULL, "an undeclared GBK page is sniffed: %s", d.text);
	decoded_text_free(&d);
	/* The transport's label beats the page's own declaration. */
	const char utf[] = "<html><head><meta charset=\"gbk\"></head><body><p>中文</p></body></html>";
	cr_assert_eq(html_to_text(utf, strlen(utf), "utf-8", &d, err, sizeof err), 0, "%s", err);
	cr_expect(strstr(d.text, "中文") != NULL, "got %s", d.text);
	decoded_text_free(&d);
}
