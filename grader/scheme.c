/* Scheme files read with inih and checked whole: sections, keys, values, and that every part and share adds up (see scheme.h). */
#include "grader/scheme.h"

#include "grader/strbuf.h"
#include "grader/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sums are of decimal fractions (0.75 + 0.75 + 1.5): equal within this is equal. */
#define SUM_EPSILON 1e-6
/* No scheme gives a part or an indicator more points than this; a larger value is a typo. */
#define POINTS_MAX 1000.0

enum section_kind { SEC_NONE, SEC_SCHEME, SEC_CUTOFF, SEC_TABLE, SEC_PART };

/* Which once-only keys were given, and where, for "given twice" and for errors after the file. */
struct part_keys {
	int name, points, graded, method, source, within_1, within_5;
};

struct parse {
	struct scheme *s;
	const char *path;
	char *err;
	size_t errsz;
	int failed;
	FILE *file;
	int line;                 /* the line inih is looking at */
	int chunk_ended_line;     /* the last chunk read ended with a line break */
	enum section_kind kind;   /* the section being read */
	char *section;            /* its name as written */
	struct recbuf tables, parts;      /* struct scheme_table, struct scheme_part */
	struct recbuf part_keys;          /* struct part_keys, one per part */
	struct recbuf indicators;         /* of the current table, struct scheme_indicator */
	struct recbuf items;              /* of the current part, struct scheme_item */
	int seen_scheme_name, seen_title, seen_source, seen_pending, seen_table_name, seen_level;
};

__attribute__((format(printf, 3, 4))) static int fail(struct parse *p, int line, const char *fmt, ...)
{
	if (!p->failed) {
		int n = line > 0 ? snprintf(p->err, p->errsz, "%s:%d: ", p->path, line)
				 : snprintf(p->err, p->errsz, "%s: ", p->path);
		if (n > 0 && (size_t)n < p->errsz) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(p->err + n, p->errsz - n, fmt, ap);
			va_end(ap);
		}
		p->failed = 1;
	}
	return 0;
}

static int oom(struct parse *p)
{
	return fail(p, p->line, "out of memory");
}

static char *dup_text(struct parse *p, const char *v)
{
	char *d = strdup(v);
	if (!d)
		oom(p);
	return d;
}

/* Codes of tables, indicators and parts: what a command line and a JSON key can carry. */
static int valid_code(const char *s, size_t len)
{
	if (len == 0 || len > 64)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return 1;
}

/* A number of points or percent: a plain decimal in [min, max]. */
static int parse_number(const char *v, double min, double max, double *out)
{
	char *end;
	if (!*v || isspace((unsigned char)*v))
		return -1;
	errno = 0;
	double d = strtod(v, &end);
	if (errno || *end || !isfinite(d) || d < min || d > max)
		return -1;
	/* strtod takes hex and exponents; a scheme has neither. */
	for (const char *c = v; c < end; c++)
		if (!isdigit((unsigned char)*c) && *c != '.')
			return -1;
	*out = d;
	return 0;
}

static struct scheme_table *cur_table(struct parse *p)
{
	return p->tables.n ? (struct scheme_table *)p->tables.p + p->tables.n - 1 : NULL;
}

static struct scheme_part *cur_part(struct parse *p)
{
	return p->parts.n ? (struct scheme_part *)p->parts.p + p->parts.n - 1 : NULL;
}

static struct part_keys *cur_keys(struct parse *p)
{
	return (struct part_keys *)p->part_keys.p + p->part_keys.n - 1;
}

static struct scheme_table *find_table(struct parse *p, const char *code, size_t len, size_t *index)
{
	struct scheme_table *t = p->tables.p;
	for (size_t i = 0; i < p->tables.n; i++)
		if (strlen(t[i].code) == len && memcmp(t[i].code, code, len) == 0) {
			if (index)
				*index = i;
			return &t[i];
		}
	return NULL;
}

