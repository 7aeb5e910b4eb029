/*
 * The rules about the page as a whole: is it a guide at all (guide.present), and does it
 * say what an application must contain and how the receipt date is fixed (guide.notes).
 */
#include "grader/channel_refusal.h"
#include "grader/guide_rules.h"

#include <stdio.h>
#include <string.h>

#define NOT_FOUND ((size_t)-1)

/* A page with less text than this (in bytes) is empty for a reader. */
#define EMPTY_TEXT_BYTES 40
/* An error page is short: a page this long with a stray "不存在" is something else. */
#define SHORT_PAGE_BYTES 1500
/* A heading longer than this (in bytes) is a container that happens to be styled "title". */
#define HEADING_BYTES 400
/* A line this short that names the guide and is not a link is the page's title. */
#define TITLE_LINE_CHARS 40

static const char *const guide_words[] = {
	"政府信息公开指南", "政务信息公开指南", "信息公开指南", "政务公开指南", "依申请公开指南",
	"信息公开申请指南", "公开指南", NULL};

/* What error pages say: the server's own pages and the CMS's "page not found". */
static const char *const error_words[] = {
	"Not Found", "not found", "NOT FOUND", "Forbidden", "FORBIDDEN", "Bad Gateway",
	"Service Unavailable", "Internal Server Error", "页面不存在", "网页不存在", "页面未找到",
	"页面找不到", "找不到", "无法找到", "不存在或已", "已被删除", "已删除", "已被撤销", "已撤销",
	"访问出错", "出错了", "出错啦", "错误页面", "页面错误", "无法访问", "暂无内容", "暂无信息",
	"暂无数据", "正在建设", "建设中", "系统维护", "系统繁忙", "访问的页面", "请求的页面",
	"页面已过期", NULL};

/* HTTP status codes standing alone ("404", not "0722-3591404"). */
static size_t find_status_code(const char *t, size_t from, size_t to)
{
	static const char *const codes[] = {"404", "403", "500", "502", "503", NULL};
	for (int i = 0; codes[i]; i++) {
		ssize_t f;
		for (size_t p = from; (f = text_find(t, p, to, codes[i])) >= 0;) {
			p = (size_t)f;
			int before = p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9';
			int after = p + 3 < to && t[p + 3] >= '0' && t[p + 3] <= '9';
			int dash = (p > 0 && t[p - 1] == '-') || (p + 3 < to && t[p + 3] == '-');
			if (!before && !after && !dash)
				return p;
			p += 3;
		}
	}
	return NOT_FOUND;
}

static size_t find_error(const char *t, size_t from, size_t to, size_t *len)
{
	size_t which;
	ssize_t f = text_find_any(t, from, to, error_words, &which);
	if (f >= 0) {
		*len = strlen(error_words[which]);
		return (size_t)f;
	}
	size_t p = find_status_code(t, from, to);
	*len = 3;
	return p;
}

static size_t chars_between(const char *t, size_t from, size_t to)
{
	size_t n = 0;
	for (size_t k = from; k < to; k = guide_fwd_chars(t, k, to, 1))
		n++;
	return n;
}

/* Non-space bytes of text. */
static size_t visible_bytes(const struct guide_text *t)
{
	size_t n = 0;
	for (size_t i = 0; i < t->len; i++)
		if (t->text[i] != ' ' && t->text[i] != '\t' && t->text[i] != '\n')
			n++;
	return n;
}

