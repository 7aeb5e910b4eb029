/*
 * foi review list|show|set|accept|log: the reviewers' decisions on a round's graded replies.
 * Every decision names its reviewer (reviewer_name.h) and is kept beside the automatic finding
 * it was made on; a changed decision says what it replaced.
 */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/cmd/reviewer_name.h"
#include "harness/events.h"
#include "harness/review.h"
#include "harness/workspace.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_MAX 2000

enum review_sub { REVIEW_LIST, REVIEW_SHOW, REVIEW_SET, REVIEW_ACCEPT, REVIEW_LOG };
static const char *const review_subs[] = {"list", "show", "set", "accept", "log", NULL};
static const char *const review_whats[] = {"review list", "review show", "review set", "review accept", "review log"};

struct review_args {
	const char *pos[4];
	size_t npos;
	const char *unit, *note, *reviewer;
	int pending, json;
};

static int parse(int sub, int argc, char **argv, struct review_args *a)
{
	*a = (struct review_args){0};
	const struct arg_opt list_opts[] = {ARG_VALUE("--unit", &a->unit), ARG_FLAG("--pending", &a->pending),
					    ARG_FLAG("--json", &a->json)};
	const struct arg_opt show_opts[] = {ARG_FLAG("--json", &a->json)};
	const struct arg_opt set_opts[] = {ARG_VALUE("--note", &a->note), ARG_VALUE("--reviewer", &a->reviewer)};
	const struct arg_opt accept_opts[] = {ARG_VALUE("--reviewer", &a->reviewer)};
	const struct arg_opt *tables[] = {list_opts, show_opts, set_opts, accept_opts, show_opts};
	const size_t counts[] = {3, 1, 2, 1, 1};
	const size_t maxpos[] = {1, 1, 3, 1, 1};
	const struct arg_spec spec = {review_whats[sub], "review", tables[sub], counts[sub], a->pos, maxpos[sub],
				      &a->npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	static const char *const needs[] = {"the round's NAME", "the REQUEST id", "REQUEST ITEM pass|fail|na",
					    "the REQUEST id", "the REQUEST id"};
	if (a->npos < maxpos[sub])
		return command_usage_error(review_whats[sub], "review", "needs %s", needs[sub]);
	if (sub == REVIEW_SET && (!a->note || !*a->note))
		return command_usage_error("review set", "review", "needs --note TEXT: why this decision (it is kept "
					   "in the log)");
	if (a->note && strlen(a->note) > NOTE_MAX)
		return command_usage_error("review set", "review", "--note is longer than %d bytes", NOTE_MAX);
	return ARGS_CONTINUE;
}

static const char *decision_text(const struct review_item *it, char *buf, size_t bufsz)
{
	if (!*it->decision)
		return "pending";
	snprintf(buf, bufsz, "%s%s (%s)", it->decision, it->stale ? ", stale" : "", it->reviewer);
	return buf;
}

static int list_command(struct workspace *ws, const struct review_args *a)
{
	struct review_summary *rows;
	size_t n;
	char err[FOI_ERR_MAX];
	enum foi_status st = review_round(ws->db, a->pos[0], a->unit, &rows, &n, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("review list", "%s", err);
		return command_exit(st);
	}
	int rc = FOI_EXIT_OK;
	if (a->json) {
		int ok = 1;
		cJSON *root = json_root_arr(&ok);
		for (size_t i = 0; i < n; i++) {
			if (a->pending && !rows[i].pending)
				continue;
			cJSON *o = json_obj(root, NULL, &ok);
			json_num(o, "request", (double)rows[i].request_id, &ok);
			json_str(o, "unit", rows[i].unit, &ok);
			json_str(o, "kind", rows[i].kind, &ok);
			json_str(o, "letter_kind", rows[i].letter_kind, &ok);
			json_str_or_null(o, "reply_type", *rows[i].reply_type ? rows[i].reply_type : NULL, &ok);
			json_num(o, "items", rows[i].items, &ok);
			json_num(o, "pass", rows[i].pass, &ok);
			json_num(o, "fail", rows[i].fail, &ok);
			json_num(o, "unknown", rows[i].unknown, &ok);
			json_num(o, "decided", rows[i].decided, &ok);
			json_num(o, "pending", rows[i].pending, &ok);
		}
		rc = json_emit(root, ok, "review list");
	} else {
		printf("%-8s %-8s %-8s %-11s %-5s %5s %5s %5s %7s %7s %7s\n", "REQUEST", "UNIT", "KIND", "LETTER", "TYPE",
		       "ITEMS", "PASS", "FAIL", "UNKNOWN", "DECIDED", "PENDING");
		size_t shown = 0;
		for (size_t i = 0; i < n; i++) {
			if (a->pending && !rows[i].pending)
				continue;
			shown++;
			printf("%-8" PRId64 " %-8s %-8s %-11s %-5s %5d %5d %5d %7d %7d %7d\n", rows[i].request_id,
			       rows[i].unit, rows[i].kind, rows[i].letter_kind, *rows[i].reply_type ? rows[i].reply_type : "-",
			       rows[i].items, rows[i].pass, rows[i].fail, rows[i].unknown, rows[i].decided, rows[i].pending);
		}
		if (!shown)
			printf("%s\n", n ? "nothing awaits a decision" : "no graded replies in this round yet (see 'foi grade run')");
	}
	review_summary_free(rows, n);
	return rc;
}

/* Where an item's evidence quotes the letter: the quoted part is the evidence up to a
 * parenthesised remark the grader adds. */
struct mark {
	size_t start, end;
	size_t item;
};

static int mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->item > y->item) - (x->item < y->item);
}

