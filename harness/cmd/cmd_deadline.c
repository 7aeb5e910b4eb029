/*
 * foi deadline: when a period of N working days from a submission ends, and why.
 *
 * The receipt day follows from the channel and the receipt settings; the period is counted on
 * the civil clock (receipt day not counted, ends 24:00 of the N-th working day) or the elapsed
 * clock. JSON field names are a contract: received, deadline_date, deadline_at, counted, skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/clock.h"
#include "harness/cmd/json_out.h"
#include "harness/cmd/time_setup.h"
#include "schedule/explain.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

struct deadline_args {
	struct time_options t;
	int days;
	struct receipt_rules rules;
	int explain;
	const char *origin;
};

static int parse_args(int argc, char **argv, struct deadline_args *a)
{
	const char *days = NULL;
	const struct arg_opt opts[] = {
		TIME_OPTIONS_ARGS(&a->t),
		ARG_VALUE("--days", &days),
		ARG_FLAG("--explain", &a->explain),
	};
	const struct arg_spec spec = {"deadline", "deadline", opts, sizeof opts / sizeof opts[0], NULL, 0, NULL};
	int rc = args_parse(&spec, argc, argv, 1);
	if (rc == ARGS_CONTINUE)
		rc = time_options_check("deadline", &a->t);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (!days)
		return command_usage_error("deadline", "deadline", "--days is required (a number of working days)");
	long n;
	rc = args_long("deadline", "deadline", "--days", days, 0, 10000, &n);
	a->days = (int)n;
	return rc;
}

static const char *mark_name(const struct cal_day_info *d)
{
	return d->mark && *d->mark->name ? d->mark->name : NULL;
}

static void print_day_line(const struct explained_day *e)
{
	char date[SCHED_DATE_MAX];
	const struct cal_day_info *d = &e->info;
	day_format(d->day, date);
	if (e->ordinal)
		printf("  %s %s  %5d  ", date, day_weekday_abbrev(d->day), e->ordinal);
	else if (e->partial)
		printf("  %s %s   part  ", date, day_weekday_abbrev(d->day));
	else
		printf("  %s %s      -  ", date, day_weekday_abbrev(d->day));
	printf("%s", cal_day_kind_name(d->kind));
	if (mark_name(d))
		printf(": %s", mark_name(d));
	if (d->mark && *d->mark->note)
		printf(" (%s)", d->mark->note);
	putchar('\n');
}

static void print_text(const struct deadline_args *a, const struct receipt *r, const struct period *p,
		       const struct period_explanation *e, const char *coverage)
{
	char received[SCHED_DATE_MAX], last[SCHED_DATE_MAX], submitted[32], why[256], end_iso[CLOCK_ISO_MAX],
		start[32];
	day_format(r->day, received);
	day_format(p->last_day, last);
	local_instant_text(r->submitted, submitted, sizeof submitted);
	receipt_reason_text(r, &a->rules, why, sizeof why);
	local_instant_iso(p->end, end_iso);

	printf("submitted  %s by %s\n", submitted, sched_channel_name(a->t.channel_value));
	printf("received   %s %s (%s)\n", received, day_weekday_name(r->day), why);
	if (p->clock == SCHED_CLOCK_CIVIL) {
		printf("period     %d working day%s, civil clock: counted from the day after receipt\n", p->days,
		       p->days == 1 ? "" : "s");
		printf("deadline   %s %s, 24:00 (ends %s)\n", last, day_weekday_name(p->last_day), end_iso);
	} else {
		local_instant_text(p->start, start, sizeof start);
		printf("period     %d working day%s, elapsed clock: working time from %s\n", p->days,
		       p->days == 1 ? "" : "s", start);
		printf("deadline   %s %s (ends %s)\n", last, day_weekday_name(p->last_day), end_iso);
	}
	printf("passed     %zu working day%s counted", e->counted, e->counted == 1 ? "" : "s");
	if (e->weekend_workdays)
		printf(" (%zu on a weekend workday)", e->weekend_workdays);
	printf(", %zu rest day%s skipped", e->skipped, e->skipped == 1 ? "" : "s");
	if (e->days_off)
		printf(" (%zu official day%s off)", e->days_off, e->days_off == 1 ? "" : "s");
	printf("\ncalendar   %s: %s\n", coverage, a->origin);
	if (a->explain) {
		printf("\n  date           #    what\n");
		for (size_t i = 0; i < e->ndays; i++)
			print_day_line(&e->days[i]);
	}
}

static void json_day_detail(cJSON *o, const struct cal_day_info *d, int *ok)
{
	char date[SCHED_DATE_MAX];
	day_format(d->day, date);
	json_str(o, "date", date, ok);
	json_str(o, "weekday", day_weekday_name(d->day), ok);
	json_str(o, "kind", cal_day_kind_name(d->kind), ok);
	if (d->mark) {
		json_str(o, "holiday", d->mark->name, ok);
		json_str(o, "notice", d->mark->note, ok);
	}
}

static int print_json(const struct deadline_args *a, const struct receipt *r, const struct period *p,
		      const struct period_explanation *e, const char *coverage)
{
	int ok = 1;
	char date[SCHED_DATE_MAX], iso[CLOCK_ISO_MAX];
	cJSON *root = json_root_obj(&ok);
	day_format(r->day, date);
	json_str(root, "received", date, &ok);
	local_instant_iso(r->submitted, iso);
	json_str(root, "submitted", iso, &ok);
	json_str(root, "channel", sched_channel_name(r->channel), &ok);
	json_str(root, "receipt_rule", receipt_reason_code(r->reason), &ok);
	json_str(root, "clock", sched_clock_name(p->clock), &ok);
	json_num(root, "days", p->days, &ok);
	day_format(p->last_day, date);
	json_str(root, "deadline_date", date, &ok);
	local_instant_iso(p->end, iso);
	json_str(root, "deadline_at", iso, &ok);

	cJSON *counted = json_arr(root, "counted", &ok), *skipped = json_arr(root, "skipped", &ok);
	cJSON *workdays = json_arr(root, "weekend_workdays", &ok), *off = json_arr(root, "days_off", &ok);
	for (size_t i = 0; i < e->ndays; i++) {
		const struct cal_day_info *d = &e->days[i].info;
		day_format(d->day, date);
		if (!e->days[i].partial)
			json_push_str(d->working ? counted : skipped, date, &ok);
		if (d->kind == CAL_WEEKEND_WORKDAY)
			json_push_str(workdays, date, &ok);
		if (d->kind == CAL_DAY_OFF)
			json_day_detail(json_obj(off, NULL, &ok), d, &ok);
	}
	if (a->explain) {
		cJSON *days = json_arr(root, "explanation", &ok);
		for (size_t i = 0; i < e->ndays; i++) {
			cJSON *o = json_obj(days, NULL, &ok);
			json_day_detail(o, &e->days[i].info, &ok);
			if (e->days[i].ordinal)
				json_num(o, "counted", e->days[i].ordinal, &ok);
			else
				json_null(o, "counted", &ok);
		}
	}
	json_str(root, "calendar", coverage, &ok);
	return json_emit(root, ok, "deadline");
}

int cmd_deadline(struct foi_app *app, int argc, char **argv)
{
	struct deadline_args a = {.rules = RECEIPT_RULES_DEFAULT};
	int rc = parse_args(argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct time_setup ts;
	rc = time_setup_for("deadline", app, &a.t, &ts);
	if (rc != FOI_EXIT_OK)
		return rc;
	char err[FOI_ERR_MAX];
	/* Read --from only now: a workspace's settings may have changed the time zone. */
	struct sched_instant submitted;
	if (local_instant_parse(a.t.from, &submitted, err, sizeof err) != 0) {
		time_setup_close(&ts);
		return command_usage_error("deadline", "deadline", "--from: %s", err);
	}
	struct sched_calendar *cal = ts.cal;
	a.rules = ts.rules;
	a.origin = ts.origin;
	struct receipt r;
	struct period p;
	struct period_explanation e = {0};
	if (receipt_date(cal, &a.rules, a.t.channel_value, submitted, &r, err, sizeof err) != 0 ||
	    period_from_receipt(cal, &r, a.days, a.t.clock_value, &p, err, sizeof err) != 0 ||
	    period_explain(cal, &p, &e, err, sizeof err) != 0) {
		foi_error("deadline", "%s", err);
		time_setup_close(&ts);
		return FOI_EXIT_FAIL;
	}
	char coverage[128];
	calendar_coverage_text(cal, coverage, sizeof coverage);
	if (a.t.json)
		rc = print_json(&a, &r, &p, &e, coverage);
	else
		print_text(&a, &r, &p, &e, coverage);
	period_explanation_free(&e);
	time_setup_close(&ts);
	return rc;
}
