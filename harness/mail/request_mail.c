/* Composes a request's e-mail with GMime (see request_mail.h). */
#include "harness/mail/request_mail.h"

#include <gmime/gmime.h>
#include <stdlib.h>
#include <string.h>

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* A part whose text ends in a newline, as mail readers expect. */
static GMimePart *text_part(const char *body)
{
	GMimePart *part = GMIME_PART(g_mime_text_part_new_with_subtype("plain"));
	if (!part)
		return NULL;
	size_t n = strlen(body);
	int add_nl = n == 0 || body[n - 1] != '\n';
	GByteArray *bytes = g_byte_array_sized_new((guint)(n + 1));
	g_byte_array_append(bytes, (const guint8 *)body, (guint)n);
	if (add_nl)
		g_byte_array_append(bytes, (const guint8 *)"\n", 1);
	GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(bytes);
	GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
	g_object_unref(stream);
	g_mime_part_set_content(part, content);
	g_object_unref(content);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
	g_mime_part_set_content_encoding(part, is_ascii(body) ? GMIME_CONTENT_ENCODING_7BIT : GMIME_CONTENT_ENCODING_BASE64);
	return part;
}

enum foi_status request_mail_build(const struct request_mail *m, char **msg, size_t *len, char **message_id,
				   char *err, size_t errsz)
{
	*msg = NULL;
	*message_id = NULL;
	*len = 0;
	const char *at = strrchr(m->from_address, '@');
	if (!at || at == m->from_address || !at[1])
		return foi_fail(err, errsz, FOI_E_DATA, "reply address '%s' is not an e-mail address", m->from_address);
	if (!strchr(m->to, '@'))
		return foi_fail(err, errsz, FOI_E_DATA, "unit address '%s' is not an e-mail address", m->to);

	g_mime_init();
	GMimeMessage *message = g_mime_message_new(TRUE);
	GTimeZone *tz = g_time_zone_new_identifier(m->zone);
	GDateTime *utc = g_date_time_new_from_unix_utc((gint64)m->date);
	GDateTime *date = utc && tz ? g_date_time_to_timezone(utc, tz) : NULL;
	GMimePart *part = text_part(m->body);
	char *id = g_mime_utils_generate_message_id(at + 1);
	enum foi_status rc = FOI_OK;
	if (!message || !tz || !utc || !date || !part || !id) {
		rc = foi_fail(err, errsz, tz ? FOI_E_NOMEM : FOI_E_DATA, "composing the mail to %s failed%s", m->to,
			      tz ? " (out of memory)" : ": unknown time zone");
		goto out;
	}
	g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_FROM, m->from_name, m->from_address);
	g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_REPLY_TO, m->from_name, m->from_address);
	g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, NULL, m->to);
	g_mime_message_set_subject(message, m->subject, "utf-8");
	g_mime_message_set_date(message, date);
	g_mime_message_set_message_id(message, id);
	g_mime_message_set_mime_part(message, GMIME_OBJECT(part));

	GMimeFormatOptions *opts = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(opts, GMIME_NEWLINE_FORMAT_DOS);
	char *text = g_mime_object_to_string(GMIME_OBJECT(message), opts);
	g_mime_format_options_free(opts);
	*msg = text ? strdup(text) : NULL;
	*message_id = strdup(id);
	g_free(text);
	if (!*msg || !*message_id) {
		free(*msg);
		free(*message_id);
		*msg = *message_id = NULL;
		rc = foi_fail(err, errsz, FOI_E_NOMEM, "composing the mail to %s: out of memory", m->to);
		goto out;
	}
	*len = strlen(*msg);
out:
	g_free(id);
	if (part)
		g_object_unref(part);
	if (date)
		g_date_time_unref(date);
	if (utc)
		g_date_time_unref(utc);
	if (tz)
		g_time_zone_unref(tz);
	if (message)
		g_object_unref(message);
	return rc;
}
