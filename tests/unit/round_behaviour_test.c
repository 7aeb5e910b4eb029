/*
 * Planning rounds through the foi program, as an evaluator does, over many seeds and many
 * made-up units files: the seed a round records plans it again, every recorded draw is the
 * target its county's FOI request goes to, personas differ within a unit and take turns, a
 * narrow send window is kept, and a drop that cannot complete changes nothing.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/round_support.h"
#include "tests/unit/run_foi.h"

static double json_num(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	cr_assert(cJSON_IsNumber(v), "no number %s", key);
	return v->valuedouble;
}

/* The seed `round list --json` records for the round at index i. */
static long long listed_seed(const char *dir, int i)
{
	struct foi_run r = run_foi(dir, "round list --json");
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cJSON *list = cJSON_Parse(r.out);
	cr_assert_not_null(list, "%s", r.out);
	long long seed = (long long)json_num(cJSON_GetArrayItem(list, i), "seed");
	cJSON_Delete(list);
	run_free(&r);
	return seed;
}

static char *fingerprint_of(const char *dir, const char *round)
{
	cJSON *doc = round_show_json(dir, round);
	char *f = round_fingerprint(doc);
	cJSON_Delete(doc);
	return f;
}

Test(round_behaviour, a_round_without_seed_records_the_seed_that_plans_it_again)
{
	/* In a fresh workspace each time: in the same one, the first round's open requests would
	 * (rightly) keep its personas from the same units. */
	for (int i = 0; i < 3; i++) {
		char *a = round_workspace(), *b = round_workspace(), *c = round_workspace();
		char name[16], args[128];
		snprintf(name, sizeof name, "auto%d", i);
		snprintf(args, sizeof args, "%s --start 2023-09-18", name);
		round_create_ok(a, args);
		long long seed = listed_seed(a, 0);
		/* The same seed, in two other workspaces. */
		snprintf(args, sizeof args, "%s --seed %lld --start 2023-09-18", name, seed);
		round_create_ok(b, args);
		round_create_ok(c, args);
		char *first = fingerprint_of(a, name), *again = fingerprint_of(b, name), *other_ws = fingerprint_of(c, name);
		cr_assert_str_eq(first, again, "round %s recorded seed %lld, which plans another round", name, seed);
		cr_assert_str_eq(first, other_ws, "round %s recorded seed %lld, which plans another round elsewhere", name, seed);
		free(first);
		free(again);
		free(other_ws);
		/* `round show` says the same seed. */
		struct foi_run r = run_foi(a, "round show %s", name);
		char want[64];
		snprintf(want, sizeof want, "seed %lld,", seed);
		cr_assert(strstr(r.out, want) != NULL, "%s", r.out);
		run_free(&r);
	}
}

/* ---- made-up units files ---- */

static uint64_t gen_state;

static unsigned gen_below(unsigned n)
{
	gen_state = gen_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(gen_state >> 33) % n;
}

struct made_unit {
	char code[16], parent[16];
	int county, foi_form, email;
};

struct made_units {
	struct made_unit u[64];
	size_t n;
};

static const char *const made_domains[] = {"", "education", "budget procurement", "health", "employment social-security",
					   "housing", "agriculture"};

