/*
 * The workspace: a folder holding foi.ini (settings), foi.db (the store) and store/ (raw
 * messages by SHA-256). Commands find it from -C DIR or by walking up from the current folder.
 */
#ifndef FOI_WORKSPACE_H
#define FOI_WORKSPACE_H

#include <limits.h>
#include <sqlite3.h>

#include "harness/app.h"
#include "harness/settings.h"
#include "harness/status.h"

#define WORKSPACE_INI "foi.ini"
#define WORKSPACE_DB "foi.db"
#define WORKSPACE_STORE "store"

struct workspace {
	char dir[PATH_MAX];
	sqlite3 *db;
	struct settings settings;
};

/*
 * Finds and opens the workspace: settings read (and the clock set to their zone), database
 * opened and migrated. Returns FOI_EXIT_OK, or an exit code with err filled:
 * FOI_EXIT_FAIL when there is no workspace or the database cannot be opened,
 * FOI_EXIT_DATA when foi.ini is malformed.
 */
int workspace_open(const struct foi_app *app, struct workspace *ws, char *err, size_t errsz);
void workspace_close(struct workspace *ws);

/* Finds the workspace folder without opening it; 0 when found. */
int workspace_find(const struct foi_app *app, char dir[PATH_MAX], char *err, size_t errsz);

/*
 * For commands that also work outside a workspace: when one is found, its settings are
 * loaded into *s (and the clock switched to its zone) and *found is set; otherwise *s keeps
 * the defaults. Returns an exit code like workspace_open.
 */
int workspace_settings_if_any(const struct foi_app *app, struct settings *s, int *found,
			      char *err, size_t errsz);

/* dir/name into out; -1 when it does not fit. */
int workspace_path(const struct workspace *ws, const char *name, char out[PATH_MAX]);

/*
 * Takes an exclusive lock on the workspace file DIR/name (flock: the system releases it when
 * the process dies, so a crashed command never leaves it held). *fd receives the descriptor:
 * close it to release. FOI_E_IO, with held_by in the message, when another process holds it.
 */
enum foi_status workspace_lock(const char *ws_dir, const char *name, const char *held_by, int *fd, char *err,
			       size_t errsz);

#endif
