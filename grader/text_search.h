/*
 * Searching text: substrings, the first of several words, what stands before or at a
 * place, and dates. The letter and consultation checks search normalised text
 * (normalize.h: digits are ASCII, so 二〇二三年九月二十八日 is found as 2023年9月28日), the
 * guide checks the folded text of guide_text.h; both with these helpers. Offsets are bytes,
 * and every word is ASCII or whole UTF-8 characters, so no match starts inside a character.
 */
#ifndef FOI_GRADER_TEXT_SEARCH_H
#define FOI_GRADER_TEXT_SEARCH_H

#include <stddef.h>
#include <sys/types.h>

/* How many occurrences of one phrase a check examines. A letter has a handful; a hostile
 * text of megabytes of the same phrase would otherwise cost a sentence scan per occurrence. */
#define TEXT_SCAN_MAX 400

/* Offset of needle in t[from..to), or -1. */
ssize_t text_find(const char *t, size_t from, size_t to, const char *needle);
/* Offset of the last needle in t[from..to), or -1: the remedy notice closes a letter, so its
 * words are the last of their kind (the request may mention 行政复议 or 行政诉讼 before). */
ssize_t text_rfind(const char *t, size_t from, size_t to, const char *needle);
/* Start of the clause holding at, looking back no further than from: just after the last
 * ',' ';' or ':' in t[from..at), or from. */
size_t text_clause_start(const char *t, size_t from, size_t at);
/* 1 when at lies inside a quotation (“…”, 《…》, 「…」) opened in t[from..at) and not closed
 * before at: a title or a quoted request, whose words are not the letter's own. */
int text_in_quotes(const char *t, size_t from, size_t at);
/* The earliest occurrence in t[from..to) of any of words (NULL-terminated), the longest where
 * several start together; -1 when none. *which (which may be NULL) gets its index. */
ssize_t text_find_any(const char *t, size_t from, size_t to, const char *const *words, size_t *which);
/* 1 when t[at..len) starts with s. */
int text_at(const char *t, size_t len, size_t at, const char *s);
/* 1 when t[at - strlen(s)..at) is s. */
int text_before(const char *t, size_t at, const char *s);

/*
 * The next occurrence of any of several words, for scanning a text from left to right:
 * each word's next position is remembered, so a scan costs one pass per word however many
 * times it is asked (a word that does not occur is searched for once, not once per
 * occurrence of the others). words: NULL-terminated, at most TEXT_CURSOR_WORDS.
 */
#define TEXT_CURSOR_WORDS 32
struct text_cursor {
	const char *t;
	size_t len;
	const char *const *words;
	size_t n;
	ssize_t next[TEXT_CURSOR_WORDS]; /* -2: not searched yet; -1: no more */
};
void text_cursor_init(struct text_cursor *c, const char *t, size_t len, const char *const *words);
/* The earliest occurrence at or after from of any word (the longest where several start
 * together), or -1; *which (may be NULL) gets its index. from must not decrease from one
 * call to the next. */
ssize_t text_cursor_next(struct text_cursor *c, size_t from, size_t *which);

/* For scans that move on past each match: the next occurrence at or after *pos, as for
 * text_cursor_next; returns 1, sets *at and *which (may be NULL) and moves *pos past the
 * word, or returns 0 when there is none. */
int text_cursor_step(struct text_cursor *c, size_t *pos, size_t *at, size_t *which);

/* Sentence around pos in a text without line breaks: [*s, *e), the terminator (。!?;)
 * included; at most about 1200 bytes either side, so hostile text stays linear. */
void text_sentence(const char *t, size_t len, size_t pos, size_t *s, size_t *e);

struct date_match {
	int year, month, day; /* year 0 when only month and day were written */
	size_t start, end;
};
/* The first date in t[from..to): 2023年9月28日, 2023-09-28, 2023.9.28, 2023/9/28, or 9月28日
 * (year 0) when allow_partial. Returns 1 when found. */
int text_find_date(const char *t, size_t from, size_t to, int allow_partial, struct date_match *m);

#endif
