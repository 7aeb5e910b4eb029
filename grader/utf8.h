/*
 * UTF-8 in small pieces: decoding one code point (invalid bytes become U+FFFD, so hostile
 * input never stops a scan), encoding one, and telling whether a buffer is valid UTF-8.
 * Everything in grader/ works on UTF-8 text; text_decode.h turns other charsets into it.
 */
#ifndef FOI_GRADER_UTF8_H
#define FOI_GRADER_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at s[0..len) into *cp; returns the bytes used (>= 1 when len > 0).
 * A malformed, overlong or surrogate sequence yields U+FFFD and consumes one byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

/* 1 when s[0..len) is entirely valid UTF-8. */
int utf8_valid(const char *s, size_t len);

/* Counts valid multi-byte sequences and invalid bytes, to judge "mostly UTF-8" text. */
void utf8_census(const char *s, size_t len, size_t *valid_multibyte, size_t *invalid_bytes);

/* Number of code points in s[0..len). */
size_t utf8_length(const char *s, size_t len);

/* Byte length of the first max_cps code points of s[0..len) (all of it when shorter). */
size_t utf8_prefix(const char *s, size_t len, size_t max_cps);

#endif
