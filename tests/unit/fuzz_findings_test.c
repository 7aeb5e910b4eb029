/*
 * What the fuzz targets (tests/fuzz/) found, one test per finding, each on its fixture in
 * tests/fixtures/fuzz/: the reader must now do what a user expects of it on that input.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/doc_read.h"
#include "grader/html_doc.h"
#include "grader/text_decode.h"
#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "schedule/day.h"
#include "grader/utf8.h"
#include "tests/unit/run_foi.h"

/* Runs `foi COMMAND 'fixture'` on a file of tests/fixtures/fuzz/ and asserts that it gave a
 * result (0: all pass, 1: an item fails), not an error or a crash. */
static struct foi_run run_on_fixture(const char *command, const char *fixture)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/fixtures/fuzz/%s", fixture);
	struct foi_run r = run_foi(NULL, "%s '%s'", command, src_path(rel));
	cr_assert(r.status == 0 || r.status == 1, "status %d: %s", r.status, r.err);
	return r;
}

/*
 * decode target: a charset label that glibc's iconv takes for UTF-8 under another spelling
 * ("utf-8," from a CMS template, "UTF8//IGNORE") was handed to iconv, which lets five-byte
 * forms and code points past U+10FFFF through: the "always valid UTF-8" promise broke and
 * the bad bytes were not counted, so `foi grade check` did not say the letter was lossy.
 */
Test(fuzz_findings, utf8_label_spelled_oddly_still_yields_valid_utf8)
{
	static const char *const labels[] = {"utf-8,", "UTF8//IGNORE", "(utf-8)"};
	static const char bytes[] = "本机关于2023年9月18日收到你提交的政府信息公开申请\xf8\x88\x80\x80\x80，"
				    "经检索，该政府信息不存在\xf4\x90\x80\x80。";
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		for (int trust = 0; trust < 2; trust++) {
			struct decode_opts o = {.label = labels[i], .trust = trust ? DECODE_TRUST_DECLARATION
										    : DECODE_TRUST_BYTES};
			struct decoded_text t;
			char err[256];
			cr_assert_eq(text_decode_with(bytes, strlen(bytes), &o, &t, err, sizeof err), 0, "%s", err);
			cr_expect(utf8_valid(t.text, t.len), "label %s: output is not valid UTF-8", labels[i]);
			cr_expect_gt(t.bad_sequences, 0, "label %s: the bad bytes were not counted", labels[i]);
			cr_expect_str_eq(t.charset, "UTF-8", "label %s read as %s", labels[i], t.charset);
			decoded_text_free(&t);
		}
	}
}

Test(fuzz_findings, mail_labelled_utf8_comma_is_reported_lossy)
{
	struct foi_run r = run_on_fixture("grade check", "mail-utf8-alias.eml");
	cr_expect(strstr(r.out, "text/plain body (UTF-8)"), "%s", r.out);
	cr_expect(strstr(r.out, "some bytes could not be decoded"), "%s", r.out);
	cr_expect(utf8_valid(r.out, strlen(r.out)));
	run_free(&r);
}

Test(fuzz_findings, guide_declaring_utf8_comma_is_read_as_utf8)
{
	struct foi_run r = run_on_fixture("channel check --file", "guide-utf8-alias.html");
	cr_expect(strstr(r.out, "(read as UTF-8, declared utf-8,, 9 undecodable byte sequences)"), "%s", r.out);
	cr_expect(strstr(r.out, "channel.phone          pass"), "%s", r.out);
	run_free(&r);
}

/*
 * calendar target: a file that covers a year (X-FOI-COVERS) but marks no day passed a NULL
 * array to qsort, undefined behaviour that UBSan stops on (this test fails under
 * `make check SANITIZE=1` without the fix). The year loads with weekends as its only rest.
 */
