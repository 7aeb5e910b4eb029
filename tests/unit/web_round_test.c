/*
 * A round sent by the units' web forms against the simulator: every web request ends as the
 * simulator's profiles say (sent with the query code the unit showed, an assisted task for a
 * captcha, failed with its evidence for a server error or a closed system), the simulator's own
 * record of each submission holds the persona's and request's values field by field (the
 * pinyin-named forms included), a second run posts nothing, and a person finishes a captcha
 * task with `foi task done`.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"
#include "tests/unit/web_support.h"

static const char *str(const cJSON *o, const char *key)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
	return v ? v : "";
}

/* What the profiles expect of a unit's form: ok, assisted, failed, none. */
static const char *expected(const cJSON *expect, const char *unit, const char *kind)
{
	const cJSON *u;
	cJSON_ArrayForEach(u, cJSON_GetObjectItem(expect, "units"))
		if (!strcmp(str(u, "code"), unit)) {
			const cJSON *ch = cJSON_GetObjectItem(cJSON_GetObjectItem(u, "expect"), "channel");
			return str(ch, !strcmp(kind, "foi") ? "foi_form" : "consult_form");
		}
	cr_assert_fail("no unit %s in the sim's expectations", unit);
	return "";
}

static int has_task(const cJSON *tasks, double request)
{
	const cJSON *t;
	cJSON_ArrayForEach(t, tasks)
		if (cJSON_GetNumberValue(cJSON_GetObjectItem(t, "request")) == request && !strcmp(str(t, "state"), "open"))
			return 1;
	return 0;
}

/* Whether the unit's form names its fields in pinyin (xm for 姓名). */
static int pinyin_form(struct sim *s, const char *address)
{
	struct browser b;
	browser_open(&b);
	const char *path = strchr(strstr(address, "://") + 3, '/');
	struct http h = sim_get(s, &b, path);
	int pinyin = h.body && strstr(h.body, "name=\"xm\"") != NULL;
	http_free(&h);
	browser_close(&b);
	return pinyin;
}

Test(web_round, every_web_request_ends_as_the_profiles_say_and_each_unit_got_the_personas_values, .timeout = 240)
{
	struct sim s;
	sim_start(&s, NULL, "2023-10-09 09:00");
	char *dir = web_workspace(&s);
	struct foi_run r = run_foi(dir, "--now '2023-10-09 09:00' round send r");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	char *summary = strdup(r.out);
	run_free(&r);

	cJSON *plan = send_plan(dir, "r"), *expect = sim_json(&s, "expect"), *state = sim_json(&s, "state");
	r = run_foi(dir, "task list r --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *tasks = cJSON_Parse(r.out);
	run_free(&r);
	int sent = 0, assisted = 0, failed = 0, pinyin = 0;
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests")) {
		if (strcmp(str(q, "channel"), "web"))
			continue;
		const char *unit = form_unit(str(q, "address")), *want = expected(expect, unit, str(q, "kind"));
		const char *state_now = str(q, "state"), *id = str(q, "token");
		if (!strcmp(want, "ok")) {
			cr_assert_str_eq(state_now, "sent", "%s %s: %s", unit, id, str(q, "detail"));
			const char *code = str(q, "confirmation");
			cr_assert_eq(strlen(code), 8, "%s: query code '%s'", unit, code);
			const cJSON *rec = sim_record(state, code);
			cr_assert_not_null(rec, "%s: the sim has no submission with query code %s", unit, code);
			cr_assert_str_eq(str(rec, "unit"), unit);
			cr_assert_str_eq(str(rec, "kind"), str(q, "kind"));
			assert_form_received(rec, q);
			pinyin += pinyin_form(&s, str(q, "address"));
			sent++;
		} else if (!strcmp(want, "assisted")) {
			cr_assert_str_eq(state_now, "assisted", "%s %s", unit, id);
			cr_assert(has_task(tasks, cJSON_GetNumberValue(cJSON_GetObjectItem(q, "id"))), "%s: no open task", unit);
			assisted++;
		} else {
			cr_assert_str_eq(want, "failed", "%s: a planned web request to a unit without a form", unit);
			cr_assert_str_eq(state_now, "failed", "%s %s", unit, id);
			const char *detail = str(q, "detail");
			cr_assert(strstr(detail, "HTTP 500") || strstr(detail, "系统维护"), "%s: evidence '%s'", unit, detail);
			failed++;
		}
	}
	cr_assert_gt(sent, 30);
	cr_assert_gt(pinyin, 2, "the pinyin-named forms are among those sent");
	cr_assert_gt(assisted, 0);
	cr_assert_gt(failed, 2);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(state, "requests")), sent, "one submission per sent request");
	cr_assert(summary_says(summary, "sent", sent), "%s", summary);
	cr_assert(summary_says(summary, "assisted", assisted), "%s", summary);
	cr_assert(summary_says(summary, "failed", failed), "%s", summary);
	cr_assert(strstr(summary, "assisted: task "), "the summary names the tasks:\n%s", summary);

	/* Run again, later: nothing is posted twice, nothing is lost. */
	r = run_foi(dir, "--now '2023-10-10 09:00' round send r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "sent", 0), "%s", r.out);
	run_free(&r);
	cJSON *again = sim_json(&s, "state");
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(again, "requests")), sent);
	cJSON_Delete(again);
	cJSON_Delete(tasks);
	cJSON_Delete(plan);
	cJSON_Delete(expect);
	cJSON_Delete(state);
	free(summary);
	sim_stop(&s);
}

