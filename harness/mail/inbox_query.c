/* The holding pen and single messages, read back from foi.db. */
#include "harness/mail/inbox_query.h"

#include <stdlib.h>
#include <string.h>

#define MESSAGE_COLUMNS "id, received_at, from_addr, to_addrs, subject, kind, disposition, coalesce(request_id, 0), " \
	"evidence, reason, problems, note, sha256, message_id"

static char *col(sqlite3_stmt *st, int i, int *oom)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	char *d = strdup(t ? t : "");
	if (!d)
		*oom = 1;
	return d;
}

static enum foi_status read_rows(sqlite3 *db, const char *sql, int64_t id, struct inbox_rows *out, char *err,
				 size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "inbox: database: %s", sqlite3_errmsg(db));
	if (id)
		sqlite3_bind_int64(st, 1, id);
	int rc, oom = 0;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct inbox_row *grown = realloc(out->rows, (out->count + 1) * sizeof *grown);
		if (!grown) {
			oom = 1;
			break;
		}
		out->rows = grown;
		struct inbox_row *r = &grown[out->count++];
		*r = (struct inbox_row){.id = sqlite3_column_int64(st, 0), .request_id = sqlite3_column_int64(st, 7)};
		r->received_at = col(st, 1, &oom);
		r->from_addr = col(st, 2, &oom);
		r->to_addrs = col(st, 3, &oom);
		r->subject = col(st, 4, &oom);
		r->kind = col(st, 5, &oom);
		r->disposition = col(st, 6, &oom);
		r->evidence = col(st, 8, &oom);
		r->reason = col(st, 9, &oom);
		r->problems = col(st, 10, &oom);
		r->note = col(st, 11, &oom);
		r->sha256 = col(st, 12, &oom);
		r->message_id = col(st, 13, &oom);
	}
	sqlite3_finalize(st);
	if (oom)
		return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	if (rc != SQLITE_DONE)
		return foi_fail(err, errsz, FOI_E_DB, "inbox: database: %s", sqlite3_errmsg(db));
	return FOI_OK;
}

enum foi_status inbox_unmatched(sqlite3 *db, struct inbox_rows *out, char *err, size_t errsz)
{
	*out = (struct inbox_rows){0};
	enum foi_status st = read_rows(db, "SELECT " MESSAGE_COLUMNS " FROM messages WHERE disposition = 'unmatched' "
				       "ORDER BY received_at, id", 0, out, err, errsz);
	if (st != FOI_OK)
		inbox_rows_free(out);
	return st;
}

enum foi_status inbox_get(sqlite3 *db, int64_t id, struct inbox_rows *out, char *err, size_t errsz)
{
	*out = (struct inbox_rows){0};
	enum foi_status st = read_rows(db, "SELECT " MESSAGE_COLUMNS " FROM messages WHERE id = ?", id, out, err, errsz);
	if (st == FOI_OK && out->count == 0)
		st = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no message %lld (see 'foi inbox unmatched')", (long long)id);
	sqlite3_stmt *q = NULL;
	if (st == FOI_OK && sqlite3_prepare_v2(db, "SELECT name, content_type, sha256, size FROM message_attachments "
						  "WHERE message = ? ORDER BY position", -1, &q, NULL) != SQLITE_OK)
		st = foi_fail(err, errsz, FOI_E_DB, "inbox: database: %s", sqlite3_errmsg(db));
	if (st == FOI_OK) {
		sqlite3_bind_int64(q, 1, id);
		int oom = 0;
		while (!oom && sqlite3_step(q) == SQLITE_ROW) {
			struct inbox_attachment_row *grown = realloc(out->att, (out->natt + 1) * sizeof *grown);
			if (!grown) {
				oom = 1;
				break;
			}
			out->att = grown;
			struct inbox_attachment_row *a = &grown[out->natt++];
			*a = (struct inbox_attachment_row){.size = sqlite3_column_int64(q, 3)};
			a->name = col(q, 0, &oom);
			a->content_type = col(q, 1, &oom);
			a->sha256 = col(q, 2, &oom);
		}
		if (oom)
			st = foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	}
	sqlite3_finalize(q);
	if (st != FOI_OK)
		inbox_rows_free(out);
	return st;
}

void inbox_rows_free(struct inbox_rows *r)
{
	for (size_t i = 0; i < r->count; i++) {
		struct inbox_row *x = &r->rows[i];
		free(x->received_at), free(x->from_addr), free(x->to_addrs), free(x->subject), free(x->kind);
		free(x->disposition), free(x->evidence), free(x->reason), free(x->problems), free(x->note);
		free(x->sha256), free(x->message_id);
	}
	for (size_t i = 0; i < r->natt; i++)
		free(r->att[i].name), free(r->att[i].content_type), free(r->att[i].sha256);
	free(r->rows);
	free(r->att);
	*r = (struct inbox_rows){0};
}
