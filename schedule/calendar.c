/*
 * The calendar's data (arrangements, marks, strings) and the table built from it.
 *
 * The table covers every day from 1 January of the first covered year to 31 December of
 * the last. cum[i] counts the working days before table day i, so "working days between"
 * is one subtraction; wd[k] is the k-th working day (0-based), so "the n-th working day
 * after d" is wd[cum[d + 1] + n - 1]. uncov[i] counts the days of uncovered years before
 * day i: two days with the same count have no uncovered year between them, which is how
 * a period that would cross a year without data is refused in constant time.
 */
#include "schedule/calendar.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATE_WORKING 1u
#define STATE_COVERED 2u

/* Years outside this range are certainly typing mistakes, and would make huge tables. */
#define YEAR_MIN 1900
#define YEAR_MAX 2199

struct sched_calendar {
	struct cal_year *years; /* sorted by year */
	size_t nyears, capyears;
	struct cal_mark *marks; /* sorted by (day, year) once built */
	size_t nmarks, capmarks;
	char **strings;         /* interned copies; every const char * above points into these */
	size_t nstrings, capstrings, string_bytes;

	int built;
	int first_year, last_year;
	sched_day base;         /* 1 January of first_year */
	int32_t ndays;
	uint8_t *state;         /* STATE_* per day */
	int32_t *cum;           /* ndays + 1 */
	int32_t *uncov;         /* ndays + 1 */
	int32_t *mark_of;       /* ndays: index into marks, or -1 */
	sched_day *wd;          /* nwd */
	int32_t nwd;
};

