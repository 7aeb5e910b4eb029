/*
 * Loading working-day calendars from iCalendar files: the shipped official arrangements
 * (every .ics file of FOI_DATADIR/schedule/holidays/) and any file or folder an evaluator names. The
 * workspace's own calendar (shipped, with its imported years replacing them) is
 * calendar_store_load_workspace() in calendar_store.h, which builds on these.
 */
#ifndef FOI_CALENDAR_LOAD_H
#define FOI_CALENDAR_LOAD_H

#include <stddef.h>

#include "schedule/calendar.h"

/* The folder of the shipped calendar (malloc'd; NULL when out of memory). */
char *calendar_shipped_dir(void);
/* Loads every .ics of the shipped folder into cal, in name order (not built). 0 or -1 with err. */
int calendar_load_shipped(struct sched_calendar *cal, char *err, size_t errsz);
/* Loads one .ics file, or every .ics of a folder in name order, into cal (not built). */
int calendar_load_path(struct sched_calendar *cal, const char *path, char *err, size_t errsz);

#endif
