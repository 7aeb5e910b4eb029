/*
 * foi round create|show|list|edit|drop|send|log: the plan of a testing round, visible and
 * editable before anything is sent; sending it and its log are in cmd_round_send.c.
 */
#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/cmd_round_send.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/round.h"
#include "harness/round_query.h"
#include "harness/round_warn.h"
#include "harness/template_source.h"
#include "harness/workspace.h"
#include "harness/calendar_store.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The shipped templates with the workspace's own over them: what list and show see too. */
static int load_templates(const struct workspace *ws, struct template_set *set, char *err, size_t errsz)
{
	return template_source_load(ws->dir, set, err, errsz);
}

/* Whether a request's template fits its target's domains, however it got there (planned with
 * --allow-other-domain, or edited). A template no longer in the set is not judged. */
static int in_domain(const struct template_set *templates, const struct round_request_row *q)
{
	const struct template *t = template_set_find(templates, q->f[RQ_TEMPLATE]);
	return !t || round_template_fits(q->target_level, q->target_domains, t->domain);
}

static void print_show_json_summary(cJSON *doc, const struct round_summary *r, int *ok)
{
	json_str(doc, "name", r->name, ok);
	json_str(doc, "created_at", r->created_at, ok);
	json_num(doc, "seed", (double)r->seed, ok);
	json_str(doc, "kinds", r->kinds, ok);
	json_str(doc, "start", r->start, ok);
	json_num(doc, "spread_days", r->spread_days, ok);
}

static int print_show_json(const struct round_view *v, const struct template_set *templates)
{
	int ok = 1;
	cJSON *doc = json_root_obj(&ok);
	print_show_json_summary(doc, &v->round, &ok);
	cJSON *draws = json_arr(doc, "draws", &ok);
	for (size_t i = 0; i < v->ndraws; i++) {
		cJSON *o = json_obj(draws, NULL, &ok);
		json_str(o, "county", v->draws[i].county, &ok);
		json_str(o, "target", v->draws[i].target, &ok);
		json_str(o, "pool", v->draws[i].pool, &ok);
	}
	cJSON *reqs = json_arr(doc, "requests", &ok);
	for (size_t i = 0; i < v->nrequests; i++) {
		cJSON *o = json_obj(reqs, NULL, &ok);
		json_num(o, "id", (double)v->requests[i].id, &ok);
		for (int k = 0; k < RQ_FIELD_COUNT; k++)
			json_str(o, round_request_field_names[k], v->requests[i].f[k], &ok);
		json_bool(o, "in_domain", in_domain(templates, &v->requests[i]), &ok);
	}
	return json_emit(doc, ok, "round show");
}

/* --unit: the exact text of that unit's requests. */
static void print_show_unit(const struct round_view *v, const struct template_set *templates)
{
	for (size_t i = 0; i < v->nrequests; i++) {
		char *const *f = v->requests[i].f;
		printf("== request %lld: %s request of %s, to %s by %s %s, as %s, at %s [%s]\n", (long long)v->requests[i].id,
		       f[RQ_KIND], f[RQ_UNIT], f[RQ_TARGET], f[RQ_CHANNEL], f[RQ_ADDRESS], f[RQ_PERSONA], f[RQ_SEND_AT],
		       f[RQ_STATE]);
		if (!in_domain(templates, &v->requests[i]))
			printf("OTHER-DOMAIN: template %s (%s) is outside %s's domains (%s)\n", f[RQ_TEMPLATE],
			       template_set_find(templates, f[RQ_TEMPLATE])->domain, f[RQ_TARGET],
			       v->requests[i].target_domains);
		printf("Reply-To: %s\nSubject: %s\n\n%s\n", f[RQ_REPLY_TO], f[RQ_SUBJECT], f[RQ_BODY]);
	}
}

