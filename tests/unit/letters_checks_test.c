/*
 * The reply-letter checks one by one: a conforming letter, then one change at a time, the
 * way a unit's letter goes wrong (or looks wrong to a naive check but is lawful).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/letter_check.h"
#include "grader/utf8.h"
#include "tests/unit/calendar_support.h"

static const char base[] =
	"随州市财政局\n"
	"政府信息公开申请答复书\n"
	"\n"
	"随财信复〔2023〕21号\n"
	"\n"
	"张三：\n"
	"　　本机关于2023年9月18日收到你提交的政府信息公开申请，你申请获取“随州市2022年政府债务限额及余额情况”。\n"
	"　　经检索，本机关未制作、获取你申请的上述信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。\n"
	"　　如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议，或者自收到本答复之日起6个月内向随州市曾都区人民法院提起行政诉讼。\n"
	"\n"
	"　　　　　　　　　　　　随州市财政局\n"
	"　　　　　　　　　　　　2023年10月12日\n";

/* base with the first occurrence of `from` replaced by `to`. */
static char *with(const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);
	cr_assert_not_null(p, "the base letter has no \"%s\"", from);
	char *out = NULL;
	if (asprintf(&out, "%.*s%s%s", (int)(p - text), text, to, p + strlen(from)) < 0)
		abort();
	return out;
}

struct checked {
	struct letter_report r;
};

static struct checked check(const char *text, const char *applicant)
{
	struct checked c;
	char err[256];
	int rc = letter_check(text, strlen(text), applicant, &c.r, err, sizeof err);
	cr_assert_eq(rc, 0, "letter_check: %s", err);
	cr_assert_geq(c.r.items.count, LETTER_ITEM_COUNT);
	return c;
}

static const struct finding *item(const struct checked *c, const char *code)
{
	const struct finding *f = finding_get(&c->r.items, code);
	cr_assert_not_null(f, "no finding %s", code);
	return f;
}

static const char *result(const struct checked *c, const char *code)
{
	return finding_result_name(item(c, code)->result);
}

/* Runs the checks on base with one replacement and expects code to come out as want. */
static void expect_change(const char *from, const char *to, const char *code, const char *want,
			  const char *why)
{
	char *t = with(base, from, to);
	struct checked c = check(t, "张三");
	cr_expect_str_eq(result(&c, code), want, "%s: %s is %s (evidence: %s)", why, code,
			 result(&c, code), item(&c, code)->evidence);
	letter_report_free(&c.r);
	free(t);
}

Test(letters_checks, item_codes_are_the_stable_list_in_order)
{
	static const char *const codes[] = {"form.title", "form.docno", "form.salutation",
		"form.issuer", "form.date", "form.seal", "restates.request", "restates.received",
		"conclusion.type", "basis.article", "basis.current_law", "remedy.notice",
		"remedy.periods", "remedy.bodies", "no_purpose_demand", "no_fee_demand",
		"no_channel_refusal"};
	cr_assert_eq(LETTER_ITEM_COUNT, sizeof codes / sizeof codes[0]);
	struct checked c = check(base, NULL);
	for (size_t i = 0; i < LETTER_ITEM_COUNT; i++) {
		cr_expect_str_eq(letter_item_codes[i], codes[i]);
		cr_expect_str_eq(c.r.items.items[i].code, codes[i]);
		cr_expect_not_null(letter_item_describe(codes[i]));
	}
	letter_report_free(&c.r);
}

Test(letters_checks, a_conforming_letter_passes_everything_but_the_seal)
{
	struct checked c = check(base, "张三");
	cr_expect_eq(c.r.kind, LETTER_FINAL);
	cr_expect_eq(c.r.reply_type, 4);
	for (size_t i = 0; i < c.r.items.count; i++) {
		const struct finding *f = &c.r.items.items[i];
		const char *want = strcmp(f->code, "form.seal") == 0 ? "unknown" : "pass";
		cr_expect_str_eq(finding_result_name(f->result), want, "%s: %s", f->code, f->evidence);
		cr_expect(utf8_valid(f->evidence, strlen(f->evidence)));
	}
	cr_expect_str_eq(item(&c, "form.docno")->evidence, "随财信复〔2023〕21号");
	cr_expect_str_eq(item(&c, "form.date")->evidence, "2023年10月12日");
	cr_expect_str_eq(item(&c, "remedy.bodies")->evidence,
			 "reconsideration: 随州市人民政府; litigation: 随州市曾都区人民法院");
	cr_expect(strstr(item(&c, "conclusion.type")->evidence, "type 4") != NULL);
	letter_report_free(&c.r);
}

