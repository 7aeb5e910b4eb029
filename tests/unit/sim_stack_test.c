/*
 * The simulator with the real mail stack (tests/env/mailstack, started by tests/run-tests): an
 * application sent through Postfix reaches the unit's Maildir, the unit's reply is read back
 * through Dovecot, which reports it as arriving at the simulated moment; the bounce unit's
 * address is refused by Postfix.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness/mail/smtp_send.h"
#include "tests/unit/mailstack_env.h"
#include "tests/unit/run_foi.h"
#include "tests/unit/sim_support.h"

static struct mail_env env;
static char err[1024];

static void setup(void)
{
	cr_assert_eq(mail_env_get(&env, err, sizeof err), 0, "%s", err);
}

TestSuite(sim_stack, .init = setup);

/* A unit of the stack that no other test writes to, with a GBK HTML letter. */
static const char profile[] =
	"[sim]\nseed = 11\n\n"
	"[C05-02]\nname = 大洪山风景名胜区规划建设局\ndocno = 大规建公开\noffice = 大洪山风景名胜区规划建设局办公室\n"
	"address = 随州市随县长岗镇大洪山路10号\npostcode = 441316\nphone = 0722-8263101\n"
	"reconsider = 大洪山风景名胜区管委会\ncourt = 随县人民法院\n"
	"foi.ack = 0\nfoi.final = 3\nfoi.type = 1\nreply.charset = gbk\nreply.format = html\n"
	"expect.deadline = met\nexpect.type = 1\n";

/* Waits for a file holding needle in a Maildir's new/ or cur/. */
static int delivered(const char *maildir, const char *needle, double timeout_s)
{
	for (int tries = 0; tries < timeout_s * 10; tries++) {
		static const char *const subs[] = {"new", "cur"};
		for (int s = 0; s < 2; s++) {
			char dir[1024];
			snprintf(dir, sizeof dir, "%s/%s", maildir, subs[s]);
			DIR *d = opendir(dir);
			struct dirent *e;
			while (d && (e = readdir(d)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				char path[1400];
				snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
				char *text = read_file(path);
				int found = text && strstr(text, needle);
				free(text);
				if (found) {
					closedir(d);
					return 1;
				}
			}
			if (d)
				closedir(d);
		}
		usleep(100000);
	}
	return 0;
}

static size_t collect(char *data, size_t size, size_t n, void *arg)
{
	strncat(arg, data, size * n < 1000 ? size * n : 1000);
	return size * n;
}

/* INTERNALDATE of a message as Dovecot reports it, over IMAP with STARTTLS (libcurl). */
static time_t internal_date(const char *user, const char *password, uint32_t uid)
{
	char url[128], request[64], answer[2048] = "";
	snprintf(url, sizeof url, "imap://127.0.0.1:%u/INBOX", env.imap_port);
	snprintf(request, sizeof request, "UID FETCH %u (INTERNALDATE)", (unsigned)uid);
	CURL *c = curl_easy_init();
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_USERNAME, user);
	curl_easy_setopt(c, CURLOPT_PASSWORD, password);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	curl_easy_setopt(c, CURLOPT_CAINFO, env.ca_file);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, (void *)answer);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	CURLcode rc = curl_easy_perform(c);
	curl_easy_cleanup(c);
	cr_assert_eq(rc, CURLE_OK, "%s", curl_easy_strerror(rc));
	/* * 7 FETCH (UID 12 INTERNALDATE "09-Oct-2023 02:00:00 +0000") */
	const char *q = strstr(answer, "INTERNALDATE \"");
	cr_assert(q, "no INTERNALDATE in '%s'", answer);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *end = strptime(q + 14, "%d-%b-%Y %H:%M:%S %z", &tm);
	cr_assert(end && *end == '"', "cannot read '%s'", q);
	return timegm(&tm) - tm.tm_gmtoff;
}