static void print_show_table(const struct round_view *v, const struct template_set *templates)
{
	int marked = 0;
	const struct round_summary *r = &v->round;
	printf("round %s: seed %lld, kinds %s, from %s over %d days (created %s)\n", r->name, (long long)r->seed, r->kinds,
	       r->start, r->spread_days, r->created_at);
	printf("\ncounty-level FOI targets drawn:\n");
	for (size_t i = 0; i < v->ndraws; i++)
		printf("  %-6s -> %-8s %s   (drawn from %s)\n", v->draws[i].county, v->draws[i].target,
		       v->draws[i].target_name, v->draws[i].pool);
	printf("\n%-6s %-8s %-7s %-36s %-5s %-6s %-16s %s\n", "UNIT", "TARGET", "KIND", "TEMPLATE", "BY", "AS", "SEND AT",
	       "STATE");
	for (size_t i = 0; i < v->nrequests; i++) {
		char *const *f = v->requests[i].f;
		char when[17];
		snprintf(when, sizeof when, "%.10s %.5s", f[RQ_SEND_AT], strlen(f[RQ_SEND_AT]) > 11 ? f[RQ_SEND_AT] + 11 : "");
		int fits = in_domain(templates, &v->requests[i]);
		marked += !fits;
		printf("%-6s %-8s %-7s %-36s %-5s %-6s %-16s %s%s\n", f[RQ_UNIT], f[RQ_TARGET], f[RQ_KIND], f[RQ_TEMPLATE],
		       f[RQ_CHANNEL], f[RQ_PERSONA], when, f[RQ_STATE], fits ? "" : "  OTHER-DOMAIN");
	}
	printf("%zu requests\n", v->nrequests);
	if (marked)
		printf("%d marked OTHER-DOMAIN: a template outside its target's domains; choose another with "
		       "'foi round edit %s --unit UNIT --kind KIND --template ID'\n",
		       marked, v->round.name);
}

static int round_show(struct workspace *ws, const char *name, const char *only_unit, int json)
{
	struct round_view v;
	struct template_set templates;
	char err[FOI_ERR_MAX];
	if (load_templates(ws, &templates, err, sizeof err) != 0) {
		foi_error("round show", "%s", err);
		template_set_free(&templates);
		return FOI_EXIT_DATA;
	}
	enum foi_status st = round_view_load(ws->db, name, only_unit, &v, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("round show", "%s", err);
		template_set_free(&templates);
		return command_exit(st);
	}
	int rc = FOI_EXIT_OK;
	if (json)
		rc = print_show_json(&v, &templates);
	else if (only_unit)
		print_show_unit(&v, &templates);
	else
		print_show_table(&v, &templates);
	round_view_free(&v);
	template_set_free(&templates);
	return rc;
}

static int round_list(struct workspace *ws, int json)
{
	struct round_summary *rounds;
	size_t n;
	char err[FOI_ERR_MAX];
	enum foi_status st = round_list_load(ws->db, &rounds, &n, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("round list", "%s", err);
		return command_exit(st);
	}
	int rc = FOI_EXIT_OK;
	if (json) {
		int ok = 1;
		cJSON *arr = json_root_arr(&ok);
		for (size_t i = 0; i < n; i++) {
			cJSON *o = json_obj(arr, NULL, &ok);
			print_show_json_summary(o, &rounds[i], &ok);
			json_num(o, "requests", rounds[i].requests, &ok);
			json_num(o, "planned", rounds[i].planned, &ok);
			json_num(o, "edits", rounds[i].edits, &ok);
		}
		rc = json_emit(arr, ok, "round list");
	} else {
		printf("%-16s %-10s %-8s %-12s %8s %8s %6s\n", "ROUND", "START", "SEED", "KINDS", "REQUESTS", "PLANNED",
		       "EDITS");
		for (size_t i = 0; i < n; i++)
			printf("%-16s %-10s %-8lld %-12s %8d %8d %6d\n", rounds[i].name, rounds[i].start,
			       (long long)rounds[i].seed, rounds[i].kinds, rounds[i].requests, rounds[i].planned,
			       rounds[i].edits);
		if (n == 0)
			printf("no rounds yet: plan one with 'foi round create NAME'\n");
	}
	round_list_free(rounds, n);
	return rc;
}

static int parse_kinds(const char *text, int kinds[2])
{
	kinds[0] = kinds[1] = 0;
	char buf[64];
	snprintf(buf, sizeof buf, "%s", text);
	for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		if (strcmp(w, "foi") == 0)
			kinds[0] = 1;
		else if (strcmp(w, "consult") == 0)
			kinds[1] = 1;
		else
			return -1;
	}
	return kinds[0] || kinds[1] ? 0 : -1;
}

