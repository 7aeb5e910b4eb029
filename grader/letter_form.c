/*
 * The letter's form: title, document number, salutation naming the applicant, issuing
 * body, date, and seal (which text cannot show). Reads the layout letter_layout.c found.
 */
#include "grader/letter_doc.h"

#include <stdlib.h>
#include <string.h>

static int quote_lines(const struct letter_doc *d, struct finding_list *out, const char *code,
		       size_t first, size_t last)
{
	char *q = norm_quote(d, d->lines[first].start, d->lines[last].end);
	int rc = finding_add(out, code, FINDING_PASS, "%s", q ? q : "");
	free(q);
	return rc;
}

static int first_line_evidence(const struct letter_doc *d, struct finding_list *out,
			       const char *code, const char *what)
{
	if (d->nlines == 0)
		return finding_add(out, code, FINDING_FAIL, "%s (the letter is empty)", what);
	char *q = line_quote(d, 0);
	int rc = finding_add(out, code, FINDING_FAIL, "%s (the letter begins: %s)", what, q ? q : "");
	free(q);
	return rc;
}

static int check_title(const struct letter_doc *d, struct finding_list *out)
{
	if (d->title_first == LINE_NONE)
		return first_line_evidence(d, out, "form.title", "no title among the first lines");
	return quote_lines(d, out, "form.title", d->title_first, d->title_last);
}

static int check_docno(const struct letter_doc *d, struct finding_list *out)
{
	if (d->docno_line == LINE_NONE)
		return finding_add(out, "form.docno", FINDING_FAIL,
				   "no document number such as 〔2023〕12号 above the salutation");
	return quote_lines(d, out, "form.docno", d->docno_line, d->docno_line);
}

/* The addressee as written: the salutation line up to its colon or greeting. */
static char *salutation_quote(const struct letter_doc *d)
{
	size_t a = d->lines[d->salutation_line].start;
	return norm_quote(d, a, d->salutation_end);
}

static int check_salutation(const struct letter_doc *d, struct finding_list *out)
{
	if (d->salutation_line == LINE_NONE)
		return first_line_evidence(d, out, "form.salutation",
					   "no salutation addressing the applicant before the body");
	const char *t = d->norm.text;
	size_t a = d->lines[d->salutation_line].start, b = d->salutation_end;
	char *q = salutation_quote(d);
	const char *qs = q ? q : "";
	int rc;
	int named_generic = d->salutation_generic;
	if (d->applicant) {
		if (text_find(t, a, b, d->applicant) >= 0)
			rc = finding_add(out, "form.salutation", FINDING_PASS, "%s", qs);
		else
			rc = finding_add(out, "form.salutation", FINDING_FAIL,
					 "the salutation does not name the applicant %s: %s", d->applicant, qs);
	} else if (named_generic) {
		rc = finding_add(out, "form.salutation", FINDING_FAIL,
				 "the salutation does not name the applicant: %s", qs);
	} else {
		rc = finding_add(out, "form.salutation", FINDING_PASS,
				 "%s (the applicant's name was not given, so it was not compared)", qs);
	}
	free(q);
	return rc;
}

static int check_issuer(const struct letter_doc *d, struct finding_list *out)
{
	if (d->issuer_line == LINE_NONE)
		return finding_add(out, "form.issuer", FINDING_FAIL,
				   "no issuing body named at the end of the letter");
	return quote_lines(d, out, "form.issuer", d->issuer_line, d->issuer_line);
}

static int check_date(const struct letter_doc *d, struct finding_list *out)
{
	if (d->date_line == LINE_NONE)
		return finding_add(out, "form.date", FINDING_FAIL,
				   "no date (year, month and day) at the end of the letter");
	char *q = norm_quote(d, d->date_start, d->date_end);
	int rc = finding_add(out, "form.date", FINDING_PASS, "%s", q ? q : "");
	free(q);
	return rc;
}

static int check_seal(const struct letter_doc *d, struct finding_list *out)
{
	static const char *const marks[] = {"盖章", "印章", "公章", "签章", NULL};
	size_t from = d->closing_line < d->nlines ? d->lines[d->closing_line].start : 0;
	for (const char *const *m = marks; *m; m++) {
		ssize_t p = text_find(d->norm.text, from, d->norm.len, *m);
		if (p >= 0)
			return finding_add(out, "form.seal", FINDING_UNKNOWN,
					   "the text marks a seal (%s); whether the letter bears one can only be "
					   "seen on the original: for the reviewer", *m);
	}
	return finding_add(out, "form.seal", FINDING_UNKNOWN,
			   "a seal cannot be seen in the text: for the reviewer, on the original letter");
}

int letter_check_form(const struct letter_doc *d, struct finding_list *out)
{
	if (check_title(d, out) || check_docno(d, out) || check_salutation(d, out) ||
	    check_issuer(d, out) || check_date(d, out) || check_seal(d, out))
		return -1;
	return 0;
}
