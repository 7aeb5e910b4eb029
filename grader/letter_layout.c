/*
 * The layout of an official letter: title and document number on top, the salutation that
 * opens the body, the issuing body and the date at the end. Found on the normalised lines.
 */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <string.h>

static const char *const title_words[] = {"答复书", "告知书", "答复", "回复", "决定书",
	"通知书", "回执", "复函", "告知", "意见书", "通知", NULL};

/* Suffixes of the names of public bodies (and of companies, for corporate applicants). */
static const char *const org_suffixes[] = {"局", "委员会", "管委会", "人民政府", "政府",
	"办公室", "办公厅", "厅", "署", "中心", "院", "所", "处", "队", "站", "机构", "公司",
	"委", "办", "部", "科", "馆", "会", "街道", "镇", "乡", NULL};

/* Seal marks that may follow the issuer's name in a text letter. */
static const char *const seal_marks[] = {"(盖章)", "(印章)", "(公章)", "(章)", "(签章)",
	"(签发章)", "[印章]", "[盖章]", NULL};

static int ends_with(const char *t, size_t from, size_t to, const char *s)
{
	size_t n = strlen(s);
	return to - from >= n && memcmp(t + to - n, s, n) == 0;
}

static int has_punct(const char *t, size_t from, size_t to)
{
	static const char *const p[] = {"。", ",", ";", "、", "!", "?", NULL};
	return text_find_any(t, from, to, p, NULL) >= 0;
}

/* Strips seal marks and spaces from the end of t[from..*to). */
static void strip_seal(const char *t, size_t from, size_t *to)
{
	int again = 1;
	while (again) {
		again = 0;
		while (*to > from && t[*to - 1] == ' ') {
			(*to)--;
			again = 1;
		}
		for (const char *const *m = seal_marks; *m; m++)
			if (ends_with(t, from, *to, *m)) {
				*to -= strlen(*m);
				again = 1;
			}
	}
}

/* 1 when t[from..to) reads as the name of a body: a few characters ending in a suffix. */
static int is_org(const char *t, size_t from, size_t to)
{
	strip_seal(t, from, &to);
	size_t cps = utf8_length(t + from, to - from);
	if (cps < 3 || cps > 40 || has_punct(t, from, to) || text_find(t, from, to, ":") >= 0)
		return 0;
	for (size_t i = from; i < to; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return 0;
	for (const char *const *s = org_suffixes; *s; s++)
		if (ends_with(t, from, to, *s))
			return 1;
	return 0;
}

static int is_title_line(const struct letter_doc *d, size_t i)
{
	const char *t = d->norm.text;
	size_t a = d->lines[i].start, b = d->lines[i].end;
	if (line_chars(d, i) > 40 || line_has_full_stop(d, i) || ends_with(t, a, b, ":"))
		return 0;
	if (text_find(t, a, b, ":") >= 0)
		return 0; /* "答复内容：..." is a field, not a title */
	return text_find_any(t, a, b, title_words, NULL) >= 0;
}

/* A short line without punctuation above the title line: its first half ("随州市财政局"). */
static int is_title_head(const struct letter_doc *d, size_t i)
{
	const char *t = d->norm.text;
	size_t a = d->lines[i].start, b = d->lines[i].end;
	return line_chars(d, i) <= 30 && !has_punct(t, a, b) && text_find(t, a, b, ":") < 0 &&
	       text_find(t, a, b, "[") < 0 && text_find(t, a, b, "号") < 0;
}

/* Document number: [2023]12号, (2023)第12号, or ...字第12号. */
static int has_docno(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		size_t k = i;
		if (t[i] == '[' || t[i] == '(') {
			k++;
			size_t y = k;
			while (k < b && t[k] >= '0' && t[k] <= '9')
				k++;
			if (k - y != 4 || (t[y] != '1' && t[y] != '2') || k >= b || (t[k] != ']' && t[k] != ')'))
				continue;
			k++;
		} else if (text_at(t, b, i, "字第")) {
			k += strlen("字");
		} else {
			continue;
		}
		if (text_at(t, b, k, "第"))
			k += strlen("第");
		size_t n = k;
		while (k < b && t[k] >= '0' && t[k] <= '9')
			k++;
		if (k > n && text_at(t, b, k, "号"))
			return 1;
	}
	return 0;
}

