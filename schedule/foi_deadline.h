/*
 * The statutory deadlines of an FOI application (2019 条例).
 *
 *   §33: reply within 20 working days of receipt; an extension notified to the applicant before
 *        that deadline adds at most 20 working days, counted on from the original deadline;
 *   §30: a request to supplement (补正) must come within 7 working days of receipt; once the
 *        applicant has supplied what was asked, the 20 days run again from the day the unit
 *        received the supplement (and an extension counts on from that new deadline).
 * Time spent consulting third parties (§33) does not count; it is entered by hand elsewhere.
 * All three periods are civil: the receipt day is not counted, each ends at 24:00.
 */
#ifndef FOI_SCHEDULE_FOI_DEADLINE_H
#define FOI_SCHEDULE_FOI_DEADLINE_H

#include <stddef.h>

#include "schedule/calendar.h"
#include "schedule/period.h"
#include "schedule/receipt.h"

#define FOI_REPLY_DAYS 20
#define FOI_EXTENSION_DAYS 20
#define FOI_SUPPLEMENT_NOTICE_DAYS 7

struct foi_deadlines {
	struct receipt application;
	struct period supplement_notice; /* a request to supplement is due before its end */
	int supplemented;                /* 1 when computed after a supplement */
	struct receipt supplement;       /* when supplemented: its receipt */
	struct period reply;             /* the reply is due before its end */
	int has_extended;                /* 0 when the calendar does not reach the extension's end */
	struct period extended;          /* the latest end an extension can give */
	char extended_error[256];        /* why has_extended is 0 (a year with no data) */
};

/*
 * The deadlines for an application received as `application`; pass the supplement's receipt
 * when the applicant supplemented the application, else NULL. A supplement received before
 * the application is an error. The extension's end may lie in a year the calendar has no
 * data for yet: then has_extended is 0 and extended_error says why, while the reply deadline
 * (what matters until an extension is notified) is still given.
 */
int foi_deadlines_compute(const struct sched_calendar *cal, const struct receipt *application,
			  const struct receipt *supplement, struct foi_deadlines *out, char *err, size_t errsz);

#endif
