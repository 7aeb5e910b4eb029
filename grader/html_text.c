/* HTML to text with libxml2: find the charset, convert, parse, walk the tree. */
#include "grader/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { PARSE_OPTS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NONET | HTML_PARSE_COMPACT };

struct sbuf {
	char *s;
	size_t len, cap;
	int failed;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (b->len + n + 1 > cap)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->failed = 1;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_newline(struct sbuf *b)
{
	if (b->len > 0 && b->s[b->len - 1] != '\n')
		sb_put(b, "\n", 1);
}

static int name_in(const xmlChar *name, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp((const char *)name, *list) == 0)
			return 1;
	return 0;
}

static const char *const skipped[] = {"script", "style", "noscript", "template", "head",
	"iframe", "object", "embed", "svg", "math", "canvas", "select", "button", "nav", NULL};
static const char *const blocks[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6",
	"li", "ul", "ol", "tr", "table", "tbody", "thead", "tfoot", "section", "article",
	"header", "footer", "main", "aside", "blockquote", "pre", "center", "form", "dd", "dt",
	"dl", "hr", "address", "title", "body", "html", "caption", "figure", "figcaption",
	"fieldset", "legend", "textarea", NULL};
static const char *const cells[] = {"td", "th", NULL};

static int in_pre(xmlNodePtr n)
{
	for (xmlNodePtr p = n->parent; p; p = p->parent)
		if (p->type == XML_ELEMENT_NODE && p->name && strcasecmp((const char *)p->name, "pre") == 0)
			return 1;
	return 0;
}

static void put_text(struct sbuf *b, const xmlChar *content, int pre)
{
	if (!content)
		return;
	const char *s = (const char *)content;
	if (pre) {
		sb_put(b, s, strlen(s));
		return;
	}
	/* Outside <pre>, a line break in the source is a space on screen. */
	size_t start = 0, i = 0;
	for (; s[i]; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			sb_put(b, s + start, i - start);
			sb_put(b, " ", 1);
			start = i + 1;
		}
	}
	sb_put(b, s + start, i - start);
}

/* Depth-first walk without recursion: children, then siblings, then back up. */
static void walk(xmlNodePtr root, struct sbuf *b)
{
	xmlNodePtr n = root;
	while (n) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && n->name) {
			if (name_in(n->name, skipped)) {
				descend = 0;
			} else {
				if (name_in(n->name, blocks))
					sb_newline(b);
				else if (name_in(n->name, cells))
					sb_put(b, " ", 1);
				descend = 1;
			}
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			put_text(b, n->content, in_pre(n));
		}
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		/* n is done: close its line, then move to its sibling or finish its parent. */
		for (;;) {
			if (n->type == XML_ELEMENT_NODE && n->name && name_in(n->name, blocks))
				sb_newline(b);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (!n)
				return;
		}
	}
}

/* libxml2 reports charset conversion trouble through its global error handler, not the
 * parser's: while we parse, such messages are dropped (the result says what was read). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* The charset the document declares in a <meta>, or NULL; libxml2 reads the declaration. */
static char *declared_charset(const char *bytes, size_t len)
{
	/* Only the head matters; a bounded prefix keeps a huge page from being parsed twice. */
	size_t n = len < 16384 ? len : 16384;
	htmlDocPtr doc = htmlReadMemory(bytes, (int)n, NULL, NULL, PARSE_OPTS);
	char *cs = NULL;
	if (doc && doc->encoding)
		cs = strdup((const char *)doc->encoding);
	xmlFreeDoc(doc);
	return cs;
}

static int html_parse(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		      char *err, size_t errsz);

int html_to_text(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		 char *err, size_t errsz)
{
	*out = (struct decoded_text){0};
	if (len > (size_t)0x7FFFFFFF) {
		snprintf(err, errsz, "HTML too large (%zu bytes)", len);
		return -1;
	}
	xmlInitParser();
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	int rc = html_parse(bytes, len, label, out, err, errsz);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	return rc;
}

static int html_parse(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		      char *err, size_t errsz)
{
	char *meta = NULL;
	if (!text_charset_for_label(label))
		label = meta = declared_charset(bytes, len);
	struct decoded_text utf8;
	int dr = text_decode(bytes, len, label, &utf8, err, errsz);
	free(meta);
	if (dr != 0)
		return -1;
	htmlDocPtr doc = htmlReadMemory(utf8.text, (int)utf8.len, NULL, "UTF-8",
					PARSE_OPTS | HTML_PARSE_IGNORE_ENC);
	if (!doc) {
		decoded_text_free(&utf8);
		snprintf(err, errsz, "not readable as HTML");
		return -1;
	}
	struct sbuf b = {0};
	sb_put(&b, "", 0);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root)
		walk(root, &b);
	xmlFreeDoc(doc);
	if (b.failed) {
		free(b.s);
		decoded_text_free(&utf8);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	out->text = b.s;
	out->len = b.len;
	out->lossy = utf8.lossy;
	memcpy(out->charset, utf8.charset, sizeof out->charset);
	decoded_text_free(&utf8);
	return 0;
}

int html_sniff(const char *bytes, size_t len)
{
	static const char *const marks[] = {"<!doctype html", "<html", "<body", "<head", "<p>",
		"<p ", "<div", "<meta", "<table", "<br", NULL};
	size_t n = len < 2048 ? len : 2048;
	for (size_t i = 0; i < n; i++) {
		if (bytes[i] != '<')
			continue;
		for (const char *const *m = marks; *m; m++) {
			size_t ml = strlen(*m);
			if (i + ml <= len && strncasecmp(bytes + i, *m, ml) == 0)
				return 1;
		}
	}
	return 0;
}
