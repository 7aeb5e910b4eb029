/* Messages over SMTP with libesmtp, many in one session, and an exact account of the server's answers to each. */
#include "harness/mail/smtp_send.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* libesmtp.h is not self-contained: it needs stdio.h, and auth-client.h for the AUTH calls. */
#include <auth-client.h>
#include <libesmtp.h>

#define DEFAULT_PORT 587
#define DEFAULT_TIMEOUT_S 60

struct mail_watch;

/* What the callbacks learn during one session, beyond libesmtp's own statuses. */
struct session_watch {
	struct smtp_report *rep;
	/* The AUTH exchange, read from the protocol transcript: libesmtp keeps no status for it. */
	int in_auth;
	char line[1024];
	size_t linelen;
	/* STARTTLS */
	int tls_ok;
	int starttls_missing;
	int no_8bitmime;
	char tls_error[512];
	/* The messages, in the order libesmtp sends them, and how many have had their MAIL FROM
	 * answered: the one a data event belongs to is the last of those. */
	struct mail_watch *mails;
	size_t nmails, mail_status_seen;
	/* The login */
	const char *user;
	const char *password;
};

/* One message of the session: its source, and whether it has started to go out (from then
 * on a broken connection leaves it unknown). */
struct mail_watch {
	char *data; /* CRLF line ends, owned */
	size_t len;
	int served;
	int data_started;
	smtp_message_t message;
	smtp_recipient_t *handles;
};

static void mail_data_started(struct mail_watch *m)
{
	m->data_started = 1;
}

const char *smtp_outcome_name(enum smtp_outcome outcome)
{
	switch (outcome) {
	case SMTP_DELIVERED: return "delivered";
	case SMTP_PARTIAL: return "partial";
	case SMTP_REFUSED: return "refused";
	case SMTP_AUTH_FAILED: return "auth-failed";
	case SMTP_TLS_FAILED: return "tls-failed";
	case SMTP_NO_SESSION: return "no-session";
	case SMTP_UNKNOWN: return "unknown";
	}
	return "?";
}

