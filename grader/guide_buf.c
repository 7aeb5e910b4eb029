/* Growable buffers; see guide_buf.h. */
#include "grader/guide_buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int gbuf_reserve(struct gbuf *b, size_t more)
{
	if (b->oom)
		return -1;
	if (more < SIZE_MAX / 4 && b->len + more + 1 <= b->cap)
		return 0;
	if (more >= SIZE_MAX / 4 || b->len >= SIZE_MAX / 4) {
		b->oom = 1;
		return -1;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	if (!b->p)
		p[0] = '\0';
	b->p = p;
	b->cap = cap;
	return 0;
}

void gbuf_add(struct gbuf *b, const char *s, size_t n)
{
	if (gbuf_reserve(b, n) != 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void gbuf_addc(struct gbuf *b, char c)
{
	gbuf_add(b, &c, 1);
}

void gbuf_adds(struct gbuf *b, const char *s)
{
	gbuf_add(b, s, strlen(s));
}

char *gbuf_take(struct gbuf *b)
{
	if (b->oom) {
		gbuf_free(b);
		return NULL;
	}
	if (gbuf_reserve(b, 0) != 0)
		return NULL;
	char *p = b->p;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

void gbuf_free(struct gbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void *garr_push(struct garr *a)
{
	if (a->oom)
		return NULL;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		if (cap > SIZE_MAX / a->size) {
			a->oom = 1;
			return NULL;
		}
		void *p = realloc(a->p, cap * a->size);
		if (!p) {
			a->oom = 1;
			return NULL;
		}
		a->p = p;
		a->cap = cap;
	}
	void *rec = (char *)a->p + a->n * a->size;
	memset(rec, 0, a->size);
	a->n++;
	return rec;
}

void garr_free(struct garr *a)
{
	free(a->p);
	a->p = NULL;
	a->n = a->cap = 0;
}
