/*
 * The schema of foi.db as a list of forward migrations. Append only: a released migration is
 * never edited, because workspaces already carry it. Version N = the first N entries applied.
 */
#include "harness/store.h"

const char *const store_migrations[] = {
	/* 1: units under evaluation and the journal of what commands changed */
	"CREATE TABLE units ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN ('county', 'department')),"
	"  parent TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
	"  guide_url TEXT NOT NULL DEFAULT '',"
	"  foi_form_url TEXT NOT NULL DEFAULT '',"
	"  consult_form_url TEXT NOT NULL DEFAULT '',"
	"  email TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL"
	");"
	"CREATE TABLE journal ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  command TEXT NOT NULL,"
	"  detail TEXT NOT NULL"
	");",

	/* 2: the domains a unit is responsible for (space-separated codes of templates/domain.c) */
	"ALTER TABLE units ADD COLUMN domain TEXT NOT NULL DEFAULT '';",
};

const size_t store_migration_count = sizeof store_migrations / sizeof store_migrations[0];
