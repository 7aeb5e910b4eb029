/*
 * The table of subcommands, like git's or fossil's: a name, a one-line summary for
 * `foi --help`, the usage text for `foi help NAME`, and the function that runs it.
 * Each command lives in its own harness/cmd/cmd_*.c file and parses its options with
 * harness/cmd/args.h.
 */
#ifndef FOI_COMMANDS_H
#define FOI_COMMANDS_H

#include "harness/app.h"
#include "harness/status.h"

struct foi_command {
	const char *name;
	const char *summary;
	const char *usage;   /* full help: synopsis line(s), then options */
	int (*run)(struct foi_app *app, int argc, char **argv); /* argv[0] is the command name */
};

const struct foi_command *command_find(const char *name);
const struct foi_command *command_table(size_t *count);

/*
 * A usage error, in one form for every command: "foi: WHAT: why" and "try 'foi help HELP'" on
 * stderr (WHAT names the command, e.g. "round create"; HELP the entry of its help). Returns
 * FOI_EXIT_USAGE.
 */
int command_usage_error(const char *what, const char *help, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * The exit code of a core status, the README's one table: ok 0; usage 2; 3 for bad data and for a
 * name the data does not hold (a round, unit, template id); 1 for everything else that failed
 * (a file that cannot be read, the database, the network, memory).
 */
int command_exit(enum foi_status st);

/* Prints the help of the command named help on stdout; returns FOI_EXIT_OK. */
int command_print_help(const char *help);

/* One line per command; the table in commands.c lists them in the order --help shows. */
int cmd_calendar(struct foi_app *app, int argc, char **argv);
int cmd_channel(struct foi_app *app, int argc, char **argv);
int cmd_deadline(struct foi_app *app, int argc, char **argv);
int cmd_elapsed(struct foi_app *app, int argc, char **argv);
int cmd_form(struct foi_app *app, int argc, char **argv);
int cmd_grade(struct foi_app *app, int argc, char **argv);
int cmd_inbox(struct foi_app *app, int argc, char **argv);
int cmd_init(struct foi_app *app, int argc, char **argv);
int cmd_now(struct foi_app *app, int argc, char **argv);
int cmd_templates(struct foi_app *app, int argc, char **argv);
int cmd_round(struct foi_app *app, int argc, char **argv);
int cmd_scheme(struct foi_app *app, int argc, char **argv);
int cmd_task(struct foi_app *app, int argc, char **argv);
int cmd_request(struct foi_app *app, int argc, char **argv);
int cmd_reply(struct foi_app *app, int argc, char **argv);
int cmd_status(struct foi_app *app, int argc, char **argv);
int cmd_review(struct foi_app *app, int argc, char **argv);
int cmd_units(struct foi_app *app, int argc, char **argv);

#endif
