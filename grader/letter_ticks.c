/*
 * Printed forms with tick boxes: a case-handling system prints every alternative of a reply
 * (已主动公开 / 可以公开 / 不予公开 / 不存在 ...) and the unit ticks the one it chose. Only the
 * ticked alternatives are the letter's words, so the unticked ones are cut out of the text
 * before anything else reads it.
 */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <stdlib.h>
#include <string.h>

/* In normalised text: full-width brackets are ( ) [ ], spaces are gone. Longest first where
 * one mark starts another. */
static const char *const ticked_marks[] = {"[√]", "(√)", "[✓]", "(✓)", "[✔]", "(✔)", "[■]",
	"(■)", "[x]", "[X]", "☑", "☒", "■", "√", "✓", "✔", NULL};
static const char *const box_marks[] = {"□", "☐", NULL};
/* An empty bracket pair is a box only where an alternative starts: at the start of a line. */
static const char *const bracket_boxes[] = {"[]", "()", NULL};

struct mark {
	size_t at, len;
	int ticked;
};

static int line_start(const char *t, size_t at)
{
	return at == 0 || t[at - 1] == '\n';
}

/* The mark at p, if any: its length and whether it is ticked. */
static size_t mark_at(const char *t, size_t len, size_t p, int *ticked)
{
	for (const char *const *m = ticked_marks; *m; m++)
		if (text_at(t, len, p, *m)) {
			*ticked = 1;
			return strlen(*m);
		}
	*ticked = 0;
	for (const char *const *m = box_marks; *m; m++)
		if (text_at(t, len, p, *m))
			return strlen(*m);
	if (line_start(t, p))
		for (const char *const *m = bracket_boxes; *m; m++)
			if (text_at(t, len, p, *m))
				return strlen(*m);
	return 0;
}

/* A line that ends without a sentence break was wrapped, not ended, when it is nearly as long
 * as the longest line of the text (the wrap width): 4/5 of it, and at least WRAP_CHARS. */
#define WRAP_CHARS 20

static size_t longest_line(const char *t, size_t len)
{
	size_t best = 0;
	for (size_t a = 0; a < len;) {
		size_t b = a;
		while (b < len && t[b] != '\n')
			b++;
		size_t n = utf8_length(t + a, b - a);
		if (n > best)
			best = n;
		a = b + 1;
	}
	return best;
}

/* 1 when the alternative on t[line..eol) goes on at eol + 1: the line fills the wrap width,
 * ends mid-sentence, and the next line is not the next alternative (next_mark). */
static int wraps_on(const char *t, size_t len, size_t line, size_t eol, size_t next_mark, size_t width)
{
	static const char *const breaks[] = {"。", ";", ":", "!", "?", NULL};
	size_t chars = utf8_length(t + line, eol - line);
	if (eol + 1 >= len || next_mark == eol + 1 || chars < WRAP_CHARS || 5 * chars < 4 * width)
		return 0;
	for (const char *const *b = breaks; *b; b++)
		if (eol >= strlen(*b) && text_before(t, eol, *b))
			return 0;
	return 1;
}

/* Removes the byte ranges cut[0..n) (sorted, disjoint) from n's text and map. */
static int cut_spans(struct norm_text *n, const struct mark *cut, size_t ncut, const size_t *ends)
{
	char *text = malloc(n->len + 1);
	uint32_t *map = malloc((n->len + 1) * sizeof *map);
	if (!text || !map) {
		free(text);
		free(map);
		return -1;
	}
	size_t k = 0, c = 0;
	for (size_t i = 0; i < n->len;) {
		if (c < ncut && i == cut[c].at) {
			i = ends[c++];
			continue;
		}
		text[k] = n->text[i];
		map[k++] = n->map[i++];
	}
	map[k] = n->map[n->len];
	text[k] = '\0';
	free(n->text);
	free(n->map);
	n->text = text;
	n->map = map;
	n->len = k;
	return 0;
}

int letter_drop_unticked(struct norm_text *n, int *boxes, int *ticked)
{
	*boxes = *ticked = 0;
	const char *t = n->text;
	size_t cap = 0, count = 0;
	struct mark *marks = NULL;
	for (size_t p = 0; p < n->len;) {
		int tk;
		size_t l = mark_at(t, n->len, p, &tk);
		if (!l) {
			p++;
			continue;
		}
		if (count == cap) {
			cap = cap ? 2 * cap : 16;
			struct mark *m = realloc(marks, cap * sizeof *m);
			if (!m) {
				free(marks);
				return -1;
			}
			marks = m;
		}
		marks[count++] = (struct mark){p, l, tk};
		if (tk)
			(*ticked)++;
		else
			(*boxes)++;
		p += l;
	}
	/* A letter without an empty box is not a form: a ■ there is a bullet, a √ a symbol. */
	if (*boxes == 0) {
		free(marks);
		*ticked = 0;
		return 0;
	}
	/* An unticked alternative runs from its box to the next mark or the end of its line,
	 * and on over the lines it wraps onto: a long line that ends mid-sentence, followed by
	 * one that starts with no mark. */
	struct mark *cut = malloc(count * sizeof *cut);
	size_t *ends = malloc(count * sizeof *ends);
	if (!cut || !ends) {
		free(marks);
		free(cut);
		free(ends);
		return -1;
	}
	size_t ncut = 0, width = longest_line(t, n->len);
	for (size_t i = 0; i < count; i++) {
		if (marks[i].ticked)
			continue;
		size_t end = marks[i].at + marks[i].len;
		size_t stop = i + 1 < count ? marks[i + 1].at : n->len;
		for (;;) {
			size_t line = end;
			while (end < stop && t[end] != '\n')
				end++;
			if (end >= stop ||
			    !wraps_on(t, n->len, line, end, i + 1 < count ? marks[i + 1].at : n->len, width))
				break;
			end++; /* into the continuation line */
		}
		cut[ncut] = marks[i];
		ends[ncut++] = end;
	}
	int rc = cut_spans(n, cut, ncut, ends);
	free(marks);
	free(cut);
	free(ends);
	return rc;
}
