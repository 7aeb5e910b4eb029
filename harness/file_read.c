/* The one capped reader of input files and standard input (see file_read.h). */
#include "harness/file_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "grader/strbuf.h"

static const char *shown(const char *path)
{
	return strcmp(path, "-") == 0 ? "(standard input)" : path;
}

enum foi_status file_read_capped(const char *path, size_t max, const char *what, char **data, size_t *len, char *err,
				 size_t errsz)
{
	*data = NULL;
	*len = 0;
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", path, strerror(errno));
	struct stat st;
	enum foi_status rc = FOI_OK;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
		rc = foi_fail(err, errsz, FOI_E_IO, "%s: is a folder, not a file", path);
	else if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max)
		rc = foi_fail(err, errsz, FOI_E_DATA, "%s: the file is %lld bytes; %s is at most %zu MiB: too large", path,
			      (long long)st.st_size, what, max >> 20);
	/* Read to the cap and one byte more, whatever stat said: a pipe has no size, and a file may grow. */
	struct strbuf b = {0};
	while (rc == FOI_OK) {
		if (strbuf_reserve(&b, 64 * 1024) != 0) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "%s: out of memory", shown(path));
			break;
		}
		size_t room = b.cap - b.len - 1;
		size_t got = fread(b.p + b.len, 1, room, f);
		b.len += got;
		b.p[b.len] = '\0';
		if (b.len > max)
			rc = foi_fail(err, errsz, FOI_E_DATA, "%s: more than %zu MiB; %s is smaller: too large", shown(path),
				      max >> 20, what);
		else if (got < room && ferror(f))
			rc = foi_fail(err, errsz, FOI_E_IO, "%s: %s", shown(path), strerror(errno));
		else if (got < room)
			break;
	}
	if (!is_stdin)
		fclose(f);
	if (rc != FOI_OK) {
		strbuf_free(&b);
		return rc;
	}
	if (strbuf_reserve(&b, 0) != 0) /* an empty file still gets its NUL */
		return foi_fail(err, errsz, FOI_E_NOMEM, "%s: out of memory", shown(path));
	*len = b.len;
	*data = strbuf_take(&b);
	return FOI_OK;
}
