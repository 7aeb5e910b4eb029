/* A request's state, deadline and next step derived from its sending and events (see request_state.h). */
#include "schedule/request_state.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/explain.h"
#include "schedule/foi_deadline.h"

static const char *const state_names[] = {
	[RSTATE_PLANNED] = "planned",
	[RSTATE_SEND_FAILED] = "send-failed",
	[RSTATE_OUTCOME_UNKNOWN] = "outcome-unknown",
	[RSTATE_SENT] = "sent",
	[RSTATE_ACKNOWLEDGED] = "acknowledged",
	[RSTATE_SUPPLEMENT_REQUESTED] = "supplement-requested",
	[RSTATE_SUPPLIED] = "supplied",
	[RSTATE_EXTENDED] = "extended",
	[RSTATE_ANSWERED_IN_TIME] = "answered-in-time",
	[RSTATE_ANSWERED_LATE] = "answered-late",
	[RSTATE_OVERDUE] = "overdue",
	[RSTATE_BOUNCED] = "bounced",
};

static const char *const event_names[] = {
	[REQ_EVENT_ACK] = "ack",
	[REQ_EVENT_SUPPLEMENT] = "supplement",
	[REQ_EVENT_SUPPLIED] = "supplied",
	[REQ_EVENT_EXTENSION] = "extension",
	[REQ_EVENT_FINAL] = "final",
	[REQ_EVENT_BOUNCE] = "bounce",
	[REQ_EVENT_AUTO_REPLY] = "auto-reply",
};

const char *request_state_name(enum request_state s)
{
	return (size_t)s < sizeof state_names / sizeof state_names[0] ? state_names[s] : "?";
}

const char *request_event_kind_name(enum request_event_kind k)
{
	return (size_t)k < sizeof event_names / sizeof event_names[0] ? event_names[k] : "?";
}

void request_status_free(struct request_status *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		free(s->lines[i]);
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
}

/* The work of one derivation: the facts, the result, and where errors go. */
struct derive {
	const struct sched_calendar *cal;
	const struct request_facts *f;
	struct request_status *out;
	char *err;
	size_t errsz;
};

/* A growable text for one summary line. */
struct text {
	char *s;
	size_t len, cap;
	int failed;
};

__attribute__((format(printf, 2, 0))) static void text_vadd(struct text *t, const char *fmt, va_list args)
{
	va_list ap;
	va_copy(ap, args);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (t->failed || n < 0) {
		t->failed = 1;
		return;
	}
	if (t->len + (size_t)n + 1 > t->cap) {
		size_t cap = (t->len + (size_t)n + 1) * 2;
		char *grown = realloc(t->s, cap);
		if (!grown) {
			t->failed = 1;
			return;
		}
		t->s = grown;
		t->cap = cap;
	}
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, args);
	t->len += (size_t)n;
}

__attribute__((format(printf, 2, 3))) static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_vadd(t, fmt, ap);
	va_end(ap);
}

/* Appends a finished text as one explanation line (the line takes t's buffer); -1 when out of memory. */
static int push_line(struct derive *d, struct text *t)
{
	char **grown = t->failed || !t->s ? NULL : realloc(d->out->lines, (d->out->nlines + 1) * sizeof *grown);
	if (!grown) {
		free(t->s);
		snprintf(d->err, d->errsz, "out of memory");
		return -1;
	}
	d->out->lines = grown;
	d->out->lines[d->out->nlines++] = t->s;
	return 0;
}

/* Appends one explanation line; -1 when out of memory. */
__attribute__((format(printf, 2, 3))) static int say(struct derive *d, const char *fmt, ...)
{
	struct text t = {0};
	va_list ap;
	va_start(ap, fmt);
	text_vadd(&t, fmt, ap);
	va_end(ap);
	return push_line(d, &t);
}


/* "2023-09-28 Thu" */
static const char *day_text(sched_day day, char buf[32])
{
	char date[SCHED_DATE_MAX];
	day_format(day, date);
	snprintf(buf, 32, "%s %s", date, day_weekday_abbrev(day));
	return buf;
}

