/*
 * The reference a consultation answer is graded against: a consultation template, named by
 * its file or by its id among the shipped templates (foi_datadir()/templates), loaded with
 * the templates module and turned into the grader's plain list of key points.
 */
#ifndef FOI_HARNESS_GRADE_REFERENCE_H
#define FOI_HARNESS_GRADE_REFERENCE_H

#include <stddef.h>

#include "grader/consult_accuracy.h"
#include "harness/status.h"
#include "templates/template.h"

struct grade_reference {
	struct template tpl;
	struct keypoint *points;   /* tpl.keypoint_count entries, pointing into tpl */
	size_t count;
};

/* FOI_E_IO when a named file is not there, FOI_E_NOT_FOUND for an id no shipped template has,
 * FOI_E_DATA for a template that is not a consultation with key points. */
enum foi_status grade_reference_load(const char *name, struct grade_reference *out, char *err, size_t errsz);
void grade_reference_free(struct grade_reference *r);

#endif
