/*
 * `foi form probe UNIT --kind foi|consult`: fetches the unit's form page (the units file's
 * address), reads the form and each field's role by its label, lists what is unclear, and
 * saves forms/UNIT-KIND.ini (form_file.h) for the evaluator to check. An existing file holds
 * the evaluator's corrections: it is replaced only when asked (force).
 */
#ifndef FOI_WEB_FORM_PROBE_H
#define FOI_WEB_FORM_PROBE_H

#include <limits.h>

#include "harness/web/form_fill.h"
#include "harness/web/web_form.h"
#include "harness/workspace.h"

struct form_probe {
	char *url;
	struct web_form form;
	struct form_fill fill;  /* filled with the first persona's values: its doubts are the form's */
	char path[PATH_MAX];    /* forms/UNIT-KIND.ini */
	int saved;              /* 0: a file was there already and force was not given */
};

/*
 * FOI_E_NOT_FOUND for an unknown unit or one that publishes no such form; FOI_E_NET when the
 * page cannot be fetched or answers an HTTP error; FOI_E_DATA when it holds no form.
 */
enum foi_status form_probe(struct workspace *ws, const char *unit, const char *kind, int force, struct form_probe *out,
			   char *err, size_t errsz);
void form_probe_free(struct form_probe *p);

#endif
