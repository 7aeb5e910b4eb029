/*
 * foi grade run NAME [--unit CODE] [--json]: grades every final reply of a round that this
 * version of the grader has not graded, and says what it did. A reply that cannot be read is
 * named in a warning and the others go on.
 */
#include "harness/cmd/cmd_grade_run.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/cmd/json_out.h"
#include "harness/grading.h"
#include "harness/workspace.h"
#include "grader/grader_version.h"

#include <inttypes.h>
#include <stdio.h>

static void warn_reply(int64_t request_id, const char *why, void *ctx)
{
	(void)ctx;
	foi_warn("request %" PRId64 ": its reply could not be graded: %s", request_id, why);
}

int cmd_grade_run(struct foi_app *app, int argc, char **argv)
{
	const char *name = NULL, *unit = NULL;
	int json = 0;
	const struct arg_opt opts[] = {ARG_VALUE("--unit", &unit), ARG_FLAG("--json", &json)};
	size_t npos;
	const struct arg_spec spec = {"grade run", "grade", opts, sizeof opts / sizeof opts[0], &name, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (!name)
		return command_usage_error("grade run", "grade", "needs the round's NAME (see 'foi round list')");
	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("grade run", "%s", err);
		return rc;
	}
	struct grade_run_summary sum;
	enum foi_status st = grade_round(&ws, name, unit, &sum, warn_reply, NULL, err, sizeof err);
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error("grade run", "%s", err);
		return command_exit(st);
	}
	if (json) {
		int ok = 1;
		cJSON *root = json_root_obj(&ok);
		json_str(root, "round", name, &ok);
		json_str(root, "grader_version", GRADER_VERSION, &ok);
		json_num(root, "graded", sum.graded, &ok);
		json_num(root, "regraded", sum.regraded, &ok);
		json_num(root, "already_graded", sum.current, &ok);
		json_num(root, "unreadable", sum.unreadable, &ok);
		json_num(root, "failed", sum.failed, &ok);
		return json_emit(root, ok, "grade run");
	}
	printf("round %s, grader version %s: %d %s graded", name, GRADER_VERSION, sum.graded,
	       sum.graded == 1 ? "reply" : "replies");
	if (sum.regraded)
		printf(" (%d graded before by an older version, kept beside)", sum.regraded);
	printf(", %d already graded by this version\n", sum.current);
	if (sum.unreadable)
		printf("%d could not be read (every item unknown): a reviewer reads the original\n", sum.unreadable);
	if (sum.failed)
		printf("%d could not be graded (see the warnings above)\n", sum.failed);
	printf("next: 'foi review list %s --pending'\n", name);
	return sum.failed ? FOI_EXIT_FAIL : FOI_EXIT_OK;
}
