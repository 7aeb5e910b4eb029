/*
 * Scheme files for the tests: the shipped 2023 scheme as an evaluator would edit it (a text
 * replaced), written to a fresh folder and loaded, and a check that an error names the line.
 */
#ifndef FOI_TEST_SCHEME_SUPPORT_H
#define FOI_TEST_SCHEME_SUPPORT_H

#include "grader/scheme.h"

struct scheme_try {
	int rc;
	char err[512];
	char *text; /* the edited file */
	char *path;
	struct scheme s;
};

/* The shipped 2023 file with `from` replaced by `to` (the first occurrence when once, else
 * every one), written to a fresh folder and loaded. */
struct scheme_try scheme_try_edit(const char *from, const char *to, int once);
void scheme_try_free(struct scheme_try *t);

/* Whether the error names the file and the line on which `needle` (first found) ends. */
int scheme_err_at(const struct scheme_try *t, const char *needle);

#endif
