/*
 * Reading a reply from a file for the grader: an e-mail (.eml), an HTML letter or page
 * (.html, .htm), a text letter (.txt), or a letter file (PDF, Word, OFD, scanned image:
 * letter_document.c, grader/doc_read.h); other names are sniffed (file signatures, mail
 * headers, HTML tags, else text). A mail whose body is only a cover note is read from its
 * first attached letter file. The result is the letter's UTF-8 text and a line saying where it came from.
 * Size limits keep a hostile file from being read whole: 64 MB for mail (scanned letters
 * make big attachments), 16 MB for HTML, LETTER_TEXT_MAX for text.
 */
#ifndef FOI_HARNESS_LETTER_FILE_H
#define FOI_HARNESS_LETTER_FILE_H

#include <stddef.h>

#include "grader/doc_read.h"
#include "grader/letter_check.h"

struct settings;
struct letter_reading;

#define LETTER_MAIL_MAX ((size_t)64 << 20)
#define LETTER_HTML_MAX ((size_t)16 << 20)

enum letter_read {
	LETTER_READ_OK = 0,
	LETTER_READ_IO = -1,    /* the file could not be opened or read */
	LETTER_READ_DATA = -2,  /* it was read but holds no usable letter (binary, too large) */
};

struct letter_source {
	char *text;          /* UTF-8 */
	size_t len;
	char *described;     /* e.g. "mail from 随州市财政局 <...>, \"Re: ...\": text/plain body (GB18030)" */
	char *unreadable;    /* non-NULL when the letter is only in attachments foi cannot read:
			      * the reason, for every item's evidence */
	char *unread;        /* attachments not read, or NULL */
	int lossy;
	struct letter_reading *reading; /* how a letter file was read (seal, OCR), or NULL */
};

/* Caps and judgement for letter files, from the [letters] settings. */
struct letter_read_opts {
	struct doc_limits limits;
	size_t max_file;          /* bytes of a letter file */
	int page_seconds;         /* one parsing step (doc_step) */
	int seal_absent_unknown;
	int in_process;           /* read in this process (tests of the readers); else in a child
				   * process stopped at the time caps */
};
void letter_read_opts_from_settings(const struct settings *s, struct letter_read_opts *o);

/* Reads path with the default settings (letter_file_read_opts with settings_defaults). */
enum letter_read letter_file_read(const char *path, struct letter_source *out, char *err,
				  size_t errsz);
enum letter_read letter_file_read_opts(const char *path, const struct letter_read_opts *o,
				       struct letter_source *out, char *err, size_t errsz);

/* A letter file's bytes (name: its file name, for the report and as a format hint) into out.
 * A legacy .doc or .wps is read as unreadable (every item for the reviewer); a file that
 * cannot be read (encrypted, over a cap, damaged) is LETTER_READ_DATA with err. */
enum letter_read letter_document_read(const void *data, size_t len, const char *name,
				      const struct letter_read_opts *o, struct letter_source *out,
				      char *err, size_t errsz);

/* The reply-conformity report of what was read: letter_check_in() with what is known of the
 * request (ctx), or every item unknown when the letter is unreadable, then what reading a
 * letter file adds (letter_reading.h). */
int letter_source_check(const struct letter_source *src, const struct letter_context *ctx,
			struct letter_report *out, char *err, size_t errsz);
void letter_source_free(struct letter_source *s);

#endif
