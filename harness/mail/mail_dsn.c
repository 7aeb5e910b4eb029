/* Delivery failures: RFC 3464 reports and the common non-standard bounce texts, read with GMime. */
#include "harness/mail/mail_envelope.h"
#include "harness/mail/mail_parse.h"
#include "grader/text_decode.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A reason is a line or two, not the whole report. */
#define REASON_MAX 400
/* Only the start of a long bounce text is read for its reason and recipients. */
#define TEXT_MAX (64 * 1024)
#define MAX_DEPTH 16

struct dsn_parts {
	GByteArray *status;     /* message/delivery-status */
	GMimeStream *status_mem;
	GMimeMessage *original; /* message/rfc822 (owned by the message) */
	GByteArray *headers;    /* text/rfc822-headers */
	GMimeStream *headers_mem;
	char *text;             /* the first text/plain part, UTF-8 */
	int report;             /* multipart/report; report-type=delivery-status */
};

static GByteArray *part_bytes(GMimeObject *obj, GMimeStream **keep)
{
	return GMIME_IS_PART(obj) ? mail_part_bytes(GMIME_PART(obj), keep) : NULL;
}

static void find_parts(GMimeObject *obj, struct dsn_parts *p, int depth)
{
	if (!obj || depth > MAX_DEPTH)
		return;
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	if (GMIME_IS_MESSAGE_PART(obj)) {
		if (!p->original)
			p->original = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		return;
	}
	if (GMIME_IS_MULTIPART(obj)) {
		const char *type = g_mime_object_get_content_type_parameter(obj, "report-type");
		if (ct && g_mime_content_type_is_type(ct, "multipart", "report") && type &&
		    strcasecmp(type, "delivery-status") == 0)
			p->report = 1;
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++)
			find_parts(g_mime_multipart_get_part(mp, i), p, depth + 1);
		return;
	}
	if (!ct)
		return;
	if ((g_mime_content_type_is_type(ct, "message", "delivery-status") ||
	     g_mime_content_type_is_type(ct, "message", "global-delivery-status")) && !p->status)
		p->status = part_bytes(obj, &p->status_mem);
	else if (g_mime_content_type_is_type(ct, "text", "rfc822-headers") && !p->headers)
		p->headers = part_bytes(obj, &p->headers_mem);
	else if (g_mime_content_type_is_type(ct, "text", "plain") && !p->text) {
		GMimeStream *mem = NULL;
		GByteArray *b = part_bytes(obj, &mem);
		struct decoded_text t;
		char err[128];
		if (b && text_decode((const char *)b->data, b->len < TEXT_MAX ? b->len : TEXT_MAX,
				     g_mime_object_get_content_type_parameter(obj, "charset"), &t, err, sizeof err) == 0)
			p->text = t.text;
		if (mem)
			g_object_unref(mem);
	}
}

static int starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Appends text to the reason, "; "-separated, within REASON_MAX bytes (cut at a character). */
static int reason_add(struct mail_dsn *d, const char *text, size_t n)
{
	while (n && isspace((unsigned char)*text))
		text++, n--;
	while (n && isspace((unsigned char)text[n - 1]))
		n--;
	if (!n)
		return 0;
	size_t have = d->reason ? strlen(d->reason) : 0;
	if (have >= REASON_MAX)
		return 0;
	if (have + 2 + n > REASON_MAX) {
		n = REASON_MAX - have;
		while (n && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	char *grown = realloc(d->reason, have + n + 3);
	if (!grown)
		return -1;
	d->reason = grown;
	if (have) {
		memcpy(grown + have, "; ", 2);
		have += 2;
	}
	/* A folded field reads as one line: each run of white space becomes one space. */
	char *o = grown + have;
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)text[i])) {
			if (o > grown + have && o[-1] != ' ')
				*o++ = ' ';
		} else
			*o++ = text[i];
	}
	*o = '\0';
	return 0;
}

