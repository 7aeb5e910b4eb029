/* Loading edited copies of the shipped scheme for the tests (see scheme_support.h). */
#include "tests/unit/scheme_support.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/run_foi.h"

/* The shipped 2023 file with `from` replaced by `to` (the first occurrence when once, else
 * every one), written to a fresh folder and loaded. */
struct scheme_try scheme_try_edit(const char *from, const char *to, int once)
{
	struct scheme_try t = {0};
	char *orig = read_file(src_path("grader/schemes/2023.ini"));
	cr_assert(orig);
	size_t cap = strlen(orig) * 2 + strlen(to) * 4 + 1;
	t.text = calloc(1, cap);
	cr_assert(t.text);
	const char *p = orig, *hit;
	int n = 0;
	while ((hit = strstr(p, from)) && (!once || n == 0)) {
		strncat(t.text, p, (size_t)(hit - p));
		strcat(t.text, to);
		p = hit + strlen(from);
		n++;
	}
	cr_assert(n > 0, "'%s' is not in the shipped file", from);
	strcat(t.text, p);
	free(orig);
	t.path = write_file(make_temp_dir(), "scheme.ini", t.text);
	t.rc = scheme_load(t.path, &t.s, t.err, sizeof t.err);
	return t;
}

void scheme_try_free(struct scheme_try *t)
{
	if (t->rc == 0)
		scheme_free(&t->s);
	free(t->text);
}

/* Whether the error names the file and the line on which `needle` (first found) ends. */
int scheme_err_at(const struct scheme_try *t, const char *needle)
{
	const char *hit = strstr(t->text, needle);
	if (!hit)
		return 0;
	int line = 1;
	for (const char *c = t->text; c < hit + strlen(needle) - 1; c++)
		line += *c == '\n';
	char want[600];
	snprintf(want, sizeof want, "%s:%d: ", t->path, line);
	return strncmp(t->err, want, strlen(want)) == 0;
}

