/* The profiles' expected results, and the check that they follow from the behaviour (see expect.h). */
#include "tests/sim/expect.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness/csv.h"

unsigned expect_items_of_flaws(unsigned f)
{
	unsigned items = 0;
	if (f & FLAW_NO_REMEDY)
		items |= ITEM_BIT(ITEM_REMEDY_NOTICE) | ITEM_BIT(ITEM_REMEDY_PERIODS) | ITEM_BIT(ITEM_REMEDY_BODIES);
	if (f & FLAW_LITIGATION_3_MONTHS)
		items |= ITEM_BIT(ITEM_REMEDY_PERIODS);
	if (f & FLAW_OLD_ARTICLES)
		items |= ITEM_BIT(ITEM_BASIS_CURRENT_LAW);
	if (f & FLAW_NO_DOCNO)
		items |= ITEM_BIT(ITEM_FORM_DOCNO);
	if (f & FLAW_NO_DATE)
		items |= ITEM_BIT(ITEM_FORM_DATE);
	if (f & FLAW_PURPOSE_DEMAND)
		items |= ITEM_BIT(ITEM_NO_PURPOSE_DEMAND);
	if (f & FLAW_FEE_DEMAND)
		items |= ITEM_BIT(ITEM_NO_FEE_DEMAND);
	if (f & FLAW_NO_SALUTATION)
		items |= ITEM_BIT(ITEM_FORM_SALUTATION);
	if (f & FLAW_NO_TITLE)
		items |= ITEM_BIT(ITEM_FORM_TITLE);
	if (f & FLAW_NO_ISSUER)
		items |= ITEM_BIT(ITEM_FORM_ISSUER);
	if (f & FLAW_NO_BASIS)
		items |= ITEM_BIT(ITEM_BASIS_ARTICLE);
	if (f & FLAW_NO_RESTATE_REQUEST)
		items |= ITEM_BIT(ITEM_RESTATES_REQUEST);
	if (f & FLAW_NO_RESTATE_DATE)
		items |= ITEM_BIT(ITEM_RESTATES_RECEIVED);
	if (f & FLAW_VAGUE_CONCLUSION)
		items |= ITEM_BIT(ITEM_CONCLUSION_TYPE) | ITEM_BIT(ITEM_BASIS_ARTICLE);
	return items;
}

unsigned expect_guide_items(const struct sim_unit *u)
{
	if (!u->guide_present) {
		unsigned all = 0;
		for (int i = ITEM_FIRST_GUIDE; i < ITEM_COUNT; i++)
			all |= ITEM_BIT(i);
		return all;
	}
	unsigned items = 0, o = u->guide_omit;
	if ((o & OMIT_ONLINE) || u->guide_dead_link)
		items |= ITEM_BIT(ITEM_CHANNEL_ONLINE);
	if (o & OMIT_POSTAL)
		items |= ITEM_BIT(ITEM_CHANNEL_POSTAL);
	if (o & OMIT_OFFICE)
		items |= ITEM_BIT(ITEM_CHANNEL_OFFICE);
	if (o & OMIT_PHONE)
		items |= ITEM_BIT(ITEM_CHANNEL_PHONE);
	if (o & OMIT_EMAIL_OR_FAX)
		items |= ITEM_BIT(ITEM_CHANNEL_EMAIL_OR_FAX);
	if (o & OMIT_NOTES)
		items |= ITEM_BIT(ITEM_GUIDE_NOTES);
	return items;
}

static int form_works(enum form_mode m)
{
	return m == FORM_PLAIN || m == FORM_CSRF || m == FORM_CAPTCHA;
}

int expect_foi_reachable(const struct sim_unit *u)
{
	return form_works(u->form_foi) || u->mail == MAIL_OK;
}

static enum expect_channel channel_of(enum form_mode m)
{
	switch (m) {
	case FORM_PLAIN:
	case FORM_CSRF: return CHANNEL_OK;
	case FORM_CAPTCHA: return CHANNEL_ASSISTED;
	case FORM_HTTP500:
	case FORM_CLOSED: return CHANNEL_FAILED;
	case FORM_NONE: break;
	}
	return CHANNEL_ABSENT;
}

