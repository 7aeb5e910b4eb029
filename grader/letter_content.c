/*
 * What the letter says: its kind (final reply, request to supplement, extension notice,
 * acknowledgement), the §36 type of its conclusion (or a §39 notice), and whether it
 * restates the request and the date the request was received.
 */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A wording that signals a reply type. The anchor must occur in a sentence that also holds
 * `also` and `also2` (when set), and must not directly follow `not_after`. */
struct signal {
	int type;
	const char *anchor, *also, *also2, *not_after;
};

/* In priority order: the first signal found decides when the letter cites no §36 item.
 * Specific conclusions come before the generic words a reply of another type may use too
 * (a "not this body's" reply often says the body made no such information, too). */
static const struct signal signals[] = {
	{LETTER_REPLY_39, "不作为政府信息公开申请", NULL, NULL, NULL},
	{LETTER_REPLY_39, "不作为信息公开申请", NULL, NULL, NULL},
	{LETTER_REPLY_39, "不属于政府信息公开申请", NULL, NULL, NULL},
	{LETTER_REPLY_39, "信访", "渠道", NULL, NULL},
	{LETTER_REPLY_39, "信访", "途径", NULL, NULL},
	{LETTER_REPLY_39, "投诉", "渠道", NULL, NULL},
	{LETTER_REPLY_39, "举报", "渠道", NULL, NULL},
	{6, "不予重复处理", NULL, NULL, NULL},
	{6, "重复申请", NULL, NULL, NULL},
	{6, "重复提出", NULL, NULL, NULL},
	{7, "特别规定", NULL, NULL, NULL},
	{7, "规定办理", "登记", NULL, NULL},
	{7, "规定查询", "登记", NULL, NULL},
	{5, "不属于本", "负责公开", NULL, NULL},
	{5, "不属于本", "公开", NULL, NULL},
	{5, "不属于本", "职责", NULL, NULL},
	{5, "不属于本", "职能", NULL, NULL},
	{5, "不是本", "负责公开", NULL, NULL},
	{4, "不存在", "信息", NULL, NULL},
	{4, "未制作", NULL, NULL, NULL},
	{4, "未检索到", NULL, NULL, NULL},
	{4, "未找到", "信息", NULL, NULL},
	{4, "未能找到", "信息", NULL, NULL},
	{4, "没有找到", "信息", NULL, NULL},
	{4, "未查找到", NULL, NULL, NULL},
	{4, "没有查找到", NULL, NULL, NULL},
	{4, "没有检索到", NULL, NULL, NULL},
	{4, "未查到", "信息", NULL, NULL},
	{4, "未获取", "信息", NULL, NULL},
	{1, "已主动公开", NULL, NULL, NULL},
	{1, "已经主动公开", NULL, NULL, NULL},
	{1, "已予主动公开", NULL, NULL, NULL},
	{1, "主动公开", "已于", NULL, NULL},
	{1, "主动公开", "已在", NULL, NULL},
	{1, "属于主动公开", NULL, NULL, "不"},
	{1, "已在", "网站", "公开", NULL},
	{2, "部分公开", NULL, NULL, NULL},
	{3, "不予公开", NULL, NULL, "不属于"},
	/* Older wording (2007 §21): "不属于公开的范围" withholds, "属于可公开的…范畴" discloses. */
	{3, "不属于公开的范围", NULL, NULL, NULL},
	{3, "不属于公开范围", NULL, NULL, NULL},
	{3, "不属于可公开", NULL, NULL, NULL},
	{3, "不属于政府信息公开的范围", NULL, NULL, NULL},
	{3, "不属于政府信息公开范围", NULL, NULL, NULL},
	{3, "不得公开", NULL, NULL, NULL},
	{3, "决定不公开", NULL, NULL, NULL},
	{3, "不予提供", NULL, NULL, NULL},
	{2, "予以公开", NULL, NULL, "不"},
	{2, "属于可公开", NULL, NULL, "不"},
	{2, "属于可以公开", NULL, NULL, "不"},
	{2, "属于公开范围", NULL, NULL, "不"},
	{2, "属于公开的范围", NULL, NULL, "不"},
	{2, "同意公开", NULL, NULL, "不"},
	{2, "提供给你", NULL, NULL, NULL},
	{2, "提供给您", NULL, NULL, NULL},
	{2, "向你提供", NULL, NULL, NULL},
	{2, "向您提供", NULL, NULL, NULL},
	{2, "现予提供", NULL, NULL, NULL},
	{2, "予以提供", NULL, NULL, "不"},
};

static int sentence_has(const struct letter_doc *d, size_t pos, const char *w)
{
	if (!w)
		return 1;
	size_t s, e;
	body_sentence(d, pos, &s, &e);
	return text_find(d->body.text, s, e, w) >= 0;
}

