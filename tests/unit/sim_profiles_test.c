/*
 * The shipped profiles: they cover what the test world must show (every flaw, every reply
 * type, a silent unit, a bounce, a captcha, ...), their expectations follow from their
 * behaviour, and a whole round against them gives what the expectations say.
 */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "schedule/calendar.h"
#include "schedule/calendar_ics.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/sim_support.h"

/* ---- the profile file, read with inih by the test itself ---------------------------------- */

struct kv {
	char *section, *key, *value;
};

struct ini_file {
	struct kv *items;
	size_t count;
};

static int collect(void *user, const char *section, const char *key, const char *value)
{
	struct ini_file *f = user;
	struct kv *items = realloc(f->items, (f->count + 1) * sizeof *items);
	cr_assert(items);
	f->items = items;
	items[f->count].section = strdup(section);
	items[f->count].key = strdup(key);
	items[f->count].value = strdup(value);
	f->count++;
	return 1;
}

static void ini_read(const char *path, struct ini_file *f)
{
	memset(f, 0, sizeof *f);
	cr_assert_eq(ini_parse(path, collect, f), 0, "%s does not parse", path);
}

static void ini_free(struct ini_file *f)
{
	for (size_t i = 0; i < f->count; i++) {
		free(f->items[i].section);
		free(f->items[i].key);
		free(f->items[i].value);
	}
	free(f->items);
}

/* A unit's value of key: its own, else [defaults], else "". */
static const char *value_of(const struct ini_file *f, const char *unit, const char *key)
{
	const char *v = "";
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].key, key) == 0 && strcmp(f->items[i].section, "defaults") == 0)
			v = f->items[i].value;
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].key, key) == 0 && strcmp(f->items[i].section, unit) == 0)
			v = f->items[i].value;
	return v;
}

/* The unit sections, in order (NULL-terminated; free the array only). */
static const char **units_of(const struct ini_file *f, size_t *n)
{
	const char **units = calloc(f->count + 1, sizeof *units);
	cr_assert(units);
	*n = 0;
	for (size_t i = 0; i < f->count; i++) {
		const char *s = f->items[i].section;
		if (!strcmp(s, "sim") || !strcmp(s, "defaults") || (*n && !strcmp(units[*n - 1], s)))
			continue;
		units[(*n)++] = s;
	}
	return units;
}

static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

/* How many units have key's value equal to value (or containing the word, for lists). */
static int count_units(const struct ini_file *f, const char *key, const char *value, int word)
{
	size_t n;
	const char **units = units_of(f, &n);
	int c = 0;
	for (size_t i = 0; i < n; i++) {
		const char *v = value_of(f, units[i], key);
		c += word ? has_word(v, value) : strcmp(v, value) == 0;
	}
	free(units);
	return c;
}

Test(sim_profiles, shipped_profiles_are_consistent_with_their_expectations_and_the_units_file)
{
	struct foi_run r = run_shell("\"$FOI_SIM\" check --units '%s'", src_path("harness/data/units.csv"));
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	cr_assert(strstr(r.out, "51 units, expectations consistent"), "%s", r.out);
	run_free(&r);
	r = run_shell("\"$FOI_SIM\" check --profiles '%s'", src_path("tests/fixtures/sim/profiles.ini"));
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	run_free(&r);
}

