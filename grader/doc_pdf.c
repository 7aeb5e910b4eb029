/* A PDF letter with poppler-glib: its text layer in reading order, or its pages rendered with cairo and read by OCR. */
#include "grader/doc_parts.h"

#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A page with fewer visible characters than this has no text layer worth the name: it is a
 * scan (some scanners add a page number or a stray mark as text). */
#define TEXT_LAYER_MIN_CHARS 20
/* Pages rendered only to look for the seal need less detail than OCR. */
#define SEAL_DPI 100

static size_t visible_chars(const char *t)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		if (*p > ' ' && (*p & 0xC0) != 0x80)
			n++;
	return n;
}

/* The page drawn on white at dpi, as a 32-bit PIX (leptonica keeps RGBA as 0xRRGGBBAA). */
static PIX *render_page(struct doc_job *job, PopplerPage *page, int dpi)
{
	double pw, ph;
	poppler_page_get_size(page, &pw, &ph);
	double w = pw * dpi / 72.0, h = ph * dpi / 72.0;
	if (!(w >= 1 && h >= 1) || w * h > (double)job->lim->max_pixels) {
		doc_fail(job, "a page of %.0f x %.0f points is too large to render at %d dpi (cap %ld pixels, "
			 "setting letters.max_megapixels)", pw, ph, dpi, job->lim->max_pixels);
		return NULL;
	}
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)w, (int)h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		doc_fail(job, "out of memory");
		return NULL;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	int iw = cairo_image_surface_get_width(s), ih = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	PIX *pix = pixCreate(iw, ih, 32);
	if (pix) {
		l_uint32 *dst = pixGetData(pix);
		int wpl = pixGetWpl(pix);
		for (int y = 0; y < ih; y++) {
			const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
			for (int x = 0; x < iw; x++)
				dst[(size_t)y * wpl + x] = (row[x] << 8) | 0xFF; /* cairo ARGB -> RGBA */
		}
		pixSetResolution(pix, dpi, dpi);
	} else {
		doc_fail(job, "out of memory");
	}
	cairo_surface_destroy(s);
	return pix;
}

/* The lines of a page's text layer with their boxes at dpi, from poppler's character boxes. */
static int text_layer_lines(PopplerPage *page, const char *text, int dpi, struct recbuf *lines)
{
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!poppler_page_get_text_layout(page, &rects, &nrects))
		return 0;
	double k = dpi / 72.0;
	const char *p = text;
	guint ci = 0;
	int rc = 0;
	while (*p && rc == 0) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		struct doc_box box = {0};
		int any = 0;
		for (const char *q = p; q < p + n; q++) {
			if ((*q & 0xC0) == 0x80)
				continue;
			if (ci < nrects && (unsigned char)*q > ' ') {
				struct doc_box b = {(int)(rects[ci].x1 * k), (int)(rects[ci].y1 * k),
					(int)(rects[ci].x2 * k), (int)(rects[ci].y2 * k)};
				if (!any)
					box = b;
				else {
					if (b.x0 < box.x0) box.x0 = b.x0;
					if (b.y0 < box.y0) box.y0 = b.y0;
					if (b.x1 > box.x1) box.x1 = b.x1;
					if (b.y1 > box.y1) box.y1 = b.y1;
				}
				any = 1;
			}
			ci++;
		}
		ci++; /* the newline has a box too */
		if (any) {
			struct doc_line *l = recbuf_push(lines);
			if (!l || !(l->text = strndup(p, n)))
				rc = -1;
			else
				l->box = box;
		}
		p += n + (eol ? 1 : 0);
	}
	g_free(rects);
	return rc;
}

static void lines_free(struct recbuf *lines)
{
	struct doc_line *l = lines->p;
	for (size_t i = 0; i < lines->n; i++)
		free(l[i].text);
	recbuf_free(lines);
}

