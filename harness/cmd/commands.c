/* The subcommand table, in the order of a round's work: `foi --help` lists it so. */
#include "harness/cmd/commands.h"

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
	{"templates", "list and show the mock applications and questions a round can send",
	 "usage: foi templates list [--kind foi|consult] [--domain DOMAIN] [--dir DIR] [--json]\n"
	 "       foi templates show ID [--persona-name NAME] [--unit NAME] [--dir DIR] [--json]\n"
	 "       foi templates check [DIR]\n"
	 "       foi templates coverage [--units FILE] [--min N] [--dir DIR] [--json]\n"
	 "       foi templates domains [--json]\n"
	 "  list     the templates, with kind, domain and the §36 reply type expected (FOI)\n"
	 "  show     one template rendered with a sample applicant (name set by --persona-name)\n"
	 "           and unit (--unit, else a department of the template's domain), so you read\n"
	 "           what a unit would receive; consultations also show their key points\n"
	 "  check    load and render every template of DIR (default: the shipped ones);\n"
	 "           errors name the file and line (exit 3); a literal year is a warning\n"
	 "  coverage how many templates of each kind fit each unit of FILE (default: the\n"
	 "           shipped units file); exit 1 when a unit has fewer than N (default 2)\n"
	 "  domains  the domains a template may name\n"
	 "  --dir DIR  read templates from DIR only; otherwise the shipped ones, with the\n"
	 "           workspace's templates/ over them when run in a workspace\n"
	 "  Works outside a workspace. Format: templates/README.md.\n",
	 cmd_templates},
	{"round", "plan a testing round, show it, edit it, send it, run it",
	 "usage: foi round create NAME [--kinds foi,consult] [--seed N] [--start DATE] [--spread DAYS]\n"
	 "                       [--allow-other-domain]\n"
	 "       foi round show NAME [--unit CODE] [--json]\n"
	 "       foi round list [--json]\n"
	 "       foi round edit NAME --unit CODE --kind foi|consult [--template ID] [--persona KEY]\n"
	 "                     [--at 'YYYY-MM-DD HH:MM']\n"
	 "       foi round drop NAME --unit CODE [--kind foi|consult]\n"
	 "       foi round send NAME [--dry-run] [--limit N] [--unit CODE] [--kind foi|consult]\n"
	 "                     [--retry failed]\n"
	 "       foi round log NAME\n"
	 "       foi round run NAME [--until 'YYYY-MM-DD HH:MM'] [--once]\n"
	 "  create  plans, for every evaluated unit, one FOI application and one question (--kinds\n"
	 "          picks): template, channel, persona, send time in working hours on a working\n"
	 "          day within --spread calendar days (default 10) from --start (default today);\n"
	 "          for a county-level unit, the county-level body the FOI test targets is drawn\n"
	 "          from its departments. The same --seed gives the same plan. Templates come\n"
	 "          from the target's domains (any, for a county-level government); a unit with\n"
	 "          none is warned about (unless --allow-other-domain), and so is a question\n"
	 "          whose reference answer is not valid on the start day.\n"
	 "  show    the plan; --unit CODE prints the exact text of that unit's requests. A\n"
	 "          template outside its target's domains is marked OTHER-DOMAIN.\n"
	 "  edit    changes one planned request (re-rendering its text); drop removes it. Every\n"
	 "          change is recorded.\n"
	 "  send    sends every planned request whose time has come (by the clock: --now and\n"
	 "          FOI_NOW count), one at a time, at most once: each attempt is recorded as\n"
	 "          sending before the network is touched, so a run that dies leaves it \"outcome\n"
	 "          unknown\", never sent twice (see 'foi request'). E-mail goes out through\n"
	 "          [mail] smtp_*; requests by web form wait (not built yet). A refused login,\n"
	 "          TLS or connection failure stops the run and sends nothing more. Ends with a\n"
	 "          summary: sent, assisted, failed, outcome unknown, waiting, not yet due.\n"
	 "          --dry-run lists what would go where; --limit N sends at most N; --unit and\n"
	 "          --kind narrow the run; --retry failed sends failed requests again.\n"
	 "  log     every edit of the round, with its before and after.\n"
	 "  run     the round runs by itself in the foreground: each request goes out at its\n"
	 "          planned time through the same at-most-once path as send, one line per event\n"
	 "          (sent, failed, outcome unknown) on standard output. It sleeps until the next\n"
	 "          planned request; under simulated time (--now, FOI_NOW) it steps the clock\n"
	 "          instead, and needs --until or --once. --until stops before anything planned\n"
	 "          later; --once does one pass and exits (for cron). SIGINT or SIGTERM stops it\n"
	 "          cleanly; started again it carries on. One run per workspace at a time.\n",
	 cmd_round},
	{"request", "resolve a request whose outcome is unknown",
	 "usage: foi request resend ID\n"
	 "       foi request mark-sent ID --confirmation CODE\n"
	 "  A request is \"unknown\" when a sending run ended (crash, kill, broken connection)\n"
	 "  after it may have gone out. Check the unit's mailbox or site first, then:\n"
	 "  resend     plans it again: the next 'foi round send' sends it.\n"
	 "  mark-sent  records it as sent, with the query code or Message-ID you found\n"
	 "             (--confirmation '' when there is none).\n"
	 "  Both are recorded ('foi round log NAME'). ID: see 'foi round show NAME --json'.\n",
	 cmd_request},
	{"calendar", "show the working-day calendar, check a date, import a newer calendar",
	 "usage: foi calendar show YEAR [--calendar FILE]... [--json]\n"
	 "       foi calendar check DATE [--calendar FILE]... [--json]\n"
	 "       foi calendar import FILE\n"
	 "  show: a month grid of YEAR, official days off marked *, weekend workdays +,\n"
	 "        then the year's arrangement break by break.\n"
	 "  check: whether DATE (YYYY-MM-DD) is a working day, and why.\n"
	 "  import: (in a workspace) the iCalendar FILE replaces the years it covers in the\n"
	 "        workspace's calendar; the import is recorded with the days it changed.\n"
	 "        Deadlines are computed, never stored: later commands see the new dates.\n"
	 "  The calendar: in a workspace, the shipped one with the imported years replacing\n"
	 "  it; outside, the shipped one. --calendar FILE uses this iCalendar file (or folder\n"
	 "  of .ics files) instead; repeat to add years (a later file replaces the years it\n"
	 "  covers). A date in a year without an arrangement is an error naming the year.\n",
	 cmd_calendar},
	{"deadline", "when a period of N working days ends, and why",
	 "usage: foi deadline --from 'YYYY-MM-DD HH:MM' --days N [--channel CHANNEL]\n"
	 "                    [--clock civil|elapsed] [--calendar FILE]... [--explain] [--json]\n"
	 "  --from     when the application or question was submitted (workspace time zone)\n"
	 "  --days     the period in working days (FOI reply: 20; extension: 20 more)\n"
	 "  --channel  web (default), email, fax, in-person, post. Web, e-mail and fax\n"
	 "             submitted on a rest day are received the next working day; in person\n"
	 "             and post are received on the day given.\n"
	 "  --clock    civil (default): the receipt day is not counted, the period ends at\n"
	 "             24:00 of the N-th working day; elapsed: working time from the moment\n"
	 "             of receipt, rest days skipped.\n"
	 "  --explain  list every day passed: counted (numbered) or skipped (and why)\n"
	 "  --json     fields: received, deadline_date, deadline_at (exclusive end, ISO 8601),\n"
	 "             counted, skipped, weekend_workdays, days_off, ...\n",
	 cmd_deadline},
	{"elapsed", "how many working days a reply took, and its band (1, 5, late)",
	 "usage: foi elapsed --from 'YYYY-MM-DD HH:MM' --to 'YYYY-MM-DD HH:MM'\n"
	 "                   [--clock civil|elapsed] [--channel CHANNEL] [--calendar FILE]... [--json]\n"
	 "  --from     when the question was submitted; --to  when the reply came\n"
	 "  The default clock is civil, or inside a workspace its [time] consult_clock.\n"
	 "  civil clock: working_days is 0 for a reply on the receipt day, 1 on the\n"
	 "  next working day, and so on (a reply on a rest day counts as the working day after).\n"
	 "  elapsed clock: working_days is the working time elapsed, in days.\n"
	 "  band: \"1\" within 1 working day, \"5\" after 1 and within 5, else \"late\".\n",
	 cmd_elapsed},
	{"channel", "check a unit's FOI guide page for channel clarity",
	 "usage: foi channel check FILE [--base-url URL] [--charset NAME] [--json]\n"
	 "  Reads a saved 政府信息公开指南 page (any charset; - for standard input; --file FILE\n"
	 "  also works) and reports,\n"
	 "  with evidence, whether it lists each application channel: guide.present,\n"
	 "  channel.online, channel.postal, channel.office, channel.phone,\n"
	 "  channel.email_or_fax, guide.notes (each pass, fail or unknown).\n"
	 "  --base-url URL  the address the page was fetched from (resolves its links)\n"
	 "  --charset NAME  the charset the server sent (overrides the page's <meta>)\n"
	 "  --json          {\"items\": [{\"code\", \"result\", \"evidence\"}]}\n"
	 "  Exit status: 0 when no item fails, 1 when one does, 3 when the file cannot be\n"
	 "  checked (too large).\n",
	 cmd_channel},
	{"grade", "check a reply letter or consultation answer (automatic suggestions)",
	 "usage: foi grade check FILE|- [--kind foi|consult] [--applicant NAME]\n"
	 "                            [--reference TEMPLATE] [--json]\n"
	 "  Runs the automatic checks on one reply, outside any workspace. FILE is an e-mail\n"
	 "  (.eml: the letter is taken from an attached .txt/.html letter, else the body), an\n"
	 "  HTML letter or page (.html, .htm) or a text letter (.txt); UTF-8, GBK or GB18030.\n"
	 "  --kind foi (default): the reply-conformity items (form.*, restates.*, conclusion.type,\n"
	 "      basis.*, remedy.*, no_purpose_demand, no_fee_demand), each pass, fail or unknown\n"
	 "      with its evidence, and the reply type (§36 types 1-7, or 39 for a §39 notice).\n"
	 "  --applicant NAME   the applicant's name, checked against the salutation\n"
	 "  --kind consult --reference TEMPLATE   compare an answer with the key points of a\n"
	 "      consultation template (a .tpl file, or the id of a shipped one, see 'foi templates\n"
	 "      list --kind consult'); 'accurate' when all are present. --reference alone implies\n"
	 "      --kind consult.\n"
	 "  --json   {\"reply_type\": \"1\"..\"7\" | \"39\" | null, \"items\": [{\"code\", \"result\",\n"
	 "           \"evidence\"}]}\n"
	 "  Exit status 0 when no item fails, 1 when one fails (the report is printed either way)\n"
	 "  or the file cannot be read, 2 for usage errors, 3 when it holds no letter (binary,\n"
	 "  too large, empty).\n",
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

int command_usage_error(const char *what, const char *help, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: %s: ", foi_progname, what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry '%s help %s'\n", foi_progname, help);
	return FOI_EXIT_USAGE;
}

int command_print_help(const char *help)
{
	const struct foi_command *c = command_find(help);
	if (c)
		fputs(c->usage, stdout);
	return FOI_EXIT_OK;
}

int command_exit(enum foi_status st)
{
	switch (st) {
	case FOI_OK: return FOI_EXIT_OK;
	case FOI_E_USAGE: return FOI_EXIT_USAGE;
	case FOI_E_DATA:
	case FOI_E_NOT_FOUND: return FOI_EXIT_DATA;
	case FOI_E_IO:
	case FOI_E_DB:
	case FOI_E_NET:
	case FOI_E_NOMEM: return FOI_EXIT_FAIL;
	}
	return FOI_EXIT_FAIL;
}
