/* Bytes to UTF-8: declarations, charset labels, the two ways of trusting them, conversion. */
#include "grader/text_decode.h"
#include "grader/html_doc.h"
#include "grader/strbuf.h"
#include "grader/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* ---- binary content ---- */

enum text_binary text_sniff_binary(const char *bytes, size_t len, size_t window, int controls,
				   const char **name)
{
	static const struct {
		const char *magic;
		size_t len;
		enum text_binary kind;
		const char *name;
	} magics[] = {
		{"%PDF-", 5, TEXT_BINARY_DOCUMENT, "a PDF document"},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, TEXT_BINARY_DOCUMENT, "a Word (OLE) document"},
		{"PK\x03\x04", 4, TEXT_BINARY_DOCUMENT, "a ZIP archive or Office (docx) document"},
		{"\x89PNG\r\n\x1a\n", 8, TEXT_BINARY_OTHER, "a PNG image"},
		{"GIF87a", 6, TEXT_BINARY_OTHER, "a GIF image"},
		{"GIF89a", 6, TEXT_BINARY_OTHER, "a GIF image"},
		{"\xFF\xD8\xFF", 3, TEXT_BINARY_OTHER, "a JPEG image"},
		{"\x1F\x8B", 2, TEXT_BINARY_OTHER, "gzip-compressed data"},
		{"Rar!\x1A\x07", 6, TEXT_BINARY_OTHER, "a RAR archive"},
		{"\x7F" "ELF", 4, TEXT_BINARY_OTHER, "an executable (ELF)"},
	};
	const unsigned char *d = (const unsigned char *)bytes;
	*name = NULL;
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++) {
		if (len < magics[i].len || memcmp(d, magics[i].magic, magics[i].len) != 0)
			continue;
		*name = magics[i].name;
		return magics[i].kind;
	}
	/* UTF-16 text is full of NUL bytes and is still text. */
	if (len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return TEXT_NOT_BINARY;
	size_t n = len < window ? len : window, ctl = 0;
	if (n > 0 && memchr(d, 0, n)) {
		*name = "binary data (it contains NUL bytes)";
		return TEXT_BINARY_OTHER;
	}
	if (!controls)
		return TEXT_NOT_BINARY;
	for (size_t i = 0; i < n; i++)
		if (d[i] < 0x20 && d[i] != '\n' && d[i] != '\r' && d[i] != '\t' && d[i] != '\f' && d[i] != 0x1B)
			ctl++;
	/* Text has the odd stray control byte; binary formats have them everywhere. */
	if (ctl * 20 > n) {
		*name = "binary data (it is full of control bytes)";
		return TEXT_BINARY_OTHER;
	}
	return TEXT_NOT_BINARY;
}

int text_looks_binary(const char *bytes, size_t len)
{
	const char *name;
	return text_sniff_binary(bytes, len, TEXT_SNIFF_LETTER, 1, &name) != TEXT_NOT_BINARY;
}

/* ---- charset labels ---- */

/* Labels that say nothing about Chinese text: mail software writes them on GBK mail. */
static int weak_label(const char *label)
{
	static const char *const weak[] = {"us-ascii", "ascii", "iso-8859-1", "latin1", "iso8859-1",
		"windows-1252", "cp1252", "unknown-8bit", "x-unknown", "default", NULL};
	for (const char *const *w = weak; *w; w++)
		if (strcasecmp(label, *w) == 0)
			return 1;
	return 0;
}

/* The iconv name of a label (gb2312, GBK, x-gbk, utf8, "big5"...), or NULL when this
 * machine cannot decode it. */
