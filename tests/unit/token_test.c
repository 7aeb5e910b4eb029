/* Tokens are fresh, well-formed, and found again in the reply address a unit writes to. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "harness/mail/token.h"

Test(token, new_tokens_are_valid_and_different)
{
	char a[TOKEN_LEN + 1], b[TOKEN_LEN + 1], err[256];
	cr_assert_eq(token_new(a, err, sizeof err), 0, "%s", err);
	cr_assert_eq(token_new(b, err, sizeof err), 0, "%s", err);
	cr_assert(token_valid(a) && token_valid(b));
	cr_assert_str_neq(a, b);
}

Test(token, found_in_a_plus_address_whatever_the_case)
{
	char t[TOKEN_LEN + 1], got[TOKEN_LEN + 1], err[256], addr[128];
	cr_assert_eq(token_new(t, err, sizeof err), 0);
	snprintf(addr, sizeof addr, "evaluator+%s@foi.test", t);
	cr_assert(token_find_in_address(addr, "+", got));
	cr_assert_str_eq(got, t);
	/* Some mail systems upper-case the local part. */
	for (char *p = addr; *p != '@'; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	cr_assert(token_find_in_address(addr, "+", got));
	cr_assert_str_eq(got, t);
}

Test(token, not_found_where_there_is_none)
{
	char got[TOKEN_LEN + 1];
	cr_assert_not(token_find_in_address("evaluator@foi.test", "+", got));
	cr_assert_not(token_find_in_address("evaluator+short@foi.test", "+", got));
	cr_assert_not(token_find_in_address("evaluator+abcdefghijklmnop1@foi.test", "+", got)); /* '1' is not base32 */
	cr_assert_not(token_find_in_address("no-at-sign+abcdefghijklmnop", "+", got));
}

/*
 * The promised entropy (token.h: 16 characters of a 32-letter alphabet, 80 bits) needs every
 * letter of the alphabet, equally often, in every position. Over 4096 tokens each of the 32
 * letters is expected 128 times per position; a letter never seen in a position, one seen far
 * off its share overall, or two positions that agree too often mean bits are lost (a test that
 * fails by chance once in far more than 10^20 runs).
 */
Test(token, tokens_use_the_whole_alphabet_in_every_position)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
	enum { TOKENS = 4096, LETTERS = 32 };
	static unsigned seen[TOKEN_LEN][LETTERS], same[TOKEN_LEN][TOKEN_LEN];
	unsigned total[LETTERS] = {0};
	char t[TOKEN_LEN + 1], err[256];
	cr_assert_eq(TOKEN_LEN * 5, 80, "16 base32 characters carry the 80 bits token.h states");
	for (int i = 0; i < TOKENS; i++) {
		cr_assert_eq(token_new(t, err, sizeof err), 0, "%s", err);
		cr_assert_eq(strlen(t), TOKEN_LEN);
		for (int p = 0; p < TOKEN_LEN; p++) {
			const char *at = strchr(alphabet, t[p]);
			cr_assert(t[p] && at, "token %s has '%c', not of the alphabet", t, t[p]);
			seen[p][at - alphabet]++;
			total[at - alphabet]++;
			for (int q = 0; q < p; q++)
				same[p][q] += t[p] == t[q];
		}
	}
	/* Positions are independent: two of them agree in one token of 32 (128 times), never in
	 * twice that many, as they would if one random byte fed two characters. */
	for (int p = 0; p < TOKEN_LEN; p++)
		for (int q = 0; q < p; q++)
			cr_assert_lt(same[p][q], 256, "positions %d and %d agree in %u of %d tokens", q, p, same[p][q], TOKENS);
	for (int c = 0; c < LETTERS; c++) {
		for (int p = 0; p < TOKEN_LEN; p++)
			cr_assert_gt(seen[p][c], 0, "'%c' never stands at position %d in %d tokens", alphabet[c], p, TOKENS);
		/* 2048 expected, standard deviation about 45: 1536..2560 is more than eleven of them. */
		cr_assert(total[c] > 1536 && total[c] < 2560, "'%c' appears %u times in %d tokens, 2048 expected",
			  alphabet[c], total[c], TOKENS);
	}
}
