/* forms/UNIT-KIND.ini, the evaluator's record of a unit's form, read with inih (see form_file.h). */
#include "harness/web/form_file.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct parse_ctx {
	struct form_file *f;
	char problem[300];
	int oom;
};

static int set_text(char **slot, const char *value, struct parse_ctx *c)
{
	free(*slot);
	*slot = strdup(value);
	if (!*slot) {
		c->oom = 1;
		return 0;
	}
	return 1;
}

static int on_pair(void *user, const char *section, const char *key, const char *value)
{
	struct parse_ctx *c = user;
	struct form_file *f = c->f;
	if (!strcmp(section, "form")) {
		if (!strcmp(key, "url"))
			return set_text(&f->url, value, c);
		if (!strcmp(key, "method")) {
			if (strcmp(value, "post") && strcmp(value, "get")) {
				snprintf(c->problem, sizeof c->problem, "method must be post or get, not '%.100s'", value);
				return 0;
			}
			return set_text(&f->method, value, c);
		}
		if (!strcmp(key, "enctype")) {
			if (strcmp(value, "multipart/form-data") && strcmp(value, "application/x-www-form-urlencoded")) {
				snprintf(c->problem, sizeof c->problem,
					 "enctype must be multipart/form-data or application/x-www-form-urlencoded, not '%.100s'", value);
				return 0;
			}
			return set_text(&f->enctype, value, c);
		}
		if (!strcmp(key, "confirmation"))
			return set_text(&f->confirmation, value, c);
		if (!strcmp(key, "notes"))
			return set_text(&f->notes, value, c);
		snprintf(c->problem, sizeof c->problem, "unknown key '%.60s' in [form] (url, method, enctype, confirmation, notes)", key);
		return 0;
	}
	if (!strcmp(section, "fields")) {
		enum form_role r = form_role_parse(value);
		if (r == ROLE_COUNT) {
			snprintf(c->problem, sizeof c->problem, "field %.60s: '%.60s' is not a role (name id_type id_number phone "
				 "email address postcode title content delivery public hidden captcha keep unknown)", key, value);
			return 0;
		}
		if (form_file_role(f, key) != ROLE_COUNT) {
			snprintf(c->problem, sizeof c->problem, "field %.60s is given twice", key);
			return 0;
		}
		struct form_file_field *grown = realloc(f->fields, (f->nfields + 1) * sizeof *grown);
		char *name = strdup(key);
		if (grown)
			f->fields = grown;
		if (!grown || !name) {
			free(name);
			c->oom = 1;
			return 0;
		}
		f->fields[f->nfields++] = (struct form_file_field){name, r};
		return 1;
	}
	snprintf(c->problem, sizeof c->problem, "unknown section [%.60s] ([form] and [fields])", section);
	return 0;
}

enum foi_status form_file_read(const char *path, struct form_file *f, char *err, size_t errsz)
{
	memset(f, 0, sizeof *f);
	if (access(path, F_OK) != 0)
		return foi_fail(err, errsz, errno == ENOENT ? FOI_E_NOT_FOUND : FOI_E_IO, "%s: %s", path, strerror(errno));
	struct parse_ctx c = {.f = f};
	int line = ini_parse(path, on_pair, &c);
	enum foi_status rc = FOI_OK;
	if (c.oom)
		rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	else if (line < 0)
		rc = foi_fail(err, errsz, FOI_E_IO, "%s: cannot be read", path);
	else if (line > 0)
		rc = foi_fail(err, errsz, FOI_E_DATA, "%s:%d: %s", path, line,
			      *c.problem ? c.problem : "not an INI line (or longer than inih reads)");
	else if (!f->url || !*f->url)
		rc = foi_fail(err, errsz, FOI_E_DATA, "%s: [form] url is missing", path);
	if (rc != FOI_OK)
		form_file_free(f);
	return rc;
}

void form_file_free(struct form_file *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		free(f->fields[i].name);
	free(f->fields);
	free(f->url);
	free(f->method);
	free(f->enctype);
	free(f->confirmation);
	free(f->notes);
	memset(f, 0, sizeof *f);
}

enum form_role form_file_role(const struct form_file *f, const char *name)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (!strcmp(f->fields[i].name, name))
			return f->fields[i].role;
	return ROLE_COUNT;
}

/* inih reads a line of at most 200 bytes and has no escapes: text that cannot be written so
 * is left out of the file (the page keeps it). */
static int ini_safe(const char *s)
{
	return strlen(s) < 150 && !strpbrk(s, "\r\n;#[]=");
}

enum foi_status form_file_write(const char *path, const char *unit, const char *kind, const char *url,
				const char *when, const struct web_form *form, char *err, size_t errsz)
{
	char tmp[4200];
	if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
		return foi_fail(err, errsz, FOI_E_IO, "%s: path too long", path);
	FILE *out = fopen(tmp, "w");
	if (!out)
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", tmp, strerror(errno));
	fprintf(out, "; The %s form of unit %s, as 'foi form probe' read it on %s.\n"
		     "; Check every field's role, correct what is wrong, and save: 'foi round send' follows\n"
		     "; this file. Roles: name id_type id_number phone email address postcode title content\n"
		     ";   delivery (chooses 电子邮件) public (chooses 否) hidden (the page's value, e.g. a CSRF token)\n"
		     ";   captcha (a person must submit) keep (sent as the page gives it) unknown (a person must say).\n"
		     "; confirmation: a POSIX extended regex whose first group is the query code; empty: the\n"
		     ";   code after 查询码, 受理编号 ... on the page after submitting.\n\n",
		kind, unit, when);
	fprintf(out, "[form]\nurl = %s\nmethod = %s\nenctype = %s\nconfirmation =\nnotes =\n\n[fields]\n", url, form->method,
		form->enctype);
	for (size_t i = 0; i < form->nfields; i++) {
		const struct form_field *f = &form->fields[i];
		if (!ini_safe(f->name)) {
			fprintf(out, "; a field whose name cannot be written here (see the page): a person must check it\n");
			continue;
		}
		fprintf(out, "; %s%s (%s)\n%s = %s\n", ini_safe(f->label) && *f->label ? f->label : "(no label)",
			f->required ? " *" : "", f->type, f->name, form_role_name(f->role));
	}
	int bad = ferror(out);
	if (fclose(out) != 0 || bad) {
		unlink(tmp);
		return foi_fail(err, errsz, FOI_E_IO, "%s: cannot be written", tmp);
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return foi_fail(err, errsz, FOI_E_IO, "%s: %s", path, strerror(e));
	}
	return FOI_OK;
}
