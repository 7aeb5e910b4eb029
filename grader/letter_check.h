/*
 * Reply-letter conformity: the public API of the automatic checks on a reply letter.
 *
 * Given the UTF-8 text of a reply (a mail body, an attached letter, a published answer)
 * and, when known, the applicant's name, letter_check() returns one finding per item code
 * of the stable list below, in that order, each pass / fail / unknown with its evidence,
 * plus the kind of letter and the §36 reply type it concludes with (or a §39 notice).
 * The rules are those of the 2019 Regulation on Open Government Information (grader/README.md,
 * "Reply letters"); each finding is a suggestion a reviewer confirms or overrides.
 * Pure: no I/O; the caller turns files, HTML and mail into text first (html_text.h,
 * text_decode.h, harness/mail/mail_text.h).
 */
#ifndef FOI_GRADER_LETTER_CHECK_H
#define FOI_GRADER_LETTER_CHECK_H

#include <stddef.h>

#include "grader/finding.h"

/* The largest letter text the checks read; larger input is refused, not truncated. */
#define LETTER_TEXT_MAX ((size_t)4 << 20)

/* What a letter is, from its title and content. Only a final reply has a conclusion. */
enum letter_kind {
	LETTER_FINAL,        /* 答复书: a conclusion under §36 or a §39 notice */
	LETTER_SUPPLEMENT,   /* 补正告知书: asks the applicant to supplement (§30) */
	LETTER_EXTENSION,    /* 延期答复告知书: extends the deadline (§33) */
	LETTER_ACK,          /* 受理回执: acknowledges receipt */
};

/* reply_type values: 1..7 for §36(一)..(七), 39 for a §39 notice, 0 when none was found. */
#define LETTER_REPLY_39 39

/* The item codes, in the order letter_check() reports them. */
enum {
	LETTER_ITEM_COUNT = 16,
};
extern const char *const letter_item_codes[LETTER_ITEM_COUNT];
/* A one-line description of an item code (English), or NULL for an unknown code. */
const char *letter_item_describe(const char *code);

struct letter_report {
	enum letter_kind kind;
	int reply_type;              /* 1..7, 39, or 0 */
	struct finding_list items;   /* LETTER_ITEM_COUNT findings in letter_item_codes order */
};

/*
 * Checks one letter. text: UTF-8 (malformed bytes read as U+FFFD), at most LETTER_TEXT_MAX
 * bytes. applicant: the applicant's name, or NULL when not known. Returns 0, or -1 with
 * err filled (too large, memory); on -1 the report holds nothing to free.
 */
int letter_check(const char *text, size_t len, const char *applicant,
		 struct letter_report *out, char *err, size_t errsz);

/*
 * A report for a letter foi cannot read (a scanned PDF, a Word file): every item unknown
 * with the reason as evidence, so that a reviewer looks at the original.
 */
int letter_report_unreadable(const char *reason, struct letter_report *out, char *err,
			     size_t errsz);

void letter_report_free(struct letter_report *r);

/* "1".."7", "39", or NULL for 0. */
const char *letter_reply_type_name(int reply_type);
/* What a reply type means, e.g. "§36(四) the information does not exist". */
const char *letter_reply_type_describe(int reply_type);
/* "final reply", "request to supplement (补正告知书)", ... */
const char *letter_kind_describe(enum letter_kind kind);

#endif
