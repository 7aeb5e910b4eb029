/* The text, links and cells of a guide page, out of libxml2's DOM; see guide_text.h. */
#include "grader/guide_text.h"
#include "grader/html_doc.h"
#include "grader/strbuf.h"
#include "grader/utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

/* Nesting deeper than this of tables, links or headings is recorded as flat text only. */
#define OPEN_MAX 64

enum sep { SEP_NONE, SEP_SPACE, SEP_TAB, SEP_LINE };

/* Text being built: the shown text, the folded text and the map between them. */
struct textbuf {
	struct strbuf text, shown;
	uint32_t *map;
	size_t map_cap;
	int map_oom;
	enum sep pending;
	unsigned last; /* last code point put into text, 0 at the start */
};

struct open_rec {
	const xmlNode *node;
	size_t index;
};

struct table_state {
	const xmlNode *node;
	int id, row, col;
};

struct walker {
	struct textbuf tb;
	xmlChar *base;
	int pre;
	int have_title;
	struct strbuf title, title_shown;
	struct recbuf heads, links, cells;
	struct open_rec open_links[OPEN_MAX], open_heads[OPEN_MAX], open_cells[OPEN_MAX];
	int nlinks_open, nheads_open, ncells_open;
	struct table_state tables[OPEN_MAX];
	int ntables_open, tables_seen;
};

/* ---- code points ---- */

static int is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x0B ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x1680;
}

/* Characters a reader never sees: zero-width spaces and joiners, soft hyphens, BOMs. */
static int is_invisible_cp(unsigned cp)
{
	return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
	       cp == 0xAD;
}

/* The folding the checks read through: full-width forms to ASCII, dashes to '-'. */
static unsigned fold_cp(unsigned cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
	    cp == 0x2E3A || cp == 0x2E3B || cp == 0x2500 || cp == 0x2501 || cp == 0x30FC)
		return '-';
	if (cp == 0x2236 || cp == 0xFE55) /* ∶ ﹕ are typed as colons */
		return ':';
	if (cp == 0xFE50)
		return ',';
	if (cp == 0xFE59)
		return '(';
	if (cp == 0xFE5A)
		return ')';
	return cp;
}

/* Chinese characters and CJK punctuation: a space between two of them is a source line break. */
static int is_wide_cp(unsigned cp)
{
	return cp >= 0x2E80;
}

/* ---- the text buffer ---- */

static void map_push(struct textbuf *b, uint32_t off, size_t count)
{
	if (b->map_oom)
		return;
	size_t need = b->text.len + 1;
	if (need > b->map_cap) {
		size_t cap = b->map_cap ? b->map_cap : 256;
		while (cap < need)
			cap *= 2;
		uint32_t *m = realloc(b->map, cap * sizeof *m);
		if (!m) {
			b->map_oom = 1;
			return;
		}
		b->map = m;
		b->map_cap = cap;
	}
	for (size_t i = 0; i < count; i++)
		b->map[b->text.len - count + i] = off;
}

/* Adds folded bytes to text, each mapped to shown offset `off`. */
static void text_add(struct textbuf *b, const char *s, size_t n, uint32_t off)
{
	strbuf_add(&b->text, s, n);
	if (!b->text.oom)
		map_push(b, off, n);
}

static void flush_pending(struct textbuf *b, unsigned next_folded)
{
	if (b->pending == SEP_NONE || b->shown.len == 0) {
		b->pending = SEP_NONE;
		return;
	}
	char c = b->pending == SEP_LINE ? '\n' : b->pending == SEP_TAB ? '\t' : ' ';
	uint32_t off = (uint32_t)b->shown.len;
	strbuf_addc(&b->shown, c);
	/* A space between two Chinese characters is a line break in the page's source. */
	if (!(b->pending == SEP_SPACE && is_wide_cp(b->last) && is_wide_cp(next_folded)))
		text_add(b, &c, 1, off);
	b->pending = SEP_NONE;
}

