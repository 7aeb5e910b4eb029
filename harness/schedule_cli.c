/* Shared plumbing of the time commands (see schedule_cli.h). */
#include "harness/schedule_cli.h"
#include "harness/workspace_calendar.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness/calendar_store.h"
#include "harness/settings.h"
#include "harness/workspace.h"
#include "schedule/calendar_ics.h"

int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0)
		return 0;
	if (a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (a[n] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

int calendar_choice_add(struct calendar_choice *c, const char *path, char *err, size_t errsz)
{
	if (c->nfiles == SCHEDULE_CLI_MAX_CALENDARS) {
		snprintf(err, errsz, "at most %d --calendar options", SCHEDULE_CLI_MAX_CALENDARS);
		return -1;
	}
	c->files[c->nfiles++] = path;
	return 0;
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

static int load_path(struct sched_calendar *cal, const char *path, char *err, size_t errsz)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return load_folder(cal, path, err, errsz);
	return calendar_load_ics_file(cal, path, NULL, err, errsz);
}

int calendar_load_shipped(struct sched_calendar *cal, char *err, size_t errsz)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/schedule/holidays", foi_datadir());
	return load_folder(cal, dir, err, errsz);
}

static void settings_to_rules(const struct settings *s, struct time_setup *t)
{
	t->rules.on_rest_day = s->receipt_on_rest_day == RECEIPT_SAME_DAY ? RECEIPT_REST_SAME_DAY
									 : RECEIPT_REST_NEXT_WORKING_DAY;
	t->rules.cutoff_sec = s->office_hours_cutoff < 0 ? -1 : s->office_hours_cutoff * 60;
	t->consult_clock = s->consult_clock == CONSULT_CLOCK_ELAPSED ? SCHED_CLOCK_ELAPSED : SCHED_CLOCK_CIVIL;
}

/* origin += a b, as far as it fits */
static void add_origin(struct time_setup *t, const char *a, const char *b)
{
	size_t len = strlen(t->origin);
	if (len < sizeof t->origin)
		snprintf(t->origin + len, sizeof t->origin - len, "%s%s", a, b);
}

int time_setup_open(const struct foi_app *app, const struct calendar_choice *choice, struct time_setup *out,
		    char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->rules = RECEIPT_RULES_DEFAULT;
	out->consult_clock = SCHED_CLOCK_CIVIL;
	struct workspace ws = {0};
	char dir[PATH_MAX], ignored[FOI_ERR_MAX];
	if (workspace_find(app, dir, ignored, sizeof ignored) == 0) {
		int rc = workspace_open(app, &ws, err, errsz);
		if (rc != FOI_EXIT_OK)
			return rc;
		out->in_workspace = 1;
		settings_to_rules(&ws.settings, out);
	} else if (app->workspace_dir) {
		snprintf(err, errsz, "%s", ignored);
		return FOI_EXIT_FAIL;
	}

	int rc = FOI_EXIT_OK;
	out->cal = calendar_new();
	if (!out->cal) {
		snprintf(err, errsz, "out of memory");
		rc = FOI_EXIT_FAIL;
	} else if (choice->nfiles > 0) {
		for (size_t i = 0; i < choice->nfiles && rc == FOI_EXIT_OK; i++) {
			add_origin(out, i ? ", " : "", choice->files[i]);
			if (load_path(out->cal, choice->files[i], err, errsz) != 0)
				rc = FOI_EXIT_DATA;
		}
	} else if (out->in_workspace) {
		char shipped[4200], imported[1024];
		snprintf(shipped, sizeof shipped, "%s/schedule/holidays", foi_datadir());
		add_origin(out, "shipped: ", shipped);
		calendar_free(out->cal);
		rc = workspace_calendar_load(&ws, &out->cal, imported, sizeof imported, err, errsz);
		if (rc == FOI_EXIT_OK && imported[0])
			add_origin(out, "; imported into the workspace: ", imported);
	} else {
		char shipped[4200];
		snprintf(shipped, sizeof shipped, "%s/schedule/holidays", foi_datadir());
		add_origin(out, "shipped: ", shipped);
		if (calendar_load_shipped(out->cal, err, errsz) != 0)
			rc = FOI_EXIT_DATA;
		if (rc == FOI_EXIT_OK && calendar_build(out->cal, err, errsz) != 0)
			rc = FOI_EXIT_DATA;
	}
	if (out->in_workspace)
		workspace_close(&ws);
	if (rc != FOI_EXIT_OK)
		time_setup_close(out);
	return rc;
}

void time_setup_close(struct time_setup *t)
{
	calendar_free(t->cal);
	t->cal = NULL;
}

struct sched_instant local_instant(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return (struct sched_instant){
		.day = day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
		.sec = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec,
	};
}

time_t local_instant_time(struct sched_instant t)
{
	int y, m, d;
	day_to_ymd(t.day, &y, &m, &d);
	/* mktime carries 86400 seconds over into the next day's midnight. */
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_sec = t.sec, .tm_isdst = -1};
	return mktime(&tm);
}

int local_instant_parse(const char *text, struct sched_instant *out, char *err, size_t errsz)
{
	time_t t;
	if (clock_parse_local(text, &t, err, errsz) != 0)
		return -1;
	*out = local_instant(t);
	return 0;
}

void local_instant_iso(struct sched_instant t, char out[CLOCK_ISO_MAX])
{
	clock_format_iso(local_instant_time(t), out);
}

void local_instant_text(struct sched_instant t, char *out, size_t outsz)
{
	char date[SCHED_DATE_MAX];
	day_format(t.day, date);
	snprintf(out, outsz, "%s %02d:%02d", date, (int)(t.sec / 3600), (int)(t.sec / 60 % 60));
}

void json_str(cJSON *obj, const char *key, const char *value, int *ok)
{
	if (!cJSON_AddStringToObject(obj, key, value ? value : ""))
		*ok = 0;
}

void json_num(cJSON *obj, const char *key, double value, int *ok)
{
	if (!cJSON_AddNumberToObject(obj, key, value))
		*ok = 0;
}

void json_bool(cJSON *obj, const char *key, int value, int *ok)
{
	if (!cJSON_AddBoolToObject(obj, key, value))
		*ok = 0;
}

void json_null(cJSON *obj, const char *key, int *ok)
{
	if (!cJSON_AddNullToObject(obj, key))
		*ok = 0;
}

cJSON *json_obj(cJSON *parent, const char *key, int *ok)
{
	cJSON *o = cJSON_CreateObject();
	if (!o || !(key ? cJSON_AddItemToObject(parent, key, o) : cJSON_AddItemToArray(parent, o))) {
		cJSON_Delete(o);
		*ok = 0;
		return NULL;
	}
	return o;
}

cJSON *json_arr(cJSON *parent, const char *key, int *ok)
{
	cJSON *a = cJSON_AddArrayToObject(parent, key);
	if (!a)
		*ok = 0;
	return a;
}

void json_push_str(cJSON *arr, const char *value, int *ok)
{
	cJSON *s = cJSON_CreateString(value);
	if (!s || !cJSON_AddItemToArray(arr, s)) {
		cJSON_Delete(s);
		*ok = 0;
	}
}

int json_emit(cJSON *root, int ok, const char *what)
{
	char *text = ok && root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		foi_error(what, "out of memory while writing JSON");
		return FOI_EXIT_FAIL;
	}
	puts(text);
	free(text);
	return FOI_EXIT_OK;
}
