/*
 * Support for the web-form tests: a workspace whose units are the simulator's (their sites on
 * its port, their mailboxes blanked so that every request with a form goes by form), the
 * simulator's own JSON records, the persona values of config.example.ini, and a tiny HTTP site
 * of the test's own that serves one saved page for every GET and counts the POSTs it receives.
 */
#ifndef FOI_TEST_WEB_SUPPORT_H
#define FOI_TEST_WEB_SUPPORT_H

#include <cjson/cJSON.h>
#include <sys/types.h>

#include "tests/unit/sim_support.h"

/* A workspace (foi init) on the sim's port, units reached only by their forms, no politeness
 * gaps; a round r planned (seed 7, from 2023-09-18). */
char *web_workspace(const struct sim *s);

/* GET /_sim/PATH as JSON (state, expect); caller deletes. */
cJSON *sim_json(struct sim *s, const char *path);

/* The unit code in a form's address: http://127.0.0.1:P/C01-02/foi gives C01-02 (static buffer). */
const char *form_unit(const char *address);

/* The persona of config.example.ini named key. */
struct test_persona {
	const char *key, *name, *id_type, *id_number, *phone, *address, *postcode;
};
const struct test_persona *test_persona(const char *key);

/*
 * Asserts that the sim's record of a form submission (its "form" object, by label) holds the
 * request's values (a request of `round show --json`) field by field.
 */
void assert_form_received(const cJSON *record, const cJSON *request);

/* The sim record whose query code is code, or NULL. */
const cJSON *sim_record(const cJSON *state, const char *code);

/* The page site: serves the file at path for every GET, answers every POST with a
 * confirmation page, and counts the POSTs. */
struct page_site {
	pid_t pid;
	unsigned port;
	char *posts; /* a file the site appends a line to per POST */
};
void page_site_start(struct page_site *p, const char *page_path);
void page_site_stop(struct page_site *p);
int page_site_posts(const struct page_site *p);

#endif
