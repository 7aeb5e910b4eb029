/* The front-ends' one option parser (see args.h). */
#include "harness/cmd/args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness/app.h"
#include "harness/cmd/commands.h"

static int is_help(const char *a)
{
	return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

/* The option argv names: "--name" or "--name=VALUE" (then *inline_value is VALUE). */
static const struct arg_opt *find_opt(const struct arg_spec *spec, const char *arg, const char **inline_value)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	for (size_t k = 0; k < spec->nopts; k++) {
		const struct arg_opt *o = &spec->opts[k];
		if (strlen(o->name) == len && strncmp(o->name, arg, len) == 0) {
			*inline_value = eq ? eq + 1 : NULL;
			return o;
		}
	}
	return NULL;
}

static int take(const struct arg_spec *spec, const struct arg_opt *o, const char *v)
{
	if (o->value) {
		*o->value = v;
	} else if (*o->count < o->max) {
		o->list[(*o->count)++] = v;
	} else {
		return command_usage_error(spec->command, spec->help, "%s: at most %zu may be given", o->name, o->max);
	}
	return ARGS_CONTINUE;
}

int args_parse(const struct arg_spec *spec, int argc, char **argv, int first)
{
	int options_done = 0;
	if (spec->npos)
		*spec->npos = 0;
	for (int i = first; i < argc; i++) {
		const char *a = argv[i];
		int is_option = !options_done && a[0] == '-' && a[1] != '\0';
		if (is_option && strcmp(a, "--") == 0) {
			options_done = 1;
			continue;
		}
		if (is_option && is_help(a))
			return command_print_help(spec->help);
		if (!is_option) {
			if (!spec->npos || *spec->npos >= spec->maxpos)
				return command_usage_error(spec->command, spec->help, "unexpected argument '%s'", a);
			spec->pos[(*spec->npos)++] = a;
			continue;
		}
		const char *inline_value;
		const struct arg_opt *o = find_opt(spec, a, &inline_value);
		if (!o)
			return command_usage_error(spec->command, spec->help, "unknown option '%s'", a);
		if (o->flag) {
			if (inline_value)
				return command_usage_error(spec->command, spec->help, "%s takes no value", o->name);
			*o->flag = 1;
			continue;
		}
		const char *v = inline_value;
		if (!v) {
			if (i + 1 >= argc)
				return command_usage_error(spec->command, spec->help, "%s needs a value", o->name);
			v = argv[++i];
		}
		int rc = take(spec, o, v);
		if (rc != ARGS_CONTINUE)
			return rc;
	}
	return ARGS_CONTINUE;
}

int args_long(const char *command, const char *help, const char *opt, const char *text, long min, long max,
	      long *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < min || v > max)
		return command_usage_error(command, help, "%s: '%s' is not a whole number from %ld to %ld", opt, text,
					   min, max);
	*out = v;
	return ARGS_CONTINUE;
}

int args_subcommand(const char *command, int argc, char **argv, const char *const *subs, int *index)
{
	if (argc < 2 || is_help(argv[1])) {
		if (argc >= 2)
			return command_print_help(command);
		char list[256] = "";
		for (size_t k = 0; subs[k]; k++) {
			if (k)
				strncat(list, ", ", sizeof list - strlen(list) - 1);
			strncat(list, subs[k], sizeof list - strlen(list) - 1);
		}
		return command_usage_error(command, command, "missing subcommand (%s)", list);
	}
	for (int k = 0; subs[k]; k++) {
		if (strcmp(subs[k], argv[1]) == 0) {
			*index = k;
			return ARGS_CONTINUE;
		}
	}
	return command_usage_error(command, command, "unknown subcommand '%s'", argv[1]);
}
