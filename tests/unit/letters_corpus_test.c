/*
 * The letter corpus: every expected result of every fixture holds, through the library
 * (as the round grading will call it) and through `foi grade check --json` (as a user
 * runs it); and the corpus covers what the issue asks for.
 */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grader/consult_accuracy.h"
#include "grader/letter_check.h"
#include "harness/calendar_load.h"
#include "harness/grade_reference.h"
#include "harness/mail/letter_file.h"
#include "tests/unit/letters_expect.h"
#include "tests/unit/run_foi.h"

/* Appends one mismatch line to a growing report. */
static void note(char **report, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(char **report, const char *fmt, ...)
{
	va_list ap;
	char *line = NULL;
	va_start(ap, fmt);
	if (vasprintf(&line, fmt, ap) < 0)
		abort();
	va_end(ap);
	size_t old = *report ? strlen(*report) : 0;
	*report = realloc(*report, old + strlen(line) + 2);
	if (!*report)
		abort();
	strcpy(*report + old, line);
	strcat(*report, "\n");
	free(line);
}

/* The shipped working-day calendar, as `foi grade check` counts on outside a workspace. */
static struct sched_calendar *shipped(void)
{
	struct sched_calendar *cal = calendar_new();
	char err[512];
	cr_assert(cal);
	cr_assert_eq(calendar_load_shipped(cal, err, sizeof err), 0, "%s", err);
	cr_assert_eq(calendar_build(cal, err, sizeof err), 0, "%s", err);
	return cal;
}

/* What the sidecar says is known of the request. */
static struct letter_context context_of(const struct expected *e, const struct sched_calendar *cal)
{
	struct letter_context c = LETTER_CONTEXT_INIT;
	c.applicant = *e->applicant ? e->applicant : NULL;
	c.cal = cal;
	if (*e->received)
		cr_assert_eq(day_parse(e->received, &c.received), 0, "%s: received", e->name);
	if (*e->sent)
		cr_assert_eq(day_parse(e->sent, &c.sent), 0, "%s: sent", e->name);
	if (*e->deadline)
		cr_assert_eq(day_parse(e->deadline, &c.deadline), 0, "%s: deadline", e->name);
	if (*e->earlier)
		c.earlier_supplements = atoi(e->earlier);
	if (*e->applications)
		c.applications_in_month = atoi(e->applications);
	return c;
}

/* The same as options of `foi grade check`. */
static void context_options(const struct expected *e, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s%s%s%s%s%s%s", *e->received ? " --received " : "", e->received,
		 *e->sent ? " --sent " : "", e->sent, *e->deadline ? " --deadline " : "", e->deadline,
		 *e->earlier ? " --earlier-supplements " : "", e->earlier,
		 *e->applications ? " --applications " : "", e->applications);
}

/* Compares a fixture's findings with its sidecar; every finding must be listed. */
static void compare(const struct expected *e, const char *reply_type, const char *const *codes,
		    const char *const *results, size_t n, char **report)
{
	if (strcmp(reply_type, e->reply_type) != 0)
		note(report, "%s: reply_type %s, expected %s", e->name, reply_type, e->reply_type);
	if (n != e->nitems)
		note(report, "%s: %zu findings, the sidecar lists %zu", e->name, n, e->nitems);
	for (size_t i = 0; i < n && i < e->nitems; i++) {
		if (strcmp(codes[i], e->items[i].code) != 0)
			note(report, "%s: finding %zu is %s, the sidecar says %s", e->name, i, codes[i],
			     e->items[i].code);
		else if (strcmp(results[i], e->items[i].result) != 0)
			note(report, "%s: %s is %s, expected %s", e->name, codes[i], results[i],
			     e->items[i].result);
	}
}