Test(letters_checks, salutation_must_name_the_applicant)
{
	struct checked c = check(base, "李四");
	cr_expect_str_eq(result(&c, "form.salutation"), "fail");
	cr_expect(strstr(item(&c, "form.salutation")->evidence, "李四") != NULL);
	letter_report_free(&c.r);
	expect_change("张三：", "您好：", "form.salutation", "fail", "a greeting names nobody");
	expect_change("张三：", "尊敬的申请人：", "form.salutation", "fail", "a generic addressee");
	expect_change("张三：", "张三同志：", "form.salutation", "pass", "an honorific after the name");
	expect_change("张三：", "张三，您好！", "form.salutation", "pass", "a mail-style greeting");
	expect_change("张三：\n", "", "form.salutation", "fail", "no salutation");
}

Test(letters_checks, a_generic_salutation_fails_though_the_body_names_the_applicant)
{
	/* The name later in the letter does not make 尊敬的申请人 a salutation that names anyone. */
	char *generic = with(base, "张三：", "尊敬的申请人：");
	char *t = with(generic, "收到你提交的", "收到张三提交的");
	const char *applicants[] = {"张三", NULL};
	for (int i = 0; i < 2; i++) {
		struct checked c = check(t, applicants[i]);
		cr_expect_str_eq(result(&c, "form.salutation"), "fail", "applicant %s: %s", applicants[i] ? applicants[i] : "not given",
				 item(&c, "form.salutation")->evidence);
		cr_expect(strstr(item(&c, "form.salutation")->evidence, "尊敬的申请人") != NULL, "%s",
			  item(&c, "form.salutation")->evidence);
		letter_report_free(&c.r);
	}
	/* With the name in the salutation too, it passes. */
	char *named = with(t, "尊敬的申请人：", "尊敬的张三：");
	struct checked c = check(named, "张三");
	cr_expect_str_eq(result(&c, "form.salutation"), "pass", "%s", item(&c, "form.salutation")->evidence);
	letter_report_free(&c.r);
	free(named);
	free(t);
	free(generic);
}

Test(letters_checks, form_items)
{
	expect_change("随财信复〔2023〕21号", "", "form.docno", "fail", "no document number");
	expect_change("随财信复〔2023〕21号", "随财信复[2023]第21号", "form.docno", "pass", "square brackets and 第");
	expect_change("随财信复〔2023〕21号", "随财信复（２０２３）２１号", "form.docno", "pass", "full-width round brackets");
	/* A document number quoted in the body is not the letter's own. */
	char *t = with(base, "随财信复〔2023〕21号\n", "");
	char *t2 = with(t, "情况”。", "情况”（随财预〔2023〕5号）。");
	struct checked c = check(t2, "张三");
	cr_expect_str_eq(result(&c, "form.docno"), "fail", "%s", item(&c, "form.docno")->evidence);
	letter_report_free(&c.r);
	free(t);
	free(t2);
	expect_change("政府信息公开申请答复书\n", "", "form.title", "fail", "the issuer's name alone is not a title");
	expect_change("随州市财政局\n", "", "form.title", "pass", "a title without the issuer's name");
	expect_change("随州市财政局\n政府信息公开申请答复书\n", "", "form.title", "fail", "no title");
	expect_change("　　　　　　　　　　　　2023年10月12日\n", "", "form.date", "fail", "no date");
	expect_change("　　　　　　　　　　　　2023年10月12日\n", "　　　　　　　　　　　　二〇二三年十月十二日\n",
		      "form.date", "pass", "a date in Chinese numerals");
	expect_change("　　　　　　　　　　　　随州市财政局\n", "", "form.issuer", "fail", "no issuer");
	expect_change("　　　　　　　　　　　　随州市财政局\n　　　　　　　　　　　　2023年10月12日\n",
		      "　　　　　　　　　　　　2023年10月12日\n　　　　　　　　　　　　随州市财政局\n", "form.issuer", "pass",
		      "signed below the date");
	expect_change("　　　　　　　　　　　　随州市财政局\n　　　　　　　　　　　　2023年10月12日\n",
		      "随州市财政局（盖章）　2023年10月12日\n", "form.issuer", "pass", "issuer and date on one line");
}

Test(letters_checks, seal_is_always_for_the_reviewer)
{
	char *t = with(base, "　　　　　　　　　　　　随州市财政局\n", "　　　　　　　　　　　　随州市财政局（盖章）\n");
	struct checked c = check(t, NULL);
	cr_expect_str_eq(result(&c, "form.seal"), "unknown");
	cr_expect(strstr(item(&c, "form.seal")->evidence, "盖章") != NULL);
	cr_expect_str_eq(result(&c, "form.issuer"), "pass");
	letter_report_free(&c.r);
	free(t);
}

