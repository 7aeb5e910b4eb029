/* One request by a unit's web form: fetched, filled, committed, posted, read (see web_send.h). */
#include "harness/web/web_send.h"
#include "harness/blobs.h"
#include "harness/round_internal.h"
#include "harness/web/form_fill.h"
#include "harness/web/reply_page.h"
#include "harness/web/tasks.h"
#include "harness/web/web_form.h"
#include "harness/web/web_http.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

int web_form_path(const struct workspace *ws, const char *unit, const char *kind, char out[PATH_MAX])
{
	return snprintf(out, PATH_MAX, "%s/forms/%s-%s.ini", ws->dir, unit, kind) >= PATH_MAX ? -1 : 0;
}

/* The charset of a Content-Type header, or NULL (the page's own declaration then decides). */
static char *charset_of(const char *type)
{
	const char *c = type ? strcasestr(type, "charset=") : NULL;
	if (!c)
		return NULL;
	c += 8;
	c += *c == '"';
	return strndup(c, strcspn(c, "\"; "));
}

/* Everything one send holds, freed in one place. */
struct web_job {
	struct workspace *ws;
	const struct web_request *r;
	char store[PATH_MAX];
	struct web_session *session;
	struct form_file file;
	int have_file;
	struct web_page before, after;
	struct web_form form;
	struct form_fill fill;
	char before_blob[BLOB_NAME_MAX], after_blob[BLOB_NAME_MAX], fields_blob[BLOB_NAME_MAX];
};

static void job_free(struct web_job *j)
{
	web_session_free(j->session);
	form_file_free(&j->file);
	web_page_free(&j->before);
	web_page_free(&j->after);
	web_form_free(&j->form);
	form_fill_free(&j->fill);
}

/* The evidence an attempt keeps beyond the outbox's own columns. */
static enum foi_status attempt_pages(sqlite3 *db, int64_t attempt, const char *before, const char *after, long status,
				     char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "UPDATE attempts SET page_before = ?2, page_after = ?3, http_status = ?4 WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_bind_int64(st, 1, attempt);
	sqlite3_bind_text(st, 2, before, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, after, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, status);
	int step = sqlite3_step(st);
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? FOI_OK : foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
}

/* A failure found before anything was posted: an attempt that records it, with the page read. */
static enum foi_status fail_unposted(struct web_job *j, const char *url, long status, struct web_result *res,
				     const char *detail, char *err, size_t errsz)
{
	struct outbox_claim claim = {.request_id = j->r->id, .from_state = j->r->from_state, .channel = "web",
				     .address = url, .message_id = "", .raw = ""};
	int64_t attempt;
	enum foi_status rc = outbox_claim(j->ws->db, &claim, &attempt, err, errsz);
	if (rc == FOI_OK)
		rc = attempt_pages(j->ws->db, attempt, j->before_blob, "", status, err, errsz);
	if (rc == FOI_OK)
		rc = outbox_finish(j->ws->db, attempt, OUTBOX_FAILED, "", detail, err, errsz);
	res->outcome = OUTBOX_FAILED;
	return rc;
}

static char *fields_json(const struct web_job *j, int for_task)
{
	cJSON *root = cJSON_CreateObject(), *arr = cJSON_CreateArray();
	int ok = root && arr;
	if (ok && !for_task) {
		ok = cJSON_AddStringToObject(root, "action", j->form.action) && cJSON_AddStringToObject(root, "method", j->fill.method) &&
		     cJSON_AddStringToObject(root, "enctype", j->fill.enctype);
	}
	for (size_t i = 0; ok && i < j->fill.n; i++) {
		const struct fill_entry *e = &j->fill.entries[i];
		if (!for_task && !e->post)
			continue;
		cJSON *o = cJSON_CreateObject();
		ok = o && cJSON_AddItemToArray(arr, o) && (!for_task || cJSON_AddStringToObject(o, "label", e->label)) &&
		     cJSON_AddStringToObject(o, "name", e->name) && cJSON_AddStringToObject(o, "value", e->value) &&
		     (!for_task || cJSON_AddStringToObject(o, "role", form_role_name(e->role)));
	}
	char *text = NULL;
	if (ok && cJSON_AddItemToObject(root, "fields", arr)) {
		arr = NULL;
		text = cJSON_PrintUnformatted(for_task ? cJSON_GetObjectItem(root, "fields") : root);
	}
	cJSON_Delete(arr);
	cJSON_Delete(root);
	return text;
}

/* Saves the captcha image the person will read beside the task: tasks/task-ID-captcha.EXT. */
static void save_captcha(struct web_job *j, int64_t task_id)
{
	struct web_page img = {0};
	enum web_transport how;
	char why[FOI_ERR_MAX], dir[PATH_MAX], path[PATH_MAX];
	if (web_get(j->session, j->form.captcha_image, &img, &how, why, sizeof why) != FOI_OK || img.status != 200) {
		web_page_free(&img);
		return;
	}
	const char *ext = img.type && strstr(img.type, "png") ? "png" : img.type && strstr(img.type, "gif") ? "gif"
			 : img.type && strstr(img.type, "jp") ? "jpg" : "img";
	if (snprintf(dir, sizeof dir, "%s/tasks", j->ws->dir) < (int)sizeof dir &&
	    (mkdir(dir, 0755) == 0 || errno == EEXIST) &&
	    snprintf(path, sizeof path, "%s/task-%lld-captcha.%s", dir, (long long)task_id, ext) < (int)sizeof path) {
		FILE *f = fopen(path, "wb");
		int ok = f && fwrite(img.body, 1, img.len, f) == img.len;
		if (f && fclose(f) != 0)
			ok = 0;
		if (ok)
			(void)task_set_captcha(j->ws->db, task_id, path, why, sizeof why);
	}
	web_page_free(&img);
}

