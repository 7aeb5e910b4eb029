/* foi.ini read with inih into struct settings, every value checked with its file and line (see settings.h). */
#include "harness/settings.h"
#include "harness/clock.h"

#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum value_type { V_TEXT, V_INT, V_ENUM, V_CUTOFF, V_CLOCKTIME, V_ZONE, V_EMAIL, V_PASSWORD, V_DELIMITER };

struct key_spec {
	const char *section;
	const char *name;
	enum value_type type;
	size_t offset;
	size_t size;             /* for text */
	int min, max;            /* for int */
	const char *const *names; /* for enum, NULL-terminated; index = value */
};

static const char *const receipt_names[] = {"next_working_day", "same_day", NULL};
static const char *const clock_names[] = {"civil", "elapsed", NULL};
/* Indexed by enum reply_rest. */
static const char *const reply_rest_names[] = {"next_working_day", "as_of_last_working_day", NULL};
/* Indexed by enum tls_mode. */
static const char *const tls_names[] = {"off", "if-available", "required", NULL};
/* Indexed by enum arrival_time. */
static const char *const arrival_names[] = {"internaldate", "date_header", NULL};
static const char *const seal_absent_names[] = {"fail", "unknown", NULL};
/* Indexed by enum reply_mode. */
static const char *const reply_mode_names[] = {"persona", "token", NULL};

#define TEXT(sec, key, field) {sec, key, V_TEXT, offsetof(struct settings, field), sizeof(((struct settings *)0)->field), 0, 0, NULL}
#define TYPED(sec, key, t, field) {sec, key, t, offsetof(struct settings, field), sizeof(((struct settings *)0)->field), 0, 0, NULL}
#define INT(sec, key, field, lo, hi) {sec, key, V_INT, offsetof(struct settings, field), 0, lo, hi, NULL}
#define ENUM(sec, key, field, list) {sec, key, V_ENUM, offsetof(struct settings, field), 0, 0, 0, list}

static const struct key_spec keys[] = {
	TYPED("workspace", "timezone", V_ZONE, timezone),
	TEXT("workspace", "units_file", units_file),
	ENUM("time", "receipt_on_rest_day", receipt_on_rest_day, receipt_names),
	TYPED("time", "office_hours_cutoff", V_CUTOFF, office_hours_cutoff),
	ENUM("time", "consult_clock", consult_clock, clock_names),
	ENUM("time", "reply_on_rest_day", reply_on_rest_day, reply_rest_names),
	TYPED("time", "work_start", V_CLOCKTIME, work_start),
	TYPED("time", "work_end", V_CLOCKTIME, work_end),
	ENUM("mail", "reply_mode", reply_mode, reply_mode_names),
	TYPED("mail", "token_address", V_EMAIL, token_address),
	TYPED("mail", "token_delimiter", V_DELIMITER, token_delimiter),
	TEXT("mail", "smtp_host", smtp_host),
	INT("mail", "smtp_port", smtp_port, 1, 65535),
	TEXT("mail", "smtp_user", smtp_user),
	TYPED("mail", "smtp_password", V_PASSWORD, smtp_password),
	ENUM("mail", "smtp_tls", smtp_tls, tls_names),
	TEXT("mail", "smtp_ca_file", smtp_ca_file),
	TEXT("mail", "imap_host", imap_host),
	INT("mail", "imap_port", imap_port, 1, 65535),
	TEXT("mail", "imap_user", imap_user),
	TYPED("mail", "imap_password", V_PASSWORD, imap_password),
	ENUM("mail", "imap_tls", imap_tls, tls_names),
	TEXT("mail", "imap_mailbox", imap_mailbox),
	TEXT("mail", "imap_ca_file", imap_ca_file),
	ENUM("mail", "arrival", arrival, arrival_names),
	INT("letters", "max_pages", letters_max_pages, 1, 1000),
	INT("letters", "max_mb", letters_max_mb, 1, 1024),
	INT("letters", "max_megapixels", letters_max_megapixels, 1, 400),
	INT("letters", "max_seconds", letters_max_seconds, 1, 3600),
	INT("letters", "page_seconds", letters_page_seconds, 1, 3600),
	INT("letters", "ocr_dpi", letters_ocr_dpi, 72, 600),
	INT("letters", "ocr_min_confidence", letters_ocr_min_confidence, 0, 100),
	ENUM("letters", "seal_absent", letters_seal_absent, seal_absent_names),
	TEXT("review", "reviewer", reviewer),
	INT("send", "host_gap_seconds", host_gap_seconds, 0, 3600),
	INT("send", "per_minute", per_minute, 0, 600),
	INT("send", "mails_per_session", mails_per_session, 1, 1000),
	TEXT("send", "user_agent", user_agent),
	TEXT("send", "accept_language", accept_language),
	INT("send", "web_timeout_seconds", web_timeout_seconds, 1, 600),
};

