/* Reading one page image with Tesseract (chi_sim): its text, the mean confidence and the lines' boxes. */
#include "grader/doc_parts.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

/* Tesseract's monitor calls this while it works; a non-zero return stops it. */
static bool over_time(void *job, int words)
{
	(void)words;
	return doc_deadline_left_ms(&((struct doc_job *)job)->deadline) == 0;
}

static int collect_lines(TessBaseAPI *api, struct doc_ocr_page *out)
{
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	if (!it)
		return 0; /* nothing recognised */
	TessPageIterator *pi = TessResultIteratorGetPageIterator(it);
	int rc = 0;
	do {
		int l, t, r, b;
		if (!TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b))
			continue;
		char *s = TessResultIteratorGetUTF8Text(it, RIL_TEXTLINE);
		if (!s)
			continue;
		struct doc_line *line = recbuf_push(&out->lines);
		if (!line || !(line->text = strdup(s))) {
			TessDeleteText(s);
			rc = -1;
			break;
		}
		TessDeleteText(s);
		line->box = (struct doc_box){l, t, r, b};
	} while (TessPageIteratorNext(pi, RIL_TEXTLINE));
	TessResultIteratorDelete(it);
	return rc;
}

int doc_ocr_page(struct doc_job *job, struct Pix *page, struct doc_ocr_page *out)
{
	*out = (struct doc_ocr_page){.lines = {.size = sizeof(struct doc_line)}};
	if (doc_check_time(job, "the page"))
		return -1;
	TessBaseAPI *api = TessBaseAPICreate();
	if (!api)
		return doc_fail(job, "out of memory");
	/* NULL: the data folder Tesseract was built with (Debian: /usr/share/tesseract-ocr/5). */
	if (TessBaseAPIInit3(api, NULL, "chi_sim") != 0) {
		TessBaseAPIDelete(api);
		return doc_fail(job, "Tesseract could not load its chi_sim model (package tesseract-ocr-chi-sim)");
	}
	/* Chinese has no spaces between words; Tesseract would otherwise put some in. */
	TessBaseAPISetVariable(api, "preserve_interword_spaces", "1");
	TessBaseAPISetPageSegMode(api, PSM_AUTO);
	/* Tesseract reports on stderr ("Estimating resolution", "Detected N diacritics"); the
	 * confidence and the message here are what foi reports. */
	TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	/* The seal's ink covers the issuer and date; its own lettering would be read as text. */
	PIX *clean = seal_erase_red(page);
	PIX *gray = clean ? pixConvertRGBToLuminance(clean) : NULL;
	pixDestroy(&clean);
	if (!gray) {
		TessBaseAPIEnd(api);
		TessBaseAPIDelete(api);
		return doc_fail(job, "out of memory");
	}
	TessBaseAPISetImage2(api, gray);
	ETEXT_DESC *monitor = TessMonitorCreate();
	int rc = -1;
	if (!monitor) {
		doc_fail(job, "out of memory");
		goto done;
	}
	TessMonitorSetCancelFunc(monitor, over_time);
	TessMonitorSetCancelThis(monitor, job);
	long left = doc_deadline_left_ms(&job->deadline);
	TessMonitorSetDeadlineMSecs(monitor, left > 0x7fffffff ? 0x7fffffff : (int)left);
	int failed = TessBaseAPIRecognize(api, monitor);
	if (doc_check_time(job, "the page by OCR"))
		goto done;
	if (failed) {
		doc_fail(job, "Tesseract could not read the page");
		goto done;
	}
	char *text = TessBaseAPIGetUTF8Text(api);
	out->text = strdup(text ? text : "");
	TessDeleteText(text);
	out->confidence = TessBaseAPIMeanTextConf(api);
	if (!out->text || collect_lines(api, out) != 0) {
		doc_fail(job, "out of memory");
		goto done;
	}
	rc = 0;
done:
	if (monitor)
		TessMonitorDelete(monitor);
	TessBaseAPIEnd(api);
	pixDestroy(&gray);
	TessBaseAPIDelete(api);
	if (rc != 0)
		doc_ocr_page_free(out);
	return rc;
}

void doc_ocr_page_free(struct doc_ocr_page *p)
{
	struct doc_line *lines = p->lines.p;
	for (size_t i = 0; i < p->lines.n; i++)
		free(lines[i].text);
	recbuf_free(&p->lines);
	free(p->text);
	*p = (struct doc_ocr_page){0};
}
