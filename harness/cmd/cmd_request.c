/*
 * foi request resend|mark-sent ID: the only ways out of "outcome unknown". Both hold the send
 * lock, so that they never race a running `round send`.
 */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/mail/outbox.h"
#include "harness/workspace.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIRMATION_MAX 200

enum request_sub { REQUEST_RESEND, REQUEST_MARK_SENT };
static const char *const request_subs[] = {"resend", "mark-sent", NULL};

int cmd_request(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("request", argc, argv, request_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	int resend = sub == REQUEST_RESEND;
	const char *what = resend ? "request resend" : "request mark-sent";
	const char *id_text = NULL, *confirmation = NULL;
	const struct arg_opt opts[] = {ARG_VALUE("--confirmation", &confirmation)};
	size_t npos;
	const struct arg_spec spec = {what, "request", opts, resend ? 0 : 1, &id_text, 1, &npos};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	long id;
	if (!id_text)
		return command_usage_error(what, "request", "needs the request's ID (see 'foi round show NAME --json')");
	if (args_long(what, "request", "ID", id_text, 1, LONG_MAX, &id) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	if (!resend && !confirmation)
		return command_usage_error(what, "request", "needs --confirmation CODE (the query code or Message-ID you "
					   "found; '' when there is none)");
	if (confirmation && strlen(confirmation) > CONFIRMATION_MAX)
		return command_usage_error(what, "request", "--confirmation is longer than %d bytes", CONFIRMATION_MAX);

	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error(what, "%s", err);
		return rc;
	}
	int lock = -1;
	enum foi_status st = outbox_lock(ws.dir, &lock, err, sizeof err);
	if (st == FOI_OK)
		st = resend ? outbox_resend(ws.db, id, err, sizeof err) : outbox_mark_sent(ws.db, id, confirmation, err, sizeof err);
	if (lock >= 0)
		close(lock);
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error(what, "%s", err);
		return command_exit(st);
	}
	if (resend)
		printf("request %ld is planned again: the next 'foi round send' sends it\n", id);
	else
		printf("request %ld recorded as sent%s%s\n", id, *confirmation ? ", confirmation " : "", confirmation);
	return FOI_EXIT_OK;
}
