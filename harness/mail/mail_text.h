/*
 * The reply in an e-mail: its subject, its sender and the text of the letter, read with
 * GMime 3.
 *
 * Units answer by mail in many shapes: the letter in a text/plain body, in an HTML body, or
 * attached as a .txt or .html file with a one-line cover note; in UTF-8, GBK/GB2312
 * (labelled or not) or GB18030; quoted-printable or base64. The letter is taken from the
 * first attached text or HTML letter when there is one, else from the body (text/plain,
 * unless its HTML alternative holds clearly more). Parts are transfer-decoded by GMime and
 * converted to UTF-8 by text_decode()/html_to_text() (unlabelled: valid UTF-8, else
 * GB18030). Headers use GMime's loose RFC 2047 decoding with UTF-8 and GB18030 fallbacks.
 * The quoted original application under a reply ("-----原始邮件-----", "> ...") is cut
 * from a body, because it is the applicant's words, not the unit's. The first attachment
 * that is a letter file (PDF, Word, OFD, image: doc_sniff() in grader/doc_read.h) is handed
 * over as bytes for letter_file.c to read; other attachments are listed so that a reviewer
 * opens them.
 */
#ifndef FOI_HARNESS_MAIL_TEXT_H
#define FOI_HARNESS_MAIL_TEXT_H

#include <stddef.h>

struct mail_text {
	char *subject;    /* UTF-8, "" when absent */
	char *from;       /* "Name <address>", UTF-8, "" when absent */
	char *text;       /* the letter's text, UTF-8, "" when the mail has none */
	size_t len;
	char *source;     /* where the text came from, e.g. "attachment 答复书.html (GB18030)" */
	char *unread;     /* attachments not read ("答复书.pdf, 扫描件.jpg"), or NULL */
	int lossy;        /* some bytes of the text could not be decoded */
	char *attached;   /* the first attachment that is a letter file, transfer-decoded, or NULL */
	size_t attached_len;
	char *attached_name;
};

/* Parses a whole message (RFC 5322 bytes). Returns 0, or -1 with err filled. */
int mail_text_parse(const char *data, size_t len, struct mail_text *out, char *err, size_t errsz);

void mail_text_free(struct mail_text *m);

#endif
