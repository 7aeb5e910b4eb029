/*
 * From the bytes of a guide page to clean UTF-8 that the HTML parser can take.
 *
 * Government sites publish in UTF-8, GBK/GB2312 and now and then Big5, declare it (or not) in
 * a <meta charset> or <meta http-equiv="Content-Type">, and sometimes declare the wrong one.
 * The order of trust is the browsers': a byte-order mark, then the transport's charset (the
 * HTTP Content-Type, when the page was fetched), then the page's own <meta>, read with
 * libxml2 from the page's first bytes. With no declaration the bytes are UTF-8 when they
 * are valid UTF-8, else GB18030 (the superset of GBK and GB2312). When the declared charset
 * does not decode the bytes and the other candidate does without a single error, the other
 * one wins and the report says so: an evaluator wants the channels, not the mojibake.
 *
 * Bytes that decode under no charset become U+FFFD; NUL and the C0 controls the HTML parser
 * refuses become spaces. The result is always valid UTF-8, so everything downstream (the
 * parser, the evidence, the JSON output) can rely on that.
 *
 * Binary content (images, archives, PDF and Word files) is recognised by its first bytes
 * before any of this, so that a page that turns out to be a PNG is named as such.
 */
#ifndef FOI_GRADER_GUIDE_DECODE_H
#define FOI_GRADER_GUIDE_DECODE_H

#include <stddef.h>

#define GUIDE_CHARSET_MAX 64

struct guide_decoded {
	char *utf8;                       /* NUL-terminated, valid UTF-8; owned */
	size_t len;                       /* bytes in utf8, without the NUL */
	char charset[GUIDE_CHARSET_MAX];  /* what the bytes were read as: "UTF-8", "GB18030" */
	char declared[GUIDE_CHARSET_MAX]; /* the declared name as written, "" when none */
	const char *declared_by;          /* "byte-order mark", "transport", "meta", or NULL */
	size_t bad_sequences;             /* byte sequences that became U+FFFD */
};

/* What a binary file is, by its first bytes. */
enum guide_binary {
	GUIDE_NOT_BINARY = 0,
	GUIDE_BINARY_DOCUMENT, /* PDF, Word, OOXML: a guide may be published that way */
	GUIDE_BINARY_OTHER,    /* an image, an archive, anything with NUL bytes */
};

/* Names binary content ("a PNG image"); *name is NULL for text. */
enum guide_binary guide_sniff_binary(const unsigned char *data, size_t len, const char **name);

/*
 * Maps a charset label from a page or a header (gb2312, GBK, x-gbk, utf8...) to the name
 * iconv knows it by; NULL when the label is not one this machine can decode.
 */
const char *guide_charset_canonical(const char *label, char *buf, size_t bufsz);

/*
 * Decodes data (len bytes) to UTF-8. charset_hint is the transport's charset or NULL.
 * Returns 0, or -1 with err filled (out of memory, no converter for UTF-8 at all).
 */
int guide_decode(const unsigned char *data, size_t len, const char *charset_hint,
		 struct guide_decoded *out, char *err, size_t errsz);
void guide_decoded_free(struct guide_decoded *d);

#endif
