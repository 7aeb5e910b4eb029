/*
 * foi status NAME: who has answered, who is late, and what comes next, request by request; with
 * --explain REQUEST, every event of one request and how each of its deadlines was worked out.
 *
 * Everything shown is derived now from the store and the workspace's calendar (never stored), so
 * a calendar import moves the deadlines of open requests at once; the output names the calendar.
 * JSON field names are a contract: id, unit, kind, channel, state, sent, received, deadline_date,
 * deadline_at, replied, working_days, band, next, next_by.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/cmd/time_setup.h"
#include "harness/status_report.h"
#include "harness/workspace.h"

struct status_args {
	const char *round, *unit, *explain;
	int json, overdue;
	long due_within; /* -1: no filter */
	long explain_id;
};

static int parse_args(int argc, char **argv, struct status_args *a)
{
	const char *due = NULL;
	const struct arg_opt opts[] = {
		ARG_FLAG("--json", &a->json),        ARG_VALUE("--unit", &a->unit),     ARG_FLAG("--overdue", &a->overdue),
		ARG_VALUE("--due-within", &due),     ARG_VALUE("--explain", &a->explain),
	};
	size_t npos;
	const struct arg_spec spec = {"status", "status", opts, sizeof opts / sizeof opts[0], &a->round, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 1);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (!a->round)
		return command_usage_error("status", "status", "needs the round's NAME (see 'foi round list')");
	a->due_within = -1;
	if (due && (rc = args_long("status", "status", "--due-within", due, 0, 1000, &a->due_within)) != ARGS_CONTINUE)
		return rc;
	if (a->explain && (rc = args_long("status", "status", "--explain", a->explain, 1, LONG_MAX, &a->explain_id)) !=
				  ARGS_CONTINUE)
		return rc;
	return ARGS_CONTINUE;
}

/* What the filters keep. */
static int wanted(const struct status_args *a, const struct sched_calendar *cal, const struct status_report *r,
		  const struct status_entry *e)
{
	const struct request_status *s = &e->status;
	if (a->overdue && s->state != RSTATE_OVERDUE)
		return 0;
	if (a->due_within >= 0) {
		int n;
		char ignored[256];
		if (!s->has_deadline || s->state == RSTATE_OVERDUE ||
		    calendar_working_days_between(cal, r->now.day, s->deadline.last_day, &n, ignored, sizeof ignored) != 0)
			return 0;
		return n <= a->due_within;
	}
	return 1;
}

static const char *state_text(const struct status_entry *e)
{
	/* Not yet sent: the outbox's own word (planned, no-channel, assisted) says more. */
	return e->status.state == RSTATE_PLANNED ? e->request->f[RQ_STATE] : request_state_name(e->status.state);
}

static void json_instant(cJSON *o, const char *key, int has, struct sched_instant t, int *ok)
{
	char iso[CLOCK_ISO_MAX];
	if (!has) {
		json_null(o, key, ok);
		return;
	}
	local_instant_iso(t, iso);
	json_str(o, key, iso, ok);
}

static void json_entry(cJSON *o, const struct status_entry *e, int *ok)
{
	const struct request_status *s = &e->status;
	char date[SCHED_DATE_MAX];
	json_num(o, "id", (double)e->request->id, ok);
	json_str(o, "unit", e->request->f[RQ_UNIT], ok);
	json_str(o, "kind", e->request->f[RQ_KIND], ok);
	json_str(o, "channel", e->request->f[RQ_CHANNEL], ok);
	json_str(o, "state", state_text(e), ok);
	json_str_or_null(o, "sent", *e->sent_at ? e->sent_at : NULL, ok);
	day_format(s->receipt.day, date);
	json_str_or_null(o, "received", s->has_receipt ? date : NULL, ok);
	day_format(s->deadline.last_day, date);
	json_str_or_null(o, "deadline_date", s->has_deadline ? date : NULL, ok);
	json_instant(o, "deadline_at", s->has_deadline, s->deadline.end, ok);
	json_instant(o, "replied", s->replied, s->replied_at, ok);
	if (s->replied)
		json_num(o, "working_days", s->days_taken, ok);
	else
		json_null(o, "working_days", ok);
	json_str_or_null(o, "band", s->has_band ? consult_band_name(s->band) : NULL, ok);
	if (s->supplement_in_time < 0)
		json_null(o, "supplement_in_time", ok);
	else
		json_bool(o, "supplement_in_time", s->supplement_in_time, ok);
	json_bool(o, "extended", s->extended, ok);
	json_str(o, "next", s->next, ok);
	json_instant(o, "next_by", s->has_next_by, s->next_by, ok);
	json_num(o, "events", (double)e->events.count, ok);
}

