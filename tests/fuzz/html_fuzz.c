/* Fuzz target: the HTML layer (parse, walk, declared charset, a letter's text, a guide's text). */
#include "grader/guide_text.h"
#include "grader/html_doc.h"
#include "grader/html_text.h"
#include "grader/text_decode.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>

static const char *const labels[4] = {NULL, "utf-8", "gb2312", "big5"};

struct walk_count {
	size_t shown, blocks;
};

static int enter(void *ctx, xmlNodePtr n)
{
	struct walk_count *c = ctx;
	if (html_doc_unseen(n, HTML_SKIP_HIDDEN | HTML_SKIP_NAV | HTML_SKIP_FORMS))
		return 0;
	if (n->type == XML_ELEMENT_NODE && html_doc_is_block(n->name))
		c->blocks++;
	c->shown++;
	return 1;
}

static void leave(void *ctx, xmlNodePtr n)
{
	(void)ctx;
	(void)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	unsigned opt = fuzz_option_byte(data, size);
	char err[256], declared[TEXT_CHARSET_MAX];
	html_sniff(bytes, size);
	html_declared_charset(bytes, size, declared, sizeof declared);

	/* A letter's text, as `foi grade check` reads an .html file or a mail's HTML part. */
	struct decoded_text t;
	if (html_to_text(bytes, size, labels[(opt >> 4) & 3], &t, err, sizeof err) == 0)
		decoded_text_free(&t);

	/* The page as the guide reader sees it, from the same decoding guide_check uses. */
	struct decode_opts opts = {.trust = DECODE_TRUST_DECLARATION,
				   .flags = DECODE_HTML | DECODE_SCRUB_CONTROLS};
	if (text_decode_with(bytes, size, &opts, &t, err, sizeof err) != 0)
		return 0;
	const char *base = opt & 0x80 ? "https://www.suizhou.gov.cn/zwgk/zn/" : NULL;
	struct guide_text g;
	if (guide_text_from_html(t.text, t.len, base, &g, err, sizeof err) == 0)
		guide_text_free(&g);
	htmlDocPtr doc;
	if (html_doc_read(t.text, t.len, base, &doc, err, sizeof err) == 0 && doc) {
		struct walk_count c = {0};
		html_doc_walk(doc, enter, leave, &c);
		xmlFreeDoc(doc);
	}
	decoded_text_free(&t);
	return 0;
}
