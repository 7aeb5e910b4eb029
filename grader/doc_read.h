/*
 * Letters that are files: the text of a PDF, a Word .docx, an OFD or a scanned page, and
 * whether a red seal stamps it, each read with the library its format has (README.md,
 * "Checking a reply letter").
 *
 * doc_read() takes the file's bytes in memory and returns the letter's UTF-8 text, a line
 * saying how it was read ("PDF text layer, 1 page", "OCR (Tesseract chi_sim) of 1 scanned
 * page, confidence 88%") and, when pages were looked at as images, what the seal search
 * found. PDF: poppler-glib (text layer in reading order; pages without one are rendered
 * with cairo and read by OCR). .docx: libzip + libxml2 (word/document.xml). OFD (GB/T
 * 33190): libzip + libxml2 (OFD.xml, the document's pages, TextObject/TextCode). Images
 * (JPEG, PNG, TIFF): leptonica decodes, Tesseract reads (doc_ocr.c). The seal: seal.c.
 * Caps (struct doc_limits) bound pages, decoded bytes, image pixels and time; a file over a
 * cap, encrypted, truncated or not what its bytes claim is refused with a message naming
 * the problem, never read in part silently. Pure: bytes in, text out; no files, no network.
 */
#ifndef FOI_GRADER_DOC_READ_H
#define FOI_GRADER_DOC_READ_H

#include <stddef.h>

enum doc_format {
	DOC_UNKNOWN,
	DOC_PDF,
	DOC_DOCX,
	DOC_OFD,
	DOC_IMAGE,       /* JPEG, PNG, TIFF */
	DOC_LEGACY_WORD, /* .doc (OLE2) or .wps: named as not readable */
};

/* The steps a reader announces before it starts them (doc_limits.on_step), so that a caller
 * running it in another process can give each its own time: parsing a file or a page takes
 * milliseconds unless the file is hostile; OCR of a page takes seconds. */
enum doc_step {
	DOC_STEP_PARSE,  /* opening the file, a page's text, rendering a page, unpacking a part */
	DOC_STEP_OCR,    /* recognising a page image */
};

struct doc_limits {
	int max_pages;          /* pages read from a PDF or OFD */
	size_t max_bytes;       /* decoded bytes from one file (zip entries, page text) */
	long max_pixels;        /* pixels of one image or rendered page */
	int max_seconds;        /* time for one file, checked between pages and inside OCR */
	int render_dpi;         /* resolution pages are rendered at for OCR and the seal */
	int min_confidence;     /* OCR mean confidence (0..100) below which text is uncertain */
	/* 1 (the default): a page without a text layer, or an image, is read by OCR. 0: such a
	 * page is refused with a message saying so, for a caller that must answer in well under
	 * a second (the fuzz targets of tests/fuzz/: OCR of one page takes seconds). */
	int ocr;
	/* Called before each step, or NULL. Poppler cannot be interrupted inside a page, so a
	 * hard time cap needs a caller that can stop the whole reader (harness/letter_document.c). */
	void (*on_step)(void *ctx, enum doc_step step);
	void *step_ctx;
};

/* The defaults settings start from (config.example.ini, [letters]). */
void doc_limits_default(struct doc_limits *l);

/* A box on a page image, in pixels. */
struct doc_box {
	int x0, y0, x1, y1;
};

/* What the seal search found on the pages it looked at. */
struct doc_seal {
	int looked;             /* pages were looked at as images */
	int found;              /* a red round stamp */
	int page;               /* 1-based page of the stamp */
	int cx, cy, r;          /* its centre and radius, in pixels of that page */
	int page_w, page_h;     /* that page's size in pixels */
	int anchored;           /* the issuer and date were located on that page */
	struct doc_box anchor;  /* where they are, when anchored */
	int near_issuer;        /* the stamp touches or overlaps them (when anchored) */
};

struct doc_text {
	char *text;             /* UTF-8, owned */
	size_t len;
	char *how;              /* how it was read, owned */
	int pages;              /* pages (or images) read */
	int ocr;                /* some of the text comes from OCR */
	int confidence;         /* OCR mean confidence 0..100, or -1 */
	struct doc_seal seal;
};

/* The format of a file from its first bytes, with its name as a hint (for .wps and for the
 * zip-based formats). name may be NULL. */
enum doc_format doc_sniff(const void *data, size_t len, const char *name);
const char *doc_format_name(enum doc_format f);

/*
 * Reads one file. Returns 0 with out filled, or -1 with err saying why the letter cannot be
 * read (encrypted, over a cap, damaged, no text found); out then holds nothing to free.
 */
int doc_read(const void *data, size_t len, enum doc_format fmt, const struct doc_limits *lim,
	     struct doc_text *out, char *err, size_t errsz);

void doc_text_free(struct doc_text *t);

#endif
