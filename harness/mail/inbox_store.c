/* One incoming message stored, read, matched and made an event, in one transaction. */
#include "harness/mail/inbox_store.h"
#include "harness/blobs.h"
#include "harness/clock.h"
#include "harness/events.h"
#include "harness/mail/inbox_match.h"
#include "harness/mail/mail_envelope.h"
#include "harness/mail/mail_text.h"
#include "harness/store.h"
#include "grader/doc_read.h"
#include "grader/letter_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A message as the inbox reads it; any part may be missing when the message is malformed. */
struct reading {
	int have_envelope;
	struct mail_envelope env;
	struct mail_text text;     /* text.text is "" when the letter could not be read */
	char *problems;            /* "; "-separated, owned */
};

static int add_problem(char **problems, const char *what, const char *detail)
{
	char *grown;
	if (asprintf(&grown, "%s%s%s%s%s", *problems ? *problems : "", *problems && **problems ? "; " : "", what,
		     detail ? ": " : "", detail ? detail : "") < 0)
		return -1;
	free(*problems);
	*problems = grown;
	return 0;
}

static enum foi_status read_message(const char *raw, size_t len, struct reading *r, char *err, size_t errsz)
{
	*r = (struct reading){0};
	char why[512];
	int oom = 0;
	if (mail_envelope_read(raw, len, &r->env, why, sizeof why) == 0) {
		r->have_envelope = 1;
		r->problems = strdup(r->env.problems);
		oom = !r->problems;
	} else {
		oom = strcmp(why, "out of memory") == 0 || add_problem(&r->problems, why, NULL) != 0;
	}
	if (!oom && mail_text_parse(raw, len, &r->text, why, sizeof why) != 0) {
		oom = strcmp(why, "out of memory") == 0 || add_problem(&r->problems, "letter not read", why) != 0;
		r->text = (struct mail_text){0};
	}
	if (oom) {
		mail_envelope_free(&r->env);
		mail_text_free(&r->text);
		free(r->problems);
		*r = (struct reading){0};
		return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	}
	return FOI_OK;
}

static void reading_free(struct reading *r)
{
	if (r->have_envelope)
		mail_envelope_free(&r->env);
	mail_text_free(&r->text);
	free(r->problems);
}

static const char *reading_kind(const struct reading *r)
{
	if (!r->have_envelope)
		return "reply";
	return r->env.dsn.bounce ? "bounce" : r->env.auto_reply ? "auto-reply" : "reply";
}

static const char *letter_text(const struct reading *r)
{
	return r->text.text ? r->text.text : "";
}

/* The kind of reply the grader reads in the letter; final when it reads none. */
static enum event_kind suggested_kind(const struct reading *r)
{
	if (r->env.dsn.bounce)
		return EVENT_BOUNCE;
	if (r->env.auto_reply)
		return EVENT_AUTO_REPLY;
	struct letter_report rep;
	char err[256];
	const char *text = letter_text(r);
	size_t len = strlen(text);
	if (!len || len > LETTER_TEXT_MAX || letter_check(text, len, NULL, &rep, err, sizeof err) != 0)
		return EVENT_FINAL;
	enum letter_kind k = rep.kind;
	letter_report_free(&rep);
	switch (k) {
	case LETTER_ACK: return EVENT_ACK;
	case LETTER_SUPPLEMENT: return EVENT_SUPPLEMENT;
	case LETTER_EXTENSION: return EVENT_EXTENSION;
	/* Interim notices that neither answer the request nor move its clock by themselves (a
	 * third party's consultation time is entered by hand, §33): recorded as acknowledgements,
	 * which a reviewer may correct with `foi reply kind`. */
	case LETTER_REASONS:
	case LETTER_THIRD_PARTY:
	case LETTER_FEE: return EVENT_ACK;
	case LETTER_FINAL: break;
	}
	return EVENT_FINAL;
}

static int is_letter_attachment(const struct mail_attachment *a)
{
	size_t n = strlen(a->name);
	return doc_sniff(a->data, a->len, a->name) != DOC_UNKNOWN ||
	       (n > 4 && (strcasecmp(a->name + n - 4, ".txt") == 0 || strcasecmp(a->name + n - 4, ".htm") == 0)) ||
	       (n > 5 && strcasecmp(a->name + n - 5, ".html") == 0);
}

