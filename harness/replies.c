/* Replies entered by hand and reviewers' kind changes, each an event in one transaction (see replies.h). */
#include "harness/replies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/blobs.h"
#include "harness/clock.h"
#include "harness/file_read.h"
#include "harness/mail/letter_file.h"
#include "harness/status_report.h"
#include "harness/store.h"

const char *replies_who(const struct workspace *ws, const char *given)
{
	if (given && *given)
		return given;
	const char *env = getenv("FOI_REVIEWER");
	if (env && *env)
		return env;
	return ws->settings.reviewer;
}

static enum foi_status db_fail(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

/* What a reply needs to know of its request. */
struct request_info {
	char kind[16], channel[16], state[32];
	int sent;
	time_t sent_at;
};

static enum foi_status request_info_load(sqlite3 *db, int64_t id, struct request_info *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT q.kind, q.channel, q.state, " STATUS_SENT_AT_SQL " FROM requests q WHERE q.id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, errsz);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum foi_status result = FOI_OK;
	if (rc == SQLITE_ROW) {
		snprintf(out->kind, sizeof out->kind, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(out->channel, sizeof out->channel, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(out->state, sizeof out->state, "%s", (const char *)sqlite3_column_text(st, 2));
		const char *sent = (const char *)sqlite3_column_text(st, 3);
		out->sent = sent && strcmp(out->state, "sent") == 0 &&
			    clock_parse_iso(sent, &out->sent_at, err, errsz) == 0;
	} else if (rc == SQLITE_DONE) {
		result = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no request %lld (see 'foi status NAME')", (long long)id);
	} else {
		result = db_fail(db, err, errsz);
	}
	sqlite3_finalize(st);
	return result;
}

/* Whether the request already has an event of kind. */
static enum foi_status has_event(sqlite3 *db, int64_t request_id, enum event_kind kind, int *found, char *err,
				 size_t errsz)
{
	struct event_list list;
	enum foi_status rc = events_for_request(db, request_id, &list, err, errsz);
	*found = 0;
	for (size_t i = 0; rc == FOI_OK && i < list.count; i++)
		*found |= list.rows[i].kind == kind;
	event_list_free(&list);
	return rc;
}

/* The checks a reply's request and time must pass; at gets the time as ISO 8601. */
static enum foi_status check_entry(struct workspace *ws, const struct reply_entry *e, char at[CLOCK_ISO_MAX],
				   const char **channel, char *err, size_t errsz)
{
	time_t when;
	if (clock_parse_local(e->received, &when, err, errsz) != 0)
		return FOI_E_USAGE;
	struct request_info q;
	enum foi_status rc = request_info_load(ws->db, e->request_id, &q, err, errsz);
	if (rc != FOI_OK)
		return rc;
	long long id = (long long)e->request_id;
	if (!q.sent)
		return foi_fail(err, errsz, FOI_E_DATA, "request %lld is %s, not sent: nothing can have answered it", id,
				q.state);
	if (when < q.sent_at) {
		char sent[CLOCK_ISO_MAX];
		clock_format_iso(q.sent_at, sent);
		return foi_fail(err, errsz, FOI_E_DATA, "request %lld was sent %s, after '%s'", id, sent, e->received);
	}
	if (when > clock_now())
		return foi_fail(err, errsz, FOI_E_DATA, "'%s' is later than now", e->received);
	if (e->kind == EVENT_SUPPLIED) {
		int asked = 0;
		if (strcmp(q.kind, "foi") != 0)
			return foi_fail(err, errsz, FOI_E_DATA, "request %lld is a question: only an FOI application is "
								"supplemented", id);
		if ((rc = has_event(ws->db, e->request_id, EVENT_SUPPLEMENT, &asked, err, errsz)) != FOI_OK)
			return rc;
		if (!asked)
			return foi_fail(err, errsz, FOI_E_DATA, "request %lld has no request to supplement: record it first "
								"('foi reply add %lld --kind supplement ...')", id, id);
	}
	clock_format_iso(when, at);
	/* The applicant supplies by the way the application went; a unit's letter comes by post. */
	*channel = e->channel ? e->channel : e->kind == EVENT_SUPPLIED ? (strcmp(q.channel, "web") == 0 ? "web" : "email")
								      : "post";
	return FOI_OK;
}

/* Keeps the letter in store/ and reads its text; a letter that cannot be read as text is kept
 * anyway (the reviewer reads the original), with the reason in out->letter_problem. */
static enum foi_status keep_letter(struct workspace *ws, const char *path, struct reply_added *out, char **text,
				   char *err, size_t errsz)
{
	char store[PATH_MAX];
	if (workspace_path(ws, WORKSPACE_STORE, store) != 0)
		return foi_fail(err, errsz, FOI_E_IO, "%s: the workspace path is too long", ws->dir);
	char *data;
	size_t len;
	enum foi_status rc = file_read_capped(path, LETTER_MAIL_MAX, "a letter", &data, &len, err, errsz);
	if (rc == FOI_OK)
		rc = blob_put(store, data, len, out->letter, err, errsz);
	free(data);
	if (rc != FOI_OK)
		return rc;
	struct letter_read_opts opts;
	letter_read_opts_from_settings(&ws->settings, &opts);
	struct letter_source src = {0};
	char why[FOI_ERR_MAX];
	enum letter_read read = letter_file_read_opts(path, &opts, &src, why, sizeof why);
	if (read == LETTER_READ_OK && src.unreadable)
		snprintf(why, sizeof why, "%s", src.unreadable);
	if (read != LETTER_READ_OK || src.unreadable) {
		out->letter_problem = strdup(why);
		if (!out->letter_problem) {
			letter_source_free(&src);
			return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		}
	} else {
		*text = src.text;
		src.text = NULL;
	}
	letter_source_free(&src);
	return FOI_OK;
}

enum foi_status replies_add(struct workspace *ws, const struct reply_entry *e, struct reply_added *out, char *err,
			    size_t errsz)
{
	memset(out, 0, sizeof *out);
	const char *channel = NULL;
	enum foi_status rc = check_entry(ws, e, out->at, &channel, err, errsz);
	if (rc != FOI_OK)
		return rc;
	snprintf(out->channel, sizeof out->channel, "%s", channel);
	char *text = NULL;
	if (e->letter && (rc = keep_letter(ws, e->letter, out, &text, err, errsz)) != FOI_OK)
		return rc;
	char evidence[300], detail[400];
	snprintf(evidence, sizeof evidence, "entered by hand%s%.256s", *e->who ? " by " : "", e->who);
	struct event_new ev = {.request_id = e->request_id, .kind = e->kind, .at = out->at, .channel = channel,
			       .source = "hand", .evidence = evidence, .letter = out->letter, .text = text ? text : "",
			       .recorded_by = e->who};
	if (store_begin(ws->db, err, errsz) != 0) {
		free(text);
		return FOI_E_DB;
	}
	rc = events_add(ws->db, &ev, &out->event_id, err, errsz);
	free(text);
	snprintf(detail, sizeof detail, "request %lld: event %lld %s at %s by %s", (long long)e->request_id,
		 (long long)out->event_id, event_kind_name(e->kind), out->at, channel);
	if (rc == FOI_OK && store_journal(ws->db, "reply add", detail, err, errsz) != 0)
		rc = FOI_E_DB;
	if (rc == FOI_OK && store_commit(ws->db, err, errsz) != 0)
		rc = FOI_E_DB;
	if (rc != FOI_OK) {
		store_rollback(ws->db);
		free(out->letter_problem);
		out->letter_problem = NULL;
	}
	return rc;
}

enum foi_status replies_change_kind(struct workspace *ws, int64_t event_id, enum event_kind kind, const char *who,
				    char *err, size_t errsz)
{
	if (store_begin(ws->db, err, errsz) != 0)
		return FOI_E_DB;
	char detail[400];
	snprintf(detail, sizeof detail, "event %lld: kind %s, by %.256s", (long long)event_id, event_kind_name(kind), who);
	enum foi_status rc = events_change_kind(ws->db, event_id, kind, who, err, errsz);
	if (rc == FOI_OK && store_journal(ws->db, "reply kind", detail, err, errsz) != 0)
		rc = FOI_E_DB;
	if (rc == FOI_OK && store_commit(ws->db, err, errsz) != 0)
		rc = FOI_E_DB;
	if (rc != FOI_OK)
		store_rollback(ws->db);
	return rc;
}
