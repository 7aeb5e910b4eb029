/* Preparing a letter: normalise, split lines, find the layout, flatten the body. */
#include "grader/letter_doc.h"
#include "grader/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void body_sentence(const struct letter_doc *d, size_t pos, size_t *s, size_t *e)
{
	text_sentence(d->body.text, d->body.len, pos, s, e);
}

char *body_quote(const struct letter_doc *d, size_t start, size_t end)
{
	return norm_source_span(&d->body, d->src, d->srclen, start, end, EVIDENCE_CPS);
}

static int vfinding(const struct letter_doc *d, struct finding_list *out, const char *code,
		    enum finding_result r, size_t start, size_t end, const char *fmt, va_list ap)
	__attribute__((format(printf, 7, 0)));

static int vfinding(const struct letter_doc *d, struct finding_list *out, const char *code,
		    enum finding_result r, size_t start, size_t end, const char *fmt, va_list ap)
{
	char *lead = NULL;
	if (vasprintf(&lead, fmt, ap) < 0)
		return -1;
	char *q = body_quote(d, start, end);
	int rc = finding_add(out, code, r, "%s%s", lead, q ? q : "");
	free(lead);
	free(q);
	return rc;
}

int body_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		 enum finding_result r, size_t start, size_t end, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = vfinding(d, out, code, r, start, end, fmt, ap);
	va_end(ap);
	return rc;
}

int sentence_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		     enum finding_result r, size_t pos, const char *fmt, ...)
{
	size_t s, e;
	body_sentence(d, pos, &s, &e);
	va_list ap;
	va_start(ap, fmt);
	int rc = vfinding(d, out, code, r, s, e, fmt, ap);
	va_end(ap);
	return rc;
}

int words_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		  const char *const *words, const char *missing)
{
	ssize_t p = text_find_any(d->body.text, 0, d->body.len, words, NULL);
	if (p >= 0)
		return sentence_finding(d, out, code, FINDING_PASS, (size_t)p, "%s", "");
	return finding_add(out, code, FINDING_FAIL, "%s", missing);
}

char *norm_quote(const struct letter_doc *d, size_t start, size_t end)
{
	return norm_source_span(&d->norm, d->src, d->srclen, start, end, EVIDENCE_CPS);
}

char *line_quote(const struct letter_doc *d, size_t line)
{
	return norm_quote(d, d->lines[line].start, d->lines[line].end);
}

int letter_form_unmarked(const struct letter_doc *d)
{
	return d->form_boxes > 0 && d->form_ticked == 0;
}

size_t line_chars(const struct letter_doc *d, size_t i)
{
	return utf8_length(d->norm.text + d->lines[i].start, d->lines[i].end - d->lines[i].start);
}

int line_has_full_stop(const struct letter_doc *d, size_t i)
{
	return text_find(d->norm.text, d->lines[i].start, d->lines[i].end, "。") >= 0;
}

static int split_lines(struct letter_doc *d)
{
	size_t n = 1;
	for (size_t i = 0; i < d->norm.len; i++)
		if (d->norm.text[i] == '\n')
			n++;
	d->lines = calloc(n, sizeof *d->lines);
	if (!d->lines)
		return -1;
	size_t start = 0, k = 0;
	for (size_t i = 0; i <= d->norm.len; i++) {
		if (i == d->norm.len || d->norm.text[i] == '\n') {
			if (i > start)
				d->lines[k++] = (struct letter_line){start, i};
			start = i + 1;
		}
	}
	d->nlines = k;
	return 0;
}

/* The body: from the salutation (or the end of the header) to the closing block, joined. */
static int flatten_body(struct letter_doc *d)
{
	size_t from = 0;
	if (d->salutation_line != LINE_NONE)
		from = d->salutation_end;
	else {
		size_t last = LINE_NONE;
		if (d->title_last != LINE_NONE)
			last = d->title_last;
		if (d->docno_line != LINE_NONE && (last == LINE_NONE || d->docno_line > last))
			last = d->docno_line;
		if (last != LINE_NONE && last + 1 < d->nlines)
			from = d->lines[last + 1].start;
		else if (last != LINE_NONE)
			from = d->norm.len;
	}
	size_t to = d->closing_line < d->nlines ? d->lines[d->closing_line].start : d->norm.len;
	if (to < from)
		to = d->norm.len;
	return norm_flatten(&d->norm, from, to, &d->body);
}

int letter_doc_build(struct letter_doc *d, const char *text, size_t len, const char *applicant,
		     char *err, size_t errsz)
{
	*d = (struct letter_doc){.src = text, .srclen = len};
	if (len > LETTER_TEXT_MAX) {
		snprintf(err, errsz, "letter text of %zu bytes is too large (the checks read at most %zu)",
			 len, LETTER_TEXT_MAX);
		return -1;
	}
	if (norm_build(text, len, &d->norm, err, errsz))
		return -1;
	size_t qs, qe;
	if (letter_find_quoted(&d->norm, &qs, &qe)) {
		/* Grade the quoted letter alone; evidence still quotes the source as written. */
		size_t from = d->norm.map[qs], to = d->norm.map[qe];
		norm_free(&d->norm);
		d->src = text + from;
		d->srclen = to - from;
		d->quoted = 1;
		if (norm_build(d->src, d->srclen, &d->norm, err, errsz))
			return -1;
	}
	if (letter_drop_unticked(&d->norm, &d->form_boxes, &d->form_ticked))
		goto oom;
	if (applicant && *applicant) {
		d->applicant = norm_string(applicant);
		if (!d->applicant)
			goto oom;
		if (!*d->applicant) {
			free(d->applicant);
			d->applicant = NULL;
		}
	}
	if (split_lines(d))
		goto oom;
	letter_find_layout(d);
	if (flatten_body(d))
		goto oom;
	letter_find_kind(d);
	return 0;
oom:
	letter_doc_free(d);
	snprintf(err, errsz, "out of memory");
	return -1;
}

void letter_doc_free(struct letter_doc *d)
{
	norm_free(&d->norm);
	norm_free(&d->body);
	free(d->lines);
	free(d->applicant);
	*d = (struct letter_doc){0};
}
