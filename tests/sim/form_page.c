/* A simulated unit's FOI and consultation forms, and what a submission gets back (see form_page.h). */
#include "tests/sim/form_page.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "tests/sim/site.h"
#include "tests/sim/text.h"

enum input_kind { IN_TEXT, IN_TEXTAREA, IN_IDTYPE, IN_DELIVERY, IN_PUBLIC };
enum check { CK_NONE, CK_ID, CK_PHONE, CK_EMAIL, CK_POSTCODE, CK_CONTENT };
enum role { R_NAME, R_EMAIL, R_TITLE, R_CONTENT, R_OTHER };

struct field {
	const char *plain, *pinyin, *label;
	enum input_kind input;
	enum check check;
	enum role role;
	int required;
};

static const struct field foi_fields[] = {
	{"name", "xm", "姓名/名称", IN_TEXT, CK_NONE, R_NAME, 1},
	{"id_type", "zjlx", "证件类型", IN_IDTYPE, CK_NONE, R_OTHER, 0},
	{"id_number", "zjhm", "证件号码", IN_TEXT, CK_ID, R_OTHER, 1},
	{"phone", "lxdh", "联系电话", IN_TEXT, CK_PHONE, R_OTHER, 1},
	{"email", "dzyx", "电子邮箱", IN_TEXT, CK_EMAIL, R_EMAIL, 1},
	{"address", "txdz", "通信地址", IN_TEXT, CK_NONE, R_OTHER, 0},
	{"postcode", "yzbm", "邮政编码", IN_TEXT, CK_POSTCODE, R_OTHER, 0},
	{"content", "nrms", "所需信息内容描述", IN_TEXTAREA, CK_CONTENT, R_CONTENT, 1},
	{"delivery", "hqfs", "获取信息方式", IN_DELIVERY, CK_NONE, R_OTHER, 0},
};

static const struct field consult_fields[] = {
	{"name", "xm", "姓名", IN_TEXT, CK_NONE, R_NAME, 1},
	{"phone", "lxdh", "联系电话", IN_TEXT, CK_PHONE, R_OTHER, 1},
	{"email", "dzyx", "电子邮箱", IN_TEXT, CK_EMAIL, R_EMAIL, 0},
	{"title", "bt", "留言标题", IN_TEXT, CK_NONE, R_TITLE, 1},
	{"content", "lynr", "留言内容", IN_TEXTAREA, CK_CONTENT, R_CONTENT, 1},
	{"public", "sfgk", "是否公开", IN_PUBLIC, CK_NONE, R_OTHER, 0},
};

static const struct field *fields_of(enum form_kind kind, size_t *n)
{
	if (kind == FORM_KIND_FOI) {
		*n = sizeof foi_fields / sizeof foi_fields[0];
		return foi_fields;
	}
	*n = sizeof consult_fields / sizeof consult_fields[0];
	return consult_fields;
}

static const char *field_name(const struct sim_unit *u, const struct field *f)
{
	return u->form_style == STYLE_PINYIN ? f->pinyin : f->plain;
}

const char *form_csrf_field(const struct sim_unit *u)
{
	return u->form_style == STYLE_PINYIN ? "_csrf" : "csrf_token";
}

const char *form_captcha_field(const struct sim_unit *u)
{
	return u->form_style == STYLE_PINYIN ? "yzm" : "captcha";
}

const char *form_captcha_id_field(const struct sim_unit *u)
{
	return u->form_style == STYLE_PINYIN ? "yzmid" : "captcha_id";
}

static const char *path_of(enum form_kind kind)
{
	return kind == FORM_KIND_FOI ? "foi" : "consult";
}

static const char *title_of(enum form_kind kind)
{
	return kind == FORM_KIND_FOI ? "政府信息公开申请" : "我要咨询";
}

static void input(struct strbuf *sb, const struct sim_unit *u, const struct field *f)
{
	const char *name = field_name(u, f);
	sb_addf(sb, "<tr><td class=\"label\"><label for=\"%s\">%s</label>%s</td><td>", name, f->label,
		f->required ? "<span class=\"required\">*</span>" : "");
	switch (f->input) {
	case IN_TEXT:
		sb_addf(sb, "<input type=\"text\" id=\"%s\" name=\"%s\" size=\"40\" maxlength=\"100\"%s />",
			name, name, f->required ? " required=\"required\"" : "");
		break;
	case IN_TEXTAREA:
		sb_addf(sb, "<textarea id=\"%s\" name=\"%s\" rows=\"8\" cols=\"60\"%s></textarea>", name, name,
			f->required ? " required=\"required\"" : "");
		break;
	case IN_IDTYPE:
		sb_addf(sb, "<select id=\"%s\" name=\"%s\"><option value=\"居民身份证\" selected=\"selected\">居民身份证</option>"
			    "<option value=\"护照\">护照</option><option value=\"港澳居民来往内地通行证\">港澳居民来往内地通行证</option>"
			    "<option value=\"其他\">其他</option></select>", name, name);
		break;
	case IN_DELIVERY:
		sb_addf(sb, "<label><input type=\"radio\" id=\"%s\" name=\"%s\" value=\"电子邮件\" checked=\"checked\" />电子邮件</label> "
			    "<label><input type=\"radio\" name=\"%s\" value=\"邮寄\" />邮寄</label> "
			    "<label><input type=\"radio\" name=\"%s\" value=\"自行领取\" />自行领取</label>", name, name, name, name);
		break;
	case IN_PUBLIC:
		sb_addf(sb, "<label><input type=\"radio\" id=\"%s\" name=\"%s\" value=\"是\" checked=\"checked\" />是</label> "
			    "<label><input type=\"radio\" name=\"%s\" value=\"否\" />否</label>", name, name, name);
		break;
	}
	sb_add(sb, "</td></tr>\n");
}

