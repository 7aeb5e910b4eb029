/*
 * Reading the inbox back for people: the holding pen (messages matched to no request and not
 * ignored) and one message with its attachments, as stored in foi.db.
 */
#ifndef FOI_HARNESS_INBOX_QUERY_H
#define FOI_HARNESS_INBOX_QUERY_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

struct inbox_row {
	int64_t id;
	char *received_at, *from_addr, *to_addrs, *subject, *kind, *disposition;
	int64_t request_id;  /* 0 when none */
	char *evidence, *reason, *problems, *note, *sha256, *message_id;
};

struct inbox_attachment_row {
	char *name, *content_type, *sha256;
	int64_t size;
};

struct inbox_rows {
	struct inbox_row *rows;
	size_t count;
	struct inbox_attachment_row *att; /* inbox_get only */
	size_t natt;
};

/* The holding pen, oldest first. */
enum foi_status inbox_unmatched(sqlite3 *db, struct inbox_rows *out, char *err, size_t errsz);
/* One message (count 1) and its attachments; FOI_E_NOT_FOUND when there is none. */
enum foi_status inbox_get(sqlite3 *db, int64_t id, struct inbox_rows *out, char *err, size_t errsz);
void inbox_rows_free(struct inbox_rows *r);

#endif
