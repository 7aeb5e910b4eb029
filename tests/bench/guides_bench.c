/*
 * Benchmark: guide pages checked per second (channel clarity, grader/guide_check.c).
 *
 * Reads every page of tests/fixtures/guides (under FOI_SRCDIR, else the current folder)
 * and checks them round after round for about two seconds, then prints pages per second
 * and megabytes per second. It also checks that every page still gives a whole report,
 * so a benchmark that got fast by breaking the check fails instead of boasting.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grader/guide_check.h"

#define MAX_PAGES 256
#define RUN_SECONDS 2.0

struct page {
	char name[256];
	unsigned char *data;
	size_t len;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load(const char *dir, struct page *pages, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "guides_bench: cannot open %s\n", dir);
		return -1;
	}
	struct dirent *e;
	*count = 0;
	while ((e = readdir(d)) != NULL && *count < MAX_PAGES) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || (l > 9 && strcmp(e->d_name + l - 9, ".expected") == 0))
			continue;
		struct page *p = &pages[*count];
		snprintf(p->name, sizeof p->name, "%s", e->d_name);
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		p->data = malloc(n > 0 ? (size_t)n : 1);
		if (!p->data || fread(p->data, 1, (size_t)n, f) != (size_t)n) {
			fclose(f);
			closedir(d);
			fprintf(stderr, "guides_bench: cannot read %s\n", path);
			return -1;
		}
		fclose(f);
		p->len = (size_t)n;
		(*count)++;
	}
	closedir(d);
	return *count > 0 ? 0 : -1;
}

int main(void)
{
	const char *root = getenv("FOI_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures/guides", root && *root ? root : ".");
	static struct page pages[MAX_PAGES];
	size_t count;
	if (load(dir, pages, &count) != 0)
		return 1;

	size_t bytes_per_round = 0;
	for (size_t i = 0; i < count; i++)
		bytes_per_round += pages[i].len;

	double start = now_seconds(), elapsed = 0;
	unsigned long checked = 0, rounds = 0;
	char err[1024];
	while (elapsed < RUN_SECONDS) {
		for (size_t i = 0; i < count; i++) {
			struct guide_source src = {.data = pages[i].data, .len = pages[i].len};
			struct guide_report r;
			if (guide_check(&src, &r, err, sizeof err) != 0) {
				fprintf(stderr, "guides_bench: %s: %s\n", pages[i].name, err);
				return 1;
			}
			for (int k = 0; k < GUIDE_ITEM_COUNT; k++)
				if (!r.items[k].evidence || !r.items[k].evidence[0]) {
					fprintf(stderr, "guides_bench: %s: %s has no evidence\n", pages[i].name,
						r.items[k].code);
					return 1;
				}
			guide_report_free(&r);
			checked++;
		}
		rounds++;
		elapsed = now_seconds() - start;
	}
	printf("guides: %lu guide pages checked in %.2f s: %.0f pages/s, %.1f MB/s "
	       "(%zu pages, %zu bytes a round)\n",
	       checked, elapsed, checked / elapsed, rounds * (double)bytes_per_round / elapsed / 1e6,
	       count, bytes_per_round);
	for (size_t i = 0; i < count; i++)
		free(pages[i].data);
	return 0;
}
