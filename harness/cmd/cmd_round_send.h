/*
 * The sending half of `foi round`: `round send NAME [options]` and `round log NAME`, called by
 * cmd_round.c once the workspace is open. argv holds the options after the round's name.
 */
#ifndef FOI_CMD_ROUND_SEND_H
#define FOI_CMD_ROUND_SEND_H

#include "harness/cmd/commands.h"
#include "harness/workspace.h"

int round_send_cmd(struct workspace *ws, const char *name, int argc, char **argv);
int round_log_cmd(struct workspace *ws, const char *name);

#endif
