/* letter_check(): prepare the letter, run every check group, in the stable item order. */
#include "grader/letter_check.h"
#include "grader/letter_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const letter_item_codes[LETTER_ITEM_COUNT] = {
	"form.title", "form.docno", "form.salutation", "form.issuer", "form.date", "form.seal",
	"restates.request", "restates.received", "conclusion.type", "basis.article",
	"basis.current_law", "remedy.notice", "remedy.periods", "remedy.bodies",
	"no_purpose_demand", "no_fee_demand", "no_channel_refusal",
};

static const char *const item_descriptions[LETTER_ITEM_COUNT] = {
	"the letter has a title (…答复书, …告知书)",
	"the letter has a document number, e.g. 〔2023〕12号",
	"the salutation names the applicant",
	"the issuing body is named at the end",
	"the letter is dated",
	"the letter bears the issuer's seal (seen only on the original)",
	"the letter restates what was requested",
	"the letter states when the request was received",
	"the conclusion is one of the seven types of §36, or a §39 notice",
	"the legal basis cites the 2019 Regulation to the article",
	"no 2007 Regulation numbering, deadlines or wording",
	"both administrative reconsideration and litigation are offered",
	"reconsideration within 60 days, litigation within 6 months",
	"the bodies to apply to are named",
	"the letter does not demand the purpose of the request",
	"the letter does not demand a fee for an ordinary request",
	"the letter refuses no application in person or by post",
};

#define TYPE(t) (1u << (t))
const struct letter_kind_item letter_kind_items[] = {
	{"supplement.timely", LETTER_SUPPLEMENT, 0, "sent within 7 working days of receipt"},
	{"supplement.once", LETTER_SUPPLEMENT, 0, "the first supplement notice on the application (一次性)"},
	{"supplement.matters", LETTER_SUPPLEMENT, 0, "says what to supplement"},
	{"supplement.period", LETTER_SUPPLEMENT, 0, "gives a reasonable period to supplement"},
	{"supplement.consequence", LETTER_SUPPLEMENT, 0, "says what follows when nothing is supplemented"},
	{"extension.timely", LETTER_EXTENSION, 0, "sent before the original deadline"},
	{"extension.new_deadline", LETTER_EXTENSION, 0, "states the new deadline"},
	{"extension.length", LETTER_EXTENSION, 0, "extends by at most 20 working days"},
	{"extension.reason", LETTER_EXTENSION, 0, "gives the reason for the extension"},
	{"fee.basis", LETTER_FEE, 0, "cites the basis of the fee"},
	{"fee.amount", LETTER_FEE, 0, "states the amount"},
	{"fee.chargeable", LETTER_FEE, 0, "the request exceeds the free range (10 applications a month, 30 pages)"},
	{"withheld.reason", LETTER_FINAL, TYPE(2) | TYPE(3), "says why (the part) is not disclosed"},
	{"withheld.basis", LETTER_FINAL, TYPE(2) | TYPE(3), "names the exemption's legal basis (§14, §15, §16 or another law)"},
	{"not_held.search", LETTER_FINAL, TYPE(4), "says a search was made"},
	{"not_duty.body", LETTER_FINAL, TYPE(5), "names the responsible body and its contact"},
};
const size_t letter_kind_item_count = sizeof letter_kind_items / sizeof letter_kind_items[0];

const char *letter_item_describe(const char *code)
{
	for (size_t i = 0; i < LETTER_ITEM_COUNT; i++)
		if (strcmp(letter_item_codes[i], code) == 0)
			return item_descriptions[i];
	for (size_t i = 0; i < letter_kind_item_count; i++)
		if (strcmp(letter_kind_items[i].code, code) == 0)
			return letter_kind_items[i].description;
	return NULL;
}

const char *letter_reply_type_name(int t)
{
	static const char *const names[] = {NULL, "1", "2", "3", "4", "5", "6", "7"};
	if (t >= 1 && t <= 7)
		return names[t];
	if (t == LETTER_REPLY_39)
		return "39";
	return NULL;
}

const char *letter_reply_type_describe(int t)
{
	switch (t) {
	case 1: return "§36(一) already made public: where to get it";
	case 2: return "§36(二) disclosed, or how and when to get it";
	case 3: return "§36(三) not disclosed, with the reason";
	case 4: return "§36(四) the information does not exist";
	case 5: return "§36(五) not this body's information to disclose";
	case 6: return "§36(六) a repeated request, not handled again";
	case 7: return "§36(七) governed by special provisions of other laws";
	case LETTER_REPLY_39: return "§39 not handled as an information request (petition, complaint)";
	}
	return "no conclusion found";
}

const char *letter_kind_describe(enum letter_kind kind)
{
	switch (kind) {
	case LETTER_FINAL: return "final reply (答复书)";
	case LETTER_SUPPLEMENT: return "request to supplement (补正告知书, §30)";
	case LETTER_EXTENSION: return "extension notice (延期答复告知书, §33)";
	case LETTER_ACK: return "acknowledgement (受理回执)";
	case LETTER_REASONS: return "request for reasons (说明理由告知书, §35)";
	case LETTER_THIRD_PARTY: return "third-party consultation notice (征求意见告知书, §32)";
	case LETTER_FEE: return "fee notice (收费通知书, §42)";
	}
	return "letter";
}

