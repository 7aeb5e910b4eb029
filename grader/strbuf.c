/* Growable buffers; see strbuf.h. */
#include "grader/strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int strbuf_reserve(struct strbuf *b, size_t more)
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

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	if (strbuf_reserve(b, n) != 0 || n == 0)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void strbuf_addc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void strbuf_adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

char *strbuf_take(struct strbuf *b)
{
	if (b->oom) {
		strbuf_free(b);
		return NULL;
	}
	if (strbuf_reserve(b, 0) != 0)
		return NULL;
	char *p = b->p;
	b->p = NULL;
	b->len = b->cap = 0;
	return p;
}

void strbuf_free(struct strbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void *recbuf_push(struct recbuf *a)
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

void recbuf_free(struct recbuf *a)
{
	free(a->p);
	a->p = NULL;
	a->n = a->cap = 0;
}
