/*
 * The planner's promises, checked over many seeds and many generated rounds rather than one
 * example: every send inside working hours on a working day of the spread (narrow windows
 * included), sends spread evenly, personas taking turns, and a unit's FOI application and its
 * question sent under two different personas.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/plan.h"
#include "tests/unit/calendar_support.h"

/* The test's own generator for the rounds it makes up (not the planner's draws). */
static uint64_t gen_state;

static uint32_t gen_below(uint32_t n)
{
	gen_state = gen_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(gen_state >> 33) % n;
}

static const char *const domain_lists[] = {"", "education", "budget procurement", "health", "civil-affairs social-assistance",
					   "employment social-security", "planning projects"};
#define NDOMAINS (sizeof domain_lists / sizeof domain_lists[0])
#define MAX_PERSONAS 16 /* foi.ini holds at most this many (harness/settings.h) */

/* A made-up round: units (some county-level with a pool), templates, personas, a window. */
struct made_round {
	struct plan_unit units[40];
	struct plan_target pools[40][5];
	struct plan_template templates[PLAN_KIND_COUNT][12];
	struct plan_input in;
};

static void make_round(struct made_round *m, const struct sched_calendar *cal, uint64_t seed)
{
	memset(m, 0, sizeof *m);
	struct plan_input *in = &m->in;
	in->unit_count = 1 + gen_below(40);
	for (size_t u = 0; u < in->unit_count; u++) {
		struct plan_unit *pu = &m->units[u];
		pu->domains = domain_lists[gen_below(NDOMAINS)];
		if (gen_below(4) == 0) {
			pu->pool_count = 1 + gen_below(5);
			for (size_t i = 0; i < pu->pool_count; i++)
				m->pools[u][i].domains = domain_lists[gen_below(NDOMAINS)];
			pu->pool = m->pools[u];
		}
	}
	in->units = m->units;
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		in->template_count[k] = 1 + gen_below(12);
		for (size_t i = 0; i < in->template_count[k]; i++)
			m->templates[k][i].domain = domain_lists[1 + gen_below(NDOMAINS - 1)];
		in->templates[k] = m->templates[k];
		in->kinds[k] = 1;
	}
	/* Now and then one kind only. */
	if (gen_below(5) == 0)
		in->kinds[gen_below(2)] = 0;
	in->persona_count = 2 + gen_below(MAX_PERSONAS - 1);
	in->cal = cal;
	in->start = day_from_ymd(2023, 1, 1) + (sched_day)gen_below(3 * 365);
	in->spread_days = 1 + (int)gen_below(30);
	/* Windows of every width, the narrowest ones (a few minutes) often. */
	in->work_start = (int)gen_below(23 * 60);
	int width = gen_below(3) == 0 ? 1 + (int)gen_below(10) : 1 + (int)gen_below(24 * 60 - in->work_start);
	in->work_end = in->work_start + width;
	if (in->work_end > 24 * 60)
		in->work_end = 24 * 60;
	in->seed = seed;
}

/* A made-up round sent from Monday 2023-09-18 over 10 days (8 working days). */
static void make_september_round(struct made_round *m, const struct sched_calendar *cal, uint64_t seed)
{
	make_round(m, cal, seed);
	m->in.start = D("2023-09-18");
	m->in.spread_days = 10;
}

/* plan_make on m; fails the test on an error other than "no working day in the spread". */
static int plan(const struct made_round *m, struct plan_item *items, size_t *n)
{
	char err[512];
	if (plan_make(&m->in, items, n, err, sizeof err) == 0)
		return 0;
	cr_assert(strstr(err, "no working day") != NULL, "plan_make failed: %s", err);
	return -1;
}

static int kinds_planned(const struct plan_input *in)
{
	return in->kinds[PLAN_FOI] + in->kinds[PLAN_CONSULT];
}

/* The calendar days of the spread that are working days. */
static size_t working_days_in_spread(const struct plan_input *in)
{
	size_t nd = 0;
	for (int i = 0; i < in->spread_days; i++)
		nd += (size_t)calendar_is_working(in->cal, in->start + i);
	return nd;
}

