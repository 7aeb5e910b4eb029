/*
 * Letters that are files (tests/fixtures/letters/attachments/): a text PDF, a .docx, an OFD
 * and a mail with the PDF attached give the items of their text version, item by item; the
 * scans (a scanned PDF, a photo JPEG, a PNG) give each item either the text version's result
 * or unknown, never the opposite, and form.seal right (on the issuer, far from it, none);
 * hostile files end quickly with a message and exit 3. OCR is slow, so each scan is read once.
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grader/doc_read.h"
#include "harness/mail/letter_file.h"
#include "harness/settings.h"
#include "tests/unit/letters_expect.h"
#include "tests/unit/run_foi.h"

/* The evidence a reviewer reads for the seal on each scan. */
static const struct {
	const char *file, *evidence;
} seal_evidence[] = {
	{"t2_disclosed_scan.pdf", "a red round stamp on page 1, 8"},
	{"t2_disclosed_scan.pdf", "on the issuer and date"},
	{"t2_disclosed_photo.jpg", "lies away from the issuer and date"},
	{"t4_not_exist_unsealed.png", "no red round stamp on the scanned pages"},
};

/* The report line saying how each file was read. */
static const struct {
	const char *file, *read_from;
} read_from[] = {
	{"t2_disclosed.pdf", "read from: t2_disclosed.pdf: PDF text layer, 1 page"},
	{"t2_disclosed.docx", "read from: t2_disclosed.docx: Word (.docx) text"},
	{"t2_disclosed.ofd", "read from: t2_disclosed.ofd: OFD text (TextCode), 1 page"},
	{"t2_disclosed_attached.eml", ": 答复书.pdf: PDF text layer, 1 page"},
	{"t2_disclosed_scan.pdf", "without a text layer, read by OCR (Tesseract chi_sim), confidence "},
	{"t2_disclosed_photo.jpg", "OCR (Tesseract chi_sim) of a 1074 x 1520 image, confidence "},
};

static struct expected text_version(const struct expected *e)
{
	struct expected t = {0};
	char base[128];
	snprintf(base, sizeof base, "%.*s", (int)strcspn(e->text_version, "."), e->text_version);
	cr_assert_eq(letters_read_sidecar(src_path("tests/fixtures/letters"), base, &t), 0,
		     "%s: its text version '%s' has no sidecar", e->name, e->text_version);
	return t;
}

/* The sidecar agrees with the text version: the same for text, never the opposite for OCR. */
static void check_against_text(const struct expected *e, const struct expected *t)
{
	cr_assert_eq(e->nitems, t->nitems, "%s lists %zu items, its text version %zu", e->name, e->nitems,
		     t->nitems);
	if (!e->ocr)
		cr_expect_str_eq(e->reply_type, t->reply_type, "%s: reply type", e->name);
	else
		cr_expect(strcmp(e->reply_type, t->reply_type) == 0 || strcmp(e->reply_type, "none") == 0,
			  "%s: reply type %s against %s", e->name, e->reply_type, t->reply_type);
	for (size_t i = 0; i < e->nitems; i++) {
		const char *code = e->items[i].code, *got = e->items[i].result, *want = t->items[i].result;
		cr_assert_str_eq(code, t->items[i].code);
		if (strcmp(code, "form.seal") == 0 && e->ocr)
			continue; /* a scan shows what text cannot: asserted exactly below */
		if (e->ocr)
			cr_expect(strcmp(got, want) == 0 || strcmp(got, "unknown") == 0,
				  "%s: %s is %s from the scan but %s from the text", e->name, code, got, want);
		else
			cr_expect_str_eq(got, want, "%s: %s is %s, the text version %s", e->name, code, got, want);
	}
}

