/*
 * The application context every subcommand receives, and the exit codes foi promises.
 *
 * main() fills a struct foi_app from the global options (-C, --now) and hands it to the
 * command's run function. Commands return one of the FOI_EXIT_* codes; only main() exits.
 */
#ifndef FOI_APP_H
#define FOI_APP_H

#include <stddef.h>

enum foi_exit {
	FOI_EXIT_OK = 0,      /* the command did what was asked */
	FOI_EXIT_FAIL = 1,    /* it could not (I/O, network, database, a check that failed) */
	FOI_EXIT_USAGE = 2,   /* the command line was wrong */
	FOI_EXIT_DATA = 3,    /* an input file or value was malformed; nothing was changed */
};

#define FOI_ERR_MAX 1024

struct foi_app {
	const char *progname;
	const char *workspace_dir; /* -C DIR, or NULL for the current folder */
	const char *now_text;      /* --now value, or NULL (then FOI_NOW, then the system clock) */
};

/* The name messages begin with: "foi", or "foi-sim" for the simulator that shares this code. */
extern const char *foi_progname;

/* Prints "foi: what: why" to stderr. */
void foi_error(const char *what, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "foi: warning: ..." to stderr. */
void foi_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Where the shipped data (config.example.ini, calendars, templates, units) lives. */
const char *foi_datadir(void);

#endif
