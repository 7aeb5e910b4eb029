/* Reading a unit's form page: the form, its fields, their labels and options (see web_form.h). */
#include "harness/web/web_form.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xpath.h>

#include "grader/html_doc.h"
#include "grader/strbuf.h"
#include "grader/text_decode.h"
#include "harness/web/web_http.h"

static char *dup_or_empty(const xmlChar *s)
{
	return strdup(s ? (const char *)s : "");
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *out = v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return out;
}

static int has_attr(xmlNodePtr n, const char *name)
{
	return xmlHasProp(n, (const xmlChar *)name) != NULL;
}

/* A label as a person reads it: no white space (ideographic and no-break included), no '*',
 * no colon at the end. */
static char *clean_label(const char *text)
{
	size_t n = strlen(text);
	char *out = malloc(n + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = text; *p;) {
		if (strchr(" \t\r\n\f\v*", *p)) {
			p++;
		} else if (!strncmp(p, "\xe3\x80\x80", 3) || !strncmp(p, "\xef\xbc\x8a", 3)) { /* U+3000, U+FF0A */
			p += 3;
		} else if (!strncmp(p, "\xc2\xa0", 2)) {
			p += 2;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	for (;;) {
		size_t len = (size_t)(o - out);
		if (len >= 1 && out[len - 1] == ':')
			*--o = '\0';
		else if (len >= 3 && !strcmp(o - 3, "\xef\xbc\x9a")) /* U+FF1A fullwidth colon */
			*(o -= 3) = '\0';
		else
			break;
	}
	return out;
}

static char *node_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *out = dup_or_empty(t);
	xmlFree(t);
	return out;
}

static int text_has_star(xmlNodePtr n)
{
	char *t = n ? node_text(n) : NULL;
	int star = t && (strchr(t, '*') || strstr(t, "\xef\xbc\x8a"));
	free(t);
	return star;
}

static xmlNodePtr ancestor(xmlNodePtr n, const char *const *names)
{
	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (html_name_in(n->name, names))
			return n;
	return NULL;
}

static xmlNodePtr prev_element(xmlNodePtr n)
{
	for (n = n->prev; n; n = n->prev)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* The <label for=id> of the page, or NULL. */
static xmlNodePtr label_for(xmlXPathContextPtr xp, const char *id)
{
	xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)"//label[@for]", xp);
	xmlNodePtr found = NULL;
	for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr && !found; i++) {
		xmlNodePtr l = r->nodesetval->nodeTab[i];
		xmlChar *f = xmlGetProp(l, (const xmlChar *)"for");
		if (f && strcmp((const char *)f, id) == 0)
			found = l;
		xmlFree(f);
	}
	xmlXPathFreeObject(r);
	return found;
}

/* The text a person reads as the field's label, and whether a * stands by it. */
static char *label_of(xmlXPathContextPtr xp, xmlNodePtr control, int choice, int *star)
{
	static const char *const label_tag[] = {"label", NULL}, *const cell_tag[] = {"td", "th", "dd", "li", NULL};
	char *id = attr(control, "id"), *raw = NULL;
	xmlNodePtr l = id && *id ? label_for(xp, id) : NULL;
	free(id);
	if (l) {
		raw = node_text(l);
		*star = text_has_star(l->parent);
	}
	xmlNodePtr wrap = ancestor(control, label_tag);
	if (!raw && wrap && !choice && !has_attr(wrap, "for")) {
		raw = node_text(wrap);
		*star = text_has_star(wrap);
	}
	xmlNodePtr cell = raw ? NULL : ancestor(control, cell_tag);
	xmlNodePtr before = cell ? prev_element(cell) : NULL;
	if (before && html_name_in(before->name, (const char *const[]){"td", "th", "dt", NULL})) {
		raw = node_text(before);
		*star = text_has_star(before);
	}
	if (!raw) {
		/* Text right before the control, in its own parent: "姓名：<input>". */
		struct strbuf b = {0};
		for (xmlNodePtr p = control->prev; p; p = p->prev) {
			if (p->type == XML_ELEMENT_NODE) {
				/* A marker element such as <span class="star">*</span> is part of the label. */
				char *t = node_text(p), *c = t ? clean_label(t) : NULL;
				int marker = c && !*c && t && (strchr(t, '*') || strstr(t, "\xef\xbc\x8a"));
				*star |= marker;
				free(t);
				free(c);
				if (!marker)
					break;
			} else if (p->type == XML_TEXT_NODE && p->content) {
				char *t = strbuf_take(&b);
				strbuf_adds(&b, (const char *)p->content);
				if (t)
					strbuf_adds(&b, t);
				free(t);
			}
		}
		raw = b.len ? strbuf_take(&b) : strdup("");
		strbuf_free(&b);
		*star |= raw && strchr(raw, '*');
	}
	char *clean = raw ? clean_label(raw) : NULL;
	free(raw);
	return clean;
}

