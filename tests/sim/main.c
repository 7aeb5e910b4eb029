/*
 * foi-sim: plays the units under evaluation on loopback, for foi's tests and demos.
 *
 *   foi-sim [serve] [options]            web pages and forms on 127.0.0.1, mail replies on clock calls
 *   foi-sim advance --to 'YYYY-MM-DD HH:MM' [options]   one step of the simulated clock, then exit
 *   foi-sim scan [options]               read the units' Maildirs once
 *   foi-sim state [options]              what the units received and sent (JSON)
 *   foi-sim check [--units FILE]         the profiles' expectations follow from their behaviour
 *   foi-sim expect                       every unit's expected results (JSON)
 *   foi-sim mailboxes [--csv|--refused]  the unit addresses the mail stack must (not) create
 *
 * Exit codes as foi's: 0 ok, 1 failure, 2 usage, 3 bad profiles.
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness/app.h"
#include "harness/clock.h"
#include "tests/sim/answer.h"
#include "tests/sim/engine.h"
#include "tests/sim/expect.h"
#include "tests/sim/profile.h"
#include "tests/sim/server.h"
#include "tests/sim/state.h"
#include "tests/sim/workdays.h"

#define SIM_DEFAULT_PORT 18480


struct options {
	const char *command;
	const char *profiles;
	const char *state;
	const char *maildirs;
	const char *evaluator_maildir;
	const char *now;
	const char *to;
	const char *units;
	int port;
	int quiet, json, csv, refused;
};

static const char usage_text[] =
	"usage: foi-sim [COMMAND] [OPTIONS]\n"
	"commands:\n"
	"  serve       serve the units' pages and forms (the default)\n"
	"  advance     move the simulated clock (--to) and send the replies due\n"
	"  scan        read the units' Maildirs once\n"
	"  state       print what the units received and sent (JSON)\n"
	"  check       check that the profiles' expectations follow from their behaviour\n"
	"  expect      print every unit's expected results (JSON)\n"
	"  mailboxes   print the unit addresses that exist (the bounce unit's does not)\n"
	"options:\n"
	"  --profiles FILE          profiles (default: tests/sim/profiles.ini of the data folder; FOI_SIM_PROFILES)\n"
	"  --state DIR              state folder (FOI_SIM_STATE); needed by serve, advance, scan, state\n"
	"  --port N                 HTTP port on 127.0.0.1 (FOI_SIM_PORT; default 18480; 0 = any free port)\n"
	"  --maildirs BASE          Maildirs as BASE/DOMAIN/USER/Maildir (default: $FOI_MAIL_DIR/mail)\n"
	"  --evaluator-maildir DIR  deliver every reply into this Maildir instead\n"
	"  --now 'YYYY-MM-DD HH:MM' the simulated time to start from when the state has none (FOI_NOW)\n"
	"  --to 'YYYY-MM-DD HH:MM'  advance: the new simulated time\n"
	"  --units FILE             check: also compare with this units CSV\n"
	"  --csv                    mailboxes: print a CSV with an email column\n"
	"  --refused                mailboxes: print the addresses that must not exist (FOI_MAIL_REFUSE)\n"
	"  --quiet                  no progress lines on stderr\n";

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "foi-sim: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", usage_text);
	return FOI_EXIT_USAGE;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longs[] = {
		{"profiles", required_argument, NULL, 'p'}, {"state", required_argument, NULL, 's'},
		{"port", required_argument, NULL, 'P'}, {"maildirs", required_argument, NULL, 'm'},
		{"evaluator-maildir", required_argument, NULL, 'e'}, {"now", required_argument, NULL, 'n'},
		{"to", required_argument, NULL, 't'}, {"units", required_argument, NULL, 'u'},
		{"quiet", no_argument, NULL, 'q'}, {"json", no_argument, NULL, 'j'},
		{"csv", no_argument, NULL, 'c'}, {"refused", no_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	memset(o, 0, sizeof *o);
	o->command = "serve";
	int first = 1;
	if (argc > 1 && argv[1][0] != '-') {
		o->command = argv[1];
		first = 2;
	}
	o->profiles = getenv("FOI_SIM_PROFILES");
	o->state = getenv("FOI_SIM_STATE");
	o->now = getenv("FOI_NOW");
	const char *port = getenv("FOI_SIM_PORT");
	o->port = port && *port ? atoi(port) : SIM_DEFAULT_PORT;
	optind = first;
	int c;
	while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
		switch (c) {
		case 'p': o->profiles = optarg; break;
		case 's': o->state = optarg; break;
		case 'P': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 0 || v > 65535)
				return usage_error("--port needs a port number, not '%s'", optarg);
			o->port = (int)v;
			break;
		}
		case 'm': o->maildirs = optarg; break;
		case 'e': o->evaluator_maildir = optarg; break;
		case 'n': o->now = optarg; break;
		case 't': o->to = optarg; break;
		case 'u': o->units = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'j': o->json = 1; break;
		case 'c': o->csv = 1; break;
		case 'r': o->refused = 1; break;
		case 'h': fputs(usage_text, stdout); return -1;
		default: return usage_error("%s", "unknown option");
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return 0;
}

static int load_profiles(const struct options *o, struct sim_profiles *p)
{
	char path[4096], err[FOI_ERR_MAX];
	if (o->profiles)
		snprintf(path, sizeof path, "%s", o->profiles);
	else
		snprintf(path, sizeof path, "%s/tests/sim/profiles.ini", foi_datadir());
	if (profiles_load(path, p, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		return FOI_EXIT_DATA;
	}
	return 0;
}

static int print_json(cJSON *obj)
{
	char *text = obj ? cJSON_Print(obj) : NULL;
	cJSON_Delete(obj);
	if (!text) {
		fprintf(stderr, "foi-sim: out of memory\n");
		return FOI_EXIT_FAIL;
	}
	puts(text);
	cJSON_free(text);
	return FOI_EXIT_OK;
}

static int cmd_mailboxes(const struct options *o, const struct sim_profiles *p)
{
	if (o->refused) {
		/* One line, space-separated: the mail stack's FOI_MAIL_REFUSE. */
		int n = 0;
		for (size_t i = 0; i < p->count; i++)
			if (p->units[i].mail == MAIL_REJECT)
				printf("%s%s", n++ ? " " : "", p->units[i].email);
		putchar('\n');
		return FOI_EXIT_OK;
	}
	if (o->csv)
		puts("code,email");
	for (size_t i = 0; i < p->count; i++) {
		if (p->units[i].mail == MAIL_REJECT)
			continue;
		if (o->csv)
			printf("%s,%s\n", p->units[i].code, p->units[i].email);
		else
			puts(p->units[i].email);
	}
	return FOI_EXIT_OK;
}

