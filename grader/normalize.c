/* The normaliser: decode, fold, squeeze whitespace, read Chinese numerals, encode. */
#include "grader/normalize.h"
#include "grader/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ch {
	uint32_t cp;
	uint32_t off; /* source offset of the character this came from */
};

struct chars {
	struct ch *v;
	size_t n, cap;
};

static int push(struct chars *c, uint32_t cp, uint32_t off)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct ch *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return -1;
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = (struct ch){cp, off};
	return 0;
}

#define CP_SPACE ' '
#define CP_NL '\n'
#define CP_DROP 0xFFFFFFFFu

/* One code point to its canonical form: CP_SPACE, CP_NL, CP_DROP or a character. */
static uint32_t fold(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0; /* full-width ASCII */
	switch (cp) {
	case '\n': case '\r': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
		return CP_NL;
	case '\t': case 0xA0: case 0x3000: case 0x202F: case 0x205F: case 0x1680:
		return CP_SPACE;
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
		return CP_DROP;
	case 0x3014: case 0x3010: case 0x3016: case 0xFE5D: case 0x3018: case 0x301A:
		return '[';
	case 0x3015: case 0x3011: case 0x3017: case 0xFE5E: case 0x3019: case 0x301B:
		return ']';
	case 0xFE59: case 0xFE35:
		return '(';
	case 0xFE5A: case 0xFE36:
		return ')';
	case 0xFE55: case 0xFE13:
		return ':';
	case 0xFF61:
		return 0x3002; /* half-width ideographic full stop */
	case 0xFF64:
		return 0x3001;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return '-';
	case 0x25CB: case 0x25EF: case 0x3007:
		return 0x3007; /* 〇; ○ and ◯ stand in for it in typed years */
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return CP_SPACE;
	if (cp < 0x20 || cp == 0x7F)
		return CP_SPACE;
	return cp;
}

static int is_ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Value of a Chinese digit (0..9), or -1. */
static int cn_digit(uint32_t c)
{
	switch (c) {
	case 0x3007: case 0x96F6: return 0;  /* 〇 零 */
	case 0x4E00: return 1;               /* 一 */
	case 0x4E8C: case 0x4E24: return 2;  /* 二 两 */
	case 0x4E09: return 3;               /* 三 */
	case 0x56DB: return 4;               /* 四 */
	case 0x4E94: return 5;               /* 五 */
	case 0x516D: return 6;               /* 六 */
	case 0x4E03: return 7;               /* 七 */
	case 0x516B: return 8;               /* 八 */
	case 0x4E5D: return 9;               /* 九 */
	}
	return -1;
}

/* Multiplier of a Chinese place character (十 百 千), or 0. */
static int cn_place(uint32_t c)
{
	switch (c) {
	case 0x5341: return 10;    /* 十 */
	case 0x767E: return 100;   /* 百 */
	case 0x5343: return 1000;  /* 千 */
	}
	return 0;
}

static int is_cn_num(uint32_t c)
{
	return cn_digit(c) >= 0 || cn_place(c) > 0;
}

/* A typed zero inside a Chinese year: 二O二三, 二0二三. */
static int is_zero_like(uint32_t c)
{
	return c == 'O' || c == 'o' || c == '0';
}

/* Units after which a Chinese numeral is a count or an ordinal worth reading. */
static int is_unit(uint32_t c)
{
	static const uint32_t units[] = {
		0x5E74, /* 年 */ 0x6708, /* 月 */ 0x65E5, /* 日 */ 0x5929, /* 天 */
		0x4E2A, /* 个 */ 0x6761, /* 条 */ 0x6B3E, /* 款 */ 0x9879, /* 项 */
		0x53F7, /* 号 */ 0x5468, /* 周 */ 0x5C0F, /* 小(时) */ 0x65F6, /* 时 */
		0x5C81, /* 岁 */ 0x5143, /* 元 */ 0x9875, /* 页 */ 0x4EF6, /* 件 */
		0x4EFD, /* 份 */ 0x7AE0, /* 章 */ 0x8282, /* 节 */
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (c == units[i])
			return 1;
	return 0;
}

/* Writes the run's value as ASCII digits into out (room for 12); returns the count, or 0
 * when the run does not read as a number. */
static size_t run_value(const struct ch *all, size_t count, char *out)
{
	/* A wrapped numeral's line break (wrapped_inside) is no digit. */
	struct ch run[12];
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		if (all[i].cp != '\n' && n < sizeof run / sizeof run[0])
			run[n++] = all[i];
	int positional = 0;
	for (size_t i = 0; i < n; i++)
		if (cn_place(run[i].cp))
			positional = 1;
	if (!positional) {
		if (n > 8)
			return 0;
		for (size_t i = 0; i < n; i++) {
			int d = is_zero_like(run[i].cp) ? 0 : cn_digit(run[i].cp);
			if (d < 0)
				return 0;
			out[i] = (char)('0' + d);
		}
		return n;
	}
	long total = 0, cur = 0;
	int last_place = 100000;
	for (size_t i = 0; i < n; i++) {
		int d = is_zero_like(run[i].cp) ? 0 : cn_digit(run[i].cp);
		int p = cn_place(run[i].cp);
		if (d >= 0) {
			cur = d;
		} else if (p) {
			if (p >= last_place)
				return 0; /* 十百: not a number */
			total += (cur ? cur : 1) * p;
			cur = 0;
			last_place = p;
		}
	}
	total += cur;
	return (size_t)snprintf(out, 12, "%ld", total);
}

/* 1 when in->v[j] is a line break that wraps a numeral begun at i: "六\n十日", "二十\n一日",
 * "二〇二\n三年". Two numerals that merely meet across lines ("附件一\n二〇二三年") stay
 * apart: a break is stepped over only next to a place character (十 百 千) or inside a year
 * written digit by digit (it holds 〇 or 零 before the break). */
static int wrapped_inside(const struct chars *in, size_t i, size_t j)
{
	if (j == i || in->v[j].cp != '\n' || j + 1 >= in->n || !is_cn_num(in->v[j + 1].cp))
		return 0;
	if (cn_place(in->v[j - 1].cp) || cn_place(in->v[j + 1].cp))
		return 1;
	for (size_t k = i; k < j; k++)
		if (in->v[k].cp == 0x3007 || in->v[k].cp == 0x96F6)
			return 1;
	return 0;
}

/* Replaces Chinese numerals in counting contexts by ASCII digits. */
static int numerals(const struct chars *in, struct chars *out)
{
	size_t i = 0;
	while (i < in->n) {
		uint32_t c = in->v[i].cp;
		if (!is_cn_num(c) || c == 0x3007) {
			/* A run starts with a real numeral; 〇 alone is a circle, not a zero. */
			if (!(c == 0x3007 && i + 1 < in->n && is_cn_num(in->v[i + 1].cp))) {
				if (push(out, c, in->v[i].off))
					return -1;
				i++;
				continue;
			}
		}
		size_t j = i;
		while (j < in->n && (is_cn_num(in->v[j].cp) ||
				     (j > i && is_zero_like(in->v[j].cp) && j + 1 < in->n &&
				      is_cn_num(in->v[j + 1].cp)) ||
				     wrapped_inside(in, i, j)))
			j++;
		/* Context is read across a line break: wrapped text splits "六个\n月" too. */
		size_t pi = i, ni = j;
		while (pi > 0 && in->v[pi - 1].cp == '\n')
			pi--;
		while (ni < in->n && in->v[ni].cp == '\n')
			ni++;
		uint32_t prev = pi > 0 ? in->v[pi - 1].cp : 0;
		uint32_t next = ni < in->n ? in->v[ni].cp : 0;
		int counting = prev == 0x7B2C /* 第 */ || is_unit(next) ||
			       ((prev == '(' || prev == '[') && (next == ')' || next == ']'));
		char digits[12];
		size_t nd = counting && j - i <= 10 ? run_value(in->v + i, j - i, digits) : 0;
		if (nd) {
			for (size_t k = 0; k < nd; k++)
				if (push(out, (uint32_t)digits[k], in->v[i].off))
					return -1;
		} else {
			for (size_t k = i; k < j; k++)
				if (push(out, in->v[k].cp, in->v[k].off))
					return -1;
		}
		i = j;
	}
	return 0;
}

/* Decodes and folds, squeezing whitespace: spaces survive only between ASCII letters or
 * digits; line breaks become one '\n' between non-empty lines. */
static int fold_all(const char *src, size_t len, struct chars *out)
{
	size_t i = 0;
	int pend_space = 0, pend_nl = 0;
	uint32_t pend_off = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(src + i, len - i, &cp);
		uint32_t off = (uint32_t)i;
		i += n;
		uint32_t f = fold(cp);
		if (f == CP_DROP)
			continue;
		if (f == CP_NL) {
			if (!pend_nl)
				pend_off = off;
			pend_nl = 1;
			continue;
		}
		if (f == CP_SPACE) {
			if (!pend_space && !pend_nl)
				pend_off = off;
			pend_space = 1;
			continue;
		}
		if (out->n > 0 && pend_nl) {
			if (push(out, '\n', pend_off))
				return -1;
		} else if (out->n > 0 && pend_space && is_ascii_alnum(out->v[out->n - 1].cp) &&
			   is_ascii_alnum(f)) {
			if (push(out, ' ', pend_off))
				return -1;
		}
		pend_space = pend_nl = 0;
		if (push(out, f, off))
			return -1;
	}
	return 0;
}

int norm_build(const char *src, size_t len, struct norm_text *out, char *err, size_t errsz)
{
	*out = (struct norm_text){0};
	if (len > NORM_SOURCE_MAX) {
		snprintf(err, errsz, "text of %zu bytes is too large (at most %zu)", len, NORM_SOURCE_MAX);
		return -1;
	}
	struct chars a = {0}, b = {0};
	if (fold_all(src, len, &a) || numerals(&a, &b)) {
		free(a.v);
		free(b.v);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	free(a.v);
	size_t cap = b.n * 4 + 1;
	out->text = malloc(cap);
	out->map = malloc((cap + 1) * sizeof *out->map);
	if (!out->text || !out->map) {
		free(b.v);
		norm_free(out);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	size_t o = 0;
	for (size_t k = 0; k < b.n; k++) {
		size_t w = utf8_encode(b.v[k].cp, out->text + o);
		for (size_t q = 0; q < w; q++)
			out->map[o + q] = b.v[k].off;
		o += w;
	}
	free(b.v);
	out->text[o] = '\0';
	out->map[o] = (uint32_t)len;
	out->len = o;
	return 0;
}

char *norm_string(const char *s)
{
	struct norm_text t;
	char err[64];
	if (norm_build(s, strlen(s), &t, err, sizeof err))
		return NULL;
	free(t.map);
	return t.text;
}

void norm_free(struct norm_text *t)
{
	free(t->text);
	free(t->map);
	*t = (struct norm_text){0};
}

static int is_ws(uint32_t cp)
{
	uint32_t f = fold(cp);
	return f == CP_SPACE || f == CP_NL;
}

char *norm_tidy(const char *s, size_t len, size_t max_cps)
{
	char *out = malloc(len * 3 + 8); /* a bad byte grows into U+FFFD */
	if (!out)
		return NULL;
	size_t i = 0, o = 0, cps = 0;
	int pend = 0;
	uint32_t prev = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (is_ws(cp)) {
			pend = 1;
			i += n;
			continue;
		}
		if (fold(cp) == CP_DROP) {
			i += n;
			continue;
		}
		if (cps >= max_cps) {
			memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
			o += 3;
			break;
		}
		/* Keep a space only where a reader needs one: between Latin letters or digits. */
		if (pend && o > 0 && prev < 0x2E80 && cp < 0x2E80) {
			out[o++] = ' ';
			cps++;
		}
		pend = 0;
		if (cp == UTF8_REPLACEMENT && n == 1)
			o += utf8_encode(cp, out + o); /* keep evidence valid UTF-8 */
		else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		cps++;
		prev = cp;
		i += n;
	}
	out[o] = '\0';
	return out;
}

char *norm_source_span(const struct norm_text *t, const char *src, size_t srclen,
		       size_t start, size_t end, size_t max_cps)
{
	if (start > t->len)
		start = t->len;
	if (end > t->len)
		end = t->len;
	if (end < start)
		end = start;
	size_t a = t->map[start], b = t->map[end];
	/* A span that ends inside a converted numeral (六十 -> 60) maps to its first
	 * character; stretch it to the next source character that follows. */
	for (size_t k = end; b <= a && k < t->len; k++)
		b = t->map[k + 1];
	if (b <= a)
		b = srclen;
	if (a > srclen)
		a = srclen;
	if (b > srclen)
		b = srclen;
	return norm_tidy(src + a, b - a, max_cps);
}

int norm_flatten(const struct norm_text *t, size_t from, size_t to, struct norm_text *out)
{
	*out = (struct norm_text){0};
	if (to > t->len)
		to = t->len;
	if (from > to)
		from = to;
	size_t n = to - from;
	out->text = malloc(n + 1);
	out->map = malloc((n + 1) * sizeof *out->map);
	if (!out->text || !out->map) {
		norm_free(out);
		return -1;
	}
	size_t o = 0, line_start = from;
	for (size_t i = from; i < to; i++) {
		if (t->text[i] != '\n') {
			out->text[o] = t->text[i];
			out->map[o++] = t->map[i];
			continue;
		}
		size_t cps = utf8_length(t->text + line_start, i - line_start);
		if (i > line_start && (t->text[i - 1] == ':' || cps <= 10) && o > 0 &&
		    out->text[o - 1] != ';') {
			out->text[o] = ';';
			out->map[o++] = t->map[i];
		}
		line_start = i + 1;
	}
	out->text[o] = '\0';
	out->map[o] = t->map[to];
	out->len = o;
	return 0;
}
