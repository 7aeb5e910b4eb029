/*
 * The letter corpus for the tests: every tests/fixtures/letters/NAME.(txt|html|eml) with a
 * NAME.expected sidecar. A sidecar holds "# comment" lines, optional "applicant: NAME",
 * "kind: consult" and "reference: PATH" (relative to the letters folder), a
 * "reply_type: 1..7 | 39 | none" line, optional "document: NAME" (letter_document_name) and
 * what is known of the request ("received: DATE", "sent: DATE", "deadline: DATE",
 * "earlier_supplements: N", "applications: N"), and one "CODE RESULT" line per item. A letter file of
 * tests/fixtures/letters/attachments/ has the sidecar FILE.expected, which also names its text
 * version ("text: NAME.txt", one folder up) and how it is read ("read: text | ocr").
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
	char document[24];     /* "" when the sidecar does not say */
	char received[16], sent[16], deadline[16]; /* YYYY-MM-DD or "" */
	char earlier[8], applications[8];          /* counts, or "" */
	int consult;
	char text_version[128]; /* letter files: the text letter it was made from */
	int ocr;                /* letter files: read by OCR */
	struct expected_item items[32];
	size_t nitems;
};

/* Every fixture with a sidecar, sorted by name; *count set. Caller frees the array. */
struct expected *letters_corpus(size_t *count);
/* Every letter file of tests/fixtures/letters/attachments/ with a FILE.expected sidecar. */
struct expected *letters_files_corpus(size_t *count);
/* The sidecar dir/base.expected into e; 0, or -1 when there is none. */
int letters_read_sidecar(const char *dir, const char *base, struct expected *e);

#endif
