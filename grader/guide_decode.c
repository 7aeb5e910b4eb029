/* Charset detection and conversion of guide pages; see guide_decode.h for the rules. */
#include "grader/guide_decode.h"
#include "grader/strbuf.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

/* How far into the page a <meta> charset declaration is looked for. Browsers read 1024
 * bytes; Chinese CMS pages often open with long comments and scripts, so read more. */
#define META_PRESCAN_BYTES 16384
/* How much of the start of a file is looked at for NUL bytes when judging "binary". */
#define BINARY_PRESCAN_BYTES 8192

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

enum guide_binary guide_sniff_binary(const unsigned char *d, size_t n, const char **name)
{
	static const struct {
		const char *magic;
		size_t len;
		enum guide_binary kind;
		const char *name;
	} magics[] = {
		{"%PDF-", 5, GUIDE_BINARY_DOCUMENT, "a PDF document"},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, GUIDE_BINARY_DOCUMENT, "a Word (OLE) document"},
		{"PK\x03\x04", 4, GUIDE_BINARY_DOCUMENT, "a ZIP archive or Office (docx) document"},
		{"\x89PNG\r\n\x1a\n", 8, GUIDE_BINARY_OTHER, "a PNG image"},
		{"GIF87a", 6, GUIDE_BINARY_OTHER, "a GIF image"},
		{"GIF89a", 6, GUIDE_BINARY_OTHER, "a GIF image"},
		{"\xFF\xD8\xFF", 3, GUIDE_BINARY_OTHER, "a JPEG image"},
		{"\x1F\x8B", 2, GUIDE_BINARY_OTHER, "gzip-compressed data"},
		{"Rar!\x1A\x07", 6, GUIDE_BINARY_OTHER, "a RAR archive"},
		{"\x7F" "ELF", 4, GUIDE_BINARY_OTHER, "an executable (ELF)"},
	};
	*name = NULL;
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++) {
		if (n < magics[i].len || memcmp(d, magics[i].magic, magics[i].len) != 0)
			continue;
		*name = magics[i].name;
		return magics[i].kind;
	}
	/* UTF-16 text is full of NUL bytes and is still text. */
	if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return GUIDE_NOT_BINARY;
	size_t scan = n < BINARY_PRESCAN_BYTES ? n : BINARY_PRESCAN_BYTES;
	if (memchr(d, 0, scan)) {
		*name = "binary data (it contains NUL bytes)";
		return GUIDE_BINARY_OTHER;
	}
	return GUIDE_NOT_BINARY;
}

