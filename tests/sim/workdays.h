/*
 * When a simulated unit's reply goes out: delays in working days on the official calendar.
 *
 * The simulator loads schedule/'s working-day calendar from the shipped holiday files and
 * counts like an office does: a request that arrives on a rest day is received on the next
 * working day, and a reply "N working days later" goes out on the Nth working day after the
 * receipt day (calendar_nth_working_after), at the profile's time of day. A delay of 0 days is
 * an automatic answer: ten minutes after arrival, or at the given time that day if later.
 * Times are time_t in the process's time zone (Asia/Shanghai, set by main).
 */
#ifndef FOI_SIM_WORKDAYS_H
#define FOI_SIM_WORKDAYS_H

#include <stddef.h>
#include <time.h>

#include "schedule/calendar.h"
#include "tests/sim/profile.h"

/* The shipped calendar (every .ics of FOI_DATADIR/schedule/holidays), built. */
int workdays_load(struct sched_calendar **out, char *err, size_t errsz);

/* The local calendar day of t, and the instant of minute m (after midnight) of day d. */
sched_day workdays_day_of(time_t t);
time_t workdays_at(sched_day d, int minute);

/* The receipt day of something that arrived at t: that day if working, else the next working day. */
int workdays_receipt_day(const struct sched_calendar *cal, time_t arrived, sched_day *out,
			 char *err, size_t errsz);

/* The moment a reply with delay d goes out for what arrived at `arrived`. */
int workdays_due(const struct sched_calendar *cal, time_t arrived, const struct sim_delay *d,
		 int default_minute, time_t *out, char *err, size_t errsz);

/* The Nth working day after day d (for dates written in letters). */
int workdays_nth_after(const struct sched_calendar *cal, sched_day d, int n, sched_day *out,
		       char *err, size_t errsz);

#endif