/* Words that make "X：" a form field rather than a salutation. */
static const char *const field_labels[] = {"申请人姓名", "姓名", "日期", "时间", "内容", "电话",
	"地址", "文号", "编号", "主题", "标题", "发件人", "收件人", "主送", "抄送", "附件", "事由",
	"方式", "备注", "说明", "联系人", "邮编", "邮箱", "传真", "如下", "以下", "依据", "理由",
	"结果", "意见", "事项", "用途", "形式", "Subject", "From", "To", "Date", NULL};
static const char *const generic_names[] = {"申请人", "用户", "网友", "市民", "群众", "来信人",
	"您", "你", "朋友", "各位", "申请单位", "", NULL};
static const char *const honorifics[] = {"先生/女士", "女士/先生", "先生", "女士", "同志",
	"老师", "小姐", "律师", NULL};

/* Checks t[a..b) as the addressee of a salutation; sets *generic. 1: it is a salutation. */
static int addressee(const char *t, size_t a, size_t b, int *generic)
{
	*generic = 0;
	if (text_at(t, b, a, "尊敬的"))
		a += strlen("尊敬的");
	else if (text_at(t, b, a, "亲爱的"))
		a += strlen("亲爱的");
	/* "申请人李明华：" names the applicant; "申请人：" alone is generic (below). */
	static const char *const roles[] = {"申请人", "申请单位", NULL};
	for (const char *const *r = roles; *r; r++)
		if (text_at(t, b, a, *r) && b - a > strlen(*r) + 3) {
			a += strlen(*r);
			break;
		}
	for (const char *const *h = honorifics; *h; h++)
		if (ends_with(t, a, b, *h)) {
			b -= strlen(*h);
			break;
		}
	size_t cps = utf8_length(t + a, b - a);
	if (cps > 20 || has_punct(t, a, b))
		return 0;
	for (const char *const *l = field_labels; *l; l++)
		if (text_find(t, a, b, *l) >= 0)
			return 0;
	for (const char *const *g = generic_names; *g; g++)
		if (b - a == strlen(*g) && memcmp(t + a, *g, b - a) == 0) {
			*generic = 1;
			return 1;
		}
	static const char *const verbs[] = {"你", "您", "的", "为", "是", "申请", "根据", "经",
		"关于", "现", "本", NULL};
	if (text_find_any(t, a, b, verbs, NULL) >= 0)
		return 0;
	return cps >= 2;
}

int letter_is_addressee(const char *t, size_t a, size_t b)
{
	int generic;
	return addressee(t, a, b, &generic) && !generic;
}

static void find_salutation(struct letter_doc *d, size_t from)
{
	const char *t = d->norm.text;
	size_t limit = from + 5 < d->nlines ? from + 5 : d->nlines;
	for (size_t i = from; i < limit; i++) {
		size_t a = d->lines[i].start, b = d->lines[i].end;
		ssize_t colon = text_find(t, a, b, ":");
		ssize_t hello = text_find(t, a, b, "您好");
		if (hello < 0)
			hello = text_find(t, a, b, "你好");
		int generic;
		if (colon >= 0 && (hello < 0 || colon < hello)) {
			size_t c = (size_t)colon;
			if (!addressee(t, a, c, &generic))
				continue;
			/* "申请人：张三" is a field with a value, not a greeting. */
			if (generic && c + 1 < b && !text_at(t, b, c + 1, "你") && !text_at(t, b, c + 1, "您"))
				continue;
			d->salutation_line = i;
			d->salutation_end = c + 1;
			d->salutation_generic = generic;
			return;
		}
		if (hello >= 0) {
			size_t h = (size_t)hello, e = h + strlen("您好");
			while (h > a && (t[h - 1] == ',' || t[h - 1] == ' '))
				h--;
			generic = 1; /* a bare "您好" names nobody */
			if (h > a && !addressee(t, a, h, &generic))
				continue;
			while (e < b && (t[e] == '!' || t[e] == ',' || t[e] == ':'))
				e++;
			d->salutation_line = i;
			d->salutation_end = e;
			d->salutation_generic = generic;
			return;
		}
		/* A first sentence of prose ends the search: the salutation comes before it. */
		if (line_has_full_stop(d, i))
			return;
	}
}

/* Removes a "日期：" style label and the date from the line; what remains must be empty or
 * an issuer's name for this to be the signature date. */