int guide_rule_present(struct guide_ctx *c, char *why, size_t whysz)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char snip[GUIDE_SNIPPET_MAX], snip2[GUIDE_SNIPPET_MAX];
	size_t tlen = strlen(t->title), elen;

	if (find_error(t->title, 0, tlen, &elen) != NOT_FOUND) {
		snprintf(why, whysz, "an error page: title \"%s\"", guide_cut(t->title_shown, snip));
		guide_set(c, GUIDE_PRESENT, FINDING_FAIL, "%s", why);
		return 0;
	}
	if (visible_bytes(t) < EMPTY_TEXT_BYTES) {
		if (t->title[0])
			snprintf(why, whysz, "the page shows almost no text (title \"%s\")", guide_cut(t->title_shown, snip));
		else
			snprintf(why, whysz, "the page shows no text");
		/* An empty page with an error title is an error page; say which. */
		guide_set(c, GUIDE_PRESENT, FINDING_FAIL, "%s", why);
		return 0;
	}
	if (text_find_any(t->title, 0, tlen, guide_words, NULL) >= 0) {
		guide_set(c, GUIDE_PRESENT, FINDING_PASS, "title: %s", guide_cut(t->title_shown, snip));
		return 1;
	}

	/* The guide's name in a heading, else on a short line of its own (a breadcrumb's last
	 * step), and not as a link. */
	size_t in_link = NOT_FOUND, in_text = NOT_FOUND, on_line = NOT_FOUND;
	struct text_cursor words;
	int seen = 0;
	text_cursor_init(&words, x, t->len, guide_words);
	size_t at, after = 0;
	while (seen++ < GUIDE_MAX_MENTIONS && text_cursor_step(&words, &after, &at, NULL)) {
		if (guide_text_link_at(t, at)) {
			if (in_link == NOT_FOUND)
				in_link = at;
			continue;
		}
		const struct guide_span *h = guide_text_head_at(t, at);
		if (h && chars_between(x, h->start, h->end) <= 2 * TITLE_LINE_CHARS) {
			guide_set(c, GUIDE_PRESENT, FINDING_PASS, "heading: %s", guide_snip(c, h->start, h->end, snip));
			return 1;
		}
		size_t ls = guide_line_start(x, at), le = guide_line_end(x, t->len, at);
		if (chars_between(x, ls, le) <= TITLE_LINE_CHARS) {
			if (on_line == NOT_FOUND)
				on_line = at;
		} else if (in_text == NOT_FOUND) {
			in_text = at;
		}
	}
	if (on_line != NOT_FOUND) {
		size_t ls = guide_line_start(x, on_line), le = guide_line_end(x, t->len, on_line);
		guide_set(c, GUIDE_PRESENT, FINDING_PASS, "heading: %s", guide_snip(c, ls, le, snip));
		return 1;
	}

	/* A soft 404: the error in a heading, or anywhere on a short page. */
	for (size_t i = 0; i < t->nheads; i++) {
		if (t->heads[i].end - t->heads[i].start > HEADING_BYTES)
			continue; /* a container styled "title", not a title */
		size_t p = find_error(x, t->heads[i].start, t->heads[i].end, &elen);
		if (p != NOT_FOUND) {
			snprintf(why, whysz, "an error page: \"%s\"",
				 guide_snip(c, t->heads[i].start, t->heads[i].end, snip));
			guide_set(c, GUIDE_PRESENT, FINDING_FAIL, "%s", why);
			return 0;
		}
	}
	if (t->len <= SHORT_PAGE_BYTES) {
		size_t p = find_error(x, 0, t->len, &elen);
		if (p != NOT_FOUND) {
			size_t s = guide_clause_start(x, p), e = guide_sentence_end(x, t->len, p + elen);
			snprintf(why, whysz, "an error page: \"%s\"", guide_snip(c, s, e, snip));
			guide_set(c, GUIDE_PRESENT, FINDING_FAIL, "%s", why);
			return 0;
		}
	}

	if (in_text != NOT_FOUND) {
		size_t s = guide_clause_start(x, in_text), e = guide_sentence_end(x, t->len, in_text);
		guide_set(c, GUIDE_PRESENT, FINDING_UNKNOWN,
			  "the page mentions the guide but is not titled as one: %s", guide_snip(c, s, e, snip));
		return 1;
	}
	if (in_link != NOT_FOUND) {
		const struct guide_link *l = guide_text_link_at(t, in_link);
		guide_set(c, GUIDE_PRESENT, FINDING_UNKNOWN, "the page only links to the guide: %s -> %s",
			  guide_snip(c, l->start, l->end, snip), guide_cut(l->href, snip2));
		c->links_only = 1;
		return 1;
	}
	if (t->title[0])
		guide_set(c, GUIDE_PRESENT, FINDING_FAIL,
			  "the page does not present itself as a 政府信息公开指南 (title \"%s\")",
			  guide_cut(t->title_shown, snip));
	else
		guide_set(c, GUIDE_PRESENT, FINDING_FAIL,
			  "the page does not present itself as a 政府信息公开指南");
	return 1;
}

