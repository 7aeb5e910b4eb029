/*
 * Grading a round: every final reply of the round (an event, from the inbox, the web or by
 * hand) read and checked by this version of the grader, the findings stored with the version.
 *
 * A reply already graded by this version is left as it is; one graded by an older version is
 * graded again and both gradings are kept (the reviewer sees what changed). FOI replies get
 * the reply-conformity items (grader/letter_check.h); answers to questions get the key points
 * of their template (grader/consult_accuracy.h). Reading a letter may be slow (OCR), so it
 * happens outside any transaction; each reply's grading is then stored in one transaction.
 */
#ifndef FOI_HARNESS_GRADING_H
#define FOI_HARNESS_GRADING_H

#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

struct workspace;

struct grade_run_summary {
	int graded;      /* replies graded now */
	int regraded;    /* of those, replies an older grader version had graded */
	int current;     /* replies this version had graded already */
	int unreadable;  /* graded with every item unknown: the letter could not be read */
	int failed;      /* replies that could not be graded (the reason went to warn) */
};

/* Called for a reply that could not be graded (the run goes on with the others). */
typedef void (*grade_warn_fn)(int64_t request_id, const char *why, void *ctx);

/* Grades the final replies of round (of only_unit when not NULL). FOI_E_NOT_FOUND for an
 * unknown round; FOI_E_DB / FOI_E_IO / FOI_E_NOMEM stop the run (what was stored stays). */
enum foi_status grade_round(struct workspace *ws, const char *round, const char *only_unit,
			    struct grade_run_summary *sum, grade_warn_fn warn, void *ctx, char *err, size_t errsz);

#endif
