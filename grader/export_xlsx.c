/* The round's workbook with libxlsxwriter: a sheet per scheme table, the request detail, the guide items and a sheet of charts (see export.h). */
#include "grader/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* Excel refuses longer cell text; longer evidence is cut there, visibly. */
#define CELL_TEXT_MAX 32000
#define CUT_MARK "…(截断)"

struct book {
	lxw_workbook *wb;
	lxw_format *head, *points, *unconfirmed, *missing, *note;
	lxw_error rc; /* the first error of a write */
	char *cut;    /* a cell text shortened to CELL_TEXT_MAX */
};

static void keep(struct book *b, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && b->rc == LXW_NO_ERROR)
		b->rc = rc;
}

static void text(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *v, lxw_format *f)
{
	if (!v || !*v) {
		if (f)
			keep(b, worksheet_write_blank(ws, r, c, f));
		return;
	}
	if (strlen(v) > CELL_TEXT_MAX) {
		size_t keep_len = CELL_TEXT_MAX;
		while (keep_len > 0 && ((unsigned char)v[keep_len] & 0xC0) == 0x80)
			keep_len--; /* not inside a character */
		char *grown = realloc(b->cut, keep_len + sizeof CUT_MARK);
		if (!grown)
			return keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		b->cut = grown;
		memcpy(b->cut, v, keep_len);
		memcpy(b->cut + keep_len, CUT_MARK, sizeof CUT_MARK);
		v = b->cut;
	}
	keep(b, worksheet_write_string(ws, r, c, v, f));
}

static void number(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	keep(b, worksheet_write_number(ws, r, c, v, f));
}

static lxw_worksheet *sheet(struct book *b, const char *name, char *err, size_t errsz)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws)
		snprintf(err, errsz, "'%s' cannot name a sheet (at most 31 characters, none of []:*?/\\, not twice)", name);
	return ws;
}

static int make_formats(struct book *b)
{
	b->head = workbook_add_format(b->wb);
	b->points = workbook_add_format(b->wb);
	b->unconfirmed = workbook_add_format(b->wb);
	b->missing = workbook_add_format(b->wb);
	b->note = workbook_add_format(b->wb);
	if (!b->head || !b->points || !b->unconfirmed || !b->missing || !b->note)
		return -1;
	format_set_bold(b->head);
	format_set_text_wrap(b->head);
	format_set_bg_color(b->head, 0xDDEBF7);
	format_set_num_format(b->points, "0.00");
	format_set_num_format(b->unconfirmed, "0.00");
	format_set_bg_color(b->unconfirmed, 0xFFEB9C);
	format_set_italic(b->missing);
	format_set_font_color(b->missing, 0x808080);
	format_set_align(b->missing, LXW_ALIGN_CENTER);
	format_set_italic(b->note);
	return 0;
}

/* One sheet per table: a row per unit, a column per part, the totals. Returns its row count. */
static lxw_row_t write_table(struct book *b, lxw_worksheet *ws, const struct scheme *s, size_t table,
			     const struct unit_score *scores, size_t n, lxw_col_t *ncols)
{
	lxw_col_t c = 0;
	text(b, ws, 0, c++, "单位代码", b->head);
	text(b, ws, 0, c++, "单位名称", b->head);
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].table != table)
			continue;
		char *h = export_part_header(s, &s->parts[i]);
		if (!h)
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		text(b, ws, 0, c++, h, b->head);
		free(h);
	}
	text(b, ws, 0, c++, "合计", b->head);
	text(b, ws, 0, c++, "测得满分", b->head);
	text(b, ws, 0, c++, "待确认", b->head);
	*ncols = c;
	lxw_row_t r = 1;
	for (size_t u = 0; u < n; u++) {
		const struct unit_score *us = &scores[u];
		if (us->table != table)
			continue;
		c = 0;
		text(b, ws, r, c++, us->unit->code, NULL);
		text(b, ws, r, c++, us->unit->name, NULL);
		for (size_t i = 0; i < us->ncells; i++, c++) {
			const struct score_cell *cell = &us->cells[i];
			const char *label = export_cell_label(cell->state);
			if (label)
				text(b, ws, r, c, label, b->missing);
			else
				number(b, ws, r, c, cell->points, cell->unconfirmed ? b->unconfirmed : b->points);
		}
		number(b, ws, r, c++, us->total, us->unconfirmed ? b->unconfirmed : b->points);
		number(b, ws, r, c++, us->max, b->points);
		text(b, ws, r, c++, us->unconfirmed ? "是" : "", NULL);
		r++;
	}
	text(b, ws, r + 1, 0,
	     "黄底：含未经审核员确认的自动判断结果。未测：本工具不测量、尚未录入的部分（不计为0分）。无数据：尚无可评的申请或页面。",
	     b->note);
	keep(b, worksheet_set_column(ws, 0, 0, 10, NULL));
	keep(b, worksheet_set_column(ws, 1, 1, 24, NULL));
	keep(b, worksheet_set_column(ws, 2, *ncols - 1, 16, NULL));
	worksheet_freeze_panes(ws, 1, 2);
	return r - 1;
}

