/* What a simulated unit answers to a consultation question (see answer.h). */
#include "tests/sim/answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/app.h"

int answers_load(struct template_set *set, char *err, size_t errsz)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/templates/consult", foi_datadir());
	template_set_init(set);
	if (template_set_load_dir(set, dir, err, errsz) != 0) {
		template_set_free(set);
		return -1;
	}
	return 0;
}

/* Equal after leading and trailing white space. */
static int same_text(const char *a, const char *b)
{
	a += strspn(a, " \t\r\n");
	b += strspn(b, " \t\r\n");
	size_t la = strlen(a), lb = strlen(b);
	while (la && strchr(" \t\r\n", a[la - 1]))
		la--;
	while (lb && strchr(" \t\r\n", b[lb - 1]))
		lb--;
	return la == lb && memcmp(a, b, la) == 0;
}

/* Does text contain the first line of body (the question as the template words it)? */
static int holds_first_line(const char *text, const char *body)
{
	size_t n = strcspn(body, "\r\n");
	if (n < 12 || !text)
		return 0;
	char *line = strndup(body, n);
	int found = line && strstr(text, line) != NULL;
	free(line);
	return found;
}

const struct template *answer_template(const struct template_set *set, const struct sim_request *r)
{
	if (!set)
		return NULL;
	for (size_t i = 0; i < set->count; i++) {
		const struct template *t = set->items[i];
		if (t->kind == TEMPLATE_CONSULT && r->subject && same_text(t->subject, r->subject))
			return t;
	}
	for (size_t i = 0; i < set->count; i++) {
		const struct template *t = set->items[i];
		if (t->kind == TEMPLATE_CONSULT && holds_first_line(r->content, t->body))
			return t;
	}
	return NULL;
}

char *answer_text(const struct template_set *set, const struct sim_unit *u, const struct sim_request *r)
{
	const struct template *t = u->consult_accurate ? answer_template(set, r) : NULL;
	if (t)
		return strdup(t->reference);
	if (u->answer_text[0])
		return strdup(u->answer_text);
	char *s = NULL;
	if (asprintf(&s, "您反映的问题已收悉。经研究，该事项涉及多个部门职责，我单位已转交相关科室研究办理，"
			 "请您留意本单位门户网站发布的有关信息，或者在办公时间拨打%s咨询。", u->phone) < 0)
		return NULL;
	return s;
}
