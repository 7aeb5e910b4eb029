/*
 * What round.c (planning) shares with round_edit.c (changing a plan) and round_query.c (reading
 * one): not part of the rounds' public interface (round.h).
 */
#ifndef FOI_ROUND_INTERNAL_H
#define FOI_ROUND_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/settings.h"
#include "schedule/day.h"
#include "templates/template.h"

/* "database: ..." into err; returns FOI_EXIT_FAIL. */
int round_sql_error(sqlite3 *db, char *err, size_t errsz);
/* 1 when a round of that name exists (its id in *id when id is not NULL), 0 when not, -1 on a
 * database error. */
int round_exists(sqlite3 *db, const char *name, int64_t *id);
const struct persona *round_find_persona(const struct settings *s, const char *key);
/* The text one request sends, rendered for its unit, persona, date and reply address. */
int round_render_request(const struct template *t, const char *unit_name, const struct persona *p, sched_day day,
			 const char *reply_to, struct template_rendered *out, char *err, size_t errsz);
/* The reply address a request of persona p gives (malloc'd; NULL when out of memory): the
 * persona's own in persona mode, token_address plus the token in token mode. */
char *round_reply_address(const struct settings *s, const struct persona *p, const char *token);

/*
 * A request is open, for the rule that one persona never writes twice at once to the same unit,
 * unless it never had a channel. (Replies are not tracked yet: when they are, a request whose
 * final reply came closes, and this condition is where that is said.) An SQL condition on a
 * requests row.
 */
#define ROUND_REQUEST_OPEN "state <> 'no-channel'"

/* Which personas have an open request to which body, read once for a plan. */
struct round_busy;
/* NULL with err on a database error or when out of memory. */
struct round_busy *round_busy_load(sqlite3 *db, const struct settings *s, char *err, size_t errsz);
/* Bit i set: settings persona i has an open request to target (a unit code). */
uint64_t round_busy_of(const struct round_busy *b, const char *target);
void round_busy_free(struct round_busy *b);

#endif
