/*
 * Planned requests follow their unit: when an import changes the channel a planned, unsent
 * request would use (its form's address, or its e-mail when it has no form), the request takes
 * the new one, and the change is recorded in round_edits (`foi round log NAME`). A request that
 * is being sent or was sent keeps what it used.
 *
 * round_channel is the one rule of which channel a request goes by, for planning and for this.
 */
#ifndef FOI_ROUND_FOLLOW_H
#define FOI_ROUND_FOLLOW_H

#include <sqlite3.h>
#include <stddef.h>

#include "harness/status.h"

/* The unit's form for the kind ("foi" | "consult"), else its e-mail, else "none" with "". */
void round_channel(const char *foi_form, const char *consult_form, const char *email, const char *kind,
		   const char **channel, const char **address);

/* Inside the caller's transaction: every planned request whose target's channel changed takes
 * the new one; *followed gets how many. */
enum foi_status round_follow_units(sqlite3 *db, int *followed, char *err, size_t errsz);

#endif