/* Everything after the subcommand: the round name and the options it takes. */
struct round_args {
	const char *name;
	const char *kinds, *seed, *start, *spread, *unit, *kind, *template_id, *persona, *at, *limit, *retry, *until;
	int json, dry_run, once;
	int allow_other_domain;
};

enum round_sub { ROUND_CREATE, ROUND_SHOW, ROUND_LIST, ROUND_EDIT, ROUND_DROP, ROUND_SEND, ROUND_LOG, ROUND_RUN };
static const char *const round_subs[] = {"create", "show", "list", "edit", "drop", "send", "log", "run", NULL};

static int parse_args(enum round_sub sub, int argc, char **argv, struct round_args *a)
{
	memset(a, 0, sizeof *a);
	const struct arg_opt create_opts[] = {ARG_VALUE("--kinds", &a->kinds), ARG_VALUE("--seed", &a->seed),
					      ARG_VALUE("--start", &a->start), ARG_VALUE("--spread", &a->spread),
					      ARG_FLAG("--allow-other-domain", &a->allow_other_domain)};
	const struct arg_opt show_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_FLAG("--json", &a->json)};
	const struct arg_opt list_opts[] = {ARG_FLAG("--json", &a->json)};
	const struct arg_opt edit_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind),
					    ARG_VALUE("--template", &a->template_id), ARG_VALUE("--persona", &a->persona),
					    ARG_VALUE("--at", &a->at)};
	const struct arg_opt drop_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind)};
	const struct arg_opt send_opts[] = {ARG_FLAG("--dry-run", &a->dry_run), ARG_VALUE("--limit", &a->limit),
					    ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind),
					    ARG_VALUE("--retry", &a->retry)};
	const struct arg_opt run_opts[] = {ARG_VALUE("--until", &a->until), ARG_FLAG("--once", &a->once)};
	static const size_t counts[] = {5, 2, 1, 5, 2, 5, 0, 2};
	const struct arg_opt *tables[] = {create_opts, show_opts, list_opts, edit_opts, drop_opts, send_opts, NULL,
					  run_opts};
	char what[32];
	snprintf(what, sizeof what, "round %s", round_subs[sub]);
	size_t npos;
	const struct arg_spec spec = {what, "round", tables[sub], counts[sub], &a->name, sub != ROUND_LIST, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc == ARGS_CONTINUE && !a->name && sub != ROUND_LIST)
		rc = command_usage_error(what, "round", "needs the round's NAME");
	return rc;
}

static void warn_stderr(void *ctx, const char *text)
{
	(void)ctx;
	foi_warn("%s", text);
}

static int round_create_cmd(struct workspace *ws, const struct round_args *a)
{
	struct round_options opt = {.name = a->name, .spread_days = 10};
	char err[FOI_ERR_MAX];
	long v;
	if (parse_kinds(a->kinds ? a->kinds : "foi,consult", opt.kinds) != 0)
		return command_usage_error("round create", "round", "--kinds takes foi, consult or foi,consult");
	/* Seeds stay below 2^53 so that --json (a double) shows them exactly. */
	if (a->seed) {
		if (args_long("round create", "round", "--seed", a->seed, 0, 9007199254740991L, &v) != ARGS_CONTINUE)
			return FOI_EXIT_USAGE;
		opt.seed = (uint64_t)v;
		opt.seed_given = 1;
	}
	if (a->spread) {
		if (args_long("round create", "round", "--spread", a->spread, 1, 366, &v) != ARGS_CONTINUE)
			return FOI_EXIT_USAGE;
		opt.spread_days = (int)v;
	}
	opt.start = a->start;
	opt.allow_other_domain = a->allow_other_domain;
	opt.warn = warn_stderr;

	struct template_set templates;
	struct sched_calendar *cal = NULL;
	int rc;
	if (load_templates(ws, &templates, err, sizeof err) != 0) {
		foi_error("round create", "%s", err);
		template_set_free(&templates);
		return FOI_EXIT_DATA;
	}
	rc = command_exit(calendar_store_load_workspace(ws->db, &cal, NULL, 0, err, sizeof err));
	if (rc == FOI_EXIT_OK) {
		int count;
		rc = round_create(ws, cal, &templates, &opt, &count, err, sizeof err);
		if (rc == FOI_EXIT_OK)
			printf("planned round %s: %d requests to %d units; see 'foi round show %s'\n", a->name, count,
			       count / (opt.kinds[0] + opt.kinds[1]), a->name);
	}
	if (rc != FOI_EXIT_OK)
		foi_error("round create", "%s", err);
	calendar_free(cal);
	template_set_free(&templates);
	return rc;
}

