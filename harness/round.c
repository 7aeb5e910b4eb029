/* Planning a round: the inputs gathered, the pure planner run, every request rendered and stored at once. */
#include "harness/round.h"
#include "harness/round_follow.h"
#include "harness/round_internal.h"
#include "harness/round_warn.h"
#include "harness/clock.h"
#include "harness/store.h"
#include "harness/mail/token.h"
#include "schedule/plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* A unit as the planner needs it. Every field is owned and whole, however long: a form URL cut
 * to fit a buffer would send the request to the wrong page. */
struct unit_info {
	char *code, *name, *level, *foi_form, *consult_form, *email, *domains;
};

struct county_pool {
	struct unit_info *members;
	struct plan_target *targets;
	size_t count;
};

int round_sql_error(sqlite3 *db, char *err, size_t errsz)
{
	snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
	return FOI_EXIT_FAIL;
}

static void unit_info_free(struct unit_info *u)
{
	char **f[] = {&u->code, &u->name, &u->level, &u->foi_form, &u->consult_form, &u->email, &u->domains};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

/* Reads one row of UNIT_COLUMNS; -1 when out of memory (then u holds nothing). */
static int read_unit(sqlite3_stmt *st, struct unit_info *u)
{
	char **f[] = {&u->code, &u->name, &u->level, &u->foi_form, &u->consult_form, &u->email, &u->domains};
	int ok = 1;
	for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++) {
		const unsigned char *v = sqlite3_column_text(st, i);
		*f[i] = strdup(v ? (const char *)v : "");
		ok = ok && *f[i];
	}
	if (!ok)
		unit_info_free(u);
	return ok ? 0 : -1;
}

#define UNIT_COLUMNS "code, name, level, foi_form_url, consult_form_url, email, domain"

/* The evaluated units in file order; *pools[i] holds unit i's county-level departments. */
static int load_units(sqlite3 *db, struct unit_info **units, size_t *n, struct county_pool **pools,
		      char *err, size_t errsz)
{
	sqlite3_stmt *st = NULL, *pst = NULL;
	size_t cap = 0;
	*units = NULL;
	*pools = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT " UNIT_COLUMNS " FROM units WHERE parent IS NULL ORDER BY position", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT " UNIT_COLUMNS " FROM units WHERE parent = ? ORDER BY position", -1, &pst, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return round_sql_error(db, err, errsz);
	}
	int rc = FOI_EXIT_OK, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			struct unit_info *nu = realloc(*units, cap * sizeof **units);
			struct county_pool *np = realloc(*pools, cap * sizeof **pools);
			if (nu)
				*units = nu;
			if (np)
				*pools = np;
			if (!nu || !np) {
				snprintf(err, errsz, "out of memory");
				rc = FOI_EXIT_FAIL;
				break;
			}
		}
		struct unit_info *u = &(*units)[*n];
		struct county_pool *p = &(*pools)[*n];
		memset(p, 0, sizeof *p);
		if (read_unit(st, u) != 0) {
			snprintf(err, errsz, "out of memory");
			rc = FOI_EXIT_FAIL;
			break;
		}
		(*n)++;
		if (strcmp(u->level, "county") != 0)
			continue;
		sqlite3_reset(pst);
		sqlite3_bind_text(pst, 1, u->code, -1, SQLITE_TRANSIENT);
		int pstep;
		while ((pstep = sqlite3_step(pst)) == SQLITE_ROW) {
			struct unit_info *m = realloc(p->members, (p->count + 1) * sizeof *m);
			struct plan_target *t = realloc(p->targets, (p->count + 1) * sizeof *t);
			if (m)
				p->members = m;
			if (t)
				p->targets = t;
			if (!m || !t) {
				snprintf(err, errsz, "out of memory");
				rc = FOI_EXIT_FAIL;
				break;
			}
			if (read_unit(pst, &p->members[p->count]) != 0) {
				snprintf(err, errsz, "out of memory");
				rc = FOI_EXIT_FAIL;
				break;
			}
			p->count++;
		}
		for (size_t i = 0; i < p->count; i++) {
			p->targets[i].code = p->members[i].code;
			p->targets[i].domains = p->members[i].domains;
			p->targets[i].busy = 0;
		}
		if (rc != FOI_EXIT_OK || pstep != SQLITE_DONE)
			break;
	}
	/* A read cut short would plan a round for some units only. */
	if (rc == FOI_EXIT_OK && step != SQLITE_DONE)
		rc = round_sql_error(db, err, errsz);
	sqlite3_finalize(st);
	sqlite3_finalize(pst);
	if (rc == FOI_EXIT_OK && *n == 0) {
		snprintf(err, errsz, "the workspace has no units: load them with 'foi units import FILE'");
		rc = FOI_EXIT_FAIL;
	}
	return rc;
}

