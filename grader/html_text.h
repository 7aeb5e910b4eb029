/*
 * The readable text of an HTML letter or page, parsed with libxml2's HTML parser.
 *
 * Block elements (p, div, h1-h6, li, tr, br, ...) end lines, so a letter keeps its layout
 * (title, salutation, body paragraphs, issuer and date on lines of their own); table cells
 * are separated by a space. Script, style, head, navigation and similar elements are not
 * the letter and are skipped (html_doc.h). The charset is the transport's label when there
 * is one, else the page's own declaration, else sniffed; the bytes are decoded as a letter's
 * (text_decode.h, DECODE_TRUST_BYTES) so that GBK pages mislabelled as GB2312 read
 * correctly. Parsing and the walk are html_doc.h's: no hostile nesting exhausts the stack.
 */
#ifndef FOI_GRADER_HTML_TEXT_H
#define FOI_GRADER_HTML_TEXT_H

#include <stddef.h>

#include "grader/text_decode.h"

/* label: the charset from the transport (a MIME part's or HTTP header's), or NULL. The
 * result's charset field names what the page was read as. Returns 0 or -1 with err. */
int html_to_text(const char *bytes, size_t len, const char *label, struct decoded_text *out,
		 char *err, size_t errsz);

/* 1 when the bytes look like HTML (a tag such as <html, <body, <p, <div or a doctype near
 * the start). Used to sniff files whose name says nothing. */
int html_sniff(const char *bytes, size_t len);

#endif
