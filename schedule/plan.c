/* The round planner: templates, personas, targets and send times, seeded (see plan.h). */
#include "schedule/plan.h"
#include "schedule/draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int plan_domains_include(const char *list, const char *code)
{
	size_t n = strlen(code);
	if (n == 0)
		return 0;
	for (const char *p = list; (p = strstr(p, code)) != NULL; p += n) {
		int starts = p == list || p[-1] == ' ';
		int ends = p[n] == '\0' || p[n] == ' ';
		if (starts && ends)
			return 1;
	}
	return 0;
}

int plan_fits(const char *unit_domains, int any_domain, const char *domain)
{
	return any_domain || plan_domains_include(unit_domains ? unit_domains : "", domain);
}

/* How well template i suits the request: its domain first, then its validity. */
static int suitability(const struct plan_template *t, const char *domains, int any_domain, int day)
{
	int valid = (!t->valid_from || day >= t->valid_from) && (!t->valid_until || day <= t->valid_until);
	return 2 * plan_fits(domains, any_domain, t->domain) + valid;
}

/*
 * The template for one request: among the most suitable, the least used so far; ties are
 * broken by the seeded draw. A unit gets one template of each kind, so never one twice.
 */
static size_t choose_template(struct draw *dr, const struct plan_template *t, size_t n, const char *domains,
			      int any_domain, int day, const unsigned *used, int *off_domain, int *stale)
{
	int top = 0;
	for (size_t i = 0; i < n; i++) {
		int s = suitability(&t[i], domains, any_domain, day);
		if (s > top)
			top = s;
	}
	unsigned best = (unsigned)-1;
	size_t ties = 0;
	for (size_t i = 0; i < n; i++) {
		if (suitability(&t[i], domains, any_domain, day) != top)
			continue;
		if (used[i] < best) {
			best = used[i];
			ties = 0;
		}
		if (used[i] == best)
			ties++;
	}
	*off_domain = top < 2;
	*stale = top % 2 == 0;
	size_t pick = (size_t)draw_below(dr, ties);
	for (size_t i = 0; i < n; i++) {
		if (suitability(&t[i], domains, any_domain, day) != top || used[i] != best)
			continue;
		if (pick-- == 0)
			return i;
	}
	return 0; /* not reached: ties >= 1 */
}

/* The working days in [start, start + spread), in order. */
static int working_days(const struct plan_input *in, sched_day **out, size_t *n, char *err, size_t errsz)
{
	sched_day *days = malloc((size_t)in->spread_days * sizeof *days);
	*n = 0;
	if (!days) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	for (int i = 0; i < in->spread_days; i++) {
		int working;
		if (calendar_check_working(in->cal, in->start + i, &working, err, errsz) != 0) {
			free(days);
			return -1;
		}
		if (working)
			days[(*n)++] = in->start + i;
	}
	if (*n == 0) {
		char from[SCHED_DATE_MAX];
		day_format(in->start, from);
		snprintf(err, errsz, "no working day in the %d days from %s: widen the spread", in->spread_days, from);
		free(days);
		return -1;
	}
	*out = days;
	return 0;
}

