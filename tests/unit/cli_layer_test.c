/*
 * The front-end layer as a user meets it: every option taken as "--opt VALUE" and "--opt=VALUE"
 * alike, -h and --help on every command and subcommand, one-line usage errors, a file given the
 * same way (and "-" for standard input) to both checks, errors that name their command, the
 * README's one table of exit codes, and -C naming a folder inside a workspace.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "tests/unit/run_foi.h"

/* Every run's "now", so that plans and the default start date do not follow the real clock. */
static void fix_now(void)
{
	setenv("FOI_NOW", "2023-09-15 10:00", 1);
}

static char *workspace(void)
{
	fix_now();
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init '%s'", dir);
	cr_assert_eq(r.status, 0, "init: %s", r.err);
	run_free(&r);
	return dir;
}

/* pattern with every "@" replaced by path. */
static void fill(char *out, size_t outsz, const char *pattern, const char *path)
{
	size_t n = 0;
	for (const char *p = pattern; *p && n + 1 < outsz; p++) {
		if (*p == '@')
			n += (size_t)snprintf(out + n, outsz - n, "%s", path);
		else
			out[n++] = *p;
	}
	out[n < outsz ? n : outsz - 1] = '\0';
}

/* Runs the same command with an option spelled both ways: the answers must be the same. */
static void same_both_ways(const char *dir, const char *spaced, const char *with_equals)
{
	struct foi_run a = run_foi(dir, "%s", spaced);
	struct foi_run b = run_foi(dir, "%s", with_equals);
	cr_expect_eq(a.status, b.status, "'%s' exit %d, '%s' exit %d: %s", spaced, a.status, with_equals, b.status,
		     b.err);
	cr_expect_str_eq(a.out, b.out, "'%s' and '%s' print differently", spaced, with_equals);
	cr_expect(a.status == 0 || (a.status == 1 && !*a.err), "'%s': %s", spaced, a.err);
	run_free(&a);
	run_free(&b);
}

