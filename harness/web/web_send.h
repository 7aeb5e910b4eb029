/*
 * Sends one planned request by a unit's web form, at most once (harness/mail/outbox.h):
 *
 *   1. the form page is fetched (the url of forms/UNIT-KIND.ini, UNIT being the request's
 *      target, the unit whose form it is, when there is such a file) in a session of its
 *      own, whose cookies carry to the submission;
 *   2. the form is read and filled (form_fill.h); a captcha, a login, or any doubt makes the
 *      request an assisted task (tasks.h) instead, with the captcha image saved beside it in
 *      the workspace (tasks/task-ID-captcha.*): nothing is posted;
 *   3. the posted fields (JSON) and the page read are stored in store/, and the attempt is
 *      committed as 'sending' before the POST;
 *   4. the page the site answers with is stored and read (reply_page.h): a confirmation with
 *      its query code is 'sent' (confirmation = the code); a 提交失败 page, an HTTP error, a
 *      maintenance notice is 'failed' with its evidence (status, problems, the page); an
 *      answer cut off after the POST went out, or a page that says neither, is 'unknown'.
 *
 * A form page that cannot be fetched, or no longer holds the form, fails the request without
 * posting anything (the page it found is kept as evidence). A forms/ file that cannot be read
 * stops the run (FOI_E_DATA naming file and line): the evaluator's correction comes first.
 */
#ifndef FOI_WEB_SEND_H
#define FOI_WEB_SEND_H

#include <stddef.h>
#include <stdint.h>

#include "harness/mail/outbox.h"
#include "harness/workspace.h"

struct web_request {
	int64_t id;
	const char *from_state; /* planned, or failed for a retry */
	const char *unit, *kind;
	const char *url;        /* the unit's form page, as the units file gives it */
	const char *persona;    /* persona key */
	const char *reply_to;   /* the e-mail address the form is given */
	const char *subject, *body;
};

struct web_result {
	int assisted;                 /* an assisted task was made (task_id); outcome unset */
	int64_t task_id;
	enum outbox_outcome outcome;
};

/* detail gets the evidence in a line (the query code, the problems, why a person is needed). */
enum foi_status web_send(struct workspace *ws, const struct web_request *r, struct web_result *res, char *detail,
			 size_t detailsz, char *err, size_t errsz);

/* forms/UNIT-KIND.ini of the workspace into out; -1 when the path does not fit. */
int web_form_path(const struct workspace *ws, const char *unit, const char *kind, char out[PATH_MAX]);

#endif
