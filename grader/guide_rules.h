/*
 * The seven rules of the channel-clarity check, and what they share: how a label finds its
 * value (on its line, on the next line, or in the table cell beside or below it) and how an
 * item gets its result and evidence. Internal to guide_check.c and the guide_rule_*.c files.
 */
#ifndef FOI_GRADER_GUIDE_RULES_H
#define FOI_GRADER_GUIDE_RULES_H

#include <stdarg.h>

#include "grader/guide_check.h"
#include "grader/guide_scan.h"
#include "grader/guide_text.h"

/* Evidence snippets are cut to fit this buffer. */
#define GUIDE_SNIPPET_MAX (GUIDE_EVIDENCE_MAX + 8)
/* A guide names each channel a handful of times; a page naming one thousands of times is
 * not read past this many mentions, so no page can make a check take quadratic time. */
#define GUIDE_MAX_MENTIONS 200
/* A label and its value, "label: value". */
#define GUIDE_PAIR_MAX (2 * GUIDE_SNIPPET_MAX + 8)

struct guide_ctx {
	const struct guide_text *t;
	struct guide_report *report;
	int oom; /* an evidence string could not be allocated */
	int links_only; /* guide.present: the page only links to a guide elsewhere */
};

typedef int (*guide_scanner)(const char *t, size_t from, size_t to, struct guide_match *m);

/* Sets one item's result and its evidence, printf-style. */
void guide_set(struct guide_ctx *c, enum guide_item_id id, enum finding_result r, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The page's own text behind text[start, end), trimmed and cut (see guide_text_evidence). */
const char *guide_snip(const struct guide_ctx *c, size_t start, size_t end, char buf[GUIDE_SNIPPET_MAX]);

/* s cut on a character boundary to fit the snippet buffer (with "…" when cut). */
const char *guide_cut(const char *s, char buf[GUIDE_SNIPPET_MAX]);

/*
 * The value that the label at text[ls, le) introduces, found by scan: after it on the same
 * line (up to the next label of another kind), on the next line when the label ends its
 * line, else in the table cell to its right or in the cells below it (a header row).
 * Returns GUIDE_VALUE_INLINE when the value follows the label directly, GUIDE_VALUE_APART
 * when it was found on the next line or in another cell, 0 when there is none.
 */
enum { GUIDE_VALUE_INLINE = 1, GUIDE_VALUE_APART = 2 };
int guide_label_value(const struct guide_ctx *c, size_t ls, size_t le, guide_scanner scan,
		      struct guide_match *m);

/* Evidence for a label and its value: the text from one to the other when they stand
 * together (how == GUIDE_VALUE_INLINE), else "label: value". */
const char *guide_pair(const struct guide_ctx *c, size_t ls, size_t le, const struct guide_match *m,
		       int how, char buf[GUIDE_PAIR_MAX]);

/*
 * Whether the label at pos belongs to the website's own contacts (网站维护, 主办单位,
 * 网站纠错 ...) rather than to the FOI office: such footers are on every page of a site.
 */
int guide_is_site_contact(const struct guide_ctx *c, size_t pos);

/*
 * Whether the words just before pos, in the same clause, deny what follows (不, 未, 暂停,
 * 暂无, 无法): "本机关暂不受理网上申请".
 */
int guide_is_negated(const struct guide_ctx *c, size_t pos);

/* Scanners in the guide_scanner shape. */
int guide_scan_phone_labelled(const char *t, size_t from, size_t to, struct guide_match *m);

/* The rules. guide_rule_present returns 1 when the page can be read for channels at all
 * (it is not empty and not an error page) and fills why with the reason when it cannot. */
int guide_rule_present(struct guide_ctx *c, char *why, size_t whysz);
void guide_rule_online(struct guide_ctx *c);
void guide_rule_postal(struct guide_ctx *c);
void guide_rule_office(struct guide_ctx *c);
void guide_rule_phone(struct guide_ctx *c);
void guide_rule_email_or_fax(struct guide_ctx *c);
void guide_rule_notes(struct guide_ctx *c);
/* After the channel rules: a page not titled as a guide that tells how and where to apply
 * is one whatever its title (依申请公开专栏, 申请须知); on a page that only links to the
 * guide, a channel not found is for the reviewer to read there, not a failure. */
void guide_rule_present_by_content(struct guide_ctx *c);
/* channel.no_refusal, after guide_rule_present_by_content (a page that only links to the guide
 * leaves it to be read there). */
void guide_rule_no_refusal(struct guide_ctx *c);

#endif
