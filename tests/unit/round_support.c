/* Helpers shared by the round tests (see round_support.h). */
#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

#include <criterion/criterion.h>

char *workspace(void)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	return dir;
}

cJSON *show_json(const char *dir, const char *round)
{
	struct foi_run r = run_foi(dir, "round show %s --json", round);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "not JSON: %s", r.out);
	run_free(&r);
	return doc;
}

const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	cr_assert(cJSON_IsString(v), "no string %s", key);
	return v->valuestring;
}
