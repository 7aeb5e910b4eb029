/* Probing a unit's form and saving what was found as forms/UNIT-KIND.ini (see form_probe.h). */
#include "harness/web/form_probe.h"
#include "harness/clock.h"
#include "harness/web/form_file.h"
#include "harness/web/reply_page.h"
#include "harness/web/web_http.h"
#include "harness/web/web_send.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static enum foi_status unit_form_url(sqlite3 *db, const char *unit, const char *kind, char **url, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	const char *sql = !strcmp(kind, "foi") ? "SELECT foi_form_url FROM units WHERE code = ?"
					       : "SELECT consult_form_url FROM units WHERE code = ?";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
	int step = sqlite3_step(st);
	enum foi_status rc = FOI_OK;
	if (step == SQLITE_ROW && *(const char *)sqlite3_column_text(st, 0))
		rc = (*url = strdup((const char *)sqlite3_column_text(st, 0))) ? FOI_OK
									: foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	else if (step == SQLITE_ROW)
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "unit %s publishes no %s form (see 'foi units list')", unit, kind);
	else if (step == SQLITE_DONE)
		rc = foi_fail(err, errsz, FOI_E_NOT_FOUND, "no unit %s (see 'foi units list')", unit);
	else
		rc = foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

enum foi_status form_probe(struct workspace *ws, const char *unit, const char *kind, int force, struct form_probe *out,
			   char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	enum foi_status rc = unit_form_url(ws->db, unit, kind, &out->url, err, errsz);
	if (rc != FOI_OK)
		return rc;
	if (web_form_path(ws, unit, kind, out->path) != 0)
		return foi_fail(err, errsz, FOI_E_IO, "%s: path too long", ws->dir);
	struct web_session *s = web_session_new(ws->settings.user_agent, ws->settings.accept_language,
						ws->settings.web_timeout_seconds);
	if (!s)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	struct web_page page = {0};
	enum web_transport how;
	rc = web_get(s, out->url, &page, &how, err, errsz);
	web_session_free(s);
	if (rc != FOI_OK)
		return rc;
	if (page.status >= 400) {
		rc = foi_fail(err, errsz, FOI_E_NET, "%s answered HTTP %ld", out->url, page.status);
		goto out;
	}
	if ((rc = web_form_read(page.body, page.len, NULL, page.url, &out->form, err, errsz)) != FOI_OK)
		goto out;
	if (!out->form.found) {
		struct reply_reading rd;
		rc = reply_page_read(page.body, page.len, NULL, NULL, &rd, err, errsz);
		if (rc == FOI_OK) {
			rc = rd.kind == REPLY_MAINTENANCE
				? foi_fail(err, errsz, FOI_E_DATA, "%s is a notice, not a form (系统维护: %s)", out->url, rd.problems)
				: foi_fail(err, errsz, FOI_E_DATA, "%s holds no form with a field for the request's text", out->url);
			reply_reading_free(&rd);
		}
		goto out;
	}
	const struct persona *p = ws->settings.persona_count ? &ws->settings.personas[0] : NULL;
	struct form_values v = {.name = p ? p->name : "", .id_type = p ? p->id_type : "", .id_number = p ? p->id_number : "",
				.phone = p ? p->phone : "", .email = p && p->email[0] ? p->email : ws->settings.token_address,
				.address = p ? p->address : "", .postcode = p ? p->postcode : "",
				.title = "(the request's subject)", .content = "(the request's text)"};
	if ((rc = form_fill(&out->form, NULL, &v, &out->fill, err, errsz)) != FOI_OK)
		goto out;
	if (!force && access(out->path, F_OK) == 0)
		goto out;
	char dir[PATH_MAX], now[CLOCK_ISO_MAX];
	if (snprintf(dir, sizeof dir, "%s/forms", ws->dir) >= (int)sizeof dir || (mkdir(dir, 0755) != 0 && errno != EEXIST)) {
		rc = foi_fail(err, errsz, FOI_E_IO, "%s/forms: %s", ws->dir, strerror(errno));
		goto out;
	}
	clock_format_iso(clock_now(), now);
	rc = form_file_write(out->path, unit, kind, out->url, now, &out->form, err, errsz);
	out->saved = rc == FOI_OK;
out:
	web_page_free(&page);
	return rc;
}

void form_probe_free(struct form_probe *p)
{
	free(p->url);
	web_form_free(&p->form);
	form_fill_free(&p->fill);
}
