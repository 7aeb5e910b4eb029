/*
 * A guide page as a reader sees it: its text, its links and its table cells, out of the DOM
 * that libxml2's HTML parser builds.
 *
 * Pages put one phrase across several tags (邮政<span>编码</span>：<b>441300</b>), lay the
 * contacts out in tables, and carry scripts, styles and hidden menus that no reader sees.
 * The walk over the DOM keeps what a browser shows: inline tags join up, block tags start a
 * new line, table cells are separated by a tab, whitespace collapses, and what no reader
 * sees is left out: script, style and the like, hidden blocks and form fields (html_doc.h).
 *
 * Two versions of the text are kept side by side. `shown` is the page's own text, from
 * which evidence is cut, so a reviewer reads "邮编：４４１３００" as the page has it. `text`
 * is what the checks read: full-width letters, digits and punctuation folded to ASCII
 * (４４１３００ → 441300, （０７２２） → (0722), ： → :), dashes to '-', the space
 * between two Chinese characters dropped (source line breaks inside a sentence), zero-width
 * characters removed. map[] leads from every byte of `text` back to `shown`.
 *
 * Links keep their target resolved against the page's <base href> or the base URL given
 * (the address the page was fetched from), so evidence names an address one can open.
 * Parsing and the walk over the tree are html_doc.h's (no network, no entity loading,
 * libxml2's depth limit, an iterative walk), so no page can exhaust the stack.
 */
#ifndef FOI_GRADER_GUIDE_TEXT_H
#define FOI_GRADER_GUIDE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* A stretch of `text`, as byte offsets [start, end). */
struct guide_span {
	size_t start, end;
};

struct guide_link {
	size_t start, end; /* the link's text in `text`; start == end for frames and embeds */
	char *href;        /* resolved target, UTF-8; owned */
};

struct guide_cell {
	size_t start, end;
	int table;         /* which table (numbered in document order) */
	int row, col;      /* col counts colspan, so a header cell lines up with its column */
	int col_end;       /* col + colspan */
};

struct guide_text {
	char *text;        /* folded text the checks read; NUL-terminated */
	size_t len;
	char *shown;       /* the text as the page shows it; NUL-terminated */
	size_t shown_len;
	uint32_t *map;     /* map[i]: offset in shown of text byte i; map[len] == shown_len */
	char *title;       /* <title>, folded like text; "" when none */
	char *title_shown; /* <title> as written */

	/* heads, links and cells are in document order: sorted by start. */
	struct guide_span *heads; /* headings (h1-h6) and blocks styled as titles */
	size_t nheads;
	struct guide_link *links;
	size_t nlinks;
	struct guide_cell *cells;
	size_t ncells;
};

/*
 * Parses utf8 (len bytes, valid UTF-8) and fills out. base_url (may be NULL) is where the
 * page came from. Returns 0, or -1 with err filled (out of memory, a page libxml2 could not
 * make a document of).
 */
int guide_text_from_html(const char *utf8, size_t len, const char *base_url,
			 struct guide_text *out, char *err, size_t errsz);
void guide_text_free(struct guide_text *t);

/*
 * Writes the page's own text behind text[start, end) to out: whitespace trimmed, tabs and
 * line breaks shown as " | " and " / ", cut on a character boundary (ending in "…") to fit
 * outsz. Returns the length written.
 */
size_t guide_text_evidence(const struct guide_text *t, size_t start, size_t end, char *out,
			   size_t outsz);

/* The cell that holds text offset pos (the innermost one), or NULL. */
const struct guide_cell *guide_text_cell_at(const struct guide_text *t, size_t pos);

/* The link whose text holds pos, or NULL. */
const struct guide_link *guide_text_link_at(const struct guide_text *t, size_t pos);

/* The index of the first link that starts at or after pos (nlinks when none does). */
size_t guide_text_first_link(const struct guide_text *t, size_t pos);

/* The innermost heading that holds pos, or NULL. */
const struct guide_span *guide_text_head_at(const struct guide_text *t, size_t pos);

#endif