/* "2023-09-28 10:00 Thu" ("24:00" for the end of a day) */
static const char *instant_text(struct sched_instant t, char buf[40])
{
	char date[SCHED_DATE_MAX];
	day_format(t.day, date);
	snprintf(buf, 40, "%s %02d:%02d %s", date, t.sec / 3600, t.sec / 60 % 60, day_weekday_abbrev(t.day));
	return buf;
}

/* One line on a period: what it counted, the rest days it skipped (naming the official days
 * off) and the weekend workdays it counted. */
static int say_period(struct derive *d, const char *what, const struct period *p)
{
	struct period_explanation e;
	if (period_explain(d->cal, p, &e, d->err, d->errsz) != 0)
		return -1;
	char a[32], b[40];
	struct text t = {0};
	if (p->clock == SCHED_CLOCK_CIVIL)
		text_add(&t, "%s: %d working day%s counted from the day after %s, ending %s 24:00", what, p->days,
			 p->days == 1 ? "" : "s", day_text(p->start.day, a), day_text(p->last_day, b));
	else
		text_add(&t, "%s: %d working day%s of working time from %s, ending %s", what, p->days,
			 p->days == 1 ? "" : "s", instant_text(p->start, b), instant_text(p->end, (char[40]){0}));
	text_add(&t, "; %zu rest day%s skipped", e.skipped, e.skipped == 1 ? "" : "s");
	const char *last_name = NULL;
	for (size_t i = 0; i < e.ndays; i++) {
		const struct cal_day_info *info = &e.days[i].info;
		if (info->kind != CAL_DAY_OFF || !info->mark || !*info->mark->name)
			continue;
		if (!last_name || strcmp(last_name, info->mark->name) != 0)
			text_add(&t, "%s%s", last_name ? ", " : " (days off: ", info->mark->name);
		last_name = info->mark->name;
	}
	if (last_name)
		text_add(&t, ")");
	if (e.weekend_workdays) {
		text_add(&t, "; weekend workday%s counted:", e.weekend_workdays == 1 ? "" : "s");
		for (size_t i = 0; i < e.ndays; i++)
			if (e.days[i].info.kind == CAL_WEEKEND_WORKDAY)
				text_add(&t, " %s", day_text(e.days[i].info.day, a));
	}
	period_explanation_free(&e);
	return push_line(d, &t);
}

/* The working days from `from` to an event, under the rest-day rule, said with the rule when
 * the event fell on a rest day. */
static int days_to(struct derive *d, sched_day from, struct sched_instant at, int *days, int *rest)
{
	return civil_days_taken(d->cal, from, at, d->f->rest_rule, days, rest, d->err, d->errsz);
}

static int say_rest_rule_acted(struct derive *d, struct sched_instant at, int days)
{
	return say(d, "  %s is a rest day: reply_on_rest_day = %s, so it counts as working day %d",
		   day_weekday_name(at.day), reply_rest_rule_name(d->f->rest_rule), days);
}

static int say_event(struct derive *d, const struct request_event *ev)
{
	char a[40];
	return say(d, "event %lld: %s, %s by %s", ev->id, request_event_kind_name(ev->kind), instant_text(ev->at, a),
		   sched_channel_name(ev->channel));
}

static void set_next(struct request_status *o, const char *next, const struct period *by)
{
	o->next = next;
	o->has_next_by = by != NULL;
	if (by)
		o->next_by = by->end;
}