Test(letters_files, every_file_gives_its_expected_items)
{
	size_t n;
	struct expected *v = letters_files_corpus(&n);
	cr_assert_geq(n, 10, "only %zu letter files with sidecars", n);
	size_t scans = 0;
	for (size_t i = 0; i < n; i++) {
		const struct expected *e = &v[i];
		struct expected t = text_version(e);
		check_against_text(e, &t);
		scans += e->ocr;
		struct foi_run r = *e->applicant
			? run_foi(NULL, "grade check '%s' --applicant '%s' --json", e->letter, e->applicant)
			: run_foi(NULL, "grade check '%s' --json", e->letter);
		int fails = 0;
		for (size_t k = 0; k < e->nitems; k++)
			fails |= strcmp(e->items[k].result, "fail") == 0;
		cr_assert_eq(r.status, fails, "%s: exit %d, expected %d: %s", e->name, r.status, fails, r.err);
		cJSON *doc = cJSON_Parse(r.out);
		cr_assert_not_null(doc, "%s: not JSON: %s", e->name, r.out);
		const cJSON *rt = cJSON_GetObjectItemCaseSensitive(doc, "reply_type");
		cr_expect_str_eq(cJSON_IsString(rt) ? rt->valuestring : "none", e->reply_type, "%s", e->name);
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(doc, "items");
		cr_assert_eq((size_t)cJSON_GetArraySize(items), e->nitems, "%s", e->name);
		for (size_t k = 0; k < e->nitems; k++) {
			const cJSON *it = cJSON_GetArrayItem(items, (int)k);
			const char *code = cJSON_GetObjectItemCaseSensitive(it, "code")->valuestring;
			const char *res = cJSON_GetObjectItemCaseSensitive(it, "result")->valuestring;
			const char *ev = cJSON_GetObjectItemCaseSensitive(it, "evidence")->valuestring;
			cr_expect_str_eq(code, e->items[k].code, "%s", e->name);
			cr_expect_str_eq(res, e->items[k].result, "%s: %s is %s, expected %s (%s)", e->name, code, res,
					 e->items[k].result, ev);
			for (size_t s = 0; s < sizeof seal_evidence / sizeof seal_evidence[0]; s++)
				if (strcmp(code, "form.seal") == 0 && strcmp(seal_evidence[s].file, e->name) == 0)
					cr_expect(strstr(ev, seal_evidence[s].evidence) != NULL, "%s: seal evidence '%s'",
						  e->name, ev);
		}
		cJSON_Delete(doc);
		run_free(&r);
	}
	cr_expect_eq(scans, 3, "three scans: a scanned PDF, a photo and an unsealed PNG");
	free(v);
}

Test(letters_files, the_report_says_how_each_file_was_read)
{
	for (size_t i = 0; i < sizeof read_from / sizeof read_from[0]; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "tests/fixtures/letters/attachments/%s", read_from[i].file);
		struct foi_run r = run_foi(NULL, "grade check '%s'", src_path(rel));
		cr_expect(strstr(r.out, read_from[i].read_from) != NULL, "%s: %s", read_from[i].file, r.out);
		run_free(&r);
	}
}

static char *fixture_bytes(const char *file, size_t *len)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/fixtures/letters/attachments/%s", file);
	FILE *f = fopen(src_path(rel), "rb");
	cr_assert_not_null(f, "%s", rel);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc(*len);
	cr_assert_not_null(b);
	cr_assert_eq(fread(b, 1, *len, f), *len);
	fclose(f);
	return b;
}

/* The readers in this process (so that ASan sees their memory), on the formats without OCR. */
static char *read_in_process(const char *file, char **how)
{
	size_t len;
	char *data = fixture_bytes(file, &len);
	struct doc_limits lim;
	doc_limits_default(&lim);
	struct doc_text t;
	char err[512];
	cr_assert_eq(doc_read(data, len, doc_sniff(data, len, file), &lim, &t, err, sizeof err), 0, "%s: %s",
		     file, err);
	free(data);
	*how = t.how;
	return t.text;
}

Test(letters_files, text_comes_out_in_reading_order)
{
	char *how;
	char *pdf = read_in_process("t2_disclosed.pdf", &how);
	cr_expect(strstr(pdf, "随财信复〔2023〕8号\n") != NULL, "%s", pdf);
	cr_expect(strstr(pdf, "随州市财政局\n2023年9月25日") != NULL, "issuer above the date: %s", pdf);
	free(pdf);
	free(how);
	/* Word: runs of a paragraph joined, a table row's cells apart by a tab. */
	char *docx = read_in_process("t2_disclosed.docx", &how);
	cr_expect(strstr(docx, "\n王芳：\n") != NULL, "%s", docx);
	cr_expect(strstr(docx, "附件：\t随州市2023年市级“三公”经费预算情况说明\n") != NULL, "%s", docx);
	free(docx);
	free(how);
	/* OFD: the closing lines were written right half first; they come back whole. */
	char *ofd = read_in_process("t2_disclosed.ofd", &how);
	cr_expect(strstr(ofd, "\n随州市财政局\n2023年9月25日\n") != NULL, "%s", ofd);
	cr_expect(strncmp(ofd, "随州市财政局\n政府信息公开申请答复书\n", strlen("随州市财政局\n政府信息公开申请答复书\n")) == 0,
		  "%s", ofd);
	free(ofd);
	free(how);
}

Test(letters_files, the_unsealed_scan_in_process_finds_no_seal)
{
	size_t len;
	char *data = fixture_bytes("t4_not_exist_unsealed.png", &len);
	struct doc_limits lim;
	doc_limits_default(&lim);
	struct doc_text t;
	char err[512];
	cr_assert_eq(doc_read(data, len, DOC_IMAGE, &lim, &t, err, sizeof err), 0, "%s", err);
	cr_expect(t.ocr && t.seal.looked && !t.seal.found);
	cr_expect(t.confidence > 50 && t.confidence <= 100, "confidence %d", t.confidence);
	cr_expect(strstr(t.text, "政府信息公开申请答复书") != NULL, "%s", t.text);
	doc_text_free(&t);
	free(data);
}

