/*
 * `foi form probe` and the forms/ files: the mapping printed and saved, an evaluator's
 * correction followed by `round send`, a broken file named with its line, and a form whose
 * labels leave doubts: probed with the doubts listed, and never posted.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"
#include "tests/unit/web_support.h"

Test(web_probe, a_form_is_probed_saved_and_an_evaluators_correction_followed)
{
	struct sim s;
	sim_start(&s, NULL, "2023-10-09 09:00");
	char *dir = web_workspace(&s);
	struct foi_run r = run_foi(dir, "form probe D10 --kind consult");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "(post, multipart/form-data)"), "%s", r.out);
	cr_assert(strstr(r.out, "留言标题"), "%s", r.out);
	cr_assert(strstr(r.out, " bt             text      title (required)\n"), "%s", r.out);
	cr_assert(strstr(r.out, " sfgk           radio     public\n"), "%s", r.out);
	cr_assert(strstr(r.out, "every required field is mapped without doubt"), "%s", r.out);
	run_free(&r);
	char *file;
	cr_assert(asprintf(&file, "%s/forms/D10-consult.ini", dir) > 0);
	char *text = read_file(file);
	cr_assert(text && strstr(text, "\nbt = title\n") && strstr(text, "\nlynr = content\n") &&
		  strstr(text, "enctype = multipart/form-data\n"), "%s", text);
	free(text);

	/* Probed again, the evaluator's file stays unless --force. */
	r = run_shell("sed -i 's|^notes =.*|notes = checked by hand|' '%s'", file);
	run_free(&r);
	r = run_foi(dir, "form probe D10 --kind consult");
	cr_assert(strstr(r.out, "kept "), "%s", r.out);
	run_free(&r);
	text = read_file(file);
	cr_assert(strstr(text, "notes = checked by hand"));
	free(text);

	/* The evaluator says the title field is not one foi should fill: a person must. */
	r = run_shell("sed -i 's|^bt = title|bt = unknown|' '%s'", file);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r --unit D10 --kind consult");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "assisted", 1), "%s", r.out);
	cr_assert(strstr(r.out, "the required field '留言标题' (bt) is not one foi knows how to fill"), "%s", r.out);
	run_free(&r);
	cJSON *state = sim_json(&s, "state");
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(state, "requests")), 0, "nothing was posted");
	cJSON_Delete(state);

	/* A typo in a file stops the run with its line, before anything is posted. */
	r = run_foi(dir, "form probe D10 --kind foi");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_shell("sed -i 's|^xm = name|xm = nmae|' '%s/forms/D10-foi.ini'", dir);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r --unit D10 --kind foi");
	cr_assert_eq(r.status, 3, "%s", r.out);
	cr_assert(strstr(r.err, "forms/D10-foi.ini:"), "%s", r.err);
	cr_assert(strstr(r.err, "field xm: 'nmae' is not a role"), "%s", r.err);
	run_free(&r);
	cJSON *plan = send_plan(dir, "r");
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItem(plan, "requests"))
		if (!strcmp(send_field(q, "unit"), "D10") && !strcmp(send_field(q, "kind"), "foi"))
			cr_assert_str_eq(send_field(q, "state"), "planned");
	cJSON_Delete(plan);
	free(file);
	sim_stop(&s);
}

Test(web_probe, an_unclear_form_is_probed_with_its_doubts_and_never_posted)
{
	struct page_site site;
	page_site_start(&site, src_path("tests/fixtures/web/unclear-form.html"));
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	run_free(&r);
	/* C01's FOI applications go to its departments: their forms are this site's. */
	r = run_shell("cd '%s' && sed -i -e 's|http://127.0.0.1:18480/C01-0\\([0-9]\\)/foi|http://127.0.0.1:%u/apply/C01-0\\1|' "
		      "-e 's|^host_gap_seconds =.*|host_gap_seconds = 0|' foi.ini units.csv",
		      dir, site.port);
	run_free(&r);
	r = run_foi(dir, "units import %s/units.csv", dir);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "form probe C01-01 --kind foi");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "unclear (a request to this form becomes an assisted task): "), "%s", r.out);
	cr_assert(strstr(r.out, "the required field '申请人类型' (sqrlx) is not one foi knows how to fill"), "%s", r.out);
	cr_assert(strstr(r.out, "the required field '用途说明' (f7)"), "%s", r.out);
	run_free(&r);
	char *text, *ini;
	cr_assert(asprintf(&ini, "%s/forms/C01-01-foi.ini", dir) > 0);
	text = read_file(ini);
	cr_assert(text && strstr(text, "\nsqrlx = unknown\n") && strstr(text, "\nf1 = name\n") && strstr(text, "\ntoken = hidden\n"),
		  "%s", text);
	free(text);

	r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-10-09 09:00' round send r --unit C01 --kind foi");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(summary_says(r.out, "assisted", 1), "%s", r.out);
	run_free(&r);
	cr_assert_eq(page_site_posts(&site), 0, "a form with doubts is never posted");
	r = run_foi(dir, "task show 1");
	cr_assert(strstr(r.out, "--- 申请人类型 [sqrlx, unknown]:\n(decide: foi could not tell)"), "%s", r.out);
	cr_assert(strstr(r.out, "--- 姓名 [f1, name]:\n"), "%s", r.out);
	run_free(&r);
	free(ini);
	page_site_stop(&site);
}
