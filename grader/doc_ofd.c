/* An OFD letter (GB/T 33190): OFD.xml -> the document -> its pages, whose TextObject/TextCode runs are put back into lines. */
#include "grader/doc_parts.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One run of text on a page, placed by its TextObject's Boundary and the TextCode's X, Y (mm). */
struct run {
	double x, y, size;
	char *text;
	size_t seq;   /* file order, to keep sorting stable */
};

static int is(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, local))
			return c;
	return NULL;
}

static double attr_num(const xmlNode *n, const char *name, int index)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	double out = 0;
	if (v) {
		const char *p = (const char *)v;
		for (int i = 0; i <= index && *p; i++) {
			char *end;
			double d = strtod(p, &end);
			if (end == p)
				break;
			if (i == index)
				out = d;
			p = end;
		}
	}
	xmlFree(v);
	return out;
}

static xmlDoc *read_xml(struct doc_job *job, struct zip *z, const char *name)
{
	char *xml = NULL;
	size_t len = 0;
	if (doc_zip_read(job, z, name, &xml, &len) != 0)
		return NULL;
	xmlDoc *doc = xmlReadMemory(xml, (int)len, name, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(xml);
	if (!doc)
		doc_fail(job, "the OFD part %s is not well-formed XML", name);
	return doc;
}

/* A location inside the package: absolute ("/Doc_0/...") or relative to the folder of base. */
static char *resolve(const char *base, const char *loc)
{
	if (*loc == '/')
		return strdup(loc + 1);
	const char *slash = strrchr(base, '/');
	size_t dir = slash ? (size_t)(slash - base + 1) : 0;
	char *out = malloc(dir + strlen(loc) + 1);
	if (out) {
		memcpy(out, base, dir);
		strcpy(out + dir, loc);
	}
	return out;
}

static char *prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *out = v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return out;
}

static void collect_runs(const xmlNode *n, struct recbuf *runs)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (!is(c, "TextObject")) {
			if (c->type == XML_ELEMENT_NODE)
				collect_runs(c, runs); /* Content, Layer, PageBlock */
			continue;
		}
		double bx = attr_num(c, "Boundary", 0), by = attr_num(c, "Boundary", 1);
		double size = attr_num(c, "Size", 0);
		for (const xmlNode *t = c->children; t; t = t->next) {
			if (!is(t, "TextCode"))
				continue;
			struct run *r = recbuf_push(runs);
			if (!r)
				return;
			r->x = bx + attr_num(t, "X", 0);
			r->y = by + attr_num(t, "Y", 0);
			r->size = size > 0 ? size : 3.5;
			r->seq = runs->n;
			xmlChar *s = xmlNodeGetContent(t);
			r->text = s ? strdup((const char *)s) : NULL;
			xmlFree(s);
			if (!r->text)
				runs->oom = 1;
		}
	}
}

static int by_y(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int by_x(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	if (x->x != y->x)
		return x->x < y->x ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* One page's runs in reading order: top to bottom, each line left to right. */
static int read_page(struct doc_job *job, struct zip *z, const char *name, struct strbuf *text)
{
	xmlDoc *doc = read_xml(job, z, name);
	if (!doc)
		return -1;
	struct recbuf runs = {.size = sizeof(struct run)};
	collect_runs(xmlDocGetRootElement(doc), &runs);
	xmlFreeDoc(doc);
	struct run *r = runs.p;
	/* A page without text (blank, or only a picture) has no runs and no array to sort. */
	if (runs.n)
		qsort(r, runs.n, sizeof *r, by_y);
	/* Runs whose baselines lie within half a character of a line's first are on that line. */
	for (size_t i = 0; i < runs.n;) {
		size_t j = i + 1;
		while (j < runs.n && r[j].y - r[i].y <= r[i].size / 2)
			j++;
		qsort(r + i, j - i, sizeof *r, by_x);
		for (size_t k = i; k < j; k++)
			strbuf_adds(text, r[k].text);
		strbuf_addc(text, '\n');
		i = j;
	}
	for (size_t i = 0; i < runs.n; i++)
		free(r[i].text);
	int oom = runs.oom;
	recbuf_free(&runs);
	return oom || text->oom ? doc_fail(job, "out of memory") : 0;
}

static int read_document(struct doc_job *job, struct zip *z, const char *docname, struct strbuf *text,
			 int *pages)
{
	xmlDoc *doc = read_xml(job, z, docname);
	if (!doc)
		return -1;
	const xmlNode *list = child(xmlDocGetRootElement(doc), "Pages");
	int n = 0, rc = 0;
	for (const xmlNode *p = list ? list->children : NULL; p; p = p->next)
		n += is(p, "Page");
	if (n == 0)
		rc = doc_fail(job, "the OFD document %s has no pages", docname);
	else if (n > job->lim->max_pages)
		rc = doc_fail(job, "the OFD has %d pages, more than the cap of %d (setting letters.max_pages)", n,
			      job->lim->max_pages);
	for (const xmlNode *p = list ? list->children : NULL; p && rc == 0; p = p->next) {
		if (!is(p, "Page"))
			continue;
		char *loc = prop(p, "BaseLoc");
		char *name = loc ? resolve(docname, loc) : NULL;
		if (!name)
			rc = doc_fail(job, "a page of the OFD has no location (BaseLoc)");
		else if ((rc = doc_check_time(job, "the OFD")) == 0)
			rc = read_page(job, z, name, text);
		free(loc);
		free(name);
	}
	xmlFreeDoc(doc);
	*pages = n;
	return rc;
}

int doc_read_ofd(struct doc_job *job, const void *data, size_t len, struct doc_text *out)
{
	struct zip *z = doc_zip_open(job, data, len, "OFD");
	if (!z)
		return -1;
	xmlDoc *entry = read_xml(job, z, "OFD.xml");
	char *docname = NULL;
	if (entry) {
		const xmlNode *body = child(xmlDocGetRootElement(entry), "DocBody");
		const xmlNode *root = child(body, "DocRoot");
		xmlChar *loc = root ? xmlNodeGetContent(root) : NULL;
		if (loc)
			docname = resolve("", (const char *)loc);
		else
			doc_fail(job, "the OFD's OFD.xml names no document (DocBody/DocRoot)");
		xmlFree(loc);
		xmlFreeDoc(entry);
	}
	struct strbuf text = {0};
	int rc = -1;
	if (docname)
		rc = read_document(job, z, docname, &text, &out->pages);
	free(docname);
	doc_zip_close(z);
	if (rc != 0) {
		strbuf_free(&text);
		return -1;
	}
	out->len = text.len;
	out->text = strbuf_take(&text);
	if (asprintf(&out->how, "OFD text (TextCode), %d page%s", out->pages, out->pages == 1 ? "" : "s") < 0)
		out->how = NULL;
	return 0;
}
