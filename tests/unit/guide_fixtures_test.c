/*
 * Channel clarity on the guide-page corpus: every fixture's expected result for every item,
 * through the library, and a few through `foi channel check` as a user runs it.
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "grader/guide_check.h"
#include "tests/unit/guide_expect.h"
#include "tests/unit/run_foi.h"

/* Every fixture, so that the list below and the folder cannot drift apart. */
static const char *const fixtures[] = {
	"caizheng-nodecl-gbk",    "column-index",           "dahongshan-gbk",
	"gaoxin-no-notes",        "gongkai-shenqing-column", "guangshui-no-postal",
	"jiaoyu-fax-no-email",    "minzheng-unclear",       "nginx-404",
	"not-found",              "online-only",            "reading-room-first",     "renshe-gbk-utf8-decl",
	"shenqing-xuzhi-hotline", "shouli-shuoming-postal", "shouli-shuoming-refers",
	"suixian-complete",       "weijian-wrong-decl",     "xuzhi-postal-office",
	"zengdu-no-online",       "zhuanlan-gongkaichu",    "zhujian-tables",
	"ziranziyuan-guide",      NULL};

static void check_fixture(const char *name)
{
	struct guide_expect ex;
	guide_expect_load(name, &ex);
	size_t len;
	unsigned char *data = guide_read_bytes(ex.page, &len);
	struct guide_source src = {.data = data, .len = len};
	struct guide_report r;
	char err[512];
	cr_assert_eq(guide_check(&src, &r, err, sizeof err), 0, "%s: %s", name, err);
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++) {
		const struct finding *it = &r.items[i];
		cr_assert_str_eq(it->code, guide_item_code(i));
		cr_expect_eq(it->result, ex.items[i].result, "%s: %s is %s, expected %s (evidence: %s)", name,
			     it->code, finding_result_name(it->result), finding_result_name(ex.items[i].result),
			     it->evidence);
		cr_assert(it->evidence && it->evidence[0], "%s: %s has no evidence", name, it->code);
		cr_expect(guide_valid_utf8(it->evidence), "%s: %s evidence is not UTF-8", name, it->code);
		cr_expect(strstr(it->evidence, ex.items[i].evidence) != NULL,
			  "%s: %s evidence \"%s\" lacks \"%s\"", name, it->code, it->evidence,
			  ex.items[i].evidence);
	}
	guide_report_free(&r);
	free(data);
}

Test(guide_fixtures, every_fixture_on_disk_is_checked)
{
	size_t n;
	char **names = guide_fixture_names(&n);
	size_t listed = 0;
	while (fixtures[listed])
		listed++;
	cr_assert_geq(n, 8, "the corpus needs at least 8 guide pages, has %zu", n);
	cr_assert_eq(n, listed, "%zu .expected files on disk, %zu listed in this test", n, listed);
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(names[i], fixtures[i], "fixture %zu", i);
	guide_names_free(names);
}

Test(guide_fixtures, caizheng_nodecl_gbk) { check_fixture("caizheng-nodecl-gbk"); }
Test(guide_fixtures, column_index) { check_fixture("column-index"); }
Test(guide_fixtures, dahongshan_gbk) { check_fixture("dahongshan-gbk"); }
Test(guide_fixtures, gaoxin_no_notes) { check_fixture("gaoxin-no-notes"); }
Test(guide_fixtures, guangshui_no_postal) { check_fixture("guangshui-no-postal"); }
Test(guide_fixtures, jiaoyu_fax_no_email) { check_fixture("jiaoyu-fax-no-email"); }
Test(guide_fixtures, minzheng_unclear) { check_fixture("minzheng-unclear"); }
Test(guide_fixtures, nginx_404) { check_fixture("nginx-404"); }
Test(guide_fixtures, not_found) { check_fixture("not-found"); }
Test(guide_fixtures, online_only) { check_fixture("online-only"); }
Test(guide_fixtures, renshe_gbk_utf8_decl) { check_fixture("renshe-gbk-utf8-decl"); }
Test(guide_fixtures, suixian_complete) { check_fixture("suixian-complete"); }
Test(guide_fixtures, weijian_wrong_decl) { check_fixture("weijian-wrong-decl"); }
Test(guide_fixtures, zengdu_no_online) { check_fixture("zengdu-no-online"); }
Test(guide_fixtures, zhujian_tables) { check_fixture("zhujian-tables"); }
Test(guide_fixtures, ziranziyuan_guide_pdf) { check_fixture("ziranziyuan-guide"); }
/* Real pages not titled 政府信息公开指南, and pages with several numbers (issue 18). */
Test(guide_fixtures, gongkai_shenqing_column) { check_fixture("gongkai-shenqing-column"); }
Test(guide_fixtures, reading_room_first) { check_fixture("reading-room-first"); }
Test(guide_fixtures, shenqing_xuzhi_hotline) { check_fixture("shenqing-xuzhi-hotline"); }
Test(guide_fixtures, shouli_shuoming_postal) { check_fixture("shouli-shuoming-postal"); }
Test(guide_fixtures, shouli_shuoming_refers) { check_fixture("shouli-shuoming-refers"); }
Test(guide_fixtures, xuzhi_postal_office) { check_fixture("xuzhi-postal-office"); }
Test(guide_fixtures, zhuanlan_gongkaichu) { check_fixture("zhuanlan-gongkaichu"); }