Test(sim_profiles, shipped_profiles_show_every_behaviour_the_test_world_needs)
{
	struct ini_file f;
	ini_read(src_path("tests/sim/profiles.ini"), &f);
	static const char *const flaws[] = {"no_remedy", "litigation_3_months", "old_articles", "no_docno",
					    "no_date", "purpose_demand", "fee_demand", "no_salutation", NULL};
	for (int i = 0; flaws[i]; i++)
		cr_expect_geq(count_units(&f, "foi.flaws", flaws[i], 1), 1, "no unit shows the flaw %s", flaws[i]);
	static const char *const types[] = {"1", "2", "3", "4", "5", "6", "7", "39", NULL};
	for (int i = 0; types[i]; i++)
		cr_expect_geq(count_units(&f, "expect.type", types[i], 0), 1, "no final reply of type %s", types[i]);
	static const char *const omits[] = {"online", "postal", "office", "phone", "email_or_fax", "notes", NULL};
	for (int i = 0; omits[i]; i++)
		cr_expect_geq(count_units(&f, "guide.omit", omits[i], 1), 1, "no guide leaves out %s", omits[i]);
	cr_expect_geq(count_units(&f, "guide", "missing", 0), 1, "a unit without a guide");
	cr_expect_geq(count_units(&f, "guide.dead_link", "yes", 0), 1, "a guide with a dead link");
	cr_expect_geq(count_units(&f, "guide.charset", "gbk", 0), 1, "a GBK guide");
	cr_expect_geq(count_units(&f, "mail", "reject", 0), 1, "a unit whose address bounces");
	cr_expect_geq(count_units(&f, "mail", "dsn", 0), 1, "a unit whose mail comes back as a report");
	cr_expect_geq(count_units(&f, "form.foi", "captcha", 0) + count_units(&f, "form.consult", "captcha", 0), 1,
		      "a captcha");
	cr_expect_geq(count_units(&f, "form.foi", "csrf", 0), 1, "a CSRF form");
	cr_expect_geq(count_units(&f, "form.foi", "http500", 0), 1, "a form failing with HTTP 500");
	cr_expect_geq(count_units(&f, "form.foi", "closed", 0), 1, "a closed form");
	cr_expect_geq(count_units(&f, "form.style", "pinyin", 0), 1, "pinyin field names");
	cr_expect_geq(count_units(&f, "form.enctype", "multipart", 0), 1, "a multipart form");
	cr_expect_geq(count_units(&f, "reply.charset", "gbk", 0), 1, "a GBK reply");
	cr_expect_geq(count_units(&f, "reply.format", "html", 0), 1, "an HTML letter attached");
	cr_expect_geq(count_units(&f, "reply.format", "text", 0), 1, "a text letter attached");
	cr_expect_geq(count_units(&f, "reply.format", "body", 0), 1, "a letter in the body");
	cr_expect_geq(count_units(&f, "foi.ack", "0", 0), 1, "an acknowledgement");
	cr_expect_geq(count_units(&f, "expect.supplement", "met", 0), 1, "a request to supplement");
	cr_expect_geq(count_units(&f, "expect.supplement", "late", 0), 1, "a late request to supplement");
	cr_expect_geq(count_units(&f, "expect.deadline", "late", 0), 1, "a late reply");
	cr_expect_geq(count_units(&f, "expect.consult_band", "1", 0), 1, "an answer within 1 working day");
	cr_expect_geq(count_units(&f, "expect.consult_band", "5", 0), 1, "an answer within 5 working days");
	cr_expect_geq(count_units(&f, "expect.consult_band", "late", 0), 1, "a late answer");
	cr_expect_geq(count_units(&f, "expect.consult_accurate", "no", 0), 1, "an inaccurate answer");

	/* A silent unit: nothing ever goes out, though its mailbox takes mail. */
	size_t n;
	const char **units = units_of(&f, &n);
	int silent = 0, extension = 0;
	for (size_t i = 0; i < n; i++) {
		static const char *const steps[] = {"foi.ack", "foi.supplement", "foi.extension", "foi.final", "consult.answer", NULL};
		int quiet = strcmp(value_of(&f, units[i], "mail"), "ok") == 0;
		for (int k = 0; steps[k]; k++) {
			const char *v = value_of(&f, units[i], steps[k]);
			quiet &= !*v || strcmp(v, "none") == 0;
		}
		silent += quiet;
		const char *ext = value_of(&f, units[i], "foi.extension");
		extension += *ext && strcmp(ext, "none") != 0;
	}
	cr_expect_geq(silent, 1, "a silent unit");
	cr_expect_geq(extension, 1, "an extension notice");
	cr_assert_eq(n, 51, "36 evaluated units and 15 county-level departments");
	free(units);
	ini_free(&f);
}

Test(sim_profiles, mailboxes_leave_out_the_address_that_must_bounce)
{
	struct foi_run r = run_shell("\"$FOI_SIM\" mailboxes");
	cr_assert_eq(r.status, 0, "%s", r.err);
	int lines = 0;
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 50, "51 units, one of whose addresses does not exist:\n%s", r.out);
	cr_assert(strstr(r.out, "d01@units.foi.test\n"));
	cr_assert(strstr(r.out, "c05-03@units.foi.test\n"));
	cr_assert_null(strstr(r.out, "d27@"), "the bounce unit has no mailbox");
	cr_assert(strstr(r.out, "d20@units.foi.test\n"), "the full mailbox exists");
	run_free(&r);
	r = run_shell("\"$FOI_SIM\" mailboxes --csv");
	cr_assert(strncmp(r.out, "code,email\n", 11) == 0, "%s", r.out);
	cr_assert(strstr(r.out, "C01-01,c01-01@units.foi.test\n"));
	run_free(&r);
}

