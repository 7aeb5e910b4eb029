/* Reading the letter out of a reply e-mail with GMime 3. */
#include "harness/mail/mail_text.h"
#include "harness/mail/mail_parse.h"
#include "grader/doc_read.h"
#include "grader/html_text.h"
#include "grader/text_decode.h"

#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Multipart nesting deeper than this is not a reply anyone wrote. */
#define MAX_DEPTH 32
/* A decoded part larger than this is not a letter's text (it may still be listed). */
#define MAX_TEXT_PART ((size_t)16 << 20)

struct found {
	char *text;            /* UTF-8 */
	size_t len;
	char charset[24];
	char *name;            /* attachment file name, or NULL */
	int lossy;
};

struct walk {
	struct found letter;   /* first attached letter (.txt, .html) */
	struct found plain;    /* first inline text/plain */
	struct found html;     /* first inline text/html */
	char *unread;
	size_t unread_len;
	char *file;            /* the first attached letter file (PDF, Word, OFD, image) */
	size_t file_len;
	char *file_name;
	size_t oversize;       /* size of a text part too large to be a letter, or 0 */
	int failed;            /* out of memory */
};

static void found_free(struct found *f)
{
	free(f->text);
	free(f->name);
	*f = (struct found){0};
}

static int ends_with_ci(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

static void note_unread(struct walk *w, const char *name)
{
	size_t n = strlen(name);
	char *u = realloc(w->unread, w->unread_len + n + 3);
	if (!u) {
		w->failed = 1;
		return;
	}
	w->unread = u;
	if (w->unread_len) {
		memcpy(u + w->unread_len, ", ", 2);
		w->unread_len += 2;
	}
	memcpy(u + w->unread_len, name, n + 1);
	w->unread_len += n;
}

static void take_part(struct walk *w, GMimePart *part, struct found *slot, int is_html, const char *name)
{
	if (slot->text)
		return;
	GMimeStream *mem = NULL;
	GByteArray *bytes = mail_part_bytes(part, &mem);
	if (!bytes || bytes->len > MAX_TEXT_PART) {
		if (bytes && bytes->len > w->oversize)
			w->oversize = bytes->len;
		if (name)
			note_unread(w, name);
		if (mem)
			g_object_unref(mem);
		return;
	}
	const char *charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
	struct decoded_text t;
	char err[256];
	int rc = is_html ? html_to_text((const char *)bytes->data, bytes->len, charset, &t, err, sizeof err)
			 : text_decode((const char *)bytes->data, bytes->len, charset, &t, err, sizeof err);
	g_object_unref(mem);
	if (rc != 0) {
		if (name)
			note_unread(w, name);
		return;
	}
	slot->text = t.text;
	slot->len = t.len;
	slot->lossy = t.bad_sequences > 0;
	memcpy(slot->charset, t.charset, sizeof slot->charset);
	if (name && !(slot->name = strdup(name)))
		w->failed = 1;
}

/* Keeps the first attachment that is a letter file; 1 when this one is kept. */
static int keep_file(struct walk *w, GMimePart *part, const char *name)
{
	if (w->file)
		return 0;
	GMimeStream *mem = NULL;
	GByteArray *bytes = mail_part_bytes(part, &mem);
	if (!bytes || doc_sniff(bytes->data, bytes->len, name) == DOC_UNKNOWN) {
		if (mem)
			g_object_unref(mem);
		return 0;
	}
	/* The stream owns the bytes: copy them before letting it go. */
	w->file = malloc(bytes->len ? bytes->len : 1);
	w->file_name = strdup(name ? name : "(unnamed attachment)");
	if (w->file)
		memcpy(w->file, bytes->data, bytes->len);
	w->file_len = bytes->len;
	g_object_unref(mem);
	if (!w->file || !w->file_name)
		w->failed = 1;
	return 1;
}

static void visit(struct walk *w, GMimeObject *obj, int depth)
{
	if (!obj || depth > MAX_DEPTH || w->failed)
		return;
	if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		if (inner)
			visit(w, g_mime_message_get_mime_part(inner), depth + 1);
		return;
	}
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++)
			visit(w, g_mime_multipart_get_part(mp, i), depth + 1);
		return;
	}
	if (!GMIME_IS_PART(obj))
		return;
	GMimePart *part = GMIME_PART(obj);
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	const char *name = g_mime_part_get_filename(part);
	int attachment = g_mime_part_is_attachment(part) || name != NULL;
	int is_html = ct && g_mime_content_type_is_type(ct, "text", "html");
	int is_text = ct && g_mime_content_type_is_type(ct, "text", "plain");
	if (name) {
		if (ends_with_ci(name, ".html") || ends_with_ci(name, ".htm"))
			is_html = 1, is_text = 0;
		else if (ends_with_ci(name, ".txt"))
			is_text = 1, is_html = 0;
	}
	if (attachment) {
		if (is_html || is_text)
			take_part(w, part, &w->letter, is_html, name ? name : "(unnamed attachment)");
		else if (!keep_file(w, part, name))
			note_unread(w, name ? name : "(unnamed attachment)");
		return;
	}
	if (is_text)
		take_part(w, part, &w->plain, 0, NULL);
	else if (is_html)
		take_part(w, part, &w->html, 1, NULL);
}

