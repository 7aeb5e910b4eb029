/*
 * Who is deciding: the reviewer's name for a decision, from --reviewer, else the FOI_REVIEWER
 * environment variable, else the workspace's [review] reviewer setting. A decision without a
 * name is refused, because every decision must say who made it.
 */
#ifndef FOI_HARNESS_REVIEWER_NAME_H
#define FOI_HARNESS_REVIEWER_NAME_H

struct workspace;

/* The name, or NULL after a usage error naming the three ways to give one (what: the command). */
const char *reviewer_name(const char *option, const struct workspace *ws, const char *what, const char *help);

#endif
