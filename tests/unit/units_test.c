/* Units import: all or nothing, every kind of bad row named by its line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

static const char header[] = "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email\n";
static const char good_rows[] =
	"X01,某县人民政府,county,,http://127.0.0.1:18480/X01/guide.html,http://127.0.0.1:18480/X01/foi,,x01@units.foi.test\n"
	"X01-01,某县教育局,department,X01,https://example.org/g,,,\n"
	"Y01,某市教育局,department,,http://127.0.0.1:18480/Y01/guide.html,,http://127.0.0.1:18480/Y01/consult,y01@units.foi.test\n";

static char *workspace(void)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	return dir;
}

/* The JSON listing, to compare before and after a rejected import. */
static char *listing(const char *dir)
{
	struct foi_run r = run_foi(dir, "units list --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	char *out = r.out;
	free(r.err);
	return out;
}

static void expect_rejected(const char *body, int line, const char *words)
{
	char *dir = workspace();
	char *before = listing(dir);
	char *text;
	cr_assert(asprintf(&text, "%s%s", header, body) > 0);
	char *file = write_file(dir, "bad.csv", text);
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3, "status %d for %s", r.status, body);
	char want[4200];
	snprintf(want, sizeof want, "foi: units import: %s:%d: ", file, line);
	cr_assert(strstr(r.err, want) != NULL, "stderr '%s' lacks '%s'", r.err, want);
	cr_assert(strstr(r.err, words) != NULL, "stderr '%s' lacks '%s'", r.err, words);
	cr_assert(strstr(r.err, "nothing was changed") != NULL);
	run_free(&r);
	char *after = listing(dir);
	cr_assert_str_eq(before, after, "a rejected import changed the units");
	free(before);
	free(after);
	free(text);
}

Test(units, init_lists_the_36_evaluated_units)
{
	char *dir = workspace();
	struct foi_run r = run_foi(dir, "units list --json --evaluated");
	cr_assert_eq(r.status, 0);
	int units = 0, counties = 0;
	for (const char *p = r.out; (p = strstr(p, "\"evaluated\":\ttrue")); p++)
		units++;
	for (const char *p = r.out; (p = strstr(p, "\"level\":\t\"county\"")); p++)
		counties++;
	cr_assert_eq(units, 36, "%s", r.out);
	cr_assert_eq(counties, 5);
	cr_assert(strstr(r.out, "随县人民政府") && strstr(r.out, "随州市地方金融工作局"));
	run_free(&r);

	/* Without --evaluated the county-level departments follow, carrying their parent's code. */
	r = run_foi(dir, "units list --json");
	cr_assert(strstr(r.out, "\"code\":\t\"C01-01\",\n\t\t\"name\":\t\"随县教育局\",\n\t\t\"level\":\t\"department\",\n\t\t\"parent\":\t\"C01\"") != NULL, "%s", r.out);
	run_free(&r);
}

Test(units, a_good_file_replaces_the_units)
{
	char *dir = workspace();
	char *text;
	cr_assert(asprintf(&text, "\xEF\xBB\xBF%s%s", header, good_rows) > 0); /* with Excel's BOM */
	char *file = write_file(dir, "new.csv", text);
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "imported 3 units") && strstr(r.out, "3 added") && strstr(r.out, "51 removed"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "units list --evaluated");
	cr_assert(strstr(r.out, "2 evaluated units (1 county-level, 1 departments)"), "%s", r.out);
	run_free(&r);
	/* Importing the same file again changes nothing. */
	r = run_foi(dir, "units import %s", file);
	cr_assert(strstr(r.out, "3 unchanged"), "%s", r.out);
	run_free(&r);
	free(text);
}

Test(units, quoted_fields_and_crlf_as_spreadsheets_write_them)
{
	char *dir = workspace();
	char *file = write_file(dir, "q.csv",
		"code,name,level,parent,guide_url,foi_form_url,consult_form_url,email\r\n"
		"Q1,\"某局, 办公室\",department,,,,,\r\n"
		"Q2,\"名称含\"\"引号\"\"\",department,,,,,\r\n");
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "units list --json");
	cr_assert(strstr(r.out, "某局, 办公室") && strstr(r.out, "名称含\\\"引号\\\""), "%s", r.out);
	run_free(&r);
}

Test(units, missing_column_is_rejected)
{
	expect_rejected("A1,甲局,department,,,,\n", 2, "7 fields, but the header has 8");
}

Test(units, duplicate_code_is_rejected)
{
	expect_rejected("A1,甲局,department,,,,,\nA2,乙局,department,,,,,\nA1,丙局,department,,,,,\n", 4,
			"duplicate code 'A1' (first on line 2)");
}