/* The field values a task lists (role not hidden or captcha), as name/value pairs. */
static const char **task_fields(const cJSON *task, size_t *n)
{
	const cJSON *fields = cJSON_GetObjectItem(task, "fields"), *f;
	const char **out = calloc((size_t)cJSON_GetArraySize(fields) * 2 + 5, sizeof *out);
	*n = 0;
	cJSON_ArrayForEach(f, fields) {
		const char *role = str(f, "role");
		if (!strcmp(role, "hidden") || !strcmp(role, "captcha"))
			continue;
		out[(*n)++] = str(f, "name");
		out[(*n)++] = str(f, "value");
	}
	return out;
}

Test(web_round, a_person_submits_a_captcha_form_and_records_it, .timeout = 120)
{
	struct sim s;
	sim_start(&s, NULL, "2023-10-09 09:00");
	char *dir = web_workspace(&s);
	struct foi_run r = run_foi(dir, "--now '2023-10-09 09:00' round send r --unit D06");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "assisted", 2), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "task list r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "D06    foi     open    a captcha ('验证码')"), "%s", r.out);
	run_free(&r);

	r = run_foi(dir, "task show 1 --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *task = cJSON_Parse(r.out);
	run_free(&r);
	cr_assert_str_eq(str(task, "unit"), "D06");
	cr_assert(strstr(str(task, "form_url"), "/D06/foi"), "%s", str(task, "form_url"));
	char *png = read_file(str(task, "captcha_file"));
	cr_assert(png && !memcmp(png, "\x89PNG", 4), "the captcha image is saved beside the task: %s", str(task, "captcha_file"));
	free(png);
	r = run_foi(dir, "task show 1");
	cr_assert(strstr(r.out, "--- 证件号码 [zjhm, id_number]:\n"), "%s", r.out);
	cr_assert(strstr(r.out, "--- 验证码 [yzm, captcha]:\n(read it off the image)"), "%s", r.out);
	run_free(&r);

	/* The person: opens the form, reads the captcha (the sim tells), types the values shown. */
	struct browser b;
	browser_open(&b);
	struct http page = sim_get(&s, &b, "/D06/foi");
	char *cid = html_input_value(page.body, "yzmid");
	cr_assert_not_null(cid);
	http_free(&page);
	char path[96];
	snprintf(path, sizeof path, "/_sim/captcha/D06/%s", cid);
	struct http answer = sim_get(&s, &b, path);
	cJSON *a = cJSON_Parse(answer.body);
	size_t n;
	const char **fields = task_fields(task, &n);
	fields[n++] = "yzmid";
	fields[n++] = cid;
	fields[n++] = "yzm";
	fields[n++] = str(a, "answer");
	struct http done = sim_post(&s, &b, "/D06/foi", fields, 0);
	char *code = html_query_code(done.body);
	cr_assert_not_null(code, "%s", done.body);
	r = run_foi(dir, "task done 1 --confirmation %s --at '2023-10-09 10:15'", code);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);

	cJSON *plan = send_plan(dir, "r"), *state = sim_json(&s, "state");
	const cJSON *q;
	int seen = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (!strcmp(str(q, "unit"), "D06") && !strcmp(str(q, "kind"), "foi")) {
			cr_assert_str_eq(str(q, "state"), "sent");
			cr_assert_str_eq(str(q, "confirmation"), code);
			assert_form_received(sim_record(state, code), q);
			seen = 1;
		}
	cr_assert(seen);
	r = run_foi(dir, "round log r");
	cr_assert(strstr(r.out, "task done"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "task done 1 --confirmation %s --at '2023-10-09 10:15'", code);
	cr_assert_eq(r.status, 3, "a task is done once");
	cr_assert(strstr(r.err, "foi: task done: task 1 is done already"), "%s", r.err);
	run_free(&r);

	/* The other cannot be done: recorded, and the request failed. */
	r = run_foi(dir, "task fail 2 --reason '验证码图片无法加载'");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "task list r");
	cr_assert(strstr(r.out, "D06    consult failed  验证码图片无法加载"), "%s", r.out);
	run_free(&r);
	cJSON *after = send_plan(dir, "r");
	cr_assert_eq(send_count_state(after, "failed"), 1);
	cJSON_Delete(after);
	r = run_foi(dir, "task done 9 --confirmation X --at '2023-10-09 10:15'");
	cr_assert_eq(r.status, 3, "%s", r.err);
	cr_assert(strstr(r.err, "no task 9"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "task done 2 --confirmation X");
	cr_assert_eq(r.status, 2, "--at is required");
	run_free(&r);

	free(code);
	free(cid);
	free(fields);
	http_free(&done);
	http_free(&answer);
	cJSON_Delete(a);
	cJSON_Delete(task);
	cJSON_Delete(plan);
	cJSON_Delete(state);
	browser_close(&b);
	sim_stop(&s);
}