static void free_units(struct unit_info *units, struct county_pool *pools, size_t n)
{
	for (size_t i = 0; pools && i < n; i++) {
		for (size_t j = 0; j < pools[i].count; j++)
			unit_info_free(&pools[i].members[j]);
		free(pools[i].members);
		free(pools[i].targets);
	}
	for (size_t i = 0; units && i < n; i++)
		unit_info_free(&units[i]);
	free(pools);
	free(units);
}

static int valid_round_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || strchr("-_.", *s)))
			return 0;
	return 1;
}

/* Today's date in the workspace zone. */
static sched_day today(void)
{
	return local_instant(clock_now()).day;
}

/* In persona mode settings_load made sure the persona has an address; in token mode the token
 * goes after token_address's local part: evaluator+TOKEN@foi.test. */
char *round_reply_address(const struct settings *s, const struct persona *p, const char *token)
{
	if (s->reply_mode == REPLY_PERSONA)
		return strdup(p->email);
	const char *at = strrchr(s->token_address, '@');
	char *out;
	if (asprintf(&out, "%.*s%s%s%s", (int)(at - s->token_address), s->token_address, s->token_delimiter, token,
		     at) < 0)
		return NULL;
	return out;
}

const struct persona *round_find_persona(const struct settings *s, const char *key)
{
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			return &s->personas[i];
	return NULL;
}

/* The text one request sends, rendered for its unit, persona, date and reply address. */
int round_render_request(const struct template *t, const char *unit_name, const struct persona *p,
			  sched_day day, const char *reply_to,
			  struct template_rendered *out, char *err, size_t errsz)
{
	struct template_values v = {0};
	v.unit_name = unit_name;
	v.persona.name = p->name;
	v.persona.id_type = p->id_type;
	v.persona.id_number = p->id_number;
	v.persona.phone = p->phone;
	v.persona.address = p->address;
	v.persona.postcode = p->postcode;
	/* In token mode a persona without an address of its own gives the tokened reply address. */
	v.persona.email = *p->email ? p->email : reply_to;
	day_to_ymd(day, &v.year, &v.month, &v.day);
	v.reply_to = reply_to;
	return template_render(t, &v, out, err, errsz);
}

/* The channel a request goes by: the one rule of round_follow.h. */
static void choose_channel(const struct unit_info *u, enum plan_kind kind, const char **channel, const char **address)
{
	round_channel(u->foi_form, u->consult_form, u->email, kind == PLAN_FOI ? "foi" : "consult", channel, address);
}

static const char *kind_name(enum plan_kind k)
{
	return k == PLAN_FOI ? "foi" : "consult";
}

static int64_t random_seed(void)
{
	uint32_t r = 0;
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		r = (uint32_t)clock_now();
	return r % 1000000; /* short enough to read out and type again */
}

struct insert_ctx {
	sqlite3 *db;
	sqlite3_stmt *request;
	int64_t round_id;
};

