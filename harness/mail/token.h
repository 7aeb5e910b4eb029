/*
 * Request tokens: unguessable; in a round that need not be covert ([mail] reply_mode = token)
 * carried in the reply address (evaluator+TOKEN@domain), so a reply can be matched to the
 * request it answers. A covert round puts them nowhere a unit can see. Lower-case base32 letters and
 * digits only, because mail systems fold the case of local parts and some drop punctuation.
 */
#ifndef FOI_TOKEN_H
#define FOI_TOKEN_H

#include <stddef.h>

#define TOKEN_LEN 16 /* 80 bits from the kernel's random source */

/* Fills out (TOKEN_LEN + 1 bytes) with a new token; -1 with err if no randomness is available. */
int token_new(char out[TOKEN_LEN + 1], char *err, size_t errsz);
/* True when text is a well-formed token. */
int token_valid(const char *text);
/* Finds the first token after delim in text ("evaluator+abc...@x"); copies it into out. */
int token_find_in_address(const char *address, const char *delim, char out[TOKEN_LEN + 1]);

#endif
