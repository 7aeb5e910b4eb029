/* HTTP sessions for the units' forms on libcurl: cookies, browser headers, same-site redirects. */
#include "harness/web/web_http.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grader/strbuf.h"

/* A form page or a confirmation is a few kilobytes; more than this is not a page to read. */
#define WEB_MAX_BODY (8u << 20)
#define WEB_MAX_REDIRECTS 5

struct web_session {
	CURL *curl;
	struct curl_slist *headers;
};

struct body_sink {
	struct strbuf buf;
	int too_big;
};

static size_t on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct body_sink *b = ctx;
	size_t n = size * nmemb;
	if (b->buf.len + n > WEB_MAX_BODY) {
		b->too_big = 1;
		return 0;
	}
	strbuf_add(&b->buf, data, n);
	return b->buf.oom ? 0 : n;
}

void web_page_free(struct web_page *p)
{
	free(p->body);
	free(p->url);
	free(p->type);
	memset(p, 0, sizeof *p);
}

struct web_session *web_session_new(const char *user_agent, const char *accept_language, long timeout_s)
{
	struct web_session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	char lang[300];
	snprintf(lang, sizeof lang, "Accept-Language: %s", accept_language);
	s->curl = curl_easy_init();
	struct curl_slist *h = curl_slist_append(NULL, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
	struct curl_slist *h2 = h ? curl_slist_append(h, lang) : NULL;
	if (!s->curl || !h2) {
		curl_slist_free_all(h);
		if (s->curl)
			curl_easy_cleanup(s->curl);
		free(s);
		return NULL;
	}
	s->headers = h2;
	CURL *c = s->curl;
	curl_easy_setopt(c, CURLOPT_USERAGENT, user_agent);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, s->headers);
	curl_easy_setopt(c, CURLOPT_COOKIEFILE, ""); /* the cookie engine, in memory, for this session only */
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_s < 15 ? timeout_s : 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	return s;
}

void web_session_free(struct web_session *s)
{
	if (!s)
		return;
	curl_slist_free_all(s->headers);
	curl_easy_cleanup(s->curl);
	free(s);
}

char *web_resolve(const char *base, const char *href)
{
	CURLU *u = curl_url();
	char *got = NULL, *out = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, href, 0) == CURLUE_OK && curl_url_get(u, CURLUPART_URL, &got, 0) == CURLUE_OK)
		out = strdup(got);
	curl_free(got);
	curl_url_cleanup(u);
	return out;
}

/* scheme://host:port of url (malloc'd, lower case from curl), or NULL. */
static char *site_of(const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *out = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK && curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
	    asprintf(&out, "%s://%s:%s", scheme, host, port) < 0)
		out = NULL;
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return out;
}

int web_same_site(const char *a, const char *b)
{
	char *sa = site_of(a), *sb = site_of(b);
	int same = sa && sb && strcasecmp(sa, sb) == 0;
	free(sa);
	free(sb);
	return same;
}

static enum web_transport transport_of(CURLcode code)
{
	switch (code) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
		return WEB_UNREACHED;
	default:
		return WEB_BROKEN;
	}
}

/* One exchange already set up on s->curl (GET or POST), with its redirects. */
static enum foi_status perform(struct web_session *s, const char *url, int is_post, struct web_page *page,
			       enum web_transport *how, char *err, size_t errsz)
{
	memset(page, 0, sizeof *page);
	CURL *c = s->curl;
	char *current = strdup(url);
	if (!current)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	enum foi_status rc = FOI_OK;
	for (int hop = 0;; hop++) {
		struct body_sink sink = {0};
		curl_easy_setopt(c, CURLOPT_URL, current);
		curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
		CURLcode code = curl_easy_perform(c);
		if (code != CURLE_OK) {
			*how = sink.too_big ? WEB_BROKEN : transport_of(code);
			rc = sink.buf.oom ? foi_fail(err, errsz, FOI_E_NOMEM, "out of memory")
				: foi_fail(err, errsz, FOI_E_NET, "%s: %s", current,
					   sink.too_big ? "the page is larger than 8 MB" : curl_easy_strerror(code));
			strbuf_free(&sink.buf);
			break;
		}
		long status = 0;
		char *location = NULL, *type = NULL;
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
		curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
		int redirect = location && (status == 301 || status == 302 || status == 303 ||
					    (!is_post && (status == 307 || status == 308)));
		if (redirect && hop < WEB_MAX_REDIRECTS && web_same_site(current, location)) {
			char *next = strdup(location);
			strbuf_free(&sink.buf);
			free(current);
			current = next;
			if (!current)
				return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			/* After a POST, a browser fetches the redirect's target with GET. */
			curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
			is_post = 0;
			continue;
		}
		if (redirect && !web_same_site(current, location)) {
			*how = WEB_OFFSITE;
			rc = foi_fail(err, errsz, FOI_E_NET, "%s redirects to another site (%s): not followed", current, location);
			strbuf_free(&sink.buf);
			break;
		}
		if (strbuf_reserve(&sink.buf, 0) != 0) {
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
			break;
		}
		page->status = status;
		page->len = sink.buf.len;
		page->body = strbuf_take(&sink.buf);
		page->url = current;
		current = NULL;
		page->type = type ? strdup(type) : NULL;
		*how = WEB_OK;
		break;
	}
	free(current);
	return rc;
}

enum foi_status web_get(struct web_session *s, const char *url, struct web_page *page, enum web_transport *how,
			char *err, size_t errsz)
{
	curl_easy_setopt(s->curl, CURLOPT_HTTPGET, 1L);
	return perform(s, url, 0, page, how, err, errsz);
}

enum foi_status web_post(struct web_session *s, const char *url, const struct web_field *fields, size_t n,
			 int multipart, struct web_page *page, enum web_transport *how, char *err, size_t errsz)
{
	CURL *c = s->curl;
	curl_mime *mime = NULL;
	struct strbuf body = {0};
	enum foi_status rc;
	if (multipart) {
		mime = curl_mime_init(c);
		for (size_t i = 0; mime && i < n; i++) {
			curl_mimepart *part = curl_mime_addpart(mime);
			if (!part || curl_mime_name(part, fields[i].name) != CURLE_OK ||
			    curl_mime_data(part, fields[i].value, CURL_ZERO_TERMINATED) != CURLE_OK) {
				curl_mime_free(mime);
				mime = NULL;
			}
		}
		if (!mime)
			return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
	} else {
		for (size_t i = 0; i < n; i++) {
			char *k = curl_easy_escape(c, fields[i].name, 0), *v = curl_easy_escape(c, fields[i].value, 0);
			if (k && v) {
				if (i)
					strbuf_addc(&body, '&');
				strbuf_adds(&body, k);
				strbuf_addc(&body, '=');
				strbuf_adds(&body, v);
			} else {
				body.oom = 1;
			}
			curl_free(k);
			curl_free(v);
		}
		if (body.oom || strbuf_reserve(&body, 0) != 0) {
			strbuf_free(&body);
			return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
		}
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)body.len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.p);
	}
	rc = perform(s, url, 1, page, how, err, errsz);
	/* Back to a plain GET, so that the handle never points at the freed body. */
	curl_easy_setopt(c, CURLOPT_MIMEPOST, NULL);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
	curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	curl_mime_free(mime);
	strbuf_free(&body);
	return rc;
}
