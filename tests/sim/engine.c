/* The simulated units' offices: what arrives, and what goes out when (see engine.h). */
#include "tests/sim/engine.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "harness/clock.h"
#include "harness/status.h"
#include "tests/sim/answer.h"
#include "tests/sim/letter.h"
#include "tests/sim/mail_in.h"
#include "tests/sim/mail_out.h"
#include "tests/sim/state.h"
#include "tests/sim/workdays.h"

__attribute__((format(printf, 2, 3))) static void say(const struct sim_engine *e, const char *fmt, ...)
{
	if (!e->log)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("foi-sim: ", e->log);
	vfprintf(e->log, fmt, ap);
	fputc('\n', e->log);
	va_end(ap);
	fflush(e->log);
}

static void local_text(time_t t, char *out, size_t outsz)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, outsz, "%Y-%m-%d %H:%M", &tm);
}

void engine_query_code(unsigned seed, const char *unit, long seq, char out[9])
{
	static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	char *input = g_strdup_printf("%u:%s:%ld", seed, unit, seq);
	char *hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, input, -1);
	for (int i = 0; i < 8; i++) {
		unsigned v = (unsigned)strtoul((char[]){hex[2 * i], hex[2 * i + 1], 0}, NULL, 16);
		out[i] = alphabet[v % 32];
	}
	out[8] = '\0';
	g_free(hex);
	g_free(input);
}

int engine_now(struct sim_engine *e, time_t *now, char *err, size_t errsz)
{
	int rc = state_clock(e->db, now, err, errsz);
	if (rc == 1) {
		snprintf(err, errsz, "the simulated clock was never set");
		return -1;
	}
	return rc;
}

int engine_init_clock(struct sim_engine *e, time_t init, char *err, size_t errsz)
{
	time_t now;
	int rc = state_clock(e->db, &now, err, errsz);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return state_set_clock(e->db, init, err, errsz);
	return 0;
}

static void lower_local(const char *addr, char *local, size_t localsz, char *domain, size_t domainsz)
{
	const char *at = strrchr(addr, '@');
	size_t n = at ? (size_t)(at - addr) : strlen(addr);
	const char *plus = memchr(addr, '+', n);
	if (plus)
		n = (size_t)(plus - addr);
	if (n >= localsz)
		n = localsz - 1;
	for (size_t i = 0; i < n; i++)
		local[i] = (char)tolower((unsigned char)addr[i]);
	local[n] = '\0';
	snprintf(domain, domainsz, "%s", at ? at + 1 : "");
	for (char *c = domain; *c; c++)
		*c = (char)tolower((unsigned char)*c);
}

void engine_unit_maildir(const struct sim_engine *e, const struct sim_unit *u, char *out, size_t outsz)
{
	char local[256], domain[256];
	lower_local(u->email, local, sizeof local, domain, sizeof domain);
	snprintf(out, outsz, "%s/%s/%s/Maildir", e->mail_base, domain, local);
}

/* Where mail to addr is delivered: the evaluator's Maildir, or BASE/DOMAIN/USER/Maildir. */
static int maildir_of(const struct sim_engine *e, const char *addr, char *out, size_t outsz,
		      char *err, size_t errsz)
{
	if (e->evaluator_maildir[0]) {
		snprintf(out, outsz, "%s", e->evaluator_maildir);
		return 0;
	}
	if (!e->mail_base[0]) {
		snprintf(err, errsz, "no mail folder to deliver to %s (give --maildirs or FOI_MAIL_DIR)", addr);
		return -1;
	}
	char local[256], domain[256], elocal[256], edomain[256];
	lower_local(addr, local, sizeof local, domain, sizeof domain);
	lower_local(e->profiles->evaluator, elocal, sizeof elocal, edomain, sizeof edomain);
	/* The address comes from a form or a mail: it must not lead out of the mail folder. */
	if (!local[0] || !domain[0] || local[0] == '.' || domain[0] == '.' || strchr(local, '/') ||
	    strchr(domain, '/')) {
		snprintf(err, errsz, "'%s' is not an address the mail stack can hold", addr);
		return -1;
	}
	if (snprintf(out, outsz, "%s/%s/%s/Maildir", e->mail_base, domain, local) >= (int)outsz) {
		snprintf(err, errsz, "mailbox path of %s too long", addr);
		return -1;
	}
	struct stat st;
	int is_evaluator = strcmp(local, elocal) == 0 && strcmp(domain, edomain) == 0;
	if (!is_evaluator && stat(out, &st) != 0) {
		foi_fail(err, errsz, FOI_E_NOT_FOUND, "no mailbox for %s (no %s)", addr, out);
		return -1;
	}
	return 0;
}

