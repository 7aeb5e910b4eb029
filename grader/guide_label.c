/* What the channel-clarity rules share: labels and their values, evidence; see guide_rules.h. */
#include "grader/guide_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* How far along a line a label's value may be. */
#define VALUE_WINDOW_CHARS 60
/* How many rows below a header cell are read for its value. */
#define HEADER_ROWS 12

/* Labels of the fields a guide lists; a value never runs on past one of these. */
static const char *const field_labels[] = {
	"地址", "邮编", "邮政编码", "电话", "传真", "邮箱", "电子邮件", "电子信箱", "E-mail", "Email",
	"网址", "受理机构", "受理时间", "办公时间", "工作时间", "联系人", NULL};

void guide_set(struct guide_ctx *c, enum guide_item_id id, enum finding_result r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (finding_vset(&c->report->items[id], r, fmt, ap) != 0)
		c->oom = 1;
	va_end(ap);
}

const char *guide_snip(const struct guide_ctx *c, size_t start, size_t end, char buf[GUIDE_SNIPPET_MAX])
{
	guide_text_evidence(c->t, start, end, buf, GUIDE_SNIPPET_MAX);
	return buf;
}

const char *guide_cut(const char *s, char buf[GUIDE_SNIPPET_MAX])
{
	static const char cut[] = "…";
	size_t n = 0;
	while (s[n]) {
		size_t cl = 1;
		while (s[n + cl] && ((unsigned char)s[n + cl] & 0xC0) == 0x80)
			cl++;
		if (n + cl + sizeof cut > GUIDE_SNIPPET_MAX) {
			memcpy(buf + n, cut, sizeof cut);
			return buf;
		}
		memcpy(buf + n, s + n, cl);
		n += cl;
	}
	buf[n] = '\0';
	return buf;
}

int guide_scan_phone_labelled(const char *t, size_t from, size_t to, struct guide_match *m)
{
	return guide_scan_phone(t, from, to, 1, m);
}

/* Scans one table cell. */
static int scan_cell(const struct guide_text *t, const struct guide_cell *cell, guide_scanner scan,
		     struct guide_match *m)
{
	return cell->end > cell->start && scan(t->text, cell->start, cell->end, m);
}

/* How far through the list of cells the neighbours of a label's cell are looked for. */
#define CELLS_AHEAD 4096

static int value_in_table(const struct guide_text *t, size_t ls, guide_scanner scan,
			  struct guide_match *m)
{
	const struct guide_cell *cell = guide_text_cell_at(t, ls);
	if (!cell)
		return 0;
	/* Cells are in document order: the neighbours come after the label's cell. */
	size_t at = (size_t)(cell - t->cells);
	size_t stop = t->ncells - at > CELLS_AHEAD ? at + CELLS_AHEAD : t->ncells;
	/* The cell to the right: "邮政编码 | 441300". */
	for (size_t i = at + 1; i < stop; i++) {
		const struct guide_cell *o = &t->cells[i];
		if (o->table != cell->table)
			continue; /* a table nested in a cell of this row */
		if (o->row != cell->row)
			break;
		if (o->col >= cell->col_end) {
			if (scan_cell(t, o, scan, m))
				return 1;
			break;
		}
	}
	/* The cells below: a header row "受理机构 | 地址 | 邮编 | 电话" over rows of values. */
	for (size_t i = at + 1; i < stop; i++) {
		const struct guide_cell *o = &t->cells[i];
		if (o->table != cell->table || o->row == cell->row)
			continue;
		if (o->row > cell->row + HEADER_ROWS)
			break;
		if (o->col == cell->col && scan_cell(t, o, scan, m))
			return 1;
	}
	return 0;
}

int guide_label_value(const struct guide_ctx *c, size_t ls, size_t le, guide_scanner scan,
		      struct guide_match *m)
{
	const char *x = c->t->text;
	size_t len = c->t->len;
	size_t line_end = guide_line_end(x, len, le);
	size_t lim = guide_fwd_chars(x, le, line_end, VALUE_WINDOW_CHARS);
	ssize_t next = text_find_any(x, le, lim, field_labels, NULL);
	size_t stop = next < 0 ? lim : (size_t)next;
	if (scan(x, le, stop, m))
		return GUIDE_VALUE_INLINE;
	/* "邮政编码：" at the end of a line, the number on the next one. */
	if (stop == line_end && line_end < len && guide_only_separators(x, le, line_end)) {
		size_t s2 = line_end + 1;
		size_t e2 = guide_line_end(x, len, s2);
		size_t lim2 = guide_fwd_chars(x, s2, e2, VALUE_WINDOW_CHARS);
		ssize_t next2 = text_find_any(x, s2, lim2, field_labels, NULL);
		if (scan(x, s2, next2 < 0 ? lim2 : (size_t)next2, m))
			return GUIDE_VALUE_APART;
	}
	return value_in_table(c->t, ls, scan, m) ? GUIDE_VALUE_APART : 0;
}

const char *guide_pair(const struct guide_ctx *c, size_t ls, size_t le, const struct guide_match *m,
		       int how, char buf[GUIDE_PAIR_MAX])
{
	if (how == GUIDE_VALUE_INLINE && m->start >= ls) {
		guide_text_evidence(c->t, ls, m->end, buf, GUIDE_PAIR_MAX);
		return buf;
	}
	char label[GUIDE_SNIPPET_MAX], value[GUIDE_SNIPPET_MAX];
	guide_text_evidence(c->t, ls, le, label, sizeof label);
	guide_text_evidence(c->t, m->start, m->end, value, sizeof value);
	snprintf(buf, GUIDE_PAIR_MAX, "%s: %s", label, value);
	return buf;
}

int guide_is_site_contact(const struct guide_ctx *c, size_t pos)
{
	static const char *const site_words[] = {
		"网站", "网管", "纠错", "维护", "技术支持", "主办", "承办单位", "ICP", "版权", "备案",
		"标识码", NULL};
	const char *x = c->t->text;
	size_t from = guide_line_start(x, pos);
	return text_find_any(x, from, pos, site_words, NULL) >= 0;
}

int guide_is_negated(const struct guide_ctx *c, size_t pos)
{
	static const char *const denials[] = {"不", "未", "暂停", "暂无", "无法", "没有", "停止", NULL};
	const char *x = c->t->text;
	size_t clause = guide_clause_start(x, pos);
	size_t from = guide_back_chars(x, pos, clause, 6);
	return text_find_any(x, from, pos, denials, NULL) >= 0;
}
