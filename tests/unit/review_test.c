/*
 * Grading a round's replies and the reviewers' decisions, as an evaluator and a reviewer meet
 * them: `foi grade run`, then `foi review list|show|set|accept|log` on a workspace whose round
 * has a final reply recorded (as the inbox records one: an event with the letter's text).
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/events.h"
#include "harness/store.h"
#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

#define LETTER "tests/fixtures/letters/flaw_litigation_3months.txt"

static sqlite3 *open_db(const char *dir)
{
	char path[4096], err[512];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	cr_assert_eq(store_open(path, 0, &db, err, sizeof err), 0, "%s", err);
	return db;
}

/* The id of the round's request of kind for the first unit that has one. */
static long request_of(const char *dir, const char *kind)
{
	cJSON *doc = round_show_json(dir, "r");
	const cJSON *req;
	long id = 0;
	cJSON_ArrayForEach(req, cJSON_GetObjectItem(doc, "requests"))
		if (!id && strcmp(json_str(req, "kind"), kind) == 0)
			id = (long)cJSON_GetObjectItem(req, "id")->valuedouble;
	cJSON_Delete(doc);
	cr_assert_gt(id, 0, "the round has a %s request", kind);
	return id;
}

/* Records a final reply with text, as the inbox or `foi reply add` would. */
static void add_final(const char *dir, long request, const char *text)
{
	sqlite3 *db = open_db(dir);
	char err[512];
	struct event_new ev = {.request_id = request, .kind = EVENT_FINAL, .at = "2023-10-10T15:00:00+08:00",
			       .channel = "email", .source = "hand", .text = text};
	cr_assert_eq(events_add(db, &ev, NULL, err, sizeof err), FOI_OK, "%s", err);
	store_close(db);
}

static void sql(const char *dir, const char *statement)
{
	sqlite3 *db = open_db(dir);
	char err[512];
	cr_assert_eq(store_exec(db, statement, err, sizeof err), 0, "%s", err);
	store_close(db);
}

/* A workspace with round r and the flawed letter recorded as its first FOI request's reply. */
static char *graded_round(long *request)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r --seed 11 --start 2023-09-18");
	*request = request_of(dir, "foi");
	char *letter = read_file(src_path(LETTER));
	add_final(dir, *request, letter);
	free(letter);
	struct foi_run r = run_foi(dir, "--now '2023-11-20 09:00' grade run r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 reply graded"), "%s", r.out);
	run_free(&r);
	return dir;
}

/* The name of the persona the request was sent as, from the workspace's foi.ini. */
static char *persona_name(const char *dir, long request)
{
	cJSON *doc = round_show_json(dir, "r");
	const cJSON *req;
	char section[128] = "";
	cJSON_ArrayForEach(req, cJSON_GetObjectItem(doc, "requests"))
		if ((long)cJSON_GetObjectItem(req, "id")->valuedouble == request)
			snprintf(section, sizeof section, "[persona.%s]", json_str(req, "persona"));
	cJSON_Delete(doc);
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.ini", dir);
	char *ini = read_file(path);
	const char *at = strstr(ini, section);
	cr_assert(*section && at, "%s in foi.ini", section);
	at = strstr(at, "name = ");
	cr_assert_not_null(at);
	at += strlen("name = ");
	char *name = strndup(at, strcspn(at, "\n"));
	free(ini);
	return name;
}

/* The item of `review show --json` named code. */
static const cJSON *item_of(const cJSON *doc, const char *code)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "grading"), "items"))
		if (strcmp(json_str(it, "code"), code) == 0)
			return it;
	cr_assert_fail("no item %s", code);
	return NULL;
}

static cJSON *show_json(const char *dir, long request)
{
	struct foi_run r = run_foi(dir, "review show %ld --json", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "%s", r.out);
	run_free(&r);
	return doc;
}

