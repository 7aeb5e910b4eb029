/* Matching an incoming message to the request it answers, strongest evidence first. */
#include "harness/mail/inbox_match.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static enum foi_status db_error(sqlite3 *db, char *err, size_t errsz)
{
	return foi_fail(err, errsz, FOI_E_DB, "inbox: database: %s", sqlite3_errmsg(db));
}

static enum foi_status found(struct inbox_match *m, int64_t id, char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum foi_status found(struct inbox_match *m, int64_t id, char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&m->evidence, fmt, ap);
	va_end(ap);
	if (n < 0) {
		m->evidence = NULL;
		return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
	}
	m->request_id = id;
	return FOI_OK;
}

/* The one request the query (one text parameter) names; 0 when none or more than one. */
static enum foi_status unique_request(sqlite3 *db, const char *sql, const char *value, int64_t *id, char *err,
				      size_t errsz)
{
	sqlite3_stmt *st;
	*id = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	int rc, rows = 0, ambiguous = 0;
	int64_t first = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t v = sqlite3_column_int64(st, 0);
		if (rows++ == 0)
			first = v;
		else if (v != first)
			ambiguous = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, err, errsz);
	if (rows && !ambiguous)
		*id = first;
	return FOI_OK;
}

static const char *domain_of(const char *addr)
{
	const char *at = strrchr(addr, '@');
	return at ? at + 1 : "";
}

/* Step 3: the reply address among the recipients, and the sender is the unit. */
static enum foi_status by_reply_address(sqlite3 *db, const struct mail_envelope *e, struct inbox_match *m, char *err,
					size_t errsz)
{
	if (!*e->from_addr)
		return FOI_OK;
	sqlite3_stmt *st;
	/* Requests sent to this reply address; the sender is scored against the unit: 2 for the
	 * address the request went to or one the unit used before, 1 for its domain. */
	const char *sql =
		"SELECT r.id, r.unit, lower(r.address), lower(u.email),"
		" EXISTS (SELECT 1 FROM messages m JOIN requests o ON o.id = m.request_id"
		"         WHERE o.target = r.target AND m.from_addr = ?2)"
		" FROM requests r JOIN units u ON u.code = r.target"
		" WHERE lower(r.reply_to) = ?1"
		"   AND EXISTS (SELECT 1 FROM attempts a WHERE a.request_id = r.id AND a.outcome IN ('sent', 'unknown'))";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	for (size_t i = 0; i < e->nrecipients && !m->request_id; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, e->recipients[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->from_addr, -1, SQLITE_STATIC);
		int64_t best_id = 0;
		int best = 0, ties = 0, rc;
		char why[160] = "";
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *addr = (const char *)sqlite3_column_text(st, 2);
			const char *email = (const char *)sqlite3_column_text(st, 3);
			int used = sqlite3_column_int(st, 4), score = 0;
			const char *how = "";
			if (strcasecmp(e->from_addr, addr) == 0 || strcasecmp(e->from_addr, email) == 0)
				score = 2, how = "the unit's address";
			else if (used)
				score = 2, how = "an address the unit used before";
			else if ((strchr(addr, '@') && strcasecmp(domain_of(e->from_addr), domain_of(addr)) == 0) ||
				 (*email && strcasecmp(domain_of(e->from_addr), domain_of(email)) == 0))
				score = 1, how = "the unit's mail domain";
			if (score > best) {
				best = score, ties = 0, best_id = sqlite3_column_int64(st, 0);
				snprintf(why, sizeof why, "%s of unit %s", how, (const char *)sqlite3_column_text(st, 1));
			} else if (score && score == best)
				ties++;
		}
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_error(db, err, errsz);
		}
		/* Two requests as likely as each other: a person decides. */
		if (best && !ties) {
			enum foi_status s = found(m, best_id, err, errsz, "sent to %s, the reply address of request %lld, "
						  "from %s, %s", e->recipients[i], (long long)best_id, e->from_addr, why);
			sqlite3_finalize(st);
			return s;
		}
	}
	sqlite3_finalize(st);
	return FOI_OK;
}

