/*
 * Hostile and broken input to the channel-clarity check: huge files, invalid UTF-8, deep
 * nesting, scripts, binary files, entity tricks, mutated pages. Each gives a clear error or
 * a result, never a crash (the suite also runs under ASan and UBSan with SANITIZE=1).
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grader/guide_check.h"
#include "tests/unit/guide_expect.h"
#include "tests/unit/run_foi.h"

#define HEAD "<html><head><meta charset=\"utf-8\"><title>测试县人民政府信息公开指南</title></head><body>"
#define CONTACTS "<p>联系电话：0722-4221860</p><p>通信地址：随州市随县厉山镇炎帝大道88号</p><p>邮政编码：441309</p>"

struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		cr_assert(b->p);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Checks and asserts the report is whole: every item has a result and UTF-8 evidence. */
static void check_ok(const void *data, size_t len, struct guide_report *r)
{
	struct guide_source src = {.data = data, .len = len};
	char err[512];
	cr_assert_eq(guide_check(&src, r, err, sizeof err), 0, "%s", err);
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++) {
		cr_assert(r->items[i].evidence && r->items[i].evidence[0], "%s has no evidence", r->items[i].code);
		cr_assert(guide_valid_utf8(r->items[i].evidence), "%s evidence is not UTF-8", r->items[i].code);
		cr_assert(r->items[i].result <= FINDING_UNKNOWN);
	}
}

static uint32_t rng_state;
static uint32_t rng(void)
{
	rng_state = rng_state * 1664525u + 1013904223u;
	return rng_state >> 8;
}

/* ---- size ---- */

Test(guide_hostile, fifty_megabytes_is_refused_by_the_library)
{
	size_t n = 50u * 1024 * 1024;
	char *big = malloc(n);
	cr_assert(big);
	memset(big, 'a', n);
	memcpy(big, HEAD, strlen(HEAD));
	struct guide_source src = {.data = (unsigned char *)big, .len = n};
	struct guide_report r;
	char err[512];
	cr_assert_eq(guide_check(&src, &r, err, sizeof err), -1);
	cr_expect(strstr(err, "52428800 bytes"), "%s", err);
	cr_expect(strstr(err, "at most 8 MiB"), "%s", err);
	guide_report_free(&r);
	free(big);
}

Test(guide_hostile, fifty_megabyte_file_is_a_data_error)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("truncate -s 50M '%s/big.html' && \"$FOI_BIN\" channel check --file '%s/big.html' --json",
				     dir, dir);
	cr_expect_eq(r.status, 3, "stderr: %s", r.err);
	cr_expect(strstr(r.err, "foi: channel check: ") && strstr(r.err, "the file is 52428800 bytes; a guide page is at most 8 MiB"),
		  "%s", r.err);
	cr_expect_str_eq(r.out, "");
	run_free(&r);
}

Test(guide_hostile, fifty_megabytes_on_standard_input_is_a_data_error)
{
	struct foi_run r = run_shell("head -c 52428800 /dev/zero | \"$FOI_BIN\" channel check --file -");
	cr_expect_eq(r.status, 3, "stderr: %s", r.err);
	cr_expect(strstr(r.err, "more than 8 MiB"), "%s", r.err);
	run_free(&r);
}

Test(guide_hostile, a_large_page_under_the_limit_is_checked)
{
	/* A guide followed by a long table of published documents: about 6 MB. */
	struct buf b = {0};
	puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1>" CONTACTS "<table>");
	for (int i = 0; b.len < 6u * 1024 * 1024; i++) {
		char row[256];
		snprintf(row, sizeof row, "<tr><td>%d</td><td><a href=\"/doc/%d.html\">测试县人民政府关于第%d批文件的通知</a></td><td>2023-09-%02d</td></tr>\n",
			 i, i, i, i % 28 + 1);
		puts_(&b, row);
	}
	puts_(&b, "</table></body></html>");
	struct guide_report r;
	check_ok(b.p, b.len, &r);
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS);
	cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_PASS, "%s", r.items[GUIDE_PHONE].evidence);
	cr_expect_eq(r.items[GUIDE_POSTAL].result, FINDING_PASS, "%s", r.items[GUIDE_POSTAL].evidence);
	guide_report_free(&r);
	free(b.p);
}

