/*
 * A unit's web form as its page shows it, read with libxml2's HTML parser: the <form> that
 * holds the content field (所需信息内容描述 / 留言内容; else the one with a textarea), its
 * action, method and enctype, and each named field with the label a person reads beside it
 * (<label for>, a wrapping label, or the text of the cell before it), whether it is required
 * (a required attribute or a * by its label), its default value and its options (select and
 * radio, by their text). Radios of one name are one field.
 *
 * The reader also notes what makes a form a person's job: a captcha (a field labelled 验证码,
 * or an image whose address or text says captcha), and a login or real-name requirement (a
 * password field, or 请先登录 / 实名认证 on the page).
 */
#ifndef FOI_WEB_FORM_H
#define FOI_WEB_FORM_H

#include <stddef.h>

#include "harness/status.h"
#include "harness/web/form_roles.h"

struct form_option {
	char *text, *value;
	int selected;
};

struct form_field {
	char *name;
	char *type;      /* text, textarea, select, radio, checkbox, hidden, password, file, submit, ... */
	char *label;     /* as shown, without * and the colon; "" when none was found */
	char *value;     /* what the page would send untouched */
	int required;
	struct form_option *options;
	size_t noptions;
	enum form_role role; /* from the label (form_roles.h); the caller may override */
};

struct web_form {
	int found;           /* 0: the page holds no form with a content field */
	char *action;        /* absolute */
	char *method;        /* "post" or "get" */
	char *enctype;       /* application/x-www-form-urlencoded or multipart/form-data */
	struct form_field *fields;
	size_t nfields;
	char *captcha_image; /* absolute address of the captcha image, or NULL */
	int login;           /* a login or real-name registration stands before the form */
};

/*
 * Reads the page (len bytes of HTML in any charset; label: the HTTP charset or NULL) fetched
 * from page_url. FOI_OK with form->found 0 when there is no such form; an error only for
 * memory or a page too large to parse.
 */
enum foi_status web_form_read(const char *html, size_t len, const char *label, const char *page_url,
			      struct web_form *form, char *err, size_t errsz);
void web_form_free(struct web_form *form);

/* The field named name, or NULL. */
struct form_field *web_form_field(const struct web_form *form, const char *name);

#endif
