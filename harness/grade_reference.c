/* A consultation template as the reference for grading an answer. */
#include "harness/grade_reference.h"
#include "harness/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A shipped template by id: load the shipped set and take that one out of it. */
static enum foi_status shipped(const char *id, struct template *t, char *err, size_t errsz)
{
	char *dir = NULL;
	if (asprintf(&dir, "%s/templates", foi_datadir()) < 0) {
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	struct template_set set;
	template_set_init(&set);
	char lerr[512];
	int rc = template_set_load_dir(&set, dir, lerr, sizeof lerr);
	free(dir);
	if (rc != 0) {
		snprintf(err, errsz, "the shipped templates do not load: %s", lerr);
		template_set_free(&set);
		return FOI_E_DATA;
	}
	const struct template *found = template_set_find(&set, id);
	if (!found) {
		template_set_free(&set);
		return foi_fail(err, errsz, FOI_E_NOT_FOUND,
				"no template file and no shipped template with the id '%s' "
				"(see 'foi templates list --kind consult')",
				id);
	}
	/* Take the template's contents; the set keeps an emptied shell to free. */
	for (size_t i = 0; i < set.count; i++)
		if (set.items[i] == found) {
			*t = *set.items[i];
			memset(set.items[i], 0, sizeof *set.items[i]);
		}
	template_set_free(&set);
	return FOI_OK;
}

enum foi_status grade_reference_load(const char *name, struct grade_reference *out,
						 char *err, size_t errsz)
{
	*out = (struct grade_reference){0};
	struct stat st;
	enum foi_status rc = FOI_OK;
	if (stat(name, &st) == 0) {
		if (template_load_file(name, &out->tpl, err, errsz) != 0)
			return FOI_E_DATA;
	} else if (strchr(name, '/') || strstr(name, ".tpl")) {
		return foi_fail(err, errsz, FOI_E_IO, "%s: no such file", name);
	} else if ((rc = shipped(name, &out->tpl, err, errsz)) != FOI_OK) {
		return rc;
	}
	if (out->tpl.kind != TEMPLATE_CONSULT || out->tpl.keypoint_count == 0) {
		snprintf(err, errsz, "%s: template '%s' is not a consultation template with key points",
			 name, out->tpl.id ? out->tpl.id : "?");
		grade_reference_free(out);
		return FOI_E_DATA;
	}
	out->points = calloc(out->tpl.keypoint_count, sizeof *out->points);
	if (!out->points) {
		grade_reference_free(out);
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < out->tpl.keypoint_count; i++) {
		const struct template_keypoint *k = &out->tpl.keypoints[i];
		out->points[i] = (struct keypoint){k->alternatives[0], (const char *const *)k->alternatives,
						   k->count};
	}
	out->count = out->tpl.keypoint_count;
	return FOI_OK;
}

void grade_reference_free(struct grade_reference *r)
{
	free(r->points);
	template_free(&r->tpl);
	*r = (struct grade_reference){0};
}
