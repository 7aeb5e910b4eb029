/*
 * foi grade check: the automatic checks on one reply, from a file, outside any workspace.
 * A letter (--kind foi, the default) gets the reply-conformity items; a reply to a
 * consultation (--kind consult) is compared with the key points of a reference template.
 * Every result is a suggestion with its evidence. Like `foi channel check`, the exit status
 * is 0 when no item fails and 1 when one does (the report is printed either way).
 */
#include "harness/cmd/args.h"
#include "harness/cmd/cmd_grade_run.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/finding_out.h"
#include "harness/cmd/time_setup.h"
#include "harness/grade_reference.h"
#include "harness/mail/letter_file.h"
#include "harness/workspace.h"
#include "grader/consult_accuracy.h"
#include "grader/letter_check.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Evidence in the table is cut to this many characters; --json has all of it. */
#define TABLE_EVIDENCE_CPS 70

struct grade_opts {
	const char *file;
	const char *kind;
	const char *applicant;
	const char *reference;
	/* What is known of the request's timeline (struct letter_context). */
	const char *received, *sent, *deadline, *earlier, *applications;
	struct letter_context ctx;
	int json;
};

/* DATE (YYYY-MM-DD) into *day; a usage error's exit code, or ARGS_CONTINUE. */
static int day_option(const char *name, const char *text, sched_day *day)
{
	if (text && day_parse(text, day) != 0)
		return command_usage_error("grade check", "grade", "%s takes a date YYYY-MM-DD, not '%s'", name, text);
	return ARGS_CONTINUE;
}

static int count_option(const char *name, const char *text, int *n)
{
	if (!text)
		return ARGS_CONTINUE;
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 0 || v > 100000)
		return command_usage_error("grade check", "grade", "%s takes a count (0 or more), not '%s'", name, text);
	*n = (int)v;
	return ARGS_CONTINUE;
}

