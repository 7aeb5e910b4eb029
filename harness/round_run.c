/* The loop of `foi round run`: send what is due, then sleep (or, under simulated time, step) to the next. */
#include "harness/round_run.h"
#include "harness/clock.h"
#include "harness/round_query.h"
#include "harness/round_send.h"
#include "harness/workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

enum foi_status round_run_lock(const char *ws_dir, int *fd, char *err, size_t errsz)
{
	return workspace_lock(ws_dir, "run.lock", "another 'foi round run' is running in this workspace; one at a time",
			      fd, err, errsz);
}

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

/* The earliest planned time after now of the round's requests still to go (*next = 0 when
 * none); *planned counts every planned request, due or not (one due and still planned is
 * waiting for a channel foi cannot use yet, and must not make the loop spin). A planned time
 * that cannot be read is a damaged store, named. */
static enum foi_status next_planned(sqlite3 *db, const char *round, time_t now, time_t *next, int *planned,
				    char *err, size_t errsz)
{
	*next = 0;
	*planned = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT q.id, q.send_at FROM requests q JOIN rounds r ON r.id = q.round_id"
			       " WHERE r.name = ? AND q.state = 'planned'",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_text(st, 1, round, -1, SQLITE_TRANSIENT);
	int rc;
	enum foi_status result = FOI_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(st, 1);
		time_t at;
		if (!text || clock_parse_iso((const char *)text, &at, NULL, 0) != 0) {
			result = foi_fail(err, errsz, FOI_E_DATA, "request %" PRId64 ": planned time '%s' is not a time",
					  (int64_t)sqlite3_column_int64(st, 0), text ? (const char *)text : "");
			break;
		}
		(*planned)++;
		if (at > now && (!*next || at < *next))
			*next = at;
	}
	if (result == FOI_OK && rc != SQLITE_DONE)
		result = db_fail(db, err, errsz);
	sqlite3_finalize(st);
	return result;
}

struct pass_ctx {
	const struct round_run_hooks *h;
	struct round_run_result *res;
};

static void say(const struct round_run_hooks *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const struct round_run_hooks *h, const char *fmt, ...)
{
	if (!h || !h->event)
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	h->event(h->ctx, clock_now(), line);
}

/* Every outcome of a send pass becomes an event line. */
static void after_send(void *ctx, size_t index, const struct send_item *it, const char *outcome, const char *detail)
{
	(void)index;
	struct pass_ctx *p = ctx;
	if (strcmp(outcome, "waiting") == 0)
		return;
	if (strcmp(outcome, "assisted") == 0)
		say(p->h, "assisted task created for request %" PRId64 " (%s %s by %s)%s%s", it->id, it->unit, it->kind,
		    it->channel, *detail ? ": " : "", detail);
	else
		say(p->h, "%s request %" PRId64 " (%s %s by %s to %s, planned %s)%s%s", outcome, it->id, it->unit,
		    it->kind, it->channel, it->address, it->send_at, *detail ? ": " : "", detail);
}

/* One pass: what is due goes out. */
static enum foi_status run_pass(struct workspace *ws, const struct round_run_options *o,
				const struct round_run_hooks *h, struct round_run_result *res, char *err, size_t errsz)
{
	struct pass_ctx ctx = {h, res};
	struct round_send_hooks sh = {.ctx = &ctx, .after = after_send};
	struct round_send_options so = {.round = o->round, .stop = o->stop};
	struct round_send_result sr;
	enum foi_status st = round_send(ws, &so, &sh, &sr, err, errsz);
	if (st != FOI_OK)
		return st;
	res->passes++;
	res->sent += sr.sent;
	res->failed += sr.failed;
	res->assisted += sr.assisted;
	res->unknown = sr.unknown;
	if (sr.recovered)
		say(h, "%d request%s left 'sending' by a run that died %s now 'outcome unknown' (see 'foi request')",
		    sr.recovered, sr.recovered == 1 ? "" : "s", sr.recovered == 1 ? "is" : "are");
	return FOI_OK;
}

/* Sleeps until t (real time), returning early when a signal sets *stop. */
static void sleep_until(time_t t, volatile sig_atomic_t *stop)
{
	while (!(stop && *stop)) {
		time_t now = time(NULL);
		if (now >= t)
			return;
		/* In slices, so that a signal that arrives between the check and the sleep is seen soon. */
		struct timespec ts = {.tv_sec = t - now > 5 ? 5 : t - now, .tv_nsec = 0};
		nanosleep(&ts, NULL);
	}
}

enum foi_status round_run(struct workspace *ws, const struct round_run_options *o, const struct round_run_hooks *h,
			  struct round_run_result *res, char *err, size_t errsz)
{
	memset(res, 0, sizeof *res);
	int64_t round_id;
	enum foi_status st = round_lookup(ws->db, o->round, &round_id, err, errsz);
	if (st != FOI_OK)
		return st;
	for (;;) {
		if (o->stop && *o->stop) {
			res->stopped = 1;
			return FOI_OK;
		}
		st = run_pass(ws, o, h, res, err, errsz);
		if (st != FOI_OK)
			return st;
		if (o->stop && *o->stop) {
			res->stopped = 1;
			return FOI_OK;
		}
		time_t next;
		int planned;
		st = next_planned(ws->db, o->round, clock_now(), &next, &planned, err, errsz);
		if (st != FOI_OK)
			return st;
		res->waiting = next ? 0 : planned;
		if (!planned)
			res->finished = 1;
		if (!next || o->once || (o->until && next > o->until))
			return FOI_OK;
		if (clock_simulated()) {
			if (next > clock_now() && clock_advance_to(next) != 0)
				return foi_fail(err, errsz, FOI_E_DATA, "the simulated clock cannot move to the next planned request");
		} else {
			sleep_until(next, o->stop);
		}
	}
}
