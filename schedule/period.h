/*
 * Periods of N working days, and how long a reply took.
 *
 * Two clocks (schedule/README.md, "Periods"):
 *   civil (the default, 民法典 §201, §203): the receipt day is not counted; the period runs
 *     over the next N working days and ends at 24:00 of the N-th;
 *   elapsed: working time runs from the moment of receipt and only on working days, so a
 *     question at Monday 10:00 is within 1 working day until Tuesday 10:00. A question
 *     received on a rest day, or moved to a later receipt day, starts the clock at 00:00
 *     of its receipt day.
 * Either way a period has an exclusive end instant: a reply is in time when it comes before
 * it. A civil period's end is (last day, 24:00).
 *
 * The consultation bands of the evaluation scheme (在线咨询): "1" when the reply came within
 * 1 working day, "5" when after that but within 5, otherwise "late".
 */
#ifndef FOI_SCHEDULE_PERIOD_H
#define FOI_SCHEDULE_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "schedule/calendar.h"
#include "schedule/day.h"
#include "schedule/receipt.h"

enum sched_clock {
	SCHED_CLOCK_CIVIL,
	SCHED_CLOCK_ELAPSED,
};

struct period {
	enum sched_clock clock;
	int days;
	struct sched_instant start; /* civil: (the day counted from, 24:00); elapsed: when the clock starts */
	sched_day last_day;         /* the last day of the period: the deadline date */
	struct sched_instant end;   /* exclusive end */
};

enum consult_band {
	CONSULT_BAND_1,    /* within 1 working day */
	CONSULT_BAND_5,    /* after 1, within 5 working days */
	CONSULT_BAND_LATE, /* after 5 working days */
};

/*
 * A reply made on a rest day (DOMAIN.md "Time"; schedule/README.md):
 *   next_working_day (the default, the strict reading of 民法典 §201, §203): the period ended
 *     at 24:00 of its last working day, so the reply counts as made on the next working day;
 *   as_of_last_working_day: it counts the working days that had passed, as a spreadsheet's
 *     NETWORKDAYS does, so a Sunday answer to a Thursday question is within 1 working day.
 * It decides the civil clock's count alike for FOI deadlines and question bands. The elapsed
 * clock needs no rule: a rest day holds no working time, so a reply on it has used exactly the
 * working time of the last working day's 24:00, which is also the next working day's 00:00.
 */
enum reply_rest_rule {
	REPLY_REST_NEXT_WORKING_DAY,
	REPLY_REST_AS_OF_LAST_WORKING_DAY,
};

struct reply_time {
	enum sched_clock clock;
	/* civil: the smallest N whose period holds the reply (0 on the receipt day, 1 on the next
	 * working day); elapsed: the same N for the elapsed clock */
	int within_days;
	int64_t working_seconds;    /* elapsed: working time from the clock's start to the reply */
	enum consult_band band;
};

/* "civil" | "elapsed"; 0 on success. */
int sched_clock_parse(const char *name, enum sched_clock *out);
/* "next_working_day" | "as_of_last_working_day"; 0 on success. */
int reply_rest_rule_parse(const char *name, enum reply_rest_rule *out);
const char *reply_rest_rule_name(enum reply_rest_rule rule);
/* One sentence for explanations: what the rule does with a reply on a rest day. */
const char *reply_rest_rule_text(enum reply_rest_rule rule);
const char *sched_clock_name(enum sched_clock clock);
const char *consult_band_name(enum consult_band band); /* "1", "5", "late" */

/* A period of `days` working days from a receipt, on either clock. */
int period_from_receipt(const struct sched_calendar *cal, const struct receipt *r, int days,
			enum sched_clock clock, struct period *out, char *err, size_t errsz);
/* A civil period of `days` working days counted on from a day (not counted itself), such as
 * an extension counted from the original deadline. */
int period_after_day(const struct sched_calendar *cal, sched_day from, int days, struct period *out,
		     char *err, size_t errsz);
/* 1 when t is before the period's end. */
int period_holds(const struct period *p, struct sched_instant t);

/*
 * How long the reply to a question received as r took, on the given clock, and its band.
 * A reply before the question was submitted is an error.
 */
int reply_time_measure(const struct sched_calendar *cal, const struct receipt *r, enum sched_clock clock,
		       struct sched_instant reply, struct reply_time *out, char *err, size_t errsz);
/* The same with the rest-day rule chosen (reply_time_measure is the strict next_working_day). */
int reply_time_measure_rule(const struct sched_calendar *cal, const struct receipt *r, enum sched_clock clock,
			    enum reply_rest_rule rule, struct sched_instant reply, struct reply_time *out, char *err,
			    size_t errsz);
/*
 * The civil count alone: the smallest N whose civil period from the day `from` (not counted)
 * holds a reply at `reply` under rule: 0 on or before `from`, the working days in
 * (from, reply's day] when that day is a working day, and on a rest day one more
 * (next_working_day) or none more (as_of_last_working_day). *on_rest_day (may be NULL) is set
 * when the reply's day is a rest day after `from`, so that explanations can say the rule acted.
 */
int civil_days_taken(const struct sched_calendar *cal, sched_day from, struct sched_instant reply,
		     enum reply_rest_rule rule, int *days, int *on_rest_day, char *err, size_t errsz);

#endif