Test(cli_layer, every_option_takes_its_value_with_an_equals_sign)
{
	char *dir = workspace();
	char *cal = src_path("schedule/holidays/2023.ics");
	char *tpl_dir = src_path("templates");
	char *guide = src_path("tests/fixtures/guides/caizheng-nodecl-gbk.html");
	char *letter = src_path("tests/fixtures/letters/ack_receipt.txt");
	char spaced[4096], equals[4096];
	const char *pairs[][2] = {
		{"deadline --from '2023-09-28 10:00' --days 20 --channel email --clock civil --calendar '@' --json",
		 "deadline --from='2023-09-28 10:00' --days=20 --channel=email --clock=civil --calendar='@' --json"},
		{"elapsed --from '2023-09-19 10:00' --to '2023-09-20 16:30' --channel web --clock elapsed --calendar '@'",
		 "elapsed --from='2023-09-19 10:00' --to='2023-09-20 16:30' --channel=web --clock=elapsed --calendar='@'"},
		{"calendar show 2023 --calendar '@' --json", "calendar show 2023 --calendar='@' --json"},
		{"calendar check 2023-10-07 --calendar '@'", "calendar check 2023-10-07 --calendar='@'"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		fill(spaced, sizeof spaced, pairs[i][0], cal);
		fill(equals, sizeof equals, pairs[i][1], cal);
		same_both_ways(NULL, spaced, equals);
	}
	snprintf(spaced, sizeof spaced, "templates list --kind consult --domain health --dir '%s' --json", tpl_dir);
	snprintf(equals, sizeof equals, "templates list --kind=consult --domain=health --dir='%s' --json", tpl_dir);
	same_both_ways(NULL, spaced, equals);
	snprintf(spaced, sizeof spaced, "templates show foi-budget --persona-name 王芳 --unit 随州市财政局 --dir '%s'",
		 tpl_dir);
	snprintf(equals, sizeof equals, "templates show foi-budget --persona-name=王芳 --unit=随州市财政局 --dir='%s'",
		 tpl_dir);
	same_both_ways(NULL, spaced, equals);
	snprintf(spaced, sizeof spaced, "templates check --dir '%s'", tpl_dir);
	snprintf(equals, sizeof equals, "templates check --dir='%s'", tpl_dir);
	same_both_ways(NULL, spaced, equals);
	snprintf(spaced, sizeof spaced, "channel check --file '%s' --base-url http://x.gov.cn/ --charset GBK --json", guide);
	snprintf(equals, sizeof equals, "channel check --file='%s' --base-url=http://x.gov.cn/ --charset=GBK --json", guide);
	same_both_ways(NULL, spaced, equals);
	snprintf(spaced, sizeof spaced, "grade check '%s' --kind foi --applicant 李明华 --json", letter);
	snprintf(equals, sizeof equals, "grade check --file='%s' --kind=foi --applicant=李明华 --json", letter);
	struct foi_run a = run_foi(NULL, "%s", spaced), b = run_foi(NULL, "%s", equals);
	cr_expect_eq(a.status, b.status);
	cr_expect_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);
	snprintf(spaced, sizeof spaced, "grade check '%s' --reference consult-legal-aid --json", letter);
	snprintf(equals, sizeof equals, "grade check '%s' --reference=consult-legal-aid --json", letter);
	a = run_foi(NULL, "%s", spaced);
	b = run_foi(NULL, "%s", equals);
	cr_expect_eq(a.status, b.status);
	cr_expect_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);

	/* Rounds: create with every option each way, in two rounds; the plans agree but for tokens. */
	struct foi_run r = run_foi(dir, "round create r1 --kinds foi --seed 5 --start 2023-09-18 --spread 7");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round create r2 --kinds=foi --seed=5 --start=2023-09-18 --spread=7");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round list --json");
	cJSON *list = cJSON_Parse(r.out);
	run_free(&r);
	cr_assert_not_null(list);
	cJSON *r1 = cJSON_GetArrayItem(list, 0), *r2 = cJSON_GetArrayItem(list, 1);
	static const char *const keys[] = {"seed", "kinds", "start", "spread_days", "requests"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		char *x = cJSON_PrintUnformatted(cJSON_GetObjectItem(r1, keys[i]));
		char *y = cJSON_PrintUnformatted(cJSON_GetObjectItem(r2, keys[i]));
		cr_expect_str_eq(x, y, "%s differs between the two spellings", keys[i]);
		free(x);
		free(y);
	}
	cJSON_Delete(list);
	same_both_ways(dir, "round show r1 --unit D02", "round show r1 --unit=D02");
	r = run_foi(dir, "round edit r1 --unit=D02 --kind=foi --template=foi-budget --at='2023-09-19 10:00'");
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "send 2023-09-19T10:00:00+08:00"), "%s", r.out);
	run_free(&r);
	r = run_foi(dir, "round edit r1 --unit D02 --kind foi --persona=b");
	cr_expect(r.status != 2 && strstr(r.err, "--persona") == NULL, "--persona= is read as the persona: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "round drop r1 --unit=D03 --kind=foi");
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "dropped the foi request for D03"), "%s", r.out);
	run_free(&r);
	/* A flag given a value is refused rather than read as something else. */
	r = run_foi(dir, "units list --json=yes");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--json takes no value"), "%s", r.err);
	run_free(&r);
}

/* Every command and subcommand answers -h and --help with its help, on stdout, exit 0. */
Test(cli_layer, every_command_and_subcommand_answers_help)
{
	static const char *const lines[] = {
		"init", "units", "units import", "units list", "templates", "templates list", "templates show",
		"templates check", "templates domains", "round", "round create", "round show", "round list",
		"round edit", "round drop", "calendar", "calendar show", "calendar check", "calendar import",
		"deadline", "elapsed", "channel", "channel check", "grade", "grade check", "now",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		for (int k = 0; k < 2; k++) {
			struct foi_run r = run_foi(NULL, "%s %s", lines[i], k ? "--help" : "-h");
			cr_expect_eq(r.status, 0, "'foi %s %s' exit %d: %s", lines[i], k ? "--help" : "-h", r.status, r.err);
			char want[64];
			snprintf(want, sizeof want, "usage: foi %.*s", (int)strcspn(lines[i], " "), lines[i]);
			cr_expect(strstr(r.out, want) != NULL, "'foi %s -h' shows no '%s': %s", lines[i], want, r.out);
			run_free(&r);
		}
	}
	struct foi_run r = run_foi(NULL, "help help");
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "usage: foi help [COMMAND]"), "%s", r.out);
	run_free(&r);
}