Test(letters_corpus, covers_every_reply_type_flaw_and_format)
{
	size_t n;
	struct expected *v = letters_corpus(&n);
	size_t letters = 0, eml = 0, html = 0, consult = 0;
	int types[40] = {0};
	for (size_t i = 0; i < n; i++) {
		if (v[i].consult) {
			consult++;
			continue;
		}
		letters++;
		if (strstr(v[i].name, ".eml"))
			eml++;
		if (strstr(v[i].name, ".html"))
			html++;
		int t = atoi(v[i].reply_type);
		if (t > 0 && t < 40)
			types[t]++;
	}
	cr_assert_geq(letters, 25, "only %zu letters in the corpus", letters);
	for (int t = 1; t <= 7; t++)
		cr_expect_gt(types[t], 0, "no letter of §36 type %d", t);
	cr_expect_gt(types[39], 0, "no §39 notice");
	cr_expect_geq(eml, 3, "mails");
	cr_expect_geq(html, 2, "HTML letters");
	cr_expect_geq(consult, 2, "consultation answers");
	/* Each flaw the issue names has a fixture whose sidecar fails (or leaves open) it. */
	static const struct { const char *file, *code, *result; } flaws[] = {
		{"flaw_no_remedy.txt", "remedy.notice", "fail"},
		{"flaw_litigation_3months.txt", "remedy.periods", "fail"},
		{"flaw_2007_articles.txt", "basis.current_law", "fail"},
		{"flaw_no_docno.txt", "form.docno", "fail"},
		{"flaw_no_date.txt", "form.date", "fail"},
		{"flaw_purpose_demand.txt", "no_purpose_demand", "fail"},
		{"flaw_fee_demand.txt", "no_fee_demand", "fail"},
		{"flaw_no_salutation.txt", "form.salutation", "fail"},
		{"flaw_wrong_name.txt", "form.salutation", "fail"},
		{"flaw_generic_bodies.txt", "remedy.bodies", "unknown"},
		/* Issue 20: each kind of document, good and flawed. */
		{"supplement_request.txt", "supplement.timely", "pass"},
		{"supplement_day9.txt", "supplement.timely", "fail"},
		{"supplement_second.txt", "supplement.once", "fail"},
		{"supplement_no_period.txt", "supplement.period", "fail"},
		{"supplement_purpose_of_use.txt", "supplement.consequence", "fail"},
		{"extension_notice.txt", "extension.timely", "pass"},
		{"extension_late.txt", "extension.timely", "fail"},
		{"t3_withheld_privacy.txt", "withheld.basis", "pass"},
		{"t3_case_in_litigation.txt", "withheld.basis", "fail"},
		{"t5_not_responsible.txt", "not_duty.body", "pass"},
		{"not_duty_no_body.txt", "not_duty.body", "fail"},
		{"t4_not_exist.txt", "not_held.search", "pass"},
		{"fee_by_pages.txt", "fee.chargeable", "pass"},
		{"fee_one_application.txt", "fee.chargeable", "fail"},
	};
	for (size_t k = 0; k < sizeof flaws / sizeof flaws[0]; k++) {
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(v[i].name, flaws[k].file) != 0)
				continue;
			for (size_t j = 0; j < v[i].nitems; j++)
				if (strcmp(v[i].items[j].code, flaws[k].code) == 0 &&
				    strcmp(v[i].items[j].result, flaws[k].result) == 0)
					found = 1;
		}
		cr_expect(found, "%s should expect %s %s", flaws[k].file, flaws[k].code, flaws[k].result);
	}
	/* Every kind of procedural document is recognised in at least one fixture. */
	static const char *const documents[] = {"receipt", "supplement", "reasons", "extension", "third_party",
		"fee", NULL};
	for (const char *const *d = documents; *d; d++) {
		int seen = 0;
		for (size_t i = 0; i < n; i++)
			seen |= strcmp(v[i].document, *d) == 0;
		cr_expect(seen, "no fixture of document kind %s", *d);
	}
	free(v);
}

/* Issue 18: each pattern seen on real documents has at least two fixtures built from
 * different published sources (tests/fixtures/letters/SOURCES.md), and each fixture's
 * sidecar holds the result the pattern is about. */