static void request_sep(struct textbuf *b, enum sep s)
{
	if (s > b->pending)
		b->pending = s;
}

/* Adds the characters of a text node. pre: keep line breaks. */
static void add_chars(struct textbuf *b, const char *s, size_t n, int pre)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t cl = utf8_decode(s + i, n - i, &cp);
		if (is_space_cp(cp)) {
			request_sep(b, pre && cp == '\n' ? SEP_LINE : SEP_SPACE);
		} else if (!is_invisible_cp(cp)) {
			unsigned f = fold_cp(cp);
			flush_pending(b, f);
			uint32_t off = (uint32_t)b->shown.len;
			if (cp == 0xFFFD && cl == 1)
				strbuf_add(&b->shown, "\xEF\xBF\xBD", 3);
			else
				strbuf_add(&b->shown, s + i, cl);
			char enc[4];
			size_t el = utf8_encode(f, enc);
			text_add(b, enc, el, off);
			b->last = f;
		}
		i += cl;
	}
}

/* ---- elements ---- */

static int is_heading_tag(const xmlChar *n)
{
	return n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0';
}

static int attr_contains(const xmlNode *n, const char *attr, const char *needle)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	if (!v)
		return 0;
	int hit = strcasestr((char *)v, needle) != NULL;
	xmlFree(v);
	return hit;
}

/* A title-like block: a heading tag, or a class or id with "title"/"tit" in it. */
static int is_title_block(const xmlNode *n)
{
	if (is_heading_tag(n->name))
		return 1;
	return attr_contains(n, "class", "tit") || attr_contains(n, "id", "tit");
}

static char *resolve_href(struct walker *w, const xmlChar *href)
{
	/* Trim, and drop line breaks that editors leave inside long addresses. */
	struct strbuf clean = {0};
	for (const xmlChar *p = href; *p; p++)
		if (*p != '\n' && *p != '\r' && *p != '\t')
			strbuf_addc(&clean, (char)*p);
	char *h = strbuf_take(&clean);
	if (!h)
		return NULL;
	char *start = h;
	while (*start == ' ')
		start++;
	size_t n = strlen(start);
	while (n && start[n - 1] == ' ')
		start[--n] = '\0';
	char *out = NULL;
	if (w->base && *start && strncasecmp(start, "javascript:", 11) != 0) {
		xmlChar *abs = xmlBuildURI(BAD_CAST start, w->base);
		if (abs) {
			out = strdup((char *)abs);
			xmlFree(abs);
		}
	}
	if (!out)
		out = strdup(start);
	free(h);
	return out;
}

static void open_push(struct open_rec *stack, int *n, const xmlNode *node, size_t index)
{
	if (*n < OPEN_MAX) {
		stack[*n].node = node;
		stack[*n].index = index;
		(*n)++;
	}
}

/* Pops the record opened by node, if it is on top; returns its index or -1. */
static long open_pop(struct open_rec *stack, int *n, const xmlNode *node)
{
	if (*n > 0 && stack[*n - 1].node == node) {
		(*n)--;
		return (long)stack[*n].index;
	}
	return -1;
}

static void add_link(struct walker *w, const xmlNode *n, const char *attr, int has_text)
{
	xmlChar *href = xmlGetProp(n, BAD_CAST attr);
	if (!href)
		return;
	struct guide_link *l = recbuf_push(&w->links);
	if (l) {
		l->start = l->end = w->tb.text.len;
		l->href = resolve_href(w, href);
		if (!l->href)
			w->links.oom = 1;
		else if (has_text)
			open_push(w->open_links, &w->nlinks_open, n, w->links.n - 1);
	}
	xmlFree(href);
}

