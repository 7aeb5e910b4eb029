/* Reading the simulator's profiles.ini (see profile.h). */
#include "tests/sim/profile.h"

#include <ctype.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One key = value line as inih reported it, kept until every section is read. */
struct pair {
	char *section, *name, *value;
	int line;
};

struct parse_state {
	const char *path;
	FILE *file;
	int line, last_read_ended_line;
	struct pair *pairs;
	size_t count, cap;
	char *err;
	size_t errsz;
	int failed;
};

static const char *const item_codes[ITEM_COUNT] = {
	"form.title", "form.docno", "form.salutation", "form.issuer", "form.date", "form.seal",
	"restates.request", "restates.received", "conclusion.type", "basis.article",
	"basis.current_law", "remedy.notice", "remedy.periods", "remedy.bodies",
	"no_purpose_demand", "no_fee_demand", "guide.present", "channel.online", "channel.postal",
	"channel.office", "channel.phone", "channel.email_or_fax", "guide.notes", "channel.no_refusal",
};

static const char *const flaw_names[FLAW_COUNT] = {
	"no_remedy", "litigation_3_months", "old_articles", "no_docno", "no_date",
	"purpose_demand", "fee_demand", "no_salutation", "no_title", "no_issuer", "no_basis",
	"no_restate_request", "no_restate_date", "vague_conclusion",
};

static const char *const omit_names[] = {"online", "postal", "office", "phone", "email_or_fax",
					 "notes", NULL};
static const char *const charset_names[] = {"utf-8", "gbk", NULL};
static const char *const form_names[] = {"plain", "csrf", "captcha", "http500", "closed", "none", NULL};
static const char *const style_names[] = {"plain", "pinyin", NULL};
static const char *const enctype_names[] = {"urlencoded", "multipart", NULL};
static const char *const mail_names[] = {"ok", "reject", "dsn", NULL};
static const char *const format_names[] = {"body", "html", "text", NULL};
static const char *const date_names[] = {"arabic", "chinese", NULL};
static const char *const yesno_names[] = {"no", "yes", NULL};
static const char *const guide_names[] = {"missing", "present", NULL};
static const char *const deadline_names[] = {"none", "met", "late", NULL};
static const char *const accurate_names[] = {"none", "yes", "no", NULL};
static const char *const band_names[] = {"none", "1", "5", "late", NULL};
static const char *const channel_names[] = {"ok", "assisted", "failed", "none", "bounced", NULL};

const char *item_code(enum sim_item item)
{
	return item < ITEM_COUNT ? item_codes[item] : "?";
}

const char *flaw_name(unsigned flaw_bit)
{
	for (int i = 0; i < FLAW_COUNT; i++)
		if (flaw_bit == 1u << i)
			return flaw_names[i];
	return "?";
}

const char *reply_type_name(int type)
{
	switch (type) {
	case 1: return "已主动公开";
	case 2: return "予以公开";
	case 3: return "不予公开";
	case 4: return "信息不存在";
	case 5: return "不属于本机关负责公开";
	case 6: return "重复申请不予重复处理";
	case 7: return "按特别规定办理";
	case 39: return "不作为政府信息公开申请处理";
	default: return "无";
	}
}

const char *form_mode_name(enum form_mode m)
{
	return form_names[m];
}

const char *expect_deadline_name(enum expect_deadline d)
{
	return deadline_names[d];
}

const char *expect_accuracy_name(enum expect_accuracy a)
{
	return accurate_names[a];
}

const char *expect_band_name(enum expect_band b)
{
	return band_names[b];
}

const char *expect_channel_name(enum expect_channel c)
{
	return channel_names[c];
}

/*
 * Debian's inih is built without line numbers in the handler and with 200-byte lines, so the
 * reader counts lines and refuses a longer one instead of letting inih split it in two.
 */
static char *read_counting_lines(char *buf, int size, void *stream)
{
	struct parse_state *st = stream;
	if (st->failed)
		return NULL;
	if (st->last_read_ended_line)
		st->line++;
	char *r = fgets(buf, size, st->file);
	if (r && !strchr(buf, '\n') && !feof(st->file)) {
		snprintf(st->err, st->errsz, "%s:%d: line too long (at most %d bytes)", st->path,
			 st->line, size - 2);
		st->failed = 1;
		return NULL;
	}
	st->last_read_ended_line = r && strchr(buf, '\n') != NULL;
	return r;
}