static int add_reply(struct sim_engine *e, const struct sim_request *r, const char *step,
		     time_t from, const struct sim_delay *d, char *err, size_t errsz)
{
	time_t due;
	if (workdays_due(e->cal, from, d, e->profiles->reply_minute, &due, err, errsz) != 0)
		return -1;
	char when[32];
	local_text(due, when, sizeof when);
	say(e, "%s: %s for request %ld due %s", r->unit, step, r->id, when);
	return state_add_reply(e->db, r->id, step, due, err, errsz);
}

/* The replies a new request earns; the extension and final wait for a supplement if one is asked. */
static int schedule_request(struct sim_engine *e, const struct sim_unit *u, struct sim_request *r,
			    char *err, size_t errsz)
{
	if (strcmp(r->channel, "mail") == 0 && u->mail == MAIL_DSN) {
		say(e, "%s: mailbox full, the request bounces", u->code);
		return state_add_reply(e->db, r->id, "dsn", r->arrived + 60, err, errsz);
	}
	if (strcmp(r->kind, "consult") == 0) {
		if (!u->consult_answer.set)
			return 0;
		int mail = r->reply_to && (strcmp(r->channel, "mail") == 0 || u->consult_mail);
		return mail ? add_reply(e, r, "answer", r->arrived, &u->consult_answer, err, errsz) : 0;
	}
	if (u->foi_ack.set && add_reply(e, r, "ack", r->arrived, &u->foi_ack, err, errsz) != 0)
		return -1;
	if (u->foi_supplement.set)
		return add_reply(e, r, "supplement", r->arrived, &u->foi_supplement, err, errsz);
	if (u->foi_extension.set && add_reply(e, r, "extension", r->arrived, &u->foi_extension, err, errsz) != 0)
		return -1;
	if (u->foi_final.set && add_reply(e, r, "final", r->arrived, &u->foi_final, err, errsz) != 0)
		return -1;
	return 0;
}

static int schedule_after_supplement(struct sim_engine *e, const struct sim_unit *u,
				     struct sim_request *r, time_t at, char *err, size_t errsz)
{
	if (u->foi_extension.set && add_reply(e, r, "extension", at, &u->foi_extension, err, errsz) != 0)
		return -1;
	if (u->foi_final.set && add_reply(e, r, "final", at, &u->foi_final, err, errsz) != 0)
		return -1;
	return 0;
}

int engine_receive_web(struct sim_engine *e, const struct sim_unit *u, const struct web_request *w,
		       char *code, size_t codesz, char *err, size_t errsz)
{
	if (state_begin(e->db, err, errsz) != 0)
		return -1;
	time_t now;
	long seq;
	char qc[9], counter[64];
	struct sim_request r;
	memset(&r, 0, sizeof r);
	snprintf(counter, sizeof counter, "code:%s", u->code);
	if (engine_now(e, &now, err, errsz) != 0 || state_next(e->db, counter, &seq, err, errsz) != 0)
		goto fail;
	engine_query_code(e->profiles->seed, u->code, seq, qc);
	snprintf(r.unit, sizeof r.unit, "%s", u->code);
	snprintf(r.kind, sizeof r.kind, "%s", w->kind);
	snprintf(r.channel, sizeof r.channel, "web");
	r.arrived = now;
	r.reply_to = w->email && *w->email ? (char *)w->email : NULL;
	r.bounce_to = r.reply_to;
	r.applicant = (char *)w->applicant;
	r.subject = (char *)(w->title && *w->title ? w->title : NULL);
	r.content = (char *)w->content;
	r.query_code = qc;
	r.form = (char *)w->form;
	if (strcmp(w->kind, "consult") == 0 && u->consult_answer.set &&
	    workdays_due(e->cal, now, &u->consult_answer, e->profiles->reply_minute, &r.answer_at, err, errsz) != 0)
		goto fail;
	if (state_add_request(e->db, &r, err, errsz) != 0 || schedule_request(e, u, &r, err, errsz) != 0 ||
	    state_commit(e->db, err, errsz) != 0)
		goto fail;
	char when[32];
	local_text(now, when, sizeof when);
	say(e, "%s: %s received by form at %s, query code %s", u->code,
	    strcmp(w->kind, "foi") == 0 ? "application" : "question", when, qc);
	snprintf(code, codesz, "%s", qc);
	return 0;
fail:
	state_rollback(e->db);
	return -1;
}

