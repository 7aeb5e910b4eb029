/* Substring and date search on normalised text. */
#include "grader/text_search.h"

#include <string.h>

ssize_t text_find(const char *t, size_t from, size_t to, const char *needle)
{
	size_t nl = strlen(needle);
	if (from >= to || nl == 0 || to - from < nl)
		return -1;
	const char *p = memmem(t + from, to - from, needle, nl);
	return p ? (ssize_t)(p - t) : -1;
}

ssize_t text_rfind(const char *t, size_t from, size_t to, const char *needle)
{
	size_t nl = strlen(needle);
	if (from >= to || nl == 0 || to - from < nl)
		return -1;
	/* Back from the end, jumping between bytes equal to the needle's first. */
	const char *lo = t + from;
	size_t span = to - from - nl + 1; /* possible starts: lo[0..span) */
	while (span > 0) {
		const char *p = memrchr(lo, (unsigned char)needle[0], span);
		if (!p)
			return -1;
		if (memcmp(p, needle, nl) == 0)
			return (ssize_t)(p - t);
		span = (size_t)(p - lo);
	}
	return -1;
}

size_t text_clause_start(const char *t, size_t from, size_t at)
{
	for (size_t k = at; k > from; k--)
		if (t[k - 1] == ',' || t[k - 1] == ';' || t[k - 1] == ':')
			return k;
	return from;
}

int text_in_quotes(const char *t, size_t from, size_t at)
{
	static const char *const pairs[][2] = {{"“", "”"}, {"《", "》"}, {"「", "」"}};
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
		ssize_t open = text_rfind(t, from, at, pairs[k][0]);
		if (open >= 0 && text_find(t, (size_t)open, at, pairs[k][1]) < 0)
			return 1;
	}
	return 0;
}

int text_at(const char *t, size_t len, size_t at, const char *s)
{
	size_t n = strlen(s);
	return at <= len && len - at >= n && memcmp(t + at, s, n) == 0;
}

int text_before(const char *t, size_t at, const char *s)
{
	size_t n = strlen(s);
	return at >= n && memcmp(t + at - n, s, n) == 0;
}

void text_cursor_init(struct text_cursor *c, const char *t, size_t len, const char *const *words)
{
	*c = (struct text_cursor){.t = t, .len = len, .words = words};
	while (words[c->n] && c->n < TEXT_CURSOR_WORDS)
		c->next[c->n++] = -2;
}

/* Whether an occurrence at p of a word of length len beats the best so far. */
static int better(ssize_t p, size_t len, ssize_t best, size_t best_len)
{
	return p >= 0 && (best < 0 || p < best || (p == best && len > best_len));
}

ssize_t text_find_any(const char *t, size_t from, size_t to, const char *const *words, size_t *which)
{
	ssize_t best = -1;
	size_t best_len = 0;
	for (size_t i = 0; words[i]; i++) {
		size_t len = strlen(words[i]);
		/* Past the best so far, only a longer word starting at the same place matters. */
		size_t lim = best < 0 ? to : (size_t)best + len;
		ssize_t p = text_find(t, from, lim < to ? lim : to, words[i]);
		if (better(p, len, best, best_len)) {
			best = p;
			best_len = len;
			if (which)
				*which = i;
		}
	}
	return best;
}

ssize_t text_cursor_next(struct text_cursor *c, size_t from, size_t *which)
{
	ssize_t best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->next[i] == -1)
			continue;
		if (c->next[i] == -2 || (size_t)c->next[i] < from)
			c->next[i] = text_find(c->t, from, c->len, c->words[i]);
		size_t len = strlen(c->words[i]);
		if (better(c->next[i], len, best, best_len)) {
			best = c->next[i];
			best_len = len;
			if (which)
				*which = i;
		}
	}
	return best;
}