char *form_page(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
		const struct form_tokens *tokens)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, title_of(kind), "utf-8");
	if (kind == FORM_KIND_FOI)
		sb_add(&sb, "<div class=\"notice\"><p>申请人应当如实填写申请表，并对所填内容的真实性负责。"
			    "本机关自收到申请之日起20个工作日内予以答复。</p></div>\n");
	else
		sb_add(&sb, "<div class=\"notice\"><p>请文明留言，如实反映问题。我们将在5个工作日内答复，"
			    "答复内容将在“留言选登”栏目公布。</p></div>\n");
	sb_addf(&sb, "<form id=\"%sForm\" name=\"%sForm\" method=\"post\" action=\"/%s/%s\" enctype=\"%s\">\n",
		path_of(kind), path_of(kind), u->code, path_of(kind),
		u->form_enctype == ENCTYPE_MULTIPART ? "multipart/form-data" : "application/x-www-form-urlencoded");
	if (tokens && tokens->csrf)
		sb_addf(&sb, "<input type=\"hidden\" name=\"%s\" value=\"%s\" />\n", form_csrf_field(u), tokens->csrf);
	sb_add(&sb, "<table class=\"form\">\n");
	size_t n;
	const struct field *fs = fields_of(kind, &n);
	for (size_t i = 0; i < n; i++)
		input(&sb, u, &fs[i]);
	if (tokens && tokens->captcha_id) {
		sb_addf(&sb, "<tr><td class=\"label\"><label for=\"%s\">验证码</label><span class=\"required\">*</span></td>"
			     "<td><input type=\"text\" id=\"%s\" name=\"%s\" size=\"6\" maxlength=\"4\" autocomplete=\"off\" required=\"required\" /> "
			     "<img src=\"/%s/captcha.png?id=%s\" alt=\"验证码\" title=\"看不清？点击换一张\" width=\"90\" height=\"32\" />"
			     "<input type=\"hidden\" name=\"%s\" value=\"%s\" /></td></tr>\n",
			form_captcha_field(u), form_captcha_field(u), form_captcha_field(u), u->code,
			tokens->captcha_id, form_captcha_id_field(u), tokens->captcha_id);
	}
	sb_addf(&sb, "<tr><td></td><td><input type=\"submit\" value=\"%s\" /> <input type=\"reset\" value=\"重置\" /></td></tr>\n"
		     "</table>\n</form>\n", kind == FORM_KIND_FOI ? "提交申请" : "提交留言");
	site_close(&sb, p, u);
	return sb_take(&sb);
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* 18 characters: 17 digits and a digit or X (the resident identity card number's shape). */
static int id_number_ok(const char *v, const char *type)
{
	size_t n = strlen(v);
	if (type && *type && strcmp(type, "居民身份证") != 0)
		return n >= 5 && n <= 20;
	return n == 18 && all_digits(v, 17) && (isdigit((unsigned char)v[17]) || v[17] == 'X' || v[17] == 'x');
}

/* A mobile number (11 digits from 13..19) or a landline (0722-3251234, with or without '-'). */
static int phone_ok(const char *v)
{
	size_t n = strlen(v);
	if (n == 11 && v[0] == '1' && v[1] >= '3' && all_digits(v, 11))
		return 1;
	if (v[0] != '0')
		return 0;
	const char *dash = strchr(v, '-');
	if (dash)
		return (dash - v == 3 || dash - v == 4) && all_digits(v, (size_t)(dash - v)) &&
		       strlen(dash + 1) >= 7 && strlen(dash + 1) <= 8 && all_digits(dash + 1, strlen(dash + 1));
	return n >= 10 && n <= 12 && all_digits(v, n);
}

/* The shape web forms accept: local@domain.tld with the usual characters, no empty labels. */
static int email_ok(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return 0;
	for (const char *c = v; c < at; c++)
		if (!isalnum((unsigned char)*c) && !strchr("._%+-", *c))
			return 0;
	const char *d = at + 1;
	if (*d == '.' || *d == '-' || d[strlen(d) - 1] == '.' || strstr(d, ".."))
		return 0;
	for (const char *c = d; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '.' && *c != '-')
			return 0;
	return 1;
}

static int blank(const char *v)
{
	if (!v)
		return 1;
	for (; *v; v++)
		if (!isspace((unsigned char)*v))
			return 0;
	return 1;
}

char *form_record(const struct sim_unit *u, enum form_kind kind, form_get get, void *ctx)
{
	cJSON *o = cJSON_CreateObject();
	size_t n;
	const struct field *fs = fields_of(kind, &n);
	for (size_t i = 0; o && i < n; i++) {
		const char *v = get(ctx, field_name(u, &fs[i]));
		if (v && !cJSON_AddStringToObject(o, fs[i].label, v)) {
			cJSON_Delete(o);
			o = NULL;
		}
	}
	char *text = o ? cJSON_PrintUnformatted(o) : NULL;
	cJSON_Delete(o);
	return text;
}

int form_check(const struct sim_unit *u, enum form_kind kind, form_get get, void *ctx,
	       struct strbuf *problems, struct web_request *out)
{
	memset(out, 0, sizeof *out);
	out->kind = kind == FORM_KIND_FOI ? "foi" : "consult";
	int bad = 0;
	size_t n;
	const struct field *fs = fields_of(kind, &n);
	const char *id_type = NULL;
	for (size_t i = 0; i < n; i++)
		if (fs[i].input == IN_IDTYPE)
			id_type = get(ctx, field_name(u, &fs[i]));
	for (size_t i = 0; i < n; i++) {
		const struct field *f = &fs[i];
		const char *v = get(ctx, field_name(u, f));
		if (blank(v)) {
			if (f->required) {
				sb_addf(problems, "请填写%s\n", f->label);
				bad++;
			}
			continue;
		}
		int ok = 1;
		switch (f->check) {
		case CK_NONE: break;
		case CK_ID: ok = id_number_ok(v, id_type); break;
		case CK_PHONE: ok = phone_ok(v); break;
		case CK_EMAIL: ok = email_ok(v); break;
		case CK_POSTCODE: ok = strlen(v) == 6 && all_digits(v, 6); break;
		case CK_CONTENT: {
			size_t chars = text_chars(v);
			if (chars < 5) {
				sb_addf(problems, "%s不能少于5个字\n", f->label);
				bad++;
			} else if (chars > 2000) {
				sb_addf(problems, "%s不能超过2000个字\n", f->label);
				bad++;
			}
			break;
		}
		}
		if (!ok) {
			sb_addf(problems, f->check == CK_POSTCODE ? "%s应为6位数字\n" : "%s格式不正确\n", f->label);
			bad++;
		}
		switch (f->role) {
		case R_NAME: out->applicant = v; break;
		case R_EMAIL: out->email = v; break;
		case R_TITLE: out->title = v; break;
		case R_CONTENT: out->content = v; break;
		case R_OTHER: break;
		}
	}
	return bad;
}

char *form_confirmation(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
			const char *code)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, "提交成功", "utf-8");
	sb_add(&sb, "<div class=\"result success\"><h2>提交成功</h2>\n");
	if (kind == FORM_KIND_FOI)
		sb_addf(&sb, "<p>您的政府信息公开申请已提交成功。查询码：<span id=\"cxm\" class=\"code\">%s</span></p>\n"
			     "<p>请妥善保存查询码。本机关将自收到申请之日起20个工作日内予以答复。</p>\n", code);
	else
		sb_addf(&sb, "<p>您的留言已提交成功。查询码：<span id=\"cxm\" class=\"code\">%s</span></p>\n"
			     "<p>请妥善保存查询码，凭查询码可在<a href=\"/%s/letters?code=%s\">留言选登</a>栏目查看答复。</p>\n",
			code, u->code, code);
	sb_add(&sb, "</div>\n");
	site_close(&sb, p, u);
	return sb_take(&sb);
}

char *form_problems_page(const struct sim_profiles *p, const struct sim_unit *u, enum form_kind kind,
			 const char *problems)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, "提交失败", "utf-8");
	sb_add(&sb, "<div class=\"result error\"><h2>提交失败</h2>\n<ul class=\"errors\">\n");
	const char *line = problems;
	while (*line) {
		size_t len = strcspn(line, "\n");
		sb_add(&sb, "<li>");
		char one[512];
		snprintf(one, sizeof one, "%.*s", (int)len, line);
		sb_add_html(&sb, one);
		sb_add(&sb, "</li>\n");
		line += len;
		if (*line)
			line++;
	}
	sb_addf(&sb, "</ul>\n<p><a href=\"/%s/%s\">返回重新填写</a></p></div>\n", u->code, path_of(kind));
	site_close(&sb, p, u);
	return sb_take(&sb);
}