/* Step 4: a query code or a token in the subject or the text. */
static enum foi_status by_code_in_text(sqlite3 *db, const struct mail_envelope *e, const char *text,
				       struct inbox_match *m, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	const char *sql = "SELECT request_id, confirmation, 'query code' FROM attempts WHERE length(confirmation) >= 6"
			  " UNION SELECT id, token, 'token' FROM requests WHERE length(token) >= 8";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, err, errsz);
	int64_t id = 0;
	int n = 0, rc;
	char what[16] = "", code[128] = "", where[16] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 1);
		const char *in = strstr(e->subject, c) ? "subject" : strstr(text, c) ? "text" : NULL;
		if (!in)
			continue;
		int64_t v = sqlite3_column_int64(st, 0);
		if (n == 0 || v != id) {
			n++;
			id = v;
			snprintf(what, sizeof what, "%s", (const char *)sqlite3_column_text(st, 2));
			snprintf(code, sizeof code, "%s", c);
			snprintf(where, sizeof where, "%s", in);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(db, err, errsz);
	if (n != 1)
		return FOI_OK;
	return found(m, id, err, errsz, "the %s %s of request %lld in the %s", what, code, (long long)id, where);
}

enum foi_status inbox_match(sqlite3 *db, const struct mail_envelope *e, const char *text, const char *delimiter,
			    struct inbox_match *out, char *err, size_t errsz)
{
	*out = (struct inbox_match){0};
	int64_t id;
	enum foi_status s;
	/* 1: the Message-ID of a mail foi sent (a bounce's returned original first). */
	if (e->dsn.bounce && e->dsn.original_id && *e->dsn.original_id) {
		if ((s = unique_request(db, "SELECT request_id FROM attempts WHERE message_id = ?", e->dsn.original_id,
					&id, err, errsz)) != FOI_OK)
			return s;
		if (id)
			return found(out, id, err, errsz, "the returned message is <%s>, sent for request %lld",
				     e->dsn.original_id, (long long)id);
	}
	for (size_t i = 0; i < e->nrefs; i++) {
		if ((s = unique_request(db, "SELECT request_id FROM attempts WHERE message_id = ?", e->refs[i], &id, err,
					errsz)) != FOI_OK)
			return s;
		if (id)
			return found(out, id, err, errsz, "%s names <%s>, sent for request %lld",
				     i == 0 ? "In-Reply-To" : "References", e->refs[i], (long long)id);
	}
	/* 2: the token in a recipient address (name+TOKEN@domain). */
	size_t dl = strlen(delimiter);
	for (size_t i = 0; dl && i < e->nrecipients; i++) {
		const char *at = strrchr(e->recipients[i], '@'), *d = strstr(e->recipients[i], delimiter);
		if (!at || !d || d > at)
			continue;
		char *token = strndup(d + dl, (size_t)(at - d - (ptrdiff_t)dl));
		if (!token)
			return foi_fail(err, errsz, FOI_E_NOMEM, "inbox: out of memory");
		id = 0;
		s = *token ? unique_request(db, "SELECT id FROM requests WHERE lower(token) = lower(?)", token, &id, err,
					    errsz) : FOI_OK;
		free(token);
		if (s != FOI_OK)
			return s;
		if (id)
			return found(out, id, err, errsz, "recipient %s carries the token of request %lld",
				     e->recipients[i], (long long)id);
	}
	/* A bounce: the failed recipient is where exactly one request was sent. */
	for (size_t i = 0; e->dsn.bounce && i < e->dsn.nrecipients; i++) {
		if ((s = unique_request(db, "SELECT request_id FROM attempts WHERE lower(address) = ? AND outcome IN "
					    "('sent', 'unknown') ORDER BY request_id", e->dsn.recipients[i], &id, err,
					errsz)) != FOI_OK)
			return s;
		if (id)
			return found(out, id, err, errsz, "the failed recipient %s is where request %lld was sent",
				     e->dsn.recipients[i], (long long)id);
	}
	/* 3: the reply address with the unit; 4: a code in the subject or text. */
	if ((s = by_reply_address(db, e, out, err, errsz)) != FOI_OK || out->request_id)
		return s;
	return by_code_in_text(db, e, text, out, err, errsz);
}
