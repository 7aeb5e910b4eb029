/* The clock: "now" from --now, FOI_NOW or the system, and local wall-clock times (see clock.h). */
#include "harness/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char zone_name[128] = CLOCK_DEFAULT_ZONE;
static const char *override_text; /* --now or FOI_NOW; parsed on use, in the zone then in force */
static time_t advanced;            /* simulated time moved on by clock_advance_to; 0: not moved */

struct local_fields {
	int year, mon, day, hour, min, sec;
};

static int parse_fields(const char *text, struct local_fields *f)
{
	char sep;
	int used = 0, used_sec = 0;
	memset(f, 0, sizeof *f);
	/* Exactly 'YYYY-MM-DD HH:MM' or with ':SS': nothing missing, nothing left over. */
	int n = sscanf(text, "%4d-%2d-%2d%c%2d:%2d%n:%2d%n", &f->year, &f->mon, &f->day, &sep, &f->hour,
		       &f->min, &used, &f->sec, &used_sec);
	if (n == 6 ? (size_t)used != strlen(text) || strlen(text) != 16
		   : n != 7 || (size_t)used_sec != strlen(text) || strlen(text) != 19)
		return -1;
	if (sep != ' ' && sep != 'T')
		return -1;
	if (f->mon < 1 || f->mon > 12 || f->day < 1 || f->day > 31 || f->hour > 23 ||
	    f->min > 59 || f->sec > 59 || f->year < 1970 || f->hour < 0 || f->min < 0 || f->sec < 0)
		return -1;
	return 0;
}

/* A compiled zone file starts with "TZif"; a folder such as "Asia" is not a zone. */
static int is_zone_file(const char *path)
{
	char magic[4];
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(magic, 1, sizeof magic, f);
	fclose(f);
	return n == sizeof magic && memcmp(magic, "TZif", 4) == 0;
}

int clock_set_zone(const char *zone, char *err, size_t errsz)
{
	char path[256];
	if (!zone || !*zone || strlen(zone) >= sizeof zone_name || strstr(zone, "..")) {
		snprintf(err, errsz, "bad time zone name '%s'", zone ? zone : "");
		return -1;
	}
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	if (!is_zone_file(path)) {
		snprintf(err, errsz, "unknown time zone '%s' (no %s; is tzdata installed?)", zone, path);
		return -1;
	}
	snprintf(zone_name, sizeof zone_name, "%s", zone);
	setenv("TZ", zone_name, 1);
	tzset();
	return 0;
}

const char *clock_zone(void)
{
	return zone_name;
}

int clock_init(const struct foi_app *app, char *err, size_t errsz)
{
	struct local_fields f;
	if (clock_set_zone(CLOCK_DEFAULT_ZONE, err, errsz) != 0)
		return -2;
	override_text = app->now_text;
	if (!override_text) {
		const char *env = getenv("FOI_NOW");
		if (env && *env)
			override_text = env;
	}
	time_t t;
	if (override_text && (parse_fields(override_text, &f) != 0 || clock_parse_local(override_text, &t, err, errsz) != 0)) {
		snprintf(err, errsz, "'%s' is not a real time of the form 'YYYY-MM-DD HH:MM'",
			 override_text);
		return -1;
	}
	return 0;
}

int clock_parse_local(const char *text, time_t *out, char *err, size_t errsz)
{
	struct local_fields f;
	if (parse_fields(text, &f) != 0) {
		snprintf(err, errsz, "'%s' is not a time of the form 'YYYY-MM-DD HH:MM'", text);
		return -1;
	}
	struct tm tm = {.tm_year = f.year - 1900, .tm_mon = f.mon - 1, .tm_mday = f.day,
			.tm_hour = f.hour, .tm_min = f.min, .tm_sec = f.sec, .tm_isdst = -1};
	time_t t = mktime(&tm);
	/* mktime normalises 2023-02-30 into March; a date that moved was not a real date. */
	if (t == (time_t)-1 || tm.tm_mday != f.day || tm.tm_mon != f.mon - 1) {
		snprintf(err, errsz, "'%s' is not a real date and time", text);
		return -1;
	}
	*out = t;
	return 0;
}

time_t clock_now(void)
{
	time_t t;
	char err[128];
	if (override_text && advanced)
		return advanced;
	if (override_text && clock_parse_local(override_text, &t, err, sizeof err) == 0)
		return t;
	return time(NULL);
}

int clock_parse_iso(const char *text, time_t *out, char *err, size_t errsz)
{
	int y, mo, d, h, mi, s, oh = 0, om = 0, n = 0;
	char sign = 0;
	if (sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 ||
	    !day_is_valid_ymd(y, mo, d) || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0)
		goto bad;
	const char *zone = text + n;
	if (strcmp(zone, "Z") != 0) {
		int m = 0;
		if (sscanf(zone, "%c%2d:%2d%n", &sign, &oh, &om, &m) != 3 || (sign != '+' && sign != '-') ||
		    zone[m] != '\0' || oh > 23 || om > 59 || oh < 0 || om < 0)
			goto bad;
	}
	int64_t offset = (int64_t)(oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
	*out = (time_t)((int64_t)day_from_ymd(y, mo, d) * SCHED_DAY_SECONDS + h * 3600 + mi * 60 + s - offset);
	return 0;
bad:
	snprintf(err, errsz, "'%s' is not a time of the form 2023-09-28T10:00:00+08:00", text);
	return -1;
}

int clock_simulated(void)
{
	return override_text != NULL;
}

int clock_advance_to(time_t t)
{
	if (!override_text || t < clock_now())
		return -1;
	advanced = t;
	return 0;
}

void clock_format_iso(time_t t, char out[CLOCK_ISO_MAX])
{
	struct tm tm;
	char off[8];
	localtime_r(&t, &tm);
	/* Unsigned, so that the compiler sees two digits each (with -fsanitize it cannot rule out a
	 * negative remainder of a signed value, and -Werror=format-truncation stops the build). */
	char sign = tm.tm_gmtoff < 0 ? '-' : '+';
	unsigned long gmtoff = tm.tm_gmtoff < 0 ? 0UL - (unsigned long)tm.tm_gmtoff : (unsigned long)tm.tm_gmtoff;
	snprintf(off, sizeof off, "%c%02lu:%02lu", sign, (gmtoff / 3600) % 100, (gmtoff / 60) % 60);
	strftime(out, CLOCK_ISO_MAX - 8, "%Y-%m-%dT%H:%M:%S", &tm);
	strcat(out, off);
}

struct sched_instant local_instant(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return (struct sched_instant){
		.day = day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
		.sec = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec,
	};
}

time_t local_instant_time(struct sched_instant t)
{
	int y, m, d;
	day_to_ymd(t.day, &y, &m, &d);
	/* mktime carries 86400 seconds over into the next day's midnight. */
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_sec = t.sec, .tm_isdst = -1};
	return mktime(&tm);
}

int local_instant_parse(const char *text, struct sched_instant *out, char *err, size_t errsz)
{
	time_t t;
	if (clock_parse_local(text, &t, err, errsz) != 0)
		return -1;
	*out = local_instant(t);
	return 0;
}

void local_instant_iso(struct sched_instant t, char out[CLOCK_ISO_MAX])
{
	clock_format_iso(local_instant_time(t), out);
}

void local_instant_text(struct sched_instant t, char *out, size_t outsz)
{
	char date[SCHED_DATE_MAX];
	day_format(t.day, date);
	snprintf(out, outsz, "%s %02d:%02d", date, (int)(t.sec / 3600), (int)(t.sec / 60 % 60));
}
