/*
 * Text in the forms Chinese government sites and letters use: GBK or UTF-8 bytes, dates
 * written 2023年10月12日 or 二〇二三年十月十二日, numbers of days in digits or Chinese numerals.
 */
#ifndef FOI_SIM_TEXT_H
#define FOI_SIM_TEXT_H

#include <stddef.h>
#include <time.h>

#include "tests/sim/profile.h"

/* "UTF-8" or "GBK", as written in Content-Type headers. */
const char *charset_label(enum sim_charset cs);

/*
 * The UTF-8 text in the charset (iconv). Returns malloc'd bytes (NUL-terminated, *len without
 * it), or NULL with err naming the character that GBK cannot hold.
 */
char *text_encode(const char *utf8, enum sim_charset cs, size_t *len, char *err, size_t errsz);

/* 2023年10月12日, or 二〇二三年十月十二日 in the Chinese style. */
void text_date(time_t t, enum date_style style, char *out, size_t outsz);
/* A count such as 60 or 6 written as 60 / 六十 (style chinese). */
void text_number(int n, enum date_style style, char *out, size_t outsz);

/* Number of characters (code points) of valid UTF-8 text. */
size_t text_chars(const char *utf8);
/* Copies at most max characters of utf8, adding "……" when it was cut. */
void text_cut(const char *utf8, size_t max, char *out, size_t outsz);

#endif
