/* foi units import FILE | foi units list [--evaluated] [--json] */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/units.h"
#include "harness/workspace.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

static int units_import_cmd(struct workspace *ws, const char *file)
{
	struct units_import_result res;
	char err[FOI_ERR_MAX];
	int rc = units_import_file(ws->db, file, &res, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("units import", "%s", err);
		foi_error("units import", "nothing was changed");
		return rc;
	}
	printf("imported %d units from %s: %d added, %d changed, %d unchanged, %d removed\n",
	       res.total, file, res.added, res.changed, res.unchanged, res.removed);
	if (res.followed)
		printf("%d planned request(s) now go by their unit's new channel (see 'foi round log NAME'); "
		       "requests already sent keep what they used\n", res.followed);
	return FOI_EXIT_OK;
}

static const char *const unit_fields[] = {
	"code", "name", "level", "parent", "guide_url", "foi_form_url", "consult_form_url", "email", "domain",
};
#define UNIT_FIELDS 9

static int units_list_cmd(struct workspace *ws, int evaluated_only, int json)
{
	sqlite3_stmt *st;
	/* County-level departments follow their county, in file order. */
	const char *sql =
		"SELECT u.code, u.name, u.level, u.parent, u.guide_url, u.foi_form_url, "
		"u.consult_form_url, u.email, u.domain FROM units u LEFT JOIN units p ON p.code = u.parent "
		"WHERE ?1 = 0 OR u.parent IS NULL "
		"ORDER BY coalesce(p.position, u.position), u.parent IS NOT NULL, u.position";
	if (sqlite3_prepare_v2(ws->db, sql, -1, &st, NULL) != SQLITE_OK) {
		foi_error("units list", "database: %s", sqlite3_errmsg(ws->db));
		return FOI_EXIT_FAIL;
	}
	sqlite3_bind_int(st, 1, evaluated_only);
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	int counties = 0, departments = 0, pool = 0;
	if (!json)
		printf("%-8s %-6s %-10s %s\n", "CODE", "PARENT", "LEVEL", "NAME / CHANNELS");
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[UNIT_FIELDS];
		for (int i = 0; i < UNIT_FIELDS; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		int evaluated = v[3] == NULL;
		if (!evaluated)
			pool++;
		else if (strcmp(v[2], "county") == 0)
			counties++;
		else
			departments++;
		if (json) {
			cJSON *o = cJSON_CreateObject();
			for (int i = 0; i < UNIT_FIELDS; i++) {
				if (v[i])
					cJSON_AddStringToObject(o, unit_fields[i], v[i]);
				else
					cJSON_AddNullToObject(o, unit_fields[i]);
			}
			cJSON_AddBoolToObject(o, "evaluated", evaluated);
			cJSON_AddItemToArray(arr, o);
		} else {
			printf("%-8s %-6s %-10s %s\n", v[0], v[3] ? v[3] : "-", v[2], v[1]);
			printf("%26s guide %s\n", "", *v[4] ? v[4] : "(none)");
			printf("%26s forms %s %s\n", "", *v[5] ? v[5] : "(no FOI form)", *v[6] ? v[6] : "(no consultation form)");
			printf("%26s email %s\n", "", *v[7] ? v[7] : "(none)");
			if (*v[8])
				printf("%26s domain %s\n", "", v[8]);
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		foi_error("units list", "database: %s", sqlite3_errmsg(ws->db));
		cJSON_Delete(arr);
		return FOI_EXIT_FAIL;
	}
	if (json) {
		char *text = arr ? cJSON_Print(arr) : NULL;
		cJSON_Delete(arr);
		if (!text) {
			foi_error("units list", "out of memory");
			return FOI_EXIT_FAIL;
		}
		puts(text);
		cJSON_free(text);
	} else {
		printf("%d evaluated units (%d county-level, %d departments)", counties + departments,
		       counties, departments);
		if (!evaluated_only)
			printf("; %d county-level departments in the FOI sampling pool", pool);
		putchar('\n');
	}
	return FOI_EXIT_OK;
}

int cmd_units(struct foi_app *app, int argc, char **argv)
{
	static const char *const subs[] = {"import", "list", NULL};
	int sub, rc = args_subcommand("units", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	int json = 0, evaluated = 0;
	const char *file = NULL;
	size_t npos;
	const struct arg_opt list_opts[] = {ARG_FLAG("--json", &json), ARG_FLAG("--evaluated", &evaluated)};
	const struct arg_spec spec = sub == 0 ? (struct arg_spec){"units import", "units", NULL, 0, &file, 1, &npos}
					      : (struct arg_spec){"units list", "units", list_opts, 2, NULL, 0, NULL};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (sub == 0 && !file)
		return command_usage_error("units import", "units", "needs a FILE (a units CSV)");

	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("units", "%s", err);
		return rc;
	}
	rc = sub == 0 ? units_import_cmd(&ws, file) : units_list_cmd(&ws, evaluated, json);
	workspace_close(&ws);
	return rc;
}
