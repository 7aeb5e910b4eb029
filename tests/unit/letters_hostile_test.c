/*
 * Hostile input to `foi grade check` and to the library: huge files, invalid UTF-8, deep
 * nesting, scripts, binary data, random damage. A clear error or a result, never a crash
 * (these run under ASan and UBSan with `make check SANITIZE=1`).
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/consult_accuracy.h"
#include "grader/html_text.h"
#include "grader/letter_check.h"
#include "grader/utf8.h"
#include "harness/mail/mail_text.h"
#include "tests/unit/run_foi.h"

#define MB (1024 * 1024)

static char *write_bytes(const char *dir, const char *name, const char *data, size_t len)
{
	char *path;
	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	return path;
}

/* A big file made of one chunk repeated. */
static char *write_repeated(const char *dir, const char *name, const char *head, const char *chunk,
			    size_t total)
{
	char *path;
	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(head, f);
	size_t n = strlen(head), cl = strlen(chunk);
	while (n < total) {
		fwrite(chunk, 1, cl, f);
		n += cl;
	}
	fclose(f);
	return path;
}

static const char letter[] =
	"随州市财政局\n政府信息公开申请答复书\n随财信复〔2023〕21号\n张三：\n"
	"　　本机关于2023年9月18日收到你提交的政府信息公开申请，你申请获取“随州市2022年政府债务情况”。\n"
	"　　经检索，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。\n"
	"　　如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议，或者自收到本答复之日起6个月内向随州市曾都区人民法院提起行政诉讼。\n"
	"随州市财政局\n2023年10月12日\n";

/* Runs the command and checks it neither crashed nor printed anything but JSON (exit 0, or 1
 * when an item fails) or an error. */
static struct foi_run grade(const char *path)
{
	struct foi_run r = run_foi(NULL, "grade check '%s' --json", path);
	cr_assert_lt(r.status, 128, "foi crashed (status %d): %s", r.status, r.err);
	if (r.status == 0 || (r.status == 1 && !*r.err)) {
		cJSON *doc = cJSON_Parse(r.out);
		cr_assert_not_null(doc, "not JSON: %.300s", r.out);
		cJSON_Delete(doc);
	} else {
		cr_assert(strncmp(r.err, "foi: ", 5) == 0, "the error is not 'foi: what: why': %s", r.err);
	}
	return r;
}

Test(letters_hostile, fifty_megabyte_files_are_refused_clearly)
{
	char *dir = make_temp_dir();
	char *txt = write_repeated(dir, "big.txt", "", "经检索，该政府信息不存在。", 50 * MB);
	struct foi_run r = grade(txt);
	cr_expect_eq(r.status, 3, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "too large") != NULL, "%s", r.err);
	run_free(&r);
	char *html = write_repeated(dir, "big.html", "<html><body>", "<p>经检索，该政府信息不存在。</p>", 50 * MB);
	r = grade(html);
	cr_expect_eq(r.status, 3, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "too large") != NULL, "%s", r.err);
	run_free(&r);
	/* A mail may be big (scanned attachments); its text is then too long to be a letter. */
	char *eml = write_repeated(dir, "big.eml",
				   "From: a@example.gov.cn\r\nSubject: big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
				   "经检索，该政府信息不存在。\r\n", 50 * MB);
	r = grade(eml);
	cr_expect_eq(r.status, 3, "status %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "too large") != NULL, "%s", r.err);
	run_free(&r);
	remove(txt);
	remove(html);
	remove(eml);
	free(txt);
	free(html);
	free(eml);
}

Test(letters_hostile, binary_empty_missing_and_folders)
{
	char *dir = make_temp_dir();
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a";
	char *bin = write_bytes(dir, "reply.txt", png, sizeof png - 1);
	struct foi_run r = grade(bin);
	cr_expect_eq(r.status, 3);
	cr_expect(strstr(r.err, "binary") != NULL, "%s", r.err);
	run_free(&r);
	/* Without a name to go by, the bytes say it is an image: a truncated one. */
	char *noext = write_bytes(dir, "reply", png, sizeof png - 1);
	r = grade(noext);
	cr_expect_eq(r.status, 3);
	cr_expect(strstr(r.err, "image is damaged or truncated") != NULL, "%s", r.err);
	run_free(&r);
	char *empty = write_bytes(dir, "empty.txt", "", 0);
	r = grade(empty);
	cr_expect_eq(r.status, 3);
	cr_expect(strstr(r.err, "empty") != NULL, "%s", r.err);
	run_free(&r);
	r = grade("/nonexistent/reply.eml");
	cr_expect_eq(r.status, 1);
	cr_expect(strstr(r.err, "No such file") != NULL, "%s", r.err);
	run_free(&r);
	r = grade(dir);
	cr_expect_eq(r.status, 1, "a folder is not a letter: %s", r.err);
	run_free(&r);
	free(bin);
	free(noext);
	free(empty);
}