Test(letters_checks, restating_the_request_and_its_receipt)
{
	expect_change("你申请获取“随州市2022年政府债务限额及余额情况”", "你的申请已收悉", "restates.request", "fail",
		      "a generic acknowledgement does not say what was asked");
	expect_change("你申请获取“随州市2022年政府债务限额及余额情况”", "你申请获取随州市2022年政府债务限额及余额情况",
		      "restates.request", "pass", "unquoted but specific");
	expect_change("你申请获取“随州市2022年政府债务限额及余额情况”", "你申请获取的政府信息属于本机关的内部事务信息",
		      "restates.request", "fail", "describing the information is not naming it");
	expect_change("你申请获取“随州市2022年政府债务限额及余额情况”", "你申请获取的“随州市2022年政府债务限额及余额情况”",
		      "restates.request", "pass", "quoted after 申请获取的");
	expect_change("本机关于2023年9月18日收到你提交的政府信息公开申请", "本机关收到你提交的政府信息公开申请",
		      "restates.received", "fail", "no receipt date");
	expect_change("本机关于2023年9月18日收到", "本机关于9月18日收到", "restates.received", "pass",
		      "month and day are enough");
}

Test(letters_checks, conclusion_types_from_wording_alone)
{
	static const struct { const char *wording; int type; } cases[] = {
		{"经审查，你申请获取的信息已于2023年3月1日在随州市人民政府门户网站主动公开，你可登录查阅。", 1},
		{"经审查，你申请获取的信息属于可以公开的政府信息，本机关予以公开，详见附件。", 2},
		{"经审查，你申请获取的信息涉及国家秘密，本机关决定不予公开。", 3},
		{"经检索，本机关没有检索到你申请的信息。", 4},
		{"经审查，你申请获取的信息不属于本机关负责公开的范围，请向随州市统计局申请。", 5},
		{"你已就相同内容提出过申请，本机关已作出答复，对你的重复申请不予重复处理。", 6},
		{"你申请的信息属于工商登记资料，请依照有关法律、行政法规的规定办理。", 7},
		{"你的申请属于信访诉求，本机关不作为政府信息公开申请处理，请通过信访渠道反映。", LETTER_REPLY_39},
	};
	const char *conclusion = "经检索，本机关未制作、获取你申请的上述信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。";
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = with(base, conclusion, cases[i].wording);
		struct checked c = check(t, NULL);
		cr_expect_eq(c.r.reply_type, cases[i].type, "\"%s\" read as type %d, expected %d", cases[i].wording,
			     c.r.reply_type, cases[i].type);
		cr_expect_str_eq(result(&c, "conclusion.type"), "pass");
		/* Without an article cited, the basis check fails. */
		cr_expect_str_eq(result(&c, "basis.article"), "fail");
		letter_report_free(&c.r);
		free(t);
	}
	expect_change(conclusion, "经研究，现答复如下：请知悉。", "conclusion.type", "fail", "no conclusion");
}

Test(letters_checks, legal_basis_and_the_2007_regulation)
{
	expect_change("第三十六条第（四）项", "有关", "basis.article", "fail", "the Regulation without an article");
	expect_change("根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定", "根据《条例》第36条第4项", "basis.article",
		      "pass", "the short name and Arabic numbers");
	expect_change("第三十六条第（四）项", "第二十一条第（三）项", "basis.current_law", "fail", "2007 article 21");
	expect_change("特此告知。", "本机关在15个工作日内答复。", "basis.current_law", "fail", "2007 deadline");
	expect_change("特此告知。", "征求第三方意见的，第三方应当在15个工作日内提出意见。", "basis.current_law", "pass",
		      "the third-party period of §32 is current law");
	expect_change("特此告知。", "请你在15个工作日内补正。", "basis.current_law", "pass",
		      "a period to supplement is the unit's own");
	expect_change("《中华人民共和国政府信息公开条例》", "《中华人民共和国政府信息公开条例》（国务院令第492号）",
		      "basis.current_law", "fail", "the 2007 Order");
}