Test(sim_profiles, mistakes_in_a_profile_file_are_named_with_their_line)
{
	char *dir = make_temp_dir();
	char *path = write_file(dir, "p.ini", "[sim]\nseed = 1\n\n[X01]\nname = 某局\nfoi.final = 5\nfoi.flawz = no_date\n");
	struct foi_run r = run_shell("\"$FOI_SIM\" check --profiles '%s'", path);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "p.ini:7: [X01] foi.flawz: unknown key"), "%s", r.err);
	run_free(&r);

	path = write_file(dir, "q.ini", "[X01]\nname = 某局\nfoi.flaws = no_date no_remdy\n");
	r = run_shell("\"$FOI_SIM\" check --profiles '%s'", path);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "q.ini:3:"), "%s", r.err);
	cr_assert(strstr(r.err, "'no_remdy' is not one of"), "%s", r.err);
	run_free(&r);

	char long_line[400];
	memset(long_line, 'a', sizeof long_line - 1);
	long_line[sizeof long_line - 1] = '\0';
	char *text;
	cr_assert(asprintf(&text, "[X01]\nname = 某局\nconsult.answer_text = %s\n", long_line) > 0);
	path = write_file(dir, "r.ini", text);
	free(text);
	r = run_shell("\"$FOI_SIM\" check --profiles '%s'", path);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "r.ini:3: line too long"), "%s", r.err);
	run_free(&r);

	/* Behaviour and expectation disagree: the check says which and why. */
	path = write_file(dir, "s.ini", "[X01]\nname = 某局\nfoi.final = 25\nfoi.flaws = no_docno\n"
					"expect.deadline = met\nexpect.type = 1\nexpect.fail = form.date\n");
	r = run_shell("\"$FOI_SIM\" check --profiles '%s'", path);
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "expect.fail is form.date, but the final letter it writes fails form.docno"), "%s", r.err);
	cr_assert(strstr(r.err, "expect.deadline is met, but its final reply comes late"), "%s", r.err);
	run_free(&r);

	/* And against the units file: a unit the profiles lack. */
	r = run_shell("\"$FOI_SIM\" check --profiles '%s' --units '%s'", src_path("tests/fixtures/sim/profiles.ini"),
		      src_path("harness/data/units.csv"));
	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "unit C01 has no section"), "%s", r.err);
	run_free(&r);
}

/* ---- a whole round against the shipped profiles ------------------------------------------ */

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItem(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The shipped working-day calendar (schedule/holidays/YEAR.ics). */
static struct sched_calendar *shipped_calendar(void)
{
	struct sched_calendar *cal = calendar_new();
	char err[512];
	for (int year = 2023; year <= 2024; year++) {
		char rel[64];
		snprintf(rel, sizeof rel, "schedule/holidays/%d.ics", year);
		cr_assert_eq(calendar_load_ics_file(cal, src_path(rel), NULL, err, sizeof err), 0, "%s", err);
	}
	cr_assert_eq(calendar_build(cal, err, sizeof err), 0, "%s", err);
	return cal;
}

/*
 * What the letter grader (`foi grade check`) finds in a reply file: its failing items, as
 * "code code " text, and the reply type it reads ("" when none).
 */
static void grade(const char *path, char *fails, size_t failsz, char *type, size_t typesz)
{
	/* The grader knows a mail by its extension. */
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("cp '%s' '%s/reply.eml' && \"$FOI_BIN\" grade check '%s/reply.eml' "
				     "--applicant 李明华 --json", path, dir, dir);
	cr_assert(r.status == 0 || r.status == 1, "foi grade check: %s", r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "not JSON: %s", r.out);
	run_free(&r);
	fails[0] = '\0';
	const cJSON *item;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "items"))
	{
		if (strcmp(cJSON_GetObjectItem(item, "result")->valuestring, "fail") == 0) {
			strncat(fails, cJSON_GetObjectItem(item, "code")->valuestring, failsz - strlen(fails) - 2);
			strcat(fails, " ");
		}
	}
	const cJSON *t = cJSON_GetObjectItem(root, "reply_type");
	snprintf(type, typesz, "%s", cJSON_IsString(t) ? t->valuestring : "");
	cJSON_Delete(root);
}

