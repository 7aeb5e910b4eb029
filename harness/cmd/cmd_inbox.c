/*
 * foi inbox fetch|unmatched|assign|ignore|show: reading the evaluator's mailbox (progress on a
 * terminal, a summary at the end) and the holding pen of messages no request claims.
 */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/mail/inbox_fetch.h"
#include "harness/mail/inbox_query.h"
#include "harness/mail/inbox_store.h"
#include "harness/workspace.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum inbox_sub { INBOX_FETCH, INBOX_UNMATCHED, INBOX_ASSIGN, INBOX_IGNORE, INBOX_SHOW };
static const char *const inbox_subs[] = {"fetch", "unmatched", "assign", "ignore", "show", NULL};

struct fetch_view {
	int tty;
	size_t total;
	char **notes;
	size_t nnotes;
};

static void view_progress(void *ctx, size_t done, size_t total)
{
	struct fetch_view *v = ctx;
	v->total = total;
	/* Only a long fetch, and only on a terminal, gets a bar. */
	if (!v->tty || total < 20)
		return;
	int width = 30, filled = (int)(width * done / total);
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################", width - filled, "", done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static void view_problem(void *ctx, uint32_t uid, int64_t message, const char *what)
{
	struct fetch_view *v = ctx;
	char *line;
	char **grown = realloc(v->notes, (v->nnotes + 1) * sizeof *grown);
	if (grown)
		v->notes = grown;
	if (!grown || asprintf(&line, "UID %u (message %lld): %s", (unsigned)uid, (long long)message, what) < 0) {
		foi_warn("out of memory: the summary leaves out UID %u", (unsigned)uid);
		return;
	}
	v->notes[v->nnotes++] = line;
}

static int run_fetch(struct workspace *ws)
{
	struct fetch_view v = {.tty = isatty(STDERR_FILENO)};
	struct inbox_fetch_hooks h = {.ctx = &v, .progress = view_progress, .problem = view_problem};
	struct inbox_fetch_result r;
	char err[FOI_ERR_MAX];
	enum foi_status st = inbox_fetch(ws, &h, &r, err, sizeof err);
	if (r.uidvalidity_changed)
		printf("the mailbox's UIDVALIDITY changed: every message was read again (none stored twice)\n");
	printf("inbox:\n");
	printf("  %-22s %6d\n", "new", r.stored);
	printf("  %-22s %6d\n", "already stored", r.duplicates);
	printf("  %-22s %6d\n", "matched", r.matched);
	printf("  %-22s %6d\n", "unmatched", r.unmatched);
	printf("  %-22s %6d\n", "bounces", r.bounces);
	printf("  %-22s %6d\n", "auto-replies", r.auto_replies);
	printf("  %-22s %6d\n", "malformed", r.malformed);
	for (size_t i = 0; i < v.nnotes; i++) {
		printf("  %s\n", v.notes[i]);
		free(v.notes[i]);
	}
	free(v.notes);
	if (r.unmatched)
		printf("  unmatched messages wait in the holding pen: 'foi inbox unmatched'\n");
	if (st != FOI_OK) {
		foi_error("inbox fetch", "%s", err);
		return command_exit(st);
	}
	return FOI_EXIT_OK;
}

static void row_json(cJSON *o, const struct inbox_row *r, int *ok)
{
	json_num(o, "id", (double)r->id, ok);
	json_str(o, "received_at", r->received_at, ok);
	json_str(o, "from", r->from_addr, ok);
	json_str(o, "to", r->to_addrs, ok);
	json_str(o, "subject", r->subject, ok);
	json_str(o, "kind", r->kind, ok);
	json_str(o, "disposition", r->disposition, ok);
	if (r->request_id)
		json_num(o, "request", (double)r->request_id, ok);
	else
		json_null(o, "request", ok);
	json_str(o, "evidence", r->evidence, ok);
	json_str(o, "reason", r->reason, ok);
	json_str(o, "problems", r->problems, ok);
	json_str(o, "note", r->note, ok);
	json_str(o, "message_id", r->message_id, ok);
	json_str(o, "raw", r->sha256, ok);
}

static int print_rows(const struct inbox_rows *rows, int json, int show)
{
	if (json) {
		int ok = 1;
		cJSON *root = show ? json_root_obj(&ok) : json_root_arr(&ok);
		for (size_t i = 0; root && i < rows->count; i++)
			row_json(show ? root : json_obj(root, NULL, &ok), &rows->rows[i], &ok);
		cJSON *att = show && root ? json_arr(root, "attachments", &ok) : NULL;
		for (size_t i = 0; att && i < rows->natt; i++) {
			cJSON *a = json_obj(att, NULL, &ok);
			json_str(a, "name", rows->att[i].name, &ok);
			json_str(a, "content_type", rows->att[i].content_type, &ok);
			json_num(a, "size", (double)rows->att[i].size, &ok);
			json_str(a, "sha256", rows->att[i].sha256, &ok);
		}
		return json_emit(root, ok, show ? "inbox show" : "inbox unmatched");
	}
	if (!show) {
		if (rows->count == 0)
			printf("the holding pen is empty\n");
		for (size_t i = 0; i < rows->count; i++) {
			const struct inbox_row *r = &rows->rows[i];
			printf("%-6lld %.16s  %-10s %-32s %s%s%s\n", (long long)r->id, r->received_at, r->kind, r->from_addr,
			       r->subject, *r->problems ? "  [problems: " : "", *r->problems ? "see 'foi inbox show']" : "");
		}
		return FOI_EXIT_OK;
	}
	const struct inbox_row *r = &rows->rows[0];
	printf("message     %lld\nreceived    %s\nfrom        %s\nto          %s\nsubject     %s\nmessage-id  %s\n"
	       "kind        %s\nstate       %s", (long long)r->id, r->received_at, r->from_addr, r->to_addrs, r->subject,
	       r->message_id, r->kind, r->disposition);
	if (r->request_id)
		printf(" (request %lld)", (long long)r->request_id);
	printf("\n");
	if (*r->evidence)
		printf("evidence    %s\n", r->evidence);
	if (*r->reason)
		printf("reason      %s\n", r->reason);
	if (*r->note)
		printf("note        %s\n", r->note);
	if (*r->problems)
		printf("problems    %s\n", r->problems);
	printf("raw         store/%.2s/%s\n", r->sha256, r->sha256 + 2);
	for (size_t i = 0; i < rows->natt; i++)
		printf("attachment  %s (%s, %lld bytes) store/%.2s/%s\n", rows->att[i].name, rows->att[i].content_type,
		       (long long)rows->att[i].size, rows->att[i].sha256, rows->att[i].sha256 + 2);
	return FOI_EXIT_OK;
}

int cmd_inbox(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("inbox", argc, argv, inbox_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	const char *what[] = {"inbox fetch", "inbox unmatched", "inbox assign", "inbox ignore", "inbox show"};
	const size_t wanted[] = {0, 0, 2, 1, 1};
	const char *pos[2] = {NULL, NULL}, *reason = NULL;
	int json = 0;
	const struct arg_opt opts[] = {ARG_FLAG("--json", &json), ARG_VALUE("--reason", &reason)};
	size_t nopts = sub == INBOX_UNMATCHED || sub == INBOX_SHOW ? 1 : sub == INBOX_IGNORE ? 2 : 0;
	const struct arg_opt *use = sub == INBOX_IGNORE ? &opts[1] : opts;
	size_t npos;
	const struct arg_spec spec = {what[sub], "inbox", use, sub == INBOX_IGNORE ? 1 : nopts, pos, wanted[sub], &npos};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (npos != wanted[sub])
		return command_usage_error(what[sub], "inbox", "%s", sub == INBOX_ASSIGN ? "needs MESSAGE and REQUEST"
					   : "needs the message's number (see 'foi inbox unmatched')");
	long ids[2] = {0, 0};
	for (size_t i = 0; i < npos; i++)
		if (args_long(what[sub], "inbox", i == 0 ? "MESSAGE" : "REQUEST", pos[i], 1, LONG_MAX, &ids[i]) != ARGS_CONTINUE)
			return FOI_EXIT_USAGE;
	if (sub == INBOX_IGNORE && (!reason || !*reason))
		return command_usage_error(what[sub], "inbox", "needs --reason TEXT (why the message is set aside)");

	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error(what[sub], "%s", err);
		return rc;
	}
	enum foi_status st = FOI_OK;
	struct inbox_rows rows = {0};
	char store_dir[PATH_MAX];
	switch (sub) {
	case INBOX_FETCH:
		rc = run_fetch(&ws);
		workspace_close(&ws);
		return rc;
	case INBOX_UNMATCHED:
	case INBOX_SHOW:
		st = sub == INBOX_SHOW ? inbox_get(ws.db, ids[0], &rows, err, sizeof err)
				       : inbox_unmatched(ws.db, &rows, err, sizeof err);
		if (st == FOI_OK)
			rc = print_rows(&rows, json, sub == INBOX_SHOW);
		inbox_rows_free(&rows);
		break;
	case INBOX_ASSIGN:
		if (workspace_path(&ws, WORKSPACE_STORE, store_dir) != 0)
			st = foi_fail(err, sizeof err, FOI_E_IO, "the workspace path is too long");
		else
			st = inbox_assign(ws.db, store_dir, ids[0], ids[1], err, sizeof err);
		if (st == FOI_OK)
			printf("message %ld assigned to request %ld\n", ids[0], ids[1]);
		break;
	case INBOX_IGNORE:
		st = inbox_ignore(ws.db, ids[0], reason, err, sizeof err);
		if (st == FOI_OK)
			printf("message %ld ignored: %s\n", ids[0], reason);
		break;
	}
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error(what[sub], "%s", err);
		return command_exit(st);
	}
	return rc;
}