Test(letters_corpus, covers_the_patterns_of_real_documents)
{
	static const struct {
		const char *pattern, *code, *result;
		const char *files[4];
	} patterns[] = {
		{"ticked form: only the ticked alternative", "conclusion.type", "pass",
		 {"form_ticked_not_exist.txt", "form_ticked_published.txt", "form_bracket_ticks.txt",
		  "form_wrapped_options.txt"}},
		{"form with nothing ticked", "conclusion.type", "unknown", {"form_nothing_ticked.txt"}},
		{"restating the request", "restates.request", "pass",
		 {"wording_can_disclose.txt", "wording_not_duty.txt", "restate_title_request.txt"}},
		{"a receipt is not the request", "restates.request", "fail", {"restate_receipt_only.txt"}},
		{"older conclusion wording", "conclusion.type", "pass",
		 {"wording_not_in_scope.txt", "wording_can_disclose.txt", "wording_not_found.txt",
		  "wording_not_duty.txt"}},
		{"another instrument's article", "basis.current_law", "pass",
		 {"basis_local_rule_with_reg.txt"}},
		{"only another instrument cited", "basis.current_law", "unknown", {"basis_local_rule_only.txt"}},
		{"the Regulation's article in its 2007 sense", "basis.current_law", "fail",
		 {"basis_2007_meaning.txt", "flaw_2007_articles.txt"}},
		{"letter quoted in another document", "form.salutation", "pass",
		 {"quoted_judgment.txt", "quoted_review_decision.txt"}},
		{"salutation 申请人X： / X同志：", "form.salutation", "pass",
		 {"form_ticked_not_exist.txt", "salutation_tongzhi.txt"}},
	};
	size_t n;
	struct expected *v = letters_corpus(&n);
	for (size_t k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
		size_t held = 0;
		for (size_t f = 0; f < 4 && patterns[k].files[f]; f++)
			for (size_t i = 0; i < n; i++) {
				if (strcmp(v[i].name, patterns[k].files[f]) != 0)
					continue;
				for (size_t j = 0; j < v[i].nitems; j++)
					if (strcmp(v[i].items[j].code, patterns[k].code) == 0 &&
					    strcmp(v[i].items[j].result, patterns[k].result) == 0)
						held++;
			}
		cr_expect_geq(held, 1, "%s: no fixture expects %s %s", patterns[k].pattern, patterns[k].code,
			      patterns[k].result);
	}
	/* Two fixtures per pattern, counting the pass and unknown sides of one pattern together. */
	static const char *const prefixes[] = {"form_", "wording_", "restate_", "basis_", "quoted_", NULL};
	for (const char *const *p = prefixes; *p; p++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += strncmp(v[i].name, *p, strlen(*p)) == 0;
		cr_expect_geq(count, 2, "only %zu fixtures named %s*", count, *p);
	}
	free(v);
}

Test(letters_corpus, every_expected_result_holds_through_the_library)
{
	size_t n;
	struct expected *v = letters_corpus(&n);
	cr_assert_gt(n, 0, "no fixtures found");
	char *report = NULL;
	struct sched_calendar *cal = shipped();
	for (size_t i = 0; i < n; i++) {
		const struct expected *e = &v[i];
		struct letter_source src;
		char err[512];
		int r = letter_file_read(e->letter, &src, err, sizeof err);
		cr_assert_eq(r, LETTER_READ_OK, "%s: %s", e->name, err);
		const char *codes[40], *results[40];
		size_t count = 0;
		if (e->consult) {
			struct grade_reference ref;
			cr_assert_eq(grade_reference_load(e->reference, &ref, err, sizeof err), FOI_OK,
				     "%s", err);
			struct finding_list out = {0};
			cr_assert_eq(consult_check(src.text, src.len, ref.points, ref.count, &out, err, sizeof err), 0,
				     "%s: %s", e->name, err);
			for (size_t k = 0; k < out.count && k < 40; k++, count++) {
				codes[k] = out.items[k].code;
				results[k] = finding_result_name(out.items[k].result);
			}
			compare(e, "none", codes, results, count, &report);
			finding_list_free(&out);
			grade_reference_free(&ref);
		} else {
			struct letter_report rep;
			struct letter_context ctx = context_of(e, cal);
			int rc = src.unreadable
				 ? letter_report_unreadable(src.unreadable, &rep, err, sizeof err)
				 : letter_check_in(src.text, src.len, &ctx, &rep, err, sizeof err);
			cr_assert_eq(rc, 0, "%s: %s", e->name, err);
			if (*e->document && !src.unreadable &&
			    strcmp(letter_document_name(rep.kind, rep.reply_type), e->document) != 0)
				note(&report, "%s: document %s, expected %s", e->name,
				     letter_document_name(rep.kind, rep.reply_type), e->document);
			for (size_t k = 0; k < rep.items.count && k < 40; k++, count++) {
				codes[k] = rep.items.items[k].code;
				results[k] = finding_result_name(rep.items.items[k].result);
				if (!*rep.items.items[k].evidence)
					note(&report, "%s: %s has no evidence", e->name, codes[k]);
			}
			const char *rt = letter_reply_type_name(rep.reply_type);
			compare(e, rt ? rt : "none", codes, results, count, &report);
			letter_report_free(&rep);
		}
		letter_source_free(&src);
	}
	calendar_free(cal);
	cr_assert_null(report, "%zu fixtures; mismatches:\n%s", n, report ? report : "");
	free(v);
}

