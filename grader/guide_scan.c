/* Recognisers for numbers, addresses and names on guide pages; see guide_scan.h. */
#include "grader/guide_scan.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define NOT_FOUND ((size_t)-1)

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t digits_at(const char *t, size_t i, size_t to)
{
	size_t n = 0;
	while (i + n < to && is_digit(t[i + n]))
		n++;
	return n;
}

static int starts(const char *t, size_t i, size_t to, const char *s)
{
	size_t n = strlen(s);
	return i + n <= to && memcmp(t + i, s, n) == 0;
}

/* Moves a boundary found by reach (not by a mark) onto a character boundary. */
static size_t lead_after(const char *t, size_t pos, size_t len)
{
	while (pos < len && ((unsigned char)t[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

static size_t lead_before(const char *t, size_t pos)
{
	while (pos > 0 && ((unsigned char)t[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

size_t guide_line_start(const char *t, size_t pos)
{
	size_t floor = pos > GUIDE_REACH ? pos - GUIDE_REACH : 0, p = pos;
	while (p > floor && t[p - 1] != '\n')
		p--;
	return p > 0 && t[p - 1] != '\n' ? lead_after(t, p, pos) : p;
}

size_t guide_line_end(const char *t, size_t len, size_t pos)
{
	size_t ceil = len - pos > GUIDE_REACH ? pos + GUIDE_REACH : len;
	while (pos < ceil && t[pos] != '\n')
		pos++;
	return pos < len && t[pos] != '\n' ? lead_before(t, pos) : pos;
}

/* The clause and sentence marks, after folding: 。 (3 bytes), ; , ! ? and line breaks. */
static size_t mark_before(const char *t, size_t pos, int commas)
{
	/* Returns the length of a mark that ends at pos, or 0. */
	if (pos == 0)
		return 0;
	char c = t[pos - 1];
	if (c == '\n' || c == ';' || c == '!' || c == '?' || (commas && c == ','))
		return 1;
	if (pos >= 3 && memcmp(t + pos - 3, "。", 3) == 0)
		return 3;
	return 0;
}

size_t guide_clause_start(const char *t, size_t pos)
{
	size_t floor = pos > GUIDE_REACH ? pos - GUIDE_REACH : 0, p = pos;
	while (p > floor && !mark_before(t, p, 1))
		p--;
	return p > 0 && !mark_before(t, p, 1) ? lead_after(t, p, pos) : p;
}

static size_t end_at_mark(const char *t, size_t len, size_t pos, int semicolons)
{
	size_t ceil = len - pos > GUIDE_REACH ? pos + GUIDE_REACH : len;
	while (pos < ceil) {
		if (t[pos] == '\n' || (semicolons && t[pos] == ';'))
			return pos;
		if (pos + 3 <= len && memcmp(t + pos, "。", 3) == 0)
			return pos;
		pos++;
	}
	return pos < len ? lead_before(t, pos) : pos;
}

size_t guide_sentence_end(const char *t, size_t len, size_t pos)
{
	return end_at_mark(t, len, pos, 1);
}

size_t guide_period_end(const char *t, size_t len, size_t pos)
{
	return end_at_mark(t, len, pos, 0);
}

size_t guide_back_chars(const char *t, size_t pos, size_t floor, size_t n)
{
	while (n-- > 0 && pos > floor) {
		pos--;
		while (pos > floor && ((unsigned char)t[pos] & 0xC0) == 0x80)
			pos--;
	}
	return pos;
}

size_t guide_fwd_chars(const char *t, size_t pos, size_t to, size_t n)
{
	while (n-- > 0 && pos < to) {
		pos++;
		while (pos < to && ((unsigned char)t[pos] & 0xC0) == 0x80)
			pos++;
	}
	return pos;
}

size_t guide_skip_separators(const char *t, size_t pos, size_t to, int words)
{
	while (pos < to) {
		char c = t[pos];
		if (c == ' ' || c == '\t' || c == '\n' || c == ':' || c == '*') {
			pos++;
		} else if (words && (starts(t, pos, to, "为") || starts(t, pos, to, "是") ||
				     starts(t, pos, to, "至") || starts(t, pos, to, "到"))) {
			pos += 3;
		} else {
			break;
		}
	}
	return pos;
}

int guide_only_separators(const char *t, size_t from, size_t to)
{
	return guide_skip_separators(t, from, to, 0) >= to;
}

/* ---- telephone ---- */

/* An extension after a number: 转8001 or -8001. Returns the new end. */
static size_t extension(const char *t, size_t end, size_t to)
{
	size_t k = end;
	if (starts(t, k, to, "转"))
		k += 3;
	else if (k < to && t[k] == '-')
		k++;
	else
		return end;
	size_t d = digits_at(t, k, to);
	if (d >= 1 && d <= 6 && !(k + d < to && t[k + d] == '-'))
		return k + d;
	return end;
}

static size_t skip_spaces(const char *t, size_t k, size_t to)
{
	while (k < to && t[k] == ' ')
		k++;
	return k;
}

/* A number starting at i, or 0. Sets *end. */
static int phone_at(const char *t, size_t i, size_t to, int allow_local, size_t *end)
{
	size_t k, d, d2;
	if (t[i] == '(') {
		k = skip_spaces(t, i + 1, to);
		d = digits_at(t, k, to);
		if (k < to && t[k] == '0' && d >= 3 && d <= 4) {
			k = skip_spaces(t, k + d, to);
			if (k < to && t[k] == ')') {
				k = skip_spaces(t, k + 1, to);
				while (k < to && t[k] == '-')
					k++;
				k = skip_spaces(t, k, to);
				d2 = digits_at(t, k, to);
				if (d2 >= 7 && d2 <= 8) {
					*end = k + d2;
					return 1;
				}
			}
		}
		return 0;
	}
	d = digits_at(t, i, to);
	if (d == 0)
		return 0;
	if (t[i] == '0' && d >= 3 && d <= 4) {
		k = skip_spaces(t, i + d, to);
		size_t dash = k;
		while (k < to && t[k] == '-')
			k++;
		if (k > dash || k > i + d) {
			k = skip_spaces(t, k, to);
			d2 = digits_at(t, k, to);
			if (d2 >= 7 && d2 <= 8) {
				*end = k + d2;
				return 1;
			}
		}
	}
	if (t[i] == '0' && d >= 10 && d <= 12) { /* area code and number run together */
		*end = i + d;
		return 1;
	}
	if (t[i] == '1' && d == 11 && t[i + 1] >= '3' && t[i + 1] <= '9') { /* mobile */
		*end = i + d;
		return 1;
	}
	if ((starts(t, i, to, "400") || starts(t, i, to, "800")) && (d == 3 || d == 10)) {
		if (d == 10) {
			*end = i + d;
			return 1;
		}
		k = i + 3;
		if (k < to && t[k] == '-' && digits_at(t, k + 1, to) == 3 && k + 4 < to &&
		    t[k + 4] == '-' && digits_at(t, k + 5, to) == 4) {
			*end = k + 9;
			return 1;
		}
	}
	if (allow_local && d >= 7 && d <= 8 && t[i] >= '2' && t[i] <= '9') {
		*end = i + d;
		return 1;
	}
	return 0;
}

int guide_scan_phone(const char *t, size_t from, size_t to, int allow_local, struct guide_match *m)
{
	for (size_t i = from; i < to; i++) {
		if (!(is_digit(t[i]) || t[i] == '('))
			continue;
		if (i > 0 && (is_digit(t[i - 1]) || isalpha((unsigned char)t[i - 1])))
			continue;
		size_t end;
		if (phone_at(t, i, to, allow_local, &end) && !(end < to && is_digit(t[end]))) {
			m->start = i;
			m->end = extension(t, end, to);
			return 1;
		}
	}
	return 0;
}

int guide_scan_postcode(const char *t, size_t from, size_t to, struct guide_match *m)
{
	for (size_t i = from; i < to; i++) {
		if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '-')))
			continue;
		size_t d = digits_at(t, i, to);
		if (d == 6 && t[i] != '9' && !(i + d < to && t[i + d] == '-')) {
			m->start = i;
			m->end = i + d;
			return 1;
		}
		i += d;
	}
	return 0;
}

/* ---- e-mail and web addresses ---- */

static int is_local_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int is_host_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '-';
}

int guide_scan_email(const char *t, size_t from, size_t to, struct guide_match *m)
{
	for (size_t at = from; at < to; at++) {
		if (t[at] != '@')
			continue;
		size_t s = at;
		while (s > from && is_local_char(t[s - 1]))
			s--;
		size_t e = at + 1;
		while (e < to && is_host_char(t[e]))
			e++;
		while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
			e--;
		if (s == at || e == at + 1)
			continue;
		/* The domain needs a dot and a top-level label of letters. */
		size_t dot = NOT_FOUND;
		for (size_t k = at + 1; k < e; k++)
			if (t[k] == '.')
				dot = k;
		if (dot == NOT_FOUND || dot == at + 1 || e - dot - 1 < 2)
			continue;
		int alpha = 1;
		for (size_t k = dot + 1; k < e; k++)
			if (!isalpha((unsigned char)t[k]))
				alpha = 0;
		if (!alpha)
			continue;
		m->start = s;
		m->end = e;
		return 1;
	}
	return 0;
}

/* Characters of an address in running text; parentheses and commas end it, since Chinese
 * text around an address folds （，） to ASCII. */
static int is_url_char(char c)
{
	return c > 0x20 && c < 0x7F && c != '<' && c != '>' && c != '"' && c != '\'' && c != '(' &&
	       c != ')' && c != ',' && c != ';' && c != '[' && c != ']' && c != '{' && c != '}' &&
	       c != '|' && c != '\\' && c != '^' && c != '`';
}

static size_t url_end(const char *t, size_t k, size_t to)
{
	while (k < to && is_url_char(t[k]))
		k++;
	while (k > 0 && (t[k - 1] == '.' || t[k - 1] == ':' || t[k - 1] == '!' || t[k - 1] == '?'))
		k--;
	return k;
}

/* An address whose host has a dot (or is localhost), starting at s with its host at h. */
static int url_ok(const char *t, size_t h, size_t e)
{
	size_t k = h;
	while (k < e && is_host_char(t[k]))
		k++;
	if (k == h)
		return 0;
	return memchr(t + h, '.', k - h) != NULL || (k - h == 9 && strncasecmp(t + h, "localhost", 9) == 0);
}

int guide_scan_url(const char *t, size_t from, size_t to, struct guide_match *m)
{
	for (size_t i = from; i < to; i++) {
		if (i > from && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '@' || t[i - 1] == '.' ||
				 t[i - 1] == '/'))
			continue;
		size_t h = NOT_FOUND;
		if (i + 7 <= to && strncasecmp(t + i, "http://", 7) == 0)
			h = i + 7;
		else if (i + 8 <= to && strncasecmp(t + i, "https://", 8) == 0)
			h = i + 8;
		else if (i + 4 <= to && strncasecmp(t + i, "www.", 4) == 0)
			h = i;
		else if (is_host_char(t[i]) && t[i] != '.' && t[i] != '-') {
			/* A bare host: letters and dots up to ".gov.cn". */
			size_t k = i;
			while (k < to && is_host_char(t[k]))
				k++;
			ssize_t g = text_find(t, i, k, ".gov.cn");
			if (g < 0 || (size_t)g == i || (k < to && t[k] == '@')) {
				i = k > i ? k - 1 : i;
				continue;
			}
			h = i;
		}
		if (h == NOT_FOUND)
			continue;
		size_t e = url_end(t, h, to);
		if (e > h && url_ok(t, h, e)) {
			m->start = i;
			m->end = e;
			return 1;
		}
	}
	return 0;
}

/* ---- postal addresses and office names ---- */

/* Labels that end a value running on in the same line. */
static const char *const value_stops[] = {
	"邮编", "邮政编码", "电话", "传真", "邮箱", "电子邮件", "网址", "受理时间", "办公时间",
	"工作时间", "联系人", "E-mail", "Email", NULL};

static int is_clause_end(const char *t, size_t i, size_t to)
{
	char c = t[i];
	return c == '\n' || c == '\t' || c == ';' || c == ',' || c == '!' || c == '?' ||
	       starts(t, i, to, "。") || starts(t, i, to, "、");
}

/* The run of text from pos to the end of its clause, at most max characters. */
static size_t clause_run(const char *t, size_t pos, size_t to, size_t max)
{
	size_t e = pos, chars = 0;
	while (e < to && chars < max && !is_clause_end(t, e, to)) {
		if (e > pos && text_find_any(t, e, e + 13 < to ? e + 13 : to, value_stops, NULL) == (ssize_t)e)
			break;
		if (t[e] == '(' && e > pos) {
			size_t in = skip_spaces(t, e + 1, to);
			if (text_find_any(t, in, in + 13 < to ? in + 13 : to, value_stops, NULL) == (ssize_t)in)
				break;
		}
		e = guide_fwd_chars(t, e, to, 1);
		chars++;
	}
	while (e > pos && (t[e - 1] == ' ' || t[e - 1] == '(' || t[e - 1] == ':'))
		e--;
	return e;
}

int guide_scan_address(const char *t, size_t from, size_t to, struct guide_match *m)
{
	static const char *const streets[] = {"路", "街", "号", "道", "巷", "镇", "乡", "村", "楼",
					      "厦", "广场", "院", "弄", "园", "中心", NULL};
	size_t s = guide_skip_separators(t, from, to, 1);
	size_t e = clause_run(t, s, to, 80);
	if (e <= s)
		return 0;
	size_t chars = 0;
	for (size_t k = s; k < e; k = guide_fwd_chars(t, k, e, 1))
		chars++;
	if (chars < 5 || text_find(t, s, e, "@") >= 0 || text_find(t, s, e, "http") >= 0 ||
	    text_find(t, s, e, "www.") >= 0)
		return 0;
	if (text_find_any(t, s, e, streets, NULL) < 0)
		return 0;
	m->start = s;
	m->end = e;
	return 1;
}

int guide_scan_office(const char *t, size_t from, size_t to, struct guide_match *m)
{
	/* In order of how surely they end the name of an office. */
	static const char *const suffixes[] = {
		"办公室", "信息公开办", "政务公开办", "服务中心", "中心", "大厅", "窗口", "科", "股",
		"局", "处", "委员会", "厅", "办", "室", "所", "站", "部", NULL};
	size_t s = guide_skip_separators(t, from, to, 1);
	size_t e = clause_run(t, s, to, 40);
	/* The name is Chinese text: it stops at the first ASCII character but a bracket. */
	for (size_t k = s; k < e; k++) {
		unsigned char c = (unsigned char)t[k];
		if (c < 0x80 && c != '(' && c != ')') {
			e = k;
			break;
		}
	}
	if (e <= s || starts(t, s, e, "负责") || starts(t, s, e, "的"))
		return 0;
	for (int i = 0; suffixes[i]; i++) {
		ssize_t f = text_find(t, s, e, suffixes[i]);
		if (f < 0)
			continue;
		size_t p = (size_t)f;
		size_t end = p + strlen(suffixes[i]);
		size_t chars = 0;
		for (size_t k = s; k < end; k = guide_fwd_chars(t, k, end, 1))
			chars++;
		if (chars < 4)
			continue;
		m->start = s;
		m->end = end;
		return 1;
	}
	return 0;
}
