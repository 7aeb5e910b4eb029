/*
 * Support for the simulator's tests: start build/foi-sim (FOI_SIM) on an ephemeral loopback
 * port with a state folder and Maildirs of its own, talk to it over HTTP with libcurl (a
 * "browser" keeps cookies), move its clock, put request mails into a unit's Maildir the way
 * Postfix delivers them, and read the replies it writes into the evaluator's Maildir with GMime.
 */
#ifndef FOI_TEST_SIM_SUPPORT_H
#define FOI_TEST_SIM_SUPPORT_H

#include <curl/curl.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct sim {
	pid_t pid;
	unsigned port;
	char *dir;      /* temporary folder holding everything below */
	char *state;    /* the state folder */
	char *maildirs; /* BASE of BASE/DOMAIN/USER/Maildir */
	char *log;      /* the sim's stderr */
	char *profiles;
};

/*
 * Starts `foi-sim serve --port 0` with profiles (a path; NULL = the shipped profiles.ini)
 * and the simulated clock at now ('YYYY-MM-DD HH:MM'). Fails the test when it does not come up.
 */
void sim_start(struct sim *s, const char *profiles, const char *now);
/* The same with the Maildirs of BASE (e.g. the running mail stack's $FOI_MAIL_DIR/mail). */
void sim_start_in(struct sim *s, const char *profiles, const char *now, const char *maildirs);
/* Starts it again on the same folders (a restart); the port changes. */
void sim_restart(struct sim *s);
/* Stops it (SIGTERM) and waits; returns its exit status. */
int sim_stop(struct sim *s);

struct http {
	long status;
	char *body;
	size_t len;
	char *type; /* Content-Type, or NULL */
};

/* A browser: one libcurl handle with its cookie engine on. */
struct browser {
	CURL *curl;
};
void browser_open(struct browser *b);
void browser_close(struct browser *b);

/* GET http://127.0.0.1:PORT + path. */
struct http sim_get(struct sim *s, struct browser *b, const char *path);
/* POST name/value pairs (NULL-terminated list) as urlencoded or multipart/form-data. */
struct http sim_post(struct sim *s, struct browser *b, const char *path, const char *const *fields,
		     int multipart);
void http_free(struct http *h);

/* POST /_sim/clock to=...; returns the HTTP status, *json the answer (caller frees; may be NULL). */
long sim_clock(struct sim *s, const char *to, char **json);

/* The value of <input ... name="NAME" value="..."> in html (malloc'd), or NULL. */
char *html_input_value(const char *html, const char *name);
/* The query code (查询码) of a confirmation page (malloc'd), or NULL. */
char *html_query_code(const char *html);

/* The Maildir of an address under the sim's BASE (plus-tag dropped). Not to be freed. */
char *sim_maildir(struct sim *s, const char *address);
/* Creates the Maildir of a unit's mailbox (as the mail stack would). */
void sim_make_mailbox(struct sim *s, const char *address);
/* Delivers raw message text into a mailbox's new/ folder as file name (as Postfix would). */
void sim_deliver(struct sim *s, const char *address, const char *name, const char *text);

/* The files of a Maildir's new/ folder, sorted (NULL-terminated; free with files_free). */
char **maildir_new_files(const char *maildir, size_t *count);
void files_free(char **files);

/* A reply as the evaluator's mail client sees it (GMime). */
struct reply {
	char *path;
	char *subject, *from, *to, *message_id, *in_reply_to, *references;
	char *date_header;  /* raw Date header */
	time_t date;        /* parsed */
	time_t mtime;       /* the file's modification time */
	char *content_type; /* of the message's top part, e.g. multipart/mixed */
	char *charset;      /* of the first text part */
	int body_is_utf8;   /* the first text part's raw bytes are valid UTF-8 */
	char *text;         /* the letter's text, UTF-8 (the attachment when there is one) */
	char *attachment_name, *attachment_type;
	char *report;       /* multipart/report: the delivery-status part */
};
void reply_read(const char *path, struct reply *r);
void reply_free(struct reply *r);

/* 'YYYY-MM-DD HH:MM' in Asia/Shanghai as time_t. */
time_t shanghai(const char *text);

#endif
