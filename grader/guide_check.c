/* The channel-clarity check of a guide page, from bytes to items; see guide_check.h. */
#include "grader/guide_check.h"
#include "grader/guide_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const codes[GUIDE_ITEM_COUNT] = {
	[GUIDE_PRESENT] = "guide.present",
	[GUIDE_ONLINE] = "channel.online",
	[GUIDE_POSTAL] = "channel.postal",
	[GUIDE_OFFICE] = "channel.office",
	[GUIDE_PHONE] = "channel.phone",
	[GUIDE_EMAIL_OR_FAX] = "channel.email_or_fax",
	[GUIDE_NOTES] = "guide.notes",
	[GUIDE_NO_REFUSAL] = "channel.no_refusal",
};

const char *guide_item_code(enum guide_item_id id)
{
	return (unsigned)id < GUIDE_ITEM_COUNT ? codes[id] : "?";
}

int guide_item_find(const char *code)
{
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

void guide_report_free(struct guide_report *report)
{
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++) {
		free(report->items[i].evidence);
		report->items[i].evidence = NULL;
	}
}

/* Every item after guide.present gets the same answer when the page is not one to read. */
static void set_rest(struct guide_ctx *c, enum finding_result r, const char *why)
{
	for (int i = GUIDE_PRESENT + 1; i < GUIDE_ITEM_COUNT; i++)
		if (i == GUIDE_NO_REFUSAL) /* nothing to read refuses nothing, nor accepts */
			guide_set(c, (enum guide_item_id)i, FINDING_UNKNOWN, "no guide to read (%s)", why);
		else if (r == FINDING_UNKNOWN)
			guide_set(c, (enum guide_item_id)i, r, "to be read by a reviewer: %s", why);
		else
			guide_set(c, (enum guide_item_id)i, r, "no guide to read (%s)", why);
}

static int finish(struct guide_ctx *c, char *err, size_t errsz)
{
	if (!c->oom)
		return 0;
	guide_report_free(c->report);
	snprintf(err, errsz, "out of memory while writing the evidence");
	return -1;
}

int guide_check(const struct guide_source *src, struct guide_report *report, char *err, size_t errsz)
{
	memset(report, 0, sizeof *report);
	for (int i = 0; i < GUIDE_ITEM_COUNT; i++) {
		report->items[i].code = codes[i];
		report->items[i].result = FINDING_UNKNOWN;
	}
	if (src->len > GUIDE_MAX_BYTES) {
		snprintf(err, errsz, "the page is %zu bytes; a guide page is at most %u MiB", src->len,
			 GUIDE_MAX_BYTES / (1024 * 1024));
		return -1;
	}
	struct guide_ctx c = {.report = report};
	char why[2 * GUIDE_SNIPPET_MAX];

	if (src->len == 0) {
		guide_set(&c, GUIDE_PRESENT, FINDING_FAIL, "the page is empty (0 bytes)");
		set_rest(&c, FINDING_FAIL, "the page is empty");
		return finish(&c, err, errsz);
	}
	const char *kind;
	enum text_binary bin = text_sniff_binary((const char *)src->data, src->len, TEXT_SNIFF_PAGE, 0, &kind);
	if (bin == TEXT_BINARY_DOCUMENT) {
		/* Some units publish the guide as a document: a person has to read it. */
		snprintf(why, sizeof why, "the content is %s, not a web page", kind);
		guide_set(&c, GUIDE_PRESENT, FINDING_UNKNOWN, "%s; it may be the guide: a reviewer has to read it", why);
		set_rest(&c, FINDING_UNKNOWN, why);
		return finish(&c, err, errsz);
	}
	if (bin == TEXT_BINARY_OTHER) {
		snprintf(why, sizeof why, "the content is %s, not a web page", kind);
		guide_set(&c, GUIDE_PRESENT, FINDING_FAIL, "%s", why);
		set_rest(&c, FINDING_FAIL, why);
		return finish(&c, err, errsz);
	}

	/* As browsers read a page: its declaration, unless the bytes plainly say otherwise. */
	struct decode_opts how = {.label = src->charset_hint, .trust = DECODE_TRUST_DECLARATION,
				  .flags = DECODE_HTML | DECODE_SCRUB_CONTROLS};
	struct decoded_text dec;
	if (text_decode_with((const char *)src->data, src->len, &how, &dec, err, errsz) != 0)
		return -1;
	snprintf(report->charset, sizeof report->charset, "%s", dec.charset);
	snprintf(report->declared, sizeof report->declared, "%s", dec.declared);
	report->bad_sequences = dec.bad_sequences;

	struct guide_text text;
	int rc = guide_text_from_html(dec.text, dec.len, src->base_url, &text, err, errsz);
	decoded_text_free(&dec);
	if (rc != 0)
		return -1;
	c.t = &text;
	if (guide_rule_present(&c, why, sizeof why)) {
		guide_rule_online(&c);
		guide_rule_postal(&c);
		guide_rule_office(&c);
		guide_rule_phone(&c);
		guide_rule_email_or_fax(&c);
		guide_rule_notes(&c);
		guide_rule_present_by_content(&c);
		guide_rule_no_refusal(&c);
	} else {
		set_rest(&c, FINDING_FAIL, why);
	}
	guide_text_free(&text);
	return finish(&c, err, errsz);
}
