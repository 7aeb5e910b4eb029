/*
 * foi round create|show|list|edit|drop|send|log: the plan of a testing round, visible and
 * editable before anything is sent; sending it and its log are in cmd_round_send.c.
 */
#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/cmd_round_send.h"
#include "harness/cmd/commands.h"
#include "harness/round.h"
#include "harness/workspace.h"
#include "harness/calendar_store.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The workspace's templates/ folder when it has one, else the shipped templates. */
static int load_templates(const struct workspace *ws, struct template_set *set, char *err, size_t errsz)
{
	char dir[PATH_MAX];
	template_set_init(set);
	if (workspace_path(ws, "templates", dir) == 0 && access(dir, F_OK) == 0)
		return template_set_load_dir(set, dir, err, errsz);
	snprintf(dir, sizeof dir, "%s/templates", foi_datadir());
	return template_set_load_dir(set, dir, err, errsz);
}

static int64_t find_round(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(db, "SELECT id FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? (const char *)v : "";
}

static int print_json(cJSON *doc)
{
	char *text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (!text) {
		foi_error("round", "out of memory");
		return FOI_EXIT_FAIL;
	}
	puts(text);
	cJSON_free(text);
	return FOI_EXIT_OK;
}

/* A failed query: say so, rather than print a plan with parts missing. */
static int db_error(sqlite3 *db, cJSON *doc)
{
	foi_error("round", "database: %s", sqlite3_errmsg(db));
	cJSON_Delete(doc);
	return FOI_EXIT_FAIL;
}

static int round_show(struct workspace *ws, const char *name, const char *only_unit, int json)
{
	int step = SQLITE_DONE;
	int64_t id = find_round(ws->db, name);
	if (id < 0)
		return db_error(ws->db, NULL);
	if (id == 0) {
		foi_error("round show", "no round named '%s' (see 'foi round list')", name);
		return FOI_EXIT_FAIL;
	}
	sqlite3_stmt *st;
	cJSON *doc = json ? cJSON_CreateObject() : NULL;
	cJSON *draws = NULL, *reqs = NULL;

	if (sqlite3_prepare_v2(ws->db, "SELECT name, created_at, seed, kinds, start_date, spread_days FROM rounds WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_error(ws->db, doc);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (json) {
			cJSON_AddStringToObject(doc, "name", col(st, 0));
			cJSON_AddStringToObject(doc, "created_at", col(st, 1));
			cJSON_AddNumberToObject(doc, "seed", (double)sqlite3_column_int64(st, 2));
			cJSON_AddStringToObject(doc, "kinds", col(st, 3));
			cJSON_AddStringToObject(doc, "start", col(st, 4));
			cJSON_AddNumberToObject(doc, "spread_days", sqlite3_column_int(st, 5));
		} else if (!only_unit) {
			printf("round %s: seed %lld, kinds %s, from %s over %d days (created %s)\n", col(st, 0),
			       (long long)sqlite3_column_int64(st, 2), col(st, 3), col(st, 4), sqlite3_column_int(st, 5), col(st, 1));
		}
	}
	sqlite3_finalize(st);

	if (sqlite3_prepare_v2(ws->db, "SELECT d.county, d.target, t.name, d.pool FROM round_draws d JOIN units t ON t.code = d.target "
				   "JOIN units c ON c.code = d.county WHERE d.round_id = ? ORDER BY c.position", -1, &st, NULL) != SQLITE_OK)
		return db_error(ws->db, doc);
	sqlite3_bind_int64(st, 1, id);
	if (json)
		draws = cJSON_AddArrayToObject(doc, "draws");
	else if (!only_unit)
		printf("\ncounty-level FOI targets drawn:\n");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "county", col(st, 0));
			cJSON_AddStringToObject(o, "target", col(st, 1));
			cJSON_AddStringToObject(o, "pool", col(st, 3));
			cJSON_AddItemToArray(draws, o);
		} else if (!only_unit) {
			printf("  %-6s -> %-8s %s   (drawn from %s)\n", col(st, 0), col(st, 1), col(st, 2), col(st, 3));
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_error(ws->db, doc);

	if (sqlite3_prepare_v2(ws->db, "SELECT q.unit, q.target, q.kind, q.template_id, q.channel, q.address, q.persona, q.send_at, "
				   "q.token, q.reply_to, q.subject, q.body, q.state, q.id, coalesce(a.message_id, ''), "
				   "coalesce(a.confirmation, ''), coalesce(a.detail, '') FROM requests q JOIN units u ON u.code = q.unit "
				   "LEFT JOIN attempts a ON a.id = (SELECT max(id) FROM attempts WHERE request_id = q.id) "
				   "WHERE q.round_id = ? AND (?2 IS NULL OR q.unit = ?2) ORDER BY u.position, q.kind DESC", -1, &st, NULL) != SQLITE_OK)
		return db_error(ws->db, doc);
	sqlite3_bind_int64(st, 1, id);
	if (only_unit)
		sqlite3_bind_text(st, 2, only_unit, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	if (json)
		reqs = cJSON_AddArrayToObject(doc, "requests");
	else if (!only_unit)
		printf("\n%-6s %-8s %-7s %-36s %-5s %-6s %-16s %s\n", "UNIT", "TARGET", "KIND", "TEMPLATE", "BY", "AS", "SEND AT", "STATE");
	int n = 0;
	static const char *const fields[] = {"unit", "target", "kind", "template", "channel", "address", "persona",
					     "send_at", "token", "reply_to", "subject", "body", "state"};
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "id", (double)sqlite3_column_int64(st, 13));
			/* The last attempt: what identifies what was sent, and the evidence of a failure. */
			cJSON_AddStringToObject(o, "message_id", col(st, 14));
			cJSON_AddStringToObject(o, "confirmation", col(st, 15));
			cJSON_AddStringToObject(o, "detail", col(st, 16));
			for (int i = 0; i < 13; i++)
				cJSON_AddStringToObject(o, fields[i], col(st, i));
			cJSON_AddItemToArray(reqs, o);
		} else if (only_unit) {
			printf("== request %lld: %s request of %s, to %s by %s %s, as %s, at %s [%s]\n",
			       (long long)sqlite3_column_int64(st, 13), col(st, 2), col(st, 0), col(st, 1), col(st, 4), col(st, 5),
			       col(st, 6), col(st, 7), col(st, 12));
			printf("Reply-To: %s\nSubject: %s\n\n%s\n", col(st, 9), col(st, 10), col(st, 11));
		} else {
			char when[17];
			snprintf(when, sizeof when, "%.10s %.5s", col(st, 7), col(st, 7) + 11);
			printf("%-6s %-8s %-7s %-36s %-5s %-6s %-16s %s\n", col(st, 0), col(st, 1), col(st, 2), col(st, 3),
			       col(st, 4), col(st, 6), when, col(st, 12));
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_error(ws->db, doc);
	if (json)
		return print_json(doc);
	if (only_unit && n == 0) {
		foi_error("round show", "round %s has no request for unit '%s'", name, only_unit);
		return FOI_EXIT_FAIL;
	}
	if (!only_unit)
		printf("%d requests\n", n);
	return FOI_EXIT_OK;
}

