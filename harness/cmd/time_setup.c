/* The calendar and counting rules of the time commands (see time_setup.h). */
#include "harness/cmd/time_setup.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness/calendar_load.h"
#include "harness/calendar_store.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/settings.h"
#include "harness/workspace.h"

/* A --calendar FILE: one that is not there is not found (1); one that is there but malformed is
 * bad data (3). */
static int load_named(struct sched_calendar *cal, const char *path, char *err, size_t errsz)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return FOI_EXIT_FAIL;
	}
	return calendar_load_path(cal, path, err, errsz) == 0 ? FOI_EXIT_OK : FOI_EXIT_DATA;
}

static void settings_to_rules(const struct settings *s, struct time_setup *t)
{
	t->rules.on_rest_day = s->receipt_on_rest_day == RECEIPT_SAME_DAY ? RECEIPT_REST_SAME_DAY
									 : RECEIPT_REST_NEXT_WORKING_DAY;
	t->rules.cutoff_sec = s->office_hours_cutoff < 0 ? -1 : s->office_hours_cutoff * 60;
	t->consult_clock = s->consult_clock == CONSULT_CLOCK_ELAPSED ? SCHED_CLOCK_ELAPSED : SCHED_CLOCK_CIVIL;
	t->rest_rule = s->reply_on_rest_day == REPLY_REST_AS_OF_LAST ? REPLY_REST_AS_OF_LAST_WORKING_DAY
								      : REPLY_REST_NEXT_WORKING_DAY;
}

/* origin += a b, as far as it fits */
static void add_origin(struct time_setup *t, const char *a, const char *b)
{
	size_t len = strlen(t->origin);
	if (len < sizeof t->origin)
		snprintf(t->origin + len, sizeof t->origin - len, "%s%s", a, b);
}

int time_setup_open(const struct foi_app *app, const char *const *calendars, size_t ncalendars,
		    struct time_setup *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->rules = RECEIPT_RULES_DEFAULT;
	out->consult_clock = SCHED_CLOCK_CIVIL;
	out->rest_rule = REPLY_REST_NEXT_WORKING_DAY;
	struct workspace ws = {0};
	char dir[PATH_MAX], ignored[FOI_ERR_MAX], *shipped = calendar_shipped_dir();
	if (!shipped) {
		snprintf(err, errsz, "out of memory");
		return FOI_EXIT_FAIL;
	}
	if (workspace_find(app, dir, ignored, sizeof ignored) == 0) {
		int rc = workspace_open(app, &ws, err, errsz);
		if (rc != FOI_EXIT_OK) {
			free(shipped);
			return rc;
		}
		out->in_workspace = 1;
		settings_to_rules(&ws.settings, out);
	} else if (app->workspace_dir) {
		snprintf(err, errsz, "%s", ignored);
		free(shipped);
		return FOI_EXIT_FAIL;
	}

	int rc = FOI_EXIT_OK;
	out->cal = calendar_new();
	if (!out->cal) {
		snprintf(err, errsz, "out of memory");
		rc = FOI_EXIT_FAIL;
	} else if (ncalendars > 0) {
		for (size_t i = 0; i < ncalendars && rc == FOI_EXIT_OK; i++) {
			add_origin(out, i ? ", " : "", calendars[i]);
			rc = load_named(out->cal, calendars[i], err, errsz);
		}
	} else if (out->in_workspace) {
		char imported[1024];
		add_origin(out, "shipped: ", shipped);
		calendar_free(out->cal);
		rc = command_exit(calendar_store_load_workspace(ws.db, &out->cal, imported, sizeof imported, err, errsz));
		if (rc == FOI_EXIT_OK && imported[0])
			add_origin(out, "; imported into the workspace: ", imported);
	} else {
		add_origin(out, "shipped: ", shipped);
		if (calendar_load_shipped(out->cal, err, errsz) != 0)
			rc = FOI_EXIT_DATA;
		if (rc == FOI_EXIT_OK && calendar_build(out->cal, err, errsz) != 0)
			rc = FOI_EXIT_DATA;
	}
	free(shipped);
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


int time_options_check(const char *command, struct time_options *t)
{
	t->channel_value = SCHED_CHANNEL_WEB;
	t->clock_value = SCHED_CLOCK_CIVIL;
	if (!t->from)
		return command_usage_error(command, command, "--from is required (a time 'YYYY-MM-DD HH:MM')");
	if (t->channel && sched_channel_parse(t->channel, &t->channel_value) != 0)
		return command_usage_error(command, command, "--channel is one of web, email, fax, in-person, post, not '%s'",
					   t->channel);
	if (t->clock && sched_clock_parse(t->clock, &t->clock_value) != 0)
		return command_usage_error(command, command, "--clock is civil or elapsed, not '%s'", t->clock);
	t->clock_given = t->clock != NULL;
	return ARGS_CONTINUE;
}

int time_setup_for(const char *command, const struct foi_app *app, const struct time_options *t,
		   struct time_setup *out)
{
	char err[FOI_ERR_MAX];
	int rc = time_setup_open(app, t->calendars, t->ncalendars, out, err, sizeof err);
	if (rc != FOI_EXIT_OK)
		foi_error(command, "%s", err);
	return rc;
}
