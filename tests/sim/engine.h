/*
 * The units' offices: what happens when something arrives, and what goes out when.
 *
 * Receiving (a form submission, or a new file in a unit's Maildir) records the request and
 * schedules every reply its unit's profile promises, each at a moment computed on the
 * working-day calendar. Advancing the simulated clock first reads the units' Maildirs, then
 * sends every reply due up to the new time, in order of due time, each dated at its due moment
 * in simulated time. Nothing depends on the real clock or on when the work is done: the same
 * inputs and the same clock steps give the same mail.
 */
#ifndef FOI_SIM_ENGINE_H
#define FOI_SIM_ENGINE_H

#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

#include "schedule/calendar.h"
#include "templates/template.h"
#include "tests/sim/profile.h"

struct cJSON;

struct sim_engine {
	const struct sim_profiles *profiles;
	const struct sched_calendar *cal;
	const struct template_set *templates; /* consultation templates, for accurate answers */
	sqlite3 *db;
	char mail_base[2048];         /* BASE of BASE/DOMAIN/USER/Maildir; "" = no mail */
	char evaluator_maildir[2048]; /* when set, every reply is delivered here */
	FILE *log;                    /* progress lines; NULL = quiet */
};

/* A form submission, already validated by the page. */
struct web_request {
	const char *kind; /* foi | consult */
	const char *applicant, *email, *title, *content;
	const char *form; /* every labelled field as received, JSON {"label": "value"} */
};

/*
 * Records a form submission at the simulated now and schedules its replies. code receives the
 * query code (查询码) the confirmation page shows.
 */
int engine_receive_web(struct sim_engine *e, const struct sim_unit *u, const struct web_request *w,
		       char *code, size_t codesz, char *err, size_t errsz);

/* Reads new files of every unit's Maildir; *received counts the new requests and supplements. */
int engine_scan(struct sim_engine *e, int *received, char *err, size_t errsz);

/*
 * Moves the clock forward to `to` (never back), reading the Maildirs and sending every reply
 * due by then. report, when given, is a JSON object that gets "now", "received" and "sent".
 */
int engine_advance(struct sim_engine *e, time_t to, struct cJSON *report, char *err, size_t errsz);

/* The simulated now (set on first use from init when the state has none). */
int engine_now(struct sim_engine *e, time_t *now, char *err, size_t errsz);
int engine_init_clock(struct sim_engine *e, time_t init, char *err, size_t errsz);

/* The Maildir of a unit, and of the mailbox an address is delivered to (plus-tag dropped). */
void engine_unit_maildir(const struct sim_engine *e, const struct sim_unit *u, char *out, size_t outsz);

/* The query code of the seq-th form submission of a unit: 8 characters, from the seed. */
void engine_query_code(unsigned seed, const char *unit, long seq, char out[9]);

#endif
