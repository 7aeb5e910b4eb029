/*
 * The rules about the channels a guide lists: online, post (address and postcode), the
 * receiving office, telephone, and e-mail or fax.
 */
#include "grader/guide_rules.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define NOT_FOUND ((size_t)-1)

/* How far around a mention of the online channel its address may be. */
#define ONLINE_BEFORE 300
#define ONLINE_AFTER 400

/* A walk over the occurrences of a set of labels, skipping the ones the page uses for
 * something else (网站地址 is not a postal address) and the website's own contacts. */
struct label_walk {
	struct text_cursor m;
	const char *const *not_after;
	size_t pos;
	int seen;
};

static void walk_start(struct label_walk *w, const struct guide_ctx *c, const char *const *labels,
		       const char *const *not_after, size_t from)
{
	text_cursor_init(&w->m, c->t->text, c->t->len, labels);
	w->not_after = not_after;
	w->pos = from;
	w->seen = 0;
}

/* The next label; returns 1 and sets [*ls, *le), or 0 at the end (or after
 * GUIDE_MAX_MENTIONS labels: no guide names its phone a thousand times). */
static int next_label(const struct guide_ctx *c, struct label_walk *w, size_t *ls, size_t *le)
{
	const char *x = c->t->text;
	size_t p;
	while (w->seen < GUIDE_MAX_MENTIONS && text_cursor_step(&w->m, &w->pos, &p, NULL)) {
		size_t end = w->pos;
		w->seen++;
		int excluded = 0;
		for (int i = 0; w->not_after && w->not_after[i]; i++) {
			size_t n = strlen(w->not_after[i]);
			if (p >= n && memcmp(x + p - n, w->not_after[i], n) == 0)
				excluded = 1;
		}
		if (excluded || guide_is_site_contact(c, p))
			continue;
		*ls = p;
		*le = end;
		return 1;
	}
	return 0;
}

/* A label and the value it introduces (guide_label_value); how is 0 when none was found. */
struct labelled {
	size_t ls, le;
	struct guide_match m;
	int how;
};

/* The first of the labels, from `from` on, whose value scan finds; returns 1 when one does. */
static int find_labelled(const struct guide_ctx *c, const char *const *labels,
			 const char *const *not_after, size_t from, guide_scanner scan, struct labelled *out)
{
	struct label_walk w;
	size_t ls, le;
	*out = (struct labelled){0};
	walk_start(&w, c, labels, not_after, from);
	while (next_label(c, &w, &ls, &le))
		if ((out->how = guide_label_value(c, ls, le, scan, &out->m))) {
			out->ls = ls;
			out->le = le;
			return 1;
		}
	return 0;
}

/* Evidence for a labelled value (guide_pair). */
static const char *labelled_pair(const struct guide_ctx *c, const struct labelled *v, char buf[GUIDE_PAIR_MAX])
{
	return guide_pair(c, v->ls, v->le, &v->m, v->how, buf);
}

/* ---- channel.online ---- */

static const char *const online_words[] = {
	"在线申请", "网上申请", "网络申请", "互联网申请", "在线提交", "网上提交", "在线填写",
	"网上填写", "依申请公开平台", "依申请公开系统", "依申请公开栏目", "依申请公开专栏",
	"申请平台", "申请系统", "互联网渠道", "网上办理", "在线办理", NULL};

/* A link target one can follow to apply. */
static int usable_href(const char *h)
{
	return h[0] && h[0] != '#' && strncasecmp(h, "javascript:", 11) != 0 &&
	       strncasecmp(h, "mailto:", 7) != 0 && strncasecmp(h, "tel:", 4) != 0;
}

/*
 * Evidence for an online channel: the sentence that names it, and the address when that
 * sentence does not show it (a link's target, or an address further on).
 */
static void online_pass(struct guide_ctx *c, size_t kw, size_t kw_end, size_t as, size_t ae,
			const char *href)
{
	const char *x = c->t->text;
	char s1[GUIDE_SNIPPET_MAX], s2[GUIDE_SNIPPET_MAX];
	size_t s = guide_clause_start(x, kw), e = guide_sentence_end(x, c->t->len, kw_end);
	if (as < s)
		s = guide_clause_start(x, as);
	if (ae > e)
		e = ae;
	guide_snip(c, s, e, s1);
	if (href && !strstr(s1, href))
		guide_set(c, GUIDE_ONLINE, FINDING_PASS, "%s -> %s", s1, guide_cut(href, s2));
	else if (!href && !strstr(s1, guide_snip(c, as, ae, s2))) /* the address was cut off */
		guide_set(c, GUIDE_ONLINE, FINDING_PASS, "%s ... %s", guide_snip(c, s, kw_end, s1), s2);
	else
		guide_set(c, GUIDE_ONLINE, FINDING_PASS, "%s", s1);
}

