/* foi form probe UNIT --kind foi|consult: a unit's form read, printed and saved for checking. */
#include "harness/cmd/args.h"
#include "harness/cmd/commands.h"
#include "harness/web/form_probe.h"
#include "harness/workspace.h"

#include <stdio.h>
#include <string.h>

static const char *const form_subs[] = {"probe", NULL};

static void print_probe(const struct form_probe *p, const char *unit, const char *kind)
{
	printf("%s %s form: %s\n", unit, kind, p->url);
	printf("  action %s (%s, %s)%s%s\n", p->form.action, p->form.method, p->form.enctype,
	       p->form.captcha_image ? ", captcha image " : "", p->form.captcha_image ? p->form.captcha_image : "");
	printf("  %-24s %-14s %-9s %s\n", "LABEL", "FIELD", "TYPE", "ROLE");
	for (size_t i = 0; i < p->form.nfields; i++) {
		const struct form_field *f = &p->form.fields[i];
		printf("  %-24s %-14s %-9s %s%s\n", *f->label ? f->label : "(no label)", f->name, f->type,
		       form_role_name(f->role), f->required ? " (required)" : "");
	}
	if (*p->fill.doubts)
		printf("unclear (a request to this form becomes an assisted task): %s\n", p->fill.doubts);
	else
		printf("every required field is mapped without doubt\n");
	if (p->saved)
		printf("saved %s: check it, correct what is wrong; 'foi round send' follows it\n", p->path);
	else
		printf("kept %s as it is (your corrections); --force replaces it with what was found now\n", p->path);
}

int cmd_form(struct foi_app *app, int argc, char **argv)
{
	int sub, rc = args_subcommand("form", argc, argv, form_subs, &sub);
	if (rc != ARGS_CONTINUE)
		return rc;
	const char *unit = NULL, *kind = NULL;
	int force = 0;
	const struct arg_opt opts[] = {ARG_VALUE("--kind", &kind), ARG_FLAG("--force", &force)};
	size_t npos;
	const struct arg_spec spec = {"form probe", "form", opts, 2, &unit, 1, &npos};
	rc = args_parse(&spec, argc, argv, 2);
	if (rc != ARGS_CONTINUE)
		return rc;
	if (!unit)
		return command_usage_error("form probe", "form", "needs the unit's code (see 'foi units list')");
	if (!kind || (strcmp(kind, "foi") && strcmp(kind, "consult")))
		return command_usage_error("form probe", "form", "needs --kind foi or --kind consult");
	struct workspace ws;
	char err[FOI_ERR_MAX];
	rc = workspace_open(app, &ws, err, sizeof err);
	if (rc != FOI_EXIT_OK) {
		foi_error("form probe", "%s", err);
		return rc;
	}
	struct form_probe p;
	enum foi_status st = form_probe(&ws, unit, kind, force, &p, err, sizeof err);
	if (st == FOI_OK)
		print_probe(&p, unit, kind);
	form_probe_free(&p);
	workspace_close(&ws);
	if (st != FOI_OK) {
		foi_error("form probe", "%s", err);
		return command_exit(st);
	}
	return FOI_EXIT_OK;
}
