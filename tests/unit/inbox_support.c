/* Support for the inbox tests: a folder of the evaluator's mailbox, a workspace, foi.db. */
#include "tests/unit/inbox_support.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/run_foi.h"
#include "tests/unit/send_support.h"
#include "tests/unit/sim_support.h"

static struct stat owner_of(const char *path)
{
	struct stat st;
	cr_assert_eq(stat(path, &st), 0, "%s: %m", path);
	return st;
}

void inbox_box_make(struct inbox_box *b, const struct mail_env *env)
{
	static int seq;
	memset(b, 0, sizeof *b);
	char tok[17];
	mail_token(tok);
	snprintf(b->name, sizeof b->name, "t%.8s%d", tok, ++seq);
	char root[400];
	snprintf(root, sizeof root, "%s/mail/foi.test/evaluator/Maildir", env->dir);
	snprintf(b->path, sizeof b->path, "%s/.%s", root, b->name);
	struct stat st = owner_of(root);
	struct foi_run r = run_shell("mkdir -p '%s/cur' '%s/new' '%s/tmp' && chown -R %u:%u '%s'", b->path, b->path, b->path,
				     (unsigned)st.st_uid, (unsigned)st.st_gid, b->path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}

void inbox_box_put(struct inbox_box *b, const char *text, size_t len, const char *when)
{
	char tmp[700], dest[700];
	snprintf(tmp, sizeof tmp, "%s/tmp/%d.M%dP%d.test", b->path, b->n, b->n, (int)getpid());
	snprintf(dest, sizeof dest, "%s/new/%d.M%dP%d.test", b->path, b->n, b->n, (int)getpid());
	b->n++;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert(fd >= 0, "%s: %m", tmp);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, text + off, len - off);
		cr_assert(w > 0, "%s: %m", tmp);
		off += (size_t)w;
	}
	struct stat st = owner_of(b->path);
	cr_assert_eq(fchown(fd, st.st_uid, st.st_gid), 0);
	close(fd);
	time_t t = shanghai(when);
	struct timeval tv[2] = {{t, 0}, {t, 0}};
	cr_assert_eq(utimes(tmp, tv), 0);
	cr_assert_eq(rename(tmp, dest), 0);
}

void inbox_box_recreate(struct inbox_box *b)
{
	/* Dovecot's UIDVALIDITY of a new folder is the time it is made: a second later it differs. */
	struct stat st = owner_of(b->path);
	struct foi_run r = run_shell(
		"set -e; cd '%s/..'; mv '.%s' '.%s.old'; sleep 1.2; mkdir -p '.%s/cur' '.%s/new' '.%s/tmp'; "
		"for f in '.%s.old'/cur/* '.%s.old'/new/*; do [ -e \"$f\" ] || continue; b=$(basename \"$f\"); "
		"cp -p \"$f\" \".%s/new/${b%%%%:*}\"; done; rm -rf '.%s.old'; chown -R %u:%u '.%s'",
		b->path, b->name, b->name, b->name, b->name, b->name, b->name, b->name, b->name, b->name,
		(unsigned)st.st_uid, (unsigned)st.st_gid, b->name);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}

char *inbox_workspace(const struct mail_env *env, const char *password, const char *mailbox)
{
	struct send_server srv = {.host = "127.0.0.1", .port = env->smtp_port, .tls = "required",
				  .ca_file = env->ca_file, .user = INBOX_EVALUATOR, .password = password};
	char *dir = send_workspace(&srv);
	struct foi_run r = run_shell("cd '%s' && sed -i -e 's|^imap_port =.*|imap_port = %u|' "
				     "-e 's|^imap_user =.*|imap_user = %s|' -e 's|^imap_password =.*|imap_password = %s|' "
				     "-e 's|^imap_ca_file =.*|imap_ca_file = %s|' -e 's|^imap_mailbox =.*|imap_mailbox = %s|' foi.ini",
				     dir, env->imap_port, INBOX_EVALUATOR, password, env->ca_file, mailbox);
	cr_assert_eq(r.status, 0, "editing foi.ini: %s", r.err);
	run_free(&r);
	return dir;
}

static char *replace_all(char *text, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	for (char *p = strstr(text, from); p; p = strstr(text, from)) {
		size_t off = (size_t)(p - text), n = strlen(text);
		char *grown = malloc(n - fl + tl + 1);
		cr_assert_not_null(grown);
		memcpy(grown, text, off);
		memcpy(grown + off, to, tl);
		memcpy(grown + off + tl, p + fl, n - off - fl + 1);
		free(text);
		text = grown;
	}
	return text;
}

char *inbox_fixture(const char *name, const char *to, const char *unit, const char *msgid, const char *token,
		    size_t *len)
{
	char rel[300];
	snprintf(rel, sizeof rel, "tests/fixtures/inbox/%s", name);
	char *text = read_file(src_path(rel));
	cr_assert_not_null(text, "no fixture %s", rel);
	text = replace_all(text, "@TO@", to);
	text = replace_all(text, "@UNIT@", unit);
	text = replace_all(text, "@MSGID@", msgid);
	text = replace_all(text, "@TOKEN@", token);
	*len = strlen(text);
	return text;
}

static sqlite3_stmt *query(const char *dir, sqlite3 **db, const char *fmt, va_list ap)
{
	char path[600], *sql;
	snprintf(path, sizeof path, "%s/foi.db", dir);
	cr_assert_eq(sqlite3_open(path, db), SQLITE_OK, "%s", path);
	sqlite3_busy_timeout(*db, 5000);
	cr_assert(vasprintf(&sql, fmt, ap) >= 0);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(*db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(*db));
	free(sql);
	return st;
}

char *db_text(const char *dir, const char *fmt, ...)
{
	sqlite3 *db;
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = query(dir, &db, fmt, ap);
	va_end(ap);
	char *out = strdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
			   ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

long long db_number(const char *dir, const char *fmt, ...)
{
	sqlite3 *db;
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = query(dir, &db, fmt, ap);
	va_end(ap);
	long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

void db_exec(const char *dir, const char *fmt, ...)
{
	sqlite3 *db;
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = query(dir, &db, fmt, ap);
	va_end(ap);
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_close(db);
}
