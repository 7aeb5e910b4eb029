/* Seeded draws: the same seed gives the same sequence everywhere; bounded draws stay in range. */
#include <criterion/criterion.h>
#include <string.h>

#include "schedule/draw.h"

Test(draw, splitmix64_reference_values)
{
	/* The published SplitMix64 sequence for seed 1234567. */
	struct draw d;
	draw_seed(&d, 1234567);
	cr_assert_eq(draw_next(&d), 6457827717110365317ULL);
	cr_assert_eq(draw_next(&d), 3203168211198807973ULL);
	cr_assert_eq(draw_next(&d), 9817491932198370423ULL);
}

Test(draw, same_seed_same_permutation_and_every_index_once)
{
	struct draw a, b;
	size_t pa[36], pb[36];
	int seen[36] = {0};
	draw_seed(&a, 7);
	draw_seed(&b, 7);
	draw_permutation(&a, pa, 36);
	draw_permutation(&b, pb, 36);
	cr_assert_arr_eq(pa, pb, sizeof pa);
	for (int i = 0; i < 36; i++)
		seen[pa[i]]++;
	for (int i = 0; i < 36; i++)
		cr_assert_eq(seen[i], 1);
	draw_seed(&b, 8);
	draw_permutation(&b, pb, 36);
	cr_assert(memcmp(pa, pb, sizeof pa) != 0, "seeds 7 and 8 gave the same order");
}

Test(draw, bounded_draws_cover_the_range)
{
	struct draw d;
	int hits[5] = {0};
	draw_seed(&d, 42);
	for (int i = 0; i < 5000; i++) {
		uint64_t x = draw_below(&d, 5);
		cr_assert_lt(x, 5);
		hits[x]++;
	}
	for (int i = 0; i < 5; i++)
		cr_assert_gt(hits[i], 800, "value %d drawn %d times of 5000", i, hits[i]);
}
