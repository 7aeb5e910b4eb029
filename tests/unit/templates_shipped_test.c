/*
 * The templates foi ships: enough of them, spread over the domains, every one loading and
 * rendering for a real-looking applicant, every FOI letter carrying what §29 of the 2019
 * Regulation requires and every question a question with a reference answer.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "templates/domain.h"
#include "templates/template.h"
#include "tests/unit/run_foi.h"

static struct template_set set;

static void load_shipped(void)
{
	char err[1024];
	char *dir = src_path("templates");
	template_set_init(&set);
	cr_assert_eq(template_set_load_dir(&set, dir, err, sizeof err), 0, "%s", err);
}

static void unload(void)
{
	template_set_free(&set);
}

static struct template_values persona_values(void)
{
	struct template_values v = {
		.unit_name = "随县人民政府",
		.persona = {.name = "陈晓红", .id_type = "居民身份证", .id_number = "421321199004152348",
			    .phone = "15907221234", .address = "湖北省随州市随县厉山镇神农大道16号",
			    .postcode = "441309", .email = "chenxh@example.org"},
		.year = 2023, .month = 10, .day = 16,
		.reply_to = "chenxh@example.org", /* a covert round: the persona's own address */
	};
	return v;
}

static size_t count_kind(enum template_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < set.count; i++)
		n += set.items[i]->kind == k;
	return n;
}

TestSuite(templates_shipped, .init = load_shipped, .fini = unload);

Test(templates_shipped, at_least_20_applications_and_30_questions)
{
	cr_assert_geq(count_kind(TEMPLATE_FOI), 20);
	cr_assert_geq(count_kind(TEMPLATE_CONSULT), 30);
}

Test(templates_shipped, every_template_renders_completely)
{
	struct template_values v = persona_values();
	for (size_t i = 0; i < set.count; i++) {
		const struct template *t = set.items[i];
		struct template_rendered r;
		char err[1024];
		cr_assert_eq(template_render(t, &v, &r, err, sizeof err), 0, "%s", err);
		cr_expect(*r.subject != '\0', "%s: empty subject", t->id);
		cr_expect(!strstr(r.subject, "{{") && !strstr(r.body, "{{") && !strstr(r.body, "}}"),
			  "%s: leftover braces", t->id);
		template_rendered_free(&r);
	}
}

/* Bytes between the request phrase and the delivery address: the description of §29(二). */
static size_t description_length(const char *body, const char *reply_to)
{
	const char *p = strstr(body, "申请公开");
	if (!p)
		p = strstr(body, "申请获取");
	const char *q = p ? strstr(p, reply_to) : NULL;
	return q ? (size_t)(q - p) : 0;
}

Test(templates_shipped, foi_letters_carry_what_article_29_requires)
{
	struct template_values v = persona_values();
	for (size_t i = 0; i < set.count; i++) {
		const struct template *t = set.items[i];
		if (t->kind != TEMPLATE_FOI)
			continue;
		struct template_rendered r;
		char err[1024];
		cr_assert_eq(template_render(t, &v, &r, err, sizeof err), 0, "%s", err);
		const char *b = r.body;
		/* (一) name, proof of identity, contact */
		cr_expect(strstr(b, "陈晓红"), "%s: no applicant name", t->id);
		cr_expect(strstr(b, "居民身份证") && strstr(b, "421321199004152348"),
			  "%s: no proof of identity", t->id);
		cr_expect(strstr(b, "15907221234"), "%s: no telephone", t->id);
		cr_expect(strstr(b, "湖北省随州市随县厉山镇神农大道16号"), "%s: no address", t->id);
		/* (二) a description precise enough to find the information: at least ~40 characters */
		cr_expect_geq(description_length(b, v.reply_to), 120, "%s: description too short", t->id);
		/* (三) the form and the way of delivery */
		cr_expect(strstr(b, "电子"), "%s: no form (electronic) asked for", t->id);
		cr_expect(strstr(b, "电子邮件") || strstr(b, "邮箱"), "%s: no way of delivery", t->id);
		cr_expect(strstr(b, "chenxh@example.org"), "%s: no reply address", t->id);
		/* addressed to the unit, dated, and nothing like a tracking code: a citizen gives none */
		cr_expect(strstr(b, "随县人民政府"), "%s: not addressed to the unit", t->id);
		cr_expect(strstr(b, "2023年10月16日"), "%s: no date", t->id);
		cr_expect(!strstr(b, "申请编号") && !strstr(b, "编号：") && !strstr(r.subject, "编号"),
			  "%s: carries a code a unit would notice", t->id);
		/* §29 asks for no statement of purpose; a template must not volunteer one as required */
		cr_expect(!strstr(b, "用途："), "%s: states a purpose", t->id);
		cr_expect(t->expected_reply >= 1 && t->expected_reply <= 7);
		template_rendered_free(&r);
	}
}

