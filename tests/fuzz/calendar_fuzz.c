/* Fuzz target: a holiday calendar (iCalendar text) through the ICS reader and the calendar build. */
#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "schedule/day.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sched_calendar *cal = calendar_new();
	if (!cal)
		return 0;
	struct cal_ics_info info;
	char err[512];
	if (calendar_load_ics_text(cal, (const char *)data, size, "fuzz.ics", &info, err,
				   sizeof err) == 0) {
		/* What a deadline does with a loaded calendar: 20 working days from a covered
		 * year's first day crosses its holidays and adjusted workdays. */
		sched_day d;
		if (info.nyears > 0)
			calendar_nth_working_after(cal, day_from_ymd(info.years[0], 1, 1), 20, &d,
						   err, sizeof err);
	}
	calendar_free(cal);
	return 0;
}
