/* The reviewer's name for a decision: --reviewer, FOI_REVIEWER, or the [review] setting. */
#include "harness/cmd/reviewer_name.h"
#include "harness/cmd/commands.h"
#include "harness/replies.h"
#include "harness/workspace.h"

#include <string.h>

#define REVIEWER_MAX 100

const char *reviewer_name(const char *option, const struct workspace *ws, const char *what, const char *help)
{
	const char *name = replies_who(ws, option);
	if (!*name) {
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