Test(templates_shipped, foi_templates_cover_the_scheme_domains)
{
	static const char *const required[] = {
		"budget", "permits", "enforcement", "planning", "subsidies", "procurement", "housing",
		"education", "health", "social-assistance", "environment", "transport",
		"market-regulation", "agriculture", "emergency", "statistics",
	};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		const struct template **list;
		size_t n;
		cr_assert_eq(template_set_select(&set, TEMPLATE_FOI, required[i], &list, &n), 0);
		cr_expect_gt(n, 0, "no FOI template for domain %s", required[i]);
		free(list);
	}
	/* and every domain of the fixed list, so each department can get one of its own */
	size_t nd;
	const struct template_domain *d = template_domains(&nd);
	for (size_t i = 0; i < nd; i++) {
		const struct template **list;
		size_t n;
		cr_assert_eq(template_set_select(&set, TEMPLATE_FOI, d[i].code, &list, &n), 0);
		cr_expect_gt(n, 0, "no FOI template for domain %s", d[i].code);
		free(list);
	}
}

Test(templates_shipped, foi_templates_expect_several_reply_types)
{
	int seen[8] = {0};
	for (size_t i = 0; i < set.count; i++)
		if (set.items[i]->kind == TEMPLATE_FOI)
			seen[set.items[i]->expected_reply]++;
	cr_expect_gt(seen[1], 0, "none expects 已主动公开");
	cr_expect_gt(seen[2], 0, "none expects 予以公开");
	cr_expect_gt(seen[3], 0, "none expects 不予公开");
	cr_expect_gt(seen[5], 0, "none expects 非本机关负责公开");
	cr_expect_gt(seen[7], 0, "none expects 按特别规定办理");
}

Test(templates_shipped, questions_are_questions_with_reference_answers)
{
	struct template_values v = persona_values();
	for (size_t i = 0; i < set.count; i++) {
		const struct template *t = set.items[i];
		if (t->kind != TEMPLATE_CONSULT)
			continue;
		cr_expect_geq(t->keypoint_count, 1, "%s", t->id);
		cr_expect_geq(strlen(t->reference), 60, "%s: reference answer too short", t->id);
		struct template_rendered r;
		char err[1024];
		cr_assert_eq(template_render(t, &v, &r, err, sizeof err), 0, "%s", err);
		cr_expect(strstr(r.body, "？"), "%s: the body asks nothing", t->id);
		template_rendered_free(&r);
	}
}

Test(templates_shipped, questions_cover_everyday_matters)
{
	static const char *const ids[] = {
		"consult-residence-permit", "consult-household-transfer", "consult-id-card-replacement",
		"consult-driving-licence-renewal", "consult-flexible-employment-pension",
		"consult-resident-pension-claim", "consult-migrant-school-enrolment",
		"consult-sole-proprietor-registration", "consult-out-of-province-treatment",
		"consult-housing-fund-rent", "consult-unemployment-benefit",
	};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const struct template *t = template_set_find(&set, ids[i]);
		cr_expect_not_null(t, "missing %s", ids[i]);
		if (t)
			cr_expect_eq(t->kind, TEMPLATE_CONSULT, "%s", ids[i]);
	}
}

Test(templates_shipped, ids_follow_the_kind_convention)
{
	for (size_t i = 0; i < set.count; i++) {
		const struct template *t = set.items[i];
		const char *prefix = t->kind == TEMPLATE_FOI ? "foi-" : "consult-";
		cr_expect(strncmp(t->id, prefix, strlen(prefix)) == 0, "%s", t->id);
		cr_expect(strstr(t->path, t->kind == TEMPLATE_FOI ? "/foi/" : "/consult/"),
			  "%s is in the wrong folder: %s", t->id, t->path);
	}
}

Test(templates_shipped, readme_documents_every_domain)
{
	char *path = src_path("templates/README.md");
	char *readme = read_file(path);
	cr_assert_not_null(readme);
	size_t nd;
	const struct template_domain *d = template_domains(&nd);
	for (size_t i = 0; i < nd; i++) {
		char row[128];
		snprintf(row, sizeof row, "| `%s` | %s |", d[i].code, d[i].label);
		cr_expect(strstr(readme, row), "README.md lacks the row %s", row);
	}
	free(readme);
}
