/*
 * foi templates: look at the shipped mock applications and questions (or a folder of
 * one's own) before a round sends them. `show` renders a template with a sample applicant
 * so an evaluator reads exactly the kind of text a unit will receive; `check` loads and
 * renders every template of a folder, for people writing their own.
 *
 * Works outside a workspace: the shipped templates are found under foi_datadir().
 */
#include "harness/clock.h"
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "templates/domain.h"
#include "templates/template.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAMPLE_TOKEN "SAMPLETOKEN"

/* The applicant `show` renders with. Obviously a sample; the ID number is well-formed. */
static const struct template_persona sample_persona = {
	.name = "李明",
	.id_type = "居民身份证",
	.id_number = "42130219850312123X",
	.phone = "13800138000",
	.address = "湖北省随州市曾都区示例路1号",
	.postcode = "441300",
	.email = "liming@example.org",
};

struct options {
	const char *dir;
	const char *kind;
	const char *domain;
	const char *persona_name;
	const char *unit;
	const char *id;
	int json;
};

static char *default_dir(void)
{
	char *dir;
	if (asprintf(&dir, "%s/templates", foi_datadir()) < 0)
		return NULL;
	return dir;
}

static int load(const char *dir_opt, struct template_set *set)
{
	char err[FOI_ERR_MAX];
	char *dir = dir_opt ? strdup(dir_opt) : default_dir();
	if (!dir) {
		foi_error("templates", "out of memory");
		return FOI_EXIT_FAIL;
	}
	template_set_init(set);
	int rc = template_set_load_dir(set, dir, err, sizeof err);
	free(dir);
	if (rc != 0) {
		foi_error("templates", "%s", err);
		template_set_free(set);
		return FOI_EXIT_DATA;
	}
	return FOI_EXIT_OK;
}

static void sample_values(struct template_values *v, const struct template *t,
			  const struct options *o, char *reply_to, size_t reply_sz)
{
	const struct template_domain *d = template_domain_find(t->domain);
	time_t now = clock_now();
	struct tm tm;
	localtime_r(&now, &tm);
	memset(v, 0, sizeof *v);
	v->unit_name = o->unit ? o->unit : d ? d->sample_unit : "随州市人民政府办公室";
	v->persona = sample_persona;
	if (o->persona_name)
		v->persona.name = o->persona_name;
	v->year = tm.tm_year + 1900;
	v->month = tm.tm_mon + 1;
	v->day = tm.tm_mday;
	v->token = SAMPLE_TOKEN;
	snprintf(reply_to, reply_sz, "evaluator+%s@foi.test", SAMPLE_TOKEN);
	v->reply_to = reply_to;
}

static const char *domain_label(const char *code)
{
	const struct template_domain *d = template_domain_find(code);
	return d ? d->label : "?";
}

static cJSON *template_json(const struct template *t)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddStringToObject(o, "id", t->id);
	cJSON_AddStringToObject(o, "kind", template_kind_name(t->kind));
	cJSON_AddStringToObject(o, "title", t->title);
	cJSON_AddStringToObject(o, "domain", t->domain);
	cJSON_AddStringToObject(o, "domain_label", domain_label(t->domain));
	if (t->kind == TEMPLATE_FOI) {
		cJSON_AddNumberToObject(o, "expected_reply", t->expected_reply);
		cJSON_AddStringToObject(o, "expected_reply_label",
					template_reply_label(t->expected_reply));
	}
	cJSON_AddStringToObject(o, "file", t->path);
	return o;
}

static int print_json(cJSON *root)
{
	char *text = root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		foi_error("templates", "out of memory");
		return FOI_EXIT_FAIL;
	}
	puts(text);
	free(text);
	return FOI_EXIT_OK;
}

