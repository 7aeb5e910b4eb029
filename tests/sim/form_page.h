/*
 * A unit's online forms: the FOI application form (政府信息公开申请) and the consultation
 * form (我要咨询). Their field names follow the unit's style: plain English names, or the
 * pinyin initials many Chinese CMSs use (xm 姓名, zjhm 证件号码, lxdh 联系电话, ...); every input
 * has a <label for> with its Chinese name. Checking a submission is pure: it reads the values
 * through a callback and lists every problem as the page would show it.
 */
#ifndef FOI_SIM_FORM_PAGE_H
#define FOI_SIM_FORM_PAGE_H

#include "tests/sim/engine.h"
#include "tests/sim/profile.h"
#include "tests/sim/strbuf.h"

enum form_kind { FORM_KIND_FOI, FORM_KIND_CONSULT };

/* Hidden values a form page carries: a CSRF token, a captcha id (NULL when not used). */
struct form_tokens {
	const char *csrf;
	const char *captcha_id;
};

/* Looks up a submitted field by name; NULL when absent. */
typedef const char *(*form_get)(void *ctx, const char *name);

char *form_page(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
		const struct form_tokens *tokens);

/*
 * Checks a submission; returns the number of problems, each appended to problems as one line
 * (请填写证件号码, 联系电话格式不正确, ...). out receives pointers into the submitted values.
 */
/* Every labelled field of a submission with its value (JSON {"label": "value"}, malloc'd), for
 * the state's record of what the unit received; NULL when out of memory. */
char *form_record(const struct sim_unit *u, enum form_kind kind, form_get get, void *ctx);

int form_check(const struct sim_unit *u, enum form_kind kind, form_get get, void *ctx,
	       struct strbuf *problems, struct web_request *out);

/* The names of the hidden and captcha fields in this unit's style. */
const char *form_csrf_field(const struct sim_unit *u);
const char *form_captcha_field(const struct sim_unit *u);
const char *form_captcha_id_field(const struct sim_unit *u);

/* The confirmation page with the query code (查询码). */
char *form_confirmation(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
			const char *code);
/* The page listing what was wrong with a submission. */
char *form_problems_page(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
			 const char *problems);

#endif
