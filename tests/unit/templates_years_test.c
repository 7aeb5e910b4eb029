/*
 * Years that follow the send date: one template rendered for two rounds asks for different
 * years; a literal year is reported with its line; a consultation says when its reference
 * answer holds, and a bad period is refused with its line.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "templates/template.h"
#include "tests/unit/run_foi.h"

static struct template_set shipped;

static void load_shipped(void)
{
	char err[1024];
	template_set_init(&shipped);
	cr_assert_eq(template_set_load_dir(&shipped, src_path("templates"), err, sizeof err), 0, "%s", err);
}

static void free_shipped(void)
{
	template_set_free(&shipped);
}

/* The subject and body of a shipped template sent on y-m-d. */
static char *render_on(const char *id, int y, int m, int d)
{
	const struct template *t = template_set_find(&shipped, id);
	cr_assert_not_null(t, "no shipped template %s", id);
	struct template_values v = {
		.unit_name = "随州市财政局",
		.persona = {.name = "周敏", .id_type = "居民身份证", .id_number = "421302199108236021",
			    .phone = "13607228811", .address = "湖北省随州市曾都区烈山大道118号",
			    .postcode = "441300", .email = "zhoumin@example.org"},
		.year = y, .month = m, .day = d,
		.reply_to = "zhoumin@example.org",
	};
	struct template_rendered r;
	char err[1024];
	cr_assert_eq(template_render(t, &v, &r, err, sizeof err), 0, "%s", err);
	char *all;
	cr_assert(asprintf(&all, "%s\n%s", r.subject, r.body) > 0);
	template_rendered_free(&r);
	return all;
}

Test(templates_years, the_last_complete_year_follows_the_send_date, .init = load_shipped, .fini = free_shipped)
{
	char *in_2026 = render_on("foi-final-accounts", 2026, 9, 15);
	char *in_2023 = render_on("foi-final-accounts", 2023, 9, 28);
	cr_assert(strstr(in_2026, "申请公开2025年度部门决算\n"), "%s", in_2026);
	cr_assert(strstr(in_2026, "1. 贵单位2025年度部门决算"), "%s", in_2026);
	cr_assert_null(strstr(in_2026, "2022"), "a round in 2026 asks for nothing of 2022: %s", in_2026);
	cr_assert(strstr(in_2023, "申请公开2022年度部门决算\n"), "%s", in_2023);
	cr_assert_null(strstr(in_2023, "2025"));
	free(in_2026);
	free(in_2023);
}

Test(templates_years, the_budget_year_turns_in_april, .init = load_shipped, .fini = free_shipped)
{
	/* Budgets are published within 20 days of approval early in the year (预算法 §14). */
	char *february = render_on("foi-budget", 2026, 2, 10);
	char *april = render_on("foi-budget", 2026, 4, 1);
	cr_assert(strstr(february, "2025年部门预算及“三公”经费预算"), "%s", february);
	cr_assert(strstr(april, "2026年部门预算及“三公”经费预算"), "%s", april);
	free(february);
	free(april);
}

Test(templates_years, the_current_year_is_the_send_year, .init = load_shipped, .fini = free_shipped)
{
	char *text = render_on("foi-land-supply", 2025, 11, 3);
	cr_assert(strstr(text, "2025年度国有建设用地供应计划"), "%s", text);
	cr_assert(strstr(text, "2024年已出让的国有建设用地"), "%s", text);
	free(text);
}

struct seen_years {
	int line[8], year[8];
	int n;
};

static void record_year(void *ctx, const struct template *t, int line, int year)
{
	(void)t;
	struct seen_years *s = ctx;
	cr_assert_lt(s->n, 8);
	s->line[s->n] = line;
	s->year[s->n] = year;
	s->n++;
}

static const char dated_letter[] =
	"id: foi-dated\n"
	"kind: foi\n"
	"title: 写死年份的申请\n"
	"domain: budget\n"
	"expected_reply: 1\n"
	"subject: 申请公开2023年部门预算\n"
	"\n"
	"{{unit.name}}：\n"
	"本人{{persona.name}}（{{persona.id_number}}），申请公开{{year.last}}年度决算和2022年度“三公”经费，\n"
	"依据《随州市2020年政府信息公开工作办法》，补贴2000元以下的不用列。\n"
	"请发送至{{reply_to}}。\n";

