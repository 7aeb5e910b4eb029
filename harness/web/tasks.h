/*
 * Assisted tasks: requests a person submits by hand, because their form has a captcha, asks
 * for a login or real-name registration, or cannot be filled without doubt (form_fill.h).
 * A task holds the form's address, every field's value ready to copy (JSON), the reason, the
 * form page as read (store/) and the captcha image saved in the workspace (tasks/).
 *
 * Creating one moves its request from planned (or failed, on a retry) to 'assisted', so that
 * no later `round send` touches it. `task done` records the person's submission as the
 * request's sent attempt (with the query code they got, at the time they say); `task fail`
 * records why it could not be done (the request is then failed: `round send --retry failed`
 * may try it again). Every change is journalled and, for the request, in round_edits.
 */
#ifndef FOI_WEB_TASKS_H
#define FOI_WEB_TASKS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

struct task_new {
	int64_t request_id;
	const char *from_state; /* the request's state now: planned, or failed */
	const char *reason;
	const char *form_url;
	const char *fields;     /* JSON array of {label, name, value, role} */
	const char *page;       /* store/ name of the form page, or "" */
};

enum foi_status task_create(sqlite3 *db, const struct task_new *t, int64_t *id, char *err, size_t errsz);
enum foi_status task_set_captcha(sqlite3 *db, int64_t id, const char *file, char *err, size_t errsz);

/* at: ISO 8601 of the hand submission. FOI_E_DATA when the task is not open. */
enum foi_status task_done(sqlite3 *db, int64_t id, const char *confirmation, const char *at, char *err, size_t errsz);
enum foi_status task_fail(sqlite3 *db, int64_t id, const char *reason, char *err, size_t errsz);

/* A task as listed and shown. */
struct task_row {
	int64_t id, request_id;
	const char *round, *unit, *kind, *persona, *state, *created_at, *reason, *form_url, *fields, *captcha_file,
		*confirmation, *fail_reason, *closed_at;
};

/* Calls each() for every task of round (NULL: all), or only task id when id > 0, in id order.
 * FOI_E_NOT_FOUND when round or id names nothing. */
enum foi_status task_each(sqlite3 *db, const char *round, int64_t id, void (*each)(void *ctx, const struct task_row *t),
			  void *ctx, char *err, size_t errsz);

#endif
