/*
 * What the time commands (deadline, elapsed, calendar) share: reading their options, choosing
 * and loading the calendar, turning wall-clock times into schedule/ instants and back, and
 * small checked helpers for building --json output with cJSON.
 *
 * The calendar a command uses: the --calendar FILE options when given (each file, or each
 * .ics in a folder, replacing the years it covers, in order); else, inside a workspace, the
 * shipped calendar with the workspace's imported years replacing it; else the shipped calendar
 * in FOI_DATADIR/schedule/holidays/. Inside a workspace its settings also decide the receipt
 * rules, the consultation clock and the time zone.
 */
#ifndef FOI_SCHEDULE_CLI_H
#define FOI_SCHEDULE_CLI_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <time.h>

#include "harness/app.h"
#include "harness/clock.h"
#include "schedule/calendar.h"
#include "schedule/day.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

#define SCHEDULE_CLI_MAX_CALENDARS 16

struct calendar_choice {
	const char *files[SCHEDULE_CLI_MAX_CALENDARS];
	size_t nfiles;
};

/*
 * Option with a value, as "--name VALUE" or "--name=VALUE". Returns 1 and advances *i when
 * argv[*i] is that option, 0 when it is another argument, -1 when the value is missing.
 */
int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value);

/* Adds a --calendar value; fails when there are too many. */
int calendar_choice_add(struct calendar_choice *c, const char *path, char *err, size_t errsz);
/* Loads every .ics of FOI_DATADIR/schedule/holidays into cal (not built). */
int calendar_load_shipped(struct sched_calendar *cal, char *err, size_t errsz);

/* What a time command works with. */
struct time_setup {
	struct sched_calendar *cal;      /* built */
	struct receipt_rules rules;      /* receipt_on_rest_day, office_hours_cutoff */
	enum sched_clock consult_clock;  /* the default clock for questions */
	int in_workspace;
	char origin[4608];               /* where the calendar came from, for people */
};

/*
 * Finds the workspace, if any (-C naming a folder that is not one is an error), reads its
 * settings and loads the calendar as described above. Returns an exit code with err filled:
 * FOI_EXIT_DATA for a malformed calendar or foi.ini, FOI_EXIT_FAIL otherwise.
 */
int time_setup_open(const struct foi_app *app, const struct calendar_choice *choice, struct time_setup *out,
		    char *err, size_t errsz);
void time_setup_close(struct time_setup *t);

/* The instant t is on the local wall clock (the workspace zone). */
struct sched_instant local_instant(time_t t);
/* The time_t of a wall-clock instant; (d, 86400) is 00:00 of the next day. */
time_t local_instant_time(struct sched_instant t);
/* Reads 'YYYY-MM-DD HH:MM' in the workspace zone. */
int local_instant_parse(const char *text, struct sched_instant *out, char *err, size_t errsz);
/* ISO 8601 with the zone's offset, e.g. 2023-11-02T00:00:00+08:00. */
void local_instant_iso(struct sched_instant t, char out[CLOCK_ISO_MAX]);
/* 'YYYY-MM-DD HH:MM', or '... 24:00' for the end of a day. */
void local_instant_text(struct sched_instant t, char *out, size_t outsz);

/* cJSON builders that clear *ok when an allocation fails, so that one check at the end covers all. */
void json_str(cJSON *obj, const char *key, const char *value, int *ok);
void json_num(cJSON *obj, const char *key, double value, int *ok);
void json_bool(cJSON *obj, const char *key, int value, int *ok);
void json_null(cJSON *obj, const char *key, int *ok);
cJSON *json_obj(cJSON *parent, const char *key, int *ok); /* key NULL: appended to an array */
cJSON *json_arr(cJSON *parent, const char *key, int *ok);
void json_push_str(cJSON *arr, const char *value, int *ok);
/* Prints root to stdout (and frees it); returns an exit code. */
int json_emit(cJSON *root, int ok, const char *what);

#endif