static void fail(char *err, size_t errsz, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

struct sched_calendar *calendar_new(void)
{
	return calloc(1, sizeof(struct sched_calendar));
}

static void drop_table(struct sched_calendar *cal)
{
	free(cal->state);
	free(cal->cum);
	free(cal->uncov);
	free(cal->mark_of);
	free(cal->wd);
	cal->state = NULL;
	cal->cum = cal->uncov = cal->mark_of = NULL;
	cal->wd = NULL;
	cal->ndays = cal->nwd = 0;
	cal->built = 0;
}

void calendar_free(struct sched_calendar *cal)
{
	if (!cal)
		return;
	drop_table(cal);
	for (size_t i = 0; i < cal->nstrings; i++)
		free(cal->strings[i]);
	free(cal->strings);
	free(cal->years);
	free(cal->marks);
	free(cal);
}

/* Returns the calendar's own copy of s (one copy per distinct text), or NULL when out of memory. */
static const char *intern(struct sched_calendar *cal, const char *s)
{
	if (!s)
		s = "";
	for (size_t i = 0; i < cal->nstrings; i++)
		if (strcmp(cal->strings[i], s) == 0)
			return cal->strings[i];
	if (cal->nstrings == cal->capstrings) {
		size_t cap = cal->capstrings ? cal->capstrings * 2 : 16;
		char **p = realloc(cal->strings, cap * sizeof *p);
		if (!p)
			return NULL;
		cal->strings = p;
		cal->capstrings = cap;
	}
	char *copy = strdup(s);
	if (!copy)
		return NULL;
	cal->strings[cal->nstrings++] = copy;
	cal->string_bytes += strlen(s) + 1;
	return copy;
}

static struct cal_year *find_year(const struct sched_calendar *cal, int year)
{
	for (size_t i = 0; i < cal->nyears; i++)
		if (cal->years[i].year == year)
			return &cal->years[i];
	return NULL;
}

int calendar_begin_year(struct sched_calendar *cal, int year, const char *source, const char *title,
			char *err, size_t errsz)
{
	if (year < YEAR_MIN || year > YEAR_MAX) {
		fail(err, errsz, "year %d is outside the years a calendar can hold (%d-%d)", year,
		     YEAR_MIN, YEAR_MAX);
		return -1;
	}
	const char *src = intern(cal, source), *ttl = intern(cal, title);
	if (!src || !ttl) {
		fail(err, errsz, "out of memory");
		return -1;
	}
	drop_table(cal);
	struct cal_year *y = find_year(cal, year);
	if (y) {
		/* A newer arrangement for the year replaces the old one and all its marks. */
		size_t keep = 0;
		for (size_t i = 0; i < cal->nmarks; i++)
			if (cal->marks[i].year != year)
				cal->marks[keep++] = cal->marks[i];
		cal->nmarks = keep;
		y->source = src;
		y->title = ttl;
		return 0;
	}
	if (cal->nyears == cal->capyears) {
		size_t cap = cal->capyears ? cal->capyears * 2 : 8;
		struct cal_year *p = realloc(cal->years, cap * sizeof *p);
		if (!p) {
			fail(err, errsz, "out of memory");
			return -1;
		}
		cal->years = p;
		cal->capyears = cap;
	}
	size_t at = cal->nyears;
	while (at > 0 && cal->years[at - 1].year > year)
		at--;
	memmove(&cal->years[at + 1], &cal->years[at], (cal->nyears - at) * sizeof *cal->years);
	cal->years[at] = (struct cal_year){.year = year, .source = src, .title = ttl};
	cal->nyears++;
	return 0;
}

int calendar_add_mark(struct sched_calendar *cal, int year, sched_day day, enum cal_mark_kind kind,
		      const char *name, const char *note, const char *source, char *err, size_t errsz)
{
	char date[SCHED_DATE_MAX];
	day_format(day, date);
	if (!find_year(cal, year)) {
		fail(err, errsz, "%s: marked for the %d arrangement, which was not begun", date, year);
		return -1;
	}
	if (kind != CAL_MARK_DAY_OFF && kind != CAL_MARK_WORKDAY) {
		fail(err, errsz, "%s: unknown kind of mark %d", date, (int)kind);
		return -1;
	}
	int y = day_year(day);
	if (y < YEAR_MIN || y > YEAR_MAX) {
		fail(err, errsz, "%s is outside the years a calendar can hold", date);
		return -1;
	}
	const char *n = intern(cal, name), *no = intern(cal, note), *s = intern(cal, source);
	if (!n || !no || !s) {
		fail(err, errsz, "out of memory");
		return -1;
	}
	if (cal->nmarks == cal->capmarks) {
		size_t cap = cal->capmarks ? cal->capmarks * 2 : 64;
		struct cal_mark *p = realloc(cal->marks, cap * sizeof *p);
		if (!p) {
			fail(err, errsz, "out of memory");
			return -1;
		}
		cal->marks = p;
		cal->capmarks = cap;
	}
	drop_table(cal);
	cal->marks[cal->nmarks++] = (struct cal_mark){
		.day = day, .kind = kind, .year = year, .name = n, .note = no, .source = s};
	return 0;
}

static int mark_order(const void *a, const void *b)
{
	const struct cal_mark *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->year > y->year) - (x->year < y->year);
}

static const char *kind_words(enum cal_mark_kind k)
{
	return k == CAL_MARK_DAY_OFF ? "a day off" : "a working day";
}