/* Prints the letter with each finding's evidence marked in place: ⟦N …⟧, N the item's number. */
static void print_marked_letter(const struct review_request *r)
{
	struct mark *marks = calloc(r->nitems ? r->nitems : 1, sizeof *marks);
	size_t nm = 0;
	for (size_t i = 0; marks && i < r->nitems; i++) {
		const char *ev = r->items[i].evidence;
		const char *cut = strstr(ev, " (");
		size_t len = cut ? (size_t)(cut - ev) : strlen(ev);
		if (len < 4)
			continue;
		char *quote = strndup(ev, len);
		const char *at = quote ? strstr(r->text, quote) : NULL;
		if (at)
			marks[nm++] = (struct mark){(size_t)(at - r->text), (size_t)(at - r->text) + len, i + 1};
		free(quote);
	}
	if (marks)
		qsort(marks, nm, sizeof *marks, mark_cmp);
	size_t pos = 0;
	for (size_t m = 0; m < nm; m++) {
		if (marks[m].start < pos)
			continue; /* overlaps a mark already printed */
		fwrite(r->text + pos, 1, marks[m].start - pos, stdout);
		printf("⟦%zu ", marks[m].item);
		fwrite(r->text + marks[m].start, 1, marks[m].end - marks[m].start, stdout);
		fputs("⟧", stdout);
		pos = marks[m].end;
	}
	fputs(r->text + pos, stdout);
	printf("\n");
	free(marks);
}

static void print_show(const struct review_request *r, const struct event_list *events)
{
	printf("request %" PRId64 " of round %s: %s %s (%s), %s by %s to %s\n", r->request_id, r->round, r->unit,
	       r->kind, r->unit_name, r->kind, r->channel, r->address);
	printf("sent: %s\nsubject: %s\n\n%s\n\n", *r->sent_at ? r->sent_at : "(not confirmed sent)", r->subject, r->body);
	printf("TIMELINE\n");
	if (!events->count)
		printf("  no reply recorded\n");
	for (size_t i = 0; i < events->count; i++) {
		const struct event_row *e = &events->rows[i];
		printf("  %-25s %-10s by %-9s (%s)%s%s\n", e->at, event_kind_name(e->kind), e->channel, e->source,
		       *e->evidence ? " — " : "", e->evidence);
	}
	if (!r->grading_id) {
		printf("\nno graded reply yet: 'foi grade run %s' grades the final replies in\n", r->round);
		return;
	}
	printf("\nREPLY of %s, read from %s\ngraded by grader %s at %s: letter %s%s%s\n\n", r->replied_at, r->source,
	       r->grader_version, r->graded_at, r->letter_kind, *r->reply_type ? ", reply type " : "", r->reply_type);
	print_marked_letter(r);
	printf("\n%3s %-24s %-8s %-28s %s\n", "N", "ITEM", "AUTO", "DECISION", "EVIDENCE");
	for (size_t i = 0; i < r->nitems; i++) {
		const struct review_item *it = &r->items[i];
		char buf[256];
		printf("%3zu %-24s %-8s %-28s %s\n", i + 1, it->item, it->automatic, decision_text(it, buf, sizeof buf),
		       it->evidence);
		if (*it->note && strcmp(it->note, "accepted as found") != 0)
			printf("%3s %-24s note: %s\n", "", "", it->note);
	}
}

