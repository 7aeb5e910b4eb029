/*
 * foi channel check: the channel-clarity check of one guide page saved as a file, outside
 * any workspace. The check itself is grader/guide_check.c; this reads the file and shows
 * the items as a table or as JSON.
 */
#include "grader/guide_check.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/file_read.h"
#include "harness/cmd/finding_out.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define WHAT "channel check"

/* Reads at most GUIDE_MAX_BYTES; "-" is standard input. */
static int read_page(const char *path, unsigned char **data, size_t *len)
{
	char err[FOI_ERR_MAX], *text;
	enum foi_status st = file_read_capped(path, GUIDE_MAX_BYTES, "a guide page", &text, len, err, sizeof err);
	if (st != FOI_OK) {
		foi_error(WHAT, "%s", err);
		return command_exit(st);
	}
	*data = (unsigned char *)text;
	return FOI_EXIT_OK;
}

static int print_json(const struct guide_report *r)
{
	cJSON *root = cJSON_CreateObject();
	if (root && finding_json_add_items(root, r->items, GUIDE_ITEM_COUNT) != 0) {
		cJSON_Delete(root);
		root = NULL;
	}
	if (finding_json_print(root) != 0) {
		foi_error(WHAT, "out of memory writing JSON");
		return -1;
	}
	return 0;
}

static void print_table(const char *path, const struct guide_report *r)
{
	if (!r->charset[0]) {
		printf("page: %s (not text)\n\n", path);
	} else {
		printf("page: %s (read as %s", path, r->charset);
		if (r->declared[0] && strcasecmp(r->declared, r->charset) != 0)
			printf(", declared %s", r->declared);
		if (r->bad_sequences)
			printf(", %zu undecodable byte sequence%s", r->bad_sequences,
			       r->bad_sequences == 1 ? "" : "s");
		printf(")\n\n");
	}
	finding_print_table(r->items, GUIDE_ITEM_COUNT, 22, 0);
}

static int channel_check(int argc, char **argv)
{
	const char *file = NULL, *base_url = NULL, *charset = NULL, *pos[1];
	size_t npos;
	int json = 0;
	const struct arg_opt opts[] = {
		ARG_VALUE("--file", &file), /* the older spelling of the FILE argument */
		ARG_VALUE("--base-url", &base_url),
		ARG_VALUE("--charset", &charset),
		ARG_FLAG("--json", &json),
	};
	const struct arg_spec spec = {"channel check", "channel", opts, sizeof opts / sizeof opts[0], pos, 1, &npos};
	int rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (npos && file)
		return command_usage_error("channel check", "channel", "give the page once (FILE or --file, not both)");
	if (npos)
		file = pos[0];
	if (!file)
		return command_usage_error("channel check", "channel", "needs a FILE (a saved guide page, - for standard input)");

	unsigned char *data = NULL;
	size_t len = 0;
	rc = read_page(file, &data, &len);
	if (rc != FOI_EXIT_OK)
		return rc;
	struct guide_source src = {.data = data, .len = len, .base_url = base_url, .charset_hint = charset};
	struct guide_report report;
	char err[FOI_ERR_MAX];
	rc = guide_check(&src, &report, err, sizeof err);
	free(data);
	if (rc != 0) {
		foi_error(WHAT, "%s: %s", file, err);
		guide_report_free(&report);
		return FOI_EXIT_DATA;
	}
	size_t counts[3];
	finding_count(report.items, GUIDE_ITEM_COUNT, counts);
	int failed = counts[FINDING_FAIL] > 0;
	if (json) {
		if (print_json(&report) != 0) {
			guide_report_free(&report);
			return FOI_EXIT_FAIL;
		}
	} else {
		print_table(strcmp(file, "-") == 0 ? "(standard input)" : file, &report);
	}
	guide_report_free(&report);
	return failed ? FOI_EXIT_FAIL : FOI_EXIT_OK;
}

int cmd_channel(struct foi_app *app, int argc, char **argv)
{
	(void)app; /* works outside any workspace */
	static const char *const subs[] = {"check", NULL};
	int sub, rc = args_subcommand("channel", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	return channel_check(argc, argv);
}
