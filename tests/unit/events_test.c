/* Events of a request as the inbox and the hand entries record them: checked, stored, listed in order. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "harness/events.h"
#include "harness/store.h"
#include "tests/unit/run_foi.h"

static sqlite3 *db_with_one_request(void)
{
	char *dir = make_temp_dir();
	char path[4096];
	snprintf(path, sizeof path, "%s/foi.db", dir);
	sqlite3 *db;
	char err[1024];
	cr_assert_eq(store_open(path, 1, &db, err, sizeof err), 0, "%s", err);
	cr_assert_eq(store_exec(db,
				"INSERT INTO units (code, name, level, position) VALUES ('D01', '市发展和改革委员会', 'department', 1);"
				"INSERT INTO rounds (id, name, created_at, seed, kinds, start_date, spread_days)"
				" VALUES (1, 'r', '2023-09-28T09:00:00+08:00', 7, 'foi', '2023-10-09', 5);"
				"INSERT INTO requests (id, round_id, unit, target, kind, template_id, channel, address, persona,"
				" send_at, token, reply_to, subject, body, state) VALUES (1, 1, 'D01', 'D01', 'foi', 't', 'email',"
				" 'xxgk@d01.foi.test', 'a', '2023-10-09T10:00:00+08:00', 'tok', 'a@foi.test', 's', 'b', 'sent');",
				err, sizeof err),
		     0, "%s", err);
	return db;
}

Test(events, are_listed_oldest_first_with_what_was_recorded)
{
	sqlite3 *db = db_with_one_request();
	char err[256];
	struct event_new final = {.request_id = 1, .kind = EVENT_FINAL, .at = "2023-11-03T16:20:00+08:00",
				  .channel = "email", .source = "hand", .evidence = "entered by 李审核", .text = "答复书"};
	struct event_new ack = {.request_id = 1, .kind = EVENT_ACK, .at = "2023-10-09T11:00:00+08:00",
				.channel = "email", .source = "hand"};
	int64_t id1 = 0, id2 = 0;
	cr_assert_eq(events_add(db, &final, &id1, err, sizeof err), FOI_OK, "%s", err);
	cr_assert_eq(events_add(db, &ack, &id2, err, sizeof err), FOI_OK, "%s", err);
	cr_assert_neq(id1, id2);
	struct event_list list;
	cr_assert_eq(events_for_request(db, 1, &list, err, sizeof err), FOI_OK, "%s", err);
	cr_assert_eq(list.count, 2);
	cr_assert_eq(list.rows[0].kind, EVENT_ACK, "the acknowledgement came first in time");
	cr_assert_eq(list.rows[1].kind, EVENT_FINAL);
	cr_assert_str_eq(list.rows[1].text, "答复书");
	cr_assert_str_eq(list.rows[1].evidence, "entered by 李审核");
	cr_assert_eq(list.rows[1].message, 0);
	event_list_free(&list);
	store_close(db);
}

Test(events, refuse_an_unknown_request_channel_or_source)
{
	sqlite3 *db = db_with_one_request();
	char err[256];
	struct event_new ev = {.request_id = 99, .kind = EVENT_FINAL, .at = "2023-11-03T16:20:00+08:00",
			       .channel = "email", .source = "hand"};
	cr_assert_eq(events_add(db, &ev, NULL, err, sizeof err), FOI_E_NOT_FOUND);
	cr_assert(strstr(err, "99"), "%s", err);
	ev.request_id = 1;
	ev.channel = "fax";
	cr_assert_eq(events_add(db, &ev, NULL, err, sizeof err), FOI_E_DATA);
	cr_assert(strstr(err, "fax"), "%s", err);
	ev.channel = "post";
	ev.source = "rumour";
	cr_assert_eq(events_add(db, &ev, NULL, err, sizeof err), FOI_E_DATA);
	struct event_list list;
	cr_assert_eq(events_for_request(db, 1, &list, err, sizeof err), FOI_OK, "%s", err);
	cr_assert_eq(list.count, 0, "nothing refused was stored");
	event_list_free(&list);
	store_close(db);
}

Test(events, kind_names_round_trip)
{
	enum event_kind k;
	for (int i = EVENT_ACK; i <= EVENT_AUTO_REPLY; i++) {
		cr_assert_eq(event_kind_parse(event_kind_name((enum event_kind)i), &k), 0);
		cr_assert_eq((int)k, i);
	}
	cr_assert_eq(event_kind_parse("reply", &k), -1);
}
