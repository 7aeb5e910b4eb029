/* What a simulated unit receives by mail, read with GMime (see mail_in.h). */
#include "tests/sim/mail_in.h"

#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s && *s ? strdup(s) : NULL;
}

/* The text of an HTML body, by libxml2's HTML parser. */
static char *html_text(const char *html)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!doc)
		return NULL;
	char *out = NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root) {
		xmlChar *text = xmlNodeGetContent(root);
		if (text) {
			out = strdup((const char *)text);
			xmlFree(text);
		}
	}
	xmlFreeDoc(doc);
	return out;
}

/* The first text part (plain preferred), as UTF-8. */
static char *body_text(GMimeObject *part)
{
	if (GMIME_IS_MULTIPART(part)) {
		GMimeMultipart *mp = GMIME_MULTIPART(part);
		int n = g_mime_multipart_get_count(mp);
		char *html = NULL;
		for (int i = 0; i < n; i++) {
			GMimeObject *sub = g_mime_multipart_get_part(mp, i);
			GMimeContentType *ct = g_mime_object_get_content_type(sub);
			if (GMIME_IS_MULTIPART(sub)) {
				char *t = body_text(sub);
				if (t) {
					free(html);
					return t;
				}
			} else if (GMIME_IS_TEXT_PART(sub) && g_mime_content_type_is_type(ct, "text", "plain")) {
				char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(sub));
				char *out = t ? strdup(t) : NULL;
				g_free(t);
				free(html);
				return out;
			} else if (!html && GMIME_IS_TEXT_PART(sub) && g_mime_content_type_is_type(ct, "text", "html")) {
				char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(sub));
				html = t ? html_text(t) : NULL;
				g_free(t);
			}
		}
		return html;
	}
	if (GMIME_IS_TEXT_PART(part)) {
		GMimeContentType *ct = g_mime_object_get_content_type(part);
		char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
		char *out = NULL;
		if (t)
			out = g_mime_content_type_is_type(ct, "text", "html") ? html_text(t) : strdup(t);
		g_free(t);
		return out;
	}
	return NULL;
}

static char *first_address(InternetAddressList *list, char **name)
{
	if (!list)
		return NULL;
	for (int i = 0; i < internet_address_list_length(list); i++) {
		InternetAddress *ia = internet_address_list_get_address(list, i);
		if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
			if (name)
				*name = dup_or_null(internet_address_get_name(ia));
			return dup_or_null(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
		}
	}
	return NULL;
}

static char *strip_brackets(const char *v)
{
	if (!v)
		return NULL;
	while (*v == ' ' || *v == '<')
		v++;
	char *s = strdup(v);
	if (s) {
		char *gt = strchr(s, '>');
		if (gt)
			*gt = '\0';
		if (!*s) {
			free(s);
			s = NULL;
		}
	}
	return s;
}

/* The message ids of In-Reply-To and References, space-separated. */
static char *reply_ids(GMimeMessage *msg)
{
	GString *out = g_string_new("");
	static const char *const headers[] = {"In-Reply-To", "References"};
	for (int h = 0; h < 2; h++) {
		const char *v = g_mime_object_get_header(GMIME_OBJECT(msg), headers[h]);
		if (!v)
			continue;
		GMimeReferences *refs = g_mime_references_parse(NULL, v);
		if (!refs)
			continue;
		for (int i = 0; i < g_mime_references_length(refs); i++) {
			const char *id = g_mime_references_get_message_id(refs, i);
			if (id && !strstr(out->str, id))
				g_string_append_printf(out, "%s%s", out->len ? " " : "", id);
		}
		g_mime_references_free(refs);
	}
	char *s = out->len ? strdup(out->str) : NULL;
	g_string_free(out, TRUE);
	return s;
}

int mail_read(const char *path, struct mail_in *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	GMimeStream *stream = g_mime_stream_file_open(path, "r", NULL);
	if (!stream) {
		snprintf(err, errsz, "%s: cannot open", path);
		return -1;
	}
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	GMimeParserOptions *opts = g_mime_parser_options_new();
	const char *fallback[] = {"UTF-8", "GB18030", NULL};
	g_mime_parser_options_set_fallback_charsets(opts, fallback);
	g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, opts);
	g_mime_parser_options_free(opts);
	g_object_unref(parser);
	if (!msg) {
		snprintf(err, errsz, "%s: not a mail message", path);
		return -1;
	}
	out->message_id = dup_or_null(g_mime_message_get_message_id(msg));
	out->from_addr = first_address(g_mime_message_get_from(msg), &out->from_name);
	out->reply_to = first_address(g_mime_message_get_reply_to(msg), NULL);
	if (!out->reply_to && out->from_addr)
		out->reply_to = strdup(out->from_addr);
	out->return_path = strip_brackets(g_mime_object_get_header(GMIME_OBJECT(msg), "Return-Path"));
	if (!out->return_path && out->reply_to)
		out->return_path = strdup(out->reply_to);
	out->subject = dup_or_null(g_mime_message_get_subject(msg));
	GDateTime *date = g_mime_message_get_date(msg);
	if (date)
		out->date = (time_t)g_date_time_to_unix(date);
	GMimeObject *part = g_mime_message_get_mime_part(msg);
	out->body = part ? body_text(part) : NULL;
	out->in_reply_to = reply_ids(msg);
	char *headers = g_mime_object_get_headers(GMIME_OBJECT(msg), NULL);
	out->headers = dup_or_null(headers);
	g_free(headers);
	g_object_unref(msg);
	if (!out->body)
		out->body = strdup("");
	return 0;
}

