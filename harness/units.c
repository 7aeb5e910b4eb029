/* The units file: checked row by row, then imported all or nothing (see units.h). */
#include "harness/units.h"
#include "harness/file_read.h"
#include "harness/csv.h"
#include "harness/app.h"
#include "harness/round_follow.h"
#include "harness/store.h"
#include "templates/domain.h"

#include <ctype.h>
#include <glib.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum column { COL_CODE, COL_NAME, COL_LEVEL, COL_PARENT, COL_GUIDE, COL_FOI_FORM, COL_CONSULT_FORM, COL_EMAIL, COL_DOMAIN, COL_COUNT };

/* Columns before this one are required; the rest may be left out of a file. */
#define FIRST_OPTIONAL_COLUMN COL_DOMAIN

static const char *const column_names[COL_COUNT] = {
	"code", "name", "level", "parent", "guide_url", "foi_form_url", "consult_form_url", "email", "domain",
};

#define CODE_MAX 32

struct unit_row {
	int line;
	const char *v[COL_COUNT];
};

int units_valid_url(const char *text)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	int ok = 0;
	if (!u)
		return 0;
	if (curl_url_set(u, CURLUPART_URL, text, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		ok = (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) && *host &&
		     !strpbrk(text, " \t\"<>");
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return ok;
}

int units_valid_email(const char *text)
{
	const char *at = strrchr(text, '@');
	if (!at || at == text || !at[1] || strchr(text, '@') != at)
		return 0;
	const char *dot = strchr(at + 1, '.');
	if (!dot || dot == at + 1 || !dot[1] || text[strlen(text) - 1] == '.')
		return 0;
	for (const char *p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c >= 0x7f || strchr("<>()[]\\,;:\"", c))
			return 0;
	}
	return 1;
}

/* The first word of a space-separated domain list that is not a domain of templates/domain.c, or NULL. */
static const char *units_check_domains(const char *list)
{
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		char code[64];
		size_t n = strcspn(w, " ");
		if (n == 0)
			break;
		if (n >= sizeof code)
			return w;
		memcpy(code, w, n);
		code[n] = '\0';
		if (!template_domain_find(code))
			return w;
		p = w + n;
	}
	return NULL;
}

static int valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > CODE_MAX)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
			return 0;
	return 1;
}

/* Maps header names to columns; every column must be present exactly once. */
static int read_header(const char *path, const struct csv_record *h, int map[CSV_MAX_FIELDS],
		       char *err, size_t errsz)
{
	int seen[COL_COUNT] = {0};
	for (size_t i = 0; i < h->count; i++) {
		int found = -1;
		for (int c = 0; c < COL_COUNT; c++)
			if (strcasecmp(h->fields[i], column_names[c]) == 0)
				found = c;
		if (found < 0) {
			snprintf(err, errsz, "%s:%d: unknown column '%s' (columns: code, name, level, parent, guide_url, foi_form_url, consult_form_url, email, and optionally domain)",
				 path, h->line, h->fields[i]);
			return -1;
		}
		if (seen[found]++) {
			snprintf(err, errsz, "%s:%d: column '%s' appears twice", path, h->line, column_names[found]);
			return -1;
		}
		map[i] = found;
	}
	for (int c = 0; c < FIRST_OPTIONAL_COLUMN; c++)
		if (!seen[c]) {
			snprintf(err, errsz, "%s:%d: the header has no column '%s'", path, h->line, column_names[c]);
			return -1;
		}
	return 0;
}