static const char *charset_canonical(const char *label, char *buf, size_t bufsz)
{
	/* The WHATWG Encoding Standard's labels for the charsets Chinese sites use. */
	static const struct {
		const char *label, *name;
	} known[] = {
		{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
		{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
		{"gb18030", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"},
		{"cp936", "GB18030"}, {"ms936", "GB18030"}, {"windows-936", "GB18030"},
		{"csgb2312", "GB18030"}, {"chinese", "GB18030"}, {"iso-ir-58", "GB18030"},
		{"euc-cn", "GB18030"}, {"x-euc-cn", "GB18030"}, {"hz-gb-2312", "HZ"},
		{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
		{"x-x-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
		{"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
		{"cp1252", "WINDOWS-1252"},
		{"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
	};
	char low[TEXT_CHARSET_MAX];
	size_t n = 0;
	while (*label && (isspace((unsigned char)*label) || *label == '"' || *label == '\''))
		label++;
	for (; *label && n + 1 < sizeof low; label++) {
		unsigned char c = (unsigned char)*label;
		if (isspace(c) || c == '"' || c == '\'' || c == ';')
			break;
		low[n++] = (char)tolower(c);
	}
	low[n] = '\0';
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(low, known[i].label) == 0) {
			snprintf(buf, bufsz, "%s", known[i].name);
			return buf;
		}
	/* Anything else: whatever iconv on this machine can read. */
	for (size_t i = 0; i < n; i++)
		low[i] = (char)toupper((unsigned char)low[i]);
	iconv_t cd = iconv_open("UTF-8", low);
	if (cd == (iconv_t)-1)
		return NULL;
	/* glibc takes UTF-8 under many spellings ("UTF-8,", "(utf-8)", "UTF8//IGNORE"), and its
	 * UTF-8 to UTF-8 lets malformed forms through: such a name is read as UTF-8 by utf8.h.
	 * A charset that maps Chinese and accented UTF-8 bytes to themselves is UTF-8. */
	char probe[] = "\xE4\xB8\xAD\xC3\xA9", back[16];
	char *ip = probe, *op = back;
	size_t il = sizeof probe - 1, ol = sizeof back;
	int is_utf8 = iconv(cd, &ip, &il, &op, &ol) == 0 && il == 0 &&
		      (size_t)(op - back) == sizeof probe - 1 && memcmp(back, probe, sizeof probe - 1) == 0;
	iconv_close(cd);
	snprintf(buf, bufsz, "%s", is_utf8 ? "UTF-8" : low);
	return buf;
}

/* ---- conversion ---- */

/* One reading of the bytes: the text, and how many bytes or sequences became U+FFFD. */
struct reading {
	struct strbuf out;
	size_t bad;
	const char *charset; /* static or the caller's buffer */
};

static void reading_free(struct reading *r)
{
	strbuf_free(&r->out);
	r->bad = 0;
}

/* Keeps the better of two readings in *best when `take` says so, freeing the other. */
static void keep(struct reading *best, struct reading *other, int take)
{
	if (take && !other->out.oom) {
		reading_free(best);
		*best = *other;
	} else {
		reading_free(other);
	}
}

/* 1 when in[0..len) is the start of a multi-byte sequence that the input cuts off. */
static int cut_off_sequence(const unsigned char *in, size_t len)
{
	size_t need = in[0] >= 0xC2 && in[0] <= 0xDF ? 2 : in[0] >= 0xE0 && in[0] <= 0xEF ? 3
		    : in[0] >= 0xF0 && in[0] <= 0xF4 ? 4 : 0;
	if (len >= need)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((in[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/* UTF-8 read strictly (utf8.h): every byte of a malformed sequence becomes U+FFFD, and a
 * sequence cut off at the end one U+FFFD, as iconv does for the other charsets. */
static void read_utf8(const char *in, size_t len, struct reading *r)
{
	*r = (struct reading){.charset = "UTF-8"};
	if (strbuf_reserve(&r->out, len) != 0)
		return;
	if (len == 0)
		return;
	if (utf8_valid(in, len)) {
		strbuf_add(&r->out, in, len);
		return;
	}
	for (size_t i = 0; i < len && !r->out.oom;) {
		uint32_t cp;
		size_t n = utf8_decode(in + i, len - i, &cp);
		if (n == 1 && cp == UTF8_REPLACEMENT) {
			strbuf_add(&r->out, REPLACEMENT, 3);
			r->bad++;
			if (cut_off_sequence((const unsigned char *)in + i, len - i))
				break;
		} else {
			strbuf_add(&r->out, in + i, n);
		}
		i += n;
	}
}

/*
 * Another charset with iconv: each byte that starts an invalid sequence becomes U+FFFD and
 * the conversion goes on after it, as browsers do; a sequence cut off at the end is one
 * U+FFFD. With stop_at_error the conversion ends at the first bad byte (r->bad is then 1).
 * Returns -1 when iconv has no such converter.
 */
static int read_iconv(const char *in, size_t len, const char *from, int stop_at_error,
		      struct reading *r)
{
	*r = (struct reading){.charset = from};
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	char *ip = (char *)in;
	size_t il = len;
	strbuf_reserve(&r->out, len + len / 2 + 16);
	while (il > 0 && !r->out.oom && !(stop_at_error && r->bad)) {
		char *op = r->out.p + r->out.len;
		size_t ol = r->out.cap - r->out.len - 1;
		size_t rc = iconv(cd, &ip, &il, &op, &ol);
		int e = errno;
		r->out.len = (size_t)(op - r->out.p);
		r->out.p[r->out.len] = '\0';
		if (rc != (size_t)-1)
			continue;
		if (e == E2BIG) {
			strbuf_reserve(&r->out, r->out.cap);
		} else if (e == EILSEQ) {
			strbuf_add(&r->out, REPLACEMENT, 3);
			r->bad++;
			ip++;
			il--;
		} else { /* EINVAL: the input ends inside a sequence */
			strbuf_add(&r->out, REPLACEMENT, 3);
			r->bad++;
			il = 0;
		}
	}
	/* Stateful charsets (HZ) may owe a final shift sequence. */
	while (!r->out.oom) {
		char *op = r->out.p + r->out.len;
		size_t ol = r->out.cap - r->out.len - 1;
		size_t rc = iconv(cd, NULL, NULL, &op, &ol);
		int e = errno;
		r->out.len = (size_t)(op - r->out.p);
		r->out.p[r->out.len] = '\0';
		if (rc == (size_t)-1 && e == E2BIG && strbuf_reserve(&r->out, r->out.cap) == 0)
			continue;
		break;
	}
	iconv_close(cd);
	/* Whatever the converter, the promise is valid UTF-8 (a charset that only wraps UTF-8
	 * may pass malformed sequences through): those are read again strictly and counted. */
	if (!r->out.oom && !utf8_valid(r->out.p, r->out.len)) {
		struct reading strict;
		read_utf8(r->out.p, r->out.len, &strict);
		strict.bad += r->bad;
		strict.charset = r->charset;
		keep(r, &strict, 1);
	}
	return 0;
}

/* Reads the bytes as cs; -1 when this machine has no such converter. */
static int read_as(const char *in, size_t len, const char *cs, int stop_at_error, struct reading *r)
{
	if (strcmp(cs, "UTF-8") == 0) {
		read_utf8(in, len, r);
		return 0;
	}
	return read_iconv(in, len, cs, stop_at_error, r);
}

/* ---- the two ways of trusting a declaration ---- */

/* Letters: see DECODE_TRUST_BYTES in text_decode.h. */
static void trust_bytes(const char *in, size_t len, const char *cs, int bom, struct reading *r)
{
	int said_utf8 = cs && strcmp(cs, "UTF-8") == 0;
	if (cs && bom && !said_utf8) { /* UTF-16 with its mark: nothing else to try */
		read_as(in, len, cs, 0, r);
		return;
	}
	if (cs && !said_utf8) {
		if (read_as(in, len, cs, 1, r) == 0 && (r->bad == 0 || r->out.oom))
			return;
		reading_free(r); /* a label that does not fit the bytes: sniff */
	}
	size_t good, bad;
	if (utf8_valid(in, len)) {
		read_utf8(in, len, r);
		return;
	}
	/* GBK text, read as UTF-8, has far more bad bytes than good sequences. */
	utf8_census(in, len, &good, &bad);
	if (good > bad * 4 || (said_utf8 && good >= bad)) {
		read_utf8(in, len, r);
		return;
	}
	if (read_as(in, len, "GB18030", 1, r) == 0 && (r->bad == 0 || r->out.oom))
		return;
	reading_free(r);
	if (good > bad)
		read_utf8(in, len, r);
	else
		read_as(in, len, "GB18030", 0, r);
}

/* Pages: see DECODE_TRUST_DECLARATION in text_decode.h. */
static void trust_declaration(const char *in, size_t len, const char *cs, struct reading *r)
{
	if (cs && read_as(in, len, cs, 0, r) != 0)
		cs = NULL; /* iconv knew the name a moment ago; treat as undeclared */
	if (cs) {
		if (r->bad > 0 && !r->out.oom) {
			/* A wrong declaration: keep the other reading when it is clean. */
			struct reading other;
			const char *alt = strcmp(cs, "UTF-8") == 0 ? "GB18030" : "UTF-8";
			int ok = read_as(in, len, alt, 1, &other) == 0;
			keep(r, &other, ok && other.bad == 0);
		}
		return;
	}
	read_utf8(in, len, r);
	if (r->bad > 0 && !r->out.oom) {
		struct reading gb;
		int ok = read_as(in, len, "GB18030", 0, &gb) == 0;
		keep(r, &gb, ok && gb.bad < r->bad);
	}
}

/*
 * The HTML parser stops at NUL and complains about other C0 controls and the two
 * non-characters; none of them means anything on a page, so they become spaces or U+FFFD.
 * The text is valid UTF-8, and each replacement has the length of what it replaces.
 */
static void scrub_controls(char *s, size_t n)
{
	unsigned char *p = (unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			p[i] = ' ';
		else if (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
			p[i + 2] = 0xBD;
	}
}

int text_decode_with(const char *bytes, size_t len, const struct decode_opts *o,
		     struct decoded_text *out, char *err, size_t errsz)
{
	*out = (struct decoded_text){0};
	if (len == 0)
		bytes = ""; /* an empty MIME part comes as NULL */
	const unsigned char *u = (const unsigned char *)bytes;
	const char *cs = NULL;
	int from_bom = 0;
	int weak_sniff = (o->flags & DECODE_WEAK_LABELS) != 0;
	char canon[TEXT_CHARSET_MAX];

	if (len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0)
		cs = "UTF-8";
	else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		cs = "UTF-16LE";
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		cs = "UTF-16BE";
	if (cs) {
		size_t mark = strcmp(cs, "UTF-8") == 0 ? 3 : 2;
		bytes += mark;
		len -= mark;
		out->declared_by = "byte-order mark";
		from_bom = 1;
		snprintf(out->declared, sizeof out->declared, "%s", cs);
	}
	const char *name;
	if ((o->flags & DECODE_REFUSE_BINARY) && (!cs || strcmp(cs, "UTF-8") == 0) &&
	    text_sniff_binary(bytes, len, TEXT_SNIFF_LETTER, 1, &name) != TEXT_NOT_BINARY) {
		snprintf(err, errsz, "binary data (NUL or control bytes), not text");
		return -1;
	}
	if (!out->declared_by) {
		const char *label = o->label && *o->label && !(weak_sniff && weak_label(o->label)) ? o->label : NULL;
		char meta[TEXT_CHARSET_MAX];
		if (label)
			out->declared_by = "transport";
		else if ((o->flags & DECODE_HTML) && html_declared_charset(bytes, len, meta, sizeof meta) == 0)
			out->declared_by = "meta", label = meta;
		if (label) {
			snprintf(out->declared, sizeof out->declared, "%s", label);
			if (!(weak_sniff && weak_label(label)))
				cs = charset_canonical(label, canon, sizeof canon);
		}
	}

	struct reading r;
	if (o->trust == DECODE_TRUST_BYTES)
		trust_bytes(bytes, len, cs, from_bom, &r);
	else
		trust_declaration(bytes, len, cs, &r);
	size_t n = r.out.len;
	char *text = strbuf_take(&r.out);
	if (!text) {
		snprintf(err, errsz, "out of memory while decoding the text");
		return -1;
	}
	if (o->flags & DECODE_SCRUB_CONTROLS)
		scrub_controls(text, n);
	out->text = text;
	out->len = n;
	out->bad_sequences = r.bad;
	snprintf(out->charset, sizeof out->charset, "%s", r.charset);
	return 0;
}

int text_decode(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		char *err, size_t errsz)
{
	struct decode_opts o = {.label = label, .trust = DECODE_TRUST_BYTES,
				.flags = DECODE_WEAK_LABELS | DECODE_REFUSE_BINARY};
	return text_decode_with(bytes, len, &o, out, err, errsz);
}

void decoded_text_free(struct decoded_text *t)
{
	free(t->text);
	*t = (struct decoded_text){0};
}
