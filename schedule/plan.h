/*
 * The round planner: for every unit, which template of each kind goes out, as which persona,
 * to which target, and when. Pure and seeded: the same inputs and seed give the same plan.
 *
 * The harness gathers the inputs (units, templates, personas, the calendar) and stores the
 * result; the planner only chooses:
 *  - for a county-level unit, the one county-level body the FOI test targets, drawn from the
 *    unit's pool (schedule/README.md: "1个县级");
 *  - a template per kind among those of the target's own domains (a county-level
 *    government answers for all its county's affairs, so any domain fits it), preferring
 *    consultations whose reference answer is valid on the start day, then the template used
 *    least so far in the round, so the round spreads over the template set; no unit gets
 *    one template twice. When no template of its domains exists, the item takes the least
 *    used of all and is marked off_domain, so the caller can say so (it never happens
 *    silently); an item whose consultation is not valid on the start day is marked stale;
 *  - a persona, so that not every unit hears from one name, and never one persona twice at once
 *    to the same unit (schedule/README.md): a unit's FOI application and its question go out under
 *    two, and a persona that still has an open request to a unit (from an earlier round: `busy`)
 *    is passed over for it;
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
	const char *code;    /* for messages */
	const char *domains; /* space-separated domain codes, or "" */
	uint64_t busy;       /* personas (bit i: persona i) with an open request to this body already */
};

struct plan_unit {
	const char *code;               /* for messages */
	const char *domains;            /* the unit's own domains (space-separated), or "" */
	uint64_t busy;                  /* personas with an open request to this unit (earlier rounds) */
	int any_domain;                 /* a county-level government: every domain fits it */
	const struct plan_target *pool; /* county-level unit: the bodies its FOI target is drawn from */
	size_t pool_count;              /* 0: the unit itself is the target */
};

struct plan_template {
	const char *domain;
	int valid_from, valid_until; /* YYYYMMDD days its content holds; 0: open */
};

struct plan_input {
	const struct plan_unit *units;
	size_t unit_count;
	const struct plan_template *templates[PLAN_KIND_COUNT];
	size_t template_count[PLAN_KIND_COUNT];
	int kinds[PLAN_KIND_COUNT]; /* which kinds to plan */
	size_t persona_count;           /* at most PLAN_MAX_PERSONAS */
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
	int off_domain; /* no template of the target's domains: this one is of another */
	int stale;      /* the template is not valid on the start day */
};

#define PLAN_SELF ((size_t)-1)
#define PLAN_MAX_PERSONAS 64

/*
 * Fills items (room for unit_count * PLAN_KIND_COUNT) in unit order, FOI before consult;
 * *count is how many. Returns 0, or -1 with err (no working day in the spread, a year the
 * calendar does not cover, no template of a wanted kind, no persona, one persona for both
 * kinds to a unit that is its own FOI target, no persona free of open requests to a unit).
 */
int plan_make(const struct plan_input *in, struct plan_item *items, size_t *count, char *err, size_t errsz);

/* True when the space-separated list holds code. */
int plan_domains_include(const char *list, const char *code);

/* True when a template of domain fits a unit with these domains (any_domain: every one). */
int plan_fits(const char *unit_domains, int any_domain, const char *domain);

#endif
