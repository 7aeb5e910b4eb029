/*
 * Submits messages over SMTP with libesmtp, many in one session, and says precisely what became
 * of each.
 *
 * The message is given as bytes (a complete RFC 5322 message; bare LF line ends are turned into
 * CRLF). The session can use STARTTLS (required, if offered, or off), checking the server's
 * certificate and name against a CA file, and AUTH with a user and password.
 *
 * libesmtp calls a session successful when the protocol ran, not when the mail was taken: when
 * AUTH is refused it carries on unauthenticated, and a refused sender or recipient is only a
 * status code. So this module reads every answer the server gave (AUTH from the protocol
 * transcript, the reverse path, each recipient, the end of data) and sums them up in one
 * outcome; the caller never mistakes a refusal for delivery. When the connection breaks after
 * the message was sent but before the server answered, the outcome is "unknown": the message may
 * have been taken, and sending again could deliver it twice.
 */
#ifndef FOI_SMTP_SEND_H
#define FOI_SMTP_SEND_H

#include <stddef.h>

#include "harness/tls_mode.h"


struct smtp_server {
	const char *host;     /* name or IP literal; the certificate must name it */
	unsigned port;        /* 0: 587 (submission) */
	enum tls_mode tls;
	const char *ca_file;  /* PEM file of trusted certificates; NULL: the system's store */
	const char *user;     /* NULL: no AUTH */
	const char *password;
	const char *helo;     /* name given in EHLO; NULL: this machine's name */
	long timeout_s;       /* for each protocol step; 0: 60 seconds */
};

enum smtp_outcome {
	SMTP_DELIVERED,     /* the server took the message for every recipient */
	SMTP_PARTIAL,       /* it took the message for some recipients and refused the others */
	SMTP_REFUSED,       /* it refused the sender, every recipient, or the message */
	SMTP_AUTH_FAILED,   /* the login was refused, or the server offered no AUTH */
	SMTP_TLS_FAILED,    /* STARTTLS was required but not offered, or the certificate is not valid */
	SMTP_NO_SESSION,    /* no connection, or it broke before the message was sent */
	SMTP_UNKNOWN,       /* it broke after the message was sent: it may have been taken */
};

/* One answer of the server; code 0 when the step was never reached. */
struct smtp_reply {
	int code;           /* 250, 550, ... */
	char enhanced[16];  /* "5.1.1" when the server gives enhanced status codes, else "" */
	char *text;         /* the rest of the answer, without the codes and line end; may be NULL */
};

struct smtp_rcpt_status {
	char *address;
	struct smtp_reply reply;
};

struct smtp_report {
	enum smtp_outcome outcome;
	int tls;                 /* the session ran under STARTTLS */
	int auth_tried;          /* an AUTH command was sent */
	int authenticated;       /* and the server accepted it */
	int temporary;           /* the refusal that decided the outcome was a 4xx: try again later */
	struct smtp_reply auth;  /* the server's last answer to AUTH */
	struct smtp_reply sender;   /* answer to MAIL FROM */
	struct smtp_reply message;  /* answer to the end of DATA */
	size_t nrcpt;
	struct smtp_rcpt_status *rcpt; /* one per recipient, in the order given */
	char *error;             /* unless delivered: what went wrong, naming the server, address and answer */
};

/* One message of a session. */
struct smtp_mail {
	const char *from;          /* envelope sender */
	const char *const *to;     /* recipients */
	size_t nto;
	const char *msg;
	size_t len;
};

/*
 * Sends msg (len bytes) from the envelope sender `from` to the nto addresses of `to`.
 * Returns 0 when the outcome is SMTP_DELIVERED; otherwise -1 with err saying what went wrong
 * (naming the server, and the address and answer that decided it). rep is filled in either case
 * (unless the arguments were unusable) and must be released with smtp_report_free().
 * Headers pass through as given (Bcc: included, so leave it out); libesmtp adds Date:,
 * Message-ID: and From: only when they are missing.
 */
int smtp_send(const struct smtp_server *srv, const char *from, const char *const *to, size_t nto,
	      const char *msg, size_t len, struct smtp_report *rep, char *err, size_t errsz);

/*
 * Sends n messages in one session (one connection, one STARTTLS, one login): the server's
 * answers to each message's sender, recipients and data are read apart, so a recipient refused
 * at RCPT fails that message only. reps (n of them, caller's) are filled for each message, the
 * session's facts (TLS, login) in every one; release each with smtp_report_free(). Returns how
 * many were delivered; -1 with err when the arguments are unusable (then nothing was sent and
 * reps need no freeing). A failure of the session itself (login, TLS, connection) is every
 * message's outcome; when the connection breaks during a message, those before it keep their
 * answers, it is unknown, and those after it were never sent.
 */
int smtp_send_many(const struct smtp_server *srv, const struct smtp_mail *mails, size_t n, struct smtp_report *reps,
		   char *err, size_t errsz);

void smtp_report_free(struct smtp_report *rep);

/* "delivered", "partial", "refused", "auth-failed", "tls-failed", "no-session", "unknown". */
const char *smtp_outcome_name(enum smtp_outcome outcome);

/* The message with every line ending in CRLF (bare LF and bare CR converted), ending in CRLF.
 * Returns NULL when out of memory. *outlen gets the new length. */
char *smtp_crlf(const char *msg, size_t len, size_t *outlen);

#endif