#define PERSONA_PREFIX "persona."

const char *settings_persona_name(const struct settings *s, const char *key)
{
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			return s->personas[i].name;
	return "";
}

struct persona_key {
	const char *name;
	size_t offset;
};

static const struct persona_key persona_keys[] = {
	{"name", offsetof(struct persona, name)},
	{"id_type", offsetof(struct persona, id_type)},
	{"id_number", offsetof(struct persona, id_number)},
	{"phone", offsetof(struct persona, phone)},
	{"address", offsetof(struct persona, address)},
	{"postcode", offsetof(struct persona, postcode)},
	{"email", offsetof(struct persona, email)},
};

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	snprintf(s->timezone, sizeof s->timezone, "%s", CLOCK_DEFAULT_ZONE);
	snprintf(s->units_file, sizeof s->units_file, "units.csv");
	s->receipt_on_rest_day = RECEIPT_NEXT_WORKING_DAY;
	s->office_hours_cutoff = -1;
	s->consult_clock = CONSULT_CLOCK_CIVIL;
	s->reply_on_rest_day = REPLY_REST_NEXT_DAY;
	s->work_start = 9 * 60;
	s->work_end = 17 * 60;
	s->reply_mode = REPLY_PERSONA;
	snprintf(s->token_address, sizeof s->token_address, "evaluator@foi.test");
	snprintf(s->token_delimiter, sizeof s->token_delimiter, "+");
	snprintf(s->smtp_host, sizeof s->smtp_host, "127.0.0.1");
	s->smtp_port = 587;
	s->smtp_tls = TLS_REQUIRED;
	snprintf(s->imap_host, sizeof s->imap_host, "127.0.0.1");
	s->imap_port = 143;
	s->imap_tls = TLS_REQUIRED;
	snprintf(s->imap_mailbox, sizeof s->imap_mailbox, "INBOX");
	s->letters_max_pages = 20;
	s->letters_max_mb = 32;
	s->letters_max_megapixels = 40;
	s->letters_max_seconds = 60;
	s->letters_page_seconds = 5;
	s->letters_ocr_dpi = 150;
	s->letters_ocr_min_confidence = 90;
	s->letters_seal_absent = SEAL_ABSENT_FAIL;
	s->host_gap_seconds = 20;
	s->per_minute = 6;
	s->mails_per_session = 20;
	snprintf(s->user_agent, sizeof s->user_agent, "%s",
		 "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
	snprintf(s->accept_language, sizeof s->accept_language, "%s", "zh-CN,zh;q=0.9");
	s->web_timeout_seconds = 60;
}

const char *settings_tls_name(enum tls_mode m)
{
	return tls_names[m];
}

struct parse_state {
	struct settings *s;
	const char *path;
	char *err;
	size_t errsz;
	int failed;
	int persona_line[SETTINGS_MAX_PERSONAS];
	int persona_email_line[SETTINGS_MAX_PERSONAS];
	int reply_mode_line;
	FILE *file;
	int line; /* the line inih is looking at */
	int work_hours_line; /* where work_start or work_end was last set, for the check after */
	int last_read_ended_line;
};

/* Records the first problem only: later ones are often consequences of it. */
__attribute__((format(printf, 3, 4))) static int fail(struct parse_state *st, int line, const char *fmt, ...)
{
	if (!st->failed) {
		va_list ap;
		int n = snprintf(st->err, st->errsz, "%s:%d: ", st->path, line);
		if (n > 0 && (size_t)n < st->errsz) {
			va_start(ap, fmt);
			vsnprintf(st->err + n, st->errsz - n, fmt, ap);
			va_end(ap);
		}
		st->failed = 1;
	}
	return 0;
}

static int section_known(const char *name)
{
	if (strncmp(name, PERSONA_PREFIX, strlen(PERSONA_PREFIX)) == 0)
		return 1;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].section, name) == 0)
			return 1;
	return 0;
}

static void check_section_header(struct parse_state *st, const char *line)
{
	const char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '[')
		return;
	const char *end = strchr(p, ']');
	if (!end)
		return; /* inih reports the malformed line itself */
	char name[128];
	snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
	if (!section_known(name))
		fail(st, st->line, "unknown section [%s]", name);
}

/*
 * Debian's inih is built without line numbers in the handler, so the reader counts them:
 * inih asks for one line per call (a longer line arrives in pieces, hence the newline check).
 */
