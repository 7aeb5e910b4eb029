/* Reading the guide fixtures' .expected sidecars; see guide_expect.h. */
#include "tests/unit/guide_expect.h"
#include "tests/unit/run_foi.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIXTURES "tests/fixtures/guides"

unsigned char *guide_read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *buf = malloc((size_t)n + 1);
	cr_assert(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n, "short read of %s", path);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **guide_fixture_names(size_t *count)
{
	char *dir = src_path(FIXTURES);
	DIR *d = opendir(dir);
	cr_assert(d, "cannot list %s", dir);
	char **names = calloc(256, sizeof *names);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < 255) {
		size_t l = strlen(e->d_name);
		if (l > 9 && strcmp(e->d_name + l - 9, ".expected") == 0)
			names[n++] = strndup(e->d_name, l - 9);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	*count = n;
	return names;
}

void guide_names_free(char **names)
{
	for (size_t i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

/* The page beside NAME.expected: NAME.<anything but expected>. */
static void find_page(const char *name, char *out, size_t outsz)
{
	char *dir = src_path(FIXTURES);
	DIR *d = opendir(dir);
	cr_assert(d);
	struct dirent *e;
	size_t nl = strlen(name);
	out[0] = '\0';
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, name, nl) == 0 && e->d_name[nl] == '.' &&
		    strcmp(e->d_name + nl, ".expected") != 0) {
			cr_assert_eq(out[0], '\0', "two pages for %s.expected", name);
			snprintf(out, outsz, "%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	cr_assert(out[0], "no page beside %s.expected", name);
}

static int parse_result(const char *s, enum finding_result *r)
{
	if (strcmp(s, "pass") == 0)
		*r = FINDING_PASS;
	else if (strcmp(s, "fail") == 0)
		*r = FINDING_FAIL;
	else if (strcmp(s, "unknown") == 0)
		*r = FINDING_UNKNOWN;
	else
		return -1;
	return 0;
}

void guide_expect_load(const char *name, struct guide_expect *out)
{
	memset(out, 0, sizeof *out);
	char rel[512];
	snprintf(rel, sizeof rel, FIXTURES "/%s.expected", name);
	char *path = src_path(rel);
	char *text = read_file(path);
	cr_assert(text, "cannot read %s", path);
	int lineno = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char code[64], result[16];
		int used = 0;
		cr_assert_eq(sscanf(line, "%63s %15s %n", code, result, &used), 2, "%s:%d: bad line '%s'", path,
			     lineno, line);
		int id = guide_item_find(code);
		cr_assert(id >= 0, "%s:%d: unknown item code '%s'", path, lineno, code);
		cr_assert(!out->items[id].present, "%s:%d: %s given twice", path, lineno, code);
		cr_assert_eq(parse_result(result, &out->items[id].result), 0, "%s:%d: bad result '%s'", path,
			     lineno, result);
		out->items[id].present = 1;
		snprintf(out->items[id].evidence, sizeof out->items[id].evidence, "%s", line + used);
	}
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++)
		cr_assert(out->items[i].present, "%s: no expected result for %s", path, guide_item_code(i));
	free(text);
	find_page(name, out->page, sizeof out->page);
}

int guide_valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
		if (n == 0)
			return 0;
		for (size_t i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}
