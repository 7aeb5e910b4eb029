/*
 * The parts the file readers share (internal to grader/doc_*.c and grader/seal.c).
 *
 * One reader per format (doc_pdf.c, doc_docx.c, doc_ofd.c, doc_image.c) fills a struct
 * doc_text; they share a deadline (the time cap), the zip access with caps that .docx and
 * OFD need (doc_zip.c), the OCR of one page image (doc_ocr.c) and the seal search on a page
 * image (seal.c). Page images are leptonica PIXes, 32 bits per pixel.
 */
#ifndef FOI_GRADER_DOC_PARTS_H
#define FOI_GRADER_DOC_PARTS_H

#include <stddef.h>
#include <time.h>

#include "grader/doc_read.h"
#include "grader/strbuf.h"

struct Pix;
struct zip;

/* The time cap of one file. */
struct doc_deadline {
	struct timespec start;
	int max_seconds;
};
void doc_deadline_start(struct doc_deadline *d, int max_seconds);
/* Milliseconds left (at least 1 while time is left), or 0 when the time is up. */
long doc_deadline_left_ms(const struct doc_deadline *d);

/* Everything a reader needs: the caps, the deadline and the error buffer. */
struct doc_job {
	const struct doc_limits *lim;
	struct doc_deadline deadline;
	char *err;
	size_t errsz;
};
/* Fills job->err (printf-style) and returns -1. */
int doc_fail(struct doc_job *job, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Tells the caller a step starts (doc_limits.on_step). */
void doc_step(struct doc_job *job, enum doc_step step);
/* -1 with a message when the time cap is reached, else 0. */
int doc_check_time(struct doc_job *job, const char *what);

/* A line of text on a page image and its box, for finding the issuer and date. */
struct doc_line {
	char *text;
	struct doc_box box;
};

/* What OCR read on one page. */
struct doc_ocr_page {
	char *text;
	int confidence;          /* mean word confidence 0..100 */
	struct recbuf lines;     /* struct doc_line */
};
int doc_ocr_page(struct doc_job *job, struct Pix *page, struct doc_ocr_page *out);
void doc_ocr_page_free(struct doc_ocr_page *p);

/* The lines' issuer-and-date block (the last dated line and the one above): 1 and *box, or 0. */
int doc_find_anchor(const struct doc_line *lines, size_t n, struct doc_box *box);

/*
 * Looks for a red round stamp on a page image; when one is found, fills seal (page number,
 * centre, radius, page size) and, when anchor is not NULL, whether it lies near the anchor.
 * Returns 1 when found, 0 when not.
 */
int seal_find(struct Pix *page, int page_no, const struct doc_box *anchor, struct doc_seal *seal);

/* A copy of a page image with the stamp's red ink made white, so that OCR reads the letter
 * under the seal rather than the seal's own lettering. NULL on memory failure. */
struct Pix *seal_erase_red(struct Pix *page);

/* Reads a page image: OCR, then the seal near what OCR located. Appends the text to text. */
int doc_read_page_image(struct doc_job *job, struct Pix *page, int page_no, struct strbuf *text,
			struct doc_text *out, long *conf_sum);

/* Zip-based formats: open from memory, read one entry whole (at most lim->max_bytes). */
struct zip *doc_zip_open(struct doc_job *job, const void *data, size_t len, const char *what);
int doc_zip_read(struct doc_job *job, struct zip *z, const char *name, char **out, size_t *outlen);
void doc_zip_close(struct zip *z);

/* The readers. */
int doc_read_pdf(struct doc_job *job, const void *data, size_t len, struct doc_text *out);
int doc_read_docx(struct doc_job *job, const void *data, size_t len, struct doc_text *out);
int doc_read_ofd(struct doc_job *job, const void *data, size_t len, struct doc_text *out);
int doc_read_image(struct doc_job *job, const void *data, size_t len, struct doc_text *out);

#endif
