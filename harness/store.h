/*
 * The store: foi.db, the single source of truth of a workspace.
 *
 * Opening runs the forward migrations in harness/migrations.c (PRAGMA user_version counts
 * them), turns on WAL and foreign keys, and refuses a database written by a newer foi. Each
 * command step runs in one transaction (store_begin/store_commit), so an interrupted or
 * failed step leaves nothing half-written.
 */
#ifndef FOI_STORE_H
#define FOI_STORE_H

#include <sqlite3.h>
#include <stddef.h>

/* The migrations, oldest first; the schema version is their count. */
extern const char *const store_migrations[];
extern const size_t store_migration_count;

/* Opens (creating when create is set) and migrates path. */
int store_open(const char *path, int create, sqlite3 **out, char *err, size_t errsz);
void store_close(sqlite3 *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK, with the SQLite message on failure. */
int store_begin(sqlite3 *db, char *err, size_t errsz);
int store_commit(sqlite3 *db, char *err, size_t errsz);
void store_rollback(sqlite3 *db);

/* Records one line in the journal (what a command changed); part of the caller's transaction. */
int store_journal(sqlite3 *db, const char *command, const char *detail, char *err, size_t errsz);

/* Runs sql that returns no rows. */
int store_exec(sqlite3 *db, const char *sql, char *err, size_t errsz);

#endif
