/*
 * Parsing one template file. The header is read line by line into a small table of fields;
 * the checks that need the whole header (required fields, fields that belong to the other
 * kind) run once the blank line is reached, and point at the field's own line when there is
 * one, else at the blank line that ends the header.
 */
#include "templates/template.h"
#include "templates/domain.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *template_kind_name(enum template_kind k)
{
	switch (k) {
	case TEMPLATE_FOI:
		return "foi";
	case TEMPLATE_CONSULT:
		return "consult";
	case TEMPLATE_ANY:
		break;
	}
	return "any";
}

enum template_kind template_kind_parse(const char *name)
{
	if (strcmp(name, "foi") == 0)
		return TEMPLATE_FOI;
	if (strcmp(name, "consult") == 0)
		return TEMPLATE_CONSULT;
	return TEMPLATE_ANY;
}

const char *template_reply_label(int n)
{
	static const char *const labels[] = {
		"已主动公开", "予以公开", "不予公开", "信息不存在",
		"非本机关负责公开", "重复申请", "按特别规定办理",
	};
	return n >= 1 && n <= 7 ? labels[n - 1] : "?";
}

/* The header fields; "kinds" says which kinds may (and, when required, must) have it. */
enum field_id { F_ID, F_KIND, F_TITLE, F_DOMAIN, F_SUBJECT, F_EXPECTED_REPLY, F_KEYPOINT,
		F_REFERENCE, F_VALID_FROM, F_VALID_UNTIL, F_NOTE, F_COUNT };

static const struct field_rule {
	const char *name;
	unsigned kinds;  /* bit TEMPLATE_FOI, bit TEMPLATE_CONSULT */
	int required;    /* for the kinds it belongs to */
	int repeatable;
} fields[F_COUNT] = {
	[F_ID] = {"id", 6, 1, 0},
	[F_KIND] = {"kind", 6, 1, 0},
	[F_TITLE] = {"title", 6, 1, 0},
	[F_DOMAIN] = {"domain", 6, 1, 0},
	[F_SUBJECT] = {"subject", 6, 1, 0},
	[F_EXPECTED_REPLY] = {"expected_reply", 1u << TEMPLATE_FOI, 1, 0},
	[F_KEYPOINT] = {"keypoint", 1u << TEMPLATE_CONSULT, 1, 1},
	[F_REFERENCE] = {"reference", 1u << TEMPLATE_CONSULT, 1, 0},
	[F_VALID_FROM] = {"valid_from", 1u << TEMPLATE_CONSULT, 1, 0},
	[F_VALID_UNTIL] = {"valid_until", 1u << TEMPLATE_CONSULT, 1, 0},
	[F_NOTE] = {"note", 6, 0, 0},
};

static const char known_fields[] =
	"id, kind, title, domain, subject, expected_reply, keypoint, reference, valid_from, "
	"valid_until, note";

/* Where each field was first seen (0: not seen). */
struct header_state {
	int line[F_COUNT];
};

