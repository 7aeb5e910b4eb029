/*
 * Where a command's templates come from: the shipped set (under foi_datadir()), with the
 * templates/ folder of the workspace, when there is one, laid over it (a workspace template
 * with a shipped template's id replaces it; templates/README.md). `templates list`,
 * `templates show`, `templates coverage` and `round create|edit|show` all load through here,
 * so they see the same set.
 */
#ifndef FOI_TEMPLATE_SOURCE_H
#define FOI_TEMPLATE_SOURCE_H

#include <stddef.h>

#include "templates/template.h"

/*
 * Loads the shipped templates, then those of workspace_dir/templates when workspace_dir is
 * not NULL and that folder exists. Returns 0, or -1 with err naming the file; set is then
 * freed (empty).
 */
int template_source_load(const char *workspace_dir, struct template_set *set, char *err, size_t errsz);

/* "shipped", "workspace" or "workspace (replaces shipped)", for lists. */
const char *template_source_origin(const struct template *t);

#endif