static void write_outcome(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct item_outcome *o)
{
	if (!o)
		return;
	text(b, ws, r, c, export_result_label(o->result), o->confirmed ? NULL : b->unconfirmed);
	text(b, ws, r, c + 1, o->evidence, NULL);
	text(b, ws, r, c + 2, export_confirmed_by(o), NULL);
}

/* Three columns per item: its result, the evidence, who confirmed it. */
static void item_headers(struct book *b, lxw_worksheet *ws, lxw_col_t c, const char *code)
{
	char h[160];
	snprintf(h, sizeof h, "%s 结果", code);
	text(b, ws, 0, c, h, b->head);
	snprintf(h, sizeof h, "%s 依据", code);
	text(b, ws, 0, c + 1, h, b->head);
	snprintf(h, sizeof h, "%s 确认人", code);
	text(b, ws, 0, c + 2, h, b->head);
}

static int write_detail(struct book *b, lxw_worksheet *ws, const struct scheme *s, const struct unit_score *scores,
			size_t n)
{
	static const char *const heads[] = {"单位代码", "单位", "对象", "类型", "渠道", "发送时间", "收到日期",
					    "答复期限", "答复", "答复时间", "用时（工作日）", "档次", "状态"};
	const size_t nheads = sizeof heads / sizeof heads[0];
	size_t nitems;
	const char **items = export_detail_items(s, &nitems);
	if (!items)
		return -1;
	for (size_t i = 0; i < nheads; i++)
		text(b, ws, 0, (lxw_col_t)i, heads[i], b->head);
	for (size_t i = 0; i < nitems; i++)
		item_headers(b, ws, (lxw_col_t)(nheads + 3 * i), items[i]);
	lxw_row_t r = 1;
	for (size_t u = 0; u < n; u++) {
		const struct unit_outcome *unit = scores[u].unit;
		for (size_t q = 0; q < unit->nrequests; q++, r++) {
			const struct request_outcome *req = &unit->requests[q];
			lxw_col_t c = 0;
			text(b, ws, r, c++, unit->code, NULL);
			text(b, ws, r, c++, unit->name, NULL);
			text(b, ws, r, c++, req->target, NULL);
			text(b, ws, r, c++, export_kind_label(req->kind), NULL);
			text(b, ws, r, c++, req->channel, NULL);
			text(b, ws, r, c++, req->sent, NULL);
			text(b, ws, r, c++, req->received, NULL);
			text(b, ws, r, c++, req->deadline, NULL);
			text(b, ws, r, c++, req->replied ? "已答复" : req->pending ? "截止时未到期" : "未答复", NULL);
			text(b, ws, r, c++, req->replied_at, NULL);
			if (req->working_days >= 0)
				number(b, ws, r, c, req->working_days, b->points);
			c++;
			text(b, ws, r, c++, req->kind == REQUEST_CONSULT ? export_band_label(req->band)
					    : req->late		 ? "逾期"
					    : req->replied		 ? "期限内"
									 : "",
			     NULL);
			text(b, ws, r, c++, req->state, NULL);
			for (size_t i = 0; i < nitems; i++) {
				struct item_outcome tmp;
				write_outcome(b, ws, r, (lxw_col_t)(nheads + 3 * i), export_request_item(req, items[i], &tmp));
			}
		}
	}
	free(items);
	worksheet_freeze_panes(ws, 1, 2);
	return 0;
}

