/*
 * What a simulated unit receives by mail: a message file of its Maildir, read with GMime
 * (any charset, with UTF-8 and GB18030 as fallbacks for unlabelled text, quoted-printable or
 * base64, plain text or HTML), and the few facts a unit's office takes from it: who wrote,
 * where to reply, what is asked and whether it is an FOI application or a question.
 */
#ifndef FOI_SIM_MAIL_IN_H
#define FOI_SIM_MAIL_IN_H

#include <stddef.h>
#include <time.h>

struct mail_in {
	char *message_id;  /* without brackets; NULL when the mail has none */
	char *from_addr, *from_name;
	char *reply_to;    /* Reply-To's address, else From's */
	char *return_path; /* the envelope sender, else reply_to */
	char *subject;
	char *body;        /* UTF-8 text (HTML reduced to its text) */
	char *in_reply_to; /* message ids of In-Reply-To and References, space-separated */
	char *headers;     /* the header block, for a delivery report */
	time_t date;       /* 0 when missing or unreadable */
};

/* Parses the message file at path; -1 with err when it is not a readable message. */
int mail_read(const char *path, struct mail_in *out, char *err, size_t errsz);
void mail_in_free(struct mail_in *m);

/* An FOI application (1) or a question (0), from the words of its subject and body. */
int mail_is_foi_application(const struct mail_in *m);
/*
 * The value after a label such as "姓名：" on a line of text (full- or half-width colon), up to
 * the end of the line; malloc'd, or NULL when no label of the list is found.
 */
char *mail_field(const char *text, const char *const *labels);

/* The applicant's name and the description of what is asked, found in the body. */
char *mail_applicant(const struct mail_in *m);
char *mail_request_text(const struct mail_in *m);

#endif
