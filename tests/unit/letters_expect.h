/*
 * The letter corpus for the tests: every tests/fixtures/letters/NAME.(txt|html|eml) with a
 * NAME.expected sidecar. A sidecar holds "# comment" lines, optional "applicant: NAME",
 * "kind: consult" and "reference: PATH" (relative to the letters folder), a
 * "reply_type: 1..7 | 39 | none" line and one "CODE RESULT" line per item.
 */
#ifndef FOI_TEST_LETTERS_EXPECT_H
#define FOI_TEST_LETTERS_EXPECT_H

#include <stddef.h>

struct expected_item {
	char code[48];
	char result[16];
};

struct expected {
	char letter[512];      /* absolute path of the letter */
	char name[128];        /* its file name */
	char applicant[64];    /* "" when none */
	char reference[512];   /* absolute path, "" for foi letters */
	char reply_type[8];    /* "1".."7", "39", "none" */
	int consult;
	struct expected_item items[32];
	size_t nitems;
};

/* Every fixture with a sidecar, sorted by name; *count set. Caller frees the array. */
struct expected *letters_corpus(size_t *count);

#endif
