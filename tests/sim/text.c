/* Chinese text as government sites write it: GBK or UTF-8, dates in numerals or characters (see text.h). */
#include "tests/sim/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *charset_label(enum sim_charset cs)
{
	return cs == CHARSET_GBK ? "GBK" : "UTF-8";
}

char *text_encode(const char *utf8, enum sim_charset cs, size_t *len, char *err, size_t errsz)
{
	size_t inlen = strlen(utf8);
	if (cs == CHARSET_UTF8) {
		char *copy = strdup(utf8);
		if (!copy)
			snprintf(err, errsz, "out of memory");
		else if (len)
			*len = inlen;
		return copy;
	}
	iconv_t cd = iconv_open("GBK", "UTF-8");
	if (cd == (iconv_t)-1) {
		snprintf(err, errsz, "iconv cannot convert UTF-8 to GBK: %m");
		return NULL;
	}
	/* GBK never needs more bytes than UTF-8 for the same Chinese text (2 against 3). */
	size_t cap = inlen + 16;
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	char *in = (char *)utf8, *o = out;
	size_t left = inlen, room = cap - 1;
	if (iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
		snprintf(err, errsz, "cannot write \"%.12s\" in GBK: %s", in, strerror(errno));
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	if (len)
		*len = (size_t)(o - out);
	return out;
}

static const char *const digits_cn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* 1..99 as Chinese numerals: 十, 十二, 二十, 六十. */
static void small_cn(int n, char *out, size_t outsz)
{
	if (n < 10)
		snprintf(out, outsz, "%s", digits_cn[n]);
	else if (n < 20)
		snprintf(out, outsz, "十%s", n % 10 ? digits_cn[n % 10] : "");
	else
		snprintf(out, outsz, "%s十%s", digits_cn[n / 10], n % 10 ? digits_cn[n % 10] : "");
}

void text_number(int n, enum date_style style, char *out, size_t outsz)
{
	if (style == DATE_CHINESE && n >= 0 && n < 100)
		small_cn(n, out, outsz);
	else
		snprintf(out, outsz, "%d", n);
}

void text_date(time_t t, enum date_style style, char *out, size_t outsz)
{
	struct tm tm;
	localtime_r(&t, &tm);
	if (style == DATE_ARABIC) {
		snprintf(out, outsz, "%d年%d月%d日", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		return;
	}
	char year[64] = "", mon[16], day[16];
	int y = tm.tm_year + 1900;
	for (int div = 1000; div > 0; div /= 10)
		strcat(year, digits_cn[(y / div) % 10]);
	small_cn(tm.tm_mon + 1, mon, sizeof mon);
	small_cn(tm.tm_mday, day, sizeof day);
	snprintf(out, outsz, "%s年%s月%s日", year, mon, day);
}

size_t text_chars(const char *utf8)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)utf8; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

void text_cut(const char *utf8, size_t max, char *out, size_t outsz)
{
	size_t chars = 0, i = 0;
	const char *p = utf8;
	while (*p) {
		size_t len = 1;
		while ((p[len] & 0xC0) == 0x80)
			len++;
		if (chars == max || i + len + sizeof "……" > outsz) {
			snprintf(out + i, outsz - i, "……");
			return;
		}
		memcpy(out + i, p, len);
		i += len;
		p += len;
		chars++;
	}
	out[i] = '\0';
}
