/*
 * Units under evaluation: the 36 bodies of the scheme, plus under each county-level
 * government the county-level departments the FOI test's target is drawn from.
 *
 * The units file is a UTF-8 CSV an evaluator can open in a spreadsheet:
 *   code,name,level,parent,guide_url,foi_form_url,consult_form_url,email
 * level is county|department; a unit with a parent is a county-level department of that
 * county (not itself evaluated). Importing is all or nothing.
 */
#ifndef FOI_UNITS_H
#define FOI_UNITS_H

#include <sqlite3.h>
#include <stddef.h>

struct units_import_result {
	int total, added, changed, removed, unchanged;
	int followed; /* planned requests that took their unit's new channel (round_follow.h) */
};

/*
 * Checks every row of the CSV text, then replaces the units table with it in one transaction.
 * Returns FOI_EXIT_OK; FOI_EXIT_DATA with err as "FILE:LINE: what" for a bad file or a unit a
 * round still needs; FOI_EXIT_FAIL when the database fails. Nothing changes unless it is OK.
 */
int units_import(sqlite3 *db, const char *path, const char *text, size_t len,
		 struct units_import_result *res, char *err, size_t errsz);

/* Reads a units file from disk and imports it; FOI_EXIT_FAIL when it cannot be read. */
int units_import_file(sqlite3 *db, const char *path, struct units_import_result *res,
		      char *err, size_t errsz);

/* True when text is an http(s) URL with a host (parsed by libcurl's URL API). */
int units_valid_url(const char *text);
/* True when text looks like a deliverable address: local@domain.tld, no spaces or brackets. */
int units_valid_email(const char *text);

#endif
