/* Filling a unit's form for one request, listing every doubt instead of guessing (see form_fill.h). */
#include "harness/web/form_fill.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/strbuf.h"

static void doubt(struct strbuf *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void doubt(struct strbuf *d, const char *fmt, ...)
{
	char line[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (d->len)
		strbuf_adds(d, "; ");
	strbuf_adds(d, line);
}

static const char *role_value(const struct form_values *v, enum form_role r)
{
	switch (r) {
	case ROLE_NAME: return v->name;
	case ROLE_ID_TYPE: return v->id_type;
	case ROLE_ID_NUMBER: return v->id_number;
	case ROLE_PHONE: return v->phone;
	case ROLE_EMAIL: return v->email;
	case ROLE_ADDRESS: return v->address;
	case ROLE_POSTCODE: return v->postcode;
	case ROLE_TITLE: return v->title;
	case ROLE_CONTENT: return v->content;
	default: return NULL;
	}
}

static int is_choice(const struct form_field *f)
{
	return !strcmp(f->type, "select") || !strcmp(f->type, "radio") || !strcmp(f->type, "checkbox");
}

static const char *shown(const struct form_field *f)
{
	return *f->label ? f->label : f->name;
}

/* The option a role or a value chooses: by the role's words, else the option reading value. */
static const struct form_option *choose(const struct form_field *f, enum form_role r, const char *value)
{
	for (size_t i = 0; i < f->noptions; i++) {
		const struct form_option *o = &f->options[i];
		if ((r == ROLE_DELIVERY || r == ROLE_PUBLIC) ? form_role_option_fits(r, o->text)
							     : (value && *value && (!strcmp(o->text, value) || !strcmp(o->value, value))))
			return o;
	}
	return NULL;
}

/* One field's value and whether it is sent; doubts added to d. */
static char *fill_one(const struct form_field *f, enum form_role r, const struct form_values *v, struct strbuf *d,
		      struct form_fill *out, int *post)
{
	*post = strcmp(f->type, "password") && strcmp(f->type, "file");
	switch (r) {
	case ROLE_UNKNOWN:
		doubt(d, "the required field '%s' (%s) is not one foi knows how to fill", shown(f), f->name);
		return strdup("");
	case ROLE_CAPTCHA:
		out->captcha = 1;
		doubt(d, "a captcha ('%s'): only a person can read it", shown(f));
		return strdup("");
	case ROLE_HIDDEN:
	case ROLE_KEEP:
		*post = *post && (!is_choice(f) || *f->value);
		return strdup(f->value);
	default:
		break;
	}
	const char *want = role_value(v, r);
	if (is_choice(f)) {
		const struct form_option *o = choose(f, r, want);
		if (o)
			return strdup(o->value);
		if (f->required || r == ROLE_DELIVERY || r == ROLE_PUBLIC)
			doubt(d, "'%s' offers no option for %s", shown(f),
			      r == ROLE_DELIVERY ? "电子邮件" : r == ROLE_PUBLIC ? "否 (not public)" : want && *want ? want : "(empty)");
		*post = *post && *f->value;
		return strdup(f->value);
	}
	if ((!want || !*want) && f->required)
		doubt(d, "the required field '%s' wants the %s, which the persona or request does not give", shown(f),
		      form_role_name(r));
	return strdup(want ? want : "");
}

enum foi_status form_fill(const struct web_form *form, const struct form_file *file, const struct form_values *v,
			  struct form_fill *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	struct strbuf d = {0};
	out->method = file && file->method ? file->method : form->method;
	out->enctype = file && file->enctype ? file->enctype : form->enctype;
	out->login = form->login;
	if (form->login)
		doubt(&d, "the form asks for a login or real-name registration");
	if (strcmp(out->method, "post") != 0)
		doubt(&d, "the form is sent by %s, not POST: a person should check how it submits", out->method);
	out->entries = calloc(form->nfields ? form->nfields : 1, sizeof *out->entries);
	if (!out->entries)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	int content = 0;
	for (size_t i = 0; i < form->nfields; i++) {
		const struct form_field *f = &form->fields[i];
		enum form_role r = f->role;
		if (file) {
			r = form_file_role(file, f->name);
			if (r == ROLE_COUNT) {
				r = !strcmp(f->type, "hidden") ? ROLE_HIDDEN : ROLE_KEEP;
				if (f->required && r == ROLE_KEEP)
					doubt(&d, "the page has a required field '%s' (%s) that the form file does not name",
					      shown(f), f->name);
			}
		}
		/* Two fields claiming one role: which is the real one is a person's call. */
		for (size_t j = 0; j < i && r != ROLE_HIDDEN && r != ROLE_KEEP && r != ROLE_CAPTCHA && r != ROLE_UNKNOWN; j++)
			if (out->entries[j].role == r)
				doubt(&d, "two fields read as the %s: '%s' (%s) and '%s' (%s)", form_role_name(r),
				      out->entries[j].label, out->entries[j].name, shown(f), f->name);
		struct fill_entry *e = &out->entries[out->n++];
		e->name = f->name;
		e->label = shown(f);
		e->role = r;
		e->value = fill_one(f, r, v, &d, out, &e->post);
		if (!e->value) {
			form_fill_free(out);
			strbuf_free(&d);
			return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		}
		content |= r == ROLE_CONTENT;
	}
	if (!content)
		doubt(&d, "no field of the form takes the request's text");
	if (file)
		for (size_t i = 0; i < file->nfields; i++)
			if (!web_form_field(form, file->fields[i].name))
				doubt(&d, "the form file names a field '%s' that the page no longer has", file->fields[i].name);
	if (strbuf_reserve(&d, 0) != 0) {
		form_fill_free(out);
		strbuf_free(&d);
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	out->doubts = strbuf_take(&d);
	return FOI_OK;
}

void form_fill_free(struct form_fill *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->entries[i].value);
	free(f->entries);
	free(f->doubts);
	memset(f, 0, sizeof *f);
}

struct web_field *form_fill_fields(const struct form_fill *fill, size_t *n)
{
	struct web_field *out = calloc(fill->n ? fill->n : 1, sizeof *out);
	*n = 0;
	for (size_t i = 0; out && i < fill->n; i++)
		if (fill->entries[i].post)
			out[(*n)++] = (struct web_field){fill->entries[i].name, fill->entries[i].value};
	return out;
}
