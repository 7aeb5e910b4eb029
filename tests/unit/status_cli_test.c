/*
 * `foi reply` and `foi status` on a workspace whose round went out (recorded through the outbox,
 * as `round send` records it) and whose replies were entered by hand: what each request's line
 * says, the filters, the explanation, the rest-day setting, and a calendar import moving an open
 * deadline.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/clock.h"
#include "harness/mail/outbox.h"
#include "harness/store.h"
#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

/* The id of the round's request for unit and kind (the plan is read once per test). */
static long request_id(const char *dir, const char *unit, const char *kind)
{
	static cJSON *plan;
	if (!plan)
		plan = round_show_json(dir, "r");
	const cJSON *q;
	long id = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		if (strcmp(json_str(q, "unit"), unit) == 0 && strcmp(json_str(q, "kind"), kind) == 0)
			id = (long)cJSON_GetObjectItem(q, "id")->valuedouble;
	}
	cr_assert_gt(id, 0, "no %s request for %s", kind, unit);
	return id;
}

/* Records the request as sent at `when` through the outbox, as a sending run does. */
static void mark_sent(const char *dir, long id, const char *when)
{
	struct foi_app app = {.progname = "foi", .now_text = when};
	char err[1024], path[4096];
	cr_assert_eq(clock_init(&app, err, sizeof err), 0, "%s", err);
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	cr_assert_eq(store_open(path, 0, &db, err, sizeof err), 0, "%s", err);
	struct outbox_claim c = {.request_id = id, .from_state = "planned", .channel = "web",
				 .address = "https://example.invalid/form"};
	int64_t attempt;
	cr_assert_eq(outbox_claim(db, &c, &attempt, err, sizeof err), FOI_OK, "%s", err);
	cr_assert_eq(outbox_finish(db, attempt, OUTBOX_SENT, "Q2023", "", err, sizeof err), FOI_OK, "%s", err);
	store_close(db);
}

static void ok(const char *dir, const char *cmdline)
{
	struct foi_run r = run_foi(dir, "%s", cmdline);
	cr_assert_eq(r.status, 0, "%s: %s%s", cmdline, r.out, r.err);
	run_free(&r);
}

static void reply(const char *dir, long id, const char *kind, const char *received)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "--now '2023-11-21 08:00' reply add %ld --kind %s --received '%s'", id, kind, received);
	ok(dir, cmd);
}

/* A round on the shipped units; the FOI applications to C01-C05 sent Wednesday 27 September 2023
 * (the National Day week follows), questions later; D01's application is never sent. */
static char *world(void)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r --seed 7 --start 2023-09-26");
	const char *units[] = {"C01", "C02", "C03", "C04", "C05"};
	for (size_t i = 0; i < 5; i++)
		mark_sent(dir, request_id(dir, units[i], "foi"), "2023-09-27 10:00");
	mark_sent(dir, request_id(dir, "C01", "consult"), "2023-10-26 10:00"); /* a Thursday */
	mark_sent(dir, request_id(dir, "C02", "consult"), "2023-11-20 10:00");
	mark_sent(dir, request_id(dir, "C03", "consult"), "2023-11-06 10:00");

	long c01 = request_id(dir, "C01", "foi"), c02 = request_id(dir, "C02", "foi");
	reply(dir, c01, "supplement", "2023-10-11 15:00"); /* working day 6 */
	char cmd[256];
	snprintf(cmd, sizeof cmd, "--now '2023-11-21 08:00' reply supplied %ld --at '2023-10-16 10:00'", c01);
	ok(dir, cmd);
	reply(dir, c01, "final", "2023-11-10 16:00");
	reply(dir, c02, "supplement", "2023-10-16 15:00"); /* working day 9 */
	snprintf(cmd, sizeof cmd, "--now '2023-11-21 08:00' reply supplied %ld --at '2023-10-17 10:00'", c02);
	ok(dir, cmd);
	reply(dir, request_id(dir, "C03", "foi"), "extension", "2023-10-30 16:00");
	long c04 = request_id(dir, "C04", "foi");
	reply(dir, c04, "extension", "2023-11-01 10:00");
	reply(dir, c04, "final", "2023-11-20 10:00");
	reply(dir, request_id(dir, "C05", "foi"), "final", "2023-10-20 10:00");
	reply(dir, request_id(dir, "C01", "consult"), "final", "2023-10-29 10:00"); /* a Sunday */
	return dir;
}