Test(letters_checks, article_21_and_15_working_days_of_the_2019_regulation)
{
	/* The 2019 article 21 is a real article (what local governments publish proactively),
	 * with no numbered items; only an item under it is the 2007 list of replies. */
	expect_change("特此告知。", "特此告知。该信息属于《中华人民共和国政府信息公开条例》第二十条、第二十一条规定的主动公开内容。",
		      "basis.current_law", "pass", "2019 article 21 without an item");
	expect_change("特此告知。", "特此告知。根据《条例》第21条的规定，该信息属于主动公开范围。", "basis.current_law",
		      "pass", "2019 article 21 in Arabic numerals");
	expect_change("第三十六条第（四）项", "第21条第4项", "basis.current_law", "fail", "an item of 2007 article 21");
	expect_change("第三十六条第（四）项", "第21条(4)", "basis.current_law", "fail",
		      "an item of 2007 article 21 in brackets");
	/* A window to collect the information is the unit's own; 本答复书 is not a deadline. */
	expect_change("特此告知。", "特此告知。请你在收到本答复书之日起15个工作日内携带身份证件到本机关领取。",
		      "basis.current_law", "pass", "a 15-working-day pick-up window");
	expect_change("特此告知。", "特此告知。本机关应当在15个工作日内作出答复。", "basis.current_law", "fail",
		      "the 2007 deadline with 作出答复");
	expect_change("特此告知。", "特此告知。因情况复杂，本机关将答复期限延长15个工作日。", "basis.current_law", "fail",
		      "the 2007 extension");
}

Test(letters_checks, remedy_notice_periods_and_bodies)
{
	const char *remedy = "如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议，或者自收到本答复之日起6个月内向随州市曾都区人民法院提起行政诉讼。";
	expect_change(remedy, "", "remedy.notice", "fail", "no remedy");
	expect_change(remedy, "如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议。",
		      "remedy.notice", "fail", "reconsideration only");
	expect_change("6个月内", "3个月内", "remedy.periods", "fail", "the pre-2015 limit");
	expect_change("6个月内", "三个月内", "remedy.periods", "fail", "the pre-2015 limit in Chinese numerals");
	expect_change("60日内", "60个工作日内", "remedy.periods", "fail", "working days");
	expect_change("60日内", "六十日内", "remedy.periods", "pass", "Chinese numerals");
	expect_change("60日内", "", "remedy.periods", "fail", "no reconsideration period");
	expect_change("向随州市人民政府申请行政复议", "依法申请行政复议", "remedy.bodies", "fail", "no body named");
	expect_change("向随州市曾都区人民法院", "向有管辖权的人民法院", "remedy.bodies", "unknown", "a general description");
	expect_change("向随州市曾都区人民法院", "向人民法院", "remedy.bodies", "unknown", "the kind of court, not which");
	/* A wrap inside the remedy sentence does not hide it. */
	expect_change("申请行政复议", "申请行政复\n议", "remedy.notice", "pass", "a line break inside 行政复议");
	/* ...nor inside a Chinese numeral. */
	expect_change("60日内", "六\n十日内", "remedy.periods", "pass", "a line break inside 六十日");
}

/* The request (or the reasons) may mention a reconsideration or a lawsuit before the remedy
 * notice does: the bodies are read from the remedy notice, not from the first mention. */
