/*
 * Seeded draws for the round planner: the same seed gives the same plan on every machine.
 *
 * The generator is SplitMix64 (Steele, Lea, Flood 2014), chosen because its output is fully
 * specified by the seed and the sequence of calls, with no dependence on the C library's rand().
 * Bounded draws use rejection so that every value is equally likely.
 */
#ifndef FOI_SCHEDULE_DRAW_H
#define FOI_SCHEDULE_DRAW_H

#include <stddef.h>
#include <stdint.h>

struct draw {
	uint64_t state;
};

void draw_seed(struct draw *d, uint64_t seed);
uint64_t draw_next(struct draw *d);
/* A number in [0, n); n must be at least 1. */
uint64_t draw_below(struct draw *d, uint64_t n);
/* Shuffles n indices (Fisher-Yates) into order[]. */
void draw_permutation(struct draw *d, size_t *order, size_t n);

#endif
