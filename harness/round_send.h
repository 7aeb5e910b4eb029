/*
 * Sending a round: every planned request whose time has come (by foi's clock), in the order they
 * fall due, each through the outbox (at most once, harness/mail/outbox.h).
 *
 * The run holds the workspace's send lock; it first turns attempts a dead run left 'sending'
 * into 'unknown'. E-mail requests go out through harness/mail/send_mail.h, those due together in
 * one SMTP session (up to [send] mails_per_session; a request that politeness makes wait starts a
 * new one, so that no committed batch waits). Requests by web
 * form go through harness/web/web_send.h: sent with a query code, failed with evidence, or an
 * assisted task when a person must submit (a captcha, a login, a form not filled without doubt).
 * A failure that would fail every mail alike (login, TLS, no server) stops the run with one
 * error and leaves the request planned.
 */
#ifndef FOI_ROUND_SEND_H
#define FOI_ROUND_SEND_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/status.h"
#include "harness/workspace.h"

struct round_send_options {
	const char *round;
	int dry_run;       /* list what would go where; touch neither the network nor the outbox */
	long limit;        /* at most this many requests sent this run; 0: no limit */
	const char *unit;  /* only this evaluated unit; NULL: all */
	const char *kind;  /* foi | consult; NULL: both */
	int retry_failed;  /* failed requests are sent again too */
	/* When it becomes non-zero (a signal), the run stops before its next request; NULL: never. */
	volatile sig_atomic_t *stop;
};

/* One request as the run sees it. */
struct send_item {
	int64_t id;
	char *unit, *kind, *channel, *address, *persona, *send_at, *reply_to, *subject, *body, *state;
};

struct round_send_result {
	int sent, failed, unknown, assisted, not_due;
	int held;      /* due, but beyond --limit: left for a later run */
	int recovered; /* attempts of a dead run found 'sending' and made 'unknown' */
};

/* What the front-end shows while the run goes on; every member may be NULL. */
struct round_send_hooks {
	void *ctx;
	void (*start)(void *ctx, size_t due);
	void (*before)(void *ctx, size_t index, const struct send_item *it);
	/* outcome: sent, failed, unknown, assisted, or "would send" (dry run) */
	void (*after)(void *ctx, size_t index, const struct send_item *it, const char *outcome, const char *detail);
};

enum foi_status round_send(struct workspace *ws, const struct round_send_options *o, const struct round_send_hooks *h,
			   struct round_send_result *res, char *err, size_t errsz);

#endif
