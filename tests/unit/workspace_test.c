/* The workspace as a user meets it: init, finding it, the store's schema and migrations. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness/store.h"
#include "tests/unit/run_foi.h"

static int exists(const char *dir, const char *name)
{
	char p[4096];
	struct stat sb;
	cr_assert_lt(snprintf(p, sizeof p, "%s/%s", dir, name), (int)sizeof p);
	return stat(p, &sb) == 0;
}

Test(workspace, init_creates_settings_store_and_database)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s/ws", dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	char ws[4096];
	snprintf(ws, sizeof ws, "%s/ws", dir);
	cr_assert(exists(ws, "foi.ini"));
	cr_assert(exists(ws, "foi.db"));
	cr_assert(exists(ws, "store"));
	cr_assert(exists(ws, "units.csv"));
	cr_assert(strstr(r.out, "imported 51 units") != NULL, "out: %s", r.out);
	run_free(&r);

	/* foi.ini holds personas' data and maybe passwords: private by default. */
	struct stat sb;
	char ini[4200];
	snprintf(ini, sizeof ini, "%s/foi.ini", ws);
	cr_assert_eq(stat(ini, &sb), 0);
	cr_assert_eq(sb.st_mode & 077, 0);

	/* Running init again keeps what exists. */
	write_file(ws, "foi.ini", "[time]\nconsult_clock = elapsed\n");
	r = run_foi(NULL, "init %s", ws);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	char *text = read_file(ini);
	cr_assert_str_eq(text, "[time]\nconsult_clock = elapsed\n");
	free(text);
	cr_assert(strstr(r.out, "imported") == NULL, "out: %s", r.out);
	run_free(&r);
}

Test(workspace, commands_say_plainly_when_there_is_none)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("cd %s && \"$FOI_BIN\" units list", dir);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "foi: units: no foi workspace here") != NULL, "stderr: %s", r.err);
	run_free(&r);

	r = run_foi(dir, "units list");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "is not a foi workspace") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(workspace, found_from_a_subfolder)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	r = run_shell("mkdir -p %s/store/sub && cd %s/store/sub && \"$FOI_BIN\" units list --evaluated", dir, dir);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert(strstr(r.out, "36 evaluated units (5 county-level, 31 departments)") != NULL, "out: %s", r.out);
	run_free(&r);
}

static int user_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

Test(store, migrates_an_empty_database_to_the_current_schema)
{
	char *dir = make_temp_dir();
	char path[4096];
	snprintf(path, sizeof path, "%s/empty.db", dir);
	sqlite3 *db;
	char err[1024];
	cr_assert_eq(store_open(path, 1, &db, err, sizeof err), 0, "%s", err);
	/* Every migration ran: the tables exist and the version counts them. */
	cr_assert_eq(store_exec(db, "SELECT code, name, level, parent, email FROM units; SELECT * FROM journal;", err, sizeof err), 0, "%s", err);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	store_close(db);
	cr_assert_eq(user_version(path), (int)store_migration_count);

	/* Opening again is a no-op, not a second migration. */
	cr_assert_eq(store_open(path, 0, &db, err, sizeof err), 0, "%s", err);
	store_close(db);
	cr_assert_eq(user_version(path), (int)store_migration_count);
}

Test(store, refuses_a_database_from_a_newer_foi)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %zu", store_migration_count + 5);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	r = run_foi(dir, "units list");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "was written by a newer foi") != NULL, "stderr: %s", r.err);
	cr_assert(strstr(r.err, "upgrade foi") != NULL, "stderr: %s", r.err);
	run_free(&r);
	/* And it was left as it was. */
	cr_assert_eq(user_version(path), (int)store_migration_count + 5);
}

Test(store, a_file_that_is_not_a_database_is_named)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	run_free(&r);
	write_file(dir, "foi.db", "this is not sqlite, just text that someone saved here by mistake\n");
	r = run_foi(dir, "units list");
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, "foi.db: not a foi database") != NULL, "stderr: %s", r.err);
	run_free(&r);
}

Test(store, commands_started_together_on_an_old_database_migrate_it_once)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	/* A workspace left at schema 1 by an older foi. */
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	unlink(path);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, store_migrations[0], NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	/* Six commands at once: each waits for the others' migration instead of repeating it. */
	r = run_shell("cd %s && for i in 1 2 3 4 5 6; do \"$FOI_BIN\" units list --evaluated >/dev/null 2>err.$i & done; wait; "
		      "cat err.*", dir);
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(r.out, "", "a concurrent migration failed: %s", r.out);
	run_free(&r);
	cr_assert_eq(user_version(path), (int)store_migration_count);
}
