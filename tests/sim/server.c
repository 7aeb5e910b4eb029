/* The simulator's web server on loopback, with libmicrohttpd (see server.h). */
#include "tests/sim/server.h"

#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "harness/clock.h"
#include "tests/sim/captcha.h"
#include "tests/sim/expect.h"
#include "tests/sim/form_page.h"
#include "tests/sim/guide_page.h"
#include "tests/sim/letters_page.h"
#include "tests/sim/site.h"
#include "tests/sim/state.h"
#include "tests/sim/strbuf.h"

#define MAX_BODY (1024 * 1024)
#define HTML_UTF8 "text/html; charset=utf-8"
#define JSON_UTF8 "application/json; charset=utf-8"

struct field_value {
	char *key;
	struct strbuf value;
};

/* What one HTTP request has uploaded so far. */
struct request_ctx {
	struct MHD_PostProcessor *pp;
	struct field_value *fields;
	size_t nfields, cap;
	struct strbuf raw;
	size_t total;
	int too_big, broken;
};

static enum MHD_Result post_field(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *filename, const char *content_type,
				  const char *transfer_encoding, const char *data, uint64_t off, size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	struct request_ctx *ctx = cls;
	if (filename)
		return MHD_YES; /* an uploaded file (a scan of an ID card): accepted, not kept */
	struct field_value *f = NULL;
	if (off > 0) {
		for (size_t i = ctx->nfields; i-- > 0;)
			if (strcmp(ctx->fields[i].key, key) == 0) {
				f = &ctx->fields[i];
				break;
			}
	}
	if (!f) {
		if (ctx->nfields == ctx->cap) {
			size_t cap = ctx->cap ? ctx->cap * 2 : 16;
			struct field_value *nf = realloc(ctx->fields, cap * sizeof *nf);
			if (!nf) {
				ctx->broken = 1;
				return MHD_NO;
			}
			ctx->fields = nf;
			ctx->cap = cap;
		}
		f = &ctx->fields[ctx->nfields];
		f->key = strdup(key);
		if (!f->key) {
			ctx->broken = 1;
			return MHD_NO;
		}
		sb_init(&f->value);
		ctx->nfields++;
	}
	sb_addn(&f->value, data, size);
	return MHD_YES;
}

/* The first value submitted under name. */
static const char *field_get(void *arg, const char *name)
{
	struct request_ctx *ctx = arg;
	for (size_t i = 0; i < ctx->nfields; i++)
		if (strcmp(ctx->fields[i].key, name) == 0)
			return sb_str(&ctx->fields[i].value);
	return NULL;
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	struct request_ctx *ctx = *con_cls;
	if (!ctx)
		return;
	if (ctx->pp)
		MHD_destroy_post_processor(ctx->pp);
	for (size_t i = 0; i < ctx->nfields; i++) {
		free(ctx->fields[i].key);
		sb_free(&ctx->fields[i].value);
	}
	free(ctx->fields);
	sb_free(&ctx->raw);
	free(ctx);
	*con_cls = NULL;
}

/* Sends body (malloc'd; taken over) with status and type; a NULL body is a 500. */
static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type,
			       char *body, size_t len, const char *cookie)
{
	static char oom[] = "out of memory\n";
	struct MHD_Response *r;
	if (!body) {
		status = MHD_HTTP_INTERNAL_SERVER_ERROR;
		type = "text/plain";
		r = MHD_create_response_from_buffer(strlen(oom), oom, MHD_RESPMEM_PERSISTENT);
	} else
		r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, MHD_HTTP_HEADER_SERVER, "nginx");
	if (cookie)
		MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result html(struct MHD_Connection *c, unsigned status, char *page)
{
	return respond(c, status, HTML_UTF8, page, page ? strlen(page) : 0, NULL);
}

static enum MHD_Result json(struct MHD_Connection *c, unsigned status, cJSON *obj)
{
	char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
	cJSON_Delete(obj);
	char *body = NULL;
	if (text) {
		body = malloc(strlen(text) + 2);
		if (body)
			sprintf(body, "%s\n", text);
		cJSON_free(text);
	}
	return respond(c, status, JSON_UTF8, body, body ? strlen(body) : 0, NULL);
}

static enum MHD_Result json_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
	cJSON *o = cJSON_CreateObject();
	if (o)
		cJSON_AddStringToObject(o, "error", msg);
	return json(c, status, o);
}

static int random_hex(char *out, size_t nbytes)
{
	unsigned char buf[32];
	if (nbytes > sizeof buf || getrandom(buf, nbytes, 0) != (ssize_t)nbytes)
		return -1;
	for (size_t i = 0; i < nbytes; i++)
		sprintf(out + 2 * i, "%02x", buf[i]);
	return 0;
}