static int round_list(struct workspace *ws, int json)
{
	int step = SQLITE_DONE;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ws->db, "SELECT r.name, r.created_at, r.seed, r.kinds, r.start_date, r.spread_days, "
				   "(SELECT count(*) FROM requests q WHERE q.round_id = r.id), "
				   "(SELECT count(*) FROM requests q WHERE q.round_id = r.id AND q.state = 'planned'), "
				   "(SELECT count(*) FROM round_edits e WHERE e.round_id = r.id) "
				   "FROM rounds r ORDER BY r.id", -1, &st, NULL) != SQLITE_OK)
		return db_error(ws->db, NULL);
	cJSON *arr = json ? cJSON_CreateArray() : NULL;
	int n = 0;
	if (!json)
		printf("%-16s %-10s %-8s %-12s %8s %8s %6s\n", "ROUND", "START", "SEED", "KINDS", "REQUESTS", "PLANNED", "EDITS");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "name", col(st, 0));
			cJSON_AddStringToObject(o, "created_at", col(st, 1));
			cJSON_AddNumberToObject(o, "seed", (double)sqlite3_column_int64(st, 2));
			cJSON_AddStringToObject(o, "kinds", col(st, 3));
			cJSON_AddStringToObject(o, "start", col(st, 4));
			cJSON_AddNumberToObject(o, "spread_days", sqlite3_column_int(st, 5));
			cJSON_AddNumberToObject(o, "requests", sqlite3_column_int(st, 6));
			cJSON_AddNumberToObject(o, "planned", sqlite3_column_int(st, 7));
			cJSON_AddNumberToObject(o, "edits", sqlite3_column_int(st, 8));
			cJSON_AddItemToArray(arr, o);
		} else {
			printf("%-16s %-10s %-8lld %-12s %8d %8d %6d\n", col(st, 0), col(st, 4), (long long)sqlite3_column_int64(st, 2),
			       col(st, 3), sqlite3_column_int(st, 6), sqlite3_column_int(st, 7), sqlite3_column_int(st, 8));
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_error(ws->db, arr);
	if (json)
		return print_json(arr);
	if (n == 0)
		printf("no rounds yet: plan one with 'foi round create NAME'\n");
	return FOI_EXIT_OK;
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
	const char *kinds, *seed, *start, *spread, *unit, *kind, *template_id, *persona, *at, *limit, *retry;
	int json, dry_run;
};

