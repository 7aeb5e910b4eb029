/*
 * Replies entered by hand: a letter by post, a phone call, an answer read on a website, the
 * applicant's supplement, and a reviewer's correction of a reply's kind.
 *
 * Each becomes an event (harness/events.h) with source "hand" and who entered it, in one
 * transaction with a journal line. A letter file is kept in store/ by its SHA-256 and its text
 * read with the grader's letter reader (harness/mail/letter_file.h), so that a letter by post
 * is graded like one by mail. A reply is refused for a request that was never sent, before its
 * sending, or after now: the clock (schedule/request_state.h) would count it wrongly.
 */
#ifndef FOI_REPLIES_H
#define FOI_REPLIES_H

#include <stddef.h>
#include <stdint.h>

#include "harness/events.h"
#include "harness/status.h"
#include "harness/workspace.h"

struct reply_entry {
	int64_t request_id;
	enum event_kind kind;
	const char *received; /* 'YYYY-MM-DD HH:MM' in the workspace zone */
	const char *channel;  /* post | phone | web | in-person | email; NULL: for "supplied" the request's
			       * own channel, else post */
	const char *letter;   /* a letter file, or NULL */
	const char *who;      /* who entered it, or "" */
};

struct reply_added {
	int64_t event_id;
	char at[32];            /* ISO 8601 */
	char channel[16];
	char letter[65];        /* the letter's SHA-256, or "" */
	char *letter_problem;   /* why the letter's text could not be read (the event is stored anyway), or NULL */
};

/*
 * Adds the event. FOI_E_USAGE for a malformed time, FOI_E_NOT_FOUND for no such request,
 * FOI_E_DATA for a request not sent, a time before its sending or after now, a supplement for
 * a question or one with no request to supplement before it; FOI_E_IO when the letter cannot
 * be read. Free out->letter_problem.
 */
enum foi_status replies_add(struct workspace *ws, const struct reply_entry *e, struct reply_added *out, char *err,
			    size_t errsz);

/* A reviewer's change of an event's kind (events_change_kind), committed with a journal line. */
enum foi_status replies_change_kind(struct workspace *ws, int64_t event_id, enum event_kind kind, const char *who,
				    char *err, size_t errsz);

/* Who records a decision: --reviewer when given, else FOI_REVIEWER, else [review] reviewer; "" for none. */
const char *replies_who(const struct workspace *ws, const char *given);

#endif