const char *letter_document_name(enum letter_kind kind, int reply_type)
{
	static const char *const finals[] = {"final", "final.1", "final.2", "final.3", "final.4",
		"final.5", "final.6", "final.7"};
	switch (kind) {
	case LETTER_FINAL:
		if (reply_type == LETTER_REPLY_39)
			return "final.39";
		return reply_type >= 1 && reply_type <= 7 ? finals[reply_type] : finals[0];
	case LETTER_SUPPLEMENT: return "supplement";
	case LETTER_EXTENSION: return "extension";
	case LETTER_ACK: return "receipt";
	case LETTER_REASONS: return "reasons";
	case LETTER_THIRD_PARTY: return "third_party";
	case LETTER_FEE: return "fee";
	}
	return "final";
}

static int set_finding(struct finding *f, enum finding_result r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int set_finding(struct finding *f, enum finding_result r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = finding_vset(f, r, fmt, ap);
	va_end(ap);
	return rc;
}

/* A letter quoted in a judgment or a review decision is often quoted in part ("主要内容为"):
 * what the quotation lacks (heading, signature, remedy notice) may be on the original. */
static int soften_quoted(struct finding_list *items)
{
	static const char *const may_be_left_out[] = {"form.title", "form.docno", "form.issuer",
		"form.date", "remedy.notice", "remedy.periods", "remedy.bodies", NULL};
	for (size_t i = 0; i < items->count; i++) {
		struct finding *f = &items->items[i];
		if (f->result != FINDING_FAIL)
			continue;
		for (const char *const *c = may_be_left_out; *c; c++) {
			if (strcmp(f->code, *c) != 0)
				continue;
			char *was = f->evidence;
			f->evidence = NULL;
			int rc = set_finding(f, FINDING_UNKNOWN,
					     "the letter is quoted in another document, which may leave this "
					     "out; check the original (%s)", was ? was : "");
			free(was);
			if (rc)
				return -1;
		}
	}
	return 0;
}

int letter_check(const char *text, size_t len, const char *applicant,
		 struct letter_report *out, char *err, size_t errsz)
{
	struct letter_context ctx = LETTER_CONTEXT_INIT;
	ctx.applicant = applicant;
	return letter_check_in(text, len, &ctx, out, err, errsz);
}

int letter_check_in(const char *text, size_t len, const struct letter_context *ctx,
		    struct letter_report *out, char *err, size_t errsz)
{
	*out = (struct letter_report){0};
	struct letter_doc d;
	if (letter_doc_build(&d, text, len, ctx->applicant, err, errsz))
		return -1;
	d.ctx = ctx;
	if (d.norm.len == 0) {
		letter_doc_free(&d);
		return letter_report_unreadable("the letter has no text", out, err, errsz);
	}
	out->kind = d.kind;
	out->reply_type = d.kind == LETTER_FINAL ? d.reply_type : 0;
	int rc = letter_check_form(&d, &out->items) || letter_check_restates(&d, &out->items) ||
		 letter_check_conclusion(&d, &out->items) || letter_check_basis(&d, &out->items) ||
		 letter_check_remedy(&d, &out->items) || letter_check_demands(&d, &out->items) ||
		 letter_check_channels(&d, &out->items) || letter_check_procedure(&d, &out->items) ||
		 letter_check_outcome(&d, &out->items) || (d.quoted && soften_quoted(&out->items)) ||
		 !(out->kind_evidence = letter_kind_quote(&d));
	letter_doc_free(&d);
	if (rc || out->items.count < LETTER_ITEM_COUNT) {
		letter_report_free(out);
		snprintf(err, errsz, rc ? "out of memory" : "internal error: a check reported no finding");
		return -1;
	}
	/* The order is the contract; the groups append in it. */
	for (size_t i = 0; i < LETTER_ITEM_COUNT; i++)
		if (strcmp(out->items.items[i].code, letter_item_codes[i]) != 0) {
			letter_report_free(out);
			snprintf(err, errsz, "internal error: item %zu is %s, expected %s", i,
				 out->items.items[i].code, letter_item_codes[i]);
			return -1;
		}
	return 0;
}

int letter_report_unreadable(const char *reason, struct letter_report *out, char *err, size_t errsz)
{
	*out = (struct letter_report){0};
	for (size_t i = 0; i < LETTER_ITEM_COUNT; i++)
		if (finding_add(&out->items, letter_item_codes[i], FINDING_UNKNOWN, "%s", reason)) {
			letter_report_free(out);
			snprintf(err, errsz, "out of memory");
			return -1;
		}
	return 0;
}

void letter_report_free(struct letter_report *r)
{
	finding_list_free(&r->items);
	free(r->kind_evidence);
	*r = (struct letter_report){0};
}