static cJSON *status_json(const char *dir, const char *args)
{
	struct foi_run r = run_foi(dir, "--now '2023-11-21 09:00' status r --json %s", args);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "%s", r.out);
	run_free(&r);
	return doc;
}

static const cJSON *entry(const cJSON *doc, long id)
{
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		if ((long)cJSON_GetObjectItem(q, "id")->valuedouble == id)
			return q;
	}
	return NULL;
}

/* The string member (or "null"). */
static const char *field(const cJSON *q, const char *key)
{
	const cJSON *v = cJSON_GetObjectItem(q, key);
	cr_assert_not_null(v, "no %s", key);
	return cJSON_IsNull(v) ? "null" : v->valuestring;
}

static void expect(const cJSON *doc, long id, const char *state, const char *deadline, int days, const char *band)
{
	const cJSON *q = entry(doc, id);
	cr_assert_not_null(q, "request %ld is listed", id);
	cr_assert_str_eq(field(q, "state"), state, "request %ld (%s)", id, field(q, "unit"));
	cr_assert_str_eq(field(q, "deadline_date"), deadline, "request %ld (%s)", id, field(q, "unit"));
	const cJSON *wd = cJSON_GetObjectItem(q, "working_days");
	if (days < 0)
		cr_assert(cJSON_IsNull(wd), "request %ld took no days yet", id);
	else
		cr_assert_eq((int)wd->valuedouble, days, "request %ld (%s): %d", id, field(q, "unit"), (int)wd->valuedouble);
	cr_assert_str_eq(field(q, "band"), band, "request %ld", id);
}

Test(status_cli, every_request_says_what_its_events_and_the_clock_make_of_it, .timeout = 120)
{
	char *dir = world();
	cJSON *doc = status_json(dir, "");
	cr_assert_str_eq(field(doc, "reply_on_rest_day"), "next_working_day");
	/* Supplement on day 6, supplied 16 October: 20 days from then; answered on day 19 of them. */
	expect(doc, request_id(dir, "C01", "foi"), "answered-in-time", "null", 19, "null");
	cr_assert_str_eq(field(entry(doc, request_id(dir, "C01", "foi")), "received"), "2023-09-27");
	/* Supplement on day 9: too late to restart anything; the first deadline has passed. */
	expect(doc, request_id(dir, "C02", "foi"), "overdue", "2023-10-31", -1, "null");
	/* Extension notified on day 19: 20 more from 31 October. */
	expect(doc, request_id(dir, "C03", "foi"), "extended", "2023-11-28", -1, "null");
	cr_assert_str_eq(field(entry(doc, request_id(dir, "C03", "foi")), "next_by"), "2023-11-29T00:00:00+08:00");
	/* Extension notified after the deadline extends nothing: a reply on day 34 is late. */
	expect(doc, request_id(dir, "C04", "foi"), "answered-late", "null", 34, "null");
	/* 13 working days, two of them the makeup weekend of 7-8 October. */
	expect(doc, request_id(dir, "C05", "foi"), "answered-in-time", "null", 13, "null");
	expect(doc, request_id(dir, "D01", "foi"), "planned", "null", -1, "null");
	/* The Sunday answer to a Thursday question: strictly Monday's, so band 5. */
	expect(doc, request_id(dir, "C01", "consult"), "answered-in-time", "null", 2, "5");
	expect(doc, request_id(dir, "C02", "consult"), "sent", "2023-11-21", -1, "null");
	cr_assert(strstr(field(entry(doc, request_id(dir, "C02", "consult")), "next"), "band 1"));
	expect(doc, request_id(dir, "C03", "consult"), "overdue", "2023-11-13", -1, "null");
	cJSON_Delete(doc);

	/* The people's table says the same. */
	struct foi_run r = run_foi(dir, "--now '2023-11-21 09:00' status r --unit C03");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "extended") && strstr(r.out, "final reply due (by 2023-11-28 24:00)"), "%s", r.out);
	cr_assert(!strstr(r.out, "C01"), "--unit keeps one unit:\n%s", r.out);
	run_free(&r);
}

