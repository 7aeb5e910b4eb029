/*
 * What a simulated unit sends, and how it lands: MIME messages built with GMime (a letter in
 * the body or as an attached HTML or text file, in UTF-8 or GBK; a delivery status report
 * as Postfix writes one), written into a Maildir the way the local delivery agent would.
 *
 * The message goes into tmp/, gets the delivery headers Postfix adds (Return-Path,
 * Delivered-To, Received), the owner of the Maildir and a modification time equal to the
 * simulated moment, and is then renamed into new/. Dovecot reports a Maildir message's
 * INTERNALDATE from that time, so over IMAP the reply arrives when the simulation says.
 */
#ifndef FOI_SIM_MAIL_OUT_H
#define FOI_SIM_MAIL_OUT_H

#include <stddef.h>
#include <time.h>

#include "tests/sim/profile.h"

struct mail_out {
	const char *from_name, *from_addr;
	const char *to;
	const char *subject;
	time_t date;
	const char *message_id;  /* without angle brackets */
	const char *in_reply_to; /* without angle brackets; NULL when not a reply to a mail */
	const char *references;  /* message ids without brackets, separated by spaces; may be NULL */
	enum sim_charset charset;
	const char *body;        /* UTF-8 text */
	const char *attach_name; /* NULL: no attachment */
	const char *attach_subtype; /* "html" or "plain" */
	const char *attach_body; /* UTF-8; written in charset */
};

/* The message as bytes (malloc'd, *len set), or NULL with err. */
char *mail_render(const struct mail_out *m, size_t *len, char *err, size_t errsz);

/* A Postfix-style delivery status report for a message that could not be delivered. */
struct mail_dsn {
	const char *to;               /* the sender of the failed message */
	const char *failed_recipient; /* the unit's address */
	time_t date, arrival;
	const char *message_id;       /* of the report, without brackets */
	const char *original_headers; /* the failed message's header block */
	const char *diagnostic;       /* e.g. "552 5.2.2 Mailbox full" */
};
char *mail_render_dsn(const struct mail_dsn *d, size_t *len, char *err, size_t errsz);

/*
 * Delivers bytes into maildir (which holds cur/ new/ tmp/, created when missing). when is the
 * simulated arrival: the Received header's date and the file's mtime. seq makes the file name
 * unique. path_out receives the final path.
 */
int maildir_deliver(const char *maildir, const char *return_path, const char *delivered_to,
		    time_t when, const char *bytes, size_t len, long seq, char *path_out,
		    size_t path_sz, char *err, size_t errsz);

/* The RFC 5322 date of t in the local zone: "Thu, 12 Oct 2023 10:00:00 +0800". */
void mail_date(time_t t, char *out, size_t outsz);

#endif