/* The section that ends when the next begins hands its growing arrays to its object. */
static void close_section(struct parse *p)
{
	if (p->kind == SEC_TABLE) {
		struct scheme_table *t = cur_table(p);
		t->indicators = p->indicators.p;
		t->nindicators = p->indicators.n;
		p->indicators = (struct recbuf){.size = sizeof(struct scheme_indicator)};
	} else if (p->kind == SEC_PART) {
		struct scheme_part *pt = cur_part(p);
		pt->items = p->items.p;
		pt->nitems = p->items.n;
		p->items = (struct recbuf){.size = sizeof(struct scheme_item)};
	}
	p->kind = SEC_NONE;
}

static void open_table(struct parse *p, const char *name, int line)
{
	if (find_table(p, name, strlen(name), NULL))
		return (void)fail(p, line, "table [%s] is given twice", name);
	struct scheme_table *t = recbuf_push(&p->tables);
	if (!t || !(t->code = dup_text(p, name)))
		return (void)oom(p);
	t->line = line;
	p->kind = SEC_TABLE;
	p->seen_table_name = p->seen_level = 0;
}

static void open_part(struct parse *p, const char *name, int line)
{
	const char *dot1 = strchr(name, '.'), *dot2 = strchr(dot1 + 1, '.');
	size_t table;
	struct scheme_table *t = find_table(p, name, (size_t)(dot1 - name), &table);
	if (!t)
		return (void)fail(p, line, "part [%s] comes before its table [%.*s] (or that table is missing)", name,
				  (int)(dot1 - name), name);
	size_t ilen = (size_t)(dot2 - dot1 - 1), indicator = 0;
	int found = 0;
	for (size_t i = 0; i < t->nindicators; i++)
		if (strlen(t->indicators[i].code) == ilen && memcmp(t->indicators[i].code, dot1 + 1, ilen) == 0) {
			indicator = i;
			found = 1;
		}
	if (!found)
		return (void)fail(p, line, "part [%s]: table [%s] has no indicator '%.*s' (an 'indicator = %.*s NAME POINTS' line)",
				  name, t->code, (int)ilen, dot1 + 1, (int)ilen, dot1 + 1);
	struct scheme_part *parts = p->parts.p;
	for (size_t i = 0; i < p->parts.n; i++)
		if (strcmp(parts[i].id, name) == 0)
			return (void)fail(p, line, "part [%s] is given twice (first on line %d)", name, parts[i].line);
	struct scheme_part *pt = recbuf_push(&p->parts);
	struct part_keys *k = recbuf_push(&p->part_keys);
	if (!pt || !k || !(pt->id = dup_text(p, name)) || !(pt->code = dup_text(p, dot1 + 1)))
		return (void)oom(p);
	pt->table = table;
	pt->indicator = indicator;
	pt->line = line;
	p->kind = SEC_PART;
}

/* Every section is classified when its header is read, so that one without keys is checked too. */
static void open_section(struct parse *p, const char *name, int line)
{
	close_section(p);
	free(p->section);
	if (!(p->section = dup_text(p, name)))
		return;
	const char *dot1 = strchr(name, '.');
	const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	if (strcmp(name, "scheme") == 0) {
		p->kind = SEC_SCHEME;
	} else if (strcmp(name, "cutoff") == 0) {
		p->kind = SEC_CUTOFF;
	} else if (!dot1 && valid_code(name, strlen(name))) {
		open_table(p, name, line);
	} else if (dot1 && dot2 && !strchr(dot2 + 1, '.') && valid_code(name, (size_t)(dot1 - name)) &&
		   valid_code(dot1 + 1, (size_t)(dot2 - dot1 - 1)) && valid_code(dot2 + 1, strlen(dot2 + 1))) {
		open_part(p, name, line);
	} else {
		fail(p, line, "unknown section [%s] (sections: [scheme], [cutoff], a table [CODE], a part "
			 "[TABLE.INDICATOR.PART]; codes are a-z, 0-9, _)", name);
	}
}

static void check_section_header(struct parse *p, const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line != '[')
		return;
	const char *end = strchr(line, ']');
	if (!end)
		return; /* inih reports the malformed line itself */
	char *name = strndup(line + 1, (size_t)(end - line - 1));
	if (!name)
		return (void)oom(p);
	open_section(p, name, p->line);
	free(name);
}

/*
 * inih (as Debian builds it) neither gives the handler line numbers nor reads lines longer
 * than its buffer whole: it would take the rest of a long line for a line of its own. The
 * reader counts lines and refuses a line that does not fit, rather than read half of it.
 */
