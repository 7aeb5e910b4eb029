/*
 * Reply-letter conformity: the public API of the automatic checks on a reply letter.
 *
 * Given the UTF-8 text of a reply (a mail body, an attached letter, a published answer)
 * and, when known, the applicant's name, letter_check() returns one finding per item code
 * of the stable list below, in that order, each pass / fail / unknown with its evidence,
 * then the items of the letter's kind (letter_kind_items: supplement.*, extension.*, fee.*,
 * withheld.*, not_held.search, not_duty.body), plus the kind of document with the words that
 * told it and the §36 reply type it concludes with (or a §39 notice). What the text cannot
 * tell (the receipt day, earlier notices) comes from the caller (struct letter_context).
 * The rules are those of the 2019 Regulation on Open Government Information (grader/README.md,
 * "Reply letters"); each finding is a suggestion a reviewer confirms or overrides.
 * Pure: no I/O; the caller turns files, HTML and mail into text first (html_text.h,
 * text_decode.h, harness/mail/mail_text.h).
 */
#ifndef FOI_GRADER_LETTER_CHECK_H
#define FOI_GRADER_LETTER_CHECK_H

#include <stddef.h>

#include "grader/finding.h"
#include "schedule/calendar.h"
#include "schedule/day.h"

/* The largest letter text the checks read; larger input is refused, not truncated. */
#define LETTER_TEXT_MAX ((size_t)4 << 20)

/* What a letter is, from its title and content. Only a final reply has a conclusion. The
 * kinds are the procedural documents of the reply norms (README.md, "Kinds of document"). */
enum letter_kind {
	LETTER_FINAL,        /* 答复书: a conclusion under §36 or a §39 notice */
	LETTER_SUPPLEMENT,   /* 补正告知书: asks the applicant to supplement (§30) */
	LETTER_EXTENSION,    /* 延期答复告知书: extends the deadline (§33) */
	LETTER_ACK,          /* 受理回执: acknowledges receipt */
	LETTER_REASONS,      /* 说明理由告知书: asks the applicant to explain (§35) */
	LETTER_THIRD_PARTY,  /* 征求意见告知书: a third party is consulted (§32, §33) */
	LETTER_FEE,          /* 收费通知书: an information-processing fee (§42) */
};

/* reply_type values: 1..7 for §36(一)..(七), 39 for a §39 notice, 0 when none was found. */
#define LETTER_REPLY_39 39

/* The item codes every letter gets, in the order letter_check() reports them first. */
enum {
	LETTER_ITEM_COUNT = 17,
};
extern const char *const letter_item_codes[LETTER_ITEM_COUNT];

/* The items of one kind of document (supplement.*, extension.*, withheld.*, ...): they follow
 * the common items, in this table's order, for the letters they apply to. */
struct letter_kind_item {
	const char *code;
	enum letter_kind kind;
	unsigned reply_types;        /* for LETTER_FINAL: bit t set for reply type t; else 0 */
	const char *description;
};
extern const struct letter_kind_item letter_kind_items[];
extern const size_t letter_kind_item_count;

/* A one-line description of an item code (English), or NULL for an unknown code. */
const char *letter_item_describe(const char *code);

/* A day not given. */
#define LETTER_DAY_UNKNOWN INT32_MIN

/*
 * What the caller knows beyond the letter's text, for the items of timing and sequence.
 * Zero-initialise with LETTER_CONTEXT_INIT; every field may stay unknown, and the item that
 * needs it is then `unknown`, never a guess.
 */
struct letter_context {
	const char *applicant;             /* the applicant's name, or NULL */
	const struct sched_calendar *cal;  /* built working-day calendar, or NULL */
	sched_day received;                /* the request's receipt day (§31) */
	sched_day sent;                    /* the day the letter was sent; else its printed date */
	sched_day deadline;                /* the original reply deadline; else received + 20 */
	int earlier_supplements;           /* supplement notices sent before this one, or -1 */
	int applications_in_month;         /* the applicant's applications to the body that month, or -1 */
};
#define LETTER_CONTEXT_INIT ((struct letter_context){NULL, NULL, LETTER_DAY_UNKNOWN, \
	LETTER_DAY_UNKNOWN, LETTER_DAY_UNKNOWN, -1, -1})

struct letter_report {
	enum letter_kind kind;
	int reply_type;              /* 1..7, 39, or 0 */
	char *kind_evidence;         /* owned: the words that told the kind; NULL when unread */
	/* LETTER_ITEM_COUNT findings in letter_item_codes order, then the kind's own items */
	struct finding_list items;
};

/*
 * Checks one letter. text: UTF-8 (malformed bytes read as U+FFFD), at most LETTER_TEXT_MAX
 * bytes. applicant: the applicant's name, or NULL when not known. Returns 0, or -1 with
 * err filled (too large, memory); on -1 the report holds nothing to free.
 */
int letter_check(const char *text, size_t len, const char *applicant,
		 struct letter_report *out, char *err, size_t errsz);
/* The same with what the caller knows of the request's timeline (struct letter_context). */
int letter_check_in(const char *text, size_t len, const struct letter_context *ctx,
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
/* The stable name of the document kind: "receipt", "supplement", "reasons", "extension",
 * "third_party", "fee", and for a final reply "final.1".."final.7", "final.39", or "final"
 * when no conclusion was found. */
const char *letter_document_name(enum letter_kind kind, int reply_type);

#endif
