/*
 * One scanner serves both checking (at load time, without values) and rendering, so a
 * template that loads is a template whose every placeholder the renderer understands.
 */
#include "templates/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[TPL_PLACEHOLDER_COUNT] = {
	[TPL_UNIT_NAME] = "unit.name",
	[TPL_PERSONA_NAME] = "persona.name",
	[TPL_PERSONA_ID_TYPE] = "persona.id_type",
	[TPL_PERSONA_ID_NUMBER] = "persona.id_number",
	[TPL_PERSONA_PHONE] = "persona.phone",
	[TPL_PERSONA_ADDRESS] = "persona.address",
	[TPL_PERSONA_POSTCODE] = "persona.postcode",
	[TPL_PERSONA_EMAIL] = "persona.email",
	[TPL_DATE] = "date",
	[TPL_REPLY_TO] = "reply_to",
	[TPL_YEAR_CURRENT] = "year.current",
	[TPL_YEAR_LAST] = "year.last",
	[TPL_YEAR_BUDGET] = "year.budget",
};

/* The month from which the current year's budget counts as published (see render.h). */
#define BUDGET_PUBLISHED_MONTH 4

int template_year_budget(int year, int month)
{
	return month >= BUDGET_PUBLISHED_MONTH ? year : year - 1;
}

const char *template_placeholder_name(enum template_placeholder p)
{
	return (unsigned)p < TPL_PLACEHOLDER_COUNT ? names[p] : "?";
}

static int lookup(const char *name, size_t len)
{
	for (int i = 0; i < TPL_PLACEHOLDER_COUNT; i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
			return i;
	return -1;
}

int template_format_date(int year, int month, int day, char *out, size_t outsz)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
		return -1;
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (month == 2 && day == 29 && !leap)
		return -1;
	snprintf(out, outsz, "%d年%d月%d日", year, month, day);
	return 0;
}

/* A growing output string; a failed allocation is remembered and reported once. */
struct sbuf {
	char *p;
	size_t len, cap;
	int failed;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* The value for placeholder p, or NULL with err saying what is missing. */
static const char *value_of(int p, const struct template_values *v, char *date, size_t datesz,
			    char *why, size_t whysz)
{
	const char *s = NULL, *persona_field = NULL;
	switch (p) {
	case TPL_UNIT_NAME:
		s = v->unit_name;
		break;
	case TPL_PERSONA_NAME:
		s = v->persona.name, persona_field = "name";
		break;
	case TPL_PERSONA_ID_TYPE:
		s = v->persona.id_type, persona_field = "id_type";
		break;
	case TPL_PERSONA_ID_NUMBER:
		s = v->persona.id_number, persona_field = "id_number";
		break;
	case TPL_PERSONA_PHONE:
		s = v->persona.phone, persona_field = "phone";
		break;
	case TPL_PERSONA_ADDRESS:
		s = v->persona.address, persona_field = "address";
		break;
	case TPL_PERSONA_POSTCODE:
		s = v->persona.postcode, persona_field = "postcode";
		break;
	case TPL_PERSONA_EMAIL:
		s = v->persona.email, persona_field = "email";
		break;
	case TPL_DATE:
		if (v->year == 0) {
			snprintf(why, whysz, "no date given for {{date}}");
			return NULL;
		}
		if (template_format_date(v->year, v->month, v->day, date, datesz) != 0) {
			snprintf(why, whysz, "{{date}} is not a date: %d-%d-%d", v->year, v->month,
				 v->day);
			return NULL;
		}
		return date;
	case TPL_YEAR_CURRENT:
	case TPL_YEAR_LAST:
	case TPL_YEAR_BUDGET: {
		if (template_format_date(v->year, v->month, v->day, date, datesz) != 0) {
			snprintf(why, whysz, "no send date given for {{%s}}", names[p]);
			return NULL;
		}
		int y = p == TPL_YEAR_CURRENT ? v->year
			: p == TPL_YEAR_LAST  ? v->year - 1
					      : template_year_budget(v->year, v->month);
		snprintf(date, datesz, "%d", y);
		return date;
	}
	case TPL_REPLY_TO:
		s = v->reply_to;
		break;
	}
	if (!empty(s))
		return s;
	if (persona_field)
		snprintf(why, whysz, "persona field '%s' is empty (needed by {{%s}})", persona_field,
			 names[p]);
	else
		snprintf(why, whysz, "no value given for {{%s}}", names[p]);
	return NULL;
}

/* Walks text; with v set, renders into out; always records the placeholders seen. */
static int scan(const char *text, const char *path, int first_line, const struct template_values *v,
		struct sbuf *out, unsigned *used, char *err, size_t errsz)
{
	int line = first_line;
	const char *s = text, *lit = text;
	char date[32], why[200];

	*used = 0;
	while (*s) {
		if (*s == '\n') {
			line++;
			s++;
			continue;
		}
		if (s[0] != '{' || s[1] != '{') {
			s++;
			continue;
		}
		/* A placeholder lives on one line: an unclosed one is caught before the newline. */
		const char *open = s, *name = s + 2, *close = name;
		while (*close && *close != '\n' && !(close[0] == '}' && close[1] == '}'))
			close++;
		if (close[0] != '}') {
			int shown = (int)(close - open > 40 ? 40 : close - open);
			snprintf(err, errsz, "%s:%d: unclosed placeholder '%.*s' (no '}}' on this line)",
				 path, line, shown, open);
			return -1;
		}
		const char *end = close;
		while (name < end && *name == ' ')
			name++;
		while (end > name && end[-1] == ' ')
			end--;
		int p = lookup(name, (size_t)(end - name));
		if (p < 0 && end - name == 5 && memcmp(name, "token", 5) == 0) {
			/* It was one once: say why it went, so an old template is fixed, not guessed at. */
			snprintf(err, errsz, "%s:%d: {{token}} is not a placeholder: a code in the text tells the unit it "
				 "is being tested; replies are matched by the reply address ({{reply_to}})", path, line);
			return -1;
		}
		if (p < 0) {
			int n = (int)(end - name > 60 ? 60 : end - name);
			snprintf(err, errsz, "%s:%d: unknown placeholder {{%.*s}}", path, line, n, name);
			return -1;
		}
		*used |= TPL_BIT(p);
		if (v) {
			const char *val = value_of(p, v, date, sizeof date, why, sizeof why);
			if (!val) {
				snprintf(err, errsz, "%s:%d: %s", path, line, why);
				return -1;
			}
			sb_add(out, lit, (size_t)(open - lit));
			sb_add(out, val, strlen(val));
		}
		s = close + 2;
		lit = s;
	}
	if (v)
		sb_add(out, lit, (size_t)(s - lit));
	return 0;
}

int template_check_text(const char *text, const char *path, int first_line, unsigned *used,
			char *err, size_t errsz)
{
	unsigned seen;
	int rc = scan(text, path, first_line, NULL, NULL, &seen, err, errsz);
	if (used)
		*used = seen;
	return rc;
}

int template_render_text(const char *text, const char *path, int first_line,
			 const struct template_values *v, char **out, char *err, size_t errsz)
{
	struct sbuf b = {0};
	unsigned used;

	*out = NULL;
	sb_add(&b, "", 0); /* an empty text renders as "", not NULL */
	if (scan(text, path, first_line, v, &b, &used, err, errsz) != 0) {
		free(b.p);
		return -1;
	}
	if (b.failed) {
		free(b.p);
		snprintf(err, errsz, "%s: out of memory while rendering", path);
		return -1;
	}
	*out = b.p;
	return 0;
}