/* First position where the signal holds, or -1. */
static ssize_t signal_find(const struct letter_doc *d, const struct signal *sg)
{
	const char *t = d->body.text;
	size_t from = 0;
	for (size_t seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, sg->anchor);
		if (p < 0)
			return -1;
		from = (size_t)p + 1;
		if (sg->not_after && text_before(t, (size_t)p, sg->not_after))
			continue;
		if (sentence_has(d, (size_t)p, sg->also) && sentence_has(d, (size_t)p, sg->also2))
			return p;
	}
	return -1;
}

/* Reads "第36条第(4)项", "第36条第4项", "第36条(4)" at p (just after "第36条"): the item. */
static int cited_item(const char *t, size_t len, size_t p)
{
	if (text_at(t, len, p, "第"))
		p += strlen("第");
	int paren = 0;
	if (p < len && t[p] == '(') {
		paren = 1;
		p++;
	}
	int v = 0, n = 0;
	while (p < len && t[p] >= '0' && t[p] <= '9' && n < 3) {
		v = v * 10 + (t[p] - '0');
		p++;
		n++;
	}
	if (n == 0)
		return 0;
	if (paren && (p >= len || t[p] != ')'))
		return 0;
	if (!paren && !text_at(t, len, p, "项"))
		return 0;
	return v >= 1 && v <= 7 ? v : 0;
}

static void find_reply_type(struct letter_doc *d)
{
	const char *t = d->body.text;
	int cited = 0, cited_count = 0;
	unsigned cited_set = 0;
	size_t cited_at = 0;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, d->body.len, "第36条");
		if (p < 0)
			break;
		from = (size_t)p + strlen("第36条");
		int item = cited_item(t, d->body.len, from);
		if (item && !(cited_set & (1u << item))) {
			cited_set |= 1u << item;
			cited_count++;
			if (!cited) {
				cited = item;
				cited_at = (size_t)p;
			}
		}
	}
	if (!cited_count && text_find(t, 0, d->body.len, "第39条") >= 0) {
		ssize_t p = text_find(t, 0, d->body.len, "第39条");
		cited = LETTER_REPLY_39;
		cited_count = 1;
		cited_at = (size_t)p;
	}
	int worded = 0;
	ssize_t worded_at = -1;
	for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
		ssize_t p = signal_find(d, &signals[i]);
		if (p >= 0) {
			worded = signals[i].type;
			worded_at = p;
			break;
		}
	}
	size_t at;
	if (cited_count == 1 || (cited_count > 1 && !(worded && worded <= 7 && (cited_set & (1u << worded))))) {
		d->reply_type = cited;
		at = cited_at;
	} else if (worded) {
		d->reply_type = worded;
		at = (size_t)worded_at;
	} else {
		return;
	}
	body_sentence(d, at, &d->conclusion_start, &d->conclusion_end);
}

static int title_has(const struct letter_doc *d, const char *w)
{
	if (d->title_first == LINE_NONE)
		return 0;
	return text_find(d->norm.text, d->lines[d->title_first].start, d->lines[d->title_last].end, w) >= 0;
}

static ssize_t body_at(const struct letter_doc *d, const char *w)
{
	return text_find(d->body.text, 0, d->body.len, w);
}

/* The kinds a title names, most specific first: a 延期答复告知书 is no 答复书, and a
 * 补正告知书 may mention 受理. */
static const struct {
	enum letter_kind kind;
	const char *word, *unless;
} titles[] = {
	{LETTER_SUPPLEMENT, "补正", NULL},
	{LETTER_EXTENSION, "延期", NULL},
	{LETTER_EXTENSION, "延长", NULL},
	{LETTER_THIRD_PARTY, "征求意见", NULL},
	{LETTER_THIRD_PARTY, "征求第3方", NULL},
	{LETTER_REASONS, "说明理由", NULL},
	{LETTER_FEE, "收费", NULL},
	{LETTER_FEE, "信息处理费", NULL},
	{LETTER_ACK, "回执", NULL},
	{LETTER_ACK, "受理", "答复"},
};

/* Without a telling title, the body's words: each pair must stand in one sentence. */
static const struct {
	enum letter_kind kind;
	const char *word, *also;
} bodies[] = {
	{LETTER_SUPPLEMENT, "补正", "请"},
	{LETTER_SUPPLEMENT, "补正", "告知"},
	{LETTER_EXTENSION, "延长答复期限", NULL},
	{LETTER_EXTENSION, "延期答复", NULL},
	{LETTER_EXTENSION, "延长", "期限"},
	{LETTER_THIRD_PARTY, "征求", "意见"},
	{LETTER_REASONS, "说明理由", NULL},
	{LETTER_FEE, "信息处理费", "缴纳"},
	{LETTER_ACK, "已受理", NULL},
	{LETTER_ACK, "予以受理", NULL},
	{LETTER_ACK, "受理回执", NULL},
};

