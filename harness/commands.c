/* The subcommand table. Keep it sorted the way `foi --help` should list it. */
#include "harness/commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct foi_command commands[] = {
	{"init", "create a workspace (foi.ini, foi.db, store/, units.csv)",
	 "usage: foi init [DIR]\n"
	 "  Makes DIR (default: -C DIR, else the current folder) a workspace: foi.ini copied\n"
	 "  from config.example.ini, units.csv copied from the shipped units file, the folder\n"
	 "  store/, and the database foi.db with the units imported. Running it again keeps\n"
	 "  what exists and creates what is missing.\n",
	 cmd_init},
	{"units", "import and list the units under evaluation",
	 "usage: foi units import FILE\n"
	 "       foi units list [--evaluated] [--json]\n"
	 "  import  replaces the units with those of a CSV file (UTF-8; columns code, name,\n"
	 "          level, parent, guide_url, foi_form_url, consult_form_url, email, and\n"
	 "          optionally domain), all or\n"
	 "          nothing: one bad row rejects the file and names its line.\n"
	 "  list    prints the units; --evaluated leaves out the county-level departments\n"
	 "          (the pool the FOI test's county-level target is drawn from).\n",
	 cmd_units},
	{"now", "print the current time as foi sees it",
	 "usage: foi now [--json]\n"
	 "  Prints \"now\" in the workspace time zone: the --now option, else the FOI_NOW\n"
	 "  environment variable, else the system clock.\n",
	 cmd_now},
	{"templates", "list and show the mock applications and questions a round can send",
	 "usage: foi templates list [--kind foi|consult] [--domain DOMAIN] [--dir DIR] [--json]\n"
	 "       foi templates show ID [--persona-name NAME] [--unit NAME] [--dir DIR] [--json]\n"
	 "       foi templates check [DIR]\n"
	 "       foi templates domains [--json]\n"
	 "  list     the templates, with kind, domain and the §36 reply type expected (FOI)\n"
	 "  show     one template rendered with a sample applicant (name set by --persona-name)\n"
	 "           and unit (--unit, else a department of the template's domain), so you read\n"
	 "           what a unit would receive; consultations also show their key points\n"
	 "  check    load and render every template of DIR (default: the shipped ones);\n"
	 "           errors name the file and line (exit 3)\n"
	 "  domains  the domains a template may name\n"
	 "  --dir DIR  read templates from DIR instead of the shipped ones\n"
	 "  Works outside a workspace. Format: templates/README.md.\n",
	 cmd_templates},
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
