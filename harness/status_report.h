/*
 * The status of a round's requests, derived every time from what the store holds: each request's
 * sending (its last attempt that went out), its events, and the calendar the caller built (the
 * workspace's: shipped years with imported ones over them, so that an import moves every open
 * deadline at once). The rules are schedule/request_state.h; nothing derived is stored.
 */
#ifndef FOI_STATUS_REPORT_H
#define FOI_STATUS_REPORT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "harness/events.h"
#include "harness/round_query.h"
#include "harness/status.h"
#include "schedule/request_state.h"

/* When request q (as `q`) went out: its last attempt that was sent (finished, else started when
 * it was marked sent by hand), ISO 8601; NULL when none. */
#define STATUS_SENT_AT_SQL                                                                         \
	"(SELECT coalesce(a.finished_at, a.started_at) FROM attempts a WHERE a.request_id = q.id AND " \
	"a.outcome = 'sent' ORDER BY a.id DESC LIMIT 1)"

struct status_rules {
	struct receipt_rules receipt;
	enum reply_rest_rule rest;
	enum sched_clock consult_clock;
};

struct status_entry {
	const struct round_request_row *request; /* in the report's view */
	char sent_at[32];                        /* ISO 8601, "" when not sent */
	struct event_list events;
	struct request_event *facts;             /* the events as schedule/ reads them */
	struct request_status status;
};

struct status_report {
	struct round_view view;
	struct status_entry *entries; /* one per request of the view, in its order */
	size_t count;
	struct sched_instant now;
};

/*
 * Derives the status of every request of round (only unit's when unit is not NULL) at now.
 * FOI_E_NOT_FOUND for no such round, FOI_E_DATA when the calendar cannot answer (err names the
 * year and the request), FOI_E_DB, FOI_E_NOMEM.
 */
enum foi_status status_report_load(sqlite3 *db, const char *round, const char *unit, const struct sched_calendar *cal,
				   const struct status_rules *rules, time_t now, struct status_report *out, char *err,
				   size_t errsz);
void status_report_free(struct status_report *r);

#endif