static const cJSON *item_named(const cJSON *doc, const char *code)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "items")) {
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "code");
		if (cJSON_IsString(c) && strcmp(c->valuestring, code) == 0)
			return it;
	}
	return NULL;
}

static const char *result_of(const cJSON *doc, const char *code)
{
	const cJSON *it = item_named(doc, code);
	cr_assert_not_null(it, "no item %s", code);
	return cJSON_GetObjectItemCaseSensitive(it, "result")->valuestring;
}

Test(letters_hostile, invalid_utf8_is_read_around)
{
	char *dir = make_temp_dir();
	/* Stray bytes in a UTF-8 letter: it is still read as UTF-8 and checked. */
	char buf[4096];
	const char *cut = strstr(letter, "经检索");
	size_t a = (size_t)(cut - letter);
	memcpy(buf, letter, a);
	memcpy(buf + a, "\xff\xc0\x80\xed\xa0\x80", 6);
	memcpy(buf + a + 6, cut, strlen(cut) + 1);
	char *path = write_bytes(dir, "broken.txt", buf, strlen(letter) + 6);
	struct foi_run r = grade(path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_expect_str_eq(cJSON_GetObjectItemCaseSensitive(doc, "reply_type")->valuestring, "4");
	cr_expect_str_eq(result_of(doc, "remedy.periods"), "pass");
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "items")) {
		const char *ev = cJSON_GetObjectItemCaseSensitive(it, "evidence")->valuestring;
		cr_expect(utf8_valid(ev, strlen(ev)), "evidence is not UTF-8");
	}
	cJSON_Delete(doc);
	run_free(&r);
	free(path);
}

Test(letters_hostile, scripts_are_not_read_as_the_letter)
{
	char *dir = make_temp_dir();
	/* The letter lacks a remedy notice; only the page's script mentions one. */
	const char *page =
		"<html><head><script>var s='如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议，"
		"或者6个月内向随州市曾都区人民法院提起行政诉讼。';</script></head><body>"
		"<script type=\"text/javascript\">document.write('请缴纳复制费30元');</script>"
		"<p>随州市财政局</p><p>政府信息公开申请答复书</p><p>随财信复〔2023〕21号</p><p>张三：</p>"
		"<p>本机关于2023年9月18日收到你提交的政府信息公开申请，你申请获取“随州市2022年政府债务情况”。</p>"
		"<p>经检索，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。</p>"
		"<noscript>如对本答复不服，可以申请行政复议或者提起行政诉讼。</noscript>"
		"<p>随州市财政局</p><p>2023年10月12日</p></body></html>";
	char *path = write_bytes(dir, "page.html", page, strlen(page));
	struct foi_run r = grade(path);
	cr_assert_eq(r.status, 1, "a failing item makes exit 1: %s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_expect_str_eq(result_of(doc, "remedy.notice"), "fail");
	cr_expect_str_eq(result_of(doc, "no_fee_demand"), "pass");
	cr_expect_str_eq(result_of(doc, "form.date"), "pass");
	cJSON_Delete(doc);
	run_free(&r);
	free(path);
}

Test(letters_hostile, deeply_nested_html)
{
	char *dir = make_temp_dir();
	size_t depth = 100000;
	size_t cap = depth * 12 + sizeof letter + 64;
	char *html = malloc(cap);
	cr_assert_not_null(html);
	size_t n = 0;
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(html + n, cap - n, "<div><b>");
	n += (size_t)snprintf(html + n, cap - n, "<pre>%s</pre>", letter);
	char *path = write_bytes(dir, "deep.html", html, n);
	struct foi_run r = grade(path);
	cr_expect(r.status == 0 || r.status == 1 || r.status == 3, "status %d: %s", r.status, r.err);
	run_free(&r);
	/* The library directly, too. */
	struct decoded_text d;
	char err[256];
	if (html_to_text(html, n, NULL, &d, err, sizeof err) == 0) {
		cr_expect(utf8_valid(d.text, d.len));
		decoded_text_free(&d);
	}
	free(html);
	free(path);
}

/* A small deterministic generator, so a failure can be replayed. */
static unsigned long long rng = 0x9E3779B97F4A7C15ull;
static unsigned next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 16);
}

