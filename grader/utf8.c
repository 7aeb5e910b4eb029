/* UTF-8 decoding and encoding, strict about what it accepts (RFC 3629). */
#include "grader/utf8.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (len == 0) {
		*cp = 0;
		return 0;
	}
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t need;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07; min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len < need + 1) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = v;
	return need + 1;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* One step of validation: the length of a valid sequence at s, or 0 when it is invalid. */
static size_t valid_seq(const char *s, size_t len)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	if (cp == UTF8_REPLACEMENT && n == 1) {
		/* U+FFFD itself is three bytes, so a one-byte result means malformed input. */
		return 0;
	}
	return n;
}

int utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = valid_seq(s + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

void utf8_census(const char *s, size_t len, size_t *valid_multibyte, size_t *invalid_bytes)
{
	size_t ok = 0, bad = 0, i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = valid_seq(s + i, len - i);
		if (n == 0) {
			bad++;
			i++;
		} else {
			ok++;
			i += n;
		}
	}
	*valid_multibyte = ok;
	*invalid_bytes = bad;
}

size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	uint32_t cp;
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

size_t utf8_prefix(const char *s, size_t len, size_t max_cps)
{
	size_t i = 0;
	uint32_t cp;
	while (i < len && max_cps > 0) {
		i += utf8_decode(s + i, len - i, &cp);
		max_cps--;
	}
	return i;
}
