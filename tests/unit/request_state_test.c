/*
 * A request's state and deadlines derived from its events on the shipped calendars: the 2023
 * National Day week with its makeup weekend, a supplement in and out of its 7 working days, an
 * extension before and after the deadline, and a reply on a rest day under both settings.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "schedule/request_state.h"
#include "tests/unit/calendar_support.h"

static struct sched_calendar *cal;

static void setup(void)
{
	cal = cal_shipped();
}

static void teardown(void)
{
	calendar_free(cal);
}

TestSuite(request_state, .init = setup, .fini = teardown);

static struct sched_instant at(const char *date, int h, int m)
{
	return (struct sched_instant){D(date), h * 3600 + m * 60};
}

static struct request_event ev(enum request_event_kind kind, struct sched_instant when)
{
	static long long id;
	return (struct request_event){++id, kind, when, SCHED_CHANNEL_EMAIL};
}

static struct request_facts foi_sent(struct sched_instant sent, const struct request_event *events, size_t n,
				     struct sched_instant now)
{
	return (struct request_facts){.kind = REQUEST_KIND_FOI, .sent = SEND_DONE, .channel = SCHED_CHANNEL_EMAIL,
				      .sent_at = sent, .events = events, .nevents = n, .now = now,
				      .receipt_rules = RECEIPT_RULES_DEFAULT,
				      .rest_rule = REPLY_REST_NEXT_WORKING_DAY, .consult_clock = SCHED_CLOCK_CIVIL};
}

static void derive(const struct request_facts *f, struct request_status *s)
{
	char err[256];
	cr_assert_eq(request_status_derive(cal, f, s, err, sizeof err), 0, "%s", err);
}

/* 1 when some explanation line holds all of the (NULL-ended) words. */
static int explained(const struct request_status *s, const char *a, const char *b)
{
	for (size_t i = 0; i < s->nlines; i++)
		if (strstr(s->lines[i], a) && (!b || strstr(s->lines[i], b)))
			return 1;
	return 0;
}

static void dump(const struct request_status *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		fprintf(stderr, "  | %s\n", s->lines[i]);
}

Test(request_state, national_day_week_2023_with_its_makeup_weekend)
{
	/* Wednesday 27 September 2023: the break runs 29 Sep - 6 Oct, Saturday 7 and Sunday 8 are workdays. */
	struct request_facts f = foi_sent(at("2023-09-27", 10, 0), NULL, 0, at("2023-10-20", 9, 0));
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SENT, "%s", request_state_name(s.state));
	cr_assert_str_eq(S(s.receipt.day), "2023-09-27");
	cr_assert(s.has_deadline);
	cr_assert_str_eq(S(s.deadline.last_day), "2023-10-31", "20 working days, two of them the makeup weekend");
	cr_assert(s.has_next_by);
	cr_assert_str_eq(S(s.next_by.day), "2023-10-31");
	cr_assert(explained(&s, "reply deadline", "中秋节、国庆节假期"), "the days off are named");
	cr_assert(explained(&s, "reply deadline", "2023-10-07 Sat 2023-10-08 Sun"), "the makeup weekend is counted");
	cr_assert(explained(&s, "reply deadline", "14 rest days skipped"));
	request_status_free(&s);

	/* Still in time at 23:00 of the 20th working day, overdue the next morning. */
	f.now = at("2023-10-31", 23, 0);
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SENT);
	request_status_free(&s);
	f.now = at("2023-11-01", 9, 0);
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_OVERDUE, "%s", request_state_name(s.state));
	request_status_free(&s);
}