/* An option's text for a radio or checkbox: its wrapping label, else the text after it. */
static char *choice_text(xmlNodePtr control)
{
	static const char *const label_tag[] = {"label", NULL};
	xmlNodePtr wrap = ancestor(control, label_tag);
	if (wrap)
		return node_text(wrap);
	for (xmlNodePtr n = control->next; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content) {
			char *t = clean_label((const char *)n->content);
			if (t && *t)
				return t;
			free(t);
			continue;
		}
		if (n->type == XML_ELEMENT_NODE && html_name_in(n->name, (const char *const[]){"label", "span", NULL}))
			return node_text(n);
		break;
	}
	return strdup("");
}

static int add_option(struct form_field *f, char *text, char *value, int selected)
{
	struct form_option *grown = realloc(f->options, (f->noptions + 1) * sizeof *grown);
	if (!grown || !text || !value) {
		if (grown)
			f->options = grown;
		free(text);
		free(value);
		return -1;
	}
	f->options = grown;
	char *clean = clean_label(text);
	free(text);
	if (!clean) {
		free(value);
		return -1;
	}
	f->options[f->noptions++] = (struct form_option){clean, value, selected};
	return 0;
}

static void field_free(struct form_field *f)
{
	free(f->name);
	free(f->type);
	free(f->label);
	free(f->value);
	for (size_t i = 0; i < f->noptions; i++) {
		free(f->options[i].text);
		free(f->options[i].value);
	}
	free(f->options);
}

void web_form_free(struct web_form *form)
{
	for (size_t i = 0; i < form->nfields; i++)
		field_free(&form->fields[i]);
	free(form->fields);
	free(form->action);
	free(form->method);
	free(form->enctype);
	free(form->captcha_image);
	memset(form, 0, sizeof *form);
}

struct form_field *web_form_field(const struct web_form *form, const char *name)
{
	for (size_t i = 0; i < form->nfields; i++)
		if (strcmp(form->fields[i].name, name) == 0)
			return &form->fields[i];
	return NULL;
}

static int select_options(xmlNodePtr sel, struct form_field *f)
{
	int any_selected = 0;
	for (xmlNodePtr n = sel->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_name_in(n->name, (const char *const[]){"optgroup", NULL})) {
			if (select_options(n, f) != 0)
				return -1;
			continue;
		}
		if (!html_name_in(n->name, (const char *const[]){"option", NULL}))
			continue;
		char *text = node_text(n), *value = attr(n, "value");
		if (!value && text)
			value = strdup(text);
		int selected = has_attr(n, "selected");
		any_selected |= selected;
		if (add_option(f, text, value, selected) != 0)
			return -1;
	}
	(void)any_selected;
	return 0;
}

