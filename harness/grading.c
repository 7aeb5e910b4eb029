/* Grading a round's final replies with this version of the grader, each stored in one transaction. */
#include "harness/grading.h"
#include "harness/blobs.h"
#include "harness/clock.h"
#include "harness/grade_reference.h"
#include "harness/mail/letter_file.h"
#include "harness/round_query.h"
#include "harness/store.h"
#include "harness/workspace.h"
#include "grader/consult_accuracy.h"
#include "grader/grader_version.h"
#include "grader/letter_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One final reply waiting for this grader version. */
struct pending_reply {
	int64_t event_id, request_id;
	char *kind;        /* foi | consult */
	char *template_id;
	char *persona;
	char *raw;         /* the whole message (store/), or "" */
	char *letter;      /* the letter file (store/), or "" */
	char *text;        /* the text recorded with the event */
	int older;         /* an older grader version graded it */
};

static void pending_free(struct pending_reply *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].kind);
		free(p[i].template_id);
		free(p[i].persona);
		free(p[i].raw);
		free(p[i].letter);
		free(p[i].text);
	}
	free(p);
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return strdup(t ? (const char *)t : "");
}

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

/* The final replies of the round this grader version has not graded, and how many it had. */
static enum foi_status load_pending(sqlite3 *db, int64_t round_id, const char *only_unit, struct pending_reply **out,
				    size_t *n, int *current, char *err, size_t errsz)
{
	*out = NULL;
	*n = 0;
	*current = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT e.id, e.request_id, r.kind, r.template_id, r.persona, COALESCE(m.sha256, ''),"
			       " e.letter, e.text,"
			       " EXISTS (SELECT 1 FROM gradings g WHERE g.event_id = e.id AND g.grader_version = ?2),"
			       " EXISTS (SELECT 1 FROM gradings g WHERE g.event_id = e.id)"
			       " FROM events e JOIN requests r ON r.id = e.request_id"
			       " LEFT JOIN messages m ON m.id = e.message"
			       " WHERE r.round_id = ?1 AND e.kind = 'final' AND (?3 IS NULL OR r.unit = ?3)"
			       " ORDER BY e.request_id, e.at, e.id",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_text(st, 2, GRADER_VERSION, -1, SQLITE_STATIC);
	if (only_unit)
		sqlite3_bind_text(st, 3, only_unit, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 3);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 8)) {
			(*current)++;
			continue;
		}
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct pending_reply *grown = realloc(*out, ncap * sizeof *grown);
			if (!grown)
				goto nomem;
			*out = grown;
			cap = ncap;
		}
		struct pending_reply *p = &(*out)[*n];
		*p = (struct pending_reply){.event_id = sqlite3_column_int64(st, 0),
					    .request_id = sqlite3_column_int64(st, 1),
					    .older = sqlite3_column_int(st, 9)};
		(*n)++;
		p->kind = col(st, 2);
		p->template_id = col(st, 3);
		p->persona = col(st, 4);
		p->raw = col(st, 5);
		p->letter = col(st, 6);
		p->text = col(st, 7);
		if (!p->kind || !p->template_id || !p->persona || !p->raw || !p->letter || !p->text)
			goto nomem;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		pending_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, err, errsz);
	}
	return FOI_OK;
nomem:
	sqlite3_finalize(st);
	pending_free(*out, *n);
	*out = NULL;
	*n = 0;
	return foi_fail(err, errsz, FOI_E_NOMEM, "grade run: out of memory");
}

/* The reply as the grader reads it: the whole message when there is one (its body or its
 * attached letter), else the letter file recorded with the event, else the event's text. */
static enum letter_read read_reply(const struct workspace *ws, const struct pending_reply *p,
				   const struct letter_read_opts *opts, struct letter_source *src, char *err,
				   size_t errsz)
{
	*src = (struct letter_source){0};
	const char *blob = *p->raw ? p->raw : p->letter;
	if (*blob) {
		char store_dir[PATH_MAX], path[PATH_MAX];
		if (workspace_path(ws, WORKSPACE_STORE, store_dir) != 0 || blob_file_path(store_dir, blob, path) != 0) {
			snprintf(err, errsz, "store: '%s' is not a stored file", blob);
			return LETTER_READ_IO;
		}
		return letter_file_read_opts(path, opts, src, err, errsz);
	}
	if (!*p->text) {
		snprintf(err, errsz, "the reply has neither a message, a letter file nor text");
		return LETTER_READ_DATA;
	}
	src->text = strdup(p->text);
	src->described = strdup("the text recorded with the reply");
	if (!src->text || !src->described) {
		letter_source_free(src);
		snprintf(err, errsz, "out of memory");
		return LETTER_READ_DATA;
	}
	src->len = strlen(src->text);
	return LETTER_READ_OK;
}

/* What the grader says about one reply; items owned by report or consult. */
struct judgement {
	struct letter_report report;
	struct finding_list consult;
	const struct finding_list *items;
	const char *letter_kind;
	const char *reply_type;
};