static int write_guides(struct book *b, lxw_worksheet *ws, const struct scheme *s, const struct unit_score *scores,
			size_t n)
{
	text(b, ws, 0, 0, "单位代码", b->head);
	text(b, ws, 0, 1, "单位", b->head);
	/* The columns: every item of the parts graded on the guide page, in scheme order; a scheme
	 * names each known item at most once a part, so the catalogue's size bounds them. */
	const char **codes = calloc(scheme_item_count(), sizeof *codes);
	size_t ncodes = 0;
	if (!codes)
		return -1;
	for (size_t i = 0; i < s->nparts; i++)
		for (size_t j = 0; s->parts[i].graded == SCHEME_GUIDE && j < s->parts[i].nitems; j++) {
			size_t k = 0;
			while (k < ncodes && strcmp(codes[k], s->parts[i].items[j].code) != 0)
				k++;
			if (k == ncodes)
				codes[ncodes++] = s->parts[i].items[j].code;
		}
	for (size_t i = 0; i < ncodes; i++)
		item_headers(b, ws, (lxw_col_t)(2 + 3 * i), codes[i]);
	lxw_row_t r = 1;
	for (size_t u = 0; u < n; u++) {
		const struct unit_outcome *unit = scores[u].unit;
		if (!unit->nchannel)
			continue;
		text(b, ws, r, 0, unit->code, NULL);
		text(b, ws, r, 1, unit->name, NULL);
		for (size_t i = 0; i < ncodes; i++)
			for (size_t k = 0; k < unit->nchannel; k++)
				if (unit->channel_items[k].code && strcmp(unit->channel_items[k].code, codes[i]) == 0)
					write_outcome(b, ws, r, (lxw_col_t)(2 + 3 * i), &unit->channel_items[k]);
		r++;
	}
	free(codes);
	return 0;
}

/* Sub-scores per unit of one table, one series per part, from the table's own sheet. */
static int chart_table(struct book *b, lxw_worksheet *charts, lxw_row_t at, const struct scheme *s, size_t table,
		       const char *sheetname, lxw_row_t nunits)
{
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	if (!ch)
		return -1;
	char title[160];
	snprintf(title, sizeof title, "%s 子指标得分", s->tables[table].name);
	chart_title_set_name(ch, title);
	lxw_col_t c = 2;
	for (size_t i = 0; i < s->nparts; i++) {
		if (s->parts[i].table != table)
			continue;
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se)
			return -1;
		chart_series_set_categories(se, sheetname, 1, 1, nunits, 1);
		chart_series_set_values(se, sheetname, 1, c, nunits, c);
		chart_series_set_name_range(se, sheetname, 0, c);
		c++;
	}
	chart_axis_set_name(ch->y_axis, "得分");
	keep(b, worksheet_insert_chart(charts, at, 7, ch));
	return 0;
}

