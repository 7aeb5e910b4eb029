/* What a simulated unit sends by mail, built with GMime and delivered to a Maildir (see mail_out.h). */
#include "tests/sim/mail_out.h"

#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/sim/strbuf.h"
#include "tests/sim/text.h"

void mail_date(time_t t, char *out, size_t outsz)
{
	struct tm tm;
	localtime_r(&t, &tm);
	/* strftime's %a and %b follow the locale; RFC 5322 wants English names. */
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(out, outsz, "%s, %d %s %d %02d:%02d:%02d %c%02ld%02ld", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, sign,
		 off / 60, off % 60);
}

/* Drops the CRs of CRLF line ends (quoted-printable would otherwise write them as =0D). */
static char *unix_lines(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	if (!out)
		return NULL;
	for (; *s; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			*o++ = *s;
	*o = '\0';
	return out;
}

/*
 * A text part holding utf8 written in charset cs. GBK text goes base64 (as Chinese mail
 * systems send it), UTF-8 text quoted-printable, so both decoders are exercised.
 */
static GMimePart *text_part(const char *subtype, const char *utf8, enum sim_charset cs,
			    GMimeContentEncoding encoding, char *err, size_t errsz)
{
	char *plain = encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ? unix_lines(utf8) : strdup(utf8);
	if (!plain) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	size_t len;
	char *bytes = text_encode(plain, cs, &len, err, errsz);
	free(plain);
	if (!bytes)
		return NULL;
	GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes, len);
	GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(GMIME_PART(part), content);
	g_object_unref(content);
	g_object_unref(stream);
	free(bytes);
	g_mime_text_part_set_charset(part, charset_label(cs));
	g_mime_part_set_content_encoding(GMIME_PART(part), encoding);
	return GMIME_PART(part);
}

static void add_references(GMimeMessage *msg, const struct mail_out *m)
{
	if (m->in_reply_to) {
		char *v = g_strdup_printf("<%s>", m->in_reply_to);
		g_mime_object_set_header(GMIME_OBJECT(msg), "In-Reply-To", v, NULL);
		g_free(v);
	}
	if (m->references && *m->references) {
		struct strbuf sb;
		sb_init(&sb);
		char *copy = strdup(m->references), *save = NULL;
		for (char *id = copy ? strtok_r(copy, " ", &save) : NULL; id; id = strtok_r(NULL, " ", &save))
			sb_addf(&sb, "%s<%s>", sb.len ? " " : "", id);
		free(copy);
		if (!sb.failed && sb.len)
			g_mime_object_set_header(GMIME_OBJECT(msg), "References", sb_str(&sb), NULL);
		sb_free(&sb);
	}
}

static char *message_bytes(GMimeMessage *msg, size_t *len, char *err, size_t errsz)
{
	GMimeStream *mem = g_mime_stream_mem_new();
	GMimeFormatOptions *opts = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(opts, GMIME_NEWLINE_FORMAT_UNIX);
	ssize_t n = g_mime_object_write_to_stream(GMIME_OBJECT(msg), opts, mem);
	g_mime_format_options_free(opts);
	char *out = NULL;
	if (n < 0)
		snprintf(err, errsz, "GMime could not write the message");
	else {
		GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		out = malloc(ba->len + 1);
		if (out) {
			memcpy(out, ba->data, ba->len);
			out[ba->len] = '\0';
			*len = ba->len;
		} else
			snprintf(err, errsz, "out of memory");
	}
	g_object_unref(mem);
	return out;
}

static GMimeMessage *new_message(const char *from_name, const char *from_addr, const char *to,
				 const char *subject, enum sim_charset cs, time_t date,
				 const char *message_id)
{
	GMimeMessage *msg = g_mime_message_new(TRUE);
	const char *label = charset_label(cs);
	InternetAddress *from = internet_address_mailbox_new(from_name, from_addr);
	internet_address_set_charset(from, label);
	internet_address_list_add(g_mime_message_get_from(msg), from);
	g_object_unref(from);
	InternetAddress *rcpt = internet_address_mailbox_new(NULL, to);
	internet_address_list_add(g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO), rcpt);
	g_object_unref(rcpt);
	g_mime_message_set_subject(msg, subject, label);
	GDateTime *dt = g_date_time_new_from_unix_local((gint64)date);
	g_mime_message_set_date(msg, dt);
	g_date_time_unref(dt);
	g_mime_message_set_message_id(msg, message_id);
	return msg;
}

