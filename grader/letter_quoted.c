/*
 * Letters quoted in other documents: a court judgment or a review decision often gives the
 * reply it rules on as "…主要内容为：“张某：本机关于…”". The quoted letter is what is graded,
 * and its salutation is the name just after the opening quotation mark.
 */
#include "grader/letter_doc.h"

#include <string.h>

/* Words that introduce the quoted letter, just before the colon. */
static const char *const introducers[] = {"内容为", "内容如下", "全文如下", "载明", "写明",
	"答复称", "告知称", "答复如下", "告知如下", NULL};

#define INTRO_WINDOW 24     /* bytes between the introducer and the colon */
#define NAME_WINDOW 40      /* bytes from the quotation mark to the salutation's colon */
#define QUOTED_LETTER_MIN 90 /* bytes: shorter quotations are a phrase, not a letter */
/* bytes: a quoted reply is a page or two; looking no further keeps hostile text linear */
#define QUOTED_LETTER_MAX ((size_t)64 << 10)

/* A quotation addressed to a public body is an application quoted in a reply ("申请内容为：
 * “随州市财政局：本人申请…”"), not a reply quoted in a judgment: replies go to applicants. */
static const char *const body_suffixes[] = {"局", "政府", "委员会", "管委会", "办公室", "办公厅",
	"厅", "办", "委", "部", "署", "中心", "法院", "检察院", NULL};

static int addressed_to_a_body(const char *t, size_t a, size_t b)
{
	for (const char *const *s = body_suffixes; *s; s++) {
		size_t n = strlen(*s);
		if (b - a >= n && memcmp(t + b - n, *s, n) == 0)
			return 1;
	}
	return 0;
}

/* End of the quotation opened just before `from` (its closing ”), nested quotes counted;
 * 0 when it is not closed. */
static size_t quote_end(const char *t, size_t len, size_t from)
{
	int depth = 1;
	if (len - from > QUOTED_LETTER_MAX)
		len = from + QUOTED_LETTER_MAX;
	for (size_t i = from; i < len; i++) {
		if (text_at(t, len, i, "“"))
			depth++;
		else if (text_at(t, len, i, "”") && --depth == 0)
			return i;
	}
	return 0;
}

int letter_find_quoted(const struct norm_text *n, size_t *start, size_t *end)
{
	const char *t = n->text;
	for (size_t from = 0, seen = 0; seen < TEXT_SCAN_MAX; seen++) {
		ssize_t p = text_find(t, from, n->len, ":“");
		if (p < 0)
			return 0;
		from = (size_t)p + 1;
		size_t lo = (size_t)p > INTRO_WINDOW ? (size_t)p - INTRO_WINDOW : 0;
		if (text_find_any(t, lo, (size_t)p, introducers, NULL) < 0)
			continue;
		size_t in = (size_t)p + strlen(":“");
		size_t lim = in + NAME_WINDOW < n->len ? in + NAME_WINDOW : n->len;
		ssize_t colon = text_find(t, in, lim, ":");
		if (colon < 0 || !letter_is_addressee(t, in, (size_t)colon) ||
		    addressed_to_a_body(t, in, (size_t)colon))
			continue;
		size_t close = quote_end(t, n->len, in);
		if (!close || close - in < QUOTED_LETTER_MIN)
			continue;
		*start = in;
		*end = close;
		return 1;
	}
	return 0;
}
