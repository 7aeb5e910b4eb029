/*
 * Rounds: a testing round begins as a plan stored in foi.db. For every evaluated unit, one
 * mock FOI application and one mock question, each with its target, template, channel,
 * persona, send time, token and the exact text that will be sent.
 *
 * round_create gathers the inputs (units, templates, personas, the calendar), lets the pure
 * planner (schedule/plan.h) choose, renders every request and stores it all in one
 * transaction. Edits before sending re-render the request and are recorded in round_edits.
 */
#ifndef FOI_ROUND_H
#define FOI_ROUND_H

#include <stddef.h>
#include <stdint.h>

#include "harness/workspace.h"
#include "schedule/calendar.h"
#include "templates/template.h"

struct round_options {
	const char *name;
	int kinds[2];          /* [0] FOI applications, [1] consultation questions */
	uint64_t seed;
	int seed_given;        /* else a random seed is drawn and recorded */
	const char *start;     /* YYYY-MM-DD, or NULL for today */
	int spread_days;
	int allow_other_domain; /* accept a template outside a unit's domains without a warning */
	/* Told each warning of the plan (a unit with no template of its domains, a consultation
	 * whose reference answer is not valid on the start day); NULL: not told. */
	void (*warn)(void *ctx, const char *text);
	void *warn_ctx;
};

/* Plans and stores a round. Returns an exit code; err filled when not FOI_EXIT_OK. */
int round_create(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
		 const struct round_options *opt, int *request_count, char *err, size_t errsz);

/* One change to one planned request; NULL fields are left as they are. */
struct round_edit {
	const char *unit;      /* evaluated unit code */
	const char *kind;      /* foi | consult; NULL with drop: every request of the unit */
	const char *template_id;
	const char *persona;   /* persona key */
	const char *send_at;   /* 'YYYY-MM-DD HH:MM' */
	int drop;              /* remove the request from the round */
};

int round_edit(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
	       const char *round, const struct round_edit *edit, char *summary, size_t summarysz,
	       char *err, size_t errsz);

#endif
