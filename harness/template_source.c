/* The shipped templates with the workspace's own laid over them. */
#include "harness/template_source.h"
#include "harness/app.h"

#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

int template_source_load(const char *workspace_dir, struct template_set *set, char *err, size_t errsz)
{
	char dir[PATH_MAX];
	struct stat st;
	template_set_init(set);
	if ((size_t)snprintf(dir, sizeof dir, "%s/templates", foi_datadir()) >= sizeof dir) {
		snprintf(err, errsz, "%s: path too long", foi_datadir());
		return -1;
	}
	if (template_set_load_dir(set, dir, err, errsz) != 0)
		goto fail;
	if (!workspace_dir)
		return 0;
	if ((size_t)snprintf(dir, sizeof dir, "%s/templates", workspace_dir) >= sizeof dir) {
		snprintf(err, errsz, "%s: path too long", workspace_dir);
		goto fail;
	}
	if (stat(dir, &st) != 0)
		return 0; /* a workspace without templates of its own */
	if (template_set_overlay_dir(set, dir, err, errsz) == 0)
		return 0;
fail:
	template_set_free(set);
	return -1;
}

const char *template_source_origin(const struct template *t)
{
	if (t->layer == 0)
		return "shipped";
	return t->replaced ? "workspace (replaces shipped)" : "workspace";
}
