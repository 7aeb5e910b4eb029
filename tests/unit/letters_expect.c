/* Reading the letter corpus and its .expected sidecars for the tests. */
#include "tests/unit/letters_expect.h"
#include "tests/unit/run_foi.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct expected *)a)->name, ((const struct expected *)b)->name);
}

/* Copies with truncation (names in the corpus are short; this just bounds them). */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		s[--n] = '\0';
}

int letters_read_sidecar(const char *dir, const char *base, struct expected *e)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.expected", dir, base);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		chomp(line);
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (strncmp(line, "applicant: ", 11) == 0)
			copy(e->applicant, sizeof e->applicant, line + 11);
		else if (strncmp(line, "kind: ", 6) == 0)
			e->consult = strcmp(line + 6, "consult") == 0;
		else if (strncmp(line, "reference: ", 11) == 0)
			snprintf(e->reference, sizeof e->reference, "%s/%s", dir, line + 11);
		else if (strncmp(line, "text: ", 6) == 0)
			copy(e->text_version, sizeof e->text_version, line + 6);
		else if (strncmp(line, "read: ", 6) == 0)
			e->ocr = strcmp(line + 6, "ocr") == 0;
		else if (strncmp(line, "reply_type: ", 12) == 0)
			copy(e->reply_type, sizeof e->reply_type, line + 12);
		else if (strncmp(line, "document: ", 10) == 0)
			copy(e->document, sizeof e->document, line + 10);
		else if (strncmp(line, "received: ", 10) == 0)
			copy(e->received, sizeof e->received, line + 10);
		else if (strncmp(line, "sent: ", 6) == 0)
			copy(e->sent, sizeof e->sent, line + 6);
		else if (strncmp(line, "deadline: ", 10) == 0)
			copy(e->deadline, sizeof e->deadline, line + 10);
		else if (strncmp(line, "earlier_supplements: ", 21) == 0)
			copy(e->earlier, sizeof e->earlier, line + 21);
		else if (strncmp(line, "applications: ", 14) == 0)
			copy(e->applications, sizeof e->applications, line + 14);
		else if (e->nitems < sizeof e->items / sizeof e->items[0]) {
			struct expected_item *it = &e->items[e->nitems];
			if (sscanf(line, "%47s %15s", it->code, it->result) == 2)
				e->nitems++;
		}
	}
	fclose(f);
	return 0;
}

/* Letters in the corpus folder are .txt, .html or .eml with NAME.expected beside; letter
 * files in attachments/ are any file with FILE.expected beside. */
static int sidecar_base(const char *name, int files, char *base, size_t size)
{
	const char *dot = strrchr(name, '.');
	if (!dot || strcmp(dot, ".expected") == 0)
		return -1;
	if (files) {
		snprintf(base, size, "%s", name);
		return 0;
	}
	if (strcmp(dot, ".txt") && strcmp(dot, ".html") && strcmp(dot, ".eml"))
		return -1;
	snprintf(base, size, "%.*s", (int)(dot - name), name);
	return 0;
}

static struct expected *collect(const char *rel, int files, size_t *count)
{
	char *dir = src_path(rel);
	DIR *d = opendir(dir);
	struct expected *v = NULL;
	size_t n = 0;
	struct dirent *de;
	while (d && (de = readdir(d))) {
		char base[256];
		struct expected e = {0};
		if (sidecar_base(de->d_name, files, base, sizeof base) != 0 ||
		    letters_read_sidecar(dir, base, &e) != 0)
			continue;
		snprintf(e.letter, sizeof e.letter, "%s/%s", dir, de->d_name);
		copy(e.name, sizeof e.name, de->d_name);
		v = realloc(v, (n + 1) * sizeof *v);
		if (!v)
			abort();
		v[n++] = e;
	}
	if (d)
		closedir(d);
	qsort(v, n, sizeof *v, by_name);
	*count = n;
	return v;
}

struct expected *letters_corpus(size_t *count)
{
	return collect("tests/fixtures/letters", 0, count);
}

struct expected *letters_files_corpus(size_t *count)
{
	return collect("tests/fixtures/letters/attachments", 1, count);
}
