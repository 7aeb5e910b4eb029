/* A Word .docx letter: word/document.xml (libzip + libxml2), paragraphs and table rows in order, one line each. */
#include "grader/doc_parts.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* The runs of a paragraph: w:t text, w:tab, w:br. Deleted text (w:delText) is not w:t. */
static void runs(const xmlNode *n, struct strbuf *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			if (s)
				strbuf_adds(out, (const char *)s);
			else
				out->oom = 1;
			xmlFree(s);
		} else if (is(c, "tab")) {
			strbuf_addc(out, '\t');
		} else if (is(c, "br") || is(c, "cr")) {
			strbuf_addc(out, '\n');
		} else if (c->type == XML_ELEMENT_NODE && !is(c, "pPr") && !is(c, "rPr")) {
			runs(c, out);
		}
	}
}

static void block(const xmlNode *n, struct strbuf *out);

/* A table row on one line, its cells apart by a tab, as it reads across. */
static void table(const xmlNode *tbl, struct strbuf *out)
{
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		if (!is(tr, "tr"))
			continue;
		int first = 1;
		for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
			if (!is(tc, "tc"))
				continue;
			if (!first)
				strbuf_addc(out, '\t');
			first = 0;
			for (const xmlNode *p = tc->children; p; p = p->next)
				if (is(p, "p")) {
					runs(p, out);
				} else if (is(p, "tbl")) {
					strbuf_addc(out, '\n');
					table(p, out);
				}
		}
		strbuf_addc(out, '\n');
	}
}

static void block(const xmlNode *n, struct strbuf *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "p")) {
			runs(c, out);
			strbuf_addc(out, '\n');
		} else if (is(c, "tbl")) {
			table(c, out);
		} else if (c->type == XML_ELEMENT_NODE) {
			block(c, out); /* w:body, w:sdt content, ... */
		}
	}
}

int doc_read_docx(struct doc_job *job, const void *data, size_t len, struct doc_text *out)
{
	struct zip *z = doc_zip_open(job, data, len, "Word");
	if (!z)
		return -1;
	char *xml = NULL;
	size_t xlen = 0;
	int rc = doc_zip_read(job, z, "word/document.xml", &xml, &xlen);
	doc_zip_close(z);
	if (rc != 0)
		return -1;
	/* No network, no entity expansion: the file is from outside. */
	xmlDoc *doc = xmlReadMemory(xml, (int)xlen, "document.xml", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(xml);
	if (!doc)
		return doc_fail(job, "the Word file's word/document.xml is not well-formed XML");
	struct strbuf text = {0};
	xmlNode *root = xmlDocGetRootElement(doc);
	if (root)
		block(root, &text);
	xmlFreeDoc(doc);
	if (text.oom) {
		strbuf_free(&text);
		return doc_fail(job, "out of memory");
	}
	out->len = text.len;
	out->text = strbuf_take(&text);
	out->pages = 1;
	out->how = strdup("Word (.docx) text, word/document.xml");
	return 0;
}