/* How many of the where-to-apply channels must be given for a page to be a guide by its
 * content: of online, postal, office and telephone. */
#define CHANNELS_FOR_GUIDE 3

void guide_rule_present_by_content(struct guide_ctx *c)
{
	struct finding *present = &c->report->items[GUIDE_PRESENT];
	if (present->result == FINDING_PASS)
		return;
	static const enum guide_item_id where[] = {GUIDE_ONLINE, GUIDE_POSTAL, GUIDE_OFFICE, GUIDE_PHONE};
	int given = 0;
	for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
		given += c->report->items[where[i]].result == FINDING_PASS;
	const struct guide_text *t = c->t;
	char snip[GUIDE_SNIPPET_MAX];
	if (given >= CHANNELS_FOR_GUIDE && text_find(t->text, 0, t->len, "申请") >= 0) {
		const char *title = t->title_shown && t->title_shown[0] ? t->title_shown : "(none)";
		guide_set(c, GUIDE_PRESENT, FINDING_PASS,
			  "the page tells how and where to apply (%d of online, postal, office, telephone), "
			  "whatever its title: %s", given, guide_cut(title, snip));
		return;
	}
	if (!c->links_only)
		return;
	for (int i = GUIDE_PRESENT + 1; i < GUIDE_ITEM_COUNT; i++) {
		struct finding *f = &c->report->items[i];
		if (f->result != FINDING_FAIL)
			continue;
		char was[GUIDE_SNIPPET_MAX];
		guide_cut(f->evidence ? f->evidence : "", was);
		guide_set(c, (enum guide_item_id)i, FINDING_UNKNOWN,
			  "to be read in the guide this page links to (here: %s)", was);
	}
}

/*
 * What an application must contain: 条例 §29 lists the applicant's name, proof of
 * identity and contact details, a description of the information, and the form wanted.
 */
static const char *const content_anchors[] = {
	"应当包括", "应包括", "应当包含", "应包含", "应当载明", "应载明", "须载明", "需载明", "应当写明",
	"应写明", "应当填写", "应填写", "需填写", "须填写", "包括下列内容", "包括以下内容", "应当提供",
	"应提供", "需提供",
	/* Weaker: these are usually headings over the list, not the sentence itself. */
	"申请内容", "申请书内容", NULL};
#define WEAK_ANCHORS 2

static const char *const content_elements[][7] = {
	{"姓名", NULL},
	{"身份证明", "身份证", "证件", NULL},
	{"联系方式", "联系电话", "通信地址", "通讯地址", NULL},
	{"特征性描述", "文号", "信息的名称", "信息名称", "内容描述", NULL},
	{"形式要求", "获取信息的方式", "获取方式", "提供方式", "载体形式", "获取信息的途径", NULL},
};

#define CONTENT_BEFORE 120
#define CONTENT_AFTER 900

/* How the receipt date is fixed (条例 §31): 提交之日, 签收之日, 双方确认之日. */
static const char *const receipt_words[] = {
	"为收到申请之日", "为收到申请的日期", "为收到申请日期", "为申请收到日期", "为收到日期",
	"为受理日期", "为接收日期", "签收之日", "双方确认之日", "确认之日", "提交之日为", NULL};