/* The address in "rfc822; user@example.org" or "<user@example.org>". */
static int add_address(struct mail_dsn *d, const char *value, size_t n)
{
	const char *semi = memchr(value, ';', n);
	if (semi) {
		n -= (size_t)(semi + 1 - value);
		value = semi + 1;
	}
	while (n && (isspace((unsigned char)*value) || *value == '<'))
		value++, n--;
	while (n && (isspace((unsigned char)value[n - 1]) || value[n - 1] == '>' || value[n - 1] == ':'))
		n--;
	if (!n || !memchr(value, '@', n) || n > 320)
		return 0;
	char *addr = strndup(value, n);
	if (!addr)
		return -1;
	int rc = mail_list_add(&d->recipients, &d->nrecipients, addr, 1);
	free(addr);
	return rc;
}

/* The fields of an RFC 3464 report (folded lines joined): recipients, action, status, diagnostic. */
static int read_status(struct mail_dsn *d, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		/* Continuation lines of a folded field belong to it. */
		while (next < end && (*next == ' ' || *next == '\t')) {
			const char *more = memchr(next, '\n', (size_t)(end - next));
			next = more ? more + 1 : end;
		}
		size_t n = (size_t)(next - p);
		if (starts_with_ci(p, "Final-Recipient:") &&
		    add_address(d, p + 16, n - 16) != 0)
			return -1;
		if (starts_with_ci(p, "Action:")) {
			const char *v = p + 7;
			while (*v == ' ')
				v++;
			if (starts_with_ci(v, "failed"))
				d->bounce = 1;
		}
		if ((starts_with_ci(p, "Status:") || starts_with_ci(p, "Diagnostic-Code:")) &&
		    reason_add(d, p, n) != 0)
			return -1;
		p = next;
	}
	return 0;
}

static const char *const bounce_subjects[] = {
	"Undelivered Mail Returned to Sender", "Undeliverable", "Delivery Status Notification (Failure)",
	"Mail delivery failed", "Mail Delivery Failure", "failure notice", "Returned mail",
	"Delivery failure", "退信", "投递失败", "未能送达", "无法投递", NULL};

static const char *const failure_phrases[] = {
	"could not be delivered", "wasn't able to deliver", "was not delivered", "permanent error",
	"Delivery has failed", "User unknown", "does not exist", "mailbox unavailable", "无法送达",
	"投递失败", "退信", "不存在", NULL};

static int any_in(const char *text, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
		if (strcasestr(text, *w))
			return 1;
	return 0;
}

static int daemon_sender(const char *from)
{
	return starts_with_ci(from, "mailer-daemon@") || starts_with_ci(from, "postmaster@") ||
	       starts_with_ci(from, "mail-daemon@") || starts_with_ci(from, "mailerdaemon@") || !*from;
}

/* A line that carries an SMTP reply code or an enhanced status (550, 5.1.1). */
static int has_smtp_code(const char *p, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++) {
		if ((p[i] == '4' || p[i] == '5') && (i == 0 || !isalnum((unsigned char)p[i - 1]))) {
			if (isdigit((unsigned char)p[i + 1]) && isdigit((unsigned char)p[i + 2]) &&
			    (i + 3 == n || p[i + 3] == ' ' || p[i + 3] == '-'))
				return 1;
			if (p[i + 1] == '.' && i + 4 < n && isdigit((unsigned char)p[i + 2]) && p[i + 3] == '.' &&
			    isdigit((unsigned char)p[i + 4]))
				return 1;
		}
	}
	return 0;
}

/* A bounce text written for people: "<addr>:" lines name the recipients, and the reason is the
 * first line with an SMTP code, else the first line after a recipient. */