/* With OCR off (the fuzz targets), a scanned page is refused by name, and a text PDF still reads. */
Test(letters_files, with_ocr_off_a_scanned_page_is_refused_and_text_still_reads)
{
	struct doc_limits lim;
	doc_limits_default(&lim);
	lim.ocr = 0;
	struct doc_text t;
	char err[512];
	size_t len;
	char *scan = fixture_bytes("t2_disclosed_scan.pdf", &len);
	cr_expect_eq(doc_read(scan, len, DOC_PDF, &lim, &t, err, sizeof err), -1);
	cr_expect_str_eq(err, "page 1 is an image without a text layer, and reading it by OCR is off");
	free(scan);
	char *photo = fixture_bytes("t2_disclosed_photo.jpg", &len);
	cr_expect_eq(doc_read(photo, len, DOC_IMAGE, &lim, &t, err, sizeof err), -1);
	cr_expect(strstr(err, "reading it by OCR is off") != NULL, "%s", err);
	free(photo);
	char *text = fixture_bytes("t2_disclosed.pdf", &len);
	cr_assert_eq(doc_read(text, len, DOC_PDF, &lim, &t, err, sizeof err), 0, "%s", err);
	cr_expect(strstr(t.text, "随财信复〔2023〕8号\n") != NULL, "%s", t.text);
	cr_expect(!t.ocr && t.seal.looked, "the last page is still searched for the seal");
	doc_text_free(&t);
	free(text);
}

static double seconds_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) + (b.tv_nsec - a->tv_nsec) / 1e9;
}

Test(letters_files, hostile_files_end_quickly_with_a_message_and_exit_3)
{
	static const struct {
		const char *file, *message;
	} hostile[] = {
		{"hostile_pdf_bomb.pdf", "took longer than the cap of 5 s"},
		{"hostile_many_pages.pdf", "has 500 pages, more than the cap of 20"},
		{"hostile_encrypted.pdf", "the PDF is encrypted"},
		{"hostile_zip_bomb.docx", "more than the cap of 32 MB (a zip bomb?"},
		{"hostile_zip_bomb.ofd", "more than the cap of 32 MB (a zip bomb?"},
		{"hostile_truncated.jpg", "the image is damaged or truncated"},
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		char rel[256];
		snprintf(rel, sizeof rel, "tests/fixtures/letters/attachments/%s", hostile[i].file);
		struct timespec start;
		clock_gettime(CLOCK_MONOTONIC, &start);
		struct foi_run r = run_foi(NULL, "grade check '%s'", src_path(rel));
		double took = seconds_since(&start);
		cr_expect_eq(r.status, 3, "%s: exit %d: %s", hostile[i].file, r.status, r.err);
		cr_expect(strstr(r.err, hostile[i].message) != NULL, "%s: %s", hostile[i].file, r.err);
		cr_expect(strncmp(r.err, "foi: ", 5) == 0 && strstr(r.err, hostile[i].file), "%s", r.err);
		cr_expect_lt(took, 10.0, "%s took %.1f s", hostile[i].file, took);
		run_free(&r);
	}
}

Test(letters_files, a_legacy_word_file_is_named_and_left_to_the_reviewer)
{
	struct foi_run r = run_foi(NULL, "grade check '%s'",
				   src_path("tests/fixtures/letters/attachments/legacy_word.doc"));
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "legacy Word or WPS file (.doc, .wps), not readable") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "0 pass, 0 fail, 17 unknown") != NULL, "%s", r.out);
	run_free(&r);
}

Test(letters_files, the_caps_are_settings_of_the_workspace)
{
	char *ws = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init '%s'", ws);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_shell("sed -i 's/^max_megapixels = 40$/max_megapixels = 1/' '%s/foi.ini'", ws);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	r = run_foi(ws, "grade check '%s'", src_path("tests/fixtures/letters/attachments/t4_not_exist_unsealed.png"));
	cr_expect_eq(r.status, 3, "%s", r.err);
	cr_expect(strstr(r.err, "larger than the cap of 1000000 pixels (setting letters.max_megapixels)") != NULL,
		  "%s", r.err);
	run_free(&r);
	/* The defaults are those of config.example.ini. */
	struct settings s;
	settings_defaults(&s);
	struct letter_read_opts o;
	letter_read_opts_from_settings(&s, &o);
	cr_expect_eq(o.limits.max_pages, 20);
	cr_expect_eq(o.limits.min_confidence, 90);
	cr_expect_eq(o.page_seconds, 5);
}
