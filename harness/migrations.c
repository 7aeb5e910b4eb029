/*
 * The schema of foi.db as a list of forward migrations. Append only: a released migration is
 * never edited, because workspaces already carry it. Version N = the first N entries applied.
 */
#include "harness/store.h"

const char *const store_migrations[] = {
	/* 1: units under evaluation and the journal of what commands changed */
	"CREATE TABLE units ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN ('county', 'department')),"
	"  parent TEXT REFERENCES units(code) DEFERRABLE INITIALLY DEFERRED,"
	"  guide_url TEXT NOT NULL DEFAULT '',"
	"  foi_form_url TEXT NOT NULL DEFAULT '',"
	"  consult_form_url TEXT NOT NULL DEFAULT '',"
	"  email TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL"
	");"
	"CREATE TABLE journal ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  command TEXT NOT NULL,"
	"  detail TEXT NOT NULL"
	");",

	/* 2: the domains a unit is responsible for (space-separated codes of templates/domain.c) */
	"ALTER TABLE units ADD COLUMN domain TEXT NOT NULL DEFAULT '';",

	/* 3: imported holiday calendars. The workspace's calendar is the shipped one with these
	 * years replacing it; deadlines are computed from it on demand and never stored. Each
	 * import is kept with the days whose answer it changed (before/after: working, rest,
	 * no data). */
	"CREATE TABLE calendar_imports ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  file TEXT NOT NULL,"
	"  years TEXT NOT NULL,"
	"  summary TEXT NOT NULL"
	");"
	"CREATE TABLE calendar_years ("
	"  year INTEGER PRIMARY KEY,"
	"  import_id INTEGER NOT NULL REFERENCES calendar_imports(id),"
	"  source TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE calendar_days ("
	"  year INTEGER NOT NULL REFERENCES calendar_years(year) ON DELETE CASCADE,"
	"  day TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('off', 'work')),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (year, day)"
	");"
	"CREATE TABLE calendar_changes ("
	"  import_id INTEGER NOT NULL REFERENCES calendar_imports(id),"
	"  day TEXT NOT NULL,"
	"  before TEXT NOT NULL,"
	"  after TEXT NOT NULL,"
	"  holiday TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (import_id, day)"
	");",

	/* 4: rounds: the plan of a testing round, its draws, its requests and every edit */
	"CREATE TABLE rounds ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  kinds TEXT NOT NULL,"
	"  start_date TEXT NOT NULL,"
	"  spread_days INTEGER NOT NULL"
	");"
	"CREATE TABLE round_draws ("
	"  round_id INTEGER NOT NULL REFERENCES rounds(id),"
	"  county TEXT NOT NULL REFERENCES units(code),"
	"  target TEXT NOT NULL REFERENCES units(code),"
	"  pool TEXT NOT NULL,"
	"  PRIMARY KEY (round_id, county)"
	");"
	"CREATE TABLE requests ("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES rounds(id),"
	"  unit TEXT NOT NULL REFERENCES units(code),"
	"  target TEXT NOT NULL REFERENCES units(code),"
	"  kind TEXT NOT NULL CHECK (kind IN ('foi', 'consult')),"
	"  template_id TEXT NOT NULL,"
	"  channel TEXT NOT NULL CHECK (channel IN ('web', 'email', 'none')),"
	"  address TEXT NOT NULL,"
	"  persona TEXT NOT NULL,"
	"  send_at TEXT NOT NULL,"
	"  token TEXT NOT NULL UNIQUE,"
	"  reply_to TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  body TEXT NOT NULL,"
	"  state TEXT NOT NULL,"
	"  UNIQUE (round_id, unit, kind)"
	");"
	"CREATE TABLE round_edits ("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES rounds(id),"
	"  request_id INTEGER,"
	"  at TEXT NOT NULL,"
	"  what TEXT NOT NULL,"
	"  before TEXT NOT NULL,"
	"  after TEXT NOT NULL"
	");",

	/* 5: the outbox. Every attempt to send a request, committed as 'sending' before the
	 * network is touched (at most once: a 'sending' attempt found by a later run is 'unknown',
	 * never retried by itself). prior_state is what the request returns to when nothing left
	 * the machine (no session); raw is the SHA-256 of the exact bytes sent, kept in store/. */
	"CREATE TABLE attempts ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES requests(id),"
	"  channel TEXT NOT NULL,"
	"  address TEXT NOT NULL,"
	"  started_at TEXT NOT NULL,"
	"  finished_at TEXT,"
	"  outcome TEXT NOT NULL CHECK (outcome IN ('sending', 'sent', 'failed', 'unknown', 'not-sent')),"
	"  prior_state TEXT NOT NULL,"
	"  message_id TEXT NOT NULL DEFAULT '',"
	"  confirmation TEXT NOT NULL DEFAULT '',"
	"  detail TEXT NOT NULL DEFAULT '',"
	"  raw TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX attempts_by_request ON attempts(request_id);",

	/* 6: replies. messages: every message fetched from the evaluator's mailbox, stored once
	 * (by content hash; raw bytes in store/), matched to a request, held for a person, or
	 * ignored with a reason. events: what happened to a request after it was sent, whatever
	 * the source (a matched message, an answer published on the unit's website, a letter or
	 * call recorded by hand). A request's reply state and deadlines are derived from its
	 * events and the clock, never stored. event_kind_changes: a reviewer's correction of the
	 * kind suggested for an event, never overwritten. */
	"CREATE TABLE messages ("
	"  id INTEGER PRIMARY KEY,"
	"  sha256 TEXT NOT NULL UNIQUE,"
	"  message_id TEXT NOT NULL DEFAULT '',"
	"  received_at TEXT NOT NULL,"
	"  fetched_at TEXT NOT NULL,"
	"  from_addr TEXT NOT NULL DEFAULT '',"
	"  to_addrs TEXT NOT NULL DEFAULT '',"
	"  subject TEXT NOT NULL DEFAULT '',"
	"  disposition TEXT NOT NULL CHECK (disposition IN ('matched', 'unmatched', 'ignored')),"
	"  note TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX messages_by_message_id ON messages(message_id);"
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES requests(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('ack', 'supplement', 'supplied', 'extension', 'final',"
	"    'bounce', 'auto-reply')),"
	"  at TEXT NOT NULL,"
	"  channel TEXT NOT NULL CHECK (channel IN ('email', 'web', 'post', 'phone', 'in-person')),"
	"  source TEXT NOT NULL CHECK (source IN ('inbox', 'web', 'hand')),"
	"  message INTEGER REFERENCES messages(id),"
	"  evidence TEXT NOT NULL DEFAULT '',"
	"  letter TEXT NOT NULL DEFAULT '',"
	"  text TEXT NOT NULL DEFAULT '',"
	"  recorded_at TEXT NOT NULL,"
	"  recorded_by TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX events_by_request ON events(request_id, at);"
	"CREATE TABLE event_kind_changes ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES events(id),"
	"  at TEXT NOT NULL,"
	"  who TEXT NOT NULL,"
	"  before TEXT NOT NULL,"
	"  after TEXT NOT NULL"
	");",

	/* 7: web forms: what a form submission read and posted, and the assisted tasks. An attempt
	 * by web form keeps the form page read before posting (page_before), the page the site
	 * answered with (page_after), both in store/, and the answer's HTTP status; its raw is the
	 * posted fields. A task is a request a person must submit by hand (a captcha, a login, a
	 * form foi cannot fill without doubt): fields holds every field's value ready to copy
	 * (JSON: label, name, value, role), reason what was unclear; done records the person's
	 * confirmation as the request's sent attempt, failed why it could not be done. */
	"ALTER TABLE attempts ADD COLUMN page_before TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE attempts ADD COLUMN page_after TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE attempts ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE tasks ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES requests(id),"
	"  created_at TEXT NOT NULL,"
	"  reason TEXT NOT NULL,"
	"  form_url TEXT NOT NULL,"
	"  fields TEXT NOT NULL,"
	"  page TEXT NOT NULL DEFAULT '',"
	"  captcha_file TEXT NOT NULL DEFAULT '',"
	"  state TEXT NOT NULL CHECK (state IN ('open', 'done', 'failed')),"
	"  closed_at TEXT,"
	"  confirmation TEXT NOT NULL DEFAULT '',"
	"  fail_reason TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX tasks_by_request ON tasks(request_id);",
	/* 8: the inbox (issue 11). inbox_positions: where fetching stands in each mailbox
	 * (UIDVALIDITY + the last UID read; a new UIDVALIDITY voids the UIDs). messages gain what
	 * the message is (a reply, a bounce, an auto-reply), the request it was matched to and the
	 * evidence of the match, the reason of a bounce, what could not be read in it (problems),
	 * and where it was read (mailbox, uidvalidity, uid). message_attachments: each attachment by
	 * content hash (store/) with its decoded name, kept as data and never used as a path. */
	"CREATE TABLE inbox_positions ("
	"  mailbox TEXT PRIMARY KEY,"
	"  uidvalidity INTEGER NOT NULL,"
	"  last_uid INTEGER NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'reply'"
	"  CHECK (kind IN ('reply', 'bounce', 'auto-reply'));"
	"ALTER TABLE messages ADD COLUMN request_id INTEGER REFERENCES requests(id);"
	"ALTER TABLE messages ADD COLUMN evidence TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE messages ADD COLUMN reason TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE messages ADD COLUMN problems TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE messages ADD COLUMN mailbox TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE messages ADD COLUMN uidvalidity INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE messages ADD COLUMN uid INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX messages_by_request ON messages(request_id);"
	"CREATE TABLE message_attachments ("
	"  message INTEGER NOT NULL REFERENCES messages(id),"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  content_type TEXT NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  PRIMARY KEY (message, position)"
	");",
	/* 9: grading and review. gradings: one automatic reading of a reply (an event) by one
	 * version of the grader, with its findings; a newer grader adds a grading beside the old
	 * one, so a reviewer sees what changed; text is the letter as it was read. decisions: a reviewer's pass/fail/na on one item of
	 * a request (or of a unit's guide page), with who, when, the automatic result it was made
	 * on and the decision it replaces: a decision is never overwritten. */
	"CREATE TABLE gradings ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES events(id),"
	"  request_id INTEGER NOT NULL REFERENCES requests(id),"
	"  grader_version TEXT NOT NULL,"
	"  graded_at TEXT NOT NULL,"
	"  letter_kind TEXT NOT NULL DEFAULT '',"
	"  reply_type TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  text TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (event_id, grader_version)"
	");"
	"CREATE INDEX gradings_by_request ON gradings(request_id);"
	"CREATE TABLE findings ("
	"  grading_id INTEGER NOT NULL REFERENCES gradings(id),"
	"  position INTEGER NOT NULL,"
	"  item TEXT NOT NULL,"
	"  result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'unknown')),"
	"  evidence TEXT NOT NULL,"
	"  PRIMARY KEY (grading_id, position)"
	");"
	"CREATE TABLE decisions ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER REFERENCES requests(id),"
	"  guide_unit TEXT REFERENCES units(code),"
	"  item TEXT NOT NULL,"
	"  result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),"
	"  automatic TEXT NOT NULL DEFAULT '',"
	"  grading_id INTEGER REFERENCES gradings(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  reviewer TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  replaces INTEGER REFERENCES decisions(id),"
	"  CHECK ((request_id IS NULL) <> (guide_unit IS NULL))"
	");"
	"CREATE INDEX decisions_by_request ON decisions(request_id, item);",
};

const size_t store_migration_count = sizeof store_migrations / sizeof store_migrations[0];