static int cmd_check(const struct options *o, const struct sim_profiles *p)
{
	struct strbuf problems;
	sb_init(&problems);
	int n = expect_check(p, &problems);
	if (o->units) {
		char err[FOI_ERR_MAX];
		int m = expect_check_units(p, o->units, &problems, err, sizeof err);
		if (m < 0) {
			fprintf(stderr, "foi-sim: %s\n", err);
			sb_free(&problems);
			return FOI_EXIT_FAIL;
		}
		n += m;
	}
	fputs(sb_str(&problems), stderr);
	sb_free(&problems);
	if (n > 0) {
		fprintf(stderr, "foi-sim: %d problem%s in %s\n", n, n == 1 ? "" : "s", p->path);
		return FOI_EXIT_DATA;
	}
	printf("%s: %zu units, expectations consistent\n", p->path, p->count);
	return FOI_EXIT_OK;
}

/* Everything a command that touches the world needs: state, calendar, engine. */
struct world {
	struct sim_engine engine;
	struct sched_calendar *cal;
	struct template_set templates;
	sqlite3 *db;
};

static int open_world(const struct options *o, const struct sim_profiles *p, struct world *w)
{
	char err[FOI_ERR_MAX];
	memset(w, 0, sizeof *w);
	if (!o->state || !*o->state) {
		fprintf(stderr, "foi-sim: %s needs a state folder (--state DIR or FOI_SIM_STATE)\n", o->command);
		return FOI_EXIT_USAGE;
	}
	if (workdays_load(&w->cal, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		return FOI_EXIT_FAIL;
	}
	if (answers_load(&w->templates, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		calendar_free(w->cal);
		return FOI_EXIT_FAIL;
	}
	if (state_open(o->state, &w->db, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		calendar_free(w->cal);
		template_set_free(&w->templates);
		return FOI_EXIT_FAIL;
	}
	struct sim_engine *e = &w->engine;
	e->profiles = p;
	e->cal = w->cal;
	e->templates = &w->templates;
	e->db = w->db;
	e->log = o->quiet ? NULL : stderr;
	const char *mail_dir = getenv("FOI_MAIL_DIR");
	if (o->maildirs)
		snprintf(e->mail_base, sizeof e->mail_base, "%s", o->maildirs);
	else if (mail_dir && *mail_dir)
		snprintf(e->mail_base, sizeof e->mail_base, "%s/mail", mail_dir);
	if (o->evaluator_maildir)
		snprintf(e->evaluator_maildir, sizeof e->evaluator_maildir, "%s", o->evaluator_maildir);
	return 0;
}

static void close_world(struct world *w)
{
	if (w->db)
		state_close(w->db);
	if (w->cal) {
		calendar_free(w->cal);
		template_set_free(&w->templates);
	}
}

/* Sets the clock when the state has none: --now / FOI_NOW, else fallback, else the real time. */
static int init_clock(struct world *w, const struct options *o, time_t fallback)
{
	char err[FOI_ERR_MAX];
	time_t t = fallback ? fallback : time(NULL) / 60 * 60;
	if (o->now && clock_parse_local(o->now, &t, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: --now: %s\n", err);
		return FOI_EXIT_USAGE;
	}
	if (engine_init_clock(&w->engine, t, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		return FOI_EXIT_FAIL;
	}
	return 0;
}

static volatile sig_atomic_t stop_signal;

static int cmd_serve(const struct options *o, const struct sim_profiles *p)
{
	struct world w;
	int rc = open_world(o, p, &w);
	if (rc == 0)
		rc = init_clock(&w, o, 0);
	if (rc != 0) {
		close_world(&w);
		return rc;
	}
	/* The server's thread inherits this mask, so the signals come to sigwait below. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct sim_server server;
	char err[FOI_ERR_MAX];
	if (server_start(&w.engine, (unsigned)o->port, &server, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		close_world(&w);
		return FOI_EXIT_FAIL;
	}
	time_t now;
	char iso[CLOCK_ISO_MAX] = "?";
	if (engine_now(&w.engine, &now, err, sizeof err) == 0)
		clock_format_iso(now, iso);
	printf("foi-sim: listening on http://127.0.0.1:%u/ (%zu units, simulated time %s)\n", server.port,
	       p->count, iso);
	fflush(stdout);
	int sig = 0;
	sigwait(&set, &sig);
	server_stop(&server);
	close_world(&w);
	if (!o->quiet)
		fprintf(stderr, "foi-sim: stopped (signal %d)\n", sig);
	return FOI_EXIT_OK;
}

static int cmd_advance(const struct options *o, const struct sim_profiles *p)
{
	char err[FOI_ERR_MAX];
	time_t to;
	if (!o->to)
		return usage_error("%s", "advance needs --to 'YYYY-MM-DD HH:MM'");
	if (clock_parse_local(o->to, &to, err, sizeof err) != 0)
		return usage_error("--to: %s", err);
	struct world w;
	int rc = open_world(o, p, &w);
	if (rc == 0)
		rc = init_clock(&w, o, to);
	if (rc == 0) {
		cJSON *report = cJSON_CreateObject();
		if (!report || engine_advance(&w.engine, to, report, err, sizeof err) != 0) {
			fprintf(stderr, "foi-sim: %s\n", report ? err : "out of memory");
			cJSON_Delete(report);
			rc = FOI_EXIT_FAIL;
		} else
			rc = print_json(report);
	}
	close_world(&w);
	return rc;
}

static int cmd_scan(const struct options *o, const struct sim_profiles *p)
{
	char err[FOI_ERR_MAX];
	struct world w;
	int rc = open_world(o, p, &w);
	if (rc == 0)
		rc = init_clock(&w, o, 0);
	int received = 0;
	if (rc == 0 && engine_scan(&w.engine, &received, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		rc = FOI_EXIT_FAIL;
	}
	if (rc == 0)
		printf("{\"received\": %d}\n", received);
	close_world(&w);
	return rc;
}

static int cmd_state(const struct options *o, const struct sim_profiles *p)
{
	char err[FOI_ERR_MAX];
	struct world w;
	int rc = open_world(o, p, &w);
	cJSON *dump = NULL;
	if (rc == 0 && state_dump_json(w.db, &dump, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		rc = FOI_EXIT_FAIL;
	}
	if (rc == 0)
		rc = print_json(dump);
	close_world(&w);
	return rc;
}

int main(int argc, char **argv)
{
	foi_progname = "foi-sim";
	struct options o;
	int rc = parse_options(argc, argv, &o);
	if (rc != 0)
		return rc < 0 ? FOI_EXIT_OK : rc;
	char err[FOI_ERR_MAX];
	if (clock_set_zone(CLOCK_DEFAULT_ZONE, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s\n", err);
		return FOI_EXIT_FAIL;
	}
	static const char *const commands[] = {"serve", "advance", "scan", "state", "check", "expect",
					       "mailboxes", NULL};
	int known = 0;
	for (int i = 0; commands[i]; i++)
		known |= strcmp(o.command, commands[i]) == 0;
	if (strcmp(o.command, "help") == 0) {
		fputs(usage_text, stdout);
		return FOI_EXIT_OK;
	}
	if (!known)
		return usage_error("unknown command '%s'", o.command);
	struct sim_profiles p;
	rc = load_profiles(&o, &p);
	if (rc != 0)
		return rc;
	g_mime_init();
	if (strcmp(o.command, "serve") == 0)
		rc = cmd_serve(&o, &p);
	else if (strcmp(o.command, "advance") == 0)
		rc = cmd_advance(&o, &p);
	else if (strcmp(o.command, "scan") == 0)
		rc = cmd_scan(&o, &p);
	else if (strcmp(o.command, "state") == 0)
		rc = cmd_state(&o, &p);
	else if (strcmp(o.command, "check") == 0)
		rc = cmd_check(&o, &p);
	else if (strcmp(o.command, "expect") == 0)
		rc = print_json(expect_json(&p));
	else
		rc = cmd_mailboxes(&o, &p);
	g_mime_shutdown();
	profiles_free(&p);
	return rc;
}