int calendar_build(struct sched_calendar *cal, char *err, size_t errsz)
{
	drop_table(cal);
	if (cal->nyears == 0) {
		fail(err, errsz, "the calendar holds no year's arrangement");
		return -1;
	}
	if (cal->nmarks > 1) /* a year may mark no day at all; then marks is NULL */
		qsort(cal->marks, cal->nmarks, sizeof *cal->marks, mark_order);
	for (size_t i = 1; i < cal->nmarks; i++) {
		const struct cal_mark *a = &cal->marks[i - 1], *b = &cal->marks[i];
		if (a->day == b->day && a->kind != b->kind) {
			char date[SCHED_DATE_MAX];
			day_format(a->day, date);
			fail(err, errsz, "%s is %s (%s, %s) and also %s (%s, %s)", date, kind_words(a->kind),
			     a->name, *a->source ? a->source : "no source", kind_words(b->kind), b->name,
			     *b->source ? b->source : "no source");
			return -1;
		}
	}

	cal->first_year = cal->years[0].year;
	cal->last_year = cal->years[cal->nyears - 1].year;
	cal->base = day_from_ymd(cal->first_year, 1, 1);
	cal->ndays = day_from_ymd(cal->last_year + 1, 1, 1) - cal->base;
	size_t n = (size_t)cal->ndays;
	cal->state = calloc(n, 1);
	cal->cum = malloc((n + 1) * sizeof *cal->cum);
	cal->uncov = malloc((n + 1) * sizeof *cal->uncov);
	cal->mark_of = malloc(n * sizeof *cal->mark_of);
	if (!cal->state || !cal->cum || !cal->uncov || !cal->mark_of) {
		drop_table(cal);
		fail(err, errsz, "out of memory");
		return -1;
	}

	/* Coverage and the weekday rule, year by year. */
	size_t yi = 0;
	for (int year = cal->first_year; year <= cal->last_year; year++) {
		int covered = yi < cal->nyears && cal->years[yi].year == year;
		if (covered)
			yi++;
		sched_day from = day_from_ymd(year, 1, 1), to = day_from_ymd(year + 1, 1, 1);
		for (sched_day d = from; d < to; d++) {
			uint8_t s = 0;
			if (covered)
				s = STATE_COVERED | (day_is_weekend(d) ? 0 : STATE_WORKING);
			cal->state[d - cal->base] = s;
			cal->mark_of[d - cal->base] = -1;
		}
	}
	/* Then the official marks; a mark on an uncovered day changes nothing. */
	for (size_t i = 0; i < cal->nmarks; i++) {
		const struct cal_mark *m = &cal->marks[i];
		int32_t at = m->day - cal->base;
		if (at < 0 || at >= cal->ndays || !(cal->state[at] & STATE_COVERED))
			continue;
		if (cal->mark_of[at] < 0)
			cal->mark_of[at] = (int32_t)i;
		if (m->kind == CAL_MARK_DAY_OFF)
			cal->state[at] &= (uint8_t)~STATE_WORKING;
		else
			cal->state[at] |= STATE_WORKING;
	}

	int32_t working = 0, uncovered = 0;
	for (int32_t i = 0; i < cal->ndays; i++) {
		cal->cum[i] = working;
		cal->uncov[i] = uncovered;
		working += (cal->state[i] & STATE_WORKING) != 0;
		uncovered += (cal->state[i] & STATE_COVERED) == 0;
	}
	cal->cum[cal->ndays] = working;
	cal->uncov[cal->ndays] = uncovered;
	cal->nwd = working;
	cal->wd = malloc((working ? (size_t)working : 1) * sizeof *cal->wd);
	if (!cal->wd) {
		drop_table(cal);
		fail(err, errsz, "out of memory");
		return -1;
	}
	for (int32_t i = 0, k = 0; i < cal->ndays; i++)
		if (cal->state[i] & STATE_WORKING)
			cal->wd[k++] = cal->base + i;
	cal->built = 1;
	return 0;
}

size_t calendar_years(const struct sched_calendar *cal, const struct cal_year **out)
{
	*out = cal->years;
	return cal->nyears;
}

int calendar_covers_year(const struct sched_calendar *cal, int year)
{
	return find_year(cal, year) != NULL;
}

void calendar_coverage_text(const struct sched_calendar *cal, char *out, size_t outsz)
{
	size_t len = 0;
	if (outsz == 0)
		return;
	out[0] = '\0';
	if (cal->nyears == 0) {
		snprintf(out, outsz, "none");
		return;
	}
	for (size_t i = 0; i < cal->nyears;) {
		size_t j = i;
		while (j + 1 < cal->nyears && cal->years[j + 1].year == cal->years[j].year + 1)
			j++;
		int w;
		if (j == i)
			w = snprintf(out + len, outsz - len, "%s%d", i ? ", " : "", cal->years[i].year);
		else
			w = snprintf(out + len, outsz - len, "%s%d-%d", i ? ", " : "", cal->years[i].year,
				     cal->years[j].year);
		if (w < 0 || (size_t)w >= outsz - len)
			return;
		len += (size_t)w;
		i = j + 1;
	}
}

