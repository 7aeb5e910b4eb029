/*
 * What changes when one calendar replaces another: the days whose answer differs.
 *
 * Used when a newer calendar file is imported into a workspace, so that the import can be
 * recorded with what it changed (and a person can see at once which deadlines move).
 * A day's answer is "working", "rest" or "no data" (a year without an arrangement).
 */
#ifndef FOI_SCHEDULE_CALENDAR_DIFF_H
#define FOI_SCHEDULE_CALENDAR_DIFF_H

#include <stddef.h>

#include "schedule/calendar.h"

#define CAL_NO_DATA (-1)

struct cal_change {
	sched_day day;
	int before, after;            /* 1 working, 0 rest, CAL_NO_DATA */
	const struct cal_mark *mark;  /* the mark behind the new answer, if any (owned by `after`) */
};

/*
 * The days from `from` through `through` whose answer differs between two built calendars,
 * in date order. The caller frees *out.
 */
int calendar_diff(const struct sched_calendar *before, const struct sched_calendar *after, sched_day from,
		  sched_day through, struct cal_change **out, size_t *count, char *err, size_t errsz);

/* "working", "rest", "no data" */
const char *cal_answer_name(int answer);

#endif
