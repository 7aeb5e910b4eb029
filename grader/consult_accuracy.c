/* Key points of a reference answer, found (or not) in a reply. */
#include "grader/consult_accuracy.h"
#include "grader/normalize.h"
#include "grader/text_search.h"
#include "grader/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *flat_string(const char *s)
{
	char *n = norm_string(s);
	if (!n)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; n[i]; i++)
		if (n[i] != '\n')
			n[o++] = n[i];
	n[o] = '\0';
	return n;
}

static const char *const negations[] = {"不", "未", "没有", "无", "非", NULL};
/* Negation characters that may stand up to three characters before a key point, as in
 * 未办理失业登记 or 无需单位证明, within the same clause. */
static const uint32_t negation_chars[] = {0x4E0D /* 不 */, 0x672A /* 未 */, 0x6CA1 /* 没 */,
	0x65E0 /* 无 */, 0x975E /* 非 */, 0x52FF /* 勿 */};

/* Words that begin with a negation character but negate nothing: 无论/不管/不论 (whether…
 * or…), 不仅/不但 (not only). */
static const char *const not_negations[] = {"无论", "不论", "不管", "不仅", "不但", NULL};

static int negated(const char *t, size_t at, const char *alt)
{
	for (const char *const *g = negations; *g; g++)
		if (strncmp(alt, *g, strlen(*g)) == 0)
			return 0; /* the alternative is itself the negative statement */
	size_t p = at;
	for (int k = 0; k < 3 && p > 0; k++) {
		size_t q = p - 1;
		while (q > 0 && ((unsigned char)t[q] & 0xC0) == 0x80)
			q--;
		uint32_t cp;
		utf8_decode(t + q, p - q, &cp);
		if (cp < 0x2E80)
			return 0; /* punctuation or Latin text: the clause ends here */
		int concessive = 0;
		for (const char *const *w = not_negations; *w; w++)
			if (strncmp(t + q, *w, strlen(*w)) == 0)
				concessive = 1;
		for (size_t i = 0; i < sizeof negation_chars / sizeof negation_chars[0] && !concessive; i++)
			if (cp == negation_chars[i])
				return 1;
		p = q;
	}
	return 0;
}

/* Offset of the first non-negated occurrence of alt in t, or -1. */
static ssize_t find_point(const char *t, size_t len, const char *alt)
{
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, len, alt);
		if (p < 0)
			return -1;
		if (!negated(t, (size_t)p, alt))
			return p;
		from = (size_t)p + 1;
	}
	return -1;
}

int consult_check(const char *reply, size_t len, const struct keypoint *points, size_t count,
		  struct finding_list *out, char *err, size_t errsz)
{
	struct norm_text n = {0}, flat = {0};
	if (count == 0) {
		snprintf(err, errsz, "no key points to compare with");
		return -1;
	}
	if (norm_build(reply, len, &n, err, errsz))
		return -1;
	if (norm_flatten(&n, 0, n.len, &flat)) {
		norm_free(&n);
		norm_free(&flat);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	norm_free(&n);
	out->codes_owned = 1;
	size_t present = 0;
	char missing[512] = "";
	for (size_t i = 0; i < count; i++) {
		char *code = NULL;
		if (asprintf(&code, "keypoint.%zu", i + 1) < 0)
			goto oom;
		ssize_t at = -1;
		size_t alt_len = 0;
		const char *which = NULL;
		for (size_t k = 0; k < points[i].count && at < 0; k++) {
			char *alt = flat_string(points[i].alternatives[k]);
			if (!alt) {
				free(code);
				goto oom;
			}
			if (*alt && (at = find_point(flat.text, flat.len, alt)) >= 0) {
				which = points[i].alternatives[k];
				alt_len = strlen(alt);
			}
			free(alt);
		}
		int rc;
		if (at >= 0) {
			size_t s, e;
			text_sentence(flat.text, flat.len, (size_t)at, &s, &e);
			char *q = norm_source_span(&flat, reply, len, s, e, 120);
			char *m = norm_source_span(&flat, reply, len, (size_t)at, (size_t)at + alt_len, 60);
			rc = finding_add(out, code, FINDING_PASS, "%s: found \"%s\" (as \"%s\") in: %s",
					 points[i].label, m ? m : "", which, q ? q : "");
			free(q);
			free(m);
			present++;
		} else {
			char alts[400] = "";
			for (size_t k = 0; k < points[i].count; k++) {
				size_t l = strlen(alts);
				snprintf(alts + l, sizeof alts - l, "%s%s", k ? " | " : "", points[i].alternatives[k]);
			}
			rc = finding_add(out, code, FINDING_FAIL, "%s: not found (looked for %s)",
					 points[i].label, alts);
			size_t l = strlen(missing);
			snprintf(missing + l, sizeof missing - l, "%s%s", l ? ", " : "", points[i].label);
		}
		if (rc) {
			free(code);
			goto oom;
		}
	}
	char *acc = strdup("accurate");
	if (!acc)
		goto oom;
	int rc = present == count
		? finding_add(out, acc, FINDING_PASS, "all %zu key points are present", count)
		: finding_add(out, acc, FINDING_FAIL, "%zu of %zu key points present; missing: %s",
			      present, count, missing);
	if (rc) {
		free(acc);
		goto oom;
	}
	norm_free(&flat);
	return 0;
oom:
	norm_free(&flat);
	snprintf(err, errsz, "out of memory");
	return -1;
}

int consult_unreadable(const char *reason, size_t count, struct finding_list *out, char *err,
		       size_t errsz)
{
	out->codes_owned = 1;
	for (size_t i = 0; i <= count; i++) {
		char *code = NULL;
		if ((i < count ? asprintf(&code, "keypoint.%zu", i + 1) : asprintf(&code, "accurate")) < 0) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		if (finding_add(out, code, FINDING_UNKNOWN, "%s", reason)) {
			free(code);
			snprintf(err, errsz, "out of memory");
			return -1;
		}
	}
	return 0;
}
