/*
 * Helpers for the tests that plan rounds through the foi program: a fresh workspace, a round
 * created at a fixed "now", its plan as `round show --json` prints it, and a fingerprint of the
 * plan without what is random by design (tokens and the text that carries them), so two plans
 * can be compared. They abort the test (cr_assert) when foi fails where it must not.
 */
#ifndef FOI_TEST_ROUND_SUPPORT_H
#define FOI_TEST_ROUND_SUPPORT_H

#include <cjson/cJSON.h>

/* `foi init` in a fresh temporary folder; returns the folder (not to be freed). */
char *round_workspace(void);
/* `foi --now '2023-09-18 08:00' round create ARGS` in dir, which must succeed. */
void round_create_ok(const char *dir, const char *args);
/* `foi round create ARGS` in dir, which must fail (with exit status, or any when it is 0)
 * saying words, and leave no round behind. */
void round_create_refused(const char *dir, const char *args, int status, const char *words);
/* `foi round show ROUND --json`, parsed; the caller deletes it. */
cJSON *round_show_json(const char *dir, const char *round);
/* The string member key of o; fails the test when there is none. */
const char *json_str(const cJSON *o, const char *key);
/* The plan's draws and requests without tokens and texts, one line each; the caller frees. */
char *round_fingerprint(const cJSON *doc);

#endif
