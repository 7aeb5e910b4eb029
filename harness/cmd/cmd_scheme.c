/*
 * foi scheme: read an indicator scheme file before a round is scored by it. `check` reads and
 * checks a file (the shipped 2023 scheme by default) and prints its tables, parts, points and
 * rubric shares, or the error with file and line; `items` lists the item codes a scheme may
 * name. The reading and the rules are grader/scheme.c; works outside a workspace.
 */
#include "grader/scheme.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHIPPED_SCHEME "grader/schemes/2023.ini"

static void print_part(const struct scheme_part *pt)
{
	printf("    %-22s %s (%g)  %s", pt->code, pt->name, pt->points, scheme_graded_name(pt->graded));
	if (pt->graded == SCHEME_CONSULT)
		printf(": %g%% of the weight within 1 working day, %g%% within 5", pt->within_1_day, pt->within_5_days);
	if (pt->graded == SCHEME_MANUAL)
		printf(": not measured, entered by hand");
	printf("\n");
	if (pt->source)
		printf("      source: %s\n", pt->source);
	for (size_t i = 0; i < pt->nitems; i++) {
		const struct scheme_item *it = &pt->items[i];
		printf("      %-20s %5g%%  %.2f points", it->code, it->share, pt->points * it->share / 100);
		for (size_t k = 0; k < it->nkinds; k++)
			printf("%s%s", k ? "," : "  kinds: ", it->kinds[k]);
		printf("\n");
	}
}

static void print_scheme(const struct scheme *s)
{
	printf("scheme %s%s%s (%s)\n", s->name, s->title ? ": " : "", s->title ? s->title : "", s->path);
	printf("pending at the cutoff: %s\n", s->pending == SCHEME_PENDING_NOT_JUDGED
						  ? "not_judged (graded on what arrived, timeliness not judged)"
						  : "no_reply (counted as an application with no reply)");
	for (size_t t = 0; t < s->ntables; t++) {
		const struct scheme_table *tb = &s->tables[t];
		printf("\n%s [%s]: units of level %s\n", tb->name, tb->code, tb->level);
		for (size_t i = 0; i < tb->nindicators; i++) {
			printf("  %s %s (%g)\n", tb->indicators[i].code, tb->indicators[i].name, tb->indicators[i].points);
			for (size_t j = 0; j < s->nparts; j++)
				if (s->parts[j].table == t && s->parts[j].indicator == i)
					print_part(&s->parts[j]);
		}
	}
}

static void json_part(cJSON *arr, const struct scheme_part *pt, int *ok)
{
	cJSON *j = json_obj(arr, NULL, ok);
	if (!j)
		return;
	json_str(j, "code", pt->code, ok);
	json_str(j, "name", pt->name, ok);
	json_num(j, "points", pt->points, ok);
	json_str(j, "graded", scheme_graded_name(pt->graded), ok);
	json_str_or_null(j, "method", pt->method, ok);
	json_str_or_null(j, "source", pt->source, ok);
	if (pt->graded == SCHEME_CONSULT) {
		json_num(j, "within_1_day", pt->within_1_day, ok);
		json_num(j, "within_5_days", pt->within_5_days, ok);
	}
	cJSON *items = json_arr(j, "items", ok);
	for (size_t i = 0; items && i < pt->nitems; i++) {
		cJSON *it = json_obj(items, NULL, ok);
		if (!it)
			return;
		json_str(it, "code", pt->items[i].code, ok);
		json_num(it, "share", pt->items[i].share, ok);
		cJSON *kinds = json_arr(it, "kinds", ok);
		for (size_t k = 0; kinds && k < pt->items[i].nkinds; k++)
			json_push_str(kinds, pt->items[i].kinds[k], ok);
	}
}

