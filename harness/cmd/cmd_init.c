/*
 * foi init [DIR]: makes DIR a workspace. Safe to run again: what exists is kept, what is
 * missing is created, so an interrupted init is finished by running it once more.
 */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/status.h"
#include "harness/settings.h"
#include "harness/store.h"
#include "harness/units.h"
#include "harness/workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Copies src to dst unless dst exists; *copied tells which happened. */
static int copy_if_absent(const char *src, const char *dst, mode_t mode, int *copied, char *err, size_t errsz)
{
	*copied = 0;
	if (access(dst, F_OK) == 0)
		return 0;
	FILE *in = fopen(src, "rb");
	if (!in) {
		snprintf(err, errsz, "%s: %s", src, strerror(errno));
		return -1;
	}
	/* O_EXCL: never clobber a file that appeared meanwhile. */
	int fd = open(dst, O_WRONLY | O_CREAT | O_EXCL, mode);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!out) {
		snprintf(err, errsz, "%s: %s", dst, strerror(errno));
		if (fd >= 0)
			close(fd);
		fclose(in);
		return -1;
	}
	char buf[8192];
	size_t n;
	int bad = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			bad = 1;
	bad |= ferror(in);
	fclose(in);
	if (fclose(out) != 0 || bad) {
		snprintf(err, errsz, "%s: write failed", dst);
		unlink(dst);
		return -1;
	}
	*copied = 1;
	return 0;
}

static enum foi_status make_dir(const char *path, char *err, size_t errsz)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp)
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", path, strerror(ENAMETOOLONG));
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
			return foi_fail(err, errsz, FOI_E_IO, "%s: %s", tmp, strerror(errno));
		*p = '/';
	}
	if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", tmp, strerror(errno));
	return FOI_OK;
}

static int units_count(sqlite3 *db)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM units", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int cmd_init(struct foi_app *app, int argc, char **argv)
{
	const char *dir = NULL;
	size_t npos;
	const struct arg_spec spec = {"init", "init", NULL, 0, &dir, 1, &npos};
	int prc = args_parse(&spec, argc, argv, 1);
	if (prc != ARGS_CONTINUE)
		return prc;
	if (!dir)
		dir = app->workspace_dir ? app->workspace_dir : ".";
	char err[FOI_ERR_MAX], src[PATH_MAX], path[PATH_MAX];
	int copied;

	if (make_dir(dir, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_FAIL;
	}
	snprintf(src, sizeof src, "%s/config.example.ini", foi_datadir());
	snprintf(path, sizeof path, "%s/%s", dir, WORKSPACE_INI);
	if (copy_if_absent(src, path, 0600, &copied, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_FAIL;
	}
	printf("%s %s\n", copied ? "created" : "kept   ", path);

	struct settings settings;
	int insecure;
	settings_defaults(&settings);
	if (settings_load(path, &settings, &insecure, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_DATA;
	}

	snprintf(path, sizeof path, "%s/%s", dir, WORKSPACE_STORE);
	if (make_dir(path, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_FAIL;
	}

	/* The units file lives in the workspace so the evaluator can edit it in a spreadsheet. */
	char units[PATH_MAX];
	snprintf(src, sizeof src, "%s/harness/data/units.csv", foi_datadir());
	if (settings.units_file[0] == '/')
		snprintf(units, sizeof units, "%s", settings.units_file);
	else
		snprintf(units, sizeof units, "%s/%s", dir, settings.units_file);
	if (copy_if_absent(src, units, 0644, &copied, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_FAIL;
	}
	if (copied)
		printf("created %s\n", units);

	sqlite3 *db;
	snprintf(path, sizeof path, "%s/%s", dir, WORKSPACE_DB);
	if (store_open(path, 1, &db, err, sizeof err) != 0) {
		foi_error("init", "%s", err);
		return FOI_EXIT_FAIL;
	}
	printf("opened  %s (schema %zu)\n", path, store_migration_count);
	int rc = FOI_EXIT_OK;
	if (units_count(db) == 0) {
		struct units_import_result res;
		rc = units_import_file(db, units, &res, err, sizeof err);
		if (rc != FOI_EXIT_OK) {
			foi_error("init", "%s", err);
		} else {
			printf("imported %d units from %s\n", res.total, units);
		}
	}
	store_close(db);
	if (rc == FOI_EXIT_OK)
		printf("workspace ready in %s\n", dir);
	return rc;
}