Test(sim_stack, a_reply_arrives_through_dovecot_at_the_simulated_time)
{
	char *dir = make_temp_dir();
	char *profiles = write_file(dir, "profiles.ini", profile);
	char *base;
	cr_assert(asprintf(&base, "%s/mail", env.dir) > 0);
	struct sim s;
	sim_start_in(&s, profiles, "2023-09-28 09:00", base);

	/* The application goes through Postfix with STARTTLS and AUTH, dated Thursday 28 September 10:00. */
	char token[17], from[64], *msg;
	mail_token(token);
	snprintf(from, sizeof from, "evaluator+%s@foi.test", token);
	cr_assert(asprintf(&msg,
			   "From: =?UTF-8?B?5p2O5piO5Y2O?= <%s>\nTo: c05-02@units.foi.test\n"
			   "Subject: =?UTF-8?B?5pS/5bqc5L+h5oGv5YWs5byA55Sz6K+3?=\nDate: Thu, 28 Sep 2023 10:00:00 +0800\n"
			   "Message-ID: <%s@foi.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
			   "Content-Transfer-Encoding: 8bit\n\n所需信息内容描述：2023年度风景名胜区规划实施情况\n姓名：李明华\n",
			   from, token) > 0);
	char *pw = mail_password(&env, "evaluator@foi.test");
	cr_assert(pw);
	struct smtp_server srv = mail_smtp(&env, "evaluator@foi.test", pw);
	const char *to[] = {"c05-02@units.foi.test"};
	struct smtp_report rep;
	cr_assert_eq(smtp_send(&srv, from, to, 1, msg, strlen(msg), &rep, err, sizeof err), 0, "%s", err);
	smtp_report_free(&rep);
	free(msg);
	char *unit_box;
	cr_assert(asprintf(&unit_box, "%s/units.foi.test/c05-02/Maildir", base) > 0);
	cr_assert(delivered(unit_box, token, 15), "Postfix did not deliver to %s", unit_box);

	/* Three working days after 28 September: 7, 8 and 9 October. */
	char *json;
	cr_assert_eq(sim_clock(&s, "2023-10-09 12:00", &json), 200);
	const char *final = strstr(json, "\"step\":\"final\"");
	cr_assert(final, "%s", json);
	const char *id = strstr(final, "\"message_id\":\"");
	cr_assert(id);
	char *message_id = strndup(id + 14, strcspn(id + 14, "\""));
	free(json);

	size_t len;
	uint32_t uid;
	char *got = mail_wait_for(&env, "evaluator@foi.test", message_id, 15, &len, &uid, err, sizeof err);
	cr_assert(got, "the reply is not in the evaluator's INBOX: %s", err);
	cr_assert(strstr(got, "Date: Mon, 09 Oct 2023 10:00:00 +0800"), "%.600s", got);
	cr_assert(strstr(got, "charset=GBK"));
	char *subject = mail_subject(got, len);
	cr_assert(subject && strstr(subject, "政府信息公开申请答复书"), "%s", subject);
	free(subject);
	cr_assert_eq(internal_date("evaluator@foi.test", pw, uid), shanghai("2023-10-09 10:00"),
		     "Dovecot reports the simulated arrival");
	free(got);
	free(message_id);
	free(unit_box);
	free(pw);
	free(base);
	cr_assert_eq(sim_stop(&s), 0);
}

Test(sim_stack, the_bounce_unit_is_refused_by_postfix)
{
	struct foi_run r = run_shell("\"$FOI_SIM\" mailboxes --refused");
	cr_assert_eq(r.status, 0);
	char *refused = strndup(r.out, strcspn(r.out, " \n"));
	run_free(&r);
	cr_assert_str_eq(refused, "d27@units.foi.test");
	const char *set = getenv("FOI_MAIL_REFUSE");
	cr_assert(set && strstr(set, refused), "tests/run-tests starts the stack with FOI_MAIL_REFUSE from foi-sim");

	char token[17], from[64], *msg;
	mail_token(token);
	snprintf(from, sizeof from, "evaluator+%s@foi.test", token);
	cr_assert(asprintf(&msg, "From: %s\nTo: %s\nSubject: test\nMessage-ID: <%s@foi.test>\n\nhello\n", from, refused, token) > 0);
	char *pw = mail_password(&env, "evaluator@foi.test");
	struct smtp_server srv = mail_smtp(&env, "evaluator@foi.test", pw);
	const char *to[] = {refused};
	struct smtp_report rep;
	cr_assert_neq(smtp_send(&srv, from, to, 1, msg, strlen(msg), &rep, err, sizeof err), 0);
	cr_assert_eq(rep.outcome, SMTP_REFUSED, "%s", err);
	cr_assert_eq(rep.rcpt[0].reply.code, 550, "%s", err);
	smtp_report_free(&rep);
	free(msg);
	free(pw);
	free(refused);
}
