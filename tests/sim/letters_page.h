/*
 * A unit's published answers to consultations (留言选登): the list of answered questions, and
 * one question found by its query code (查询码) with its answer once the simulated clock has
 * passed the answer's time, or "办理中" before.
 */
#ifndef FOI_SIM_LETTERS_PAGE_H
#define FOI_SIM_LETTERS_PAGE_H

#include <sqlite3.h>
#include <time.h>

#include "templates/template.h"
#include "tests/sim/profile.h"

/* code or id (<= 0: none) selects one question; neither gives the list. NULL with err on failure. */
char *letters_page(const struct sim_profiles *p, const struct template_set *templates,
		   const struct sim_unit *u, sqlite3 *db, time_t now, const char *code, long id,
		   char *err, size_t errsz);

#endif