static void take_title(struct walker *w, xmlNode *n)
{
	if (w->have_title)
		return;
	xmlChar *c = xmlNodeGetContent(n);
	if (!c)
		return;
	struct textbuf tb = {0};
	add_chars(&tb, (const char *)c, strlen((const char *)c), 0);
	xmlFree(c);
	if (tb.text.oom || tb.shown.oom || tb.map_oom) {
		w->title.oom = 1;
	} else {
		strbuf_add(&w->title, tb.text.p ? tb.text.p : "", tb.text.len);
		strbuf_add(&w->title_shown, tb.shown.p ? tb.shown.p : "", tb.shown.len);
		w->have_title = 1;
	}
	strbuf_free(&tb.text);
	strbuf_free(&tb.shown);
	free(tb.map);
}

static int span_attr(const xmlNode *n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	if (!v)
		return 1;
	long s = strtol((char *)v, NULL, 10);
	xmlFree(v);
	return s < 1 ? 1 : s > 1000 ? 1000 : (int)s;
}

/* Hidden blocks and form fields are not what a reader of the guide sees; frames, embeds
 * and objects are read as links (below), and navigation menus may hold the channels. */
#define GUIDE_UNSEEN (HTML_SKIP_HIDDEN | HTML_SKIP_FORMS)

/* Returns 1 when the walk should go into the node's children. */
static int enter(void *ctx, xmlNode *n)
{
	struct walker *w = ctx;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_chars(&w->tb, (const char *)n->content, strlen((const char *)n->content), w->pre > 0);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	const xmlChar *name = n->name;
	if (strcmp((const char *)name, "title") == 0) {
		take_title(w, n);
		return 0;
	}
	if (strcmp((const char *)name, "head") == 0) {
		/* The title is all a reader sees of the head. */
		for (xmlNode *c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "title") == 0)
				take_title(w, c);
		return 0;
	}
	if (strcmp((const char *)name, "iframe") == 0 || strcmp((const char *)name, "frame") == 0 ||
	    strcmp((const char *)name, "embed") == 0) {
		add_link(w, n, "src", 0);
		return 0;
	}
	if (strcmp((const char *)name, "object") == 0) {
		add_link(w, n, "data", 0);
		return 0;
	}
	if (html_doc_unseen(n, GUIDE_UNSEEN))
		return 0;
	if (strcmp((const char *)name, "br") == 0) {
		request_sep(&w->tb, SEP_LINE);
		return 0;
	}
	if (html_doc_is_block(name))
		request_sep(&w->tb, SEP_LINE);
	if (strcmp((const char *)name, "pre") == 0)
		w->pre++;
	if (strcmp((const char *)name, "table") == 0) {
		if (w->ntables_open < OPEN_MAX) {
			struct table_state *t = &w->tables[w->ntables_open++];
			t->node = n;
			t->id = w->tables_seen;
			t->row = -1;
			t->col = 0;
		}
		w->tables_seen++;
	} else if (strcmp((const char *)name, "tr") == 0) {
		if (w->ntables_open > 0) {
			w->tables[w->ntables_open - 1].row++;
			w->tables[w->ntables_open - 1].col = 0;
		}
	} else if (strcmp((const char *)name, "td") == 0 || strcmp((const char *)name, "th") == 0) {
		request_sep(&w->tb, SEP_TAB);
		if (w->ntables_open > 0) {
			struct table_state *t = &w->tables[w->ntables_open - 1];
			if (t->row < 0)
				t->row = 0; /* a cell before any <tr> */
			struct guide_cell *c = recbuf_push(&w->cells);
			if (c) {
				c->start = c->end = w->tb.text.len;
				c->table = t->id;
				c->row = t->row;
				c->col = t->col;
				int span = span_attr(n, "colspan");
				t->col = t->col > INT_MAX - span ? t->col : t->col + span;
				c->col_end = t->col;
				open_push(w->open_cells, &w->ncells_open, n, w->cells.n - 1);
			}
		}
	} else if (strcmp((const char *)name, "a") == 0) {
		add_link(w, n, "href", 1);
	}
	if (is_title_block(n)) {
		struct guide_span *h = recbuf_push(&w->heads);
		if (h) {
			h->start = h->end = w->tb.text.len;
			open_push(w->open_heads, &w->nheads_open, n, w->heads.n - 1);
		}
	}
	return 1;
}