/* The ids of the requests a filtered status lists, sorted, as "3 8". */
static char *listed(const char *dir, const char *args)
{
	cJSON *doc = status_json(dir, args);
	static char out[256];
	out[0] = '\0';
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(doc, "requests")) {
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s-%s", len ? " " : "", field(q, "unit"), field(q, "kind"));
	}
	cJSON_Delete(doc);
	return out;
}

Test(status_cli, overdue_and_due_within_pick_the_requests_a_person_must_chase, .timeout = 120)
{
	char *dir = world();
	cr_assert_str_eq(listed(dir, "--overdue"), "C02-foi C03-consult");
	/* From Tuesday 21 November: C02's question is due tonight (band 1), C03's extension in 5 working days. */
	cr_assert_str_eq(listed(dir, "--due-within 5"), "C02-consult C03-foi");
	cr_assert_str_eq(listed(dir, "--due-within 4"), "C02-consult");
	cr_assert_str_eq(listed(dir, "--overdue --unit C02"), "C02-foi");
}

Test(status_cli, explain_shows_every_event_and_how_each_deadline_was_worked_out, .timeout = 120)
{
	char *dir = world();
	long c02 = request_id(dir, "C02", "foi");
	struct foi_run r = run_foi(dir, "--now '2023-11-21 09:00' status r --explain %ld", c02);
	cr_assert_eq(r.status, 0, "%s", r.err);
	const char *want[] = {
		"state      overdue",
		"received 2023-09-27 Wed (submitted on a working day, 条例 §31)",
		"reply_on_rest_day = next_working_day",
		"ending 2023-10-31 Tue 24:00; 14 rest days skipped (days off: 中秋节、国庆节假期); weekend workdays counted: "
		"2023-10-07 Sat 2023-10-08 Sun",
		"supplement, 2023-10-16 15:00 Mon by post",
		"on working day 9 after receipt, after the 7-working-day window",
		"supplied, 2023-10-17 10:00 Tue",
		"no request to supplement came in time: the deadline does not move",
		"calendar   2023-2026: shipped:",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		cr_assert(strstr(r.out, want[i]), "missing '%s' in:\n%s", want[i], r.out);
	run_free(&r);

	r = run_foi(dir, "--now '2023-11-21 09:00' status r --explain %ld --json", request_id(dir, "C03", "foi"));
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "event_list")), 1);
	int said = 0;
	const cJSON *line;
	cJSON_ArrayForEach(line, cJSON_GetObjectItem(doc, "explanation"))
		said |= strstr(line->valuestring, "notified on working day 19 of 20, before the deadline") != NULL;
	cr_assert(said, "%s", r.out);
	cJSON_Delete(doc);
	run_free(&r);

	r = run_foi(dir, "--now '2023-11-21 09:00' status r --explain 999");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "round r has no request 999"), "%s", r.err);
	run_free(&r);
}

Test(status_cli, reply_on_rest_day_as_of_last_working_day_changes_the_band, .timeout = 120)
{
	char *dir = world();
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.ini", dir);
	char *text = read_file(path);
	cr_assert_not_null(text);
	char *at = strstr(text, "reply_on_rest_day = next_working_day");
	cr_assert_not_null(at, "config.example.ini documents the setting");
	*at = '\0';
	char *revised = NULL;
	cr_assert_gt(asprintf(&revised, "%sreply_on_rest_day = as_of_last_working_day%s", text,
			      at + strlen("reply_on_rest_day = next_working_day")),
		     0);
	write_file(dir, "foi.ini", revised);
	free(text);
	free(revised);
	cJSON *doc = status_json(dir, "");
	cr_assert_str_eq(field(doc, "reply_on_rest_day"), "as_of_last_working_day");
	expect(doc, request_id(dir, "C01", "consult"), "answered-in-time", "null", 1, "1");
	cJSON_Delete(doc);
	struct foi_run r = run_foi(dir, "--now '2023-11-21 09:00' status r --explain %ld", request_id(dir, "C01", "consult"));
	cr_assert(strstr(r.out, "Sunday is a rest day: reply_on_rest_day = as_of_last_working_day, so it counts as "
				"working day 1"),
		  "%s", r.out);
	run_free(&r);
}

