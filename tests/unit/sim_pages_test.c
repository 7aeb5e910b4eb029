/* The simulator's web pages: guides with their omissions and encodings, the unit's home page. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <glib.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"
#include "tests/unit/sim_support.h"

static const char *fixture(void)
{
	return src_path("tests/fixtures/sim/profiles.ini");
}

/* GBK bytes to UTF-8 (the test's own conversion, with iconv). */
static char *from_gbk(const char *in, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", "GBK");
	cr_assert(cd != (iconv_t)-1);
	size_t cap = len * 2 + 1, left = len, room = cap - 1;
	char *out = malloc(cap), *o = out, *i = (char *)in;
	cr_assert(out);
	cr_assert_neq(iconv(cd, &i, &left, &o, &room), (size_t)-1, "not GBK");
	*o = '\0';
	iconv_close(cd);
	return out;
}

Test(sim_pages, full_guide_lists_every_channel)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T01/guide.html");
	cr_assert_eq(h.status, 200);
	cr_assert_str_eq(h.type, "text/html; charset=utf-8");
	cr_assert(g_utf8_validate(h.body, (gssize)h.len, NULL));
	cr_assert(strstr(h.body, "测试市教育局政府信息公开指南"));
	cr_assert(strstr(h.body, "受理机构：测试市教育局办公室"));
	cr_assert(strstr(h.body, "办公地址：测试市新华路1号"));
	cr_assert(strstr(h.body, "邮政编码：441300"));
	cr_assert(strstr(h.body, "联系电话：0722-3000001"));
	cr_assert(strstr(h.body, "电子邮箱：t01@units.foi.test"));
	cr_assert(strstr(h.body, "传真号码：0722-3000002"));
	cr_assert(strstr(h.body, "<a href=\"/T01/foi\">在线申请</a>"));
	cr_assert(strstr(h.body, "申请注意事项"));
	cr_assert(strstr(h.body, "以双方确认之日为收到申请之日"));
	http_free(&h);
	/* The online channel it lists answers with the form. */
	h = sim_get(&s, &b, "/T01/foi");
	cr_assert_eq(h.status, 200);
	cr_assert(strstr(h.body, "<form"));
	http_free(&h);
	/* The home page links to the guide. */
	h = sim_get(&s, &b, "/T01/");
	cr_assert(strstr(h.body, "href=\"/T01/guide.html\""));
	http_free(&h);
	browser_close(&b);
	cr_assert_eq(sim_stop(&s), 0);
}

Test(sim_pages, gbk_guide_declares_its_charset_and_leaves_out_what_the_profile_says)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T02/guide.html");
	cr_assert_eq(h.status, 200);
	/* As old CMSs send it: no charset in the header, gb2312 in a meta element. */
	cr_assert_str_eq(h.type, "text/html");
	cr_assert(strstr(h.body, "content=\"text/html; charset=gb2312\""));
	cr_assert_not(g_utf8_validate(h.body, (gssize)h.len, NULL), "the page should be GBK bytes");
	char *text = from_gbk(h.body, h.len);
	cr_assert(strstr(text, "测试市财政局政府信息公开指南"));
	cr_assert(strstr(text, "联系电话：0722-3000001"));
	cr_assert_null(strstr(text, "办公地址："), "postal address left out");
	cr_assert_null(strstr(text, "邮政编码"), "postcode left out");
	cr_assert_null(strstr(text, "新华路"), "no address anywhere on the page");
	cr_assert_null(strstr(text, "申请注意事项"), "usage notes left out");
	cr_assert_null(strstr(text, "收到申请之日起7个工作日"), "usage notes left out");
	free(text);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_pages, missing_guide_is_a_404_page)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T03/guide.html");
	cr_assert_eq(h.status, 404);
	cr_assert(strstr(h.body, "404 抱歉，您访问的页面不存在或已被删除！"));
	cr_assert_null(strstr(h.body, "政府信息公开指南"));
	http_free(&h);
	h = sim_get(&s, &b, "/NOPE/guide.html");
	cr_assert_eq(h.status, 404);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_pages, dead_link_points_nowhere)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T04/guide.html");
	cr_assert_eq(h.status, 200);
	/* The link of the online channel: <a href="...">在线申请</a>. */
	const char *label = strstr(h.body, "\">在线申请</a>");
	cr_assert(label, "the guide lists an online channel");
	const char *a = label;
	while (a > h.body && strncmp(a, "href=\"", 6) != 0)
		a--;
	char *href = strndup(a + 6, (size_t)(label - (a + 6)));
	cr_assert_str_neq(href, "/T04/foi");
	http_free(&h);
	h = sim_get(&s, &b, href);
	cr_assert_eq(h.status, 404, "%s answered %ld", href, h.status);
	http_free(&h);
	free(href);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_pages, guide_without_online_channel_when_there_is_no_form)
{
	struct sim s;
	struct browser b;
	sim_start(&s, fixture(), "2023-09-28 09:00");
	browser_open(&b);
	struct http h = sim_get(&s, &b, "/T08/guide.html");
	cr_assert_eq(h.status, 200);
	cr_assert_null(strstr(h.body, "网上申请"));
	cr_assert_null(strstr(h.body, "在线申请"));
	cr_assert(strstr(h.body, "信函申请"));
	http_free(&h);
	h = sim_get(&s, &b, "/T08/foi");
	cr_assert_eq(h.status, 404);
	http_free(&h);
	browser_close(&b);
	sim_stop(&s);
}