/* Damages a copy of src: flipped, inserted and deleted bytes, sometimes a cut. */
static size_t damage(const char *src, size_t len, char *out, size_t cap)
{
	size_t n = len < cap ? len : cap;
	memcpy(out, src, n);
	unsigned edits = 1 + next_rand() % 12;
	for (unsigned k = 0; k < edits && n > 0; k++) {
		size_t at = next_rand() % n;
		switch (next_rand() % 4) {
		case 0:
			out[at] = (char)next_rand();
			break;
		case 1:
			if (n < cap) {
				memmove(out + at + 1, out + at, n - at);
				out[at] = (char)(0x80 | next_rand());
				n++;
			}
			break;
		case 2:
			memmove(out + at, out + at + 1, n - at - 1);
			n--;
			break;
		default:
			if (next_rand() % 4 == 0)
				n = at;
		}
	}
	return n;
}

Test(letters_hostile, randomly_damaged_letters_mails_and_pages)
{
	static const char *const fixtures[] = {"t3_withheld_privacy.txt", "fullwidth_wrapped.txt",
		"published_reply_page.html", "word_letter_gb2312.html", "mail_attached_word_html.eml",
		"mail_qp_alternative.eml"};
	static char out[1 << 16];
	for (size_t f = 0; f < sizeof fixtures / sizeof fixtures[0]; f++) {
		char rel[256];
		snprintf(rel, sizeof rel, "tests/fixtures/letters/%s", fixtures[f]);
		char *path = src_path(rel);
		FILE *fp = fopen(path, "rb");
		cr_assert_not_null(fp);
		static char src[1 << 15];
		size_t len = fread(src, 1, sizeof src, fp);
		fclose(fp);
		for (int round = 0; round < 300; round++) {
			size_t n = damage(src, len, out, sizeof out);
			char err[256];
			struct decoded_text d = {0};
			struct mail_text m = {0};
			const char *text = out;
			size_t tlen = n;
			int have = 1;
			if (strstr(fixtures[f], ".html")) {
				have = html_to_text(out, n, NULL, &d, err, sizeof err) == 0;
				text = d.text;
				tlen = d.len;
			} else if (strstr(fixtures[f], ".eml")) {
				have = mail_text_parse(out, n, &m, err, sizeof err) == 0;
				text = m.text;
				tlen = m.len;
			}
			if (have) {
				struct letter_report rep;
				cr_assert_eq(letter_check(text, tlen, "张三", &rep, err, sizeof err), 0, "%s", err);
				cr_assert_geq(rep.items.count, LETTER_ITEM_COUNT);
				for (size_t i = 0; i < rep.items.count; i++)
					cr_assert(utf8_valid(rep.items.items[i].evidence, strlen(rep.items.items[i].evidence)),
						  "%s round %d: %s evidence is not UTF-8", fixtures[f], round,
						  rep.items.items[i].code);
				letter_report_free(&rep);
			}
			decoded_text_free(&d);
			if (m.text || m.subject)
				mail_text_free(&m);
		}
	}
}

Test(letters_hostile, pathological_repetition_stays_linear)
{
	/* Megabytes of the phrases the checks look for, none of them completing a sentence:
	 * every check examines a bounded number of occurrences, so this takes well under a
	 * second (a few under the sanitizers) instead of minutes, and still reports. */
	static const char *const chunks[] = {
		"申请公开的信息，要求“”行政复议用途说明缴纳收取费第21条条例2023年9月1日收到关于申请，不属于本机关公开向法院",
		"答复书\n张三：\n2023年10月1日\n随州市财政局\n",
		"第三十六条第（四）项六十日六个月〔2023〕12号",
	};
	size_t size = LETTER_TEXT_MAX - 64;
	char *text = malloc(size + 1);
	cr_assert_not_null(text);
	for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
		size_t n = 0, cl = strlen(chunks[c]);
		while (n + cl <= size) {
			memcpy(text + n, chunks[c], cl);
			n += cl;
		}
		text[n] = '\0';
		struct letter_report r;
		char err[256];
		cr_assert_eq(letter_check(text, n, "张三", &r, err, sizeof err), 0, "%s", err);
		cr_expect_geq(r.items.count, LETTER_ITEM_COUNT);
		letter_report_free(&r);
		static const char *const alts[] = {"失业登记"};
		struct keypoint kp = {"失业登记", alts, 1};
		struct finding_list out = {0};
		cr_assert_eq(consult_check(text, n, &kp, 1, &out, err, sizeof err), 0, "%s", err);
		cr_expect_eq(out.count, 2);
		finding_list_free(&out);
	}
	free(text);
}
