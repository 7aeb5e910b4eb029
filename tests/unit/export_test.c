/* The export writers on three scored units: the workbook read back as a spreadsheet program would (libzip + libxml2), the CSV and the JSON as written. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "grader/export.h"
#include "grader/scheme.h"
#include "grader/score.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/score_fixtures.h"

static struct scheme shipped;
static struct unit_score scores[3];

static void setup(void)
{
	char err[512];
	cr_assert_eq(scheme_load(src_path("grader/schemes/2023.ini"), &shipped, err, sizeof err), 0, "%s", err);
	const struct unit_outcome *units[3] = {&fixture_county_late, &fixture_department_silent,
					       &fixture_department_unreadable};
	for (int i = 0; i < 3; i++)
		cr_assert_eq(score_unit(&shipped, units[i], &scores[i], err, sizeof err), 0, "%s", err);
}

static void teardown(void)
{
	for (int i = 0; i < 3; i++)
		unit_score_free(&scores[i]);
	scheme_free(&shipped);
}

TestSuite(export, .init = setup, .fini = teardown);

/* ---- reading the workbook back ---------------------------------------------------------- */

static char *zip_entry(const char *path, const char *name)
{
	int zerr;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	cr_assert(z, "%s is not a zip archive (%d)", path, zerr);
	zip_stat_t st;
	char *text = NULL;
	if (zip_stat(z, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(z, name, 0);
		cr_assert(f);
		text = calloc(1, st.size + 1);
		cr_assert(text);
		cr_assert_eq(zip_fread(f, text, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_close(z);
	return text;
}

/* Every string an XPath finds in one part of the workbook, joined by '\n'. */
static char *xpath_texts(const char *xml, const char *expr)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "part.xml", NULL, XML_PARSE_NONET);
	cr_assert(doc, "not XML");
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
	xmlXPathRegisterNs(ctx, BAD_CAST "c", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/chart");
	xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
	xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	cr_assert(res, "bad XPath %s", expr);
	size_t cap = 1;
	char *out = calloc(1, cap);
	for (int i = 0; res->nodesetval && i < res->nodesetval->nodeNr; i++) {
		xmlChar *t = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
		cap += strlen((char *)t) + 1;
		out = realloc(out, cap);
		strcat(out, (char *)t);
		strcat(out, "\n");
		xmlFree(t);
	}
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	return out;
}

static int has_line(const char *lines, const char *want)
{
	size_t n = strlen(want);
	for (const char *p = lines; (p = strstr(p, want)); p++)
		if ((p == lines || p[-1] == '\n') && p[n] == '\n')
			return 1;
	return 0;
}

/* The value of a cell of sheet N: its number, or its shared string. */
static char *cell_value(const char *book, int sheet, const char *ref)
{
	char name[64], expr[128];
	snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", sheet);
	char *xml = zip_entry(book, name);
	cr_assert(xml, "no %s", name);
	snprintf(expr, sizeof expr, "//s:c[@r='%s']/@t", ref);
	char *type = xpath_texts(xml, expr);
	snprintf(expr, sizeof expr, "//s:c[@r='%s']/s:v", ref);
	char *v = xpath_texts(xml, expr);
	free(xml);
	if (*v)
		v[strlen(v) - 1] = '\0';
	if (strcmp(type, "s\n") == 0) {
		char *shared = zip_entry(book, "xl/sharedStrings.xml");
		snprintf(expr, sizeof expr, "/s:sst/s:si[%d]/s:t", atoi(v) + 1);
		free(v);
		v = xpath_texts(shared, expr);
		if (*v)
			v[strlen(v) - 1] = '\0';
		free(shared);
	}
	free(type);
	return v;
}

static void expect_number(const char *book, int sheet, const char *ref, double want)
{
	char *v = cell_value(book, sheet, ref);
	cr_expect(*v && fabs(atof(v) - want) < 0.005, "sheet%d %s is '%s', not %.3f", sheet, ref, v, want);
	free(v);
}

static void expect_text(const char *book, int sheet, const char *ref, const char *want)
{
	char *v = cell_value(book, sheet, ref);
	cr_expect_str_eq(v, want, "sheet%d %s", sheet, ref);
	free(v);
}

static char *write_book(void)
{
	char *path = write_file(make_temp_dir(), "round.xlsx", "");
	char err[512];
	cr_assert_eq(export_xlsx(path, &shipped, scores, 3, err, sizeof err), 0, "%s", err);
	return path;
}

Test(export, the_workbook_has_a_sheet_per_table_the_detail_the_guides_and_the_charts)
{
	char *book = write_book();
	char *wb = zip_entry(book, "xl/workbook.xml");
	cr_assert(wb);
	char *names = xpath_texts(wb, "//s:sheet/@name");
	cr_expect_str_eq(names, "县市区\n市直部门\n明细\n渠道指引\n图表\n");
	free(names);
	free(wb);

	char *shared = zip_entry(book, "xl/sharedStrings.xml");
	char *strings = xpath_texts(shared, "//s:si/s:t");
	static const char *const headers[] = {
		"单位代码", "单位名称", "依申请公开/申请接收渠道指引规范性(3)", "依申请公开/依申请办理答复规范性(7)",
		"在线咨询/模拟用户提问(1)", "依申请公开/申请回复规范性(10)", "在线咨询/统计情况(0.75)", "合计",
		"测得满分", "待确认", "对象", "渠道", "发送时间", "收到日期", "答复期限", "答复时间", "用时（工作日）",
		"档次", "状态", "timely 结果", "form.title 结果", "remedy.periods 依据", "remedy.periods 确认人",
		"accurate 结果", "channel.accepted 结果", "1个工作日", "5个工作日", "20个工作日",
	};
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		cr_expect(has_line(strings, headers[i]), "no header %s", headers[i]);
	free(strings);
	free(shared);

	/* Two charts of sub-scores (one per table) and one of working days. */
	for (int i = 1; i <= 3; i++) {
		char name[40];
		snprintf(name, sizeof name, "xl/charts/chart%d.xml", i);
		char *chart = zip_entry(book, name);
		cr_assert(chart, "no %s", name);
		char *title = xpath_texts(chart, "/c:chartSpace/c:chart/c:title//a:t");
		const char *want = i == 1 ? "县市区 子指标得分\n" : i == 2 ? "市直部门 子指标得分\n"
									 : "答复用时（工作日）与1、5、20个工作日标线\n";
		cr_expect_str_eq(title, want);
		free(title);
		free(chart);
	}
	char *chart1 = zip_entry(book, "xl/charts/chart1.xml");
	char *refs = xpath_texts(chart1, "//c:val/c:numRef/c:f");
	cr_expect(strstr(refs, "'县市区'!$C$2\n"), "the county chart reads the county sheet: %s", refs);
	free(refs);
	free(chart1);
	cr_expect_null(zip_entry(book, "xl/charts/chart4.xml"));
}

Test(export, the_table_sheets_hold_the_points_with_unconfirmed_and_unmeasured_cells_marked)
{
	char *book = write_book();
	/* 县市区: C01, the numbers of score_test.c's late county. */
	expect_text(book, 1, "A2", "C01");
	expect_number(book, 1, "C2", 1.95);
	expect_number(book, 1, "D2", 4.571);
	expect_number(book, 1, "E2", 0.4);
	expect_number(book, 1, "F2", 0.5);
	expect_text(book, 1, "G2", "未测");
	expect_number(book, 1, "H2", 7.421);
	expect_number(book, 1, "I2", 11.5);
	expect_text(book, 1, "J2", "是");
	/* 市直部门: D09 (no reply: 0, question 1.5 unconfirmed), D07 (unreadable letter: 3). */
	expect_text(book, 2, "A2", "D09");
	expect_number(book, 2, "C2", 0);
	expect_number(book, 2, "D2", 1.5);
	expect_text(book, 2, "E2", "未测");
	expect_text(book, 2, "A3", "D07");
	expect_number(book, 2, "C3", 3);
	expect_text(book, 2, "D3", "无数据");
	expect_text(book, 2, "I3", "是");
	expect_text(book, 2, "I2", "是");
}

Test(export, the_detail_sheet_has_a_row_per_request_with_items_evidence_and_reviewer)
{
	char *book = write_book();
	/* Row 2: C01's application to its 市场监督管理局, late. */
	expect_text(book, 3, "A2", "C01");
	expect_text(book, 3, "C2", "随县市场监督管理局");
	expect_text(book, 3, "D2", "依申请公开");
	expect_text(book, 3, "H2", "2023-11-13");
	expect_number(book, 3, "K2", 25);
	expect_text(book, 3, "L2", "逾期");
	/* Items start at column N (after 13 fixed columns): timely, then form.title ... */
	expect_text(book, 3, "N2", "不符合");
	expect_text(book, 3, "Q2", "符合");
	/* Row 3: the question, answered in the 5-day band, accuracy confirmed by 李审. */
	expect_text(book, 3, "D3", "在线咨询");
	expect_text(book, 3, "L3", "5个工作日内");
	/* Row 4: D09's application that got no reply. */
	expect_text(book, 3, "A4", "D09");
	expect_text(book, 3, "I4", "未答复");
}

Test(export, csv_has_a_bom_chinese_headers_and_a_row_per_unit_and_part)
{
	char *dir = make_temp_dir();
	char path[512];
	snprintf(path, sizeof path, "%s/round.csv", dir);
	FILE *f = fopen(path, "w");
	char err[256];
	cr_assert_eq(export_csv(f, &shipped, scores, 3, err, sizeof err), 0, "%s", err);
	fclose(f);
	char *csv = read_file(path);
	cr_assert(csv);
	cr_expect_eq(strncmp(csv, "\xEF\xBB\xBF表,单位代码,单位名称,指标,子指标,满分,得分,状态,待确认\r\n", 63), 0, "%.80s", csv);
	cr_expect(strstr(csv, "\r\n县市区,C01,随县人民政府,依申请公开,依申请办理答复规范性,7.00,4.57,已评分,是\r\n"), "%s", csv);
	cr_expect(strstr(csv, "\r\n县市区,C01,随县人民政府,在线咨询,统计情况,0.50,,未测,\r\n"), "%s", csv);
	cr_expect(strstr(csv, "\r\n市直部门,D09,随州市财政局,依申请公开,申请回复规范性,10.00,0.00,已评分,\r\n"), "%s", csv);
	cr_expect(strstr(csv, "\r\n市直部门,D09,随州市财政局,合计,,11.50,1.50,,是\r\n"), "%s", csv);
	free(csv);
}

Test(export, csv_quotes_a_name_with_a_comma_or_a_quote)
{
	struct unit_outcome u = fixture_department_silent;
	u.name = "随州市财政局,\"国库\"";
	struct unit_score us;
	char err[256], *buf = NULL;
	size_t len = 0;
	cr_assert_eq(score_unit(&shipped, &u, &us, err, sizeof err), 0, "%s", err);
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(export_csv(f, &shipped, &us, 1, err, sizeof err), 0, "%s", err);
	fclose(f);
	cr_expect(strstr(buf, "\r\n市直部门,D09,\"随州市财政局,\"\"国库\"\"\",依申请公开,"), "%s", buf);
	free(buf);
	unit_score_free(&us);
}

Test(export, json_carries_points_states_requests_and_explanations)
{
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(export_json(f, &shipped, scores, 3, err, sizeof err), 0, "%s", err);
	fclose(f);
	cJSON *root = cJSON_Parse(buf);
	cr_assert(root, "not JSON: %.200s", buf);
	cr_expect_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "scheme"), "name")->valuestring, "2023");
	cJSON *units = cJSON_GetObjectItem(root, "units");
	cr_assert_eq(cJSON_GetArraySize(units), 3);
	cJSON *c01 = cJSON_GetArrayItem(units, 0);
	cr_expect_str_eq(cJSON_GetObjectItem(c01, "table_name")->valuestring, "县市区");
	cJSON *cells = cJSON_GetObjectItem(c01, "cells");
	cJSON *reply = cJSON_GetArrayItem(cells, 1);
	cr_expect_str_eq(cJSON_GetObjectItem(reply, "part")->valuestring, "foi.reply");
	cr_expect(fabs(cJSON_GetObjectItem(reply, "points")->valuedouble - 7.0 * 64 / 98) < 1e-9);
	cr_expect(cJSON_IsTrue(cJSON_GetObjectItem(reply, "unconfirmed")));
	cJSON *stats = cJSON_GetArrayItem(cells, 4);
	cr_expect_str_eq(cJSON_GetObjectItem(stats, "state")->valuestring, "not_measured");
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(stats, "points")), "not measured is no number, not 0");
	cJSON *req = cJSON_GetArrayItem(cJSON_GetObjectItem(c01, "requests"), 0);
	cJSON *timely = cJSON_GetArrayItem(cJSON_GetObjectItem(req, "items"), 0);
	cr_expect_str_eq(cJSON_GetObjectItem(timely, "code")->valuestring, "timely");
	cr_expect_str_eq(cJSON_GetObjectItem(timely, "result")->valuestring, "fail");
	cr_expect(cJSON_GetArraySize(cJSON_GetObjectItem(c01, "explain")) > 20);
	cJSON *d09 = cJSON_GetArrayItem(units, 1);
	cJSON *noreply = cJSON_GetArrayItem(cJSON_GetObjectItem(d09, "requests"), 0);
	cr_expect(cJSON_IsNull(cJSON_GetObjectItem(noreply, "working_days")));
	cJSON_Delete(root);
	free(buf);
}

Test(export, a_workbook_that_cannot_be_written_is_an_error)
{
	char err[256];
	cr_expect_eq(export_xlsx("/nonexistent/dir/round.xlsx", &shipped, scores, 3, err, sizeof err), -1);
	cr_expect(strstr(err, "/nonexistent/dir/round.xlsx"), "%s", err);
}