size_t calendar_marks(const struct sched_calendar *cal, const struct cal_mark **out)
{
	*out = cal->marks;
	return cal->nmarks;
}

size_t calendar_memory(const struct sched_calendar *cal)
{
	size_t n = sizeof *cal + cal->capyears * sizeof *cal->years + cal->capmarks * sizeof *cal->marks +
		   cal->capstrings * sizeof *cal->strings + cal->string_bytes;
	if (cal->built)
		n += (size_t)cal->ndays * (1 + sizeof *cal->mark_of) +
		     2 * ((size_t)cal->ndays + 1) * sizeof *cal->cum + (size_t)cal->nwd * sizeof *cal->wd;
	return n;
}

static inline int covered_at(const struct sched_calendar *cal, sched_day d)
{
	int64_t at = (int64_t)d - cal->base;
	return cal->built && at >= 0 && at < cal->ndays && (cal->state[at] & STATE_COVERED);
}

int calendar_is_working(const struct sched_calendar *cal, sched_day d)
{
	int64_t at = (int64_t)d - cal->base;
	if (!cal->built || at < 0 || at >= cal->ndays)
		return -1;
	uint8_t s = cal->state[at];
	if (!(s & STATE_COVERED))
		return -1;
	return s & STATE_WORKING;
}

static void missing_year(const struct sched_calendar *cal, int year, const char *lead, char *err,
			 size_t errsz)
{
	char have[128];
	if (!cal->built) {
		fail(err, errsz, "the calendar has not been built");
		return;
	}
	calendar_coverage_text(cal, have, sizeof have);
	fail(err, errsz, "%sno holiday arrangement for %d (the calendar covers %s)", lead, year, have);
}

/* The first uncovered year after d's year (there is one when a period runs off the data). */
static int next_missing_year(const struct sched_calendar *cal, sched_day d)
{
	int y = day_year(d) + 1;
	while (calendar_covers_year(cal, y))
		y++;
	return y;
}

static int require_covered(const struct sched_calendar *cal, sched_day d, char *err, size_t errsz)
{
	if (covered_at(cal, d))
		return 0;
	missing_year(cal, day_year(d), "", err, errsz);
	return -1;
}

int calendar_check_working(const struct sched_calendar *cal, sched_day d, int *working, char *err,
			   size_t errsz)
{
	if (require_covered(cal, d, err, errsz) != 0)
		return -1;
	*working = calendar_is_working(cal, d);
	return 0;
}

int calendar_day_info(const struct sched_calendar *cal, sched_day d, struct cal_day_info *out,
		      char *err, size_t errsz)
{
	if (require_covered(cal, d, err, errsz) != 0)
		return -1;
	int32_t at = d - cal->base;
	int working = (cal->state[at] & STATE_WORKING) != 0, weekend = day_is_weekend(d);
	out->day = d;
	out->working = working;
	out->mark = cal->mark_of[at] >= 0 ? &cal->marks[cal->mark_of[at]] : NULL;
	if (working)
		out->kind = weekend ? CAL_WEEKEND_WORKDAY : CAL_WEEKDAY;
	else
		out->kind = out->mark ? CAL_DAY_OFF : CAL_WEEKEND;
	return 0;
}

int calendar_nth_working_after(const struct sched_calendar *cal, sched_day d, int n, sched_day *out,
			       char *err, size_t errsz)
{
	if (n < 0) {
		fail(err, errsz, "a number of working days cannot be negative (%d)", n);
		return -1;
	}
	if (require_covered(cal, d, err, errsz) != 0)
		return -1;
	if (n == 0) {
		*out = d;
		return 0;
	}
	int32_t at = d - cal->base;
	int64_t k = (int64_t)cal->cum[at + 1] + n - 1;
	if (k >= cal->nwd) {
		missing_year(cal, cal->last_year + 1, "the period runs past the calendar's data: ", err, errsz);
		return -1;
	}
	sched_day r = cal->wd[k];
	if (cal->uncov[r - cal->base] != cal->uncov[at]) {
		missing_year(cal, next_missing_year(cal, d), "the period crosses a year without data: ",
			     err, errsz);
		return -1;
	}
	*out = r;
	return 0;
}