static enum foi_status make_task(struct web_job *j, const char *url, struct web_result *res, char *detail,
				 size_t detailsz, char *err, size_t errsz)
{
	char *fields = fields_json(j, 1);
	if (!fields)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	struct task_new t = {.request_id = j->r->id, .from_state = j->r->from_state, .reason = j->fill.doubts,
			     .form_url = url, .fields = fields, .page = j->before_blob};
	enum foi_status rc = task_create(j->ws->db, &t, &res->task_id, err, errsz);
	free(fields);
	if (rc != FOI_OK)
		return rc;
	res->assisted = 1;
	if (j->form.captcha_image)
		save_captcha(j, res->task_id);
	snprintf(detail, detailsz, "task %lld: %s", (long long)res->task_id, j->fill.doubts);
	return FOI_OK;
}

/* What the site's answer to the POST means for the attempt. */
static enum foi_status judge(struct web_job *j, enum foi_status posted, enum web_transport how, const char *why,
			     enum outbox_outcome *out, char **code, char *detail, size_t detailsz, char *err, size_t errsz)
{
	*code = NULL;
	if (posted != FOI_OK) {
		*out = how == WEB_UNREACHED ? OUTBOX_FAILED : OUTBOX_UNKNOWN;
		snprintf(detail, detailsz, "%s%s", how == WEB_UNREACHED ? "nothing reached the site: "
					   : "the answer to the submission never came whole (the unit may have it): ", why);
		return FOI_OK;
	}
	char *label = charset_of(j->after.type);
	struct reply_reading rd;
	enum foi_status rc = reply_page_read(j->after.body, j->after.len, label, j->have_file ? j->file.confirmation : NULL,
					     &rd, err, errsz);
	free(label);
	if (rc != FOI_OK)
		return rc;
	long status = j->after.status;
	if (status >= 400) {
		*out = OUTBOX_FAILED;
		snprintf(detail, detailsz, "HTTP %ld%s%s", status, *rd.problems ? ": " : "", rd.problems);
	} else if (rd.kind == REPLY_CONFIRMED) {
		*out = OUTBOX_SENT;
		if (*rd.code)
			snprintf(detail, detailsz, "HTTP %ld, confirmed: query code %s", status, rd.code);
		else
			snprintf(detail, detailsz, "HTTP %ld, confirmed, but no query code was found on the page", status);
		*code = rd.code;
		rd.code = NULL;
	} else if (rd.kind == REPLY_REFUSED || rd.kind == REPLY_MAINTENANCE) {
		*out = OUTBOX_FAILED;
		snprintf(detail, detailsz, "HTTP %ld, %s: %s", status, rd.kind == REPLY_REFUSED ? "提交失败" : "系统维护",
			 *rd.problems ? rd.problems : "(no reason given)");
	} else {
		*out = OUTBOX_UNKNOWN;
		snprintf(detail, detailsz, "HTTP %ld: the page after submitting says neither 提交成功 nor 提交失败 "
			 "(see the stored page)", status);
	}
	reply_reading_free(&rd);
	return FOI_OK;
}

static enum foi_status post_it(struct web_job *j, const char *url, struct web_result *res, char *detail, size_t detailsz,
			       char *err, size_t errsz)
{
	char *posted = fields_json(j, 0);
	if (!posted)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	/* Stored before it is posted: what is graded later is what the unit received. */
	enum foi_status rc = blob_put(j->store, posted, strlen(posted), j->fields_blob, err, errsz);
	free(posted);
	if (rc != FOI_OK)
		return rc;
	struct outbox_claim claim = {.request_id = j->r->id, .from_state = j->r->from_state, .channel = "web",
				     .address = j->form.action, .message_id = "", .raw = j->fields_blob};
	int64_t attempt;
	rc = outbox_claim(j->ws->db, &claim, &attempt, err, errsz);
	if (rc == FOI_OK)
		rc = attempt_pages(j->ws->db, attempt, j->before_blob, "", 0, err, errsz);
	if (rc != FOI_OK)
		return rc;
	size_t n;
	struct web_field *fields = form_fill_fields(&j->fill, &n);
	if (!fields)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory"); /* the attempt stays 'sending': unknown later */
	enum web_transport how = WEB_OK;
	char why[FOI_ERR_MAX] = "";
	enum foi_status posted_rc = web_post(j->session, j->form.action, fields, n,
					     !strcmp(j->fill.enctype, "multipart/form-data"), &j->after, &how, why, sizeof why);
	free(fields);
	if (posted_rc == FOI_E_NOMEM)
		return foi_fail(err, errsz, FOI_E_NOMEM, "%s", why);
	if (posted_rc == FOI_OK && (rc = blob_put(j->store, j->after.body, j->after.len, j->after_blob, err, errsz)) != FOI_OK)
		return rc;
	char *code = NULL;
	rc = judge(j, posted_rc, how, why, &res->outcome, &code, detail, detailsz, err, errsz);
	if (rc == FOI_OK)
		rc = outbox_finish(j->ws->db, attempt, res->outcome, code ? code : "", detail, err, errsz);
	if (rc == FOI_OK)
		rc = attempt_pages(j->ws->db, attempt, j->before_blob, j->after_blob, j->after.status, err, errsz);
	free(code);
	return rc;
}

