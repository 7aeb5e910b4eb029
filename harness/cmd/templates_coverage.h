/*
 * foi templates coverage: per unit of a units file, how many templates of each kind fit it
 * (schedule/plan.h's rule: a unit's own domains; a county-level government, any domain), so
 * an evaluator sees before a round whether two rounds in a row can avoid repeating a
 * question to a unit. Fails when a unit has fewer than the minimum of either kind.
 */
#ifndef FOI_CMD_TEMPLATES_COVERAGE_H
#define FOI_CMD_TEMPLATES_COVERAGE_H

#include <cjson/cJSON.h>

#include "templates/template.h"

/*
 * Prints the table, or with json set fills *json with an array of one object per unit for the
 * caller to print. Returns an exit code (FOI_EXIT_FAIL when a unit is short).
 */
int templates_coverage(const struct template_set *set, const char *units_path, int min, cJSON **json);

#endif