/* ---- encodings ---- */

Test(guide_hostile, invalid_utf8_is_replaced_not_trusted)
{
	/* Declared UTF-8; stray bytes, overlong forms, surrogates and cut sequences around the
	 * contacts, and a GBK fragment in the middle. */
	struct buf b = {0};
	puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1>");
	puts_(&b, "<p>\xff\xfe\xc0\xaf 联系电话：0722-4221860 \xed\xa0\x80\xe6\x9d</p>");
	puts_(&b, "<p>\x80\x80\x80 通信地址：随州市随县厉山镇炎帝大道88号 \xf8\x88\x80\x80\x80</p>");
	puts_(&b, "<p>邮政编码：441309 \xd3\xca\xb1\xe0 \xf4\x90\x80\x80</p><p>\xe4\xb8");
	struct guide_report r;
	check_ok(b.p, b.len, &r);
	cr_expect_str_eq(r.charset, "UTF-8");
	cr_expect_gt(r.bad_sequences, 0);
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS);
	cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_PASS, "%s", r.items[GUIDE_PHONE].evidence);
	cr_expect_eq(r.items[GUIDE_POSTAL].result, FINDING_PASS, "%s", r.items[GUIDE_POSTAL].evidence);
	guide_report_free(&r);
	free(b.p);
}

Test(guide_hostile, undeclared_bytes_that_are_neither_utf8_nor_gbk)
{
	struct buf b = {0};
	puts_(&b, "<html><body><h1>");
	for (int i = 0; i < 4096; i++) {
		unsigned char c = (unsigned char)(0x80 + i % 128);
		put(&b, &c, 1);
	}
	puts_(&b, "</h1></body></html>");
	struct guide_report r;
	check_ok(b.p, b.len, &r);
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_FAIL);
	guide_report_free(&r);
	free(b.p);
}

Test(guide_hostile, unknown_or_absurd_charset_declarations)
{
	static const char *const metas[] = {
		"<meta charset=\"x-no-such-charset\">", "<meta charset=\"\">",
		"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\">",
		"<meta charset=\"utf-16\">", "<meta charset=\"UTF-32BE\">",
		"<meta charset=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">",
	};
	for (size_t i = 0; i < sizeof metas / sizeof metas[0]; i++) {
		struct buf b = {0};
		puts_(&b, "<html><head>");
		puts_(&b, metas[i]);
		puts_(&b, "<title>测试县人民政府信息公开指南</title></head><body>" CONTACTS "</body></html>");
		struct guide_report r;
		check_ok(b.p, b.len, &r);
		cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS, "%s: %s", metas[i], r.items[GUIDE_PRESENT].evidence);
		cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_PASS, "%s: %s", metas[i], r.items[GUIDE_PHONE].evidence);
		guide_report_free(&r);
		free(b.p);
	}
}

Test(guide_hostile, utf16_with_a_byte_order_mark)
{
	const char *html = HEAD "<h1>测试县人民政府信息公开指南</h1>" CONTACTS "</body></html>";
	/* UTF-8 to UTF-16LE by hand is not worth it: ask iconv through the shell. */
	char *dir = make_temp_dir();
	write_file(dir, "page.html", html);
	struct foi_run conv = run_shell("cd '%s' && { printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE page.html; } > page16.html", dir);
	cr_assert_eq(conv.status, 0, "%s", conv.err);
	run_free(&conv);
	char path[1024];
	snprintf(path, sizeof path, "%s/page16.html", dir);
	size_t len;
	unsigned char *data = guide_read_bytes(path, &len);
	struct guide_report r;
	check_ok(data, len, &r);
	cr_expect_str_eq(r.charset, "UTF-16LE");
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS, "%s", r.items[GUIDE_PRESENT].evidence);
	cr_expect_eq(r.items[GUIDE_POSTAL].result, FINDING_PASS, "%s", r.items[GUIDE_POSTAL].evidence);
	guide_report_free(&r);
	free(data);
}

