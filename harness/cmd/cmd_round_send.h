/*
 * The sending half of `foi round`: `round send NAME [options]` and `round log NAME`, called by
 * cmd_round.c once the options are parsed and the workspace is open.
 */
#ifndef FOI_CMD_ROUND_SEND_H
#define FOI_CMD_ROUND_SEND_H

#include "harness/cmd/commands.h"
#include "harness/round_send.h"
#include "harness/workspace.h"

int round_send_cmd(struct workspace *ws, const struct round_send_options *o);
int round_log_cmd(struct workspace *ws, const char *name);
/* `round run NAME [--until T] [--once]` (cmd_round_run.c). */
int round_run_cmd(struct workspace *ws, const char *name, const char *until, int once);

#endif