static void add_unit(struct made_units *m, FILE *f, const char *code, const char *parent, int county)
{
	struct made_unit *u = &m->u[m->n++];
	snprintf(u->code, sizeof u->code, "%s", code);
	snprintf(u->parent, sizeof u->parent, "%s", parent);
	u->county = county;
	u->foi_form = gen_below(3) != 0;
	u->email = gen_below(4) != 0;
	int consult_form = gen_below(4) != 0;
	char lower[16];
	size_t i = 0;
	for (; code[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
	lower[i] = '\0';
	fprintf(f, "%s,%s%s,%s,%s,http://127.0.0.1:18480/%s/guide.html,", code, county ? "某县人民政府" : "某局", code,
		county ? "county" : "department", parent, code);
	if (u->foi_form)
		fprintf(f, "http://127.0.0.1:18480/%s/foi", code);
	fprintf(f, ",");
	if (consult_form)
		fprintf(f, "http://127.0.0.1:18480/%s/consult", code);
	fprintf(f, ",");
	if (u->email)
		fprintf(f, "%s@units.foi.test", lower);
	fprintf(f, ",%s\n", made_domains[gen_below(sizeof made_domains / sizeof made_domains[0])]);
}

/* A units file of 1-4 county-level units with pools of 1-4 departments and 1-8 city departments. */
static void made_units_file(const char *dir, struct made_units *m)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cr_assert_not_null(f);
	m->n = 0;
	fprintf(f, "code,name,level,parent,guide_url,foi_form_url,consult_form_url,email,domain\n");
	unsigned counties = 1 + gen_below(4), departments = 1 + gen_below(8);
	unsigned pool[4];
	char code[16], parent[16];
	for (unsigned c = 0; c < counties; c++) {
		snprintf(code, sizeof code, "G%02u", c + 1);
		add_unit(m, f, code, "", 1);
		pool[c] = 1 + gen_below(4);
	}
	for (unsigned d = 0; d < departments; d++) {
		snprintf(code, sizeof code, "E%02u", d + 1);
		add_unit(m, f, code, "", 0);
	}
	for (unsigned c = 0; c < counties; c++)
		for (unsigned p = 0; p < pool[c]; p++) {
			snprintf(parent, sizeof parent, "G%02u", c + 1);
			snprintf(code, sizeof code, "G%02u-%02u", c + 1, p + 1);
			add_unit(m, f, code, parent, 0);
		}
	cr_assert_eq(fclose(f), 0);
	char *path = write_file(dir, "made.csv", text);
	free(text);
	struct foi_run r = run_foi(dir, "units import %s", path);
	cr_assert_eq(r.status, 0, "units import: %s", r.err);
	run_free(&r);
}

static const struct made_unit *made_find(const struct made_units *m, const char *code)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->u[i].code, code) == 0)
			return &m->u[i];
	cr_assert_fail("the plan names unit %s, which the units file does not hold", code);
	return NULL;
}

/* The county's departments, in file order, as `round show` lists a pool. */
static void made_pool(const struct made_units *m, const char *county, char *out, size_t outsz)
{
	out[0] = '\0';
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->u[i].parent, county) == 0)
			snprintf(out + strlen(out), outsz - strlen(out), "%s%s", out[0] ? " " : "", m->u[i].code);
}

static const cJSON *request_of(const cJSON *doc, const char *unit, const char *kind)
{
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "requests"))
		if (strcmp(json_str(q, "unit"), unit) == 0 && strcmp(json_str(q, "kind"), kind) == 0)
			return q;
	cr_assert_fail("no %s request for %s", kind, unit);
	return NULL;
}

