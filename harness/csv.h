/*
 * A reader for CSV as spreadsheets write it (RFC 4180): quoted fields with "" escapes and
 * line breaks inside quotes, CRLF or LF, an optional UTF-8 byte-order mark (Excel adds one).
 * Each record remembers the line it starts on, so errors can name it.
 */
#ifndef FOI_CSV_H
#define FOI_CSV_H

#include <stddef.h>

#define CSV_MAX_FIELDS 64

struct csv_reader {
	const char *p, *end;
	int line;          /* line of the next record */
	char *buf;         /* holds the current record's fields */
	size_t bufcap;
};

struct csv_record {
	int line;
	size_t count;
	const char *fields[CSV_MAX_FIELDS]; /* valid until the next csv_next */
};

void csv_init(struct csv_reader *r, const char *text, size_t len);
/* 1 with a record, 0 at the end, -1 on malformed input (err says what and which line). */
int csv_next(struct csv_reader *r, struct csv_record *rec, char *err, size_t errsz);
void csv_free(struct csv_reader *r);

#endif
