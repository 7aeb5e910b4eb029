/* foi now: shows the instant every other command would take as "now". */
#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/workspace.h"

#include <stdio.h>
#include <string.h>

int cmd_now(struct foi_app *app, int argc, char **argv)
{
	int json = 0;
	const struct arg_opt opts[] = {ARG_FLAG("--json", &json)};
	const struct arg_spec spec = {"now", "now", opts, 1, NULL, 0, NULL};
	int prc = args_parse(&spec, argc, argv, 1);
	if (prc != ARGS_CONTINUE)
		return prc;
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
