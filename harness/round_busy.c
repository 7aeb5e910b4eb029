/* Which personas still have an open request to which body, for the planner (round_internal.h). */
#include "harness/round_internal.h"
#include "harness/status.h"

#include <stdlib.h>
#include <string.h>

struct busy_pair {
	char *target;
	uint64_t personas;
};

struct round_busy {
	struct busy_pair *pairs; /* one per target, sorted by target */
	size_t n;
};

void round_busy_free(struct round_busy *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n; i++)
		free(b->pairs[i].target);
	free(b->pairs);
	free(b);
}

static int persona_index(const struct settings *s, const char *key)
{
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			return (int)i;
	return -1;
}

struct round_busy *round_busy_load(sqlite3 *db, const struct settings *s, char *err, size_t errsz)
{
	struct round_busy *b = calloc(1, sizeof *b);
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	if (!b) {
		foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		return NULL;
	}
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT target, persona FROM requests WHERE " ROUND_REQUEST_OPEN
				   " ORDER BY target", -1, &st, NULL) != SQLITE_OK)
		goto db_fail;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *target = (const char *)sqlite3_column_text(st, 0);
		int p = persona_index(s, (const char *)sqlite3_column_text(st, 1));
		/* A persona no longer in foi.ini cannot be chosen anyway. */
		if (!target || p < 0)
			continue;
		if (b->n == 0 || strcmp(b->pairs[b->n - 1].target, target) != 0) {
			if (b->n == cap) {
				cap = cap ? cap * 2 : 64;
				struct busy_pair *grown = realloc(b->pairs, cap * sizeof *grown);
				if (!grown)
					goto oom;
				b->pairs = grown;
			}
			b->pairs[b->n].personas = 0;
			if (!(b->pairs[b->n].target = strdup(target)))
				goto oom;
			b->n++;
		}
		b->pairs[b->n - 1].personas |= (uint64_t)1 << p;
	}
	if (step != SQLITE_DONE)
		goto db_fail;
	sqlite3_finalize(st);
	return b;
db_fail:
	foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	round_busy_free(b);
	return NULL;
oom:
	foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	sqlite3_finalize(st);
	round_busy_free(b);
	return NULL;
}

static int by_target(const void *key, const void *elem)
{
	return strcmp(key, ((const struct busy_pair *)elem)->target);
}

uint64_t round_busy_of(const struct round_busy *b, const char *target)
{
	const struct busy_pair *found = b->n ? bsearch(target, b->pairs, b->n, sizeof *b->pairs, by_target) : NULL;
	return found ? found->personas : 0;
}
