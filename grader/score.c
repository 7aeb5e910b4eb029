/* A unit's points in each part of its scheme table, with a line of explanation for every point (rules: score.h, grader/README.md). */
#include "grader/score.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The explanation being written; a failed allocation is remembered and reported once. */
struct explain {
	char **lines;
	size_t n, cap;
	int oom;
};

__attribute__((format(printf, 2, 0))) static char *vformat(int *oom, const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0) {
		*oom = 1;
		return NULL;
	}
	return s;
}

__attribute__((format(printf, 2, 3))) static size_t say(struct explain *e, const char *fmt, ...)
{
	if (e->oom)
		return e->n;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 32;
		char **grown = realloc(e->lines, cap * sizeof *grown);
		if (!grown) {
			e->oom = 1;
			return e->n;
		}
		e->lines = grown;
		e->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(&e->oom, fmt, ap);
	va_end(ap);
	if (!s)
		return e->n;
	e->lines[e->n] = s;
	return e->n++;
}

/* Replaces line `at` (said earlier as a placeholder, so that a part's total can head it). */
__attribute__((format(printf, 3, 4))) static void resay(struct explain *e, size_t at, const char *fmt, ...)
{
	if (e->oom || at >= e->n)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(&e->oom, fmt, ap);
	va_end(ap);
	if (!s)
		return;
	free(e->lines[at]);
	e->lines[at] = s;
}

static void explain_free(struct explain *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->lines[i]);
	free(e->lines);
}

/* What a request or guide page's rubric adds up to. */
struct tally {
	double earned, applicable; /* shares */
	int unconfirmed, undecided;
};

static const struct item_outcome *find_outcome(const struct item_outcome *items, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].code && strcmp(items[i].code, code) == 0)
			return &items[i];
	return NULL;
}

static const char *who(const struct item_outcome *o)
{
	if (!o->confirmed)
		return "automatic, unconfirmed";
	return o->confirmed_by && *o->confirmed_by ? o->confirmed_by : "confirmed";
}

/* One item resolved: the outcome that counts and what to say about it. */
struct resolved {
	struct item_outcome made; /* when the outcome is computed here */
	const struct item_outcome *o;
	const char *why;
};

/* Adds one item to the tally: its share is earned on pass and left out of the part on na. */
static void count_item(struct tally *t, const struct scheme_item *it, const struct item_outcome *o)
{
	if (o->result != ITEM_NA)
		t->applicable += it->share;
	if (o->result == ITEM_PASS)
		t->earned += it->share;
	if (o->result == ITEM_UNKNOWN)
		t->undecided = 1;
	if (!o->confirmed)
		t->unconfirmed = 1;
}

/* The item's line, with the points its share is worth once the shares that apply are known. */
static void say_item(struct explain *e, const struct scheme_part *pt, const struct tally *t,
		     const struct scheme_item *it, const struct resolved *r)
{
	double worth = t->applicable > 0 ? pt->points * it->share / t->applicable : 0;
	const char *sep = r->why ? ": " : "", *why = r->why ? r->why : "";
	switch (r->o->result) {
	case ITEM_PASS:
		say(e, "      %s %g%%: pass (%s), +%.2f%s%s", it->code, it->share, who(r->o), worth, sep, why);
		break;
	case ITEM_FAIL:
		say(e, "      %s %g%%: fail (%s), 0 of %.2f%s%s", it->code, it->share, who(r->o), worth, sep, why);
		break;
	case ITEM_UNKNOWN:
		say(e, "      %s %g%%: unknown, 0 of %.2f until a reviewer decides%s%s", it->code, it->share, worth, sep, why);
		break;
	case ITEM_NA:
		say(e, "      %s %g%%: does not apply, left out of the part (%s)%s%s", it->code, it->share, who(r->o), sep,
		    why);
		break;
	}
}

static int kind_listed(const struct scheme_item *it, const char *kind)
{
	for (size_t i = 0; i < it->nkinds; i++)
		if (strcmp(it->kinds[i], kind) == 0)
			return 1;
	return 0;
}

