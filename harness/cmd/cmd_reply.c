/*
 * foi reply add|list|kind|supplied: replies entered by hand (letters by post, calls, answers read
 * elsewhere), the applicant's supplement, and a reviewer's change of a reply's kind. The core is
 * harness/replies.c; `foi status` derives what they mean for the deadlines.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/events.h"
#include "harness/replies.h"
#include "harness/workspace.h"

enum reply_sub { REPLY_ADD, REPLY_LIST, REPLY_KIND, REPLY_SUPPLIED };
static const char *const reply_subs[] = {"add", "list", "kind", "supplied", NULL};

/* The kinds a person enters with add or kind: what a unit sends (the inbox adds bounces and
 * auto-replies; supplied has its own subcommand). */
static int hand_kind(const char *name, enum event_kind *kind)
{
	static const char *const names[] = {"ack", "supplement", "extension", "final", NULL};
	for (size_t i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return event_kind_parse(name, kind);
	return -1;
}

static int open_ws(const char *what, struct foi_app *app, struct workspace *ws)
{
	char err[FOI_ERR_MAX];
	int rc = workspace_open(app, ws, err, sizeof err);
	if (rc != FOI_EXIT_OK)
		foi_error(what, "%s", err);
	return rc;
}

static int id_arg(const char *what, const char *name, const char *text, long *id)
{
	if (!text)
		return command_usage_error(what, "reply", "needs the %s's ID", name);
	return args_long(what, "reply", name, text, 1, LONG_MAX, id);
}

/* add and supplied: one event entered by hand. */
static int reply_enter(struct foi_app *app, int argc, char **argv, int supplied)
{
	const char *what = supplied ? "reply supplied" : "reply add", *id_text = NULL;
	const char *kind = NULL, *received = NULL, *channel = NULL, *file = NULL, *reviewer = NULL;
	const struct arg_opt add_opts[] = {
		ARG_VALUE("--kind", &kind),       ARG_VALUE("--received", &received), ARG_VALUE("--channel", &channel),
		ARG_VALUE("--file", &file),       ARG_VALUE("--reviewer", &reviewer),
	};
	const struct arg_opt supplied_opts[] = {
		ARG_VALUE("--at", &received), ARG_VALUE("--channel", &channel), ARG_VALUE("--reviewer", &reviewer),
	};
	size_t npos;
	const struct arg_spec spec = {what, "reply", supplied ? supplied_opts : add_opts,
				      supplied ? sizeof supplied_opts / sizeof supplied_opts[0]
					       : sizeof add_opts / sizeof add_opts[0],
				      &id_text, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	long id;
	if ((rc = id_arg(what, "REQUEST", id_text, &id)) != ARGS_CONTINUE)
		return rc;
	struct reply_entry e = {.request_id = id, .kind = EVENT_SUPPLIED, .received = received, .channel = channel,
				.letter = file};
	if (!supplied && !kind)
		return command_usage_error(what, "reply", "--kind is required (ack, supplement, extension, final)");
	if (!supplied && hand_kind(kind, &e.kind) != 0)
		return command_usage_error(what, "reply", "--kind is ack, supplement, extension or final, not '%s'", kind);
	if (!received)
		return command_usage_error(what, "reply", "%s is required ('YYYY-MM-DD HH:MM')",
					   supplied ? "--at" : "--received");
	static const char *const channels[] = {"post", "phone", "web", "in-person", "email", NULL};
	int known = !channel;
	for (size_t i = 0; channel && channels[i]; i++)
		known |= strcmp(channel, channels[i]) == 0;
	if (!known)
		return command_usage_error(what, "reply", "--channel is post, phone, web, in-person or email, not '%s'",
					   channel);
	struct workspace ws;
	if ((rc = open_ws(what, app, &ws)) != FOI_EXIT_OK)
		return rc;
	e.who = replies_who(&ws, reviewer);
	struct reply_added out;
	char err[FOI_ERR_MAX];
	enum foi_status st = replies_add(&ws, &e, &out, err, sizeof err);
	workspace_close(&ws);
	if (st == FOI_E_USAGE)
		return command_usage_error(what, "reply", "%s", err);
	if (st != FOI_OK) {
		foi_error(what, "%s", err);
		return command_exit(st);
	}
	printf("event %lld: %s for request %ld, %s by %s", (long long)out.event_id, event_kind_name(e.kind), id, out.at,
	       out.channel);
	if (*out.letter)
		printf("; letter kept as store/%.2s/%s", out.letter, out.letter + 2);
	putchar('\n');
	if (out.letter_problem)
		foi_warn("the letter's text could not be read (%s); it is kept for the reviewer", out.letter_problem);
	free(out.letter_problem);
	return FOI_EXIT_OK;
}

static int print_list_json(sqlite3 *db, long id, const struct event_list *list)
{
	int ok = 1;
	char err[FOI_ERR_MAX];
	cJSON *root = json_root_obj(&ok);
	json_num(root, "request", (double)id, &ok);
	cJSON *events = json_arr(root, "events", &ok);
	for (size_t i = 0; i < list->count && ok; i++) {
		const struct event_row *r = &list->rows[i];
		cJSON *o = json_obj(events, NULL, &ok);
		json_num(o, "id", (double)r->id, &ok);
		json_str(o, "kind", event_kind_name(r->kind), &ok);
		json_str(o, "at", r->at, &ok);
		json_str(o, "channel", r->channel, &ok);
		json_str(o, "source", r->source, &ok);
		json_str(o, "evidence", r->evidence, &ok);
		json_str_or_null(o, "letter", *r->letter ? r->letter : NULL, &ok);
		json_str(o, "text", r->text, &ok);
		json_str(o, "recorded_at", r->recorded_at, &ok);
		json_str(o, "recorded_by", r->recorded_by, &ok);
		struct event_kind_change *c;
		size_t n;
		if (events_kind_changes(db, r->id, &c, &n, err, sizeof err) != FOI_OK) {
			cJSON_Delete(root);
			foi_error("reply list", "%s", err);
			return FOI_EXIT_FAIL;
		}
		cJSON *changes = json_arr(o, "kind_changes", &ok);
		for (size_t k = 0; k < n; k++) {
			cJSON *ch = json_obj(changes, NULL, &ok);
			json_str(ch, "at", c[k].at, &ok);
			json_str(ch, "who", c[k].who, &ok);
			json_str(ch, "before", c[k].before, &ok);
			json_str(ch, "after", c[k].after, &ok);
		}
		event_kind_changes_free(c, n);
	}
	return json_emit(root, ok, "reply list");
}

static int print_list_text(sqlite3 *db, const struct event_list *list)
{
	char err[FOI_ERR_MAX];
	printf("%-6s %-11s %-25s %-9s %-6s %s\n", "EVENT", "KIND", "AT", "CHANNEL", "SOURCE", "RECORDED BY / LETTER");
	for (size_t i = 0; i < list->count; i++) {
		const struct event_row *r = &list->rows[i];
		printf("%-6lld %-11s %-25s %-9s %-6s %s%s%.12s\n", (long long)r->id, event_kind_name(r->kind), r->at,
		       r->channel, r->source, r->recorded_by, *r->letter ? " letter " : "", r->letter);
		struct event_kind_change *c;
		size_t n;
		if (events_kind_changes(db, r->id, &c, &n, err, sizeof err) != FOI_OK) {
			foi_error("reply list", "%s", err);
			return FOI_EXIT_FAIL;
		}
		for (size_t k = 0; k < n; k++)
			printf("       kind changed %s -> %s by %s at %s\n", c[k].before, c[k].after, c[k].who, c[k].at);
		event_kind_changes_free(c, n);
	}
	if (list->count == 0)
		printf("(no events)\n");
	return FOI_EXIT_OK;
}

static int reply_list(struct foi_app *app, int argc, char **argv)
{
	const char *id_text = NULL;
	int json = 0;
	const struct arg_opt opts[] = {ARG_FLAG("--json", &json)};
	size_t npos;
	const struct arg_spec spec = {"reply list", "reply", opts, 1, &id_text, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	long id;
	if (rc != ARGS_CONTINUE || (rc = id_arg("reply list", "REQUEST", id_text, &id)) != ARGS_CONTINUE)
		return rc;
	struct workspace ws;
	if ((rc = open_ws("reply list", app, &ws)) != FOI_EXIT_OK)
		return rc;
	struct event_list list;
	char err[FOI_ERR_MAX];
	enum foi_status st = events_for_request(ws.db, id, &list, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("reply list", "%s", err);
		workspace_close(&ws);
		return command_exit(st);
	}
	rc = json ? print_list_json(ws.db, id, &list) : print_list_text(ws.db, &list);
	event_list_free(&list);
	workspace_close(&ws);
	return rc;
}

static int reply_kind(struct foi_app *app, int argc, char **argv)
{
	const char *pos[2] = {NULL, NULL}, *reviewer = NULL;
	const struct arg_opt opts[] = {ARG_VALUE("--reviewer", &reviewer)};
	size_t npos = 0;
	const struct arg_spec spec = {"reply kind", "reply", opts, 1, pos, 2, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	long id;
	if (rc != ARGS_CONTINUE || (rc = id_arg("reply kind", "EVENT", pos[0], &id)) != ARGS_CONTINUE)
		return rc;
	enum event_kind kind;
	if (!pos[1])
		return command_usage_error("reply kind", "reply", "needs the new KIND (ack, supplement, extension, final)");
	if (hand_kind(pos[1], &kind) != 0)
		return command_usage_error("reply kind", "reply", "KIND is ack, supplement, extension or final, not '%s'",
					   pos[1]);
	struct workspace ws;
	if ((rc = open_ws("reply kind", app, &ws)) != FOI_EXIT_OK)
		return rc;
	const char *who = replies_who(&ws, reviewer);
	char err[FOI_ERR_MAX];
	enum foi_status st = *who ? replies_change_kind(&ws, id, kind, who, err, sizeof err) : FOI_E_USAGE;
	workspace_close(&ws);
	if (st == FOI_E_USAGE)
		return command_usage_error("reply kind", "reply",
					   "who decides? give --reviewer NAME, set FOI_REVIEWER or [review] reviewer");
	if (st != FOI_OK) {
		foi_error("reply kind", "%s", err);
		return command_exit(st);
	}
	printf("event %ld is now %s (changed by %s)\n", id, event_kind_name(kind), who);
	return FOI_EXIT_OK;
}

int cmd_reply(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("reply", argc, argv, reply_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	switch ((enum reply_sub)sub) {
	case REPLY_ADD:
		return reply_enter(app, argc, argv, 0);
	case REPLY_SUPPLIED:
		return reply_enter(app, argc, argv, 1);
	case REPLY_LIST:
		return reply_list(app, argc, argv);
	case REPLY_KIND:
		return reply_kind(app, argc, argv);
	}
	return FOI_EXIT_USAGE;
}
