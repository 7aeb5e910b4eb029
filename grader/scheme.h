/*
 * Indicator scheme files (one .ini file a scheme, in grader/schemes/): which points of the
 * city's scheme foi measures, and the rubric each part is graded by.
 *
 * A scheme has tables (县市区, 市直部门: which units, by their level in the units file), each
 * with indicators (依申请公开 10, 在线咨询 2) made of parts (sub-indicators) whose points add up
 * to the indicator's. A part is graded on the unit's guide page and mock test (guide), on its
 * FOI applications (foi), by the fixed time bands of a question (consult), or entered by hand
 * (manual: what foi does not measure, "not measured" until entered). guide and foi parts list
 * their rubric items, each an item code the grader knows with a share (percent of the part;
 * the shares add up to 100) and, optionally, the document kinds it applies to.
 *
 * scheme_load() refuses a file that does not add up, names an unknown item, section or key, or
 * has a bad value, with "FILE:LINE: why". The format and the rules with their sources are in
 * grader/README.md ("Scheme files", "Scoring rules").
 */
#ifndef FOI_GRADER_SCHEME_H
#define FOI_GRADER_SCHEME_H

#include <stddef.h>

/* What a part is graded on. */
enum scheme_graded {
	SCHEME_GUIDE,    /* the unit's guide page findings and its channel test (channel.accepted) */
	SCHEME_FOI,      /* each FOI application: its reply letter's items and `timely` */
	SCHEME_CONSULT,  /* each question: accurate and within 1 or 5 working days */
	SCHEME_MANUAL,   /* not measured by foi: points entered by hand */
};

/* How a request pending at the round's cutoff counts ([cutoff] pending). */
enum scheme_pending {
	SCHEME_PENDING_NOT_JUDGED, /* graded on what arrived, timeliness not judged (default) */
	SCHEME_PENDING_NO_REPLY,   /* as an application with no reply: 0 */
};

struct scheme_item {
	char *code;
	double share;   /* percent of the part's points */
	char **kinds;   /* document kinds it applies to; none: every kind */
	size_t nkinds;
	int line;
};

struct scheme_part {
	char *id;        /* "county.foi.reply": table.indicator.part */
	char *code;      /* "foi.reply": indicator.part, unique within its table */
	char *name, *method, *source; /* method and source are NULL when not given */
	double points;
	enum scheme_graded graded;
	struct scheme_item *items;
	size_t nitems;
	double within_1_day, within_5_days; /* consult: percent of the indicator's weight */
	size_t table, indicator;            /* indexes into scheme.tables and its indicators */
	int line;
};

struct scheme_indicator {
	char *code, *name;
	double points;
	int line;
};

struct scheme_table {
	char *code, *name, *level;
	struct scheme_indicator *indicators;
	size_t nindicators;
	int line;
};

struct scheme {
	char *path;
	char *name, *title, *source;
	enum scheme_pending pending;
	struct scheme_table *tables;
	size_t ntables;
	struct scheme_part *parts;  /* in file order; parts of one table keep their order */
	size_t nparts;
};

/* scheme_load's answers besides 0. */
#define SCHEME_ERR_DATA (-1) /* the file does not hold a valid scheme */
#define SCHEME_ERR_IO (-2)   /* the file cannot be opened or read */

/* Reads and checks a scheme file. Returns 0, or SCHEME_ERR_* with err "PATH:LINE: why" (or
 * "PATH: why" for what has no line); on error *out holds nothing to free. */
int scheme_load(const char *path, struct scheme *out, char *err, size_t errsz);
void scheme_free(struct scheme *s);

/* The table for a unit level ("county", "department"), or NULL. */
const struct scheme_table *scheme_table_for_level(const struct scheme *s, const char *level);
/* A part by its code within a table ("consult.publication"), or NULL. */
const struct scheme_part *scheme_part_find(const struct scheme *s, size_t table, const char *code);

const char *scheme_graded_name(enum scheme_graded g);   /* "guide", "foi", "consult", "manual" */
const char *scheme_pending_name(enum scheme_pending p); /* "not_judged", "no_reply" */

/*
 * The item codes a scheme may name, each with what it is graded on: the reply-letter items
 * (letter_check.h) and `timely` for foi parts, the guide-page items (guide_check.h) and
 * `channel.accepted` for guide parts. scheme_item_count() of them, by index.
 */
size_t scheme_item_count(void);
const char *scheme_item_at(size_t i, enum scheme_graded *graded);
/* Whether code is known; its part kind in *graded. */
int scheme_item_lookup(const char *code, enum scheme_graded *graded);
/* A one-line description of a known item (English), or NULL. */
const char *scheme_item_describe(const char *code);

/* The document kinds an item may be limited to (kinds=...): the kinds of reply letter_check
 * tells apart. scheme_kind_count() of them, by index. */
size_t scheme_kind_count(void);
const char *scheme_kind_at(size_t i);

#endif