static int collect(void *user, const char *section, const char *name, const char *value)
{
	struct parse_state *st = user;
	if (st->count == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 256;
		struct pair *p = realloc(st->pairs, cap * sizeof *p);
		if (!p)
			goto oom;
		st->pairs = p;
		st->cap = cap;
	}
	struct pair *p = &st->pairs[st->count];
	p->section = strdup(section);
	p->name = strdup(name);
	p->value = strdup(value);
	p->line = st->line;
	if (!p->section || !p->name || !p->value) {
		free(p->section);
		free(p->name);
		free(p->value);
		goto oom;
	}
	st->count++;
	return 1;
oom:
	if (!st->failed)
		snprintf(st->err, st->errsz, "%s: out of memory", st->path);
	st->failed = 1;
	return 0;
}

static int enum_index(const char *const *names, const char *value)
{
	for (int i = 0; names[i]; i++)
		if (strcasecmp(names[i], value) == 0)
			return i;
	return -1;
}

static void names_list(const char *const *names, char *out, size_t outsz)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; names[i] && n < outsz; i++)
		n += snprintf(out + n, outsz - n, "%s%s", i ? ", " : "", names[i]);
}

/* Context for the messages of one key. */
struct where {
	const char *path;
	const struct pair *pair;
	char *err;
	size_t errsz;
};

