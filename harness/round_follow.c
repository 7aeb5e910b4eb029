/* Planned requests take their unit's new channel after an import (see round_follow.h). */
#include "harness/round_follow.h"
#include "harness/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void round_channel(const char *foi_form, const char *consult_form, const char *email, const char *kind,
		   const char **channel, const char **address)
{
	const char *form = strcmp(kind, "foi") == 0 ? foi_form : consult_form;
	if (*form) {
		*channel = "web";
		*address = form;
	} else if (*email) {
		*channel = "email";
		*address = email;
	} else {
		*channel = "none"; /* the unit publishes no channel: the request cannot go out */
		*address = "";
	}
}

static const char *text(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? (const char *)v : "";
}

enum foi_status round_follow_units(sqlite3 *db, int *followed, char *err, size_t errsz)
{
	sqlite3_stmt *sel = NULL, *upd = NULL, *edit = NULL;
	char now[CLOCK_ISO_MAX];
	enum foi_status rc = FOI_OK;
	clock_format_iso(clock_now(), now);
	*followed = 0;
	if (sqlite3_prepare_v2(db, "SELECT q.id, q.round_id, q.kind, q.channel, q.address, t.foi_form_url, "
				   "t.consult_form_url, t.email, q.target FROM requests q JOIN units t ON t.code = q.target "
				   "WHERE q.state IN ('planned', 'no-channel') ORDER BY q.id", -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE requests SET channel = ?, address = ?, state = ? WHERE id = ?", -1, &upd,
			       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO round_edits(round_id, request_id, at, what, before, after) "
				   "VALUES (?, ?, ?, ?, ?, ?)", -1, &edit, NULL) != SQLITE_OK)
		goto fail;
	int step;
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *channel, *address;
		round_channel(text(sel, 5), text(sel, 6), text(sel, 7), text(sel, 2), &channel, &address);
		if (strcmp(channel, text(sel, 3)) == 0 && strcmp(address, text(sel, 4)) == 0)
			continue;
		char *before = NULL, *after = NULL, *what = NULL;
		if (asprintf(&before, "%s %s", text(sel, 3), text(sel, 4)) < 0)
			before = NULL;
		if (asprintf(&after, "%s %s", channel, address) < 0)
			after = NULL;
		if (asprintf(&what, "unit %s changed its channel (units import)", text(sel, 8)) < 0)
			what = NULL;
		int ok = before && after && what;
		if (ok) {
			sqlite3_reset(upd);
			sqlite3_bind_text(upd, 1, channel, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(upd, 2, address, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(upd, 3, strcmp(channel, "none") == 0 ? "no-channel" : "planned", -1, SQLITE_STATIC);
			sqlite3_bind_int64(upd, 4, sqlite3_column_int64(sel, 0));
			sqlite3_reset(edit);
			sqlite3_bind_int64(edit, 1, sqlite3_column_int64(sel, 1));
			sqlite3_bind_int64(edit, 2, sqlite3_column_int64(sel, 0));
			sqlite3_bind_text(edit, 3, now, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(edit, 4, what, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(edit, 5, before, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(edit, 6, after, -1, SQLITE_TRANSIENT);
		}
		free(before);
		free(after);
		free(what);
		if (!ok) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			goto out;
		}
		if (sqlite3_step(upd) != SQLITE_DONE || sqlite3_step(edit) != SQLITE_DONE)
			goto fail;
		(*followed)++;
	}
	if (step == SQLITE_DONE)
		goto out;
fail:
	rc = foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	sqlite3_finalize(edit);
	return rc;
}
