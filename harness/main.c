/*
 * foi's entry point: global options, then one subcommand from the table in commands.c.
 * The only place that exits the process.
 */
#include "harness/app.h"
#include "harness/clock.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/man_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>

static const char global_usage[] =
	"usage: foi [-C DIR] [--now 'YYYY-MM-DD HH:MM'] COMMAND [ARGS...]\n"
	"       foi --help | foi help COMMAND | foi --version\n"
	"\n"
	"  -C DIR        use the workspace in DIR instead of the current folder\n"
	"  --now TIME    pretend the time is TIME (workspace time zone); FOI_NOW does the same\n"
	"\n"
	"exit codes: 0 ok, 1 failure, 2 usage, 3 bad input data\n";

static void print_help(FILE *out)
{
	size_t n;
	const struct foi_command *cmds = command_table(&n);
	fputs(global_usage, out);
	fputs("\ncommands:\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
	fputs("\nRun 'foi help COMMAND' for a command's options.\n", out);
}

static const char help_usage[] =
	"usage: foi help [COMMAND]\n"
	"       foi help --man\n"
	"  Without COMMAND, the commands and the global options; with it, that command's options.\n"
	"  --man  the manual page foi.1 (roff), made from these same texts; read it with\n"
	"         'foi help --man | man -l -'\n";

static int run_help(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stdout);
		return FOI_EXIT_OK;
	}
	if (argc > 2) {
		foi_error("help", "one COMMAND at a time");
		fputs("try 'foi help help'\n", stderr);
		return FOI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--man") == 0) {
		man_page_write(stdout, global_usage, FOI_VERSION);
		return FOI_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(help_usage, stdout);
		return FOI_EXIT_OK;
	}
	const struct foi_command *c = command_find(argv[1]);
	if (!c) {
		foi_error("help", "unknown command '%s' (see 'foi --help')", argv[1]);
		return FOI_EXIT_USAGE;
	}
	fputs(c->usage, stdout);
	return FOI_EXIT_OK;
}

int main(int argc, char **argv)
{
	struct foi_app app = {.progname = "foi"};
	int i = 1;

	setlocale(LC_CTYPE, "C.UTF-8");
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_help(stdout);
			return FOI_EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			printf("foi %s\n", FOI_VERSION);
			return FOI_EXIT_OK;
		} else if (strcmp(a, "-C") == 0 || strcmp(a, "--now") == 0) {
			if (i + 1 >= argc) {
				foi_error(a, "needs a value");
				fputs(global_usage, stderr);
				return FOI_EXIT_USAGE;
			}
			if (a[1] == 'C')
				app.workspace_dir = argv[++i];
			else
				app.now_text = argv[++i];
		} else if (strncmp(a, "--now=", 6) == 0) {
			app.now_text = a + 6;
		} else {
			foi_error(a, "unknown option");
			fputs(global_usage, stderr);
			return FOI_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		fputs(global_usage, stderr);
		return FOI_EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0)
		return run_help(argc - i, argv + i);

	const struct foi_command *c = command_find(argv[i]);
	if (!c) {
		foi_error(argv[i], "unknown command (see 'foi --help')");
		return FOI_EXIT_USAGE;
	}
	char err[FOI_ERR_MAX];
	int clock_rc = clock_init(&app, err, sizeof err);
	if (clock_rc == -2) {
		foi_error("clock", "%s", err);
		return FOI_EXIT_FAIL;
	}
	if (clock_rc != 0) {
		foi_error(app.now_text ? "--now" : "FOI_NOW", "%s", err);
		return FOI_EXIT_USAGE;
	}
	return c->run(&app, argc - i, argv + i);
}