/* A letter with a text layer may still carry a stamp image: look on its last page. */
static int seal_on_text_page(struct doc_job *job, PopplerPage *page, const char *text, int page_no,
			     struct doc_text *out)
{
	doc_step(job, DOC_STEP_PARSE);
	PIX *pix = render_page(job, page, SEAL_DPI);
	if (!pix)
		return -1;
	struct recbuf lines = {.size = sizeof(struct doc_line)};
	struct doc_box anchor;
	int anchored = text_layer_lines(page, text, SEAL_DPI, &lines) == 0 &&
		       doc_find_anchor(lines.p, lines.n, &anchor);
	out->seal.looked = 1;
	seal_find(pix, page_no, anchored ? &anchor : NULL, &out->seal);
	lines_free(&lines);
	pixDestroy(&pix);
	return 0;
}

static int read_pages(struct doc_job *job, PopplerDocument *doc, int npages, struct doc_text *out)
{
	struct strbuf text = {0};
	int scanned = 0, rc = 0, last_no = 0;
	long conf = 0;
	char *last_text = NULL;
	PopplerPage *last = NULL;
	for (int i = 0; i < npages && rc == 0; i++) {
		if ((rc = doc_check_time(job, "the PDF")) != 0)
			break;
		doc_step(job, DOC_STEP_PARSE);
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page) {
			rc = doc_fail(job, "page %d of the PDF cannot be read", i + 1);
			break;
		}
		char *t = poppler_page_get_text(page);
		if (t && visible_chars(t) >= TEXT_LAYER_MIN_CHARS) {
			if (text.len)
				strbuf_addc(&text, '\n');
			strbuf_adds(&text, t);
			if (text.len > job->lim->max_bytes)
				rc = doc_fail(job, "the PDF's text is larger than the cap of %zu MB (setting "
					      "letters.max_mb)", job->lim->max_bytes >> 20);
			if (last)
				g_object_unref(last);
			g_free(last_text);
			last = page, last_text = t, last_no = i + 1;
			continue;
		}
		g_free(t);
		PIX *pix = render_page(job, page, job->lim->render_dpi);
		if (!pix)
			rc = -1;
		else
			rc = doc_read_page_image(job, pix, i + 1, &text, out, &conf);
		pixDestroy(&pix);
		scanned++;
		g_object_unref(page);
	}
	if (rc == 0 && last && !out->seal.found)
		rc = seal_on_text_page(job, last, last_text, last_no, out);
	if (last)
		g_object_unref(last);
	g_free(last_text);
	if (rc == 0 && text.oom)
		rc = doc_fail(job, "out of memory");
	if (rc != 0) {
		strbuf_free(&text);
		return -1;
	}
	out->pages = npages;
	out->text = strbuf_take(&text);
	out->len = out->text ? strlen(out->text) : 0;
	int r;
	if (scanned) {
		out->confidence = (int)(conf / scanned);
		r = asprintf(&out->how, "PDF: %d of %d page%s without a text layer, read by OCR (Tesseract "
			     "chi_sim), confidence %d%%", scanned, npages, npages == 1 ? "" : "s",
			     out->confidence);
	} else {
		r = asprintf(&out->how, "PDF text layer, %d page%s", npages, npages == 1 ? "" : "s");
	}
	if (r < 0)
		out->how = NULL;
	return 0;
}

int doc_read_pdf(struct doc_job *job, const void *data, size_t len, struct doc_text *out)
{
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *error = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &error);
	g_bytes_unref(bytes);
	if (!doc) {
		int encrypted = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
		if (encrypted)
			doc_fail(job, "the PDF is encrypted with a password: it cannot be read without it");
		else
			doc_fail(job, "the PDF is damaged (%s)", error ? error->message : "poppler cannot open it");
		if (error)
			g_error_free(error);
		return -1;
	}
	int npages = poppler_document_get_n_pages(doc);
	int rc;
	if (npages <= 0)
		rc = doc_fail(job, "the PDF has no pages");
	else if (npages > job->lim->max_pages)
		rc = doc_fail(job, "the PDF has %d pages, more than the cap of %d (setting letters.max_pages)",
			      npages, job->lim->max_pages);
	else
		rc = read_pages(job, doc, npages, out);
	g_object_unref(doc);
	return rc;
}
