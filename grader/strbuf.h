/*
 * Growable buffers for grader/: bytes (always NUL-terminated) and arrays of fixed-size
 * records. A failed allocation is remembered in the buffer (oom) and makes every
 * later append a no-op, so a long run of appends needs one check at its end, not one each.
 */
#ifndef FOI_GRADER_STRBUF_H
#define FOI_GRADER_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *p;     /* NUL-terminated once anything was reserved */
	size_t len;  /* bytes, without the NUL */
	size_t cap;
	int oom;
};

/* Makes room for `more` bytes plus the NUL; returns 0, or -1 (and sets oom). */
int strbuf_reserve(struct strbuf *b, size_t more);
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_adds(struct strbuf *b, const char *s);
/* Hands the bytes to the caller (never NULL unless oom) and empties the buffer. */
char *strbuf_take(struct strbuf *b);
void strbuf_free(struct strbuf *b);

/* An array of records of `size` bytes each. */
struct recbuf {
	void *p;
	size_t n, cap, size;
	int oom;
};

/* Appends one zeroed record and returns it, or NULL (and sets oom). */
void *recbuf_push(struct recbuf *a);
void recbuf_free(struct recbuf *a);

#endif
