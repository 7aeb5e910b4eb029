/* Score composition under the 2023 scheme, on units as a round finds them; every expected number is computed by hand in the comments. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/scheme.h"
#include "grader/score.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/scheme_support.h"
#include "tests/unit/score_fixtures.h"

static struct scheme shipped;

static void load_shipped(void)
{
	char err[512];
	cr_assert_eq(scheme_load(src_path("grader/schemes/2023.ini"), &shipped, err, sizeof err), 0, "%s", err);
}

static void free_shipped(void)
{
	scheme_free(&shipped);
}

TestSuite(score, .init = load_shipped, .fini = free_shipped);

static const struct score_cell *cell(const struct unit_score *us, const char *code)
{
	for (size_t i = 0; i < us->ncells; i++)
		if (strcmp(us->cells[i].part->code, code) == 0)
			return &us->cells[i];
	cr_assert_fail("no cell %s", code);
	return NULL;
}

static int explained(const struct unit_score *us, const char *text)
{
	for (size_t i = 0; i < us->nexplain; i++)
		if (strstr(us->explain[i], text))
			return 1;
	return 0;
}

#define near(a, b) (fabs((a) - (b)) < 0.005)

Test(score, a_county_unit_with_a_late_reply)
{
	struct unit_score us;
	char err[256];
	cr_assert_eq(score_unit(&shipped, &fixture_county_late, &us, err, sizeof err), 0, "%s", err);
	cr_expect_eq(us.ncells, 5);
	/* Guide: present 20 + postal 15 + office 10 + email 5 + accepted 15 = 65 of 100 (phone is
	 * unknown, so still in the 100): 3 x 0.65 = 1.95. */
	const struct score_cell *ch = cell(&us, "foi.channel");
	cr_expect_eq(ch->state, CELL_SCORED);
	cr_expect(near(ch->points, 1.95), "%f", ch->points);
	cr_expect(ch->unconfirmed && ch->undecided);
	/* Reply: timely (30) fails for the late reply, remedy.periods (4) fails, form.seal (2) does
	 * not apply: 64 of 98 shares: 7 x 64 / 98 = 4.571. */
	const struct score_cell *rp = cell(&us, "foi.reply");
	cr_expect(near(rp->points, 4.571), "%f", rp->points);
	cr_expect(explained(&us, "timely 30%: fail"));
	cr_expect(explained(&us, "a late reply loses the timeliness share"));
	cr_expect(explained(&us, "form.seal 2%: does not apply"));
	/* Each passing item is worth its share of the 98 that apply: 7 x 4 / 98 = 0.29. */
	cr_expect(explained(&us, "form.title 4%: pass (automatic, unconfirmed), +0.29"));
	/* The question answered on working day 3, accurate: 20% of weight 2 = 0.4. */
	const struct score_cell *q = cell(&us, "consult.question");
	cr_expect(near(q->points, 0.4), "%f", q->points);
	cr_expect_not(q->unconfirmed, "a reviewer confirmed the accuracy");
	cr_expect(explained(&us, "within 5 working days (3.00 taken): 20% of 在线咨询's weight 2 = 0.40"));
	/* Publication entered by hand, statistics not measured (no points, not 0). */
	cr_expect_eq(cell(&us, "consult.publication")->state, CELL_ENTERED);
	cr_expect(near(cell(&us, "consult.publication")->points, 0.5));
	cr_expect_eq(cell(&us, "consult.statistics")->state, CELL_NOT_MEASURED);
	cr_expect(explained(&us, "统计情况 (0.5): not measured"));
	/* 1.95 + 4.571 + 0.4 + 0.5 = 7.42 of 3 + 7 + 1 + 0.5 = 11.5 */
	cr_expect(near(us.total, 7.421), "%f", us.total);
	cr_expect(near(us.max, 11.5), "%f", us.max);
	cr_expect(us.unconfirmed);
	unit_score_free(&us);
}