char *smtp_crlf(const char *msg, size_t len, size_t *outlen)
{
	/* At worst every byte becomes two, plus a final CRLF. */
	if (len > (SIZE_MAX - 3) / 2)
		return NULL;
	char *out = malloc(2 * len + 3);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = msg[i];
		if (c == '\r') {
			out[o++] = '\r';
			out[o++] = '\n';
			if (i + 1 < len && msg[i + 1] == '\n')
				i++;
		} else if (c == '\n') {
			out[o++] = '\r';
			out[o++] = '\n';
		} else
			out[o++] = c;
	}
	if (o < 2 || out[o - 2] != '\r' || out[o - 1] != '\n') {
		out[o++] = '\r';
		out[o++] = '\n';
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* Copies a server text without its line ends; continuation lines are joined with " / ". */
static char *clean_text(const char *text)
{
	if (!text)
		return NULL;
	size_t n = strlen(text);
	char *out = malloc(3 * n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\r')
			continue;
		if (text[i] == '\n') {
			if (i + 1 < n) {
				memcpy(out + o, " / ", 3);
				o += 3;
			}
			continue;
		}
		out[o++] = text[i];
	}
	while (o > 0 && isspace((unsigned char)out[o - 1]))
		o--;
	out[o] = '\0';
	return out;
}

static int reply_from_status(struct smtp_reply *r, const smtp_status_t *st)
{
	memset(r, 0, sizeof *r);
	if (!st || st->code == 0)
		return 0;
	r->code = st->code;
	if (st->enh_class > 0)
		snprintf(r->enhanced, sizeof r->enhanced, "%d.%d.%d", st->enh_class, st->enh_subject,
			 st->enh_detail);
	if (st->text) {
		r->text = clean_text(st->text);
		if (!r->text)
			return -1;
	}
	return 0;
}

/* Reads "535 5.7.8 text" (or "535-...") into a reply. */
static int reply_from_line(struct smtp_reply *r, const char *line)
{
	free(r->text);
	memset(r, 0, sizeof *r);
	if (!isdigit((unsigned char)line[0]) || !isdigit((unsigned char)line[1]) ||
	    !isdigit((unsigned char)line[2]))
		return 0;
	r->code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
	const char *p = line + 3;
	if (*p == ' ' || *p == '-')
		p++;
	int a, b, c, used = 0;
	if (sscanf(p, "%d.%d.%d%n", &a, &b, &c, &used) == 3 && used > 0 && (p[used] == ' ' || !p[used])) {
		snprintf(r->enhanced, sizeof r->enhanced, "%d.%d.%d", a, b, c);
		p += used;
	}
	while (*p == ' ')
		p++;
	r->text = clean_text(p);
	return r->text ? 0 : -1;
}

static void auth_line(struct session_watch *w, const char *line)
{
	/* Intermediate lines of a multi-line answer and 334 challenges do not end the exchange. */
	if (strlen(line) >= 4 && line[3] == '-')
		return;
	if (line[0] == '3')
		return;
	if (reply_from_line(&w->rep->auth, line) != 0)
		return;
	w->rep->authenticated = w->rep->auth.code / 100 == 2;
	w->in_auth = 0;
}

/*
 * The protocol transcript. libesmtp flushes AUTH on its own (nothing is pipelined with it), so a
 * written buffer that starts with "AUTH " opens the exchange; the server's lines that follow
 * close it. Message data is never shown here (libesmtp turns the monitor off during DATA).
 */
static void monitor_cb(const char *buf, int buflen, int writing, void *arg)
{
	struct session_watch *w = arg;
	if (writing == SMTP_CB_WRITING) {
		if (buflen >= 5 && strncasecmp(buf, "AUTH ", 5) == 0) {
			w->in_auth = 1;
			w->linelen = 0;
			w->rep->auth_tried = 1;
		}
		return;
	}
	if (writing != SMTP_CB_READING || !w->in_auth)
		return;
	for (int i = 0; i < buflen && w->in_auth; i++) {
		char c = buf[i];
		if (c == '\n') {
			w->line[w->linelen] = '\0';
			if (w->linelen > 0 && w->line[w->linelen - 1] == '\r')
				w->line[w->linelen - 1] = '\0';
			auth_line(w, w->line);
			w->linelen = 0;
		} else if (w->linelen < sizeof w->line - 1)
			w->line[w->linelen++] = c;
	}
}

static void event_cb(smtp_session_t session, int event, void *arg, ...)
{
	struct session_watch *w = arg;
	va_list ap;
	(void)session;
	va_start(ap, arg);
	switch (event) {
	case SMTP_EV_STARTTLS_OK:
		w->tls_ok = 1;
		break;
	case SMTP_EV_EXTNA_STARTTLS:
		w->starttls_missing = 1;
		break;
	case SMTP_EV_MAILSTATUS:
		w->mail_status_seen++;
		break;
	case SMTP_EV_MESSAGEDATA:
		/* The message source is read for its headers too, so this event, not the source
		 * callback, says that a message's data has started to go out. */
		if (w->mail_status_seen > 0 && w->mail_status_seen <= w->nmails)
			mail_data_started(&w->mails[w->mail_status_seen - 1]);
		break;
	case SMTP_EV_EXTNA_8BITMIME:
		w->no_8bitmime = 1;
		break;
	case SMTP_EV_INVALID_PEER_CERTIFICATE: {
		long result = va_arg(ap, long);
		int *ok = va_arg(ap, int *);
		*ok = 0;
		snprintf(w->tls_error, sizeof w->tls_error, "the server's certificate is not valid: %s",
			 X509_verify_cert_error_string(result));
		break;
	}
	case SMTP_EV_NO_PEER_CERTIFICATE: {
		int *ok = va_arg(ap, int *);
		*ok = 0;
		snprintf(w->tls_error, sizeof w->tls_error, "the server sent no certificate");
		break;
	}
	case SMTP_EV_WRONG_PEER_CERTIFICATE: {
		/* libesmtp compares the host with the certificate's DNS names only. OpenSSL has
		 * already checked the name or IP address we set on the context, so a chain that
		 * verified means the certificate names this server. */
		int *ok = va_arg(ap, int *);
		const char *name = va_arg(ap, const char *);
		SSL *ssl = va_arg(ap, SSL *);
		*ok = ssl && SSL_get_verify_result(ssl) == X509_V_OK;
		if (!*ok)
			snprintf(w->tls_error, sizeof w->tls_error,
				 "the server's certificate is for %s", name && *name ? name : "another name");
		break;
	}
	case SMTP_EV_WEAK_CIPHER: {
		int bits = va_arg(ap, int);
		int *ok = va_arg(ap, int *);
		*ok = 0;
		snprintf(w->tls_error, sizeof w->tls_error, "the TLS cipher is too weak (%d bits)", bits);
		break;
	}
	case SMTP_EV_NO_CLIENT_CERTIFICATE: {
		int *ok = va_arg(ap, int *);
		*ok = 0;
		snprintf(w->tls_error, sizeof w->tls_error, "the client certificate cannot be used");
		break;
	}
	case SMTP_EV_UNUSABLE_CLIENT_CERTIFICATE:
	case SMTP_EV_UNUSABLE_CA_LIST:
		snprintf(w->tls_error, sizeof w->tls_error, "libesmtp's certificate files are unusable");
		break;
	default:
		break;
	}
	va_end(ap);
}

/* Hands libesmtp the whole message in one piece; a NULL len asks to start again. */
static const char *message_cb(void **ctx, int *len, void *arg)
{
	struct mail_watch *m = arg;
	(void)ctx;
	if (!len) {
		m->served = 0;
		return NULL;
	}
	if (m->served) {
		*len = 0;
		return NULL;
	}
	m->served = 1;
	*len = (int)m->len;
	return m->data;
}

static int interact_cb(auth_client_request_t request, char **result, int fields, void *arg)
{
	struct session_watch *w = arg;
	for (int i = 0; i < fields; i++) {
		if (request[i].flags & AUTH_USER)
			result[i] = (char *)w->user;
		else if (request[i].flags & AUTH_PASS)
			result[i] = (char *)w->password;
		else
			result[i] = (char *)"";
	}
	return 1;
}

static SSL_CTX *tls_context(const struct smtp_server *srv, char *err, size_t errsz)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	if (!ctx) {
		snprintf(err, errsz, "cannot create a TLS context");
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	/* Not TLS 1.3: libesmtp's protocol loop reads before it flushes, and the session tickets a
	 * TLS 1.3 server sends after the handshake make the socket readable before the EHLO that
	 * follows STARTTLS has gone out. libesmtp then waits for the answer to a command it has not
	 * sent, until the time-out (seen with Postfix: about half the sessions hung). TLS 1.2
	 * delivers its tickets inside the handshake. */
	SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
	if (srv->ca_file) {
		if (SSL_CTX_load_verify_locations(ctx, srv->ca_file, NULL) != 1) {
			unsigned long e = ERR_get_error();
			snprintf(err, errsz, "cannot read the CA file %s: %s", srv->ca_file,
				 e ? ERR_reason_error_string(e) : "unknown error");
			ERR_clear_error();
			SSL_CTX_free(ctx);
			return NULL;
		}
	} else
		SSL_CTX_set_default_verify_paths(ctx);
	/* The chain and the name are verified in any case; with SSL_VERIFY_NONE the handshake
	 * completes and libesmtp hands us the verdict, which then becomes a clear error message
	 * (SSL_VERIFY_PEER would only break the handshake). libesmtp refuses an invalid chain. */
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ctx);
	unsigned char addr[16];
	int is_ip = inet_pton(AF_INET, srv->host, addr) == 1 || inet_pton(AF_INET6, srv->host, addr) == 1;
	int ok = is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, srv->host)
		       : X509_VERIFY_PARAM_set1_host(param, srv->host, 0);
	if (ok != 1) {
		snprintf(err, errsz, "cannot set the expected certificate name %s", srv->host);
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

static void reply_free(struct smtp_reply *r)
{
	free(r->text);
	r->text = NULL;
}

void smtp_report_free(struct smtp_report *rep)
{
	if (!rep)
		return;
	free(rep->error);
	reply_free(&rep->auth);
	reply_free(&rep->sender);
	reply_free(&rep->message);
	for (size_t i = 0; i < rep->nrcpt; i++) {
		free(rep->rcpt[i].address);
		reply_free(&rep->rcpt[i].reply);
	}
	free(rep->rcpt);
	memset(rep, 0, sizeof *rep);
}

/* "550 5.1.1 text", or "no answer". */
static void describe(const struct smtp_reply *r, char *buf, size_t n)
{
	if (r->code == 0)
		snprintf(buf, n, "no answer");
	else
		snprintf(buf, n, "%d%s%s%s%s", r->code, r->enhanced[0] ? " " : "", r->enhanced,
			 r->text && *r->text ? " " : "", r->text ? r->text : "");
}

/* Sums up the session for one message; fills err unless it was delivered. */
static void decide(struct smtp_report *rep, const struct session_watch *w, int data_started,
		   const struct smtp_server *srv, const char *from, int started, int serr,
		   char *err, size_t errsz)
{
	char where[300], what[600];
	snprintf(where, sizeof where, "SMTP server %s:%u", srv->host,
		 srv->port ? srv->port : DEFAULT_PORT);
	size_t accepted = 0;
	const struct smtp_rcpt_status *first_refused = NULL;
	for (size_t i = 0; i < rep->nrcpt; i++) {
		if (rep->rcpt[i].reply.code / 100 == 2)
			accepted++;
		else if (!first_refused)
			first_refused = &rep->rcpt[i];
	}

	if (w->tls_error[0] || w->starttls_missing) {
		rep->outcome = SMTP_TLS_FAILED;
		if (w->starttls_missing)
			snprintf(err, errsz, "%s does not offer STARTTLS, which is required", where);
		else
			snprintf(err, errsz, "%s: STARTTLS failed: %s (trusted certificates: %s)", where,
				 w->tls_error, srv->ca_file ? srv->ca_file : "the system's store");
		return;
	}
	/* A message every recipient of which the server refused cannot have been taken, even when
	 * libesmtp pipelined its data after the envelope (BDAT, as it does with CHUNKING). */
	size_t refused = 0;
	for (size_t i = 0; i < rep->nrcpt; i++)
		refused += rep->rcpt[i].reply.code >= 400;
	if (data_started && rep->message.code == 0 && !(rep->nrcpt > 0 && refused == rep->nrcpt)) {
		rep->outcome = SMTP_UNKNOWN;
		snprintf(err, errsz, "%s: the connection broke after the message was sent; "
			 "it may or may not have been taken", where);
		return;
	}
	if (srv->user && rep->auth_tried && !rep->authenticated) {
		rep->outcome = SMTP_AUTH_FAILED;
		rep->temporary = rep->auth.code / 100 == 4;
		describe(&rep->auth, what, sizeof what);
		snprintf(err, errsz, "%s refused the login of %s: %s", where, srv->user, what);
		return;
	}
	if (!started || rep->sender.code == 0) {
		char ebuf[256];
		rep->outcome = SMTP_NO_SESSION;
		if (!started)
			snprintf(err, errsz, "%s: no session: %s", where,
				 smtp_strerror(serr, ebuf, sizeof ebuf));
		else if (w->no_8bitmime)
			snprintf(err, errsz, "%s does not take 8-bit messages (no 8BITMIME)", where);
		else
			snprintf(err, errsz, "%s ended the session before the sender was given", where);
		return;
	}
	if (srv->user && !rep->auth_tried) {
		rep->outcome = SMTP_AUTH_FAILED;
		snprintf(err, errsz, "%s offers no AUTH for the login of %s%s", where, srv->user,
			 w->tls_ok ? "" : " (servers often offer it only after STARTTLS)");
		return;
	}
	if (rep->sender.code / 100 != 2) {
		rep->outcome = SMTP_REFUSED;
		rep->temporary = rep->sender.code / 100 == 4;
		describe(&rep->sender, what, sizeof what);
		snprintf(err, errsz, "%s refused the sender <%s>: %s", where, from, what);
		return;
	}
	if (rep->message.code / 100 == 2) {
		if (accepted == rep->nrcpt) {
			rep->outcome = SMTP_DELIVERED;
			return;
		}
		rep->outcome = SMTP_PARTIAL;
		rep->temporary = first_refused->reply.code / 100 == 4;
		describe(&first_refused->reply, what, sizeof what);
		snprintf(err, errsz, "%s refused %zu of %zu recipients; %s: %s", where,
			 rep->nrcpt - accepted, rep->nrcpt, first_refused->address, what);
		return;
	}
	if (accepted == 0 && first_refused) {
		rep->outcome = SMTP_REFUSED;
		rep->temporary = first_refused->reply.code / 100 == 4;
		describe(&first_refused->reply, what, sizeof what);
		if (rep->nrcpt == 1)
			snprintf(err, errsz, "%s refused the recipient %s: %s", where,
				 first_refused->address, what);
		else
			snprintf(err, errsz, "%s refused every recipient; %s: %s", where,
				 first_refused->address, what);
		return;
	}
	if (rep->message.code == 0) {
		rep->outcome = SMTP_NO_SESSION;
		snprintf(err, errsz, "%s ended the session before the message was sent", where);
		return;
	}
	rep->outcome = SMTP_REFUSED;
	rep->temporary = rep->message.code / 100 == 4;
	describe(&rep->message, what, sizeof what);
	snprintf(err, errsz, "%s refused the message: %s", where, what);
}

static int has_8bit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] & 0x80)
			return 1;
	return 0;
}