Test(units, duplicate_code_on_the_next_row_is_rejected)
{
	/* Pasting a row twice in a spreadsheet puts the copy right under the original. */
	expect_rejected("A1,甲局,department,,,,,\nA2,乙局,department,,,,,\nA2,乙局,department,,,,,\n", 4,
			"duplicate code 'A2' (first on line 3)");
	/* A padded cell is the same code. */
	expect_rejected("A1,甲局,department,,,,,\nA1 ,丙局,department,,,,,\n", 3, "duplicate code 'A1' (first on line 2)");
}

Test(units, unknown_level_is_rejected)
{
	expect_rejected("A1,甲局,department,,,,,\nA2,乙镇,township,,,,,\n", 3, "unknown level 'township'");
}

Test(units, malformed_email_is_rejected)
{
	expect_rejected("A1,甲局,department,,,,,a1@units.foi.test\nA2,乙局,department,,,,,a2 at units.foi.test\n", 3,
			"email 'a2 at units.foi.test' is not an e-mail address");
	/* Two '@': a typo no mail server accepts, even with a domain after each. */
	expect_rejected("A1,甲局,department,,,,,a1@units.foi.test\nA2,乙局,department,,,,,a2@units@foi.test\n", 3,
			"email 'a2@units@foi.test' is not an e-mail address");
	expect_rejected("A1,甲局,department,,,,,a1@foi.test@units.foi.test\n", 2, "is not an e-mail address");
}

Test(units, malformed_url_is_rejected)
{
	expect_rejected("A1,甲局,department,,http//127.0.0.1/guide,,,\n", 2, "guide_url 'http//127.0.0.1/guide' is not an http(s) URL");
	expect_rejected("A1,甲局,department,,,ftp://127.0.0.1/foi,,\n", 2, "foi_form_url");
}

Test(units, unknown_parent_is_rejected)
{
	expect_rejected("A1,甲局,department,,,,,\nA1-1,乙局,department,ZZ,,,,\n", 3, "parent 'ZZ' is not a county-level unit");
}

Test(units, unknown_domain_is_rejected)
{
	char *dir = workspace();
	char *file = write_file(dir, "d.csv", "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email,domain\n"
					      "A1,甲局,department,,,,,,education budget\nA2,乙局,department,,,,,,教育\nA3,丙局,department,,,,,,educate\n");
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, ":3: unit A2: unknown domain '教育'"), "%s", r.err);
	run_free(&r);
	file = write_file(dir, "d2.csv", "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email,domain\n"
					 "A1,甲局,department,,,,,,education budget\nA3,丙局,department,,,,,,health educate\n");
	r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, ":3: unit A3: unknown domain 'educate'"), "%s", r.err);
	run_free(&r);
}

Test(units, bad_header_and_encoding_are_rejected)
{
	char *dir = workspace();
	char *file = write_file(dir, "h.csv", "code,name,level,parent,guide,foi_form_url,consult_form_url,email\n");
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, ":1: unknown column 'guide'"), "%s", r.err);
	run_free(&r);
	/* "甲局" in GBK, as Excel saves "CSV" on a Chinese Windows. */
	file = write_file(dir, "gbk.csv", "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email\nA1,\xBC\xD7\xBE\xD6,department,,,,,\n");
	r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, ":2: column name is not UTF-8"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "units import %s/none.csv", dir);
	cr_assert_eq(r.status, 1, "a file that cannot be read is a failure, not bad data");
	cr_assert(strstr(r.err, "none.csv: No such file or directory"), "%s", r.err);
	run_free(&r);
}

Test(units, lone_carriage_returns_end_lines_too)
{
	/* Excel for Mac's "CSV (Macintosh)" ends lines with CR alone. */
	char *dir = workspace();
	char *file = write_file(dir, "cr.csv", "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email\r"
					       "A1,甲局,department,,,,,\rA2,乙局,department,,,,,\rA3,丙局,township,,,,,\r");
	struct foi_run r = run_foi(dir, "units import %s", file);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "cr.csv:4: unit A3: unknown level 'township'"), "%s", r.err);
	run_free(&r);
}

Test(units, a_unit_a_round_has_planned_for_cannot_leave)
{
	char *dir = workspace();
	struct foi_run r = run_foi(dir, "round create r1 --seed 1 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	char *before = listing(dir);
	r = run_shell("grep -v '^D31,' '%s/units.csv' > '%s/u2.csv'", dir, dir);
	run_free(&r);
	r = run_foi(dir, "units import %s/u2.csv", dir);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "unit D31 is not in the file, but round r1 has planned for it"), "%s", r.err);
	run_free(&r);
	char *after = listing(dir);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	/* Dropped from the round first, it can go. */
	r = run_foi(dir, "round drop r1 --unit D31");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "units import %s/u2.csv", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "1 removed"), "%s", r.out);
	run_free(&r);
}
