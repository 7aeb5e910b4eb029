/*
 * Growable buffers for the guide checks: bytes (always NUL-terminated) and arrays of
 * fixed-size records. A failed allocation is remembered in the buffer (oom) and makes every
 * later append a no-op, so a long run of appends needs one check at its end, not one each.
 */
#ifndef FOI_GRADER_GUIDE_BUF_H
#define FOI_GRADER_GUIDE_BUF_H

#include <stddef.h>

struct gbuf {
	char *p;     /* NUL-terminated once anything was reserved */
	size_t len;  /* bytes, without the NUL */
	size_t cap;
	int oom;
};

/* Makes room for `more` bytes plus the NUL; returns 0, or -1 (and sets oom). */
int gbuf_reserve(struct gbuf *b, size_t more);
void gbuf_add(struct gbuf *b, const char *s, size_t n);
void gbuf_addc(struct gbuf *b, char c);
void gbuf_adds(struct gbuf *b, const char *s);
/* Hands the bytes to the caller (never NULL unless oom) and empties the buffer. */
char *gbuf_take(struct gbuf *b);
void gbuf_free(struct gbuf *b);

/* An array of records of `size` bytes each. */
struct garr {
	void *p;
	size_t n, cap, size;
	int oom;
};

/* Appends one zeroed record and returns it, or NULL (and sets oom). */
void *garr_push(struct garr *a);
void garr_free(struct garr *a);

#endif