Test(guide_fixtures, charsets_are_reported)
{
	static const struct {
		const char *name, *charset, *declared;
	} cases[] = {
		{"dahongshan-gbk", "GB18030", "gb2312"},
		{"caizheng-nodecl-gbk", "GB18030", ""},
		{"weijian-wrong-decl", "UTF-8", "gb2312"},
		{"renshe-gbk-utf8-decl", "GB18030", "utf-8"},
		{"suixian-complete", "UTF-8", "utf-8"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct guide_expect ex;
		guide_expect_load(cases[i].name, &ex);
		size_t len;
		unsigned char *data = guide_read_bytes(ex.page, &len);
		struct guide_source src = {.data = data, .len = len};
		struct guide_report r;
		char err[512];
		cr_assert_eq(guide_check(&src, &r, err, sizeof err), 0, "%s", err);
		cr_expect_str_eq(r.charset, cases[i].charset, "%s", cases[i].name);
		cr_expect_str_eq(r.declared, cases[i].declared, "%s", cases[i].name);
		cr_expect_eq(r.bad_sequences, 0, "%s", cases[i].name);
		guide_report_free(&r);
		free(data);
	}
}

/* ---- through the command ---- */

static void check_json_against(const char *name, int expect_status)
{
	struct guide_expect ex;
	guide_expect_load(name, &ex);
	struct foi_run r = run_foi(NULL, "channel check --file '%s' --json", ex.page);
	cr_assert_eq(r.status, expect_status, "%s: status %d, stderr: %s", name, r.status, r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "%s: output is not JSON: %s", name, r.out);
	cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
	cr_assert(cJSON_IsArray(items));
	cr_assert_eq(cJSON_GetArraySize(items), GUIDE_ITEM_COUNT);
	int i = 0;
	cJSON *it;
	cJSON_ArrayForEach(it, items) {
		const char *code = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "code"));
		const char *result = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "result"));
		const char *evidence = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(it, "evidence"));
		cr_assert(code && result && evidence, "%s: item %d lacks a field", name, i);
		cr_expect_str_eq(code, guide_item_code(i));
		cr_expect_str_eq(result, finding_result_name(ex.items[i].result), "%s: %s", name, code);
		cr_expect(strstr(evidence, ex.items[i].evidence), "%s: %s evidence \"%s\" lacks \"%s\"", name,
			  code, evidence, ex.items[i].evidence);
		i++;
	}
	cJSON_Delete(root);
	run_free(&r);
}

Test(guide_command, json_of_a_complete_guide_exits_0)
{
	check_json_against("suixian-complete", 0);
}

Test(guide_command, json_of_a_gbk_page_exits_0)
{
	check_json_against("dahongshan-gbk", 0);
}

Test(guide_command, json_with_a_failed_item_exits_1)
{
	check_json_against("guangshui-no-postal", 1);
	check_json_against("not-found", 1);
	/* GBK bytes under a utf-8 <meta>: the items are judged on the page's words, not mojibake. */
	check_json_against("renshe-gbk-utf8-decl", 1);
}

