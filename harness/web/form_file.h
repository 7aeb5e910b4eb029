/*
 * forms/UNIT-KIND.ini: what `foi form probe` found on a unit's form, for the evaluator to
 * check and correct, and what sending then follows. Read with inih:
 *
 *   [form]
 *   url = http://.../C01/foi        ; the page the form is on (fetched afresh each time)
 *   method = post                   ; post | get
 *   enctype = multipart/form-data   ; or application/x-www-form-urlencoded
 *   confirmation =                  ; a POSIX extended regex whose first group is the query
 *                                   ; code; empty: the code after 查询码, 受理编号 ...
 *   notes = free text
 *   [fields]
 *   xm = name                       ; field name = role (form_roles.h names)
 *
 * A field the page shows and the file leaves out is sent as the page gives it, unless it is
 * required: then a person must say (assisted). A role of `unknown` always asks a person.
 * Unknown sections or keys, a bad role or method, are errors naming the file and line.
 */
#ifndef FOI_WEB_FORM_FILE_H
#define FOI_WEB_FORM_FILE_H

#include <stddef.h>

#include "harness/status.h"
#include "harness/web/web_form.h"

struct form_file_field {
	char *name;
	enum form_role role;
};

struct form_file {
	char *url, *method, *enctype, *confirmation, *notes;
	struct form_file_field *fields;
	size_t nfields;
};

/* FOI_E_NOT_FOUND when the file does not exist; FOI_E_DATA naming file:line for bad content. */
enum foi_status form_file_read(const char *path, struct form_file *f, char *err, size_t errsz);
void form_file_free(struct form_file *f);

/* The role the file gives a field, or ROLE_COUNT when it does not name it. */
enum form_role form_file_role(const struct form_file *f, const char *name);

/* Writes form (with its roles) as a form file for unit and kind, probed from url at when. */
enum foi_status form_file_write(const char *path, const char *unit, const char *kind, const char *url,
				const char *when, const struct web_form *form, char *err, size_t errsz);

#endif
