/*
 * Helpers shared by the round tests: a fresh workspace made by `foi init`, a round's plan as
 * `round show --json` prints it, and a string member of a JSON object (asserted present).
 */
#ifndef FOI_TESTS_ROUND_SUPPORT_H
#define FOI_TESTS_ROUND_SUPPORT_H

#include <cjson/cJSON.h>

char *workspace(void);
cJSON *show_json(const char *dir, const char *round);
const char *str(const cJSON *o, const char *key);

#endif
