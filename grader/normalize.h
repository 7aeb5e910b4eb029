/*
 * The normaliser: one canonical form of a letter's text, so the checks can be written once.
 *
 * Real letters mix full-width and half-width digits, letters and punctuation, write the
 * same bracket five ways (〔2023〕 【2023】 ［2023］ ﹝2023﹞ [2023]), write numbers in Chinese
 * (六十日, 六个月, 二〇二三年, 第三十六条第（四）项), and break lines in the middle of phrases.
 * The normalised text:
 *   - folds full-width ASCII (Ｕ+FF01..FF5E) to ASCII, so （）：，；０-９ become ():,;0-9;
 *   - writes every square-ish bracket as [ ] and every round one as ( );
 *   - turns Chinese numerals into Arabic digits where they count something: before a unit
 *     (年 月 日 天 个 条 款 项 号 周 ...), after 第, or alone in brackets; "二〇二三" reads digit
 *     by digit, "三十六" positionally. Other uses (统一, 一次性) are left alone;
 *   - drops spaces (Chinese has none between words) except one between two ASCII letters or
 *     digits, and keeps each line break as one '\n' (blank lines collapse).
 * A map gives, for every byte of the normalised text, the offset in the source of the
 * character it came from, so evidence can quote the letter as written.
 */
#ifndef FOI_GRADER_NORMALIZE_H
#define FOI_GRADER_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* The largest source text the normaliser takes (the map holds 32-bit offsets). */
#define NORM_SOURCE_MAX ((size_t)64 << 20)

struct norm_text {
	char *text;      /* normalised UTF-8, NUL-terminated */
	size_t len;
	uint32_t *map;   /* len + 1 entries; map[len] is the source length */
};

/* src must be UTF-8 (malformed bytes read as U+FFFD). Returns 0, or -1 with err filled. */
int norm_build(const char *src, size_t len, struct norm_text *out, char *err, size_t errsz);

/* The same normal form for a short string, e.g. a key point; without map. NULL: memory. */
char *norm_string(const char *s);

void norm_free(struct norm_text *t);

/*
 * t->text[from..to) joined into one line, for searching prose: a line break inside a
 * phrase (hard-wrapped mail, Word line ends) disappears, while one after a line that ends
 * in a colon ("现答复如下：") or after a short heading line becomes ';', a sentence break.
 * The map of the result points into the same source as t's. Returns 0 or -1 (memory).
 */
int norm_flatten(const struct norm_text *t, size_t from, size_t to, struct norm_text *out);

/* The source text that produced t->text[start..end), with line breaks and spaces between
 * Chinese characters removed (as a reader would join them), cut to max_cps characters with
 * "…" when longer. Owned by the caller; NULL on memory failure. */
char *norm_source_span(const struct norm_text *t, const char *src, size_t srclen,
		       size_t start, size_t end, size_t max_cps);

/* Tidies any UTF-8 string the way norm_source_span does. */
char *norm_tidy(const char *s, size_t len, size_t max_cps);

#endif
