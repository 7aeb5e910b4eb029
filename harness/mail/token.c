/* Request tokens from getrandom, in base32 (see token.h). */
#include "harness/mail/token.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

int token_new(char out[TOKEN_LEN + 1], char *err, size_t errsz)
{
	unsigned char raw[TOKEN_LEN];
	ssize_t got;
	do
		got = getrandom(raw, sizeof raw, 0);
	while (got < 0 && errno == EINTR);
	if (got != (ssize_t)sizeof raw) {
		snprintf(err, errsz, "no random bytes for a token: %s", got < 0 ? strerror(errno) : "short read");
		return -1;
	}
	/* 5 bits per character from each byte's low bits: 16 x 5 = 80 bits. */
	for (int i = 0; i < TOKEN_LEN; i++)
		out[i] = alphabet[raw[i] & 31];
	out[TOKEN_LEN] = '\0';
	return 0;
}

int token_valid(const char *text)
{
	if (strlen(text) != TOKEN_LEN)
		return 0;
	for (const char *p = text; *p; p++)
		if (!strchr(alphabet, *p) || !*p)
			return 0;
	return 1;
}

int token_find_in_address(const char *address, const char *delim, char out[TOKEN_LEN + 1])
{
	const char *at = strrchr(address, '@');
	size_t dl = strlen(delim);
	if (!at || dl == 0)
		return 0;
	for (const char *p = strstr(address, delim); p && p < at; p = strstr(p + 1, delim)) {
		const char *start = p + dl;
		if (at - start < TOKEN_LEN)
			continue;
		char cand[TOKEN_LEN + 1];
		for (int i = 0; i < TOKEN_LEN; i++) {
			char c = start[i];
			cand[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
		}
		cand[TOKEN_LEN] = '\0';
		char after = start[TOKEN_LEN];
		if (token_valid(cand) && (after == '@' || after == *delim)) {
			memcpy(out, cand, TOKEN_LEN + 1);
			return 1;
		}
	}
	return 0;
}