static int check_row(const char *path, const struct unit_row *r, char *err, size_t errsz)
{
	const char *code = r->v[COL_CODE];
	if (!valid_code(code)) {
		snprintf(err, errsz, "%s:%d: code '%s' is empty or not letters, digits, '-', '_' or '.' (at most %d)",
			 path, r->line, code, CODE_MAX);
		return -1;
	}
	for (int c = 0; c < COL_COUNT; c++)
		if (!g_utf8_validate(r->v[c], -1, NULL)) {
			snprintf(err, errsz, "%s:%d: column %s is not UTF-8 (save the file as \"CSV UTF-8\")",
				 path, r->line, column_names[c]);
			return -1;
		}
	if (!*r->v[COL_NAME]) {
		snprintf(err, errsz, "%s:%d: unit %s has no name", path, r->line, code);
		return -1;
	}
	if (strcmp(r->v[COL_LEVEL], "county") != 0 && strcmp(r->v[COL_LEVEL], "department") != 0) {
		snprintf(err, errsz, "%s:%d: unit %s: unknown level '%s' (county or department)",
			 path, r->line, code, r->v[COL_LEVEL]);
		return -1;
	}
	for (int c = COL_GUIDE; c <= COL_CONSULT_FORM; c++) {
		if (*r->v[c] && !units_valid_url(r->v[c])) {
			snprintf(err, errsz, "%s:%d: unit %s: %s '%s' is not an http(s) URL",
				 path, r->line, code, column_names[c], r->v[c]);
			return -1;
		}
	}
	const char *bad_domain = units_check_domains(r->v[COL_DOMAIN]);
	if (bad_domain) {
		snprintf(err, errsz, "%s:%d: unit %s: unknown domain '%.*s' (see 'foi templates domains')",
			 path, r->line, code, (int)strcspn(bad_domain, " "), bad_domain);
		return -1;
	}
	if (*r->v[COL_EMAIL] && !units_valid_email(r->v[COL_EMAIL])) {
		snprintf(err, errsz, "%s:%d: unit %s: email '%s' is not an e-mail address",
			 path, r->line, code, r->v[COL_EMAIL]);
		return -1;
	}
	return 0;
}

/* Codes must be unique and parents must be county-level units of the same file. */
static int check_relations(const char *path, struct unit_row *rows, size_t n, char *err, size_t errsz)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(rows[i].v[COL_CODE], rows[j].v[COL_CODE]) == 0) {
				snprintf(err, errsz, "%s:%d: duplicate code '%s' (first on line %d)",
					 path, rows[i].line, rows[i].v[COL_CODE], rows[j].line);
				return -1;
			}
		const char *parent = rows[i].v[COL_PARENT];
		if (!*parent)
			continue;
		if (strcmp(rows[i].v[COL_LEVEL], "county") == 0) {
			snprintf(err, errsz, "%s:%d: unit %s is county-level and cannot have a parent",
				 path, rows[i].line, rows[i].v[COL_CODE]);
			return -1;
		}
		size_t k = 0;
		while (k < n && strcmp(rows[k].v[COL_CODE], parent) != 0)
			k++;
		if (k == n || strcmp(rows[k].v[COL_LEVEL], "county") != 0) {
			snprintf(err, errsz, "%s:%d: unit %s: parent '%s' is not a county-level unit of this file",
				 path, rows[i].line, rows[i].v[COL_CODE], parent);
			return -1;
		}
	}
	return 0;
}

static int sql_fail(sqlite3 *db, char *err, size_t errsz)
{
	snprintf(err, errsz, "database: %s", sqlite3_errmsg(db));
	return -1;
}

