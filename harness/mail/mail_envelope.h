/*
 * What the inbox needs to know of a message before anyone reads its letter: who sent it and to
 * which addresses, which messages it answers, whether it is a delivery failure (a bounce) or an
 * automatic reply rather than a unit's answer, its attachments, and what in it was malformed.
 *
 * Read with GMime 3 (harness/mail/mail_parse.h). Message-IDs are kept without their angle
 * brackets, as foi records the ones it sends; addresses are lower-cased. Attachment names are
 * decoded (RFC 2047, RFC 2231, raw GBK) to UTF-8 and are data only: nothing ever opens a file
 * by such a name. A malformed message is still read as far as GMime can: problems lists what
 * was wrong ("no Message-ID", "unknown charset x-foo", GMime's own warnings), and the reader
 * fails only when there is no message at all or memory runs out.
 *
 * Bounces (mail_dsn.c): an RFC 3464 multipart/report; report-type=delivery-status, or the
 * common texts of Postfix, qmail, Exchange and Chinese mail systems (退信) sent by a mailer
 * daemon; the reason, the failed recipients and the original's Message-ID are taken from the
 * report or the returned message. Auto-replies: Auto-Submitted other than "no", X-Autoreply,
 * X-Autorespond, Precedence: auto_reply, or a subject such as 自动回复 / Automatic reply.
 */
#ifndef FOI_HARNESS_MAIL_ENVELOPE_H
#define FOI_HARNESS_MAIL_ENVELOPE_H

#include <stddef.h>
#include <stdint.h>

struct mail_attachment {
	char *name;           /* decoded file name, UTF-8; "" when the part has none */
	char *content_type;   /* "application/pdf" */
	unsigned char *data;  /* transfer-decoded bytes */
	size_t len;
};

/* A delivery failure report, when the message is one. */
struct mail_dsn {
	int bounce;           /* 1: a failed delivery */
	char *reason;         /* the status and diagnostic ("5.1.1 ... User unknown"), UTF-8 */
	char *original_id;    /* Message-ID of the returned message, "" when not found */
	char **recipients;    /* the addresses that failed, lower-cased */
	size_t nrecipients;
};

struct mail_envelope {
	char *message_id;     /* "" when the message has none */
	char **refs;          /* In-Reply-To then References, in that order */
	size_t nrefs;
	char *from_addr;      /* "" when none */
	char **recipients;    /* To, Cc, Delivered-To, X-Original-To, each once */
	size_t nrecipients;
	char *subject;        /* UTF-8, "" when none */
	int64_t date;         /* the Date header (seconds since the epoch), 0 when missing or bad */
	char *auto_reply;     /* why it is an automatic reply, or NULL */
	struct mail_dsn dsn;
	struct mail_attachment *att;
	size_t natt;
	char *problems;       /* "" or "; "-separated notes of what was malformed */
};

/* Reads a whole message. Returns 0, or -1 with err filled (no message, out of memory). */
int mail_envelope_read(const char *data, size_t len, struct mail_envelope *out, char *err, size_t errsz);
void mail_envelope_free(struct mail_envelope *e);

/* Internal to the reader (mail_dsn.c): fills e->dsn from the parsed message and its text. */
struct _GMimeMessage;
int mail_dsn_read(struct _GMimeMessage *msg, struct mail_envelope *e);

/* Adds one string to a growable list unless it is already there; an address (is_address) is
 * lower-cased and compared so, a Message-ID kept as it is (it is case-sensitive). -1 when memory
 * runs out. */
int mail_list_add(char ***list, size_t *n, const char *s, int is_address);

#endif
