/*
 * Demands the 2019 Regulation does not allow for an ordinary request: the purpose or use
 * of the information, proof of "special needs" (§29 lists what an application contains,
 * and a purpose is not among it; asking for identity documents is lawful under §29(一)),
 * and fees (§42: information is provided free; a processing fee only for requests whose
 * number or frequency clearly exceeds a reasonable range).
 */
#include "grader/letter_doc.h"

#include <stdlib.h>
#include <string.h>

static const char *const purpose_words[] = {"用途", "目的", "特殊需要", "生产、生活、科研",
	"生产生活科研", "自身相关", "自身有关", "利害关系", NULL};
/* "土地用途", "资金用途": what the requested information is about, not a demand. */
static const char *const subject_before[] = {"土地", "规划", "资金", "房屋", "款项", "专项",
	"用地", "建筑", "改变", "变更", "使用", NULL};
static const char *const demand_verbs[] = {"说明", "提供", "补充", "注明", "填写", "告知",
	"载明", "写明", "阐明", "证明", "出具", "补正", "提交", "明确", NULL};
static const char *const negations[] = {"无需", "不需", "不必", "无须", "不要求", "不用",
	"不再", "不以", NULL};
static const char *const id_words[] = {"身份证明", "身份证复印件", "身份证件", "有效身份证",
	"营业执照", NULL};

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
			int subject = 0;
			for (const char *const *sb = subject_before; *sb; sb++)
				if (text_before(t, (size_t)p, *sb))
					subject = 1;
			if (subject)
				continue;
			size_t s, e;
			body_sentence(d, (size_t)p, &s, &e);
			if (text_find_any(t, s, e, demand_verbs, NULL) < 0)
				continue;
			/* "无需说明用途" says the opposite of a demand. */
			ssize_t neg = text_find_any(t, s, (size_t)p, negations, NULL);
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

static int check_fee(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	ssize_t free_at = -1;
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
			if (text_find_any(t, s, e, free_words, NULL) >= 0) {
				free_at = (ssize_t)s;
				continue;
			}
			return body_finding(d, out, "no_fee_demand", FINDING_FAIL, s, e,
					    "demands a fee; §42 provides information free of charge "
					    "(fees only for clearly excessive requests): ");
		}
	}
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
