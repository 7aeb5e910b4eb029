/*
 * The guide-page fixtures and their sidecars, for the channel-clarity tests.
 *
 * tests/fixtures/guides/NAME.html (or .pdf) has NAME.expected beside it: one line per item,
 * "code result [text]", where text (optional, the rest of the line) must appear in the
 * item's evidence. Lines starting with '#' are comments. Every item code appears once.
 */
#ifndef FOI_TEST_GUIDE_EXPECT_H
#define FOI_TEST_GUIDE_EXPECT_H

#include <stddef.h>

#include "grader/guide_check.h"

struct guide_expect_item {
	int present;                 /* the line was there */
	enum finding_result result;
	char evidence[512];          /* "" when the line gives none */
};

struct guide_expect {
	char page[1024];             /* absolute path of the page */
	struct guide_expect_item items[GUIDE_ITEM_COUNT];
};

/* Loads NAME.expected and finds its page; aborts the test with a message when malformed. */
void guide_expect_load(const char *name, struct guide_expect *out);
/* Reads a whole file (binary-safe); caller frees. */
unsigned char *guide_read_bytes(const char *path, size_t *len);
/* The names (without extension) of every .expected file in the fixture folder, sorted; a
 * NULL-terminated array the caller frees with guide_names_free. */
char **guide_fixture_names(size_t *count);
void guide_names_free(char **names);
/* Whether s is valid UTF-8. */
int guide_valid_utf8(const char *s);

#endif