static int date_line_rest(const struct letter_doc *d, size_t i, struct date_match *m, int *rest_is_org)
{
	const char *t = d->norm.text;
	size_t a = d->lines[i].start, b = d->lines[i].end;
	if (line_chars(d, i) > 48 || line_has_full_stop(d, i))
		return 0;
	if (!text_find_date(t, a, b, 0, m))
		return 0;
	size_t ra = a, rb = m->start;
	static const char *const labels[] = {"落款日期:", "答复日期:", "日期:", "时间:", NULL};
	for (const char *const *l = labels; *l; l++)
		if (ends_with(t, ra, rb, *l)) {
			rb -= strlen(*l);
			break;
		}
	size_t tail = m->end;
	strip_seal(t, tail, &b);
	while (tail < b && t[tail] == ' ')
		tail++;
	if (tail < b)
		return 0; /* something follows the date on its line */
	while (rb > ra && t[rb - 1] == ' ')
		rb--;
	if (rb == ra) {
		*rest_is_org = 0;
		return 1;
	}
	if (is_org(t, ra, rb)) {
		*rest_is_org = 1;
		return 1;
	}
	return 0;
}

static void find_closing(struct letter_doc *d, size_t first_body_line)
{
	const char *t = d->norm.text;
	size_t stop = d->nlines > 12 ? d->nlines - 12 : 0;
	if (stop < first_body_line)
		stop = first_body_line;
	for (size_t i = d->nlines; i-- > stop;) {
		struct date_match m;
		int org = 0;
		if (date_line_rest(d, i, &m, &org)) {
			d->date_line = i;
			d->date_start = m.start;
			d->date_end = m.end;
			if (org)
				d->issuer_line = i;
			break;
		}
	}
	size_t from, to;
	if (d->date_line != LINE_NONE && d->issuer_line == LINE_NONE) {
		from = d->date_line >= 3 ? d->date_line - 3 : 0;
		to = d->date_line;
	} else if (d->date_line == LINE_NONE) {
		from = d->nlines >= 5 ? d->nlines - 5 : 0;
		to = d->nlines;
	} else {
		from = to = 0;
	}
	if (from < first_body_line)
		from = first_body_line;
	for (size_t i = to; i-- > from;) {
		if (is_org(t, d->lines[i].start, d->lines[i].end)) {
			d->issuer_line = i;
			break;
		}
	}
	/* Some units sign below the date. */
	if (d->issuer_line == LINE_NONE && d->date_line != LINE_NONE && d->date_line + 1 < d->nlines &&
	    is_org(t, d->lines[d->date_line + 1].start, d->lines[d->date_line + 1].end))
		d->issuer_line = d->date_line + 1;
	d->closing_line = d->nlines;
	if (d->date_line != LINE_NONE)
		d->closing_line = d->date_line;
	if (d->issuer_line != LINE_NONE && d->issuer_line < d->closing_line)
		d->closing_line = d->issuer_line;
}

void letter_find_layout(struct letter_doc *d)
{
	d->title_first = d->title_last = d->docno_line = d->salutation_line = LINE_NONE;
	d->date_line = d->issuer_line = LINE_NONE;
	d->closing_line = d->nlines;
	const char *t = d->norm.text;
	size_t head_limit = d->nlines < 6 ? d->nlines : 6;
	for (size_t i = 0; i < head_limit; i++) {
		if (line_has_full_stop(d, i))
			break;
		if (is_title_line(d, i)) {
			d->title_first = d->title_last = i;
			if (i > 0 && is_title_head(d, i - 1))
				d->title_first = i - 1;
			break;
		}
	}
	size_t after_head = d->title_last != LINE_NONE ? d->title_last + 1 : 0;
	size_t docno_limit = after_head + 3 < d->nlines ? after_head + 3 : d->nlines;
	for (size_t i = 0; i < docno_limit; i++) {
		if (line_has_full_stop(d, i))
			break;
		if (has_docno(t, d->lines[i].start, d->lines[i].end)) {
			d->docno_line = i;
			break;
		}
	}
	if (d->docno_line != LINE_NONE && d->docno_line >= after_head)
		after_head = d->docno_line + 1;
	find_salutation(d, after_head);
	size_t first_body = d->salutation_line != LINE_NONE ? d->salutation_line + 1 : after_head;
	find_closing(d, first_body);
}