/* What the page sends untouched: the selected option (else the first), the checked radio. */
static char *default_value(const struct form_field *f)
{
	if (!strcmp(f->type, "select")) {
		for (size_t i = 0; i < f->noptions; i++)
			if (f->options[i].selected)
				return strdup(f->options[i].value);
		return strdup(f->noptions ? f->options[0].value : "");
	}
	if (!strcmp(f->type, "radio") || !strcmp(f->type, "checkbox")) {
		for (size_t i = 0; i < f->noptions; i++)
			if (f->options[i].selected)
				return strdup(f->options[i].value);
		return strdup("");
	}
	return NULL;
}

/* Reads one control into the form's fields (radios and checkboxes of one name become one). */
static int read_control(xmlXPathContextPtr xp, xmlNodePtr c, struct web_form *form)
{
	char *name = attr(c, "name");
	if (!name || !*name) {
		free(name);
		return 0;
	}
	char *type;
	if (html_name_in(c->name, (const char *const[]){"select", "textarea", NULL}))
		type = strdup((const char *)c->name);
	else
		type = attr(c, "type");
	if (!type)
		type = strdup("text");
	if (!type) {
		free(name);
		return -1;
	}
	for (char *t = type; *t; t++)
		*t = (char)(*t >= 'A' && *t <= 'Z' ? *t + 32 : *t);
	if (html_name_in((const xmlChar *)type, (const char *const[]){"submit", "reset", "button", "image", NULL})) {
		free(name);
		free(type);
		return 0;
	}
	int choice = !strcmp(type, "radio") || !strcmp(type, "checkbox");
	struct form_field *f = choice ? web_form_field(form, name) : NULL;
	if (f) {
		free(name);
		free(type);
	} else {
		struct form_field *grown = realloc(form->fields, (form->nfields + 1) * sizeof *grown);
		if (!grown) {
			free(name);
			free(type);
			return -1;
		}
		form->fields = grown;
		f = &form->fields[form->nfields++];
		memset(f, 0, sizeof *f);
		f->name = name;
		f->type = type;
		int star = 0;
		f->label = label_of(xp, c, choice, &star);
		if (!f->label)
			return -1;
		f->required = star;
	}
	f->required |= has_attr(c, "required");
	if (choice) {
		char *value = attr(c, "value");
		if (!value)
			value = strdup("on");
		if (add_option(f, choice_text(c), value, has_attr(c, "checked")) != 0)
			return -1;
	} else if (!strcmp(f->type, "select")) {
		if (select_options(c, f) != 0)
			return -1;
	} else if (!strcmp(f->type, "textarea")) {
		f->value = node_text(c);
	} else {
		char *v = attr(c, "value");
		f->value = v ? v : strdup("");
	}
	return 0;
}

static int looks_captcha(const char *s)
{
	static const char *const words[] = {"captcha", "验证码", "yzm", "verify", "checkcode", "validatecode", "vcode", NULL};
	for (size_t i = 0; s && words[i]; i++)
		if (strcasestr(s, words[i]))
			return 1;
	return 0;
}

static void assign_roles(struct web_form *form)
{
	for (size_t i = 0; i < form->nfields; i++) {
		struct form_field *f = &form->fields[i];
		if (!strcmp(f->type, "hidden"))
			f->role = ROLE_HIDDEN;
		else
			f->role = form_role_of_label(f->label);
		if (!strcmp(f->type, "password"))
			form->login = 1;
		/* An unlabelled code box next to a captcha image is a captcha all the same. */
		if (f->role == ROLE_UNKNOWN && looks_captcha(f->name))
			f->role = ROLE_CAPTCHA;
		if (f->role == ROLE_UNKNOWN && !f->required)
			f->role = ROLE_KEEP;
	}
}

