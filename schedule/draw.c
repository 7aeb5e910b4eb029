/* Seeded draws (SplitMix64) for the round planner (see draw.h). */
#include "schedule/draw.h"

void draw_seed(struct draw *d, uint64_t seed)
{
	d->state = seed;
}

uint64_t draw_next(struct draw *d)
{
	uint64_t z = (d->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t draw_below(struct draw *d, uint64_t n)
{
	/* Reject the top sliver that would make small values more likely than large ones. */
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = draw_next(d);
	while (x >= limit);
	return x % n;
}

void draw_permutation(struct draw *d, size_t *order, size_t n)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)draw_below(d, i);
		size_t t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}
