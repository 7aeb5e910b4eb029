/* The core's status type and its error text (see status.h). */
#include "harness/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum foi_status foi_fail(char *err, size_t errsz, enum foi_status st, const char *fmt, ...)
{
	if (!err || errsz == 0)
		return st;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	/* A message cut to fit says so, rather than ending mid-word as if complete. */
	if (n >= 0 && (size_t)n >= errsz && errsz > 4)
		memcpy(err + errsz - 4, "...", 4);
	return st;
}

const char *foi_status_name(enum foi_status st)
{
	switch (st) {
	case FOI_OK: return "ok";
	case FOI_E_USAGE: return "usage";
	case FOI_E_DATA: return "data";
	case FOI_E_NOT_FOUND: return "not-found";
	case FOI_E_IO: return "io";
	case FOI_E_DB: return "database";
	case FOI_E_NET: return "network";
	case FOI_E_NOMEM: return "out-of-memory";
	}
	return "unknown";
}