static enum MHD_Result not_found(struct sim_server *s, struct MHD_Connection *c,
				 const struct sim_unit *u, const char *url)
{
	return html(c, MHD_HTTP_NOT_FOUND, site_not_found(s->engine->profiles, u, url));
}

/* ---- control calls --------------------------------------------------------------------- */

static const char *body_value(struct request_ctx *ctx, const char *name)
{
	const char *v = field_get(ctx, name);
	if (v)
		return v;
	/* A raw body: "to=..." or just the time. */
	const char *raw = sb_str(&ctx->raw);
	size_t n = strlen(name);
	if (strncmp(raw, name, n) == 0 && raw[n] == '=')
		return raw + n + 1;
	return raw;
}

static enum MHD_Result control(struct sim_server *s, struct MHD_Connection *c, const char *what,
			       const char *method, struct request_ctx *ctx)
{
	struct sim_engine *e = s->engine;
	char err[1024];
	int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	if (strcmp(what, "clock") == 0 && get) {
		time_t now;
		if (engine_now(e, &now, err, sizeof err) != 0)
			return json_error(c, 500, err);
		char iso[CLOCK_ISO_MAX];
		clock_format_iso(now, iso);
		cJSON *o = cJSON_CreateObject();
		if (o)
			cJSON_AddStringToObject(o, "now", iso);
		return json(c, 200, o);
	}
	if (strcmp(what, "clock") == 0 && strcmp(method, "POST") == 0) {
		char text[64];
		snprintf(text, sizeof text, "%s", body_value(ctx, "to"));
		text[strcspn(text, "\r\n")] = '\0';
		time_t to;
		if (clock_parse_local(text, &to, err, sizeof err) != 0)
			return json_error(c, 400, err);
		cJSON *report = cJSON_CreateObject();
		if (!report)
			return json_error(c, 500, "out of memory");
		time_t now;
		if (engine_now(e, &now, err, sizeof err) != 0) {
			cJSON_Delete(report);
			return json_error(c, 500, err);
		}
		if (to < now) {
			/* Refused without touching anything; the engine words the message. */
			cJSON_Delete(report);
			engine_advance(e, to, NULL, err, sizeof err);
			return json_error(c, 409, err);
		}
		if (engine_advance(e, to, report, err, sizeof err) != 0) {
			cJSON_Delete(report);
			return json_error(c, 500, err);
		}
		return json(c, 200, report);
	}
	if (strcmp(what, "scan") == 0 && strcmp(method, "POST") == 0) {
		int received;
		if (engine_scan(e, &received, err, sizeof err) != 0)
			return json_error(c, 500, err);
		cJSON *o = cJSON_CreateObject();
		if (o)
			cJSON_AddNumberToObject(o, "received", received);
		return json(c, 200, o);
	}
	if (strcmp(what, "state") == 0 && get) {
		cJSON *o;
		if (state_dump_json(e->db, &o, err, sizeof err) != 0)
			return json_error(c, 500, err);
		return json(c, 200, o);
	}
	if (strcmp(what, "expect") == 0 && get)
		return json(c, 200, expect_json(e->profiles));
	if (strncmp(what, "captcha/", 8) == 0 && get) {
		char unit[64];
		const char *slash = strchr(what + 8, '/');
		if (!slash || (size_t)(slash - (what + 8)) >= sizeof unit)
			return json_error(c, 404, "use /_sim/captcha/CODE/ID");
		snprintf(unit, sizeof unit, "%.*s", (int)(slash - (what + 8)), what + 8);
		const struct sim_unit *u = profiles_find(e->profiles, unit);
		char *answer = NULL;
		int found = u ? state_get_token(e->db, "captcha", slash + 1, u->code, 0, &answer, err, sizeof err) : 0;
		if (found < 0)
			return json_error(c, 500, err);
		if (!found)
			return json_error(c, 404, "no such captcha");
		cJSON *o = cJSON_CreateObject();
		if (o)
			cJSON_AddStringToObject(o, "answer", answer);
		free(answer);
		return json(c, 200, o);
	}
	return json_error(c, 404, "unknown control call (see tests/sim/README.md)");
}

/* ---- forms ---------------------------------------------------------------------------- */

static enum MHD_Result closed_page(struct sim_server *s, struct MHD_Connection *c, const struct sim_unit *u)
{
	static const char *const paras[] = {
		"系统维护中，暂停受理。",
		"因网上办事系统升级维护，在线申请暂停受理，恢复时间另行通知。给您带来的不便，敬请谅解。",
		"如需提交申请，请通过信函或者电子邮件方式提交。", NULL};
	return html(c, 200, site_message(s->engine->profiles, u, "系统维护公告", paras));
}