/* What round create promises about one plan of the made-up units m. */
static void check_plan(const struct made_units *m, const cJSON *doc, const char *round)
{
	size_t counties = 0, draws = 0;
	const cJSON *d;
	cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(doc, "draws")) {
		const char *county = json_str(d, "county"), *target = json_str(d, "target");
		char pool[512];
		made_pool(m, county, pool, sizeof pool);
		draws++;
		cr_assert(made_find(m, county)->county, "%s: a draw for %s, which is not county-level", round, county);
		cr_assert_str_eq(json_str(d, "pool"), pool, "%s: %s's pool", round, county);
		cr_assert_str_eq(made_find(m, target)->parent, county, "%s: %s drew %s", round, county, target);
		/* The draw recorded is where the application goes. */
		cr_assert_str_eq(json_str(request_of(doc, county, "foi"), "target"), target,
				 "%s: the draw for %s says %s, its FOI request goes to %s", round, county, target,
				 json_str(request_of(doc, county, "foi"), "target"));
	}
	const char *last_persona = NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct made_unit *u = &m->u[i];
		if (*u->parent)
			continue; /* a pool member, not evaluated */
		counties += (size_t)u->county;
		const cJSON *foi = request_of(doc, u->code, "foi"), *consult = request_of(doc, u->code, "consult");
		const struct made_unit *target = made_find(m, json_str(foi, "target"));
		if (!u->county)
			cr_assert_str_eq(target->code, u->code, "%s: department %s is its own target", round, u->code);
		cr_assert_str_eq(json_str(consult, "target"), u->code, "%s: %s's question goes to %s", round, u->code,
				 json_str(consult, "target"));
		/* The target's own channel: its FOI form, else its e-mail, else none. */
		const char *want = target->foi_form ? "web" : target->email ? "email" : "none";
		cr_assert_str_eq(json_str(foi, "channel"), want, "%s: %s's application to %s", round, u->code, target->code);
		cr_assert_str_eq(json_str(foi, "state"), target->foi_form || target->email ? "planned" : "no-channel");
		/* Two applicants per unit, and the next unit hears from the next one. */
		cr_assert_str_neq(json_str(foi, "persona"), json_str(consult, "persona"),
				  "%s: %s gets both requests from persona %s", round, u->code, json_str(foi, "persona"));
		if (last_persona)
			cr_assert_str_neq(json_str(foi, "persona"), last_persona, "%s: two units running hear from %s", round,
					  last_persona);
		last_persona = json_str(foi, "persona");
	}
	cr_assert_eq(draws, counties, "%s: %zu draws for %zu county-level units", round, draws, counties);
}

Test(round_behaviour, every_draw_is_where_its_county_application_goes_over_many_units_files_and_seeds)
{
	gen_state = 20231008;
	for (int file = 0; file < 6; file++) {
		for (int s = 0; s < 3; s++) {
			/* A workspace per round: one round's open requests take personas from the next. */
			char *dir = round_workspace();
			struct made_units m;
			made_units_file(dir, &m);
			char name[16], args[96];
			snprintf(name, sizeof name, "r%d", s);
			snprintf(args, sizeof args, "%s --seed %u --start 2023-09-18", name, gen_below(1000000));
			round_create_ok(dir, args);
			cJSON *doc = round_show_json(dir, name);
			check_plan(&m, doc, name);
			cJSON_Delete(doc);
		}
	}
}

Test(round_behaviour, the_shipped_units_draws_match_their_applications_for_every_seed)
{
	for (int seed = 1; seed <= 8; seed++) {
		char *dir = round_workspace();
		char name[16], args[96];
		snprintf(name, sizeof name, "s%d", seed);
		snprintf(args, sizeof args, "%s --seed %d --start 2023-09-18", name, seed);
		round_create_ok(dir, args);
		cJSON *doc = round_show_json(dir, name);
		cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "draws")), 5);
		const cJSON *d;
		cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(doc, "draws"))
			cr_assert_str_eq(json_str(request_of(doc, json_str(d, "county"), "foi"), "target"), json_str(d, "target"),
					 "seed %d: the draw of %s", seed, json_str(d, "county"));
		cJSON_Delete(doc);
	}
}

Test(round_behaviour, a_five_minute_send_window_in_foi_ini_is_kept_for_any_seed)
{
	char *first = NULL;
	for (int seed = 0; seed < 6; seed++) {
		/* A workspace per round: one round's open requests take personas from the next. */
		char *dir = round_workspace();
		struct foi_run r = run_shell("sed -i 's/^work_end = 17:00$/work_end = 09:05/' '%s/foi.ini' && "
					     "grep -c '^work_end = 09:05$' '%s/foi.ini'", dir, dir);
		cr_assert_eq(r.status, 0, "foi.ini has no 'work_end = 17:00' line to change: %s", r.err);
		run_free(&r);
		if (!first)
			first = dir;
		char name[16], args[96];
		snprintf(name, sizeof name, "w%d", seed);
		snprintf(args, sizeof args, "%s --seed %d --start 2023-09-25 --spread 20", name, seed * 7919);
		round_create_ok(dir, args);
		cJSON *doc = round_show_json(dir, name);
		const cJSON *q;
		cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "requests"))
			cr_assert(strstr(json_str(q, "send_at"), "T09:00:00+08:00") != NULL,
				  "seed %d: %s %s is sent at %s, outside 09:00-09:05", seed * 7919, json_str(q, "unit"),
				  json_str(q, "kind"), json_str(q, "send_at"));
		cJSON_Delete(doc);
	}
	/* 09:05 itself is the end of the window, not in it. */
	struct foi_run r = run_foi(first, "round edit w0 --unit D02 --kind foi --at '2023-09-25 09:05'");
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "outside the working hours 09:00-09:05"), "%s", r.err);
	run_free(&r);
}

