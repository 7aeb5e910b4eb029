/*
 * The legal basis: does the letter cite the 2019 Regulation to the article, and does it
 * avoid the 2007 Regulation's numbering (reply types under article 21, the 15-working-day
 * deadline of article 24, "special needs" of article 13, remedies under article 33)?
 */
#include "grader/letter_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const reg_names[] = {"政府信息公开条例》", "政府信息公开条例", "《条例》", NULL};

/* Reads "第N条" at p; returns the end or 0. */
static size_t article_at(const char *t, size_t len, size_t p)
{
	if (!text_at(t, len, p, "第"))
		return 0;
	size_t k = p + strlen("第"), n = k;
	while (k < len && t[k] >= '0' && t[k] <= '9')
		k++;
	if (k == n || !text_at(t, len, k, "条"))
		return 0;
	return k + strlen("条");
}

/* Extends a citation end over 第N款, 第(N)项, 第N项, (N). */
static size_t citation_tail(const char *t, size_t len, size_t p)
{
	for (;;) {
		size_t k = p;
		if (text_at(t, len, k, "第"))
			k += strlen("第");
		int paren = k < len && t[k] == '(';
		if (paren)
			k++;
		size_t n = k;
		while (k < len && t[k] >= '0' && t[k] <= '9')
			k++;
		if (k == n)
			return p;
		if (paren) {
			if (k >= len || t[k] != ')')
				return p;
			k++;
			if (text_at(t, len, k, "项"))
				k += strlen("项");
		} else if (text_at(t, len, k, "款") || text_at(t, len, k, "项")) {
			k += strlen("款");
		} else {
			return p;
		}
		p = k;
	}
}

/* The title 《…》 that closes at or before `at` with only a citation between (第10条、第36条,
 * (国务院令第711号)): [*ts, *te) inside the marks. 0 when the article follows no title. */
#define CITATION_GAP 96
static int title_before(const char *t, size_t from, size_t at, size_t *ts, size_t *te)
{
	size_t lo = at > from + CITATION_GAP ? at - CITATION_GAP : from;
	ssize_t close = text_rfind(t, lo, at, "》");
	if (close < 0 || text_find(t, (size_t)close, at, "。") >= 0)
		return 0;
	ssize_t open = text_rfind(t, from, (size_t)close, "《");
	if (open < 0)
		return 0;
	*ts = (size_t)open + strlen("《");
	*te = (size_t)close;
	return 1;
}

static int is_regulation(const char *t, size_t ts, size_t te)
{
	return text_find(t, ts, te, "政府信息公开条例") >= 0 ||
	       (te - ts == strlen("条例") && text_at(t, te, ts, "条例"));
}

/* Whose article stands at p: 1 when it is the Regulation's (named before it, or no title at
 * all: "依据第36条"), 0 when the nearest title before it is another instrument's
 * (《上海市政府信息公开规定》第27条 is not the Regulation's article 27). */
static int regulation_article(const struct letter_doc *d, size_t p)
{
	size_t s, e, ts, te;
	body_sentence(d, p, &s, &e);
	if (!title_before(d->body.text, s, p, &ts, &te))
		return 1;
	return is_regulation(d->body.text, ts, te);
}

int letter_regulation_article(const struct letter_doc *d, size_t p)
{
	return regulation_article(d, p);
}

/* The first article cited of an instrument other than the Regulation: "《X》第N条". */
static int other_instrument(const struct letter_doc *d, size_t *qs, size_t *qe)
{
	const char *t = d->body.text;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t c = text_find(t, from, d->body.len, "》第");
		if (c < 0)
			return 0;
		from = (size_t)c + 1;
		size_t art = article_at(t, d->body.len, (size_t)c + strlen("》"));
		size_t s, e, ts, te;
		body_sentence(d, (size_t)c, &s, &e);
		if (!art || !title_before(t, s, (size_t)c + strlen("》"), &ts, &te) || is_regulation(t, ts, te))
			continue;
		*qs = ts - strlen("《");
		*qe = citation_tail(t, d->body.len, art);
		return 1;
	}
	return 0;
}

