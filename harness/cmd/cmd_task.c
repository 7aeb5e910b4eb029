/*
 * foi task list|show|done|fail: the assisted tasks, requests a person submits by hand. done and
 * fail hold the send lock, so that they never race a running `round send`.
 */
#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/mail/outbox.h"
#include "harness/web/tasks.h"
#include "harness/workspace.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TASK_TEXT_MAX 500

enum task_sub { TASK_LIST, TASK_SHOW, TASK_DONE, TASK_FAIL };
static const char *const task_subs[] = {"list", "show", "done", "fail", NULL};

struct task_view {
	int json, ok, count;
	cJSON *arr;
};

static void task_json(cJSON *o, const struct task_row *t, int full, int *ok)
{
	json_num(o, "id", (double)t->id, ok);
	json_num(o, "request", (double)t->request_id, ok);
	json_str(o, "round", t->round, ok);
	json_str(o, "unit", t->unit, ok);
	json_str(o, "kind", t->kind, ok);
	json_str(o, "state", t->state, ok);
	json_str(o, "created_at", t->created_at, ok);
	json_str(o, "reason", t->reason, ok);
	json_str(o, "form_url", t->form_url, ok);
	json_str(o, "captcha_file", t->captcha_file, ok);
	json_str(o, "confirmation", t->confirmation, ok);
	json_str(o, "fail_reason", t->fail_reason, ok);
	json_str_or_null(o, "closed_at", *t->closed_at ? t->closed_at : NULL, ok);
	if (full) {
		cJSON *fields = cJSON_Parse(t->fields);
		if (!fields || !cJSON_AddItemToObject(o, "fields", fields)) {
			cJSON_Delete(fields);
			*ok = 0;
		}
	}
}

static void list_one(void *ctx, const struct task_row *t)
{
	struct task_view *v = ctx;
	v->count++;
	if (v->json) {
		task_json(json_obj(v->arr, NULL, &v->ok), t, 0, &v->ok);
		return;
	}
	printf("%-5lld %-8s %-6s %-7s %-7s %.70s\n", (long long)t->id, t->round, t->unit, t->kind, t->state,
	       !strcmp(t->state, "done") ? t->confirmation : !strcmp(t->state, "failed") ? t->fail_reason : t->reason);
}

static void show_one(void *ctx, const struct task_row *t)
{
	struct task_view *v = ctx;
	v->count++;
	if (v->json) {
		cJSON *o = json_root_obj(&v->ok);
		if (o)
			task_json(o, t, 1, &v->ok);
		v->arr = o;
		return;
	}
	printf("task %lld: request %lld, round %s, unit %s, %s, as persona %s\n", (long long)t->id, (long long)t->request_id,
	       t->round, t->unit, t->kind, t->persona);
	printf("state:   %s%s%s\n", t->state, *t->closed_at ? " at " : "", t->closed_at);
	printf("why:     %s\n", t->reason);
	printf("form:    %s\n", t->form_url);
	if (*t->captcha_file)
		printf("captcha: %s (type what it shows into the form's captcha field)\n", t->captcha_file);
	cJSON *fields = cJSON_Parse(t->fields);
	const cJSON *f;
	printf("fields, in the page's order (label [field name, role]: value):\n");
	cJSON_ArrayForEach(f, fields) {
		const char *label = cJSON_GetStringValue(cJSON_GetObjectItem(f, "label"));
		const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(f, "name"));
		const char *role = cJSON_GetStringValue(cJSON_GetObjectItem(f, "role"));
		const char *value = cJSON_GetStringValue(cJSON_GetObjectItem(f, "value"));
		if (!label || !name || !role || !value || !strcmp(role, "hidden"))
			continue; /* hidden fields travel with the page the person opens */
		printf("--- %s [%s, %s]:\n%s\n", label, name, role,
		       !strcmp(role, "captcha") ? "(read it off the image)" : !strcmp(role, "unknown") ? "(decide: foi could not tell)" : value);
	}
	if (!fields)
		printf("(the fields could not be read back)\n");
	cJSON_Delete(fields);
	if (!strcmp(t->state, "open"))
		printf("when submitted: foi task done %lld --confirmation CODE --at 'YYYY-MM-DD HH:MM'\n", (long long)t->id);
}