static int auth_initialised;

/* Checks one message's arguments; -1 with err when they cannot be sent. */
static int mail_usable(const struct smtp_mail *m, size_t index, size_t n, char *err, size_t errsz)
{
	char which[32] = "";
	if (n > 1)
		snprintf(which, sizeof which, " (message %zu)", index + 1);
	if (!m->from || !m->to || m->nto == 0 || !m->msg || m->len == 0) {
		snprintf(err, errsz, "smtp_send: a sender, recipients and a message are needed%s", which);
		return -1;
	}
	for (size_t i = 0; i < m->nto; i++)
		if (!m->to[i] || !*m->to[i] || strpbrk(m->to[i], "<>\r\n ")) {
			snprintf(err, errsz, "smtp_send: recipient %zu is not an address: '%s'%s", i + 1,
				 m->to[i] ? m->to[i] : "", which);
			return -1;
		}
	if (strpbrk(m->from, "<>\r\n ")) {
		snprintf(err, errsz, "smtp_send: the sender is not an address: '%s'%s", m->from, which);
		return -1;
	}
	return 0;
}

static void mails_free(struct mail_watch *mw, size_t n)
{
	for (size_t i = 0; mw && i < n; i++) {
		free(mw[i].data);
		free(mw[i].handles);
	}
	free(mw);
}

