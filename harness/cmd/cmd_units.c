/* foi units import FILE | foi units list [--evaluated] [--json] */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/units.h"
#include "harness/units_list.h"
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

/* A field for the table: "" stands for a channel the unit does not have. */
static const char *or_none(const char *v, const char *none)
{
	return v && *v ? v : none;
}

static int units_list_cmd(struct workspace *ws, int evaluated_only, int json)
{
	struct unit_listing *units;
	size_t n;
	char err[FOI_ERR_MAX];
	enum foi_status st = units_list(ws->db, evaluated_only, &units, &n, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("units list", "%s", err);
		return command_exit(st);
	}
	int rc = FOI_EXIT_OK;
	if (json) {
		int ok = 1;
		cJSON *arr = json_root_arr(&ok);
		for (size_t i = 0; i < n; i++) {
			cJSON *o = json_obj(arr, NULL, &ok);
			for (int k = 0; k < UF_COUNT; k++)
				json_str_or_null(o, unit_field_names[k], units[i].f[k], &ok);
			json_bool(o, "evaluated", units[i].evaluated, &ok);
		}
		rc = json_emit(arr, ok, "units list");
	} else {
		int counties = 0, departments = 0, pool = 0;
		printf("%-8s %-6s %-10s %s\n", "CODE", "PARENT", "LEVEL", "NAME / CHANNELS");
		for (size_t i = 0; i < n; i++) {
			char *const *v = units[i].f;
			if (!units[i].evaluated)
				pool++;
			else if (strcmp(v[UF_LEVEL], "county") == 0)
				counties++;
			else
				departments++;
			printf("%-8s %-6s %-10s %s\n", v[UF_CODE], or_none(v[UF_PARENT], "-"), v[UF_LEVEL], v[UF_NAME]);
			printf("%26s guide %s\n", "", or_none(v[UF_GUIDE_URL], "(none)"));
			printf("%26s forms %s %s\n", "", or_none(v[UF_FOI_FORM_URL], "(no FOI form)"),
			       or_none(v[UF_CONSULT_FORM_URL], "(no consultation form)"));
			printf("%26s email %s\n", "", or_none(v[UF_EMAIL], "(none)"));
			if (v[UF_DOMAIN] && *v[UF_DOMAIN])
				printf("%26s domain %s\n", "", v[UF_DOMAIN]);
		}
		printf("%d evaluated units (%d county-level, %d departments)", counties + departments, counties,
		       departments);
		if (!evaluated_only)
			printf("; %d county-level departments in the FOI sampling pool", pool);
		putchar('\n');
	}
	units_list_free(units, n);
	return rc;
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
