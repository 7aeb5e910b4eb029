/*
 * The remedy notice: administrative reconsideration (行政复议) within 60 days and
 * administrative litigation (行政诉讼) within 6 months, and the bodies to turn to. "3个月"
 * for litigation is the limit before the 2015 Administrative Litigation Law.
 */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct remedy {
	ssize_t reconsider, litigate;  /* body offsets of 复议 and 诉讼/起诉, or -1 */
	size_t rs, re, ls, le;         /* their sentences */
};

/* The remedy notice closes the letter, while the restated request or the reasons may name a
 * 行政复议决定书 or a pending 行政诉讼 before it: the last mentions are the notice's. */
static void find_remedy(const struct letter_doc *d, struct remedy *r)
{
	const char *t = d->body.text;
	size_t len = d->body.len;
	r->reconsider = text_rfind(t, 0, len, "复议");
	ssize_t suit = text_rfind(t, 0, len, "诉讼"), sue = text_rfind(t, 0, len, "起诉");
	r->litigate = suit > sue ? suit : sue;
	r->rs = r->re = r->ls = r->le = 0;
	if (r->reconsider >= 0)
		body_sentence(d, (size_t)r->reconsider, &r->rs, &r->re);
	if (r->litigate >= 0)
		body_sentence(d, (size_t)r->litigate, &r->ls, &r->le);
}

/* The remedy text: the sentences that offer reconsideration and litigation. */
static void remedy_span(const struct remedy *r, size_t *s, size_t *e)
{
	if (r->reconsider >= 0 && r->litigate >= 0) {
		*s = r->rs < r->ls ? r->rs : r->ls;
		*e = r->re > r->le ? r->re : r->le;
	} else if (r->reconsider >= 0) {
		*s = r->rs;
		*e = r->re;
	} else {
		*s = r->ls;
		*e = r->le;
	}
}

/* A letter without a remedy notice that may not owe one: a letter that is not a final reply,
 * or a §39 notice (a petition or complaint not handled as a request, so no FOI decision).
 * Adds the unknown finding and returns 1, or returns 0 (a final decision owes a notice), or
 * -1 (memory). */
static int not_owed(const struct letter_doc *d, struct finding_list *out, const char *code)
{
	if (d->kind != LETTER_FINAL)
		return finding_add(out, code, FINDING_UNKNOWN,
				   "%s: not a final reply; a remedy notice is not required here",
				   letter_kind_describe(d->kind)) ? -1 : 1;
	if (d->reply_type == LETTER_REPLY_39)
		return finding_add(out, code, FINDING_UNKNOWN,
				   "a §39 notice (not handled as an information request), with no remedy "
				   "notice: whether it owes one is for the reviewer") ? -1 : 1;
	return 0;
}

static int check_notice(const struct letter_doc *d, const struct remedy *r, struct finding_list *out)
{
	if (r->reconsider < 0 && r->litigate < 0) {
		int owed = not_owed(d, out, "remedy.notice");
		if (owed)
			return owed < 0 ? -1 : 0;
		return finding_add(out, "remedy.notice", FINDING_FAIL,
				   "no remedy notice: neither administrative reconsideration (行政复议) "
				   "nor administrative litigation (行政诉讼) is offered");
	}
	size_t s, e;
	remedy_span(r, &s, &e);
	if (r->reconsider < 0)
		return body_finding(d, out, "remedy.notice", FINDING_FAIL, s, e,
				    "offers litigation but not administrative reconsideration (行政复议): ");
	if (r->litigate < 0)
		return body_finding(d, out, "remedy.notice", FINDING_FAIL, s, e,
				    "offers reconsideration but not administrative litigation (行政诉讼): ");
	return body_finding(d, out, "remedy.notice", FINDING_PASS, s, e, "%s", "");
}

/* Appends one problem to a "; "-separated list. */
static void add_problem(char *buf, size_t size, const char *what)
{
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "%s%s", n ? "; " : "", what);
}

static int check_periods(const struct letter_doc *d, const struct remedy *r, struct finding_list *out)
{
	if (r->reconsider < 0 && r->litigate < 0) {
		int owed = not_owed(d, out, "remedy.periods");
		if (owed)
			return owed < 0 ? -1 : 0;
		return finding_add(out, "remedy.periods", FINDING_FAIL,
				   "no remedy notice, so no periods are stated");
	}
	const char *t = d->body.text;
	size_t s, e;
	remedy_span(r, &s, &e);
	char problems[512] = "";
	if (text_find(t, s, e, "3个月") >= 0)
		add_problem(problems, sizeof problems, "litigation within 3个月 is the limit before 2015 (now 6 months)");
	if (text_find(t, s, e, "60个工作日") >= 0)
		add_problem(problems, sizeof problems, "reconsideration is within 60 days, not 60 working days");
	else if (r->reconsider >= 0 && text_find(t, s, e, "60日") < 0 && text_find(t, s, e, "60天") < 0 &&
		 text_find(t, s, e, "60个自然日") < 0)
		add_problem(problems, sizeof problems, "no 60-day period for reconsideration");
	if (r->litigate >= 0 && text_find(t, s, e, "6个月") < 0 && text_find(t, s, e, "3个月") < 0)
		add_problem(problems, sizeof problems, "no 6-month period for litigation");
	if (r->reconsider < 0)
		add_problem(problems, sizeof problems, "no reconsideration offered, so no 60-day period");
	if (r->litigate < 0)
		add_problem(problems, sizeof problems, "no litigation offered, so no 6-month period");
	if (problems[0])
		return body_finding(d, out, "remedy.periods", FINDING_FAIL, s, e, "%s: ", problems);
	return body_finding(d, out, "remedy.periods", FINDING_PASS, s, e, "%s", "");
}