__attribute__((format(printf, 2, 3))) static int bad(const struct where *w, const char *fmt, ...)
{
	int n = snprintf(w->err, w->errsz, "%s:%d: [%s] %s: ", w->path, w->pair->line,
			 w->pair->section, w->pair->name);
	if (n > 0 && (size_t)n < w->errsz) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(w->err + n, w->errsz - n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int set_enum(const struct where *w, const char *const *names, int *field)
{
	int i = enum_index(names, w->pair->value);
	if (i < 0) {
		char list[256];
		names_list(names, list, sizeof list);
		return bad(w, "'%s' is not one of: %s", w->pair->value, list);
	}
	*field = i;
	return 0;
}

#define SET_ENUM(w, names, field)                                 \
	do {                                                      \
		int v_;                                           \
		if (set_enum(w, names, &v_) != 0)                 \
			return -1;                                \
		field = v_;                                       \
	} while (0)

static int set_text(const struct where *w, char *field, size_t size)
{
	if (strlen(w->pair->value) >= size)
		return bad(w, "value too long (at most %zu bytes)", size - 1);
	memcpy(field, w->pair->value, strlen(w->pair->value) + 1);
	return 0;
}

/* A list of words separated by spaces or commas; each must name a bit of names (index = bit). */
static int set_bits(const struct where *w, const char *const *names, size_t count, unsigned *field)
{
	char buf[512];
	unsigned bits = 0;
	if (strlen(w->pair->value) >= sizeof buf)
		return bad(w, "value too long");
	snprintf(buf, sizeof buf, "%s", w->pair->value);
	char *save = NULL;
	for (char *word = strtok_r(buf, " ,\t", &save); word; word = strtok_r(NULL, " ,\t", &save)) {
		size_t i;
		for (i = 0; i < count; i++)
			if (strcasecmp(names[i], word) == 0)
				break;
		if (i == count) {
			char list[768];
			size_t n = 0;
			list[0] = '\0';
			for (size_t k = 0; k < count && n < sizeof list; k++)
				n += snprintf(list + n, sizeof list - n, "%s%s", k ? ", " : "", names[k]);
			return bad(w, "'%s' is not one of: %s", word, list);
		}
		bits |= 1u << i;
	}
	*field = bits;
	return 0;
}

static int parse_minute(const char *text, int *out)
{
	int h, m;
	char tail;
	if (sscanf(text, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

/* none | N | N@HH:MM */
static int set_delay(const struct where *w, struct sim_delay *d)
{
	const char *v = w->pair->value;
	memset(d, 0, sizeof *d);
	d->minute_of_day = -1;
	if (strcasecmp(v, "none") == 0 || !*v)
		return 0;
	char *end;
	long days = strtol(v, &end, 10);
	if (end == v || days < 0 || days > 200 || (*end && *end != '@'))
		return bad(w, "'%s' is not a delay (none, N working days, or N@HH:MM)", v);
	if (*end == '@' && parse_minute(end + 1, &d->minute_of_day) != 0)
		return bad(w, "'%s': the time after @ must be HH:MM", v);
	d->set = 1;
	d->days = (int)days;
	return 0;
}

static int set_type(const struct where *w, int *field, int allow_none)
{
	const char *v = w->pair->value;
	if (allow_none && strcasecmp(v, "none") == 0) {
		*field = 0;
		return 0;
	}
	char *end;
	long t = strtol(v, &end, 10);
	if (end == v || *end || !((t >= 1 && t <= 7) || t == 39))
		return bad(w, "'%s' is not a reply type (1..7 of article 36, or 39%s)", v,
			   allow_none ? ", or none" : "");
	*field = (int)t;
	return 0;
}

#define TEXT_KEY(key, field)                                              \
	if (strcmp(name, key) == 0)                                       \
		return set_text(w, u->field, sizeof u->field)

static int apply_unit_key(struct sim_unit *u, const struct where *w)
{
	const char *name = w->pair->name;
	TEXT_KEY("name", name);
	TEXT_KEY("docno", docno);
	TEXT_KEY("office", office);
	TEXT_KEY("address", address);
	TEXT_KEY("postcode", postcode);
	TEXT_KEY("phone", phone);
	TEXT_KEY("fax", fax);
	TEXT_KEY("email", email);
	TEXT_KEY("hours", hours);
	TEXT_KEY("reconsider", reconsider);
	TEXT_KEY("court", court);
	TEXT_KEY("consult.answer_text", answer_text);
	if (strcmp(name, "guide") == 0)
		SET_ENUM(w, guide_names, u->guide_present);
	else if (strcmp(name, "guide.charset") == 0)
		SET_ENUM(w, charset_names, u->guide_charset);
	else if (strcmp(name, "guide.omit") == 0)
		return set_bits(w, omit_names, 6, &u->guide_omit);
	else if (strcmp(name, "guide.dead_link") == 0)
		SET_ENUM(w, yesno_names, u->guide_dead_link);
	else if (strcmp(name, "form.foi") == 0)
		SET_ENUM(w, form_names, u->form_foi);
	else if (strcmp(name, "form.consult") == 0)
		SET_ENUM(w, form_names, u->form_consult);
	else if (strcmp(name, "form.style") == 0)
		SET_ENUM(w, style_names, u->form_style);
	else if (strcmp(name, "form.enctype") == 0)
		SET_ENUM(w, enctype_names, u->form_enctype);
	else if (strcmp(name, "mail") == 0)
		SET_ENUM(w, mail_names, u->mail);
	else if (strcmp(name, "foi.ack") == 0)
		return set_delay(w, &u->foi_ack);
	else if (strcmp(name, "foi.supplement") == 0)
		return set_delay(w, &u->foi_supplement);
	else if (strcmp(name, "foi.extension") == 0)
		return set_delay(w, &u->foi_extension);
	else if (strcmp(name, "foi.final") == 0)
		return set_delay(w, &u->foi_final);
	else if (strcmp(name, "foi.type") == 0)
		return set_type(w, &u->foi_type, 0);
	else if (strcmp(name, "foi.flaws") == 0)
		return set_bits(w, flaw_names, FLAW_COUNT, &u->foi_flaws);
	else if (strcmp(name, "reply.charset") == 0)
		SET_ENUM(w, charset_names, u->reply_charset);
	else if (strcmp(name, "reply.format") == 0)
		SET_ENUM(w, format_names, u->reply_format);
	else if (strcmp(name, "reply.date_style") == 0)
		SET_ENUM(w, date_names, u->date_style);
	else if (strcmp(name, "consult.answer") == 0)
		return set_delay(w, &u->consult_answer);
	else if (strcmp(name, "consult.publish") == 0)
		SET_ENUM(w, yesno_names, u->consult_publish);
	else if (strcmp(name, "consult.mail") == 0)
		SET_ENUM(w, yesno_names, u->consult_mail);
	else if (strcmp(name, "consult.accurate") == 0)
		SET_ENUM(w, yesno_names, u->consult_accurate);
	else if (strcmp(name, "expect.deadline") == 0)
		SET_ENUM(w, deadline_names, u->expect.deadline);
	else if (strcmp(name, "expect.supplement") == 0)
		SET_ENUM(w, deadline_names, u->expect.supplement);
	else if (strcmp(name, "expect.type") == 0)
		return set_type(w, &u->expect.type, 1);
	else if (strcmp(name, "expect.fail") == 0) {
		if (set_bits(w, item_codes, ITEM_FIRST_GUIDE, &u->expect.fail) != 0)
			return -1;
	} else if (strcmp(name, "expect.guide.fail") == 0) {
		unsigned bits;
		if (set_bits(w, item_codes + ITEM_FIRST_GUIDE, ITEM_COUNT - ITEM_FIRST_GUIDE, &bits) != 0)
			return -1;
		u->expect.guide_fail = bits << ITEM_FIRST_GUIDE;
	} else if (strcmp(name, "expect.consult_accurate") == 0)
		SET_ENUM(w, accurate_names, u->expect.consult_accurate);
	else if (strcmp(name, "expect.consult_band") == 0)
		SET_ENUM(w, band_names, u->expect.consult_band);
	else if (strcmp(name, "expect.channel.foi_form") == 0)
		SET_ENUM(w, channel_names, u->expect.foi_form);
	else if (strcmp(name, "expect.channel.consult_form") == 0)
		SET_ENUM(w, channel_names, u->expect.consult_form);
	else if (strcmp(name, "expect.channel.mail") == 0)
		SET_ENUM(w, channel_names, u->expect.mail);
	else
		return bad(w, "unknown key (see tests/sim/README.md)");
	return 0;
}

static int apply_sim_key(struct sim_profiles *p, const struct where *w)
{
	const char *name = w->pair->name, *v = w->pair->value;
	if (strcmp(name, "seed") == 0) {
		char *end;
		unsigned long s = strtoul(v, &end, 10);
		if (end == v || *end || s > 0xffffffffUL)
			return bad(w, "'%s' is not a number", v);
		p->seed = (unsigned)s;
	} else if (strcmp(name, "evaluator") == 0) {
		if (!strchr(v, '@'))
			return bad(w, "'%s' is not a mail address", v);
		snprintf(p->evaluator, sizeof p->evaluator, "%s", v);
	} else if (strcmp(name, "mail_domain") == 0) {
		if (!*v || strchr(v, '@'))
			return bad(w, "'%s' is not a domain", v);
		snprintf(p->mail_domain, sizeof p->mail_domain, "%s", v);
	} else if (strcmp(name, "reply_time") == 0) {
		if (parse_minute(v, &p->reply_minute) != 0)
			return bad(w, "'%s' is not a time of day HH:MM", v);
	} else if (strcmp(name, "portal") == 0) {
		snprintf(p->portal, sizeof p->portal, "%s", v);
	} else
		return bad(w, "unknown key (keys: seed, evaluator, mail_domain, reply_time, portal)");
	return 0;
}

static void unit_defaults(struct sim_unit *u)
{
	memset(u, 0, sizeof *u);
	u->guide_present = 1;
	u->guide_charset = CHARSET_UTF8;
	u->form_foi = FORM_PLAIN;
	u->form_consult = FORM_PLAIN;
	u->mail = MAIL_OK;
	u->foi_type = 1;
	u->consult_publish = 1;
	u->consult_mail = 1;
	u->consult_accurate = 1;
	struct sim_delay none = {0, 0, -1};
	u->foi_ack = u->foi_supplement = u->foi_extension = u->foi_final = u->consult_answer = none;
}

static int valid_code(const char *s)
{
	if (!*s || strlen(s) >= 32)
		return 0;
	for (const char *c = s; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '-')
			return 0;
	return 1;
}

static int finish_unit(struct sim_profiles *p, struct sim_unit *u, char *err, size_t errsz)
{
	if (!u->name[0]) {
		snprintf(err, errsz, "%s:%d: [%s] has no name", p->path, u->line, u->code);
		return -1;
	}
	if (!u->email[0]) {
		char local[32];
		size_t i;
		for (i = 0; u->code[i] && i < sizeof local - 1; i++)
			local[i] = (char)tolower((unsigned char)u->code[i]);
		local[i] = '\0';
		if (snprintf(u->email, sizeof u->email, "%s@%s", local, p->mail_domain) >= (int)sizeof u->email) {
			snprintf(err, errsz, "%s: mail_domain too long for [%s]'s address", p->path, u->code);
			return -1;
		}
	}
	for (char *c = u->email; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!u->docno[0])
		snprintf(u->docno, sizeof u->docno, "%s依申请", u->code);
	return 0;
}

int profiles_load(const char *path, struct sim_profiles *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	snprintf(out->path, sizeof out->path, "%s", path);
	out->seed = 1;
	snprintf(out->evaluator, sizeof out->evaluator, "evaluator@foi.test");
	snprintf(out->mail_domain, sizeof out->mail_domain, "units.foi.test");
	out->reply_minute = 10 * 60;
	snprintf(out->portal, sizeof out->portal, "政府信息公开平台");

	struct parse_state st = {.path = path, .line = 1, .err = err, .errsz = errsz};
	st.file = fopen(path, "r");
	if (!st.file) {
		snprintf(err, errsz, "%s: cannot open: %m", path);
		return -1;
	}
	int rc = ini_parse_stream(read_counting_lines, &st, collect, &st);
	fclose(st.file);
	int result = -1;
	if (st.failed)
		goto done;
	if (rc != 0) {
		snprintf(err, errsz, "%s:%d: not a valid INI line", path, rc > 0 ? rc : 0);
		goto done;
	}

	/* Sections in the order they first appear: [sim], [defaults], then the units. */
	for (size_t i = 0; i < st.count; i++) {
		struct where w = {path, &st.pairs[i], err, errsz};
		const char *sec = st.pairs[i].section;
		if (strcmp(sec, "sim") == 0) {
			if (apply_sim_key(out, &w) != 0)
				goto done;
			continue;
		}
		if (strcmp(sec, "defaults") == 0)
			continue;
		if (!valid_code(sec)) {
			bad(&w, "a unit code has letters, digits and '-' only");
			goto done;
		}
		if (profiles_find(out, sec))
			continue;
		struct sim_unit *units = realloc(out->units, (out->count + 1) * sizeof *units);
		if (!units) {
			snprintf(err, errsz, "%s: out of memory", path);
			goto done;
		}
		out->units = units;
		struct sim_unit *u = &units[out->count++];
		unit_defaults(u);
		snprintf(u->code, sizeof u->code, "%s", sec);
		u->line = st.pairs[i].line;
	}
	for (size_t k = 0; k < out->count; k++) {
		struct sim_unit *u = &out->units[k];
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < st.count; i++) {
				const char *sec = st.pairs[i].section;
				if (pass == 0 ? strcmp(sec, "defaults") != 0 : strcmp(sec, u->code) != 0)
					continue;
				struct where w = {path, &st.pairs[i], err, errsz};
				if (apply_unit_key(u, &w) != 0)
					goto done;
			}
		}
		if (finish_unit(out, u, err, errsz) != 0)
			goto done;
	}
	if (out->count == 0) {
		snprintf(err, errsz, "%s: no unit sections", path);
		goto done;
	}
	result = 0;
done:
	for (size_t i = 0; i < st.count; i++) {
		free(st.pairs[i].section);
		free(st.pairs[i].name);
		free(st.pairs[i].value);
	}
	free(st.pairs);
	if (result != 0)
		profiles_free(out);
	return result;
}

void profiles_free(struct sim_profiles *p)
{
	free(p->units);
	p->units = NULL;
	p->count = 0;
}

const struct sim_unit *profiles_find(const struct sim_profiles *p, const char *code)
{
	for (size_t i = 0; i < p->count; i++)
		if (strcasecmp(p->units[i].code, code) == 0)
			return &p->units[i];
	return NULL;
}

const struct sim_unit *profiles_find_by_mailbox(const struct sim_profiles *p, const char *local)
{
	size_t n = strlen(local);
	for (size_t i = 0; i < p->count; i++) {
		const char *e = p->units[i].email;
		if (strncasecmp(e, local, n) == 0 && e[n] == '@' &&
		    strcasecmp(e + n + 1, p->mail_domain) == 0)
			return &p->units[i];
	}
	return NULL;
}