Test(letters_checks, remedy_read_from_the_notice_not_an_earlier_mention)
{
	static const struct { const char *from, *to, *why; } cases[] = {
		{"你申请获取“随州市2022年政府债务限额及余额情况”",
		 "你申请获取“随州市人民政府作出的随府复决〔2023〕8号行政复议决定书”",
		 "the request is for a reconsideration decision"},
		{"经检索，本机关未制作", "经检索，你所涉案件目前正处于行政诉讼程序中，本机关未制作",
		 "the reasons mention a pending lawsuit"},
		{"你申请获取“随州市2022年政府债务限额及余额情况”",
		 "你申请获取“2022年本机关行政复议、行政诉讼案件统计”", "the request names both"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = with(base, cases[i].from, cases[i].to);
		struct checked c = check(t, "张三");
		for (const char *const *code = (const char *const[]){"remedy.notice", "remedy.periods",
			"remedy.bodies", NULL}; *code; code++)
			cr_expect_str_eq(result(&c, *code), "pass", "%s: %s is %s (%s)", cases[i].why, *code,
					 result(&c, *code), item(&c, *code)->evidence);
		cr_expect_str_eq(item(&c, "remedy.bodies")->evidence,
				 "reconsideration: 随州市人民政府; litigation: 随州市曾都区人民法院", "%s", cases[i].why);
		letter_report_free(&c.r);
		free(t);
	}
}

Test(letters_checks, purpose_demands)
{
	const char *extra = "特此告知。";
	expect_change(extra, "特此告知。请你补充说明申请获取上述信息的用途。", "no_purpose_demand", "fail", "asks the purpose");
	expect_change(extra, "特此告知。请提供能够证明与你生产、生活、科研等特殊需要相关的材料。", "no_purpose_demand", "fail",
		      "2007 special needs");
	expect_change(extra, "特此告知。依照条例规定，你无需说明申请用途。", "no_purpose_demand", "pass", "says no purpose is needed");
	expect_change("政府债务限额及余额情况", "土地用途变更审批情况说明", "no_purpose_demand", "pass",
		      "用途 as the subject of the request");
	expect_change(extra, "特此告知。如需再次申请，请提供身份证明。", "no_purpose_demand", "pass", "ID is lawful");
	expect_change(extra, "特此告知。请你补充说明所申请信息的使用用途。", "no_purpose_demand", "fail",
		      "使用用途 is the use of the information");
	expect_change(extra, "特此告知。请你书面说明申请信息的使用目的。", "no_purpose_demand", "fail", "使用目的");
	expect_change(extra, "特此告知。现将该地块土地使用用途变更批复提供给你。", "no_purpose_demand", "pass",
		      "土地使用用途 is what the information is about");
	expect_change(extra, "特此告知。你无需本人到场，但请书面说明申请信息的用途。", "no_purpose_demand", "fail",
		      "a negation in another clause does not cancel the demand");
	expect_change(extra, "特此告知。本机关已书面征求利害关系人意见，第三方不同意公开并说明了理由。",
		      "no_purpose_demand", "pass", "the §32 third-party procedure is no demand");
	expect_change(extra, "特此告知。请你提供与所申请信息存在利害关系的证明材料。", "no_purpose_demand", "fail",
		      "proof of an interest is a demand");
}

Test(letters_checks, fee_demands)
{
	const char *extra = "特此告知。";
	expect_change(extra, "特此告知。请你缴纳信息处理费200元。", "no_fee_demand", "fail", "a processing fee");
	expect_change(extra, "特此告知。请预付复印费、邮寄费共计30元。", "no_fee_demand", "fail", "copying and postage");
	expect_change(extra, "特此告知。本机关提供政府信息不收取任何费用。", "no_fee_demand", "pass", "free of charge");
}

Test(letters_checks, fee_words_in_the_request_are_no_demand)
{
	expect_change("政府债务限额及余额情况", "财政经费支付明细", "no_fee_demand", "pass", "支付 in the quoted request");
	expect_change("你申请获取“随州市2022年政府债务限额及余额情况”", "你申请获取随州市2022年财政经费支付明细",
		      "no_fee_demand", "pass", "支付 in the unquoted request");
	expect_change("特此告知。", "特此告知。你申请的“2023年城乡居民医疗保险费缴纳标准”已在本局网站公开。",
		      "no_fee_demand", "pass", "缴纳 in a quoted title");
	expect_change("特此告知。", "特此告知。本机关已将《关于2023年度城乡居民医疗保险费缴纳标准的通知》提供给你。",
		      "no_fee_demand", "pass", "缴纳 in a document's name");
	expect_change("特此告知。", "特此告知。你申请公开的信息可以提供，请你缴纳复印费20元。", "no_fee_demand", "fail",
		      "a demand in the request's sentence, another clause");
}

Test(letters_checks, negated_payment_verbs_say_no_fee)
{
	static const char *const free_of_charge[] = {"本机关不另行收取费用。", "本机关不予收取费用。",
		"本机关不另收取费用。", "本机关免予收取费用。", "本机关不再收取复印费。", "本机关未收取任何费用。"};
	for (size_t i = 0; i < sizeof free_of_charge / sizeof free_of_charge[0]; i++) {
		char *to = NULL;
		cr_assert(asprintf(&to, "特此告知。%s", free_of_charge[i]) > 0);
		expect_change("特此告知。", to, "no_fee_demand", "pass", free_of_charge[i]);
		free(to);
	}
	expect_change("特此告知。", "特此告知。请你缴纳复印费30元，逾期未缴纳的视为放弃申请。", "no_fee_demand", "fail",
		      "a negated verb after the demand does not cancel it");
}

Test(letters_checks, a_processing_fee_under_article_42_is_for_the_reviewer)
{
	const char *s42 = "特此告知。因你申请的信息共计1260页，数量明显超过合理范围，根据《条例》第四十二条及"
			  "《政府信息公开信息处理费管理办法》的规定，请你于收到本答复书之日起15日内缴纳信息处理费580元。";
	char *t = with(base, "特此告知。", s42);
	struct checked c = check(t, "张三");
	cr_expect_str_eq(result(&c, "no_fee_demand"), "unknown", "%s", item(&c, "no_fee_demand")->evidence);
	cr_expect(strstr(item(&c, "no_fee_demand")->evidence, "§42") != NULL, "%s", item(&c, "no_fee_demand")->evidence);
	cr_expect(strstr(item(&c, "no_fee_demand")->evidence, "信息处理费580元") != NULL, "quotes the letter: %s",
		  item(&c, "no_fee_demand")->evidence);
	letter_report_free(&c.r);
	free(t);
	expect_change("特此告知。", "特此告知。根据《条例》第42条，请你缴纳信息处理费580元。", "no_fee_demand", "unknown",
		      "a processing fee citing §42");
	expect_change("特此告知。", "特此告知。你的申请明显超过合理范围，本机关收取信息处理费，请你缴纳信息处理费300元。",
		      "no_fee_demand", "unknown", "a processing fee for an excessive request");
	/* An ordinary request: a processing fee, or copying and postage, still fail. */
	expect_change("特此告知。", "特此告知。请你缴纳信息处理费200元。", "no_fee_demand", "fail",
		      "a processing fee without §42 grounds");
	expect_change("特此告知。", "特此告知。根据《条例》第42条，请你缴纳复印费20元。", "no_fee_demand", "fail",
		      "copying is no §42 processing fee");
	char *t2 = NULL;
	cr_assert(asprintf(&t2, "%s另请预付邮寄费12元。", s42) > 0);
	expect_change("特此告知。", t2, "no_fee_demand", "fail", "postage besides a §42 fee");
	free(t2);
}

Test(letters_checks, kinds_of_letters)
{
	char *t = with(base, "政府信息公开申请答复书", "政府信息公开申请补正告知书");
	struct checked c = check(t, NULL);
	cr_expect_eq(c.r.kind, LETTER_SUPPLEMENT);
	cr_expect_eq(c.r.reply_type, 0, "a request to supplement has no reply type");
	cr_expect_str_eq(result(&c, "conclusion.type"), "unknown");
	letter_report_free(&c.r);
	free(t);
	t = with(base, "政府信息公开申请答复书", "政府信息公开申请延期答复告知书");
	c = check(t, NULL);
	cr_expect_eq(c.r.kind, LETTER_EXTENSION);
	letter_report_free(&c.r);
	free(t);
	/* A §39 notice is no FOI decision: whether it owes a remedy notice is for the reviewer. */
	t = with(base, "经检索，本机关未制作、获取你申请的上述信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。",
		 "经审查，你的申请属于信访诉求，根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请通过信访渠道反映。");
	char *t39 = with(t, "如对本答复不服，可以自收到本答复之日起60日内向随州市人民政府申请行政复议，或者自收到本答复之日起6个月内向随州市曾都区人民法院提起行政诉讼。", "");
	c = check(t39, NULL);
	cr_expect_eq(c.r.reply_type, LETTER_REPLY_39);
	for (const char *const *code = (const char *const[]){"remedy.notice", "remedy.periods", "remedy.bodies",
		NULL}; *code; code++) {
		cr_expect_str_eq(result(&c, *code), "unknown", "%s on a §39 notice: %s", *code, item(&c, *code)->evidence);
		cr_expect(strstr(item(&c, *code)->evidence, "§39") != NULL, "%s", item(&c, *code)->evidence);
	}
	letter_report_free(&c.r);
	free(t39);
	/* With a remedy notice, the notice is checked as given. */
	c = check(t, NULL);
	cr_expect_str_eq(result(&c, "remedy.notice"), "pass");
	letter_report_free(&c.r);
	free(t);
	/* Without a title, the wording says what the letter is. */
	const char *sup = "张三：\n你的申请内容不明确，请你于收到本告知之日起15个工作日内补正。\n随州市财政局\n2023年9月20日\n";
	c = check(sup, NULL);
	cr_expect_eq(c.r.kind, LETTER_SUPPLEMENT);
	cr_expect_str_eq(result(&c, "remedy.notice"), "unknown", "no remedy is needed in a request to supplement");
	letter_report_free(&c.r);
}

Test(letters_checks, unreadable_letters_and_limits)
{
	struct letter_report r;
	char err[256];
	cr_assert_eq(letter_report_unreadable("the letter is a scanned PDF", &r, err, sizeof err), 0);
	cr_assert_eq(r.items.count, LETTER_ITEM_COUNT);
	for (size_t i = 0; i < r.items.count; i++) {
		cr_expect_eq(r.items.items[i].result, FINDING_UNKNOWN);
		cr_expect_str_eq(r.items.items[i].evidence, "the letter is a scanned PDF");
	}
	letter_report_free(&r);
	size_t big = LETTER_TEXT_MAX + 1;
	char *huge = malloc(big);
	cr_assert_not_null(huge);
	memset(huge, 'a', big);
	cr_expect_neq(letter_check(huge, big, NULL, &r, err, sizeof err), 0);
	cr_expect(strstr(err, "too large") != NULL, "%s", err);
	free(huge);
	/* Nothing to read is nothing to pass: every item is left to the reviewer. */
	cr_assert_eq(letter_check(" \n\t\n", 4, NULL, &r, err, sizeof err), 0);
	cr_assert_eq(r.items.count, LETTER_ITEM_COUNT);
	for (size_t i = 0; i < r.items.count; i++)
		cr_expect_eq(r.items.items[i].result, FINDING_UNKNOWN, "%s on an empty letter",
			     r.items.items[i].code);
	letter_report_free(&r);
}

/* Issue 18: an article belongs to the instrument named before it, and the Regulation's own
 * articles are judged in their 2007 sense by the words around them. */
Test(letters_checks, whose_article_is_cited)
{
	static const char reg[] = "根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。";
	expect_change(reg, "征求第三方意见后，根据《中华人民共和国政府信息公开条例》第二十三条的规定，特此告知。",
		      "basis.current_law", "fail", "the 2007 third-party article 23");
	expect_change(reg,
		      "征求第三方意见后，根据《中华人民共和国政府信息公开条例》第三十六条第（四）项和《湖北省政府信息公开规定》第二十三条的规定，特此告知。",
		      "basis.current_law", "pass", "a local rule's article 23 beside the Regulation's");
	expect_change(reg, "根据《上海市政府信息公开规定》第二十七条的规定，特此告知。", "basis.current_law",
		      "unknown", "only a local rule cited");
	expect_change(reg, "根据《上海市政府信息公开规定》第二十七条的规定，特此告知。", "basis.article",
		      "fail", "no article of the Regulation");
	expect_change(reg, "根据《中华人民共和国政府信息公开条例》第九条的规定，该信息属于主动公开范围。",
		      "basis.current_law", "fail", "the 2007 proactive-disclosure article 9");
	expect_change(reg, "第三方应在15个工作日内提出意见。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。",
		      "basis.current_law", "pass", "15 working days for a third party is §32, not the 2007 deadline");
}

Test(letters_checks, salutations_name_the_applicant_in_many_ways)
{
	expect_change("张三：", "申请人张三：", "form.salutation", "pass", "申请人 before the name");
	expect_change("张三：", "申请人：", "form.salutation", "fail", "申请人 alone");
}

/* Issue 18: a letter quoted in a judgment is graded from the quotation; an application quoted
 * in a reply is not taken for the letter. */
Test(letters_checks, quoted_letters)
{
	static const char judgment[] =
		"随州市曾都区人民法院\n行政判决书\n（2023）鄂1303行初12号\n"
		"原告李四，男，1970年1月出生。\n被告随州市财政局。\n"
		"经审理查明：被告于2023年10月12日作出答复，该答复书的主要内容为：“李四：本机关于2023年9月18日收到你提交的政府信息公开申请，"
		"你申请获取‘随州市2022年政府债务限额及余额情况’。经检索，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。”\n"
		"本院认为，被告的答复并无不当。\n";
	struct checked c = check(judgment, "李四");
	cr_expect_str_eq(result(&c, "form.salutation"), "pass", "%s", item(&c, "form.salutation")->evidence);
	cr_expect_eq(c.r.reply_type, 4);
	cr_expect_str_eq(result(&c, "remedy.notice"), "unknown", "%s", item(&c, "remedy.notice")->evidence);
	cr_expect_str_eq(result(&c, "form.docno"), "unknown", "%s", item(&c, "form.docno")->evidence);
	letter_report_free(&c.r);

	char *t = with(base, "你申请获取“随州市2022年政府债务限额及余额情况”。",
		       "你的申请内容为：“随州市财政局：本人申请公开随州市2022年政府债务限额及余额情况，请以电子邮件方式提供，谢谢。”");
	c = check(t, "张三");
	cr_expect_str_eq(result(&c, "form.salutation"), "pass", "%s", item(&c, "form.salutation")->evidence);
	cr_expect_str_eq(result(&c, "form.docno"), "pass", "the reply is still the letter: %s",
			 item(&c, "form.docno")->evidence);
	letter_report_free(&c.r);
	free(t);
}

/* ---- issue 20: channels, kinds and their items ---- */

Test(letters_checks, a_reply_that_turns_away_post_or_in_person_applications_fails)
{
	static const struct {
		const char *sentence, *result;
	} cases[] = {
		{"本机关已不再受理当面提交的申请，今后请通过网上平台提出。", "fail"},
		{"本机关暂停接收邮寄申请。", "fail"},
		{"本机关仅受理通过政府网站在线平台提交的政府信息公开申请。", "fail"},
		/* Lawful: naming the post as a way to receive; refusing an incomplete application. */
		{"本机关将以邮寄方式向你提供上述信息。", "pass"},
		{"申请内容不明确且逾期不补正的书面申请，视为放弃。", "pass"},
		{"你也可以通过信函或者当面提交的方式提出申请，本机关不受理电话申请。", "pass"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = with(base, "特此告知。", cases[i].sentence);
		struct checked c = check(text, "张三");
		cr_expect_str_eq(result(&c, "no_channel_refusal"), cases[i].result, "\"%s\"", cases[i].sentence);
		letter_report_free(&c.r);
		free(text);
	}
}

/* A notice without its telling title is known by its words; its evidence says which. */
Test(letters_checks, the_document_is_known_by_its_title_or_its_words)
{
	static const struct {
		const char *from, *to, *document;
	} cases[] = {
		{"政府信息公开申请答复书", "政府信息公开申请收费通知书", "fee"},
		{"政府信息公开申请答复书", "政府信息公开申请征求意见告知书", "third_party"},
		{"政府信息公开申请答复书", "政府信息公开申请说明理由告知书", "reasons"},
		{"政府信息公开申请答复书", "政府信息公开申请接收回执", "receipt"},
		{"政府信息公开申请答复书", "政府信息公开申请答复书", "final.4"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = with(base, cases[i].from, cases[i].to);
		struct checked c = check(text, "张三");
		cr_expect_str_eq(letter_document_name(c.r.kind, c.r.reply_type), cases[i].document, "%s", cases[i].to);
		/* The title told it, or for a final reply its conclusion. */
		cr_expect(c.r.kind_evidence && (strstr(c.r.kind_evidence, cases[i].to) ||
						strstr(c.r.kind_evidence, "第三十六条第（四）项")),
			  "%s: evidence '%s'", cases[i].to, c.r.kind_evidence ? c.r.kind_evidence : "(none)");
		letter_report_free(&c.r);
		free(text);
	}
}

/* Without the request's receipt day, timing is unknown; with it, counted on the calendar. */
Test(letters_checks, supplement_timing_needs_the_receipt_day)
{
	static const char notice[] =
		"随州市财政局\n政府信息公开申请补正告知书\n\n随财补〔2023〕2号\n\n张三：\n"
		"　　本机关于2023年9月26日收到你提交的政府信息公开申请。经审查，请你补正所需信息的名称或者文号。"
		"请你自收到本告知书之日起10个工作日内提交补正材料，逾期不补正的，视为放弃申请。\n\n"
		"　　　　随州市财政局\n　　　　2023年10月9日\n";
	struct letter_report r;
	char err[256];
	struct letter_context ctx = LETTER_CONTEXT_INIT;
	cr_assert_eq(letter_check_in(notice, strlen(notice), &ctx, &r, err, sizeof err), 0, "%s", err);
	cr_expect_eq(finding_get(&r.items, "supplement.timely")->result, FINDING_UNKNOWN);
	letter_report_free(&r);
	/* Received Tuesday 26 September; 9 October is working day 5 (27, 28 September, the
	 * make-up weekend of 7 and 8 October, then 9 October): in time. */
	struct sched_calendar *cal = cal_shipped();
	ctx.cal = cal;
	ctx.received = day_from_ymd(2023, 9, 26);
	cr_assert_eq(letter_check_in(notice, strlen(notice), &ctx, &r, err, sizeof err), 0, "%s", err);
	const struct finding *f = finding_get(&r.items, "supplement.timely");
	cr_expect_eq(f->result, FINDING_PASS, "%s", f->evidence);
	cr_expect(strstr(f->evidence, "working day 5"), "%s", f->evidence);
	letter_report_free(&r);
	/* Received on 14 September: 9 October is working day 11. */
	ctx.received = day_from_ymd(2023, 9, 14);
	cr_assert_eq(letter_check_in(notice, strlen(notice), &ctx, &r, err, sizeof err), 0, "%s", err);
	cr_expect_eq(finding_get(&r.items, "supplement.timely")->result, FINDING_FAIL);
	letter_report_free(&r);
	calendar_free(cal);
}
