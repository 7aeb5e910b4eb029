/* A letter's lines out of HTML: decode (text_decode.h), parse and walk (html_doc.h). */
#include "grader/html_text.h"
#include "grader/html_doc.h"
#include "grader/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void newline(struct strbuf *b)
{
	if (b->len > 0 && b->p[b->len - 1] != '\n')
		strbuf_addc(b, '\n');
}

static int in_pre(xmlNodePtr n)
{
	for (xmlNodePtr p = n->parent; p; p = p->parent)
		if (p->type == XML_ELEMENT_NODE && p->name && strcasecmp((const char *)p->name, "pre") == 0)
			return 1;
	return 0;
}

static void put_text(struct strbuf *b, const xmlChar *content, int pre)
{
	if (!content)
		return;
	const char *s = (const char *)content;
	if (pre) {
		strbuf_adds(b, s);
		return;
	}
	/* Outside <pre>, a line break in the source is a space on screen. */
	size_t start = 0, i = 0;
	for (; s[i]; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
			strbuf_add(b, s + start, i - start);
			strbuf_addc(b, ' ');
			start = i + 1;
		}
	}
	strbuf_add(b, s + start, i - start);
}

/* Navigation and embedded content are not the letter; hidden blocks and form fields are
 * kept, because reply pages show the answer in a read-only <textarea>. */
#define LETTER_UNSEEN HTML_SKIP_NAV

static int enter(void *ctx, xmlNodePtr n)
{
	struct strbuf *b = ctx;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		put_text(b, n->content, in_pre(n));
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || !n->name || html_doc_unseen(n, LETTER_UNSEEN))
		return 0;
	/* Blocks stand on lines of their own; table cells are set apart by a space. */
	if (html_doc_is_block(n->name))
		newline(b);
	else if (strcasecmp((const char *)n->name, "td") == 0 || strcasecmp((const char *)n->name, "th") == 0)
		strbuf_addc(b, ' ');
	return 1;
}

static void leave(void *ctx, xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->name && html_doc_is_block(n->name))
		newline(ctx);
}

int html_to_text(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		 char *err, size_t errsz)
{
	*out = (struct decoded_text){0};
	struct decode_opts how = {.label = label, .trust = DECODE_TRUST_BYTES,
				  .flags = DECODE_HTML | DECODE_WEAK_LABELS | DECODE_REFUSE_BINARY};
	struct decoded_text utf8;
	if (text_decode_with(bytes, len, &how, &utf8, err, errsz) != 0)
		return -1;
	htmlDocPtr doc;
	if (html_doc_read(utf8.text, utf8.len, NULL, &doc, err, errsz) != 0) {
		decoded_text_free(&utf8);
		return -1;
	}
	if (!doc) {
		decoded_text_free(&utf8);
		snprintf(err, errsz, "not readable as HTML");
		return -1;
	}
	struct strbuf b = {0};
	strbuf_reserve(&b, 0);
	html_doc_walk(doc, enter, leave, &b);
	xmlFreeDoc(doc);
	size_t n = b.len;
	char *text = strbuf_take(&b);
	if (!text) {
		decoded_text_free(&utf8);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	*out = utf8;
	free(out->text);
	out->text = text;
	out->len = n;
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