void letter_find_kind(struct letter_doc *d)
{
	d->kind = LETTER_FINAL;
	d->kind_at = KIND_AT_NONE;
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (title_has(d, titles[i].word) && !(titles[i].unless && title_has(d, titles[i].unless))) {
			d->kind = titles[i].kind;
			d->kind_by_title = 1;
			return;
		}
	find_reply_type(d);
	if (d->reply_type)
		return;
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		ssize_t p = body_at(d, bodies[i].word);
		if (p >= 0 && (!bodies[i].also || sentence_has(d, (size_t)p, bodies[i].also))) {
			d->kind = bodies[i].kind;
			d->kind_at = (size_t)p;
			return;
		}
	}
}

char *letter_kind_quote(const struct letter_doc *d)
{
	if (d->kind_by_title) {
		char *q = norm_quote(d, d->lines[d->title_first].start, d->lines[d->title_last].end);
		return q;
	}
	if (d->kind == LETTER_FINAL && d->reply_type)
		return body_quote(d, d->conclusion_start, d->conclusion_end);
	if (d->kind_at != KIND_AT_NONE) {
		size_t s, e;
		body_sentence(d, d->kind_at, &s, &e);
		return body_quote(d, s, e);
	}
	return strdup("no title or words of a procedural notice and no conclusion: read as a final reply");
}

/* --- restates.request --- */

const char *const letter_request_anchors[] = {"申请公开", "申请获取", "申请提供", "要求公开",
	"要求提供", "要求获取", "申请查阅", "申请查询", "申请内容", "申请事项", NULL};
static const char *const generic_words[] = {"政府信息", "信息公开", "信息", "相关", "有关",
	"公开", "申请", "已收悉", "收悉", "收到", "一事", "事宜", "的", "你", "您", "本机关",
	"我局", "本局", "该", "此", "为", "是", "如下", "我们", "已", "予以", "现", "答复",
	"处理", "情况", "内容", "事项", NULL};

/* Counts the characters of t[a..b) that are not generic words or punctuation. */
static size_t content_chars(const char *t, size_t a, size_t b)
{
	size_t n = 0;
	while (a < b) {
		int skipped = 0;
		for (const char *const *g = generic_words; *g; g++)
			if (text_at(t, b, a, *g)) {
				a += strlen(*g);
				skipped = 1;
				break;
			}
		if (skipped)
			continue;
		uint32_t cp;
		a += utf8_decode(t + a, b - a, &cp);
		if (cp >= 0x3400 || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'z'))
			n++;
	}
	return n;
}

/* Quoted content in t[s..e): the most characters of substance inside “...”, 《...》 or "...".
 * The names of laws (《…条例》) and of forms (《…申请表》) say nothing about the request. */
static size_t quoted_chars(const char *t, size_t s, size_t e)
{
	static const char *const pairs[][2] = {{"“", "”"}, {"《", "》"}, {"\"", "\""}, {"「", "」"}};
	/* Nor do receipts and other forms named beside the request (《收件证明》, 《登记回执》). */
	static const char *const not_content[] = {"条例", "办法", "信息公开规定", "申请表", "申请书",
		"答复书", "告知书", "通知书", "决定书", "回执", "收件证明", "登记表", NULL};
	size_t best = 0;
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
		for (size_t from = s;;) {
			ssize_t o = text_find(t, from, e, pairs[k][0]);
			if (o < 0)
				break;
			size_t in = (size_t)o + strlen(pairs[k][0]);
			ssize_t c = text_find(t, in, e, pairs[k][1]);
			if (c < 0)
				break;
			from = (size_t)c + strlen(pairs[k][1]);
			int skip = 0;
			for (const char *const *w = not_content; *w; w++)
				if (text_find(t, in, (size_t)c, *w) >= 0)
					skip = 1;
			size_t n = skip ? 0 : content_chars(t, in, (size_t)c);
			if (n > best)
				best = n;
		}
	}
	return best;
}

/* End of the clause that starts at p (next , 。 ; ! ? or the sentence end). */
static size_t clause_end(const char *t, size_t p, size_t e)
{
	for (size_t i = p; i < e; i++) {
		if (t[i] == ',' || t[i] == ';' || t[i] == '!' || t[i] == '?')
			return i;
		if (text_at(t, e, i, "。"))
			return i;
	}
	return e;
}

static int pass_sentence(const struct letter_doc *d, struct finding_list *out, const char *code,
			 size_t s, size_t e)
{
	return body_finding(d, out, code, FINDING_PASS, s, e, "%s", "");
}