static void json_show(const struct review_request *r, const struct event_list *events, int *ok, cJSON *root)
{
	json_num(root, "request", (double)r->request_id, ok);
	json_str(root, "round", r->round, ok);
	json_str(root, "unit", r->unit, ok);
	json_str(root, "kind", r->kind, ok);
	json_str(root, "channel", r->channel, ok);
	json_str(root, "address", r->address, ok);
	json_str_or_null(root, "sent_at", *r->sent_at ? r->sent_at : NULL, ok);
	json_str(root, "subject", r->subject, ok);
	json_str(root, "body", r->body, ok);
	cJSON *evs = json_arr(root, "events", ok);
	for (size_t i = 0; i < events->count; i++) {
		cJSON *o = json_obj(evs, NULL, ok);
		json_num(o, "id", (double)events->rows[i].id, ok);
		json_str(o, "kind", event_kind_name(events->rows[i].kind), ok);
		json_str(o, "at", events->rows[i].at, ok);
		json_str(o, "channel", events->rows[i].channel, ok);
		json_str(o, "source", events->rows[i].source, ok);
		json_str(o, "evidence", events->rows[i].evidence, ok);
	}
	if (!r->grading_id) {
		json_null(root, "grading", ok);
		return;
	}
	cJSON *g = json_obj(root, "grading", ok);
	json_str(g, "grader_version", r->grader_version, ok);
	json_str(g, "graded_at", r->graded_at, ok);
	json_str(g, "replied_at", r->replied_at, ok);
	json_str(g, "letter_kind", r->letter_kind, ok);
	json_str_or_null(g, "reply_type", *r->reply_type ? r->reply_type : NULL, ok);
	json_str(g, "source", r->source, ok);
	json_str(g, "text", r->text, ok);
	cJSON *items = json_arr(g, "items", ok);
	for (size_t i = 0; i < r->nitems; i++) {
		const struct review_item *it = &r->items[i];
		cJSON *o = json_obj(items, NULL, ok);
		json_str(o, "code", it->item, ok);
		json_str(o, "automatic", it->automatic, ok);
		json_str(o, "evidence", it->evidence, ok);
		json_str_or_null(o, "decision", *it->decision ? it->decision : NULL, ok);
		json_str_or_null(o, "reviewer", *it->reviewer ? it->reviewer : NULL, ok);
		json_str_or_null(o, "decided_at", *it->decided_at ? it->decided_at : NULL, ok);
		json_str(o, "note", it->note, ok);
		json_bool(o, "stale", it->stale, ok);
		json_bool(o, "pending", it->pending, ok);
	}
}