static void header_json(cJSON *root, const struct status_report *r, const struct time_setup *ts, int *ok)
{
	char now[CLOCK_ISO_MAX], coverage[128];
	json_str(root, "round", r->view.round.name, ok);
	local_instant_iso(r->now, now);
	json_str(root, "now", now, ok);
	json_str(root, "reply_on_rest_day", reply_rest_rule_name(ts->rest_rule), ok);
	calendar_coverage_text(ts->cal, coverage, sizeof coverage);
	json_str(root, "calendar", coverage, ok);
	json_str(root, "calendar_origin", ts->origin, ok);
}

static int print_json(const struct status_args *a, const struct status_report *r, const struct time_setup *ts)
{
	int ok = 1;
	cJSON *root = json_root_obj(&ok);
	header_json(root, r, ts, &ok);
	cJSON *list = json_arr(root, "requests", &ok);
	for (size_t i = 0; i < r->count; i++)
		if (wanted(a, ts->cal, r, &r->entries[i]))
			json_entry(json_obj(list, NULL, &ok), &r->entries[i], &ok);
	return json_emit(root, ok, "status");
}

static void print_table(const struct status_args *a, const struct status_report *r, const struct time_setup *ts)
{
	char now[32], coverage[128];
	local_instant_text(r->now, now, sizeof now);
	calendar_coverage_text(ts->cal, coverage, sizeof coverage);
	printf("round %s, now %s; calendar %s; reply_on_rest_day = %s\n\n", r->view.round.name, now, coverage,
	       reply_rest_rule_name(ts->rest_rule));
	printf("%-4s %-8s %-7s %-5s %-16s %-10s %-10s %-16s %4s %-4s %-20s %s\n", "ID", "UNIT", "KIND", "CHAN", "SENT",
	       "RECEIVED", "DEADLINE", "REPLIED", "DAYS", "BAND", "STATE", "NEXT");
	size_t shown = 0;
	for (size_t i = 0; i < r->count; i++) {
		const struct status_entry *e = &r->entries[i];
		const struct request_status *s = &e->status;
		if (!wanted(a, ts->cal, r, e))
			continue;
		shown++;
		char sent[32] = "-", received[SCHED_DATE_MAX] = "-", deadline[SCHED_DATE_MAX] = "-", replied[32] = "-",
		     days[12] = "-", by[40] = "";
		if (*e->sent_at)
			snprintf(sent, sizeof sent, "%.10s %.5s", e->sent_at, e->sent_at + 11);
		if (s->has_receipt)
			day_format(s->receipt.day, received);
		if (s->has_deadline)
			day_format(s->deadline.last_day, deadline);
		if (s->replied) {
			local_instant_text(s->replied_at, replied, sizeof replied);
			snprintf(days, sizeof days, "%d", s->days_taken);
		}
		if (s->has_next_by) {
			char t[32];
			local_instant_text(s->next_by, t, sizeof t);
			snprintf(by, sizeof by, " (by %s)", t);
		}
		/* A period's end is exclusive, so "by" shows the instant it ends: a day's 24:00. */
		printf("%-4lld %-8s %-7s %-5s %-16s %-10s %-10s %-16s %4s %-4s %-20s %s%s\n", (long long)e->request->id,
		       e->request->f[RQ_UNIT], e->request->f[RQ_KIND], e->request->f[RQ_CHANNEL], sent, received, deadline,
		       replied, days, s->has_band ? consult_band_name(s->band) : "-", state_text(e), s->next, by);
	}
	if (!shown)
		printf("(no request%s)\n", a->overdue || a->due_within >= 0 || a->unit ? " matches" : "");
}

