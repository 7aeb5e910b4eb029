/*
 * Calendar benchmark: operations per second of the two questions every deadline asks
 * (is this a working day? which is the n-th working day after this one?) over every day of
 * the shipped calendar's years, and the memory a loaded calendar holds.
 * Target: over 20 million operations per second on one core. Exits 1 below target.
 */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"

#define TARGET_OPS 20e6
#define MIN_SECONDS 0.5

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct sched_calendar *load_shipped(size_t *heap_bytes)
{
	const char *dir = getenv("FOI_DATADIR");
	if (!dir || !*dir)
		dir = FOI_DATADIR;
	struct mallinfo2 before = mallinfo2();
	struct sched_calendar *cal = calendar_new();
	char err[1024];
	for (int y = 2023; y <= 2026; y++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/schedule/holidays/%d.ics", dir, y);
		if (!cal || calendar_load_ics_file(cal, path, NULL, err, sizeof err) != 0) {
			fprintf(stderr, "calendar_bench: %s\n", cal ? err : "out of memory");
			exit(1);
		}
	}
	struct mallinfo2 after = mallinfo2();
	*heap_bytes = after.uordblks - before.uordblks;
	return cal;
}

int main(void)
{
	size_t heap;
	struct sched_calendar *cal = load_shipped(&heap);
	sched_day first = day_from_ymd(2023, 1, 1), last = day_from_ymd(2026, 12, 31);
	/* n-th working day after: keep n <= 40 and start early enough to stay inside 2026. */
	sched_day nth_last = day_from_ymd(2026, 10, 31);
	int32_t span = last - first + 1, nth_span = nth_last - first + 1;

	/* is-working-day, over every covered day, round after round. */
	uint64_t ops = 0, working = 0;
	double t0 = now(), t;
	do {
		for (int round = 0; round < 1000; round++)
			for (int32_t i = 0; i < span; i++)
				working += (uint64_t)calendar_is_working(cal, first + i);
		ops += (uint64_t)span * 1000;
		t = now() - t0;
	} while (t < MIN_SECONDS);
	double is_working_rate = (double)ops / t;
	if (working != ops / (uint64_t)span * (249 + 251 + 248 + 248)) {
		fprintf(stderr, "calendar_bench: wrong answers (%llu working of %llu)\n", (unsigned long long)working,
			(unsigned long long)ops);
		return 1;
	}

	/* n-th working day after, n from 1 to 40, from every day. */
	uint64_t nops = 0, sum = 0;
	char err[256];
	t0 = now();
	do {
		for (int round = 0; round < 100; round++)
			for (int32_t i = 0; i < nth_span; i++) {
				sched_day out;
				int n = 1 + (int)((i + round) % 40);
				if (calendar_nth_working_after(cal, first + i, n, &out, err, sizeof err) != 0) {
					fprintf(stderr, "calendar_bench: %s\n", err);
					return 1;
				}
				sum += (uint64_t)(out - first);
			}
		nops += (uint64_t)nth_span * 100;
		t = now() - t0;
	} while (t < MIN_SECONDS);
	double nth_rate = (double)nops / t;

	printf("calendar_bench: covered years 2023-2026 (%d days)\n", span);
	printf("  is-working-day           %8.1f million/s\n", is_working_rate / 1e6);
	printf("  nth-working-day-after    %8.1f million/s   (n = 1..40; checksum %llu)\n", nth_rate / 1e6,
	       (unsigned long long)(sum % 1000003));
	printf("  loaded calendar memory   %8zu bytes (tables, marks and strings)\n", calendar_memory(cal));
	printf("  heap growth over loading %8zu bytes (the calendar plus what libical keeps for itself)\n", heap);
	calendar_free(cal);
	if (is_working_rate < TARGET_OPS || nth_rate < TARGET_OPS) {
		fprintf(stderr, "calendar_bench: below the target of %.0f million operations per second\n", TARGET_OPS / 1e6);
		return 1;
	}
	printf("  target (> %.0f million/s on one core): met\n", TARGET_OPS / 1e6);
	return 0;
}
