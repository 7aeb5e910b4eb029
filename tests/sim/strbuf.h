/*
 * A growable text buffer for building pages, letters and messages.
 *
 * Appending never fails loudly: the first allocation failure marks the buffer as broken
 * (sb->failed) and later appends do nothing, so a builder can append freely and check once
 * at the end, the way stdio's ferror works.
 */
#ifndef FOI_SIM_STRBUF_H
#define FOI_SIM_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
	int failed;
};

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends s with & < > " ' escaped for HTML text and attribute values. */
void sb_add_html(struct strbuf *sb, const char *s);
/* Hands the text over to the caller (NULL if an append failed); the buffer is left empty. */
char *sb_take(struct strbuf *sb);
/* The text so far ("" when empty); valid until the next append. */
const char *sb_str(const struct strbuf *sb);

#endif
