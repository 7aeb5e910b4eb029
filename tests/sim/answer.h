/*
 * What a unit answers to a consultation question. A unit whose profile says consult.accurate
 * = yes answers with the reference answer of the shipped question template the question came
 * from (the .tpl files of templates/consult, found by its subject, else by its text), so a harness that
 * checks the template's key points finds them all; a unit with consult.accurate = no answers
 * with office boilerplate (its consult.answer_text, or a stock reply) that names none of them.
 */
#ifndef FOI_SIM_ANSWER_H
#define FOI_SIM_ANSWER_H

#include <stddef.h>

#include "templates/template.h"
#include "tests/sim/profile.h"
#include "tests/sim/state.h"

/* Loads the shipped consultation templates (FOI_DATADIR/templates/consult). */
int answers_load(struct template_set *set, char *err, size_t errsz);

/* The template a question came from, or NULL. */
const struct template *answer_template(const struct template_set *set, const struct sim_request *r);

/* The answer text (malloc'd; NULL when out of memory). set may be NULL. */
char *answer_text(const struct template_set *set, const struct sim_unit *u, const struct sim_request *r);

#endif
