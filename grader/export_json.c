/* The scores, the requests behind them and the explanation lines as one JSON document (cJSON), for programs. */
#include "grader/export.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

/* Builders that clear *ok when cJSON cannot allocate, so the document is checked once. */
static void add(cJSON *obj, const char *key, cJSON *v, int *ok)
{
	if (!v || !cJSON_AddItemToObject(obj, key, v)) {
		cJSON_Delete(v);
		*ok = 0;
	}
}

static void str(cJSON *obj, const char *key, const char *v, int *ok)
{
	add(obj, key, v ? cJSON_CreateString(v) : cJSON_CreateNull(), ok);
}

static void num(cJSON *obj, const char *key, double v, int present, int *ok)
{
	add(obj, key, present ? cJSON_CreateNumber(v) : cJSON_CreateNull(), ok);
}

static void flag(cJSON *obj, const char *key, int v, int *ok)
{
	add(obj, key, cJSON_CreateBool(v), ok);
}

static cJSON *child(cJSON *parent, const char *key, cJSON *v, int *ok)
{
	if (!v) {
		*ok = 0;
		return NULL;
	}
	if (key ? !cJSON_AddItemToObject(parent, key, v) : !cJSON_AddItemToArray(parent, v)) {
		cJSON_Delete(v);
		*ok = 0;
		return NULL;
	}
	return v;
}

static void outcome(cJSON *arr, const struct item_outcome *o, int *ok)
{
	cJSON *j = child(arr, NULL, cJSON_CreateObject(), ok);
	if (!j)
		return;
	str(j, "code", o->code, ok);
	str(j, "result", item_result_name(o->result), ok);
	flag(j, "confirmed", o->confirmed, ok);
	str(j, "confirmed_by", o->confirmed ? o->confirmed_by : NULL, ok);
	str(j, "evidence", o->evidence, ok);
}

static void request(cJSON *arr, const struct request_outcome *r, int *ok)
{
	cJSON *j = child(arr, NULL, cJSON_CreateObject(), ok);
	if (!j)
		return;
	str(j, "id", r->id, ok);
	str(j, "kind", r->kind == REQUEST_CONSULT ? "consult" : "foi", ok);
	str(j, "target", r->target, ok);
	str(j, "channel", r->channel, ok);
	str(j, "sent", r->sent, ok);
	str(j, "received", r->received, ok);
	str(j, "deadline", r->deadline, ok);
	str(j, "replied_at", r->replied_at, ok);
	str(j, "state", r->state, ok);
	str(j, "doc_kind", r->doc_kind, ok);
	flag(j, "replied", r->replied, ok);
	flag(j, "late", r->late, ok);
	flag(j, "pending", r->pending, ok);
	num(j, "working_days", r->working_days, r->working_days >= 0, ok);
	str(j, "band", r->kind == REQUEST_CONSULT ? answer_band_name(r->band) : NULL, ok);
	cJSON *items = child(j, "items", cJSON_CreateArray(), ok);
	if (!items)
		return;
	if (r->kind == REQUEST_FOI) {
		struct item_outcome timely = score_timely(r);
		outcome(items, &timely, ok);
	} else if (r->replied) {
		outcome(items, &r->accuracy, ok);
	}
	for (size_t i = 0; i < r->nitems; i++)
		outcome(items, &r->items[i], ok);
}

static void cell(cJSON *arr, const struct scheme *s, const struct score_cell *c, int *ok)
{
	cJSON *j = child(arr, NULL, cJSON_CreateObject(), ok);
	if (!j)
		return;
	str(j, "part", c->part->code, ok);
	str(j, "indicator", s->tables[c->part->table].indicators[c->part->indicator].name, ok);
	str(j, "name", c->part->name, ok);
	num(j, "max", c->max, 1, ok);
	num(j, "points", c->points, c->state == CELL_SCORED || c->state == CELL_ENTERED, ok);
	str(j, "state", cell_state_name(c->state), ok);
	flag(j, "unconfirmed", c->unconfirmed, ok);
	flag(j, "undecided", c->undecided, ok);
}

static void unit(cJSON *arr, const struct scheme *s, const struct unit_score *us, int *ok)
{
	const struct unit_outcome *u = us->unit;
	cJSON *j = child(arr, NULL, cJSON_CreateObject(), ok);
	if (!j)
		return;
	str(j, "code", u->code, ok);
	str(j, "name", u->name, ok);
	str(j, "table", s->tables[us->table].code, ok);
	str(j, "table_name", s->tables[us->table].name, ok);
	num(j, "total", us->total, 1, ok);
	num(j, "max", us->max, 1, ok);
	flag(j, "unconfirmed", us->unconfirmed, ok);
	cJSON *cells = child(j, "cells", cJSON_CreateArray(), ok);
	for (size_t i = 0; cells && i < us->ncells; i++)
		cell(cells, s, &us->cells[i], ok);
	cJSON *guide = child(j, "channel_items", cJSON_CreateArray(), ok);
	for (size_t i = 0; guide && i < u->nchannel; i++)
		outcome(guide, &u->channel_items[i], ok);
	cJSON *reqs = child(j, "requests", cJSON_CreateArray(), ok);
	for (size_t i = 0; reqs && i < u->nrequests; i++)
		request(reqs, &u->requests[i], ok);
	cJSON *explain = child(j, "explain", cJSON_CreateArray(), ok);
	for (size_t i = 0; explain && i < us->nexplain; i++)
		child(explain, NULL, cJSON_CreateString(us->explain[i]), ok);
}

int export_json(FILE *out, const struct scheme *s, const struct unit_score *scores, size_t n, char *err, size_t errsz)
{
	int ok = 1;
	cJSON *root = cJSON_CreateObject();
	if (!root)
		ok = 0;
	cJSON *sj = ok ? child(root, "scheme", cJSON_CreateObject(), &ok) : NULL;
	if (sj) {
		str(sj, "name", s->name, &ok);
		str(sj, "title", s->title, &ok);
		str(sj, "pending", scheme_pending_name(s->pending), &ok);
	}
	cJSON *units = ok ? child(root, "units", cJSON_CreateArray(), &ok) : NULL;
	for (size_t i = 0; units && i < n; i++)
		unit(units, s, &scores[i], &ok);
	char *text = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		snprintf(err, errsz, "out of memory writing JSON");
		return -1;
	}
	fputs(text, out);
	fputc('\n', out);
	free(text);
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errsz, "cannot write the JSON: %m");
		return -1;
	}
	return 0;
}
