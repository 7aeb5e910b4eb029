/*
 * The items of the §36 outcomes that need more than a conclusion (README.md, "Items by
 * kind"): a refusal, whole or in part, gives its reason and the legal basis of the
 * exemption (§14, §15, §16 of the Regulation, or another law); "not held" says a search was
 * made (§36(四): 经检索没有); "not this body's" names the body that holds it and its
 * contact where it can be determined (§36(五)).
 */
#include "grader/letter_doc.h"

#include <string.h>

/* A type 2 reply that withholds a part (§37): it owes the same reasons as a refusal. */
static int withholds(const struct letter_doc *d)
{
	static const char *const part[] = {"部分公开", "不予公开", "不公开", "隐去", "删除", "遮盖", NULL};
	if (d->reply_type == 3)
		return 1;
	return d->reply_type == 2 && text_find_any(d->body.text, 0, d->body.len, part, NULL) >= 0;
}

/* The grounds the Regulation and other laws give for withholding (§14, §15, §16). */
static const char *const grounds[] = {"国家秘密", "商业秘密", "个人隐私", "内部事务", "过程性",
	"执法案卷", "内部管理", "国家安全", "公共安全", "经济安全", "社会稳定", "人事管理", "后勤管理",
	"内部工作流程", "讨论记录", "请示报告", "会议纪要", "研究过程", "第3方合法权益", "工作秘密",
	"敏感信息", "尚在", "正在", NULL};

static int withheld_reason(const struct letter_doc *d, struct finding_list *out)
{
	return words_finding(d, out, "withheld.reason", grounds,
			     "the letter does not say why the information is withheld");
}

/* §14, §15, §16 of the Regulation (or §32: a third party's refusal with good reason), or a
 * law or regulation other than the Regulation. */
static int withheld_basis(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const articles[] = {"第14条", "第15条", "第16条", "第32条", NULL};
	const char *t = d->body.text;
	size_t pos = 0, at;
	struct text_cursor c;
	text_cursor_init(&c, t, d->body.len, articles);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, NULL); seen++)
		if (letter_regulation_article(d, at))
			return sentence_finding(d, out, "withheld.basis", FINDING_PASS, at, "%s", "");
	/* Another law: 《中华人民共和国保守国家秘密法》, 《档案法》, 《…实施条例》. */
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t o = text_find(t, from, d->body.len, "《");
		if (o < 0)
			break;
		ssize_t e = text_find(t, (size_t)o, d->body.len, "》");
		if (e < 0)
			break;
		from = (size_t)e;
		if (text_find(t, (size_t)o, (size_t)e, "政府信息公开") >= 0 || text_before(t, (size_t)e, "《条例"))
			continue;
		if (text_before(t, (size_t)e, "法") || text_before(t, (size_t)e, "条例") ||
		    text_before(t, (size_t)e, "规定") || text_before(t, (size_t)e, "办法"))
			return sentence_finding(d, out, "withheld.basis", FINDING_PASS, (size_t)o,
						"another law or regulation named: ");
	}
	return finding_add(out, "withheld.basis", FINDING_FAIL,
			   "the letter cites neither §14, §15 or §16 of the Regulation nor another law for withholding");
}

static int not_held_search(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const searched[] = {"检索", "查找", "查询", "查阅", "搜索", "核查", "查档",
		"查证", "查实", "经查", NULL};
	return words_finding(d, out, "not_held.search", searched,
			     "the letter says the information does not exist without saying a search was made");
}

/* The end of a body's name (随州市住房和城乡建设局, 曾都区人民政府办公室, 市不动产登记中心). */
static const char *const organ_ends[] = {"局", "委员会", "厅", "办公室", "人民政府", "政府", "中心",
	"管委会", "委", "办", "处", "所", "院", "街道办事处", NULL};
/* Our own or nobody's: 本机关, 我局, 相关部门. */
static const char *const not_named[] = {"本", "我", "该", "相关", "有关", "其他", "上级", NULL};
static const char *const contact_words[] = {"电话", "联系方式", "地址", "网址", "邮箱", NULL};

/* 1 when t[s..e) names a body: four CJK characters or more ending in an organ word, not
 * 本机关 or 相关部门; *at is where the name starts. */
static int names_organ(const char *t, size_t s, size_t e, size_t *at)
{
	size_t pos = s, w, which;
	struct text_cursor c;
	text_cursor_init(&c, t, e, organ_ends);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &w, &which); seen++) {
		/* At least four characters before the organ word, none of them ours or generic. */
		size_t k = w, chars = 0;
		while (k > s && chars < 4 && (unsigned char)t[k - 1] >= 0x80) {
			do
				k--;
			while (k > s && ((unsigned char)t[k] & 0xC0) == 0x80);
			chars++;
		}
		/* "负责公开的政府信息" is no name: nor is anything with 的 or followed by 信息. */
		if (chars < 4 || text_find_any(t, k, w, not_named, NULL) >= 0 || text_find(t, k, w, "的") >= 0 ||
		    text_at(t, e, w + strlen(organ_ends[which]), "信息"))
			continue;
		*at = k;
		return 1;
	}
	return 0;
}

static int not_duty_body(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const direct[] = {"向", "联系", "咨询", "负责公开", "由", "职责", NULL};
	static const char *const remedy[] = {"复议", "诉讼", NULL};
	const char *t = d->body.text;
	size_t pos = 0, at;
	struct text_cursor c;
	text_cursor_init(&c, t, d->body.len, direct);
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_cursor_step(&c, &pos, &at, NULL); seen++) {
		size_t s, e, name;
		body_sentence(d, at, &s, &e);
		if (text_find_any(t, s, e, remedy, NULL) >= 0 || !names_organ(t, s, e, &name))
			continue;
		/* Its contact: in the sentence or the next. */
		size_t e2 = e, s2;
		if (e < d->body.len)
			body_sentence(d, e, &s2, &e2);
		if (text_find_any(t, s, e2, contact_words, NULL) >= 0)
			return body_finding(d, out, "not_duty.body", FINDING_PASS, s, e2, "%s", "");
		return body_finding(d, out, "not_duty.body", FINDING_UNKNOWN, s, e,
				    "names a body but not its contact, which §36(五) asks for where it can be "
				    "determined: for the reviewer: ");
	}
	return finding_add(out, "not_duty.body", FINDING_FAIL,
			   "the letter names no body that can disclose the information (§36(五))");
}

int letter_check_outcome(const struct letter_doc *d, struct finding_list *out)
{
	if (d->kind != LETTER_FINAL || letter_form_unmarked(d))
		return 0;
	if (withholds(d))
		return withheld_reason(d, out) || withheld_basis(d, out);
	if (d->reply_type == 4)
		return not_held_search(d, out);
	if (d->reply_type == 5)
		return not_duty_body(d, out);
	return 0;
}
