/* `foi help --man`: the manual page foi.1, written from the same help texts `foi help` prints. */
#include "harness/cmd/man_page.h"

#include <stdio.h>
#include <string.h>

#include "harness/cmd/commands.h"

/* One line of help text as roff: backslashes escaped, a leading '.' or '\'' kept literal,
 * hyphens as the minus sign options are typed with. */
static void roff_line(FILE *out, const char *line, size_t len)
{
	if (len && (line[0] == '.' || line[0] == '\''))
		fputs("\\&", out);
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\')
			fputs("\\e", out);
		else if (line[i] == '-')
			fputs("\\-", out);
		else
			fputc(line[i], out);
	}
	fputc('\n', out);
}

/* A block of help text, kept as laid out (it is aligned with spaces). */
static void roff_block(FILE *out, const char *text)
{
	fputs(".nf\n", out);
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		roff_line(out, text, len);
		text += len + (nl ? 1 : 0);
	}
	fputs(".fi\n", out);
}

void man_page_write(FILE *out, const char *global_usage, const char *version)
{
	size_t n;
	const struct foi_command *cmds = command_table(&n);
	fprintf(out, ".TH FOI 1 \"\" \"foi %s\" \"User Commands\"\n", version);
	fputs(".SH NAME\nfoi \\- test how public bodies handle information-disclosure applications and citizens' "
	      "questions\n",
	      out);
	fputs(".SH SYNOPSIS\n", out);
	roff_block(out, global_usage);
	fputs(".SH DESCRIPTION\n"
	      "A testing round sends mock information\\-disclosure applications and mock citizen questions to "
	      "each unit under evaluation, through the channels the unit publishes; tracks every reply against "
	      "deadlines counted in working days on the official holiday calendar; grades the units' channel "
	      "guides and reply letters; and gives the sub\\-scores of the evaluation's indicator scheme.\n"
	      ".PP\n"
	      "An evaluator works in a workspace folder holding foi.ini (settings), foi.db (the store) and "
	      "store/. Every command does one step and commits it.\n",
	      out);
	fputs(".SH COMMANDS\n", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, ".SS %s\n", cmds[i].name);
		roff_line(out, cmds[i].summary, strlen(cmds[i].summary));
		fputs(".PP\n", out);
		roff_block(out, cmds[i].usage);
	}
	fputs(".SH EXIT STATUS\n"
	      ".TP\n0\nok\n"
	      ".TP\n1\na failure: no workspace, a file that cannot be read, the database, the network; for "
	      "grade check and channel check also an item that failed\n"
	      ".TP\n2\nusage: an unknown command or option, a missing or malformed argument\n"
	      ".TP\n3\nbad input data: a malformed file, or a value the data refuses or does not hold; nothing "
	      "was changed\n",
	      out);
	fputs(".SH ENVIRONMENT\n"
	      ".TP\nFOI_NOW\nthe time every command takes as now ('YYYY\\-MM\\-DD HH:MM'), as \\-\\-now does\n"
	      ".TP\nFOI_DATADIR\nwhere the shipped calendars, templates and units are, instead of the "
	      "folder foi was installed with\n",
	      out);
	fputs(".SH FILES\n"
	      ".TP\nfoi.ini\nthe workspace's settings (see config.example.ini in the data folder)\n"
	      ".TP\nfoi.db\nthe workspace's store (SQLite)\n",
	      out);
}
