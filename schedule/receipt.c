/* Receipt dates by channel and the two settings (see receipt.h). */
#include "schedule/receipt.h"

#include <stdio.h>
#include <string.h>

static const char *const channel_names[] = {
	[SCHED_CHANNEL_WEB] = "web",         [SCHED_CHANNEL_EMAIL] = "email",
	[SCHED_CHANNEL_FAX] = "fax",         [SCHED_CHANNEL_IN_PERSON] = "in-person",
	[SCHED_CHANNEL_POST] = "post",
};

int sched_channel_parse(const char *name, enum sched_channel *out)
{
	for (size_t i = 0; i < sizeof channel_names / sizeof channel_names[0]; i++)
		if (strcmp(name, channel_names[i]) == 0) {
			*out = (enum sched_channel)i;
			return 0;
		}
	return -1;
}

const char *sched_channel_name(enum sched_channel ch)
{
	return (size_t)ch < sizeof channel_names / sizeof channel_names[0] ? channel_names[ch] : "?";
}

int receipt_rest_rule_parse(const char *name, enum receipt_rest_rule *out)
{
	if (strcmp(name, "next_working_day") == 0)
		*out = RECEIPT_REST_NEXT_WORKING_DAY;
	else if (strcmp(name, "same_day") == 0)
		*out = RECEIPT_REST_SAME_DAY;
	else
		return -1;
	return 0;
}

const char *receipt_rest_rule_name(enum receipt_rest_rule rule)
{
	return rule == RECEIPT_REST_SAME_DAY ? "same_day" : "next_working_day";
}

int receipt_cutoff_parse(const char *text, int *cutoff_sec)
{
	int h, m, n = 0;
	if (strcmp(text, "none") == 0 || *text == '\0') {
		*cutoff_sec = -1;
		return 0;
	}
	if (sscanf(text, "%2d:%2d%n", &h, &m, &n) != 2 || text[n] != '\0' || h < 0 || h > 23 || m < 0 ||
	    m > 59)
		return -1;
	*cutoff_sec = h * 3600 + m * 60;
	return 0;
}

static int electronic(enum sched_channel ch)
{
	return ch == SCHED_CHANNEL_WEB || ch == SCHED_CHANNEL_EMAIL || ch == SCHED_CHANNEL_FAX;
}

int receipt_date(const struct sched_calendar *cal, const struct receipt_rules *rules,
		 enum sched_channel channel, struct sched_instant submitted, struct receipt *out,
		 char *err, size_t errsz)
{
	int working;
	if (calendar_check_working(cal, submitted.day, &working, err, errsz) != 0)
		return -1;
	out->submitted = submitted;
	out->channel = channel;
	out->day = submitted.day;
	if (!electronic(channel)) {
		out->reason = RECEIPT_AS_DELIVERED;
		return 0;
	}
	if (rules->cutoff_sec >= 0 && submitted.sec >= rules->cutoff_sec) {
		out->reason = RECEIPT_AFTER_CUTOFF;
		return calendar_nth_working_after(cal, submitted.day, 1, &out->day, err, errsz);
	}
	if (working) {
		out->reason = RECEIPT_WORKING_DAY;
		return 0;
	}
	if (rules->on_rest_day == RECEIPT_REST_SAME_DAY) {
		out->reason = RECEIPT_REST_DAY_KEPT;
		return 0;
	}
	out->reason = RECEIPT_REST_DAY_MOVED;
	return calendar_nth_working_after(cal, submitted.day, 1, &out->day, err, errsz);
}

const char *receipt_reason_code(enum receipt_reason reason)
{
	switch (reason) {
	case RECEIPT_AS_DELIVERED:
		return "delivered";
	case RECEIPT_WORKING_DAY:
		return "working_day";
	case RECEIPT_REST_DAY_MOVED:
		return "rest_day_moved";
	case RECEIPT_REST_DAY_KEPT:
		return "rest_day_kept";
	case RECEIPT_AFTER_CUTOFF:
		return "after_cutoff";
	}
	return "?";
}

void receipt_reason_text(const struct receipt *r, const struct receipt_rules *rules, char *out,
			 size_t outsz)
{
	switch (r->reason) {
	case RECEIPT_AS_DELIVERED:
		snprintf(out, outsz, "%s: the day of delivery",
			 r->channel == SCHED_CHANNEL_POST ? "by post" : "in person");
		break;
	case RECEIPT_WORKING_DAY:
		snprintf(out, outsz, "submitted on a working day");
		break;
	case RECEIPT_REST_DAY_MOVED:
		snprintf(out, outsz, "submitted on a rest day (%s); received the next working day",
			 day_weekday_name(r->submitted.day));
		break;
	case RECEIPT_REST_DAY_KEPT:
		snprintf(out, outsz, "submitted on a rest day (%s); received that day (receipt_on_rest_day = same_day)",
			 day_weekday_name(r->submitted.day));
		break;
	case RECEIPT_AFTER_CUTOFF:
		snprintf(out, outsz, "submitted after the %02d:%02d office-hours cutoff; received the next working day",
			 rules->cutoff_sec / 3600, rules->cutoff_sec / 60 % 60);
		break;
	}
}
