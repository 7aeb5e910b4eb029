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
