/*
 * The fixed list of domains a template can concern.
 *
 * A domain names a field of government work (budgets, permits, housing, ...) in the terms
 * of the 2023 scheme's indicator tables and the list of city departments in its 附件1.
 * Each template names one domain; the round planner maps a department onto the domains it
 * is responsible for, so that it receives a request about its own work. The list is fixed
 * here (not read from a file) because templates and the planner must agree on it; adding a
 * domain is a code change reviewed together with the templates that use it.
 */
#ifndef FOI_TEMPLATES_DOMAIN_H
#define FOI_TEMPLATES_DOMAIN_H

#include <stddef.h>

struct template_domain {
	const char *code;        /* what a template's "domain:" line says, e.g. "budget" */
	const char *label;       /* the field in Chinese, e.g. "财政预决算" */
	const char *sample_unit; /* a city department that typically holds such information */
};

/* The domain with this code, or NULL. */
const struct template_domain *template_domain_find(const char *code);
/* Every domain, in the documented order. */
const struct template_domain *template_domains(size_t *count);

#endif
