/*
 * The version of the automatic checks. A grading stored in a workspace records the version
 * that made it; `foi grade run` grades a reply again only when this version has not graded it,
 * and keeps the earlier grading beside the new one, so that a reviewer sees what changed.
 * Raise it whenever a change to grader/ can change a finding's result or evidence.
 */
#ifndef FOI_GRADER_VERSION_H
#define FOI_GRADER_VERSION_H

#define GRADER_VERSION "1"

#endif
