/*
 * A set of templates: loading a folder tree, unique ids, look-up and selection. The set
 * keeps pointers to templates so that pointers handed out stay valid while it grows.
 */
#include "templates/template.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper than any sensible layout; stops a symlink loop. */
#define MAX_DEPTH 8

void template_set_init(struct template_set *s)
{
	memset(s, 0, sizeof *s);
}

void template_set_free(struct template_set *s)
{
	for (size_t i = 0; i < s->count; i++) {
		template_free(s->items[i]);
		free(s->items[i]);
	}
	free(s->items);
	memset(s, 0, sizeof *s);
}

const struct template *template_set_find(const struct template_set *s, const char *id)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->items[i]->id, id) == 0)
			return s->items[i];
	return NULL;
}

int template_set_add(struct template_set *s, struct template *t, char *err, size_t errsz)
{
	const struct template *old = template_set_find(s, t->id);
	if (old) {
		snprintf(err, errsz, "%s:%d: duplicate id '%s' (already used by %s:%d)", t->path,
			 t->id_line, t->id, old->path, old->id_line);
		return -1;
	}
	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct template **items = realloc(s->items, cap * sizeof *items);
		if (!items) {
			snprintf(err, errsz, "%s: out of memory", t->path);
			return -1;
		}
		s->items = items;
		s->cap = cap;
	}
	struct template *copy = malloc(sizeof *copy);
	if (!copy) {
		snprintf(err, errsz, "%s: out of memory", t->path);
		return -1;
	}
	*copy = *t;
	memset(t, 0, sizeof *t);
	s->items[s->count++] = copy;
	return 0;
}

int template_set_load_file(struct template_set *s, const char *path, char *err, size_t errsz)
{
	struct template t;
	if (template_load_file(path, &t, err, errsz) != 0)
		return -1;
	if (template_set_add(s, &t, err, errsz) != 0) {
		template_free(&t);
		return -1;
	}
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int load_dir(struct template_set *s, const char *dir, int depth, char *err, size_t errsz)
{
	if (depth > MAX_DEPTH) {
		snprintf(err, errsz, "%s: folders nested deeper than %d (a symlink loop?)", dir,
			 MAX_DEPTH);
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errsz, "%s: cannot open folder: %s", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = -1;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* hidden files and editors' swap files */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn)
				goto nomem;
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto nomem;
		n++;
	}
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		char *path;
		if (asprintf(&path, "%s/%s", dir, names[i]) < 0)
			goto nomem;
		struct stat st;
		int ok = 0;
		if (stat(path, &st) != 0) {
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			ok = load_dir(s, path, depth + 1, err, errsz) == 0;
		} else if (S_ISREG(st.st_mode) && ends_with(names[i], ".tpl")) {
			ok = template_set_load_file(s, path, err, errsz) == 0;
		} else {
			ok = 1; /* README.md and other files sit beside the templates */
		}
		free(path);
		if (!ok)
			goto out;
	}
	rc = 0;
	goto out;
nomem:
	snprintf(err, errsz, "%s: out of memory", dir);
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

int template_set_load_dir(struct template_set *s, const char *dir, char *err, size_t errsz)
{
	return load_dir(s, dir, 0, err, errsz);
}

int template_set_select(const struct template_set *s, enum template_kind kind, const char *domain,
			const struct template ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (s->count == 0)
		return 0;
	const struct template **list = malloc(s->count * sizeof *list);
	if (!list)
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < s->count; i++) {
		const struct template *t = s->items[i];
		if (kind != TEMPLATE_ANY && t->kind != kind)
			continue;
		if (domain && strcmp(t->domain, domain) != 0)
			continue;
		list[k++] = t;
	}
	if (k == 0) {
		free(list);
		return 0;
	}
	*out = list;
	*n = k;
	return 0;
}
