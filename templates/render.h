/*
 * The renderer: replaces {{placeholders}} in a template's text with the values of one
 * request (the unit, the applicant persona, the date, the reply address). There is no token
 * placeholder: a code in a letter would tell the unit it is being tested (templates/README.md).
 *
 * Pure: no I/O, no clock. The caller supplies every value, so the same values always give
 * the same text, and what is stored for a request is exactly what is sent. A placeholder
 * the renderer does not know, an unclosed "{{", or a value a placeholder needs but the
 * caller left empty is an error naming the file and line of the placeholder; the renderer
 * never sends a half-filled letter.
 */
#ifndef FOI_TEMPLATES_RENDER_H
#define FOI_TEMPLATES_RENDER_H

#include <stddef.h>

/* The placeholders, in the order templates/README.md lists them. */
enum template_placeholder {
	TPL_UNIT_NAME,
	TPL_PERSONA_NAME,
	TPL_PERSONA_ID_TYPE,
	TPL_PERSONA_ID_NUMBER,
	TPL_PERSONA_PHONE,
	TPL_PERSONA_ADDRESS,
	TPL_PERSONA_POSTCODE,
	TPL_PERSONA_EMAIL,
	TPL_DATE,
	TPL_REPLY_TO,
	TPL_YEAR_CURRENT,
	TPL_YEAR_LAST,
	TPL_YEAR_BUDGET,
	TPL_PLACEHOLDER_COUNT
};

/* A bit per placeholder, as filled in by template_check_text(). */
#define TPL_BIT(p) (1u << (p))

/* The applicant as the letter names them. Fields are the persona's settings. */
struct template_persona {
	const char *name;
	const char *id_type;   /* e.g. 居民身份证 */
	const char *id_number;
	const char *phone;
	const char *address;
	const char *postcode;
	const char *email;
};

/* Everything one rendering may need. A NULL or empty string is a missing value. */
struct template_values {
	const char *unit_name;
	struct template_persona persona;
	int year, month, day; /* the send date: {{date}}, written 2023年9月28日, and the
			       * {{year.*}} placeholders; year 0 means missing */
	const char *reply_to; /* the address replies go to: the persona's own, or a plus-address
			       * carrying the request's token when the round is not covert */
};

/* "unit.name", "persona.phone", ... */
const char *template_placeholder_name(enum template_placeholder p);

/*
 * Checks that every placeholder in text is known and closed, without values. text starts
 * at line first_line of path (both only for messages). Sets *used to the placeholders seen
 * (TPL_BIT). Returns 0, or -1 with err "path:line: ...".
 */
int template_check_text(const char *text, const char *path, int first_line, unsigned *used,
			char *err, size_t errsz);

/*
 * Renders text with values into a new string (*out, caller frees). Returns 0, or -1 with
 * err "path:line: ..." naming the unknown placeholder or the missing value (for a persona
 * value: "persona field 'phone' is empty"); *out is then NULL.
 */
int template_render_text(const char *text, const char *path, int first_line,
			 const struct template_values *v, char **out, char *err, size_t errsz);

/*
 * {{year.budget}} for a send date: the last year whose budget is published. Budgets are
 * approved by the people's congress early in the year and published within 20 days
 * (《预算法》第十四条), so from April on it is the current year, before April the year before.
 * ({{year.current}} is the send date's year, {{year.last}} the year before.)
 */
int template_year_budget(int year, int month);

/* Writes 2023年9月28日 into out; returns -1 for an impossible date. */
int template_format_date(int year, int month, int day, char *out, size_t outsz);

#endif