Test(review, grade_run_finds_what_grade_check_finds_on_the_same_letter)
{
	long request;
	char *dir = graded_round(&request);
	/* The same letter checked on its own, the way a reviewer would by hand. */
	char *applicant = persona_name(dir, request);
	struct foi_run check = run_foi(NULL, "grade check %s --applicant '%s' --json", src_path(LETTER), applicant);
	free(applicant);
	cJSON *alone = cJSON_Parse(check.out);
	cr_assert_not_null(alone);
	run_free(&check);
	int pass = 0, fail = 0, unknown = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(alone, "items")) {
		const char *res = json_str(it, "result");
		pass += !strcmp(res, "pass");
		fail += !strcmp(res, "fail");
		unknown += !strcmp(res, "unknown");
	}
	cJSON_Delete(alone);

	struct foi_run r = run_foi(dir, "review list r --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *list = cJSON_Parse(r.out);
	run_free(&r);
	cr_assert_eq(cJSON_GetArraySize(list), 1);
	const cJSON *row = cJSON_GetArrayItem(list, 0);
	cr_assert_eq((long)cJSON_GetObjectItem(row, "request")->valuedouble, request);
	cr_assert_eq(cJSON_GetObjectItem(row, "pass")->valueint, pass);
	cr_assert_eq(cJSON_GetObjectItem(row, "fail")->valueint, fail);
	cr_assert_eq(cJSON_GetObjectItem(row, "unknown")->valueint, unknown);
	cr_assert_eq(cJSON_GetObjectItem(row, "pending")->valueint, pass + fail + unknown, "nothing decided yet");
	cr_assert_str_eq(json_str(row, "reply_type"), "4");
	cJSON_Delete(list);

	/* The 3-month litigation limit is a failure the letter carries; and it greets someone
	 * other than the persona who applied. */
	cJSON *doc = show_json(dir, request);
	cr_assert_str_eq(json_str(item_of(doc, "remedy.periods"), "automatic"), "fail");
	cr_assert_str_eq(json_str(item_of(doc, "form.salutation"), "automatic"), "fail");
	cJSON_Delete(doc);

	/* Graded once: a second run leaves it. */
	r = run_foi(dir, "grade run r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "0 replies graded, 1 already graded"), "%s", r.out);
	run_free(&r);
}

Test(review, a_decision_needs_a_reviewer_and_names_an_item_the_reply_has)
{
	long request;
	char *dir = graded_round(&request);
	struct foi_run r = run_foi(dir, "review set %ld remedy.periods pass --note 'x'", request);
	cr_assert_eq(r.status, 2, "no reviewer: %s", r.err);
	cr_assert(strstr(r.err, "FOI_REVIEWER"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "review set %ld remedy.speed pass --note 'x' --reviewer 王审核", request);
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "remedy.periods"), "the error lists the items: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "review set %ld remedy.periods maybe --note 'x' --reviewer 王审核", request);
	cr_assert_eq(r.status, 2, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "review set %ld remedy.periods fail --reviewer 王审核", request);
	cr_assert_eq(r.status, 2, "a note is required: %s", r.err);
	run_free(&r);
	cJSON *doc = show_json(dir, request);
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(item_of(doc, "remedy.periods"), "decision")), "nothing refused was kept");
	cJSON_Delete(doc);
}

Test(review, a_changed_decision_is_kept_beside_the_first_and_logged_in_order)
{
	long request;
	char *dir = graded_round(&request);
	struct foi_run r = run_foi(dir, "--now '2023-11-30 10:00' review set %ld remedy.periods fail "
				   "--note '三个月是旧法期限' --reviewer 王审核", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_shell("FOI_REVIEWER=李复核 \"$FOI_BIN\" -C %s --now '2023-12-01 09:00' review set %ld remedy.periods pass "
		      "--note '复核：已另函更正'", dir, request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "fail -> pass"), "%s", r.out);
	cr_assert(strstr(r.out, "王审核"), "says whose decision it replaced: %s", r.out);
	run_free(&r);

	cJSON *doc = show_json(dir, request);
	const cJSON *it = item_of(doc, "remedy.periods");
	cr_assert_str_eq(json_str(it, "decision"), "pass");
	cr_assert_str_eq(json_str(it, "reviewer"), "李复核");
	cr_assert_str_eq(json_str(it, "automatic"), "fail", "the automatic finding is never overwritten");
	cJSON_Delete(doc);

	r = run_foi(dir, "review log %ld", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	const char *graded = strstr(r.out, "graded the reply");
	const char *first = strstr(r.out, "remedy.periods: fail (automatic: fail)");
	const char *second = strstr(r.out, "remedy.periods: fail -> pass (automatic: fail)");
	cr_assert(graded && first && second, "%s", r.out);
	cr_assert(graded < first && first < second, "in order: %s", r.out);
	cr_assert(strstr(r.out, "三个月是旧法期限") && strstr(r.out, "李复核"), "%s", r.out);
	run_free(&r);
}

Test(review, accept_confirms_what_was_found_and_leaves_unknown_and_decided_items)
{
	long request;
	char *dir = graded_round(&request);
	struct foi_run r = run_foi(dir, "review set %ld remedy.periods pass --note '已核实' --reviewer 王审核", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* Every item but the one decided by hand and the unknown ones is accepted as found. */
	cJSON *before = show_json(dir, request);
	int expected = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(cJSON_GetObjectItem(before, "grading"), "items"))
		expected += strcmp(json_str(it, "automatic"), "unknown") != 0 && strcmp(json_str(it, "code"), "remedy.periods") != 0;
	cJSON_Delete(before);
	cr_assert_gt(expected, 10);
	char says[64];
	snprintf(says, sizeof says, "%d automatic results accepted", expected);
	r = run_foi(dir, "review accept %ld --reviewer 王审核", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, says), "%s", r.out);
	cr_assert(strstr(r.out, "1 unknown item still needs"), "%s", r.out);
	run_free(&r);
	cJSON *doc = show_json(dir, request);
	cr_assert_str_eq(json_str(item_of(doc, "remedy.periods"), "decision"), "pass", "the override stays");
	cr_assert_str_eq(json_str(item_of(doc, "form.title"), "decision"), "pass");
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(item_of(doc, "form.seal"), "decision")), "unknown stays pending");
	cJSON_Delete(doc);
	r = run_foi(dir, "review list r --pending --json");
	cJSON *list = cJSON_Parse(r.out);
	cr_assert_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "pending")->valueint, 1, "%s", r.out);
	cJSON_Delete(list);
	run_free(&r);
}