/* A usage error is one line naming the command, then where the help is; not the help itself. */
Test(cli_layer, a_usage_error_is_one_line_and_a_pointer_to_the_help)
{
	static const char *const lines[][2] = {
		{"round create", "foi: round create: needs the round's NAME\ntry 'foi help round'\n"},
		{"round show r1 --seed 4", "foi: round show: unknown option '--seed'\ntry 'foi help round'\n"},
		{"deadline --from '2023-09-28 10:00' --days many",
		 "foi: deadline: --days: 'many' is not a whole number from 0 to 10000\ntry 'foi help deadline'\n"},
		{"units import", "foi: units import: needs a FILE (a units CSV)\ntry 'foi help units'\n"},
		{"templates show", "foi: templates show: needs a template ID (see 'foi templates list')\n"
				   "try 'foi help templates'\n"},
		{"elapsed --from '2023-09-19 10:00' --to", "foi: elapsed: --to needs a value\ntry 'foi help elapsed'\n"},
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		struct foi_run r = run_foi(NULL, "%s", lines[i][0]);
		cr_expect_eq(r.status, 2, "%s", lines[i][0]);
		cr_expect_str_eq(r.err, lines[i][1]);
		cr_expect_str_eq(r.out, "");
		run_free(&r);
	}
	/* A missing or unknown subcommand is worded the same in every command. */
	static const char *const cmds[] = {"units", "templates", "round", "calendar", "channel", "grade"};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct foi_run r = run_foi(NULL, "%s", cmds[i]);
		char want[128];
		snprintf(want, sizeof want, "foi: %s: missing subcommand (", cmds[i]);
		cr_expect_eq(r.status, 2);
		cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
		cr_expect_eq(strchr(strchr(r.err, '\n') + 1, '\n') - r.err + 1, (long)strlen(r.err), "two lines: %s", r.err);
		run_free(&r);
		r = run_foi(NULL, "%s frobnicate", cmds[i]);
		snprintf(want, sizeof want, "foi: %s: unknown subcommand 'frobnicate'\ntry 'foi help %s'\n", cmds[i], cmds[i]);
		cr_expect_eq(r.status, 2);
		cr_expect_str_eq(r.err, want);
		run_free(&r);
	}
}

