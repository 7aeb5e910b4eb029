/*
 * foi calendar: the working-day calendar.
 *   show YEAR    a month grid with the days off and weekend workdays marked, then the year's
 *                arrangement listed break by break;
 *   check DATE   whether a day is a working day, and why;
 *   import FILE  (in a workspace) a newer calendar file replaces the years it covers; the
 *                import is recorded with the days whose answer it changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/calendar_store.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/clock.h"
#include "harness/cmd/json_out.h"
#include "harness/cmd/time_setup.h"
#include "harness/workspace.h"

struct calendar_args {
	const char *what; /* YEAR or DATE */
	int json;
	const char *calendars[TIME_SETUP_MAX_CALENDARS];
	size_t ncalendars;
};

static int parse_args(const char *sub, int argc, char **argv, struct calendar_args *a)
{
	const struct arg_opt opts[] = {
		ARG_LIST("--calendar", a->calendars, &a->ncalendars),
		ARG_FLAG("--json", &a->json),
	};
	char what[32];
	snprintf(what, sizeof what, "calendar %s", sub);
	size_t npos;
	const struct arg_spec spec = {what, "calendar", opts, sizeof opts / sizeof opts[0], &a->what, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc == ARGS_CONTINUE && !a->what)
		rc = command_usage_error(what, "calendar", "needs %s", strcmp(sub, "show") == 0 ? "a YEAR" : "a DATE");
	return rc;
}

static int load(const struct foi_app *app, struct calendar_args *a, struct time_setup *ts)
{
	char err[FOI_ERR_MAX];
	int rc = time_setup_open(app, a->calendars, a->ncalendars, ts, err, sizeof err);
	if (rc != FOI_EXIT_OK)
		foi_error("calendar", "%s", err);
	return rc;
}

/* ---- check ---- */

static int run_check(const struct foi_app *app, struct calendar_args *a)
{
	sched_day d;
	if (day_parse(a->what, &d) != 0)
		return command_usage_error("calendar check", "calendar", "'%s' is not a date of the form YYYY-MM-DD", a->what);
	struct time_setup ts;
	int rc = load(app, a, &ts);
	if (rc != FOI_EXIT_OK)
		return rc;
	const struct sched_calendar *cal = ts.cal;
	struct cal_day_info info;
	char err[FOI_ERR_MAX];
	if (calendar_day_info(cal, d, &info, err, sizeof err) != 0) {
		foi_error("calendar check", "%s", err);
		time_setup_close(&ts);
		return FOI_EXIT_FAIL;
	}
	char date[SCHED_DATE_MAX];
	day_format(d, date);
	if (a->json) {
		int ok = 1;
		cJSON *root = json_root_obj(&ok);
		json_str(root, "date", date, &ok);
		json_str(root, "weekday", day_weekday_name(d), &ok);
		json_bool(root, "working", info.working, &ok);
		json_str(root, "kind", cal_day_kind_name(info.kind), &ok);
		if (info.mark) {
			json_str(root, "holiday", info.mark->name, &ok);
			json_str(root, "notice", info.mark->note, &ok);
			json_num(root, "arrangement", info.mark->year, &ok);
			json_str(root, "source", info.mark->source, &ok);
		}
		rc = json_emit(root, ok, "calendar check");
	} else {
		printf("%s %s: %s", date, day_weekday_name(d), info.working ? "working day" : "rest day");
		if (info.kind == CAL_WEEKEND)
			printf(" (weekend)");
		else if (info.kind == CAL_DAY_OFF || info.kind == CAL_WEEKEND_WORKDAY)
			printf(" (%s)", cal_day_kind_name(info.kind));
		putchar('\n');
		if (info.mark) {
			printf("  %s", *info.mark->name ? info.mark->name : "(unnamed)");
			if (*info.mark->note)
				printf(", %s", info.mark->note);
			printf("; the %d arrangement", info.mark->year);
			if (*info.mark->source)
				printf(", %s", info.mark->source);
			putchar('\n');
		}
	}
	time_setup_close(&ts);
	return rc;
}

