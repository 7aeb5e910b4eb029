/*
 * The calendar a workspace's deadlines are counted on: the shipped official arrangements with
 * the years imported into the workspace (foi calendar import) replacing them.
 */
#ifndef FOI_WORKSPACE_CALENDAR_H
#define FOI_WORKSPACE_CALENDAR_H

#include <stddef.h>

#include "harness/workspace.h"
#include "schedule/calendar.h"

/*
 * Loads and builds the workspace's calendar into *out (free with calendar_free). origin (may
 * be NULL) gets the imported years, e.g. "2024 (file.ics)". Returns an exit code with err:
 * FOI_EXIT_DATA for a malformed shipped calendar, FOI_EXIT_FAIL otherwise.
 */
int workspace_calendar_load(struct workspace *ws, struct sched_calendar **out, char *origin, size_t originsz,
			    char *err, size_t errsz);

#endif