void guide_rule_notes(struct guide_ctx *c)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char snip1[GUIDE_SNIPPET_MAX], snip2[GUIDE_SNIPPET_MAX];

	/* Contents: an anchor with at least two of the §29 elements near it; a sentence
	 * ("应当包括") makes better evidence than the heading over it ("申请内容"). */
	size_t nanchors = sizeof content_anchors / sizeof content_anchors[0] - 1;
	size_t content_at = NOT_FOUND, content_end = 0;
	int best = 0, best_score = 0, seen = 0;
	struct text_cursor anchors;
	text_cursor_init(&anchors, x, t->len, content_anchors);
	size_t p, which, after = 0;
	while (seen++ < GUIDE_MAX_MENTIONS && text_cursor_step(&anchors, &after, &p, &which)) {
		size_t from = p > CONTENT_BEFORE ? p - CONTENT_BEFORE : 0;
		size_t to = p + CONTENT_AFTER < t->len ? p + CONTENT_AFTER : t->len;
		int found = 0;
		for (size_t k = 0; k < sizeof content_elements / sizeof content_elements[0]; k++) {
			if (text_find_any(x, from, to, content_elements[k], NULL) >= 0)
				found++;
		}
		/* A heading line ("三、申请应当载明的内容") is poorer evidence than the text under it. */
		size_t ls = guide_line_start(x, p), le = guide_line_end(x, t->len, p);
		int score = 4 * found + 2 * (which < nanchors - WEAK_ANCHORS) +
			    (chars_between(x, ls, le) > TITLE_LINE_CHARS / 2);
		if (found >= 2 && score > best_score) {
			best = found;
			best_score = score;
			content_at = guide_clause_start(x, p);
			content_end = guide_sentence_end(x, t->len, p);
		}
	}
	int content_ok = best >= 2;

	ssize_t found_receipt = text_find_any(x, 0, t->len, receipt_words, NULL);
	size_t receipt_at = found_receipt < 0 ? NOT_FOUND : (size_t)found_receipt;
	size_t rs = 0, re = 0;
	if (receipt_at != NOT_FOUND) {
		/* The whole sentence from the first rule: guides list the rules for each channel
		 * in one sentence split by semicolons. */
		rs = guide_clause_start(x, receipt_at);
		re = guide_period_end(x, t->len, receipt_at);
	}

	if (content_ok && receipt_at != NOT_FOUND) {
		guide_set(c, GUIDE_NOTES, FINDING_PASS, "contents: %s; receipt date: %s",
			  guide_snip(c, content_at, content_end, snip1), guide_snip(c, rs, re, snip2));
	} else if (content_ok) {
		guide_set(c, GUIDE_NOTES, FINDING_FAIL,
			  "contents: %s; the receipt date (提交之日/签收之日/双方确认之日) is not explained",
			  guide_snip(c, content_at, content_end, snip1));
	} else if (receipt_at != NOT_FOUND) {
		guide_set(c, GUIDE_NOTES, FINDING_FAIL,
			  "what an application must contain is not listed; receipt date: %s",
			  guide_snip(c, rs, re, snip2));
	} else {
		guide_set(c, GUIDE_NOTES, FINDING_FAIL,
			  "neither what an application must contain nor how the receipt date is fixed is explained");
	}
}

void guide_rule_no_refusal(struct guide_ctx *c)
{
	size_t s, e;
	char buf[GUIDE_SNIPPET_MAX];
	if (channel_refusal_find(c->t->text, 0, c->t->len, &s, &e))
		guide_set(c, GUIDE_NO_REFUSAL, FINDING_FAIL,
			  "refuses applications in person or by post, which may never be refused: %s",
			  guide_snip(c, s, e, buf));
	else if (c->links_only)
		guide_set(c, GUIDE_NO_REFUSAL, FINDING_UNKNOWN, "the page refers to a guide elsewhere: to be read there");
	else
		guide_set(c, GUIDE_NO_REFUSAL, FINDING_PASS, "the page refuses neither applications in person nor by post");
}