static int check_article(const struct letter_doc *d, struct finding_list *out)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	char found[3][512];
	size_t nfound = 0;
	ssize_t bare = -1;
	size_t scan_from = 0;
	struct text_cursor cur;
	text_cursor_init(&cur, t, len, reg_names);
	for (size_t seen = 0; nfound < 3 && seen < TEXT_SCAN_MAX; seen++) {
		size_t w = 0;
		ssize_t best = text_cursor_next(&cur, scan_from, &w);
		if (best < 0)
			break;
		const char *name = reg_names[w];
		size_t after = (size_t)best + strlen(name);
		if (text_at(t, len, after, "》"))
			after += strlen("》");
		scan_from = after;
		/* Allow a few words between the name and the article: "条例》(国务院令第711号)第36条". */
		size_t s, e;
		body_sentence(d, (size_t)best, &s, &e);
		size_t art = 0;
		for (size_t k = after; k < e && k < after + 48 && !art; k++) {
			if (text_at(t, len, k, "《"))
				break; /* the next instrument's article, not the Regulation's */
			art = article_at(t, len, k);
		}
		if (!art) {
			if (bare < 0)
				bare = best;
			continue;
		}
		size_t end = citation_tail(t, len, art);
		/* Quote from the opening 《 when there is one nearby. */
		size_t start = (size_t)best;
		for (size_t k = (size_t)best; k > s && (size_t)best - k < 48; k--)
			if (text_at(t, len, k, "《")) {
				start = k;
				break;
			}
		char *q = body_quote(d, start, end);
		snprintf(found[nfound++], sizeof found[0], "%s", q ? q : "");
		free(q);
		scan_from = end;
	}
	if (nfound) {
		return finding_add(out, "basis.article", FINDING_PASS, "%s%s%s%s%s", found[0],
				   nfound > 1 ? "; " : "", nfound > 1 ? found[1] : "",
				   nfound > 2 ? "; " : "", nfound > 2 ? found[2] : "");
	}
	if (bare >= 0) {
		return sentence_finding(d, out, "basis.article", FINDING_FAIL, (size_t)bare,
				    "cites the Regulation without naming an article: ");
	}
	size_t qs, qe;
	if (other_instrument(d, &qs, &qe))
		return body_finding(d, out, "basis.article", FINDING_FAIL, qs, qe,
				    "no article of the Regulation cited, only another instrument's: ");
	return finding_add(out, "basis.article", FINDING_FAIL,
			   "no article of the Regulation on Open Government Information cited");
}

/* Traces of the 2007 Regulation: the anchor, words its sentence must hold (any of `with`,
 * when set), words that excuse it (any of `unless`), whether an item (第N项, (N)) must follow
 * the anchor, and what it means. */
struct outdated {
	const char *anchor;
	const char *const *with;
	const char *const *unless;
	const char *why;
	int item;
};

/* 1 when an item follows at p: 第3项, 第(3)项, (3). */
static int item_at(const char *t, size_t len, size_t p)
{
	int nth = text_at(t, len, p, "第");
	if (nth)
		p += strlen("第");
	int paren = p < len && t[p] == '(';
	if (paren)
		p++;
	size_t n = p;
	while (p < len && t[p] >= '0' && t[p] <= '9')
		p++;
	if (p == n)
		return 0;
	if (paren)
		return p < len && t[p] == ')';
	return nth && text_at(t, len, p, "项");
}

static const char *const w_reg[] = {"条例", NULL};
/* The reply deadline, not any period in a letter that calls itself 本答复书: a window to
 * collect the information ("收到本答复书之日起15个工作日内…领取") is the unit's own. */
static const char *const w_deadline[] = {"答复期限", "予以答复", "作出答复", "给予答复", "内答复",
	"延长", "延期", NULL};
/* 第三方 reads 第3方 once normalised (normalize.h: a numeral after 第 is a number). */
static const char *const u_deadline[] = {"第3方", "征求", "意见", "补正", "领取", NULL};
static const char *const w_needs[] = {"特殊需要", "生产", "科研", NULL};
static const char *const w_remedy[] = {"复议", "诉讼", NULL};
static const char *const w_third[] = {"第3方", NULL};
static const char *const w_fee[] = {"费", NULL};
static const char *const w_extend[] = {"延长", "延期", "期限", NULL};
static const char *const w_partial[] = {"区分处理", NULL};
static const char *const w_proactive[] = {"主动公开", NULL};

