/*
 * Demands the 2019 Regulation does not allow for an ordinary request: the purpose or use
 * of the information, proof of "special needs" (§29 lists what an application contains,
 * and a purpose is not among it; asking for identity documents is lawful under §29(一)),
 * and fees (§42: information is provided free; a processing fee only for requests whose
 * number or frequency clearly exceeds a reasonable range).
 */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *const purpose_words[] = {"用途", "目的", "特殊需要", "生产、生活、科研",
	"生产生活科研", "自身相关", "自身有关", "利害关系", NULL};
/* "土地用途", "资金用途": what the requested information is about, not a demand. 使用 is
 * looked through: "土地使用用途" is a subject, "信息的使用用途" a demand. */
static const char *const subject_before[] = {"土地", "规划", "资金", "房屋", "款项", "专项",
	"用地", "建筑", "改变", "变更", NULL};
static const char *const demand_verbs[] = {"说明", "提供", "补充", "注明", "填写", "告知",
	"载明", "写明", "阐明", "证明", "出具", "补正", "提交", "明确", NULL};
static const char *const negations[] = {"无需", "不需", "不必", "无须", "不要求", "不用",
	"不再", "不以", NULL};
static const char *const id_words[] = {"身份证明", "身份证复印件", "身份证件", "有效身份证",
	"营业执照", NULL};

/* 1 when the purpose word at p names what the information is about (土地用途, 资金使用用途). */
static int subject_word(const char *t, size_t p)
{
	if (text_before(t, p, "使用"))
		p -= strlen("使用");
	for (const char *const *sb = subject_before; *sb; sb++)
		if (text_before(t, p, *sb))
			return 1;
	return 0;
}

/* 1 when 利害关系 at p belongs to the §32 third-party procedure (征求利害关系人意见), not to
 * a demand that the applicant prove an interest. */
static int third_party(const char *t, size_t len, size_t p, size_t s, size_t e)
{
	if (text_at(t, len, p + strlen("利害关系"), "人"))
		return 1;
	/* 第三方 reads 第3方 once normalised (normalize.h). */
	return text_find(t, s, e, "第3方") >= 0 || text_find(t, s, e, "征求") >= 0;
}

static int check_purpose(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	for (const char *const *w = purpose_words; *w; w++) {
		for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
			ssize_t p = text_find(t, from, len, *w);
			if (p < 0)
				break;
			from = (size_t)p + 1;
			if (subject_word(t, (size_t)p))
				continue;
			size_t s, e;
			body_sentence(d, (size_t)p, &s, &e);
			if (strcmp(*w, "利害关系") == 0 && third_party(t, len, (size_t)p, s, e))
				continue;
			if (text_find_any(t, s, e, demand_verbs, NULL) < 0)
				continue;
			/* "无需说明用途" says the opposite of a demand; "您无需本人到场，但请说明用途"
			 * does not: the negation counts in the demand's own clause only. */
			ssize_t neg = text_find_any(t, text_clause_start(t, s, (size_t)p), (size_t)p, negations, NULL);
			if (neg >= 0)
				continue;
			return body_finding(d, out, "no_purpose_demand", FINDING_FAIL, s, e,
					    "asks for the purpose or special needs, which §29 does not require: ");
		}
	}
	ssize_t id = text_find_any(t, 0, len, id_words, NULL);
	if (id >= 0) {
		return sentence_finding(d, out, "no_purpose_demand", FINDING_PASS, (size_t)id,
				    "no demand for the purpose; asks for identity documents, which §29(一) allows: ");
	}
	return finding_add(out, "no_purpose_demand", FINDING_PASS,
			   "no demand for the purpose of the request or proof of special needs");
}

static const char *const pay_verbs[] = {"收取", "缴纳", "交纳", "支付", "预付", "预交", "汇款",
	"交费", "缴费", "付费", "汇至", "转账", NULL};
static const char *const fee_words[] = {"费", "元", NULL};
static const char *const free_words[] = {"不收取", "免费", "无需缴纳", "无需支付", "不收费", "免收",
	"不需缴纳", "不需支付", "不需要缴纳", "不需要支付", "无须缴纳", "不需付费", NULL};