/* The message's source and report, before the session: -1 when out of memory or too large. */
static int mail_prepare(const struct smtp_mail *m, struct mail_watch *mw, struct smtp_report *rep, char *err,
			size_t errsz)
{
	mw->data = smtp_crlf(m->msg, m->len, &mw->len);
	if (!mw->data || mw->len > INT_MAX) {
		snprintf(err, errsz, "smtp_send: message of %zu bytes: %s", m->len, mw->data ? "too large" : "out of memory");
		return -1;
	}
	rep->rcpt = calloc(m->nto, sizeof *rep->rcpt);
	mw->handles = calloc(m->nto, sizeof *mw->handles);
	if (!rep->rcpt || !mw->handles) {
		snprintf(err, errsz, "smtp_send: out of memory");
		return -1;
	}
	rep->nrcpt = m->nto;
	for (size_t i = 0; i < m->nto; i++)
		if (!(rep->rcpt[i].address = strdup(m->to[i]))) {
			snprintf(err, errsz, "smtp_send: out of memory");
			return -1;
		}
	return 0;
}

/* Adds one message to the session; -1 with err when libesmtp refuses it. */
static int mail_add(smtp_session_t session, const struct smtp_mail *m, struct mail_watch *mw, char *err, size_t errsz)
{
	mw->message = smtp_add_message(session);
	if (!mw->message || !smtp_set_reverse_path(mw->message, m->from) ||
	    !smtp_set_messagecb(mw->message, message_cb, mw)) {
		snprintf(err, errsz, "smtp_send: libesmtp refused the message from %s", m->from);
		return -1;
	}
	for (size_t i = 0; i < m->nto; i++) {
		mw->handles[i] = smtp_add_recipient(mw->message, m->to[i]);
		if (!mw->handles[i]) {
			snprintf(err, errsz, "smtp_send: libesmtp refused the recipient %s", m->to[i]);
			return -1;
		}
	}
	if (has_8bit(mw->data, mw->len))
		smtp_8bitmime_set_body(mw->message, E8bitmime_8BITMIME);
	return 0;
}

