/*
 * What the letter and guide-page readers share of HTML: one way to parse a page with
 * libxml2, one walk over its tree, one rule for what a reader never sees, one list of the
 * elements that start a line, and one reading of the charset a page declares.
 *
 * Pages are data: the parser runs with recovery on, no network, no entity or DTD loading,
 * errors and warnings kept quiet (also those libxml2 sends to its global handler), and
 * libxml2's default depth limit (256). The bytes given to html_doc_read() are UTF-8 already
 * (text_decode.h found the charset), so whatever the page's <meta> says is ignored there.
 * The walk is iterative, so no nesting can exhaust the stack.
 *
 * What each reader builds from the tree stays its own: html_text.h makes a letter's plain
 * lines, guide_text.h a guide's folded text with its links, headings and table cells.
 */
#ifndef FOI_GRADER_HTML_DOC_H
#define FOI_GRADER_HTML_DOC_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/*
 * Parses utf8 (len bytes). base_url (may be NULL) becomes the document's URL. Sets *doc
 * (free it with xmlFreeDoc) and returns 0; *doc is NULL when the text holds no document at
 * all (empty or only white space). Returns -1 with err filled when the text is too long for
 * libxml2 (more than INT_MAX bytes).
 */
int html_doc_read(const char *utf8, size_t len, const char *base_url, htmlDocPtr *doc, char *err,
		  size_t errsz);

/*
 * Visits every node under doc once, in document order, without recursion. enter() is called
 * on each node reached and returns 1 to go into its children; leave() is called on each
 * node enter() returned 1 for, after its children.
 */
void html_doc_walk(htmlDocPtr doc, int (*enter)(void *ctx, xmlNodePtr n),
		   void (*leave)(void *ctx, xmlNodePtr n), void *ctx);

/* What html_doc_unseen() leaves out besides what no reader ever sees. */
enum html_unseen_flags {
	HTML_SKIP_HIDDEN = 1,     /* hidden attribute, display:none, visibility:hidden */
	HTML_SKIP_NAV = 2,        /* nav, iframe, object, embed, canvas: a site's navigation and
				   * embedded content, not a letter */
	HTML_SKIP_FORMS = 4,      /* textarea, input, applet, map: form fields and old plugins */
};

/*
 * 1 when a reader never sees n's content: script, style, noscript, template, head, svg,
 * math, select, button; and, by flags, the groups above.
 */
int html_doc_unseen(const xmlNode *n, unsigned flags);

/* 1 when the element starts and ends a line of its own (p, div, li, tr, h1-h6, table...). */
int html_doc_is_block(const xmlChar *name);

/* 1 when name is one of the NULL-terminated names (ASCII case ignored). */
int html_name_in(const xmlChar *name, const char *const *names);

/*
 * The charset the page declares in a <meta charset>, a <meta http-equiv="Content-Type">
 * or an XML declaration among its first bytes, as written. Returns 0 and fills out, or -1
 * when it declares none.
 */
int html_declared_charset(const char *bytes, size_t len, char *out, size_t outsz);

#endif