Test(status_cli, a_calendar_import_moves_an_open_deadline_at_once, .timeout = 120)
{
	char *dir = world();
	/* A corrected 2023 arrangement with Monday 27 November a day off. */
	char *text = read_file(src_path("schedule/holidays/2023.ics"));
	cr_assert_not_null(text);
	char *end = strstr(text, "END:VCALENDAR");
	cr_assert_not_null(end);
	*end = '\0';
	char *revised = NULL;
	cr_assert_gt(asprintf(&revised,
			      "%sBEGIN:VEVENT\r\nUID:20231127-off-test@holidays.foi\r\nDTSTAMP:20261127T000000Z\r\n"
			      "DTSTART;VALUE=DATE:20231127\r\nDTEND;VALUE=DATE:20231128\r\nSUMMARY:临时调休\r\n"
			      "CATEGORIES:HOLIDAY\r\nDESCRIPTION:更正通知\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
			      text),
		     0);
	write_file(dir, "2023-revised.ics", revised);
	free(text);
	free(revised);
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "calendar import '%s/2023-revised.ics'", dir);
	ok(dir, cmd);
	cJSON *doc = status_json(dir, "");
	expect(doc, request_id(dir, "C03", "foi"), "extended", "2023-11-29", -1, "null");
	/* What was answered stays answered. */
	expect(doc, request_id(dir, "C05", "foi"), "answered-in-time", "null", 13, "null");
	cr_assert(strstr(field(doc, "calendar_origin"), "imported into the workspace: 2023 (2023-revised.ics)"), "%s",
		  field(doc, "calendar_origin"));
	cJSON_Delete(doc);
	struct foi_run r = run_foi(dir, "--now '2023-11-21 09:00' status r --explain %ld", request_id(dir, "C03", "foi"));
	cr_assert(strstr(r.out, "extended deadline: 20 working days counted from the day after 2023-10-31 Tue, ending "
				"2023-11-29 Wed 24:00"),
		  "%s", r.out);
	cr_assert(strstr(r.out, "临时调休"), "the new day off is named:\n%s", r.out);
	cr_assert(strstr(r.out, "imported into the workspace: 2023 (2023-revised.ics)"), "%s", r.out);
	run_free(&r);
}

