/*
 * Support for the tests of `foi round send`: a workspace whose units are reached by e-mail
 * through a given SMTP server, the plan read back as JSON, what arrived in the units' Maildirs
 * (counted by Message-ID, so that a second delivery shows), foi started in the background (to be
 * killed), and a small SMTP server of the test's own that misbehaves on purpose: it offers no
 * STARTTLS, or it swallows a message and never answers, as a server that dies mid-send would.
 */
#ifndef FOI_TEST_SEND_SUPPORT_H
#define FOI_TEST_SEND_SUPPORT_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <sys/types.h>

struct send_server {
	const char *host;
	unsigned port;
	const char *tls;      /* required | if-available | off */
	const char *ca_file;  /* "" for the system's store */
	const char *user;     /* "" for no AUTH */
	const char *password;
	int host_gap_seconds; /* [send]; per_minute is set to 0 (no limit) so that tests run fast */
};

/*
 * A workspace (foi init) whose units publish only their e-mail address (the forms blanked), so
 * that a round goes out entirely by mail, and whose [mail] settings name srv.
 */
char *send_workspace(const struct send_server *srv);
/* The same workspace pointed at another server. */
void send_workspace_server(const char *dir, const struct send_server *srv);

/* Sets one key of the workspace's foi.ini (the line 'key = ...', which must be there). */
void send_workspace_set(const char *dir, const char *key, const char *value);

/* `round show NAME --json`; caller deletes. */
cJSON *send_plan(const char *dir, const char *round);
/* A string member of a request; "" when missing. */
const char *send_field(const cJSON *request, const char *key);
/* How many requests of the plan are in state. */
int send_count_state(const cJSON *plan, const char *state);

/* Does the summary of `round send` (out) have the line "LABEL ... N"? */
int summary_says(const char *out, const char *label, int n);

/* How many messages holding needle (a Message-ID) the mailbox of address holds (new/ and cur/)
 * under the Maildir base BASE/DOMAIN/USER/Maildir. */
int maildir_count(const char *base, const char *address, const char *needle);
/* Waits up to timeout_s for maildir_count to reach at least want; returns the last count. */
int maildir_wait(const char *base, const char *address, const char *needle, int want, double timeout_s);

/* Starts `foi -C dir --now now ARGS...` (NULL-terminated; now NULL: the real clock) with its
 * output thrown away. */
pid_t spawn_foi(const char *dir, const char *now, ...);

/* The misbehaving server: listens on 127.0.0.1 (port returned), serves one client at a time. */
enum fake_smtp_mode {
	FAKE_SMTP_NO_STARTTLS, /* EHLO offers neither STARTTLS nor AUTH; mail is taken without them */
	FAKE_SMTP_SWALLOW,     /* takes the message after DATA, then never answers */
};
struct fake_smtp {
	pid_t pid;
	unsigned port;
	char *received; /* a file the server appends "DATA DONE\n" to when it has a whole message */
};
void fake_smtp_start(struct fake_smtp *f, enum fake_smtp_mode mode);
void fake_smtp_stop(struct fake_smtp *f);
/* How many whole messages it has swallowed. */
int fake_smtp_messages(const struct fake_smtp *f);

#endif