char *mail_render(const struct mail_out *m, size_t *len, char *err, size_t errsz)
{
	GMimeMessage *msg = new_message(m->from_name, m->from_addr, m->to, m->subject, m->charset,
					m->date, m->message_id);
	add_references(msg, m);
	g_mime_object_set_header(GMIME_OBJECT(msg), "X-Mailer", "Coremail Webmail Server Version 2.0", NULL);
	GMimeContentEncoding body_enc = m->charset == CHARSET_GBK ? GMIME_CONTENT_ENCODING_BASE64
								  : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
	GMimePart *body = text_part("plain", m->body, m->charset, body_enc, err, errsz);
	char *out = NULL;
	if (!body)
		goto done;
	if (!m->attach_name) {
		g_mime_message_set_mime_part(msg, GMIME_OBJECT(body));
	} else {
		GMimePart *att = text_part(m->attach_subtype, m->attach_body, m->charset,
					   GMIME_CONTENT_ENCODING_BASE64, err, errsz);
		if (!att) {
			g_object_unref(body);
			goto done;
		}
		g_mime_part_set_filename(att, m->attach_name);
		GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
		g_mime_multipart_add(mixed, GMIME_OBJECT(body));
		g_mime_multipart_add(mixed, GMIME_OBJECT(att));
		g_object_unref(att);
		g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
		g_object_unref(mixed);
	}
	g_object_unref(body);
	out = message_bytes(msg, len, err, errsz);
done:
	g_object_unref(msg);
	return out;
}

char *mail_render_dsn(const struct mail_dsn *d, size_t *len, char *err, size_t errsz)
{
	const char *at = strrchr(d->failed_recipient, '@');
	const char *host = at ? at + 1 : "localhost";
	char from[256], arrival[64], qid[32];
	snprintf(from, sizeof from, "MAILER-DAEMON@%s", host);
	mail_date(d->arrival, arrival, sizeof arrival);
	snprintf(qid, sizeof qid, "%08lX%04X", (unsigned long)d->arrival, (unsigned)(d->date & 0xffff));
	GMimeMessage *msg = new_message("Mail Delivery System", from, d->to,
					"Undelivered Mail Returned to Sender", CHARSET_UTF8, d->date,
					d->message_id);
	g_mime_object_set_header(GMIME_OBJECT(msg), "Auto-Submitted", "auto-replied", NULL);
	char *human = g_strdup_printf(
		"This is the mail system at host mail.%s.\n\n"
		"I'm sorry to have to inform you that your message could not\n"
		"be delivered to one or more recipients. It's attached below.\n\n"
		"For further assistance, please send mail to postmaster.\n\n"
		"If you do so, please include this problem report. You can\n"
		"delete your own text from the attached returned message.\n\n"
		"                   The mail system\n\n"
		"<%s>: host mx.%s[127.0.0.1] said: %s (in reply to end of DATA command)\n",
		host, d->failed_recipient, host, d->diagnostic);
	char *status = g_strdup_printf(
		"Reporting-MTA: dns; mail.%s\nX-Postfix-Queue-ID: %s\nX-Postfix-Sender: rfc822; %s\n"
		"Arrival-Date: %s\n\nFinal-Recipient: rfc822; %s\nOriginal-Recipient: rfc822;%s\n"
		"Action: failed\nStatus: 5.2.2\nRemote-MTA: dns; mx.%s\nDiagnostic-Code: smtp; %s\n",
		host, qid, d->to, arrival, d->failed_recipient, d->failed_recipient, host, d->diagnostic);
	GMimePart *p1 = text_part("plain", human, CHARSET_UTF8, GMIME_CONTENT_ENCODING_7BIT, err, errsz);
	GMimePart *p2 = text_part("plain", status, CHARSET_UTF8, GMIME_CONTENT_ENCODING_7BIT, err, errsz);
	GMimePart *p3 = text_part("plain", d->original_headers ? d->original_headers : "",
				  CHARSET_UTF8, GMIME_CONTENT_ENCODING_8BIT, err, errsz);
	g_free(human);
	g_free(status);
	char *out = NULL;
	if (p1 && p2 && p3) {
		GMimeContentType *ct = g_mime_content_type_parse(NULL, "message/delivery-status");
		g_mime_object_set_content_type(GMIME_OBJECT(p2), ct);
		g_object_unref(ct);
		ct = g_mime_content_type_parse(NULL, "text/rfc822-headers");
		g_mime_object_set_content_type(GMIME_OBJECT(p3), ct);
		g_object_unref(ct);
		g_mime_part_set_content_description(p1, "Notification");
		g_mime_part_set_content_description(p2, "Delivery report");
		g_mime_part_set_content_description(p3, "Undelivered Message Headers");
		GMimeMultipart *report = g_mime_multipart_new_with_subtype("report");
		g_mime_object_set_content_type_parameter(GMIME_OBJECT(report), "report-type", "delivery-status");
		g_mime_multipart_add(report, GMIME_OBJECT(p1));
		g_mime_multipart_add(report, GMIME_OBJECT(p2));
		g_mime_multipart_add(report, GMIME_OBJECT(p3));
		g_mime_message_set_mime_part(msg, GMIME_OBJECT(report));
		g_object_unref(report);
		out = message_bytes(msg, len, err, errsz);
	}
	if (p1)
		g_object_unref(p1);
	if (p2)
		g_object_unref(p2);
	if (p3)
		g_object_unref(p3);
	g_object_unref(msg);
	return out;
}

