/*
 * foi elapsed: how many working days a reply took, and its band in the consultation rule
 * (在线咨询: "1" within 1 working day, "5" within 5, else "late"), or with --kind foi its verdict
 * on the FOI deadline (条例 §33: in time within 20 working days, 40 with --extended, a notified
 * extension; else late), counted as `foi status` counts it.
 *
 * A reply on a rest day follows reply_on_rest_day (the workspace's setting; --reply-on-rest-day
 * overrides it), which --explain shows with what it did.
 *
 * Civil clock: working_days is the smallest N such that the reply came within the period of
 * N working days: 0 on the receipt day, 1 on the next working day (a reply on a rest day
 * counts as the working day after it). Elapsed clock: working_days is the working time
 * elapsed, in days (two decimals), and the band compares that time with 1 and 5 days.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/clock.h"
#include "harness/cmd/json_out.h"
#include "harness/cmd/time_setup.h"
#include "schedule/foi_deadline.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

struct elapsed_args {
	struct time_options t;
	const char *to, *kind, *rest;
	int extended, explain, foi;
	struct receipt_rules rules;
};

static int parse_args(int argc, char **argv, struct elapsed_args *a)
{
	const struct arg_opt opts[] = {
		TIME_OPTIONS_ARGS(&a->t),
		ARG_VALUE("--to", &a->to),
		ARG_VALUE("--kind", &a->kind),
		ARG_FLAG("--extended", &a->extended),
		ARG_VALUE("--reply-on-rest-day", &a->rest),
		ARG_FLAG("--explain", &a->explain),
	};
	const struct arg_spec spec = {"elapsed", "elapsed", opts, sizeof opts / sizeof opts[0], NULL, 0, NULL};
	int rc = args_parse(&spec, argc, argv, 1);
	if (rc == ARGS_CONTINUE)
		rc = time_options_check("elapsed", &a->t);
	if (rc == ARGS_CONTINUE && !a->to)
		rc = command_usage_error("elapsed", "elapsed", "--to is required (when the reply came)");
	if (rc == ARGS_CONTINUE && a->kind && strcmp(a->kind, "foi") != 0 && strcmp(a->kind, "consult") != 0)
		rc = command_usage_error("elapsed", "elapsed", "--kind is foi or consult, not '%s'", a->kind);
	a->foi = a->kind && strcmp(a->kind, "foi") == 0;
	if (rc == ARGS_CONTINUE && a->extended && !a->foi)
		rc = command_usage_error("elapsed", "elapsed", "--extended goes with --kind foi");
	if (rc == ARGS_CONTINUE && a->foi && a->t.clock_given && a->t.clock_value != SCHED_CLOCK_CIVIL)
		rc = command_usage_error("elapsed", "elapsed", "the FOI deadline is counted on the civil clock only");
	enum reply_rest_rule ignored;
	if (rc == ARGS_CONTINUE && a->rest && reply_rest_rule_parse(a->rest, &ignored) != 0)
		rc = command_usage_error("elapsed", "elapsed",
					 "--reply-on-rest-day is next_working_day or as_of_last_working_day, not '%s'", a->rest);
	return rc;
}

static const char *band_words(enum consult_band b)
{
	switch (b) {
	case CONSULT_BAND_1:
		return "within 1 working day";
	case CONSULT_BAND_5:
		return "after 1, within 5 working days";
	case CONSULT_BAND_LATE:
		return "after 5 working days";
	}
	return "?";
}

int cmd_elapsed(struct foi_app *app, int argc, char **argv)
{
	struct elapsed_args a = {.rules = RECEIPT_RULES_DEFAULT};
	int rc = parse_args(argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct time_setup ts;
	rc = time_setup_for("elapsed", app, &a.t, &ts);
	if (rc != FOI_EXIT_OK)
		return rc;
	char err[FOI_ERR_MAX];
	/* The times are read in the workspace's zone, which opening it has set. */
	struct sched_instant asked, replied;
	if (local_instant_parse(a.t.from, &asked, err, sizeof err) != 0 ||
	    local_instant_parse(a.to, &replied, err, sizeof err) != 0) {
		time_setup_close(&ts);
		return command_usage_error("elapsed", "elapsed", "%s", err);
	}
	/* The two times are the user's own values: a reply before its question is a usage error. */
	if (local_instant_time(replied) < local_instant_time(asked)) {
		time_setup_close(&ts);
		return command_usage_error("elapsed", "elapsed", "--to (%s) is earlier than --from (%s)", a.to, a.t.from);
	}
	struct sched_calendar *cal = ts.cal;
	a.rules = ts.rules;
	/* Without --clock, the workspace's consult_clock setting; the FOI deadline is civil. */
	enum sched_clock clock = a.foi ? SCHED_CLOCK_CIVIL : a.t.clock_given ? a.t.clock_value : ts.consult_clock;
	enum reply_rest_rule rest = ts.rest_rule;
	if (a.rest)
		reply_rest_rule_parse(a.rest, &rest);
	struct receipt r;
	struct reply_time t;
	int on_rest_day = 0, ignored;
	if (receipt_date(cal, &a.rules, a.t.channel_value, asked, &r, err, sizeof err) != 0 ||
	    reply_time_measure_rule(cal, &r, clock, rest, replied, &t, err, sizeof err) != 0 ||
	    civil_days_taken(cal, r.day, replied, rest, &ignored, &on_rest_day, err, sizeof err) != 0) {
		foi_error("elapsed", "%s", err);
		time_setup_close(&ts);
		return FOI_EXIT_FAIL;
	}
	/* Two decimals are enough to read; the band is decided on the exact seconds. */
	double elapsed_days = round((double)t.working_seconds / SCHED_DAY_SECONDS * 100.0) / 100.0;
	char received[SCHED_DATE_MAX], from_iso[CLOCK_ISO_MAX], to_iso[CLOCK_ISO_MAX], why[256];
	day_format(r.day, received);
	local_instant_iso(asked, from_iso);
	local_instant_iso(replied, to_iso);
	receipt_reason_text(&r, &a.rules, why, sizeof why);
	int limit = a.extended ? FOI_REPLY_DAYS + FOI_EXTENSION_DAYS : FOI_REPLY_DAYS;
	int in_time = t.within_days <= limit;
	/* The rule acts only on the civil count (period.h says why the elapsed clock needs none). */
	int rule_acted = on_rest_day && t.clock == SCHED_CLOCK_CIVIL;

	if (a.t.json) {
		int ok = 1;
		cJSON *root = json_root_obj(&ok);
		json_str(root, "asked", from_iso, &ok);
		json_str(root, "channel", sched_channel_name(r.channel), &ok);
		json_str(root, "received", received, &ok);
		json_str(root, "receipt_rule", receipt_reason_code(r.reason), &ok);
		json_str(root, "replied", to_iso, &ok);
		json_str(root, "clock", sched_clock_name(t.clock), &ok);
		if (t.clock == SCHED_CLOCK_CIVIL) {
			json_num(root, "working_days", t.within_days, &ok);
		} else {
			json_num(root, "working_days", elapsed_days, &ok);
			json_num(root, "working_seconds", (double)t.working_seconds, &ok);
		}
		json_str(root, "reply_on_rest_day", reply_rest_rule_name(rest), &ok);
		json_bool(root, "replied_on_rest_day", on_rest_day, &ok);
		if (a.foi) {
			json_str(root, "kind", "foi", &ok);
			json_num(root, "limit", limit, &ok);
			json_bool(root, "extended", a.extended, &ok);
			json_str(root, "verdict", in_time ? "in-time" : "late", &ok);
		} else {
			json_str(root, "kind", "consult", &ok);
			json_str(root, "band", consult_band_name(t.band), &ok);
		}
		rc = json_emit(root, ok, "elapsed");
	} else {
		char asked_text[32], replied_text[32];
		local_instant_text(asked, asked_text, sizeof asked_text);
		local_instant_text(replied, replied_text, sizeof replied_text);
		printf("asked      %s by %s\n", asked_text, sched_channel_name(r.channel));
		printf("received   %s %s (%s)\n", received, day_weekday_name(r.day), why);
		printf("replied    %s %s\n", replied_text, day_weekday_name(replied.day));
		if (t.clock == SCHED_CLOCK_CIVIL)
			printf("took       %d working day%s (civil clock: the receipt day is day 0)\n", t.within_days,
			       t.within_days == 1 ? "" : "s");
		else
			printf("took       %.2f working days of elapsed working time (%lld h %02lld min)\n", elapsed_days,
			       (long long)(t.working_seconds / 3600), (long long)(t.working_seconds / 60 % 60));
		if (a.foi)
			printf("deadline   %s: %d working days%s (条例 §33)\n", in_time ? "in time" : "late", limit,
			       a.extended ? ", with a notified extension" : "");
		else
			printf("band       %s: %s\n", consult_band_name(t.band), band_words(t.band));
		if (a.explain) {
			printf("rest days  reply_on_rest_day = %s: %s\n", reply_rest_rule_name(rest),
			       reply_rest_rule_text(rest));
			if (rule_acted)
				printf("           the reply came on a %s, a rest day: it counts as working day %d\n",
				       day_weekday_name(replied.day), t.within_days);
			else if (on_rest_day)
				printf("           the reply came on a rest day; the elapsed clock ran no time on it\n");
			else
				printf("           the reply came on a working day: the rule did not act\n");
		}
	}
	time_setup_close(&ts);
	return rc;
}