Test(score, a_department_that_never_replied)
{
	struct unit_score us;
	char err[256];
	cr_assert_eq(score_unit(&shipped, &fixture_department_silent, &us, err, sizeof err), 0, "%s", err);
	cr_expect_eq(us.ncells, 4, "the department table has no channel part");
	const struct score_cell *rp = cell(&us, "foi.reply");
	cr_expect_eq(rp->state, CELL_SCORED);
	cr_expect_eq(rp->points, 0);
	cr_expect_not(rp->unconfirmed, "no reply is a fact of the events, not an automatic judgement");
	cr_expect(explained(&us, "no reply by the deadline: 0 of 10"));
	/* Answered within 1 working day and accurate by the automatic check: 50% of 3 = 1.5, unconfirmed. */
	const struct score_cell *q = cell(&us, "consult.question");
	cr_expect(near(q->points, 1.5), "%f", q->points);
	cr_expect(q->unconfirmed);
	cr_expect(near(us.total, 1.5));
	cr_expect(near(us.max, 11.5), "the two unmeasured parts count in no maximum: %f", us.max);
	unit_score_free(&us);
}

Test(score, items_unknown_earn_nothing_until_a_reviewer_decides)
{
	struct unit_score us;
	char err[256];
	cr_assert_eq(score_unit(&shipped, &fixture_department_unreadable, &us, err, sizeof err), 0, "%s", err);
	/* Only timely (30 of 100) is known: 10 x 0.30 = 3. */
	const struct score_cell *rp = cell(&us, "foi.reply");
	cr_expect(near(rp->points, 3.0), "%f", rp->points);
	cr_expect(rp->undecided && rp->unconfirmed);
	cr_expect(explained(&us, "form.title 4%: unknown, 0 of 0.40 until a reviewer decides"));
	unit_score_free(&us);

	/* A reviewer passes every item: 10 of 10, confirmed. */
	struct item_outcome decided[16];
	struct request_outcome req = fixture_department_unreadable.requests[0];
	for (size_t i = 0; i < 16; i++)
		decided[i] = (struct item_outcome){.code = req.items[i].code, .result = ITEM_PASS, .confirmed = 1,
						   .confirmed_by = "李审"};
	req.items = decided;
	struct unit_outcome u = fixture_department_unreadable;
	u.requests = &req;
	u.nrequests = 1;
	cr_assert_eq(score_unit(&shipped, &u, &us, err, sizeof err), 0, "%s", err);
	rp = cell(&us, "foi.reply");
	cr_expect(near(rp->points, 10), "%f", rp->points);
	cr_expect_not(rp->unconfirmed);
	cr_expect(explained(&us, "form.title 4%: pass (李审), +0.40"));
	unit_score_free(&us);
}

Test(score, a_question_answered_late_or_inaccurately_scores_nothing)
{
	struct request_outcome qs[2] = {fixture_question(BAND_5, 3.0, ITEM_FAIL), fixture_question(BAND_LATE, 6.0, ITEM_PASS)};
	struct unit_outcome u = fixture_department_silent;
	u.requests = qs;
	u.nrequests = 2;
	struct unit_score us;
	char err[256];
	cr_assert_eq(score_unit(&shipped, &u, &us, err, sizeof err), 0, "%s", err);
	const struct score_cell *q = cell(&us, "consult.question");
	cr_expect_eq(q->state, CELL_SCORED);
	cr_expect_eq(q->points, 0);
	cr_expect(explained(&us, "accuracy fail"));
	cr_expect(explained(&us, "later than 5: 0 of 1.5"));
	cr_expect_eq(cell(&us, "foi.reply")->state, CELL_NO_DATA, "no application in this unit's list");
	unit_score_free(&us);
}