const char *guide_charset_canonical(const char *label, char *buf, size_t bufsz)
{
	/* The WHATWG Encoding Standard's labels for the charsets Chinese sites use; GBK and
	 * GB2312 pages are decoded as GB18030, which contains both. */
	static const struct {
		const char *label, *name;
	} known[] = {
		{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
		{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
		{"gb18030", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"},
		{"cp936", "GB18030"}, {"ms936", "GB18030"}, {"windows-936", "GB18030"},
		{"csgb2312", "GB18030"}, {"chinese", "GB18030"}, {"iso-ir-58", "GB18030"},
		{"euc-cn", "GB18030"}, {"hz-gb-2312", "HZ"},
		{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
		{"x-x-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
		{"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
		{"cp1252", "WINDOWS-1252"},
		{"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
	};
	char low[GUIDE_CHARSET_MAX];
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
	iconv_close(cd);
	snprintf(buf, bufsz, "%s", low);
	return buf;
}

/*
 * Converts with iconv, turning each byte that starts an invalid sequence into U+FFFD and
 * going on after it, as browsers do. Returns -1 when iconv has no such converter.
 */
static int convert_lenient(const unsigned char *in, size_t inlen, const char *from,
			   struct strbuf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	*bad = 0;
	char *ip = (char *)in;
	size_t il = inlen;
	if (strbuf_reserve(out, inlen + inlen / 2 + 16) != 0) {
		iconv_close(cd);
		return 0;
	}
	while (il > 0 && !out->oom) {
		char *op = out->p + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		int e = errno;
		out->len = (size_t)(op - out->p);
		out->p[out->len] = '\0';
		if (r != (size_t)-1)
			continue;
		if (e == E2BIG) {
			strbuf_reserve(out, out->cap);
		} else if (e == EILSEQ) {
			strbuf_add(out, REPLACEMENT, 3);
			(*bad)++;
			ip++;
			il--;
		} else { /* EINVAL: the input ends inside a sequence */
			strbuf_add(out, REPLACEMENT, 3);
			(*bad)++;
			il = 0;
		}
	}
	/* Stateful charsets (HZ) may owe a final shift sequence. */
	while (!out->oom) {
		char *op = out->p + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, NULL, NULL, &op, &ol);
		int e = errno;
		out->len = (size_t)(op - out->p);
		out->p[out->len] = '\0';
		if (r == (size_t)-1 && e == E2BIG && strbuf_reserve(out, out->cap) == 0)
			continue;
		break;
	}
	iconv_close(cd);
	return 0;
}

/*
 * The HTML parser stops at NUL and complains about other C0 controls and the two
 * non-characters; none of them means anything on a page, so they become spaces or U+FFFD.
 * The text is valid UTF-8 already (iconv wrote it), and each replacement has the length of
 * what it replaces.
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

/* Reads the charset out of "text/html; charset=gb2312". */
static int charset_from_content_type(const char *ct, char *out, size_t outsz)
{
	for (const char *p = ct; *p; p++) {
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=')
			continue;
		p++;
		while (isspace((unsigned char)*p) || *p == '"' || *p == '\'')
			p++;
		size_t n = 0;
		while (p[n] && !isspace((unsigned char)p[n]) && p[n] != ';' && p[n] != '"' && p[n] != '\'')
			n++;
		if (n == 0 || n >= outsz)
			return -1;
		memcpy(out, p, n);
		out[n] = '\0';
		return 0;
	}
	return -1;
}

/*
 * The charset a <meta> in the page's first bytes declares. The prefix is parsed by libxml2
 * as Latin-1, which maps every byte to a character, so GBK text cannot upset it; the
 * attribute values that matter are ASCII.
 */
static int meta_charset(const unsigned char *data, size_t len, char *out, size_t outsz)
{
	size_t n = len < META_PRESCAN_BYTES ? len : META_PRESCAN_BYTES;
	int found = -1;
	htmlDocPtr doc = htmlReadMemory((const char *)data, (int)n, NULL, "ISO-8859-1",
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS);
	if (!doc)
		return -1;
	xmlXPathContextPtr xc = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res = xc ? xmlXPathEvalExpression(BAD_CAST "//meta", xc) : NULL;
	if (res && res->nodesetval) {
		for (int i = 0; found != 0 && i < res->nodesetval->nodeNr; i++) {
			xmlNodePtr m = res->nodesetval->nodeTab[i];
			xmlChar *cs = xmlGetProp(m, BAD_CAST "charset");
			if (cs) {
				if (strlen((char *)cs) < outsz && cs[0]) {
					snprintf(out, outsz, "%s", (char *)cs);
					found = 0;
				}
				xmlFree(cs);
				continue;
			}
			xmlChar *he = xmlGetProp(m, BAD_CAST "http-equiv");
			xmlChar *ct = xmlGetProp(m, BAD_CAST "content");
			if (he && ct && strcasecmp((char *)he, "content-type") == 0)
				found = charset_from_content_type((char *)ct, out, outsz);
			xmlFree(he);
			xmlFree(ct);
		}
	}
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(xc);
	xmlFreeDoc(doc);
	if (found != 0) {
		/* XHTML pages may declare it in the XML declaration instead. */
		const char *x = (const char *)data;
		size_t m = n < 200 ? n : 200;
		if (m > 5 && memcmp(x, "<?xml", 5) == 0) {
			char head[201];
			memcpy(head, x, m);
			head[m] = '\0';
			char *end = strstr(head, "?>");
			if (end)
				*end = '\0';
			char *enc = strstr(head, "encoding");
			if (enc) {
				enc += 8;
				while (*enc == ' ' || *enc == '=')
					enc++;
				if (*enc == '"' || *enc == '\'') {
					char q = *enc++;
					char *close = strchr(enc, q);
					if (close && (size_t)(close - enc) < outsz && close > enc) {
						memcpy(out, enc, (size_t)(close - enc));
						out[close - enc] = '\0';
						found = 0;
					}
				}
			}
		}
	}
	return found;
}

static int oom(char *err, size_t errsz)
{
	snprintf(err, errsz, "out of memory while decoding the page");
	return -1;
}

/* Decodes with one charset into out; replaces out's previous content. */
static int try_charset(const unsigned char *data, size_t len, const char *cs,
		       struct strbuf *out, size_t *bad)
{
	out->len = 0;
	if (out->p)
		out->p[0] = '\0';
	return convert_lenient(data, len, cs, out, bad);
}

int guide_decode(const unsigned char *data, size_t len, const char *charset_hint,
		 struct guide_decoded *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	char canon[GUIDE_CHARSET_MAX];
	const char *cs = NULL;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		cs = "UTF-8";
		data += 3, len -= 3;
		out->declared_by = "byte-order mark";
	} else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
		cs = "UTF-16LE";
		data += 2, len -= 2;
		out->declared_by = "byte-order mark";
	} else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
		cs = "UTF-16BE";
		data += 2, len -= 2;
		out->declared_by = "byte-order mark";
	}
	if (cs) {
		snprintf(out->declared, sizeof out->declared, "%s", cs);
	} else {
		char label[GUIDE_CHARSET_MAX] = "";
		if (charset_hint && *charset_hint) {
			snprintf(label, sizeof label, "%s", charset_hint);
			out->declared_by = "transport";
		} else if (meta_charset(data, len, label, sizeof label) == 0) {
			out->declared_by = "meta";
		}
		if (out->declared_by) {
			snprintf(out->declared, sizeof out->declared, "%s", label);
			cs = guide_charset_canonical(label, canon, sizeof canon);
		}
	}

	struct strbuf buf = {0};
	size_t bad = 0;
	if (cs) {
		if (try_charset(data, len, cs, &buf, &bad) != 0) {
			cs = NULL; /* iconv knew the name a moment ago; treat as undeclared */
		} else if (bad > 0 && !buf.oom) {
			/* A wrong declaration: keep the other reading when it is clean. */
			const char *alt = strcmp(cs, "UTF-8") == 0 ? "GB18030" : "UTF-8";
			struct strbuf other = {0};
			size_t obad = 0;
			if (try_charset(data, len, alt, &other, &obad) == 0 && !other.oom && obad == 0) {
				free(buf.p);
				buf = other;
				bad = 0;
				cs = alt;
			} else {
				free(other.p);
			}
		}
	}
	if (!cs) {
		cs = "UTF-8";
		if (try_charset(data, len, cs, &buf, &bad) != 0) {
			free(buf.p);
			snprintf(err, errsz, "this system's iconv cannot convert to UTF-8");
			return -1;
		}
		if (bad > 0 && !buf.oom) {
			struct strbuf gb = {0};
			size_t gbad = 0;
			if (try_charset(data, len, "GB18030", &gb, &gbad) == 0 && !gb.oom && gbad < bad) {
				free(buf.p);
				buf = gb;
				bad = gbad;
				cs = "GB18030";
			} else {
				free(gb.p);
			}
		}
	}
	if (buf.oom) {
		free(buf.p);
		return oom(err, errsz);
	}
	if (!buf.p) { /* empty input */
		buf.p = calloc(1, 1);
		if (!buf.p)
			return oom(err, errsz);
	}
	scrub_controls(buf.p, buf.len);
	out->utf8 = buf.p;
	out->len = buf.len;
	out->bad_sequences = bad;
	snprintf(out->charset, sizeof out->charset, "%s", cs);
	return 0;
}

void guide_decoded_free(struct guide_decoded *d)
{
	free(d->utf8);
	d->utf8 = NULL;
	d->len = 0;
}