/* What one item of a request (or of the guide page, req NULL) counts as. */
static void resolve_item(const struct scheme_item *it, const struct item_outcome *items, size_t n,
			 const struct request_outcome *req, struct resolved *r)
{
	struct item_outcome made = {.code = it->code, .confirmed = 1};
	const struct item_outcome *o;
	const char *why = NULL;
	if (req && strcmp(it->code, "timely") == 0) {
		made = score_timely(req);
		why = made.evidence;
		o = &made;
	} else if (req && it->nkinds && (!req->doc_kind || !kind_listed(it, req->doc_kind))) {
		made.result = req->doc_kind ? ITEM_NA : ITEM_UNKNOWN;
		made.confirmed = req->doc_kind != NULL;
		made.confirmed_by = "the scheme's kinds=";
		why = req->doc_kind ? "the item is limited to other kinds of document"
				    : "the reply's kind is not known, and the item is limited to some kinds";
		o = &made;
	} else if (!(o = find_outcome(items, n, it->code))) {
		if (req && req->pending) {
			made.result = ITEM_NA;
			made.confirmed_by = "pending";
			why = "pending at the cutoff: nothing arrived to grade it on";
		} else {
			made.result = ITEM_UNKNOWN;
			made.confirmed = 0;
			why = "no result recorded";
		}
		o = &made;
	} else if (o->evidence && *o->evidence) {
		why = o->evidence;
	}
	r->made = made;
	r->o = o == &made ? &r->made : o;
	r->why = why;
}

/* One request's rubric (or the guide page's, req NULL): tallied first, then said item by item. */
static int tally_rubric(const struct scheme_part *pt, const struct item_outcome *items, size_t n,
			const struct request_outcome *req, struct explain *e, struct tally *t)
{
	struct resolved *r = calloc(pt->nitems ? pt->nitems : 1, sizeof *r);
	if (!r)
		return -1;
	for (size_t i = 0; i < pt->nitems; i++) {
		resolve_item(&pt->items[i], items, n, req, &r[i]);
		count_item(t, &pt->items[i], r[i].o);
	}
	for (size_t i = 0; i < pt->nitems; i++)
		say_item(e, pt, t, &pt->items[i], &r[i]);
	free(r);
	return 0;
}

/* A part's points for one tally, and the line that says so. Returns -1 when nothing applies. */
static double tally_points(const struct scheme_part *pt, const struct tally *t, struct explain *e, const char *what)
{
	if (t->applicable <= 0) {
		say(e, "    %s: no item applies, not scored", what);
		return -1;
	}
	double pts = pt->points * t->earned / t->applicable;
	say(e, "    %s: %g%% of %g%% of the shares that apply passed: %.2f of %g", what, t->earned, t->applicable, pts,
	    pt->points);
	return pts;
}

/* What a request pending at the cutoff does, by the scheme's rule; 1 when it is skipped. */
static int pending_skipped(const struct scheme *s, const struct request_outcome *r, struct explain *e)
{
	if (!r->pending || r->replied)
		return 0;
	if (s->pending == SCHEME_PENDING_NOT_JUDGED && r->kind == REQUEST_CONSULT) {
		say(e, "    question %s: pending at the cutoff, not judged ([cutoff] pending = not_judged)", r->id);
		return 1;
	}
	return 0;
}

static void score_foi(const struct scheme *s, const struct scheme_part *pt, const struct unit_outcome *u,
		      struct explain *e, struct score_cell *c, double *sum, size_t *n)
{
	for (size_t i = 0; i < u->nrequests; i++) {
		const struct request_outcome *r = &u->requests[i];
		if (r->kind != REQUEST_FOI)
			continue;
		say(e, "    application %s to %s (%s):", r->id, r->target ? r->target : u->name,
		    r->state ? r->state : "?");
		int no_reply = !r->replied && (!r->pending || s->pending == SCHEME_PENDING_NO_REPLY);
		if (no_reply) {
			say(e, "      no reply%s: 0 of %g (an application with no reply scores 0 for reply conformity; "
			       "scheme 考评内容 回复及时性, 答复规范性; 条例 §33)",
			    r->pending ? " by the cutoff, counted as none ([cutoff] pending = no_reply)" : " by the deadline",
			    pt->points);
			(*n)++;
			continue;
		}
		struct tally t = {0};
		if (tally_rubric(pt, r->items, r->nitems, r, e, &t) != 0) {
			e->oom = 1;
			return;
		}
		char what[160];
		snprintf(what, sizeof what, "application %s", r->id);
		double pts = tally_points(pt, &t, e, what);
		if (pts < 0)
			continue;
		*sum += pts;
		(*n)++;
		c->unconfirmed |= t.unconfirmed;
		c->undecided |= t.undecided;
	}
}

