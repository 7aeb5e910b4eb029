/*
 * Writing findings for a person or a program: the `{"items": [{"code", "result",
 * "evidence"}]}` part of the JSON that `foi grade check` and `foi channel check` print, and
 * the ITEM / RESULT / EVIDENCE table they print without --json. Each command adds what is
 * its own (a reply type, a heading naming the file and how it was read) around these.
 */
#ifndef FOI_HARNESS_FINDING_OUT_H
#define FOI_HARNESS_FINDING_OUT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "grader/finding.h"

/* Adds "items": [{"code", "result", "evidence"}, ...] to obj. Returns 0 or -1 (memory). */
int finding_json_add_items(cJSON *obj, const struct finding *items, size_t n);

/* Prints obj as indented JSON and a line break on standard output, then deletes it (also
 * when it is NULL or printing fails). Returns 0 or -1 (memory). */
int finding_json_print(cJSON *obj);

/* The table: a heading line, then one line per finding with the code padded to code_width
 * columns. Evidence longer than evidence_cps characters is cut with "…" (0: never cut). */
void finding_print_table(const struct finding *items, size_t n, int code_width, size_t evidence_cps);

#endif
