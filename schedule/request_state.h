/*
 * A request's state, derived from how its sending ended, its events and the clock; never stored.
 *
 * The rules are DOMAIN.md "Time", "Deadlines" and "Replies and their kinds" (schedule/README.md,
 * "A request's state", with their legal sources):
 *   FOI application (条例 §30, §31, §33): received by the receipt rules, answered within 20
 *     working days; an extension notified before the deadline adds 20 counted on from it; a
 *     request to supplement within 7 working days stops the clock, and the 20 days run again
 *     from the day the supplement was received; one later than that changes nothing;
 *   question (the 2023 scheme, 在线咨询): bands at 1 and 5 working days, on the civil clock or
 *     the elapsed one (consult_clock);
 *   a reply on a rest day follows reply_on_rest_day, alike for both.
 * A bounce marks the channel failed (not a reply); an auto-reply is no acknowledgement.
 *
 * The result says what the state is, the current deadline, what comes next and by when, and
 * explains in lines for people how each date was worked out.
 */
#ifndef FOI_SCHEDULE_REQUEST_STATE_H
#define FOI_SCHEDULE_REQUEST_STATE_H

#include <stddef.h>

#include "schedule/calendar.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

enum request_kind { REQUEST_KIND_FOI, REQUEST_KIND_CONSULT };

/* How sending ended, as the outbox recorded it. */
enum send_outcome {
	SEND_NOT_YET,  /* planned (or waiting for a channel) */
	SEND_DONE,     /* sent: sent_at is when */
	SEND_FAILED,
	SEND_UNKNOWN,  /* may have gone out; a person must say */
};

enum request_event_kind {
	REQ_EVENT_ACK,
	REQ_EVENT_SUPPLEMENT, /* the unit asks the applicant to supplement (补正告知书) */
	REQ_EVENT_SUPPLIED,   /* the unit received the applicant's supplement */
	REQ_EVENT_EXTENSION,  /* 延期答复告知书 */
	REQ_EVENT_FINAL,
	REQ_EVENT_BOUNCE,
	REQ_EVENT_AUTO_REPLY,
};

struct request_event {
	long long id;
	enum request_event_kind kind;
	struct sched_instant at;
	enum sched_channel channel; /* how it came (receipt of a supplement follows it) */
};

enum request_state {
	RSTATE_PLANNED,
	RSTATE_SEND_FAILED,
	RSTATE_OUTCOME_UNKNOWN,
	RSTATE_SENT,
	RSTATE_ACKNOWLEDGED,
	RSTATE_SUPPLEMENT_REQUESTED,
	RSTATE_SUPPLIED,
	RSTATE_EXTENDED,
	RSTATE_ANSWERED_IN_TIME,
	RSTATE_ANSWERED_LATE,
	RSTATE_OVERDUE,
	RSTATE_BOUNCED,
};

struct request_facts {
	enum request_kind kind;
	enum send_outcome sent;
	enum sched_channel channel;       /* how it was sent */
	struct sched_instant sent_at;     /* with SEND_DONE */
	const struct request_event *events; /* oldest first */
	size_t nevents;
	struct sched_instant now;
	struct receipt_rules receipt_rules;
	enum reply_rest_rule rest_rule;
	enum sched_clock consult_clock;
};

struct request_status {
	enum request_state state;
	int has_receipt;
	struct receipt receipt;       /* of the request as sent */
	int has_deadline;
	struct period deadline;       /* what the next reply is due before: the final reply (FOI), the band
				       * now running (question); none while the clock is stopped or after
				       * the final reply */
	int supplement_in_time;       /* FOI: -1 no supplement request, 1 within 7 working days, 0 later */
	int extended;                 /* FOI: an extension notified in time */
	int replied;                  /* a final reply came */
	struct sched_instant replied_at;
	int days_taken;               /* working days the final reply took (civil: from the receipt, or from
				       * the supplement's receipt) */
	int has_band;                 /* question with a final reply */
	enum consult_band band;
	const char *next;             /* what comes next, for people */
	int has_next_by;
	struct sched_instant next_by; /* exclusive end: next is due before it */
	char **lines;                 /* the explanation, in order */
	size_t nlines;
};

/* "planned", "send-failed", ..., "answered-in-time", "answered-late", "overdue", "bounced". */
const char *request_state_name(enum request_state s);
const char *request_event_kind_name(enum request_event_kind k);

/*
 * Derives the status of one request. Fails (err filled) only when the calendar cannot answer
 * (a year without data) or memory runs out; an event before the sending is explained and left
 * out of the count.
 */
int request_status_derive(const struct sched_calendar *cal, const struct request_facts *f,
			  struct request_status *out, char *err, size_t errsz);
void request_status_free(struct request_status *s);

#endif
