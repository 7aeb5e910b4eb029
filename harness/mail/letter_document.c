/* A reply letter that is a file (PDF, Word, OFD, scan): read by grader/doc_read.c in a child process, with the caps of the settings. */
#include "harness/mail/letter_file.h"
#include "harness/settings.h"
#include "grader/letter_reading.h"
#include "grader/strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * Poppler cannot be interrupted inside a page, and a PDF bomb spends minutes in one. So the
 * reader runs in a child process that announces each step on a pipe ('p' parse, 'o' OCR);
 * the parent gives a parse step page_seconds and the whole file max_seconds, and kills the
 * child when either runs out. Then 'R' and the result: a struct wire, the text, the how (or
 * the error message).
 */
struct wire {
	int rc;
	int pages, ocr, confidence;
	struct doc_seal seal;
	size_t text_len, how_len;
};

static void write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the parent is gone or gave up */
		c += w;
		n -= (size_t)w;
	}
}

static void announce(void *ctx, enum doc_step step)
{
	write_all(*(int *)ctx, step == DOC_STEP_OCR ? "o" : "p", 1);
}

static void child_read(int fd, const void *data, size_t len, enum doc_format fmt,
		       const struct letter_read_opts *o)
{
	struct doc_limits lim = o->limits;
	lim.on_step = announce;
	lim.step_ctx = &fd;
	struct doc_text doc;
	char err[512];
	struct wire w = {0};
	w.rc = doc_read(data, len, fmt, &lim, &doc, err, sizeof err);
	const char *how = w.rc == 0 ? doc.how : err;
	if (w.rc == 0) {
		w.pages = doc.pages, w.ocr = doc.ocr, w.confidence = doc.confidence, w.seal = doc.seal;
		w.text_len = doc.len;
	}
	w.how_len = strlen(how);
	write_all(fd, "R", 1);
	write_all(fd, &w, sizeof w);
	if (w.rc == 0)
		write_all(fd, doc.text, doc.len);
	write_all(fd, how, w.how_len);
	if (w.rc == 0)
		doc_text_free(&doc);
}

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Reads the child's pipe to its end within the caps; the payload after 'R' goes to out.
 * Returns 0, or -1 with err saying which cap was reached. */
static int watch(int fd, const struct letter_read_opts *o, struct strbuf *out, char *err, size_t errsz)
{
	long start = now_ms();
	long file_end = start + o->limits.max_seconds * 1000L;
	long step_end = start + o->page_seconds * 1000L;
	int in_payload = 0, ocr = 0;
	char buf[65536];
	for (;;) {
		long end = step_end < file_end ? step_end : file_end;
		long wait = end - now_ms();
		struct pollfd p = {.fd = fd, .events = POLLIN};
		int r = wait > 0 ? poll(&p, 1, (int)wait) : 0;
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			if (end == file_end)
				snprintf(err, errsz, "reading it took longer than the cap of %d s (setting letters.max_seconds)",
					 o->limits.max_seconds);
			else
				snprintf(err, errsz, "%s one page took longer than the cap of %d s (a PDF bomb? setting "
					 "letters.page_seconds)", ocr ? "recognising" : "opening or rendering",
					 o->page_seconds);
			return -1;
		}
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		size_t i = 0;
		for (; !in_payload && i < (size_t)n; i++) {
			if (buf[i] == 'R')
				in_payload = 1;
			else if ((ocr = buf[i] == 'o'))
				step_end = file_end;
			else
				step_end = now_ms() + o->page_seconds * 1000L;
		}
		if (in_payload) {
			if (out->len + (n - i) > o->limits.max_bytes + ((size_t)1 << 20)) {
				snprintf(err, errsz, "its text is larger than the cap of %zu MB (setting letters.max_mb)",
					 o->limits.max_bytes >> 20);
				return -1;
			}
			strbuf_add(out, buf + i, (size_t)n - i);
		}
	}
}

