/* Findings: result names and the owning list. */
#include "grader/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *finding_result_name(enum finding_result r)
{
	switch (r) {
	case FINDING_PASS: return "pass";
	case FINDING_FAIL: return "fail";
	case FINDING_UNKNOWN: return "unknown";
	}
	return "unknown";
}

void finding_count(const struct finding *items, size_t n, size_t counts[3])
{
	counts[FINDING_PASS] = counts[FINDING_FAIL] = counts[FINDING_UNKNOWN] = 0;
	for (size_t i = 0; i < n; i++)
		counts[items[i].result]++;
}

int finding_vset(struct finding *f, enum finding_result r, const char *fmt, va_list ap)
{
	char *ev = NULL;
	int n = vasprintf(&ev, fmt, ap);
	free(f->evidence);
	f->result = r;
	f->evidence = n < 0 ? NULL : ev;
	return n < 0 ? -1 : 0;
}

int finding_add(struct finding_list *list, const char *code, enum finding_result r,
		const char *fmt, ...)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 24;
		struct finding *v = realloc(list->items, cap * sizeof *v);
		if (!v)
			return -1;
		list->items = v;
		list->cap = cap;
	}
	struct finding *f = &list->items[list->count];
	*f = (struct finding){.code = code};
	va_list ap;
	va_start(ap, fmt);
	int rc = finding_vset(f, r, fmt, ap);
	va_end(ap);
	if (rc == 0)
		list->count++;
	return rc;
}

const struct finding *finding_get(const struct finding_list *list, const char *code)
{
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->items[i].code, code) == 0)
			return &list->items[i];
	return NULL;
}

void finding_list_free(struct finding_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].evidence);
		if (list->codes_owned)
			free((char *)list->items[i].code);
	}
	free(list->items);
	*list = (struct finding_list){0};
}
