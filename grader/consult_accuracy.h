/*
 * Question accuracy: is a reply to a mock consultation (在线咨询) accurate?
 *
 * A consultation template (templates/template.h, its `keypoint: a | b | c` lines) carries
 * the reference answer's key points, each with the ways a correct reply may put it
 * (alternatives, synonyms); the caller hands them over as a plain list. The reply is
 * accurate when every key point is present in some form. Matching is on normalised text (normalize.h), so digits,
 * Chinese numerals, full-width forms and line breaks do not matter; an occurrence negated
 * within the three characters before it (未办理失业登记, 无需单位证明) does not count, unless the
 * alternative itself is the negative statement. Findings: one "keypoint.N" per key point (N from 1, in template order)
 * with the matched text as evidence, then "accurate" (pass when all are present). The
 * scheme's timeliness bands (1 and 5 working days) are applied by the round, not here.
 */
#ifndef FOI_GRADER_CONSULT_ACCURACY_H
#define FOI_GRADER_CONSULT_ACCURACY_H

#include <stddef.h>

#include "grader/finding.h"

/* One key point: a label for people and the alternatives any one of which satisfies it. */
struct keypoint {
	const char *label;
	const char *const *alternatives;
	size_t count;
};

/* Compares the reply (UTF-8) with the key points; appends count + 1 findings to out, which
 * must be empty: its codes ("keypoint.N", "accurate") are built at run time and owned. */
int consult_check(const char *reply, size_t len, const struct keypoint *points, size_t count,
		  struct finding_list *out, char *err, size_t errsz);

/* For an answer foi cannot read (a scanned attachment): count "keypoint.N" findings and
 * "accurate", all unknown with the reason as evidence. out must be empty. */
int consult_unreadable(const char *reason, size_t count, struct finding_list *out, char *err,
		       size_t errsz);

#endif
