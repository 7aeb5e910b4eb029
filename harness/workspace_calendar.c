#include "harness/workspace_calendar.h"
#include "harness/calendar_store.h"
#include "harness/schedule_cli.h"

#include <stdio.h>

int workspace_calendar_load(struct workspace *ws, struct sched_calendar **out, char *origin, size_t originsz,
			    char *err, size_t errsz)
{
	size_t imported;
	int rc = FOI_EXIT_OK;
	struct sched_calendar *cal = calendar_new();
	*out = NULL;
	if (origin && originsz)
		origin[0] = '\0';
	if (!cal) {
		snprintf(err, errsz, "out of memory");
		return FOI_EXIT_FAIL;
	}
	if (calendar_load_shipped(cal, err, errsz) != 0)
		rc = FOI_EXIT_DATA;
	else if (calendar_store_overlay(ws->db, cal, &imported, origin, originsz, err, errsz) != 0)
		rc = FOI_EXIT_FAIL;
	else if (calendar_build(cal, err, errsz) != 0)
		rc = FOI_EXIT_DATA;
	if (rc != FOI_EXIT_OK) {
		calendar_free(cal);
		return rc;
	}
	*out = cal;
	return FOI_EXIT_OK;
}