static enum MHD_Result serve_form_get(struct sim_server *s, struct MHD_Connection *c, const struct sim_unit *u,
				enum form_kind kind, enum form_mode mode)
{
	struct sim_engine *e = s->engine;
	char err[512], sid[65] = "", token[65] = "", cid[33] = "", cookie[160] = "";
	struct form_tokens tokens = {NULL, NULL};
	if (mode == FORM_CLOSED)
		return closed_page(s, c, u);
	if (mode == FORM_CSRF) {
		if (random_hex(sid, 16) != 0 || random_hex(token, 16) != 0 ||
		    state_put_token(e->db, "csrf", sid, u->code, token, err, sizeof err) != 0)
			return html(c, 500, site_server_error("/"));
		tokens.csrf = token;
		snprintf(cookie, sizeof cookie, "JSESSIONID=%s; Path=/%s/; HttpOnly", sid, u->code);
	}
	if (mode == FORM_CAPTCHA) {
		unsigned char r[2];
		char answer[8];
		if (random_hex(cid, 16) != 0 || getrandom(r, 2, 0) != 2)
			return html(c, 500, site_server_error("/"));
		snprintf(answer, sizeof answer, "%04u", (unsigned)((r[0] << 8 | r[1]) % 10000));
		if (state_put_token(e->db, "captcha", cid, u->code, answer, err, sizeof err) != 0)
			return html(c, 500, site_server_error("/"));
		tokens.captcha_id = cid;
	}
	char *page = form_page(e->profiles, u, kind, &tokens);
	return respond(c, 200, HTML_UTF8, page, page ? strlen(page) : 0, cookie[0] ? cookie : NULL);
}

static enum MHD_Result serve_form_post(struct sim_server *s, struct MHD_Connection *c, const struct sim_unit *u,
				 enum form_kind kind, enum form_mode mode, const char *url,
				 struct request_ctx *ctx)
{
	struct sim_engine *e = s->engine;
	const struct sim_profiles *p = e->profiles;
	char err[1024];
	if (mode == FORM_HTTP500)
		return html(c, MHD_HTTP_INTERNAL_SERVER_ERROR, site_server_error(url));
	if (mode == FORM_CLOSED)
		return closed_page(s, c, u);
	if (mode == FORM_CSRF) {
		const char *sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "JSESSIONID");
		const char *sent = field_get(ctx, form_csrf_field(u));
		char *expected = NULL;
		int found = sid ? state_get_token(e->db, "csrf", sid, u->code, 0, &expected, err, sizeof err) : 0;
		int ok = found == 1 && sent && strcmp(sent, expected) == 0;
		free(expected);
		if (found < 0)
			return html(c, 500, site_server_error(url));
		if (!ok) {
			static const char *const paras[] = {
				"非法请求：页面已过期或表单令牌（CSRF token）校验失败。",
				"请刷新申请页面后重新填写提交。", NULL};
			return html(c, MHD_HTTP_FORBIDDEN, site_message(p, u, "提交失败", paras));
		}
	}
	if (mode == FORM_CAPTCHA) {
		const char *cid = field_get(ctx, form_captcha_id_field(u));
		const char *sent = field_get(ctx, form_captcha_field(u));
		char *expected = NULL;
		int found = cid && *cid ? state_get_token(e->db, "captcha", cid, u->code, 1, &expected, err, sizeof err) : 0;
		int ok = found == 1 && sent && strcmp(sent, expected) == 0;
		free(expected);
		if (found < 0)
			return html(c, 500, site_server_error(url));
		if (!ok) {
			static const char *const paras[] = {"验证码错误或已过期，请刷新页面后重新输入验证码。", NULL};
			return html(c, 200, site_message(p, u, "提交失败", paras));
		}
	}
	struct strbuf problems;
	sb_init(&problems);
	struct web_request w;
	if (form_check(u, kind, field_get, ctx, &problems, &w) > 0) {
		char *page = problems.failed ? NULL : form_problems_page(p, u, kind, sb_str(&problems));
		sb_free(&problems);
		return html(c, 200, page);
	}
	sb_free(&problems);
	char code[16];
	char *record = form_record(u, kind, field_get, ctx);
	w.form = record;
	if (!record || engine_receive_web(e, u, &w, code, sizeof code, err, sizeof err) != 0) {
		fprintf(stderr, "foi-sim: %s: %s\n", u->code, record ? err : "out of memory");
		free(record);
		return html(c, 500, site_server_error(url));
	}
	free(record);
	return html(c, 200, form_confirmation(p, u, kind, code));
}

/* ---- routing -------------------------------------------------------------------------- */

