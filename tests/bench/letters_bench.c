/*
 * Letters benchmark: reply letters checked per second on the fixture corpus
 * (tests/fixtures/letters), two ways: the checks alone on decoded text (what the round's
 * grading calls for each reply), and end to end from the file (reading, MIME, charset and
 * HTML decoding, then the checks). Targets: 2000 letters per second for the checks and 500
 * end to end, on one core; exits 1 below either.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grader/letter_check.h"
#include "harness/mail/letter_file.h"

#define TARGET_CHECKS 2000.0
#define TARGET_FILES 500.0
#define MIN_SECONDS 1.0

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct letter {
	char *path;
	struct letter_source src;
};

static int is_letter(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || strncmp(name, "consult_", 8) == 0)
		return 0;
	return strcmp(dot, ".txt") == 0 || strcmp(dot, ".html") == 0 || strcmp(dot, ".eml") == 0;
}

static struct letter *load_corpus(size_t *count)
{
	const char *root = getenv("FOI_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures/letters", root && *root ? root : FOI_DATADIR);
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "letters_bench: cannot open %s\n", dir);
		exit(1);
	}
	struct letter *v = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!is_letter(de->d_name))
			continue;
		struct letter *nv = realloc(v, (n + 1) * sizeof *v);
		if (!nv)
			exit(1);
		v = nv;
		if (asprintf(&v[n].path, "%s/%s", dir, de->d_name) < 0)
			exit(1);
		char err[1024];
		if (letter_file_read(v[n].path, &v[n].src, err, sizeof err) != LETTER_READ_OK) {
			fprintf(stderr, "letters_bench: %s: %s\n", v[n].path, err);
			exit(1);
		}
		n++;
	}
	closedir(d);
	*count = n;
	return v;
}

static void check_one(const char *text, size_t len)
{
	struct letter_report r;
	char err[512];
	if (letter_check(text, len, "张三", &r, err, sizeof err) != 0) {
		fprintf(stderr, "letters_bench: %s\n", err);
		exit(1);
	}
	letter_report_free(&r);
}

int main(void)
{
	size_t n;
	struct letter *corpus = load_corpus(&n);
	if (n == 0) {
		fprintf(stderr, "letters_bench: no letters in the corpus\n");
		return 1;
	}
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++)
		bytes += corpus[i].src.len;

	unsigned long checked = 0;
	double t0 = now(), t;
	do {
		for (size_t i = 0; i < n; i++)
			check_one(corpus[i].src.text, corpus[i].src.len);
		checked += n;
	} while ((t = now() - t0) < MIN_SECONDS);
	double checks_rate = (double)checked / t;

	unsigned long read = 0;
	t0 = now();
	do {
		for (size_t i = 0; i < n; i++) {
			struct letter_source src;
			char err[1024];
			if (letter_file_read(corpus[i].path, &src, err, sizeof err) != LETTER_READ_OK) {
				fprintf(stderr, "letters_bench: %s\n", err);
				return 1;
			}
			check_one(src.text, src.len);
			letter_source_free(&src);
		}
		read += n;
	} while ((t = now() - t0) < MIN_SECONDS);
	double files_rate = (double)read / t;

	printf("letters_bench: %zu letters (%zu KB of text): %.0f letters checked per second "
	       "(target %.0f), %.0f per second from the file (target %.0f)\n",
	       n, bytes / 1024, checks_rate, TARGET_CHECKS, files_rate, TARGET_FILES);
	for (size_t i = 0; i < n; i++) {
		letter_source_free(&corpus[i].src);
		free(corpus[i].path);
	}
	free(corpus);
	if (checks_rate < TARGET_CHECKS || files_rate < TARGET_FILES) {
		fprintf(stderr, "letters_bench: below target\n");
		return 1;
	}
	return 0;
}