void guide_rule_online(struct guide_ctx *c)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char s1[GUIDE_SNIPPET_MAX], s2[GUIDE_SNIPPET_MAX];
	size_t named = NOT_FOUND, denied = NOT_FOUND, scripted = NOT_FOUND;
	const struct guide_link *scripted_link = NULL;
	int seen = 0;
	struct text_cursor words;
	text_cursor_init(&words, x, t->len, online_words);

	size_t kw, kw_end = 0;
	while (seen++ < GUIDE_MAX_MENTIONS && text_cursor_step(&words, &kw_end, &kw, NULL)) {
		if (guide_is_negated(c, kw)) {
			if (denied == NOT_FOUND)
				denied = kw;
			continue;
		}
		if (named == NOT_FOUND)
			named = kw;
		/* The line that names the channel and the next one; not across other paragraphs. */
		size_t ls = guide_line_start(x, kw), le = guide_line_end(x, t->len, kw_end);
		if (le < t->len)
			le = guide_line_end(x, t->len, le + 1);
		size_t from = kw > ls + ONLINE_BEFORE ? guide_back_chars(x, kw, ls, ONLINE_BEFORE / 3) : ls;
		size_t to = kw_end + ONLINE_AFTER < le ? guide_fwd_chars(x, kw_end, le, ONLINE_AFTER / 3) : le;

		/* An address written out: "登录随州市人民政府门户网站（www.suizhou.gov.cn）". */
		struct guide_match m;
		if (guide_scan_url(x, from, to, &m) || guide_label_value(c, kw, kw_end, guide_scan_url, &m)) {
			online_pass(c, kw, kw_end, m.start, m.end, NULL);
			return;
		}
		/* A link in that stretch (or the mention itself a link) with a target to follow. */
		const struct guide_link *around = guide_text_link_at(t, kw);
		size_t lo = around && around->start < from ? around->start : from;
		for (size_t i = guide_text_first_link(t, lo); i < t->nlinks && t->links[i].start < to; i++) {
			const struct guide_link *l = &t->links[i];
			if (l->start == l->end)
				continue;
			if (usable_href(l->href)) {
				online_pass(c, kw, kw_end, l->start, l->end, l->href);
				return;
			}
			if (strncasecmp(l->href, "javascript:", 11) == 0 && scripted == NOT_FOUND) {
				scripted = kw;
				scripted_link = l;
			}
		}
	}
	if (scripted != NOT_FOUND) {
		guide_set(c, GUIDE_ONLINE, FINDING_UNKNOWN,
			  "the online channel is a script link (%s), not an address: %s",
			  guide_cut(scripted_link->href, s2),
			  guide_snip(c, guide_clause_start(x, scripted), guide_sentence_end(x, t->len, scripted), s1));
	} else if (named != NOT_FOUND) {
		guide_set(c, GUIDE_ONLINE, FINDING_FAIL, "the online channel is named without an address: %s",
			  guide_snip(c, guide_clause_start(x, named), guide_sentence_end(x, t->len, named), s1));
	} else if (denied != NOT_FOUND) {
		guide_set(c, GUIDE_ONLINE, FINDING_FAIL, "the guide says there is no online channel: %s",
			  guide_snip(c, guide_clause_start(x, denied), guide_sentence_end(x, t->len, denied), s1));
	} else {
		guide_set(c, GUIDE_ONLINE, FINDING_FAIL,
			  "no online application channel (在线申请/网上申请) is listed");
	}
}

/* ---- channel.postal ---- */

static const char *const address_labels[] = {
	"通信地址", "通讯地址", "邮寄地址", "联系地址", "办公地址", "受理地址", "地址", "邮寄至",
	"寄至", "寄送至", "寄往", "邮寄到", "寄到", NULL};
/* "网站地址", "邮箱地址" ... are not where letters go. */
static const char *const not_postal[] = {
	"网站", "网页", "网络", "邮箱", "电子邮件", "电子邮箱", "链接", "IP", "平台", "电邮", NULL};
static const char *const postcode_labels[] = {"邮政编码", "邮编", "邮码", NULL};