/* `foi grade check --json` of a notice, with what is known of the request (options). */
static cJSON *grade_notice(const char *path, const char *options)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_shell("cp '%s' '%s/notice.eml' && \"$FOI_BIN\" grade check '%s/notice.eml' "
				     "--applicant 李明华 %s --json", path, dir, dir, options);
	cr_assert(r.status == 0 || r.status == 1, "foi grade check: %s", r.err);
	cJSON *root = cJSON_Parse(r.out);
	cr_assert(root, "not JSON: %s", r.out);
	run_free(&r);
	return root;
}

/* Each item of the notice whose code starts with prefix passes, but `late` (may be NULL),
 * which is "fail" when late_fails and "pass" otherwise. */
static void expect_notice_items(const char *unit, const cJSON *root, const char *document, const char *prefix,
				const char *late, int late_fails)
{
	const cJSON *doc = cJSON_GetObjectItem(root, "document");
	cr_expect(cJSON_IsString(doc) && strcmp(doc->valuestring, document) == 0, "%s: read as %s, not %s", unit,
		  cJSON_IsString(doc) ? doc->valuestring : "?", document);
	int seen = 0;
	const cJSON *item;
	cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "items"))
	{
		const char *code = cJSON_GetObjectItem(item, "code")->valuestring;
		const char *result = cJSON_GetObjectItem(item, "result")->valuestring;
		if (strncmp(code, prefix, strlen(prefix)) != 0)
			continue;
		seen++;
		const char *want = late && strcmp(code, late) == 0 && late_fails ? "fail" : "pass";
		cr_expect_str_eq(result, want, "%s: %s is %s, expected %s (%s)", unit, code, result, want,
				 cJSON_GetObjectItem(item, "evidence")->valuestring);
	}
	cr_expect_geq(seen, 4, "%s: only %d %s items", unit, seen, prefix);
}

static void day_text(sched_day d, char *buf, size_t size)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, dd);
}

static sched_day day_of(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The expected failing items of a unit as "code code " text, in the grader's order. */
static int same_items(const char *found, const cJSON *expected)
{
	int n = 0;
	const cJSON *item;
	cJSON_ArrayForEach(item, expected)
	{
		char word[64];
		snprintf(word, sizeof word, "%s ", item->valuestring);
		if (!strstr(found, word))
			return 0;
		n++;
	}
	for (const char *p = found; *p;) {
		size_t len = strcspn(p, " ");
		char word[64];
		snprintf(word, sizeof word, "%.*s ", (int)len, p);
		int listed = 0;
		cJSON_ArrayForEach(item, expected)
		{
			if (strlen(item->valuestring) == len && strncmp(item->valuestring, p, len) == 0)
				listed = 1;
		}
		if (!listed)
			return 0;
		p += len + (p[len] == ' ');
	}
	return 1;
}

/* The working days from the receipt day to the day of t, on the shipped calendar. */
static int working_days(const struct sched_calendar *cal, sched_day receipt, time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	int n;
	char err[256];
	cr_assert_eq(calendar_working_days_between(cal, receipt, day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), &n,
						   err, sizeof err), 0, "%s", err);
	return n;
}

