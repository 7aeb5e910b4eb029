/* A round's requests with their derived status (see status_report.h). */
#include "harness/status_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/clock.h"

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

static enum foi_status sent_at_load(sqlite3 *db, int64_t id, char out[32], char *err, size_t errsz)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT " STATUS_SENT_AT_SQL " FROM requests q WHERE q.id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, 32, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? FOI_OK : db_fail(db, err, errsz);
}

static enum send_outcome outcome_of(const char *state, const char *sent_at)
{
	if (strcmp(state, "sent") == 0 && *sent_at)
		return SEND_DONE;
	if (strcmp(state, "failed") == 0)
		return SEND_FAILED;
	if (strcmp(state, "unknown") == 0 || strcmp(state, "sending") == 0)
		return SEND_UNKNOWN;
	return SEND_NOT_YET;
}

/* The stored channels as schedule/ knows them: a phone call is received the day it is made. */
static enum sched_channel channel_of(const char *name)
{
	enum sched_channel ch;
	if (strcmp(name, "phone") == 0 || sched_channel_parse(name, &ch) != 0)
		return SCHED_CHANNEL_IN_PERSON;
	return ch;
}

static const enum request_event_kind event_kinds[] = {
	[EVENT_ACK] = REQ_EVENT_ACK,         [EVENT_SUPPLEMENT] = REQ_EVENT_SUPPLEMENT,
	[EVENT_SUPPLIED] = REQ_EVENT_SUPPLIED, [EVENT_EXTENSION] = REQ_EVENT_EXTENSION,
	[EVENT_FINAL] = REQ_EVENT_FINAL,     [EVENT_BOUNCE] = REQ_EVENT_BOUNCE,
	[EVENT_AUTO_REPLY] = REQ_EVENT_AUTO_REPLY,
};

static enum foi_status instant_of(const char *iso, struct sched_instant *out, char *err, size_t errsz)
{
	time_t t;
	if (clock_parse_iso(iso, &t, err, errsz) != 0)
		return FOI_E_DATA;
	*out = local_instant(t);
	return FOI_OK;
}

static enum foi_status entry_derive(sqlite3 *db, const struct sched_calendar *cal, const struct status_rules *rules,
				    struct sched_instant now, struct status_entry *e, char *err, size_t errsz)
{
	const struct round_request_row *q = e->request;
	enum foi_status rc = sent_at_load(db, q->id, e->sent_at, err, errsz);
	if (rc == FOI_OK)
		rc = events_for_request(db, q->id, &e->events, err, errsz);
	if (rc != FOI_OK)
		return rc;
	if (e->events.count && !(e->facts = calloc(e->events.count, sizeof *e->facts)))
		return foi_fail(err, errsz, FOI_E_NOMEM, "status: out of memory");
	for (size_t i = 0; i < e->events.count; i++) {
		const struct event_row *row = &e->events.rows[i];
		e->facts[i] = (struct request_event){row->id, event_kinds[row->kind], {0, 0}, channel_of(row->channel)};
		if (instant_of(row->at, &e->facts[i].at, err, errsz) != FOI_OK)
			return FOI_E_DATA;
	}
	struct request_facts f = {
		.kind = strcmp(q->f[RQ_KIND], "foi") == 0 ? REQUEST_KIND_FOI : REQUEST_KIND_CONSULT,
		.sent = outcome_of(q->f[RQ_STATE], e->sent_at),
		.channel = channel_of(q->f[RQ_CHANNEL]),
		.events = e->facts,
		.nevents = e->events.count,
		.now = now,
		.receipt_rules = rules->receipt,
		.rest_rule = rules->rest,
		.consult_clock = rules->consult_clock,
	};
	if (f.sent == SEND_DONE && instant_of(e->sent_at, &f.sent_at, err, errsz) != FOI_OK)
		return FOI_E_DATA;
	char why[FOI_ERR_MAX];
	if (request_status_derive(cal, &f, &e->status, why, sizeof why) != 0)
		return foi_fail(err, errsz, strcmp(why, "out of memory") == 0 ? FOI_E_NOMEM : FOI_E_DATA,
				"request %lld (%s %s): %s", (long long)q->id, q->f[RQ_UNIT], q->f[RQ_KIND], why);
	return FOI_OK;
}

enum foi_status status_report_load(sqlite3 *db, const char *round, const char *unit, const struct sched_calendar *cal,
				   const struct status_rules *rules, time_t now, struct status_report *out, char *err,
				   size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->now = local_instant(now);
	enum foi_status rc = round_view_load(db, round, unit, &out->view, err, errsz);
	if (rc != FOI_OK)
		return rc;
	if (out->view.nrequests && !(out->entries = calloc(out->view.nrequests, sizeof *out->entries))) {
		round_view_free(&out->view);
		return foi_fail(err, errsz, FOI_E_NOMEM, "status: out of memory");
	}
	for (size_t i = 0; i < out->view.nrequests && rc == FOI_OK; i++) {
		out->entries[i].request = &out->view.requests[i];
		out->count++;
		rc = entry_derive(db, cal, rules, out->now, &out->entries[i], err, errsz);
	}
	if (rc != FOI_OK)
		status_report_free(out);
	return rc;
}

void status_report_free(struct status_report *r)
{
	for (size_t i = 0; i < r->count; i++) {
		event_list_free(&r->entries[i].events);
		free(r->entries[i].facts);
		request_status_free(&r->entries[i].status);
	}
	free(r->entries);
	round_view_free(&r->view);
	memset(r, 0, sizeof *r);
}
