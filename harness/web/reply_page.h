/*
 * What a unit's site answered a submission with, read from the page's text (libxml2, through
 * grader/html_text.h): a confirmation (提交成功 and the like) with its query code, read after
 * its label (查询码, 受理编号, 申请编号, 受理号, 查询编号, 回执码 ...) or by the form file's own
 * pattern; a refusal (提交失败) with the problems it lists; a maintenance notice (系统维护,
 * 暂停受理); or a page that says none of these.
 */
#ifndef FOI_WEB_REPLY_PAGE_H
#define FOI_WEB_REPLY_PAGE_H

#include <stddef.h>

#include "harness/status.h"

enum reply_kind {
	REPLY_CONFIRMED,
	REPLY_REFUSED,
	REPLY_MAINTENANCE,
	REPLY_OTHER,
};

struct reply_reading {
	enum reply_kind kind;
	char *code;      /* the query code, or "" */
	char *problems;  /* a refusal's listed problems joined by "; ", or the notice's words; else "" */
};

/*
 * Reads a page (len bytes in any charset; label: the HTTP charset or NULL). pattern, when not
 * NULL or empty, is a POSIX extended regular expression whose first group is the query code
 * (the form file's `confirmation`); FOI_E_DATA when it does not compile. Else the code is the
 * run of letters, digits and '-' after a known label.
 */
enum foi_status reply_page_read(const char *html, size_t len, const char *label, const char *pattern,
				struct reply_reading *out, char *err, size_t errsz);
void reply_reading_free(struct reply_reading *r);

const char *reply_kind_name(enum reply_kind k);

#endif
