/* Helpers for the tests that plan rounds through the foi program (round_support.h). */
#include "tests/unit/round_support.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

char *round_workspace(void)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	return dir;
}

void round_create_ok(const char *dir, const char *args)
{
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create %s", args);
	cr_assert_eq(r.status, 0, "round create %s: %s", args, r.err);
	run_free(&r);
}

void round_create_refused(const char *dir, const char *args, int status, const char *words)
{
	struct foi_run r = run_foi(dir, "--now '2023-09-18 08:00' round create %s", args);
	cr_assert_neq(r.status, 0, "round create %s succeeded: %s", args, r.out);
	cr_assert_lt(r.status, 128, "round create %s crashed", args);
	if (status)
		cr_assert_eq(r.status, status, "round create %s: %s", args, r.err);
	cr_assert(strstr(r.err, words) != NULL, "stderr '%s' lacks '%s'", r.err, words);
	run_free(&r);
	r = run_foi(dir, "round list");
	cr_assert(strstr(r.out, "no rounds yet"), "a refused round create left a round: %s", r.out);
	run_free(&r);
}

cJSON *round_show_json(const char *dir, const char *round)
{
	struct foi_run r = run_foi(dir, "round show %s --json", round);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "not JSON: %s", r.out);
	run_free(&r);
	return doc;
}

const char *json_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	cr_assert(cJSON_IsString(v), "no string %s", key);
	return v->valuestring;
}

char *round_fingerprint(const cJSON *doc)
{
	static const char *const keep[] = {"unit", "target", "kind", "template", "channel", "address", "persona", "send_at", "state"};
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	cr_assert_not_null(f);
	const cJSON *d;
	cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(doc, "draws"))
		fprintf(f, "draw %s %s\n", json_str(d, "county"), json_str(d, "target"));
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "requests")) {
		for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
			fprintf(f, "%s ", json_str(q, keep[i]));
		fprintf(f, "\n");
	}
	cr_assert_eq(fclose(f), 0);
	return out;
}