void guide_rule_postal(struct guide_ctx *c)
{
	char s1[GUIDE_PAIR_MAX], s2[GUIDE_PAIR_MAX];
	struct labelled addr, code = {0};
	int have_addr = find_labelled(c, address_labels, not_postal, 0, guide_scan_address, &addr);
	/* The postcode that goes with the address: the first one after it, else any. */
	int have_code = 0;
	for (int pass = 0; pass < 2 && !have_code; pass++)
		have_code = find_labelled(c, postcode_labels, NULL, pass == 0 && have_addr ? addr.ls : 0,
					  guide_scan_postcode, &code);

	if (have_addr && have_code) {
		guide_set(c, GUIDE_POSTAL, FINDING_PASS, "%s; %s", labelled_pair(c, &addr, s1),
			  labelled_pair(c, &code, s2));
	} else if (have_addr) {
		guide_set(c, GUIDE_POSTAL, FINDING_FAIL, "address: %s; no postcode (邮政编码) is given",
			  labelled_pair(c, &addr, s1));
	} else if (have_code) {
		guide_set(c, GUIDE_POSTAL, FINDING_FAIL, "postcode: %s; no postal address is given",
			  labelled_pair(c, &code, s2));
	} else {
		guide_set(c, GUIDE_POSTAL, FINDING_FAIL, "no postal address or postcode is given");
	}
}

/* ---- channel.office ---- */

static const char *const office_labels[] = {
	"受理机构", "受理机关", "受理部门", "受理单位", "受理窗口", "受理地点", "工作机构", "承办机构",
	"办理机构", "接收机构", "申请接收机构", "机构名称", NULL};
/* At most this many characters (numbering: 一、 (二) 3.) stand before a heading's label. */
#define HEADING_LEAD_CHARS 4
/* Names that are the FOI office whatever label (or none) they have. */
static const char *const office_names[] = {
	"政府信息公开办公室", "政务公开办公室", "信息公开办公室", "政府信息公开科", "政务公开科",
	"信息公开科", "政务公开办", "信息公开办", "依申请公开受理窗口", "信息公开受理窗口",
	"政府信息公开工作领导小组办公室", "政府信息公开处", "政务公开处", "信息公开处", NULL};
/* The postal instruction names the office too: "邮寄至X办公室（地址…）". */
static const char *const postal_verbs[] = {"邮寄至", "邮寄到", "寄送至", "寄至", "寄到", NULL};

/* The office name ending at `end`: the Chinese text before it in the same clause. */
static size_t name_start(const char *x, size_t end, size_t floor)
{
	size_t s = end;
	size_t chars = 0;
	while (s > floor && chars < 30) {
		size_t prev = guide_back_chars(x, s, floor, 1);
		unsigned char ch = (unsigned char)x[prev];
		if (ch < 0x80 || memcmp(x + prev, "。", 3) == 0 || memcmp(x + prev, "、", 3) == 0 ||
		    memcmp(x + prev, "为", 3) == 0 || memcmp(x + prev, "是", 3) == 0 ||
		    memcmp(x + prev, "由", 3) == 0 || memcmp(x + prev, "向", 3) == 0 ||
		    memcmp(x + prev, "“", 3) == 0 || memcmp(x + prev, "”", 3) == 0)
			break;
		s = prev;
		chars++;
	}
	return s;
}

void guide_rule_office(struct guide_ctx *c)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char s1[GUIDE_SNIPPET_MAX], pair[GUIDE_PAIR_MAX];
	struct label_walk w;
	size_t ls, le;
	struct guide_match m;

	/* First the labels that introduce a value ("受理机构：", "工作机构为"), then headings
	 * ("一、受理机构") with the name on the lines under them. */
	for (int pass = 0; pass < 2; pass++) {
		walk_start(&w, c, office_labels, NULL, 0);
		while (next_label(c, &w, &ls, &le)) {
			int introduces = le < t->len && (x[le] == ':' || x[le] == '\t' || x[le] == ' ' ||
							 memcmp(x + le, "为", 3) == 0 || memcmp(x + le, "是", 3) == 0);
			if (introduces != (pass == 0))
				continue;
			/* A heading starts its line ("一、受理机构"); mid-sentence the word is prose
			 * ("以受理机关公开的指南为准"), not a label. */
			if (pass == 1 && guide_fwd_chars(x, guide_line_start(x, ls), ls, HEADING_LEAD_CHARS) < ls)
				continue;
			int how = guide_label_value(c, ls, le, guide_scan_office, &m);
			if (how) {
				guide_set(c, GUIDE_OFFICE, FINDING_PASS, "%s", guide_pair(c, ls, le, &m, how, pair));
				return;
			}
		}
	}
	walk_start(&w, c, office_names, NULL, 0);
	if (next_label(c, &w, &ls, &le)) {
		size_t p = ls, end = le;
		size_t s = name_start(x, p, guide_line_start(x, p));
		guide_set(c, GUIDE_OFFICE, FINDING_PASS, "%s", guide_snip(c, s, end, s1));
		return;
	}
	walk_start(&w, c, postal_verbs, NULL, 0);
	while (next_label(c, &w, &ls, &le)) {
		if (guide_scan_office(x, le, guide_line_end(x, t->len, le), &m)) {
			guide_set(c, GUIDE_OFFICE, FINDING_PASS, "named where applications are posted: %s",
				  guide_snip(c, ls, m.end, s1));
			return;
		}
	}
	guide_set(c, GUIDE_OFFICE, FINDING_FAIL,
		  "the receiving office (受理机构, 政府信息公开办公室) is not named");
}