/* Both checks take their file the same way, as an argument or --file, and "-" for standard input. */
Test(cli_layer, a_file_is_given_the_same_way_to_both_checks)
{
	char *guide = src_path("tests/fixtures/guides/caizheng-nodecl-gbk.html");
	char *letter = src_path("tests/fixtures/letters/ack_receipt.txt");
	struct foi_run a = run_foi(NULL, "channel check '%s' --json", guide);
	struct foi_run b = run_foi(NULL, "channel check --file '%s' --json", guide);
	struct foi_run c = run_shell("\"$FOI_BIN\" channel check - --json < '%s'", guide);
	cr_expect_eq(a.status, b.status);
	cr_expect_str_eq(a.out, b.out);
	cr_expect_str_eq(a.out, c.out, "standard input reads as the file does");
	cr_expect(strstr(a.out, "\"items\""), "%s", a.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	a = run_foi(NULL, "grade check '%s' --json", letter);
	b = run_foi(NULL, "grade check --file '%s' --json", letter);
	c = run_shell("\"$FOI_BIN\" grade check - --json < '%s'", letter);
	cr_expect_eq(a.status, b.status);
	cr_expect_str_eq(a.out, b.out);
	cr_expect_eq(a.status, c.status, "standard input: %s", c.err);
	cr_expect(strstr(c.out, "\"reply_type\""), "%s %s", c.out, c.err);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	a = run_foi(NULL, "channel check '%s' --file '%s'", guide, guide);
	cr_expect_eq(a.status, 2, "the page given twice is a usage error");
	run_free(&a);
}

/* Every error names the command it comes from, a bad foi.ini included. */
Test(cli_layer, errors_name_their_command)
{
	char *dir = workspace();
	char *letter = src_path("tests/fixtures/letters/ack_receipt.txt");
	write_file(dir, "foi.ini", "[time]\nwork_start = 25:00\n");
	struct foi_run r = run_foi(dir, "deadline --from '2023-09-28 10:00' --days 20");
	cr_expect_eq(r.status, 3);
	cr_expect(strncmp(r.err, "foi: deadline: ", 15) == 0 && strstr(r.err, "foi.ini:2"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "elapsed --from '2023-09-19 10:00' --to '2023-09-20 10:00'");
	cr_expect(strncmp(r.err, "foi: elapsed: ", 14) == 0, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --reference consult-no-such-question", letter);
	cr_expect(strncmp(r.err, "foi: grade check: --reference: ", 31) == 0, "%s", r.err);
	run_free(&r);
}

/* The README's table: 1 a failure (a file that cannot be read), 2 usage, 3 bad input data or a
 * name the data does not hold (or holds already). */
Test(cli_layer, exit_codes_follow_one_table)
{
	char *dir = workspace();
	char *letter = src_path("tests/fixtures/letters/ack_receipt.txt");
	struct foi_run r = run_foi(dir, "round create r1 --seed 3 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	static const struct {
		const char *line;
		int status;
	} cases[] = {
		{"round create r1 --seed 3 --start 2023-09-18", 3}, /* the name is taken */
		{"round show r1 --unit D99", 3},
		{"round edit r1 --unit D99 --kind foi --at '2023-09-19 10:00'", 3},
		{"round drop r1 --unit D99", 3},
		{"round show nosuchround", 3},
		{"round edit nosuchround --unit D02 --kind foi --at '2023-09-19 10:00'", 3},
		{"deadline --from '2023-09-28 10:00' --days 20 --calendar /nonexistent/cal.ics", 1},
		{"elapsed --from '2023-09-20 10:00' --to '2023-09-19 10:00'", 2},
		{"units import /nonexistent/units.csv", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r = run_foi(dir, "%s", cases[i].line);
		cr_expect_eq(r.status, cases[i].status, "'%s' exit %d, want %d: %s", cases[i].line, r.status,
			     cases[i].status, r.err);
		run_free(&r);
	}
	r = run_foi(NULL, "grade check '%s' --reference consult-no-such-question", letter);
	cr_expect_eq(r.status, 3, "%s", r.err);
	run_free(&r);
	r = run_foi(NULL, "grade check '%s' --reference /nonexistent/x.tpl", letter);
	cr_expect_eq(r.status, 1, "%s", r.err);
	run_free(&r);
}

/* -C naming a folder inside a workspace (its store/) finds the workspace, as the current folder does. */
Test(cli_layer, dash_C_inside_a_workspace_finds_it)
{
	char *dir = workspace();
	char store[4096];
	snprintf(store, sizeof store, "%s/store", dir);
	struct foi_run a = run_foi(store, "units list --evaluated --json");
	cr_expect_eq(a.status, 0, "%s", a.err);
	struct foi_run b = run_shell("cd '%s' && \"$FOI_BIN\" units list --evaluated --json", store);
	cr_expect_eq(b.status, 0, "%s", b.err);
	cr_expect_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);
	char *outside = make_temp_dir();
	a = run_foi(outside, "units list");
	cr_expect_eq(a.status, 1);
	cr_expect(strstr(a.err, "is not a foi workspace"), "%s", a.err);
	run_free(&a);
}

/* A unit's form URL of 2,000 characters is kept whole from import to the plan and its --json. */
Test(cli_layer, a_long_form_url_is_kept_whole)
{
	char *dir = workspace();
	char *units = read_file(src_path("harness/data/units.csv"));
	cr_assert_not_null(units);
	char url[2100];
	int n = snprintf(url, sizeof url, "http://127.0.0.1:18480/D02/foi?");
	for (int i = 0; n < 2000; i++)
		n += snprintf(url + n, sizeof url - (size_t)n, "p%d=%c&", i, 'a' + i % 26);
	url[2000] = '\0';
	/* D02's FOI form becomes the long URL. */
	char *line = strstr(units, "\nD02,");
	cr_assert_not_null(line);
	char *fields[10];
	char *end = strchr(line + 1, '\n');
	*end = '\0';
	char *copy = strdup(line + 1), *save = NULL;
	size_t k = 0;
	for (char *f = strtok_r(copy, ",", &save); f && k < 10; f = strtok_r(NULL, ",", &save))
		fields[k++] = f;
	cr_assert_geq(k, 8);
	char *edited = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&edited, &len);
	fprintf(out, "%.*s\n", (int)(line - units), units);
	fprintf(out, "%s,%s,%s,,%s,%s,%s,%s", fields[0], fields[1], fields[2], fields[3], url, fields[5], fields[6]);
	for (size_t i = 7; i < k; i++)
		fprintf(out, ",%s", fields[i]);
	fprintf(out, "\n%s\n", end + 1);
	fclose(out);
	char *file = write_file(dir, "long.csv", edited);
	struct foi_run r = run_foi(dir, "units import '%s'", file);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round create r1 --seed 1 --kinds foi --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round show r1 --unit D02 --json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *doc = cJSON_Parse(r.out);
	cJSON *q = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "requests"), 0);
	cJSON *address = cJSON_GetObjectItem(q, "address");
	cr_assert(cJSON_IsString(address));
	cr_expect_eq(strlen(address->valuestring), 2000, "the form URL was cut to %zu", strlen(address->valuestring));
	cr_expect_str_eq(address->valuestring, url);
	cJSON_Delete(doc);
	run_free(&r);
	free(copy);
	free(edited);
	free(units);
}
