/*
 * Finding literal years in a template's text. A template sent in any year must name years
 * relative to the send date ({{year.last}}, ...); a fixed "2023年" asks a unit in 2026 for
 * records three years old, so `foi templates check` reports each one with its line.
 */
#include "templates/template.h"

#include <string.h>

#define TITLE_OPEN "\xe3\x80\x8a"  /* 《 */
#define TITLE_CLOSE "\xe3\x80\x8b" /* 》 */
#define YEAR_SIGN "\xe5\xb9\xb4"   /* 年 */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static void scan(const struct template *t, const char *text, int line,
		 void (*fn)(void *ctx, const struct template *t, int line, int year), void *ctx)
{
	int in_title = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			line++;
			in_title = 0; /* a title does not run over a line: an unclosed 《 ends here */
			continue;
		}
		if (strncmp(p, TITLE_OPEN, 3) == 0)
			in_title = 1;
		else if (strncmp(p, TITLE_CLOSE, 3) == 0)
			in_title = 0;
		if (in_title || !is_digit(*p) || (p > text && is_digit(p[-1])))
			continue;
		size_t n = 0;
		while (is_digit(p[n]))
			n++;
		if (n == 4 && strncmp(p + 4, YEAR_SIGN, 3) == 0) {
			int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
			if (year >= 1949 && year <= 2099)
				fn(ctx, t, line, year);
		}
		p += n - 1;
	}
}

void template_each_literal_year(const struct template *t,
				void (*fn)(void *ctx, const struct template *t, int line, int year),
				void *ctx)
{
	scan(t, t->subject, t->subject_line, fn, ctx);
	scan(t, t->body, t->body_line, fn, ctx);
}
