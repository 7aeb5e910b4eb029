/*
 * A letter prepared for the checks (internal to grader/letter_*.c).
 *
 * letter_doc_build() normalises the text (normalize.h), splits it into lines and finds the
 * layout a Chinese official letter has: title and document number on top, the salutation
 * ("张三：") that opens the body, and the closing block (issuing body, date) at the end.
 * The body between them is flattened into one line, because wrapped text breaks lines in
 * the middle of phrases; the checks search the body by sentence (。 ! ? ;).
 */
#ifndef FOI_GRADER_LETTER_DOC_H
#define FOI_GRADER_LETTER_DOC_H

#include <stddef.h>
#include <sys/types.h>

#include "grader/letter_check.h"
#include "grader/normalize.h"
#include "grader/text_search.h"

#define LINE_NONE ((size_t)-1)
#define EVIDENCE_CPS 120   /* longest evidence quote, in characters */

struct letter_line {
	size_t start, end;     /* in norm.text, without the '\n' */
};

struct letter_doc {
	const char *src;       /* the letter as given (UTF-8), borrowed */
	size_t srclen;
	char *applicant;       /* normalised applicant name, or NULL */

	struct norm_text norm; /* every line, separated by '\n' */
	struct letter_line *lines;
	size_t nlines;

	/* Layout, as line indices (LINE_NONE when absent). */
	size_t title_first, title_last;
	size_t docno_line;
	size_t salutation_line;
	size_t salutation_end; /* offset in norm.text just after the salutation's colon */
	int salutation_generic; /* "您好：", "申请人：": addresses nobody by name */
	size_t date_line;
	size_t date_start, date_end; /* the date within the date line (norm offsets) */
	size_t issuer_line;
	size_t closing_line;   /* first line of the closing block, or nlines */

	struct norm_text body; /* the body, one line; its map points into src */

	/* A printed form (letter_ticks.c): its empty boxes and ticked marks. Unticked
	 * alternatives are already cut out of norm; with boxes but no tick, nobody can tell
	 * from the text which alternative was chosen. */
	int form_boxes, form_ticked;

	/* A letter quoted in another document (a judgment, a review decision): the quotation
	 * may leave out the heading, the signature and the remedy notice. */
	int quoted;

	enum letter_kind kind;
	/* What told the kind: the title (kind_by_title), else the body's words at kind_at
	 * (KIND_AT_NONE when nothing did: a final reply by default). */
	int kind_by_title;
	size_t kind_at;
	int reply_type;
	size_t conclusion_start, conclusion_end; /* in body, when reply_type != 0 */

	const struct letter_context *ctx; /* what the caller knows; never NULL in the checks */
};
#define KIND_AT_NONE ((size_t)-1)

int letter_doc_build(struct letter_doc *d, const char *text, size_t len, const char *applicant,
		     char *err, size_t errsz);
void letter_doc_free(struct letter_doc *d);

/* Cuts the unticked alternatives of a printed form out of n (letter_ticks.c); sets the
 * number of empty boxes and of ticked marks. A text without an empty box is left alone.
 * Returns 0 or -1 (memory). */
int letter_drop_unticked(struct norm_text *n, int *boxes, int *ticked);
/* A reply letter quoted in another document (letter_quoted.c): "…内容为：“张某：…”". Sets
 * [*start, *end) to the quotation's inside, in n's bytes, and returns 1; 0 when none. */
int letter_find_quoted(const struct norm_text *n, size_t *start, size_t *end);
/* 1 when t[a..b) names someone as a salutation does ("张三", "申请人李明华", "李明华同志"). */
int letter_is_addressee(const char *t, size_t a, size_t b);
/* 1 when the letter is a printed form on which nothing is ticked. */
int letter_form_unmarked(const struct letter_doc *d);

/* Layout (letter_layout.c), run by letter_doc_build. */
void letter_find_layout(struct letter_doc *d);
/* Kind and reply type (letter_content.c), run by letter_doc_build after the body exists. */
void letter_find_kind(struct letter_doc *d);

/* Words that introduce the restated request (申请公开, 申请获取, 要求提供...), NULL-terminated
 * (letter_content.c). */
extern const char *const letter_request_anchors[];

/* Sentence around pos in the body: [*s, *e), the terminator (。!?;) included. */
void body_sentence(const struct letter_doc *d, size_t pos, size_t *s, size_t *e);

/* Evidence quoting the source for body[start..end) or norm[start..end). Owned. */
char *body_quote(const struct letter_doc *d, size_t start, size_t end);
char *norm_quote(const struct letter_doc *d, size_t start, size_t end);
char *line_quote(const struct letter_doc *d, size_t line);

/* Adds a finding whose evidence is fmt (printf-style) followed by the letter's own words
 * behind body[start..end) (body_quote). Returns 0 or -1 (memory). */
int body_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		 enum finding_result r, size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* The same, quoting the sentence around body position pos (body_sentence). */
int sentence_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		     enum finding_result r, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The item passes quoting the sentence of the first of words in the body, or fails with
 * missing as evidence. Returns 0 or -1 (memory). */
int words_finding(const struct letter_doc *d, struct finding_list *out, const char *code,
		  const char *const *words, const char *missing);

/* Code points in norm line i. */
size_t line_chars(const struct letter_doc *d, size_t i);
/* 1 when the line holds 。 (a sentence, not a heading or signature). */
int line_has_full_stop(const struct letter_doc *d, size_t i);

/* The checks, one file per group; each appends its findings in letter_item_codes order. */
int letter_check_form(const struct letter_doc *d, struct finding_list *out);
int letter_check_restates(const struct letter_doc *d, struct finding_list *out);
int letter_check_conclusion(const struct letter_doc *d, struct finding_list *out);
int letter_check_basis(const struct letter_doc *d, struct finding_list *out);
int letter_check_remedy(const struct letter_doc *d, struct finding_list *out);
int letter_check_demands(const struct letter_doc *d, struct finding_list *out);
/* no_channel_refusal (letter_channels.c). */
int letter_check_channels(const struct letter_doc *d, struct finding_list *out);
/* The items of the letter's kind, in letter_kind_items order (letter_procedure.c for the
 * procedural notices, letter_outcome.c for the §36 outcomes). */
int letter_check_procedure(const struct letter_doc *d, struct finding_list *out);
int letter_check_outcome(const struct letter_doc *d, struct finding_list *out);

/* 1 when the article cited at body position p (at "第") is the Regulation's (letter_basis.c). */
int letter_regulation_article(const struct letter_doc *d, size_t p);
/* Evidence for the kind of the letter: its title, or the sentence that told it. Owned. */
char *letter_kind_quote(const struct letter_doc *d);


#endif