Test(letters_corpus, every_expected_result_holds_through_the_command)
{
	size_t n;
	struct expected *v = letters_corpus(&n);
	char *report = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct expected *e = &v[i];
		struct foi_run r;
		if (e->consult)
			r = run_foi(NULL, "grade check '%s' --kind consult --reference '%s' --json", e->letter,
				    e->reference);
		else {
			char known[256];
			context_options(e, known, sizeof known);
			if (*e->applicant)
				r = run_foi(NULL, "grade check '%s' --applicant '%s'%s --json", e->letter, e->applicant,
					    known);
			else
				r = run_foi(NULL, "grade check '%s'%s --json", e->letter, known);
		}
		/* Exit 1 exactly when an item fails, as `foi channel check` does. */
		int fails = 0;
		for (size_t k = 0; k < e->nitems; k++)
			fails |= strcmp(e->items[k].result, "fail") == 0;
		if (r.status != fails) {
			note(&report, "%s: exit %d, expected %d: %s", e->name, r.status, fails, r.err);
			run_free(&r);
			continue;
		}
		cJSON *doc = cJSON_Parse(r.out);
		cr_assert_not_null(doc, "%s: output is not JSON: %s", e->name, r.out);
		const cJSON *rt = cJSON_GetObjectItemCaseSensitive(doc, "reply_type");
		const cJSON *items = cJSON_GetObjectItemCaseSensitive(doc, "items");
		cr_assert(cJSON_IsArray(items), "%s: no items array", e->name);
		cr_assert(cJSON_IsNull(rt) || cJSON_IsString(rt), "%s: reply_type is neither null nor a string",
			  e->name);
		/* reply_type and items; and for a letter read, its document and what told it. */
		const cJSON *docname = cJSON_GetObjectItemCaseSensitive(doc, "document");
		cr_assert_eq(cJSON_GetArraySize(doc), docname ? 4 : 2,
			     "%s: the JSON has reply_type, items (and document, document_evidence)", e->name);
		cr_assert(e->consult || cJSON_IsString(docname) || strstr(e->name, "pdf_only"),
			  "%s: no document in the JSON", e->name);
		if (*e->document && cJSON_IsString(docname) && strcmp(docname->valuestring, e->document) != 0)
			note(&report, "%s: document %s, expected %s (command)", e->name, docname->valuestring,
			     e->document);
		const char *codes[40], *results[40];
		size_t count = 0;
		const cJSON *it;
		cJSON_ArrayForEach(it, items) {
			if (count >= 40)
				break;
			const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "code");
			const cJSON *res = cJSON_GetObjectItemCaseSensitive(it, "result");
			const cJSON *ev = cJSON_GetObjectItemCaseSensitive(it, "evidence");
			cr_assert(cJSON_IsString(c) && cJSON_IsString(res) && cJSON_IsString(ev),
				  "%s: an item lacks code, result or evidence", e->name);
			cr_assert_eq(cJSON_GetArraySize(it), 3, "%s: items hold exactly code, result, evidence",
				     e->name);
			codes[count] = c->valuestring;
			results[count++] = res->valuestring;
		}
		compare(e, cJSON_IsString(rt) ? rt->valuestring : "none", codes, results, count, &report);
		cJSON_Delete(doc);
		run_free(&r);
	}
	cr_assert_null(report, "mismatches:\n%s", report ? report : "");
	free(v);
}
