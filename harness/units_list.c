/* The query behind `foi units list` (see units_list.h). */
#include "harness/units_list.h"

#include <stdlib.h>
#include <string.h>

#include "grader/strbuf.h"

const char *const unit_field_names[UF_COUNT] = {
	"code", "name", "level", "parent", "guide_url", "foi_form_url", "consult_form_url", "email", "domain",
};

enum foi_status units_list(sqlite3 *db, int evaluated_only, struct unit_listing **out, size_t *n, char *err,
			   size_t errsz)
{
	*out = NULL;
	*n = 0;
	/* County-level departments follow their county, in file order. */
	const char *sql = "SELECT u.code, u.name, u.level, u.parent, u.guide_url, u.foi_form_url, "
			  "u.consult_form_url, u.email, u.domain FROM units u LEFT JOIN units p ON p.code = u.parent "
			  "WHERE ?1 = 0 OR u.parent IS NULL "
			  "ORDER BY coalesce(p.position, u.position), u.parent IS NOT NULL, u.position";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_bind_int(st, 1, evaluated_only);
	struct recbuf rows = {.size = sizeof **out};
	enum foi_status rc = FOI_OK;
	int step;
	while (rc == FOI_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct unit_listing *u = recbuf_push(&rows);
		if (!u) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		for (int i = 0; i < UF_COUNT; i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			if (v && !(u->f[i] = strdup((const char *)v)))
				rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		}
		u->evaluated = sqlite3_column_type(st, UF_PARENT) == SQLITE_NULL;
	}
	/* A listing cut short by a failed read would pass for the whole list. */
	if (rc == FOI_OK && step != SQLITE_DONE)
		rc = foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	*out = rows.p;
	*n = rows.n;
	if (rc != FOI_OK) {
		units_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void units_list_free(struct unit_listing *units, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < UF_COUNT; k++)
			free(units[i].f[k]);
	free(units);
}
