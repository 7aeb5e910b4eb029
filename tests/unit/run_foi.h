/*
 * Runs the built foi program (FOI_BIN) through the shell, as a user would, and captures
 * its exit status, stdout and stderr. Tests assert on what a user sees.
 */
#ifndef FOI_TEST_RUN_FOI_H
#define FOI_TEST_RUN_FOI_H

struct foi_run {
	int status; /* exit code, or 128+signal */
	char *out;
	char *err;
};

/*
 * cmdline: when it starts with a word that is not an assignment or "$FOI_BIN", it is taken
 * as foi's arguments ("$FOI_BIN" is prepended). dir: workspace folder passed with -C, or NULL.
 */
struct foi_run run_foi(const char *dir, const char *cmdline, ...) __attribute__((format(printf, 2, 3)));
/* Runs an arbitrary shell command line with FOI_BIN and FOI_SRCDIR in its environment. */
struct foi_run run_shell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void run_free(struct foi_run *r);

/* A fresh empty temporary folder, removed when the test ends. Not to be freed. */
char *make_temp_dir(void);
/* Writes text to dir/name; returns the full path (not to be freed). */
char *write_file(const char *dir, const char *name, const char *text);
/* Reads a whole file; NULL if missing. Caller frees. */
char *read_file(const char *path);
/* Path to a file in the source tree (FOI_SRCDIR); not to be freed. */
char *src_path(const char *rel);

#endif
