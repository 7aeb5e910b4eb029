/* Working-day calendars from iCalendar files: the shipped ones and those an evaluator names. */
#include "harness/calendar_load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness/app.h"
#include "schedule/calendar_ics.h"

char *calendar_shipped_dir(void)
{
	char *dir;
	return asprintf(&dir, "%s/schedule/holidays", foi_datadir()) < 0 ? NULL : dir;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_ics_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".ics") == 0;
}

/* Every *.ics in a folder, in name order (so 2023.ics is loaded before 2024.ics). */
static int load_folder(struct sched_calendar *cal, const char *dir, char *err, size_t errsz)
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!has_ics_suffix(e->d_name))
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 16;
			char **p = realloc(names, c * sizeof *p);
			if (!p) {
				rc = -1;
				break;
			}
			names = p;
			cap = c;
		}
		if (asprintf(&names[n], "%s/%s", dir, e->d_name) < 0) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(d);
	if (rc != 0)
		snprintf(err, errsz, "out of memory");
	else if (n == 0) {
		snprintf(err, errsz, "%s: no .ics calendar files in this folder", dir);
		rc = -1;
	}
	if (rc == 0) {
		qsort(names, n, sizeof *names, by_name);
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = calendar_load_ics_file(cal, names[i], NULL, err, errsz);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int calendar_load_path(struct sched_calendar *cal, const char *path, char *err, size_t errsz)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return load_folder(cal, path, err, errsz);
	return calendar_load_ics_file(cal, path, NULL, err, errsz);
}

int calendar_load_shipped(struct sched_calendar *cal, char *err, size_t errsz)
{
	char *dir = calendar_shipped_dir();
	if (!dir) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	int rc = load_folder(cal, dir, err, errsz);
	free(dir);
	return rc;
}