Test(status_cli, replies_by_hand_are_checked_listed_and_their_kind_corrected, .timeout = 120)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r --seed 7 --start 2023-09-26");
	long foi = request_id(dir, "C01", "foi"), q = request_id(dir, "C01", "consult");
	struct {
		const char *args;
		int status;
		const char *words;
	} refused[] = {
		{"--kind final --received '2023-10-09 10:00'", 3, "not sent"},
		{"--kind reply --received '2023-10-09 10:00'", 2, "--kind is ack, supplement, extension or final"},
		{"--kind final", 2, "--received is required"},
		{"--kind final --received '2023-10-09 10:00' --channel fax", 2, "--channel is post"},
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		struct foi_run r = run_foi(dir, "reply add %ld %s", foi, refused[i].args);
		cr_assert_eq(r.status, refused[i].status, "%s: %d %s", refused[i].args, r.status, r.err);
		cr_assert(strstr(r.err, refused[i].words), "%s: %s", refused[i].args, r.err);
		run_free(&r);
	}
	mark_sent(dir, foi, "2023-09-27 10:00");
	mark_sent(dir, q, "2023-09-27 11:00");
	struct foi_run r = run_foi(dir, "--now '2023-10-09 12:00' reply add %ld --kind final --received '2023-09-26 10:00'", foi);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "was sent 2023-09-27T10:00:00+08:00"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 12:00' reply add %ld --kind final --received '2023-10-10 10:00'", foi);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "later than now"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 12:00' reply supplied %ld --at '2023-10-09 10:00'", foi);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "no request to supplement"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 12:00' reply supplied %ld --at '2023-10-09 10:00'", q);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "a question"), "%s", r.err);
	run_free(&r);

	/* A letter by post: kept in store/ by hash, its text read. */
	char *letter = src_path("tests/fixtures/letters/extension_notice.txt");
	r = run_foi(dir, "--now '2023-10-20 12:00' reply add %ld --kind final --received '2023-10-19 15:30' --file '%s'",
		    foi, letter);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "final for request"), "%s", r.out);
	cr_assert(strstr(r.out, "by post; letter kept as store/"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "reply list %ld --json", foi);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	const cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "events"), 0);
	cr_assert_str_eq(field(ev, "kind"), "final");
	cr_assert_str_eq(field(ev, "at"), "2023-10-19T15:30:00+08:00");
	cr_assert(strstr(field(ev, "text"), "延期答复告知书"), "the letter's text is read");
	char blob[4200];
	snprintf(blob, sizeof blob, "%s/store/%.2s/%s", dir, field(ev, "letter"), field(ev, "letter") + 2);
	char *kept = read_file(blob), *orig = read_file(letter);
	cr_assert(kept && orig && strcmp(kept, orig) == 0, "the letter is kept as it was: %s", blob);
	free(kept);
	free(orig);
	long event = (long)cJSON_GetObjectItem(ev, "id")->valuedouble;
	cJSON_Delete(doc);
	run_free(&r);

	/* It was an extension notice: a reviewer says so, and it is recorded. */
	r = run_foi(dir, "--now '2023-10-20 13:00' reply kind %ld extension", event);
	cr_assert_eq(r.status, 2, "no reviewer named");
	cr_assert(strstr(r.err, "--reviewer"), "%s", r.err);
	run_free(&r);
	r = run_shell("FOI_REVIEWER=李审核 \"$FOI_BIN\" -C '%s' --now '2023-10-20 13:00' reply kind %ld extension", dir, event);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "reply list %ld", foi);
	cr_assert(strstr(r.out, "kind changed final -> extension by 李审核 at 2023-10-20T13:00:00+08:00"), "%s", r.out);
	run_free(&r);
	doc = status_json(dir, "--unit C01");
	expect(doc, foi, "extended", "2023-11-28", -1, "null");
	cJSON_Delete(doc);
}

Test(status_cli, elapsed_kind_foi_judges_one_reply_as_status_does)
{
	struct foi_run r = run_foi(NULL, "elapsed --kind foi --from '2023-11-03 10:00' --to '2023-12-02 11:00' --explain");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "took       21 working days"), "%s", r.out);
	cr_assert(strstr(r.out, "deadline   late: 20 working days"), "%s", r.out);
	cr_assert(strstr(r.out, "reply_on_rest_day = next_working_day"), "%s", r.out);
	cr_assert(strstr(r.out, "the reply came on a Saturday, a rest day: it counts as working day 21"), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "elapsed --kind foi --from '2023-11-03 10:00' --to '2023-12-02 11:00' "
			  "--reply-on-rest-day as_of_last_working_day --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"verdict\":\t\"in-time\""), "%s", r.out);
	cr_assert(strstr(r.out, "\"working_days\":\t20"), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "elapsed --kind foi --extended --from '2023-09-27 10:00' --to '2023-11-20 10:00' --json");
	cr_assert(strstr(r.out, "\"limit\":\t40") && strstr(r.out, "\"verdict\":\t\"in-time\""), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "elapsed --kind foi --from '2023-09-27 10:00' --to '2023-11-20 10:00' --json");
	cr_assert(strstr(r.out, "\"verdict\":\t\"late\""), "%s", r.out);
	run_free(&r);
	r = run_foi(NULL, "elapsed --extended --from '2023-09-27 10:00' --to '2023-11-20 10:00'");
	cr_assert_eq(r.status, 2);
	cr_assert(strstr(r.err, "--extended goes with --kind foi"), "%s", r.err);
	run_free(&r);
}
