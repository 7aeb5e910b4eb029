/*
 * foi elapsed: how many working days a reply took, and its band in the consultation rule
 * (在线咨询: "1" within 1 working day, "5" within 5, else "late").
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
#include "schedule/period.h"
#include "schedule/receipt.h"

struct elapsed_args {
	struct time_options t;
	const char *to;
	struct receipt_rules rules;
};

static int parse_args(int argc, char **argv, struct elapsed_args *a)
{
	const struct arg_opt opts[] = {
		TIME_OPTIONS_ARGS(&a->t),
		ARG_VALUE("--to", &a->to),
	};
	const struct arg_spec spec = {"elapsed", "elapsed", opts, sizeof opts / sizeof opts[0], NULL, 0, NULL};
	int rc = args_parse(&spec, argc, argv, 1);
	if (rc == ARGS_CONTINUE)
		rc = time_options_check("elapsed", &a->t);
	if (rc == ARGS_CONTINUE && !a->to)
		rc = command_usage_error("elapsed", "elapsed", "--to is required (when the reply came)");
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
	/* Without --clock, the workspace's consult_clock setting. */
	enum sched_clock clock = a.t.clock_given ? a.t.clock_value : ts.consult_clock;
	struct receipt r;
	struct reply_time t;
	if (receipt_date(cal, &a.rules, a.t.channel_value, asked, &r, err, sizeof err) != 0 ||
	    reply_time_measure(cal, &r, clock, replied, &t, err, sizeof err) != 0) {
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
		json_str(root, "band", consult_band_name(t.band), &ok);
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
		printf("band       %s: %s\n", consult_band_name(t.band), band_words(t.band));
	}
	time_setup_close(&ts);
	return rc;
}
