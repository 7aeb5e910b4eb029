/* Receipt dates, periods on both clocks, FOI deadlines, reply bands and explanations. */
#include <criterion/criterion.h>
#include <string.h>

#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "schedule/explain.h"
#include "schedule/foi_deadline.h"
#include "schedule/period.h"
#include "schedule/receipt.h"
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

static struct sched_instant at(const char *date, int h, int m)
{
	return (struct sched_instant){D(date), h * 3600 + m * 60};
}

static struct receipt receive(enum sched_channel ch, struct sched_instant t, struct receipt_rules rules)
{
	struct receipt r;
	char err[256];
	cr_assert_eq(receipt_date(cal, &rules, ch, t, &r, err, sizeof err), 0, "%s", err);
	return r;
}

static struct period period_of(const struct receipt *r, int days, enum sched_clock clock)
{
	struct period p;
	char err[256];
	cr_assert_eq(period_from_receipt(cal, r, days, clock, &p, err, sizeof err), 0, "%s", err);
	return p;
}

TestSuite(calendar_period, .init = setup, .fini = teardown);

/* The acceptance example: the National Day break is skipped, its two weekend
 * workdays are counted. */
Test(calendar_period, twenty_days_across_national_day_2023)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 10, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2023-09-28");
	cr_assert_eq(r.reason, RECEIPT_WORKING_DAY);
	struct period p = period_of(&r, 20, SCHED_CLOCK_CIVIL);
	cr_assert_str_eq(S(p.last_day), "2023-11-01");
	cr_assert_str_eq(S(p.end.day), "2023-11-01");
	cr_assert_eq(p.end.sec, 86400, "ends at 24:00");

	struct period_explanation e;
	char err[256];
	cr_assert_eq(period_explain(cal, &p, &e, err, sizeof err), 0, "%s", err);
	cr_assert_eq(e.counted, 20);
	cr_assert_eq(e.weekend_workdays, 2);
	cr_assert_eq(e.days_off, 8);
	cr_assert_eq(e.skipped, 8 + 6);
	cr_assert_str_eq(S(e.days[0].info.day), "2023-09-29");
	cr_assert_eq(e.days[0].info.kind, CAL_DAY_OFF);
	cr_assert_str_eq(e.days[0].info.mark->name, "中秋节、国庆节假期");
	cr_assert_str_eq(S(e.days[8].info.day), "2023-10-07");
	cr_assert_eq(e.days[8].ordinal, 1);
	cr_assert_eq(e.days[8].info.kind, CAL_WEEKEND_WORKDAY);
	cr_assert_eq(e.days[9].ordinal, 2);
	cr_assert_eq(e.days[e.ndays - 1].ordinal, 20);
	period_explanation_free(&e);
}

Test(calendar_period, a_period_crossing_new_year)
{
	struct receipt r = receive(SCHED_CHANNEL_EMAIL, at("2023-12-20", 9, 0), RECEIPT_RULES_DEFAULT);
	struct period p = period_of(&r, 20, SCHED_CLOCK_CIVIL);
	cr_assert_str_eq(S(p.last_day), "2024-01-18");
}

Test(calendar_period, receipt_on_a_rest_day_moves_to_the_next_working_day)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-03-02", 10, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2024-03-04");
	cr_assert_eq(r.reason, RECEIPT_REST_DAY_MOVED);
	cr_assert_str_eq(S(period_of(&r, 20, SCHED_CLOCK_CIVIL).last_day), "2024-04-01");

	/* During a break, the next working day can be a Saturday workday. */
	r = receive(SCHED_CHANNEL_EMAIL, at("2023-10-01", 15, 30), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2023-10-07");
	r = receive(SCHED_CHANNEL_FAX, at("2024-02-10", 8, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2024-02-18", "Spring Festival 2024 ends with a Sunday workday");
}

Test(calendar_period, receipt_on_a_rest_day_kept_with_same_day)
{
	struct receipt_rules same = {RECEIPT_REST_SAME_DAY, -1};
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-03-02", 10, 0), same);
	cr_assert_str_eq(S(r.day), "2024-03-02");
	cr_assert_eq(r.reason, RECEIPT_REST_DAY_KEPT);
	/* One working day earlier than when the receipt moves to Monday. */
	cr_assert_str_eq(S(period_of(&r, 20, SCHED_CLOCK_CIVIL).last_day), "2024-03-29");
}

Test(calendar_period, office_hours_cutoff)
{
	struct receipt_rules cutoff = {RECEIPT_REST_NEXT_WORKING_DAY, 17 * 3600 + 30 * 60};
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 17, 29), cutoff);
	cr_assert_str_eq(S(r.day), "2023-09-28");
	r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 17, 30), cutoff);
	cr_assert_str_eq(S(r.day), "2023-10-07", "after the cutoff, and the break follows");
	cr_assert_eq(r.reason, RECEIPT_AFTER_CUTOFF);
	/* Without a cutoff (the default) a late-evening submission is received that day. */
	r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 23, 59), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2023-09-28");
}