Test(guide_command, json_of_a_pdf_is_all_unknown)
{
	check_json_against("ziranziyuan-guide", 0);
}

Test(guide_command, table_names_the_charset_and_every_item)
{
	char *page = src_path("tests/fixtures/guides/dahongshan-gbk.html");
	struct foi_run r = run_foi(NULL, "channel check --file '%s'", page);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "(read as GB18030, declared gb2312)"), "%s", r.out);
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++)
		cr_expect(strstr(r.out, guide_item_code(i)), "no row for %s:\n%s", guide_item_code(i), r.out);
	cr_expect(strstr(r.out, "channel.phone          pass     联系电话：（０７２２）８０１２３４５"), "%s", r.out);
	run_free(&r);
}

Test(guide_command, table_shows_what_is_missing)
{
	char *page = src_path("tests/fixtures/guides/gaoxin-no-notes.html");
	struct foi_run r = run_foi(NULL, "channel check --file '%s'", page);
	cr_assert_eq(r.status, 1, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "guide.notes            fail     neither what an application must contain"), "%s",
		  r.out);
	cr_expect_str_eq(r.err, "");
	run_free(&r);
}

Test(guide_command, reads_standard_input)
{
	char *page = src_path("tests/fixtures/guides/zengdu-no-online.html");
	struct foi_run r = run_foi(NULL, "$FOI_BIN channel check --file - --json < '%s'", page);
	cr_assert_eq(r.status, 1, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "\"code\":\t\"channel.online\",\n\t\t\t\"result\":\t\"fail\""), "%s", r.out);
	run_free(&r);
}

Test(guide_command, base_url_resolves_links)
{
	char *page = src_path("tests/fixtures/guides/column-index.html");
	struct foi_run r = run_foi(NULL, "channel check --file '%s' --base-url http://wjw.suizhou.gov.cn/xxgk/", page);
	/* A page that only links to the guide fails nothing: its items are for the reviewer. */
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_expect(strstr(r.out, "政府信息公开指南 -> http://wjw.suizhou.gov.cn/xxgk/zn/"), "%s", r.out);
	run_free(&r);
}

Test(guide_command, charset_option_overrides_the_page)
{
	/* A server that says GBK for the UTF-8 page: the clean reading still wins. */
	char *page = src_path("tests/fixtures/guides/weijian-wrong-decl.html");
	struct foi_run r = run_foi(NULL, "channel check --file '%s' --charset GBK", page);
	cr_assert_eq(r.status, 0, "stderr: %s\n%s", r.err, r.out);
	cr_expect(strstr(r.out, "(read as UTF-8, declared GBK)"), "%s", r.out);
	run_free(&r);
}

Test(guide_command, usage_errors)
{
	struct foi_run r = run_foi(NULL, "channel check --json");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "foi: channel check: needs a FILE"), "%s", r.err);
	cr_expect(strstr(r.err, "try 'foi help channel'"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "channel verify --file x.html");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "unknown subcommand 'verify'"), "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "channel check --file");
	cr_expect_eq(r.status, 2);
	run_free(&r);
}

Test(guide_command, missing_file_is_a_clear_error)
{
	struct foi_run r = run_foi(NULL, "channel check --file /nonexistent/guide.html");
	cr_expect_eq(r.status, 1);
	cr_expect_str_eq(r.err, "foi: channel check: /nonexistent/guide.html: No such file or directory\n");
	cr_expect_str_eq(r.out, "");
	run_free(&r);
	r = run_foi(NULL, "channel check --file /tmp");
	cr_expect_eq(r.status, 1, "a folder cannot be read as a file, as in 'grade check': %s", r.err);
	cr_expect(strstr(r.err, "is a folder"), "%s", r.err);
	run_free(&r);
}

Test(guide_command, works_outside_a_workspace)
{
	char *dir = make_temp_dir();
	char *page = src_path("tests/fixtures/guides/suixian-complete.html");
	struct foi_run r = run_shell("cd '%s' && \"$FOI_BIN\" channel check --file '%s'", dir, page);
	cr_expect_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "channel check --file '%s' --json", page);
	cr_expect_eq(r.status, 0, "stderr: %s", r.err);
	run_free(&r);
}
