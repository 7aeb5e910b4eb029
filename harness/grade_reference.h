/*
 * The reference a consultation answer is graded against: a consultation template, named by
 * its file or by its id among the shipped templates (foi_datadir()/templates), loaded with
 * the templates module and turned into the grader's plain list of key points.
 */
#ifndef FOI_HARNESS_GRADE_REFERENCE_H
#define FOI_HARNESS_GRADE_REFERENCE_H

#include <stddef.h>

#include "grader/consult_accuracy.h"
#include "templates/template.h"

struct grade_reference {
	struct template tpl;
	struct keypoint *points;   /* tpl.keypoint_count entries, pointing into tpl */
	size_t count;
};

enum grade_reference_status {
	GRADE_REFERENCE_OK = 0,
	GRADE_REFERENCE_MISSING = -1, /* no such file and no shipped template with that id */
	GRADE_REFERENCE_BAD = -2,     /* not a valid template, or not a consultation template */
};

enum grade_reference_status grade_reference_load(const char *name, struct grade_reference *out,
						 char *err, size_t errsz);
void grade_reference_free(struct grade_reference *r);

#endif
