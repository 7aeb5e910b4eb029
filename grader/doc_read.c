/* Letters that are files: recognising the format, the caps, and handing the bytes to the right reader. */
#include "grader/doc_parts.h"

#include <leptonica/allheaders.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void doc_limits_default(struct doc_limits *l)
{
	*l = (struct doc_limits){
		.max_pages = 20,
		.max_bytes = (size_t)32 << 20,
		.max_pixels = 40L * 1000 * 1000,
		.max_seconds = 60,
		.render_dpi = 150,
		.min_confidence = 90,
		.ocr = 1,
	};
}

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

enum doc_format doc_sniff(const void *data, size_t len, const char *name)
{
	const unsigned char *b = data;
	/* An empty part (an attachment of no bytes) has no data at all: nothing to sniff. */
	if (!b || len == 0)
		return DOC_UNKNOWN;
	size_t head = len < 1024 ? len : 1024;
	if (memmem(b, head, "%PDF-", 5))
		return DOC_PDF;
	if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return DOC_LEGACY_WORD;
	if (name && ends_with_ci(name, ".wps"))
		return DOC_LEGACY_WORD;
	if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0) {
		if (name && ends_with_ci(name, ".docx"))
			return DOC_DOCX;
		if (name && ends_with_ci(name, ".ofd"))
			return DOC_OFD;
		/* The central directory holds the entry names uncompressed. */
		if (memmem(b, len, "word/document.xml", 17))
			return DOC_DOCX;
		if (memmem(b, len, "OFD.xml", 7))
			return DOC_OFD;
		return DOC_UNKNOWN;
	}
	if ((len >= 3 && memcmp(b, "\xFF\xD8\xFF", 3) == 0) ||
	    (len >= 8 && memcmp(b, "\x89PNG\r\n\x1A\n", 8) == 0) ||
	    (len >= 4 && (memcmp(b, "II*\0", 4) == 0 || memcmp(b, "MM\0*", 4) == 0)))
		return DOC_IMAGE;
	return DOC_UNKNOWN;
}

const char *doc_format_name(enum doc_format f)
{
	switch (f) {
	case DOC_PDF: return "PDF";
	case DOC_DOCX: return "Word (.docx)";
	case DOC_OFD: return "OFD";
	case DOC_IMAGE: return "image";
	case DOC_LEGACY_WORD: return "legacy Word or WPS (.doc, .wps)";
	case DOC_UNKNOWN: break;
	}
	return "unknown format";
}

void doc_deadline_start(struct doc_deadline *d, int max_seconds)
{
	clock_gettime(CLOCK_MONOTONIC, &d->start);
	d->max_seconds = max_seconds;
}

long doc_deadline_left_ms(const struct doc_deadline *d)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long used = (now.tv_sec - d->start.tv_sec) * 1000L + (now.tv_nsec - d->start.tv_nsec) / 1000000L;
	long left = d->max_seconds * 1000L - used;
	return left > 0 ? left : 0;
}

int doc_fail(struct doc_job *job, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(job->err, job->errsz, fmt, ap);
	va_end(ap);
	return -1;
}

void doc_step(struct doc_job *job, enum doc_step step)
{
	if (job->lim->on_step)
		job->lim->on_step(job->lim->step_ctx, step);
}

int doc_check_time(struct doc_job *job, const char *what)
{
	if (doc_deadline_left_ms(&job->deadline) > 0)
		return 0;
	return doc_fail(job, "reading %s took longer than the cap of %d s (setting letters.max_seconds)",
			what, job->lim->max_seconds);
}

/* A date line of a letter: year, month and day characters with a digit among them. */
static int dated(const char *t)
{
	const char *y = strstr(t, "年");
	const char *m = y ? strstr(y, "月") : NULL;
	const char *d = m ? strstr(m, "日") : NULL;
	if (!d)
		return 0;
	for (const char *p = t; p < d; p++)
		if ((*p >= '0' && *p <= '9') || strncmp(p, "〇", strlen("〇")) == 0 ||
		    strncmp(p, "二", strlen("二")) == 0)
			return 1;
	return 0;
}

static void box_union(struct doc_box *a, const struct doc_box *b)
{
	if (b->x0 < a->x0) a->x0 = b->x0;
	if (b->y0 < a->y0) a->y0 = b->y0;
	if (b->x1 > a->x1) a->x1 = b->x1;
	if (b->y1 > a->y1) a->y1 = b->y1;
}

int doc_find_anchor(const struct doc_line *lines, size_t n, struct doc_box *box)
{
	/* The closing date is the last dated line; the body's dates (the application's) come
	 * earlier. The issuer stands on the line above it. */
	for (size_t i = n; i-- > 0;) {
		if (!dated(lines[i].text))
			continue;
		*box = lines[i].box;
		if (i > 0) {
			int gap = lines[i].box.y0 - lines[i - 1].box.y1;
			int height = lines[i].box.y1 - lines[i].box.y0;
			if (gap < 3 * height)
				box_union(box, &lines[i - 1].box);
		}
		return 1;
	}
	return 0;
}

int doc_read_page_image(struct doc_job *job, struct Pix *page, int page_no, struct strbuf *text,
			struct doc_text *out, long *conf_sum)
{
	struct doc_ocr_page ocr;
	if (!job->lim->ocr)
		return doc_fail(job, "page %d is an image without a text layer, and reading it by OCR is off", page_no);
	doc_step(job, DOC_STEP_OCR);
	if (doc_ocr_page(job, page, &ocr) != 0)
		return -1;
	doc_step(job, DOC_STEP_PARSE);
	if (text->len)
		strbuf_addc(text, '\n');
	strbuf_adds(text, ocr.text);
	*conf_sum += ocr.confidence;
	out->ocr = 1;
	out->seal.looked = 1;
	if (!out->seal.found) {
		struct doc_box anchor;
		int anchored = doc_find_anchor(ocr.lines.p, ocr.lines.n, &anchor);
		seal_find(page, page_no, anchored ? &anchor : NULL, &out->seal);
	}
	doc_ocr_page_free(&ocr);
	return text->oom ? doc_fail(job, "out of memory") : 0;
}

int doc_read(const void *data, size_t len, enum doc_format fmt, const struct doc_limits *lim,
	     struct doc_text *out, char *err, size_t errsz)
{
	*out = (struct doc_text){.confidence = -1};
	struct doc_job job = {.lim = lim, .err = err, .errsz = errsz};
	doc_deadline_start(&job.deadline, lim->max_seconds);
	doc_step(&job, DOC_STEP_PARSE);
	int rc;
	switch (fmt) {
	case DOC_PDF: rc = doc_read_pdf(&job, data, len, out); break;
	case DOC_DOCX: rc = doc_read_docx(&job, data, len, out); break;
	case DOC_OFD: rc = doc_read_ofd(&job, data, len, out); break;
	case DOC_IMAGE: rc = doc_read_image(&job, data, len, out); break;
	case DOC_LEGACY_WORD:
		rc = doc_fail(&job, "a legacy Word or WPS file (.doc, .wps) cannot be read: save it as .docx "
			      "or PDF, or read the original");
		break;
	default:
		rc = doc_fail(&job, "not a PDF, Word (.docx), OFD or image file");
		break;
	}
	if (rc == 0 && (!out->text || !out->how))
		rc = doc_fail(&job, "out of memory");
	if (rc != 0)
		doc_text_free(out);
	return rc;
}

void doc_text_free(struct doc_text *t)
{
	free(t->text);
	free(t->how);
	*t = (struct doc_text){.confidence = -1};
}
