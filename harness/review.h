/*
 * Reviewers' decisions on a request's items.
 *
 * The automatic findings of a reply (harness/grading.h) are suggestions. A reviewer confirms
 * or overrides each item: pass, fail, or na (not applicable). A decision records who made it,
 * when, the automatic result it was made on (the grading shown), a note, and the decision it
 * replaces: a decision is never overwritten, and the log shows every change in order.
 *
 * An item is pending while it has no decision, or when its decision was made on an older
 * grading whose automatic result differs from the current one (the reviewer must look again).
 * The current grading of a request is its latest final reply's, by the newest grader version.
 */
#ifndef FOI_HARNESS_REVIEW_H
#define FOI_HARNESS_REVIEW_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

struct review_item {
	char *item;
	char *automatic;  /* pass | fail | unknown */
	char *evidence;
	/* the decision in force, or decision == "" */
	char *decision;   /* pass | fail | na */
	char *reviewer, *decided_at, *note;
	int stale;        /* made on another grading whose automatic result differs */
	int pending;      /* no decision, or a stale one */
};

struct review_request {
	int64_t request_id;
	char *round, *unit, *kind, *channel;
	/* what was sent: the request's text and where it went, and when the send was confirmed
	 * ("" when it has not been) */
	char *unit_name, *address, *subject, *body, *sent_at;
	int64_t grading_id;   /* 0: the request has no graded reply */
	int64_t event_id;
	char *grader_version, *graded_at, *letter_kind, *reply_type, *source, *text, *replied_at;
	struct review_item *items;
	size_t nitems;
};

/* A request with its current grading and the decisions in force. FOI_E_NOT_FOUND for no such
 * request. */
enum foi_status review_load(sqlite3 *db, int64_t request_id, struct review_request *out, char *err, size_t errsz);
void review_request_free(struct review_request *r);

/* The decision replaced by a new one, for telling the reviewer what changed. */
struct review_previous {
	int had;
	char result[8];
	char reviewer[128];
	char at[40];
};

/*
 * Records reviewer's decision (pass | fail | na) on item of the request's current grading,
 * with note, in one transaction with a journal line. FOI_E_NOT_FOUND when the request or the
 * item is not there (err lists the items), FOI_E_DATA for a bad result, FOI_E_USAGE when the
 * request has no graded reply yet.
 */
enum foi_status review_decide(sqlite3 *db, int64_t request_id, const char *item, const char *result,
			      const char *note, const char *reviewer, struct review_previous *prev, char *err,
			      size_t errsz);

/*
 * Confirms, item by item, the automatic results of the current grading as they are, for every
 * pending item that is pass or fail; unknown items stay pending (a reviewer must decide them).
 * *accepted and *left_unknown count them. One transaction.
 */
enum foi_status review_accept(sqlite3 *db, int64_t request_id, const char *reviewer, int *accepted,
			      int *left_unknown, char *err, size_t errsz);

/* One line of a request's review log. */
struct review_log_entry {
	char *at, *who, *what;
};

/* Every grading, decision and change of an event's kind, in order of time. */
enum foi_status review_log(sqlite3 *db, int64_t request_id, struct review_log_entry **out, size_t *n, char *err,
			   size_t errsz);
void review_log_free(struct review_log_entry *e, size_t n);

/* The requests of a round with a graded reply, for `foi review list`. */
struct review_summary {
	int64_t request_id;
	char *unit, *kind, *letter_kind, *reply_type;
	int items, pass, fail, unknown, decided, pending;
};
enum foi_status review_round(sqlite3 *db, const char *round, const char *only_unit, struct review_summary **out,
			     size_t *n, char *err, size_t errsz);
void review_summary_free(struct review_summary *s, size_t n);

#endif
