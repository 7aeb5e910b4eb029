/* Fuzz target: a PDF letter through the PDF reader (poppler-glib text layer, cairo rendering, the seal search). */
#include "grader/doc_read.h"

#include <stdint.h>

/*
 * The caps foi reads letters with, but no OCR: Tesseract loads its model and reads a page in
 * seconds, far past the per-input limit, so a page without a text layer is refused here after
 * it is rendered (doc_limits.ocr). The text pages, the rendering of every page and the seal
 * search on the last text page run as in foi.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc_limits lim;
	doc_limits_default(&lim);
	lim.ocr = 0;
	struct doc_text t;
	char err[512];
	if (doc_read(data, size, DOC_PDF, &lim, &t, err, sizeof err) == 0)
		doc_text_free(&t);
	return 0;
}

/*
 * Fontconfig, which poppler asks for a substitute when a PDF names a font it does not embed
 * (Helvetica), leaks 288 bytes the first time, once per process: not the reader's to free,
 * and LeakSanitizer would report it at exit of every run.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}
