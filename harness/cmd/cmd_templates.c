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
#include "harness/cmd/json_out.h"
#include "harness/cmd/templates_coverage.h"
#include "harness/template_source.h"
#include "harness/workspace.h"
#include "templates/domain.h"
#include "templates/template.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	const char *units;
	const char *min;
	int json;
};

/*
 * --dir DIR: that folder alone. Otherwise the shipped templates with the workspace's own
 * over them, when the command runs in a workspace: the set 'round create' plans with.
 */
static int load(const struct foi_app *app, const char *dir_opt, struct template_set *set)
{
	char err[FOI_ERR_MAX], ws_dir[PATH_MAX], ws_err[FOI_ERR_MAX];
	int rc;
	if (dir_opt) {
		template_set_init(set);
		rc = template_set_load_dir(set, dir_opt, err, sizeof err);
		if (rc != 0)
			template_set_free(set);
	} else {
		int in_workspace = workspace_find(app, ws_dir, ws_err, sizeof ws_err) == 0;
		rc = template_source_load(in_workspace ? ws_dir : NULL, set, err, sizeof err);
	}
	if (rc != 0) {
		foi_error("templates", "%s", err);
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
	/* As a covert round sends it: replies go to the persona's own address. */
	snprintf(reply_to, reply_sz, "%s", v->persona.email);
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
	if (t->kind == TEMPLATE_CONSULT) {
		char day[16];
		snprintf(day, sizeof day, "%04d-%02d-%02d", t->valid_from / 10000, t->valid_from / 100 % 100,
			 t->valid_from % 100);
		cJSON_AddStringToObject(o, "valid_from", day);
		snprintf(day, sizeof day, "%04d-%02d-%02d", t->valid_until / 10000, t->valid_until / 100 % 100,
			 t->valid_until % 100);
		cJSON_AddStringToObject(o, "valid_until", day);
	}
	cJSON_AddStringToObject(o, "source", template_source_origin(t));
	cJSON_AddStringToObject(o, "file", t->path);
	return o;
}

static int print_json(cJSON *root)
{
	return json_emit(root, root != NULL, "templates");
}

static int do_list(const struct foi_app *app, const struct options *o)
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
	int rc = load(app, o->dir, &set);
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
		printf("%-38s %-8s %-20s %-5s %-9s %s\n", "ID", "KIND", "DOMAIN", "REPLY", "SOURCE", "TITLE");
		for (size_t i = 0; i < n; i++) {
			const struct template *t = list[i];
			char reply[8] = "-";
			if (t->kind == TEMPLATE_FOI)
				snprintf(reply, sizeof reply, "%d", t->expected_reply);
			printf("%-38s %-8s %-20s %-5s %-9s %s%s\n", t->id, template_kind_name(t->kind),
			       t->domain, reply, t->layer ? "workspace" : "shipped", t->title,
			       t->replaced ? " (replaces the shipped one)" : "");
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

static int do_show(const struct foi_app *app, const struct options *o)
{
	if (!o->id)
		return command_usage_error("templates show", "templates", "needs a template ID (see 'foi templates list')");
	struct template_set set;
	int rc = load(app, o->dir, &set);
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
		if (t->kind == TEMPLATE_CONSULT)
			printf("valid:    %04d-%02d-%02d to %04d-%02d-%02d (the reference answer's policy)\n",
			       t->valid_from / 10000, t->valid_from / 100 % 100, t->valid_from % 100,
			       t->valid_until / 10000, t->valid_until / 100 % 100, t->valid_until % 100);
		printf("file:     %s (%s)\n", t->path, template_source_origin(t));
		printf("sample:   unit %s, applicant %s, replies to %s (a round fills in its own)\n",
		       v.unit_name, v.persona.name, v.reply_to);
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

/* A literal year goes stale: a warning, since a template may name a fixed past event. */
static void warn_literal_year(void *ctx, const struct template *t, int line, int year)
{
	int *count = ctx;
	(*count)++;
	foi_warn("%s:%d: literal year %d: write {{year.current}}, {{year.last}} or {{year.budget}} so "
		 "the template follows the send date", t->path, line, year);
}

static int do_check(const struct foi_app *app, const struct options *o)
{
	struct template_set set;
	int rc = load(app, o->dir, &set);
	if (rc != FOI_EXIT_OK)
		return rc;
	size_t nfoi = 0;
	int years = 0;
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
		template_each_literal_year(t, warn_literal_year, &years);
	}
	if (rc == FOI_EXIT_OK)
		printf("%zu templates load and render (%zu foi, %zu consult); %d literal years\n", set.count,
		       nfoi, set.count - nfoi, years);
	template_set_free(&set);
	return rc;
}

static int do_coverage(const struct foi_app *app, const struct options *o)
{
	long min = 2;
	if (o->min && args_long("templates coverage", "templates", "--min", o->min, 0, 1000, &min) != ARGS_CONTINUE)
		return FOI_EXIT_USAGE;
	char *units = NULL;
	if (!o->units && asprintf(&units, "%s/harness/data/units.csv", foi_datadir()) < 0) {
		foi_error("templates", "out of memory");
		return FOI_EXIT_FAIL;
	}
	struct template_set set;
	int rc = load(app, o->dir, &set);
	if (rc == FOI_EXIT_OK) {
		cJSON *json = NULL;
		rc = templates_coverage(&set, o->units ? o->units : units, (int)min, o->json ? &json : NULL);
		template_set_free(&set);
		if (json) {
			int printed = print_json(json);
			rc = rc == FOI_EXIT_OK ? printed : rc;
		}
	}
	free(units);
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
	static const char *const subs[] = {"list", "show", "check", "coverage", "domains", NULL};
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
	const struct arg_opt coverage_opts[] = {ARG_VALUE("--dir", &o.dir), ARG_VALUE("--units", &o.units),
						ARG_VALUE("--min", &o.min), ARG_FLAG("--json", &o.json)};
	const struct arg_opt domains_opts[] = {ARG_FLAG("--json", &o.json)};
	const struct arg_opt *tables[] = {list_opts, show_opts, check_opts, coverage_opts, domains_opts};
	const size_t sizes[] = {sizeof list_opts / sizeof list_opts[0], sizeof show_opts / sizeof show_opts[0],
				sizeof check_opts / sizeof check_opts[0], sizeof coverage_opts / sizeof coverage_opts[0],
				sizeof domains_opts / sizeof domains_opts[0]};
	size_t npos;
	const struct arg_spec spec = {what, "templates", tables[sub], sizes[sub], &o.id, sub == 1 || sub == 2, &npos};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (o.persona_name && !*o.persona_name)
		return command_usage_error(what, "templates", "--persona-name needs a name");
	switch (sub) {
	case 0:
		return do_list(app, &o);
	case 1:
		return do_show(app, &o);
	case 2:
		if (o.id && o.dir)
			return command_usage_error(what, "templates", "give the folder once");
		if (o.id)
			o.dir = o.id, o.id = NULL;
		return do_check(app, &o);
	case 3:
		return do_coverage(app, &o);
	default:
		return do_domains(&o);
	}
}
