/*
 * Export writers: a round's scores in the shapes evaluators and programs take them.
 *
 *   export_xlsx  a workbook (libxlsxwriter), headers in Chinese: a sheet per table of the scheme
 *                (县市区, 市直部门: a row per unit, a column per part, totals, cells resting on
 *                unconfirmed automatic results filled yellow and flagged), 明细 (a row per
 *                request with every rubric item's result, evidence and who confirmed it), 渠道指引
 *                (a row per unit with its guide items), and 图表 (sub-scores per unit; working days
 *                taken against the 1, 5 and 20 working-day marks);
 *   export_csv   the score table, one row per unit and part, UTF-8 with a byte-order mark so that
 *                spreadsheet programs read the Chinese;
 *   export_json  everything above for programs (cJSON), with the explanation lines.
 *
 * All take the scheme and the units' scores (score.h); each score points at the unit it was
 * computed from, whose requests make the detail. Pure apart from writing the output given.
 */
#ifndef FOI_GRADER_EXPORT_H
#define FOI_GRADER_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "grader/scheme.h"
#include "grader/score.h"

/* Each returns 0, or -1 with err filled (the file cannot be written, out of memory). */
int export_xlsx(const char *path, const struct scheme *s, const struct unit_score *scores, size_t n, char *err,
		size_t errsz);
int export_csv(FILE *out, const struct scheme *s, const struct unit_score *scores, size_t n, char *err,
	       size_t errsz);
int export_json(FILE *out, const struct scheme *s, const struct unit_score *scores, size_t n, char *err,
		size_t errsz);

/* ---- what the writers share (export_labels.c) ---------------------------------------- */

/* 符合, 不符合, 不适用, 待定 */
const char *export_result_label(enum item_result r);
/* 未测 (not measured), 无数据 (nothing to score yet), or NULL for a cell with points. */
const char *export_cell_label(enum cell_state st);
/* 依申请公开, 在线咨询 */
const char *export_kind_label(enum request_kind k);
/* 1个工作日内, 5个工作日内, 超过5个工作日, or "" when not answered. */
const char *export_band_label(enum answer_band b);
/* "依申请公开/申请接收渠道指引规范性(3)": a part's column header. Caller frees; NULL on oom. */
char *export_part_header(const struct scheme *s, const struct scheme_part *pt);

/*
 * The rubric item codes of the detail rows: the items of every part graded foi, in scheme
 * order without repeats, then "accurate" (questions). *n of them; the array is the caller's
 * (the codes belong to the scheme). NULL on oom.
 */
const char **export_detail_items(const struct scheme *s, size_t *n);
/* A request's outcome for one detail item (timely is computed, accurate is the question's),
 * or NULL when the request has none. tmp holds a computed one. */
const struct item_outcome *export_request_item(const struct request_outcome *r, const char *code,
					       struct item_outcome *tmp);
/* Who confirmed an outcome: the reviewer, or "" when automatic. */
const char *export_confirmed_by(const struct item_outcome *o);

#endif
