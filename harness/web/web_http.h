/*
 * HTTP for the units' web forms, on libcurl: one session per unit and form, whose cookie
 * engine keeps what the site sets (a JSESSIONID with its CSRF token) from the GET of the form
 * to the POST of the submission. Requests carry the browser-like User-Agent and
 * Accept-Language of foi.ini's [send]; redirects are followed by hand, and only within the
 * site (same scheme, host and port): a form that sends the browser elsewhere is evidence, not
 * a place to post an application to.
 */
#ifndef FOI_WEB_HTTP_H
#define FOI_WEB_HTTP_H

#include <stddef.h>

#include "harness/status.h"

struct web_session;

/* What a request got back. body is NUL-terminated (len without it); url is where it ended. */
struct web_page {
	long status;
	char *body;
	size_t len;
	char *url;
	char *type;       /* Content-Type, or NULL */
};
void web_page_free(struct web_page *p);

/* How a request failed at the transport, so that the caller can tell "nothing reached the
 * server" from "the server may have it". */
enum web_transport {
	WEB_OK,           /* a response was read (any status) */
	WEB_UNREACHED,    /* no connection: nothing was sent */
	WEB_BROKEN,       /* sent, then the answer never came whole (timeout, reset) */
	WEB_OFFSITE,      /* a redirect to another site, not followed */
};

struct web_session *web_session_new(const char *user_agent, const char *accept_language, long timeout_s);
void web_session_free(struct web_session *s);

/* One field of a submission. */
struct web_field {
	const char *name, *value;
};

/* GET url. On WEB_OK page is filled; otherwise err says why. FOI_E_NOMEM only for memory. */
enum foi_status web_get(struct web_session *s, const char *url, struct web_page *page, enum web_transport *how,
			char *err, size_t errsz);

/* POST fields to url, urlencoded or multipart/form-data; a 301/302/303 answer is followed by a GET. */
enum foi_status web_post(struct web_session *s, const char *url, const struct web_field *fields, size_t n,
			 int multipart, struct web_page *page, enum web_transport *how, char *err, size_t errsz);

/* The absolute URL of href as seen from base (malloc'd), or NULL when it cannot be one. */
char *web_resolve(const char *base, const char *href);

/* 1 when a and b are on the same site (scheme, host and port). */
int web_same_site(const char *a, const char *b);

#endif