/* Writes rows into the units table; the caller holds the transaction. */
static int store_rows(sqlite3 *db, const char *path, struct unit_row *rows, size_t n, struct units_import_result *res,
		      char *err, size_t errsz)
{
	sqlite3_stmt *same = NULL, *upsert = NULL, *count = NULL, *code = NULL, *used = NULL;
	int rc = FOI_EXIT_FAIL;
	memset(res, 0, sizeof *res);
	res->total = (int)n;
	if (store_exec(db, "CREATE TEMP TABLE IF NOT EXISTS import_codes(code TEXT PRIMARY KEY);"
			   "DELETE FROM import_codes;", err, errsz) != 0)
		return FOI_EXIT_FAIL;
	if (sqlite3_prepare_v2(db, "INSERT INTO import_codes VALUES (?)", -1, &code, NULL) != SQLITE_OK) {
		sql_fail(db, err, errsz);
		goto out;
	}
	if (sqlite3_prepare_v2(db,
			       "SELECT name IS ?2 AND level IS ?3 AND parent IS ?4 AND guide_url IS ?5 AND "
			       "foi_form_url IS ?6 AND consult_form_url IS ?7 AND email IS ?8 AND domain IS ?9 AND position IS ?10 "
			       "FROM units WHERE code = ?1", -1, &same, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT INTO units(code, name, level, parent, guide_url, foi_form_url, "
			       "consult_form_url, email, domain, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
			       "ON CONFLICT(code) DO UPDATE SET name = ?2, level = ?3, parent = ?4, guide_url = ?5, "
			       "foi_form_url = ?6, consult_form_url = ?7, email = ?8, domain = ?9, position = ?10;"
			       , -1, &upsert, NULL) != SQLITE_OK) {
		sql_fail(db, err, errsz);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		for (sqlite3_stmt *st = same; st; st = st == same ? upsert : NULL) {
			sqlite3_reset(st);
			for (int c = 0; c < COL_COUNT; c++) {
				if (c == COL_PARENT && !*rows[i].v[c])
					sqlite3_bind_null(st, c + 1);
				else
					sqlite3_bind_text(st, c + 1, rows[i].v[c], -1, SQLITE_STATIC);
			}
			sqlite3_bind_int(st, 10, (int)i + 1);
		}
		int step = sqlite3_step(same);
		if (step == SQLITE_ROW && sqlite3_column_int(same, 0))
			res->unchanged++;
		else if (step == SQLITE_ROW)
			res->changed++;
		else if (step == SQLITE_DONE)
			res->added++;
		else {
			sql_fail(db, err, errsz);
			goto out;
		}
		if (sqlite3_step(upsert) != SQLITE_DONE) {
			sql_fail(db, err, errsz);
			goto out;
		}
		sqlite3_reset(code);
		sqlite3_bind_text(code, 1, rows[i].v[COL_CODE], -1, SQLITE_STATIC);
		if (sqlite3_step(code) != SQLITE_DONE) {
			sql_fail(db, err, errsz);
			goto out;
		}
	}
	/* A unit a round has planned for cannot leave: its requests would lose their unit. */
	if (sqlite3_prepare_v2(db, "SELECT u.code, r.name FROM units u JOIN requests q ON q.unit = u.code OR q.target = u.code "
				   "JOIN rounds r ON r.id = q.round_id WHERE u.code NOT IN (SELECT code FROM import_codes) "
				   "UNION ALL SELECT u.code, r.name FROM units u JOIN round_draws d ON d.target = u.code "
				   "JOIN rounds r ON r.id = d.round_id WHERE u.code NOT IN (SELECT code FROM import_codes) LIMIT 1",
			       -1, &used, NULL) != SQLITE_OK) {
		sql_fail(db, err, errsz);
		goto out;
	}
	int step = sqlite3_step(used);
	if (step == SQLITE_ROW) {
		snprintf(err, errsz, "%s: unit %s is not in the file, but round %s has planned for it: keep it in the file, "
			 "or drop it from the round first ('foi round drop %s --unit %s')", path,
			 (const char *)sqlite3_column_text(used, 0), (const char *)sqlite3_column_text(used, 1),
			 (const char *)sqlite3_column_text(used, 1), (const char *)sqlite3_column_text(used, 0));
		rc = FOI_EXIT_DATA;
		goto out;
	}
	if (step != SQLITE_DONE) {
		sql_fail(db, err, errsz);
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM units WHERE code NOT IN (SELECT code FROM import_codes)",
			       -1, &count, NULL) != SQLITE_OK || sqlite3_step(count) != SQLITE_ROW) {
		sql_fail(db, err, errsz);
		goto out;
	}
	res->removed = sqlite3_column_int(count, 0);
	if (store_exec(db, "DELETE FROM units WHERE code NOT IN (SELECT code FROM import_codes)", err, errsz) != 0)
		goto out;
	rc = FOI_EXIT_OK;
out:
	sqlite3_finalize(code);
	sqlite3_finalize(used);
	sqlite3_finalize(same);
	sqlite3_finalize(upsert);
	sqlite3_finalize(count);
	return rc;
}

int units_import(sqlite3 *db, const char *path, const char *text, size_t len,
		 struct units_import_result *res, char *err, size_t errsz)
{
	struct csv_reader rd;
	struct csv_record rec;
	struct unit_row *rows = NULL;
	size_t n = 0, cap = 0;
	int map[CSV_MAX_FIELDS];
	char why[1024];
	int rc = FOI_EXIT_DATA, got;
	size_t header_count = 0;
	char **owned = NULL; /* field copies, since the reader reuses its buffer per record */
	size_t owned_n = 0;