Test(calendar_period, in_person_and_post_are_the_day_of_delivery)
{
	struct receipt_rules cutoff = {RECEIPT_REST_NEXT_WORKING_DAY, 17 * 3600};
	struct receipt r = receive(SCHED_CHANNEL_IN_PERSON, at("2024-03-02", 10, 0), cutoff);
	cr_assert_str_eq(S(r.day), "2024-03-02");
	cr_assert_eq(r.reason, RECEIPT_AS_DELIVERED);
	r = receive(SCHED_CHANNEL_POST, at("2024-03-04", 18, 0), cutoff);
	cr_assert_str_eq(S(r.day), "2024-03-04");
}

Test(calendar_period, channel_and_setting_names)
{
	enum sched_channel ch;
	cr_assert_eq(sched_channel_parse("in-person", &ch), 0);
	cr_assert_eq(ch, SCHED_CHANNEL_IN_PERSON);
	cr_assert_neq(sched_channel_parse("pigeon", &ch), 0);
	enum receipt_rest_rule rule;
	cr_assert_eq(receipt_rest_rule_parse("same_day", &rule), 0);
	cr_assert_eq(rule, RECEIPT_REST_SAME_DAY);
	cr_assert_neq(receipt_rest_rule_parse("sometimes", &rule), 0);
	int cut;
	cr_assert_eq(receipt_cutoff_parse("17:30", &cut), 0);
	cr_assert_eq(cut, 63000);
	cr_assert_eq(receipt_cutoff_parse("none", &cut), 0);
	cr_assert_eq(cut, -1);
	cr_assert_neq(receipt_cutoff_parse("25:00", &cut), 0);
	cr_assert_neq(receipt_cutoff_parse("5pm", &cut), 0);
}

/* schedule/README.md: a question at Monday 10:00 is within 1 working day until Tuesday 10:00. */
Test(calendar_period, elapsed_clock_monday_to_tuesday)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-03-04", 10, 0), RECEIPT_RULES_DEFAULT);
	struct period p = period_of(&r, 1, SCHED_CLOCK_ELAPSED);
	cr_assert_str_eq(S(p.end.day), "2024-03-05");
	cr_assert_eq(p.end.sec, 10 * 3600);
	cr_assert(period_holds(&p, at("2024-03-05", 9, 59)));
	cr_assert(!period_holds(&p, at("2024-03-05", 10, 0)));
}

