/*
 * Zip-based letter files (.docx, OFD) for the fuzz targets, made from the input's parts.
 *
 * A part inside a zip is checked against its CRC-32, so a mutation of the XML in a real .docx
 * or .ofd only ever reaches the "damaged" message. The targets therefore take two kinds of
 * input: a zip (starting "PK\3\4"), handed to the reader as it is, which fuzzes the container;
 * and anything else, read as the package's parts in the way `head` prints files —
 *
 *     ==> Doc_0/Document.xml <==
 *     <?xml ...
 *
 * — which fuzz_package() stores, uncompressed, into a fresh zip, so that the mutations reach
 * the XML readers. Text before the first header is the part named first_part.
 */
#ifndef FOI_TESTS_FUZZ_PACKAGE_H
#define FOI_TESTS_FUZZ_PACKAGE_H

#include <stddef.h>
#include <stdint.h>

#include "grader/doc_read.h"

/* The package bytes for the input (malloc'ed into *out), or -1 when libzip refuses the
 * parts (no part could be added, out of memory): then there is nothing to read. */
int fuzz_package(const uint8_t *data, size_t size, const char *first_part, uint8_t **out,
		 size_t *outlen);

/* Reads data as a .docx or OFD (fmt) with doc_read(): as it is when it is a zip, else as the
 * package fuzz_package() makes of it. */
void fuzz_read_package(const uint8_t *data, size_t size, enum doc_format fmt, const char *first_part);

#endif
