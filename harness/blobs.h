/*
 * The content store: store/ of a workspace holds every raw message and page foi sent or read,
 * named by the SHA-256 of its bytes (store/ab/cdef...), so that what is graded later is
 * exactly what a unit received, and the same bytes are kept once however often they are seen.
 *
 * A blob is written to a temporary file, flushed to disk and renamed into place before its
 * name is returned: a name recorded in foi.db always points at a whole file.
 */
#ifndef FOI_BLOBS_H
#define FOI_BLOBS_H

#include <limits.h>
#include <stddef.h>

#include "harness/status.h"

#define BLOB_NAME_MAX 65 /* 64 hex digits and the NUL */

/* Stores len bytes under store_dir; name gets the hex SHA-256. */
enum foi_status blob_put(const char *store_dir, const void *data, size_t len, char name[BLOB_NAME_MAX],
			 char *err, size_t errsz);

/* The file a blob is kept in (for readers that take a path). -1 when name is not a blob name
 * or the path does not fit. */
int blob_file_path(const char *store_dir, const char *name, char out[PATH_MAX]);

/* Reads a blob back (malloc'd, NUL added beyond *len). */
enum foi_status blob_get(const char *store_dir, const char *name, char **data, size_t *len, char *err, size_t errsz);

#endif
