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
/* The text one request sends, rendered for its unit, persona, date and token. */
int round_render_request(const struct template *t, const char *unit_name, const struct persona *p, sched_day day,
			 const char *token, const char *reply_to, struct template_rendered *out, char *err,
			 size_t errsz);

#endif
