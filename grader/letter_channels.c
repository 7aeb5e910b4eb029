/* no_channel_refusal: a reply must not turn away applications in person or by post. */
#include "grader/channel_refusal.h"
#include "grader/letter_doc.h"

int letter_check_channels(const struct letter_doc *d, struct finding_list *out)
{
	size_t s, e;
	if (channel_refusal_find(d->body.text, 0, d->body.len, &s, &e))
		return body_finding(d, out, "no_channel_refusal", FINDING_FAIL, s, e,
				    "refuses applications in person or by post, which may never be refused: ");
	return finding_add(out, "no_channel_refusal", FINDING_PASS,
			   "the letter refuses no application in person or by post");
}