static void items_text(unsigned bits, char *out, size_t outsz)
{
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; i < ITEM_COUNT && n < outsz; i++)
		if (bits & ITEM_BIT(i))
			n += snprintf(out + n, outsz - n, "%s%s", n ? " " : "", item_code(i));
	if (!n)
		snprintf(out, outsz, "(none)");
}

__attribute__((format(printf, 4, 5))) static int problem(struct strbuf *sb, const struct sim_profiles *p,
							   const struct sim_unit *u, const char *fmt, ...)
{
	va_list ap;
	sb_addf(sb, "%s:%d: [%s] ", p->path, u->line, u->code);
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
	sb_add(sb, "\n");
	return 1;
}

/* The deadline a final reply with these delays meets; -1 when too close to call. */
static int derived_deadline(const struct sim_unit *u, enum expect_deadline *out)
{
	if (!u->foi_final.set || !expect_foi_reachable(u)) {
		*out = EXPECT_NONE;
		return 0;
	}
	int extended = u->foi_extension.set && u->foi_extension.days <= 20 &&
		       u->foi_extension.days < u->foi_final.days;
	int limit = extended ? 40 : 20, d = u->foi_final.days;
	if (d <= limit - 1)
		*out = EXPECT_MET;
	else if (d >= limit + 2)
		*out = EXPECT_LATE;
	else
		return -1;
	return 0;
}

static int derived_band(const struct sim_unit *u, enum expect_band *out)
{
	int visible = u->consult_publish || u->consult_mail;
	if (!u->consult_answer.set || !visible || !form_works(u->form_consult)) {
		*out = BAND_NONE;
		return 0;
	}
	int d = u->consult_answer.days;
	if (d == 0)
		*out = BAND_1;
	else if (d >= 2 && d <= 4)
		*out = BAND_5;
	else if (d >= 7)
		*out = BAND_LATE;
	else
		return -1;
	return 0;
}

int expect_check(const struct sim_profiles *p, struct strbuf *problems)
{
	int n = 0;
	for (size_t i = 0; i < p->count; i++) {
		const struct sim_unit *u = &p->units[i];
		const struct sim_expect *x = &u->expect;
		int final = u->foi_final.set && expect_foi_reachable(u);
		char want[512], have[512];

		unsigned items = final ? expect_items_of_flaws(u->foi_flaws) : 0;
		if (items != x->fail) {
			items_text(items, want, sizeof want);
			items_text(x->fail, have, sizeof have);
			n += problem(problems, p, u, "expect.fail is %s, but the final letter it writes fails %s", have, want);
		}
		if ((u->foi_flaws & FLAW_NO_REMEDY) && (u->foi_flaws & FLAW_LITIGATION_3_MONTHS))
			n += problem(problems, p, u, "no_remedy and litigation_3_months contradict each other");
		int type = final && !(u->foi_flaws & FLAW_VAGUE_CONCLUSION) ? u->foi_type : 0;
		if (type != x->type)
			n += problem(problems, p, u, "expect.type is %d, but its final reply is of type %d (0: none)", x->type, type);

		enum expect_deadline dl;
		if (derived_deadline(u, &dl) != 0)
			n += problem(problems, p, u, "foi.final = %d is too close to the deadline to expect met or late "
						   "(use at most 19 or at least 22 working days, 39/42 with an extension)",
				     u->foi_final.days);
		else if (dl != x->deadline)
			n += problem(problems, p, u, "expect.deadline is %s, but its final reply comes %s",
				     expect_deadline_name(x->deadline), dl == EXPECT_NONE ? "never" : expect_deadline_name(dl));
		if (u->foi_extension.set && u->foi_final.set && u->foi_extension.days >= u->foi_final.days)
			n += problem(problems, p, u, "the extension notice must come before the final reply");

		enum expect_deadline sup = EXPECT_NONE;
		if (u->foi_supplement.set && expect_foi_reachable(u)) {
			if (u->foi_supplement.days <= 6)
				sup = EXPECT_MET;
			else if (u->foi_supplement.days >= 9)
				sup = EXPECT_LATE;
			else
				n += problem(problems, p, u, "foi.supplement = %d is too close to the 7-day limit",
					     u->foi_supplement.days);
		}
		if (sup != x->supplement)
			n += problem(problems, p, u, "expect.supplement is %s, but the supplement request is %s",
				     expect_deadline_name(x->supplement), sup == EXPECT_NONE ? "never sent" : expect_deadline_name(sup));

		unsigned guide = expect_guide_items(u);
		if (guide != x->guide_fail) {
			items_text(guide, want, sizeof want);
			items_text(x->guide_fail, have, sizeof have);
			n += problem(problems, p, u, "expect.guide.fail is %s, but its guide fails %s", have, want);
		}
		if (u->form_foi == FORM_NONE && !u->guide_dead_link && !(u->guide_omit & OMIT_ONLINE) && u->guide_present)
			n += problem(problems, p, u, "it has no FOI form, so its guide cannot list one: add online to guide.omit");

		enum expect_band band = BAND_NONE;
		if (derived_band(u, &band) != 0)
			n += problem(problems, p, u, "consult.answer = %d is too close to a band's edge (use 0, 2-4 or 7+)",
				     u->consult_answer.days);
		else if (band != x->consult_band)
			n += problem(problems, p, u, "expect.consult_band is %s, but its answer falls in %s",
				     expect_band_name(x->consult_band), expect_band_name(band));

		enum expect_accuracy acc = band == BAND_NONE ? ACCURACY_NONE : u->consult_accurate ? ACCURACY_YES : ACCURACY_NO;
		if (acc != x->consult_accurate)
			n += problem(problems, p, u, "expect.consult_accurate is %s, but its answer is %s",
				     expect_accuracy_name(x->consult_accurate),
				     acc == ACCURACY_NONE ? "never seen" : acc == ACCURACY_YES ? "accurate" : "boilerplate");

		if (channel_of(u->form_foi) != x->foi_form)
			n += problem(problems, p, u, "expect.channel.foi_form is %s, but form.foi = %s makes it %s",
				     expect_channel_name(x->foi_form), form_mode_name(u->form_foi),
				     expect_channel_name(channel_of(u->form_foi)));
		if (channel_of(u->form_consult) != x->consult_form)
			n += problem(problems, p, u, "expect.channel.consult_form is %s, but form.consult = %s makes it %s",
				     expect_channel_name(x->consult_form), form_mode_name(u->form_consult),
				     expect_channel_name(channel_of(u->form_consult)));
		enum expect_channel mail = u->mail == MAIL_OK ? CHANNEL_OK : CHANNEL_BOUNCED;
		if (mail != x->mail)
			n += problem(problems, p, u, "expect.channel.mail is %s, but its mail %s",
				     expect_channel_name(x->mail), mail == CHANNEL_OK ? "is delivered" : "bounces");
	}
	return n;
}