static int read_text(struct mail_dsn *d, const char *text)
{
	const char *p = text;
	int after_recipient = 0, have_reason = d->reason != NULL;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		const char *q = p;
		while (q < p + n && isspace((unsigned char)*q))
			q++;
		size_t m = n - (size_t)(q - p);
		/* The returned original starts: nothing below is the report. */
		if (m && (starts_with_ci(q, "--- Below this line") || starts_with_ci(q, "Return-Path:") ||
			  starts_with_ci(q, "Received:")))
			break;
		if (m && *q == '<' && memchr(q, '@', m) && memchr(q, '>', m)) {
			if (add_address(d, q, (size_t)((const char *)memchr(q, '>', m) + 1 - q)) != 0)
				return -1;
			after_recipient = 1;
			if (!have_reason && has_smtp_code(q, m)) {
				if (reason_add(d, q, m) != 0)
					return -1;
				have_reason = 1;
			}
		} else if (m && !have_reason && (has_smtp_code(q, m) || after_recipient)) {
			if (reason_add(d, q, m) != 0)
				return -1;
			have_reason = 1;
		}
		p = eol ? eol + 1 : p + n;
	}
	return 0;
}

/* "Message-ID: <...>" in the returned original's text, when no part holds it. */
static int id_in_text(const char *text, char **out)
{
	const char *p = strcasestr(text, "\nMessage-ID:");
	if (!p)
		return 0;
	const char *open = strchr(p + 1, '<'), *eol = strchr(p + 1, '\n');
	const char *close = open ? strchr(open, '>') : NULL;
	if (!open || !close || (eol && close > eol) || close - open < 3)
		return 0;
	*out = strndup(open + 1, (size_t)(close - open - 1));
	return *out ? 0 : -1;
}

static int original_id(struct mail_dsn *d, struct dsn_parts *p)
{
	const char *id = p->original ? g_mime_message_get_message_id(p->original) : NULL;
	GMimeMessage *headers = NULL;
	if ((!id || !*id) && p->headers) {
		GMimeParserOptions *opts = mail_parse_options(NULL, NULL);
		headers = mail_parse_message((const char *)p->headers->data, p->headers->len, opts);
		g_mime_parser_options_free(opts);
		id = headers ? g_mime_message_get_message_id(headers) : NULL;
	}
	if (id && *id)
		d->original_id = strdup(id);
	if (headers)
		g_object_unref(headers);
	if (!d->original_id && p->text && id_in_text(p->text, &d->original_id) != 0)
		return -1;
	if (!d->original_id)
		d->original_id = strdup("");
	return d->original_id ? 0 : -1;
}

int mail_dsn_read(struct _GMimeMessage *message, struct mail_envelope *e)
{
	GMimeMessage *msg = (GMimeMessage *)message;
	struct mail_dsn *d = &e->dsn;
	struct dsn_parts p = {0};
	find_parts(g_mime_message_get_mime_part(msg), &p, 0);
	int rc = 0;
	if (p.report || p.status) {
		if (p.status)
			rc = read_status(d, (const char *)p.status->data, p.status->len);
		/* A report without an Action (broken, or a bare report part) still says failure
		 * when it is a report at all; "delayed" or "delivered" reports are not bounces. */
		if (!p.status)
			d->bounce = 1;
	} else if (any_in(e->subject, bounce_subjects) && !starts_with_ci(e->subject, "Re:") &&
		   !starts_with_ci(e->subject, "回复")) {
		d->bounce = 1;
	} else if (daemon_sender(e->from_addr) && p.text && any_in(p.text, failure_phrases)) {
		d->bounce = 1;
	}
	if (d->bounce && rc == 0) {
		if (p.text)
			rc = read_text(d, p.text);
		if (rc == 0)
			rc = original_id(d, &p);
		if (rc == 0 && !d->reason)
			rc = reason_add(d, e->subject, strlen(e->subject));
		if (rc == 0 && !d->reason)
			d->reason = strdup("delivery failed (no reason given)");
		if (!d->reason)
			rc = -1;
	}
	if (p.status_mem)
		g_object_unref(p.status_mem);
	if (p.headers_mem)
		g_object_unref(p.headers_mem);
	free(p.text);
	return rc;
}