static int parse_args(int argc, char **argv, struct grade_opts *o)
{
	*o = (struct grade_opts){.kind = NULL};
	const char *pos[1];
	size_t npos;
	const struct arg_opt opts[] = {
		ARG_VALUE("--kind", &o->kind),
		ARG_VALUE("--applicant", &o->applicant),
		ARG_VALUE("--reference", &o->reference),
		ARG_VALUE("--file", &o->file), /* as `foi channel check --file` takes it */
		ARG_VALUE("--received", &o->received), ARG_VALUE("--sent", &o->sent),
		ARG_VALUE("--deadline", &o->deadline), ARG_VALUE("--earlier-supplements", &o->earlier),
		ARG_VALUE("--applications", &o->applications),
		ARG_FLAG("--json", &o->json),
	};
	const struct arg_spec spec = {"grade check", "grade", opts, sizeof opts / sizeof opts[0], pos, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (npos && o->file)
		return command_usage_error("grade check", "grade", "one FILE at a time ('%s' and '%s')", o->file, pos[0]);
	if (npos)
		o->file = pos[0];
	if (!o->file)
		return command_usage_error("grade check", "grade", "needs a FILE (.eml, .html, .txt, .pdf, .docx, .ofd or an image; - for standard input)");
	if (!o->kind)
		o->kind = o->reference ? "consult" : "foi";
	if (strcmp(o->kind, "foi") != 0 && strcmp(o->kind, "consult") != 0)
		return command_usage_error("grade check", "grade", "--kind is foi or consult, not '%s'", o->kind);
	if (strcmp(o->kind, "consult") == 0 && !o->reference)
		return command_usage_error("grade check", "grade", "--kind consult needs --reference TEMPLATE (its key points)");
	if (strcmp(o->kind, "foi") == 0 && o->reference)
		return command_usage_error("grade check", "grade", "--reference is for --kind consult");
	o->ctx = LETTER_CONTEXT_INIT;
	o->ctx.applicant = o->applicant;
	if ((rc = day_option("--received", o->received, &o->ctx.received)) != ARGS_CONTINUE ||
	    (rc = day_option("--sent", o->sent, &o->ctx.sent)) != ARGS_CONTINUE ||
	    (rc = day_option("--deadline", o->deadline, &o->ctx.deadline)) != ARGS_CONTINUE ||
	    (rc = count_option("--earlier-supplements", o->earlier, &o->ctx.earlier_supplements)) != ARGS_CONTINUE ||
	    (rc = count_option("--applications", o->applications, &o->ctx.applications_in_month)) != ARGS_CONTINUE)
		return rc;
	return ARGS_CONTINUE;
}

static int print_json(const struct letter_report *report, const struct finding_list *items)
{
	cJSON *root = cJSON_CreateObject();
	const char *rt = report ? letter_reply_type_name(report->reply_type) : NULL;
	if (!root || !(rt ? cJSON_AddStringToObject(root, "reply_type", rt)
			  : cJSON_AddNullToObject(root, "reply_type")) ||
	    (report && report->kind_evidence &&
	     (!cJSON_AddStringToObject(root, "document", letter_document_name(report->kind, report->reply_type)) ||
	      !cJSON_AddStringToObject(root, "document_evidence", report->kind_evidence))) ||
	    finding_json_add_items(root, items->items, items->count) != 0) {
		cJSON_Delete(root);
		return -1;
	}
	return finding_json_print(root);
}

static void print_table(const char *file, const struct letter_source *src, const char *heading,
			const struct letter_report *report, const struct finding_list *items)
{
	printf("%s: %s\n", file, heading);
	if (report && report->kind_evidence)
		printf("document: %s, from: %s\n", letter_document_name(report->kind, report->reply_type),
		       report->kind_evidence);
	printf("read from: %s\n", src->described);
	if (src->unread)
		printf("not read: %s (open them yourself)\n", src->unread);
	if (src->lossy)
		printf("note: some bytes could not be decoded and show as U+FFFD\n");
	printf("\n");
	int width = 20; /* the codes' column, wider for the longest code */
	for (size_t i = 0; i < items->count; i++)
		if ((int)strlen(items->items[i].code) > width)
			width = (int)strlen(items->items[i].code);
	finding_print_table(items->items, items->count, width, TABLE_EVIDENCE_CPS);
	size_t counts[3];
	finding_count(items->items, items->count, counts);
	printf("\n%zu pass, %zu fail, %zu unknown: suggestions for the reviewer"
	       " (--json shows the full evidence)\n",
	       counts[FINDING_PASS], counts[FINDING_FAIL], counts[FINDING_UNKNOWN]);
}

static int read_reference(const char *name, struct grade_reference *ref)
{
	char err[FOI_ERR_MAX];
	enum foi_status st = grade_reference_load(name, ref, err, sizeof err);
	if (st == FOI_OK)
		return FOI_EXIT_OK;
	foi_error("grade check", "--reference: %s", err);
	return command_exit(st);
}

static int grade_check(const struct foi_app *app, const struct grade_opts *o)
{
	char err[FOI_ERR_MAX];
	/* Outside a workspace the caps for letter files are the defaults. */
	struct settings settings;
	int in_workspace;
	int st = workspace_settings_if_any(app, &settings, &in_workspace, err, sizeof err);
	if (st != FOI_EXIT_OK) {
		foi_error("grade", "%s", err);
		return st;
	}
	struct letter_read_opts read_opts;
	letter_read_opts_from_settings(&settings, &read_opts);
	struct grade_reference points = {0};
	if (o->reference) {
		int rc = read_reference(o->reference, &points);
		if (rc != FOI_EXIT_OK)
			return rc;
	}
	struct letter_source src;
	enum letter_read r = letter_file_read_opts(o->file, &read_opts, &src, err, sizeof err);
	if (r != LETTER_READ_OK) {
		foi_error(o->file, "%s", err);
		grade_reference_free(&points);
		return r == LETTER_READ_IO ? FOI_EXIT_FAIL : FOI_EXIT_DATA;
	}
	/* The working-day calendar, only when a day is given to count from. */
	struct time_setup time = {0};
	struct letter_context ctx = o->ctx;
	if (!points.count && (ctx.received != LETTER_DAY_UNKNOWN || ctx.deadline != LETTER_DAY_UNKNOWN)) {
		int ts = time_setup_open(app, NULL, 0, &time, err, sizeof err);
		if (ts != FOI_EXIT_OK) {
			foi_error("grade check", "%s", err);
			letter_source_free(&src);
			return ts;
		}
		ctx.cal = time.cal;
	}
	struct letter_report report = {0};
	struct finding_list consult = {0};
	const struct finding_list *items;
	char heading[512];
	int rc;
	if (points.count) {
		rc = src.unreadable ? consult_unreadable(src.unreadable, points.count, &consult, err, sizeof err)
				    : consult_check(src.text, src.len, points.points, points.count, &consult, err,
						    sizeof err);
		items = &consult;
		snprintf(heading, sizeof heading, "reply to a consultation, %zu key points", points.count);
	} else {
		rc = letter_source_check(&src, &ctx, &report, err, sizeof err);
		items = &report.items;
		if (report.reply_type)
			snprintf(heading, sizeof heading, "%s, reply type %s: %s",
				 letter_kind_describe(report.kind), letter_reply_type_name(report.reply_type),
				 letter_reply_type_describe(report.reply_type));
		else
			snprintf(heading, sizeof heading, "%s", src.unreadable ? "letter not readable"
				 : letter_kind_describe(report.kind));
	}
	int status = FOI_EXIT_OK;
	if (rc != 0) {
		foi_error(o->file, "%s", err);
		status = FOI_EXIT_DATA;
	} else if (o->json) {
		if (print_json(points.count ? NULL : &report, items) != 0) {
			foi_error("grade", "out of memory");
			status = FOI_EXIT_FAIL;
		}
	} else {
		print_table(o->file, &src, heading, points.count ? NULL : &report, items);
	}
	size_t counts[3];
	finding_count(items->items, items->count, counts);
	if (status == FOI_EXIT_OK && counts[FINDING_FAIL])
		status = FOI_EXIT_FAIL;
	letter_report_free(&report);
	finding_list_free(&consult);
	grade_reference_free(&points);
	letter_source_free(&src);
	time_setup_close(&time);
	return status;
}

int cmd_grade(struct foi_app *app, int argc, char **argv)
{
	static const char *const subs[] = {"check", "run", NULL};
	int sub, rc = args_subcommand("grade", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (sub == 1)
		return cmd_grade_run(app, argc, argv);
	struct grade_opts o;
	rc = parse_args(argc, argv, &o);
	if (rc != ARGS_CONTINUE)
		return rc;
	return grade_check(app, &o);
}
