/* foi.db: opening with WAL and foreign keys, migrations, transactions and the journal (see store.h). */
#include "harness/store.h"
#include "harness/clock.h"

#include <stdio.h>
#include <unistd.h>

int store_exec(sqlite3 *db, const char *sql, char *err, size_t errsz)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "database: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_begin(sqlite3 *db, char *err, size_t errsz)
{
	return store_exec(db, "BEGIN IMMEDIATE", err, errsz);
}

int store_commit(sqlite3 *db, char *err, size_t errsz)
{
	if (store_exec(db, "COMMIT", err, errsz) != 0) {
		store_rollback(db);
		return -1;
	}
	return 0;
}

void store_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int store_journal(sqlite3 *db, const char *command, const char *detail, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	char at[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), at);
	if (sqlite3_prepare_v2(db, "INSERT INTO journal(at, command, detail) VALUES (?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, command, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, detail, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int read_version(sqlite3 *db, int *version)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Each migration is its own transaction with its version bump, so a crash mid-way loses nothing. */
static int migrate(sqlite3 *db, const char *path, int from, char *err, size_t errsz)
{
	for (size_t v = (size_t)from; v < store_migration_count; v++) {
		char bump[64], why[FOI_ERR_MAX];
		int now;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %zu", v + 1);
		if (store_begin(db, why, sizeof why) != 0) {
			snprintf(err, errsz, "%s: migration to schema %zu failed: %s", path, v + 1, why);
			return -1;
		}
		/* Another foi may have migrated while this one waited for the lock. */
		if (read_version(db, &now) == 0 && (size_t)now > v) {
			store_rollback(db);
			v = (size_t)now - 1;
			continue;
		}
		if (store_exec(db, store_migrations[v], why, sizeof why) != 0 ||
		    store_exec(db, bump, why, sizeof why) != 0 || store_commit(db, why, sizeof why) != 0) {
			store_rollback(db);
			snprintf(err, errsz, "%s: migration to schema %zu failed: %s", path, v + 1, why);
			return -1;
		}
	}
	return 0;
}

int store_open(const char *path, int create, sqlite3 **out, char *err, size_t errsz)
{
	sqlite3 *db = NULL;
	int version;
	char why[FOI_ERR_MAX];
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	*out = NULL;
	if (!create && access(path, F_OK) != 0) {
		snprintf(err, errsz, "%s: no such database", path);
		return -1;
	}
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	if (read_version(db, &version) != 0) {
		snprintf(err, errsz, "%s: not a foi database (%s)", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	if ((size_t)version > store_migration_count) {
		snprintf(err, errsz,
			 "%s was written by a newer foi (schema %d; this foi knows up to %zu): upgrade foi",
			 path, version, store_migration_count);
		sqlite3_close(db);
		return -1;
	}
	if (store_exec(db, "PRAGMA journal_mode = WAL", why, sizeof why) != 0 ||
	    store_exec(db, "PRAGMA foreign_keys = ON", why, sizeof why) != 0) {
		snprintf(err, errsz, "%s: %s", path, why);
		sqlite3_close(db);
		return -1;
	}
	if (migrate(db, path, version, err, errsz) != 0) {
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void store_close(sqlite3 *db)
{
	sqlite3_close(db);
}
