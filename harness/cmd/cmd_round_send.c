/*
 * foi round send NAME and foi round log NAME: sending a round's due requests (progress on a
 * terminal, a summary table at the end) and the record of every edit of a round.
 */
#include "harness/cmd/cmd_round_send.h"
#include "harness/clock.h"
#include "harness/round_send.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the run shows: a bar on a terminal, the requests that failed, the dry run's list. */
struct send_view {
	int tty, dry_run;
	size_t due, done;
	int sent, failed;
	char **failures;      /* "C05 consult: why", for the summary (assisted ones too) */
	size_t nfailures;
};

static void view_start(void *ctx, size_t due)
{
	struct send_view *v = ctx;
	v->due = due;
	if (v->dry_run)
		printf("%-8s %-7s %-6s %-36s %-6s %-16s %s\n", "UNIT", "KIND", "BY", "TO", "AS", "DUE", "WOULD");
}

static void view_bar(const struct send_view *v, const char *unit)
{
	int width = 30, filled = v->due ? (int)(width * v->done / v->due) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu  sent %d  failed %d  %-8s", filled, "##############################",
		width - filled, "", v->done, v->due, v->sent, v->failed, unit);
	fflush(stderr);
}

static void view_before(void *ctx, size_t index, const struct send_item *it)
{
	struct send_view *v = ctx;
	if (v->tty && !v->dry_run)
		view_bar(v, it->unit);
}

static void view_after(void *ctx, size_t index, const struct send_item *it, const char *outcome, const char *detail)
{
	struct send_view *v = ctx;
	v->done++;
	if (v->dry_run) {
		char when[17];
		snprintf(when, sizeof when, "%.10s %.5s", it->send_at, strlen(it->send_at) > 11 ? it->send_at + 11 : "");
		printf("%-8s %-7s %-6s %-36s %-6s %-16s %s\n", it->unit, it->kind, it->channel, it->address, it->persona,
		       when, "send");
		return;
	}
	if (strcmp(outcome, "sent") == 0)
		v->sent++;
	if (strcmp(outcome, "failed") == 0 || strcmp(outcome, "unknown") == 0 || strcmp(outcome, "assisted") == 0) {
		v->failed += strcmp(outcome, "failed") == 0;
		size_t need = strlen(it->unit) + strlen(it->kind) + strlen(outcome) + strlen(detail) + 64;
		char *line = malloc(need);
		char **grown = realloc(v->failures, (v->nfailures + 1) * sizeof *grown);
		if (grown)
			v->failures = grown;
		if (line && grown) {
			snprintf(line, need, "request %lld (%s %s) %s: %s", (long long)it->id, it->unit, it->kind, outcome, detail);
			v->failures[v->nfailures++] = line;
		} else {
			free(line);
			foi_warn("out of memory: the summary leaves out request %lld (%s)", (long long)it->id, outcome);
		}
	}
	if (v->tty)
		view_bar(v, it->unit);
}

static void print_summary(const char *round, const struct round_send_result *r, const struct send_view *v)
{
	if (v->tty && !v->dry_run && v->due)
		fputc('\n', stderr);
	if (r->recovered)
		printf("%d request(s) left in flight by an interrupted run are now 'outcome unknown'\n", r->recovered);
	printf("%sround %s:\n", v->dry_run ? "(dry run: nothing sent) " : "", round);
	printf("  %-22s %6d\n", "sent", r->sent);
	printf("  %-22s %6d\n", "assisted", r->assisted);
	printf("  %-22s %6d\n", "failed", r->failed);
	printf("  %-22s %6d\n", "outcome unknown", r->unknown);
	printf("  %-22s %6d\n", "not yet due", r->not_due);
	if (r->held)
		printf("  %-22s %6d\n", "held back by --limit", r->held);
	for (size_t i = 0; i < v->nfailures; i++)
		printf("  %s\n", v->failures[i]);
	if (r->unknown)
		printf("  unknown requests are never sent again by themselves: see 'foi round show %s', then\n"
		       "  'foi request resend ID' or 'foi request mark-sent ID --confirmation CODE'\n", round);
}

int round_send_cmd(struct workspace *ws, const struct round_send_options *o)
{
	struct send_view v = {.tty = isatty(STDERR_FILENO), .dry_run = o->dry_run};
	struct round_send_hooks h = {.ctx = &v, .start = view_start, .before = view_before, .after = view_after};
	struct round_send_result res;
	char err[FOI_ERR_MAX];
	enum foi_status st = round_send(ws, o, &h, &res, err, sizeof err);
	if (st != FOI_E_NOT_FOUND)
		print_summary(o->round, &res, &v);
	for (size_t i = 0; i < v.nfailures; i++)
		free(v.failures[i]);
	free(v.failures);
	if (st != FOI_OK) {
		foi_error("round send", "%s", err);
		return command_exit(st);
	}
	return FOI_EXIT_OK;
}

int round_log_cmd(struct workspace *ws, const char *name)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ws->db, "SELECT 1 FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK) {
		foi_error("round log", "database: %s", sqlite3_errmsg(ws->db));
		return FOI_EXIT_FAIL;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int found = sqlite3_step(st);
	sqlite3_finalize(st);
	if (found != SQLITE_ROW) {
		if (found == SQLITE_DONE) {
			foi_error("round log", "no round named '%s' (see 'foi round list')", name);
			return command_exit(FOI_E_NOT_FOUND);
		}
		foi_error("round log", "database: %s", sqlite3_errmsg(ws->db));
		return FOI_EXIT_FAIL;
	}
	if (sqlite3_prepare_v2(ws->db, "SELECT e.at, coalesce(q.unit, ''), coalesce(q.kind, ''), e.request_id, e.what, "
				       "e.before, e.after FROM round_edits e JOIN rounds r ON r.id = e.round_id "
				       "LEFT JOIN requests q ON q.id = e.request_id WHERE r.name = ? ORDER BY e.id",
			       -1, &st, NULL) != SQLITE_OK) {
		foi_error("round log", "database: %s", sqlite3_errmsg(ws->db));
		return FOI_EXIT_FAIL;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	int step, n = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		printf("%s  request %-5lld %-6s %-7s %s\n    before: %s\n    after:  %s\n", sqlite3_column_text(st, 0),
		       (long long)sqlite3_column_int64(st, 3), sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
		       sqlite3_column_text(st, 4), sqlite3_column_text(st, 5), sqlite3_column_text(st, 6));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		foi_error("round log", "database: %s", sqlite3_errmsg(ws->db));
		return FOI_EXIT_FAIL;
	}
	if (n == 0)
		printf("round %s: no edits\n", name);
	return FOI_EXIT_OK;
}