static int round_change_cmd(struct workspace *ws, const char *sub, const struct round_args *a)
{
	char err[FOI_ERR_MAX], summary[1024], what[32];
	snprintf(what, sizeof what, "round %s", sub);
	if (!a->unit)
		return command_usage_error(what, "round", "needs --unit CODE");
	if (a->kind && strcmp(a->kind, "foi") != 0 && strcmp(a->kind, "consult") != 0)
		return command_usage_error(what, "round", "--kind takes foi or consult, not '%s'", a->kind);
	int drop = strcmp(sub, "drop") == 0;
	if (!drop && !a->kind)
		return command_usage_error(what, "round", "needs --kind foi|consult");
	if (!drop && !a->template_id && !a->persona && !a->at)
		return command_usage_error(what, "round", "needs --template, --persona or --at");

	struct template_set templates;
	struct sched_calendar *cal = NULL;
	int rc;
	if (load_templates(ws, &templates, err, sizeof err) != 0) {
		foi_error(what, "%s", err);
		template_set_free(&templates);
		return FOI_EXIT_DATA;
	}
	rc = command_exit(calendar_store_load_workspace(ws->db, &cal, NULL, 0, err, sizeof err));
	if (rc == FOI_EXIT_OK) {
		/* drop without --kind takes all of the unit's requests (round.c, one transaction). */
		struct round_edit e = {.unit = a->unit, .kind = a->kind, .template_id = a->template_id,
				       .persona = a->persona, .send_at = a->at, .drop = drop};
		rc = round_edit(ws, cal, &templates, a->name, &e, summary, sizeof summary, err, sizeof err);
		if (rc == FOI_EXIT_OK)
			printf("%s\n", summary);
	}
	if (rc != FOI_EXIT_OK)
		foi_error(what, "%s", err);
	calendar_free(cal);
	template_set_free(&templates);
	return rc;
}

/* The options of round send, checked; the sending itself is cmd_round_send.c's. */
static int round_send_args(struct workspace *ws, const struct round_args *a)
{
	struct round_send_options o = {.round = a->name, .dry_run = a->dry_run, .unit = a->unit, .kind = a->kind};
	if (a->limit && args_long("round send", "round", "--limit", a->limit, 1, 1000000000L, &o.limit) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	if (a->kind && strcmp(a->kind, "foi") != 0 && strcmp(a->kind, "consult") != 0)
		return command_usage_error("round send", "round", "--kind takes foi or consult, not '%s'", a->kind);
	if (a->retry && strcmp(a->retry, "failed") != 0)
		return command_usage_error("round send", "round", "--retry takes 'failed', not '%s'", a->retry);
	o.retry_failed = a->retry != NULL;
	return round_send_cmd(ws, &o);
}

int cmd_round(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("round", argc, argv, round_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct round_args a;
	rc = parse_args((enum round_sub)sub, argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;

	struct workspace ws;
	char err[FOI_ERR_MAX], what[32];
	snprintf(what, sizeof what, "round %s", round_subs[sub]);
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error(what, "%s", err);
		return rc;
	}
	switch ((enum round_sub)sub) {
	case ROUND_CREATE: rc = round_create_cmd(&ws, &a); break;
	case ROUND_SHOW: rc = round_show(&ws, a.name, a.unit, a.json); break;
	case ROUND_LIST: rc = round_list(&ws, a.json); break;
	case ROUND_SEND: rc = round_send_args(&ws, &a); break;
	case ROUND_LOG: rc = round_log_cmd(&ws, a.name); break;
	case ROUND_RUN: rc = round_run_cmd(&ws, a.name, a.until, a.once); break;
	default: rc = round_change_cmd(&ws, round_subs[sub], &a); break;
	}
	workspace_close(&ws);
	return rc;
}
