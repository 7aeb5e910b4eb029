/*
 * Findings: what an automatic check says about one item, and why.
 *
 * Every automatic check in grader/ produces findings: an item code from the stable list
 * (scheme files and exports key on it), a result (pass, fail, or unknown when the text
 * cannot tell and a reviewer must look) and the evidence, which is the text the check
 * matched or the reason it could not decide. Findings are suggestions; the reviewer's
 * decision is recorded elsewhere and never overwrites them.
 */
#ifndef FOI_GRADER_FINDING_H
#define FOI_GRADER_FINDING_H

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

/* Appends a finding, taking a copy of the evidence (printf-style). Returns 0 or -1 (memory). */
int finding_add(struct finding_list *list, const char *code, enum finding_result r,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The finding with this code, or NULL. */
const struct finding *finding_get(const struct finding_list *list, const char *code);

void finding_list_free(struct finding_list *list);

#endif