/* doc_read() in a child process, stopped at the caps. Same contract as doc_read(). */
static int read_isolated(const void *data, size_t len, enum doc_format fmt,
			 const struct letter_read_opts *o, struct doc_text *out, char *err, size_t errsz)
{
	*out = (struct doc_text){.confidence = -1};
	int fds[2];
	if (pipe(fds) != 0) {
		snprintf(err, errsz, "cannot start the reader: %s", strerror(errno));
		return -1;
	}
	fflush(NULL); /* the child must not write out the parent's buffered output again */
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		snprintf(err, errsz, "cannot start the reader: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		/* Poppler, libjpeg and Tesseract talk on stderr ("Syntax Error", "Premature end of
		 * JPEG file"); what counts reaches the parent as the result or its message. */
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDERR_FILENO);
			close(null);
		}
		child_read(fds[1], data, len, fmt, o);
		close(fds[1]);
		_exit(0);
	}
	close(fds[1]);
	struct strbuf got = {0};
	int rc = watch(fds[0], o, &got, err, errsz);
	close(fds[0]);
	if (rc != 0)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	struct wire w;
	if (rc == 0 && WIFSIGNALED(status)) {
		snprintf(err, errsz, "the reader stopped on signal %d (a damaged or hostile file)", WTERMSIG(status));
		rc = -1;
	} else if (rc == 0 && (got.oom || got.len < sizeof w)) {
		snprintf(err, errsz, got.oom ? "out of memory" : "the reader ended without a result");
		rc = -1;
	}
	if (rc == 0) {
		memcpy(&w, got.p, sizeof w);
		if (got.len != sizeof w + w.text_len + w.how_len) {
			snprintf(err, errsz, "the reader's result is incomplete");
			rc = -1;
		} else if (w.rc != 0) {
			snprintf(err, errsz, "%.*s", (int)w.how_len, got.p + sizeof w + w.text_len);
			rc = -1;
		} else {
			out->text = strndup(got.p + sizeof w, w.text_len);
			out->len = w.text_len;
			out->how = strndup(got.p + sizeof w + w.text_len, w.how_len);
			out->pages = w.pages, out->ocr = w.ocr, out->confidence = w.confidence, out->seal = w.seal;
			if (!out->text || !out->how) {
				doc_text_free(out);
				snprintf(err, errsz, "out of memory");
				rc = -1;
			}
		}
	}
	strbuf_free(&got);
	return rc;
}

void letter_read_opts_from_settings(const struct settings *s, struct letter_read_opts *o)
{
	doc_limits_default(&o->limits);
	o->limits.max_pages = s->letters_max_pages;
	o->limits.max_bytes = (size_t)s->letters_max_mb << 20;
	o->limits.max_pixels = (long)s->letters_max_megapixels * 1000 * 1000;
	o->limits.max_seconds = s->letters_max_seconds;
	o->limits.render_dpi = s->letters_ocr_dpi;
	o->limits.min_confidence = s->letters_ocr_min_confidence;
	o->max_file = (size_t)s->letters_max_mb << 20;
	o->page_seconds = s->letters_page_seconds;
	o->in_process = 0;
	o->seal_absent_unknown = s->letters_seal_absent == SEAL_ABSENT_UNKNOWN;
}

enum letter_read letter_document_read(const void *data, size_t len, const char *name,
				      const struct letter_read_opts *o, struct letter_source *out,
				      char *err, size_t errsz)
{
	*out = (struct letter_source){0};
	enum doc_format fmt = doc_sniff(data, len, name);
	if (fmt == DOC_LEGACY_WORD) {
		out->text = strdup("");
		if (asprintf(&out->described, "%s: a legacy Word or WPS file (.doc, .wps), not readable", name) < 0)
			out->described = NULL;
		if (asprintf(&out->unreadable, "the letter is a legacy Word or WPS file (%s) foi cannot read: "
			     "for the reviewer, on the original", name) < 0)
			out->unreadable = NULL;
	} else {
		if (len > o->max_file) {
			snprintf(err, errsz, "%s: %zu bytes, more than the cap of %zu MB (setting letters.max_mb)",
				 name, len, o->max_file >> 20);
			return LETTER_READ_DATA;
		}
		struct doc_text doc;
		char why[512];
		int r = o->in_process ? doc_read(data, len, fmt, &o->limits, &doc, why, sizeof why)
				      : read_isolated(data, len, fmt, o, &doc, why, sizeof why);
		if (r != 0) {
			snprintf(err, errsz, "%s (%s): %s", name, doc_format_name(fmt), why);
			return LETTER_READ_DATA;
		}
		out->text = doc.text;
		out->len = doc.len;
		doc.text = NULL;
		if (asprintf(&out->described, "%s: %s", name, doc.how) < 0)
			out->described = NULL;
		out->reading = malloc(sizeof *out->reading);
		if (out->reading)
			*out->reading = (struct letter_reading){.ocr = doc.ocr, .confidence = doc.confidence,
				.min_confidence = o->limits.min_confidence,
				.seal_absent_unknown = o->seal_absent_unknown, .seal = doc.seal};
		doc_text_free(&doc);
		if (out->len > LETTER_TEXT_MAX) {
			letter_source_free(out);
			snprintf(err, errsz, "%s: its text is larger than a reply letter can be (%zu MB)", name,
				 LETTER_TEXT_MAX >> 20);
			return LETTER_READ_DATA;
		}
	}
	if (!out->text || !out->described || (fmt == DOC_LEGACY_WORD ? !out->unreadable : !out->reading)) {
		letter_source_free(out);
		snprintf(err, errsz, "out of memory");
		return LETTER_READ_IO;
	}
	return LETTER_READ_OK;
}

int letter_source_check(const struct letter_source *src, const struct letter_context *ctx,
			struct letter_report *out, char *err, size_t errsz)
{
	if (src->unreadable)
		return letter_report_unreadable(src->unreadable, out, err, errsz);
	if (letter_check_in(src->text, src->len, ctx, out, err, errsz) != 0)
		return -1;
	if (src->reading && letter_apply_reading(out, src->reading, err, errsz) != 0) {
		letter_report_free(out);
		return -1;
	}
	return 0;
}
