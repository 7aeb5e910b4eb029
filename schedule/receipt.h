/*
 * The receipt date of an application or question: the day its period counts from.
 *
 * 条例 §31: handed in person, the day it is handed in; by post, the day it is signed for;
 * by internet channel or fax, the day both sides confirm. foi takes the moment of submission
 * for web forms, e-mail and fax (the evaluator's own record), and two settings decide what
 * happens when that moment is outside office time:
 *   receipt_on_rest_day = next_working_day (default): submitted on a rest day, received on
 *     the next working day; = same_day: received that day, rest day or not;
 *   office-hours cutoff (default none): submitted at or after the cutoff, on any day,
 *     received on the next working day.
 * For in-person and postal delivery the given day is the receipt day as the law fixes it;
 * the settings do not move it.
 */
#ifndef FOI_SCHEDULE_RECEIPT_H
#define FOI_SCHEDULE_RECEIPT_H

#include <stddef.h>

#include "schedule/calendar.h"
#include "schedule/day.h"

enum sched_channel {
	SCHED_CHANNEL_WEB,
	SCHED_CHANNEL_EMAIL,
	SCHED_CHANNEL_FAX,
	SCHED_CHANNEL_IN_PERSON,
	SCHED_CHANNEL_POST,
};

enum receipt_rest_rule {
	RECEIPT_REST_NEXT_WORKING_DAY,
	RECEIPT_REST_SAME_DAY,
};

struct receipt_rules {
	enum receipt_rest_rule on_rest_day;
	int cutoff_sec; /* seconds after midnight; -1 for no cutoff */
};

#define RECEIPT_RULES_DEFAULT ((struct receipt_rules){RECEIPT_REST_NEXT_WORKING_DAY, -1})

/* Why the receipt day is what it is. */
enum receipt_reason {
	RECEIPT_AS_DELIVERED,  /* in person or by post: the day of delivery */
	RECEIPT_WORKING_DAY,   /* submitted on a working day (before any cutoff) */
	RECEIPT_REST_DAY_MOVED,/* submitted on a rest day; moved to the next working day */
	RECEIPT_REST_DAY_KEPT, /* submitted on a rest day; kept (receipt_on_rest_day = same_day) */
	RECEIPT_AFTER_CUTOFF,  /* submitted after the office-hours cutoff; next working day */
};

struct receipt {
	struct sched_instant submitted;
	enum sched_channel channel;
	sched_day day;
	enum receipt_reason reason;
};

/* "web", "email", "fax", "in-person", "post"; 0 on success. */
int sched_channel_parse(const char *name, enum sched_channel *out);
const char *sched_channel_name(enum sched_channel ch);
/* "next_working_day" | "same_day"; 0 on success. */
int receipt_rest_rule_parse(const char *name, enum receipt_rest_rule *out);
const char *receipt_rest_rule_name(enum receipt_rest_rule rule);
/* "HH:MM" into seconds after midnight, or "none" into -1; 0 on success. */
int receipt_cutoff_parse(const char *text, int *cutoff_sec);

int receipt_date(const struct sched_calendar *cal, const struct receipt_rules *rules,
		 enum sched_channel channel, struct sched_instant submitted, struct receipt *out,
		 char *err, size_t errsz);

/* One line for people: "submitted on a rest day (Saturday); received the next working day". */
void receipt_reason_text(const struct receipt *r, const struct receipt_rules *rules, char *out,
			 size_t outsz);
/* A stable word for programs: "delivered", "working_day", "rest_day_moved", ... */
const char *receipt_reason_code(enum receipt_reason reason);

#endif