/* Cuts the quoted original under a reply: from a "原始邮件" / "Original Message" separator
 * or a "... 写道：" / "On ... wrote:" line on; and drops "> " lines. */
static void strip_quoted(char *text, size_t *len)
{
	static const char *const separators[] = {"原始邮件", "Original Message", "Forwarded message",
		"转发邮件", NULL};
	char *out = text, *p = text, *end = text + *len;
	while (p < end) {
		char *eol = memchr(p, '\n', (size_t)(end - p));
		char *next = eol ? eol + 1 : end;
		size_t n = (size_t)((eol ? eol : end) - p);
		int cut = 0;
		for (const char *const *s = separators; *s && !cut; s++)
			if (memmem(p, n, *s, strlen(*s)) && memmem(p, n, "--", 2))
				cut = 1;
		if (!cut && n < 200 && ((memmem(p, n, "写道", strlen("写道")) &&
					 (memmem(p, n, "：", strlen("：")) || memmem(p, n, ":", 1))) ||
					(n >= 3 && memmem(p, n, "wrote:", 6) && strncmp(p, "On ", 3) == 0)))
			cut = 1;
		if (cut)
			break;
		const char *q = p;
		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		if (!(q < p + n && *q == '>')) {
			memmove(out, p, (size_t)(next - p));
			out += next - p;
		}
		p = next;
	}
	*out = '\0';
	*len = (size_t)(out - text);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

int mail_text_parse(const char *data, size_t len, struct mail_text *out, char *err, size_t errsz)
{
	*out = (struct mail_text){0};
	GMimeParserOptions *opts = mail_parse_options(NULL, NULL);
	GMimeMessage *msg = mail_parse_message(data, len, opts);
	if (!msg) {
		g_mime_parser_options_free(opts);
		snprintf(err, errsz, "not a mail message (no headers GMime could read)");
		return -1;
	}
	struct walk w = {0};
	visit(&w, g_mime_message_get_mime_part(msg), 0);
	out->subject = dup_or_empty(g_mime_message_get_subject(msg));
	InternetAddressList *from = g_mime_message_get_from(msg);
	char *from_text = from ? internet_address_list_to_string(from, NULL, FALSE) : NULL;
	out->from = dup_or_empty(from_text);
	g_free(from_text);
	g_object_unref(msg);
	g_mime_parser_options_free(opts);

	if (!w.letter.text && !w.plain.text && !w.html.text && w.oversize) {
		free(w.unread);
		free(w.file);
		free(w.file_name);
		snprintf(err, errsz, "the mail's text part of %zu bytes is too large for a reply letter "
			 "(at most %zu MB)", w.oversize, MAX_TEXT_PART >> 20);
		free(out->subject);
		free(out->from);
		*out = (struct mail_text){0};
		return -1;
	}
	struct found *pick = NULL;
	const char *what = NULL;
	if (w.letter.text) {
		pick = &w.letter;
		what = "attachment";
	} else if (w.plain.text && (!w.html.text || w.plain.len * 2 >= w.html.len)) {
		pick = &w.plain;
		what = "text/plain body";
	} else if (w.html.text) {
		pick = &w.html;
		what = "text/html body";
	}
	int rc = 0;
	if (pick) {
		if (pick != &w.letter)
			strip_quoted(pick->text, &pick->len);
		out->text = pick->text;
		out->len = pick->len;
		out->lossy = pick->lossy;
		pick->text = NULL;
		if (asprintf(&out->source, "%s%s%s (%s)", what, pick->name ? " " : "",
			     pick->name ? pick->name : "", pick->charset) < 0)
			out->source = NULL;
	} else {
		out->text = strdup("");
		out->source = strdup("no text or HTML part");
	}
	out->unread = w.unread;
	w.unread = NULL;
	out->attached = w.file;
	out->attached_len = w.file_len;
	out->attached_name = w.file_name;
	found_free(&w.letter);
	found_free(&w.plain);
	found_free(&w.html);
	if (w.failed || !out->subject || !out->from || !out->text || !out->source) {
		mail_text_free(out);
		snprintf(err, errsz, "out of memory");
		rc = -1;
	}
	return rc;
}

void mail_text_free(struct mail_text *m)
{
	free(m->subject);
	free(m->from);
	free(m->text);
	free(m->source);
	free(m->unread);
	free(m->attached);
	free(m->attached_name);
	*m = (struct mail_text){0};
}
