/*
 * The iCalendar loader. Three passes:
 *   1. frame: split the file into unfolded content lines, each with the line it starts on,
 *      and check the BEGIN/END nesting ourselves, remembering where each VEVENT's date
 *      properties are;
 *   2. parse: feed libical the content lines one by one, so that a line it rejects can be
 *      named, and take the VEVENTs it builds;
 *   3. apply: work out coverage and each day's arrangement year, then replace those years
 *      in the calendar and build it.
 * Nothing reaches the calendar before the whole file has been read without error.
 */
#include "schedule/calendar_ics.h"

#include <ctype.h>
#include <errno.h>
#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 16
#define MAX_BREAK_DAYS 31 /* longer than any official break: a DTEND typo, most likely */

struct content_line {
	char *text;
	int line;
};

/* Where one VEVENT's properties are, by line. 0 means absent. */
struct event_lines {
	int begin, dtstart, dtend, duration, summary, categories, recur;
};

/* One event, read. */
struct day_event {
	sched_day first, last; /* inclusive */
	enum cal_mark_kind kind;
	char *name, *note;
	int line;              /* the BEGIN:VEVENT line */
	int year;              /* the arrangement it is given to */
};

struct loader {
	const char *name;      /* the path, for messages */
	const char *base;      /* its last component, for sources */
	char *err;
	size_t errsz;

	struct content_line *lines;
	size_t nlines, caplines;
	struct event_lines *evl;
	size_t nevl, capevl;
	int covers_line;       /* the X-FOI-COVERS line, for its errors */

	icalcomponent **roots;
	size_t nroots, caproots;
	size_t *root_first_event; /* index into evl of each root's first VEVENT */

	struct day_event *events;
	size_t nevents, capevents;
	int covers[CAL_ICS_MAX_YEARS];
	size_t ncovers;
	int explicit_covers;
	char *title;
};

static int failf(struct loader *L, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int failf(struct loader *L, int line, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(L->err, L->errsz, "%s:%d: %s", L->name, line, msg);
	else
		snprintf(L->err, L->errsz, "%s: %s", L->name, msg);
	return -1;
}

/* A short, printable, UTF-8-safe excerpt of a line for messages. */
static void excerpt(const char *s, char *out, size_t outsz)
{
	size_t n = 0, limit = outsz > 4 ? outsz - 4 : 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && n < limit) {
		size_t len = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
		if (n + len > limit)
			break;
		/* A cut-off character at the end of the text: step only over the bytes that are there. */
		size_t i = 0;
		for (; i < len && p[i]; i++)
			out[n++] = (char)(p[i] < 0x20 ? '?' : p[i]);
		p += i;
	}
	if (*p && n + 3 < outsz) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap * 2 : 32;
	while (c < need)
		c *= 2;
	void *q = realloc(p, c * size);
	if (q)
		*cap = c;
	return q;
}

static int add_line(struct loader *L, const char *start, size_t len, int lineno)
{
	void *p = grow(L->lines, &L->caplines, L->nlines + 1, sizeof *L->lines);
	if (!p)
		return failf(L, 0, "out of memory");
	L->lines = p;
	char *t = malloc(len + 1);
	if (!t)
		return failf(L, 0, "out of memory");
	memcpy(t, start, len);
	t[len] = '\0';
	L->lines[L->nlines++] = (struct content_line){.text = t, .line = lineno};
	return 0;
}

/* Appends a folded continuation (without its leading blank) to the last content line. */
static int continue_line(struct loader *L, const char *start, size_t len)
{
	struct content_line *c = &L->lines[L->nlines - 1];
	size_t old = strlen(c->text);
	char *t = realloc(c->text, old + len + 1);
	if (!t)
		return failf(L, 0, "out of memory");
	memcpy(t + old, start, len);
	t[old + len] = '\0';
	c->text = t;
	return 0;
}

/* RFC 5545 3.1: lines end in CRLF (a bare LF is accepted), and a line starting with a space
 * or tab continues the one before. */
