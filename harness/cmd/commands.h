/*
 * The table of subcommands, like git's or fossil's: a name, a one-line summary for
 * `foi --help`, the usage text for `foi help NAME`, and the function that runs it.
 * Each command lives in its own harness/cmd_*.c file.
 */
#ifndef FOI_COMMANDS_H
#define FOI_COMMANDS_H

#include "harness/app.h"

struct foi_command {
	const char *name;
	const char *summary;
	const char *usage;   /* full help: synopsis line(s), then options */
	int (*run)(struct foi_app *app, int argc, char **argv); /* argv[0] is the command name */
};

const struct foi_command *command_find(const char *name);
const struct foi_command *command_table(size_t *count);

/* Prints the command's usage to stderr and returns FOI_EXIT_USAGE. */
int command_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One line per command; the table in commands.c lists them in the order --help shows. */
int cmd_calendar(struct foi_app *app, int argc, char **argv);
int cmd_channel(struct foi_app *app, int argc, char **argv);
int cmd_deadline(struct foi_app *app, int argc, char **argv);
int cmd_elapsed(struct foi_app *app, int argc, char **argv);
int cmd_grade(struct foi_app *app, int argc, char **argv);
int cmd_init(struct foi_app *app, int argc, char **argv);
int cmd_now(struct foi_app *app, int argc, char **argv);
int cmd_templates(struct foi_app *app, int argc, char **argv);
int cmd_round(struct foi_app *app, int argc, char **argv);
int cmd_request(struct foi_app *app, int argc, char **argv);
int cmd_units(struct foi_app *app, int argc, char **argv);

#endif
