/*
 * The status every core function returns, and the error text that goes with it.
 *
 * The core (harness/ and harness/mail/) never exits and never prints an error: it returns one of
 * these and fills a caller-owned buffer with "what: why". Only the front-ends (harness/cmd/) turn
 * a status into an exit code, with foi_status_exit(), so that every command keeps the README's
 * one table of exit codes.
 */
#ifndef FOI_STATUS_H
#define FOI_STATUS_H

#include <stddef.h>

enum foi_status {
	FOI_OK = 0,
	FOI_E_USAGE,     /* the caller asked for something malformed (an option, an argument) */
	FOI_E_DATA,      /* a file or value the data refuses; nothing was changed */
	FOI_E_NOT_FOUND, /* a name the data does not hold: a round, unit, template id */
	FOI_E_IO,        /* a file cannot be read or written (a missing file too) */
	FOI_E_DB,        /* SQLite failed */
	FOI_E_NET,       /* a server could not be reached or answered wrongly */
	FOI_E_NOMEM,     /* an allocation failed */
};

/* Writes the message into err (cut to errsz, marked with "..." when cut: it is a message, not
 * data) and returns st, so that a failure is one line: return foi_fail(err, errsz, FOI_E_IO, ...). */
enum foi_status foi_fail(char *err, size_t errsz, enum foi_status st, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A short English name of a status, for logs and --json ("usage", "data", "not-found", ...). */
const char *foi_status_name(enum foi_status st);

#endif