int calendar_working_days_between(const struct sched_calendar *cal, sched_day after, sched_day through,
				  int *out, char *err, size_t errsz)
{
	if (require_covered(cal, after, err, errsz) != 0 || require_covered(cal, through, err, errsz) != 0)
		return -1;
	int32_t a = after - cal->base, t = through - cal->base;
	if (cal->uncov[a] != cal->uncov[t]) {
		missing_year(cal, next_missing_year(cal, after < through ? after : through),
			     "the interval crosses a year without data: ", err, errsz);
		return -1;
	}
	*out = cal->cum[t + 1] - cal->cum[a + 1];
	return 0;
}

static int instant_ok(const struct sched_instant *t, char *err, size_t errsz)
{
	if (t->sec < 0 || t->sec > SCHED_DAY_SECONDS) {
		fail(err, errsz, "time of day out of range (%d seconds)", (int)t->sec);
		return -1;
	}
	return 0;
}

/* Seconds of working time from the table's first day to t. */
static int64_t working_clock(const struct sched_calendar *cal, struct sched_instant t)
{
	int32_t at = t.day - cal->base;
	int64_t w = (int64_t)cal->cum[at] * SCHED_DAY_SECONDS;
	if (cal->state[at] & STATE_WORKING)
		w += t.sec;
	return w;
}

int calendar_working_seconds(const struct sched_calendar *cal, struct sched_instant from,
			     struct sched_instant to, int64_t *out, char *err, size_t errsz)
{
	if (instant_ok(&from, err, errsz) != 0 || instant_ok(&to, err, errsz) != 0)
		return -1;
	if (require_covered(cal, from.day, err, errsz) != 0 || require_covered(cal, to.day, err, errsz) != 0)
		return -1;
	if (cal->uncov[from.day - cal->base] != cal->uncov[to.day - cal->base]) {
		sched_day first = from.day < to.day ? from.day : to.day;
		missing_year(cal, next_missing_year(cal, first), "the interval crosses a year without data: ",
			     err, errsz);
		return -1;
	}
	*out = working_clock(cal, to) - working_clock(cal, from);
	return 0;
}

int calendar_add_working_seconds(const struct sched_calendar *cal, struct sched_instant from,
				 int64_t seconds, struct sched_instant *out, char *err, size_t errsz)
{
	if (instant_ok(&from, err, errsz) != 0 || require_covered(cal, from.day, err, errsz) != 0)
		return -1;
	if (seconds < 0) {
		fail(err, errsz, "working time cannot run backwards");
		return -1;
	}
	if (seconds == 0) {
		*out = from;
		return 0;
	}
	int64_t target = working_clock(cal, from) + seconds;
	int64_t k = target / SCHED_DAY_SECONDS;
	int32_t sec = (int32_t)(target % SCHED_DAY_SECONDS);
	if (sec == 0) {
		/* Exactly the end of a working day: say 24:00 of that day, not 00:00 of the next
		 * (which could be a rest day). */
		k -= 1;
		sec = SCHED_DAY_SECONDS;
	}
	if (k >= cal->nwd) {
		missing_year(cal, cal->last_year + 1, "the period runs past the calendar's data: ", err, errsz);
		return -1;
	}
	sched_day r = cal->wd[k];
	if (cal->uncov[r - cal->base] != cal->uncov[from.day - cal->base]) {
		missing_year(cal, next_missing_year(cal, from.day), "the period crosses a year without data: ",
			     err, errsz);
		return -1;
	}
	out->day = r;
	out->sec = sec;
	return 0;
}

const char *cal_day_kind_name(enum cal_day_kind kind)
{
	switch (kind) {
	case CAL_WEEKDAY:
		return "working day";
	case CAL_WEEKEND:
		return "weekend";
	case CAL_DAY_OFF:
		return "day off";
	case CAL_WEEKEND_WORKDAY:
		return "weekend workday";
	}
	return "?";
}