Test(round_behaviour, one_persona_is_refused_for_both_kinds_and_enough_for_one)
{
	char *dir = round_workspace();
	write_file(dir, "foi.ini", "[persona.li]\nname = 李明华\nid_type = 居民身份证\nid_number = 421302199003154515\n"
				   "phone = 13971234567\naddress = 湖北省随州市曾都区青年路18号\npostcode = 441300\n"
				   "email = limh1990@foi.test\n");
	round_create_refused(dir, "r1 --seed 1 --start 2023-09-18", 0, "one persona cannot send a unit both an FOI application and a question");
	round_create_ok(dir, "r1 --seed 1 --start 2023-09-18 --kinds consult");
}

Test(round_behaviour, an_edit_cannot_give_one_persona_both_requests_to_a_unit)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	cJSON *doc = round_show_json(dir, "r1");
	char *before = round_fingerprint(doc);
	char d05[64], c01[64];
	snprintf(d05, sizeof d05, "%s", json_str(request_of(doc, "D05", "foi"), "persona"));
	snprintf(c01, sizeof c01, "%s", json_str(request_of(doc, "C01", "foi"), "persona"));
	cJSON_Delete(doc);
	struct foi_run r = run_foi(dir, "round edit r1 --unit D05 --kind consult --persona %s", d05);
	cr_assert_eq(r.status, 3, "D05 would hear from %s twice: %s", d05, r.out);
	cr_assert(strstr(r.err, "one persona never sends a unit two requests"), "%s", r.err);
	run_free(&r);
	doc = round_show_json(dir, "r1");
	char *after = round_fingerprint(doc);
	cJSON_Delete(doc);
	cr_assert_str_eq(before, after, "the refused edit changed the round");
	/* A county's application goes to one of its departments: its question may use that persona. */
	r = run_foi(dir, "round edit r1 --unit C01 --kind consult --persona %s", c01);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	free(before);
	free(after);
}

/* The persona each request of round gives to a body: "TARGET persona" pairs. */
static int persona_writes(const cJSON *doc, const char *target, const char *persona)
{
	const cJSON *q;
	cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(doc, "requests"))
		if (strcmp(json_str(q, "target"), target) == 0 && strcmp(json_str(q, "persona"), persona) == 0)
			return 1;
	return 0;
}

/* Across rounds of one workspace too: a persona with an open request to a unit (an earlier
 * round's) is passed over for it, edits included, and a plan with no persona left is refused. */
Test(round_behaviour, a_later_round_never_gives_a_persona_a_unit_it_has_an_open_request_to)
{
	char *dir = round_workspace(); /* the example's three personas */
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	round_create_ok(dir, "r2 --seed 7 --start 2023-10-09 --kinds foi");
	cJSON *r1 = round_show_json(dir, "r1"), *r2 = round_show_json(dir, "r2");
	const cJSON *q;
	int n = 0;
	cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(r2, "requests")) {
		cr_assert_not(persona_writes(r1, json_str(q, "target"), json_str(q, "persona")),
			      "%s hears from %s in r1 and again in r2", json_str(q, "target"), json_str(q, "persona"));
		n++;
	}
	cr_assert_eq(n, 36);
	/* Round r1's D05 application went out under one persona: r2's may not be changed to it. */
	const char *taken = json_str(request_of(r1, "D05", "foi"), "persona");
	struct foi_run r = run_foi(dir, "round edit r2 --unit D05 --kind foi --persona %s", taken);
	cr_assert_eq(r.status, 3, "%s", r.out);
	cr_assert(strstr(r.err, "already writes to D05 in round r1"), "%s", r.err);
	run_free(&r);
	/* r1 used two personas on D01 and r2 the third: a third round has none left for it. */
	r = run_foi(dir, "--now '2023-09-18 08:00' round create r3 --seed 7 --start 2023-10-16 --kinds consult");
	cr_assert_eq(r.status, 1, "%s", r.out);
	cr_assert(strstr(r.err, "no persona is free to send D01 a question"), "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "round show r3");
	cr_assert_neq(r.status, 0, "the refused round was stored: %s", r.out);
	run_free(&r);
	cJSON_Delete(r1);
	cJSON_Delete(r2);
}

