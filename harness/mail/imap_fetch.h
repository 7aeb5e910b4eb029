/*
 * Reads one mailbox over IMAP with libcurl: its UIDVALIDITY, the UIDs from a given one on, and a
 * message by UID as the exact bytes the server stores. It logs in with a user and password,
 * after STARTTLS when asked (the server's certificate and name checked against a CA file).
 *
 * The inbox tracks its place as UIDVALIDITY + UID: when UIDVALIDITY changes, every UID known
 * before is void. libcurl has no call for either, so they come from custom commands (EXAMINE and
 * UID SEARCH), whose untagged answers libcurl passes through; a message body comes through the
 * URL form (MAILBOX;UIDVALIDITY=v;UID=n), the only one that returns the whole literal. Fetching
 * sets the \Seen flag, as libcurl asks for BODY[].
 *
 * A client keeps one libcurl handle, so successive calls reuse one connection and login.
 */
#ifndef FOI_IMAP_FETCH_H
#define FOI_IMAP_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "harness/tls_mode.h"


struct imap_account {
	const char *host;     /* name or IP literal; the certificate must name it */
	unsigned port;        /* 0: 143 */
	const char *user;
	const char *password;
	enum tls_mode tls;
	const char *ca_file;  /* PEM file of trusted certificates; NULL: the system's store */
	const char *mailbox;  /* NULL: INBOX (printable ASCII names only) */
	long timeout_s;       /* for each call; 0: 60 seconds */
};

enum imap_status {
	IMAP_OK = 0,
	IMAP_ERR_CONNECT,     /* no connection to the server */
	IMAP_ERR_TLS,         /* STARTTLS refused or failed, or the certificate is not valid */
	IMAP_ERR_LOGIN,       /* the server refused the user and password */
	IMAP_ERR_MAILBOX,     /* the mailbox cannot be selected (it does not exist) */
	IMAP_ERR_NO_MESSAGE,  /* there is no message with that UID */
	IMAP_ERR_UIDVALIDITY, /* the mailbox's UIDVALIDITY is not the one given: known UIDs are void */
	IMAP_ERR_PROTOCOL,    /* anything else: time-out, broken connection, unreadable answer */
	IMAP_ERR_USAGE,       /* bad arguments */
	IMAP_ERR_NOMEM,       /* out of memory */
};

struct imap_client;

struct imap_mailbox_state {
	uint32_t uidvalidity;
	uint32_t uidnext;     /* 0 when the server did not say */
	uint32_t exists;      /* number of messages */
};

struct imap_uids {
	uint32_t *uid;        /* ascending */
	size_t n;
};

/* Makes a client for the account (the strings are copied); nothing goes over the network yet. */
enum imap_status imap_open(const struct imap_account *acct, struct imap_client **out,
			   char *err, size_t errsz);
void imap_close(struct imap_client *c);

/* EXAMINE: the mailbox's UIDVALIDITY, UIDNEXT and message count. */
enum imap_status imap_examine(struct imap_client *c, struct imap_mailbox_state *st,
			      char *err, size_t errsz);

/* UID SEARCH: every UID >= from (only those: "n:*" also names the highest UID when all are
 * below n). Release with imap_uids_free(). */
enum imap_status imap_uids_from(struct imap_client *c, uint32_t from, struct imap_uids *out,
				char *err, size_t errsz);
void imap_uids_free(struct imap_uids *u);

/* One message's place and arrival: its UID and INTERNALDATE (seconds since the epoch). */
struct imap_arrival {
	uint32_t uid;
	int64_t internaldate;
};

struct imap_arrivals {
	struct imap_arrival *at;  /* ascending by UID */
	size_t n;
};

/* Every message with UID >= from (UID SEARCH), with the moment the server took it in (for a
 * delivered mail, its arrival): UID FETCH (INTERNALDATE) for hundreds of messages a command,
 * so that a long mailbox costs few round trips. Release with imap_arrivals_free(). */
enum imap_status imap_arrivals_from(struct imap_client *c, uint32_t from, struct imap_arrivals *out,
				    char *err, size_t errsz);
void imap_arrivals_free(struct imap_arrivals *a);

/* Reads an IMAP date-time ("04-Dec-2026 18:00:00 +0800", the day may be space-padded) into
 * seconds since the epoch; 0 when it is not one. */
int imap_parse_date_time(const char *text, int64_t *out);

/* The message with that UID, as stored (CRLF line ends). With uidvalidity != 0 the call fails
 * with IMAP_ERR_UIDVALIDITY when the mailbox's is different. *data is NUL-terminated for
 * convenience (len does not count the NUL); the caller frees it. */
enum imap_status imap_fetch_uid(struct imap_client *c, uint32_t uidvalidity, uint32_t uid,
				char **data, size_t *len, char *err, size_t errsz);

/* "ok", "connect", "tls", "login", "mailbox", "no-message", "uidvalidity", "protocol", "usage". */
const char *imap_status_name(enum imap_status st);

#endif