int plan_make(const struct plan_input *in, struct plan_item *items, size_t *count, char *err, size_t errsz)
{
	struct draw dr;
	sched_day *days = NULL;
	size_t nd = 0, n = 0;
	unsigned *used[PLAN_KIND_COUNT] = {NULL, NULL};
	size_t *order = NULL;
	int rc = -1;

	*count = 0;
	if (in->spread_days < 1 || in->work_start < 0 || in->work_end > 24 * 60 || in->work_start >= in->work_end) {
		snprintf(err, errsz, "the spread must be at least one day and the working hours a window within a day");
		return -1;
	}
	if (in->persona_count == 0) {
		snprintf(err, errsz, "no persona to send as: add a [persona.NAME] section to foi.ini");
		return -1;
	}
	/* One persona never writes twice at once to the same unit (DOMAIN.md): a unit that is its
	 * own FOI target and also gets a question needs two personas. */
	for (size_t u = 0; in->persona_count < 2 && in->kinds[PLAN_FOI] && in->kinds[PLAN_CONSULT] && u < in->unit_count; u++)
		if (in->units[u].pool_count == 0) {
			snprintf(err, errsz, "one persona cannot send a unit both an FOI application and a question: "
					     "add a second [persona.NAME] section to foi.ini, or plan one kind");
			return -1;
		}
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		if (in->kinds[k] && in->template_count[k] == 0) {
			snprintf(err, errsz, "no %s template to choose from", k == PLAN_FOI ? "FOI application" : "consultation");
			return -1;
		}
		used[k] = calloc(in->template_count[k] + 1, sizeof *used[k]);
		if (!used[k]) {
			snprintf(err, errsz, "out of memory");
			goto out;
		}
	}
	if (working_days(in, &days, &nd, err, errsz) != 0)
		goto out;

	draw_seed(&dr, in->seed);
	size_t persona_order[PLAN_MAX_PERSONAS];
	size_t np = in->persona_count < PLAN_MAX_PERSONAS ? in->persona_count : PLAN_MAX_PERSONAS;
	draw_permutation(&dr, persona_order, np);
	int sy, sm, sd;
	day_to_ymd(in->start, &sy, &sm, &sd);
	int start_ymd = sy * 10000 + sm * 100 + sd;

	for (size_t u = 0; u < in->unit_count; u++) {
		const struct plan_unit *unit = &in->units[u];
		size_t pick = unit->pool_count ? (size_t)draw_below(&dr, unit->pool_count) : PLAN_SELF;
		for (int k = 0; k < PLAN_KIND_COUNT; k++) {
			if (!in->kinds[k])
				continue;
			/* The FOI application concerns its target's work; the question, the unit's own. */
			int foi_target = k == PLAN_FOI && pick != PLAN_SELF;
			const char *domains = foi_target ? unit->pool[pick].domains : unit->domains;
			int any_domain = foi_target ? 0 : unit->any_domain;
			struct plan_item *it = &items[n++];
			it->unit = u;
			it->kind = (enum plan_kind)k;
			it->pool_pick = k == PLAN_FOI ? pick : PLAN_SELF;
			it->template_index = choose_template(&dr, in->templates[k], in->template_count[k], domains ? domains : "",
							     any_domain, start_ymd, used[k], &it->off_domain, &it->stale);
			used[k][it->template_index]++;
			/* The turn of personas, passing over one with an open request to this target, and
			 * for the question the one the application went out under. */
			uint64_t busy = foi_target ? unit->pool[pick].busy : unit->busy;
			size_t taken = k == PLAN_CONSULT && in->kinds[PLAN_FOI] && np > 1 ? items[n - 2].persona : PLAN_SELF;
			size_t j = 0;
			while (j < np && (((busy >> persona_order[(u + (size_t)k + j) % np]) & 1u) ||
					  persona_order[(u + (size_t)k + j) % np] == taken))
				j++;
			if (j == np) {
				const char *target_code = foi_target ? unit->pool[pick].code : unit->code;
				snprintf(err, errsz, "no persona is free to send %s %s: each has an open request to it already "
						     "(one persona never writes twice at once to a unit); add a [persona.NAME] "
						     "section to foi.ini", target_code ? target_code : "a unit",
					 k == PLAN_FOI ? "an FOI application" : "a question");
				goto out;
			}
			it->persona = persona_order[(u + (size_t)k + j) % np];
		}
	}

	/* Spread the sends evenly over the working days, in a seeded order. */
	order = malloc((n ? n : 1) * sizeof *order);
	if (!order) {
		snprintf(err, errsz, "out of memory");
		goto out;
	}
	draw_permutation(&dr, order, n);
	int slots = (in->work_end - in->work_start) / 5; /* send times on five-minute marks */
	if (slots < 1)
		slots = 1;
	for (size_t j = 0; j < n; j++) {
		struct plan_item *it = &items[order[j]];
		it->send_at.day = days[j * nd / n];
		it->send_at.sec = (in->work_start + 5 * (int)draw_below(&dr, (uint64_t)slots)) * 60;
	}
	*count = n;
	rc = 0;
out:
	free(order);
	free(days);
	for (int k = 0; k < PLAN_KIND_COUNT; k++)
		free(used[k]);
	return rc;
}
