/* Fuzz target: a units file (CSV) through the CSV reader and the all-or-nothing units import. */
#include "harness/csv.h"
#include "harness/store.h"
#include "harness/units.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* One in-memory store for the whole run (migrating it takes longer than an import); emptied
 * after each input so that every input meets the same database. */
static sqlite3 *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];
	(void)argc;
	(void)argv;
	if (store_open(":memory:", 1, &db, err, sizeof err) != 0) {
		fprintf(stderr, "units_fuzz: %s\n", err);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	char err[1024];

	/* The reader alone, to the end or the first malformed record. */
	struct csv_reader rd;
	struct csv_record rec;
	csv_init(&rd, text, size);
	while (csv_next(&rd, &rec, err, sizeof err) == 1)
		;
	csv_free(&rd);

	struct units_import_result res;
	units_import(db, "units.csv", text, size, &res, err, sizeof err);
	if (store_exec(db, "DELETE FROM units; DELETE FROM journal", err, sizeof err) != 0) {
		fprintf(stderr, "units_fuzz: reset: %s\n", err);
		abort();
	}
	return 0;
}
