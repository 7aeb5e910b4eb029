/*
 * The simulator's memory, in SQLite (STATEDIR/sim.db): the simulated clock, what each unit
 * received (by mail or by form), the replies it owes and the ones it sent, which Maildir files
 * it has read, and the short-lived form sessions (CSRF tokens, captchas).
 *
 * Everything the simulator knows lives here and nowhere else, so a sim can be stopped and
 * started again, and a one-shot `foi-sim advance` can work on the same folder as a running
 * server (SQLite serialises them; each step is one transaction).
 */
#ifndef FOI_SIM_STATE_H
#define FOI_SIM_STATE_H

#include <sqlite3.h>
#include <stddef.h>
#include <time.h>

struct sim_request {
	long id;
	char unit[32];
	char kind[8];    /* foi | consult */
	char channel[8]; /* mail | web */
	time_t arrived;
	char *message_id;  /* of the request mail; NULL for forms */
	char *reply_to;    /* where replies go; NULL when the applicant gave no address */
	char *bounce_to;   /* the envelope sender (Return-Path), for delivery reports */
	char *applicant;   /* name, for the salutation */
	char *subject;     /* mail subject or consultation title */
	char *content;     /* what was asked, one line */
	char *query_code;  /* forms: the 查询码 */
	time_t supplemented; /* when the supplement arrived; 0 = not yet */
	char *supplement_message_id;
	time_t answer_at;  /* consultations: when the answer is published; 0 = never */
	char *headers;     /* the request mail's header block, quoted by a delivery report */
	char *form;        /* forms: every labelled field received, JSON {"label": "value"} */
};

struct sim_reply {
	long id;
	long request_id;
	char step[16]; /* ack | supplement | extension | final | answer | dsn */
	time_t due;
	time_t sent;   /* 0 = not yet */
	char *message_id;
	char *file;
	char *error;
};

int state_open(const char *dir, sqlite3 **out, char *err, size_t errsz);
void state_close(sqlite3 *db);

int state_begin(sqlite3 *db, char *err, size_t errsz);
int state_commit(sqlite3 *db, char *err, size_t errsz);
void state_rollback(sqlite3 *db);

/* The simulated clock: 0 with *now when set, 1 when never set. */
int state_clock(sqlite3 *db, time_t *now, char *err, size_t errsz);
int state_set_clock(sqlite3 *db, time_t now, char *err, size_t errsz);

/* The next value of a named counter (1, 2, ...). */
int state_next(sqlite3 *db, const char *counter, long *out, char *err, size_t errsz);

int state_add_request(sqlite3 *db, struct sim_request *r, char *err, size_t errsz);
int state_set_supplement(sqlite3 *db, long request_id, time_t at, const char *message_id,
			 char *err, size_t errsz);
/* 1 when found (r filled, free with state_request_free), 0 when not, -1 on error. */
int state_get_request(sqlite3 *db, long id, struct sim_request *r, char *err, size_t errsz);
int state_find_by_code(sqlite3 *db, const char *code, struct sim_request *r, char *err, size_t errsz);
/* A request of this unit with the message id (received), or whose sent reply had it. */
int state_find_by_message_id(sqlite3 *db, const char *unit, const char *message_id,
			     struct sim_request *r, char *err, size_t errsz);
/* The request a supplement notice with this Message-ID belonged to. */
int state_find_by_notice(sqlite3 *db, const char *unit, const char *notice_message_id,
			 struct sim_request *r, char *err, size_t errsz);
/* The oldest request of the unit from this reply address still waiting for its supplement. */
int state_find_awaiting_supplement(sqlite3 *db, const char *unit, const char *reply_to,
				   struct sim_request *r, char *err, size_t errsz);
void state_request_free(struct sim_request *r);

/* Published consultations of a unit (answer_at <= now), newest first; calls fn for each. */
int state_each_published(sqlite3 *db, const char *unit, time_t now, int limit,
			 int (*fn)(const struct sim_request *r, void *arg), void *arg,
			 char *err, size_t errsz);

int state_add_reply(sqlite3 *db, long request_id, const char *step, time_t due, char *err, size_t errsz);
/* The earliest unsent reply due at or before t: 1 found, 0 none, -1 error. */
int state_next_due(sqlite3 *db, time_t t, struct sim_reply *out, char *err, size_t errsz);
int state_mark_sent(sqlite3 *db, long reply_id, time_t sent, const char *message_id,
		    const char *file, const char *error, char *err, size_t errsz);
/* How many replies of this step a request has had sent (0 if none). */
int state_count_sent(sqlite3 *db, long request_id, const char *step, int *out, char *err, size_t errsz);
void state_reply_free(struct sim_reply *r);

/* Maildir files already read, by unit and unique name. 1 = seen, 0 = not, -1 = error. */
int state_seen(sqlite3 *db, const char *unit, const char *name, char *err, size_t errsz);
int state_mark_seen(sqlite3 *db, const char *unit, const char *name, char *err, size_t errsz);

/* Form sessions: a CSRF token per session id, a captcha answer per captcha id. */
int state_put_token(sqlite3 *db, const char *kind, const char *id, const char *unit,
		    const char *value, char *err, size_t errsz);
/* 1 and value (caller frees) when found; 0 when not. take: delete it (a captcha is used once). */
int state_get_token(sqlite3 *db, const char *kind, const char *id, const char *unit, int take,
		    char **value, char *err, size_t errsz);

struct cJSON;
/* Every request with its replies, for /_sim/state and `foi-sim state`. */
int state_dump_json(sqlite3 *db, struct cJSON **out, char *err, size_t errsz);
#endif
