/*
 * Reading a round back for people and programs: its settings, the county-level draws and its
 * requests (`foi round show`), and every round with its counts (`foi round list`). The front-end
 * prints; this module only queries, and a query that fails part-way returns an error rather than
 * part of a plan.
 */
#ifndef FOI_ROUND_QUERY_H
#define FOI_ROUND_QUERY_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

struct round_summary {
	char *name, *created_at, *kinds, *start;
	int64_t seed;
	int spread_days;
	int requests, planned, edits;
};

struct round_draw_row {
	char *county, *target, *target_name, *pool;
};

/* A request's fields, in the order --json shows them (round_request_field_names). */
enum round_request_field {
	RQ_UNIT, RQ_TARGET, RQ_KIND, RQ_TEMPLATE, RQ_CHANNEL, RQ_ADDRESS, RQ_PERSONA, RQ_SEND_AT, RQ_TOKEN,
	RQ_REPLY_TO, RQ_SUBJECT, RQ_BODY, RQ_STATE,
	/* its last sending attempt: what identifies what was sent, and the evidence ("" before) */
	RQ_MESSAGE_ID, RQ_CONFIRMATION, RQ_DETAIL, RQ_FIELD_COUNT
};
extern const char *const round_request_field_names[RQ_FIELD_COUNT];

struct round_request_row {
	int64_t id; /* what `foi request` takes */
	char *f[RQ_FIELD_COUNT];
	char *target_level, *target_domains; /* the target unit's, to judge the template's domain */
};

struct round_view {
	struct round_summary round;
	struct round_draw_row *draws;
	size_t ndraws;
	struct round_request_row *requests;
	size_t nrequests;
};

/*
 * Reads round name with its draws and requests (only those of unit only_unit when it is not
 * NULL), units in file order. FOI_E_NOT_FOUND when there is no such round; FOI_E_DB, FOI_E_NOMEM.
 */
enum foi_status round_view_load(sqlite3 *db, const char *name, const char *only_unit, struct round_view *out,
				char *err, size_t errsz);
void round_view_free(struct round_view *v);

/* The id of round name; FOI_E_NOT_FOUND (naming it and 'foi round list') when there is none. */
enum foi_status round_lookup(sqlite3 *db, const char *name, int64_t *id, char *err, size_t errsz);

/* Every round, oldest first, with its counts. */
enum foi_status round_list_load(sqlite3 *db, struct round_summary **out, size_t *n, char *err, size_t errsz);
void round_list_free(struct round_summary *rounds, size_t n);

#endif
