/*
 * foi round run NAME [--until 'YYYY-MM-DD HH:MM'] [--once]: the round runs by itself, in the
 * foreground, one line per event on standard output (for a terminal, a log file or journald).
 * SIGINT and SIGTERM stop it cleanly; started again it carries on.
 */
#include "harness/cmd/cmd_round_send.h"
#include "harness/clock.h"
#include "harness/round_run.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* SIGINT and SIGTERM set the flag; without SA_RESTART, so a sleep or a wait ends at once. */
static void catch_stop_signals(struct sigaction old[2])
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old[0]);
	sigaction(SIGTERM, &sa, &old[1]);
}

static void log_event(void *ctx, time_t at, const char *what)
{
	(void)ctx;
	char when[CLOCK_ISO_MAX];
	clock_format_iso(at, when);
	printf("%s %s\n", when, what);
	fflush(stdout);
}

int round_run_cmd(struct workspace *ws, const char *name, const char *until, int once)
{
	struct round_run_options o = {.round = name, .once = once, .stop = &stop_requested};
	char err[FOI_ERR_MAX];
	if (until && clock_parse_local(until, &o.until, err, sizeof err) != 0)
		return command_usage_error("round run", "round", "--until: %s", err);
	if (clock_simulated() && !once && !until)
		return command_usage_error("round run", "round", "under simulated time (--now, FOI_NOW) give --until or "
					   "--once: the loop steps through simulated time instead of sleeping");
	int lock = -1;
	enum foi_status st = round_run_lock(ws->dir, &lock, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("round run", "%s", err);
		return command_exit(st);
	}
	struct sigaction old[2];
	stop_requested = 0;
	catch_stop_signals(old);
	struct round_run_hooks h = {.event = log_event};
	struct round_run_result res;
	log_event(NULL, clock_now(), once ? "one pass" : "running (SIGINT or SIGTERM stops it)");
	st = round_run(ws, &o, &h, &res, err, sizeof err);
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	close(lock);
	if (st != FOI_OK) {
		foi_error("round run", "%s", err);
		return command_exit(st);
	}
	char line[512];
	int n = snprintf(line, sizeof line, "%s: %d sent, %d failed, %d assisted in %d %s",
			 res.stopped ? "stopped" : "done", res.sent, res.failed, res.assisted, res.passes,
			 res.passes == 1 ? "pass" : "passes");
	if (res.unknown && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, "; %d outcome unknown (see 'foi request')", res.unknown);
	if (res.finished && n > 0 && (size_t)n < sizeof line)
		snprintf(line + n, sizeof line - (size_t)n, "; every request of the round has gone out");
	else if (res.waiting && n > 0 && (size_t)n < sizeof line)
		snprintf(line + n, sizeof line - (size_t)n, "; %d due but waiting (web forms)", res.waiting);
	log_event(NULL, clock_now(), line);
	return FOI_EXIT_OK;
}