Test(guide_hostile, nul_and_control_bytes_after_the_first_kilobytes)
{
	struct buf b = {0};
	puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1>");
	for (int i = 0; i < 300; i++)
		puts_(&b, "<p>本机关主动公开的政府信息，通过门户网站公开。</p>");
	puts_(&b, "<p>联系\x01电话：0722-4221860</p>");
	put(&b, "\0\0\0\x1b[31m", 8);
	puts_(&b, CONTACTS "</body></html>");
	struct guide_report r;
	check_ok(b.p, b.len, &r);
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS);
	cr_expect_eq(r.items[GUIDE_POSTAL].result, FINDING_PASS, "%s", r.items[GUIDE_POSTAL].evidence);
	guide_report_free(&r);
	free(b.p);
}

/* ---- structure ---- */

static void deep(const char *open, const char *close, int n, struct guide_report *r)
{
	struct buf b = {0};
	puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1>" CONTACTS);
	for (int i = 0; i < n; i++)
		puts_(&b, open);
	puts_(&b, "<p>电子邮箱：deep@163.com</p>");
	for (int i = 0; close && i < n; i++)
		puts_(&b, close);
	puts_(&b, "</body></html>");
	check_ok(b.p, b.len, r);
	free(b.p);
}

Test(guide_hostile, deeply_nested_html)
{
	static const struct {
		const char *open, *close;
	} shapes[] = {
		{"<div>", "</div>"},
		{"<table><tr><td>", "</td></tr></table>"},
		{"<a href=\"/x\">", "</a>"},
		{"<b><i><font color=red>", NULL},
		{"<ul><li>", NULL},
		{"<h2 class=\"title\"><span>", "</span></h2>"},
		{"<p>", NULL},
		{"<td>", NULL},
	};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		struct guide_report r;
		deep(shapes[i].open, shapes[i].close, 100000, &r);
		/* What comes before the nesting is read whatever libxml2 does with the rest. */
		cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_PASS, "%s", shapes[i].open);
		cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_PASS, "%s: %s", shapes[i].open, r.items[GUIDE_PHONE].evidence);
		guide_report_free(&r);
	}
}

Test(guide_hostile, scripts_styles_and_comments_are_not_the_page)
{
	static const char *const pages[] = {
		/* Contacts only inside script, style, noscript, template, comments. */
		HEAD "<h1>测试县人民政府信息公开指南</h1><script>var s = '联系电话：0722-4221860 邮编：441309 电子邮箱：a@b.cn';"
		     "if (a < b && c > d) { document.write('<p>网上申请：http://x.gov.cn</p>'); }</script>"
		     "<style>p:after { content: '联系电话：0722-4221860'; }</style>"
		     "<noscript>联系电话：0722-4221860</noscript><template><p>联系电话：0722-4221860</p></template>"
		     "<!-- 联系电话：0722-4221860 --><p>本页说明政府信息公开工作。</p></body></html>",
		/* A script that never ends swallows the rest of the page. */
		HEAD "<h1>测试县人民政府信息公开指南</h1><script>var x = \"</scr\" + \"ipt>\"; 联系电话：0722-4221860",
		/* A script end tag inside a string, then the real page. */
		HEAD "<h1>测试县人民政府信息公开指南</h1><script>document.write(\"<\\/script>\");</script><p>本页说明。</p></body></html>",
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct guide_report r;
		check_ok(pages[i], strlen(pages[i]), &r);
		cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_FAIL, "page %zu: %s", i, r.items[GUIDE_PHONE].evidence);
		cr_expect_eq(r.items[GUIDE_ONLINE].result, FINDING_FAIL, "page %zu: %s", i, r.items[GUIDE_ONLINE].evidence);
		cr_expect_eq(r.items[GUIDE_EMAIL_OR_FAX].result, FINDING_FAIL, "page %zu", i);
		guide_report_free(&r);
	}
}

Test(guide_hostile, entities_are_not_expanded_into_surprises)
{
	/* An internal subset with "billion laughs" entities means nothing to the HTML parser. */
	struct buf b = {0};
	puts_(&b, "<!DOCTYPE html [<!ENTITY a \"联系电话：0722-4221860\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
		  "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
		  "<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
	puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1><p>&d;&d;&d;&d;&e;</p>"
		  "<p>&#0;&#xD800;&#x110000;&#99999999999;&nbsp&amp;&lt;script&gt;&unknown;</p></body></html>");
	struct guide_report r;
	check_ok(b.p, b.len, &r);
	cr_expect_eq(r.items[GUIDE_PHONE].result, FINDING_FAIL, "%s", r.items[GUIDE_PHONE].evidence);
	guide_report_free(&r);
	free(b.p);
}