Test(sim_profiles, a_round_by_mail_gives_what_the_profiles_expect)
{
	struct sim s;
	sim_start(&s, NULL, "2023-09-28 08:00");
	struct foi_run r = run_shell("\"$FOI_SIM\" expect");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cJSON *expect = cJSON_Parse(r.out);
	cr_assert(expect);
	run_free(&r);
	const cJSON *units = cJSON_GetObjectItem(expect, "units");
	cr_assert_eq(cJSON_GetArraySize(units), 51);

	/* Every application goes to a unit's address on Thursday 28 September 2023, 10:00. */
	const cJSON *u;
	int sent = 0;
	cJSON_ArrayForEach(u, units)
	{
		const char *code = str_of(u, "code"), *addr = str_of(u, "email");
		if (!cJSON_IsTrue(cJSON_GetObjectItem(u, "mailbox")))
			continue; /* the mail stack refuses it: a bounce at the door */
		char *mail;
		cr_assert(asprintf(&mail,
				   "Return-Path: <evaluator+round%s@foi.test>\nFrom: evaluator+round%s@foi.test\nTo: %s\n"
				   "Subject: =?UTF-8?B?5pS/5bqc5L+h5oGv5YWs5byA55Sz6K+3?=\n"
				   "Date: Thu, 28 Sep 2023 10:00:00 +0800\nMessage-ID: <round-%s@foi.test>\n"
				   "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
				   "所需信息内容描述：2023年部门预算及“三公”经费预算\n姓名：李明华\n",
				   code, code, addr, code) > 0);
		sim_make_mailbox(&s, addr);
		sim_deliver(&s, addr, "1695866400.M1P1.mail.foi.test", mail);
		free(mail);
		sent++;
	}
	cr_assert_eq(sent, 50);

	/* Step through the round a week at a time; supplement requests are answered the next morning. */
	const char *steps[] = {"2023-10-06 18:00", "2023-10-13 18:00", "2023-10-20 18:00", "2023-10-27 18:00",
			       "2023-11-03 18:00", "2023-11-10 18:00", "2023-11-17 18:00", "2023-12-01 18:00",
			       "2023-12-29 18:00", NULL};
	for (int i = 0; steps[i]; i++) {
		cr_assert_eq(sim_clock(&s, steps[i], NULL), 200);
		size_t n;
		char **files = maildir_new_files(sim_maildir(&s, "evaluator@foi.test"), &n);
		for (size_t k = 0; k < n; k++) {
			struct reply rp;
			reply_read(files[k], &rp);
			if (rp.subject && strstr(rp.subject, "补正告知书") && !strstr(rp.path, ".answered")) {
				const char *at = strchr(rp.from, '<');
				char *unit_addr = strndup(at + 1, strcspn(at + 1, ">"));
				struct tm tm;
				time_t next = rp.date + 23 * 3600;
				localtime_r(&next, &tm);
				char date[64], *mail;
				strftime(date, sizeof date, "%d %b %Y %H:%M:%S +0800", &tm);
				cr_assert(asprintf(&mail, "From: %s\nTo: %s\nSubject: =?UTF-8?B?6KGl5q2j?=\nDate: %s\n"
							  "Message-ID: <supp-%s>\nIn-Reply-To: <%s>\nMIME-Version: 1.0\n"
							  "Content-Type: text/plain; charset=UTF-8\n\n补正：所需信息为2023年部门预算公开表。\n",
						   rp.to, unit_addr, date, rp.message_id, rp.message_id) > 0);
				sim_deliver(&s, unit_addr, "supplement.M1.mail.foi.test", mail);
				free(mail);
				char *renamed;
				cr_assert(asprintf(&renamed, "%s.answered", files[k]) > 0);
				cr_assert_eq(rename(files[k], renamed), 0);
				free(renamed);
				free(unit_addr);
			}
			reply_free(&rp);
		}
		files_free(files);
	}

	/* Now compare every unit's mail with its expectations. */
	struct sched_calendar *cal = shipped_calendar();
	sched_day receipt = day_from_ymd(2023, 9, 28);
	size_t n;
	char **files = maildir_new_files(sim_maildir(&s, "evaluator@foi.test"), &n);
	cJSON_ArrayForEach(u, units)
	{
		const char *code = str_of(u, "code"), *addr = str_of(u, "email");
		const cJSON *x = cJSON_GetObjectItem(u, "expect");
		char token[64];
		snprintf(token, sizeof token, "evaluator+round%s@foi.test", code);
		int finals = 0, reports = 0, extension_day = -1, supplement_day = -1, final_day = -1;
		char *final_text = NULL, *final_path = NULL, *supplement_path = NULL, *extension_path = NULL;
		time_t supplement_sent = 0, extension_sent = 0;
		for (size_t k = 0; k < n; k++) {
			struct reply rp;
			reply_read(files[k], &rp);
			if (rp.to && strcmp(rp.to, token) == 0) {
				if (rp.report)
					reports++;
				else if (strstr(rp.subject, "申请答复书") || strstr(rp.subject, "申请的答复")) {
					finals++;
					final_day = working_days(cal, receipt, rp.date);
					free(final_text);
					final_text = strdup(rp.text);
					free(final_path);
					final_path = strdup(rp.path);
				} else if (strstr(rp.subject, "延期答复告知书")) {
					extension_day = working_days(cal, receipt, rp.date);
					extension_sent = rp.date;
					free(extension_path);
					extension_path = strdup(rp.path);
				} else if (strstr(rp.subject, "补正告知书")) {
					supplement_day = working_days(cal, receipt, rp.date);
					supplement_sent = rp.date;
					free(supplement_path);
					supplement_path = strdup(rp.path);
				}
			}
			reply_free(&rp);
		}
		const char *deadline = str_of(x, "deadline"), *mail = str_of(cJSON_GetObjectItem(x, "channel"), "mail");
		if (strcmp(mail, "bounced") == 0) {
			cr_expect_eq(finals, 0, "%s bounces but replied", code);
			int has_box = cJSON_IsTrue(cJSON_GetObjectItem(u, "mailbox"));
			cr_expect_eq(reports, has_box ? 1 : 0, "%s (%s): delivery reports", code, addr);
		} else
			cr_expect_eq(reports, 0, "%s: unexpected delivery report", code);
		if (strcmp(deadline, "none") == 0) {
			cr_expect_eq(finals, 0, "%s expects no reply but sent %d", code, finals);
		} else {
			cr_expect_eq(finals, 1, "%s: %d final replies", code, finals);
			if (finals == 1) {
				/* After a supplement the 20 days run from the supplement's receipt (the next day). */
				int from = supplement_day >= 0 ? supplement_day + 1 : 0;
				int extended = extension_day >= 0 && extension_day - from <= 20;
				int limit = extended ? 40 : 20;
				const char *got = final_day - from <= limit ? "met" : "late";
				cr_expect_str_eq(got, deadline, "%s: final reply on working day %d (from %d, limit %d)", code,
						 final_day, from, limit);
			}
		}
		const char *supplement = str_of(x, "supplement");
		if (strcmp(supplement, "none") == 0)
			cr_expect_eq(supplement_day, -1, "%s asked for a supplement", code);
		else
			cr_expect_str_eq(supplement_day <= 7 ? "met" : "late", supplement, "%s: supplement on day %d", code,
					 supplement_day);
		const char *type = str_of(x, "type");
		if (type && final_text) {
			static const char *const items[] = {"", "一", "二", "三", "四", "五", "六", "七"};
			char marker[64];
			if (strcmp(type, "39") == 0)
				snprintf(marker, sizeof marker, "第三十九条");
			else
				snprintf(marker, sizeof marker, "第三十六条第（%s）项", items[atoi(type)]);
			const cJSON *fails = cJSON_GetObjectItem(x, "fail");
			int cites = 1;
			const cJSON *item;
			cJSON_ArrayForEach(item, fails)
			{
				if (!strcmp(item->valuestring, "basis.article") || !strcmp(item->valuestring, "basis.current_law"))
					cites = 0;
			}
			if (cites)
				cr_expect(strstr(final_text, marker), "%s: type %s reply without %s", code, type, marker);
		}
		/* The letter grader reads in the letter what the profile says it holds. */
		if (final_path) {
			char found[1024], got_type[16];
			grade(final_path, found, sizeof found, got_type, sizeof got_type);
			cr_expect(same_items(found, cJSON_GetObjectItem(x, "fail")),
				  "%s: the grader fails [%s] in its letter", code, found);
			cr_expect_str_eq(got_type, type ? type : "", "%s: the grader reads reply type '%s'", code, got_type);
		}
		/* The notices, judged by the items of their kind, agree with the profile. */
		char received[16], sent_on[16], options[128];
		day_text(receipt, received, sizeof received);
		if (supplement_path) {
			day_text(day_of(supplement_sent), sent_on, sizeof sent_on);
			snprintf(options, sizeof options, "--received %s --sent %s --earlier-supplements 0", received, sent_on);
			cJSON *g = grade_notice(supplement_path, options);
			expect_notice_items(code, g, "supplement", "supplement.", "supplement.timely",
					    strcmp(supplement, "late") == 0);
			cJSON_Delete(g);
		}
		const char *extension = str_of(x, "extension");
		cr_expect_str_eq(extension_path ? (extension_day - (supplement_day >= 0 ? supplement_day + 1 : 0) <= 20
							   ? "met" : "late") : "none",
				 extension, "%s: the extension notice on working day %d", code, extension_day);
		if (extension_path) {
			/* After a supplement, the period runs from the supplement's receipt (the next working day). */
			sched_day from = receipt;
			char err[256];
			if (supplement_day >= 0)
				cr_assert_eq(calendar_nth_working_after(cal, receipt, supplement_day + 1, &from, err, sizeof err),
					     0, "%s", err);
			day_text(from, received, sizeof received);
			day_text(day_of(extension_sent), sent_on, sizeof sent_on);
			snprintf(options, sizeof options, "--received %s --sent %s", received, sent_on);
			cJSON *g = grade_notice(extension_path, options);
			expect_notice_items(code, g, "extension", "extension.", "extension.timely",
					    strcmp(extension, "late") == 0);
			cJSON_Delete(g);
		}
		free(supplement_path);
		free(extension_path);
		free(final_path);
		free(final_text);
	}
	files_free(files);
	calendar_free(cal);
	cJSON_Delete(expect);
	sim_stop(&s);
}
