/*
 * The one option parser of the front-ends. Every command describes its options in a table and
 * calls args_parse(); options are accepted as "--name VALUE" and "--name=VALUE" alike, "-h" and
 * "--help" print the command's help, "--" ends the options, and "-" is an ordinary argument
 * (standard input, where a file is read). A usage error is one line naming the command and what is
 * wrong, then "try 'foi help CMD'".
 */
#ifndef FOI_ARGS_H
#define FOI_ARGS_H

#include <stddef.h>

/* One option. Exactly one of value, flag or list is set. */
struct arg_opt {
	const char *name;    /* "--seed" */
	const char **value;  /* a value; given twice, the last wins */
	int *flag;           /* set to 1 when present */
	const char **list;   /* a repeatable value, e.g. --calendar FILE... */
	size_t *count;       /* with list: how many were given */
	size_t max;          /* with list: how many fit */
};

#define ARG_VALUE(n, p) {.name = (n), .value = (p)}
#define ARG_FLAG(n, p) {.name = (n), .flag = (p)}
#define ARG_LIST(n, arr, cnt) {.name = (n), .list = (arr), .count = (cnt), .max = sizeof(arr) / sizeof((arr)[0])}

/* What a command line is parsed against. */
struct arg_spec {
	const char *command;       /* for messages: "round create" */
	const char *help;          /* the command in 'foi help CMD': "round" */
	const struct arg_opt *opts;
	size_t nopts;
	const char **pos;          /* where the positional arguments go */
	size_t maxpos;             /* how many may be given */
	size_t *npos;              /* how many were */
};

/* args_parse's answer when the command should go on; anything else is its exit code. */
#define ARGS_CONTINUE (-1)

/*
 * Parses argv[first..argc) against spec. Returns ARGS_CONTINUE when the command should run, or the
 * exit code to return at once: FOI_EXIT_OK after printing the help (asked for with -h or --help),
 * FOI_EXIT_USAGE after printing a one-line error (an unknown option, a missing value, too many
 * arguments).
 */
int args_parse(const struct arg_spec *spec, int argc, char **argv, int first);

/*
 * A whole number in [min, max] from an option's text, or a usage error naming the option:
 * returns ARGS_CONTINUE with *out set, or FOI_EXIT_USAGE after printing.
 */
int args_long(const char *command, const char *help, const char *opt, const char *text, long min, long max,
	      long *out);

/*
 * For a command with subcommands (round, units, ...): argv[1] must be one of subs (NULL-ended);
 * "-h" or "--help" there prints the command's help. Returns ARGS_CONTINUE with *index set, or the
 * exit code to return at once (after "missing subcommand (create, show, ...)" or "unknown
 * subcommand 'x'", or the help).
 */
int args_subcommand(const char *command, int argc, char **argv, const char *const *subs, int *index);

#endif