static int column(const struct csv_record *rec, const char *name)
{
	for (size_t i = 0; i < rec->count; i++)
		if (strcasecmp(rec->fields[i], name) == 0)
			return (int)i;
	return -1;
}

int expect_check_units(const struct sim_profiles *p, const char *csv_path, struct strbuf *problems,
		       char *err, size_t errsz)
{
	FILE *f = fopen(csv_path, "r");
	if (!f) {
		snprintf(err, errsz, "%s: cannot open: %m", csv_path);
		return -1;
	}
	struct strbuf text;
	sb_init(&text);
	char buf[4096];
	size_t got;
	while ((got = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&text, buf, got);
	fclose(f);
	if (text.failed) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	struct csv_reader r;
	struct csv_record rec;
	csv_init(&r, sb_str(&text), text.len);
	int n = 0, rc;
	int c_code = -1, c_email = -1, c_foi = -1, c_consult = -1, c_guide = -1;
	char *listed = calloc(p->count ? p->count : 1, 1);
	if (!listed) {
		sb_free(&text);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	int header = 1;
	while ((rc = csv_next(&r, &rec, err, errsz)) == 1) {
		if (header) {
			c_code = column(&rec, "code");
			c_email = column(&rec, "email");
			c_foi = column(&rec, "foi_form_url");
			c_consult = column(&rec, "consult_form_url");
			c_guide = column(&rec, "guide_url");
			header = 0;
			if (c_code < 0 || c_email < 0 || c_foi < 0 || c_consult < 0 || c_guide < 0) {
				snprintf(err, errsz, "%s:1: not a units file (needs code, guide_url, foi_form_url, consult_form_url, email)", csv_path);
				rc = -1;
				break;
			}
			continue;
		}
		if ((size_t)c_code >= rec.count)
			continue;
		const char *code = rec.fields[c_code];
		const struct sim_unit *u = profiles_find(p, code);
		if (!u) {
			sb_addf(problems, "%s:%d: unit %s has no section in %s\n", csv_path, rec.line, code, p->path);
			n++;
			continue;
		}
		listed[u - p->units] = 1;
		const char *email = (size_t)c_email < rec.count ? rec.fields[c_email] : "";
		const char *foi = (size_t)c_foi < rec.count ? rec.fields[c_foi] : "";
		const char *consult = (size_t)c_consult < rec.count ? rec.fields[c_consult] : "";
		if (strcasecmp(email, u->email) != 0) {
			sb_addf(problems, "%s:%d: %s's address is %s, but the profile's is %s\n", csv_path, rec.line, code, email, u->email);
			n++;
		}
		if (!*foi != (u->form_foi == FORM_NONE)) {
			sb_addf(problems, "%s:%d: %s %s an FOI form, but its profile says form.foi = %s\n", csv_path,
				rec.line, code, *foi ? "lists" : "has no", form_mode_name(u->form_foi));
			n++;
		}
		if (!*consult != (u->form_consult == FORM_NONE)) {
			sb_addf(problems, "%s:%d: %s %s a consultation form, but its profile says form.consult = %s\n",
				csv_path, rec.line, code, *consult ? "lists" : "has no", form_mode_name(u->form_consult));
			n++;
		}
	}
	if (rc < 0)
		n = -1;
	for (size_t i = 0; n >= 0 && i < p->count; i++)
		if (!listed[i]) {
			sb_addf(problems, "%s:%d: [%s] is not a unit of %s\n", p->path, p->units[i].line, p->units[i].code, csv_path);
			n++;
		}
	free(listed);
	csv_free(&r);
	sb_free(&text);
	return n;
}

static cJSON *item_list(unsigned bits)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; a && i < ITEM_COUNT; i++)
		if (bits & ITEM_BIT(i))
			cJSON_AddItemToArray(a, cJSON_CreateString(item_code(i)));
	return a;
}