/* ---- show ---- */

static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
					  "July",    "August",   "September", "October", "November", "December"};

/* One of the six week lines of a month, 21 columns (3 per day: "%2d" and a mark). */
static void month_line(const struct sched_calendar *cal, int year, int month, int week, char out[32])
{
	sched_day first = day_from_ymd(year, month, 1);
	int lead = day_weekday(first) - 1, len = day_days_in_month(year, month);
	char *p = out;
	for (int col = 0; col < 7; col++) {
		int dom = week * 7 + col - lead + 1;
		if (dom < 1 || dom > len) {
			memcpy(p, "   ", 3);
		} else {
			struct cal_day_info info;
			char err[8], mark = ' ';
			if (calendar_day_info(cal, first + dom - 1, &info, err, sizeof err) == 0)
				mark = info.kind == CAL_DAY_OFF ? '*' : info.kind == CAL_WEEKEND_WORKDAY ? '+' : ' ';
			p[0] = dom >= 10 ? (char)('0' + dom / 10) : ' ';
			p[1] = (char)('0' + dom % 10);
			p[2] = mark;
		}
		p += 3;
	}
	*p = '\0';
}

/* Prints a row of the grid without trailing blanks. */
static void put_row(char *row)
{
	size_t n = strlen(row);
	while (n > 0 && row[n - 1] == ' ')
		row[--n] = '\0';
	puts(row);
}

static void print_grid(const struct sched_calendar *cal, int year)
{
	char row[128];
	for (int r = 0; r < 4; r++) {
		size_t len = 0;
		for (int c = 0; c < 3; c++) {
			const char *name = month_names[r * 3 + c];
			int pad = (20 - (int)strlen(name)) / 2;
			len += (size_t)snprintf(row + len, sizeof row - len, "%*s%-*s%s", pad, "", 20 - pad, name,
						c < 2 ? "   " : "");
		}
		put_row(row);
		snprintf(row, sizeof row, "%s", "Mo Tu We Th Fr Sa Su   Mo Tu We Th Fr Sa Su   Mo Tu We Th Fr Sa Su");
		put_row(row);
		for (int week = 0; week < 6; week++) {
			char lines[3][32];
			int any = 0;
			for (int c = 0; c < 3; c++) {
				month_line(cal, year, r * 3 + c + 1, week, lines[c]);
				any |= strspn(lines[c], " ") != strlen(lines[c]);
			}
			if (!any)
				continue;
			snprintf(row, sizeof row, "%s  %s  %s", lines[0], lines[1], lines[2]);
			put_row(row);
		}
		putchar('\n');
	}
}

/* Runs of consecutive marked days of the year's arrangement with the same kind and name. */
struct mark_run {
	const struct cal_mark *first;
	sched_day last;
};

static size_t mark_runs(const struct sched_calendar *cal, int year, struct mark_run **out)
{
	const struct cal_mark *m;
	size_t n = calendar_marks(cal, &m), count = 0;
	struct mark_run *runs = calloc(n ? n : 1, sizeof *runs);
	if (!runs)
		return (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		if (m[i].year != year)
			continue;
		if (count > 0) {
			struct mark_run *r = &runs[count - 1];
			if (m[i].day == r->last)
				continue; /* the same day marked twice */
			if (m[i].day == r->last + 1 && m[i].kind == r->first->kind && strcmp(m[i].name, r->first->name) == 0) {
				r->last = m[i].day;
				continue;
			}
		}
		runs[count++] = (struct mark_run){&m[i], m[i].day};
	}
	*out = runs;
	return count;
}