enum round_sub { ROUND_CREATE, ROUND_SHOW, ROUND_LIST, ROUND_EDIT, ROUND_DROP, ROUND_SEND, ROUND_LOG };
static const char *const round_subs[] = {"create", "show", "list", "edit", "drop", "send", "log", NULL};

static int parse_args(enum round_sub sub, int argc, char **argv, struct round_args *a)
{
	memset(a, 0, sizeof *a);
	const struct arg_opt create_opts[] = {ARG_VALUE("--kinds", &a->kinds), ARG_VALUE("--seed", &a->seed),
					      ARG_VALUE("--start", &a->start), ARG_VALUE("--spread", &a->spread)};
	const struct arg_opt show_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_FLAG("--json", &a->json)};
	const struct arg_opt list_opts[] = {ARG_FLAG("--json", &a->json)};
	const struct arg_opt edit_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind),
					    ARG_VALUE("--template", &a->template_id), ARG_VALUE("--persona", &a->persona),
					    ARG_VALUE("--at", &a->at)};
	const struct arg_opt drop_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind)};
	const struct arg_opt send_opts[] = {ARG_FLAG("--dry-run", &a->dry_run), ARG_VALUE("--limit", &a->limit),
					    ARG_VALUE("--unit", &a->unit), ARG_VALUE("--kind", &a->kind),
					    ARG_VALUE("--retry", &a->retry)};
	static const size_t counts[] = {4, 2, 1, 5, 2, 5, 0};
	const struct arg_opt *tables[] = {create_opts, show_opts, list_opts, edit_opts, drop_opts, send_opts, NULL};
	char what[32];
	snprintf(what, sizeof what, "round %s", round_subs[sub]);
	size_t npos;
	const struct arg_spec spec = {what, "round", tables[sub], counts[sub], &a->name, sub != ROUND_LIST, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc == ARGS_CONTINUE && !a->name && sub != ROUND_LIST)
		rc = command_usage_error(what, "round", "needs the round's NAME");
	return rc;
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
	default: rc = round_change_cmd(&ws, round_subs[sub], &a); break;
	}
	workspace_close(&ws);
	return rc;
}