int text_cursor_step(struct text_cursor *c, size_t *pos, size_t *at, size_t *which)
{
	size_t w;
	ssize_t p = text_cursor_next(c, *pos, &w);
	if (p < 0)
		return 0;
	*at = (size_t)p;
	*pos = (size_t)p + strlen(c->words[w]);
	if (which)
		*which = w;
	return 1;
}

/* Length of the sentence terminator ending at t[i..], or 0. */
static size_t terminator_at(const char *t, size_t len, size_t i)
{
	if (t[i] == '!' || t[i] == '?' || t[i] == ';')
		return 1;
	if (text_at(t, len, i, "\xE3\x80\x82")) /* 。 */
		return 3;
	return 0;
}

void text_sentence(const char *t, size_t len, size_t pos, size_t *s, size_t *e)
{
	if (pos > len)
		pos = len;
	/* A "sentence" longer than this is not prose; the cap keeps hostile text linear. */
	const size_t cap = 1200;
	size_t a = pos;
	while (a > 0 && pos - a < cap) {
		char c = t[a - 1];
		if (c == '!' || c == '?' || c == ';')
			break;
		if (a >= 3 && memcmp(t + a - 3, "\xE3\x80\x82", 3) == 0)
			break;
		a--;
	}
	size_t b = pos;
	while (b < len && b - pos < cap) {
		size_t k = terminator_at(t, len, b);
		if (k) {
			b += k;
			break;
		}
		b++;
	}
	*s = a;
	*e = b;
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads 1..max digits at t[*i]; returns the value or -1. */
static int read_num(const char *t, size_t to, size_t *i, int max)
{
	int v = 0, n = 0;
	while (*i < to && digit(t[*i]) && n < max + 1) {
		v = v * 10 + (t[*i] - '0');
		(*i)++;
		n++;
	}
	return n >= 1 && n <= max ? v : -1;
}

static int day_end(const char *t, size_t to, size_t *i)
{
	if (text_at(t, to, *i, "日") || text_at(t, to, *i, "号")) {
		*i += 3;
		return 1;
	}
	return 0;
}

static int date_at(const char *t, size_t to, size_t at, int allow_partial, struct date_match *m)
{
	size_t i = at;
	int first = read_num(t, to, &i, 4);
	if (first < 0)
		return 0;
	size_t after_first = i;
	if (i - at == 4 && first >= 1900 && first <= 2099) {
		int mo, dd;
		if (text_at(t, to, i, "年")) {
			i += 3;
			if ((mo = read_num(t, to, &i, 2)) < 1 || mo > 12 || !text_at(t, to, i, "月"))
				return 0;
			i += 3;
			if ((dd = read_num(t, to, &i, 2)) < 1 || dd > 31 || !day_end(t, to, &i))
				return 0;
		} else if (i < to && (t[i] == '-' || t[i] == '.' || t[i] == '/')) {
			char sep = t[i++];
			if ((mo = read_num(t, to, &i, 2)) < 1 || mo > 12 || i >= to || t[i] != sep)
				return 0;
			i++;
			if ((dd = read_num(t, to, &i, 2)) < 1 || dd > 31)
				return 0;
			day_end(t, to, &i);
		} else {
			return 0;
		}
		*m = (struct date_match){first, mo, dd, at, i};
		return 1;
	}
	if (!allow_partial || after_first - at > 2 || first < 1 || first > 12 || !text_at(t, to, i, "月"))
		return 0;
	i += 3;
	int dd = read_num(t, to, &i, 2);
	if (dd < 1 || dd > 31 || !day_end(t, to, &i))
		return 0;
	*m = (struct date_match){0, first, dd, at, i};
	return 1;
}

int text_find_date(const char *t, size_t from, size_t to, int allow_partial, struct date_match *m)
{
	for (size_t i = from; i < to; i++) {
		if (!digit(t[i]) || (i > from && digit(t[i - 1])))
			continue;
		if (date_at(t, to, i, allow_partial, m))
			return 1;
	}
	return 0;
}