static int show_json(const struct sched_calendar *cal, int year, int working, const struct cal_year *y,
		     const struct mark_run *runs, size_t nruns)
{
	int ok = 1;
	cJSON *root = json_root_obj(&ok);
	json_num(root, "year", year, &ok);
	json_num(root, "working_days", working, &ok);
	json_num(root, "rest_days", day_from_ymd(year + 1, 1, 1) - day_from_ymd(year, 1, 1) - working, &ok);
	json_str(root, "source", y ? y->source : "", &ok);
	json_str(root, "title", y ? y->title : "", &ok);
	cJSON *off = json_arr(root, "days_off", &ok), *work = json_arr(root, "weekend_workdays", &ok);
	for (size_t i = 0; i < nruns; i++) {
		char a[SCHED_DATE_MAX], b[SCHED_DATE_MAX];
		day_format(runs[i].first->day, a);
		day_format(runs[i].last, b);
		if (runs[i].first->kind == CAL_MARK_DAY_OFF) {
			cJSON *o = json_obj(off, NULL, &ok);
			json_str(o, "from", a, &ok);
			json_str(o, "to", b, &ok);
			json_num(o, "days", runs[i].last - runs[i].first->day + 1, &ok);
			json_str(o, "holiday", runs[i].first->name, &ok);
			json_str(o, "notice", runs[i].first->note, &ok);
		} else {
			for (sched_day d = runs[i].first->day; d <= runs[i].last; d++) {
				cJSON *o = json_obj(work, NULL, &ok);
				day_format(d, a);
				json_str(o, "date", a, &ok);
				json_str(o, "weekday", day_weekday_name(d), &ok);
				json_str(o, "holiday", runs[i].first->name, &ok);
				json_str(o, "notice", runs[i].first->note, &ok);
			}
		}
	}
	(void)cal;
	return json_emit(root, ok, "calendar show");
}

static void show_text(const struct sched_calendar *cal, int year, int working, const struct cal_year *y,
		      const struct mark_run *runs, size_t nruns)
{
	printf("%d", year);
	if (y && *y->title)
		printf("  %s", y->title);
	printf("\n%d working days, %d rest days.  * day off   + weekend workday\n\n", working,
	       day_from_ymd(year + 1, 1, 1) - day_from_ymd(year, 1, 1) - working);
	print_grid(cal, year);
	for (int kind = CAL_MARK_DAY_OFF; kind <= CAL_MARK_WORKDAY; kind++) {
		printf("%s\n", kind == CAL_MARK_DAY_OFF ? "days off" : "weekend workdays");
		for (size_t i = 0; i < nruns; i++) {
			const struct cal_mark *m = runs[i].first;
			if ((int)m->kind != kind)
				continue;
			char a[SCHED_DATE_MAX], b[SCHED_DATE_MAX];
			day_format(m->day, a);
			day_format(runs[i].last, b);
			int days = runs[i].last - m->day + 1;
			char when[48];
			if (days == 1)
				snprintf(when, sizeof when, "%s %s", a, day_weekday_abbrev(m->day));
			else
				snprintf(when, sizeof when, "%s .. %s", a, b);
			printf("  %-24s  %s", when, m->name);
			if (days > 1)
				printf(" (%d days)", days);
			if (*m->note)
				printf("  %s", m->note);
			putchar('\n');
		}
	}
	if (y && *y->source)
		printf("\nsource: %s\n", y->source);
}