Test(request_state, a_supplement_on_day_6_restarts_the_clock_and_one_on_day_9_does_not)
{
	struct request_event early[] = {ev(REQ_EVENT_SUPPLEMENT, at("2023-10-11", 15, 0)),
					ev(REQ_EVENT_SUPPLIED, at("2023-10-16", 10, 0))};
	struct request_facts f = foi_sent(at("2023-09-27", 10, 0), early, 1, at("2023-10-12", 9, 0));
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SUPPLEMENT_REQUESTED, "%s", request_state_name(s.state));
	cr_assert_eq(s.supplement_in_time, 1);
	cr_assert(!s.has_deadline, "the clock is stopped until the supplement is received");
	cr_assert(explained(&s, "working day 6 of the 7", "in time"));
	request_status_free(&s);

	f.nevents = 2;
	f.now = at("2023-11-02", 9, 0); /* after the first deadline: no longer what counts */
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SUPPLIED, "%s", request_state_name(s.state));
	cr_assert_str_eq(S(s.deadline.last_day), "2023-11-13", "20 working days from the supplement's receipt");
	request_status_free(&s);

	struct request_event late[] = {ev(REQ_EVENT_SUPPLEMENT, at("2023-10-16", 15, 0)),
				       ev(REQ_EVENT_SUPPLIED, at("2023-10-17", 10, 0))};
	f = foi_sent(at("2023-09-27", 10, 0), late, 2, at("2023-11-02", 9, 0));
	derive(&f, &s);
	cr_assert_eq(s.supplement_in_time, 0);
	cr_assert_str_eq(S(s.deadline.last_day), "2023-10-31", "a late supplement request moves nothing");
	cr_assert_eq(s.state, RSTATE_OVERDUE, "%s", request_state_name(s.state));
	cr_assert(explained(&s, "working day 9", "does not restart"));
	request_status_free(&s);
}

Test(request_state, an_extension_counts_only_when_notified_before_the_deadline)
{
	struct request_event before[] = {ev(REQ_EVENT_EXTENSION, at("2023-10-30", 16, 0)),
					 ev(REQ_EVENT_FINAL, at("2023-11-20", 10, 0))};
	struct request_facts f = foi_sent(at("2023-09-27", 10, 0), before, 1, at("2023-11-02", 9, 0));
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_EXTENDED, "%s", request_state_name(s.state));
	cr_assert(s.extended);
	cr_assert_str_eq(S(s.deadline.last_day), "2023-11-28", "20 more counted on from 2023-10-31");
	request_status_free(&s);
	f.nevents = 2;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_ANSWERED_IN_TIME, "%s", request_state_name(s.state));
	cr_assert_eq(s.days_taken, 34);
	request_status_free(&s);

	struct request_event after[] = {ev(REQ_EVENT_EXTENSION, at("2023-11-01", 10, 0)),
					ev(REQ_EVENT_FINAL, at("2023-11-20", 10, 0))};
	f = foi_sent(at("2023-09-27", 10, 0), after, 2, at("2023-11-21", 9, 0));
	derive(&f, &s);
	cr_assert(!s.extended);
	cr_assert_eq(s.state, RSTATE_ANSWERED_LATE, "%s", request_state_name(s.state));
	cr_assert(explained(&s, "after the deadline", "does not extend"));
	request_status_free(&s);
}

Test(request_state, a_sunday_answer_to_a_thursday_question_under_both_settings)
{
	struct request_event answer[] = {ev(REQ_EVENT_FINAL, at("2023-11-19", 10, 0))};
	struct request_facts f = {.kind = REQUEST_KIND_CONSULT, .sent = SEND_DONE, .channel = SCHED_CHANNEL_WEB,
				  .sent_at = at("2023-11-16", 10, 0), .events = answer, .nevents = 1,
				  .now = at("2023-11-20", 9, 0), .receipt_rules = RECEIPT_RULES_DEFAULT,
				  .rest_rule = REPLY_REST_NEXT_WORKING_DAY, .consult_clock = SCHED_CLOCK_CIVIL};
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.days_taken, 2, "strictly the Sunday answer counts as Monday's");
	cr_assert_eq(s.band, CONSULT_BAND_5);
	cr_assert(explained(&s, "reply_on_rest_day = next_working_day", NULL));
	cr_assert(explained(&s, "Sunday is a rest day", "working day 2"));
	request_status_free(&s);

	f.rest_rule = REPLY_REST_AS_OF_LAST_WORKING_DAY;
	derive(&f, &s);
	cr_assert_eq(s.days_taken, 1, "one working day (Friday) had passed");
	cr_assert_eq(s.band, CONSULT_BAND_1);
	cr_assert_eq(s.state, RSTATE_ANSWERED_IN_TIME);
	cr_assert(explained(&s, "reply_on_rest_day = as_of_last_working_day", NULL));
	request_status_free(&s);
}