static int split_lines(struct loader *L, const char *text, size_t len)
{
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (memchr(text, '\0', len))
		return failf(L, 0, "not an iCalendar file: it contains NUL bytes");
	int lineno = 0;
	for (size_t i = 0; i < len;) {
		const char *s = text + i;
		const char *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i;
		i += n + (nl ? 1 : 0);
		lineno++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n == 0)
			continue; /* blank lines are not iCalendar, but harmless */
		if ((s[0] == ' ' || s[0] == '\t') && L->nlines > 0) {
			if (continue_line(L, s + 1, n - 1) != 0)
				return -1;
		} else if (add_line(L, s, n, lineno) != 0) {
			return -1;
		}
	}
	if (L->nlines == 0)
		return failf(L, 0, "not an iCalendar file: it is empty");
	return 0;
}

/* The property name of a content line, upper-cased into out; 0 when the line has one. */
static int line_name(const char *text, char *out, size_t outsz)
{
	size_t n = 0;
	while (isalnum((unsigned char)text[n]) || text[n] == '-')
		n++;
	if (n == 0 || n >= outsz || (text[n] != ':' && text[n] != ';'))
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)toupper((unsigned char)text[i]);
	out[n] = '\0';
	return 0;
}

static const char *line_value(const char *text)
{
	/* The value follows the first ':' that is not inside a quoted parameter value. */
	int quoted = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ':' && !quoted)
			return p + 1;
	}
	return "";
}

