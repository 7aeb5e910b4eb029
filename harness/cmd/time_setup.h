/*
 * What the time commands (deadline, elapsed, calendar) share: the calendar and the rules they
 * count on.
 *
 * The calendar: the --calendar FILE options when given (each file, or each .ics in a folder,
 * replacing the years it covers, in order); else, inside a workspace, the shipped calendar with
 * the workspace's imported years replacing it; else the shipped calendar in
 * FOI_DATADIR/schedule/holidays/. Inside a workspace its settings also decide the receipt rules,
 * the consultation clock and the time zone.
 */
#ifndef FOI_TIME_SETUP_H
#define FOI_TIME_SETUP_H

#include <stddef.h>

#include "harness/app.h"
#include "schedule/calendar.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

/* How many --calendar options a command takes. */
#define TIME_SETUP_MAX_CALENDARS 16

/* What a time command works with. */
struct time_setup {
	struct sched_calendar *cal;      /* built */
	struct receipt_rules rules;      /* receipt_on_rest_day, office_hours_cutoff */
	enum sched_clock consult_clock;  /* the default clock for questions */
	enum reply_rest_rule rest_rule;  /* reply_on_rest_day */
	int in_workspace;
	char origin[4608];               /* where the calendar came from, for people */
};

/*
 * Finds the workspace, if any (-C naming a folder that is not one is an error), reads its
 * settings and loads the calendar as described above. Returns an exit code with err filled:
 * FOI_EXIT_DATA for a malformed calendar or foi.ini, FOI_EXIT_FAIL otherwise (a --calendar
 * file that does not exist among them).
 */
int time_setup_open(const struct foi_app *app, const char *const *calendars, size_t ncalendars,
		    struct time_setup *out, char *err, size_t errsz);
void time_setup_close(struct time_setup *t);

/* The options deadline and elapsed share, as given; time_options_check reads them. */
struct time_options {
	const char *from, *channel, *clock;
	const char *calendars[TIME_SETUP_MAX_CALENDARS];
	size_t ncalendars;
	enum sched_channel channel_value; /* web unless --channel */
	enum sched_clock clock_value;     /* civil unless --clock */
	int clock_given;
	int json;
};

/* The option table entries of struct time_options, for a command's arg_opt table. */
#define TIME_OPTIONS_ARGS(t)                                                                          \
	ARG_VALUE("--from", &(t)->from), ARG_VALUE("--channel", &(t)->channel),                           \
		ARG_VALUE("--clock", &(t)->clock), ARG_LIST("--calendar", (t)->calendars, &(t)->ncalendars), \
		ARG_FLAG("--json", &(t)->json)

/* time_setup_open with the calendars of t; on failure says why as "foi: COMMAND: ..." and
 * returns the exit code. */
int time_setup_for(const char *command, const struct foi_app *app, const struct time_options *t,
		   struct time_setup *out);

/* Checks --from (required), --channel and --clock; ARGS_CONTINUE or a usage error's exit code. */
int time_options_check(const char *command, struct time_options *t);

#endif
