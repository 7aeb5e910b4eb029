/* Reading CSV as spreadsheets write it, field by field with line numbers (see csv.h). */
#include "harness/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void csv_init(struct csv_reader *r, const char *text, size_t len)
{
	memset(r, 0, sizeof *r);
	r->p = text;
	r->end = text + len;
	r->line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->p += 3;
}

void csv_free(struct csv_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

static int reserve(struct csv_reader *r, size_t need)
{
	if (need <= r->bufcap)
		return 0;
	size_t cap = r->bufcap ? r->bufcap : 256;
	while (cap < need)
		cap *= 2;
	char *b = realloc(r->buf, cap);
	if (!b)
		return -1;
	r->buf = b;
	r->bufcap = cap;
	return 0;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, char *err, size_t errsz)
{
	/* Skip blank lines between records: spreadsheets leave them at the end. */
	while (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
		/* LF, CRLF and a lone CR (old Mac "CSV") each end one line. */
		if (*r->p == '\n' || r->p + 1 >= r->end || r->p[1] != '\n')
			r->line++;
		r->p++;
	}
	if (r->p >= r->end)
		return 0;
	/* A record never needs more room than the rest of the input plus one NUL per field. */
	if (reserve(r, (size_t)(r->end - r->p) + CSV_MAX_FIELDS + 1) != 0) {
		snprintf(err, errsz, "line %d: out of memory", r->line);
		return -1;
	}
	rec->line = r->line;
	rec->count = 0;
	char *out = r->buf;
	for (;;) {
		if (rec->count == CSV_MAX_FIELDS) {
			snprintf(err, errsz, "line %d: more than %d fields", rec->line, CSV_MAX_FIELDS);
			return -1;
		}
		rec->fields[rec->count++] = out;
		if (r->p < r->end && *r->p == '"') {
			r->p++;
			for (;;) {
				if (r->p >= r->end) {
					snprintf(err, errsz, "line %d: a quoted field is not closed", rec->line);
					return -1;
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						*out++ = '"';
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n')
					r->line++;
				*out++ = *r->p++;
			}
			if (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r') {
				snprintf(err, errsz, "line %d: text after a closing quote", r->line);
				return -1;
			}
		} else {
			while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
				*out++ = *r->p++;
		}
		*out++ = '\0';
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == '\r') {
			r->p++;
			if (r->p >= r->end || *r->p != '\n')
				r->line++; /* a lone CR */
		}
		if (r->p < r->end && *r->p == '\n') {
			r->p++;
			r->line++;
		}
		return 1;
	}
}
