/* Scheme files: the shipped 2023 scheme as the city wrote it, and every edit an evaluator could get wrong, refused with its line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/guide_check.h"
#include "grader/letter_check.h"
#include "grader/scheme.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/scheme_support.h"


Test(scheme, the_2023_file_holds_both_tables_with_the_schemes_points)
{
	struct scheme s;
	char err[512];
	cr_assert_eq(scheme_load(src_path("grader/schemes/2023.ini"), &s, err, sizeof err), 0, "%s", err);
	cr_expect_str_eq(s.name, "2023");
	cr_expect_eq(s.pending, SCHEME_PENDING_NOT_JUDGED);
	cr_assert_eq(s.ntables, 2);
	const struct scheme_table *county = scheme_table_for_level(&s, "county");
	const struct scheme_table *dept = scheme_table_for_level(&s, "department");
	cr_assert(county && dept);
	cr_expect_str_eq(county->name, "县市区");
	cr_expect_str_eq(dept->name, "市直部门");
	cr_assert_eq(county->nindicators, 2);
	cr_expect_str_eq(county->indicators[0].name, "依申请公开");
	cr_expect_eq(county->indicators[0].points, 10);
	cr_expect_str_eq(county->indicators[1].name, "在线咨询");
	cr_expect_eq(county->indicators[1].points, 2);
	cr_expect_eq(dept->indicators[1].points, 3);

	const struct scheme_part *channel = scheme_part_find(&s, 0, "foi.channel");
	const struct scheme_part *reply = scheme_part_find(&s, 0, "foi.reply");
	const struct scheme_part *dreply = scheme_part_find(&s, 1, "foi.reply");
	cr_assert(channel && reply && dreply);
	cr_expect_str_eq(channel->name, "申请接收渠道指引规范性");
	cr_expect_eq(channel->points, 3);
	cr_expect_eq(channel->graded, SCHEME_GUIDE);
	cr_expect_str_eq(reply->name, "依申请办理答复规范性");
	cr_expect_eq(reply->points, 7);
	cr_expect_str_eq(dreply->name, "申请回复规范性");
	cr_expect_eq(dreply->points, 10);
	cr_expect_null(scheme_part_find(&s, 1, "foi.channel"), "the department table has no channel part");
	cr_expect_str_eq(reply->items[0].code, "timely");

	const struct scheme_part *q = scheme_part_find(&s, 1, "consult.question");
	cr_assert(q);
	cr_expect_eq(q->graded, SCHEME_CONSULT);
	cr_expect_eq(q->within_1_day, 50);
	cr_expect_eq(q->within_5_days, 20);
	cr_expect_eq(q->points, 1.5);
	const struct scheme_part *pub = scheme_part_find(&s, 1, "consult.publication");
	cr_assert(pub);
	cr_expect_eq(pub->graded, SCHEME_MANUAL);
	scheme_free(&s);
}

Test(scheme, every_item_the_2023_file_names_is_one_the_grader_reports)
{
	struct scheme s;
	char err[512];
	cr_assert_eq(scheme_load(src_path("grader/schemes/2023.ini"), &s, err, sizeof err), 0, "%s", err);
	size_t named = 0;
	for (size_t i = 0; i < s.nparts; i++)
		for (size_t j = 0; j < s.parts[i].nitems; j++, named++) {
			enum scheme_graded g;
			cr_expect(scheme_item_lookup(s.parts[i].items[j].code, &g));
			cr_expect_eq(g, s.parts[i].graded, "%s", s.parts[i].items[j].code);
		}
	cr_expect_eq(named, 8 + 17 + 17);
	scheme_free(&s);
	/* ...and the catalogue holds the letter items, timely, the guide items and channel.accepted. */
	cr_expect_eq(scheme_item_count(), (size_t)LETTER_ITEM_COUNT + 1 + GUIDE_ITEM_COUNT + 1);
}