Test(calendar_period, elapsed_clock_across_a_weekend)
{
	/* Friday 10:00: the weekend does not run, so one working day ends Monday 10:00. */
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-03-08", 10, 0), RECEIPT_RULES_DEFAULT);
	struct period p = period_of(&r, 1, SCHED_CLOCK_ELAPSED);
	cr_assert_str_eq(S(p.end.day), "2024-03-11");
	cr_assert_eq(p.end.sec, 10 * 3600);

	struct reply_time t;
	char err[256];
	cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_ELAPSED, at("2024-03-11", 9, 30), &t, err, sizeof err), 0);
	cr_assert_eq(t.working_seconds, 23 * 3600 + 30 * 60, "Fri 10:00-24:00 and Mon 00:00-09:30");
	cr_assert_eq(t.band, CONSULT_BAND_1);
	cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_ELAPSED, at("2024-03-11", 10, 30), &t, err, sizeof err), 0);
	cr_assert_eq(t.band, CONSULT_BAND_5);
	/* A reply on Saturday has used 14 hours of working time. */
	cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_ELAPSED, at("2024-03-09", 12, 0), &t, err, sizeof err), 0);
	cr_assert_eq(t.working_seconds, 14 * 3600);

	/* A question on Saturday starts the clock at 00:00 on Monday. */
	r = receive(SCHED_CHANNEL_WEB, at("2024-03-09", 16, 0), RECEIPT_RULES_DEFAULT);
	p = period_of(&r, 1, SCHED_CLOCK_ELAPSED);
	cr_assert_str_eq(S(p.end.day), "2024-03-11");
	cr_assert_eq(p.end.sec, 86400);
	/* Five working days from Friday 10:00 skip the weekend and end the next Friday 10:00. */
	r = receive(SCHED_CHANNEL_WEB, at("2024-03-08", 10, 0), RECEIPT_RULES_DEFAULT);
	p = period_of(&r, 5, SCHED_CLOCK_ELAPSED);
	cr_assert_str_eq(S(p.end.day), "2024-03-15");
}

Test(calendar_period, civil_reply_times_and_bands)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-03-07", 15, 0), RECEIPT_RULES_DEFAULT); /* Thu */
	struct {
		struct sched_instant reply;
		int days;
		enum consult_band band;
	} cases[] = {
		{at("2024-03-07", 18, 0), 0, CONSULT_BAND_1},  /* the receipt day */
		{at("2024-03-08", 23, 59), 1, CONSULT_BAND_1}, /* the next working day, to 24:00 */
		{at("2024-03-09", 9, 0), 2, CONSULT_BAND_5},   /* Saturday: after Friday's 24:00 */
		{at("2024-03-11", 9, 0), 2, CONSULT_BAND_5},
		{at("2024-03-14", 17, 0), 5, CONSULT_BAND_5},
		{at("2024-03-15", 8, 0), 6, CONSULT_BAND_LATE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct reply_time t;
		char err[256];
		cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_CIVIL, cases[i].reply, &t, err, sizeof err), 0,
			     "%s", err);
		cr_assert_eq(t.within_days, cases[i].days, "case %zu: %d", i, t.within_days);
		cr_assert_eq(t.band, cases[i].band, "case %zu: %s", i, consult_band_name(t.band));
	}
	struct reply_time t;
	char err[256];
	cr_assert_neq(reply_time_measure(cal, &r, SCHED_CLOCK_CIVIL, at("2024-03-07", 14, 0), &t, err, sizeof err), 0);
	cr_assert(strstr(err, "earlier than the question"), "%s", err);
}

/* A question over a holiday: asked on the eve of the Spring Festival 2024, answered after. */
Test(calendar_period, bands_across_a_break)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2024-02-09", 11, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(r.day), "2024-02-09", "除夕 2024 was a working day");
	struct reply_time t;
	char err[256];
	cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_CIVIL, at("2024-02-18", 10, 0), &t, err, sizeof err), 0);
	cr_assert_eq(t.within_days, 1, "the Sunday workday after the break is the first working day");
	cr_assert_eq(t.band, CONSULT_BAND_1);
	cr_assert_eq(reply_time_measure(cal, &r, SCHED_CLOCK_ELAPSED, at("2024-02-18", 10, 0), &t, err, sizeof err), 0);
	cr_assert_eq(t.working_seconds, 13 * 3600 + 10 * 3600);
	cr_assert_eq(t.band, CONSULT_BAND_1);
}

