/*
 * Politeness while sending: at least a gap between two requests to one host, and at most so many
 * requests a minute in all ([send] in foi.ini). It waits in real (monotonic) time, not on foi's
 * clock: --now moves the planned schedule, never how hard a unit's server is hit.
 */
#ifndef FOI_POLITENESS_H
#define FOI_POLITENESS_H

#include <stddef.h>

#include "harness/status.h"

struct politeness;

/* gap_s: seconds between two requests to one host (0: none); per_minute: 0 for no limit. */
struct politeness *politeness_new(int gap_s, int per_minute);
void politeness_free(struct politeness *p);

/* The host a request goes to: the domain of an e-mail address, the host of a URL (lower case,
 * malloc'd); NULL when out of memory. */
char *politeness_host(const char *address);

/* *ready: 1 when a request to host may go now without waiting (nothing is counted). */
enum foi_status politeness_ready(struct politeness *p, const char *host, int *ready, char *err, size_t errsz);

/* Waits until a request to host may go, then counts it as sent now. */
enum foi_status politeness_wait(struct politeness *p, const char *host, char *err, size_t errsz);

#endif