Test(fuzz_findings, calendar_covering_a_year_without_events_loads)
{
	struct sched_calendar *cal = calendar_new();
	cr_assert_not_null(cal);
	struct cal_ics_info info;
	char err[512];
	const char *path = src_path("tests/fixtures/fuzz/calendar-covers-year-without-events.ics");
	cr_assert_eq(calendar_load_ics_file(cal, path, &info, err, sizeof err), 0, "%s", err);
	cr_expect_eq(info.nyears, 1);
	cr_expect_eq(info.years[0], 2030);
	cr_expect_eq(info.nevents, 0);
	cr_expect(calendar_covers_year(cal, 2030));
	cr_expect(calendar_is_working(cal, day_from_ymd(2030, 10, 1)));    /* a Tuesday */
	cr_expect(!calendar_is_working(cal, day_from_ymd(2030, 10, 5)));   /* a Saturday */
	calendar_free(cal);
}

/*
 * decode target: a Content-Type <meta> whose charset has no value ("text/html; charset", a
 * CMS template with an empty variable) made the declaration reader step past the end of the
 * attribute (ASan stops on it under `make check SANITIZE=1` without the fix). The page is
 * read as if it declared nothing, and its channels are found.
 */
Test(fuzz_findings, content_type_charset_without_value_is_no_declaration)
{
	struct foi_run r = run_on_fixture("channel check --file", "guide-charset-without-value.html");
	cr_expect(strstr(r.out, "(read as UTF-8)"), "%s", r.out);
	cr_expect(strstr(r.out, "channel.phone          pass"), "%s", r.out);
	run_free(&r);

	char *page = read_file(src_path("tests/fixtures/fuzz/guide-charset-without-value.html"));
	cr_assert_not_null(page);
	char declared[TEXT_CHARSET_MAX];
	cr_expect_eq(html_declared_charset(page, strlen(page), declared, sizeof declared), -1);
	free(page);
}

/*
 * letter target (found by CI's short run): a mail whose attachment decodes to no bytes made the
 * document sniffer pass NULL to memmem (UBSan stops on it under `make check SANITIZE=1` without
 * the fix). An empty attachment is no document: the letter is read from the body.
 */
Test(fuzz_findings, an_empty_attachment_is_no_document)
{
	cr_expect_eq(doc_sniff(NULL, 0, "答复书.pdf"), DOC_UNKNOWN);
	cr_expect_eq(doc_sniff("", 0, NULL), DOC_UNKNOWN);
	struct foi_run r = run_foi(NULL, "grade check '%s' --json", src_path("tests/fixtures/fuzz/mail-empty-attachment.eml"));
	cr_expect_lt(r.status, 4, "exit %d: %s", r.status, r.err);
	cr_expect(strstr(r.err, "runtime error") == NULL, "%s", r.err);
	run_free(&r);
}

/*
 * ofd target: a page with no text on it (a blank last page, a page that is only a picture)
 * made the OFD reader pass NULL to qsort (UBSan stops on it under `make check SANITIZE=1`
 * without the fix). The blank page is read as nothing, and the letter on the first page is read.
 */
Test(fuzz_findings, an_ofd_page_without_text_is_read_as_blank)
{
	char *data = NULL;
	FILE *f = fopen(src_path("tests/fixtures/fuzz/ofd-blank-page.ofd"), "rb");
	cr_assert_not_null(f);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long len = ftell(f);
	rewind(f);
	data = malloc((size_t)len);
	cr_assert_not_null(data);
	cr_assert_eq(fread(data, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	struct doc_limits lim;
	doc_limits_default(&lim);
	struct doc_text t;
	char err[512];
	cr_assert_eq(doc_read(data, (size_t)len, DOC_OFD, &lim, &t, err, sizeof err), 0, "%s", err);
	cr_expect_eq(t.pages, 2);
	cr_expect(strstr(t.text, "政府信息公开申请答复书") != NULL, "%s", t.text);
	cr_expect_str_eq(t.how, "OFD text (TextCode), 2 pages");
	doc_text_free(&t);
	free(data);
}
