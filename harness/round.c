#include "harness/round.h"
#include "harness/round_follow.h"
#include "harness/clock.h"
#include "harness/store.h"
#include "harness/mail/token.h"
#include "schedule/plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#define CODE_MAX 64

struct unit_info {
	char code[CODE_MAX];
	char name[256];
	char level[16];
	char foi_form[512], consult_form[512], email[256];
	char domains[256];
};

struct county_pool {
	struct unit_info *members;
	struct plan_target *targets;
	size_t count;
};

static int sql_error(sqlite3 *db, char *err, size_t errsz)
{
	snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
	return FOI_EXIT_FAIL;
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	snprintf(dst, n, "%s", v ? (const char *)v : "");
}

static void read_unit(sqlite3_stmt *st, struct unit_info *u)
{
	copy_col(u->code, sizeof u->code, st, 0);
	copy_col(u->name, sizeof u->name, st, 1);
	copy_col(u->level, sizeof u->level, st, 2);
	copy_col(u->foi_form, sizeof u->foi_form, st, 3);
	copy_col(u->consult_form, sizeof u->consult_form, st, 4);
	copy_col(u->email, sizeof u->email, st, 5);
	copy_col(u->domains, sizeof u->domains, st, 6);
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
		return sql_error(db, err, errsz);
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
		read_unit(st, u);
		memset(p, 0, sizeof *p);
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
			read_unit(pst, &p->members[p->count]);
			p->count++;
		}
		for (size_t i = 0; i < p->count; i++)
			p->targets[i].domains = p->members[i].domains;
		if (rc != FOI_EXIT_OK || pstep != SQLITE_DONE)
			break;
	}
	/* A read cut short would plan a round for some units only. */
	if (rc == FOI_EXIT_OK && step != SQLITE_DONE)
		rc = sql_error(db, err, errsz);
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
		free(pools[i].members);
		free(pools[i].targets);
	}
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

/* reply_address with the token after its local part: evaluator+TOKEN@foi.test */
static void reply_address(const struct settings *s, const char *token, char *out, size_t n)
{
	const char *at = strrchr(s->reply_address, '@');
	snprintf(out, n, "%.*s%s%s%s", (int)(at - s->reply_address), s->reply_address, s->token_delimiter, token, at);
}

static const struct persona *find_persona(const struct settings *s, const char *key)
{
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			return &s->personas[i];
	return NULL;
}

