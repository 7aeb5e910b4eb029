/* The zip container of .docx and OFD files, with libzip: entries read whole, but never past the byte cap. */
#include "grader/doc_parts.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* More entries than this is not a letter (a zip bomb of many small files). */
#define MAX_ENTRIES 10000

struct zip *doc_zip_open(struct doc_job *job, const void *data, size_t len, const char *what)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		doc_fail(job, "out of memory");
		return NULL;
	}
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!z) {
		zip_source_free(src);
		doc_fail(job, "the %s file is damaged (its zip container: %s)", what, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(z, 0) > MAX_ENTRIES) {
		doc_fail(job, "the %s file holds %lld parts, more than a letter has (at most %d)", what,
			 (long long)zip_get_num_entries(z, 0), MAX_ENTRIES);
		zip_discard(z);
		return NULL;
	}
	return z;
}

int doc_zip_read(struct doc_job *job, struct zip *z, const char *name, char **out, size_t *outlen)
{
	size_t cap = job->lim->max_bytes;
	doc_step(job, DOC_STEP_PARSE);
	zip_int64_t idx = zip_name_locate(z, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return doc_fail(job, "the part %s is missing", name);
	zip_stat_t st;
	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > cap)
		return doc_fail(job, "the part %s would unpack to %llu bytes, more than the cap of %zu MB "
				"(a zip bomb? setting letters.max_mb)", name, (unsigned long long)st.size, cap >> 20);
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
	if (!f)
		return doc_fail(job, "the part %s cannot be unpacked (%s)", name, zip_strerror(z));
	/* The size in the header may lie: read in steps and stop at the cap whatever it says. */
	struct strbuf b = {0};
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;
	while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
		if (b.len + (size_t)n > cap) {
			rc = doc_fail(job, "the part %s unpacks to more than the cap of %zu MB (a zip bomb? setting "
				      "letters.max_mb)", name, cap >> 20);
			break;
		}
		strbuf_add(&b, chunk, (size_t)n);
		if ((rc = doc_check_time(job, name)) != 0)
			break;
	}
	if (rc == 0 && n < 0)
		rc = doc_fail(job, "the part %s is damaged (%s)", name, zip_file_strerror(f));
	zip_fclose(f);
	if (rc == 0 && b.oom)
		rc = doc_fail(job, "out of memory");
	if (rc != 0) {
		strbuf_free(&b);
		return -1;
	}
	*outlen = b.len;
	*out = strbuf_take(&b);
	if (!*out)
		return doc_fail(job, "out of memory");
	return 0;
}

void doc_zip_close(struct zip *z)
{
	if (z)
		zip_discard(z);
}