/* Reads the server's answers for one message and sums them up. */
static void mail_outcome(const struct smtp_mail *m, const struct mail_watch *mw, struct smtp_report *rep,
			 const struct session_watch *w, const struct smtp_server *srv, int started, int serr)
{
	char why[2048];
	rep->tls = w->tls_ok;
	rep->auth_tried = w->rep->auth_tried;
	rep->authenticated = w->rep->authenticated;
	if (rep != w->rep && w->rep->auth.code) {
		rep->auth.code = w->rep->auth.code;
		memcpy(rep->auth.enhanced, w->rep->auth.enhanced, sizeof rep->auth.enhanced);
		rep->auth.text = w->rep->auth.text ? strdup(w->rep->auth.text) : NULL;
	}
	int oom = (w->rep->auth.text && !rep->auth.text) ||
		  reply_from_status(&rep->sender, smtp_reverse_path_status(mw->message)) != 0 ||
		  reply_from_status(&rep->message, smtp_message_transfer_status(mw->message)) != 0;
	for (size_t i = 0; i < m->nto && !oom; i++)
		oom = reply_from_status(&rep->rcpt[i].reply, smtp_recipient_status(mw->handles[i])) != 0;
	if (oom) {
		/* The session ran; what the server did with the message cannot be told now. */
		rep->outcome = SMTP_UNKNOWN;
		snprintf(why, sizeof why, "smtp_send: out of memory reading the server's answers");
	} else {
		decide(rep, w, mw->data_started, srv, m->from, started, serr, why, sizeof why);
	}
	if (rep->outcome != SMTP_DELIVERED)
		rep->error = strdup(why);
}