/* The text one request sends, rendered for its unit, persona, date and token. */
static int render_request(const struct template *t, const char *unit_name, const struct persona *p,
			  sched_day day, const char *token, const char *reply_to,
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
	/* Without an address of its own, the persona gives the tokened reply address. */
	v.persona.email = *p->email ? p->email : reply_to;
	day_to_ymd(day, &v.year, &v.month, &v.day);
	v.token = token;
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
	char token[TOKEN_LEN + 1], reply_to[512], send_at[CLOCK_ISO_MAX];
	const char *channel, *address;
	struct template_rendered text;

	if (token_new(token, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	reply_address(&ws->settings, token, reply_to, sizeof reply_to);
	local_instant_iso(it->send_at, send_at);
	choose_channel(target, it->kind, &channel, &address);
	if (render_request(t, target->name, p, it->send_at.day, token, reply_to, &text, err, errsz) != 0)
		return FOI_EXIT_DATA;

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
	return rc == SQLITE_DONE ? FOI_EXIT_OK : sql_error(ic->db, err, errsz);
}

static int round_exists(sqlite3 *db, const char *name, int64_t *id)
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

int round_create(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
		 const struct round_options *opt, int *request_count, char *err, size_t errsz)
{
	struct unit_info *units = NULL;
	struct county_pool *pools = NULL;
	struct plan_unit *punits = NULL;
	struct plan_item *items = NULL;
	const struct template **sel[PLAN_KIND_COUNT] = {NULL, NULL};
	struct plan_template *ptpl[PLAN_KIND_COUNT] = {NULL, NULL};
	size_t nunits = 0, nitems = 0;
	struct insert_ctx ic = {.db = ws->db};
	sqlite3_stmt *st = NULL;
	int rc;

	*request_count = 0;
	if (!valid_round_name(opt->name)) {
		snprintf(err, errsz, "round name '%s': use letters, digits, '-', '_' or '.' (at most 64)", opt->name);
		return FOI_EXIT_USAGE;
	}
	if (round_exists(ws->db, opt->name, NULL) != 0) {
		snprintf(err, errsz, "a round named '%s' exists already (see 'foi round list')", opt->name);
		return FOI_EXIT_FAIL;
	}
	struct plan_input in = {0};
	if (opt->start) {
		if (day_parse(opt->start, &in.start) != 0) {
			snprintf(err, errsz, "--start '%s' is not a date YYYY-MM-DD", opt->start);
			return FOI_EXIT_USAGE;
		}
	} else {
		in.start = today();
	}
	rc = load_units(ws->db, &units, &nunits, &pools, err, errsz);
	if (rc != FOI_EXIT_OK)
		goto out;
	punits = calloc(nunits, sizeof *punits);
	items = calloc(nunits * PLAN_KIND_COUNT, sizeof *items);
	if (!punits || !items) {
		snprintf(err, errsz, "out of memory");
		rc = FOI_EXIT_FAIL;
		goto out;
	}
	for (size_t i = 0; i < nunits; i++) {
		punits[i].domains = units[i].domains;
		punits[i].pool = pools[i].targets;
		punits[i].pool_count = pools[i].count;
	}
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		size_t n = 0;
		in.kinds[k] = opt->kinds[k];
		if (template_set_select(templates, k == PLAN_FOI ? TEMPLATE_FOI : TEMPLATE_CONSULT, NULL, &sel[k], &n) != 0 ||
		    (n && !(ptpl[k] = calloc(n, sizeof *ptpl[k])))) {
			snprintf(err, errsz, "out of memory");
			rc = FOI_EXIT_FAIL;
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			ptpl[k][i].domain = sel[k][i]->domain;
		in.templates[k] = ptpl[k];
		in.template_count[k] = n;
	}
	in.units = punits;
	in.unit_count = nunits;
	in.persona_count = ws->settings.persona_count;
	in.cal = cal;
	in.spread_days = opt->spread_days;
	in.work_start = ws->settings.work_start;
	in.work_end = ws->settings.work_end;
	int64_t seed = opt->seed_given ? (int64_t)opt->seed : random_seed();
	in.seed = (uint64_t)seed;
	if (plan_make(&in, items, &nitems, err, errsz) != 0) {
		rc = FOI_EXIT_FAIL;
		goto out;
	}

	if (store_begin(ws->db, err, errsz) != 0) {
		rc = FOI_EXIT_FAIL;
		goto out;
	}
	char now[CLOCK_ISO_MAX], start[SCHED_DATE_MAX], kinds[32];
	clock_format_iso(clock_now(), now);
	day_format(in.start, start);
	snprintf(kinds, sizeof kinds, "%s%s%s", opt->kinds[0] ? "foi" : "", opt->kinds[0] && opt->kinds[1] ? "," : "",
		 opt->kinds[1] ? "consult" : "");
	if (sqlite3_prepare_v2(ws->db, "INSERT INTO rounds(name, created_at, seed, kinds, start_date, spread_days) "
				       "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	sqlite3_bind_text(st, 1, opt->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, seed);
	sqlite3_bind_text(st, 4, kinds, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, opt->spread_days);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	sqlite3_finalize(st);
	st = NULL;
	ic.round_id = sqlite3_last_insert_rowid(ws->db);

	/* The draws of the county-level targets, with the pool each was drawn from. */
	if (sqlite3_prepare_v2(ws->db, "INSERT INTO round_draws(round_id, county, target, pool) VALUES (?, ?, ?, ?)",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	for (size_t i = 0; i < nitems; i++) {
		const struct plan_item *it = &items[i];
		if (it->kind != PLAN_FOI || it->pool_pick == PLAN_SELF)
			continue;
		const struct county_pool *p = &pools[it->unit];
		char pool[1024] = "";
		for (size_t j = 0; j < p->count; j++)
			snprintf(pool + strlen(pool), sizeof pool - strlen(pool), "%s%s", j ? " " : "", p->members[j].code);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, ic.round_id);
		sqlite3_bind_text(st, 2, units[it->unit].code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, p->members[it->pool_pick].code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, pool, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = sql_error(ws->db, err, errsz);
			goto rollback;
		}
	}
	sqlite3_finalize(st);
	st = NULL;

	if (sqlite3_prepare_v2(ws->db, "INSERT INTO requests(round_id, unit, target, kind, template_id, channel, address, "
				       "persona, send_at, token, reply_to, subject, body, state) "
				       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &ic.request, NULL) != SQLITE_OK) {
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	for (size_t i = 0; i < nitems; i++) {
		const struct plan_item *it = &items[i];
		const struct unit_info *unit = &units[it->unit];
		const struct unit_info *target = it->pool_pick == PLAN_SELF ? unit : &pools[it->unit].members[it->pool_pick];
		const struct template *t = sel[it->kind][it->template_index];
		const struct persona *p = &ws->settings.personas[it->persona];
		rc = store_request(ws, &ic, unit, target, it, t, p, err, errsz);
		if (rc != FOI_EXIT_OK)
			goto rollback;
	}
	char detail[256];
	snprintf(detail, sizeof detail, "round %s: %zu requests planned (seed %lld, start %s, spread %d days)", opt->name,
		 nitems, (long long)seed, start, opt->spread_days);
	if (store_journal(ws->db, "round create", detail, err, errsz) != 0 || store_commit(ws->db, err, errsz) != 0) {
		rc = FOI_EXIT_FAIL;
		goto rollback;
	}
	*request_count = (int)nitems;
	rc = FOI_EXIT_OK;
	goto out;
rollback:
	store_rollback(ws->db);
out:
	sqlite3_finalize(st);
	sqlite3_finalize(ic.request);
	for (int k = 0; k < PLAN_KIND_COUNT; k++) {
		free(sel[k]);
		free(ptpl[k]);
	}
	free(items);
	free(punits);
	free_units(units, pools, nunits);
	return rc;
}

struct request_row {
	int64_t id;
	char target[CODE_MAX], target_name[256], template_id[128], persona[64], send_at[CLOCK_ISO_MAX];
	char token[TOKEN_LEN + 1], reply_to[512], state[32];
};

static int load_request(sqlite3 *db, int64_t round_id, const char *unit, const char *kind, struct request_row *r,
			char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT q.id, q.target, t.name, q.template_id, q.persona, q.send_at, q.token, "
				   "q.reply_to, q.state FROM requests q JOIN units t ON t.code = q.target "
				   "WHERE q.round_id = ? AND q.unit = ? AND q.kind = ?", -1, &st, NULL) != SQLITE_OK)
		return sql_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_text(st, 2, unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_TRANSIENT);
	int rc = FOI_EXIT_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->id = sqlite3_column_int64(st, 0);
		copy_col(r->target, sizeof r->target, st, 1);
		copy_col(r->target_name, sizeof r->target_name, st, 2);
		copy_col(r->template_id, sizeof r->template_id, st, 3);
		copy_col(r->persona, sizeof r->persona, st, 4);
		copy_col(r->send_at, sizeof r->send_at, st, 5);
		copy_col(r->token, sizeof r->token, st, 6);
		copy_col(r->reply_to, sizeof r->reply_to, st, 7);
		copy_col(r->state, sizeof r->state, st, 8);
	} else {
		snprintf(err, errsz, "the round has no %s request for unit %s", kind, unit);
		rc = FOI_EXIT_DATA;
	}
	sqlite3_finalize(st);
	return rc;
}

static int record_edit(sqlite3 *db, int64_t round_id, int64_t request_id, const char *what, const char *before,
		       const char *after, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	char now[CLOCK_ISO_MAX];
	clock_format_iso(clock_now(), now);
	if (sqlite3_prepare_v2(db, "INSERT INTO round_edits(round_id, request_id, at, what, before, after) "
				   "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return sql_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, round_id);
	if (request_id)
		sqlite3_bind_int64(st, 2, request_id);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, after, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st) == SQLITE_DONE ? FOI_EXIT_OK : sql_error(db, err, errsz);
	sqlite3_finalize(st);
	return rc;
}

/* A new send time must fall in working hours on a working day, like the planned ones. */
static int check_send_time(const struct workspace *ws, const struct sched_calendar *cal, const char *text,
			   struct sched_instant *out, char *err, size_t errsz)
{
	int y, mo, d, h, mi, working;
	char tail;
	if (sscanf(text, "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5 || !day_is_valid_ymd(y, mo, d) ||
	    h > 23 || mi > 59 || h < 0 || mi < 0) {
		snprintf(err, errsz, "--at '%s' is not a time 'YYYY-MM-DD HH:MM'", text);
		return -1;
	}
	out->day = day_from_ymd(y, mo, d);
	out->sec = (h * 60 + mi) * 60;
	if (calendar_check_working(cal, out->day, &working, err, errsz) != 0)
		return -1;
	if (!working) {
		snprintf(err, errsz, "--at '%s': %04d-%02d-%02d is not a working day", text, y, mo, d);
		return -1;
	}
	int minute = h * 60 + mi;
	if (minute < ws->settings.work_start || minute >= ws->settings.work_end) {
		snprintf(err, errsz, "--at '%s' is outside the working hours %02d:%02d-%02d:%02d ([time] in foi.ini)", text,
			 ws->settings.work_start / 60, ws->settings.work_start % 60, ws->settings.work_end / 60,
			 ws->settings.work_end % 60);
		return -1;
	}
	return 0;
}

#define DROP_ABSENT (-1)

/*
 * Removes one planned request and records it, inside the caller's transaction. When absent_ok
 * is set, a unit without a request of that kind gives DROP_ABSENT instead of an error.
 */
static int drop_request(sqlite3 *db, int64_t round_id, const char *unit, const char *kind, int absent_ok,
			char *err, size_t errsz)
{
	struct request_row r;
	char before[512], what[128];
	int rc = load_request(db, round_id, unit, kind, &r, err, errsz);
	if (rc == FOI_EXIT_DATA && absent_ok)
		return DROP_ABSENT;
	if (rc != FOI_EXIT_OK)
		return rc;
	if (strcmp(r.state, "planned") != 0 && strcmp(r.state, "no-channel") != 0) {
		snprintf(err, errsz, "the %s request for %s is %s: only planned requests can be dropped", kind, unit, r.state);
		return FOI_EXIT_FAIL;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "DELETE FROM requests WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return sql_error(db, err, errsz);
	sqlite3_bind_int64(st, 1, r.id);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return sql_error(db, err, errsz);
	snprintf(before, sizeof before, "%s %s %s %s", r.target, r.template_id, r.persona, r.send_at);
	snprintf(what, sizeof what, "dropped %s %s", unit, kind);
	return record_edit(db, round_id, 0, what, before, "", err, errsz);
}

int round_edit(struct workspace *ws, const struct sched_calendar *cal, const struct template_set *templates,
	       const char *round, const struct round_edit *e, char *summary, size_t summarysz,
	       char *err, size_t errsz)
{
	int64_t round_id;
	struct request_row r;
	int rc;

	if (round_exists(ws->db, round, &round_id) != 1) {
		snprintf(err, errsz, "no round named '%s' (see 'foi round list')", round);
		return FOI_EXIT_FAIL;
	}
	if (store_begin(ws->db, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	if (e->drop) {
		/* Without a kind, every request of the unit goes, in this one transaction. */
		int dropped = 0;
		summary[0] = '\0';
		for (int k = 0; k < 2; k++) {
			const char *kind = k == 0 ? "foi" : "consult";
			if (e->kind && strcmp(e->kind, kind) != 0)
				continue;
			rc = drop_request(ws->db, round_id, e->unit, kind, !e->kind, err, errsz);
			if (rc == DROP_ABSENT)
				continue;
			if (rc != FOI_EXIT_OK)
				goto rollback;
			dropped++;
			snprintf(summary + strlen(summary), summarysz - strlen(summary), "%sdropped the %s request for %s from round %s",
				 dropped > 1 ? "\n" : "", kind, e->unit, round);
		}
		if (!dropped) {
			snprintf(err, errsz, "round %s has no %s%srequest for unit %s", round, e->kind ? e->kind : "", e->kind ? " " : "", e->unit);
			rc = FOI_EXIT_DATA;
			goto rollback;
		}
		goto commit;
	}
	rc = load_request(ws->db, round_id, e->unit, e->kind, &r, err, errsz);
	if (rc != FOI_EXIT_OK)
		goto rollback;
	if (strcmp(r.state, "planned") != 0 && strcmp(r.state, "no-channel") != 0) {
		snprintf(err, errsz, "the %s request for %s is %s: only planned requests can be changed", e->kind, e->unit, r.state);
		rc = FOI_EXIT_FAIL;
		goto rollback;
	}
	char before[512], after[512];
	const char *template_id = e->template_id ? e->template_id : r.template_id;
	const struct template *t = template_set_find(templates, template_id);
	enum template_kind want = strcmp(e->kind, "foi") == 0 ? TEMPLATE_FOI : TEMPLATE_CONSULT;
	if (!t || t->kind != want) {
		snprintf(err, errsz, "no %s template with id '%s' (see 'foi templates list')", e->kind, template_id);
		rc = FOI_EXIT_DATA;
		goto rollback;
	}
	const struct persona *p = find_persona(&ws->settings, e->persona ? e->persona : r.persona);
	if (!p) {
		snprintf(err, errsz, "no persona '%s' in foi.ini", e->persona ? e->persona : r.persona);
		rc = FOI_EXIT_DATA;
		goto rollback;
	}
	char send_at[CLOCK_ISO_MAX];
	struct sched_instant when;
	if (e->send_at) {
		if (check_send_time(ws, cal, e->send_at, &when, err, errsz) != 0) {
			rc = FOI_EXIT_DATA;
			goto rollback;
		}
		local_instant_iso(when, send_at);
	} else {
		int y, mo, d;
		snprintf(send_at, sizeof send_at, "%s", r.send_at);
		sscanf(r.send_at, "%4d-%2d-%2d", &y, &mo, &d);
		when.day = day_from_ymd(y, mo, d);
	}
	struct template_rendered text;
	if (render_request(t, r.target_name, p, when.day, r.token, r.reply_to, &text, err, errsz) != 0) {
		rc = FOI_EXIT_DATA;
		goto rollback;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ws->db, "UPDATE requests SET template_id = ?, persona = ?, send_at = ?, subject = ?, body = ? "
				       "WHERE id = ?", -1, &st, NULL) != SQLITE_OK) {
		template_rendered_free(&text);
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	sqlite3_bind_text(st, 1, t->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, p->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, send_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, text.subject ? text.subject : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, text.body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, r.id);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	template_rendered_free(&text);
	if (step != SQLITE_DONE) {
		rc = sql_error(ws->db, err, errsz);
		goto rollback;
	}
	snprintf(before, sizeof before, "template %s, persona %s, send %s", r.template_id, r.persona, r.send_at);
	snprintf(after, sizeof after, "template %s, persona %s, send %s", t->id, p->key, send_at);
	if (strcmp(before, after) == 0) {
		snprintf(summary, summarysz, "nothing to change for the %s request of %s", e->kind, e->unit);
		store_rollback(ws->db);
		return FOI_EXIT_OK;
	}
	char what[128];
	snprintf(what, sizeof what, "changed %s %s", e->unit, e->kind);
	rc = record_edit(ws->db, round_id, r.id, what, before, after, err, errsz);
	if (rc != FOI_EXIT_OK)
		goto rollback;
	snprintf(summary, summarysz, "%s %s: %s -> %s", e->unit, e->kind, before, after);
commit:
	if (store_commit(ws->db, err, errsz) != 0)
		return FOI_EXIT_FAIL;
	return FOI_EXIT_OK;
rollback:
	store_rollback(ws->db);
	return rc;
}
