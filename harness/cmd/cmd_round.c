/*
 * foi round create|show|list|edit|drop: the plan of a testing round, visible and editable
 * before anything is sent.
 */
#include "harness/clock.h"
#include "harness/cmd/cmd_round_send.h"
#include "harness/cmd/commands.h"
#include "harness/round.h"
#include "harness/workspace.h"
#include "harness/workspace_calendar.h"

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

static int parse_number(const char *text, long long lo, long long hi, long long *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Everything after the subcommand: the round name and the options it takes. */
struct round_args {
	const char *name;
	const char *kinds, *seed, *start, *spread, *unit, *kind, *template_id, *persona, *at;
	int json;
};

static int parse_args(const char *sub, int argc, char **argv, struct round_args *a)
{
	static const struct {
		const char *flag;
		size_t offset;
		const char *subs; /* which subcommands take it */
	} options[] = {
		{"--kinds", offsetof(struct round_args, kinds), "create"},
		{"--seed", offsetof(struct round_args, seed), "create"},
		{"--start", offsetof(struct round_args, start), "create"},
		{"--spread", offsetof(struct round_args, spread), "create"},
		{"--unit", offsetof(struct round_args, unit), "show edit drop"},
		{"--kind", offsetof(struct round_args, kind), "edit drop"},
		{"--template", offsetof(struct round_args, template_id), "edit"},
		{"--persona", offsetof(struct round_args, persona), "edit"},
		{"--at", offsetof(struct round_args, at), "edit"},
	};
	memset(a, 0, sizeof *a);
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--json") == 0 && (strcmp(sub, "show") == 0 || strcmp(sub, "list") == 0)) {
			a->json = 1;
			continue;
		}
		if (arg[0] != '-') {
			if (a->name || strcmp(sub, "list") == 0)
				return command_usage_error("round", "unexpected argument '%s'", arg);
			a->name = arg;
			continue;
		}
		size_t k = 0, nopts = sizeof options / sizeof options[0];
		while (k < nopts && !(strcmp(options[k].flag, arg) == 0 && strstr(options[k].subs, sub)))
			k++;
		if (k == nopts)
			return command_usage_error("round", "'%s' is not an option of 'round %s'", arg, sub);
		if (i + 1 >= argc)
			return command_usage_error("round", "%s needs a value", arg);
		*(const char **)((char *)a + options[k].offset) = argv[++i];
	}
	if (!a->name && strcmp(sub, "list") != 0)
		return command_usage_error("round", "'round %s' needs the round's NAME", sub);
	return 0;
}

static int round_create_cmd(struct workspace *ws, const struct round_args *a)
{
	struct round_options opt = {.name = a->name, .spread_days = 10};
	char err[FOI_ERR_MAX];
	long long v;
	if (parse_kinds(a->kinds ? a->kinds : "foi,consult", opt.kinds) != 0)
		return command_usage_error("round", "--kinds takes foi, consult or foi,consult");
	if (a->seed) {
		if (parse_number(a->seed, 0, 9007199254740991LL, &v) != 0)
			return command_usage_error("round", "--seed '%s' is not a number", a->seed);
		opt.seed = (uint64_t)v;
		opt.seed_given = 1;
	}
	if (a->spread) {
		if (parse_number(a->spread, 1, 366, &v) != 0)
			return command_usage_error("round", "--spread '%s' is not a number of days from 1 to 366", a->spread);
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
	rc = workspace_calendar_load(ws, &cal, NULL, 0, err, sizeof err);
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
	char err[FOI_ERR_MAX], summary[1024];
	if (!a->unit)
		return command_usage_error("round", "'round %s' needs --unit CODE", sub);
	if (a->kind && strcmp(a->kind, "foi") != 0 && strcmp(a->kind, "consult") != 0)
		return command_usage_error("round", "--kind takes foi or consult");
	int drop = strcmp(sub, "drop") == 0;
	if (!drop && !a->kind)
		return command_usage_error("round", "'round edit' needs --kind foi|consult");
	if (!drop && !a->template_id && !a->persona && !a->at)
		return command_usage_error("round", "'round edit' needs --template, --persona or --at");

	struct template_set templates;
	struct sched_calendar *cal = NULL;
	int rc;
	if (load_templates(ws, &templates, err, sizeof err) != 0) {
		foi_error("round", "%s", err);
		template_set_free(&templates);
		return FOI_EXIT_DATA;
	}
	rc = workspace_calendar_load(ws, &cal, NULL, 0, err, sizeof err);
	if (rc == FOI_EXIT_OK) {
		/* drop without --kind takes all of the unit's requests (round.c, one transaction). */
		struct round_edit e = {.unit = a->unit, .kind = a->kind, .template_id = a->template_id,
				       .persona = a->persona, .send_at = a->at, .drop = drop};
		rc = round_edit(ws, cal, &templates, a->name, &e, summary, sizeof summary, err, sizeof err);
		if (rc == FOI_EXIT_OK)
			printf("%s\n", summary);
	}
	if (rc != FOI_EXIT_OK) {
		char what[32];
		snprintf(what, sizeof what, "round %s", sub);
		foi_error(what, "%s", err);
	}
	calendar_free(cal);
	template_set_free(&templates);
	return rc;
}

/* round send NAME [options] | round log NAME: their own options (cmd_round_send.c). */
static int round_sending(struct foi_app *app, const char *sub, int argc, char **argv)
{
	if (argc < 3 || argv[2][0] == '-')
		return command_usage_error("round", "'round %s' needs the round's NAME", sub);
	if (strcmp(sub, "log") == 0 && argc > 3)
		return command_usage_error("round", "unexpected argument '%s'", argv[3]);
	struct workspace ws;
	char err[FOI_ERR_MAX];
	int rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("round", "%s", err);
		return rc;
	}
	int64_t id = find_round(ws.db, argv[2]);
	if (id <= 0) {
		if (id < 0)
			foi_error("round", "database: %s", sqlite3_errmsg(ws.db));
		else
			foi_error(strcmp(sub, "send") == 0 ? "round send" : "round log", "no round named '%s' (see 'foi round list')", argv[2]);
		workspace_close(&ws);
		return FOI_EXIT_FAIL;
	}
	rc = strcmp(sub, "send") == 0 ? round_send_cmd(&ws, argv[2], argc - 3, argv + 3) : round_log_cmd(&ws, argv[2]);
	workspace_close(&ws);
	return rc;
}

int cmd_round(struct foi_app *app, int argc, char **argv)
{
	if (argc < 2)
		return command_usage_error("round", "say create, show, list, edit, drop, send or log");
	const char *sub = argv[1];
	if (strcmp(sub, "send") == 0 || strcmp(sub, "log") == 0)
		return round_sending(app, sub, argc, argv);
	if (strcmp(sub, "create") && strcmp(sub, "show") && strcmp(sub, "list") && strcmp(sub, "edit") && strcmp(sub, "drop"))
		return command_usage_error("round", "unknown subcommand '%s'", sub);
	struct round_args a;
	int rc = parse_args(sub, argc, argv, &a);
	if (rc != 0)
		return rc;

	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("round", "%s", err);
		return rc;
	}
	if (strcmp(sub, "create") == 0)
		rc = round_create_cmd(&ws, &a);
	else if (strcmp(sub, "show") == 0)
		rc = round_show(&ws, a.name, a.unit, a.json);
	else if (strcmp(sub, "list") == 0)
		rc = round_list(&ws, a.json);
	else
		rc = round_change_cmd(&ws, sub, &a);
	workspace_close(&ws);
	return rc;
}
