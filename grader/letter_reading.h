/*
 * What reading a letter file changes in its report: the seal (form.seal) and the trust in
 * OCR text (README.md, "Checking a reply letter").
 *
 * letter_check() sees only text, so it leaves form.seal unknown. When the letter's pages
 * were looked at as images (doc_read.h), letter_apply_reading() decides form.seal from the
 * seal search: a red round stamp near the issuer and date passes, with the page and
 * position as evidence; a stamp elsewhere is reported and left to the reviewer (unknown); a
 * scan with no stamp fails unless the setting says absence is for the reviewer; a PDF with a
 * text layer and no stamp stays unknown (its paper original may bear one). When the text
 * came from OCR with a mean confidence below the threshold, every failing item becomes
 * unknown: a misread word must never fail a unit.
 */
#ifndef FOI_GRADER_LETTER_READING_H
#define FOI_GRADER_LETTER_READING_H

#include "grader/doc_read.h"
#include "grader/letter_check.h"

struct letter_reading {
	int ocr;                  /* the text comes (partly) from OCR: the pages are scans */
	int confidence;           /* OCR mean confidence 0..100, or -1 */
	int min_confidence;       /* below it, fails become unknown */
	int seal_absent_unknown;  /* a scan without a stamp is unknown rather than fail */
	struct doc_seal seal;
};

/* Adjusts r in place. Returns 0, or -1 (memory) with err filled. */
int letter_apply_reading(struct letter_report *r, const struct letter_reading *rd, char *err,
			 size_t errsz);

#endif