static void score_consult(const struct scheme *s, const struct scheme_part *pt, const struct unit_outcome *u,
			  struct explain *e, struct score_cell *c, double *sum, size_t *n)
{
	double weight = s->tables[pt->table].indicators[pt->indicator].points;
	double p1 = weight * pt->within_1_day / 100, p5 = weight * pt->within_5_days / 100;
	for (size_t i = 0; i < u->nrequests; i++) {
		const struct request_outcome *r = &u->requests[i];
		if (r->kind != REQUEST_CONSULT || pending_skipped(s, r, e))
			continue;
		(*n)++;
		if (!r->replied) {
			say(e, "    question %s: no answer%s: 0 of %g", r->id,
			    r->pending ? " by the cutoff, counted as none ([cutoff] pending = no_reply)" : "", pt->points);
			continue;
		}
		if (r->band != BAND_1 && r->band != BAND_5) {
			say(e, "    question %s: answered after %.2f working days, later than 5: 0 of %g (scheme 在线咨询 评分细则1)",
			    r->id, r->working_days, pt->points);
			continue;
		}
		const struct item_outcome *a = &r->accuracy;
		if (!a->confirmed)
			c->unconfirmed = 1;
		if (a->result != ITEM_PASS) {
			if (a->result != ITEM_FAIL)
				c->undecided = 1;
			say(e, "    question %s: answered within %s working day%s, accuracy %s (%s): 0 of %g (only an accurate "
			       "answer scores)", r->id, r->band == BAND_1 ? "1" : "5", r->band == BAND_1 ? "" : "s",
			    item_result_name(a->result), who(a), pt->points);
			continue;
		}
		double pts = r->band == BAND_1 ? p1 : p5;
		say(e, "    question %s: accurate (%s), answered within %s working day%s (%.2f taken): %g%% of %s's "
		       "weight %g = %.2f (scheme 在线咨询 评分细则1)", r->id, who(a), r->band == BAND_1 ? "1" : "5",
		    r->band == BAND_1 ? "" : "s", r->working_days, r->band == BAND_1 ? pt->within_1_day : pt->within_5_days,
		    s->tables[pt->table].indicators[pt->indicator].name, weight, pts);
		*sum += pts;
	}
}

static int score_manual(const struct scheme_part *pt, const struct unit_outcome *u, struct explain *e,
			struct score_cell *c, char *err, size_t errsz)
{
	const struct manual_entry *m = NULL;
	for (size_t i = 0; i < u->nmanual; i++)
		if (strcmp(u->manual[i].part, pt->code) == 0)
			m = &u->manual[i];
	if (!m) {
		c->state = CELL_NOT_MEASURED;
		say(e, "    not measured by foi; no points entered (foi score set), so no points and not 0");
		return 0;
	}
	if (!(m->points >= 0 && m->points <= pt->points)) {
		snprintf(err, errsz, "unit %s: %.2f points entered for %s (%s), which has %g", u->code, m->points, pt->code,
			 pt->name, pt->points);
		return -1;
	}
	c->state = CELL_ENTERED;
	c->points = m->points;
	say(e, "    entered by hand by %s: %.2f of %g%s%s", m->by && *m->by ? m->by : "an evaluator", m->points, pt->points,
	    m->note && *m->note ? ": " : "", m->note && *m->note ? m->note : "");
	return 0;
}

/* Every entry must name a manual part of the unit's table, once. */
static int check_entries(const struct scheme *s, size_t table, const struct unit_outcome *u, char *err, size_t errsz)
{
	for (size_t i = 0; i < u->nmanual; i++) {
		const struct scheme_part *pt = scheme_part_find(s, table, u->manual[i].part);
		if (!pt) {
			snprintf(err, errsz, "unit %s: points entered for '%s', which is no part of table %s", u->code,
				 u->manual[i].part, s->tables[table].code);
			return -1;
		}
		if (pt->graded != SCHEME_MANUAL) {
			snprintf(err, errsz, "unit %s: %s (%s) is measured by foi (graded %s); only parts graded manual take "
				 "entered points", u->code, pt->code, pt->name, scheme_graded_name(pt->graded));
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(u->manual[j].part, u->manual[i].part) == 0) {
				snprintf(err, errsz, "unit %s: points entered twice for %s", u->code, pt->code);
				return -1;
			}
	}
	return 0;
}

