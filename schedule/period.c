/* Periods on the civil and elapsed clocks, and reply times (see period.h). */
#include "schedule/period.h"

#include <stdio.h>
#include <string.h>

int sched_clock_parse(const char *name, enum sched_clock *out)
{
	if (strcmp(name, "civil") == 0)
		*out = SCHED_CLOCK_CIVIL;
	else if (strcmp(name, "elapsed") == 0)
		*out = SCHED_CLOCK_ELAPSED;
	else
		return -1;
	return 0;
}

int reply_rest_rule_parse(const char *name, enum reply_rest_rule *out)
{
	if (strcmp(name, "next_working_day") == 0)
		*out = REPLY_REST_NEXT_WORKING_DAY;
	else if (strcmp(name, "as_of_last_working_day") == 0)
		*out = REPLY_REST_AS_OF_LAST_WORKING_DAY;
	else
		return -1;
	return 0;
}

const char *reply_rest_rule_name(enum reply_rest_rule rule)
{
	return rule == REPLY_REST_AS_OF_LAST_WORKING_DAY ? "as_of_last_working_day" : "next_working_day";
}

const char *reply_rest_rule_text(enum reply_rest_rule rule)
{
	return rule == REPLY_REST_AS_OF_LAST_WORKING_DAY
		       ? "a reply on a rest day counts the working days that had passed (as NETWORKDAYS does)"
		       : "a reply on a rest day counts as made on the next working day (the period ended at 24:00 "
			 "of its last working day)";
}

const char *sched_clock_name(enum sched_clock clock)
{
	return clock == SCHED_CLOCK_ELAPSED ? "elapsed" : "civil";
}

const char *consult_band_name(enum consult_band band)
{
	switch (band) {
	case CONSULT_BAND_1:
		return "1";
	case CONSULT_BAND_5:
		return "5";
	case CONSULT_BAND_LATE:
		return "late";
	}
	return "?";
}

int period_after_day(const struct sched_calendar *cal, sched_day from, int days, struct period *out,
		     char *err, size_t errsz)
{
	if (days < 0) {
		snprintf(err, errsz, "a period cannot be %d working days", days);
		return -1;
	}
	out->clock = SCHED_CLOCK_CIVIL;
	out->days = days;
	out->start = (struct sched_instant){from, SCHED_DAY_SECONDS};
	if (calendar_nth_working_after(cal, from, days, &out->last_day, err, errsz) != 0)
		return -1;
	out->end = (struct sched_instant){out->last_day, SCHED_DAY_SECONDS};
	return 0;
}

/* Where the elapsed clock starts: the moment of submission when that is the receipt day,
 * else the first moment of the receipt day. */
static struct sched_instant elapsed_start(const struct receipt *r)
{
	if (r->day == r->submitted.day)
		return r->submitted;
	return (struct sched_instant){r->day, 0};
}

int period_from_receipt(const struct sched_calendar *cal, const struct receipt *r, int days,
			enum sched_clock clock, struct period *out, char *err, size_t errsz)
{
	if (clock == SCHED_CLOCK_CIVIL)
		return period_after_day(cal, r->day, days, out, err, errsz);
	if (days < 0) {
		snprintf(err, errsz, "a period cannot be %d working days", days);
		return -1;
	}
	out->clock = SCHED_CLOCK_ELAPSED;
	out->days = days;
	out->start = elapsed_start(r);
	if (calendar_add_working_seconds(cal, out->start, (int64_t)days * SCHED_DAY_SECONDS, &out->end, err,
					 errsz) != 0)
		return -1;
	out->last_day = out->end.day;
	return 0;
}

int period_holds(const struct period *p, struct sched_instant t)
{
	return instant_seconds(t) < instant_seconds(p->end);
}

static enum consult_band band_of(int within_days)
{
	return within_days <= 1 ? CONSULT_BAND_1 : within_days <= 5 ? CONSULT_BAND_5 : CONSULT_BAND_LATE;
}

int civil_days_taken(const struct sched_calendar *cal, sched_day from, struct sched_instant reply,
		     enum reply_rest_rule rule, int *days, int *on_rest_day, char *err, size_t errsz)
{
	if (on_rest_day)
		*on_rest_day = 0;
	if (reply.day <= from) {
		*days = 0;
		return 0;
	}
	int n, working;
	if (calendar_working_days_between(cal, from, reply.day, &n, err, errsz) != 0 ||
	    calendar_check_working(cal, reply.day, &working, err, errsz) != 0)
		return -1;
	if (!working && on_rest_day)
		*on_rest_day = 1;
	/* In time for N days when the reply's day is no later than the N-th working day after
	 * `from`: strictly, a reply on a rest day needs the working day after it. */
	*days = working || rule == REPLY_REST_AS_OF_LAST_WORKING_DAY ? n : n + 1;
	return 0;
}

int reply_time_measure_rule(const struct sched_calendar *cal, const struct receipt *r, enum sched_clock clock,
			    enum reply_rest_rule rule, struct sched_instant reply, struct reply_time *out, char *err,
			    size_t errsz)
{
	if (instant_seconds(reply) < instant_seconds(r->submitted)) {
		snprintf(err, errsz, "the reply is earlier than the question");
		return -1;
	}
	memset(out, 0, sizeof *out);
	out->clock = clock;
	if (clock == SCHED_CLOCK_CIVIL) {
		if (civil_days_taken(cal, r->day, reply, rule, &out->within_days, NULL, err, errsz) != 0)
			return -1;
	} else {
		struct sched_instant start = elapsed_start(r);
		if (calendar_working_seconds(cal, start, reply, &out->working_seconds, err, errsz) != 0)
			return -1;
		if (instant_seconds(reply) < instant_seconds(start)) {
			out->working_seconds = 0;
			out->within_days = 0;
		} else {
			/* The period of N days ends (exclusively) after N*86400 seconds of working time. */
			out->within_days = (int)(out->working_seconds / SCHED_DAY_SECONDS) + 1;
		}
	}
	out->band = band_of(out->within_days);
	return 0;
}

int reply_time_measure(const struct sched_calendar *cal, const struct receipt *r, enum sched_clock clock,
		       struct sched_instant reply, struct reply_time *out, char *err, size_t errsz)
{
	return reply_time_measure_rule(cal, r, clock, REPLY_REST_NEXT_WORKING_DAY, reply, out, err, errsz);
}
