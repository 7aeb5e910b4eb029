/*
 * Recognisers for what a guide page lists: telephone and fax numbers, postcodes, e-mail
 * addresses, web addresses, and postal addresses, read from the folded text of
 * guide_text.h (ASCII digits and punctuation, dashes as '-').
 *
 * Each scanner looks for the first occurrence in text[from, to) and reports it as a span.
 * They are deliberately literal about what Chinese government pages print:
 *   telephone  0722-3591234, 0722 3591234, (0722)3591234, 07223591234, 13907221234,
 *              400-880-1234, and, where a label says it is a number, 3591234; an
 *              extension "转8001" or "-8001" stays with the number;
 *   postcode   six digits standing alone (441300);
 *   e-mail     local@domain.tld;
 *   web        http(s)://..., www...., or a bare host under .gov.cn;
 *   postal     a run of text naming a place (省 市 县 区 路 街 号 ...), up to a clause end.
 * Text positions are byte offsets; the text is UTF-8 and all markers are ASCII or whole
 * Chinese characters, so byte search cannot match half a character.
 */
#ifndef FOI_GRADER_GUIDE_SCAN_H
#define FOI_GRADER_GUIDE_SCAN_H

#include <stddef.h>

#include "grader/text_search.h"

struct guide_match {
	size_t start, end;
};

/* Telephone numbers with an area code or a mobile prefix; allow_local also takes 7-8 digits. */
int guide_scan_phone(const char *t, size_t from, size_t to, int allow_local, struct guide_match *m);
int guide_scan_postcode(const char *t, size_t from, size_t to, struct guide_match *m);
int guide_scan_email(const char *t, size_t from, size_t to, struct guide_match *m);
int guide_scan_url(const char *t, size_t from, size_t to, struct guide_match *m);
/* A postal address starting at from (after skipping separators), as far as its clause goes. */
int guide_scan_address(const char *t, size_t from, size_t to, struct guide_match *m);
/* A name of an office starting at from: Chinese text ending in 办公室, 科, 中心, 局... */
int guide_scan_office(const char *t, size_t from, size_t to, struct guide_match *m);

/*
 * How far the helpers below look for a line or sentence boundary. Guide pages keep their
 * lines short; a page that is one 10-megabyte line must not make every lookup read all of
 * it, so a boundary further than this is taken to be here (on a character boundary).
 */
#define GUIDE_REACH 1024

/* Start of the line (after the previous '\n') and end of the line (the next '\n' or len). */
size_t guide_line_start(const char *t, size_t pos);
size_t guide_line_end(const char *t, size_t len, size_t pos);
/* Start of the clause holding pos: after the previous 。；;，,！？ or line break. */
size_t guide_clause_start(const char *t, size_t pos);
/* End of the sentence holding pos: the next 。；; or line break (exclusive of it), or len. */
size_t guide_sentence_end(const char *t, size_t len, size_t pos);
/* End of the full sentence holding pos: the next 。 or line break, or len. */
size_t guide_period_end(const char *t, size_t len, size_t pos);
/* Moves back n characters from pos (not before floor). */
size_t guide_back_chars(const char *t, size_t pos, size_t floor, size_t n);
/* Moves on n characters from pos (not past to). */
size_t guide_fwd_chars(const char *t, size_t pos, size_t to, size_t n);
/* Skips spaces, tabs, line breaks and colons (and 为/是 when words is set) from pos. */
size_t guide_skip_separators(const char *t, size_t pos, size_t to, int words);
/* Whether t[from, to) holds only separators (see guide_skip_separators). */
int guide_only_separators(const char *t, size_t from, size_t to);

#endif