static int parse_id(const char *what, const char *text, long *id)
{
	if (!text)
		return command_usage_error(what, "task", "needs the task's ID (see 'foi task list')");
	return args_long(what, "task", "ID", text, 1, LONG_MAX, id);
}

int cmd_task(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("task", argc, argv, task_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	char what[32];
	snprintf(what, sizeof what, "task %s", task_subs[sub]);
	const char *pos = NULL, *confirmation = NULL, *at = NULL, *reason = NULL;
	int json = 0;
	const struct arg_opt read_opts[] = {ARG_FLAG("--json", &json)};
	const struct arg_opt done_opts[] = {ARG_VALUE("--confirmation", &confirmation), ARG_VALUE("--at", &at)};
	const struct arg_opt fail_opts[] = {ARG_VALUE("--reason", &reason)};
	size_t npos;
	struct arg_spec spec = {what, "task", read_opts, 1, &pos, 1, &npos};
	if (sub == TASK_DONE)
		spec.opts = done_opts, spec.nopts = 2;
	if (sub == TASK_FAIL)
		spec.opts = fail_opts, spec.nopts = 1;
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	long id = 0;
	if (sub != TASK_LIST && parse_id(what, pos, &id) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	if (sub == TASK_DONE && (!confirmation || !at))
		return command_usage_error(what, "task", "needs --confirmation CODE (the query code the site showed) and "
					   "--at 'YYYY-MM-DD HH:MM' (when you submitted)");
	if (sub == TASK_FAIL && (!reason || !*reason))
		return command_usage_error(what, "task", "needs --reason TEXT (why it could not be submitted)");
	const char *text = sub == TASK_DONE ? confirmation : reason;
	if (text && strlen(text) > TASK_TEXT_MAX)
		return command_usage_error(what, "task", "%s is longer than %d bytes", sub == TASK_DONE ? "--confirmation" : "--reason",
					   TASK_TEXT_MAX);
	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error(what, "%s", err);
		return rc;
	}
	enum foi_status st = FOI_OK;
	struct task_view v = {.json = json, .ok = 1};
	if (sub == TASK_LIST || sub == TASK_SHOW) {
		if (sub == TASK_LIST && json)
			v.arr = json_root_arr(&v.ok);
		else if (sub == TASK_LIST)
			printf("%-5s %-8s %-6s %-7s %-7s %s\n", "ID", "ROUND", "UNIT", "KIND", "STATE", "WHY / CONFIRMATION");
		st = task_each(ws.db, sub == TASK_LIST ? pos : NULL, id, sub == TASK_LIST ? list_one : show_one, &v, err, sizeof err);
		if (st == FOI_OK && json)
			rc = json_emit(v.arr, v.ok, what);
		else
			cJSON_Delete(v.arr);
	} else {
		int lock = -1;
		char at_iso[CLOCK_ISO_MAX];
		time_t when;
		if (sub == TASK_DONE && clock_parse_local(at, &when, err, sizeof err) != 0)
			st = foi_fail(err, sizeof err, FOI_E_USAGE, "--at: %s", at);
		if (st == FOI_OK)
			st = outbox_lock(ws.dir, &lock, err, sizeof err);
		if (st == FOI_OK && sub == TASK_DONE) {
			clock_format_iso(when, at_iso);
			st = task_done(ws.db, id, confirmation, at_iso, err, sizeof err);
		} else if (st == FOI_OK) {
			st = task_fail(ws.db, id, reason, err, sizeof err);
		}
		if (lock >= 0)
			close(lock);
		if (st == FOI_OK)
			printf(sub == TASK_DONE ? "task %ld done: its request is recorded as sent%s%s\n"
						: "task %ld failed: its request is failed ('foi round send NAME --retry failed' "
						  "may try it again)%s%s\n",
			       id, sub == TASK_DONE && *confirmation ? ", confirmation " : "", sub == TASK_DONE ? confirmation : "");
	}
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error(what, "%s", err);
		return command_exit(st);
	}
	return rc == ARGS_CONTINUE ? FOI_EXIT_OK : rc;
}
