/*
 * Findings: what an automatic check says about one item, and why.
 *
 * Every automatic check in grader/ produces findings: an item code from the stable list
 * (scheme files and exports key on it), a result (pass, fail, or unknown when the text
 * cannot tell and a reviewer must look) and the evidence, which is the text the check
 * matched or the reason it could not decide. Findings are suggestions; the reviewer's
 * decision is recorded elsewhere and never overwrites them.
 *
 * Both kinds of check use this type: the reply-letter checks (letter_check.h,
 * consult_accuracy.h) grow a finding_list, the guide-page check (guide_check.h) fills a
 * fixed array of one finding per item; the commands write either with finding_out.h.
 */
#ifndef FOI_GRADER_FINDING_H
#define FOI_GRADER_FINDING_H

#include <stdarg.h>
#include <stddef.h>

enum finding_result {
	FINDING_PASS,
	FINDING_FAIL,
	FINDING_UNKNOWN,
};

struct finding {
	const char *code;            /* static string, e.g. "remedy.periods" */
	enum finding_result result;
	char *evidence;              /* owned, UTF-8, never NULL once set */
};

/* A growable list of findings; owns every evidence string and, when codes_owned, the codes. */
struct finding_list {
	struct finding *items;
	size_t count, cap;
	int codes_owned;             /* set when codes were built at run time (key points) */
};

/* "pass", "fail", "unknown". */
const char *finding_result_name(enum finding_result r);

/* How many of items[0..n) pass, fail and are unknown: counts[FINDING_PASS] ... */
void finding_count(const struct finding *items, size_t n, size_t counts[3]);

/* Sets f's result and evidence (printf-style), replacing what it held; f->code is kept.
 * Returns 0, or -1 (memory: the evidence is then NULL). */
int finding_vset(struct finding *f, enum finding_result r, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* Appends a finding, taking a copy of the evidence (printf-style). Returns 0 or -1 (memory). */
int finding_add(struct finding_list *list, const char *code, enum finding_result r,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The finding with this code, or NULL. */
const struct finding *finding_get(const struct finding_list *list, const char *code);

void finding_list_free(struct finding_list *list);

#endif