int smtp_send_many(const struct smtp_server *srv, const struct smtp_mail *mails, size_t n, struct smtp_report *reps,
		   char *err, size_t errsz)
{
	for (size_t i = 0; i < n; i++) {
		memset(&reps[i], 0, sizeof reps[i]);
		reps[i].outcome = SMTP_NO_SESSION;
	}
	if (!srv || !srv->host || !*srv->host || n == 0) {
		snprintf(err, errsz, "smtp_send: a server and messages are needed");
		return -1;
	}
	if (srv->user && !srv->password) {
		snprintf(err, errsz, "smtp_send: a password is needed for the login of %s", srv->user);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (mail_usable(&mails[i], i, n, err, errsz) != 0)
			return -1;

	struct mail_watch *mw = calloc(n, sizeof *mw);
	if (!mw) {
		snprintf(err, errsz, "smtp_send: out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (mail_prepare(&mails[i], &mw[i], &reps[i], err, errsz) != 0) {
			for (size_t j = 0; j <= i; j++)
				smtp_report_free(&reps[j]);
			mails_free(mw, n);
			return -1;
		}

	/* The AUTH exchange is the session's: read into the first report, copied to the others. */
	struct session_watch w = {.rep = &reps[0], .user = srv->user, .password = srv->password, .mails = mw,
				  .nmails = n};
	char hostport[300];
	snprintf(hostport, sizeof hostport, "%s:%u", srv->host, srv->port ? srv->port : DEFAULT_PORT);
	int rc = -1;
	SSL_CTX *tls = NULL;
	auth_context_t auth = NULL;
	smtp_session_t session = smtp_create_session();
	if (!session) {
		snprintf(err, errsz, "smtp_send: cannot create a libesmtp session");
		goto out;
	}
	if (!smtp_set_server(session, hostport) || (srv->helo && !smtp_set_hostname(session, srv->helo)) ||
	    !smtp_set_eventcb(session, event_cb, &w) || !smtp_set_monitorcb(session, monitor_cb, &w, 0)) {
		snprintf(err, errsz, "smtp_send: libesmtp refused the session settings");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (mail_add(session, &mails[i], &mw[i], err, errsz) != 0)
			goto out;
	long ms = 1000L * (srv->timeout_s > 0 ? srv->timeout_s : DEFAULT_TIMEOUT_S);
	const int steps[] = {Timeout_GREETING, Timeout_ENVELOPE, Timeout_DATA, Timeout_TRANSFER,
			     Timeout_DATA2};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		smtp_set_timeout(session, steps[i] | Timeout_OVERRIDE_RFC2822_MINIMUM, ms);

	if (srv->tls != TLS_OFF) {
		tls = tls_context(srv, err, errsz);
		if (!tls)
			goto out;
		smtp_starttls_set_ctx(session, tls);
		smtp_starttls_enable(session, srv->tls == TLS_REQUIRED ? Starttls_REQUIRED
									 : Starttls_ENABLED);
	} else
		smtp_starttls_enable(session, Starttls_DISABLED);

	if (srv->user) {
		if (!auth_initialised) {
			auth_client_init();
			auth_initialised = 1;
		}
		auth = auth_create_context();
		if (!auth) {
			snprintf(err, errsz, "smtp_send: out of memory");
			goto out;
		}
		/* PLAIN and LOGIN send the password as it is; libesmtp needs leave to use them. */
		auth_set_mechanism_flags(auth, AUTH_PLUGIN_PLAIN, 0);
		auth_set_interact_cb(auth, interact_cb, &w);
		smtp_auth_set_context(session, auth);
	}

	/* A server that hangs up while libesmtp writes would kill us with SIGPIPE: hold the signal
	 * back during the session and discard one that arrived because of it. */
	sigset_t pipe_set, old_set, pending;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
	sigpending(&pending);
	int was_pending = sigismember(&pending, SIGPIPE);

	int started = smtp_start_session(session);
	int serr = started ? 0 : smtp_errno();

	sigpending(&pending);
	if (!was_pending && sigismember(&pending, SIGPIPE)) {
		struct timespec zero = {0, 0};
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	pthread_sigmask(SIG_SETMASK, &old_set, NULL);

	rc = 0;
	for (size_t i = 0; i < n; i++) {
		mail_outcome(&mails[i], &mw[i], &reps[i], &w, srv, started, serr);
		rc += reps[i].outcome == SMTP_DELIVERED;
	}

out:
	if (rc < 0)
		for (size_t i = 0; i < n; i++)
			smtp_report_free(&reps[i]);
	if (session)
		smtp_destroy_session(session);
	if (auth)
		auth_destroy_context(auth);
	/* libesmtp took a reference of its own to the context; ours goes now. */
	if (tls)
		SSL_CTX_free(tls);
	mails_free(mw, n);
	return rc;
}

int smtp_send(const struct smtp_server *srv, const char *from, const char *const *to, size_t nto,
	      const char *msg, size_t len, struct smtp_report *rep, char *err, size_t errsz)
{
	const struct smtp_mail m = {.from = from, .to = to, .nto = nto, .msg = msg, .len = len};
	int delivered = smtp_send_many(srv, &m, 1, rep, err, errsz);
	if (delivered < 0) {
		rep->outcome = SMTP_NO_SESSION;
		return -1;
	}
	if (delivered == 1)
		return 0;
	snprintf(err, errsz, "%s", rep->error ? rep->error : "smtp_send: out of memory");
	return -1;
}
