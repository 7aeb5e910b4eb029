/* The day-by-day difference of two calendars (see calendar_diff.h). */
#include "schedule/calendar_diff.h"

#include <stdio.h>
#include <stdlib.h>

int calendar_diff(const struct sched_calendar *before, const struct sched_calendar *after, sched_day from,
		  sched_day through, struct cal_change **out, size_t *count, char *err, size_t errsz)
{
	*out = NULL;
	*count = 0;
	if (through < from)
		return 0;
	struct cal_change *list = NULL;
	size_t n = 0, cap = 0;
	for (sched_day d = from; d <= through; d++) {
		int a = calendar_is_working(before, d), b = calendar_is_working(after, d);
		if (a == b)
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 64;
			struct cal_change *p = realloc(list, c * sizeof *p);
			if (!p) {
				free(list);
				snprintf(err, errsz, "out of memory");
				return -1;
			}
			list = p;
			cap = c;
		}
		struct cal_day_info info;
		char ignored[8];
		list[n++] = (struct cal_change){
			.day = d,
			.before = a,
			.after = b,
			.mark = b != CAL_NO_DATA && calendar_day_info(after, d, &info, ignored, sizeof ignored) == 0 ? info.mark
														   : NULL,
		};
	}
	*out = list;
	*count = n;
	return 0;
}

const char *cal_answer_name(int answer)
{
	return answer == 1 ? "working" : answer == 0 ? "rest" : "no data";
}