/* One file name of a Maildir folder, with the folder it is in. */
struct found_file {
	char *unique; /* the name before ':' (Dovecot adds flags after it when it moves a file) */
	char *path;
};

static int by_unique(const void *a, const void *b)
{
	return strcmp(((const struct found_file *)a)->unique, ((const struct found_file *)b)->unique);
}

static int list_maildir(const char *maildir, struct found_file **out, size_t *count, char *err, size_t errsz)
{
	*out = NULL;
	*count = 0;
	size_t cap = 0;
	static const char *const subs[] = {"new", "cur"};
	for (int s = 0; s < 2; s++) {
		char dir[4096];
		if (snprintf(dir, sizeof dir, "%s/%s", maildir, subs[s]) >= (int)sizeof dir) {
			snprintf(err, errsz, "maildir path too long");
			return -1;
		}
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *ent;
		while ((ent = readdir(d)) != NULL) {
			if (ent->d_name[0] == '.')
				continue;
			if (*count == cap) {
				cap = cap ? cap * 2 : 32;
				struct found_file *f = realloc(*out, cap * sizeof *f);
				if (!f) {
					closedir(d);
					snprintf(err, errsz, "out of memory");
					return -1;
				}
				*out = f;
			}
			struct found_file *f = &(*out)[*count];
			f->unique = strndup(ent->d_name, strcspn(ent->d_name, ":"));
			f->path = g_strdup_printf("%s/%s", dir, ent->d_name);
			if (!f->unique) {
				g_free(f->path);
				closedir(d);
				snprintf(err, errsz, "out of memory");
				return -1;
			}
			(*count)++;
		}
		closedir(d);
	}
	if (*count)
		qsort(*out, *count, sizeof **out, by_unique);
	return 0;
}

static void free_files(struct found_file *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].unique);
		g_free(f[i].path);
	}
	free(f);
}

/* Is this mail the applicant's supplement to a request that was asked for one? */
static int find_supplemented(struct sim_engine *e, const struct sim_unit *u, const struct mail_in *m,
			     struct sim_request *r, char *err, size_t errsz)
{
	if (m->in_reply_to) {
		char *ids = strdup(m->in_reply_to), *save = NULL;
		if (!ids) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		int rc = 0;
		for (char *id = strtok_r(ids, " ", &save); id && rc == 0; id = strtok_r(NULL, " ", &save))
			rc = state_find_by_notice(e->db, u->code, id, r, err, errsz);
		free(ids);
		if (rc != 0)
			return rc;
	}
	if (m->subject && strstr(m->subject, "补正") && m->reply_to)
		return state_find_awaiting_supplement(e->db, u->code, m->reply_to, r, err, errsz);
	return 0;
}

