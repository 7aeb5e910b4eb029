/*
 * The e-mail a request goes out as, composed with GMime: UTF-8 text (base64 when it is not
 * plain ASCII), an RFC 2047 encoded subject and sender name, a Date from foi's clock in the
 * workspace zone, and a Message-ID of the sender's domain generated here, so that the caller can
 * store it before the message is sent. Line ends are CRLF: the bytes returned are the bytes sent.
 */
#ifndef FOI_REQUEST_MAIL_H
#define FOI_REQUEST_MAIL_H

#include <stddef.h>
#include <time.h>

#include "harness/status.h"

struct request_mail {
	const char *from_name;    /* the persona's name; may be "" */
	const char *from_address; /* the reply address (From and Reply-To) */
	const char *to;           /* the unit's address */
	const char *subject;      /* UTF-8 */
	const char *body;         /* UTF-8 */
	time_t date;
	const char *zone;         /* IANA zone of the Date header */
};

/* *msg (len bytes, NUL after) and *message_id (without angle brackets) are malloc'd. */
enum foi_status request_mail_build(const struct request_mail *m, char **msg, size_t *len, char **message_id,
				   char *err, size_t errsz);

#endif