static const char *const generic_bodies[] = {"上一级", "上级", "同级", "本级", "有关", "有管辖权",
	"管辖权", "相关", "所在地", "有权", "主管部门", NULL};

enum named { NAMED_NONE, NAMED_GENERIC, NAMED_SPECIFIC };

/* Classifies the body t[a..b) named after 向: specific (随州市人民政府), generic (上一级行政机关). */
static enum named classify(const char *t, size_t a, size_t b)
{
	if (b <= a)
		return NAMED_NONE;
	for (const char *const *g = generic_bodies; *g; g++)
		if (text_find(t, a, b, *g) >= 0)
			return NAMED_GENERIC;
	/* "向人民法院提起诉讼" names the kind of body, not which one. */
	static const char *const bare[] = {"人民法院", "法院", "人民政府", "政府", "行政机关", "复议机关", NULL};
	for (const char *const *w = bare; *w; w++)
		if (b - a == strlen(*w) && memcmp(t + a, *w, b - a) == 0)
			return NAMED_GENERIC;
	return utf8_length(t + a, b - a) >= 4 ? NAMED_SPECIFIC : NAMED_GENERIC;
}

/* The body named for a remedy: the words between the last 向 before `at` and `at` itself
 * (for reconsideration, at = 申请/提出 before 复议) or ending in 法院 (for litigation). */
static enum named body_before(const struct letter_doc *d, size_t s, size_t at, size_t *bs, size_t *be)
{
	const char *t = d->body.text;
	ssize_t xiang = -1;
	for (size_t from = s;;) {
		ssize_t p = text_find(t, from, at, "向");
		if (p < 0)
			break;
		xiang = p;
		from = (size_t)p + 1;
	}
	if (xiang < 0)
		return NAMED_NONE;
	*bs = (size_t)xiang + strlen("向");
	*be = at;
	/* Stop at a clause break: "向...申请，或者..." keeps only the body's words. */
	for (size_t k = *bs; k < at; k++)
		if (t[k] == ',' || t[k] == ';') {
			*be = k;
			break;
		}
	return classify(t, *bs, *be);
}

static int check_bodies(const struct letter_doc *d, const struct remedy *r, struct finding_list *out)
{
	if (r->reconsider < 0 && r->litigate < 0) {
		int owed = not_owed(d, out, "remedy.bodies");
		if (owed)
			return owed < 0 ? -1 : 0;
		return finding_add(out, "remedy.bodies", FINDING_FAIL,
				   "no remedy notice, so no body to apply to is named");
	}
	const char *t = d->body.text;
	enum named rec = NAMED_NONE, lit = NAMED_NONE;
	size_t ra = 0, rb = 0, la = 0, lb = 0;
	if (r->reconsider >= 0) {
		size_t at = (size_t)r->reconsider;
		/* "向X申请行政复议" / "向X提出行政复议申请": the body ends where the verb starts. */
		static const char *const verbs[] = {"申请", "提出", "提请", NULL};
		for (const char *const *v = verbs; *v; v++) {
			for (size_t from = r->rs;;) {
				ssize_t p = text_find(t, from, at, *v);
				if (p < 0)
					break;
				at = (size_t)p;
				from = (size_t)p + 1;
			}
			if (at != (size_t)r->reconsider)
				break;
		}
		rec = body_before(d, r->rs, at, &ra, &rb);
	}
	if (r->litigate >= 0) {
		size_t s = r->ls, e = r->le;
		ssize_t court = text_find(t, s, e, "法院");
		if (court >= 0) {
			size_t end = (size_t)court + strlen("法院");
			lit = body_before(d, s, end, &la, &lb);
			if (lit == NAMED_NONE) {
				/* "可以在6个月内依法向X人民法院..." without 向: take the clause before 法院. */
				size_t k = (size_t)court;
				while (k > s && t[k - 1] != ',' && t[k - 1] != ';')
					k--;
				la = k;
				lb = end;
				lit = classify(t, la, lb);
			}
		}
	}
	char *rq = rec != NAMED_NONE ? body_quote(d, ra, rb) : NULL;
	char *lq = lit != NAMED_NONE ? body_quote(d, la, lb) : NULL;
	const char *rs = rq ? rq : "", *ls = lq ? lq : "";
	int rc;
	if (rec == NAMED_NONE || lit == NAMED_NONE) {
		rc = finding_add(out, "remedy.bodies", FINDING_FAIL,
				 "names no body for %s%s%s%s%s",
				 rec == NAMED_NONE ? "reconsideration" : "litigation",
				 rec == NAMED_NONE && lit == NAMED_NONE ? " or litigation" : "",
				 (rec != NAMED_NONE || lit != NAMED_NONE) ? " (names: " : "",
				 rec != NAMED_NONE ? rs : ls,
				 (rec != NAMED_NONE || lit != NAMED_NONE) ? ")" : "");
	} else if (rec == NAMED_GENERIC || lit == NAMED_GENERIC) {
		rc = finding_add(out, "remedy.bodies", FINDING_UNKNOWN,
				 "names the bodies only in general terms (reconsideration: %s; litigation: %s): "
				 "the reviewer decides whether that is enough", rs, ls);
	} else {
		rc = finding_add(out, "remedy.bodies", FINDING_PASS, "reconsideration: %s; litigation: %s",
				 rs, ls);
	}
	free(rq);
	free(lq);
	return rc;
}

int letter_check_remedy(const struct letter_doc *d, struct finding_list *out)
{
	struct remedy r;
	find_remedy(d, &r);
	if (check_notice(d, &r, out) || check_periods(d, &r, out))
		return -1;
	return check_bodies(d, &r, out);
}