static void check_send_times(const struct plan_input *in, const struct plan_item *items, size_t n, uint64_t seed)
{
	size_t per_day[64] = {0};
	for (size_t i = 0; i < n; i++) {
		const struct sched_instant *t = &items[i].send_at;
		int minute = t->sec / 60;
		cr_assert(t->day >= in->start && t->day < in->start + in->spread_days,
			  "seed %llu: %s is outside the spread %s + %d days", (unsigned long long)seed, S(t->day), S(in->start),
			  in->spread_days);
		cr_assert_eq(calendar_is_working(in->cal, t->day), 1, "seed %llu: %s is not a working day",
			     (unsigned long long)seed, S(t->day));
		cr_assert(minute >= in->work_start && minute < in->work_end,
			  "seed %llu: %02d:%02d is outside the window %02d:%02d-%02d:%02d", (unsigned long long)seed,
			  minute / 60, minute % 60, in->work_start / 60, in->work_start % 60, in->work_end / 60,
			  in->work_end % 60);
		cr_assert_eq(t->sec % 60, 0, "seed %llu: a send time with seconds", (unsigned long long)seed);
		per_day[t->day - in->start]++;
	}
	/* Spread evenly: no working day of the spread gets two sends more than another. */
	size_t lo = SIZE_MAX, hi = 0;
	for (int i = 0; i < in->spread_days; i++) {
		if (!calendar_is_working(in->cal, in->start + i))
			continue;
		if (per_day[i] < lo)
			lo = per_day[i];
		if (per_day[i] > hi)
			hi = per_day[i];
	}
	cr_assert_leq(hi - lo, 1, "seed %llu: %zu sends on one working day, %zu on another", (unsigned long long)seed, hi, lo);
}

static void check_personas(const struct plan_input *in, const struct plan_item *items, size_t n, uint64_t seed)
{
	size_t used[PLAN_KIND_COUNT][MAX_PERSONAS] = {{0}};
	size_t last[PLAN_KIND_COUNT] = {SIZE_MAX, SIZE_MAX};
	for (size_t i = 0; i < n; i++) {
		const struct plan_item *it = &items[i];
		cr_assert_lt(it->persona, in->persona_count);
		used[it->kind][it->persona]++;
		/* Turns: the next unit hears from the next persona, never the same one twice running. */
		cr_assert_neq(it->persona, last[it->kind], "seed %llu: units %zu and %zu both get persona %zu for %s",
			      (unsigned long long)seed, it->unit - 1, it->unit, it->persona,
			      it->kind == PLAN_FOI ? "foi" : "consult");
		last[it->kind] = it->persona;
		/* One unit, two requests: two different applicants. */
		if (i > 0 && items[i - 1].unit == it->unit)
			cr_assert_neq(items[i - 1].persona, it->persona,
				      "seed %llu: unit %zu gets its FOI application and its question from persona %zu",
				      (unsigned long long)seed, it->unit, it->persona);
	}
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		if (!in->kinds[k])
			continue;
		size_t lo = SIZE_MAX, hi = 0;
		for (size_t p = 0; p < in->persona_count; p++) {
			lo = used[k][p] < lo ? used[k][p] : lo;
			hi = used[k][p] > hi ? used[k][p] : hi;
		}
		cr_assert_leq(hi - lo, 1, "seed %llu: one persona sends %zu, another %zu", (unsigned long long)seed, hi, lo);
	}
}

static void check_choices(const struct plan_input *in, const struct plan_item *items, size_t n, uint64_t seed)
{
	cr_assert_eq(n, in->unit_count * (size_t)kinds_planned(in), "seed %llu", (unsigned long long)seed);
	for (size_t i = 0; i < n; i++) {
		const struct plan_item *it = &items[i];
		const struct plan_unit *u = &in->units[it->unit];
		cr_assert(in->kinds[it->kind]);
		cr_assert_eq(it->unit, i / (size_t)kinds_planned(in), "items in unit order");
		if (it->kind == PLAN_FOI && u->pool_count)
			cr_assert_lt(it->pool_pick, u->pool_count, "seed %llu", (unsigned long long)seed);
		else
			cr_assert_eq(it->pool_pick, PLAN_SELF, "seed %llu: only a county's FOI request has a drawn target",
				     (unsigned long long)seed);
		cr_assert_lt(it->template_index, in->template_count[it->kind]);
	}
}

#define ROUNDS 400