/* ---- channel.phone ---- */

static const char *const phone_labels[] = {
	"联系电话", "咨询电话", "受理电话", "办公电话", "电话号码", "电话", "联系方式", "Tel", "TEL",
	"tel", NULL};
static const char *const fax_labels[] = {"传真号码", "传真", "Fax", "FAX", "fax", NULL};

/* Whose number a 电话 label gives, from the words before it on its line. */
enum { PHONE_OTHER = 0, PHONE_PLAIN = 1, PHONE_OFFICE = 2 };
#define PHONE_CONTEXT_CHARS 20

struct phone_pick {
	int rank;
	size_t ls, le;
	struct guide_match m;
	int how;
	const char *whose;
};

static int phone_rank(const struct guide_ctx *c, size_t label, const char **whose)
{
	static const struct { const char *word, *whose; } others[] = {
		{"查阅", "reading room"}, {"阅览", "reading room"}, {"热线", "hotline"},
		{"12345", "hotline"}, {"投诉", "complaints line"}, {"举报", "complaints line"},
		{"监督", "complaints line"}, {"值班", "duty office"}, {"网站", "website"},
		{"维护", "website"}, {"技术支持", "website"},
	};
	static const char *const office_words[] = {"受理", "申请", "信息公开", "政务公开", NULL};
	const char *x = c->t->text;
	size_t ln = guide_line_start(x, label);
	size_t from = guide_back_chars(x, label, ln, PHONE_CONTEXT_CHARS);
	/* The label itself may say it: 受理电话, 咨询电话. */
	size_t to = guide_fwd_chars(x, label, c->t->len, 2);
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (text_find(x, from, to, others[i].word) >= 0) {
			*whose = others[i].whose;
			return PHONE_OTHER;
		}
	*whose = "office";
	return text_find_any(x, from, to, office_words, NULL) >= 0 ? PHONE_OFFICE : PHONE_PLAIN;
}

void guide_rule_phone(struct guide_ctx *c)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char s1[GUIDE_SNIPPET_MAX], pair[GUIDE_PAIR_MAX];
	struct label_walk w;
	size_t ls, le;
	struct guide_match m;
	static const char *const not_phone[] = {"传真", NULL};

	/* Of several numbers, the office's that receives applications; a reading room's or a
	 * hotline's answers other questions. */
	struct phone_pick best = {0}, other = {0};
	int others = 0;
	walk_start(&w, c, phone_labels, not_phone, 0);
	while (next_label(c, &w, &ls, &le)) {
		int how = guide_label_value(c, ls, le, guide_scan_phone_labelled, &m);
		if (!how)
			continue;
		const char *whose = NULL;
		int rank = phone_rank(c, ls, &whose);
		if (rank == 0) {
			if (!others++)
				other = (struct phone_pick){rank, ls, le, m, how, whose};
			continue;
		}
		if (rank > best.rank)
			best = (struct phone_pick){rank, ls, le, m, how, whose};
		if (rank == PHONE_OFFICE)
			break;
	}
	if (best.rank) {
		const char *ev = guide_pair(c, best.ls, best.le, &best.m, best.how, pair);
		if (others)
			guide_set(c, GUIDE_PHONE, FINDING_PASS, "%s (taken as %s; %d other number%s listed, "
				  "e.g. %s's: not the office that receives applications)", ev,
				  best.rank == PHONE_OFFICE ? "the receiving office's" : "the guide's contact",
				  others, others > 1 ? "s" : "", other.whose);
		else
			guide_set(c, GUIDE_PHONE, FINDING_PASS, "%s", ev);
		return;
	}
	if (others) {
		guide_set(c, GUIDE_PHONE, FINDING_UNKNOWN,
			  "only a %s's number is given, not the receiving office's: %s", other.whose,
			  guide_pair(c, other.ls, other.le, &other.m, other.how, pair));
		return;
	}
	for (size_t i = 0; i < t->nlinks; i++)
		if (strncasecmp(t->links[i].href, "tel:", 4) == 0) {
			guide_set(c, GUIDE_PHONE, FINDING_PASS, "%s", guide_cut(t->links[i].href, s1));
			return;
		}
	/* A number with an area code but no label: likely the office's, but say so. */
	int seen = 0;
	for (size_t p = 0; seen++ < GUIDE_MAX_MENTIONS && guide_scan_phone(x, p, t->len, 0, &m); p = m.end) {
		size_t ln = guide_line_start(x, m.start);
		if (text_find_any(x, ln, m.start, fax_labels, NULL) >= 0 ||
		    guide_is_site_contact(c, m.start))
			continue;
		guide_set(c, GUIDE_PHONE, FINDING_UNKNOWN, "a number without a 电话 label: %s",
			  guide_snip(c, guide_clause_start(x, m.start), m.end, s1));
		return;
	}
	guide_set(c, GUIDE_PHONE, FINDING_FAIL, "no telephone number is given");
}