/* The FOI clock (条例 §30, §33). */
static int derive_foi(struct derive *d)
{
	struct request_status *o = d->out;
	const struct request_facts *f = d->f;
	char a[40], b[40];
	struct period notice, reply, ext;
	sched_day base = o->receipt.day; /* the day the 20 count from */
	if (period_after_day(d->cal, base, FOI_SUPPLEMENT_NOTICE_DAYS, &notice, d->err, d->errsz) != 0 ||
	    period_after_day(d->cal, base, FOI_REPLY_DAYS, &reply, d->err, d->errsz) != 0)
		return -1;
	if (say_period(d, "supplement window (条例 §30, 7 working days)", &notice) != 0 ||
	    say_period(d, "reply deadline (条例 §33, 20 working days)", &reply) != 0)
		return -1;
	int stopped = 0, final_seen = 0, bounced = 0;
	o->supplement_in_time = -1;
	for (size_t i = 0; i < f->nevents; i++) {
		const struct request_event *ev = &f->events[i];
		if (say_event(d, ev) != 0)
			return -1;
		if (instant_seconds(ev->at) < instant_seconds(f->sent_at)) {
			if (say(d, "  before the request was sent: left out of the count") != 0)
				return -1;
			continue;
		}
		if (final_seen && ev->kind != REQ_EVENT_BOUNCE && ev->kind != REQ_EVENT_AUTO_REPLY) {
			if (say(d, "  after the final reply: changes no deadline") != 0)
				return -1;
			continue;
		}
		int days = 0, rest = 0;
		switch (ev->kind) {
		case REQ_EVENT_ACK:
			if (o->state == RSTATE_SENT)
				o->state = RSTATE_ACKNOWLEDGED;
			break;
		case REQ_EVENT_AUTO_REPLY:
			if (say(d, "  an automatic reply: not an acknowledgement") != 0)
				return -1;
			break;
		case REQ_EVENT_BOUNCE:
			if (!final_seen) {
				bounced = 1;
				o->state = RSTATE_BOUNCED;
			}
			if (say(d, "  a delivery failure: the channel failed; not a reply") != 0)
				return -1;
			break;
		case REQ_EVENT_SUPPLEMENT:
			if (days_to(d, o->receipt.day, ev->at, &days, &rest) != 0 || (rest && say_rest_rule_acted(d, ev->at, days) != 0))
				return -1;
			if (o->supplement_in_time == 1) {
				if (say(d, "  a second request to supplement: the clock is already stopped") != 0)
					return -1;
			} else if (days <= FOI_SUPPLEMENT_NOTICE_DAYS) {
				o->supplement_in_time = 1;
				stopped = 1;
				o->state = RSTATE_SUPPLEMENT_REQUESTED;
				if (say(d, "  on working day %d of the 7 after receipt: in time (§30); the 20 working days "
					   "will run again from the day the supplement is received",
					days) != 0)
					return -1;
			} else {
				o->supplement_in_time = 0;
				if (say(d, "  on working day %d after receipt, after the 7-working-day window (§30, ended %s): "
					   "it does not restart the clock",
					days, instant_text(notice.end, a)) != 0)
					return -1;
			}
			break;
		case REQ_EVENT_SUPPLIED: {
			if (!stopped) {
				if (say(d, "  no request to supplement came in time: the deadline does not move") != 0)
					return -1;
				break;
			}
			struct receipt sr;
			if (receipt_date(d->cal, &f->receipt_rules, ev->channel, ev->at, &sr, d->err, d->errsz) != 0)
				return -1;
			stopped = 0;
			base = sr.day;
			if (period_after_day(d->cal, base, FOI_REPLY_DAYS, &reply, d->err, d->errsz) != 0)
				return -1;
			o->state = RSTATE_SUPPLIED;
			char why[256];
			receipt_reason_text(&sr, &f->receipt_rules, why, sizeof why);
			if (say(d, "  supplement received %s (%s): the 20 working days run again from it (§30)",
				day_text(sr.day, a), why) != 0 ||
			    say_period(d, "new reply deadline", &reply) != 0)
				return -1;
			break;
		}
		case REQ_EVENT_EXTENSION:
			if (stopped) {
				if (say(d, "  the clock is stopped for the supplement: nothing to extend") != 0)
					return -1;
				break;
			}
			if (o->extended) {
				if (say(d, "  already extended once: the extension adds at most 20 working days (§33)") != 0)
					return -1;
				break;
			}
			if (days_to(d, base, ev->at, &days, &rest) != 0 || (rest && say_rest_rule_acted(d, ev->at, days) != 0))
				return -1;
			if (days <= FOI_REPLY_DAYS) {
				if (period_after_day(d->cal, reply.last_day, FOI_EXTENSION_DAYS, &ext, d->err, d->errsz) != 0)
					return -1;
				o->extended = 1;
				o->state = RSTATE_EXTENDED;
				if (say(d, "  notified on working day %d of 20, before the deadline %s: +20 working days (§33)",
					days, instant_text(reply.end, a)) != 0 ||
				    say_period(d, "extended deadline", &ext) != 0)
					return -1;
			} else if (say(d, "  notified on working day %d, after the deadline %s: it does not extend (§33 "
					  "requires notice before the deadline)",
				       days, instant_text(reply.end, a)) != 0) {
				return -1;
			}
			break;
		case REQ_EVENT_FINAL: {
			final_seen = 1;
			o->replied = 1;
			o->replied_at = ev->at;
			if (days_to(d, base, ev->at, &days, &rest) != 0 || (rest && say_rest_rule_acted(d, ev->at, days) != 0))
				return -1;
			o->days_taken = days;
			int limit = o->extended ? FOI_REPLY_DAYS + FOI_EXTENSION_DAYS : FOI_REPLY_DAYS;
			int in_time = stopped || days <= limit;
			o->state = in_time ? RSTATE_ANSWERED_IN_TIME : RSTATE_ANSWERED_LATE;
			if (stopped) {
				if (say(d, "  the final reply, while the clock was stopped for the supplement: in time") != 0)
					return -1;
			} else if (say(d, "  the final reply on working day %d of %d: %s", days, limit,
				       in_time ? "in time" : "late") != 0) {
				return -1;
			}
			break;
		}
		}
	}
	if (final_seen) {
		set_next(o, bounced ? "the channel failed after the reply: check the reply" : "grade the reply", NULL);
		return 0;
	}
	if (bounced) {
		set_next(o, "the channel failed: send again by another channel", NULL);
		return 0;
	}
	if (stopped) {
		set_next(o, "waiting for the applicant's supplement: record it with 'foi reply supplied'", NULL);
		return 0;
	}
	o->has_deadline = 1;
	o->deadline = o->extended ? ext : reply;
	int now_days = 0, limit = o->extended ? FOI_REPLY_DAYS + FOI_EXTENSION_DAYS : FOI_REPLY_DAYS;
	if (days_to(d, base, f->now, &now_days, NULL) != 0)
		return -1;
	if (now_days > limit) {
		o->state = RSTATE_OVERDUE;
		set_next(o, "no final reply: overdue since the deadline", &o->deadline);
	} else {
		set_next(o, "final reply due", &o->deadline);
	}
	return say(d, "now %s: working day %d of %d; %s", instant_text(f->now, b), now_days, limit,
		   now_days > limit ? "overdue" : "not yet due");
}

