/* Bytes to UTF-8 with iconv: BOM, then label, then UTF-8-or-GB18030 detection. */
#include "grader/text_decode.h"
#include "grader/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int text_looks_binary(const char *bytes, size_t len)
{
	size_t n = len < 65536 ? len : 65536, ctl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (c == 0)
			return 1;
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
			ctl++;
	}
	/* Text has the odd stray control byte; binary formats have them everywhere. */
	return n > 0 && ctl * 20 > n;
}

const char *text_charset_for_label(const char *label)
{
	static const char *const gb[] = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn",
		"csgb2312", "windows-936", "ms936", "gb_2312-80", "x-euc-cn", "chinese"};
	static const char *const sniff[] = {"us-ascii", "ascii", "iso-8859-1", "latin1",
		"iso8859-1", "windows-1252", "cp1252", "unknown-8bit", "x-unknown", "default"};
	if (!label || !*label)
		return NULL;
	for (size_t i = 0; i < sizeof gb / sizeof gb[0]; i++)
		if (strcasecmp(label, gb[i]) == 0)
			return "GB18030";
	for (size_t i = 0; i < sizeof sniff / sizeof sniff[0]; i++)
		if (strcasecmp(label, sniff[i]) == 0)
			return NULL;
	if (strcasecmp(label, "utf-8") == 0 || strcasecmp(label, "utf8") == 0)
		return "UTF-8";
	return label;
}

/* Converts with iconv. When lossy_ok, an unreadable byte becomes U+FFFD and the
 * conversion goes on; otherwise it fails. Returns 0 or -1 (err says why). */
static int convert(const char *from, const char *in, size_t len, int lossy_ok,
		   struct decoded_text *out, char *err, size_t errsz)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		snprintf(err, errsz, "charset '%s' is not supported", from);
		return -1;
	}
	size_t cap = len * 2 + 16, used = 0;
	char *buf = malloc(cap);
	if (!buf) {
		iconv_close(cd);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	char *ip = (char *)in;
	size_t ileft = len;
	int lossy = 0;
	while (ileft > 0) {
		char *op = buf + used;
		size_t oleft = cap - used - 4;
		size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
		used = (size_t)(op - buf);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t ncap = cap * 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				iconv_close(cd);
				snprintf(err, errsz, "out of memory");
				return -1;
			}
			buf = nb;
			cap = ncap;
			continue;
		}
		/* EILSEQ or EINVAL (truncated sequence at the end). */
		if (!lossy_ok) {
			free(buf);
			iconv_close(cd);
			snprintf(err, errsz, "not valid %s at byte %zu", from, (size_t)(ip - in));
			return -1;
		}
		lossy = 1;
		if (cap - used < 8) {
			size_t ncap = cap * 2;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				iconv_close(cd);
				snprintf(err, errsz, "out of memory");
				return -1;
			}
			buf = nb;
			cap = ncap;
		}
		used += utf8_encode(UTF8_REPLACEMENT, buf + used);
		ip++;
		ileft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	buf[used] = '\0';
	out->text = buf;
	out->len = used;
	out->lossy = lossy;
	snprintf(out->charset, sizeof out->charset, "%s", from);
	return 0;
}

/* UTF-8 with every malformed byte replaced by U+FFFD. */
static int utf8_repair(const char *in, size_t len, struct decoded_text *out, char *err, size_t errsz)
{
	char *buf = malloc(len * 3 + 1);
	if (!buf) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	size_t i = 0, used = 0;
	int lossy = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(in + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && n == 1)
			lossy = 1;
		if (n == 1 || cp == UTF8_REPLACEMENT)
			used += utf8_encode(cp, buf + used);
		else {
			memcpy(buf + used, in + i, n);
			used += n;
		}
		i += n;
	}
	buf[used] = '\0';
	out->text = buf;
	out->len = used;
	out->lossy = lossy;
	snprintf(out->charset, sizeof out->charset, "UTF-8");
	return 0;
}

int text_decode(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		char *err, size_t errsz)
{
	*out = (struct decoded_text){0};
	const unsigned char *u = (const unsigned char *)bytes;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		const char *cs = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		return convert(cs, bytes + 2, len - 2, 1, out, err, errsz);
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3;
		len -= 3;
		label = "UTF-8";
	}
	if (text_looks_binary(bytes, len)) {
		snprintf(err, errsz, "binary data (NUL or control bytes), not text");
		return -1;
	}
	const char *cs = text_charset_for_label(label);
	if (cs && strcmp(cs, "UTF-8") != 0) {
		if (convert(cs, bytes, len, 0, out, err, errsz) == 0)
			return 0;
		/* A label that does not fit the bytes: fall through to sniffing. */
	}
	if (utf8_valid(bytes, len))
		return utf8_repair(bytes, len, out, err, errsz);
	/* UTF-8 with a few stray bytes must not go to GB18030, which accepts almost any byte
	 * pair and would turn the letter into nonsense; GBK text, read as UTF-8, has far more
	 * bad bytes than good sequences. */
	size_t good, bad;
	utf8_census(bytes, len, &good, &bad);
	int said_utf8 = cs && strcmp(cs, "UTF-8") == 0;
	if (good > bad * 4 || (said_utf8 && good >= bad))
		return utf8_repair(bytes, len, out, err, errsz);
	if (convert("GB18030", bytes, len, 0, out, err, errsz) == 0)
		return 0;
	if (good > bad)
		return utf8_repair(bytes, len, out, err, errsz);
	return convert("GB18030", bytes, len, 1, out, err, errsz);
}

void decoded_text_free(struct decoded_text *t)
{
	free(t->text);
	*t = (struct decoded_text){0};
}
