/*
 * Units as a round of the 2023 scheme finds them, for the score and export tests: a county
 * whose target replied late, a department that never replied, one whose reply was a scan
 * foi could not read. The expected points are computed by hand in score_test.c.
 */
#ifndef FOI_TEST_SCORE_FIXTURES_H
#define FOI_TEST_SCORE_FIXTURES_H

#include "grader/score.h"

/* C01 随县人民政府: guide page partly conforming, its 市场监督管理局 replied late, the question answered
 * accurately on working day 3, publication entered by hand (0.5). */
extern const struct unit_outcome fixture_county_late;
/* D09 随州市财政局: the application got no reply; the question answered within 1 working day,
 * accurate by the automatic check only. */
extern const struct unit_outcome fixture_department_silent;
/* D07 随州市民政局: a timely reply that was a scan: every letter item unknown. */
extern const struct unit_outcome fixture_department_unreadable;

/* A question answered in that band after that many working days, accuracy as given (confirmed). */
struct request_outcome fixture_question(enum answer_band band, double days, enum item_result accuracy);
/* An application with no reply whose deadline had not passed at the cutoff. */
struct request_outcome fixture_pending_application(void);

#endif