/* ---- channel.email_or_fax ---- */

static const char *const email_labels[] = {
	"电子邮箱", "电子邮件", "电子信箱", "邮箱", "E-mail", "E-Mail", "e-mail", "Email", "EMAIL",
	"email", "电邮", NULL};
static const char *const mail_words[] = {"电子邮件", "电子邮箱", "邮箱", "传真", "电邮", NULL};
/* "电子邮箱：无": the label says there is none. */
static const char *const none_words[] = {"无", "暂无", "暂未", "未开通", "未设", NULL};
static const char *const refusals[] = {
	"不接受", "不受理", "不予受理", "暂不", "未开通", "不开通", "不提供", NULL};

void guide_rule_email_or_fax(struct guide_ctx *c)
{
	const struct guide_text *t = c->t;
	const char *x = t->text;
	char s1[GUIDE_PAIR_MAX], s2[GUIDE_PAIR_MAX];
	struct labelled em, fx;
	const char *mailto = NULL;

	int have_email = find_labelled(c, email_labels, NULL, 0, guide_scan_email, &em);
	if (!have_email)
		for (size_t i = 0; i < t->nlinks && !mailto; i++)
			if (strncasecmp(t->links[i].href, "mailto:", 7) == 0 && t->links[i].href[7] &&
			    !guide_is_site_contact(c, t->links[i].start))
				mailto = t->links[i].href;
	if (!have_email && !mailto) {
		/* An address in a sentence about applying: "将申请书发送至 xxx@163.com". */
		int seen = 0;
		for (size_t p = 0; seen++ < GUIDE_MAX_MENTIONS && guide_scan_email(x, p, t->len, &em.m); p = em.m.end) {
			size_t s = guide_clause_start(x, em.m.start);
			if (!guide_is_site_contact(c, em.m.start) &&
			    (text_find(x, guide_line_start(x, em.m.start), em.m.start, "申请") >= 0 ||
			     text_find(x, s, em.m.start, "发送") >= 0)) {
				have_email = 1;
				em.how = GUIDE_VALUE_INLINE;
				em.ls = em.le = s;
				break;
			}
		}
	}
	int have_fax = find_labelled(c, fax_labels, NULL, 0, guide_scan_phone_labelled, &fx);

	if (have_email && have_fax) {
		guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_PASS, "%s; %s", labelled_pair(c, &em, s1),
			  labelled_pair(c, &fx, s2));
		return;
	}
	if (have_email) {
		guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_PASS, "%s", labelled_pair(c, &em, s1));
		return;
	}
	if (mailto) {
		guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_PASS, "%s", guide_cut(mailto, s1));
		return;
	}
	if (have_fax) {
		guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_PASS, "%s", labelled_pair(c, &fx, s1));
		return;
	}
	/* "本机关不接受电子邮件、传真方式提交的申请": a clear answer is clarity too. */
	int seen = 0;
	struct text_cursor words;
	text_cursor_init(&words, x, t->len, mail_words);
	size_t p, after = 0;
	while (seen++ < GUIDE_MAX_MENTIONS && text_cursor_step(&words, &after, &p, NULL)) {
		size_t s = guide_clause_start(x, p), e = guide_sentence_end(x, t->len, p);
		size_t v = guide_skip_separators(x, after, e, 0);
		if (text_find_any(x, s, e, refusals, NULL) >= 0 ||
		    text_find_any(x, v, e, none_words, NULL) == (ssize_t)v) {
			guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_PASS, "the guide says e-mail and fax are not offered: %s",
				  guide_snip(c, s, e, s1));
			return;
		}
	}
	guide_set(c, GUIDE_EMAIL_OR_FAX, FINDING_FAIL, "no e-mail address or fax number is given");
}
