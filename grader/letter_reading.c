/* form.seal from the seal search, and fails turned unknown when OCR was unsure of the text. */
#include "grader/letter_reading.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((format(printf, 3, 4)))
static int set(struct finding *f, enum finding_result r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = finding_vset(f, r, fmt, ap);
	va_end(ap);
	return rc;
}

static int pct(int v, int of)
{
	return of > 0 ? (int)(100L * v / of) : 0;
}

static int decide_seal(struct finding *f, const struct letter_reading *rd)
{
	const struct doc_seal *s = &rd->seal;
	if (!s->looked)
		return 0;
	if (s->found && s->anchored && !s->near_issuer)
		return set(f, FINDING_UNKNOWN,
			   "a red round stamp on page %d, %d%% across and %d%% down, lies away from the issuer "
			   "and date (%d%% across, %d%% down): is it the unit's seal on this letter? For the reviewer",
			   s->page, pct(s->cx, s->page_w), pct(s->cy, s->page_h),
			   pct((s->anchor.x0 + s->anchor.x1) / 2, s->page_w),
			   pct((s->anchor.y0 + s->anchor.y1) / 2, s->page_h));
	if (s->found)
		return set(f, FINDING_PASS, "a red round stamp on page %d, %d%% across and %d%% down, %d px across%s",
			   s->page, pct(s->cx, s->page_w), pct(s->cy, s->page_h), 2 * s->r,
			   s->anchored ? ", on the issuer and date" : " (the issuer and date were not located)");
	if (!rd->ocr)
		return set(f, FINDING_UNKNOWN, "no red stamp on the PDF's last page; a letter with a text layer "
			   "is often sent unstamped while the paper original bears the seal: for the reviewer");
	if (rd->seal_absent_unknown)
		return set(f, FINDING_UNKNOWN, "no red round stamp on the scanned pages (setting "
			   "letters.seal_absent = unknown): for the reviewer");
	return set(f, FINDING_FAIL, "no red round stamp on the scanned pages");
}

int letter_apply_reading(struct letter_report *r, const struct letter_reading *rd, char *err,
			 size_t errsz)
{
	int low = rd->ocr && rd->confidence >= 0 && rd->confidence < rd->min_confidence;
	for (size_t i = 0; i < r->items.count; i++) {
		struct finding *f = &r->items.items[i];
		int rc = 0;
		if (strcmp(f->code, "form.seal") == 0) {
			rc = decide_seal(f, rd);
		} else if (low && f->result == FINDING_FAIL) {
			char *was = f->evidence;
			f->evidence = NULL;
			rc = set(f, FINDING_UNKNOWN, "OCR read the scan with %d%% confidence, below %d%% (setting "
				 "letters.ocr_min_confidence): the text may be misread, so this is for the reviewer "
				 "(%s)", rd->confidence, rd->min_confidence, was ? was : "");
			free(was);
		}
		if (rc != 0) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
	}
	return 0;
}
