/* A reply letter from a file: read with limits, then mail, HTML or text decoding. */
#include "harness/mail/letter_file.h"
#include "harness/mail/mail_text.h"
#include "harness/app.h"
#include "harness/file_read.h"
#include "grader/html_text.h"
#include "grader/letter_check.h"
#include "grader/text_decode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum format { FORMAT_MAIL, FORMAT_HTML, FORMAT_TEXT, FORMAT_SNIFF };

static enum format by_name(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return FORMAT_SNIFF;
	if (strcasecmp(dot, ".eml") == 0 || strcasecmp(dot, ".mbox") == 0)
		return FORMAT_MAIL;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 || strcasecmp(dot, ".xhtml") == 0)
		return FORMAT_HTML;
	if (strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".text") == 0)
		return FORMAT_TEXT;
	return FORMAT_SNIFF;
}

/* Mail starts with header lines such as "From: ..." or "Received: ...". */
static int mail_sniff(const char *b, size_t len)
{
	static const char *const heads[] = {"Received:", "From:", "Return-Path:", "MIME-Version:",
		"Message-ID:", "Date:", "Subject:", "Delivered-To:", "To:", "X-", NULL};
	for (const char *const *h = heads; *h; h++)
		if (len >= strlen(*h) && strncasecmp(b, *h, strlen(*h)) == 0)
			return 1;
	return 0;
}

static enum letter_read slurp(const char *path, size_t max, char **data, size_t *len, char *err,
			      size_t errsz)
{
	char why[FOI_ERR_MAX];
	enum foi_status st = file_read_capped(path, max, "a reply", data, len, why, sizeof why);
	if (st == FOI_OK)
		return LETTER_READ_OK;
	/* The caller names the file: keep only the reason. */
	const char *reason = strncmp(why, path, strlen(path)) == 0 && why[strlen(path)] == ':' ? why + strlen(path) + 2 : why;
	snprintf(err, errsz, "%s", reason);
	return st == FOI_E_DATA ? LETTER_READ_DATA : LETTER_READ_IO;
}

/* Below this many characters a mail body is a cover note ("详见附件"), not a letter. */
#define COVER_NOTE_MAX 200

static enum letter_read from_mail(const char *data, size_t len, struct letter_source *out,
				  char *err, size_t errsz)
{
	struct mail_text m;
	if (mail_text_parse(data, len, &m, err, errsz))
		return LETTER_READ_DATA;
	out->text = m.text;
	out->len = m.len;
	out->lossy = m.lossy;
	m.text = NULL;
	if (asprintf(&out->described, "mail from %s, subject \"%s\": %s", *m.from ? m.from : "(unknown)",
		     m.subject, m.source) < 0)
		out->described = NULL;
	if (m.unread) {
		out->unread = strdup(m.unread);
		if (out->len < COVER_NOTE_MAX &&
		    asprintf(&out->unreadable, "the letter is in an attachment foi cannot read (%s): "
			     "for the reviewer, on the original", m.unread) < 0)
			out->unreadable = NULL;
	}
	mail_text_free(&m);
	return LETTER_READ_OK;
}

enum letter_read letter_file_read(const char *path, struct letter_source *out, char *err,
				  size_t errsz)
{
	*out = (struct letter_source){0};
	enum format fmt = by_name(path);
	size_t max = fmt == FORMAT_MAIL || fmt == FORMAT_SNIFF ? LETTER_MAIL_MAX
		   : fmt == FORMAT_HTML ? LETTER_HTML_MAX : LETTER_TEXT_MAX;
	char *data = NULL;
	size_t len = 0;
	enum letter_read rc = slurp(path, max, &data, &len, err, errsz);
	if (rc != LETTER_READ_OK)
		return rc;
	if (len == 0) {
		free(data);
		snprintf(err, errsz, "the file is empty");
		return LETTER_READ_DATA;
	}
	if (fmt == FORMAT_SNIFF) {
		if (text_looks_binary(data, len))
			fmt = FORMAT_TEXT; /* text_decode names the problem */
		else if (mail_sniff(data, len))
			fmt = FORMAT_MAIL;
		else if (html_sniff(data, len))
			fmt = FORMAT_HTML;
		else
			fmt = FORMAT_TEXT;
	}
	if (fmt == FORMAT_MAIL) {
		rc = from_mail(data, len, out, err, errsz);
	} else {
		struct decoded_text t;
		int r = fmt == FORMAT_HTML ? html_to_text(data, len, NULL, &t, err, errsz)
					   : text_decode(data, len, NULL, &t, err, errsz);
		if (r == 0) {
			out->text = t.text;
			out->len = t.len;
			out->lossy = t.bad_sequences > 0;
			if (asprintf(&out->described, "%s file (%s)", fmt == FORMAT_HTML ? "HTML" : "text",
				     t.charset) < 0)
				out->described = NULL;
		}
		rc = r == 0 ? LETTER_READ_OK : LETTER_READ_DATA;
	}
	free(data);
	if (rc == LETTER_READ_OK && (!out->text || !out->described)) {
		letter_source_free(out);
		snprintf(err, errsz, "out of memory");
		return LETTER_READ_IO;
	}
	if (rc != LETTER_READ_OK)
		letter_source_free(out);
	return rc;
}

void letter_source_free(struct letter_source *s)
{
	free(s->text);
	free(s->described);
	free(s->unreadable);
	free(s->unread);
	*s = (struct letter_source){0};
}