/* The event a matched message makes (inside the caller's transaction). */
static enum foi_status make_event(sqlite3 *db, const struct reading *r, const char (*hashes)[BLOB_NAME_MAX],
				  int64_t message, int64_t request, const char *at, const char *evidence, char *err,
				  size_t errsz)
{
	const char *letter = "";
	for (size_t i = 0; r->have_envelope && i < r->env.natt && !*letter; i++)
		if (is_letter_attachment(&r->env.att[i]))
			letter = hashes[i];
	struct event_new ev = {
		.request_id = request,
		.kind = r->have_envelope ? suggested_kind(r) : EVENT_FINAL,
		.at = at,
		.channel = "email",
		.source = "inbox",
		.message = message,
		.evidence = evidence,
		.letter = letter,
		.text = r->have_envelope && r->env.dsn.bounce ? r->env.dsn.reason : letter_text(r),
		.recorded_by = "",
	};
	return events_add(db, &ev, NULL, err, errsz);
}

static enum foi_status db_error(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "inbox: database: %s", sqlite3_errmsg(db));
}

enum foi_status inbox_position(sqlite3 *db, const char *mailbox, int *found, uint32_t *uidvalidity,
			       uint32_t *last_uid, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	*found = 0;
	if (sqlite3_prepare_v2(db, "SELECT uidvalidity, last_uid FROM inbox_positions WHERE mailbox = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_text(st, 1, mailbox, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*uidvalidity = (uint32_t)sqlite3_column_int64(st, 0);
		*last_uid = (uint32_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? FOI_OK : db_error(db, err, errsz);
}

static enum foi_status move_position(sqlite3 *db, const struct inbox_place *p, const char *now, char *err,
				     size_t errsz)
{
	sqlite3_stmt *st;
	if (!p)
		return FOI_OK;
	if (sqlite3_prepare_v2(db, "INSERT INTO inbox_positions (mailbox, uidvalidity, last_uid, updated_at) "
				   "VALUES (?, ?, ?, ?) ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
				   "last_uid = excluded.last_uid, updated_at = excluded.updated_at", -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_text(st, 1, p->mailbox, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, p->uidvalidity);
	sqlite3_bind_int64(st, 3, p->uid);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? FOI_OK : db_error(db, err, errsz);
}

/* The id of a stored copy (same bytes, or same Message-ID), or 0. */
static enum foi_status find_copy(sqlite3 *db, const char *sha, const char *message_id, int64_t *id, char *err,
				 size_t errsz)
{
	sqlite3_stmt *st;
	*id = 0;
	if (sqlite3_prepare_v2(db, "SELECT id FROM messages WHERE sha256 = ?1 OR (?2 != '' AND message_id = ?2) "
				   "ORDER BY id LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, message_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? FOI_OK : db_error(db, err, errsz);
}

/* Joins the recipients for the to_addrs column. */
static char *joined(char **list, size_t n)
{
	size_t need = 1;
	for (size_t i = 0; i < n; i++)
		need += strlen(list[i]) + 2;
	char *out = malloc(need), *p = out;
	if (!out)
		return NULL;
	*p = '\0';
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i ? ", " : "", list[i]);
	return out;
}

static enum foi_status insert_message(sqlite3 *db, const char *sha, const struct reading *r, const char *arrival,
				      const char *now, const struct inbox_place *p, const struct inbox_match *m,
				      int64_t *id, char *err, size_t errsz)
{
	const struct mail_envelope *e = &r->env;
	char *to = r->have_envelope ? joined(e->recipients, e->nrecipients) : strdup("");
	if (!to)
		return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO messages (sha256, message_id, received_at, fetched_at, from_addr, to_addrs, "
				   "subject, disposition, kind, request_id, evidence, reason, problems, mailbox, uidvalidity, uid) "
				   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		free(to);
		return db_error(db, err, errsz);
	}
	int have = r->have_envelope;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, have ? e->message_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, arrival, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, have ? e->from_addr : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, have ? e->subject : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->request_id ? "matched" : "unmatched", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, reading_kind(r), -1, SQLITE_STATIC);
	if (m->request_id)
		sqlite3_bind_int64(st, 10, m->request_id);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, m->evidence ? m->evidence : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, have && e->dsn.reason ? e->dsn.reason : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, r->problems ? r->problems : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, p ? p->mailbox : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, p ? p->uidvalidity : 0);
	sqlite3_bind_int64(st, 16, p ? p->uid : 0);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(to);
	if (rc != SQLITE_DONE)
		return db_error(db, err, errsz);
	*id = sqlite3_last_insert_rowid(db);
	return FOI_OK;
}

/* Each attachment into store/ and message_attachments; hashes[i] gets its name. */
static enum foi_status store_attachments(sqlite3 *db, const char *store_dir, const struct reading *r, int64_t message,
					 char (*hashes)[BLOB_NAME_MAX], char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (!r->have_envelope || r->env.natt == 0)
		return FOI_OK;
	if (sqlite3_prepare_v2(db, "INSERT INTO message_attachments (message, position, name, content_type, size, sha256) "
				   "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	enum foi_status s = FOI_OK;
	for (size_t i = 0; i < r->env.natt && s == FOI_OK; i++) {
		const struct mail_attachment *a = &r->env.att[i];
		if ((s = blob_put(store_dir, a->data, a->len, hashes[i], err, errsz)) != FOI_OK)
			break;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, message);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 3, a->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a->content_type, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)a->len);
		sqlite3_bind_text(st, 6, hashes[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			s = db_error(db, err, errsz);
	}
	sqlite3_finalize(st);
	return s;
}

static void arrival_text(const struct settings *s, const struct reading *r, int64_t internaldate, char out[CLOCK_ISO_MAX])
{
	int64_t t = internaldate;
	if ((s->arrival == ARRIVAL_DATE_HEADER || !t) && r->have_envelope && r->env.date)
		t = r->env.date;
	clock_format_iso(t ? (time_t)t : clock_now(), out);
}

/* Everything after the raw bytes are in store/, inside the transaction. */
static enum foi_status store_read(sqlite3 *db, const char *store_dir, const struct settings *s, const char *sha,
				  const struct reading *r, int64_t internaldate, const struct inbox_place *place,
				  struct inbox_stored *out, char *err, size_t errsz)
{
	char arrival[CLOCK_ISO_MAX], now[CLOCK_ISO_MAX];
	arrival_text(s, r, internaldate, arrival);
	clock_format_iso(clock_now(), now);
	struct inbox_match m = {0};
	enum foi_status st = r->have_envelope
		? inbox_match(db, &r->env, letter_text(r), s->token_delimiter, &m, err, errsz) : FOI_OK;
	char(*hashes)[BLOB_NAME_MAX] = NULL;
	if (st == FOI_OK && r->have_envelope && r->env.natt &&
	    !(hashes = calloc(r->env.natt, sizeof *hashes)))
		st = foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	if (st == FOI_OK)
		st = insert_message(db, sha, r, arrival, now, place, &m, &out->message, err, errsz);
	if (st == FOI_OK)
		st = store_attachments(db, store_dir, r, out->message, hashes, err, errsz);
	if (st == FOI_OK && m.request_id)
		st = make_event(db, r, (const char(*)[BLOB_NAME_MAX])hashes, out->message, m.request_id, arrival,
				m.evidence, err, errsz);
	out->request = m.request_id;
	free(m.evidence);
	free(hashes);
	return st;
}

enum foi_status inbox_store(sqlite3 *db, const char *store_dir, const struct settings *s, const char *raw,
			    size_t len, int64_t internaldate, const struct inbox_place *place,
			    struct inbox_stored *out, char *err, size_t errsz)
{
	*out = (struct inbox_stored){.kind = "reply"};
	char sha[BLOB_NAME_MAX], now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	struct reading r;
	enum foi_status st = read_message(raw, len, &r, err, errsz);
	if (st != FOI_OK)
		return st;
	out->kind = reading_kind(&r);
	out->malformed = r.problems && *r.problems;
	if (store_begin(db, err, errsz) != 0) {
		reading_free(&r);
		return FOI_E_DB;
	}
	st = blob_put(store_dir, raw, len, sha, err, errsz);
	if (st == FOI_OK)
		st = find_copy(db, sha, r.have_envelope ? r.env.message_id : "", &out->message, err, errsz);
	out->duplicate = st == FOI_OK && out->message != 0;
	if (st == FOI_OK && !out->duplicate)
		st = store_read(db, store_dir, s, sha, &r, internaldate, place, out, err, errsz);
	if (st == FOI_OK)
		st = move_position(db, place, now, err, errsz);
	if (st == FOI_OK && store_commit(db, err, errsz) != 0)
		st = FOI_E_DB;
	if (st != FOI_OK)
		store_rollback(db);
	reading_free(&r);
	return st;
}

/* The disposition of a message: FOI_E_NOT_FOUND when there is no such message. */
static enum foi_status message_state(sqlite3 *db, int64_t message, char disposition[16], char sha[BLOB_NAME_MAX],
				     char arrival[CLOCK_ISO_MAX], char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT disposition, sha256, received_at FROM messages WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, message);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(disposition, 16, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(sha, BLOB_NAME_MAX, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(arrival, CLOCK_ISO_MAX, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no message %lld (see 'foi inbox unmatched')", (long long)message);
	return rc == SQLITE_ROW ? FOI_OK : db_error(db, err, errsz);
}

static enum foi_status request_exists(sqlite3 *db, int64_t request, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM requests WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, request);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_NOT_FOUND, "no request %lld (see 'foi round show NAME --json')",
				(long long)request);
	return rc == SQLITE_ROW ? FOI_OK : db_error(db, err, errsz);
}

/* The attachments' hashes of a stored message, in position order. */
static enum foi_status stored_hashes(sqlite3 *db, int64_t message, size_t n, char (*hashes)[BLOB_NAME_MAX], char *err,
				     size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT sha256 FROM message_attachments WHERE message = ? ORDER BY position", -1, &st,
			       NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, message);
	size_t i = 0;
	while (i < n && sqlite3_step(st) == SQLITE_ROW)
		snprintf(hashes[i++], BLOB_NAME_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return FOI_OK;
}

enum foi_status inbox_assign(sqlite3 *db, const char *store_dir, int64_t message, int64_t request, char *err,
			     size_t errsz)
{
	char disposition[16], sha[BLOB_NAME_MAX], arrival[CLOCK_ISO_MAX];
	enum foi_status st = message_state(db, message, disposition, sha, arrival, err, errsz);
	if (st == FOI_OK)
		st = request_exists(db, request, err, errsz);
	if (st != FOI_OK)
		return st;
	if (strcmp(disposition, "matched") == 0)
		return foi_fail(err, errsz, FOI_E_DATA, "message %lld is matched already", (long long)message);
	char *raw;
	size_t len;
	if ((st = blob_get(store_dir, sha, &raw, &len, err, errsz)) != FOI_OK)
		return st;
	struct reading r;
	st = read_message(raw, len, &r, err, errsz);
	free(raw);
	if (st != FOI_OK)
		return st;
	char(*hashes)[BLOB_NAME_MAX] = calloc(r.have_envelope && r.env.natt ? r.env.natt : 1, sizeof *hashes);
	if (!hashes) {
		reading_free(&r);
		return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	}
	if (store_begin(db, err, errsz) != 0) {
		free(hashes);
		reading_free(&r);
		return FOI_E_DB;
	}
	char evidence[64];
	snprintf(evidence, sizeof evidence, "assigned by hand (foi inbox assign)");
	sqlite3_stmt *up;
	st = stored_hashes(db, message, r.have_envelope ? r.env.natt : 0, hashes, err, errsz);
	if (st == FOI_OK && sqlite3_prepare_v2(db, "UPDATE messages SET disposition = 'matched', request_id = ?, "
						  "evidence = ?, note = '' WHERE id = ?", -1, &up, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(up, 1, request);
		sqlite3_bind_text(up, 2, evidence, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 3, message);
		if (sqlite3_step(up) != SQLITE_DONE)
			st = db_error(db, err, errsz);
		sqlite3_finalize(up);
	} else if (st == FOI_OK)
		st = db_error(db, err, errsz);
	if (st == FOI_OK)
		st = make_event(db, &r, (const char(*)[BLOB_NAME_MAX])hashes, message, request, arrival, evidence, err, errsz);
	char detail[96];
	snprintf(detail, sizeof detail, "message %lld assigned to request %lld", (long long)message, (long long)request);
	if (st == FOI_OK && store_journal(db, "inbox assign", detail, err, errsz) != 0)
		st = FOI_E_DB;
	if (st == FOI_OK && store_commit(db, err, errsz) != 0)
		st = FOI_E_DB;
	if (st != FOI_OK)
		store_rollback(db);
	free(hashes);
	reading_free(&r);
	return st;
}

enum foi_status inbox_ignore(sqlite3 *db, int64_t message, const char *reason, char *err, size_t errsz)
{
	char disposition[16], sha[BLOB_NAME_MAX], arrival[CLOCK_ISO_MAX];
	enum foi_status st = message_state(db, message, disposition, sha, arrival, err, errsz);
	if (st != FOI_OK)
		return st;
	if (strcmp(disposition, "matched") == 0)
		return foi_fail(err, errsz, FOI_E_DATA, "message %lld is matched to a request: it is not in the holding pen",
				(long long)message);
	if (!*reason)
		return foi_fail(err, errsz, FOI_E_USAGE, "a reason is needed");
	sqlite3_stmt *up;
	if (store_begin(db, err, errsz) != 0)
		return FOI_E_DB;
	if (sqlite3_prepare_v2(db, "UPDATE messages SET disposition = 'ignored', note = ? WHERE id = ?", -1, &up, NULL) !=
	    SQLITE_OK) {
		st = db_error(db, err, errsz);
		store_rollback(db);
		return st;
	}
	sqlite3_bind_text(up, 1, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(up, 2, message);
	if (sqlite3_step(up) != SQLITE_DONE)
		st = db_error(db, err, errsz);
	sqlite3_finalize(up);
	char detail[64];
	snprintf(detail, sizeof detail, "message %lld ignored", (long long)message);
	if (st == FOI_OK && store_journal(db, "inbox ignore", detail, err, errsz) != 0)
		st = FOI_E_DB;
	if (st == FOI_OK && store_commit(db, err, errsz) != 0)
		st = FOI_E_DB;
	if (st != FOI_OK)
		store_rollback(db);
	return st;
}