static int store_request(struct workspace *ws, struct insert_ctx *ic, const struct unit_info *unit,
			 const struct unit_info *target, const struct plan_item *it, const struct template *t,
			 const struct persona *p, char *err, size_t errsz)
{
	char token[TOKEN_LEN + 1], send_at[CLOCK_ISO_MAX];
	const char *channel, *address;
	struct template_rendered text;

	if (token_new(token, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	char *reply_to = round_reply_address(&ws->settings, p, token);
	if (!reply_to) {
		snprintf(err, errsz, "out of memory");
		return FOI_EXIT_FAIL;
	}
	local_instant_iso(it->send_at, send_at);
	choose_channel(target, it->kind, &channel, &address);
	if (round_render_request(t, target->name, p, it->send_at.day, reply_to, &text, err, errsz) != 0) {
		free(reply_to);
		return FOI_EXIT_DATA;
	}

	sqlite3_stmt *st = ic->request;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, ic->round_id);
	sqlite3_bind_text(st, 2, unit->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, target->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, kind_name(it->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, address, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, p->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, send_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, token, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, reply_to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, text.subject ? text.subject : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, text.body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 14, strcmp(channel, "none") == 0 ? "no-channel" : "planned", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	template_rendered_free(&text);
	free(reply_to);
	return rc == SQLITE_DONE ? FOI_EXIT_OK : round_sql_error(ic->db, err, errsz);
}

/* The codes of a county's departments, space-separated, as the draw records its pool (malloc'd). */
static char *pool_text(const struct county_pool *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	for (size_t j = 0; j < p->count; j++)
		fprintf(f, "%s%s", j ? " " : "", p->members[j].code);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

int round_exists(sqlite3 *db, const char *name, int64_t *id)
{
	sqlite3_stmt *st;
	int found = 0;
	if (sqlite3_prepare_v2(db, "SELECT id FROM rounds WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		if (id)
			*id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return found;
}

/* Everything a plan is made from and made of, owned together (plan_free). */
struct round_plan {
	struct unit_info *units;
	struct county_pool *pools;
	size_t nunits;
	struct plan_unit *punits;
	const struct template **sel[PLAN_KIND_COUNT];
	struct plan_template *ptpl[PLAN_KIND_COUNT];
	struct plan_item *items;
	size_t nitems;
	struct plan_input in;
};

static void plan_free(struct round_plan *pl)
{
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		free(pl->sel[k]);
		free(pl->ptpl[k]);
	}
	free(pl->items);
	free(pl->punits);
	free_units(pl->units, pl->pools, pl->nunits);
}

/* The templates of each kind the round sends, as the planner sees them (their domains). */
static int plan_templates(struct round_plan *pl, const struct template_set *templates, const int kinds[2], char *err,
			  size_t errsz)
{
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		size_t n = 0;
		pl->in.kinds[k] = kinds[k];
		if (template_set_select(templates, k == PLAN_FOI ? TEMPLATE_FOI : TEMPLATE_CONSULT, NULL, &pl->sel[k], &n) != 0 ||
		    (n && !(pl->ptpl[k] = calloc(n, sizeof *pl->ptpl[k])))) {
			snprintf(err, errsz, "out of memory");
			return FOI_EXIT_FAIL;
		}
		for (size_t i = 0; i < n; i++) {
			pl->ptpl[k][i].domain = pl->sel[k][i]->domain;
			pl->ptpl[k][i].valid_from = pl->sel[k][i]->valid_from;
			pl->ptpl[k][i].valid_until = pl->sel[k][i]->valid_until;
		}
		pl->in.templates[k] = pl->ptpl[k];
		pl->in.template_count[k] = n;
	}
	return FOI_EXIT_OK;
}

/* Gathers the units, templates, personas and calendar, and lets the pure planner choose. */
static int plan_round(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
		      const struct round_options *opt, sched_day start, uint64_t seed, struct round_plan *pl, char *err,
		      size_t errsz)
{
	int rc = load_units(ws->db, &pl->units, &pl->nunits, &pl->pools, err, errsz);
	if (rc != FOI_EXIT_OK)
		return rc;
	pl->punits = calloc(pl->nunits, sizeof *pl->punits);
	pl->items = calloc(pl->nunits * PLAN_KIND_COUNT, sizeof *pl->items);
	if (!pl->punits || !pl->items) {
		snprintf(err, errsz, "out of memory");
		return FOI_EXIT_FAIL;
	}
	/* Personas with an open request to a body from an earlier round are passed over for it. */
	struct round_busy *busy = round_busy_load(ws->db, &ws->settings, err, errsz);
	if (!busy)
		return FOI_EXIT_FAIL;
	for (size_t i = 0; i < pl->nunits; i++) {
		pl->punits[i].code = pl->units[i].code;
		pl->punits[i].busy = round_busy_of(busy, pl->units[i].code);
		for (size_t j = 0; j < pl->pools[i].count; j++)
			pl->pools[i].targets[j].busy = round_busy_of(busy, pl->pools[i].members[j].code);
		pl->punits[i].domains = pl->units[i].domains;
		/* A county-level government answers for all of its county's affairs. */
		pl->punits[i].any_domain = strcmp(pl->units[i].level, "county") == 0;
		pl->punits[i].pool = pl->pools[i].targets;
		pl->punits[i].pool_count = pl->pools[i].count;
	}
	round_busy_free(busy);
	rc = plan_templates(pl, templates, opt->kinds, err, errsz);
	if (rc != FOI_EXIT_OK)
		return rc;
	struct plan_input *in = &pl->in;
	in->start = start;
	in->units = pl->punits;
	in->unit_count = pl->nunits;
	in->persona_count = ws->settings.persona_count;
	in->cal = cal;
	in->spread_days = opt->spread_days;
	in->work_start = ws->settings.work_start;
	in->work_end = ws->settings.work_end;
	in->seed = seed;
	if (plan_make(in, pl->items, &pl->nitems, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	/* A template outside a unit's domains, or a consultation out of its validity period, is said,
	 * never chosen silently. */
	for (size_t i = 0; i < pl->nitems; i++) {
		const struct plan_item *it = &pl->items[i];
		const struct unit_info *target =
			it->pool_pick == PLAN_SELF ? &pl->units[it->unit] : &pl->pools[it->unit].members[it->pool_pick];
		round_warn_item(opt, pl->units[it->unit].code, target->code, target->domains, kind_name(it->kind),
				pl->sel[it->kind][it->template_index], it->off_domain, it->stale, start);
	}
	return FOI_EXIT_OK;
}

/* The rounds row; its id in *round_id. */
static int store_round_row(sqlite3 *db, const struct round_options *opt, int64_t seed, const char *start,
			   int64_t *round_id, char *err, size_t errsz)
{
	char now[CLOCK_ISO_MAX], kinds[32];
	clock_format_iso(clock_now(), now);
	snprintf(kinds, sizeof kinds, "%s%s%s", opt->kinds[0] ? "foi" : "", opt->kinds[0] && opt->kinds[1] ? "," : "",
		 opt->kinds[1] ? "consult" : "");
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO rounds(name, created_at, seed, kinds, start_date, spread_days) "
				   "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return round_sql_error(db, err, errsz);
	sqlite3_bind_text(st, 1, opt->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, seed);
	sqlite3_bind_text(st, 4, kinds, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, opt->spread_days);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return round_sql_error(db, err, errsz);
	*round_id = sqlite3_last_insert_rowid(db);
	return FOI_EXIT_OK;
}

/* The draws of the county-level targets, with the pool each was drawn from. */
static int store_draws(sqlite3 *db, int64_t round_id, const struct round_plan *pl, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO round_draws(round_id, county, target, pool) VALUES (?, ?, ?, ?)", -1, &st,
			       NULL) != SQLITE_OK)
		return round_sql_error(db, err, errsz);
	int rc = FOI_EXIT_OK;
	for (size_t i = 0; i < pl->nitems && rc == FOI_EXIT_OK; i++) {
		const struct plan_item *it = &pl->items[i];
		if (it->kind != PLAN_FOI || it->pool_pick == PLAN_SELF)
			continue;
		const struct county_pool *p = &pl->pools[it->unit];
		char *pool = pool_text(p);
		if (!pool) {
			snprintf(err, errsz, "out of memory");
			rc = FOI_EXIT_FAIL;
			break;
		}
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, round_id);
		sqlite3_bind_text(st, 2, pl->units[it->unit].code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, p->members[it->pool_pick].code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, pool, -1, SQLITE_TRANSIENT);
		free(pool);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = round_sql_error(db, err, errsz);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Every planned request, rendered. */
static int store_requests(struct workspace *ws, int64_t round_id, const struct round_plan *pl, char *err,
			  size_t errsz)
{
	struct insert_ctx ic = {.db = ws->db, .round_id = round_id};
	if (sqlite3_prepare_v2(ws->db, "INSERT INTO requests(round_id, unit, target, kind, template_id, channel, address, "
				       "persona, send_at, token, reply_to, subject, body, state) "
				       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &ic.request, NULL) != SQLITE_OK)
		return round_sql_error(ws->db, err, errsz);
	int rc = FOI_EXIT_OK;
	for (size_t i = 0; i < pl->nitems && rc == FOI_EXIT_OK; i++) {
		const struct plan_item *it = &pl->items[i];
		const struct unit_info *unit = &pl->units[it->unit];
		const struct unit_info *target =
			it->pool_pick == PLAN_SELF ? unit : &pl->pools[it->unit].members[it->pool_pick];
		const struct template *t = pl->sel[it->kind][it->template_index];
		const struct persona *p = &ws->settings.personas[it->persona];
		rc = store_request(ws, &ic, unit, target, it, t, p, err, errsz);
	}
	sqlite3_finalize(ic.request);
	return rc;
}

int round_create(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
		 const struct round_options *opt, int *request_count, char *err, size_t errsz)
{
	*request_count = 0;
	if (!valid_round_name(opt->name)) {
		snprintf(err, errsz, "round name '%s': use letters, digits, '-', '_' or '.' (at most 64)", opt->name);
		return FOI_EXIT_USAGE;
	}
	int exists = round_exists(ws->db, opt->name, NULL);
	if (exists < 0)
		return round_sql_error(ws->db, err, errsz);
	if (exists) {
		snprintf(err, errsz, "a round named '%s' exists already (see 'foi round list')", opt->name);
		return FOI_EXIT_DATA;
	}
	sched_day start;
	if (!opt->start) {
		start = today();
	} else if (day_parse(opt->start, &start) != 0) {
		snprintf(err, errsz, "--start '%s' is not a date YYYY-MM-DD", opt->start);
		return FOI_EXIT_USAGE;
	}
	/* The seed used is recorded, given or drawn, so that the same plan can be made again. */
	int64_t seed = opt->seed_given ? (int64_t)opt->seed : random_seed();
	struct round_plan pl = {0};
	int rc = plan_round(ws, cal, templates, opt, start, (uint64_t)seed, &pl, err, errsz);
	if (rc != FOI_EXIT_OK) {
		plan_free(&pl);
		return rc;
	}
	if (store_begin(ws->db, err, errsz) != 0) {
		plan_free(&pl);
		return FOI_EXIT_FAIL;
	}
	char start_text[SCHED_DATE_MAX], detail[256];
	day_format(start, start_text);
	int64_t round_id = 0;
	rc = store_round_row(ws->db, opt, seed, start_text, &round_id, err, errsz);
	if (rc == FOI_EXIT_OK)
		rc = store_draws(ws->db, round_id, &pl, err, errsz);
	if (rc == FOI_EXIT_OK)
		rc = store_requests(ws, round_id, &pl, err, errsz);
	if (rc == FOI_EXIT_OK) {
		snprintf(detail, sizeof detail, "round %s: %zu requests planned (seed %lld, start %s, spread %d days)",
			 opt->name, pl.nitems, (long long)seed, start_text, opt->spread_days);
		if (store_journal(ws->db, "round create", detail, err, errsz) != 0 || store_commit(ws->db, err, errsz) != 0)
			rc = FOI_EXIT_FAIL;
	}
	if (rc != FOI_EXIT_OK)
		store_rollback(ws->db);
	else
		*request_count = (int)pl.nitems;
	plan_free(&pl);
	return rc;
}