static int receive_mail(struct sim_engine *e, const struct sim_unit *u, const char *path, time_t now,
			int *received, char *err, size_t errsz)
{
	struct mail_in m;
	char why[512];
	if (mail_read(path, &m, why, sizeof why) != 0) {
		say(e, "%s: skipped %s", u->code, why);
		return 0;
	}
	int rc = 0;
	struct sim_request r;
	memset(&r, 0, sizeof r);
	time_t arrived = m.date > 0 && m.date <= now ? m.date : now;
	char when[32];
	local_text(arrived, when, sizeof when);
	if (m.message_id) {
		int dup = state_find_by_message_id(e->db, u->code, m.message_id, &r, err, errsz);
		if (dup < 0) {
			rc = -1;
			goto done;
		}
		if (dup) {
			say(e, "%s: message <%s> seen before, ignored", u->code, m.message_id);
			goto done;
		}
	}
	int supp = find_supplemented(e, u, &m, &r, err, errsz);
	if (supp < 0) {
		rc = -1;
		goto done;
	}
	if (supp && !r.supplemented) {
		say(e, "%s: supplement to request %ld received at %s", u->code, r.id, when);
		r.supplemented = arrived;
		if (state_set_supplement(e->db, r.id, arrived, m.message_id, err, errsz) != 0 ||
		    schedule_after_supplement(e, u, &r, arrived, err, errsz) != 0)
			rc = -1;
		else
			(*received)++;
		goto done;
	}
	state_request_free(&r);
	snprintf(r.unit, sizeof r.unit, "%s", u->code);
	snprintf(r.kind, sizeof r.kind, "%s", mail_is_foi_application(&m) ? "foi" : "consult");
	snprintf(r.channel, sizeof r.channel, "mail");
	r.arrived = arrived;
	r.message_id = m.message_id ? strdup(m.message_id) : NULL;
	r.reply_to = m.reply_to ? strdup(m.reply_to) : NULL;
	r.bounce_to = m.return_path ? strdup(m.return_path) : NULL;
	r.applicant = mail_applicant(&m);
	r.subject = m.subject ? strdup(m.subject) : NULL;
	r.content = mail_request_text(&m);
	r.headers = m.headers ? strdup(m.headers) : NULL;
	if (state_add_request(e->db, &r, err, errsz) != 0 || schedule_request(e, u, &r, err, errsz) != 0) {
		rc = -1;
		goto done;
	}
	say(e, "%s: %s received by mail at %s from %s", u->code,
	    strcmp(r.kind, "foi") == 0 ? "application" : "question", when, r.reply_to ? r.reply_to : "?");
	(*received)++;
done:
	state_request_free(&r);
	mail_in_free(&m);
	return rc;
}

static int scan_unit(struct sim_engine *e, const struct sim_unit *u, time_t now, int *received,
		     char *err, size_t errsz)
{
	char maildir[4096];
	engine_unit_maildir(e, u, maildir, sizeof maildir);
	struct found_file *files;
	size_t n;
	if (list_maildir(maildir, &files, &n, err, errsz) != 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int seen = state_seen(e->db, u->code, files[i].unique, err, errsz);
		if (seen < 0) {
			rc = -1;
			break;
		}
		if (seen)
			continue;
		if (state_mark_seen(e->db, u->code, files[i].unique, err, errsz) != 0) {
			rc = -1;
			break;
		}
		if (u->mail == MAIL_REJECT) {
			/* The mail stack should have refused it: see `foi-sim mailboxes`. */
			say(e, "%s: warning: mail was delivered to a unit whose address should not exist (%s)",
			    u->code, files[i].path);
			continue;
		}
		rc = receive_mail(e, u, files[i].path, now, received, err, errsz);
	}
	free_files(files, n);
	return rc;
}

int engine_scan(struct sim_engine *e, int *received, char *err, size_t errsz)
{
	*received = 0;
	if (!e->mail_base[0])
		return 0;
	if (state_begin(e->db, err, errsz) != 0)
		return -1;
	time_t now;
	if (engine_now(e, &now, err, errsz) != 0)
		goto fail;
	for (size_t i = 0; i < e->profiles->count; i++)
		if (scan_unit(e, &e->profiles->units[i], now, received, err, errsz) != 0)
			goto fail;
	if (state_commit(e->db, err, errsz) != 0)
		goto fail;
	return 0;
fail:
	state_rollback(e->db);
	return -1;
}

static char *joined_ids(const char *a, const char *b)
{
	if (!a && !b)
		return NULL;
	return g_strdup_printf("%s%s%s", a ? a : "", a && b ? " " : "", b ? b : "");
}