/* The request is restated when a sentence names it: after 申请公开/申请获取/要求公开... comes
 * its substance (words that are not generic), or the sentence quotes it (“…”), or it says
 * 关于X的申请. Generic wording ("你申请的政府信息") does not count. */
static int restates_request(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	struct text_cursor cur;
	text_cursor_init(&cur, t, len, letter_request_anchors);
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		size_t w = 0;
		ssize_t p = text_cursor_next(&cur, from, &w);
		if (p < 0)
			break;
		from = (size_t)p + 1;
		size_t s, e, after = (size_t)p + strlen(letter_request_anchors[w]);
		body_sentence(d, (size_t)p, &s, &e);
		/* "您申请获取的政府信息属于…" describes the information, it does not name it: words
		 * after "申请获取的" are the conclusion, so only a quotation counts there. */
		int describes = text_at(t, e, after, "的");
		if (quoted_chars(t, s, e) >= 4 || (!describes && content_chars(t, after, clause_end(t, after, e)) >= 4))
			return pass_sentence(d, out, "restates.request", s, e);
	}
	/* "你在申请中要求“……”", "关于X的申请". */
	static const char *const weak[] = {"要求", "申请", NULL};
	text_cursor_init(&cur, t, len, weak);
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		size_t w = 0;
		ssize_t p = text_cursor_next(&cur, from, &w);
		if (p < 0)
			break;
		from = (size_t)p + 1;
		size_t s, e;
		body_sentence(d, (size_t)p, &s, &e);
		if (quoted_chars(t, (size_t)p, e) >= 4)
			return pass_sentence(d, out, "restates.request", s, e);
	}
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, len, "关于");
		if (p < 0)
			break;
		from = (size_t)p + 1;
		if (text_before(t, (size_t)p, "机"))
			continue; /* "本机关于2023年…" is 机关 + 于, not 关于 */
		size_t s, e;
		body_sentence(d, (size_t)p, &s, &e);
		/* "关于X的申请", "关于X的政府信息公开申请", "关于《X》的信息公开申请". */
		static const char *const tails[] = {"的申请", "的政府信息公开申请", "的信息公开申请",
			"的公开申请", NULL};
		ssize_t q = text_find_any(t, (size_t)p, clause_end(t, (size_t)p, e), tails, NULL);
		if (q >= 0 && content_chars(t, (size_t)p + strlen("关于"), (size_t)q) >= 4)
			return pass_sentence(d, out, "restates.request", s, e);
	}
	return finding_add(out, "restates.request", FINDING_FAIL,
			   "the letter does not say what was requested");
}

/* --- restates.received --- */

static const char *const receipt_words[] = {"收到", "收悉", "收讫", "受理", "提交", "提出",
	"递交", "接收", "登记", NULL};

static int restates_received(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len, from = 0;
	struct date_match m;
	for (size_t seen = 0; seen < TEXT_SCAN_MAX && text_find_date(t, from, len, 1, &m); seen++) {
		size_t s, e;
		body_sentence(d, m.start, &s, &e);
		for (const char *const *w = receipt_words; *w; w++) {
			if (text_find(t, s, e, *w) >= 0) {
				return pass_sentence(d, out, "restates.received", s, e);
			}
		}
		from = m.end;
	}
	for (const char *const *w = receipt_words; *w; w++) {
		ssize_t p = text_find(t, 0, len, *w);
		if (p >= 0 && (text_find(t, 0, len, "申请") >= 0)) {
			return sentence_finding(d, out, "restates.received", FINDING_FAIL, (size_t)p,
					    "mentions the request but not the date it was received: ");
		}
	}
	return finding_add(out, "restates.received", FINDING_FAIL,
			   "the letter does not state when the request was received");
}

int letter_check_restates(const struct letter_doc *d, struct finding_list *out)
{
	if (restates_request(d, out))
		return -1;
	return restates_received(d, out);
}

int letter_check_conclusion(const struct letter_doc *d, struct finding_list *out)
{
	if (d->kind != LETTER_FINAL)
		return finding_add(out, "conclusion.type", FINDING_UNKNOWN,
				   "%s: not a final reply, so there is no conclusion to classify",
				   letter_kind_describe(d->kind));
	if (letter_form_unmarked(d))
		return finding_add(out, "conclusion.type", FINDING_UNKNOWN,
				   "a printed form with %d alternatives and none ticked: which one the unit "
				   "chose is for the reviewer, on the original", d->form_boxes);
	if (!d->reply_type)
		return finding_add(out, "conclusion.type", FINDING_FAIL,
				   "no conclusion of the seven types of §36 or a §39 notice found");
	return body_finding(d, out, "conclusion.type", FINDING_PASS, d->conclusion_start,
			    d->conclusion_end, "type %s, %s: ", letter_reply_type_name(d->reply_type),
			    letter_reply_type_describe(d->reply_type));
}