/* Working days each answered request took, against the 1, 5 and 20 working-day marks. */
static int chart_days(struct book *b, lxw_worksheet *charts, lxw_row_t at, const struct unit_score *scores, size_t n)
{
	static const char *const heads[] = {"请求", "用时（工作日）", "1个工作日", "5个工作日", "20个工作日"};
	static const double marks[] = {1, 5, 20};
	for (lxw_col_t i = 0; i < 5; i++)
		text(b, charts, 0, i, heads[i], b->head);
	lxw_row_t r = 1;
	for (size_t u = 0; u < n; u++) {
		const struct unit_outcome *unit = scores[u].unit;
		for (size_t q = 0; q < unit->nrequests; q++) {
			const struct request_outcome *req = &unit->requests[q];
			if (req->working_days < 0)
				continue;
			char label[200];
			snprintf(label, sizeof label, "%s %s %s", unit->code, export_kind_label(req->kind),
				 req->id ? req->id : "");
			text(b, charts, r, 0, label, NULL);
			number(b, charts, r, 1, req->working_days, b->points);
			for (lxw_col_t m = 0; m < 3; m++)
				number(b, charts, r, (lxw_col_t)(2 + m), marks[m], NULL);
			r++;
		}
	}
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
	if (!ch)
		return -1;
	chart_title_set_name(ch, "答复用时（工作日）与1、5、20个工作日标线");
	lxw_row_t last = r > 1 ? r - 1 : 1;
	for (lxw_col_t c = 1; c < 5; c++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (!se)
			return -1;
		chart_series_set_categories(se, "图表", 1, 0, last, 0);
		chart_series_set_values(se, "图表", 1, c, last, c);
		chart_series_set_name_range(se, "图表", 0, c);
		if (c == 1) {
			/* The days are points, not a trend: markers only. */
			lxw_chart_line none = {.none = LXW_TRUE};
			chart_series_set_line(se, &none);
			chart_series_set_marker_type(se, LXW_CHART_MARKER_DIAMOND);
			chart_series_set_marker_size(se, 8);
		} else {
			lxw_chart_line dash = {.dash_type = LXW_CHART_LINE_DASH_DASH, .width = 1.25};
			chart_series_set_line(se, &dash);
		}
	}
	chart_axis_set_name(ch->y_axis, "工作日");
	keep(b, worksheet_insert_chart(charts, at, 7, ch));
	keep(b, worksheet_set_column(charts, 0, 0, 28, NULL));
	return 0;
}

int export_xlsx(const char *path, const struct scheme *s, const struct unit_score *scores, size_t n, char *err,
		size_t errsz)
{
	struct book b = {0};
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE};
	b.wb = workbook_new_opt(path, &opt);
	if (!b.wb) {
		snprintf(err, errsz, "%s: cannot create the workbook", path);
		return -1;
	}
	int failed = make_formats(&b) != 0;
	if (failed)
		snprintf(err, errsz, "out of memory");
	lxw_row_t *units = calloc(s->ntables ? s->ntables : 1, sizeof *units);
	if (!units && !failed) {
		snprintf(err, errsz, "out of memory");
		failed = 1;
	}
	for (size_t t = 0; !failed && t < s->ntables; t++) {
		lxw_worksheet *ws = sheet(&b, s->tables[t].name, err, errsz);
		lxw_col_t ncols;
		if (!ws)
			failed = 1;
		else
			units[t] = write_table(&b, ws, s, t, scores, n, &ncols);
	}
	lxw_worksheet *detail = failed ? NULL : sheet(&b, "明细", err, errsz);
	lxw_worksheet *guides = detail ? sheet(&b, "渠道指引", err, errsz) : NULL;
	lxw_worksheet *charts = guides ? sheet(&b, "图表", err, errsz) : NULL;
	if (!charts)
		failed = 1;
	if (!failed && write_detail(&b, detail, s, scores, n) != 0) {
		snprintf(err, errsz, "out of memory");
		failed = 1;
	}
	if (!failed) {
		failed = write_guides(&b, guides, s, scores, n) != 0;
		lxw_row_t at = 1;
		for (size_t t = 0; !failed && t < s->ntables; t++, at += 20)
			if (units[t] && chart_table(&b, charts, at, s, t, s->tables[t].name, units[t]) != 0)
				failed = 1;
		if (!failed && chart_days(&b, charts, at, scores, n) != 0)
			failed = 1;
		if (failed)
			snprintf(err, errsz, "out of memory");
	}
	if (!failed && b.rc != LXW_NO_ERROR) {
		snprintf(err, errsz, "%s: %s", path, lxw_strerror(b.rc));
		failed = 1;
	}
	free(units);
	free(b.cut);
	/* The workbook is written (and freed) by close; a failed one is still closed to free it. */
	lxw_error rc = workbook_close(b.wb);
	if (!failed && rc != LXW_NO_ERROR) {
		snprintf(err, errsz, "%s: cannot write the workbook: %s", path, lxw_strerror(rc));
		failed = 1;
	}
	if (failed)
		remove(path);
	return failed ? -1 : 0;
}
