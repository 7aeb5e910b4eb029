/*
 * Reading a reply from a file for the grader: an e-mail (.eml), an HTML letter or page
 * (.html, .htm) or a text letter (.txt); other names are sniffed (mail headers, HTML tags,
 * else text). The result is the letter's UTF-8 text and a line saying where it came from.
 * Size limits keep a hostile file from being read whole: 64 MB for mail (scanned letters
 * make big attachments), 16 MB for HTML, LETTER_TEXT_MAX for text.
 */
#ifndef FOI_HARNESS_LETTER_FILE_H
#define FOI_HARNESS_LETTER_FILE_H

#include <stddef.h>

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
};

enum letter_read letter_file_read(const char *path, struct letter_source *out, char *err,
				  size_t errsz);
void letter_source_free(struct letter_source *s);

#endif
