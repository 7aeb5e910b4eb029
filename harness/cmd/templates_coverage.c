/* Coverage of the units of a units file by a template set, for `foi templates coverage`. */
#include "harness/cmd/templates_coverage.h"
#include "harness/app.h"
#include "harness/round_warn.h"
#include "harness/store.h"
#include "harness/units.h"

#include <stdio.h>
#include <string.h>

static int count_fitting(const struct template_set *set, enum template_kind kind, const char *level,
			 const char *domains)
{
	int n = 0;
	for (size_t i = 0; i < set->count; i++)
		n += set->items[i]->kind == kind && round_template_fits(level, domains, set->items[i]->domain);
	return n;
}

static const char *text_col(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? (const char *)v : "";
}

int templates_coverage(const struct template_set *set, const char *units_path, int min, cJSON **json)
{
	char err[FOI_ERR_MAX];
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct units_import_result res;
	/* The units file is read and checked exactly as 'foi units import' does, into a scratch store. */
	if (store_open(":memory:", 1, &db, err, sizeof err) != 0) {
		foi_error("templates coverage", "%s", err);
		return FOI_EXIT_FAIL;
	}
	int rc = units_import_file(db, units_path, &res, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("templates coverage", "%s", err);
		store_close(db);
		return rc;
	}
	if (sqlite3_prepare_v2(db, "SELECT code, name, level, domain FROM units ORDER BY position", -1, &st, NULL) !=
	    SQLITE_OK) {
		foi_error("templates coverage", "database: %s", sqlite3_errmsg(db));
		store_close(db);
		return FOI_EXIT_FAIL;
	}
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	int step;
	int units = 0, short_units = 0;
	if (!json)
		printf("%-8s %-22s %4s %8s  %s\n", "UNIT", "DOMAINS", "FOI", "CONSULT", "NAME");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = text_col(st, 0), *name = text_col(st, 1), *level = text_col(st, 2),
			   *domains = text_col(st, 3);
		int nfoi = count_fitting(set, TEMPLATE_FOI, level, domains);
		int ncon = count_fitting(set, TEMPLATE_CONSULT, level, domains);
		int is_short = nfoi < min || ncon < min;
		units++;
		short_units += is_short;
		const char *shown = strcmp(level, "county") == 0 ? "(any: county-level)" : domains;
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "unit", code);
			cJSON_AddStringToObject(o, "name", name);
			cJSON_AddStringToObject(o, "domains", domains);
			cJSON_AddBoolToObject(o, "any_domain", strcmp(level, "county") == 0);
			cJSON_AddNumberToObject(o, "foi", nfoi);
			cJSON_AddNumberToObject(o, "consult", ncon);
			cJSON_AddBoolToObject(o, "enough", !is_short);
			cJSON_AddItemToArray(arr, o);
		} else {
			printf("%-8s %-22s %4d %8d  %s%s\n", code, shown, nfoi, ncon, name, is_short ? "  SHORT" : "");
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		/* A table cut short would hide the units after it. */
		foi_error("templates coverage", "database: %s", sqlite3_errmsg(db));
		store_close(db);
		cJSON_Delete(arr);
		return FOI_EXIT_FAIL;
	}
	store_close(db);
	if (json)
		*json = arr;
	else {
		printf("%d units; %d with fewer than %d templates of a kind\n", units, short_units, min);
	}
	if (short_units) {
		foi_error("templates coverage", "%d of %d units have fewer than %d templates of a kind that fit them",
			  short_units, units, min);
		return FOI_EXIT_FAIL;
	}
	return FOI_EXIT_OK;
}
