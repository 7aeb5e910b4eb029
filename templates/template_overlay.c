/* A folder of templates laid over a set: same id replaces, a new id is added. */
#include "templates/template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long index_of(const struct template_set *s, const char *id)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->items[i]->id, id) == 0)
			return (long)i;
	return -1;
}

int template_set_overlay_dir(struct template_set *s, const char *dir, char *err, size_t errsz)
{
	struct template_set layer;
	template_set_init(&layer);
	if (template_set_load_dir(&layer, dir, err, errsz) != 0) {
		template_set_free(&layer);
		return -1;
	}
	/* Room for every addition first, so that nothing below can fail half-way. */
	size_t need = s->count + layer.count;
	if (need > s->cap) {
		struct template **items = realloc(s->items, need * sizeof *items);
		if (!items) {
			snprintf(err, errsz, "%s: out of memory", dir);
			template_set_free(&layer);
			return -1;
		}
		s->items = items;
		s->cap = need;
	}
	for (size_t i = 0; i < layer.count; i++) {
		struct template *t = layer.items[i];
		long at = index_of(s, t->id);
		t->layer = 1;
		t->replaced = at >= 0;
		if (at >= 0) {
			template_free(s->items[at]);
			free(s->items[at]);
			s->items[at] = t;
		} else {
			s->items[s->count++] = t;
		}
	}
	free(layer.items); /* the templates now belong to s */
	return 0;
}

int template_valid_on(const struct template *t, int day)
{
	return (!t->valid_from || day >= t->valid_from) && (!t->valid_until || day <= t->valid_until);
}