static int do_list(const struct options *o)
{
	enum template_kind kind = TEMPLATE_ANY;
	if (o->kind && (kind = template_kind_parse(o->kind)) == TEMPLATE_ANY)
		return command_usage_error("templates list", "templates", "--kind must be foi or consult, not '%s'",
					   o->kind);
	if (o->domain && !template_domain_find(o->domain)) {
		foi_error("templates", "unknown domain '%s' (see 'foi templates domains')", o->domain);
		return FOI_EXIT_USAGE;
	}
	struct template_set set;
	int rc = load(o->dir, &set);
	if (rc != FOI_EXIT_OK)
		return rc;
	const struct template **list;
	size_t n;
	if (template_set_select(&set, kind, o->domain, &list, &n) != 0) {
		template_set_free(&set);
		foi_error("templates", "out of memory");
		return FOI_EXIT_FAIL;
	}
	if (o->json) {
		cJSON *arr = cJSON_CreateArray();
		for (size_t i = 0; arr && i < n; i++)
			cJSON_AddItemToArray(arr, template_json(list[i]));
		rc = print_json(arr);
	} else {
		/* The title goes last: Chinese text has no column width a terminal agrees on. */
		printf("%-38s %-8s %-20s %-5s %s\n", "ID", "KIND", "DOMAIN", "REPLY", "TITLE");
		for (size_t i = 0; i < n; i++) {
			const struct template *t = list[i];
			char reply[8] = "-";
			if (t->kind == TEMPLATE_FOI)
				snprintf(reply, sizeof reply, "%d", t->expected_reply);
			printf("%-38s %-8s %-20s %-5s %s\n", t->id, template_kind_name(t->kind),
			       t->domain, reply, t->title);
		}
		size_t nfoi = 0;
		for (size_t i = 0; i < n; i++)
			nfoi += list[i]->kind == TEMPLATE_FOI;
		printf("%zu templates (%zu foi, %zu consult)\n", n, nfoi, n - nfoi);
	}
	free(list);
	template_set_free(&set);
	return rc;
}

static void print_keypoints(const struct template *t)
{
	printf("key points (any alternative of a point counts):\n");
	for (size_t i = 0; i < t->keypoint_count; i++) {
		printf("  %zu. ", i + 1);
		for (size_t a = 0; a < t->keypoints[i].count; a++)
			printf("%s%s", a ? " | " : "", t->keypoints[i].alternatives[a]);
		putchar('\n');
	}
	printf("reference answer: %s\n", t->reference);
}

static int do_show(const struct options *o)
{
	if (!o->id)
		return command_usage_error("templates show", "templates", "needs a template ID (see 'foi templates list')");
	struct template_set set;
	int rc = load(o->dir, &set);
	if (rc != FOI_EXIT_OK)
		return rc;
	const struct template *t = template_set_find(&set, o->id);
	if (!t) {
		foi_error("templates", "no template '%s' (see 'foi templates list')", o->id);
		template_set_free(&set);
		return FOI_EXIT_FAIL;
	}
	struct template_values v;
	struct template_rendered r;
	char reply_to[128], err[FOI_ERR_MAX];
	sample_values(&v, t, o, reply_to, sizeof reply_to);
	if (template_render(t, &v, &r, err, sizeof err) != 0) {
		foi_error("templates", "%s", err);
		template_set_free(&set);
		return FOI_EXIT_DATA;
	}
	if (o->json) {
		cJSON *obj = template_json(t);
		if (obj) {
			if (t->note)
				cJSON_AddStringToObject(obj, "note", t->note);
			if (t->kind == TEMPLATE_CONSULT) {
				cJSON *kps = cJSON_AddArrayToObject(obj, "keypoints");
				for (size_t i = 0; kps && i < t->keypoint_count; i++) {
					cJSON *alts = cJSON_CreateStringArray(
						(const char *const *)t->keypoints[i].alternatives,
						(int)t->keypoints[i].count);
					cJSON_AddItemToArray(kps, alts);
				}
				cJSON_AddStringToObject(obj, "reference", t->reference);
			}
			cJSON *s = cJSON_AddObjectToObject(obj, "sample");
			if (s) {
				cJSON_AddStringToObject(s, "unit", v.unit_name);
				cJSON_AddStringToObject(s, "persona", v.persona.name);
				cJSON_AddStringToObject(s, "token", v.token);
				cJSON_AddStringToObject(s, "reply_to", v.reply_to);
			}
			cJSON_AddStringToObject(obj, "subject", r.subject);
			cJSON_AddStringToObject(obj, "body", r.body);
		}
		rc = print_json(obj);
	} else {
		printf("id:       %s\n", t->id);
		printf("kind:     %s\n", template_kind_name(t->kind));
		printf("title:    %s\n", t->title);
		printf("domain:   %s (%s)\n", t->domain, domain_label(t->domain));
		if (t->kind == TEMPLATE_FOI)
			printf("expected: §36 item %d (%s)\n", t->expected_reply,
			       template_reply_label(t->expected_reply));
		if (t->note)
			printf("note:     %s\n", t->note);
		printf("file:     %s\n", t->path);
		printf("sample:   unit %s, applicant %s, token %s (a round fills in its own)\n",
		       v.unit_name, v.persona.name, v.token);
		printf("\nSubject: %s\n\n%s", r.subject, r.body);
		if (t->kind == TEMPLATE_CONSULT) {
			putchar('\n');
			print_keypoints(t);
		}
	}
	template_rendered_free(&r);
	template_set_free(&set);
	return rc;
}

