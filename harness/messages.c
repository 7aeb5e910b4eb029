/* Messages to the person at the terminal: "PROGRAM: what: why" on stderr (see harness/app.h). */
#include "harness/app.h"

#include <stdarg.h>
#include <stdio.h>

const char *foi_progname = "foi";

void foi_error(const char *what, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: %s: ", foi_progname, what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void foi_warn(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: warning: ", foi_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