static int request_id_arg(const char *what, const char *text, int64_t *id)
{
	long v;
	if (args_long(what, "review", "REQUEST", text, 1, LONG_MAX, &v) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	*id = v;
	return ARGS_CONTINUE;
}

static int show_command(struct workspace *ws, const struct review_args *a, int64_t id)
{
	char err[FOI_ERR_MAX];
	struct review_request r;
	struct event_list events = {0};
	enum foi_status st = review_load(ws->db, id, &r, err, sizeof err);
	if (st == FOI_OK)
		st = events_for_request(ws->db, id, &events, err, sizeof err);
	if (st != FOI_OK) {
		if (r.round || r.unit)
			review_request_free(&r);
		foi_error("review show", "%s", err);
		return command_exit(st);
	}
	int rc = FOI_EXIT_OK;
	if (a->json) {
		int ok = 1;
		cJSON *root = json_root_obj(&ok);
		json_show(&r, &events, &ok, root);
		rc = json_emit(root, ok, "review show");
	} else {
		print_show(&r, &events);
	}
	event_list_free(&events);
	review_request_free(&r);
	return rc;
}

static int log_command(struct workspace *ws, int64_t id)
{
	char err[FOI_ERR_MAX];
	struct review_log_entry *log;
	size_t n;
	enum foi_status st = review_log(ws->db, id, &log, &n, err, sizeof err);
	if (st != FOI_OK) {
		foi_error("review log", "%s", err);
		return command_exit(st);
	}
	if (!n)
		printf("request %" PRId64 ": nothing graded or decided yet\n", id);
	for (size_t i = 0; i < n; i++)
		printf("%-25s %-16s %s\n", log[i].at, log[i].who, log[i].what);
	review_log_free(log, n);
	return FOI_EXIT_OK;
}

static int set_command(struct workspace *ws, const struct review_args *a, int64_t id, const char *reviewer)
{
	char err[FOI_ERR_MAX];
	struct review_previous prev;
	enum foi_status st = review_decide(ws->db, id, a->pos[1], a->pos[2], a->note, reviewer, &prev, err, sizeof err);
	if (st != FOI_OK) {
		if (st == FOI_E_USAGE || st == FOI_E_DATA)
			return command_usage_error("review set", "review", "%s", err);
		foi_error("review set", "%s", err);
		return command_exit(st);
	}
	if (prev.had)
		printf("request %" PRId64 " %s: %s -> %s by %s (replacing %s's decision of %s; both are in the log)\n", id,
		       a->pos[1], prev.result, a->pos[2], reviewer, prev.reviewer, prev.at);
	else
		printf("request %" PRId64 " %s: %s by %s\n", id, a->pos[1], a->pos[2], reviewer);
	return FOI_EXIT_OK;
}

static int accept_command(struct workspace *ws, int64_t id, const char *reviewer)
{
	char err[FOI_ERR_MAX];
	int accepted, unknown;
	enum foi_status st = review_accept(ws->db, id, reviewer, &accepted, &unknown, err, sizeof err);
	if (st != FOI_OK) {
		if (st == FOI_E_USAGE)
			return command_usage_error("review accept", "review", "%s", err);
		foi_error("review accept", "%s", err);
		return command_exit(st);
	}
	printf("request %" PRId64 ": %d automatic %s accepted by %s", id, accepted, accepted == 1 ? "result" : "results",
	       reviewer);
	if (unknown)
		printf("; %d unknown %s still %s a decision ('foi review set %" PRId64 " ITEM pass|fail|na --note ...')",
		       unknown, unknown == 1 ? "item" : "items", unknown == 1 ? "needs" : "need", id);
	printf("\n");
	return FOI_EXIT_OK;
}

int cmd_review(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("review", argc, argv, review_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct review_args a;
	rc = parse(sub, argc, argv, &a);
	if (rc != ARGS_CONTINUE)
		return rc;
	int64_t id = 0;
	if (sub != REVIEW_LIST && request_id_arg(review_whats[sub], a.pos[0], &id) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error(review_whats[sub], "%s", err);
		return rc;
	}
	const char *reviewer = NULL;
	if (sub == REVIEW_SET || sub == REVIEW_ACCEPT) {
		reviewer = reviewer_name(a.reviewer, &ws, review_whats[sub], "review");
		if (!reviewer) {
			workspace_close(&ws);
			return FOI_EXIT_USAGE;
		}
	}
	switch (sub) {
	case REVIEW_LIST: rc = list_command(&ws, &a); break;
	case REVIEW_SHOW: rc = show_command(&ws, &a, id); break;
	case REVIEW_SET: rc = set_command(&ws, &a, id, reviewer); break;
	case REVIEW_ACCEPT: rc = accept_command(&ws, id, reviewer); break;
	default: rc = log_command(&ws, id); break;
	}
	workspace_close(&ws);
	return rc;
}