static const struct outdated outdated[] = {
	/* The 2019 article 21 (proactive disclosure by local governments) has no items. */
	{"第21条", w_reg, NULL,
	 "an item of article 21 is where the 2007 Regulation listed the replies; since 2019 it is article 36",
	 1},
	{"第24条", w_extend, NULL,
	 "article 24 is the 2007 Regulation's deadline; since 2019 it is article 33", 0},
	{"15个工作日", w_deadline, u_deadline,
	 "15 working days is the 2007 deadline; since 2019 a reply is due in 20 working days (§33)", 0},
	{"生产、生活、科研", NULL, NULL,
	 "\"special needs of production, living and research\" is the 2007 wording (article 13), dropped in 2019", 0},
	{"生产生活科研", NULL, NULL,
	 "\"special needs of production, living and research\" is the 2007 wording (article 13), dropped in 2019", 0},
	{"第13条", w_needs, NULL,
	 "article 13 of the 2007 Regulation (special needs) was dropped in 2019", 0},
	{"第33条", w_remedy, NULL,
	 "article 33 is where the 2007 Regulation placed remedies; the 2019 article 33 is the deadline", 0},
	{"第23条", w_third, NULL,
	 "article 23 is the 2007 Regulation's third-party rule; since 2019 it is article 32", 0},
	{"第27条", w_fee, NULL,
	 "article 27 is the 2007 Regulation's fee rule; since 2019 information is free (§42)", 0},
	{"第22条", w_partial, NULL,
	 "article 22 is the 2007 Regulation's partial disclosure (区分处理); since 2019 it is article 37", 0},
	{"第9条", w_proactive, NULL,
	 "article 9 is the 2007 Regulation's proactive disclosure; since 2019 it is articles 19-20", 0},
	{"国务院令第492号", NULL, NULL, "State Council Order 492 is the 2007 Regulation", 0},
	{"国办发[2008]36号", NULL, NULL,
	 "the 2008 opinions (国办发〔2008〕36号) applied the 2007 Regulation", 0},
};

/* reg_cited: the letter cites an article of the Regulation (basis.article passed). */
static int check_current_law(const struct letter_doc *d, struct finding_list *out, int reg_cited)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	for (size_t i = 0; i < sizeof outdated / sizeof outdated[0]; i++) {
		const struct outdated *o = &outdated[i];
		for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
			ssize_t p = text_find(t, from, len, o->anchor);
			if (p < 0)
				break;
			from = (size_t)p + 1;
			if (o->item && !item_at(t, len, (size_t)p + strlen(o->anchor)))
				continue;
			if (o->anchor[0] == "第"[0] && !regulation_article(d, (size_t)p))
				continue; /* another instrument's article of that number */
			size_t s, e;
			body_sentence(d, (size_t)p, &s, &e);
			if (o->with && text_find_any(t, s, e, o->with, NULL) < 0)
				continue;
			if (o->unless && text_find_any(t, s, e, o->unless, NULL) >= 0)
				continue;
			return body_finding(d, out, "basis.current_law", FINDING_FAIL, s, e, "%s: ", o->why);
		}
	}
	/* A local rule or another instrument as the only basis: whether it is still in force is
	 * the reviewer's knowledge, not the text's. */
	size_t qs, qe;
	if (!reg_cited && other_instrument(d, &qs, &qe))
		return body_finding(d, out, "basis.current_law", FINDING_UNKNOWN, qs, qe,
				    "the only basis cited is another instrument; whether it is in force is "
				    "for the reviewer: ");
	return finding_add(out, "basis.current_law", FINDING_PASS,
			   "no 2007 article numbers, deadlines or wording found");
}

int letter_check_basis(const struct letter_doc *d, struct finding_list *out)
{
	/* On an unticked form every alternative cites its own article: none is the letter's. */
	if (letter_form_unmarked(d)) {
		static const char *const codes[] = {"basis.article", "basis.current_law"};
		for (size_t i = 0; i < 2; i++)
			if (finding_add(out, codes[i], FINDING_UNKNOWN,
					"a printed form with none of its %d alternatives ticked: the basis "
					"depends on the alternative chosen", d->form_boxes))
				return -1;
		return 0;
	}
	if (check_article(d, out))
		return -1;
	const struct finding *art = finding_get(out, "basis.article");
	return check_current_law(d, out, art && art->result == FINDING_PASS);
}