cJSON *expect_json(const struct sim_profiles *p)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *units = root ? cJSON_AddArrayToObject(root, "units") : NULL;
	if (!units) {
		cJSON_Delete(root);
		return NULL;
	}
	for (size_t i = 0; i < p->count; i++) {
		const struct sim_unit *u = &p->units[i];
		const struct sim_expect *x = &u->expect;
		cJSON *o = cJSON_CreateObject();
		if (!o)
			break;
		cJSON_AddItemToArray(units, o);
		cJSON_AddStringToObject(o, "code", u->code);
		cJSON_AddStringToObject(o, "name", u->name);
		cJSON_AddStringToObject(o, "email", u->email);
		cJSON_AddBoolToObject(o, "mailbox", u->mail != MAIL_REJECT);
		cJSON *e = cJSON_AddObjectToObject(o, "expect");
		if (!e)
			break;
		cJSON_AddStringToObject(e, "deadline", expect_deadline_name(x->deadline));
		cJSON_AddStringToObject(e, "supplement", expect_deadline_name(x->supplement));
		/* The extension notice: "met" when it goes out within the original 20 working days
		 * (the letter grader's extension.timely passes), "late" after them (§33). */
		cJSON_AddStringToObject(e, "extension", !u->foi_extension.set || !expect_foi_reachable(u) ? "none"
							: u->foi_extension.days <= 20 ? "met" : "late");
		if (x->type) {
			char t[8];
			snprintf(t, sizeof t, "%d", x->type);
			cJSON_AddStringToObject(e, "type", t);
		} else
			cJSON_AddNullToObject(e, "type");
		cJSON_AddItemToObject(e, "fail", item_list(x->fail));
		cJSON_AddItemToObject(e, "guide_fail", item_list(x->guide_fail));
		cJSON_AddStringToObject(e, "consult_band", expect_band_name(x->consult_band));
		cJSON_AddStringToObject(e, "consult_accurate", expect_accuracy_name(x->consult_accurate));
		cJSON *ch = cJSON_AddObjectToObject(e, "channel");
		if (ch) {
			cJSON_AddStringToObject(ch, "foi_form", expect_channel_name(x->foi_form));
			cJSON_AddStringToObject(ch, "consult_form", expect_channel_name(x->consult_form));
			cJSON_AddStringToObject(ch, "mail", expect_channel_name(x->mail));
		}
	}
	return root;
}
