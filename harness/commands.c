/* The subcommand table. Keep it sorted the way `foi --help` should list it. */
#include "harness/commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct foi_command commands[] = {
	{"grade", "check a reply letter or consultation answer (automatic suggestions)",
	 "usage: foi grade check FILE [--kind foi|consult] [--applicant NAME]\n"
	 "                            [--reference TEMPLATE] [--json]\n"
	 "  Runs the automatic checks on one reply, outside any workspace. FILE is an e-mail\n"
	 "  (.eml: the letter is taken from an attached .txt/.html letter, else the body), an\n"
	 "  HTML letter or page (.html, .htm) or a text letter (.txt); UTF-8, GBK or GB18030.\n"
	 "  --kind foi (default): the reply-conformity items (form.*, restates.*, conclusion.type,\n"
	 "      basis.*, remedy.*, no_purpose_demand, no_fee_demand), each pass, fail or unknown\n"
	 "      with its evidence, and the reply type (§36 types 1-7, or 39 for a §39 notice).\n"
	 "  --applicant NAME   the applicant's name, checked against the salutation\n"
	 "  --kind consult --reference TEMPLATE   compare an answer with the template's key\n"
	 "      points (header lines 'keypoint: a | b | c'); 'accurate' when all are present\n"
	 "  --json   {\"reply_type\": \"1\"..\"7\" | \"39\" | null, \"items\": [{\"code\", \"result\",\n"
	 "           \"evidence\"}]}\n"
	 "  Exit status 0 when the file was checked (whatever the results), 1 when it cannot be\n"
	 "  read, 2 for usage errors, 3 when it holds no letter (binary, too large, empty).\n",
	 cmd_grade},
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
