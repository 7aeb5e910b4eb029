/* The day-by-day explanation of a period (see explain.h). */
#include "schedule/explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int period_explain(const struct sched_calendar *cal, const struct period *p, struct period_explanation *out,
		   char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	sched_day first = p->clock == SCHED_CLOCK_CIVIL ? p->start.day + 1 : p->start.day;
	sched_day last = p->last_day;
	if (last < first)
		return 0; /* a period of 0 days passes over nothing */
	size_t n = (size_t)(last - first + 1);
	out->days = calloc(n, sizeof *out->days);
	if (!out->days) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	int ordinal = 0;
	for (sched_day d = first; d <= last; d++) {
		struct explained_day *e = &out->days[out->ndays];
		if (calendar_day_info(cal, d, &e->info, err, errsz) != 0) {
			period_explanation_free(out);
			return -1;
		}
		out->ndays++;
		/* Monday 10:00 + 1 working day ends Tuesday 10:00: Monday's 14 hours and Tuesday's 10
		 * make the one day, so the start day is not a day of its own. */
		if (e->info.working && p->clock == SCHED_CLOCK_ELAPSED && d == p->start.day && p->start.sec > 0 &&
		    d != last) {
			e->partial = 1;
			continue;
		}
		if (e->info.working) {
			e->ordinal = ++ordinal;
			out->counted++;
			if (e->info.kind == CAL_WEEKEND_WORKDAY)
				out->weekend_workdays++;
		} else {
			out->skipped++;
			if (e->info.kind == CAL_DAY_OFF)
				out->days_off++;
		}
	}
	return 0;
}

void period_explanation_free(struct period_explanation *e)
{
	free(e->days);
	memset(e, 0, sizeof *e);
}
