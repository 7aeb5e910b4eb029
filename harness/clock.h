/*
 * The clock: the one place foi asks what time it is, and the workspace time zone.
 *
 * "Now" is the --now option if given, else the FOI_NOW environment variable, else the
 * system clock; tests and the simulator use the overrides to make time deterministic.
 * Times given as 'YYYY-MM-DD HH:MM' are read in the workspace time zone (a setting,
 * default Asia/Shanghai) and written as ISO 8601 with the zone's offset.
 */
#ifndef FOI_CLOCK_H
#define FOI_CLOCK_H

#include <stddef.h>
#include <time.h>

#include "harness/app.h"
#include "schedule/day.h"
#include "schedule/period.h"

#define CLOCK_DEFAULT_ZONE "Asia/Shanghai"
#define CLOCK_ISO_MAX 32

/*
 * Checks the --now / FOI_NOW text and remembers it (-1 when it is not a real time); sets the
 * default zone (-2 when this machine does not know it).
 */
int clock_init(const struct foi_app *app, char *err, size_t errsz);
/* Switches to an IANA zone name; fails when the zone is unknown to this machine. */
int clock_set_zone(const char *zone, char *err, size_t errsz);
const char *clock_zone(void);

/* The current instant (seconds since the epoch). */
time_t clock_now(void);

/* Is "now" simulated (--now or FOI_NOW given)? */
int clock_simulated(void);
/* Under simulated time, moves "now" forward to t, so that a long-running command (round run)
 * steps through simulated time instead of sleeping. -1 when the clock is real or t is earlier. */
int clock_advance_to(time_t t);

/* Reads 'YYYY-MM-DD HH:MM' (or with ':SS', or 'T' between) in the current zone. */
int clock_parse_local(const char *text, time_t *out, char *err, size_t errsz);
/* Reads what clock_format_iso writes (any offset, or Z); -1 with err for anything else. */
int clock_parse_iso(const char *text, time_t *out, char *err, size_t errsz);
/* Writes 2023-09-28T10:00:00+08:00 for the current zone. */
void clock_format_iso(time_t t, char out[CLOCK_ISO_MAX]);

/* Wall-clock instants of schedule/ (a day and seconds into it) in the current zone. */
/* The instant t is on the local wall clock. */
struct sched_instant local_instant(time_t t);
/* The time_t of a wall-clock instant; (d, 86400) is 00:00 of the next day. */
time_t local_instant_time(struct sched_instant t);
/* Reads 'YYYY-MM-DD HH:MM' in the current zone. */
int local_instant_parse(const char *text, struct sched_instant *out, char *err, size_t errsz);
/* ISO 8601 with the zone's offset, e.g. 2023-11-02T00:00:00+08:00. */
void local_instant_iso(struct sched_instant t, char out[CLOCK_ISO_MAX]);
/* 'YYYY-MM-DD HH:MM', or '... 24:00' for the end of a day. */
void local_instant_text(struct sched_instant t, char *out, size_t outsz);

#endif
