/*
 * Filling a unit's form for one request: each field's value by its role (from the form file
 * when there is one, else from the page's labels), options chosen by their text, hidden
 * fields echoed. What cannot be filled without a doubt is listed, never guessed: a required
 * field whose label foi does not know, two fields claiming one role, a required value the
 * persona lacks, no option 电子邮件 / 否 where one is required, a captcha, a login or
 * real-name requirement, a field the form file names that the page no longer has. A form with
 * any doubt is a person's job (an assisted task); the entries are then what the person copies.
 */
#ifndef FOI_WEB_FORM_FILL_H
#define FOI_WEB_FORM_FILL_H

#include <stddef.h>

#include "harness/status.h"
#include "harness/web/form_file.h"
#include "harness/web/web_form.h"
#include "harness/web/web_http.h"

/* The values a request gives its form. */
struct form_values {
	const char *name, *id_type, *id_number, *phone, *email, *address, *postcode, *title, *content;
};

struct fill_entry {
	const char *name, *label; /* point into the form */
	char *value;              /* owned */
	enum form_role role;
	int post;                 /* part of the submission (a browser sends it) */
};

struct form_fill {
	struct fill_entry *entries;
	size_t n;
	char *doubts;   /* "; "-joined; "" when the form can be sent as filled */
	int captcha, login;
	const char *method, *enctype; /* the form file's when it gives them, else the page's */
};

/* file may be NULL (no forms/ file: the labels decide). */
enum foi_status form_fill(const struct web_form *form, const struct form_file *file, const struct form_values *v,
			  struct form_fill *out, char *err, size_t errsz);
void form_fill_free(struct form_fill *f);

/* The submission's fields (pointing into fill), for web_post; caller frees the array. */
struct web_field *form_fill_fields(const struct form_fill *fill, size_t *n);

#endif
