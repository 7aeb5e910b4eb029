/* Fetching what is new in the evaluator's IMAP mailbox, one stored transaction per message. */
#include "harness/mail/inbox_fetch.h"
#include "harness/mail/imap_fetch.h"
#include "harness/mail/inbox_store.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum foi_status imap_error(enum imap_status st, const char *why, char *err, size_t errsz)
{
	enum foi_status s = st == IMAP_ERR_NOMEM ? FOI_E_NOMEM : st == IMAP_ERR_USAGE ? FOI_E_USAGE : FOI_E_NET;
	return foi_fail(err, errsz, s, "%s", why);
}

static void count(struct inbox_fetch_result *r, const struct inbox_stored *s)
{
	if (s->duplicate) {
		r->duplicates++;
		return;
	}
	r->stored++;
	if (s->request)
		r->matched++;
	else
		r->unmatched++;
	r->bounces += strcmp(s->kind, "bounce") == 0;
	r->auto_replies += strcmp(s->kind, "auto-reply") == 0;
	r->malformed += s->malformed;
}

/* Reads every arrival from one UID on and stores each message. */
static enum foi_status fetch_from(struct workspace *ws, struct imap_client *c, const char *mailbox,
				  uint32_t uidvalidity, uint32_t from, const struct inbox_fetch_hooks *h,
				  struct inbox_fetch_result *r, char *err, size_t errsz)
{
	char store_dir[PATH_MAX], why[1024];
	if (workspace_path(ws, WORKSPACE_STORE, store_dir) != 0)
		return foi_fail(err, errsz, FOI_E_IO, "inbox: the workspace path is too long");
	struct imap_arrivals arr;
	enum imap_status is = imap_arrivals_from(c, from, &arr, why, sizeof why);
	if (is != IMAP_OK)
		return imap_error(is, why, err, errsz);
	enum foi_status st = FOI_OK;
	for (size_t i = 0; i < arr.n && st == FOI_OK; i++) {
		if (h && h->progress)
			h->progress(h->ctx, i, arr.n);
		char *raw;
		size_t len;
		is = imap_fetch_uid(c, uidvalidity, arr.at[i].uid, &raw, &len, why, sizeof why);
		if (is == IMAP_ERR_NO_MESSAGE) {
			/* Expunged since the list was read: nothing to store. */
			continue;
		}
		if (is != IMAP_OK) {
			st = imap_error(is, why, err, errsz);
			break;
		}
		r->fetched++;
		struct inbox_place place = {mailbox, uidvalidity, arr.at[i].uid};
		struct inbox_stored s;
		st = inbox_store(ws->db, store_dir, &ws->settings, raw, len, arr.at[i].internaldate, &place, &s, err, errsz);
		free(raw);
		if (st != FOI_OK)
			break;
		count(r, &s);
		if (s.malformed && !s.duplicate && h && h->problem)
			h->problem(h->ctx, arr.at[i].uid, s.message, "stored with problems (see 'foi inbox show')");
	}
	if (h && h->progress && st == FOI_OK)
		h->progress(h->ctx, arr.n, arr.n);
	imap_arrivals_free(&arr);
	return st;
}

enum foi_status inbox_fetch(struct workspace *ws, const struct inbox_fetch_hooks *h, struct inbox_fetch_result *r,
			    char *err, size_t errsz)
{
	*r = (struct inbox_fetch_result){0};
	const struct settings *s = &ws->settings;
	if (!*s->imap_user)
		return foi_fail(err, errsz, FOI_E_USAGE, "inbox: no IMAP account: set imap_user (and the password, or "
				"FOI_IMAP_PASSWORD) in [mail] of foi.ini");
	struct imap_account acct = {
		.host = s->imap_host,
		.port = (unsigned)s->imap_port,
		.user = s->imap_user,
		.password = s->imap_password,
		.tls = s->imap_tls,
		.ca_file = *s->imap_ca_file ? s->imap_ca_file : NULL,
		.mailbox = s->imap_mailbox,
	};
	char mailbox[3 * SETTINGS_TEXT_MAX + 16], why[1024];
	snprintf(mailbox, sizeof mailbox, "%s@%s:%d/%s", s->imap_user, s->imap_host, s->imap_port, s->imap_mailbox);
	struct imap_client *c;
	enum imap_status is = imap_open(&acct, &c, why, sizeof why);
	if (is != IMAP_OK)
		return imap_error(is, why, err, errsz);
	struct imap_mailbox_state box;
	enum foi_status st = FOI_OK;
	is = imap_examine(c, &box, why, sizeof why);
	if (is != IMAP_OK)
		st = imap_error(is, why, err, errsz);
	int known = 0;
	uint32_t validity = 0, last = 0;
	if (st == FOI_OK)
		st = inbox_position(ws->db, mailbox, &known, &validity, &last, err, errsz);
	if (st == FOI_OK) {
		/* A new UIDVALIDITY voids every UID known: read everything again. */
		r->uidvalidity_changed = known && validity != box.uidvalidity;
		uint32_t from = known && !r->uidvalidity_changed ? last + 1 : 1;
		if (from != 0) /* last == UINT32_MAX: nothing can follow */
			st = fetch_from(ws, c, mailbox, box.uidvalidity, from, h, r, err, errsz);
	}
	imap_close(c);
	return st;
}
