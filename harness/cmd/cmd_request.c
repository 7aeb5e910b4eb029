/*
 * foi request resend|mark-sent ID: the only ways out of "outcome unknown". Both hold the send
 * lock, so that they never race a running `round send`.
 */
#include "harness/cmd/commands.h"
#include "harness/mail/outbox.h"
#include "harness/workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIRMATION_MAX 200

static int parse_id(const char *text, int64_t *id)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v < 1)
		return -1;
	*id = v;
	return 0;
}

int cmd_request(struct foi_app *app, int argc, char **argv)
{
	if (argc < 2)
		return command_usage_error("request", "say resend or mark-sent");
	const char *sub = argv[1];
	int resend = strcmp(sub, "resend") == 0;
	if (!resend && strcmp(sub, "mark-sent") != 0)
		return command_usage_error("request", "unknown subcommand '%s'", sub);
	int64_t id = 0;
	const char *confirmation = NULL;
	for (int i = 2; i < argc; i++) {
		if (!resend && strcmp(argv[i], "--confirmation") == 0 && i + 1 < argc)
			confirmation = argv[++i];
		else if (argv[i][0] != '-' && id == 0 && parse_id(argv[i], &id) == 0)
			continue;
		else
			return command_usage_error("request", "unexpected argument '%s'", argv[i]);
	}
	if (id == 0)
		return command_usage_error("request", "'request %s' needs the request's ID (a number, see 'foi round show NAME')", sub);
	if (!resend && !confirmation)
		return command_usage_error("request", "'request mark-sent' needs --confirmation CODE (the query code or "
				     "Message-ID you found; '' when there is none)");
	if (confirmation && strlen(confirmation) > CONFIRMATION_MAX)
		return command_usage_error("request", "--confirmation is longer than %d bytes", CONFIRMATION_MAX);

	struct workspace ws;
	char err[FOI_ERR_MAX];
	int rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("request", "%s", err);
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
		foi_error(resend ? "request resend" : "request mark-sent", "%s", err);
		return st == FOI_E_DATA ? FOI_EXIT_DATA : FOI_EXIT_FAIL;
	}
	if (resend)
		printf("request %lld is planned again: the next 'foi round send' sends it\n", (long long)id);
	else
		printf("request %lld recorded as sent%s%s\n", (long long)id, *confirmation ? ", confirmation " : "", confirmation);
	return FOI_EXIT_OK;
}
