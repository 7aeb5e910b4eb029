/*
 * The round planner: for every unit, which template of each kind goes out, as which persona,
 * to which target, and when. Pure and seeded: the same inputs and seed give the same plan.
 *
 * The harness gathers the inputs (units, templates, personas, the calendar) and stores the
 * result; the planner only chooses:
 *  - for a county-level unit, the one county-level body the FOI test targets, drawn from the
 *    unit's pool (schedule/README.md: "1个县级");
 *  - a template per kind, preferring the target's own domains, then the template used least
 *    so far in the round, so the round spreads over the template set; no unit gets one
 *    template twice;
 *  - a persona, so that not every unit hears from one name, and never one persona twice at once
 *    to the same unit (DOMAIN.md): a unit's FOI application and its question go out under two;
 *  - a send time inside the working hours of a working day within the spread, the requests
 *    spread evenly over those days.
 */
#ifndef FOI_SCHEDULE_PLAN_H
#define FOI_SCHEDULE_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "schedule/calendar.h"
#include "schedule/day.h"

enum plan_kind { PLAN_FOI, PLAN_CONSULT, PLAN_KIND_COUNT };

struct plan_target {
	const char *domains; /* space-separated domain codes, or "" */
};

struct plan_unit {
	const char *domains;            /* the unit's own domains (space-separated), or "" */
	const struct plan_target *pool; /* county-level unit: the bodies its FOI target is drawn from */
	size_t pool_count;              /* 0: the unit itself is the target */
};

struct plan_template {
	const char *domain;
};

struct plan_input {
	const struct plan_unit *units;
	size_t unit_count;
	const struct plan_template *templates[PLAN_KIND_COUNT];
	size_t template_count[PLAN_KIND_COUNT];
	int kinds[PLAN_KIND_COUNT]; /* which kinds to plan */
	size_t persona_count;
	const struct sched_calendar *cal;
	sched_day start;     /* first day a request may go out */
	int spread_days;     /* calendar days from start over which sends are spread (>= 1) */
	int work_start, work_end; /* minutes after midnight: sends happen in [start, end) */
	uint64_t seed;
};

struct plan_item {
	size_t unit;       /* index into units */
	enum plan_kind kind;
	size_t pool_pick;  /* index into the unit's pool, or PLAN_SELF */
	size_t template_index;
	size_t persona;
	struct sched_instant send_at;
};

#define PLAN_SELF ((size_t)-1)

/*
 * Fills items (room for unit_count * PLAN_KIND_COUNT) in unit order, FOI before consult;
 * *count is how many. Returns 0, or -1 with err (no working day in the spread, a year the
 * calendar does not cover, no template of a wanted kind, no persona, one persona for both
 * kinds to a unit that is its own FOI target).
 */
int plan_make(const struct plan_input *in, struct plan_item *items, size_t *count, char *err, size_t errsz);

/* True when the space-separated list holds code. */
int plan_domains_include(const char *list, const char *code);

#endif