static enum MHD_Result unit_page(struct sim_server *s, struct MHD_Connection *c, const struct sim_unit *u,
				 const char *rest, const char *url, const char *method, struct request_ctx *ctx)
{
	struct sim_engine *e = s->engine;
	const struct sim_profiles *p = e->profiles;
	int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	int post = strcmp(method, "POST") == 0;
	char err[1024];
	if (*rest == '\0' || strcmp(rest, "index.html") == 0)
		return get ? html(c, 200, unit_home_page(p, u)) : not_found(s, c, u, url);
	if (strcmp(rest, "guide.html") == 0 && get) {
		if (!u->guide_present)
			return not_found(s, c, u, url);
		size_t len;
		const char *type;
		char *page = guide_page(p, u, &len, &type, err, sizeof err);
		if (!page)
			fprintf(stderr, "foi-sim: %s: %s\n", u->code, err);
		return respond(c, 200, type, page, len, NULL);
	}
	if (strcmp(rest, "foi") == 0 || strcmp(rest, "consult") == 0) {
		enum form_kind kind = rest[0] == 'f' ? FORM_KIND_FOI : FORM_KIND_CONSULT;
		enum form_mode mode = kind == FORM_KIND_FOI ? u->form_foi : u->form_consult;
		if (mode == FORM_NONE)
			return not_found(s, c, u, url);
		if (get)
			return serve_form_get(s, c, u, kind, mode);
		if (post) {
			if (ctx->broken)
				return html(c, 500, NULL);
			if (ctx->too_big)
				return html(c, 413, site_message(p, u, "提交失败", (const char *const[]){"提交内容过大。", NULL}));
			return serve_form_post(s, c, u, kind, mode, url, ctx);
		}
		return html(c, MHD_HTTP_METHOD_NOT_ALLOWED, site_message(p, u, "不支持的请求方式", NULL));
	}
	if (strcmp(rest, "captcha.png") == 0 && get) {
		const char *id = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "id");
		char *answer = NULL;
		int found = id ? state_get_token(e->db, "captcha", id, u->code, 0, &answer, err, sizeof err) : 0;
		if (found <= 0)
			return not_found(s, c, u, url);
		unsigned seed = 0;
		for (const char *k = id; *k; k++)
			seed = seed * 31 + (unsigned char)*k;
		size_t len = 0;
		unsigned char *png = captcha_png(answer, seed, &len);
		free(answer);
		return respond(c, 200, "image/png", (char *)png, len, NULL);
	}
	if (strcmp(rest, "letters") == 0 && get) {
		time_t now;
		if (engine_now(e, &now, err, sizeof err) != 0)
			return html(c, 500, site_server_error(url));
		const char *code = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "code");
		const char *id = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "id");
		char *page = letters_page(p, e->templates, u, e->db, now, code, id ? atol(id) : 0, err, sizeof err);
		if (!page)
			fprintf(stderr, "foi-sim: %s: %s\n", u->code, err);
		return html(c, 200, page);
	}
	return not_found(s, c, u, url);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
			      const char *version, const char *upload_data, size_t *upload_data_size,
			      void **con_cls)
{
	(void)version;
	struct sim_server *s = cls;
	if (!*con_cls) {
		struct request_ctx *ctx = calloc(1, sizeof *ctx);
		if (!ctx)
			return MHD_NO;
		sb_init(&ctx->raw);
		if (strcmp(method, "POST") == 0)
			ctx->pp = MHD_create_post_processor(c, 16 * 1024, post_field, ctx);
		*con_cls = ctx;
		return MHD_YES;
	}
	struct request_ctx *ctx = *con_cls;
	if (*upload_data_size) {
		ctx->total += *upload_data_size;
		if (ctx->total > MAX_BODY)
			ctx->too_big = 1;
		else if (ctx->pp) {
			/* A malformed body just ends the fields early; running out of memory sets broken. */
			(void)MHD_post_process(ctx->pp, upload_data, *upload_data_size);
		} else
			sb_addn(&ctx->raw, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (strncmp(url, "/_sim/", 6) == 0)
		return control(s, c, url + 6, method, ctx);
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0)
		return html(c, 200, portal_page(s->engine->profiles));
	const char *code = url + 1;
	size_t n = strcspn(code, "/");
	char unit[64];
	const struct sim_unit *u = NULL;
	if (n > 0 && n < sizeof unit) {
		snprintf(unit, sizeof unit, "%.*s", (int)n, code);
		u = profiles_find(s->engine->profiles, unit);
	}
	if (!u)
		return not_found(s, c, NULL, url);
	const char *rest = code + n;
	if (*rest == '/')
		rest++;
	return unit_page(s, c, u, rest, url, method, ctx);
}

int server_start(struct sim_engine *e, unsigned port, struct sim_server *s, char *err, size_t errsz)
{
	memset(s, 0, sizeof *s);
	s->engine = e;
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port,
				     NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
				     MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
	if (!s->daemon) {
		snprintf(err, errsz, "cannot listen on 127.0.0.1:%u (in use?)", port);
		return -1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : port;
	return 0;
}

void server_stop(struct sim_server *s)
{
	if (s->daemon)
		MHD_stop_daemon(s->daemon);
	s->daemon = NULL;
}