/* The question bands (the 2023 scheme, 在线咨询). */
static int derive_consult(struct derive *d)
{
	struct request_status *o = d->out;
	const struct request_facts *f = d->f;
	char a[40];
	struct period band1, band5;
	if (period_from_receipt(d->cal, &o->receipt, 1, f->consult_clock, &band1, d->err, d->errsz) != 0 ||
	    period_from_receipt(d->cal, &o->receipt, 5, f->consult_clock, &band5, d->err, d->errsz) != 0)
		return -1;
	if (say(d, "clock: %s (consult_clock)", sched_clock_name(f->consult_clock)) != 0 ||
	    say_period(d, "band 1 (answered within 1 working day: 50% of the weight)", &band1) != 0 ||
	    say_period(d, "band 5 (after 1, within 5 working days: 20%)", &band5) != 0)
		return -1;
	int bounced = 0;
	for (size_t i = 0; i < f->nevents && !o->replied; i++) {
		const struct request_event *ev = &f->events[i];
		if (say_event(d, ev) != 0)
			return -1;
		if (instant_seconds(ev->at) < instant_seconds(f->sent_at)) {
			if (say(d, "  before the question was sent: left out of the count") != 0)
				return -1;
			continue;
		}
		if (ev->kind == REQ_EVENT_ACK) {
			if (o->state == RSTATE_SENT)
				o->state = RSTATE_ACKNOWLEDGED;
		} else if (ev->kind == REQ_EVENT_BOUNCE) {
			bounced = 1;
			o->state = RSTATE_BOUNCED;
			if (say(d, "  a delivery failure: the channel failed; not a reply") != 0)
				return -1;
		} else if (ev->kind == REQ_EVENT_FINAL) {
			struct reply_time t;
			int rest = 0, ignored;
			if (reply_time_measure_rule(d->cal, &o->receipt, f->consult_clock, f->rest_rule, ev->at, &t, d->err,
						    d->errsz) != 0 ||
			    civil_days_taken(d->cal, o->receipt.day, ev->at, f->rest_rule, &ignored, &rest, d->err, d->errsz) != 0)
				return -1;
			if (rest && f->consult_clock == SCHED_CLOCK_CIVIL && say_rest_rule_acted(d, ev->at, t.within_days) != 0)
				return -1;
			o->replied = 1;
			o->replied_at = ev->at;
			o->days_taken = t.within_days;
			o->has_band = 1;
			o->band = t.band;
			o->state = t.band == CONSULT_BAND_LATE ? RSTATE_ANSWERED_LATE : RSTATE_ANSWERED_IN_TIME;
			if (say(d, "  the answer, within %d working day%s: band %s", t.within_days,
				t.within_days == 1 ? "" : "s", consult_band_name(t.band)) != 0)
				return -1;
		} else if (ev->kind == REQ_EVENT_AUTO_REPLY) {
			if (say(d, "  an automatic reply: not an answer") != 0)
				return -1;
		} else if (say(d, "  no rule of the question clock: left out of the count") != 0) {
			return -1;
		}
	}
	if (o->replied) {
		set_next(o, "grade the answer (accurate?)", NULL);
		return 0;
	}
	if (bounced) {
		set_next(o, "the channel failed: ask again by another channel", NULL);
		return 0;
	}
	struct reply_time now;
	if (reply_time_measure_rule(d->cal, &o->receipt, f->consult_clock, f->rest_rule, f->now, &now, d->err,
				    d->errsz) != 0)
		return -1;
	o->has_deadline = 1;
	if (now.band == CONSULT_BAND_1) {
		o->deadline = band1;
		set_next(o, "answer for band 1 due", &band1);
	} else if (now.band == CONSULT_BAND_5) {
		o->deadline = band5;
		set_next(o, "answer for band 5 due", &band5);
	} else {
		o->deadline = band5;
		o->state = RSTATE_OVERDUE;
		set_next(o, "no answer: overdue since band 5 ended", &band5);
	}
	return say(d, "now %s: %s", instant_text(f->now, a),
		   now.band == CONSULT_BAND_LATE ? "after 5 working days, overdue" : now.band == CONSULT_BAND_1
											 ? "within band 1"
											 : "within band 5");
}

