/* Fuzz targets' packages: a .docx or OFD zip made from the parts of the input, then read by doc_read(). */
#include "tests/fuzz/fuzz_package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define HEAD_OPEN "==> "
#define HEAD_CLOSE " <=="
#define MAX_PARTS 64

struct part {
	char *name;
	const uint8_t *p;
	size_t len;
};

/* The name of a header line starting at p (before end), malloc'ed, with *next set after the
 * line; NULL when the line is no header. */
static char *header_name(const uint8_t *p, const uint8_t *end, const uint8_t **next)
{
	size_t open = strlen(HEAD_OPEN), close = strlen(HEAD_CLOSE);
	if ((size_t)(end - p) < open + close || memcmp(p, HEAD_OPEN, open) != 0)
		return NULL;
	const uint8_t *eol = memchr(p, '\n', (size_t)(end - p));
	const uint8_t *stop = eol ? eol : end;
	if ((size_t)(stop - p) < open + close || memcmp(stop - close, HEAD_CLOSE, close) != 0)
		return NULL;
	*next = eol ? eol + 1 : end;
	return strndup((const char *)p + open, (size_t)(stop - close - (p + open)));
}

/* Splits the input into parts at its header lines. Returns the number of parts. */
static size_t split(const uint8_t *data, size_t size, const char *first_part, struct part *parts)
{
	const uint8_t *end = data + size, *body = data, *p = data, *next;
	size_t n = 0;
	char *name = strdup(first_part);
	while (name && n < MAX_PARTS) {
		char *found = NULL;
		const uint8_t *line = p;
		while (line < end && !(found = header_name(line, end, &next))) {
			const uint8_t *eol = memchr(line, '\n', (size_t)(end - line));
			line = eol ? eol + 1 : end;
		}
		/* The newline before a header ends the header line, not the part above it. */
		const uint8_t *stop = found && line > body && line[-1] == '\n' ? line - 1 : line;
		parts[n++] = (struct part){name, body, (size_t)(stop - body)};
		name = found;
		if (!found)
			break;
		body = p = next;
	}
	free(name);
	return n;
}

/* The bytes libzip wrote into src, malloc'ed. */
static int source_bytes(zip_source_t *src, uint8_t **out, size_t *outlen)
{
	zip_stat_t st;
	if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) != 0)
		return -1;
	*out = malloc(st.size ? st.size : 1);
	zip_int64_t got = *out ? zip_source_read(src, *out, st.size) : -1;
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(*out);
		return -1;
	}
	*outlen = st.size;
	return 0;
}

int fuzz_package(const uint8_t *data, size_t size, const char *first_part, uint8_t **out,
		 size_t *outlen)
{
	struct part parts[MAX_PARTS];
	size_t n = split(data, size, first_part, parts);
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	int added = 0, rc = -1;
	if (z) {
		zip_source_keep(src);
		for (size_t i = 0; i < n; i++) {
			zip_source_t *s = zip_source_buffer(z, parts[i].p, parts[i].len, 0);
			zip_int64_t idx = s ? zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
			if (idx < 0) {
				zip_source_free(s);
				continue;
			}
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
			added = 1;
		}
		if (added && zip_close(z) == 0)
			rc = source_bytes(src, out, outlen);
		else
			zip_discard(z);
	}
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	for (size_t i = 0; i < n; i++)
		free(parts[i].name);
	return rc;
}

void fuzz_read_package(const uint8_t *data, size_t size, enum doc_format fmt, const char *first_part)
{
	/* The caps foi reads letters with, but no OCR (seconds a page): a .docx or OFD has none. */
	struct doc_limits lim;
	doc_limits_default(&lim);
	lim.ocr = 0;
	uint8_t *zip = NULL;
	size_t len = 0;
	int packed = !(size >= 4 && memcmp(data, "PK\x03\x04", 4) == 0);
	if (packed && fuzz_package(data, size, first_part, &zip, &len) != 0)
		return;
	struct doc_text t;
	char err[512];
	if (doc_read(packed ? zip : data, packed ? len : size, fmt, &lim, &t, err,
		     sizeof err) == 0)
		doc_text_free(&t);
	free(zip);
}