static void leave(void *ctx, xmlNode *n)
{
	struct walker *w = ctx;
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return;
	const xmlChar *name = n->name;
	size_t pos = w->tb.text.len;
	long i;
	if ((i = open_pop(w->open_heads, &w->nheads_open, n)) >= 0)
		((struct guide_span *)w->heads.p)[i].end = pos;
	if ((i = open_pop(w->open_links, &w->nlinks_open, n)) >= 0)
		((struct guide_link *)w->links.p)[i].end = pos;
	if ((i = open_pop(w->open_cells, &w->ncells_open, n)) >= 0)
		((struct guide_cell *)w->cells.p)[i].end = pos;
	if (w->ntables_open > 0 && w->tables[w->ntables_open - 1].node == n)
		w->ntables_open--;
	if (strcmp((const char *)name, "pre") == 0 && w->pre > 0)
		w->pre--;
	if (html_doc_is_block(name))
		request_sep(&w->tb, SEP_LINE);
}

static void walker_free(struct walker *w)
{
	strbuf_free(&w->tb.text);
	strbuf_free(&w->tb.shown);
	free(w->tb.map);
	strbuf_free(&w->title);
	strbuf_free(&w->title_shown);
	for (size_t i = 0; i < w->links.n; i++)
		free(((struct guide_link *)w->links.p)[i].href);
	recbuf_free(&w->links);
	recbuf_free(&w->heads);
	recbuf_free(&w->cells);
	if (w->base)
		xmlFree(w->base);
}

int guide_text_from_html(const char *utf8, size_t len, const char *base_url,
			 struct guide_text *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	htmlDocPtr doc;
	if (html_doc_read(utf8, len, base_url, &doc, err, errsz) != 0)
		return -1;
	struct walker w = {0};
	w.heads.size = sizeof(struct guide_span);
	w.links.size = sizeof(struct guide_link);
	w.cells.size = sizeof(struct guide_cell);
	if (doc) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		if (root) {
			/* For HTML, libxml2 reports only a <base href>; without one, links are
			 * relative to where the page came from. A relative <base href> is too. */
			w.base = xmlNodeGetBase(doc, root);
			if (!w.base && base_url) {
				w.base = xmlStrdup(BAD_CAST base_url);
			} else if (w.base && base_url && !strstr((char *)w.base, "://")) {
				xmlChar *abs = xmlBuildURI(w.base, BAD_CAST base_url);
				xmlFree(w.base);
				w.base = abs;
			}
		}
		html_doc_walk(doc, enter, leave, &w);
		xmlFreeDoc(doc);
	}
	/* An empty or whitespace-only page gives no document: that is an empty text, not an error. */
	strbuf_reserve(&w.tb.text, 0);
	strbuf_reserve(&w.tb.shown, 0);
	strbuf_reserve(&w.title, 0);
	strbuf_reserve(&w.title_shown, 0);
	map_push(&w.tb, (uint32_t)w.tb.shown.len, 0);
	if (w.tb.text.oom || w.tb.shown.oom || w.tb.map_oom || w.title.oom || w.title_shown.oom ||
	    w.heads.oom || w.links.oom || w.cells.oom) {
		walker_free(&w);
		snprintf(err, errsz, "out of memory while reading the page's text");
		return -1;
	}
	if (w.tb.shown.len > UINT32_MAX) {
		walker_free(&w);
		snprintf(err, errsz, "the page's text is too long");
		return -1;
	}
	w.tb.map[w.tb.text.len] = (uint32_t)w.tb.shown.len;
	/* Links and cells still open (a page cut short) end where the text ends. */
	for (int i = 0; i < w.nlinks_open; i++)
		((struct guide_link *)w.links.p)[w.open_links[i].index].end = w.tb.text.len;
	for (int i = 0; i < w.ncells_open; i++)
		((struct guide_cell *)w.cells.p)[w.open_cells[i].index].end = w.tb.text.len;
	for (int i = 0; i < w.nheads_open; i++)
		((struct guide_span *)w.heads.p)[w.open_heads[i].index].end = w.tb.text.len;

	out->text = w.tb.text.p;
	out->len = w.tb.text.len;
	out->shown = w.tb.shown.p;
	out->shown_len = w.tb.shown.len;
	out->map = w.tb.map;
	out->title = w.title.p;
	out->title_shown = w.title_shown.p;
	out->heads = w.heads.p;
	out->nheads = w.heads.n;
	out->links = w.links.p;
	out->nlinks = w.links.n;
	out->cells = w.cells.p;
	out->ncells = w.cells.n;
	if (w.base)
		xmlFree(w.base);
	return 0;
}