static enum foi_status request_target(sqlite3 *db, int64_t id, char **target, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT target FROM requests WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return foi_fail(err, errsz, FOI_E_DB, "database: %s", sqlite3_errmsg(db));
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	*target = step == SQLITE_ROW ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return foi_fail(err, errsz, step == SQLITE_DONE ? FOI_E_NOT_FOUND : FOI_E_DB, "request %lld: %s", (long long)id,
				step == SQLITE_DONE ? "not found" : sqlite3_errmsg(db));
	return *target ? FOI_OK : foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
}

enum foi_status web_send(struct workspace *ws, const struct web_request *r, struct web_result *res, char *detail,
			 size_t detailsz, char *err, size_t errsz)
{
	memset(res, 0, sizeof *res);
	*detail = '\0';
	struct web_job j = {.ws = ws, .r = r};
	char path[PATH_MAX], *target = NULL;
	/* The form is its target's: a county's application goes to one of its departments. */
	enum foi_status rc = request_target(ws->db, r->id, &target, err, errsz);
	if (rc != FOI_OK)
		return rc;
	int long_path = web_form_path(ws, target, r->kind, path) != 0 || workspace_path(ws, WORKSPACE_STORE, j.store) != 0;
	free(target);
	if (long_path)
		return foi_fail(err, errsz, FOI_E_IO, "%s: path too long", ws->dir);
	rc = form_file_read(path, &j.file, err, errsz);
	if (rc == FOI_E_NOT_FOUND)
		rc = FOI_OK;
	else if (rc == FOI_OK)
		j.have_file = 1;
	else
		return rc;
	const char *url = j.have_file ? j.file.url : r->url;
	j.session = web_session_new(ws->settings.user_agent, ws->settings.accept_language, ws->settings.web_timeout_seconds);
	if (!j.session)
		return foi_fail(err, errsz, FOI_E_NOMEM, "out of memory");
	enum web_transport how;
	char why[FOI_ERR_MAX];
	rc = web_get(j.session, url, &j.before, &how, why, sizeof why);
	if (rc == FOI_E_NOMEM) {
		foi_fail(err, errsz, rc, "%s", why);
		goto out;
	}
	if (rc != FOI_OK) {
		snprintf(detail, detailsz, "the form page could not be fetched: %s", why);
		rc = fail_unposted(&j, url, 0, res, detail, err, errsz);
		goto out;
	}
	if ((rc = blob_put(j.store, j.before.body, j.before.len, j.before_blob, err, errsz)) != FOI_OK)
		goto out;
	char *label = charset_of(j.before.type);
	rc = web_form_read(j.before.body, j.before.len, label, j.before.url, &j.form, err, errsz);
	if (rc == FOI_OK && (j.before.status >= 400 || !j.form.found)) {
		struct reply_reading rd;
		rc = reply_page_read(j.before.body, j.before.len, label, NULL, &rd, err, errsz);
		if (rc == FOI_OK) {
			if (j.before.status >= 400)
				snprintf(detail, detailsz, "the form page answered HTTP %ld", j.before.status);
			else if (rd.kind == REPLY_MAINTENANCE)
				snprintf(detail, detailsz, "the form page is a notice, 系统维护: %s", rd.problems);
			else
				snprintf(detail, detailsz, "the form is gone: the page holds no form with a field for the request's text");
			reply_reading_free(&rd);
			rc = fail_unposted(&j, url, j.before.status, res, detail, err, errsz);
		}
		free(label);
		goto out;
	}
	free(label);
	if (rc != FOI_OK)
		goto out;
	const struct persona *p = round_find_persona(&ws->settings, r->persona);
	struct form_values v = {.email = r->reply_to, .title = r->subject, .content = r->body};
	if (p) {
		v.name = p->name;
		v.id_type = p->id_type;
		v.id_number = p->id_number;
		v.phone = p->phone;
		v.address = p->address;
		v.postcode = p->postcode;
	}
	rc = form_fill(&j.form, j.have_file ? &j.file : NULL, &v, &j.fill, err, errsz);
	if (rc != FOI_OK)
		goto out;
	if (*j.fill.doubts)
		rc = make_task(&j, url, res, detail, detailsz, err, errsz);
	else
		rc = post_it(&j, url, res, detail, detailsz, err, errsz);
out:
	job_free(&j);
	return rc;
}