static int write_reply(struct sim_engine *e, const struct sim_unit *u, const struct sim_request *r,
		       const struct sim_reply *p, char *msgid, size_t msgidsz, char *file, size_t filesz,
		       char *err, size_t errsz)
{
	char stamp[32], local[64], domain[128], maildir[4096];
	struct tm tm;
	localtime_r(&p->due, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
	lower_local(u->email, local, sizeof local, domain, sizeof domain);
	snprintf(msgid, msgidsz, "%s.%ld.%s@%s", stamp, p->id, local, domain);

	char *bytes = NULL;
	size_t len = 0;
	const char *to;
	if (strcmp(p->step, "dsn") == 0) {
		to = r->bounce_to ? r->bounce_to : r->reply_to;
		if (!to) {
			snprintf(err, errsz, "no sender to return the message to");
			return -1;
		}
		struct mail_dsn d = {to, u->email, p->due, r->arrived, msgid, r->headers,
				     "552 5.2.2 <mailbox full>: user quota exceeded"};
		bytes = mail_render_dsn(&d, &len, err, errsz);
	} else {
		to = r->reply_to;
		if (!to) {
			snprintf(err, errsz, "the applicant gave no address to reply to");
			return -1;
		}
		struct letter_input in = {u, r, LETTER_FINAL, p->due, 0, 0, NULL};
		if (strcmp(p->step, "ack") == 0)
			in.kind = LETTER_ACK;
		else if (strcmp(p->step, "supplement") == 0)
			in.kind = LETTER_SUPPLEMENT;
		else if (strcmp(p->step, "extension") == 0)
			in.kind = LETTER_EXTENSION;
		else if (strcmp(p->step, "answer") == 0)
			in.kind = LETTER_ANSWER;
		if (in.kind == LETTER_SUPPLEMENT || in.kind == LETTER_EXTENSION || in.kind == LETTER_FINAL) {
			char counter[64];
			snprintf(counter, sizeof counter, "docno:%s", u->code);
			if (state_next(e->db, counter, &in.docno_seq, err, errsz) != 0)
				return -1;
			in.docno_seq += 10;
		}
		if (in.kind == LETTER_EXTENSION) {
			sched_day receipt, until;
			if (workdays_receipt_day(e->cal, r->supplemented ? r->supplemented : r->arrived,
						 &receipt, err, errsz) != 0 ||
			    workdays_nth_after(e->cal, receipt, 40, &until, err, errsz) != 0)
				return -1;
			in.extended_until = workdays_at(until, 12 * 60);
		}
		char *answer = in.kind == LETTER_ANSWER ? answer_text(e->templates, u, r) : NULL;
		if (in.kind == LETTER_ANSWER && !answer) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		in.answer = answer;
		struct letter l;
		int composed = letter_compose(&in, &l, err, errsz);
		free(answer);
		if (composed != 0)
			return -1;
		char *text = letter_text(&l);
		char *html = NULL, *cover = NULL;
		struct mail_out m = {u->name, u->email, to, l.subject, p->due, msgid, NULL, NULL,
				     u->reply_charset, text, NULL, NULL, NULL};
		const char *last = r->supplemented && r->supplement_message_id ? r->supplement_message_id
									       : r->message_id;
		m.in_reply_to = last;
		char *refs = joined_ids(r->message_id, r->supplemented ? r->supplement_message_id : NULL);
		m.references = refs;
		if (in.kind == LETTER_FINAL && u->reply_format != LETTER_BODY) {
			cover = g_strdup_printf("%s：\r\n\xe3\x80\x80\xe3\x80\x80您好！现将《%s》发送给您，详见附件，请查收。\r\n\r\n%s\r\n",
						r->applicant && *r->applicant ? r->applicant : "申请人",
						l.title ? l.title : "政府信息公开申请答复书", u->name);
			m.body = cover;
			if (u->reply_format == LETTER_HTML) {
				html = letter_html(&l, u->reply_charset);
				m.attach_name = "政府信息公开申请答复书.html";
				m.attach_subtype = "html";
				m.attach_body = html;
			} else {
				m.attach_name = "政府信息公开申请答复书.txt";
				m.attach_subtype = "plain";
				m.attach_body = text;
			}
		}
		if (text && (u->reply_format == LETTER_BODY || in.kind != LETTER_FINAL || m.attach_body))
			bytes = mail_render(&m, &len, err, errsz);
		else
			snprintf(err, errsz, "out of memory");
		g_free(refs);
		g_free(cover);
		free(html);
		free(text);
		letter_free(&l);
	}
	if (!bytes)
		return -1;
	int rc = maildir_of(e, to, maildir, sizeof maildir, err, errsz);
	if (rc == 0)
		rc = maildir_deliver(maildir, strcmp(p->step, "dsn") == 0 ? "" : u->email, to, p->due,
				     bytes, len, p->id, file, filesz, err, errsz);
	free(bytes);
	return rc;
}

static int deliver_one(struct sim_engine *e, const struct sim_reply *p, cJSON *sent, char *err, size_t errsz)
{
	struct sim_request r;
	int found = state_get_request(e->db, p->request_id, &r, err, errsz);
	if (found <= 0) {
		if (found == 0)
			snprintf(err, errsz, "reply %ld belongs to no request", p->id);
		return -1;
	}
	const struct sim_unit *u = profiles_find(e->profiles, r.unit);
	char msgid[512] = "", file[4096] = "", why[1024] = "";
	int ok = 0;
	if (!u)
		snprintf(why, sizeof why, "unit %s is not in the profiles any more", r.unit);
	else if (write_reply(e, u, &r, p, msgid, sizeof msgid, file, sizeof file, why, sizeof why) == 0)
		ok = 1;
	char when[32];
	local_text(p->due, when, sizeof when);
	if (ok)
		say(e, "%s: sent %s for request %ld at %s to %s", r.unit, p->step, r.id, when,
		    strcmp(p->step, "dsn") == 0 ? r.bounce_to : r.reply_to);
	else
		say(e, "%s: could not send %s for request %ld: %s", r.unit, p->step, r.id, why);
	int rc = state_mark_sent(e->db, p->id, p->due, ok ? msgid : NULL, ok ? file : NULL,
				 ok ? NULL : why, err, errsz);
	if (sent) {
		cJSON *o = cJSON_CreateObject();
		if (o) {
			char iso[CLOCK_ISO_MAX];
			clock_format_iso(p->due, iso);
			cJSON_AddStringToObject(o, "unit", r.unit);
			cJSON_AddStringToObject(o, "step", p->step);
			cJSON_AddNumberToObject(o, "request", (double)r.id);
			cJSON_AddStringToObject(o, "date", iso);
			if (ok) {
				cJSON_AddStringToObject(o, "message_id", msgid);
				cJSON_AddStringToObject(o, "file", file);
			} else
				cJSON_AddStringToObject(o, "error", why);
			cJSON_AddItemToArray(sent, o);
		}
	}
	state_request_free(&r);
	return rc;
}

int engine_advance(struct sim_engine *e, time_t to, cJSON *report, char *err, size_t errsz)
{
	time_t now;
	if (engine_now(e, &now, err, errsz) != 0)
		return -1;
	if (to < now) {
		char a[32], b[32];
		local_text(now, a, sizeof a);
		local_text(to, b, sizeof b);
		snprintf(err, errsz, "the simulated clock only moves forward (it is %s, not %s)", a, b);
		return -1;
	}
	/* The Maildirs are read at the new time: a mail's own Date says when it arrived. */
	if (state_begin(e->db, err, errsz) != 0)
		return -1;
	if (state_set_clock(e->db, to, err, errsz) != 0 || state_commit(e->db, err, errsz) != 0) {
		state_rollback(e->db);
		return -1;
	}
	int received = 0;
	if (engine_scan(e, &received, err, errsz) != 0)
		return -1;
	cJSON *sent = report ? cJSON_AddArrayToObject(report, "sent") : NULL;
	for (;;) {
		struct sim_reply p;
		if (state_begin(e->db, err, errsz) != 0)
			return -1;
		int rc = state_next_due(e->db, to, &p, err, errsz);
		if (rc == 1) {
			rc = deliver_one(e, &p, sent, err, errsz) == 0 ? 1 : -1;
			state_reply_free(&p);
		}
		if (rc < 0) {
			state_rollback(e->db);
			return -1;
		}
		if (state_commit(e->db, err, errsz) != 0) {
			state_rollback(e->db);
			return -1;
		}
		if (rc == 0)
			break;
	}
	if (report) {
		char iso[CLOCK_ISO_MAX];
		clock_format_iso(to, iso);
		cJSON_AddStringToObject(report, "now", iso);
		cJSON_AddNumberToObject(report, "received", received);
	}
	return 0;
}
