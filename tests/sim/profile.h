/*
 * The simulator's profiles: how each simulated unit behaves, and what a correct harness
 * must report about it.
 *
 * tests/sim/profiles.ini (format in tests/sim/README.md) has a [sim] section of global
 * settings, a [defaults] section whose keys every unit takes unless it sets its own, and one
 * section per unit code. Reading is strict: an unknown key, a bad value or a line too long
 * for inih is an error naming the file and line, so a typo cannot silently change a unit.
 */
#ifndef FOI_SIM_PROFILE_H
#define FOI_SIM_PROFILE_H

#include <stddef.h>

#define SIM_TEXT_MAX 256

enum sim_charset { CHARSET_UTF8, CHARSET_GBK };

/* What a guide page leaves out (bits of guide_omit). */
enum {
	OMIT_ONLINE = 1 << 0,
	OMIT_POSTAL = 1 << 1,
	OMIT_OFFICE = 1 << 2,
	OMIT_PHONE = 1 << 3,
	OMIT_EMAIL_OR_FAX = 1 << 4,
	OMIT_NOTES = 1 << 5,
};

enum form_mode { FORM_PLAIN, FORM_CSRF, FORM_CAPTCHA, FORM_HTTP500, FORM_CLOSED, FORM_NONE };
enum form_style { STYLE_PLAIN, STYLE_PINYIN };
enum form_enctype { ENCTYPE_URLENCODED, ENCTYPE_MULTIPART };
enum mail_mode { MAIL_OK, MAIL_REJECT, MAIL_DSN };
enum letter_format { LETTER_BODY, LETTER_HTML, LETTER_TEXT };
enum date_style { DATE_ARABIC, DATE_CHINESE };

/* The flaws a final letter can be written with (bits of foi_flaws). */
enum {
	FLAW_NO_REMEDY = 1 << 0,
	FLAW_LITIGATION_3_MONTHS = 1 << 1,
	FLAW_OLD_ARTICLES = 1 << 2,
	FLAW_NO_DOCNO = 1 << 3,
	FLAW_NO_DATE = 1 << 4,
	FLAW_PURPOSE_DEMAND = 1 << 5,
	FLAW_FEE_DEMAND = 1 << 6,
	FLAW_NO_SALUTATION = 1 << 7,
	FLAW_NO_TITLE = 1 << 8,
	FLAW_NO_ISSUER = 1 << 9,
	FLAW_NO_BASIS = 1 << 10,
	FLAW_NO_RESTATE_REQUEST = 1 << 11,
	FLAW_NO_RESTATE_DATE = 1 << 12,
	FLAW_VAGUE_CONCLUSION = 1 << 13,
};
#define FLAW_COUNT 14

/* The rubric items of the grader (issue 6), letter items then guide items. */
enum sim_item {
	ITEM_FORM_TITLE, ITEM_FORM_DOCNO, ITEM_FORM_SALUTATION, ITEM_FORM_ISSUER, ITEM_FORM_DATE,
	ITEM_FORM_SEAL, ITEM_RESTATES_REQUEST, ITEM_RESTATES_RECEIVED, ITEM_CONCLUSION_TYPE,
	ITEM_BASIS_ARTICLE, ITEM_BASIS_CURRENT_LAW, ITEM_REMEDY_NOTICE, ITEM_REMEDY_PERIODS,
	ITEM_REMEDY_BODIES, ITEM_NO_PURPOSE_DEMAND, ITEM_NO_FEE_DEMAND,
	ITEM_GUIDE_PRESENT, ITEM_CHANNEL_ONLINE, ITEM_CHANNEL_POSTAL, ITEM_CHANNEL_OFFICE,
	ITEM_CHANNEL_PHONE, ITEM_CHANNEL_EMAIL_OR_FAX, ITEM_GUIDE_NOTES, ITEM_CHANNEL_NO_REFUSAL,
	ITEM_COUNT
};
#define ITEM_FIRST_GUIDE ITEM_GUIDE_PRESENT
#define ITEM_BIT(i) (1u << (i))