/* In persona mode a request's reply address is its persona's: an edit of the persona moves it. */
Test(round_behaviour, an_edited_persona_brings_its_own_reply_address)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	cJSON *doc = round_show_json(dir, "r1");
	const char *foi = json_str(request_of(doc, "D05", "foi"), "persona");
	const char *consult = json_str(request_of(doc, "D05", "consult"), "persona");
	const char *keys[] = {"li", "wang", "zhao"}, *emails[] = {"limh1990@foi.test", "wangxl85@foi.test", "zhaojg1978@foi.test"};
	int free_one = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(keys[i], foi) != 0 && strcmp(keys[i], consult) != 0)
			free_one = i;
	cr_assert_geq(free_one, 0);
	cJSON_Delete(doc);
	struct foi_run r = run_foi(dir, "round edit r1 --unit D05 --kind foi --persona %s", keys[free_one]);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	doc = round_show_json(dir, "r1");
	const cJSON *q = request_of(doc, "D05", "foi");
	cr_assert_str_eq(json_str(q, "reply_to"), emails[free_one]);
	cr_assert(strstr(json_str(q, "body"), emails[free_one]), "the letter gives the new address: %s", json_str(q, "body"));
	cJSON_Delete(doc);
}

/* Marks one request as gone out, as the sender will: it can no longer be dropped. */
static void mark_sent(const char *dir, const char *unit, const char *kind)
{
	char path[4200];
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/foi.db", dir);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE requests SET state = 'sent' WHERE unit = %Q AND kind = %Q", unit, kind);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_changes(db), 1);
	sqlite3_free(sql);
	sqlite3_close(db);
}

static char *show_and_list(const char *dir)
{
	struct foi_run show = run_foi(dir, "round show r1 --json"), list = run_foi(dir, "round list --json");
	cr_assert_eq(show.status, 0);
	cr_assert_eq(list.status, 0);
	char *both;
	cr_assert(asprintf(&both, "%s\n%s", show.out, list.out) > 0);
	run_free(&show);
	run_free(&list);
	return both;
}

Test(round_behaviour, a_drop_that_cannot_complete_changes_nothing)
{
	char *dir = round_workspace();
	round_create_ok(dir, "r1 --seed 7 --start 2023-09-18");
	/* D02's question has gone out; its application has not. */
	mark_sent(dir, "D02", "consult");
	char *before = show_and_list(dir);
	struct foi_run r = run_foi(dir, "round drop r1 --unit D02");
	cr_assert_neq(r.status, 0, "a drop that left the sent question behind succeeded: %s", r.out);
	cr_assert_lt(r.status, 128, "crashed");
	cr_assert(strstr(r.err, "the consult request for D02 is sent: only planned requests can be dropped"), "%s", r.err);
	run_free(&r);
	char *after = show_and_list(dir);
	cr_assert_str_eq(before, after, "the failed drop changed the round");
	free(after);

	r = run_foi(dir, "round drop r1 --unit D02 --kind consult");
	cr_assert_neq(r.status, 0);
	run_free(&r);
	after = show_and_list(dir);
	cr_assert_str_eq(before, after, "the failed drop changed the round");
	free(after);
	free(before);

	/* The application alone can still go. */
	r = run_foi(dir, "round drop r1 --unit D02 --kind foi");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}