static int judge(const struct workspace *ws, const struct pending_reply *p, const struct letter_source *src,
		 struct judgement *j, char *err, size_t errsz)
{
	*j = (struct judgement){.letter_kind = "", .reply_type = ""};
	if (strcmp(p->kind, "consult") == 0) {
		struct grade_reference ref;
		if (grade_reference_load(p->template_id, &ref, err, errsz) != FOI_OK)
			return -1;
		int rc = src->unreadable ? consult_unreadable(src->unreadable, ref.count, &j->consult, err, errsz)
					 : consult_check(src->text, src->len, ref.points, ref.count, &j->consult, err,
							 errsz);
		grade_reference_free(&ref);
		j->items = &j->consult;
		j->letter_kind = "answer";
		return rc;
	}
	const char *applicant = settings_persona_name(&ws->settings, p->persona);
	struct letter_context ctx = LETTER_CONTEXT_INIT;
	ctx.applicant = *applicant ? applicant : NULL;
	if (letter_source_check(src, &ctx, &j->report, err, errsz) != 0)
		return -1;
	j->items = &j->report.items;
	j->letter_kind = src->unreadable ? "unreadable" : letter_document_name(j->report.kind, j->report.reply_type);
	const char *rt = letter_reply_type_name(j->report.reply_type);
	j->reply_type = rt ? rt : "";
	return 0;
}

static void judgement_free(struct judgement *j)
{
	letter_report_free(&j->report);
	finding_list_free(&j->consult);
}

static int store_grading(sqlite3 *db, const struct pending_reply *p, const struct judgement *j,
			 const struct letter_source *src)
{
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO gradings (event_id, request_id, grader_version, graded_at, letter_kind,"
			       " reply_type, source, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, p->event_id);
	sqlite3_bind_int64(st, 2, p->request_id);
	sqlite3_bind_text(st, 3, GRADER_VERSION, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, j->letter_kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, j->reply_type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, src->described ? src->described : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, src->text ? src->text : "", src->text ? (int)src->len : 0, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	int64_t grading = sqlite3_last_insert_rowid(db);
	if (sqlite3_prepare_v2(db, "INSERT INTO findings (grading_id, position, item, result, evidence) VALUES (?, ?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (size_t i = 0; i < j->items->count; i++) {
		const struct finding *f = &j->items->items[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, grading);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_text(st, 3, f->code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, finding_result_name(f->result), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, f->evidence ? f->evidence : "", -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/* Reads, judges and stores one reply. FOI_E_DATA: this reply could not be graded (err says why). */
static enum foi_status grade_one(struct workspace *ws, const struct pending_reply *p,
				 const struct letter_read_opts *opts, struct grade_run_summary *sum, char *err,
				 size_t errsz)
{
	struct letter_source src;
	enum letter_read r = read_reply(ws, p, opts, &src, err, errsz);
	if (r != LETTER_READ_OK)
		return FOI_E_DATA;
	struct judgement j;
	if (judge(ws, p, &src, &j, err, errsz) != 0) {
		judgement_free(&j);
		letter_source_free(&src);
		return FOI_E_DATA;
	}
	enum foi_status st = FOI_OK;
	if (store_begin(ws->db, err, errsz) != 0)
		st = FOI_E_DB;
	else if (store_grading(ws->db, p, &j, &src) != 0) {
		st = db_fail(ws->db, err, errsz);
		store_rollback(ws->db);
	} else if (store_commit(ws->db, err, errsz) != 0)
		st = FOI_E_DB;
	if (st == FOI_OK) {
		sum->graded++;
		sum->regraded += p->older;
		sum->unreadable += src.unreadable != NULL;
	}
	judgement_free(&j);
	letter_source_free(&src);
	return st;
}

enum foi_status grade_round(struct workspace *ws, const char *round, const char *only_unit,
			    struct grade_run_summary *sum, grade_warn_fn warn, void *ctx, char *err, size_t errsz)
{
	*sum = (struct grade_run_summary){0};
	int64_t round_id = 0;
	enum foi_status st = round_lookup(ws->db, round, &round_id, err, errsz);
	if (st != FOI_OK)
		return st;
	struct pending_reply *pending;
	size_t n;
	st = load_pending(ws->db, round_id, only_unit, &pending, &n, &sum->current, err, errsz);
	if (st != FOI_OK)
		return st;
	struct letter_read_opts opts;
	letter_read_opts_from_settings(&ws->settings, &opts);
	for (size_t i = 0; i < n && st == FOI_OK; i++) {
		char why[1024];
		enum foi_status one = grade_one(ws, &pending[i], &opts, sum, why, sizeof why);
		if (one == FOI_E_DATA) {
			sum->failed++;
			if (warn)
				warn(pending[i].request_id, why, ctx);
		} else if (one != FOI_OK) {
			st = foi_fail(err, errsz, one, "%s", why);
		}
	}
	pending_free(pending, n);
	return st;
}