static char *dup_n(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims spaces and tabs (and the full-width space U+3000, common in Chinese text). */
static void trim(const char **s, const char **e)
{
	for (;;) {
		if (*s < *e && is_space(**s))
			(*s)++;
		else if (*e - *s >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0)
			*s += 3;
		else
			break;
	}
	for (;;) {
		if (*e > *s && is_space((*e)[-1]))
			(*e)--;
		else if (*e - *s >= 3 && memcmp(*e - 3, "\xe3\x80\x80", 3) == 0)
			*e -= 3;
		else
			break;
	}
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if it is not one. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned min;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, cp = s[0] & 0x1F, min = 0x80;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, cp = s[0] & 0x0F, min = 0x800;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, cp = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Template text is mailed and shown: it must be UTF-8 without NUL bytes. */
static int check_encoding(const char *text, size_t len, const char *path, char *err, size_t errsz)
{
	int line = 1;
	for (size_t i = 0; i < len;) {
		const unsigned char *u = (const unsigned char *)text + i;
		if (*u == '\0') {
			snprintf(err, errsz, "%s:%d: the file contains a NUL byte", path, line);
			return -1;
		}
		size_t n = utf8_char(u, len - i);
		if (n == 0) {
			snprintf(err, errsz, "%s:%d: not valid UTF-8 (save the file as UTF-8)", path,
				 line);
			return -1;
		}
		if (*u == '\n')
			line++;
		i += n;
	}
	return 0;
}

static int set_string(char **dst, const char *s, const char *e)
{
	*dst = dup_n(s, (size_t)(e - s));
	return *dst ? 0 : -1;
}

static int parse_keypoint(struct template *t, const char *s, const char *e, int line,
			  const char *path, char *err, size_t errsz)
{
	struct template_keypoint *kp =
		realloc(t->keypoints, (t->keypoint_count + 1) * sizeof *t->keypoints);
	if (!kp)
		goto nomem;
	t->keypoints = kp;
	kp = &t->keypoints[t->keypoint_count++];
	memset(kp, 0, sizeof *kp);
	kp->line = line;
	for (const char *a = s;;) {
		const char *bar = memchr(a, '|', (size_t)(e - a));
		const char *ae = bar ? bar : e, *as = a;
		trim(&as, &ae);
		if (as == ae) {
			snprintf(err, errsz, "%s:%d: keypoint has an empty alternative (write 'A | B | C')",
				 path, line);
			return -1;
		}
		char **alts = realloc(kp->alternatives, (kp->count + 1) * sizeof *alts);
		if (!alts)
			goto nomem;
		kp->alternatives = alts;
		if (!(alts[kp->count] = dup_n(as, (size_t)(ae - as))))
			goto nomem;
		kp->count++;
		if (!bar)
			break;
		a = bar + 1;
	}
	return 0;
nomem:
	snprintf(err, errsz, "%s:%d: out of memory", path, line);
	return -1;
}

static int valid_id(const char *s, const char *e)
{
	if (e - s < 1 || e - s > 64 || *s == '-')
		return 0;
	for (; s < e; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* "YYYY-MM-DD" as YYYYMMDD, or 0 when it is not a date. */
static int parse_ymd(const char *s, const char *e)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, used = 0;
	char buf[16];
	if (e - s != 10)
		return 0;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	if (sscanf(buf, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10 || buf[4] != '-' ||
	    buf[7] != '-' || y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return y * 10000 + m * 100 + d;
}

/* One "field: value" line of the header. */
static int parse_field(struct template *t, struct header_state *h, const char *s, const char *e,
		       int line, const char *path, char *err, size_t errsz)
{
	const char *colon = memchr(s, ':', (size_t)(e - s));
	if (!colon) {
		snprintf(err, errsz, "%s:%d: expected 'field: value' in the header (a blank line "
			 "ends the header)", path, line);
		return -1;
	}
	const char *ns = s, *ne = colon, *vs = colon + 1, *ve = e;
	trim(&ns, &ne);
	trim(&vs, &ve);
	int f;
	for (f = 0; f < F_COUNT; f++)
		if ((size_t)(ne - ns) == strlen(fields[f].name) &&
		    memcmp(ns, fields[f].name, (size_t)(ne - ns)) == 0)
			break;
	if (f == F_COUNT) {
		snprintf(err, errsz, "%s:%d: unknown field '%.*s' (known: %s)", path, line,
			 (int)(ne - ns > 40 ? 40 : ne - ns), ns, known_fields);
		return -1;
	}
	if (h->line[f] && !fields[f].repeatable) {
		snprintf(err, errsz, "%s:%d: field '%s' given twice (first at line %d)", path, line,
			 fields[f].name, h->line[f]);
		return -1;
	}
	if (!h->line[f])
		h->line[f] = line;
	if (vs == ve) {
		snprintf(err, errsz, "%s:%d: field '%s' has no value", path, line, fields[f].name);
		return -1;
	}
	int vn = (int)(ve - vs > 60 ? 60 : ve - vs);
	switch ((enum field_id)f) {
	case F_ID:
		if (!valid_id(vs, ve)) {
			snprintf(err, errsz, "%s:%d: id '%.*s' must be 1 to 64 lowercase letters, "
				 "digits and '-'", path, line, vn, vs);
			return -1;
		}
		t->id_line = line;
		return set_string(&t->id, vs, ve);
	case F_KIND:
		if ((ve - vs == 3 && memcmp(vs, "foi", 3) == 0))
			t->kind = TEMPLATE_FOI;
		else if (ve - vs == 7 && memcmp(vs, "consult", 7) == 0)
			t->kind = TEMPLATE_CONSULT;
		else {
			snprintf(err, errsz, "%s:%d: kind must be 'foi' or 'consult', not '%.*s'", path,
				 line, vn, vs);
			return -1;
		}
		return 0;
	case F_TITLE:
		return set_string(&t->title, vs, ve);
	case F_DOMAIN: {
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(ve - vs), vs);
		if ((size_t)(ve - vs) >= sizeof code || !template_domain_find(code)) {
			snprintf(err, errsz, "%s:%d: unknown domain '%.*s' (templates/README.md "
				 "lists them; 'foi templates domains' too)", path, line, vn, vs);
			return -1;
		}
		return set_string(&t->domain, vs, ve);
	}
	case F_SUBJECT:
		t->subject_line = line;
		return set_string(&t->subject, vs, ve);
	case F_EXPECTED_REPLY:
		if (ve - vs != 1 || *vs < '1' || *vs > '7') {
			snprintf(err, errsz, "%s:%d: expected_reply must be the §36 item a correct "
				 "reply most likely has, 1 to 7, not '%.*s'", path, line, vn, vs);
			return -1;
		}
		t->expected_reply = *vs - '0';
		return 0;
	case F_KEYPOINT:
		return parse_keypoint(t, vs, ve, line, path, err, errsz);
	case F_REFERENCE:
		return set_string(&t->reference, vs, ve);
	case F_VALID_FROM:
	case F_VALID_UNTIL: {
		int ymd = parse_ymd(vs, ve);
		if (!ymd) {
			snprintf(err, errsz, "%s:%d: %s must be a date YYYY-MM-DD, not '%.*s'", path,
				 line, fields[f].name, vn, vs);
			return -1;
		}
		*(f == F_VALID_FROM ? &t->valid_from : &t->valid_until) = ymd;
		return 0;
	}
	case F_NOTE:
		return set_string(&t->note, vs, ve);
	case F_COUNT:
		break;
	}
	return 0;
}

/* Checks that need the whole header: required fields, fields of the other kind. */
static int check_header(const struct template *t, const struct header_state *h, int end_line,
			const char *path, char *err, size_t errsz)
{
	if (!h->line[F_KIND]) {
		snprintf(err, errsz, "%s:%d: the header ends without the required field 'kind'",
			 path, end_line);
		return -1;
	}
	unsigned bit = 1u << t->kind;
	for (int f = 0; f < F_COUNT; f++) {
		if (h->line[f] && !(fields[f].kinds & bit)) {
			snprintf(err, errsz, "%s:%d: field '%s' does not belong in a %s template",
				 path, h->line[f], fields[f].name, template_kind_name(t->kind));
			return -1;
		}
		if (!h->line[f] && fields[f].required && (fields[f].kinds & bit)) {
			snprintf(err, errsz, "%s:%d: the header ends without the required field '%s'%s",
				 path, end_line, fields[f].name,
				 f == F_KEYPOINT ? " (at least one)" : "");
			return -1;
		}
	}
	if (t->valid_from && t->valid_until && t->valid_until < t->valid_from) {
		snprintf(err, errsz, "%s:%d: valid_until comes before valid_from", path,
			 h->line[F_VALID_UNTIL]);
		return -1;
	}
	return 0;
}

/*
 * §29(一) of the 2019 Regulation: an application gives the applicant's name, proof of
 * identity and contact details. A template without them invites a lawful request to
 * supplement (补正) and would spoil the test, so it does not load.
 */
static int check_foi_applicant(const struct template *t, const char *path, char *err, size_t errsz)
{
	unsigned u = t->placeholders;
	const char *missing = NULL;
	if (!(u & TPL_BIT(TPL_PERSONA_NAME)))
		missing = "the applicant's name ({{persona.name}})";
	else if (!(u & TPL_BIT(TPL_PERSONA_ID_NUMBER)))
		missing = "the applicant's proof of identity ({{persona.id_number}})";
	else if (!(u & (TPL_BIT(TPL_PERSONA_PHONE) | TPL_BIT(TPL_PERSONA_EMAIL) |
			TPL_BIT(TPL_REPLY_TO) | TPL_BIT(TPL_PERSONA_ADDRESS))))
		missing = "a contact ({{persona.phone}}, {{reply_to}}, {{persona.email}} or "
			  "{{persona.address}})";
	if (!missing)
		return 0;
	snprintf(err, errsz, "%s:%d: an FOI application must give %s: §29(一) of the 2019 "
		 "Regulation", path, t->body_line, missing);
	return -1;
}

/* Every key point must be met by the reference answer itself, or the grader's bar is wrong. */
static int check_reference(const struct template *t, const char *path, char *err, size_t errsz)
{
	for (size_t i = 0; i < t->keypoint_count; i++) {
		const struct template_keypoint *kp = &t->keypoints[i];
		size_t a;
		for (a = 0; a < kp->count; a++)
			if (strstr(t->reference, kp->alternatives[a]))
				break;
		if (a == kp->count) {
			snprintf(err, errsz, "%s:%d: the reference answer meets none of this keypoint's "
				 "alternatives ('%s'...)", path, kp->line, kp->alternatives[0]);
			return -1;
		}
	}
	return 0;
}

int template_parse(const char *text, size_t len, const char *path, struct template *t, char *err,
		   size_t errsz)
{
	struct header_state h = {{0}};
	memset(t, 0, sizeof *t);

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	if (check_encoding(text, len, path, err, errsz) != 0)
		return -1;
	if (!(t->path = strdup(path)))
		goto nomem;

	const char *p = text, *end = text + len;
	int line = 0, header_end = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *ls = p;
		line++;
		p = nl ? nl + 1 : end;
		if (le > ls && le[-1] == '\r')
			le--;
		const char *ts = ls, *te = le;
		trim(&ts, &te);
		if (ts == te) {
			header_end = line;
			break;
		}
		if (*ts == '#')
			continue; /* a comment, for template authors */
		if (parse_field(t, &h, ls, le, line, path, err, errsz) != 0)
			goto fail;
	}
	if (!header_end) {
		snprintf(err, errsz, "%s:%d: no blank line after the header, so no body", path,
			 line ? line : 1);
		goto fail;
	}
	if (check_header(t, &h, header_end, path, err, errsz) != 0)
		goto fail;

	/* The body: CR before LF dropped, blank lines at either end dropped, one final LF. */
	t->body_line = header_end + 1;
	const char *bs = p;
	while (bs < end) {
		const char *nl = memchr(bs, '\n', (size_t)(end - bs));
		const char *ts = bs, *te = nl ? nl : end;
		trim(&ts, &te);
		if (ts < te && !(te - ts == 1 && *ts == '\r'))
			break;
		t->body_line++;
		bs = nl ? nl + 1 : end;
	}
	if (bs == end) {
		snprintf(err, errsz, "%s:%d: the body is empty", path, header_end);
		goto fail;
	}
	if (!(t->body = malloc((size_t)(end - bs) + 2)))
		goto nomem;
	size_t n = 0;
	for (const char *c = bs; c < end; c++)
		if (!(*c == '\r' && c + 1 < end && c[1] == '\n'))
			t->body[n++] = *c;
	while (n > 0 && (t->body[n - 1] == '\n' || t->body[n - 1] == '\r' ||
			 is_space(t->body[n - 1])))
		n--;
	t->body[n++] = '\n';
	t->body[n] = '\0';

	unsigned used_subject, used_body;
	if (template_check_text(t->subject, path, t->subject_line, &used_subject, err, errsz) != 0 ||
	    template_check_text(t->body, path, t->body_line, &used_body, err, errsz) != 0)
		goto fail;
	t->placeholders = used_subject | used_body;
	if (t->kind == TEMPLATE_FOI && check_foi_applicant(t, path, err, errsz) != 0)
		goto fail;
	if (t->kind == TEMPLATE_CONSULT && check_reference(t, path, err, errsz) != 0)
		goto fail;
	return 0;

nomem:
	snprintf(err, errsz, "%s: out of memory", path);
fail:
	template_free(t);
	return -1;
}

int template_load_file(const char *path, struct template *t, char *err, size_t errsz)
{
	memset(t, 0, sizeof *t);
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errsz, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	size_t cap = 8192, len = 0;
	char *buf = malloc(cap);
	int rc = -1;
	if (!buf) {
		snprintf(err, errsz, "%s: out of memory", path);
		goto out;
	}
	for (;;) {
		if (len == cap) {
			if (cap >= (size_t)1 << 24) {
				snprintf(err, errsz, "%s: larger than 16 MB: not a template", path);
				goto out;
			}
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				snprintf(err, errsz, "%s: out of memory", path);
				goto out;
			}
			buf = nb;
			cap *= 2;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errsz, "%s: cannot read: %s", path, strerror(errno));
		goto out;
	}
	rc = template_parse(buf, len, path, t, err, errsz);
out:
	free(buf);
	fclose(f);
	return rc;
}

void template_free(struct template *t)
{
	if (!t)
		return;
	free(t->path);
	free(t->id);
	free(t->title);
	free(t->domain);
	free(t->subject);
	free(t->note);
	free(t->reference);
	free(t->body);
	for (size_t i = 0; i < t->keypoint_count; i++) {
		for (size_t a = 0; a < t->keypoints[i].count; a++)
			free(t->keypoints[i].alternatives[a]);
		free(t->keypoints[i].alternatives);
	}
	free(t->keypoints);
	memset(t, 0, sizeof *t);
}

int template_render(const struct template *t, const struct template_values *v,
		    struct template_rendered *out, char *err, size_t errsz)
{
	memset(out, 0, sizeof *out);
	if (template_render_text(t->subject, t->path, t->subject_line, v, &out->subject, err,
				 errsz) != 0)
		return -1;
	if (template_render_text(t->body, t->path, t->body_line, v, &out->body, err, errsz) != 0) {
		template_rendered_free(out);
		return -1;
	}
	return 0;
}

void template_rendered_free(struct template_rendered *r)
{
	free(r->subject);
	free(r->body);
	r->subject = r->body = NULL;
}