Test(calendar_period, foi_deadlines_with_extension)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 10, 0), RECEIPT_RULES_DEFAULT);
	struct foi_deadlines d;
	char err[256];
	cr_assert_eq(foi_deadlines_compute(cal, &r, NULL, &d, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(S(d.supplement_notice.last_day), "2023-10-13");
	cr_assert_str_eq(S(d.reply.last_day), "2023-11-01");
	cr_assert(d.has_extended);
	cr_assert_str_eq(S(d.extended.last_day), "2023-11-29", "20 more, counted on from 2023-11-01");
	cr_assert(!d.supplemented);
}

Test(calendar_period, an_extension_beyond_the_data_leaves_the_reply_deadline)
{
	/* 2026-11-20 + 20 working days is inside 2026; the extension would run into 2027. */
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2026-11-20", 10, 0), RECEIPT_RULES_DEFAULT);
	struct foi_deadlines d;
	char err[256];
	cr_assert_eq(foi_deadlines_compute(cal, &r, NULL, &d, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(S(d.reply.last_day), "2026-12-18");
	cr_assert_not(d.has_extended);
	cr_assert(strstr(d.extended_error, "2027") != NULL, "%s", d.extended_error);
}

Test(calendar_period, foi_deadline_restarts_after_a_supplement)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2023-09-28", 10, 0), RECEIPT_RULES_DEFAULT);
	struct receipt s = receive(SCHED_CHANNEL_EMAIL, at("2023-10-21", 9, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_str_eq(S(s.day), "2023-10-23", "a Saturday supplement is received on Monday");
	struct foi_deadlines d;
	char err[256];
	cr_assert_eq(foi_deadlines_compute(cal, &r, &s, &d, err, sizeof err), 0, "%s", err);
	cr_assert(d.supplemented);
	cr_assert_str_eq(S(d.supplement_notice.last_day), "2023-10-13", "still counted from the application");
	cr_assert_str_eq(S(d.reply.last_day), "2023-11-20");
	cr_assert_str_eq(S(d.extended.last_day), "2023-12-18");

	struct receipt early = receive(SCHED_CHANNEL_EMAIL, at("2023-09-01", 9, 0), RECEIPT_RULES_DEFAULT);
	cr_assert_neq(foi_deadlines_compute(cal, &r, &early, &d, err, sizeof err), 0);
}

Test(calendar_period, a_deadline_beyond_the_data_names_the_year)
{
	struct receipt r = receive(SCHED_CHANNEL_WEB, at("2026-12-15", 10, 0), RECEIPT_RULES_DEFAULT);
	struct period p;
	char err[256];
	cr_assert_neq(period_from_receipt(cal, &r, 20, SCHED_CLOCK_CIVIL, &p, err, sizeof err), 0);
	cr_assert(strstr(err, "no holiday arrangement for 2027"), "%s", err);
	cr_assert_neq(period_from_receipt(cal, &r, 20, SCHED_CLOCK_ELAPSED, &p, err, sizeof err), 0);
	cr_assert(strstr(err, "2027"), "%s", err);
	struct receipt_rules rules = RECEIPT_RULES_DEFAULT;
	cr_assert_neq(receipt_date(cal, &rules, SCHED_CHANNEL_WEB, at("2027-01-04", 9, 0), &r, err, sizeof err), 0);
	cr_assert(strstr(err, "no holiday arrangement for 2027"), "%s", err);
}

/* A calendar with a gap refuses periods that cross the missing year. */
Test(calendar_period, a_gap_year_is_not_guessed)
{
	struct sched_calendar *gap = cal_fixture("holiday-cn-2023.ics");
	char err[512];
	static const char y2025[] =
		"BEGIN:VCALENDAR\nX-FOI-COVERS:2025\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nSUMMARY:元旦假期\n"
		"END:VEVENT\nEND:VCALENDAR\n";
	cr_assert_eq(calendar_load_ics_text(gap, y2025, strlen(y2025), "2025.ics", NULL, err, sizeof err), 0, "%s", err);
	sched_day out;
	cr_assert_neq(calendar_nth_working_after(gap, D("2023-12-20"), 20, &out, err, sizeof err), 0);
	cr_assert(strstr(err, "no holiday arrangement for 2024"), "%s", err);
	cr_assert_eq(calendar_nth_working_after(gap, D("2025-01-01"), 1, &out, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(S(out), "2025-01-02");
	int n;
	cr_assert_neq(calendar_working_days_between(gap, D("2023-12-01"), D("2025-01-10"), &n, err, sizeof err), 0);
	calendar_free(gap);
}