	csv_init(&rd, text, len);
	got = csv_next(&rd, &rec, why, sizeof why);
	if (got <= 0) {
		snprintf(err, errsz, "%s: %s", path, got == 0 ? "the file is empty (it needs a header line)" : why);
		goto out;
	}
	if (read_header(path, &rec, map, err, errsz) != 0)
		goto out;
	header_count = rec.count;
	while ((got = csv_next(&rd, &rec, why, sizeof why)) == 1) {
		if (rec.count != header_count) {
			snprintf(err, errsz, "%s:%d: %zu fields, but the header has %zu (a column is missing or extra)",
				 path, rec.line, rec.count, header_count);
			goto out;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			struct unit_row *r = realloc(rows, cap * sizeof *rows);
			char **o = realloc(owned, cap * COL_COUNT * sizeof *owned);
			if (!r || !o) {
				free(r ? r : rows);
				rows = NULL;
				owned = o ? o : owned;
				snprintf(err, errsz, "%s: out of memory", path);
				goto out;
			}
			rows = r;
			owned = o;
		}
		rows[n].line = rec.line;
		for (int c = FIRST_OPTIONAL_COLUMN; c < COL_COUNT; c++)
			rows[n].v[c] = "";
		for (size_t i = 0; i < rec.count; i++) {
			char *copy = strdup(rec.fields[i]);
			if (!copy) {
				snprintf(err, errsz, "%s: out of memory", path);
				goto out;
			}
			/* Spreadsheets pad cells; a code with a trailing space is the same code. */
			char *s = copy, *e = copy + strlen(copy);
			while (*s == ' ' || *s == '\t')
				s++;
			while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
				*--e = '\0';
			owned[owned_n++] = copy;
			rows[n].v[map[i]] = s;
		}
		if (check_row(path, &rows[n], err, errsz) != 0)
			goto out;
		n++;
	}
	if (got < 0) {
		snprintf(err, errsz, "%s:%s", path, why + 5); /* why is "line N: ..." */
		goto out;
	}
	if (n == 0) {
		snprintf(err, errsz, "%s: no units after the header", path);
		goto out;
	}
	if (check_relations(path, rows, n, err, errsz) != 0)
		goto out;

	rc = FOI_EXIT_FAIL;
	if (store_begin(db, err, errsz) != 0)
		goto out;
	char detail[1024];
	rc = store_rows(db, path, rows, n, res, err, errsz);
	/* In the same transaction: a planned request never points at a channel the unit left. */
	if (rc == FOI_EXIT_OK && round_follow_units(db, &res->followed, err, errsz) != FOI_OK)
		rc = FOI_EXIT_FAIL;
	if (rc != FOI_EXIT_OK) {
		store_rollback(db);
		goto out;
	}
	snprintf(detail, sizeof detail, "%s: %d units (%d added, %d changed, %d removed); %d planned requests "
		 "follow a new channel", path, res->total, res->added, res->changed, res->removed, res->followed);
	if (store_journal(db, "units import", detail, err, errsz) != 0 || store_commit(db, err, errsz) != 0) {
		store_rollback(db);
		rc = FOI_EXIT_FAIL;
		goto out;
	}
	rc = FOI_EXIT_OK;
out:
	for (size_t i = 0; i < owned_n; i++)
		free(owned[i]);
	free(owned);
	free(rows);
	csv_free(&rd);
	return rc;
}

/* A units file is a spreadsheet of a few hundred rows; this is far above any real one. */
#define UNITS_FILE_MAX (64u << 20)

int units_import_file(sqlite3 *db, const char *path, struct units_import_result *res,
		      char *err, size_t errsz)
{
	char *text;
	size_t len;
	enum foi_status st = file_read_capped(path, UNITS_FILE_MAX, "a units file", &text, &len, err, errsz);
	if (st != FOI_OK)
		return st == FOI_E_DATA ? FOI_EXIT_DATA : FOI_EXIT_FAIL;
	int rc;
	if (memchr(text, '\0', len)) {
		snprintf(err, errsz, "%s: not a text file (it contains NUL bytes)", path);
		rc = FOI_EXIT_DATA;
	} else {
		rc = units_import(db, path, text, len, res, err, errsz);
	}
	free(text);
	return rc;
}