void guide_text_free(struct guide_text *t)
{
	free(t->text);
	free(t->shown);
	free(t->map);
	free(t->title);
	free(t->title_shown);
	free(t->heads);
	for (size_t i = 0; i < t->nlinks; i++)
		free(t->links[i].href);
	free(t->links);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

size_t guide_text_evidence(const struct guide_text *t, size_t start, size_t end, char *out,
			   size_t outsz)
{
	static const char cut[] = "…";
	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (end > t->len)
		end = t->len;
	if (start > end)
		start = end;
	size_t s = t->map[start], e = t->map[end];
	const char *p = t->shown;
	while (s < e && (p[s] == ' ' || p[s] == '\t' || p[s] == '\n'))
		s++;
	while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\n'))
		e--;
	size_t n = 0;
	for (size_t i = s; i < e;) {
		/* One character (or separator) at a time, so a cut never splits one. */
		const char *piece = p + i;
		size_t plen = 1, step = 1;
		if (p[i] == '\t') {
			piece = " | ", plen = 3;
		} else if (p[i] == '\n') {
			piece = " / ", plen = 3;
		} else {
			while (i + plen < e && ((unsigned char)p[i + plen] & 0xC0) == 0x80)
				plen++;
			step = plen;
		}
		if (n + plen + sizeof cut > outsz) {
			memcpy(out + n, cut, sizeof cut);
			return n + sizeof cut - 1;
		}
		memcpy(out + n, piece, plen);
		n += plen;
		i += step;
	}
	out[n] = '\0';
	return n;
}

/* How many records before the last one starting at or before pos may still hold it:
 * enclosing cells and headings of a nested table; libxml2 keeps nesting to 256 levels. */
#define ENCLOSING_MAX 300

/* The number of records (each `size` bytes, the first member a size_t start) whose start is
 * at or before pos: binary search over records in document order. */
static size_t count_starting_by(const void *base, size_t n, size_t size, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (*(const size_t *)((const char *)base + mid * size) <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct guide_cell *guide_text_cell_at(const struct guide_text *t, size_t pos)
{
	size_t k = count_starting_by(t->cells, t->ncells, sizeof *t->cells, pos);
	for (size_t back = 0; k > 0 && back < ENCLOSING_MAX; k--, back++)
		if (pos < t->cells[k - 1].end)
			return &t->cells[k - 1];
	return NULL;
}

const struct guide_link *guide_text_link_at(const struct guide_text *t, size_t pos)
{
	size_t k = count_starting_by(t->links, t->nlinks, sizeof *t->links, pos);
	for (size_t back = 0; k > 0 && back < ENCLOSING_MAX; k--, back++)
		if (pos < t->links[k - 1].end)
			return &t->links[k - 1];
	return NULL;
}

size_t guide_text_first_link(const struct guide_text *t, size_t pos)
{
	return pos == 0 ? 0 : count_starting_by(t->links, t->nlinks, sizeof *t->links, pos - 1);
}

const struct guide_span *guide_text_head_at(const struct guide_text *t, size_t pos)
{
	size_t k = count_starting_by(t->heads, t->nheads, sizeof *t->heads, pos);
	for (size_t back = 0; k > 0 && back < ENCLOSING_MAX; k--, back++)
		if (pos < t->heads[k - 1].end)
			return &t->heads[k - 1];
	return NULL;
}