static int score_part(const struct scheme *s, const struct scheme_part *pt, const struct unit_outcome *u,
		      struct explain *e, struct score_cell *c, char *err, size_t errsz)
{
	const struct scheme_table *t = &s->tables[pt->table];
	size_t head = say(e, "%s", "");
	c->part = pt;
	c->max = pt->points;
	double sum = 0;
	size_t n = 0;
	switch (pt->graded) {
	case SCHEME_GUIDE: {
		if (!u->nchannel) {
			say(e, "    the guide page was not checked and no channel test recorded: nothing to score yet");
			break;
		}
		struct tally tl = {0};
		if (tally_rubric(pt, u->channel_items, u->nchannel, NULL, e, &tl) != 0)
			e->oom = 1;
		double pts = tally_points(pt, &tl, e, "guide page and channel test");
		if (pts >= 0) {
			sum = pts;
			n = 1;
			c->unconfirmed = tl.unconfirmed;
			c->undecided = tl.undecided;
		}
		break;
	}
	case SCHEME_FOI:
		score_foi(s, pt, u, e, c, &sum, &n);
		break;
	case SCHEME_CONSULT:
		score_consult(s, pt, u, e, c, &sum, &n);
		break;
	case SCHEME_MANUAL:
		if (score_manual(pt, u, e, c, err, errsz) != 0)
			return -1;
		break;
	}
	if (pt->graded != SCHEME_MANUAL) {
		if (!n) {
			c->state = CELL_NO_DATA;
			if (pt->graded != SCHEME_GUIDE)
				say(e, "    no %s to score yet", pt->graded == SCHEME_FOI ? "application" : "question");
		} else {
			c->state = CELL_SCORED;
			c->points = sum / (double)n;
			if (n > 1)
				say(e, "    mean of %zu: %.2f", n, c->points);
		}
	}
	const char *result = c->state == CELL_NOT_MEASURED ? "not measured"
			   : c->state == CELL_NO_DATA	   ? "no data"
							   : NULL;
	if (result)
		resay(e, head, "%s › %s › %s (%g): %s", t->name, t->indicators[pt->indicator].name, pt->name, pt->points,
		      result);
	else
		resay(e, head, "%s › %s › %s (%g): %.2f%s%s", t->name, t->indicators[pt->indicator].name, pt->name,
		      pt->points, c->points, c->unconfirmed ? ", rests on automatic results no reviewer confirmed" : "",
		      c->undecided ? " (some unknown)" : "");
	return 0;
}

int score_unit(const struct scheme *s, const struct unit_outcome *u, struct unit_score *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->unit = u;
	const struct scheme_table *t = scheme_table_for_level(s, u->level);
	if (!t) {
		snprintf(err, errsz, "unit %s: level '%s' is scored by no table of scheme %s", u->code,
			 u->level ? u->level : "", s->name);
		return -1;
	}
	out->table = (size_t)(t - s->tables);
	if (check_entries(s, out->table, u, err, errsz) != 0)
		return -1;
	size_t nparts = 0;
	for (size_t i = 0; i < s->nparts; i++)
		nparts += s->parts[i].table == out->table;
	out->cells = calloc(nparts ? nparts : 1, sizeof *out->cells);
	if (!out->cells) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	struct explain e = {0};
	say(&e, "%s %s (%s, scheme %s)", u->code, u->name ? u->name : "", t->name, s->name);
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].table != out->table)
			continue;
		struct score_cell *c = &out->cells[out->ncells++];
		if (score_part(s, &s->parts[i], u, &e, c, err, errsz) != 0) {
			explain_free(&e);
			unit_score_free(out);
			return -1;
		}
		if (c->state == CELL_SCORED || c->state == CELL_ENTERED) {
			out->total += c->points;
			out->max += c->max;
		}
		out->unconfirmed |= c->unconfirmed;
	}
	say(&e, "total: %.2f of the %g points measured or entered%s", out->total, out->max,
	    out->unconfirmed ? " (some rest on automatic results no reviewer confirmed)" : "");
	if (e.oom) {
		explain_free(&e);
		unit_score_free(out);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	out->explain = e.lines;
	out->nexplain = e.n;
	return 0;
}

struct item_outcome score_timely(const struct request_outcome *r)
{
	/* From the round's events and the working-day calendar, not a judgement. */
	struct item_outcome o = {.code = "timely", .confirmed = 1, .confirmed_by = "deadline from the events"};
	if (r->pending && !r->replied) {
		o.result = ITEM_NA;
		o.evidence = "pending at the cutoff, timeliness not judged ([cutoff] pending = not_judged)";
	} else if (!r->replied) {
		o.result = ITEM_FAIL;
		o.evidence = "no reply by the deadline (条例 §33)";
	} else if (r->late) {
		o.result = ITEM_FAIL;
		o.evidence = "replied after the deadline: a late reply loses the timeliness share (条例 §33)";
	} else {
		o.result = ITEM_PASS;
		o.evidence = "replied within the deadline (条例 §33)";
	}
	return o;
}

void unit_score_free(struct unit_score *us)
{
	for (size_t i = 0; i < us->nexplain; i++)
		free(us->explain[i]);
	free(us->explain);
	free(us->cells);
	memset(us, 0, sizeof *us);
}

const char *item_result_name(enum item_result r)
{
	static const char *const names[] = {"pass", "fail", "na", "unknown"};
	return (unsigned)r < 4 ? names[r] : "?";
}

const char *answer_band_name(enum answer_band b)
{
	static const char *const names[] = {"none", "1", "5", "late"};
	return (unsigned)b < 4 ? names[b] : "?";
}

const char *cell_state_name(enum cell_state st)
{
	static const char *const names[] = {"scored", "entered", "not_measured", "no_data"};
	return (unsigned)st < 4 ? names[st] : "?";
}
