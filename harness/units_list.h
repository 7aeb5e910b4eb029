/*
 * Listing the workspace's units, in the order of the units file with each county's departments
 * after their county: the query behind `foi units list`.
 */
#ifndef FOI_UNITS_LIST_H
#define FOI_UNITS_LIST_H

#include <sqlite3.h>
#include <stddef.h>

#include "harness/status.h"

enum unit_field {
	UF_CODE, UF_NAME, UF_LEVEL, UF_PARENT, UF_GUIDE_URL, UF_FOI_FORM_URL, UF_CONSULT_FORM_URL, UF_EMAIL, UF_DOMAIN,
	UF_COUNT
};
/* The columns' names, as the units file and --json spell them. */
extern const char *const unit_field_names[UF_COUNT];

struct unit_listing {
	char *f[UF_COUNT]; /* NULL where the database holds NULL (a unit without a parent) */
	int evaluated;     /* not a county-level department of the sampling pool */
};

/* Every unit, or only the evaluated ones. FOI_E_DB or FOI_E_NOMEM with err. */
enum foi_status units_list(sqlite3 *db, int evaluated_only, struct unit_listing **out, size_t *n, char *err,
			   size_t errsz);
void units_list_free(struct unit_listing *units, size_t n);

#endif