Test(request_state, the_rest_day_rule_applies_to_the_foi_deadline_too)
{
	/* Received Friday 3 November 2023: the 20th working day is Friday 1 December. */
	struct request_event saturday[] = {ev(REQ_EVENT_FINAL, at("2023-12-02", 11, 0))};
	struct request_facts f = foi_sent(at("2023-11-03", 10, 0), saturday, 1, at("2023-12-04", 9, 0));
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_ANSWERED_LATE, "strict: Saturday is after 24:00 of the 20th working day");
	cr_assert_eq(s.days_taken, 21);
	request_status_free(&s);
	f.rest_rule = REPLY_REST_AS_OF_LAST_WORKING_DAY;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_ANSWERED_IN_TIME);
	cr_assert_eq(s.days_taken, 20);
	request_status_free(&s);

	/* No reply yet: on that Saturday the request is overdue only under the strict reading. */
	f.nevents = 0;
	f.now = at("2023-12-02", 12, 0);
	f.rest_rule = REPLY_REST_NEXT_WORKING_DAY;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_OVERDUE);
	request_status_free(&s);
	f.rest_rule = REPLY_REST_AS_OF_LAST_WORKING_DAY;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SENT);
	request_status_free(&s);
}

Test(request_state, bounces_auto_replies_and_sending_outcomes)
{
	struct request_event bounce[] = {ev(REQ_EVENT_AUTO_REPLY, at("2023-11-06", 10, 5)),
					 ev(REQ_EVENT_BOUNCE, at("2023-11-06", 10, 6))};
	struct request_facts f = foi_sent(at("2023-11-06", 10, 0), bounce, 1, at("2023-11-07", 9, 0));
	struct request_status s;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SENT, "an auto-reply is no acknowledgement: %s", request_state_name(s.state));
	request_status_free(&s);
	f.nevents = 2;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_BOUNCED);
	cr_assert(!s.has_deadline);
	request_status_free(&s);

	f.sent = SEND_UNKNOWN;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_OUTCOME_UNKNOWN);
	cr_assert(!s.has_receipt);
	request_status_free(&s);
	f.sent = SEND_FAILED;
	derive(&f, &s);
	cr_assert_eq(s.state, RSTATE_SEND_FAILED);
	request_status_free(&s);
}

Test(request_state, a_question_not_yet_answered_moves_from_band_1_to_band_5_to_overdue)
{
	struct request_facts f = {.kind = REQUEST_KIND_CONSULT, .sent = SEND_DONE, .channel = SCHED_CHANNEL_WEB,
				  .sent_at = at("2023-11-16", 10, 0), .now = at("2023-11-17", 20, 0),
				  .receipt_rules = RECEIPT_RULES_DEFAULT, .rest_rule = REPLY_REST_NEXT_WORKING_DAY,
				  .consult_clock = SCHED_CLOCK_CIVIL};
	struct request_status s;
	derive(&f, &s);
	cr_assert_str_eq(S(s.next_by.day), "2023-11-17");
	cr_assert(strstr(s.next, "band 1"), "%s", s.next);
	request_status_free(&s);
	f.now = at("2023-11-18", 9, 0);
	derive(&f, &s);
	cr_assert(strstr(s.next, "band 5"), "%s", s.next);
	cr_assert_str_eq(S(s.next_by.day), "2023-11-23");
	cr_assert_eq(s.state, RSTATE_SENT);
	request_status_free(&s);
	f.now = at("2023-11-24", 9, 0);
	derive(&f, &s);
	if (s.state != RSTATE_OVERDUE)
		dump(&s);
	cr_assert_eq(s.state, RSTATE_OVERDUE);
	request_status_free(&s);
}
