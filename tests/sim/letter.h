/*
 * The letters a simulated unit writes: acknowledgement (受理回执), request to supplement
 * (补正告知书), extension notice (延期答复告知书), the final reply (答复书: one of the seven
 * types of article 36 of the 2019 Regulation, or an article 39 notice) and the answer to an
 * online question, in the layout of a Chinese government letter: title, document number,
 * salutation, indented paragraphs, issuing body and date.
 *
 * The final letter is written with the flaws its unit's profile names (no remedy notice,
 * "3个月" for litigation, the 2007 regulation's article numbers, no document number, ...);
 * the other letters are written correctly. Composing is pure: the caller supplies the dates.
 */
#ifndef FOI_SIM_LETTER_H
#define FOI_SIM_LETTER_H

#include <stddef.h>
#include <time.h>

#include "tests/sim/profile.h"
#include "tests/sim/state.h"

enum letter_kind { LETTER_ACK, LETTER_SUPPLEMENT, LETTER_EXTENSION, LETTER_FINAL, LETTER_ANSWER };

struct letter_input {
	const struct sim_unit *unit;
	const struct sim_request *req;
	enum letter_kind kind;
	time_t date;          /* the day the letter is written (its send time) */
	long docno_seq;       /* the N of 〔YEAR〕N号 */
	time_t extended_until; /* extension notices: the new last day */
	const char *answer;    /* answers to questions: the answer text */
};

#define LETTER_MAX_PARAS 12

struct letter {
	char *subject;    /* for the mail */
	char *title;      /* NULL when left out */
	char *docno;
	char *salutation;
	char *paras[LETTER_MAX_PARAS];
	size_t npara;
	char *issuer;
	char *date;
	int seal;         /* an HTML rendering shows the seal */
};

int letter_compose(const struct letter_input *in, struct letter *out, char *err, size_t errsz);
void letter_free(struct letter *l);

/* The letter as plain text with CRLF line ends (malloc'd; NULL when out of memory). */
char *letter_text(const struct letter *l);
/* The letter as an HTML document declaring charset cs in a meta element. */
char *letter_html(const struct letter *l, enum sim_charset cs);

#endif
