/* Warnings of a planned round, and the domain test `round show` marks requests with. */
#include "harness/round_warn.h"
#include "schedule/plan.h"

#include <stdio.h>
#include <string.h>

int round_template_fits(const char *level, const char *domains, const char *template_domain)
{
	return plan_fits(domains, strcmp(level, "county") == 0, template_domain);
}

/* YYYYMMDD as YYYY-MM-DD, or "open" for 0. */
static void format_ymd(int ymd, char out[16])
{
	if (ymd)
		snprintf(out, 16, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
	else
		snprintf(out, 16, "open");
}

void round_warn_item(const struct round_options *opt, const char *unit, const char *target,
		     const char *target_domains, const char *kind, const struct template *t, int off_domain,
		     int stale, sched_day start)
{
	char text[1024];
	if (!opt->warn)
		return;
	if (off_domain && !opt->allow_other_domain) {
		snprintf(text, sizeof text,
			 "round %s: unit %s: no %s template of %s's domains (%s); planned %s (%s) instead: choose "
			 "one with 'foi round edit %s --unit %s --kind %s --template ID', or plan with "
			 "--allow-other-domain to accept it",
			 opt->name, unit, kind, target, target_domains, t->id, t->domain, opt->name, unit, kind);
		opt->warn(opt->warn_ctx, text);
	}
	if (stale) {
		char from[16], until[16], day[SCHED_DATE_MAX];
		format_ymd(t->valid_from, from);
		format_ymd(t->valid_until, until);
		day_format(start, day);
		snprintf(text, sizeof text,
			 "round %s: unit %s: the reference answer of %s holds from %s until %s, the round starts "
			 "%s: check it against the policy in force before grading",
			 opt->name, unit, t->id, from, until, day);
		opt->warn(opt->warn_ctx, text);
	}
}
