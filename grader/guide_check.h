/*
 * Channel clarity: what a unit's FOI guide page (政府信息公开指南) tells an applicant about
 * where and how to apply. This is the automatic part of the 2023 scheme's sub-indicator
 * 申请接收渠道指引规范性 ("the unit publishes, in its guide, each channel it has opened and
 * how to use it"), the way grader/README.md's default rubric spells it out.
 *
 * The check is a pure function over the page's bytes and, when it was fetched, its address
 * and the transport's charset; it reads no file and touches no network, so the command
 * `foi channel check` and a round's grading can both call it. Each item is a suggestion with
 * its evidence (the page's own text, or why nothing was found) for a reviewer to confirm:
 *
 *   guide.present        the page is a guide, not an error page, an empty page or a file
 *   channel.online       an online channel (在线申请/网上申请) with an address to use
 *   channel.postal       a postal address and a postcode
 *   channel.office       the receiving office (受理机构, 政府信息公开办公室 ...)
 *   channel.phone        a telephone number for enquiries
 *   channel.email_or_fax an e-mail address or a fax number (or a clear statement that
 *                        neither is offered)
 *   guide.notes          what an application must contain and how the receipt date is fixed
 *   channel.no_refusal   the page refuses no application in person or by post (those two
 *                        channels may never be refused: channel_refusal.h)
 *
 * The item codes are a stable contract: scheme files and exports use them.
 */
#ifndef FOI_GRADER_GUIDE_CHECK_H
#define FOI_GRADER_GUIDE_CHECK_H

#include <stddef.h>

#include "grader/finding.h"
#include "grader/text_decode.h"

/* Pages larger than this are refused: guide pages are tens of kilobytes, and libxml2's tree
 * of a page full of tags takes some thirty times its size in memory. */
#define GUIDE_MAX_BYTES (8u * 1024 * 1024)
/* Evidence is cut to about this many bytes. */
#define GUIDE_EVIDENCE_MAX 240

enum guide_item_id {
	GUIDE_PRESENT,
	GUIDE_ONLINE,
	GUIDE_POSTAL,
	GUIDE_OFFICE,
	GUIDE_PHONE,
	GUIDE_EMAIL_OR_FAX,
	GUIDE_NOTES,
	GUIDE_NO_REFUSAL,
	GUIDE_ITEM_COUNT
};

struct guide_report {
	/* One finding per item, in the order of enum guide_item_id: the code is static, the
	 * evidence owned and never NULL after a successful check. */
	struct finding items[GUIDE_ITEM_COUNT];
	char charset[TEXT_CHARSET_MAX];            /* what the page was read as */
	char declared[TEXT_CHARSET_MAX];           /* what it declared, "" when nothing */
	size_t bad_sequences;                      /* bytes that decoded to nothing */
};

/* What to check: the bytes, and where they came from when that is known. */
struct guide_source {
	const unsigned char *data;
	size_t len;
	const char *base_url;     /* the page's address, for resolving links; NULL for a file */
	const char *charset_hint; /* the HTTP Content-Type charset; NULL when none */
};

/*
 * Checks one page. Returns 0 and fills report (free it with guide_report_free), or -1 with
 * err filled when the page cannot be checked at all (larger than GUIDE_MAX_BYTES, out of
 * memory); report is then empty but safe to free.
 */
int guide_check(const struct guide_source *src, struct guide_report *report, char *err, size_t errsz);
void guide_report_free(struct guide_report *report);

const char *guide_item_code(enum guide_item_id id);
/* The item id for a code, or -1. */
int guide_item_find(const char *code);

#endif
