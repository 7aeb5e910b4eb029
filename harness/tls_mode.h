/*
 * How a mail connection uses TLS: the one setting foi.ini's [mail] smtp_tls / imap_tls take and
 * the SMTP sender and IMAP reader obey. Where TLS is used the certificate must verify.
 */
#ifndef FOI_TLS_MODE_H
#define FOI_TLS_MODE_H

enum tls_mode {
	TLS_OFF,        /* plain: never STARTTLS */
	TLS_IF_OFFERED, /* STARTTLS when the server offers it; the certificate must then be valid */
	TLS_REQUIRED,   /* give up unless STARTTLS succeeds with a valid certificate */
};

#endif