Test(plan_property, every_send_falls_inside_the_window_on_a_working_day_and_days_share_evenly)
{
	struct sched_calendar *cal = cal_shipped();
	static struct made_round m;
	static struct plan_item items[40 * PLAN_KIND_COUNT];
	int planned = 0, narrow = 0;
	gen_state = 20230918;
	for (uint64_t seed = 1; seed <= ROUNDS; seed++) {
		make_round(&m, cal, seed);
		size_t n;
		if (plan(&m, items, &n) != 0) {
			cr_assert_eq(working_days_in_spread(&m.in), 0, "seed %llu: refused with working days in the spread",
				     (unsigned long long)seed);
			continue;
		}
		planned++;
		narrow += m.in.work_end - m.in.work_start <= 10;
		check_choices(&m.in, items, n, seed);
		check_send_times(&m.in, items, n, seed);
	}
	cr_assert_geq(planned, ROUNDS / 2, "most made-up rounds have a working day");
	cr_assert_geq(narrow, 20, "narrow windows were tried");
	calendar_free(cal);
}

Test(plan_property, a_five_minute_window_sends_at_its_start_whatever_the_seed)
{
	struct sched_calendar *cal = cal_shipped();
	static struct made_round m;
	static struct plan_item items[40 * PLAN_KIND_COUNT];
	gen_state = 7;
	for (uint64_t seed = 0; seed < 200; seed++) {
		make_september_round(&m, cal, seed);
		m.in.work_start = 9 * 60;
		m.in.work_end = 9 * 60 + 5; /* 09:00-09:05 */
		size_t n;
		cr_assert_eq(plan(&m, items, &n), 0);
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(items[i].send_at.sec, 9 * 3600, "seed %llu: a send at %02d:%02d in 09:00-09:05",
				     (unsigned long long)seed, items[i].send_at.sec / 3600, items[i].send_at.sec / 60 % 60);
	}
	calendar_free(cal);
}

Test(plan_property, personas_take_turns_and_a_unit_hears_from_two_of_them)
{
	struct sched_calendar *cal = cal_shipped();
	static struct made_round m;
	static struct plan_item items[40 * PLAN_KIND_COUNT];
	gen_state = 36;
	for (uint64_t seed = 1; seed <= ROUNDS; seed++) {
		make_september_round(&m, cal, seed);
		size_t n;
		cr_assert_eq(plan(&m, items, &n), 0);
		check_personas(&m.in, items, n, seed);
	}
	calendar_free(cal);
}

Test(plan_property, the_same_inputs_and_seed_give_the_same_plan)
{
	struct sched_calendar *cal = cal_shipped();
	static struct made_round m;
	static struct plan_item a[40 * PLAN_KIND_COUNT], b[40 * PLAN_KIND_COUNT];
	gen_state = 11;
	for (uint64_t seed = 1; seed <= 50; seed++) {
		make_round(&m, cal, seed);
		size_t na, nb;
		memset(a, 0, sizeof a);
		memset(b, 0, sizeof b);
		if (plan(&m, a, &na) != 0)
			continue;
		cr_assert_eq(plan(&m, b, &nb), 0);
		cr_assert_eq(na, nb);
		cr_assert(memcmp(a, b, na * sizeof *a) == 0, "seed %llu planned twice gives two plans", (unsigned long long)seed);
	}
	calendar_free(cal);
}

Test(plan_property, one_persona_never_writes_both_requests_to_one_unit)
{
	struct sched_calendar *cal = cal_shipped();
	static struct made_round m;
	static struct plan_item items[40 * PLAN_KIND_COUNT];
	char err[512];
	size_t n;
	gen_state = 1;
	make_september_round(&m, cal, 1);
	m.in.persona_count = 1;
	m.in.kinds[PLAN_FOI] = m.in.kinds[PLAN_CONSULT] = 1;
	m.units[0].pool_count = 0; /* a city department: its own FOI target */
	cr_assert_eq(plan_make(&m.in, items, &n, err, sizeof err), -1, "one persona sent both requests to unit 0");
	cr_assert(strstr(err, "one persona cannot send a unit both an FOI application and a question"), "%s", err);
	/* One kind only, or county-level units whose application goes to a department: one persona is enough. */
	m.in.kinds[PLAN_CONSULT] = 0;
	cr_assert_eq(plan_make(&m.in, items, &n, err, sizeof err), 0, "%s", err);
	m.in.kinds[PLAN_CONSULT] = 1;
	for (size_t u = 0; u < m.in.unit_count; u++) {
		m.units[u].pool_count = 1;
		m.units[u].pool = m.pools[u];
		m.pools[u][0].domains = "";
	}
	cr_assert_eq(plan_make(&m.in, items, &n, err, sizeof err), 0, "%s", err);
	calendar_free(cal);
}