static void repeat(struct buf *b, const char *piece, size_t bytes)
{
	while (b->len < bytes)
		puts_(b, piece);
}

Test(guide_hostile, repetition_gives_a_report)
{
	/* Pages that name a label, a channel or an address thousands of times, in one line or
	 * in tables: a check that re-reads the page per mention would take hours on these.
	 * How fast it is, is for `make bench` to say; here it must finish with a report. */
	static const struct {
		const char *before, *piece, *after;
	} shapes[] = {
		{"<p>", "电话在线申请邮政编码", "</p>"},
		{"<p>", "在线申请，", "</p>"},
		{"<table>", "<tr><td>电话</td><td><a href=\"#\">在线申请</a></td><td>邮编</td></tr>", "</table>"},
		{"<table><tr>", "<td>联系电话</td>", "</tr></table>"},
		{"", "<h2 class=\"title\">政府信息公开指南 页面不存在</h2>", ""},
		{"<p>", "a@", "</p>"},
		{"<p>", "应当包括姓名", "</p>"},
		{"<p>", "地址：随州市路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路路号", "</p>"},
		{"", "<a href=\"/x\">网上申请</a>", ""},
		{"<p>", "电子邮箱：传真：", "</p>"},
	};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		struct buf b = {0};
		puts_(&b, HEAD "<h1>测试县人民政府信息公开指南</h1>");
		puts_(&b, shapes[i].before);
		repeat(&b, shapes[i].piece, 2u * 1024 * 1024);
		puts_(&b, shapes[i].after);
		puts_(&b, "</body></html>");
		struct guide_report r;
		check_ok(b.p, b.len, &r);
		cr_expect_eq(r.items[GUIDE_PRESENT].result == FINDING_PASS || r.items[GUIDE_PRESENT].result == FINDING_FAIL, 1,
			     "shape %zu (%s): guide.present is %d", i, shapes[i].piece, (int)r.items[GUIDE_PRESENT].result);
		guide_report_free(&r);
		free(b.p);
	}
}

/* ---- not a page at all ---- */

Test(guide_hostile, binary_content)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *name;
		enum finding_result result;
	} kinds[] = {
		{"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "a PNG image", FINDING_FAIL},
		{"\x1f\x8b\x08\0\0\0\0\0\0\x03", 10, "gzip-compressed data", FINDING_FAIL},
		{"\xff\xd8\xff\xe0\0\x10JFIF", 10, "a JPEG image", FINDING_FAIL},
		{"PK\x03\x04\x14\0\x06\0", 8, "Office (docx) document", FINDING_UNKNOWN},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "a Word (OLE) document", FINDING_UNKNOWN},
		{"\x7f" "ELF\x02\x01\x01", 7, "an executable", FINDING_FAIL},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		unsigned char data[4096];
		rng_state = (uint32_t)i + 1;
		for (size_t k = 0; k < sizeof data; k++)
			data[k] = (unsigned char)rng();
		memcpy(data, kinds[i].magic, kinds[i].len);
		struct guide_report r;
		check_ok(data, sizeof data, &r);
		cr_expect_eq(r.items[GUIDE_PRESENT].result, kinds[i].result, "%s", kinds[i].name);
		cr_expect(strstr(r.items[GUIDE_PRESENT].evidence, kinds[i].name), "%s", r.items[GUIDE_PRESENT].evidence);
		for (int k = 1; k < GUIDE_NO_REFUSAL; k++)
			cr_expect_eq(r.items[k].result, kinds[i].result, "%s: %s", kinds[i].name, r.items[k].code);
		/* Nothing read refuses nothing: whether the unit refuses a channel stays open. */
		cr_expect_eq(r.items[GUIDE_NO_REFUSAL].result, FINDING_UNKNOWN, "%s", kinds[i].name);
		guide_report_free(&r);
	}
}

