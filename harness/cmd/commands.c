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
	 "          [mail] smtp_*. A refused login, TLS or connection failure stops the run\n"
	 "          and sends nothing more. Web forms are fetched, filled by their labels (or\n"
	 "          the workspace's forms/UNIT-KIND.ini) and posted; success is the site's\n"
	 "          confirmation with its query code. A captcha, a login or a form not filled\n"
	 "          without doubt makes an assisted task instead (see 'foi task'). Ends with a\n"
	 "          summary: sent, assisted, failed, outcome unknown, not yet due.\n"
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
	{"reply", "record replies by hand: letters by post, calls, answers read elsewhere",
	 "usage: foi reply add REQUEST --kind ack|supplement|extension|final --received 'YYYY-MM-DD HH:MM'\n"
	 "                     [--channel post|phone|web|in-person|email] [--file LETTER] [--reviewer WHO]\n"
	 "       foi reply supplied REQUEST --at 'YYYY-MM-DD HH:MM' [--channel CHANNEL] [--reviewer WHO]\n"
	 "       foi reply list REQUEST [--json]\n"
	 "       foi reply kind EVENT ack|supplement|extension|final [--reviewer WHO]\n"
	 "  add       records what a unit sent: an acknowledgement, a request to supplement (补正),\n"
	 "            an extension notice (延期), the final reply; --channel defaults to post.\n"
	 "            --file LETTER keeps the letter in store/ by its SHA-256 and reads its text\n"
	 "            (PDF, Word, OFD, scan, e-mail, HTML, text), as 'foi grade check' does.\n"
	 "            Refused for a request not sent, a time before its sending or after now.\n"
	 "  supplied  records when the unit received the applicant's supplement (FOI only, after a\n"
	 "            request to supplement): the 20 working days run again from its receipt.\n"
	 "            --channel defaults to the request's own (email or web).\n"
	 "  list      the request's events, with every change of kind.\n"
	 "  kind      a reviewer corrects an event's kind; recorded with who and when. Who:\n"
	 "            --reviewer, else FOI_REVIEWER, else [review] reviewer.\n"
	 "  REQUEST: the ID 'foi status NAME' shows; EVENT: the ID 'foi reply list' shows.\n",
	 cmd_reply},
	{"status", "who has answered, who is late, what comes next and by when",
	 "usage: foi status NAME [--unit CODE] [--overdue] [--due-within N] [--json]\n"
	 "       foi status NAME --explain REQUEST [--json]\n"
	 "  Each request of round NAME: unit, kind, channel, when it was sent, its receipt date,\n"
	 "  the current deadline, when the final reply came, the working days it took, the band\n"
	 "  (questions: 1, 5, late), the state and what comes next by when. States: planned,\n"
	 "  send-failed, outcome-unknown, sent, acknowledged, supplement-requested, supplied,\n"
	 "  extended, answered-in-time, answered-late, overdue, bounced.\n"
	 "  Derived every time from the events and the workspace calendar: an import moves the\n"
	 "  deadlines of open requests at once. [time] reply_on_rest_day decides a reply on a\n"
	 "  rest day, for FOI deadlines and question bands alike.\n"
	 "  --unit CODE      only that unit's requests\n"
	 "  --overdue        only requests past their deadline with no final reply\n"
	 "  --due-within N   only open requests whose deadline falls within N working days\n"
	 "  --explain ID     every event of request ID and how each deadline was worked out\n"
	 "                   (receipt, days counted and skipped, supplement, extension, calendar)\n"
	 "  --json           fields: id, unit, kind, channel, state, sent, received,\n"
	 "                   deadline_date, deadline_at, replied, working_days, band,\n"
	 "                   supplement_in_time, extended, next, next_by\n",
	 cmd_status},
	{"form", "read a unit's web form and save its field mapping for checking",
	 "usage: foi form probe UNIT --kind foi|consult [--force]\n"
	 "  probe  fetches the unit's form page (its address in the units file), finds the form\n"
	 "         holding the content field, and prints each field: its label, name, type and\n"
	 "         the role foi reads from the label (name, id_type, id_number, phone, email,\n"
	 "         address, postcode, title, content, delivery, public, hidden, captcha, keep,\n"
	 "         unknown), then what is unclear. Saves forms/UNIT-KIND.ini in the workspace\n"
	 "         for you to check and correct; 'foi round send' follows that file. An existing\n"
	 "         file is kept unless --force is given.\n",
	 cmd_form},
	{"task", "the requests a person submits by hand (captcha, login, unclear form)",
	 "usage: foi task list [ROUND] [--json]\n"
	 "       foi task show ID [--json]\n"
	 "       foi task done ID --confirmation CODE --at 'YYYY-MM-DD HH:MM'\n"
	 "       foi task fail ID --reason TEXT\n"
	 "  list  the assisted tasks (of ROUND), in the order they were made.\n"
	 "  show  the form's address, why a person is needed, and every field's value ready to\n"
	 "        copy; the captcha image foi saved beside the task (tasks/), when there is one.\n"
	 "  done  records your submission as the request's sent attempt: the query code the\n"
	 "        site gave you and when you submitted (workspace time zone).\n"
	 "  fail  records that it could not be done; 'foi round send NAME --retry failed' may\n"
	 "        try the request again.\n",
	 cmd_task},
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
	{"inbox", "read replies from the evaluator's mailbox; the holding pen of unmatched ones",
	 "usage: foi inbox fetch\n"
	 "       foi inbox unmatched [--json]\n"
	 "       foi inbox show MESSAGE [--json]\n"
	 "       foi inbox assign MESSAGE REQUEST\n"
	 "       foi inbox ignore MESSAGE --reason TEXT\n"
	 "  fetch      reads what is new in the IMAP mailbox of [mail] (imap_*), stores each\n"
	 "             message once (by Message-ID and content) with its attachments in store/,\n"
	 "             and matches it to the request it answers: In-Reply-To/References naming a\n"
	 "             mail foi sent, the token in a recipient address, the request's reply\n"
	 "             address with the unit as sender, or a query code or token in the text.\n"
	 "             Each match becomes an event (ack, supplement, extension, final suggested\n"
	 "             from the letter; bounce; auto-reply). Arrival: [mail] arrival.\n"
	 "  unmatched  the holding pen: messages no request claims for certain.\n"
	 "  show       one message: sender, recipients, kind, match and its evidence, problems\n"
	 "             found in it, the raw message and attachments in store/.\n"
	 "  assign     gives a message of the holding pen to a request (its event is made).\n"
	 "  ignore     sets a message of the holding pen aside, with the reason.\n",
	 cmd_inbox},
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
	{"elapsed", "how many working days a reply took: its band (1, 5, late) or FOI verdict",
	 "usage: foi elapsed --from 'YYYY-MM-DD HH:MM' --to 'YYYY-MM-DD HH:MM' [--kind consult|foi]\n"
	 "                   [--extended] [--clock civil|elapsed] [--channel CHANNEL]\n"
	 "                   [--reply-on-rest-day RULE] [--calendar FILE]... [--explain] [--json]\n"
	 "  --from     when the question or application was submitted; --to  when the reply came\n"
	 "  The default clock is civil, or inside a workspace its [time] consult_clock.\n"
	 "  civil clock: working_days is 0 for a reply on the receipt day, 1 on the\n"
	 "  next working day, and so on.\n"
	 "  elapsed clock: working_days is the working time elapsed, in days.\n"
	 "  --kind consult (default): band \"1\" within 1 working day, \"5\" after 1 and within 5,\n"
	 "             else \"late\".\n"
	 "  --kind foi  the FOI deadline (civil clock): \"in time\" within 20 working days, or 40\n"
	 "             with --extended (an extension notified before the deadline), else \"late\";\n"
	 "             as 'foi status' judges a final reply.\n"
	 "  --reply-on-rest-day next_working_day (a reply on a rest day counts as made on the\n"
	 "             next working day) or as_of_last_working_day (the working days that had\n"
	 "             passed); default: the workspace's [time] reply_on_rest_day, else the first.\n"
	 "  --explain  also say the rest-day rule and what it did to this reply\n",
	 cmd_elapsed},
	{"channel", "check a unit's FOI guide page for channel clarity",
	 "usage: foi channel check FILE [--base-url URL] [--charset NAME] [--json]\n"
	 "  Reads a saved 政府信息公开指南 page (any charset; - for standard input; --file FILE\n"
	 "  also works) and reports,\n"
	 "  with evidence, whether it lists each application channel: guide.present,\n"
	 "  channel.online, channel.postal, channel.office, channel.phone,\n"
	 "  channel.email_or_fax, guide.notes, channel.no_refusal (each pass, fail or unknown).\n"
	 "  --base-url URL  the address the page was fetched from (resolves its links)\n"
	 "  --charset NAME  the charset the server sent (overrides the page's <meta>)\n"
	 "  --json          {\"items\": [{\"code\", \"result\", \"evidence\"}]}\n"
	 "  Exit status: 0 when no item fails, 1 when one does, 3 when the file cannot be\n"
	 "  checked (too large).\n",
	 cmd_channel},
	{"grade", "check a reply letter, or grade a round's replies (automatic suggestions)",
	 "usage: foi grade check FILE|- [--kind foi|consult] [--applicant NAME]\n"
	 "                            [--reference TEMPLATE] [--json]\n"
	 "  Runs the automatic checks on one reply, outside any workspace. FILE is an e-mail\n"
	 "  (.eml: the letter is taken from an attached .txt/.html letter, else the body), an\n"
	 "  HTML letter or page (.html, .htm) or a text letter (.txt); UTF-8, GBK or GB18030.\n"
	 "  --kind foi (default): the reply-conformity items (form.*, restates.*, conclusion.type,\n"
	 "      basis.*, remedy.*, no_purpose_demand, no_fee_demand, no_channel_refusal), then the\n"
	 "      items of the kind of document (supplement.*, extension.*, fee.*, withheld.*,\n"
	 "      not_held.search, not_duty.body; grader/README.md), each pass, fail or unknown with\n"
	 "      its evidence; the document (receipt, supplement, reasons, extension, third_party,\n"
	 "      fee, final.1-7, final.39) and the reply type (§36 types 1-7, or 39 for §39).\n"
	 "  --applicant NAME   the applicant's name, checked against the salutation\n"
	 "  --received DATE    the request's receipt day (supplement within 7 working days;\n"
	 "      the original deadline is 20 working days later, on the shipped or workspace calendar)\n"
	 "  --sent DATE        the day the letter was sent (default: the date printed on it)\n"
	 "  --deadline DATE    the original reply deadline, when known otherwise than from --received\n"
	 "  --earlier-supplements N   supplement notices already sent on this application\n"
	 "  --applications N   the applicant's applications to the body that month (fee notices)\n"
	 "  --kind consult --reference TEMPLATE   compare an answer with the key points of a\n"
	 "      consultation template (a .tpl file, or the id of a shipped one, see 'foi templates\n"
	 "      list --kind consult'); 'accurate' when all are present. --reference alone implies\n"
	 "      --kind consult.\n"
	 "  --json   {\"reply_type\": \"1\"..\"7\" | \"39\" | null, \"document\", \"document_evidence\",\n"
	 "           \"items\": [{\"code\", \"result\", \"evidence\"}]}\n"
	 "  Exit status 0 when no item fails, 1 when one fails (the report is printed either way)\n"
	 "  or the file cannot be read, 2 for usage errors, 3 when it holds no letter (binary,\n"
	 "  too large, empty).\n"
	 "usage: foi grade run NAME [--unit CODE] [--json]\n"
	 "  Grades every final reply of round NAME (matched from the inbox, published on the web or\n"
	 "  entered with 'foi reply add') that this version of the grader has not graded: FOI\n"
	 "  replies get the reply-conformity items, answers to questions the key points of their\n"
	 "  template. A reply graded by an older version is graded again and the older findings\n"
	 "  are kept, so that a reviewer sees what changed. Replies that cannot be read are graded\n"
	 "  with every item unknown. Exit status 1 when a reply could not be graded at all.\n",
	 cmd_grade},
	{"scheme", "check an indicator scheme file and list the items it may name",
	 "usage: foi scheme check [FILE] [--json]\n"
	 "       foi scheme items [--json]\n"
	 "  check  reads an indicator scheme file (default: the shipped 2023 scheme,\n"
	 "         grader/schemes/2023.ini) and prints its tables (县市区, 市直部门), each\n"
	 "         indicator with its points, each part with what it is graded on and its\n"
	 "         rubric items with their shares and points. A file whose parts or shares do\n"
	 "         not add up, that names an unknown item, section or key, or has a bad value\n"
	 "         is refused with FILE:LINE and why (exit 3); a file that cannot be read: exit 1.\n"
	 "  items  the item codes a scheme may name, with what they are graded on (foi: a\n"
	 "         reply; guide: the guide page and channel test), and the document kinds an\n"
	 "         item may be limited to.\n"
	 "  Works outside a workspace. Format and scoring rules: grader/README.md.\n",
	 cmd_scheme},
	{"review", "reviewers' decisions on a round's graded replies",
	 "usage: foi review list NAME [--pending] [--unit CODE] [--json]\n"
	 "       foi review show REQUEST [--json]\n"
	 "       foi review set REQUEST ITEM pass|fail|na --note TEXT [--reviewer NAME]\n"
	 "       foi review accept REQUEST [--reviewer NAME]\n"
	 "       foi review log REQUEST\n"
	 "  The automatic findings of 'foi grade run' are suggestions; a reviewer confirms or\n"
	 "  overrides each item, and every decision is kept with who made it and when.\n"
	 "  list     the round's graded replies: items passed, failed and unknown by the grader,\n"
	 "           decided and still pending; --pending only those awaiting a decision.\n"
	 "  show     what was sent, the timeline of the request's events, the reply letter with\n"
	 "           each finding's evidence marked in place as ⟦N …⟧ (N: the item's number\n"
	 "           below), and every item with its automatic result and the decision in force.\n"
	 "  set      decides one item (pass, fail, or na: not applicable), with a note saying why.\n"
	 "           A changed decision says which one it replaces; nothing is overwritten.\n"
	 "  accept   confirms the automatic results shown, item by item, as they are (pass and\n"
	 "           fail); unknown items stay pending for 'review set'. Decided items are kept.\n"
	 "  log      every grading and decision of the request, in order.\n"
	 "  An item is pending again when a newer grader version changes the result a decision\n"
	 "  was made on. The reviewer's name comes from --reviewer, else FOI_REVIEWER, else\n"
	 "  [review] reviewer in foi.ini; a decision without one is refused.\n",
	 cmd_review},
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
