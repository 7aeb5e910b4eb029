/* Reading what a unit's site answered a form submission with (see reply_page.h). */
#include "harness/web/reply_page.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "grader/html_text.h"
#include "grader/strbuf.h"

static const char *const code_labels[] = {"查询码", "查询编号", "受理编号", "受理号", "申请编号", "回执码",
					  "回执编号", "留言编号", "查询密码", "业务编号", NULL};
static const char *const confirmed_words[] = {"提交成功", "申请成功", "受理成功", "留言成功", "已成功提交", NULL};
static const char *const refused_words[] = {"提交失败", "申请失败", "留言失败", NULL};
static const char *const maintenance_words[] = {"系统维护", "暂停受理", "停止受理", NULL};

const char *reply_kind_name(enum reply_kind k)
{
	switch (k) {
	case REPLY_CONFIRMED: return "confirmed";
	case REPLY_REFUSED: return "refused";
	case REPLY_MAINTENANCE: return "maintenance";
	case REPLY_OTHER: break;
	}
	return "other";
}

static int any_of(const char *text, const char *const *words)
{
	for (; *words; words++)
		if (strstr(text, *words))
			return 1;
	return 0;
}

/* The code after a label: optional 为/是, a colon, spaces, then [A-Za-z0-9-]+. */
static char *code_after_label(const char *text)
{
	for (const char *const *l = code_labels; *l; l++) {
		for (const char *p = strstr(text, *l); p; p = strstr(p + 1, *l)) {
			const char *q = p + strlen(*l);
			for (int moved = 1; moved;) {
				moved = 0;
				static const char *const skips[] = {"为", "是", "：", ":", " ", "\t", "\xc2\xa0", "\xe3\x80\x80", NULL};
				for (const char *const *s = skips; *s; s++)
					if (!strncmp(q, *s, strlen(*s))) {
						q += strlen(*s);
						moved = 1;
					}
			}
			size_t n = 0;
			while (isalnum((unsigned char)q[n]) || q[n] == '-')
				n++;
			if (n >= 4)
				return strndup(q, n);
		}
	}
	return strdup("");
}

static enum foi_status code_by_pattern(const char *text, const char *pattern, char **code, char *err, size_t errsz)
{
	regex_t re;
	int bad = regcomp(&re, pattern, REG_EXTENDED);
	if (bad) {
		char why[200];
		regerror(bad, &re, why, sizeof why);
		return foi_fail(err, errsz, FOI_E_DATA, "confirmation pattern '%s': %s", pattern, why);
	}
	regmatch_t m[2];
	if (regexec(&re, text, 2, m, 0) == 0 && re.re_nsub >= 1 && m[1].rm_so >= 0)
		*code = strndup(text + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
	else
		*code = strdup("");
	regfree(&re);
	return *code ? FOI_OK : foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
}

/* The lines that say what went wrong: those after the refusal's heading, up to the way back. */
static char *problem_lines(const char *text, const char *const *heading)
{
	const char *start = NULL;
	for (const char *const *w = heading; *w && !start; w++) {
		/* The heading's last occurrence: the page title names it too, before the navigation. */
		for (const char *p = strstr(text, *w); p; p = strstr(p + 1, *w))
			start = p;
	}
	struct strbuf b = {0};
	const char *line = start ? strchr(start, '\n') : NULL;
	while (line && *line) {
		line++;
		size_t n = strcspn(line, "\n");
		const char *s = line, *e = line + n;
		while (s < e && isspace((unsigned char)*s))
			s++;
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		if (e > s) {
			if (!strncmp(s, "返回", 6) || !strncmp(s, "主办单位", 12) || !strncmp(s, "您可以", 9))
				break;
			if (b.len)
				strbuf_adds(&b, "; ");
			strbuf_add(&b, s, (size_t)(e - s));
		}
		line += n;
	}
	if (strbuf_reserve(&b, 0) != 0)
		return NULL;
	return strbuf_take(&b);
}

enum foi_status reply_page_read(const char *html, size_t len, const char *label, const char *pattern,
				struct reply_reading *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	struct decoded_text t;
	char why[256];
	if (html_to_text(html, len, label, &t, why, sizeof why) != 0)
		return foi_fail(err, errsz, FOI_E_DATA, "the page after submitting: %s", why);
	enum foi_status rc = FOI_OK;
	if (any_of(t.text, refused_words))
		out->kind = REPLY_REFUSED;
	else if (any_of(t.text, confirmed_words))
		out->kind = REPLY_CONFIRMED;
	else if (any_of(t.text, maintenance_words))
		out->kind = REPLY_MAINTENANCE;
	else
		out->kind = REPLY_OTHER;
	if (pattern && *pattern)
		rc = code_by_pattern(t.text, pattern, &out->code, err, errsz);
	else
		out->code = out->kind == REPLY_CONFIRMED ? code_after_label(t.text) : strdup("");
	if (rc == FOI_OK) {
		out->problems = out->kind == REPLY_REFUSED ? problem_lines(t.text, refused_words)
			: out->kind == REPLY_MAINTENANCE ? problem_lines(t.text, (const char *const[]){"系统维护公告", "系统维护", NULL})
			: strdup("");
		if (!out->code || !out->problems)
			rc = foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	}
	decoded_text_free(&t);
	if (rc != FOI_OK)
		reply_reading_free(out);
	return rc;
}

void reply_reading_free(struct reply_reading *r)
{
	free(r->code);
	free(r->problems);
	r->code = r->problems = NULL;
}
