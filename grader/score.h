/*
 * Score composition: a unit's sub-scores in a scheme (scheme.h), from what the round found.
 *
 * The caller (the store side of `foi score` and `foi export`) hands over, per unit, plain
 * structs: its channel items (the guide page's findings and the mock test's channel.accepted),
 * its requests (each FOI application and question: whether and when it was answered, its band,
 * the accuracy of an answer, pending at the round's cutoff, and each rubric item's result,
 * confirmed by a reviewer or not), and the points entered by hand for what foi does not
 * measure. score_unit() gives each part of the unit's table its points, whether the cell rests
 * on automatic results no reviewer confirmed, and one explanation line for every point
 * ("how every point was reached", `foi score --explain`).
 *
 * The rules, with their sources, are in grader/README.md ("Scoring rules"):
 *   - an item's share counts when it passes; `na` (and an item limited to other document
 *     kinds) is left out and the part is scored over the shares that apply; `unknown` earns
 *     nothing until a reviewer decides it;
 *   - an FOI application with no reply scores 0 for reply conformity; a late reply fails
 *     `timely` and so loses its share;
 *   - a question earns within_1_day percent of its indicator's weight when answered accurately
 *     within 1 working day, within_5_days percent within 5, else 0;
 *   - a request pending at the cutoff counts by the scheme's [cutoff] pending;
 *   - several requests of one unit in one part: the part's points are their mean;
 *   - a manual part without an entry is "not measured" (no points, never 0).
 * Pure: no I/O.
 */
#ifndef FOI_GRADER_SCORE_H
#define FOI_GRADER_SCORE_H

#include <stddef.h>

#include "grader/scheme.h"

enum item_result {
	ITEM_PASS,
	ITEM_FAIL,
	ITEM_NA,       /* does not apply to this request (a reviewer said so, or its kind) */
	ITEM_UNKNOWN,  /* the automatic check could not tell; a reviewer must */
};

/* One rubric item's result for a request or a guide page. */
struct item_outcome {
	const char *code;
	enum item_result result;
	int confirmed;             /* a reviewer set or accepted it */
	const char *confirmed_by;  /* the reviewer, when confirmed */
	const char *evidence;      /* may be NULL */
};

enum request_kind { REQUEST_FOI, REQUEST_CONSULT };

/* When a question was answered, in working days (schedule/: `foi elapsed`). */
enum answer_band { BAND_NONE, BAND_1, BAND_5, BAND_LATE };

struct request_outcome {
	const char *id;
	enum request_kind kind;
	const char *target;      /* the body it went to (for a county, one of its departments) */
	const char *channel;     /* web, email */
	const char *sent, *received, *deadline, *replied_at; /* as the store shows them; may be NULL */
	const char *state;       /* the request's state, e.g. answered-late */
	const char *doc_kind;    /* the kind of the reply graded ("final"...), NULL when unknown */
	int replied;             /* the final reply (FOI) or the answer (question) arrived */
	int late;                /* FOI: that reply came after the deadline */
	int pending;             /* no final reply, and the deadline had not passed at the cutoff */
	double working_days;     /* working days taken to reply; negative when not replied */
	enum answer_band band;   /* questions */
	struct item_outcome accuracy; /* questions: "accurate" */
	const struct item_outcome *items; /* FOI: the letter items (timely is computed) */
	size_t nitems;
};

/* Points entered by hand for a part graded manual ("consult.publication"). */
struct manual_entry {
	const char *part;
	double points;
	const char *note, *by;
};

struct unit_outcome {
	const char *code, *name, *level;
	const struct item_outcome *channel_items; /* guide findings and channel.accepted */
	size_t nchannel;
	const struct request_outcome *requests;
	size_t nrequests;
	const struct manual_entry *manual;
	size_t nmanual;
};

enum cell_state {
	CELL_SCORED,        /* computed from what the round found */
	CELL_ENTERED,       /* a manual part with points entered by hand */
	CELL_NOT_MEASURED,  /* a manual part with no entry yet: no points, not 0 */
	CELL_NO_DATA,       /* nothing to grade yet (no request, pending, guide not read) */
};

struct score_cell {
	const struct scheme_part *part;
	enum cell_state state;
	double points, max;
	int unconfirmed;  /* rests on an automatic result no reviewer confirmed */
	int undecided;    /* of which some are `unknown`: counted as nothing until decided */
};

struct unit_score {
	const struct unit_outcome *unit;
	size_t table;              /* index into the scheme's tables */
	struct score_cell *cells;  /* one per part of the table, in the scheme's order */
	size_t ncells;
	double total;              /* of the cells scored or entered */
	double max;                /* what those cells could have given */
	int unconfirmed;
	char **explain;            /* how every point was reached, one line each */
	size_t nexplain;
};

/*
 * Scores one unit. Returns 0, or -1 with err filled: a unit level no table scores, an entry
 * for a part that is not manual or not in the table, entered points outside [0, part's
 * points], out of memory. On -1 out holds nothing to free.
 */
int score_unit(const struct scheme *s, const struct unit_outcome *u, struct unit_score *out, char *err,
	       size_t errsz);
void unit_score_free(struct unit_score *us);

/* The `timely` item of an FOI application, from its events: pass when replied within the
 * deadline, fail when late or not replied, na when pending at the cutoff (not judged). */
struct item_outcome score_timely(const struct request_outcome *r);

const char *item_result_name(enum item_result r);  /* "pass", "fail", "na", "unknown" */
const char *answer_band_name(enum answer_band b);  /* "none", "1", "5", "late" */
const char *cell_state_name(enum cell_state st);   /* "scored", "entered", "not_measured", "no_data" */

#endif