static char *read_line(char *buf, int size, void *stream)
{
	struct parse *p = stream;
	if (p->failed)
		return NULL;
	p->line++;
	char *r = fgets(buf, size, p->file);
	if (!r)
		return NULL;
	if (!strchr(buf, '\n') && !feof(p->file)) {
		fail(p, p->line, "line longer than %d bytes (shorten it: continue a text on a new line as another key)", size - 2);
		return NULL;
	}
	/* inih skips a byte-order mark at the start of the file; so does the header check. */
	check_section_header(p, p->line == 1 && strncmp(buf, "\xEF\xBB\xBF", 3) == 0 ? buf + 3 : buf);
	return p->failed ? NULL : r;
}

static int set_once(struct parse *p, int *seen, const char *key)
{
	if (*seen)
		return fail(p, p->line, "'%s' is given twice in [%s]", key, p->section);
	*seen = p->line;
	return 1;
}

static int set_text(struct parse *p, char **field, int *seen, const char *key, const char *value)
{
	if (!set_once(p, seen, key))
		return 0;
	if (!*value)
		return fail(p, p->line, "'%s' is empty", key);
	free(*field);
	return (*field = dup_text(p, value)) != NULL;
}

static int handle_scheme(struct parse *p, const char *name, const char *value)
{
	if (strcmp(name, "name") == 0)
		return set_text(p, &p->s->name, &p->seen_scheme_name, name, value);
	if (strcmp(name, "title") == 0)
		return set_text(p, &p->s->title, &p->seen_title, name, value);
	if (strcmp(name, "source") == 0)
		return set_text(p, &p->s->source, &p->seen_source, name, value);
	return fail(p, p->line, "unknown key '%s' in [scheme] (keys: name, title, source)", name);
}

static int handle_cutoff(struct parse *p, const char *name, const char *value)
{
	if (strcmp(name, "pending") != 0)
		return fail(p, p->line, "unknown key '%s' in [cutoff] (key: pending)", name);
	if (!set_once(p, &p->seen_pending, name))
		return 0;
	if (strcmp(value, "not_judged") == 0)
		p->s->pending = SCHEME_PENDING_NOT_JUDGED;
	else if (strcmp(value, "no_reply") == 0)
		p->s->pending = SCHEME_PENDING_NO_REPLY;
	else
		return fail(p, p->line, "pending = '%s' is not allowed (not_judged or no_reply)", value);
	return 1;
}

/* The value's words: the first, the last, and the text between (trimmed). */
static int split_ends(const char *v, const char **first_end, const char **last)
{
	const char *sp = strpbrk(v, " \t");
	const char *rsp = NULL;
	for (const char *c = v; *c; c++)
		if (*c == ' ' || *c == '\t')
			rsp = c;
	if (!sp || !rsp)
		return -1;
	*first_end = sp;
	*last = rsp + 1;
	return 0;
}