Test(scheme, shares_that_do_not_add_up_are_refused_at_the_part)
{
	struct scheme_try t = scheme_try_edit("item = form.title 4\n", "item = form.title 9\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(scheme_err_at(&t, "[county.foi.reply]"), "%s", t.err);
	cr_expect(strstr(t.err, "add up to 105, not 100"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, parts_that_do_not_add_up_to_their_indicator_are_refused_at_the_indicator)
{
	struct scheme_try t = scheme_try_edit("name = 依申请办理答复规范性\npoints = 7\n",
					      "name = 依申请办理答复规范性\npoints = 6\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(scheme_err_at(&t, "indicator = foi 依申请公开 10"), "%s", t.err);
	cr_expect(strstr(t.err, "10 points, but its parts add up to 9"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, an_unknown_item_is_refused_with_its_line)
{
	struct scheme_try t = scheme_try_edit("item = form.seal 2\n", "item = form.stamp 2\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(scheme_err_at(&t, "item = form.stamp 2"), "%s", t.err);
	cr_expect(strstr(t.err, "unknown item 'form.stamp'"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, an_item_of_the_wrong_part_is_refused)
{
	struct scheme_try t = scheme_try_edit("item = channel.accepted 15\n", "item = timely 15\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(scheme_err_at(&t, "item = timely 15"), "%s", t.err);
	cr_expect(strstr(t.err, "timely is graded on an FOI reply, not in a part graded guide"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, bad_values_are_refused_with_their_line)
{
	static const struct {
		const char *from, *to, *why;
	} cases[] = {
		{"points = 3\n", "points = three\n", "points = 'three' is not a number"},
		{"points = 3\n", "points = 0x3\n", "points = '0x3' is not a number"},
		{"item = guide.notes 10\n", "item = guide.notes -10\n", "share '-10' is not a percent"},
		{"item = guide.notes 10\n", "item = guide.notes 10%\n", "share '10%' is not a percent"},
		{"graded = guide\n", "graded = letters\n", "graded = 'letters' is not allowed"},
		{"pending = not_judged\n", "pending = late\n", "pending = 'late' is not allowed"},
		{"within_5_days = 20\n", "within_5_days = 120\n", "within_5_days = '120' is not a percent"},
		{"indicator = consult 在线咨询 2\n", "indicator = consult 在线咨询\n", "expected CODE NAME POINTS"},
		{"item = form.date 3\n", "item = form.date 3 kinds=final,letterhead\n", "'letterhead' is not a document kind"},
		{"item = form.date 3\n", "item = form.date\n", "expected CODE SHARE"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct scheme_try t = scheme_try_edit(cases[i].from, cases[i].to, 1);
		cr_expect_eq(t.rc, -1, "%s was taken", cases[i].to);
		/* The line the edit made, without its line break. */
		char *line = strndup(cases[i].to, strcspn(cases[i].to, "\n"));
		cr_expect(scheme_err_at(&t, line), "%s: %s", cases[i].to, t.err);
		cr_expect(strstr(t.err, cases[i].why), "%s: %s", cases[i].to, t.err);
		free(line);
		scheme_try_free(&t);
	}
}

Test(scheme, a_question_band_that_disagrees_with_the_parts_points_is_refused)
{
	/* 60% of 在线咨询's weight 2 is 1.2 points, not the part's 1. */
	struct scheme_try t = scheme_try_edit("within_1_day = 50\nwithin_5_days = 20\n",
					      "within_1_day = 60\nwithin_5_days = 20\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(strstr(t.err, "within_1_day 60% of 在线咨询's weight 2 is 1.2 points, but points = 1"), "%s", t.err);
	scheme_try_free(&t);
	t = scheme_try_edit("within_1_day = 50\nwithin_5_days = 20\n", "within_1_day = 50\nwithin_5_days = 70\n", 1);
	cr_expect(scheme_err_at(&t, "within_5_days = 70"), "%s", t.err);
	cr_expect(strstr(t.err, "more than within_1_day"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, unknown_sections_keys_and_repeats_are_refused)
{
	static const struct {
		const char *from, *to, *at, *why;
	} cases[] = {
		{"[cutoff]\n", "[cut-off]\n", "[cut-off]", "unknown section [cut-off]"},
		{"method = 模拟测试\n", "weight = 3\n", "weight = 3", "unknown key 'weight' in part [county.foi.channel]"},
		{"[county.consult.statistics]\n", "[county.consult.publication]\n",
		 "留言公开\n\n[county.consult.publication]", "given twice"},
		{"[county.consult.statistics]\n", "[county.advice.statistics]\n", "[county.advice.statistics]",
		 "table [county] has no indicator 'advice'"},
		{"[department.foi.reply]\n", "[city.foi.reply]\n", "[city.foi.reply]", "comes before its table [city]"},
		{"item = guide.notes 10\n", "item = guide.notes 10\nitem = guide.notes 5\n", "item = guide.notes 5",
		 "given twice in [county.foi.channel]"},
		{"level = department\n", "level = county\n", "name = 市直部门\nlevel = county", "already belongs"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct scheme_try t = scheme_try_edit(cases[i].from, cases[i].to, 1);
		cr_expect_eq(t.rc, -1, "%s was taken", cases[i].to);
		cr_expect(scheme_err_at(&t, cases[i].at), "%s: %s", cases[i].to, t.err);
		cr_expect(strstr(t.err, cases[i].why), "%s: %s", cases[i].to, t.err);
		scheme_try_free(&t);
	}
}

Test(scheme, a_line_too_long_for_the_reader_is_refused_not_cut)
{
	char longsource[400] = "source = ";
	for (int i = 0; i < 70; i++)
		strcat(longsource, "政");
	strcat(longsource, "\n");
	struct scheme_try t = scheme_try_edit("method = 模拟测试\n", longsource, 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(strstr(t.err, "line longer than"), "%s", t.err);
	cr_expect(scheme_err_at(&t, "source = 政政政"), "%s", t.err);
	scheme_try_free(&t);
}

Test(scheme, a_part_with_no_items_and_a_missing_file_are_refused)
{
	struct scheme_try t = scheme_try_edit("graded = consult\n", "graded = foi\n", 1);
	cr_expect_eq(t.rc, -1);
	cr_expect(scheme_err_at(&t, "[county.consult.question]"), "%s", t.err);
	cr_expect(strstr(t.err, "lists no items"), "%s", t.err);
	scheme_try_free(&t);

	struct scheme s;
	char err[256];
	cr_expect_eq(scheme_load("/nonexistent/2023.ini", &s, err, sizeof err), SCHEME_ERR_IO);
	cr_expect(strstr(err, "/nonexistent/2023.ini: cannot open"), "%s", err);
}

Test(scheme, an_evaluator_can_edit_shares_and_limit_an_item_to_kinds)
{
	/* Moving 2 points of share from the seal to the document number still adds up. */
	struct scheme_try t = scheme_try_edit("item = form.docno 3\nitem = form.salutation 3\nitem = form.issuer 3\n"
					      "item = form.date 3\nitem = form.seal 2\n",
					      "item = form.docno 5 kinds=final,extension\nitem = form.salutation 3\n"
					      "item = form.issuer 3\nitem = form.date 3\n",
					      0);
	cr_assert_eq(t.rc, 0, "%s", t.err);
	const struct scheme_part *reply = scheme_part_find(&t.s, 0, "foi.reply");
	cr_assert(reply);
	cr_expect_eq(reply->nitems, 16);
	cr_expect_str_eq(reply->items[2].code, "form.docno");
	cr_expect_eq(reply->items[2].nkinds, 2);
	cr_expect_str_eq(reply->items[2].kinds[1], "extension");
	scheme_try_free(&t);
}
