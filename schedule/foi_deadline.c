/* FOI application deadlines (see foi_deadline.h). */
#include "schedule/foi_deadline.h"

#include <stdio.h>
#include <string.h>

int foi_deadlines_compute(const struct sched_calendar *cal, const struct receipt *application,
			  const struct receipt *supplement, struct foi_deadlines *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	out->application = *application;
	if (period_after_day(cal, application->day, FOI_SUPPLEMENT_NOTICE_DAYS, &out->supplement_notice, err,
			     errsz) != 0)
		return -1;
	sched_day from = application->day;
	if (supplement) {
		if (supplement->day < application->day) {
			snprintf(err, errsz, "the supplement was received before the application");
			return -1;
		}
		out->supplemented = 1;
		out->supplement = *supplement;
		from = supplement->day;
	}
	if (period_after_day(cal, from, FOI_REPLY_DAYS, &out->reply, err, errsz) != 0)
		return -1;
	out->has_extended = period_after_day(cal, out->reply.last_day, FOI_EXTENSION_DAYS, &out->extended,
					     out->extended_error, sizeof out->extended_error) == 0;
	return 0;
}