/* Properties whose misreading would change a date: libical errors on these are fatal. */
static int decides_dates(const char *name)
{
	static const char *names[] = {"BEGIN", "END", "DTSTART", "DTEND", "DURATION", "SUMMARY",
				      "CATEGORIES", "RRULE", "RDATE", "EXDATE", "X-FOI-COVERS"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

struct frame {
	char name[32];
	int line;
};

/* Pass 1 and 2 together: structure checks, line bookkeeping, and libical parsing. */
static int parse(struct loader *L)
{
	struct frame stack[MAX_DEPTH];
	int depth = 0;
	long cur_event = -1;
	size_t root_first = 0; /* the first VEVENT record of the VCALENDAR being read */
	int rc = 0;
	icalparser *parser = icalparser_new();
	if (!parser)
		return failf(L, 0, "out of memory");

	for (size_t i = 0; i < L->nlines && rc == 0; i++) {
		const struct content_line *c = &L->lines[i];
		char name[64], shown[72];
		if (line_name(c->text, name, sizeof name) != 0) {
			excerpt(c->text, shown, sizeof shown);
			if (i == 0)
				rc = failf(L, c->line, "not an iCalendar file: it begins '%s', not BEGIN:VCALENDAR", shown);
			else
				rc = failf(L, c->line, "not an iCalendar content line: '%s'", shown);
			break;
		}
		const char *value = line_value(c->text);
		if (strcmp(name, "BEGIN") == 0) {
			if (depth == 0 && strcasecmp(value, "VCALENDAR") != 0) {
				excerpt(c->text, shown, sizeof shown);
				rc = failf(L, c->line, i == 0 ? "not an iCalendar file: it begins '%s', not BEGIN:VCALENDAR"
							      : "'%s' outside any VCALENDAR", shown);
				break;
			}
			if (depth == MAX_DEPTH) {
				rc = failf(L, c->line, "components nested too deeply");
				break;
			}
			if (depth == 0)
				root_first = L->nevl;
			snprintf(stack[depth].name, sizeof stack[depth].name, "%s", value);
			for (char *p = stack[depth].name; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			stack[depth].line = c->line;
			depth++;
			if (depth == 2 && strcmp(stack[1].name, "VEVENT") == 0) {
				void *p = grow(L->evl, &L->capevl, L->nevl + 1, sizeof *L->evl);
				if (!p) {
					rc = failf(L, 0, "out of memory");
					break;
				}
				L->evl = p;
				L->evl[L->nevl] = (struct event_lines){.begin = c->line};
				cur_event = (long)L->nevl++;
			}
		} else if (strcmp(name, "END") == 0) {
			if (depth == 0 || strcasecmp(value, stack[depth - 1].name) != 0) {
				excerpt(c->text, shown, sizeof shown);
				if (depth == 0)
					rc = failf(L, c->line, "'%s' closes nothing", shown);
				else
					rc = failf(L, c->line, "'%s' does not close BEGIN:%s of line %d", shown,
						   stack[depth - 1].name, stack[depth - 1].line);
				break;
			}
			depth--;
			if (depth == 1)
				cur_event = -1;
		} else if (depth == 0) {
			excerpt(c->text, shown, sizeof shown);
			rc = failf(L, c->line, i == 0 ? "not an iCalendar file: it begins '%s', not BEGIN:VCALENDAR"
						      : "'%s' outside any VCALENDAR", shown);
			break;
		} else if (depth == 2 && cur_event >= 0) {
			struct event_lines *e = &L->evl[cur_event];
			int *slot = strcmp(name, "DTSTART") == 0      ? &e->dtstart
				    : strcmp(name, "DTEND") == 0      ? &e->dtend
				    : strcmp(name, "DURATION") == 0   ? &e->duration
				    : strcmp(name, "SUMMARY") == 0    ? &e->summary
				    : strcmp(name, "CATEGORIES") == 0 ? &e->categories
				    : (strcmp(name, "RRULE") == 0 || strcmp(name, "RDATE") == 0) ? &e->recur
												  : NULL;
			if (slot && *slot == 0)
				*slot = c->line;
		} else if (depth == 1 && strcmp(name, "X-FOI-COVERS") == 0) {
			L->covers_line = c->line;
		}

		/* libical takes a mutable line and leaves it to us to free. */
		char *copy = strdup(c->text);
		if (!copy) {
			rc = failf(L, 0, "out of memory");
			break;
		}
		icalcomponent *root = icalparser_add_line(parser, copy);
		free(copy);
		if (icalparser_get_state(parser) == ICALPARSER_ERROR && decides_dates(name)) {
			excerpt(c->text, shown, sizeof shown);
			rc = failf(L, c->line, "libical cannot read '%s'", shown);
		}
		if (root) {
			void *p = grow(L->roots, &L->caproots, L->nroots + 1, sizeof *L->roots);
			size_t cap = L->caproots;
			void *q = p ? realloc(L->root_first_event, cap * sizeof *L->root_first_event) : NULL;
			if (!p || !q) {
				if (p)
					L->roots = p;
				icalcomponent_free(root);
				rc = failf(L, 0, "out of memory");
				break;
			}
			L->roots = p;
			L->root_first_event = q;
			L->roots[L->nroots] = root;
			L->root_first_event[L->nroots] = root_first;
			L->nroots++;
		}
	}
	if (rc == 0 && depth > 0)
		rc = failf(L, stack[depth - 1].line, "BEGIN:%s is never closed (no END:%s)", stack[depth - 1].name,
			   stack[depth - 1].name);
	/* Whatever libical still holds (an unclosed component) is freed with the parser. */
	icalparser_free(parser);
	if (rc == 0 && L->nroots == 0)
		rc = failf(L, 0, "not an iCalendar file: no VCALENDAR in it");
	return rc;
}

static int ical_date(struct icaltimetype t, sched_day *out)
{
	if (icaltime_is_null_time(t) || !t.is_date || !day_is_valid_ymd(t.year, t.month, t.day))
		return -1;
	*out = day_from_ymd(t.year, t.month, t.day);
	return 0;
}

static int has_prefix(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* CATEGORIES may carry several comma-separated values, in one property or several. */
static int read_categories(struct loader *L, icalcomponent *ev, int line, int *holiday, int *workday)
{
	*holiday = *workday = 0;
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		const char *v = icalproperty_get_categories(p);
		if (!v)
			continue;
		char *copy = strdup(v), *save = NULL;
		if (!copy)
			return failf(L, 0, "out of memory");
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			while (*tok == ' ')
				tok++;
			size_t n = strlen(tok);
			while (n > 0 && tok[n - 1] == ' ')
				tok[--n] = '\0';
			if (strcasecmp(tok, "HOLIDAY") == 0)
				*holiday = 1;
			else if (strcasecmp(tok, "WORKDAY") == 0)
				*workday = 1;
		}
		free(copy);
	}
	if (*holiday && *workday)
		return failf(L, line, "CATEGORIES says both HOLIDAY and WORKDAY");
	return 0;
}

static int read_event(struct loader *L, icalcomponent *ev, const struct event_lines *el)
{
	struct day_event e = {0};
	e.line = el->begin;
	if (el->recur)
		return failf(L, el->recur, "recurring events are not supported: list each year's days");

	icalproperty *ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (!ps)
		return failf(L, el->begin, "event has no date (no DTSTART)");
	struct icaltimetype start = icalproperty_get_dtstart(ps);
	if (!start.is_date)
		return failf(L, el->dtstart, "DTSTART has a time of day; holiday calendars mark whole days "
					     "(DTSTART;VALUE=DATE:YYYYMMDD)");
	if (ical_date(start, &e.first) != 0)
		return failf(L, el->dtstart, "DTSTART %04d%02d%02d is not a real date", start.year, start.month,
			     start.day);

	icalproperty *pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	icalproperty *pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	if (pe && pd)
		return failf(L, el->duration, "an event has DTEND or DURATION, not both");
	sched_day end = e.first + 1; /* exclusive; one day when neither is given (RFC 5545 3.6.1) */
	if (pe) {
		struct icaltimetype t = icalproperty_get_dtend(pe);
		if (!t.is_date)
			return failf(L, el->dtend, "DTEND has a time of day; an all-day event ends on a DATE");
		if (ical_date(t, &end) != 0)
			return failf(L, el->dtend, "DTEND %04d%02d%02d is not a real date", t.year, t.month, t.day);
		if (end <= e.first)
			return failf(L, el->dtend, "DTEND is not after DTSTART (DTEND is the day after the last day)");
	} else if (pd) {
		struct icaldurationtype d = icalproperty_get_duration(pd);
		int days = (int)(d.days + 7 * d.weeks);
		if (d.is_neg || d.hours || d.minutes || d.seconds || days <= 0)
			return failf(L, el->duration, "DURATION must be a positive number of whole days (P1D, P3D)");
		end = e.first + days;
	}
	e.last = end - 1;
	if (end - e.first > MAX_BREAK_DAYS)
		return failf(L, el->dtend ? el->dtend : el->duration,
			     "the event lasts %d days, longer than any official break (check DTEND)",
			     (int)(end - e.first));

	int holiday, workday;
	if (read_categories(L, ev, el->categories, &holiday, &workday) != 0)
		return -1;
	const char *summary = icalcomponent_get_summary(ev);
	int says_work = has_prefix(summary, "上班");
	if (holiday && says_work)
		return failf(L, el->categories, "SUMMARY '%s' is a workday but CATEGORIES says HOLIDAY", summary);
	e.kind = (workday || (!holiday && says_work)) ? CAL_MARK_WORKDAY : CAL_MARK_DAY_OFF;

	const char *desc = icalcomponent_get_description(ev);
	e.name = strdup(summary ? summary : "");
	e.note = strdup(desc ? desc : "");
	void *p = grow(L->events, &L->capevents, L->nevents + 1, sizeof *L->events);
	if (!e.name || !e.note || !p) {
		free(e.name);
		free(e.note);
		if (p)
			L->events = p;
		return failf(L, 0, "out of memory");
	}
	L->events = p;
	L->events[L->nevents++] = e;
	return 0;
}

static int add_cover(struct loader *L, int year)
{
	for (size_t i = 0; i < L->ncovers; i++)
		if (L->covers[i] == year)
			return 0;
	if (L->ncovers == CAL_ICS_MAX_YEARS)
		return failf(L, L->covers_line, "the file covers more than %d years", CAL_ICS_MAX_YEARS);
	size_t at = L->ncovers;
	while (at > 0 && L->covers[at - 1] > year) {
		L->covers[at] = L->covers[at - 1];
		at--;
	}
	L->covers[at] = year;
	L->ncovers++;
	return 0;
}

static int read_covers(struct loader *L, icalcomponent *root)
{
	for (icalproperty *p = icalcomponent_get_first_property(root, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(root, ICAL_X_PROPERTY)) {
		const char *xname = icalproperty_get_x_name(p);
		const char *v = icalproperty_get_x(p);
		if (!xname || !v)
			continue;
		if (strcasecmp(xname, "X-WR-CALDESC") == 0 || (strcasecmp(xname, "X-WR-CALNAME") == 0 && !L->title)) {
			free(L->title);
			L->title = strdup(v);
			if (!L->title)
				return failf(L, 0, "out of memory");
			continue;
		}
		if (strcasecmp(xname, "X-FOI-COVERS") != 0)
			continue;
		L->explicit_covers = 1;
		const char *s = v;
		for (;;) {
			while (*s == ' ')
				s++;
			char *end;
			errno = 0;
			long y = strtol(s, &end, 10);
			if (end == s || end - s != 4 || errno || y < 1900 || y > 2199)
				return failf(L, L->covers_line, "X-FOI-COVERS must list years (2023 or 2023,2024), not '%s'", v);
			if (add_cover(L, (int)y) != 0)
				return -1;
			s = end;
			while (*s == ' ')
				s++;
			if (*s == '\0')
				break;
			if (*s != ',')
				return failf(L, L->covers_line, "X-FOI-COVERS must list years (2023 or 2023,2024), not '%s'", v);
			s++;
		}
	}
	return 0;
}

static int read_roots(struct loader *L)
{
	for (size_t r = 0; r < L->nroots; r++) {
		icalcomponent *root = L->roots[r];
		if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT)
			return failf(L, 0, "not an iCalendar file: no VCALENDAR in it");
		if (read_covers(L, root) != 0)
			return -1;
		size_t k = L->root_first_event[r];
		for (icalcomponent *ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
		     ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT), k++) {
			/* Our framing and libical's must agree event for event; if they ever did not,
			 * line numbers would lie, so say so instead. */
			if (k >= L->nevl)
				return failf(L, 0, "libical found more events than the file's BEGIN:VEVENT lines");
			if (read_event(L, ev, &L->evl[k]) != 0)
				return -1;
		}
	}
	return 0;
}

static int nearest_cover(const struct loader *L, int year)
{
	int best = L->covers[0];
	for (size_t i = 1; i < L->ncovers; i++) {
		int c = L->covers[i], db = abs(best - year), dc = abs(c - year);
		if (dc < db || (dc == db && c > best))
			best = c;
	}
	return best;
}

/* Coverage (explicit or inferred) and each event's arrangement year. */
static int assign_years(struct loader *L)
{
	if (!L->explicit_covers)
		for (size_t i = 0; i < L->nevents; i++) {
			const struct day_event *e = &L->events[i];
			if (e->kind == CAL_MARK_DAY_OFF && day_year(e->first) == day_year(e->last))
				if (add_cover(L, day_year(e->first)) != 0)
					return -1;
		}
	if (L->ncovers == 0)
		return failf(L, 0, "covers no year: no day-off event lies within one year, and there is no "
				   "X-FOI-COVERS line naming the years");

	for (size_t i = 0; i < L->nevents; i++) {
		struct day_event *e = &L->events[i];
		int year;
		if (e->kind == CAL_MARK_DAY_OFF) {
			year = day_year(e->last); /* a break over New Year belongs to the new year */
		} else {
			/* A workday belongs to the break it makes up for: the nearest one. */
			long best = -1;
			year = day_year(e->first);
			for (size_t j = 0; j < L->nevents; j++) {
				const struct day_event *o = &L->events[j];
				if (o->kind != CAL_MARK_DAY_OFF)
					continue;
				long dist = o->first > e->last ? o->first - e->last : e->first - o->last;
				if (dist < 0)
					dist = -dist;
				if (best < 0 || dist < best) {
					best = dist;
					year = day_year(o->last);
				}
			}
		}
		int given = nearest_cover(L, year);
		if (abs(day_year(e->first) - given) > 1) {
			char date[SCHED_DATE_MAX], have[16];
			day_format(e->first, date);
			snprintf(have, sizeof have, "%d", given);
			return failf(L, e->line, "the event on %s is far from the years the file covers (nearest: %s)",
				     date, have);
		}
		e->year = given;
	}
	return 0;
}

static int apply(struct loader *L, struct sched_calendar *cal, struct cal_ics_info *info)
{
	char why[512];
	for (size_t i = 0; i < L->ncovers; i++)
		if (calendar_begin_year(cal, L->covers[i], L->base, L->title ? L->title : "", why, sizeof why) != 0)
			return failf(L, 0, "%s", why);
	for (size_t i = 0; i < L->nevents; i++) {
		const struct day_event *e = &L->events[i];
		char source[512];
		snprintf(source, sizeof source, "%s:%d", L->base, e->line);
		for (sched_day d = e->first; d <= e->last; d++)
			if (calendar_add_mark(cal, e->year, d, e->kind, e->name, e->note, source, why, sizeof why) != 0)
				return failf(L, e->line, "%s", why);
	}
	if (calendar_build(cal, why, sizeof why) != 0)
		return failf(L, 0, "%s", why);
	if (info) {
		memset(info, 0, sizeof *info);
		memcpy(info->years, L->covers, L->ncovers * sizeof *L->covers);
		info->nyears = L->ncovers;
		info->nevents = L->nevents;
		/* Count days, not events: overlapping events must not count a day twice. */
		for (size_t i = 0; i < L->nevents; i++)
			for (sched_day d = L->events[i].first; d <= L->events[i].last; d++) {
				int seen = 0;
				for (size_t j = 0; j < i && !seen; j++)
					seen = d >= L->events[j].first && d <= L->events[j].last;
				if (!seen && L->events[i].kind == CAL_MARK_DAY_OFF)
					info->days_off++;
				else if (!seen)
					info->workdays++;
			}
	}
	return 0;
}

static void loader_free(struct loader *L)
{
	for (size_t i = 0; i < L->nlines; i++)
		free(L->lines[i].text);
	free(L->lines);
	free(L->evl);
	for (size_t i = 0; i < L->nroots; i++)
		icalcomponent_free(L->roots[i]);
	free(L->roots);
	free(L->root_first_event);
	for (size_t i = 0; i < L->nevents; i++) {
		free(L->events[i].name);
		free(L->events[i].note);
	}
	free(L->events);
	free(L->title);
}

int calendar_load_ics_text(struct sched_calendar *cal, const char *text, size_t len, const char *name,
			   struct cal_ics_info *info, char *err, size_t errsz)
{
	struct loader L = {.name = name, .err = err, .errsz = errsz};
	const char *slash = strrchr(name, '/');
	L.base = slash ? slash + 1 : name;
	int rc = split_lines(&L, text, len);
	if (rc == 0)
		rc = parse(&L);
	if (rc == 0)
		rc = read_roots(&L);
	if (rc == 0)
		rc = assign_years(&L);
	if (rc == 0)
		rc = apply(&L, cal, info);
	loader_free(&L);
	return rc;
}

int calendar_load_ics_file(struct sched_calendar *cal, const char *path, struct cal_ics_info *info,
			   char *err, size_t errsz)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	size_t cap = 64 * 1024, len = 0;
	char *buf = malloc(cap);
	int rc = 0;
	while (buf) {
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
		if (len == cap) {
			if (cap >= CAL_ICS_MAX_BYTES) {
				snprintf(err, errsz, "%s: larger than %u bytes: not a holiday calendar", path,
					 CAL_ICS_MAX_BYTES);
				rc = -1;
				break;
			}
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	if (!buf) {
		fclose(f);
		snprintf(err, errsz, "%s: out of memory", path);
		return -1;
	}
	if (rc == 0 && ferror(f)) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	fclose(f);
	if (rc == 0)
		rc = calendar_load_ics_text(cal, buf, len, path, info, err, errsz);
	free(buf);
	return rc;
}