Test(review, show_marks_the_evidence_in_the_letter_and_lists_the_timeline)
{
	long request;
	char *dir = graded_round(&request);
	struct foi_run r = run_foi(dir, "review show %ld", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "⟦2 广交运依复〔2023〕4号⟧"), "the document number is marked as item 2: %s", r.out);
	cr_assert(strstr(r.out, "2023-10-10T15:00:00+08:00 final"), "the timeline: %s", r.out);
	cr_assert(strstr(r.out, "remedy.periods") && strstr(r.out, "pending"), "%s", r.out);
	run_free(&r);
}

Test(review, a_newer_grader_keeps_the_old_findings_and_reopens_what_changed)
{
	long request;
	char *dir = graded_round(&request);
	struct foi_run r = run_foi(dir, "review accept %ld --reviewer 王审核", request);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* As if an older grader had made that grading, and had found the remedy periods right. */
	sql(dir, "UPDATE gradings SET grader_version = '0';"
		 "UPDATE findings SET result = 'pass' WHERE item = 'remedy.periods';"
		 "UPDATE decisions SET result = 'pass', automatic = 'pass' WHERE item = 'remedy.periods';");
	r = run_foi(dir, "grade run r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 graded before by an older version"), "%s", r.out);
	run_free(&r);
	cJSON *doc = show_json(dir, request);
	const cJSON *it = item_of(doc, "remedy.periods");
	cr_assert_str_eq(json_str(it, "automatic"), "fail");
	cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(it, "pending")), "the result it was decided on changed");
	cr_assert(cJSON_IsFalse(cJSON_GetObjectItem(item_of(doc, "form.title"), "pending")), "unchanged stays decided");
	cJSON_Delete(doc);
	r = run_foi(dir, "review log %ld", request);
	cr_assert(strstr(r.out, "grader 0") && strstr(r.out, "grader 1"), "both gradings are in the log: %s", r.out);
	run_free(&r);
}

Test(review, an_answer_to_a_question_is_graded_on_its_key_points)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r --seed 11 --start 2023-09-18");
	long request = request_of(dir, "consult");
	add_final(dir, request, "您好，您的留言已收悉，请咨询相关部门。");
	struct foi_run r = run_foi(dir, "grade run r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	cJSON *doc = show_json(dir, request);
	cr_assert_str_eq(json_str(item_of(doc, "accurate"), "automatic"), "fail", "an answer with no key point");
	cr_assert_str_eq(json_str(item_of(doc, "keypoint.1"), "automatic"), "fail");
	cJSON_Delete(doc);
}

Test(review, a_round_or_request_that_is_not_there_is_named)
{
	char *dir = round_workspace();
	struct foi_run r = run_foi(dir, "grade run nosuch");
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "nosuch"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "review show 999");
	cr_assert_eq(r.status, 3, "%s", r.err);
	run_free(&r);
	round_create_ok(dir, "r --seed 11 --start 2023-09-18");
	long request = request_of(dir, "foi");
	r = run_foi(dir, "review accept %ld --reviewer 王审核", request);
	cr_assert_eq(r.status, 2, "no reply graded yet: %s", r.err);
	cr_assert(strstr(r.err, "grade run r"), "%s", r.err);
	run_free(&r);
}
