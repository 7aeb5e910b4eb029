/* The score table as CSV (RFC 4180), one row per unit and part plus its total, UTF-8 with a byte-order mark for spreadsheet programs. */
#include "grader/export.h"

#include <stdio.h>
#include <string.h>

static const char *state_label(enum cell_state st)
{
	static const char *const labels[] = {"已评分", "手工录入", "未测", "无数据"};
	return (unsigned)st < 4 ? labels[st] : "";
}

/* A field, quoted when it holds a separator, a quote or a line break. */
static void field(FILE *out, const char *v, int last)
{
	if (!v)
		v = "";
	if (strpbrk(v, ",\"\r\n")) {
		fputc('"', out);
		for (const char *c = v; *c; c++) {
			if (*c == '"')
				fputc('"', out);
			fputc(*c, out);
		}
		fputc('"', out);
	} else {
		fputs(v, out);
	}
	fputs(last ? "\r\n" : ",", out);
}

static void number(FILE *out, double v, int present)
{
	if (present)
		fprintf(out, "%.2f,", v);
	else
		fputc(',', out);
}

int export_csv(FILE *out, const struct scheme *s, const struct unit_score *scores, size_t n, char *err, size_t errsz)
{
	fputs("\xEF\xBB\xBF", out);
	static const char *const headers[] = {"表", "单位代码", "单位名称", "指标", "子指标", "满分", "得分", "状态", "待确认"};
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		field(out, headers[i], i + 1 == sizeof headers / sizeof headers[0]);
	for (size_t u = 0; u < n; u++) {
		const struct unit_score *us = &scores[u];
		const struct scheme_table *t = &s->tables[us->table];
		for (size_t i = 0; i < us->ncells; i++) {
			const struct score_cell *c = &us->cells[i];
			field(out, t->name, 0);
			field(out, us->unit->code, 0);
			field(out, us->unit->name, 0);
			field(out, t->indicators[c->part->indicator].name, 0);
			field(out, c->part->name, 0);
			number(out, c->max, 1);
			number(out, c->points, c->state == CELL_SCORED || c->state == CELL_ENTERED);
			field(out, state_label(c->state), 0);
			field(out, c->unconfirmed ? "是" : "", 1);
		}
		field(out, t->name, 0);
		field(out, us->unit->code, 0);
		field(out, us->unit->name, 0);
		field(out, "合计", 0);
		field(out, "", 0);
		number(out, us->max, 1);
		number(out, us->total, 1);
		field(out, "", 0);
		field(out, us->unconfirmed ? "是" : "", 1);
	}
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errsz, "cannot write the CSV: %m");
		return -1;
	}
	return 0;
}
