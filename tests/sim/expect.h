/*
 * The expected results of the profiles, and the check that they follow from the behaviour.
 *
 * A profile states both what a unit does (foi.flaws, foi.final, guide.omit, ...) and what a
 * correct harness must report (expect.*). `foi-sim check` derives the second from the first
 * by the rules below and reports every disagreement, so the expectations that end-to-end tests
 * assert cannot drift from what the simulator actually does:
 *   - each flaw makes named letter items fail (no_remedy: remedy.notice, remedy.periods and
 *     remedy.bodies; vague_conclusion: conclusion.type and basis.article; ...);
 *   - each guide omission makes its guide item fail; a dead link fails channel.online; no
 *     guide fails all seven;
 *   - the deadline is met when the final reply comes at most 19 working days after receipt
 *     (39 with an extension sent within 20), late from 22 (42) on: the margin keeps the
 *     expectation true under either receipt rule for requests sent on rest days;
 *   - a consultation answered the same day is in band 1, after 2 to 4 working days in band 5,
 *     after 7 or more late; its answer is accurate when consult.accurate says so;
 *   - when neither the FOI form nor the mailbox can take an application, nothing is expected.
 */
#ifndef FOI_SIM_EXPECT_H
#define FOI_SIM_EXPECT_H

#include <stddef.h>

#include "tests/sim/profile.h"
#include "tests/sim/strbuf.h"

struct cJSON;

/* The letter items that the flaws make fail (ITEM_BIT set). */
unsigned expect_items_of_flaws(unsigned flaws);
/* The guide items a unit's guide fails. */
unsigned expect_guide_items(const struct sim_unit *u);
/* Whether an FOI application can reach the unit at all (a working form, or its mailbox). */
int expect_foi_reachable(const struct sim_unit *u);

/* Appends one line per disagreement to problems ("PATH:LINE: [CODE] ..."); returns their count. */
int expect_check(const struct sim_profiles *p, struct strbuf *problems);

/*
 * Compares the profiles with a units CSV (code,name,level,parent,guide_url,foi_form_url,
 * consult_form_url,email): the same units, the same addresses, a form where a URL is listed.
 * Returns the number of problems, or -1 with err when the file cannot be read.
 */
int expect_check_units(const struct sim_profiles *p, const char *csv_path, struct strbuf *problems,
		       char *err, size_t errsz);

/* {"units":[{"code","name","email","mailbox","expect":{...}}]} */
struct cJSON *expect_json(const struct sim_profiles *p);

#endif