static int print_explain(const struct status_args *a, const struct status_report *r, const struct time_setup *ts)
{
	const struct status_entry *e = NULL;
	for (size_t i = 0; i < r->count && !e; i++)
		if (r->entries[i].request->id == a->explain_id)
			e = &r->entries[i];
	if (!e) {
		foi_error("status", "round %s has no request %ld%s%s", r->view.round.name, a->explain_id,
			  a->unit ? " of unit " : "", a->unit ? a->unit : "");
		return FOI_EXIT_DATA;
	}
	char coverage[128];
	calendar_coverage_text(ts->cal, coverage, sizeof coverage);
	if (a->json) {
		int ok = 1;
		cJSON *root = json_root_obj(&ok);
		header_json(root, r, ts, &ok);
		json_entry(json_obj(root, "request", &ok), e, &ok);
		cJSON *events = json_arr(root, "event_list", &ok);
		for (size_t i = 0; i < e->events.count; i++) {
			const struct event_row *ev = &e->events.rows[i];
			cJSON *o = json_obj(events, NULL, &ok);
			json_num(o, "id", (double)ev->id, &ok);
			json_str(o, "kind", event_kind_name(ev->kind), &ok);
			json_str(o, "at", ev->at, &ok);
			json_str(o, "channel", ev->channel, &ok);
			json_str(o, "source", ev->source, &ok);
			json_str(o, "evidence", ev->evidence, &ok);
		}
		cJSON *lines = json_arr(root, "explanation", &ok);
		for (size_t i = 0; i < e->status.nlines; i++)
			json_push_str(lines, e->status.lines[i], &ok);
		return json_emit(root, ok, "status");
	}
	const struct round_request_row *q = e->request;
	printf("request %lld: %s %s by %s, round %s\n", (long long)q->id, q->f[RQ_UNIT], q->f[RQ_KIND], q->f[RQ_CHANNEL],
	       r->view.round.name);
	printf("state      %s\n", state_text(e));
	printf("next       %s", e->status.next);
	if (e->status.has_next_by) {
		char t[32];
		local_instant_text(e->status.next_by, t, sizeof t);
		printf(" (by %s)", t);
	}
	printf("\n\nevents (%zu)\n", e->events.count);
	for (size_t i = 0; i < e->events.count; i++) {
		const struct event_row *ev = &e->events.rows[i];
		printf("  %-5lld %-11s %s by %-9s %s%s%s\n", (long long)ev->id, event_kind_name(ev->kind), ev->at, ev->channel,
		       ev->source, *ev->evidence ? ": " : "", ev->evidence);
	}
	if (!e->events.count)
		printf("  (none)\n");
	printf("\nhow it was worked out\n");
	for (size_t i = 0; i < e->status.nlines; i++)
		printf("  %s\n", e->status.lines[i]);
	printf("\ncalendar   %s: %s\n", coverage, ts->origin);
	return FOI_EXIT_OK;
}

int cmd_status(struct foi_app *app, int argc, char **argv)
{
	struct status_args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct workspace ws;
	char err[FOI_ERR_MAX];
	if ((rc = workspace_open(app, &ws, err, sizeof err)) != FOI_EXIT_OK) {
		foi_error("status", "%s", err);
		return rc;
	}
	struct time_setup ts;
	if ((rc = time_setup_open(app, NULL, 0, &ts, err, sizeof err)) != FOI_EXIT_OK) {
		foi_error("status", "%s", err);
		workspace_close(&ws);
		return rc;
	}
	struct status_rules rules = {ts.rules, ts.rest_rule, ts.consult_clock};
	struct status_report report;
	enum foi_status st = status_report_load(ws.db, a.round, a.unit, ts.cal, &rules, clock_now(), &report, err,
						sizeof err);
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error("status", "%s", err);
		time_setup_close(&ts);
		return command_exit(st);
	}
	if (a.explain)
		rc = print_explain(&a, &report, &ts);
	else if (a.json)
		rc = print_json(&a, &report, &ts);
	else
		print_table(&a, &report, &ts);
	status_report_free(&report);
	time_setup_close(&ts);
	return rc;
}
