/* The Chinese labels and detail columns every export writer shares. */
#include "grader/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *export_result_label(enum item_result r)
{
	static const char *const labels[] = {"符合", "不符合", "不适用", "待定"};
	return (unsigned)r < 4 ? labels[r] : "";
}

const char *export_cell_label(enum cell_state st)
{
	if (st == CELL_NOT_MEASURED)
		return "未测";
	if (st == CELL_NO_DATA)
		return "无数据";
	return NULL;
}

const char *export_kind_label(enum request_kind k)
{
	return k == REQUEST_CONSULT ? "在线咨询" : "依申请公开";
}

const char *export_band_label(enum answer_band b)
{
	static const char *const labels[] = {"", "1个工作日内", "5个工作日内", "超过5个工作日"};
	return (unsigned)b < 4 ? labels[b] : "";
}

char *export_part_header(const struct scheme *s, const struct scheme_part *pt)
{
	char *h = NULL;
	if (asprintf(&h, "%s/%s(%g)", s->tables[pt->table].indicators[pt->indicator].name, pt->name, pt->points) < 0)
		return NULL;
	return h;
}

const char **export_detail_items(const struct scheme *s, size_t *n)
{
	size_t cap = 1;
	for (size_t i = 0; i < s->nparts; i++)
		cap += s->parts[i].nitems;
	const char **codes = calloc(cap, sizeof *codes);
	if (!codes)
		return NULL;
	*n = 0;
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].graded != SCHEME_FOI)
			continue;
		for (size_t j = 0; j < s->parts[i].nitems; j++) {
			const char *c = s->parts[i].items[j].code;
			size_t k = 0;
			while (k < *n && strcmp(codes[k], c) != 0)
				k++;
			if (k == *n)
				codes[(*n)++] = c;
		}
	}
	codes[(*n)++] = "accurate";
	return codes;
}

const struct item_outcome *export_request_item(const struct request_outcome *r, const char *code,
					       struct item_outcome *tmp)
{
	if (strcmp(code, "timely") == 0) {
		if (r->kind != REQUEST_FOI)
			return NULL;
		*tmp = score_timely(r);
		return tmp;
	}
	if (strcmp(code, "accurate") == 0)
		return r->kind == REQUEST_CONSULT && r->replied ? &r->accuracy : NULL;
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].code && strcmp(r->items[i].code, code) == 0)
			return &r->items[i];
	return NULL;
}

const char *export_confirmed_by(const struct item_outcome *o)
{
	if (!o->confirmed)
		return "";
	return o->confirmed_by ? o->confirmed_by : "";
}
