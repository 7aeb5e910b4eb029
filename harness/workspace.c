/* Finding, opening and closing a workspace (see workspace.h). */
#include "harness/workspace.h"
#include <sys/file.h>
#include <fcntl.h>
#include "harness/clock.h"
#include "harness/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_workspace(const char *dir)
{
	char p[PATH_MAX];
	struct stat sb;
	if (snprintf(p, sizeof p, "%s/%s", dir, WORKSPACE_INI) >= (int)sizeof p)
		return 0;
	if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
		return 0;
	snprintf(p, sizeof p, "%s/%s", dir, WORKSPACE_DB);
	return stat(p, &sb) == 0;
}

/* Walks up from dir (an absolute path) to the first folder that is a workspace; 0 or -1. */
static int find_upwards(char dir[PATH_MAX])
{
	for (;;) {
		if (is_workspace(dir))
			return 0;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	if (is_workspace("/")) {
		snprintf(dir, PATH_MAX, "/");
		return 0;
	}
	return -1;
}

int workspace_find(const struct foi_app *app, char dir[PATH_MAX], char *err, size_t errsz)
{
	/* Like git: a command run in a subfolder of the workspace (its store/, say), or with -C naming
	 * one, finds it. */
	if (app->workspace_dir) {
		if (!realpath(app->workspace_dir, dir)) {
			snprintf(err, errsz, "%s: %s", app->workspace_dir, strerror(errno));
			return -1;
		}
		if (find_upwards(dir) != 0) {
			snprintf(err, errsz, "%s is not a foi workspace (no %s and %s there or in a folder above; run 'foi init %s')",
				 app->workspace_dir, WORKSPACE_INI, WORKSPACE_DB, app->workspace_dir);
			return -1;
		}
		return 0;
	}
	if (!getcwd(dir, PATH_MAX)) {
		snprintf(err, errsz, "cannot read the current folder: %s", strerror(errno));
		return -1;
	}
	if (find_upwards(dir) == 0)
		return 0;
	snprintf(err, errsz,
		 "no foi workspace here or in any parent folder (create one with 'foi init DIR', or name one with -C DIR)");
	return -1;
}

static int load_settings(const char *dir, struct settings *s, char *err, size_t errsz)
{
	char ini[PATH_MAX];
	int insecure;
	settings_defaults(s);
	snprintf(ini, sizeof ini, "%s/%s", dir, WORKSPACE_INI);
	if (settings_load(ini, s, &insecure, err, errsz) != 0)
		return FOI_EXIT_DATA;
	if (insecure)
		foi_warn("%s holds a password and is readable by others: chmod 600 it, or use "
			 "FOI_SMTP_PASSWORD / FOI_IMAP_PASSWORD", ini);
	if (clock_set_zone(s->timezone, err, errsz) != 0)
		return FOI_EXIT_DATA;
	return FOI_EXIT_OK;
}

int workspace_open(const struct foi_app *app, struct workspace *ws, char *err, size_t errsz)
{
	char db[PATH_MAX];
	memset(ws, 0, sizeof *ws);
	if (workspace_find(app, ws->dir, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	int rc = load_settings(ws->dir, &ws->settings, err, errsz);
	if (rc != FOI_EXIT_OK)
		return rc;
	if (workspace_path(ws, WORKSPACE_DB, db) != 0 || store_open(db, 0, &ws->db, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	return FOI_EXIT_OK;
}

void workspace_close(struct workspace *ws)
{
	if (ws->db)
		store_close(ws->db);
	ws->db = NULL;
}

int workspace_settings_if_any(const struct foi_app *app, struct settings *s, int *found,
			      char *err, size_t errsz)
{
	char dir[PATH_MAX], ignored[FOI_ERR_MAX];
	settings_defaults(s);
	*found = 0;
	if (workspace_find(app, dir, ignored, sizeof ignored) != 0) {
		/* -C naming a folder that is not a workspace is a mistake worth reporting. */
		if (app->workspace_dir) {
			snprintf(err, errsz, "%s", ignored);
			return FOI_EXIT_FAIL;
		}
		return FOI_EXIT_OK;
	}
	*found = 1;
	return load_settings(dir, s, err, errsz);
}

int workspace_path(const struct workspace *ws, const char *name, char out[PATH_MAX])
{
	return snprintf(out, PATH_MAX, "%s/%s", ws->dir, name) >= PATH_MAX ? -1 : 0;
}

enum foi_status workspace_lock(const char *ws_dir, const char *name, const char *held_by, int *fd, char *err,
			       size_t errsz)
{
	char path[PATH_MAX];
	*fd = -1;
	if (snprintf(path, sizeof path, "%s/%s", ws_dir, name) >= (int)sizeof path)
		return foi_fail(err, errsz, FOI_E_IO, "%s: path too long", ws_dir);
	int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (f < 0)
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", path, strerror(errno));
	if (flock(f, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;
		close(f);
		if (e == EWOULDBLOCK)
			return foi_fail(err, errsz, FOI_E_IO, "%s (%s is locked)", held_by, path);
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", path, strerror(e));
	}
	*fd = f;
	return FOI_OK;
}