/* Characters that negate a payment verb shortly after them: 不另行收取, 免予收取, 未收取. */
static const uint32_t fee_negations[] = {0x4E0D /* 不 */, 0x672A /* 未 */, 0x514D /* 免 */,
	0x65E0 /* 无 */};

/* 1 when one of fee_negations stands at most three characters before p, in its clause. */
static int verb_negated(const char *t, size_t s, size_t p)
{
	for (int k = 0; k < 3 && p > s; k++) {
		size_t q = p - 1;
		while (q > s && ((unsigned char)t[q] & 0xC0) == 0x80)
			q--;
		uint32_t cp;
		utf8_decode(t + q, p - q, &cp);
		if (cp < 0x2E80)
			return 0; /* punctuation: the clause ends here */
		for (size_t i = 0; i < sizeof fee_negations / sizeof fee_negations[0]; i++)
			if (cp == fee_negations[i])
				return 1;
		p = q;
	}
	return 0;
}

/* 1 when the payment verb at p belongs to the restated request, not to the letter's own
 * demand: inside a quotation (“…财政经费支付明细”, 《…缴纳标准的通知》), or in the clause
 * of a request anchor (你申请获取2022年财政经费支付明细). */
static int in_request(const char *t, size_t s, size_t p)
{
	if (text_in_quotes(t, s, p))
		return 1;
	return text_find_any(t, text_clause_start(t, s, p), p, letter_request_anchors, NULL) >= 0;
}

/* §42: an information-processing fee is lawful when the number or frequency of requests
 * clearly exceeds a reasonable range. Such a fee is named as 信息处理费 with those grounds
 * in its sentence or the one before. */
static const char *const s42_grounds[] = {"超过合理范围", "超出合理范围", "第42条", "处理费管理办法",
	NULL};

static int s42_fee(const struct letter_doc *d, size_t s, size_t e)
{
	const char *t = d->body.text;
	if (text_find(t, s, e, "信息处理费") < 0)
		return 0;
	size_t from = s;
	if (s > 0) {
		size_t ps, pe;
		body_sentence(d, s - 1, &ps, &pe);
		from = ps;
	}
	return text_find_any(t, from, e, s42_grounds, NULL) >= 0;
}

static int check_fee(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	ssize_t free_at = -1, s42_at = -1;
	size_t s42_end = 0;
	for (const char *const *v = pay_verbs; *v; v++) {
		for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
			ssize_t p = text_find(t, from, len, *v);
			if (p < 0)
				break;
			from = (size_t)p + 1;
			size_t s, e;
			body_sentence(d, (size_t)p, &s, &e);
			if (text_find_any(t, s, e, fee_words, NULL) < 0)
				continue;
			if (in_request(t, s, (size_t)p))
				continue;
			if (verb_negated(t, s, (size_t)p) || text_find_any(t, s, e, free_words, NULL) >= 0) {
				free_at = (ssize_t)s;
				continue;
			}
			if (s42_fee(d, s, e)) {
				if (s42_at < 0) {
					s42_at = (ssize_t)s;
					s42_end = e;
				}
				continue;
			}
			return body_finding(d, out, "no_fee_demand", FINDING_FAIL, s, e,
					    "demands a fee; §42 provides information free of charge "
					    "(fees only for clearly excessive requests): ");
		}
	}
	if (s42_at >= 0)
		return body_finding(d, out, "no_fee_demand", FINDING_UNKNOWN, (size_t)s42_at, s42_end,
				    "a §42 information-processing fee for a request said to exceed a "
				    "reasonable range: for the reviewer to confirm: ");
	if (free_at < 0)
		free_at = text_find_any(t, 0, len, free_words, NULL);
	if (free_at >= 0) {
		return sentence_finding(d, out, "no_fee_demand", FINDING_PASS, (size_t)free_at, "states no fee is charged: ");
	}
	return finding_add(out, "no_fee_demand", FINDING_PASS, "no fee demanded");
}

int letter_check_demands(const struct letter_doc *d, struct finding_list *out)
{
	if (check_purpose(d, out))
		return -1;
	return check_fee(d, out);
}