static int print_json(const struct scheme *s)
{
	int ok = 1;
	cJSON *root = json_root_obj(&ok);
	if (root) {
		json_str(root, "name", s->name, &ok);
		json_str_or_null(root, "title", s->title, &ok);
		json_str(root, "pending", scheme_pending_name(s->pending), &ok);
		cJSON *tables = json_arr(root, "tables", &ok);
		for (size_t t = 0; tables && t < s->ntables; t++) {
			cJSON *tj = json_obj(tables, NULL, &ok);
			if (!tj)
				break;
			json_str(tj, "code", s->tables[t].code, &ok);
			json_str(tj, "name", s->tables[t].name, &ok);
			json_str(tj, "level", s->tables[t].level, &ok);
			cJSON *inds = json_arr(tj, "indicators", &ok);
			for (size_t i = 0; inds && i < s->tables[t].nindicators; i++) {
				cJSON *ij = json_obj(inds, NULL, &ok);
				if (!ij)
					break;
				json_str(ij, "code", s->tables[t].indicators[i].code, &ok);
				json_str(ij, "name", s->tables[t].indicators[i].name, &ok);
				json_num(ij, "points", s->tables[t].indicators[i].points, &ok);
				cJSON *parts = json_arr(ij, "parts", &ok);
				for (size_t j = 0; parts && j < s->nparts; j++)
					if (s->parts[j].table == t && s->parts[j].indicator == i)
						json_part(parts, &s->parts[j], &ok);
			}
		}
	}
	return json_emit(root, ok, "scheme check");
}

static int scheme_check(int argc, char **argv)
{
	const char *pos[1];
	size_t npos = 0;
	int json = 0;
	const struct arg_opt opts[] = {ARG_FLAG("--json", &json)};
	const struct arg_spec spec = {"scheme check", "scheme", opts, 1, pos, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	char shipped[4096];
	const char *path = pos[0];
	if (!npos) {
		snprintf(shipped, sizeof shipped, "%s/%s", foi_datadir(), SHIPPED_SCHEME);
		path = shipped;
	}
	struct scheme s;
	char err[FOI_ERR_MAX];
	rc = scheme_load(path, &s, err, sizeof err);
	if (rc != 0) {
		foi_error("scheme check", "%s", err);
		return rc == SCHEME_ERR_IO ? FOI_EXIT_FAIL : FOI_EXIT_DATA;
	}
	if (json) {
		rc = print_json(&s);
	} else {
		print_scheme(&s);
		rc = FOI_EXIT_OK;
	}
	scheme_free(&s);
	return rc;
}

static int scheme_items(int argc, char **argv)
{
	int json = 0;
	const struct arg_opt opts[] = {ARG_FLAG("--json", &json)};
	const struct arg_spec spec = {"scheme items", "scheme", opts, 1, NULL, 0, NULL};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	int ok = 1;
	cJSON *root = json ? json_root_arr(&ok) : NULL;
	for (size_t i = 0; i < scheme_item_count(); i++) {
		enum scheme_graded g;
		const char *code = scheme_item_at(i, &g);
		const char *what = scheme_item_describe(code);
		if (json) {
			cJSON *o = json_obj(root, NULL, &ok);
			if (o) {
				json_str(o, "code", code, &ok);
				json_str(o, "graded", scheme_graded_name(g), &ok);
				json_str_or_null(o, "describe", what, &ok);
			}
		} else {
			printf("%-22s %-6s %s\n", code, scheme_graded_name(g), what ? what : "");
		}
	}
	if (json)
		return json_emit(root, ok, "scheme items");
	printf("\ndocument kinds an item may be limited to (kinds=):");
	for (size_t i = 0; i < scheme_kind_count(); i++)
		printf(" %s", scheme_kind_at(i));
	printf("\n");
	return FOI_EXIT_OK;
}

int cmd_scheme(struct foi_app *app, int argc, char **argv)
{
	(void)app; /* works outside any workspace */
	static const char *const subs[] = {"check", "items", NULL};
	int sub, rc = args_subcommand("scheme", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	return sub == 0 ? scheme_check(argc, argv) : scheme_items(argc, argv);
}
