/* foi now: shows the instant every other command would take as "now". */
#include "harness/clock.h"
#include "harness/cmd/commands.h"
#include "harness/workspace.h"

#include <stdio.h>
#include <string.h>

int cmd_now(struct foi_app *app, int argc, char **argv)
{
	int json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			return command_usage_error("now", "unexpected argument '%s'", argv[i]);
	}
	/* Inside a workspace the zone is the workspace's; elsewhere the default. */
	struct settings settings;
	int found;
	char err[FOI_ERR_MAX];
	int rc = workspace_settings_if_any(app, &settings, &found, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("now", "%s", err);
		return rc;
	}
	char iso[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), iso);
	if (json)
		printf("{\"now\": \"%s\", \"zone\": \"%s\"}\n", iso, clock_zone());
	else
		printf("%s (%s)\n", iso, clock_zone());
	return FOI_EXIT_OK;
}
