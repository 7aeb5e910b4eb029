/*
 * Reading a whole input file into memory, with a cap: the one reader of the files a person hands
 * foi (a units CSV, a reply letter, a saved guide page). "-" is standard input; a folder, an
 * unreadable file and a file over the cap are each refused with a message naming the path.
 */
#ifndef FOI_FILE_READ_H
#define FOI_FILE_READ_H

#include <stddef.h>

#include "harness/status.h"

/*
 * Reads path (or standard input for "-") into *data (malloc'd, NUL-terminated; the NUL is not
 * counted in *len). FOI_E_IO when it cannot be opened or read (a folder: EISDIR, as cat says), FOI_E_DATA when it
 * holds more than max bytes (a whole number of MiB; what names the input in the message: "a guide
 * page"), FOI_E_NOMEM. err gets "PATH: why".
 */
enum foi_status file_read_capped(const char *path, size_t max, const char *what, char **data, size_t *len, char *err,
				 size_t errsz);

#endif
