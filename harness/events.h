/*
 * Events: what happened to a request after it was sent.
 *
 * An event is an acknowledgement, a supplement request, the applicant's supplement (supplied),
 * an extension notice, a final reply, a bounce or an auto-reply, with the moment it happened
 * (ISO 8601 with offset), the channel it came by, and its source: a message matched in the
 * inbox (with the evidence of the match), an answer published on the unit's website, or an
 * entry by hand. A request's reply state and its deadlines are derived from its events and the
 * clock (schedule/), never stored beside them. Events are added inside the caller's transaction,
 * so that a message and the event it makes are stored together or not at all.
 *
 * The kind first recorded is a suggestion (from the grader's reading of the letter); a reviewer
 * may change it, and each change is kept in event_kind_changes with who and when.
 */
#ifndef FOI_EVENTS_H
#define FOI_EVENTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"

/* The kinds, as stored. */
enum event_kind {
	EVENT_ACK,
	EVENT_SUPPLEMENT,
	EVENT_SUPPLIED,
	EVENT_EXTENSION,
	EVENT_FINAL,
	EVENT_BOUNCE,
	EVENT_AUTO_REPLY,
};

/* "ack", "supplement", "supplied", "extension", "final", "bounce", "auto-reply". */
const char *event_kind_name(enum event_kind kind);
/* 0 and *kind set when name is one of the names above, else -1. */
int event_kind_parse(const char *name, enum event_kind *kind);

struct event_new {
	int64_t request_id;
	enum event_kind kind;
	const char *at;          /* when it happened: ISO 8601 with offset */
	const char *channel;     /* email | web | post | phone | in-person */
	const char *source;      /* inbox | web | hand */
	int64_t message;         /* messages.id for source inbox, else 0 */
	const char *evidence;    /* how it was matched or who entered it; "" for none */
	const char *letter;      /* SHA-256 (store/) of the letter file, or "" */
	const char *text;        /* the reply's text as read, or "" */
	const char *recorded_by; /* the person who entered it, or "" */
};

/* Adds one event inside the caller's transaction; *id gets its id (id may be NULL).
 * FOI_E_NOT_FOUND when the request does not exist, FOI_E_DATA for a bad channel or source. */
enum foi_status events_add(sqlite3 *db, const struct event_new *ev, int64_t *id, char *err, size_t errsz);

/* One stored event; the strings are owned by the list. */
struct event_row {
	int64_t id;
	int64_t request_id;
	enum event_kind kind;
	char *at;
	char *channel;
	char *source;
	int64_t message;
	char *evidence;
	char *letter;
	char *text;
	char *recorded_at;
	char *recorded_by;
};

struct event_list {
	struct event_row *rows;
	size_t count;
};

/* One event by its id; FOI_E_NOT_FOUND when there is none. Free with event_row_free. */
enum foi_status events_get(sqlite3 *db, int64_t id, struct event_row *out, char *err, size_t errsz);
void event_row_free(struct event_row *r);

/*
 * A reviewer's correction of an event's kind, inside the caller's transaction: the event gets
 * the new kind and event_kind_changes a row with who, when (the clock) and the kind before.
 * FOI_E_NOT_FOUND for no such event, FOI_E_DATA when it already has that kind or who is empty.
 */
enum foi_status events_change_kind(sqlite3 *db, int64_t id, enum event_kind kind, const char *who, char *err,
				   size_t errsz);

/* One recorded change of kind. */
struct event_kind_change {
	char *at, *who, *before, *after;
};
/* The changes of an event's kind, oldest first; free with event_kind_changes_free. */
enum foi_status events_kind_changes(sqlite3 *db, int64_t id, struct event_kind_change **out, size_t *n, char *err,
				    size_t errsz);
void event_kind_changes_free(struct event_kind_change *c, size_t n);

/* Every event of a request, oldest first (by at, then id). */
enum foi_status events_for_request(sqlite3 *db, int64_t request_id, struct event_list *out, char *err, size_t errsz);
void event_list_free(struct event_list *list);

#endif
