/* Parsing, walking and the reader's view of HTML, shared by the letter and guide readers. */
#include "grader/html_doc.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlerror.h>
#include <libxml/xpath.h>

enum { PARSE_OPTS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NONET | HTML_PARSE_COMPACT };

/* How far into the page a charset declaration is looked for. Browsers read 1024 bytes;
 * Chinese CMS pages often open with long comments and scripts, so read more. */
#define DECLARATION_PRESCAN_BYTES 16384

/* libxml2 reports some trouble through its global error handler, not the parser's: while a
 * page is parsed such messages are dropped (the page is data, not a program's input). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static htmlDocPtr read_quietly(const char *bytes, int len, const char *url, const char *encoding,
			       int options)
{
	xmlInitParser();
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	htmlDocPtr doc = htmlReadMemory(bytes, len, url, encoding, options);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	return doc;
}

int html_doc_read(const char *utf8, size_t len, const char *base_url, htmlDocPtr *doc, char *err,
		  size_t errsz)
{
	*doc = NULL;
	if (len > INT_MAX) {
		snprintf(err, errsz, "too large for the HTML parser (%zu bytes)", len);
		return -1;
	}
	/* HTML_PARSE_IGNORE_ENC: the bytes are UTF-8 already, whatever the page's <meta> says. */
	*doc = read_quietly(utf8, (int)len, base_url, "UTF-8", PARSE_OPTS | HTML_PARSE_IGNORE_ENC);
	return 0;
}

void html_doc_walk(htmlDocPtr doc, int (*enter)(void *ctx, xmlNodePtr n),
		   void (*leave)(void *ctx, xmlNodePtr n), void *ctx)
{
	xmlNodePtr n = doc->children;
	while (n) {
		int down = enter(ctx, n);
		if (down && n->children) {
			n = n->children;
			continue;
		}
		if (down)
			leave(ctx, n);
		/* n is done: on to its sibling, or up to finish its parent. */
		while (!n->next) {
			n = n->parent;
			if (!n || n == (xmlNodePtr)doc)
				return;
			leave(ctx, n);
		}
		n = n->next;
	}
}

int html_name_in(const xmlChar *name, const char *const *names)
{
	for (; *names; names++)
		if (strcasecmp((const char *)name, *names) == 0)
			return 1;
	return 0;
}

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
	"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
	"form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
	"legend", "li", "main", "menu", "nav", "noframes", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "textarea", "tfoot", "thead", "title", "tr", "ul", NULL};

int html_doc_is_block(const xmlChar *name)
{
	return html_name_in(name, block_tags);
}

/* Never text a reader sees. */
static const char *const unseen_tags[] = {"script", "style", "noscript", "template", "head", "svg",
	"math", "select", "button", NULL};
static const char *const nav_tags[] = {"nav", "iframe", "object", "embed", "canvas", NULL};
static const char *const form_tags[] = {"textarea", "input", "applet", "map", NULL};

/* display:none, visibility:hidden or the hidden attribute: the page hides it from readers. */
static int is_hidden(const xmlNode *n)
{
	if (xmlHasProp(n, BAD_CAST "hidden"))
		return 1;
	xmlChar *style = xmlGetProp(n, BAD_CAST "style");
	if (!style)
		return 0;
	char compact[256];
	size_t k = 0;
	for (const xmlChar *p = style; *p && k + 1 < sizeof compact; p++)
		if (!isspace(*p))
			compact[k++] = (char)tolower(*p);
	compact[k] = '\0';
	xmlFree(style);
	return strstr(compact, "display:none") != NULL || strstr(compact, "visibility:hidden") != NULL;
}

int html_doc_unseen(const xmlNode *n, unsigned flags)
{
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	return html_name_in(n->name, unseen_tags) ||
	       ((flags & HTML_SKIP_NAV) && html_name_in(n->name, nav_tags)) ||
	       ((flags & HTML_SKIP_FORMS) && html_name_in(n->name, form_tags)) ||
	       ((flags & HTML_SKIP_HIDDEN) && is_hidden(n));
}

/* Reads the charset out of "text/html; charset=gb2312". */
static int charset_from_content_type(const char *ct, char *out, size_t outsz)
{
	for (const char *p = ct; *p; p++) {
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=') {
			p--; /* look at this byte again: it may end the text ("...; charset") */
			continue;
		}
		p++;
		while (isspace((unsigned char)*p) || *p == '"' || *p == '\'')
			p++;
		size_t n = 0;
		while (p[n] && !isspace((unsigned char)p[n]) && p[n] != ';' && p[n] != '"' && p[n] != '\'')
			n++;
		if (n == 0 || n >= outsz)
			return -1;
		memcpy(out, p, n);
		out[n] = '\0';
		return 0;
	}
	return -1;
}

/* The encoding of an XML declaration (<?xml version="1.0" encoding="gb2312"?>). */
static int xml_declared_charset(const char *x, size_t n, char *out, size_t outsz)
{
	size_t m = n < 200 ? n : 200;
	if (m <= 5 || memcmp(x, "<?xml", 5) != 0)
		return -1;
	char head[201];
	memcpy(head, x, m);
	head[m] = '\0';
	char *end = strstr(head, "?>");
	if (end)
		*end = '\0';
	char *enc = strstr(head, "encoding");
	if (!enc)
		return -1;
	enc += 8;
	while (*enc == ' ' || *enc == '=')
		enc++;
	if (*enc != '"' && *enc != '\'')
		return -1;
	char q = *enc++;
	char *close = strchr(enc, q);
	if (!close || close == enc || (size_t)(close - enc) >= outsz)
		return -1;
	memcpy(out, enc, (size_t)(close - enc));
	out[close - enc] = '\0';
	return 0;
}

/*
 * The prefix is parsed by libxml2 as Latin-1, which maps every byte to a character, so GBK
 * text cannot upset it; the attribute values that matter are ASCII.
 */
int html_declared_charset(const char *bytes, size_t len, char *out, size_t outsz)
{
	size_t n = len < DECLARATION_PRESCAN_BYTES ? len : DECLARATION_PRESCAN_BYTES;
	int found = -1;
	htmlDocPtr doc = read_quietly(bytes, (int)n, NULL, "ISO-8859-1",
				      PARSE_OPTS | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS);
	if (doc) {
		xmlXPathContextPtr xc = xmlXPathNewContext(doc);
		xmlXPathObjectPtr res = xc ? xmlXPathEvalExpression(BAD_CAST "//meta", xc) : NULL;
		for (int i = 0; res && res->nodesetval && found != 0 && i < res->nodesetval->nodeNr; i++) {
			xmlNodePtr m = res->nodesetval->nodeTab[i];
			xmlChar *cs = xmlGetProp(m, BAD_CAST "charset");
			if (cs) {
				if (strlen((char *)cs) < outsz && cs[0]) {
					snprintf(out, outsz, "%s", (char *)cs);
					found = 0;
				}
				xmlFree(cs);
				continue;
			}
			xmlChar *he = xmlGetProp(m, BAD_CAST "http-equiv");
			xmlChar *ct = xmlGetProp(m, BAD_CAST "content");
			if (he && ct && strcasecmp((char *)he, "content-type") == 0)
				found = charset_from_content_type((char *)ct, out, outsz);
			xmlFree(he);
			xmlFree(ct);
		}
		xmlXPathFreeObject(res);
		xmlXPathFreeContext(xc);
		xmlFreeDoc(doc);
	}
	/* XHTML pages may declare it in the XML declaration instead. */
	if (found != 0)
		found = xml_declared_charset(bytes, n, out, outsz);
	return found;
}