int request_status_derive(const struct sched_calendar *cal, const struct request_facts *f,
			  struct request_status *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->supplement_in_time = -1;
	struct derive d = {cal, f, out, err, errsz};
	switch (f->sent) {
	case SEND_NOT_YET:
		out->state = RSTATE_PLANNED;
		set_next(out, "send it: 'foi round send'", NULL);
		return 0;
	case SEND_FAILED:
		out->state = RSTATE_SEND_FAILED;
		set_next(out, "send again: 'foi round send NAME --retry failed'", NULL);
		return 0;
	case SEND_UNKNOWN:
		out->state = RSTATE_OUTCOME_UNKNOWN;
		set_next(out, "check whether it arrived, then 'foi request mark-sent' or 'foi request resend'", NULL);
		return 0;
	case SEND_DONE:
		break;
	}
	out->state = RSTATE_SENT;
	out->has_receipt = 1;
	char a[40], why[256];
	int rc = receipt_date(cal, &f->receipt_rules, f->channel, f->sent_at, &out->receipt, err, errsz);
	if (rc == 0) {
		receipt_reason_text(&out->receipt, &f->receipt_rules, why, sizeof why);
		rc = say(&d, "sent %s by %s; received %s (%s, 条例 §31)", instant_text(f->sent_at, a),
			 sched_channel_name(f->channel), day_text(out->receipt.day, (char[32]){0}), why);
	}
	if (rc == 0)
		rc = say(&d, "reply_on_rest_day = %s: %s", reply_rest_rule_name(f->rest_rule),
			 reply_rest_rule_text(f->rest_rule));
	if (rc == 0)
		rc = f->kind == REQUEST_KIND_FOI ? derive_foi(&d) : derive_consult(&d);
	if (rc != 0)
		request_status_free(out);
	return rc;
}
