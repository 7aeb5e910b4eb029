/*
 * Templates: the mock FOI applications (依申请公开) and consultation questions (在线咨询)
 * a round sends, read from template files and rendered for one unit and one applicant.
 *
 * A template file is a header of "field: value" lines, a blank line, and the body with
 * {{placeholders}} (templates/README.md describes the format and the fields). Loading checks
 * everything that can be checked without values: the fields, the domain, the §36 reply type,
 * every placeholder of the subject and body, and that an FOI body carries what §29 of the
 * 2019 Regulation requires of an applicant (name, proof of identity, contact), and the period a
 * consultation's reference answer holds (valid_from, valid_until). Errors name the file and
 * line. Apart from reading the files, this module is pure.
 */
#ifndef FOI_TEMPLATES_TEMPLATE_H
#define FOI_TEMPLATES_TEMPLATE_H

#include <stddef.h>

#include "templates/render.h"

enum template_kind {
	TEMPLATE_ANY = 0, /* only as a filter */
	TEMPLATE_FOI = 1,
	TEMPLATE_CONSULT = 2,
};

/* One key point of a consultation's reference answer: any alternative counts. */
struct template_keypoint {
	char **alternatives;
	size_t count;
	int line;
};

struct template {
	char *path;          /* the file, as given to the loader (for messages) */
	char *id;
	int id_line;
	enum template_kind kind;
	char *title;
	char *domain;        /* a code of templates/domain.h */
	char *subject;       /* mail subject / form title, with placeholders */
	int subject_line;
	int expected_reply;  /* FOI: 1..7, the §36 item a correct unit most likely answers with */
	char *note;          /* optional remark for evaluators, or NULL */
	struct template_keypoint *keypoints; /* consult: at least one */
	size_t keypoint_count;
	char *reference;     /* consult: the reference answer */
	int valid_from, valid_until; /* consult: the days (YYYYMMDD) the reference answer and key
				      * points hold, as the policy they rest on stands */
	int layer;           /* 0: loaded into the set; 1: from an overlay (template_set_overlay_dir) */
	int replaced;        /* an overlay template that took the place of one with its id */
	char *body;          /* with placeholders; ends with exactly one newline */
	int body_line;       /* the body's first line in the file */
	unsigned placeholders; /* TPL_BIT()s used by subject and body */
};

/* A template's text for one request. */
struct template_rendered {
	char *subject;
	char *body;
};

/* A set of templates with unique ids, in load order. */
struct template_set {
	struct template **items;
	size_t count, cap;
};

/* "foi" / "consult"; and back (returns TEMPLATE_ANY for an unknown name). */
const char *template_kind_name(enum template_kind k);
enum template_kind template_kind_parse(const char *name);

/* The short Chinese name of §36 item n (1..7), e.g. 已主动公开; "?" otherwise. */
const char *template_reply_label(int n);

/*
 * Parses one template from text (len bytes, UTF-8; a BOM and CRLF line ends are accepted).
 * path is only used in messages. Fills *t (free with template_free). Returns 0, or -1 with
 * err "path:line: ..." and *t zeroed.
 */
int template_parse(const char *text, size_t len, const char *path, struct template *t, char *err,
		   size_t errsz);
/* Reads and parses one file. */
int template_load_file(const char *path, struct template *t, char *err, size_t errsz);
void template_free(struct template *t);

/*
 * Renders subject and body for one request (see render.h for what is refused). Fills *out
 * (free with template_rendered_free); on error *out is zeroed.
 */
int template_render(const struct template *t, const struct template_values *v,
		    struct template_rendered *out, char *err, size_t errsz);
void template_rendered_free(struct template_rendered *r);

void template_set_init(struct template_set *s);
void template_set_free(struct template_set *s);
/*
 * Adds *t to the set, taking its contents (t is zeroed) on success. A duplicate id is an
 * error naming both files; then t is left to the caller.
 */
int template_set_add(struct template_set *s, struct template *t, char *err, size_t errsz);
/* Loads one file into the set. */
int template_set_load_file(struct template_set *s, const char *path, char *err, size_t errsz);
/*
 * Loads every *.tpl file of dir and of its subfolders (names sorted, so the order is the
 * same on every machine). Stops at the first error; what was loaded before stays in s.
 */
int template_set_load_dir(struct template_set *s, const char *dir, char *err, size_t errsz);

/*
 * Loads every template of dir (as template_set_load_dir) as an overlay on s: a template
 * whose id is already in s replaces it in place (marked replaced), the others are added;
 * all are marked layer 1. Ids must be unique within dir. On error s is unchanged.
 */
int template_set_overlay_dir(struct template_set *s, const char *dir, char *err, size_t errsz);

/* Whether day (YYYYMMDD) lies within a consultation's valid_from..valid_until. */
int template_valid_on(const struct template *t, int day);

/*
 * Calls fn for every literal year (1949 to 2099 followed by 年) in the subject and body,
 * with its line in the file: a year that does not follow the send date goes stale
 * (templates/README.md: use {{year.current}}, {{year.last}} or {{year.budget}}). Years
 * inside a document title 《…》 name that document and are not reported.
 */
void template_each_literal_year(const struct template *t,
				void (*fn)(void *ctx, const struct template *t, int line, int year),
				void *ctx);

const struct template *template_set_find(const struct template_set *s, const char *id);
/*
 * The templates of one kind (TEMPLATE_ANY for all) and domain (NULL for all), in set order,
 * as a new array (*out, caller frees; NULL when *n is 0). Returns -1 only when out of memory.
 */
int template_set_select(const struct template_set *s, enum template_kind kind, const char *domain,
			const struct template ***out, size_t *n);

#endif