/* A reply delay: `days` working days after receipt, at minute_of_day (-1: the default). */
struct sim_delay {
	int set;           /* 0 = the unit never sends this */
	int days;
	int minute_of_day; /* -1: [sim] reply_time, or for 0 days ten minutes after arrival */
};

enum expect_deadline { EXPECT_NONE, EXPECT_MET, EXPECT_LATE };
enum expect_band { BAND_NONE, BAND_1, BAND_5, BAND_LATE };
enum expect_accuracy { ACCURACY_NONE, ACCURACY_YES, ACCURACY_NO };
enum expect_channel { CHANNEL_OK, CHANNEL_ASSISTED, CHANNEL_FAILED, CHANNEL_ABSENT, CHANNEL_BOUNCED };

struct sim_expect {
	enum expect_deadline deadline;   /* final reply within the (extended) deadline */
	enum expect_deadline supplement; /* supplement request within 7 working days */
	int type;                        /* 1..7, 39, or 0 = none */
	unsigned fail;                   /* letter items that fail (ITEM_BIT) */
	unsigned guide_fail;             /* guide items that fail */
	enum expect_band consult_band;
	enum expect_accuracy consult_accurate; /* the answer holds the template's key points */
	enum expect_channel foi_form, consult_form, mail;
};

struct sim_unit {
	char code[32];
	int line; /* where its section starts */
	/* who it is */
	char name[SIM_TEXT_MAX], docno[SIM_TEXT_MAX], office[SIM_TEXT_MAX], address[SIM_TEXT_MAX],
		postcode[16], phone[64], fax[64], email[SIM_TEXT_MAX], hours[SIM_TEXT_MAX],
		reconsider[SIM_TEXT_MAX], court[SIM_TEXT_MAX], answer_text[SIM_TEXT_MAX * 2];
	/* its guide */
	int guide_present;
	enum sim_charset guide_charset;
	unsigned guide_omit;
	int guide_dead_link;
	/* its forms */
	enum form_mode form_foi, form_consult;
	enum form_style form_style;
	enum form_enctype form_enctype;
	/* its mail */
	enum mail_mode mail;
	struct sim_delay foi_ack, foi_supplement, foi_extension, foi_final, consult_answer;
	int foi_type; /* 1..7 or 39 */
	unsigned foi_flaws;
	enum sim_charset reply_charset;
	enum letter_format reply_format;
	enum date_style date_style;
	int consult_publish, consult_mail, consult_accurate;
	struct sim_expect expect;
};

struct sim_profiles {
	char path[1024];
	/* [sim] */
	unsigned seed;
	char evaluator[SIM_TEXT_MAX];
	char mail_domain[SIM_TEXT_MAX];
	int reply_minute; /* default time of day of a reply, minutes after midnight */
	char portal[SIM_TEXT_MAX];
	struct sim_unit *units;
	size_t count;
};

/* Reads and checks path; -1 with err as "FILE:LINE: what". */
int profiles_load(const char *path, struct sim_profiles *out, char *err, size_t errsz);
void profiles_free(struct sim_profiles *p);
/* The unit with this code (case-insensitive), or NULL. */
const struct sim_unit *profiles_find(const struct sim_profiles *p, const char *code);
/* The unit whose mail address (local part, case-insensitive) is local@mail_domain, or NULL. */
const struct sim_unit *profiles_find_by_mailbox(const struct sim_profiles *p, const char *local);

/* Names for messages and JSON. */
const char *item_code(enum sim_item item);
const char *flaw_name(unsigned flaw_bit);
const char *reply_type_name(int type); /* "已主动公开" ... */
const char *form_mode_name(enum form_mode m);
const char *expect_deadline_name(enum expect_deadline d);
const char *expect_band_name(enum expect_band b);
const char *expect_accuracy_name(enum expect_accuracy a); /* none | yes | no */
const char *expect_channel_name(enum expect_channel c);

#endif