static char *read_counting_lines(char *buf, int size, void *stream)
{
	struct parse_state *st = stream;
	if (st->last_read_ended_line)
		st->line++;
	int starts_line = st->last_read_ended_line || st->line == 1;
	char *r = fgets(buf, size, st->file);
	st->last_read_ended_line = r && strchr(buf, '\n') != NULL;
	/* inih calls the handler only for keys, so a section without keys is checked here. */
	if (r && starts_line && !st->failed)
		check_section_header(st, buf);
	return r;
}

static int parse_clock_minutes(const char *v, int *out)
{
	int h, m;
	char tail;
	if (sscanf(v, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*out = h * 60 + m;
	return 0;
}

static int valid_email(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return 0;
	for (const char *p = v; *p; p++)
		if (*p <= ' ' || *p == '<' || *p == '>' || *p == ',' || *p == ';' || *p == '"')
			return 0;
	return at[1] != '.' && v[strlen(v) - 1] != '.';
}

static int set_text(char *field, size_t size, const char *value)
{
	if (strlen(value) >= size)
		return -1;
	memcpy(field, value, strlen(value) + 1);
	return 0;
}

static int handle_persona(struct parse_state *st, const char *section, const char *name,
			  const char *value, int line)
{
	const char *key = section + strlen(PERSONA_PREFIX);
	struct settings *s = st->s;
	struct persona *p = NULL;
	if (!*key || strlen(key) >= sizeof p->key)
		return fail(st, line, "bad persona section name [%s]", section);
	for (size_t i = 0; i < s->persona_count; i++)
		if (strcmp(s->personas[i].key, key) == 0)
			p = &s->personas[i];
	if (!p) {
		if (s->persona_count == SETTINGS_MAX_PERSONAS)
			return fail(st, line, "too many personas (at most %d)", SETTINGS_MAX_PERSONAS);
		st->persona_line[s->persona_count] = line;
		p = &s->personas[s->persona_count++];
		snprintf(p->key, sizeof p->key, "%s", key);
	}
	for (size_t i = 0; i < sizeof persona_keys / sizeof persona_keys[0]; i++) {
		if (strcmp(persona_keys[i].name, name) != 0)
			continue;
		if (set_text((char *)p + persona_keys[i].offset, SETTINGS_TEXT_MAX, value) != 0)
			return fail(st, line, "value of '%s' is too long", name);
		if (strcmp(name, "email") == 0 && *value && !valid_email(value))
			return fail(st, line, "'%s' is not an e-mail address (key %s)", value, name);
		if (strcmp(name, "email") == 0)
			st->persona_email_line[p - s->personas] = line;
		return 1;
	}
	return fail(st, line, "unknown key '%s' in [%s] (keys: name, id_type, id_number, phone, address, postcode, email)", name, section);
}

static int handle_key(void *user, const char *section, const char *name, const char *value)
{
	struct parse_state *st = user;
	int line = st->line;
	struct settings *s = st->s;
	if (st->failed)
		return 0;
	if (strncmp(section, PERSONA_PREFIX, strlen(PERSONA_PREFIX)) == 0)
		return handle_persona(st, section, name, value, line);

	const struct key_spec *k = NULL;
	int section_known = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(keys[i].section, section) != 0)
			continue;
		section_known = 1;
		if (strcmp(keys[i].name, name) == 0)
			k = &keys[i];
	}
	if (!section_known)
		return fail(st, line, "unknown section [%s]", section);
	if (!k && strcmp(section, "mail") == 0 && strcmp(name, "reply_address") == 0)
		return fail(st, line, "'reply_address' is now 'reply_mode = persona' (each persona's own address, the default) "
			    "or 'reply_mode = token' with 'token_address = %s' (see config.example.ini)", value);
	if (!k)
		return fail(st, line, "unknown key '%s' in [%s]", name, section);
	if (k->names == reply_mode_names)
		st->reply_mode_line = line;

	void *field = (char *)s + k->offset;
	char why[FOI_ERR_MAX];
	switch (k->type) {
	case V_PASSWORD:
		if (*value)
			s->file_has_password = 1;
		/* fall through */
	case V_TEXT:
		if (set_text(field, k->size, value) != 0)
			return fail(st, line, "value of '%s' is too long", name);
		return 1;
	case V_EMAIL:
		if (!valid_email(value))
			return fail(st, line, "'%s' is not an e-mail address (key %s)", value, name);
		return set_text(field, k->size, value) == 0 ? 1 : fail(st, line, "value of '%s' is too long", name);
	case V_DELIMITER:
		/* It separates the token from the local part, so it cannot be a token character. */
		if (!*value || strlen(value) >= k->size || strpbrk(value, "@ \t\"<>,;abcdefghijklmnopqrstuvwxyz234567"))
			return fail(st, line, "'%s' cannot separate a token (key %s: one to %zu characters such as + or -, "
				    "no letters, digits 2-7, spaces or @)", value, name, k->size - 1);
		return set_text(field, k->size, value) == 0 ? 1 : fail(st, line, "value of '%s' is too long", name);
	case V_ZONE:
		if (clock_set_zone(value, why, sizeof why) != 0)
			return fail(st, line, "%s (key %s)", why, name);
		return set_text(field, k->size, value) == 0 ? 1 : fail(st, line, "value of '%s' is too long", name);
	case V_INT: {
		char *end;
		long v = strtol(value, &end, 10);
		if (!*value || *end || v < k->min || v > k->max)
			return fail(st, line, "'%s' is not a valid number for %s", value, name);
		*(int *)field = (int)v;
		return 1;
	}
	case V_ENUM:
		for (int i = 0; k->names[i]; i++)
			if (strcasecmp(k->names[i], value) == 0) {
				*(int *)field = i;
				return 1;
			}
		return fail(st, line, "'%s' is not allowed for %s (see config.example.ini)", value, name);
	case V_CUTOFF:
		if (strcasecmp(value, "none") == 0 || !*value) {
			*(int *)field = -1;
			return 1;
		}
		/* fall through */
	case V_CLOCKTIME:
		st->work_hours_line = line;
		if (parse_clock_minutes(value, field) != 0)
			return fail(st, line, "'%s' is not a time of day HH:MM (key %s)", value, name);
		return 1;
	}
	return fail(st, line, "internal: unhandled key %s", name);
}