static int run_show(const struct foi_app *app, struct calendar_args *a)
{
	char *end;
	long year = strtol(a->what, &end, 10);
	if (end == a->what || *end || year < 1900 || year > 2199)
		return command_usage_error("calendar show", "calendar", "'%s' is not a year", a->what);
	struct time_setup ts;
	int rc = load(app, a, &ts);
	if (rc != FOI_EXIT_OK)
		return rc;
	const struct sched_calendar *cal = ts.cal;
	char err[FOI_ERR_MAX];
	int working = 0, w;
	for (sched_day d = day_from_ymd((int)year, 1, 1); d < day_from_ymd((int)year + 1, 1, 1); d++) {
		if (calendar_check_working(cal, d, &w, err, sizeof err) != 0) {
			foi_error("calendar show", "%s", err);
			time_setup_close(&ts);
			return FOI_EXIT_FAIL;
		}
		working += w;
	}
	const struct cal_year *years, *y = NULL;
	size_t ny = calendar_years(cal, &years);
	for (size_t i = 0; i < ny; i++)
		if (years[i].year == year)
			y = &years[i];
	struct mark_run *runs = NULL;
	size_t nruns = mark_runs(cal, (int)year, &runs);
	if (nruns == (size_t)-1) {
		foi_error("calendar show", "out of memory");
		time_setup_close(&ts);
		return FOI_EXIT_FAIL;
	}
	if (a->json)
		rc = show_json(cal, (int)year, working, y, runs, nruns);
	else
		show_text(cal, (int)year, working, y, runs, nruns);
	free(runs);
	time_setup_close(&ts);
	return rc;
}

/* ---- import ---- */

static void print_change(const struct cal_change *c)
{
	char date[SCHED_DATE_MAX];
	day_format(c->day, date);
	printf("    %s %-9s  %s -> %s", date, day_weekday_name(c->day), cal_answer_name(c->before),
	       cal_answer_name(c->after));
	if (c->mark && *c->mark->name)
		printf("  (%s)", c->mark->name);
	putchar('\n');
}

static int run_import(const struct foi_app *app, const char *file)
{
	struct workspace ws;
	char err[FOI_ERR_MAX];
	int rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("calendar import", "%s", err);
		return rc;
	}
	struct calendar_import_result res;
	int st = calendar_store_import(ws.db, file, &res, err, sizeof err);
	workspace_close(&ws);
	if (st != 0) {
		foi_error("calendar import", "%s", err);
		foi_error("calendar import", "nothing was changed");
		return st == -1 ? FOI_EXIT_DATA : FOI_EXIT_FAIL;
	}
	printf("imported %s (import #%ld): %zu day%s off, %zu workday%s\n", file, res.import_id, res.info.days_off,
	       res.info.days_off == 1 ? "" : "s", res.info.workdays, res.info.workdays == 1 ? "" : "s");
	for (size_t i = 0; i < res.nreplaced; i++)
		printf("  %d: replaces the arrangement the workspace had\n", res.replaced[i]);
	for (size_t i = 0; i < res.nadded; i++) {
		int working = 0;
		for (sched_day d = day_from_ymd(res.added[i], 1, 1); d < day_from_ymd(res.added[i] + 1, 1, 1); d++)
			working += calendar_is_working(res.after, d) == 1;
		printf("  %d: new, %d working days (there was no data for it)\n", res.added[i], working);
	}
	if (res.nreplaced) {
		printf("  %zu day%s changed%s\n", res.nchanges, res.nchanges == 1 ? "" : "s", res.nchanges ? ":" : "");
		for (size_t i = 0; i < res.nchanges; i++)
			print_change(&res.changes[i]);
	}
	printf("Deadlines are computed from the calendar, so every later answer uses these dates.\n");
	calendar_import_result_free(&res);
	return FOI_EXIT_OK;
}

int cmd_calendar(struct foi_app *app, int argc, char **argv)
{
	static const char *const subs[] = {"show", "check", "import", NULL};
	int sub, rc = args_subcommand("calendar", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (sub == 2) {
		const char *file;
		size_t npos;
		const struct arg_spec spec = {"calendar import", "calendar", NULL, 0, &file, 1, &npos};
		rc = args_parse(&spec, argc, argv, 2);
		if (rc == ARGS_CONTINUE && npos == 0)
			rc = command_usage_error("calendar import", "calendar", "needs a FILE (an iCalendar file)");
		return rc == ARGS_CONTINUE ? run_import(app, file) : rc;
	}
	struct calendar_args a = {0};
	rc = parse_args(subs[sub], argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;
	return sub == 0 ? run_show(app, &a) : run_check(app, &a);
}
