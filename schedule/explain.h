/*
 * Explanations: the days a period passed over, each with what it is and whether it counted.
 *
 * Every deadline foi shows must be checkable by a person with a paper calendar: the receipt
 * day, then each following day up to the deadline, numbered when it is a working day that
 * counts, and named when it is skipped (a weekend, or an official day off with its holiday and
 * notice) or counted although it is a Saturday or Sunday (a weekend workday).
 */
#ifndef FOI_SCHEDULE_EXPLAIN_H
#define FOI_SCHEDULE_EXPLAIN_H

#include <stddef.h>

#include "schedule/calendar.h"
#include "schedule/period.h"

struct explained_day {
	struct cal_day_info info;
	int ordinal; /* 1.. for days counted, 0 for days skipped and the partial day */
	int partial; /* elapsed clock: the working day the clock starts on after 00:00, counted only in part */
};

struct period_explanation {
	struct explained_day *days; /* in date order */
	size_t ndays;
	size_t counted, skipped, weekend_workdays, days_off;
};

/*
 * The days of a period: for the civil clock those after the day counted from through the last
 * day; for the elapsed clock those from the day the clock starts through the day it ends.
 */
int period_explain(const struct sched_calendar *cal, const struct period *p, struct period_explanation *out,
		   char *err, size_t errsz);
void period_explanation_free(struct period_explanation *e);

#endif