Test(sim_pages, shipped_profiles_serve_every_unit_of_the_units_file)
{
	struct sim s;
	struct browser b;
	sim_start(&s, NULL, "2023-09-28 09:00");
	browser_open(&b);
	char *csv = read_file(src_path("harness/data/units.csv"));
	cr_assert(csv);
	int units = 0, guides = 0, missing = 0, gbk = 0;
	char *save = NULL;
	strtok_r(csv, "\n", &save); /* header */
	for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *code = strndup(line, strcspn(line, ","));
		char *path;
		cr_assert(asprintf(&path, "/%s/guide.html", code) > 0);
		struct http h = sim_get(&s, &b, path);
		units++;
		if (h.status == 200) {
			guides++;
			if (!g_utf8_validate(h.body, (gssize)h.len, NULL))
				gbk++;
		} else {
			cr_assert_eq(h.status, 404, "%s: %ld", path, h.status);
			missing++;
		}
		http_free(&h);
		free(path);
		free(code);
	}
	free(csv);
	cr_assert_eq(units, 51);
	cr_assert_geq(missing, 1, "at least one unit has no guide");
	cr_assert_geq(gbk, 1, "at least one guide is in GBK");
	cr_assert_eq(guides + missing, units);
	browser_close(&b);
	sim_stop(&s);
}

/* The failing items of `foi channel check --json` on a saved page. */
static char *channel_check_failures(const char *file)
{
	struct foi_run r = run_foi(NULL, "channel check --file '%s' --json", file);
	cr_assert(r.status == 0 || r.status == 1, "foi channel check: %s", r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "not JSON: %s", r.out);
	run_free(&r);
	char *out = calloc(1, 1024);
	const cJSON *item;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "items"))
	{
		const char *result = cJSON_GetObjectItem(item, "result")->valuestring;
		if (strcmp(result, "pass") != 0) {
			strcat(out, cJSON_GetObjectItem(item, "code")->valuestring);
			strcat(out, " ");
		}
	}
	cJSON_Delete(root);
	return out;
}

/* The expected failing guide items of a unit, from `foi-sim expect`. */
static char *expected_failures(const cJSON *units, const char *code)
{
	char *out = calloc(1, 1024);
	const cJSON *u;
	cJSON_ArrayForEach(u, units)
	{
		if (strcmp(cJSON_GetObjectItem(u, "code")->valuestring, code) != 0)
			continue;
		const cJSON *item;
		cJSON_ArrayForEach(item, cJSON_GetObjectItem(cJSON_GetObjectItem(u, "expect"), "guide_fail"))
		{
			strcat(out, item->valuestring);
			strcat(out, " ");
		}
	}
	return out;
}

static int same_words(const char *a, const char *b)
{
	char *x = strdup(a), *save = NULL;
	int n = 0, same = 1;
	for (char *w = strtok_r(x, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		n++;
		char pattern[128];
		snprintf(pattern, sizeof pattern, "%s ", w);
		if (!strstr(b, pattern))
			same = 0;
	}
	free(x);
	int m = 0;
	for (const char *p = b; *p; p++)
		m += *p == ' ';
	return same && n == m;
}

Test(sim_pages, the_grader_finds_in_every_guide_what_its_profile_expects)
{
	struct sim s;
	struct browser b;
	sim_start(&s, NULL, "2023-09-28 09:00");
	browser_open(&b);
	struct foi_run r = run_shell("\"$FOI_SIM\" expect");
	cr_assert_eq(r.status, 0);
	cJSON *expect = cJSON_Parse(r.out);
	run_free(&r);
	const cJSON *units = cJSON_GetObjectItem(expect, "units");
	int checked = 0, dead = 0;
	const cJSON *u;
	cJSON_ArrayForEach(u, units)
	{
		const char *code = cJSON_GetObjectItem(u, "code")->valuestring;
		char path[128], file[128];
		snprintf(path, sizeof path, "/%s/guide.html", code);
		snprintf(file, sizeof file, "%s.html", code);
		struct http h = sim_get(&s, &b, path);
		char *saved = write_file(s.dir, file, "");
		FILE *f = fopen(saved, "wb");
		cr_assert(f);
		fwrite(h.body, 1, h.len, f);
		fclose(f);
		char *found = channel_check_failures(saved);
		/* The page alone cannot show a dead link: the harness follows the online channel's link. */
		const char *label = strstr(h.body, "\">在线申请</a>");
		if (label && !strstr(found, "channel.online ")) {
			const char *a = label;
			while (a > h.body && strncmp(a, "href=\"", 6) != 0)
				a--;
			char *href = strndup(a + 6, (size_t)(label - (a + 6)));
			struct http target = sim_get(&s, &b, href);
			if (target.status != 200) {
				strcat(found, "channel.online ");
				dead++;
			}
			http_free(&target);
			free(href);
		}
		char *wanted = expected_failures(units, code);
		cr_expect(same_words(found, wanted), "%s: the grader finds [%s], the profile expects [%s]", code, found, wanted);
		free(found);
		free(wanted);
		http_free(&h);
		checked++;
	}
	cr_assert_eq(checked, 51);
	cr_assert_geq(dead, 1, "a dead link was followed");
	cJSON_Delete(expect);
	browser_close(&b);
	sim_stop(&s);
}