Test(templates_years, a_literal_year_is_found_with_its_line)
{
	struct template t;
	char err[1024];
	cr_assert_eq(template_parse(dated_letter, strlen(dated_letter), "dated.tpl", &t, err, sizeof err), 0, "%s", err);
	struct seen_years s = {0};
	template_each_literal_year(&t, record_year, &s);
	/* The subject's 2023 and the body's 2022; not the title of a document, not an amount. */
	cr_assert_eq(s.n, 2, "found %d", s.n);
	cr_assert_eq(s.line[0], 6);
	cr_assert_eq(s.year[0], 2023);
	cr_assert_eq(s.line[1], 9);
	cr_assert_eq(s.year[1], 2022);
	template_free(&t);
}

Test(templates_years, check_warns_about_literal_years_and_still_passes)
{
	char *dir = make_temp_dir();
	write_file(dir, "dated.tpl", dated_letter);
	struct foi_run r = run_foi(NULL, "templates check %s", dir);
	cr_assert_eq(r.status, 0, "a literal year is a warning, not an error: %s", r.err);
	cr_assert(strstr(r.err, "/dated.tpl:6: literal year 2023"), "%s", r.err);
	cr_assert(strstr(r.err, "/dated.tpl:9: literal year 2022"), "%s", r.err);
	cr_assert(strstr(r.out, "1 templates load and render (1 foi, 0 consult); 2 literal years\n"), "%s", r.out);
	run_free(&r);

}

static const char *question(const char *from, const char *until)
{
	static char text[1024];
	snprintf(text, sizeof text,
		 "id: consult-period\n"
		 "kind: consult\n"
		 "title: 有效期\n"
		 "domain: medical-insurance\n"
		 "subject: 今年居民医保交多少\n"
		 "keypoint: 400元\n"
		 "reference: 个人缴费标准为每人每年400元。\n"
		 "valid_from: %s\n"
		 "valid_until: %s\n"
		 "\n"
		 "请问今年城乡居民医保个人交多少钱？\n",
		 from, until);
	return text;
}

static void expect_parse_error(const char *text, const char *want)
{
	struct template t;
	char err[1024];
	cr_assert_eq(template_parse(text, strlen(text), "q.tpl", &t, err, sizeof err), -1, "accepted");
	cr_assert_str_eq(err, want);
}

Test(templates_years, a_consultation_holds_for_its_period)
{
	const char *text = question("2024-01-01", "2025-12-31");
	struct template t;
	char err[1024];
	cr_assert_eq(template_parse(text, strlen(text), "q.tpl", &t, err, sizeof err), 0, "%s", err);
	cr_assert_eq(t.valid_from, 20240101);
	cr_assert_eq(t.valid_until, 20251231);
	cr_assert(template_valid_on(&t, 20240101));
	cr_assert(template_valid_on(&t, 20251231));
	cr_assert_not(template_valid_on(&t, 20231231));
	cr_assert_not(template_valid_on(&t, 20260101));
	template_free(&t);

	expect_parse_error(question("2024-02-30", "2025-12-31"),
			   "q.tpl:8: valid_from must be a date YYYY-MM-DD, not '2024-02-30'");
	expect_parse_error(question("2024-01-01", "2025/12/31"),
			   "q.tpl:9: valid_until must be a date YYYY-MM-DD, not '2025/12/31'");
	expect_parse_error(question("2025-01-01", "2024-12-31"), "q.tpl:9: valid_until comes before valid_from");
}

Test(templates_years, every_shipped_consultation_says_when_it_holds, .init = load_shipped, .fini = free_shipped)
{
	for (size_t i = 0; i < shipped.count; i++) {
		const struct template *t = shipped.items[i];
		if (t->kind != TEMPLATE_CONSULT)
			continue;
		cr_expect(t->valid_from >= 19900101 && t->valid_until > t->valid_from, "%s: period %d..%d", t->id,
			  t->valid_from, t->valid_until);
		cr_expect(t->note && strstr(t->note, "依据"), "%s: names no source (依据：...) in its note", t->id);
	}
}