static int ensure_dir(const char *path, char *err, size_t errsz)
{
	if (mkdir(path, 0700) == 0 || errno == EEXIST)
		return 0;
	snprintf(err, errsz, "%s: cannot create: %m", path);
	return -1;
}

/* mkdir -p for the Maildir and its three folders. */
static int ensure_maildir(const char *maildir, char *err, size_t errsz)
{
	char path[4096];
	snprintf(path, sizeof path, "%s", maildir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (ensure_dir(path, err, errsz) != 0)
			return -1;
		*p = '/';
	}
	if (ensure_dir(path, err, errsz) != 0)
		return -1;
	static const char *const subs[] = {"tmp", "new", "cur"};
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", maildir, subs[i]);
		if (ensure_dir(path, err, errsz) != 0)
			return -1;
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int maildir_deliver(const char *maildir, const char *return_path, const char *delivered_to,
		    time_t when, const char *bytes, size_t len, long seq, char *path_out,
		    size_t path_sz, char *err, size_t errsz)
{
	if (ensure_maildir(maildir, err, errsz) != 0)
		return -1;
	char date[64], head[1024], name[256], tmp[4096], dest[4096];
	mail_date(when, date, sizeof date);
	int n = snprintf(head, sizeof head,
			 "Return-Path: <%s>\nDelivered-To: %s\n"
			 "Received: from mail.units.foi.test (localhost [127.0.0.1])\n"
			 "\tby mail.foi.test (Postfix) with ESMTP id %lX%05lX\n"
			 "\tfor <%s>; %s\n",
			 return_path, delivered_to, (unsigned long)when, (unsigned long)seq & 0xfffff,
			 delivered_to, date);
	if (n < 0 || (size_t)n >= sizeof head) {
		snprintf(err, errsz, "delivery headers too long");
		return -1;
	}
	size_t total = (size_t)n + len;
	snprintf(name, sizeof name, "%ld.M%ldP%dQ%ld.foi-sim,S=%zu", (long)when, seq, (int)getpid(), seq, total);
	snprintf(tmp, sizeof tmp, "%s/tmp/%s", maildir, name);
	snprintf(dest, sizeof dest, "%s/new/%s", maildir, name);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errsz, "%s: cannot create: %m", tmp);
		return -1;
	}
	/* Dovecot runs as the Maildir's owner: the file must be that user's, as Postfix's would be. */
	struct stat st;
	snprintf(dest, sizeof dest, "%s/new", maildir);
	if (geteuid() == 0 && stat(dest, &st) == 0 && fchown(fd, st.st_uid, st.st_gid) != 0) {
		snprintf(err, errsz, "%s: cannot give it to the Maildir's owner: %m", tmp);
		goto fail;
	}
	snprintf(dest, sizeof dest, "%s/new/%s", maildir, name);
	if (write_all(fd, head, (size_t)n) != 0 || write_all(fd, bytes, len) != 0 || fsync(fd) != 0) {
		snprintf(err, errsz, "%s: cannot write: %m", tmp);
		goto fail;
	}
	struct timespec times[2] = {{.tv_sec = when}, {.tv_sec = when}};
	if (futimens(fd, times) != 0) {
		snprintf(err, errsz, "%s: cannot set its time: %m", tmp);
		goto fail;
	}
	close(fd);
	if (rename(tmp, dest) != 0) {
		snprintf(err, errsz, "%s: cannot move into new/: %m", tmp);
		unlink(tmp);
		return -1;
	}
	snprintf(path_out, path_sz, "%s", dest);
	return 0;
fail:
	close(fd);
	unlink(tmp);
	return -1;
}