static int read_form(xmlXPathContextPtr xp, xmlNodePtr fnode, const char *page_url, struct web_form *form)
{
	xp->node = fnode;
	xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)".//input | .//select | .//textarea", xp);
	int rc = r ? 0 : -1;
	for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr && rc == 0; i++)
		rc = read_control(xp, r->nodesetval->nodeTab[i], form);
	xmlXPathFreeObject(r);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < form->nfields; i++)
		if (!form->fields[i].value && !(form->fields[i].value = default_value(&form->fields[i])))
			return -1;
	assign_roles(form);
	char *action = attr(fnode, "action"), *method = attr(fnode, "method"), *enctype = attr(fnode, "enctype");
	form->action = web_resolve(page_url, action && *action ? action : page_url);
	form->method = strdup(method && !strcasecmp(method, "post") ? "post" : "get");
	form->enctype = strdup(enctype && strcasestr(enctype, "multipart") ? "multipart/form-data"
						 : "application/x-www-form-urlencoded");
	free(action);
	free(method);
	free(enctype);
	xp->node = fnode;
	r = xmlXPathEvalExpression((const xmlChar *)".//img", xp);
	for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr && !form->captcha_image; i++) {
		xmlNodePtr img = r->nodesetval->nodeTab[i];
		char *src = attr(img, "src"), *alt = attr(img, "alt"), *id = attr(img, "id");
		if (src && (looks_captcha(src) || looks_captcha(alt) || looks_captcha(id)))
			form->captcha_image = web_resolve(page_url, src);
		free(src);
		free(alt);
		free(id);
	}
	xmlXPathFreeObject(r);
	return form->action && form->method && form->enctype ? 0 : -1;
}

static int form_has(const struct web_form *f, enum form_role role, const char *type)
{
	for (size_t i = 0; i < f->nfields; i++)
		if ((role != ROLE_COUNT && f->fields[i].role == role) || (type && !strcmp(f->fields[i].type, type)))
			return 1;
	return 0;
}

enum foi_status web_form_read(const char *html, size_t len, const char *label, const char *page_url,
			      struct web_form *form, char *err, size_t errsz)
{
	memset(form, 0, sizeof *form);
	struct decode_opts opts = {.label = label, .trust = DECODE_TRUST_DECLARATION,
				   .flags = DECODE_HTML | DECODE_SCRUB_CONTROLS};
	struct decoded_text text;
	char why[256];
	if (text_decode_with(html, len, &opts, &text, why, sizeof why) != 0)
		return foi_fail(err, errsz, FOI_E_NOMEM, "reading the form page: %s", why);
	htmlDocPtr doc = NULL;
	if (html_doc_read(text.text, text.len, page_url, &doc, why, sizeof why) != 0) {
		decoded_text_free(&text);
		return foi_fail(err, errsz, FOI_E_DATA, "the form page: %s", why);
	}
	int login_text = strstr(text.text, "请先登录") || strstr(text.text, "实名认证");
	decoded_text_free(&text);
	if (!doc)
		return FOI_OK;
	enum foi_status rc = FOI_OK;
	xmlXPathContextPtr xp = xmlXPathNewContext(doc);
	xmlXPathObjectPtr forms = xp ? xmlXPathEvalExpression((const xmlChar *)"//form", xp) : NULL;
	if (!xp || !forms)
		rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	/* The form holding the content field; failing that, the first with a textarea. */
	for (int pass = 0; pass < 2 && rc == FOI_OK && !form->found; pass++) {
		for (int i = 0; forms->nodesetval && i < forms->nodesetval->nodeNr && rc == FOI_OK; i++) {
			struct web_form candidate = {0};
			if (read_form(xp, forms->nodesetval->nodeTab[i], page_url, &candidate) != 0) {
				web_form_free(&candidate);
				rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
				break;
			}
			if (pass == 0 ? form_has(&candidate, ROLE_CONTENT, NULL) : form_has(&candidate, ROLE_COUNT, "textarea")) {
				*form = candidate;
				form->found = 1;
				break;
			}
			web_form_free(&candidate);
		}
	}
	if (form->found && login_text)
		form->login = 1;
	xmlXPathFreeObject(forms);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(doc);
	return rc;
}
