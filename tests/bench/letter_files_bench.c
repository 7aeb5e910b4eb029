/*
 * Letter-files benchmark: text PDFs read and checked per second (poppler text layer plus the
 * seal search on the rendered last page, then the checks), scanned pages read by OCR per
 * second (Tesseract chi_sim at the default 150 dpi), and the peak memory of the process that
 * does the OCR. Each file is read as `foi grade check` reads it: in a child process under the
 * caps. Targets on this machine's two shared cores: 3 text PDFs per second (each one a fork, poppler and fontconfig set-up and
 * a page rendered for the seal), 0.1 OCR pages per
 * second, 400 MB for OCR; exits 1 when one is missed. Tesseract's OpenMP threads fight over
 * shared cores, so the bench runs itself again with OMP_THREAD_LIMIT=1 unless it is set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "grader/letter_check.h"
#include "harness/mail/letter_file.h"
#include "harness/settings.h"

#define TARGET_PDFS 3.0
#define TARGET_OCR_PAGES 0.1
#define TARGET_OCR_MB 400.0
#define MIN_SECONDS 2.0

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *name, size_t *len)
{
	const char *root = getenv("FOI_SRCDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/letters/attachments/%s", root && *root ? root : FOI_DATADIR,
		 name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "letter_files_bench: cannot open %s\n", path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc(*len ? *len : 1);
	if (!b || fread(b, 1, *len, f) != *len) {
		fprintf(stderr, "letter_files_bench: cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	return b;
}

/* Reads and checks one file; returns its pages. */
static int read_and_check(const char *name, const char *data, size_t len, const struct letter_read_opts *o)
{
	struct letter_source src;
	struct letter_report rep;
	char err[1024];
	if (letter_document_read(data, len, name, o, &src, err, sizeof err) != LETTER_READ_OK ||
	    letter_source_check(&src, NULL, &rep, err, sizeof err) != 0) {
		fprintf(stderr, "letter_files_bench: %s: %s\n", name, err);
		exit(1);
	}
	letter_report_free(&rep);
	letter_source_free(&src);
	return 1;
}

int main(int argc, char **argv)
{
	(void)argc;
	/* OpenMP reads its settings when the program loads: too late to set them here. */
	if (!getenv("OMP_THREAD_LIMIT")) {
		setenv("OMP_THREAD_LIMIT", "1", 1);
		execv("/proc/self/exe", argv);
	}
	struct settings s;
	settings_defaults(&s);
	struct letter_read_opts o;
	letter_read_opts_from_settings(&s, &o);

	/* OCR first, so that the children's peak memory is that of an OCR reader. */
	static const char *const scans[] = {"t4_not_exist_unsealed.png", "t2_disclosed_scan.pdf"};
	int pages = 0;
	double t0 = now();
	for (size_t i = 0; i < sizeof scans / sizeof scans[0]; i++) {
		size_t len;
		char *data = slurp(scans[i], &len);
		pages += read_and_check(scans[i], data, len, &o);
		free(data);
	}
	double ocr_rate = pages / (now() - t0);
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	double ocr_mb = ru.ru_maxrss / 1024.0;

	static const char *const pdfs[] = {"t2_disclosed.pdf", "flaw_litigation_3months.pdf"};
	size_t lens[2];
	char *data[2];
	for (int i = 0; i < 2; i++)
		data[i] = slurp(pdfs[i], &lens[i]);
	int letters = 0;
	t0 = now();
	double took;
	do {
		for (int i = 0; i < 2; i++)
			letters += read_and_check(pdfs[i], data[i], lens[i], &o);
	} while ((took = now() - t0) < MIN_SECONDS);
	double pdf_rate = letters / took;
	for (int i = 0; i < 2; i++)
		free(data[i]);

	printf("letter files: %.1f text PDFs/s (target %.0f), %.2f OCR pages/s (target %.1f), "
	       "OCR peak memory %.0f MB (target %.0f)\n",
	       pdf_rate, TARGET_PDFS, ocr_rate, TARGET_OCR_PAGES, ocr_mb, TARGET_OCR_MB);
	return pdf_rate >= TARGET_PDFS && ocr_rate >= TARGET_OCR_PAGES && ocr_mb <= TARGET_OCR_MB ? 0 : 1;
}