/* Persona mode: each persona's replies come to its own address, so each needs one, and no two
 * may share one (a reply could not tell them apart). */
static int persona_addresses_check(const struct parse_state *st, const char *path, char *err, size_t errsz)
{
	const struct settings *s = st->s;
	for (size_t i = 0; i < s->persona_count; i++) {
		const struct persona *p = &s->personas[i];
		if (!p->email[0]) {
			snprintf(err, errsz, "%s:%d: [persona.%s] has no email: with [mail] reply_mode = persona%s each persona "
				 "gives its own reply address (set email), or set reply_mode = token", path,
				 st->persona_line[i], p->key, st->reply_mode_line ? "" : " (the default)");
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (strcasecmp(s->personas[j].email, p->email) == 0) {
				snprintf(err, errsz, "%s:%d: [persona.%s] has the email of [persona.%s] (%s): in persona mode "
					 "each persona needs an address of its own", path, st->persona_email_line[i], p->key,
					 s->personas[j].key, p->email);
				return -1;
			}
	}
	return 0;
}

int settings_load(const char *path, struct settings *s, int *insecure, char *err, size_t errsz)
{
	struct parse_state st = {.s = s, .path = path, .err = err, .errsz = errsz, .line = 1};
	FILE *f = fopen(path, "r");
	*insecure = 0;
	if (!f) {
		snprintf(err, errsz, "%s: cannot open: %m", path);
		return -1;
	}
	st.file = f;
	int rc = ini_parse_stream(read_counting_lines, &st, handle_key, &st);
	struct stat sb;
	int stat_ok = fstat(fileno(f), &sb) == 0;
	fclose(f);
	if (st.failed)
		return -1;
	if (rc != 0) {
		snprintf(err, errsz, "%s:%d: not a valid line (expected [section] or key = value)", path, rc);
		return -1;
	}
	if (s->work_start >= s->work_end) {
		if (st.work_hours_line)
			snprintf(err, errsz, "%s:%d: [time] work_start must be before work_end", path, st.work_hours_line);
		else
			snprintf(err, errsz, "%s: [time] work_start must be before work_end", path);
		return -1;
	}
	for (size_t i = 0; i < s->persona_count; i++) {
		if (!s->personas[i].name[0]) {
			snprintf(err, errsz, "%s:%d: [persona.%s] has no name", path, st.persona_line[i], s->personas[i].key);
			return -1;
		}
	}
	if (s->reply_mode == REPLY_PERSONA && persona_addresses_check(&st, path, err, errsz) != 0)
		return -1;
	if (s->file_has_password && stat_ok && (sb.st_mode & 077))
		*insecure = 1;

	const char *env = getenv("FOI_SMTP_PASSWORD");
	if (env && *env)
		snprintf(s->smtp_password, sizeof s->smtp_password, "%s", env);
	env = getenv("FOI_IMAP_PASSWORD");
	if (env && *env)
		snprintf(s->imap_password, sizeof s->imap_password, "%s", env);
	return 0;
}
