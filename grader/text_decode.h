/*
 * Turning the bytes of a letter into UTF-8 text.
 *
 * Replies come as UTF-8, GBK/GB2312 (often mislabelled, often unlabelled), now and then
 * UTF-16 from Windows tools. The rule: a byte-order mark decides; else a charset label
 * decides (GB2312 and GBK are read as GB18030, their superset, because "GB2312" letters
 * routinely hold GBK-only characters; Latin-1 and ASCII labels are ignored as the usual
 * mislabelling); else valid UTF-8 is UTF-8 and anything else is tried as GB18030. Text
 * that is neither is read as UTF-8 with U+FFFD for the bad bytes and marked lossy.
 * Binary data (NUL bytes, many control bytes) is refused. Conversion uses iconv.
 */
#ifndef FOI_GRADER_TEXT_DECODE_H
#define FOI_GRADER_TEXT_DECODE_H

#include <stddef.h>

struct decoded_text {
	char *text;          /* UTF-8, NUL-terminated, owned */
	size_t len;
	char charset[24];    /* what it was read as: "UTF-8", "GB18030", "UTF-16LE", ... */
	int lossy;           /* some bytes could not be read and became U+FFFD */
};

/* label may be NULL or empty (unlabelled). Returns 0, or -1 with err filled (binary data,
 * memory). */
int text_decode(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		char *err, size_t errsz);

void decoded_text_free(struct decoded_text *t);

/* 1 when the bytes look like binary data rather than text of any charset. */
int text_looks_binary(const char *bytes, size_t len);

/* The iconv name foi reads a MIME or HTML charset label as ("GB18030" for the GB family),
 * or NULL when the label should be ignored and the bytes sniffed. */
const char *text_charset_for_label(const char *label);

#endif
