/*
 * From bytes in whatever charset a reply letter or a guide page came in, to UTF-8 text.
 *
 * Chinese government replies and pages come as UTF-8, GBK/GB2312 (often mislabelled, often
 * unlabelled), GB18030, now and then Big5 or UTF-16 from Windows tools. One decoder serves
 * every reader; what differs between them is how far a declared charset is trusted against
 * the bytes, chosen by the caller (struct decode_opts):
 *
 *   - What declares a charset, in this order: a byte-order mark (UTF-8, UTF-16LE/BE); the
 *     transport's label (a MIME part's charset, an HTTP Content-Type, --charset); for HTML,
 *     a <meta> or XML declaration among the page's first bytes (html_doc.h). Labels are read
 *     by the WHATWG names Chinese sites use: GB2312 and GBK decode as GB18030, their
 *     superset, because "GB2312" pages routinely hold GBK-only characters; Big5 as
 *     Big5-HKSCS; anything else by whatever iconv on this machine knows, except that a name
 *     iconv takes for UTF-8 ("utf-8,", "UTF8//IGNORE") is read as UTF-8.
 *   - DECODE_TRUST_BYTES (letters): a declared charset is used only when it reads every byte;
 *     otherwise, as without one, the bytes decide: valid UTF-8 is UTF-8; mostly-valid UTF-8
 *     stays UTF-8 with U+FFFD for the stray bytes (GB18030 accepts almost any byte pair and
 *     would turn such a letter into nonsense); else GB18030 when it reads every byte; else
 *     whichever reads more. A UTF-16 byte-order mark is final.
 *   - DECODE_TRUST_DECLARATION (guide pages, as browsers do): the declared charset is used,
 *     bad bytes becoming U+FFFD, unless the other of UTF-8 and GB18030 reads the bytes
 *     without a single error (a wrong declaration: an evaluator wants the channels, not the
 *     mojibake). Without one, UTF-8 unless GB18030 reads the bytes with fewer errors.
 *
 * Malformed UTF-8 (RFC 3629: overlong forms, surrogates, code points past U+10FFFF) is read
 * by utf8.h, other charsets by iconv; either way each byte that starts an invalid sequence
 * becomes U+FFFD, and so does a sequence cut off at the end. The result is always valid
 * UTF-8 (glibc's iconv would let five-byte forms and code points past U+10FFFF through, so
 * what any converter returns is checked again).
 *
 * Binary content is recognised by text_sniff_binary(): a known file type by its first
 * bytes (PDF, Word, images, archives), or NUL bytes near the start.
 */
#ifndef FOI_GRADER_TEXT_DECODE_H
#define FOI_GRADER_TEXT_DECODE_H

#include <stddef.h>

#define TEXT_CHARSET_MAX 64

enum decode_trust {
	DECODE_TRUST_BYTES,
	DECODE_TRUST_DECLARATION,
};

enum decode_flags {
	DECODE_HTML = 1,           /* without a transport label, read the page's own declaration */
	DECODE_WEAK_LABELS = 2,    /* ASCII, Latin-1 and Windows-1252 labels (the usual
				    * mislabelling of Chinese mail) count as no label at all;
				    * without this flag they decode as Windows-1252 */
	DECODE_REFUSE_BINARY = 4,  /* binary data (text_sniff_binary with controls) is an error */
	DECODE_SCRUB_CONTROLS = 8, /* C0 controls become spaces and U+FFFE/U+FFFF become U+FFFD,
				    * for the HTML parser, which stops at NUL */
};

struct decode_opts {
	const char *label;         /* the transport's charset, NULL or "" when none */
	enum decode_trust trust;
	unsigned flags;            /* enum decode_flags */
};

struct decoded_text {
	char *text;                       /* UTF-8, NUL-terminated, owned */
	size_t len;
	char charset[TEXT_CHARSET_MAX];   /* what it was read as: "UTF-8", "GB18030", "UTF-16LE" */
	char declared[TEXT_CHARSET_MAX];  /* the declared charset as written, "" when none */
	const char *declared_by;          /* "byte-order mark", "transport", "meta", or NULL */
	size_t bad_sequences;             /* bytes or sequences that became U+FFFD */
};

/* Decodes len bytes by opts. Returns 0, or -1 with err filled (binary data when refused,
 * memory). */
int text_decode_with(const char *bytes, size_t len, const struct decode_opts *opts,
		     struct decoded_text *out, char *err, size_t errsz);

/* A letter's text: text_decode_with(DECODE_TRUST_BYTES, DECODE_WEAK_LABELS |
 * DECODE_REFUSE_BINARY). label may be NULL or empty (unlabelled). */
int text_decode(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		char *err, size_t errsz);

void decoded_text_free(struct decoded_text *t);

enum text_binary {
	TEXT_NOT_BINARY = 0,
	TEXT_BINARY_DOCUMENT, /* PDF, Word, OOXML: a guide or letter may be published that way */
	TEXT_BINARY_OTHER,    /* an image, an archive, an executable, anything with NUL bytes */
};

/* How far text_sniff_binary looks: guide pages are judged on their first kilobytes (a page
 * may carry a NUL further on and still be read); a letter on more. */
#define TEXT_SNIFF_PAGE 8192
#define TEXT_SNIFF_LETTER 65536

/*
 * What binary content is: a known file type by its first bytes, else binary when a NUL
 * byte stands in the first `window` bytes or, when controls is set, when more than one byte
 * in twenty there is a C0 control other than tab, line breaks, form feed and escape. Text
 * with a UTF-16 byte-order mark is text. *name says what it is ("a PNG image"), NULL for
 * text.
 */
enum text_binary text_sniff_binary(const char *bytes, size_t len, size_t window, int controls,
				   const char **name);

/* 1 when a letter's bytes look like binary data rather than text of any charset. */
int text_looks_binary(const char *bytes, size_t len);

#endif
