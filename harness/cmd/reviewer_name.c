/* The reviewer's name for a decision: --reviewer, FOI_REVIEWER, or the [review] setting. */
#include "harness/cmd/reviewer_name.h"
#include "harness/cmd/commands.h"
#include "harness/settings.h"

#include <stdlib.h>
#include <string.h>

#define REVIEWER_MAX 100

const char *reviewer_name(const char *option, const struct settings *s, const char *what, const char *help)
{
	const char *env = getenv("FOI_REVIEWER");
	const char *name = option && *option ? option : env && *env ? env : s->reviewer[0] ? s->reviewer : NULL;
	if (!name) {
		command_usage_error(what, help, "who is deciding? give --reviewer NAME, set FOI_REVIEWER, or set "
				    "[review] reviewer in foi.ini");
		return NULL;
	}
	if (strlen(name) > REVIEWER_MAX) {
		command_usage_error(what, help, "the reviewer's name is longer than %d bytes", REVIEWER_MAX);
		return NULL;
	}
	return name;
}
