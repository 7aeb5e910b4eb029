/* Coverage of the units of a units file by a template set, for `foi templates coverage`. */
#include "harness/cmd/templates_coverage.h"
#include "harness/app.h"
#include "harness/round_warn.h"
#include "harness/store.h"
#include "harness/units.h"
#include "harness/units_list.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"

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

int templates_coverage(const struct template_set *set, const char *units_path, int min, cJSON **json)
{
	char err[FOI_ERR_MAX];
	sqlite3 *db = NULL;
	struct units_import_result res;
	/* The units file is read and checked exactly as 'foi units import' does, into a scratch store,
	 * and listed by the same query as 'foi units list'. */
	if (store_open(":memory:", 1, &db, err, sizeof err) != 0) {
		foi_error("templates coverage", "%s", err);
		return FOI_EXIT_FAIL;
	}
	int rc = units_import_file(db, units_path, &res, err, sizeof err);
	struct unit_listing *list = NULL;
	size_t n = 0;
	if (rc == FOI_EXIT_OK)
		rc = command_exit(units_list(db, 0, &list, &n, err, sizeof err));
	store_close(db);
	if (rc != FOI_EXIT_OK) {
		foi_error("templates coverage", "%s", err);
		return rc;
	}
	int ok = 1, short_units = 0;
	cJSON *arr = json ? json_root_arr(&ok) : NULL;
	if (!json)
		printf("%-8s %-22s %4s %8s  %s\n", "UNIT", "DOMAINS", "FOI", "CONSULT", "NAME");
	for (size_t i = 0; i < n; i++) {
		char *const *f = list[i].f;
		const char *domains = f[UF_DOMAIN] ? f[UF_DOMAIN] : "";
		int any = strcmp(f[UF_LEVEL], "county") == 0;
		int nfoi = count_fitting(set, TEMPLATE_FOI, f[UF_LEVEL], domains);
		int ncon = count_fitting(set, TEMPLATE_CONSULT, f[UF_LEVEL], domains);
		int is_short = nfoi < min || ncon < min;
		short_units += is_short;
		if (json) {
			cJSON *o = json_obj(arr, NULL, &ok);
			json_str(o, "unit", f[UF_CODE], &ok);
			json_str(o, "name", f[UF_NAME], &ok);
			json_str(o, "domains", domains, &ok);
			json_bool(o, "any_domain", any, &ok);
			json_num(o, "foi", nfoi, &ok);
			json_num(o, "consult", ncon, &ok);
			json_bool(o, "enough", !is_short, &ok);
		} else {
			printf("%-8s %-22s %4d %8d  %s%s\n", f[UF_CODE], any ? "(any: county-level)" : domains, nfoi, ncon,
			       f[UF_NAME], is_short ? "  SHORT" : "");
		}
	}
	units_list_free(list, n);
	if (json) {
		if (!ok) {
			cJSON_Delete(arr);
			foi_error("templates coverage", "out of memory while writing JSON");
			return FOI_EXIT_FAIL;
		}
		*json = arr;
	} else {
		printf("%zu units; %d with fewer than %d templates of a kind\n", n, short_units, min);
	}
	if (short_units) {
		foi_error("templates coverage", "%d of %zu units have fewer than %d templates of a kind that fit them",
			  short_units, n, min);
		return FOI_EXIT_FAIL;
	}
	return FOI_EXIT_OK;
}