Test(score, a_request_pending_at_the_cutoff_follows_the_schemes_rule)
{
	struct request_outcome req = fixture_pending_application();
	struct unit_outcome u = fixture_department_silent;
	u.requests = &req;
	u.nrequests = 1;
	struct unit_score us;
	char err[256];
	/* Default: graded on what arrived (nothing yet), timeliness not judged: no data, not 0. */
	cr_assert_eq(score_unit(&shipped, &u, &us, err, sizeof err), 0, "%s", err);
	cr_expect_eq(cell(&us, "foi.reply")->state, CELL_NO_DATA);
	cr_expect(explained(&us, "timely 30%: does not apply"));
	cr_expect(explained(&us, "pending at the cutoff, timeliness not judged"));
	unit_score_free(&us);

	/* pending = no_reply: as an application with no reply. */
	struct scheme_try t = scheme_try_edit("pending = not_judged\n", "pending = no_reply\n", 1);
	cr_assert_eq(t.rc, 0, "%s", t.err);
	cr_assert_eq(score_unit(&t.s, &u, &us, err, sizeof err), 0, "%s", err);
	cr_expect_eq(cell(&us, "foi.reply")->state, CELL_SCORED);
	cr_expect_eq(cell(&us, "foi.reply")->points, 0);
	cr_expect(explained(&us, "counted as none ([cutoff] pending = no_reply)"));
	unit_score_free(&us);
	scheme_try_free(&t);
}

Test(score, an_item_limited_to_final_replies_is_left_out_of_an_extension_notice)
{
	/* form.docno limited to final replies; the reply graded is an extension notice, timely,
	 * every other item passing: 100 - 3 = 97 of 97 shares: 10 points. */
	struct scheme_try t = scheme_try_edit("item = form.docno 3\n", "item = form.docno 3 kinds=final\n", 0);
	cr_assert_eq(t.rc, 0, "%s", t.err);
	struct request_outcome req = fixture_department_unreadable.requests[0];
	struct item_outcome fail_docno[16];
	for (size_t i = 0; i < 16; i++)
		fail_docno[i] = (struct item_outcome){.code = req.items[i].code, .confirmed = 1, .confirmed_by = "李审",
						      .result = strcmp(req.items[i].code, "form.docno") ? ITEM_PASS : ITEM_FAIL};
	req.items = fail_docno;
	req.doc_kind = "extension";
	struct unit_outcome u = fixture_department_unreadable;
	u.requests = &req;
	struct unit_score us;
	char err[256];
	cr_assert_eq(score_unit(&t.s, &u, &us, err, sizeof err), 0, "%s", err);
	cr_expect(near(cell(&us, "foi.reply")->points, 10), "%f", cell(&us, "foi.reply")->points);
	unit_score_free(&us);
	/* The same reply as a final one: form.docno's failure counts, 97 of 100: 9.7. */
	req.doc_kind = "final";
	cr_assert_eq(score_unit(&t.s, &u, &us, err, sizeof err), 0, "%s", err);
	cr_expect(near(cell(&us, "foi.reply")->points, 9.7), "%f", cell(&us, "foi.reply")->points);
	unit_score_free(&us);
	scheme_try_free(&t);
}

Test(score, entries_by_hand_are_checked)
{
	struct unit_outcome u = fixture_county_late;
	struct manual_entry too_many = {.part = "consult.publication", .points = 0.8, .by = "王评"};
	u.manual = &too_many;
	u.nmanual = 1;
	struct unit_score us;
	char err[256];
	cr_expect_eq(score_unit(&shipped, &u, &us, err, sizeof err), -1);
	cr_expect(strstr(err, "C01: 0.80 points entered for consult.publication (留言公开), which has 0.5"), "%s", err);
	struct manual_entry measured = {.part = "foi.reply", .points = 5};
	u.manual = &measured;
	cr_expect_eq(score_unit(&shipped, &u, &us, err, sizeof err), -1);
	cr_expect(strstr(err, "foi.reply (依申请办理答复规范性) is measured by foi"), "%s", err);
	struct unit_outcome city = fixture_county_late;
	city.level = "city";
	cr_expect_eq(score_unit(&shipped, &city, &us, err, sizeof err), -1);
	cr_expect(strstr(err, "level 'city' is scored by no table of scheme 2023"), "%s", err);
}
