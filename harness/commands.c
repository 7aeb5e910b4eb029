/* The subcommand table. Keep it sorted the way `foi --help` should list it. */
#include "harness/commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct foi_command commands[] = {
	{"channel", "check a unit's FOI guide page for channel clarity",
	 "usage: foi channel check --file PAGE.html [--base-url URL] [--charset NAME] [--json]\n"
	 "  Reads a saved 政府信息公开指南 page (any charset; - for standard input) and reports,\n"
	 "  with evidence, whether it lists each application channel: guide.present,\n"
	 "  channel.online, channel.postal, channel.office, channel.phone,\n"
	 "  channel.email_or_fax, guide.notes (each pass, fail or unknown).\n"
	 "  --base-url URL  the address the page was fetched from (resolves its links)\n"
	 "  --charset NAME  the charset the server sent (overrides the page's <meta>)\n"
	 "  --json          {\"items\": [{\"code\", \"result\", \"evidence\"}]}\n"
	 "  Exit status: 0 when no item fails, 1 when one does, 3 when the file cannot be\n"
	 "  checked (too large).\n",
	 cmd_channel},
	{"now", "print the current time as foi sees it",
	 "usage: foi now [--json]\n"
	 "  Prints \"now\" in the workspace time zone: the --now option, else the FOI_NOW\n"
	 "  environment variable, else the system clock.\n",
	 cmd_now},
};

const struct foi_command *command_table(size_t *count)
{
	*count = sizeof commands / sizeof commands[0];
	return commands;
}

const struct foi_command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int command_usage_error(const char *name, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "foi: %s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	const struct foi_command *c = command_find(name);
	if (c)
		fputs(c->usage, stderr);
	return FOI_EXIT_USAGE;
}
