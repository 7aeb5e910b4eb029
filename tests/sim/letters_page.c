/* A simulated unit's page of published answers (留言选登) (see letters_page.h). */
#include "tests/sim/letters_page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/sim/answer.h"
#include "tests/sim/site.h"
#include "tests/sim/state.h"
#include "tests/sim/strbuf.h"

static void when(time_t t, char *out, size_t outsz)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, outsz, "%Y-%m-%d %H:%M", &tm);
}

/* 李明华 -> 李** : sites do not publish the asker's full name. */
static void masked(const char *name, char *out, size_t outsz)
{
	if (!name || !*name) {
		snprintf(out, outsz, "网友");
		return;
	}
	size_t first = 1;
	while ((name[first] & 0xC0) == 0x80)
		first++;
	snprintf(out, outsz, "%.*s**", (int)first, name);
}

static void row(struct strbuf *sb, const char *label, const char *value)
{
	sb_add(sb, "<tr><th>");
	sb_add_html(sb, label);
	sb_add(sb, "</th><td>");
	sb_add_html(sb, value);
	sb_add(sb, "</td></tr>\n");
}

static void detail(struct strbuf *sb, const struct template_set *templates, const struct sim_unit *u,
		   const struct sim_request *r, time_t now)
{
	char t[32], who[64];
	sb_add(sb, "<table class=\"letter\">\n");
	row(sb, "留言标题", r->subject ? r->subject : "");
	masked(r->applicant, who, sizeof who);
	row(sb, "留言人", who);
	when(r->arrived, t, sizeof t);
	row(sb, "留言时间", t);
	row(sb, "留言内容", r->content ? r->content : "");
	if (r->answer_at && r->answer_at <= now) {
		row(sb, "办理状态", "已答复");
		row(sb, "答复单位", u->name);
		when(r->answer_at, t, sizeof t);
		row(sb, "答复时间", t);
		if (u->consult_publish) {
			char *answer = answer_text(templates, u, r);
			row(sb, "答复内容", answer ? answer : "");
			free(answer);
		} else
			row(sb, "答复内容", "该留言已办结，答复内容不予公开。");
	} else
		row(sb, "办理状态", "办理中，尚未答复");
	sb_add(sb, "</table>\n");
}

struct list_ctx {
	struct strbuf *sb;
};

static int list_row(const struct sim_request *r, void *arg)
{
	struct list_ctx *c = arg;
	char asked[32], answered[32];
	when(r->arrived, asked, sizeof asked);
	when(r->answer_at, answered, sizeof answered);
	sb_addf(c->sb, "<tr><td><a href=\"?id=%ld\">", r->id);
	sb_add_html(c->sb, r->subject ? r->subject : "（无标题）");
	sb_addf(c->sb, "</a></td><td>%s</td><td>%s</td></tr>\n", asked, answered);
	return 0;
}

char *letters_page(const struct sim_profiles *p, const struct template_set *templates,
		   const struct sim_unit *u, sqlite3 *db, time_t now, const char *code, long id,
		   char *err, size_t errsz)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, "留言选登", "utf-8");
	sb_addf(&sb, "<form class=\"search\" method=\"get\" action=\"/%s/letters\">"
		     "<label for=\"code\">查询码</label> <input type=\"text\" id=\"code\" name=\"code\" size=\"12\" /> "
		     "<input type=\"submit\" value=\"查询\" /></form>\n", u->code);
	int rc = 0;
	if ((code && *code) || id > 0) {
		struct sim_request r;
		int found = code && *code ? state_find_by_code(db, code, &r, err, errsz)
					  : state_get_request(db, id, &r, err, errsz);
		if (found < 0)
			rc = -1;
		else if (found && strcmp(r.unit, u->code) == 0 && strcmp(r.kind, "consult") == 0 &&
			 strcmp(r.channel, "web") == 0 && (code || (r.answer_at && r.answer_at <= now && u->consult_publish))) {
			detail(&sb, templates, u, &r, now);
		} else
			sb_add(&sb, "<p class=\"notfound\">未找到相关留言，请核对查询码后重新输入。</p>\n");
		if (found > 0)
			state_request_free(&r);
	} else if (u->consult_publish) {
		sb_add(&sb, "<table class=\"list\">\n<tr><th>留言标题</th><th>留言时间</th><th>答复时间</th></tr>\n");
		struct list_ctx c = {&sb};
		rc = state_each_published(db, u->code, now, 50, list_row, &c, err, errsz);
		sb_add(&sb, "</table>\n");
	} else
		sb_add(&sb, "<p>暂无公开的留言。</p>\n");
	site_close(&sb, p, u);
	if (rc != 0) {
		sb_free(&sb);
		return NULL;
	}
	char *out = sb_take(&sb);
	if (!out)
		snprintf(err, errsz, "out of memory");
	return out;
}