/* indicator = CODE NAME POINTS */
static int handle_indicator(struct parse *p, const char *value)
{
	const char *code_end, *points;
	if (split_ends(value, &code_end, &points) != 0 || code_end + 1 >= points)
		return fail(p, p->line, "indicator = '%s': expected CODE NAME POINTS (e.g. foi 依申请公开 10)", value);
	size_t clen = (size_t)(code_end - value);
	if (!valid_code(value, clen))
		return fail(p, p->line, "indicator code '%.*s' is not a code (a-z, 0-9, _)", (int)clen, value);
	double pts;
	if (parse_number(points, 0, POINTS_MAX, &pts) != 0 || pts <= 0)
		return fail(p, p->line, "indicator %.*s: '%s' is not a number of points (above 0, at most %g)", (int)clen,
			    value, points, POINTS_MAX);
	const char *n = code_end, *ne = points - 1;
	while (*n == ' ' || *n == '\t')
		n++;
	while (ne > n && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	if (ne <= n)
		return fail(p, p->line, "indicator %.*s has no name", (int)clen, value);
	struct scheme_indicator *have = p->indicators.p;
	for (size_t i = 0; i < p->indicators.n; i++)
		if (strlen(have[i].code) == clen && memcmp(have[i].code, value, clen) == 0)
			return fail(p, p->line, "indicator %.*s is given twice in [%s]", (int)clen, value, p->section);
	struct scheme_indicator *ind = recbuf_push(&p->indicators);
	if (!ind || !(ind->code = strndup(value, clen)) || !(ind->name = strndup(n, (size_t)(ne - n))))
		return oom(p);
	ind->points = pts;
	ind->line = p->line;
	return 1;
}

static int handle_table(struct parse *p, const char *name, const char *value)
{
	struct scheme_table *t = cur_table(p);
	if (strcmp(name, "name") == 0)
		return set_text(p, &t->name, &p->seen_table_name, name, value);
	if (strcmp(name, "level") == 0) {
		if (!valid_code(value, strlen(value)))
			return fail(p, p->line, "level '%s' is not a unit level of the units file (county, department)", value);
		struct scheme_table *all = p->tables.p;
		for (size_t i = 0; i + 1 < p->tables.n; i++)
			if (all[i].level && strcmp(all[i].level, value) == 0)
				return fail(p, p->line, "level %s already belongs to table [%s]", value, all[i].code);
		return set_text(p, &t->level, &p->seen_level, name, value);
	}
	if (strcmp(name, "indicator") == 0)
		return handle_indicator(p, value);
	return fail(p, p->line, "unknown key '%s' in table [%s] (keys: name, level, indicator)", name, t->code);
}

static int known_kind(const char *k, size_t len)
{
	for (size_t i = 0; i < scheme_kind_count(); i++)
		if (strlen(scheme_kind_at(i)) == len && memcmp(scheme_kind_at(i), k, len) == 0)
			return 1;
	return 0;
}

static int parse_kinds(struct parse *p, struct scheme_item *it, const char *list)
{
	const char *c = list;
	if (!*c)
		return fail(p, p->line, "item %s: kinds= names no kind", it->code);
	while (*c) {
		size_t len = strcspn(c, ",");
		if (!known_kind(c, len)) {
			struct strbuf names = {0};
			for (size_t i = 0; i < scheme_kind_count(); i++) {
				strbuf_adds(&names, i ? ", " : "");
				strbuf_adds(&names, scheme_kind_at(i));
			}
			fail(p, p->line, "item %s: '%.*s' is not a document kind (%s)", it->code, (int)len, c,
			     names.p ? names.p : "");
			strbuf_free(&names);
			return 0;
		}
		char **grown = realloc(it->kinds, (it->nkinds + 1) * sizeof *grown);
		if (!grown)
			return oom(p);
		it->kinds = grown;
		if (!(it->kinds[it->nkinds] = strndup(c, len)))
			return oom(p);
		it->nkinds++;
		c += len;
		if (*c == ',' && !*++c)
			return fail(p, p->line, "item %s: kinds= ends with a comma", it->code);
	}
	return 1;
}

/* item = CODE SHARE [kinds=K,K] */
static int handle_item(struct parse *p, const char *value)
{
	char *copy = dup_text(p, value);
	if (!copy)
		return 0;
	char *save = NULL, *code = strtok_r(copy, " \t", &save), *share = strtok_r(NULL, " \t", &save);
	char *kinds = strtok_r(NULL, " \t", &save), *extra = strtok_r(NULL, " \t", &save);
	int ok = 0;
	enum scheme_graded graded;
	struct scheme_item *have = p->items.p, *it;
	if (!code || !share || extra || (kinds && strncmp(kinds, "kinds=", 6) != 0)) {
		fail(p, p->line, "item = '%s': expected CODE SHARE [kinds=KIND,...] (e.g. form.title 4)", value);
		goto out;
	}
	if (!scheme_item_lookup(code, &graded)) {
		fail(p, p->line, "unknown item '%s' ('foi scheme items' lists the item codes)", code);
		goto out;
	}
	for (size_t i = 0; i < p->items.n; i++)
		if (strcmp(have[i].code, code) == 0) {
			fail(p, p->line, "item %s is given twice in [%s] (first on line %d)", code, p->section, have[i].line);
			goto out;
		}
	double pct;
	if (parse_number(share, 0, 100, &pct) != 0 || pct <= 0) {
		fail(p, p->line, "item %s: share '%s' is not a percent above 0 and at most 100", code, share);
		goto out;
	}
	if (!(it = recbuf_push(&p->items)) || !(it->code = dup_text(p, code))) {
		oom(p);
		goto out;
	}
	it->share = pct;
	it->line = p->line;
	ok = kinds ? parse_kinds(p, it, kinds + 6) : 1;
out:
	free(copy);
	return ok;
}

static int handle_part(struct parse *p, const char *name, const char *value)
{
	struct scheme_part *pt = cur_part(p);
	struct part_keys *k = cur_keys(p);
	if (strcmp(name, "name") == 0)
		return set_text(p, &pt->name, &k->name, name, value);
	if (strcmp(name, "method") == 0)
		return set_text(p, &pt->method, &k->method, name, value);
	if (strcmp(name, "source") == 0)
		return set_text(p, &pt->source, &k->source, name, value);
	if (strcmp(name, "item") == 0)
		return handle_item(p, value);
	if (strcmp(name, "points") == 0) {
		if (!set_once(p, &k->points, name))
			return 0;
		if (parse_number(value, 0, POINTS_MAX, &pt->points) != 0 || pt->points <= 0)
			return fail(p, p->line, "points = '%s' is not a number of points above 0 (at most %g)", value, POINTS_MAX);
		return 1;
	}
	if (strcmp(name, "graded") == 0) {
		if (!set_once(p, &k->graded, name))
			return 0;
		for (int g = SCHEME_GUIDE; g <= SCHEME_MANUAL; g++)
			if (strcmp(value, scheme_graded_name((enum scheme_graded)g)) == 0) {
				pt->graded = (enum scheme_graded)g;
				return 1;
			}
		return fail(p, p->line, "graded = '%s' is not allowed (guide, foi, consult or manual)", value);
	}
	if (strcmp(name, "within_1_day") == 0 || strcmp(name, "within_5_days") == 0) {
		int one = name[7] == '1';
		if (!set_once(p, one ? &k->within_1 : &k->within_5, name))
			return 0;
		if (parse_number(value, 0, 100, one ? &pt->within_1_day : &pt->within_5_days) != 0)
			return fail(p, p->line, "%s = '%s' is not a percent from 0 to 100", name, value);
		return 1;
	}
	return fail(p, p->line, "unknown key '%s' in part [%s] (keys: name, points, graded, method, source, item, "
		    "within_1_day, within_5_days)", name, pt->id);
}

static int handle_key(void *user, const char *section, const char *name, const char *value)
{
	struct parse *p = user;
	(void)section; /* the reader classified it when it read the header */
	if (p->failed)
		return 0;
	if (!utf8_valid(value, strlen(value)) || !utf8_valid(name, strlen(name)))
		return fail(p, p->line, "not UTF-8 text (save the file as UTF-8)");
	switch (p->kind) {
	case SEC_SCHEME:
		return handle_scheme(p, name, value);
	case SEC_CUTOFF:
		return handle_cutoff(p, name, value);
	case SEC_TABLE:
		return handle_table(p, name, value);
	case SEC_PART:
		return handle_part(p, name, value);
	case SEC_NONE:
		break;
	}
	return fail(p, p->line, "'%s' comes before any section", name);
}

/* ---- after the file: what must add up ------------------------------------------------ */

static int close_to(double a, double b)
{
	return fabs(a - b) < SUM_EPSILON;
}

static int check_part(struct parse *p, const struct scheme_part *pt, const struct part_keys *k)
{
	const struct scheme_indicator *ind = &p->s->tables[pt->table].indicators[pt->indicator];
	if (!k->name)
		return fail(p, pt->line, "part [%s] has no name", pt->id);
	if (!k->points)
		return fail(p, pt->line, "part [%s] has no points", pt->id);
	if (!k->graded)
		return fail(p, pt->line, "part [%s] does not say what it is graded on (graded = guide, foi, consult or manual)", pt->id);
	int rubric = pt->graded == SCHEME_GUIDE || pt->graded == SCHEME_FOI;
	if (!rubric && pt->nitems)
		return fail(p, pt->items[0].line, "part [%s] is graded %s: it takes no items", pt->id,
			    scheme_graded_name(pt->graded));
	if (rubric) {
		if (!pt->nitems)
			return fail(p, pt->line, "part [%s] lists no items (item = CODE SHARE)", pt->id);
		double sum = 0;
		for (size_t i = 0; i < pt->nitems; i++) {
			const struct scheme_item *it = &pt->items[i];
			enum scheme_graded g;
			scheme_item_lookup(it->code, &g);
			if (g != pt->graded)
				return fail(p, it->line, "item %s is graded on %s, not in a part graded %s", it->code,
					    g == SCHEME_GUIDE ? "the guide page and channel test" : "an FOI reply",
					    scheme_graded_name(pt->graded));
			if (it->nkinds && pt->graded != SCHEME_FOI)
				return fail(p, it->line, "item %s: kinds= applies to items of a reply (a part graded foi)", it->code);
			sum += it->share;
		}
		if (!close_to(sum, 100))
			return fail(p, pt->line, "the item shares of [%s] add up to %g, not 100", pt->id, sum);
	}
	if (pt->graded != SCHEME_CONSULT && (k->within_1 || k->within_5))
		return fail(p, k->within_1 ? k->within_1 : k->within_5,
			    "within_1_day and within_5_days belong to a part graded consult");
	if (pt->graded == SCHEME_CONSULT) {
		if (!k->within_1 || !k->within_5)
			return fail(p, pt->line, "part [%s] is graded consult: it needs within_1_day and within_5_days "
				    "(percent of the indicator's weight)", pt->id);
		if (pt->within_5_days > pt->within_1_day)
			return fail(p, k->within_5, "within_5_days (%g) is more than within_1_day (%g)", pt->within_5_days,
				    pt->within_1_day);
		double full = ind->points * pt->within_1_day / 100;
		if (!close_to(full, pt->points))
			return fail(p, k->points, "part [%s]: within_1_day %g%% of %s's weight %g is %g points, but points = %g",
				    pt->id, pt->within_1_day, ind->name, ind->points, full, pt->points);
	}
	return 1;
}

static int check_table(struct parse *p, size_t ti)
{
	const struct scheme_table *t = &p->s->tables[ti];
	if (!t->name)
		return fail(p, t->line, "table [%s] has no name", t->code);
	if (!t->level)
		return fail(p, t->line, "table [%s] has no level (the units it scores: county or department)", t->code);
	if (!t->nindicators)
		return fail(p, t->line, "table [%s] has no indicator (indicator = CODE NAME POINTS)", t->code);
	for (size_t i = 0; i < t->nindicators; i++) {
		const struct scheme_indicator *ind = &t->indicators[i];
		double sum = 0;
		size_t n = 0;
		for (size_t j = 0; j < p->s->nparts; j++) {
			const struct scheme_part *pt = &p->s->parts[j];
			if (pt->table == ti && pt->indicator == i) {
				sum += pt->points;
				n++;
			}
		}
		if (!n)
			return fail(p, ind->line, "indicator %s (%s) of [%s] has no parts ([%s.%s.PART] sections)", ind->code,
				    ind->name, t->code, t->code, ind->code);
		if (!close_to(sum, ind->points))
			return fail(p, ind->line, "indicator %s (%s) of [%s] is %g points, but its parts add up to %g",
				    ind->code, ind->name, t->code, ind->points, sum);
	}
	return 1;
}

static int check_whole(struct parse *p)
{
	struct scheme *s = p->s;
	if (!p->seen_scheme_name)
		return fail(p, 0, "no [scheme] name (the scheme's year or title)");
	if (!s->ntables)
		return fail(p, 0, "no table ([county], [department] ...)");
	const struct part_keys *k = p->part_keys.p;
	for (size_t i = 0; i < s->nparts; i++)
		if (!check_part(p, &s->parts[i], &k[i]))
			return 0;
	for (size_t i = 0; i < s->ntables; i++)
		if (!check_table(p, i))
			return 0;
	return 1;
}

int scheme_load(const char *path, struct scheme *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	struct parse p = {
		.s = out, .path = path, .err = err, .errsz = errsz,
		.tables = {.size = sizeof(struct scheme_table)},
		.parts = {.size = sizeof(struct scheme_part)},
		.part_keys = {.size = sizeof(struct part_keys)},
		.indicators = {.size = sizeof(struct scheme_indicator)},
		.items = {.size = sizeof(struct scheme_item)},
	};
	if (!(out->path = strdup(path))) {
		snprintf(err, errsz, "%s: out of memory", path);
		return SCHEME_ERR_IO;
	}
	p.file = fopen(path, "r");
	if (!p.file) {
		snprintf(err, errsz, "%s: cannot open: %s", path, strerror(errno));
		scheme_free(out);
		return SCHEME_ERR_IO;
	}
	int rc = ini_parse_stream(read_line, &p, handle_key, &p);
	int read_error = ferror(p.file);
	fclose(p.file);
	close_section(&p);
	out->tables = p.tables.p;
	out->ntables = p.tables.n;
	out->parts = p.parts.p;
	out->nparts = p.parts.n;
	free(p.section);
	if (p.tables.oom || p.parts.oom || p.part_keys.oom)
		oom(&p);
	if (!p.failed && read_error)
		fail(&p, 0, "read error");
	if (!p.failed && rc != 0)
		fail(&p, rc, "not a valid line (expected [section], key = value or a ; comment)");
	if (!p.failed)
		check_whole(&p);
	recbuf_free(&p.part_keys);
	/* A section that failed half-way may leave its arrays here rather than in its object. */
	struct scheme_indicator *ind = p.indicators.p;
	for (size_t i = 0; i < p.indicators.n; i++) {
		free(ind[i].code);
		free(ind[i].name);
	}
	recbuf_free(&p.indicators);
	struct scheme_item *it = p.items.p;
	for (size_t i = 0; i < p.items.n; i++) {
		free(it[i].code);
		for (size_t j = 0; j < it[i].nkinds; j++)
			free(it[i].kinds[j]);
		free(it[i].kinds);
	}
	recbuf_free(&p.items);
	if (p.failed) {
		scheme_free(out);
		return read_error ? SCHEME_ERR_IO : SCHEME_ERR_DATA;
	}
	return 0;
}

void scheme_free(struct scheme *s)
{
	for (size_t i = 0; i < s->ntables; i++) {
		struct scheme_table *t = &s->tables[i];
		for (size_t j = 0; j < t->nindicators; j++) {
			free(t->indicators[j].code);
			free(t->indicators[j].name);
		}
		free(t->indicators);
		free(t->code);
		free(t->name);
		free(t->level);
	}
	free(s->tables);
	for (size_t i = 0; i < s->nparts; i++) {
		struct scheme_part *pt = &s->parts[i];
		for (size_t j = 0; j < pt->nitems; j++) {
			for (size_t k = 0; k < pt->items[j].nkinds; k++)
				free(pt->items[j].kinds[k]);
			free(pt->items[j].kinds);
			free(pt->items[j].code);
		}
		free(pt->items);
		free(pt->id);
		free(pt->code);
		free(pt->name);
		free(pt->method);
		free(pt->source);
	}
	free(s->parts);
	free(s->path);
	free(s->name);
	free(s->title);
	free(s->source);
	memset(s, 0, sizeof *s);
}

const struct scheme_table *scheme_table_for_level(const struct scheme *s, const char *level)
{
	for (size_t i = 0; i < s->ntables; i++)
		if (level && strcmp(s->tables[i].level, level) == 0)
			return &s->tables[i];
	return NULL;
}

const struct scheme_part *scheme_part_find(const struct scheme *s, size_t table, const char *code)
{
	for (size_t i = 0; i < s->nparts; i++)
		if (s->parts[i].table == table && strcmp(s->parts[i].code, code) == 0)
			return &s->parts[i];
	return NULL;
}

const char *scheme_graded_name(enum scheme_graded g)
{
	static const char *const names[] = {"guide", "foi", "consult", "manual"};
	return (unsigned)g < sizeof names / sizeof names[0] ? names[g] : "?";
}

const char *scheme_pending_name(enum scheme_pending pend)
{
	return pend == SCHEME_PENDING_NO_REPLY ? "no_reply" : "not_judged";
}