Test(guide_hostile, random_bytes)
{
	static unsigned char data[256 * 1024];
	for (uint32_t seed = 1; seed <= 4; seed++) {
		rng_state = seed;
		for (size_t k = 0; k < sizeof data; k++)
			data[k] = (unsigned char)rng();
		/* With NUL bytes it is binary; without them it goes all the way through the parser. */
		if (seed % 2 == 0)
			for (size_t k = 0; k < sizeof data; k++)
				if (data[k] == 0)
					data[k] = '<';
		struct guide_report r;
		check_ok(data, sizeof data, &r);
		cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_FAIL, "seed %u: %s", seed, r.items[GUIDE_PRESENT].evidence);
		if (seed % 2 == 1)
			cr_expect(strstr(r.items[GUIDE_PRESENT].evidence, "binary data"), "%s", r.items[GUIDE_PRESENT].evidence);
		guide_report_free(&r);
	}
}

Test(guide_hostile, empty_and_blank_pages)
{
	struct guide_report r;
	check_ok("", 0, &r);
	cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_FAIL);
	cr_expect(strstr(r.items[GUIDE_PRESENT].evidence, "empty"), "%s", r.items[GUIDE_PRESENT].evidence);
	guide_report_free(&r);
	static const char *const blanks[] = {" \n\t\r\n", "<html></html>", "<", "<!--", "<html><body>&nbsp;　</body></html>", "\xef\xbb\xbf"};
	for (size_t i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
		check_ok(blanks[i], strlen(blanks[i]), &r);
		cr_expect_eq(r.items[GUIDE_PRESENT].result, FINDING_FAIL, "blank %zu", i);
		for (int k = 1; k < GUIDE_NO_REFUSAL; k++)
			cr_expect_eq(r.items[k].result, FINDING_FAIL, "blank %zu: %s", i, r.items[k].code);
		cr_expect_eq(r.items[GUIDE_NO_REFUSAL].result, FINDING_UNKNOWN, "blank %zu", i);
		guide_report_free(&r);
	}
}

Test(guide_hostile, binary_file_through_the_command)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("head -c 65536 /dev/urandom > '%s/x.bin'; printf '\\0' >> '%s/x.bin'; "
				     "\"$FOI_BIN\" channel check --file '%s/x.bin'",
				     dir, dir, dir);
	/* Random data may hold no NUL in its first 8 KiB only with odds of about e^-32. */
	cr_expect_eq(r.status, 1, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "guide.present          fail     the content is binary data"), "%s", r.out);
	run_free(&r);
}

/* ---- every fixture, mutated ---- */

Test(guide_hostile, mutated_fixtures_never_crash)
{
	size_t n;
	char **names = guide_fixture_names(&n);
	for (size_t f = 0; f < n; f++) {
		struct guide_expect ex;
		guide_expect_load(names[f], &ex);
		size_t len;
		unsigned char *orig = guide_read_bytes(ex.page, &len);
		unsigned char *m = malloc(len * 2 + 64);
		cr_assert(m);
		for (uint32_t round = 0; round < 40; round++) {
			rng_state = (uint32_t)(f * 1000 + round + 7);
			memcpy(m, orig, len);
			size_t mlen = len;
			int edits = 1 + (int)(rng() % 20);
			for (int e = 0; e < edits && mlen > 0; e++) {
				size_t at = rng() % mlen;
				switch (rng() % 5) {
				case 0: /* flip a byte */
					m[at] = (unsigned char)rng();
					break;
				case 1: /* insert markup */
					memmove(m + at + 1, m + at, mlen - at);
					m[at] = "<>&\"'/"[rng() % 6];
					mlen++;
					break;
				case 2: /* cut the page short */
					mlen = at;
					break;
				case 3: /* cut a UTF-8 sequence */
					m[at] = 0xE6;
					break;
				default: { /* copy a stretch over another */
					size_t from = rng() % mlen, k = rng() % 64;
					if (from + k > mlen)
						k = mlen - from;
					if (at + k > mlen)
						k = mlen - at;
					memmove(m + at, m + from, k);
				}
				}
				if (mlen > len * 2)
					mlen = len * 2;
			}
			struct guide_report r;
			check_ok(m, mlen, &r);
			guide_report_free(&r);
		}
		free(m);
		free(orig);
	}
	guide_names_free(names);
}