void mail_in_free(struct mail_in *m)
{
	free(m->message_id);
	free(m->from_addr);
	free(m->from_name);
	free(m->reply_to);
	free(m->return_path);
	free(m->subject);
	free(m->body);
	free(m->in_reply_to);
	free(m->headers);
	memset(m, 0, sizeof *m);
}

int mail_is_foi_application(const struct mail_in *m)
{
	static const char *const words[] = {"政府信息公开申请", "信息公开申请", "依申请公开", NULL};
	for (int i = 0; words[i]; i++)
		if ((m->subject && strstr(m->subject, words[i])) || (m->body && strstr(m->body, words[i])))
			return 1;
	return 0;
}

static void trim(char *s)
{
	/* Trailing spaces, ideographic spaces and CR. */
	size_t n = strlen(s);
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
			s[--n] = '\0';
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			s[n -= 3] = '\0';
		else
			break;
	}
}

char *mail_field(const char *text, const char *const *labels)
{
	if (!text)
		return NULL;
	for (int i = 0; labels[i]; i++) {
		size_t ln = strlen(labels[i]);
		for (const char *p = strstr(text, labels[i]); p; p = strstr(p + 1, labels[i])) {
			/* The label must start a line (after indentation). */
			const char *q = p;
			while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
				q--;
			while (q - text >= 3 && memcmp(q - 3, "\xe3\x80\x80", 3) == 0)
				q -= 3;
			if (q != text && q[-1] != '\n')
				continue;
			const char *v = p + ln;
			if (strncmp(v, "：", 3) == 0)
				v += 3;
			else if (*v == ':')
				v++;
			else
				continue;
			while (*v == ' ' || *v == '\t')
				v++;
			size_t len = strcspn(v, "\r\n");
			if (len == 0)
				continue;
			char *out = strndup(v, len);
			if (out)
				trim(out);
			if (out && *out)
				return out;
			free(out);
		}
	}
	return NULL;
}

char *mail_applicant(const struct mail_in *m)
{
	static const char *const labels[] = {"申请人姓名", "姓名", "申请人", "联系人", NULL};
	char *name = mail_field(m->body, labels);
	if (!name && m->from_name)
		name = strdup(m->from_name);
	return name;
}

/* The first non-empty line after a line that ends "...政府信息：", without its "1." numbering. */
static char *listed_after_intro(const char *text)
{
	static const char *const intros[] = {"政府信息：", "政府信息:", NULL};
	for (int i = 0; text && intros[i]; i++) {
		const char *p = strstr(text, intros[i]);
		if (!p)
			continue;
		p += strlen(intros[i]);
		p += strspn(p, " \t\r\n");
		if (!*p)
			continue;
		if (*p >= '0' && *p <= '9') {
			const char *q = p + strspn(p, "0123456789");
			if (*q == '.' || *q == ')')
				p = q + 1;
			else if (strncmp(q, "、", 3) == 0)
				p = q + 3;
			p += strspn(p, " \t");
		}
		char *line = strndup(p, strcspn(p, "\r\n"));
		if (line) {
			trim(line);
			size_t n = strlen(line);
			/* A list item ends in ；or 。, which a quotation does not keep. */
			if (n >= 3 && (strcmp(line + n - 3, "；") == 0 || strcmp(line + n - 3, "。") == 0))
				line[n - 3] = '\0';
		}
		if (line && *line)
			return line;
		free(line);
	}
	return NULL;
}

/* The subject without the words that only say what kind of mail it is. */
static char *subject_topic(const char *subject)
{
	static const char *const prefixes[] = {"政府信息公开申请：", "政府信息公开申请:", "政府信息公开申请——",
					       "政府信息公开申请-", "申请公开", NULL};
	for (int i = 0; prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(subject, prefixes[i], n) == 0 && subject[n])
			return strdup(subject + n);
	}
	return strdup(subject);
}

char *mail_request_text(const struct mail_in *m)
{
	static const char *const labels[] = {"所需信息内容描述", "所需政府信息的内容描述", "所需政府信息",
					     "申请公开的政府信息", "申请获取的政府信息", "申请内容",
					     "咨询内容", NULL};
	char *text = mail_field(m->body, labels);
	if (!text)
		text = listed_after_intro(m->body);
	if (!text && m->subject)
		text = subject_topic(m->subject);
	return text;
}
