/*
 * Settings: foi.ini, read with inih into a typed struct.
 *
 * Every key is described once in the table in settings.c (section, name, type, default);
 * config.example.ini documents the same keys for people. Unknown sections or keys and bad
 * values are errors naming the file and line, so a typo never silently falls back to a default.
 * Passwords may come from FOI_SMTP_PASSWORD / FOI_IMAP_PASSWORD instead of the file.
 * In persona mode ([mail] reply_mode, the default) every persona must have an e-mail address of
 * its own, different from every other persona's: it is where that persona's replies come.
 */
#ifndef FOI_SETTINGS_H
#define FOI_SETTINGS_H

#include <stddef.h>

#include "harness/tls_mode.h"

#define SETTINGS_TEXT_MAX 256
#define SETTINGS_MAX_PERSONAS 16

enum receipt_rule {
	RECEIPT_NEXT_WORKING_DAY, /* a submission on a rest day is received the next working day */
	RECEIPT_SAME_DAY,
};

enum consult_clock {
	CONSULT_CLOCK_CIVIL,   /* start day not counted; ends 24:00 of the Nth working day */
	CONSULT_CLOCK_ELAPSED, /* working time elapsed, rest days skipped */
};


enum reply_rest {
	REPLY_REST_NEXT_DAY,    /* a reply on a rest day counts as made on the next working day */
	REPLY_REST_AS_OF_LAST,  /* it counts the working days that had passed (NETWORKDAYS) */
};

/* Which address a request gives for replies (DESIGN.md "Contracts": covert by default). */
enum reply_mode {
	REPLY_PERSONA, /* the persona's own address: nothing in the request gives the test away */
	REPLY_TOKEN,   /* token_address plus-addressed with the request's token, for rounds that need not be covert */
};

enum arrival_time {
	ARRIVAL_INTERNALDATE, /* when the evaluator's server took the mail in (IMAP INTERNALDATE) */
	ARRIVAL_DATE_HEADER,  /* the Date header the sender wrote (INTERNALDATE when it has none) */
};

enum seal_absent {
	SEAL_ABSENT_FAIL,     /* a scanned letter without a red stamp fails form.seal */
	SEAL_ABSENT_UNKNOWN,  /* it is left to the reviewer */
};

/* An applicant identity the mock requests are sent as. */
struct persona {
	char key[64]; /* the part after "persona." in the section name */
	char name[SETTINGS_TEXT_MAX];
	char id_type[SETTINGS_TEXT_MAX];
	char id_number[SETTINGS_TEXT_MAX];
	char phone[SETTINGS_TEXT_MAX];
	char address[SETTINGS_TEXT_MAX];
	char postcode[SETTINGS_TEXT_MAX];
	char email[SETTINGS_TEXT_MAX];
};

struct settings {
	/* [workspace] */
	char timezone[SETTINGS_TEXT_MAX];
	char units_file[SETTINGS_TEXT_MAX];

	/* [time] */
	enum receipt_rule receipt_on_rest_day;
	int office_hours_cutoff; /* minutes after midnight, or -1 for none */
	enum consult_clock consult_clock;
	enum reply_rest reply_on_rest_day; /* FOI deadlines and question bands alike */
	int work_start, work_end; /* send window, minutes after midnight */

	/* [mail] */
	enum reply_mode reply_mode;
	char token_address[SETTINGS_TEXT_MAX]; /* token mode: evaluator@foi.test; tokens go after the delimiter */
	char token_delimiter[8];
	char smtp_host[SETTINGS_TEXT_MAX];
	int smtp_port;
	char smtp_user[SETTINGS_TEXT_MAX];
	char smtp_password[SETTINGS_TEXT_MAX];
	enum tls_mode smtp_tls;
	char smtp_ca_file[SETTINGS_TEXT_MAX];
	char imap_host[SETTINGS_TEXT_MAX];
	int imap_port;
	char imap_user[SETTINGS_TEXT_MAX];
	char imap_password[SETTINGS_TEXT_MAX];
	enum tls_mode imap_tls;
	char imap_mailbox[SETTINGS_TEXT_MAX];
	char imap_ca_file[SETTINGS_TEXT_MAX];
	enum arrival_time arrival;

	/* [letters]: caps and judgement for letters that are files (PDF, Word, OFD, scans) */
	int letters_max_pages;
	int letters_max_mb;           /* file size, and bytes unpacked from it */
	int letters_max_megapixels;   /* one image or rendered page */
	int letters_max_seconds;      /* reading one file */
	int letters_page_seconds;     /* parsing or rendering one page (OCR has max_seconds) */
	int letters_ocr_dpi;
	int letters_ocr_min_confidence;
	enum seal_absent letters_seal_absent;
	/* [review] */
	char reviewer[SETTINGS_TEXT_MAX]; /* who records kind changes, unless --reviewer or FOI_REVIEWER */
	/* [send]: politeness towards the units' servers */
	int host_gap_seconds; /* at least this long between two requests to one host */
	int per_minute;       /* at most this many requests a minute in all; 0: no limit */
	int mails_per_session; /* e-mails sent in one SMTP session at most */
	char user_agent[SETTINGS_TEXT_MAX];      /* web forms: a browser's User-Agent */
	char accept_language[SETTINGS_TEXT_MAX]; /* web forms: the site's own language first */
	int web_timeout_seconds;                 /* one page fetched or posted */

	/* [persona.KEY] sections, in file order */
	struct persona personas[SETTINGS_MAX_PERSONAS];
	size_t persona_count;

	/* Facts about where the values came from, for warnings. */
	int file_has_password;
};

/* The name of persona key (its [persona.KEY] section), or "" when there is none. */
const char *settings_persona_name(const struct settings *s, const char *key);

/* Fills s with every default. */
void settings_defaults(struct settings *s);

/*
 * Reads path over the defaults, then the password environment variables. Returns 0, or -1
 * with err naming "path:line: ..." for the first problem. *insecure is set when the file
 * holds a password and is readable by group or others.
 */
int settings_load(const char *path, struct settings *s, int *insecure, char *err, size_t errsz);

const char *settings_tls_name(enum tls_mode m);

#endif
