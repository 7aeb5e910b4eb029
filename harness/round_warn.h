/*
 * What a round's plan must not do silently: send a unit a template outside its domains, or
 * a consultation whose reference answer is not valid when the round starts. `round create`
 * warns about each (unless --allow-other-domain accepts the first), and `round show` marks
 * the requests whose template is outside their target's domains, however they got it.
 */
#ifndef FOI_ROUND_WARN_H
#define FOI_ROUND_WARN_H

#include "harness/round.h"
#include "schedule/day.h"
#include "templates/template.h"

/* Tells opt->warn about one planned request, when there is something to say. */
void round_warn_item(const struct round_options *opt, const char *unit, const char *target,
		     const char *target_domains, const char *kind, const struct template *t, int off_domain,
		     int stale, sched_day start);

/*
 * Whether a template of this domain fits a target unit of this level ("county" answers for
 * every domain) and these domains: the planner's own rule (schedule/plan.h).
 */
int round_template_fits(const char *level, const char *domains, const char *template_domain);

#endif