static int do_check(const struct options *o)
{
	struct template_set set;
	int rc = load(o->dir, &set);
	if (rc != FOI_EXIT_OK)
		return rc;
	size_t nfoi = 0;
	for (size_t i = 0; i < set.count && rc == FOI_EXIT_OK; i++) {
		const struct template *t = set.items[i];
		struct template_values v;
		struct template_rendered r;
		char reply_to[128], err[FOI_ERR_MAX];
		sample_values(&v, t, o, reply_to, sizeof reply_to);
		if (template_render(t, &v, &r, err, sizeof err) != 0) {
			foi_error("templates", "%s", err);
			rc = FOI_EXIT_DATA;
			break;
		}
		template_rendered_free(&r);
		nfoi += t->kind == TEMPLATE_FOI;
	}
	if (rc == FOI_EXIT_OK)
		printf("%zu templates load and render (%zu foi, %zu consult)\n", set.count, nfoi,
		       set.count - nfoi);
	template_set_free(&set);
	return rc;
}

static int do_domains(const struct options *o)
{
	size_t n;
	const struct template_domain *d = template_domains(&n);
	if (o->json) {
		cJSON *arr = cJSON_CreateArray();
		for (size_t i = 0; arr && i < n; i++) {
			cJSON *e = cJSON_CreateObject();
			if (!e)
				continue;
			cJSON_AddStringToObject(e, "code", d[i].code);
			cJSON_AddStringToObject(e, "label", d[i].label);
			cJSON_AddStringToObject(e, "sample_unit", d[i].sample_unit);
			cJSON_AddItemToArray(arr, e);
		}
		return print_json(arr);
	}
	for (size_t i = 0; i < n; i++)
		printf("%-22s %s\n", d[i].code, d[i].label);
	return FOI_EXIT_OK;
}

int cmd_templates(struct foi_app *app, int argc, char **argv)
{
	(void)app; /* works outside any workspace */
	static const char *const subs[] = {"list", "show", "check", "domains", NULL};
	int sub, rc = args_subcommand("templates", argc, argv, subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	struct options o = {0};
	char what[32];
	snprintf(what, sizeof what, "templates %s", subs[sub]);
	/* Each subcommand takes only its own options. */
	const struct arg_opt list_opts[] = {
		ARG_VALUE("--dir", &o.dir), ARG_VALUE("--kind", &o.kind), ARG_VALUE("--domain", &o.domain),
		ARG_FLAG("--json", &o.json)};
	const struct arg_opt show_opts[] = {
		ARG_VALUE("--dir", &o.dir), ARG_VALUE("--persona-name", &o.persona_name), ARG_VALUE("--unit", &o.unit),
		ARG_FLAG("--json", &o.json)};
	const struct arg_opt check_opts[] = {ARG_VALUE("--dir", &o.dir)};
	const struct arg_opt domains_opts[] = {ARG_FLAG("--json", &o.json)};
	const struct arg_opt *tables[] = {list_opts, show_opts, check_opts, domains_opts};
	const size_t sizes[] = {sizeof list_opts / sizeof list_opts[0], sizeof show_opts / sizeof show_opts[0],
				sizeof check_opts / sizeof check_opts[0], sizeof domains_opts / sizeof domains_opts[0]};
	size_t npos;
	const struct arg_spec spec = {what, "templates", tables[sub], sizes[sub], &o.id, sub == 1 || sub == 2, &npos};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (o.persona_name && !*o.persona_name)
		return command_usage_error(what, "templates", "--persona-name needs a name");
	switch (sub) {
	case 0:
		return do_list(&o);
	case 1:
		return do_show(&o);
	case 2:
		if (o.id && o.dir)
			return command_usage_error(what, "templates", "give the folder once");
		if (o.id)
			o.dir = o.id, o.id = NULL;
		return do_check(&o);
	default:
		return do_domains(&o);
	}
}
