/* Running the built foi as a user would, capturing its status and output (see run_foi.h). */
#include "tests/unit/run_foi.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(FILE *f)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t n;
	if (!buf)
		abort();
	rewind(f);
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
	}
	buf[len] = '\0';
	return buf;
}

static struct foi_run run_line(const char *line)
{
	struct foi_run r = {0};
	char outp[] = "/tmp/foi-test-out.XXXXXX", errp[] = "/tmp/foi-test-err.XXXXXX";
	int ofd = mkstemp(outp), efd = mkstemp(errp);
	if (ofd < 0 || efd < 0)
		abort();
	size_t n = strlen(line) + 2 * sizeof outp + 32;
	char *cmd = malloc(n);
	snprintf(cmd, n, "( %s ) >%s 2>%s", line, outp, errp);
	int st = system(cmd);
	free(cmd);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	FILE *fo = fdopen(ofd, "r"), *fe = fdopen(efd, "r");
	r.out = slurp(fo);
	r.err = slurp(fe);
	fclose(fo);
	fclose(fe);
	unlink(outp);
	unlink(errp);
	return r;
}

static char *vformat(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	return s;
}

struct foi_run run_foi(const char *dir, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *args = vformat(fmt, ap);
	va_end(ap);
	char *line;
	/* "VAR=value $FOI_BIN ..." and "$FOI_BIN ..." are complete command lines already. */
	size_t first_word = strcspn(args, " ");
	int raw = strncmp(args, "$FOI_BIN", 8) == 0 || memchr(args, '=', first_word) != NULL;
	if (raw)
		line = strdup(args);
	else if (dir) {
		if (asprintf(&line, "\"$FOI_BIN\" -C '%s' %s", dir, args) < 0)
			abort();
	} else if (asprintf(&line, "\"$FOI_BIN\" %s", args) < 0)
		abort();
	free(args);
	struct foi_run r = run_line(line);
	free(line);
	return r;
}

struct foi_run run_shell(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *line = vformat(fmt, ap);
	va_end(ap);
	struct foi_run r = run_line(line);
	free(line);
	return r;
}

void run_free(struct foi_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

/* Strings handed to tests that they need not free: released when the test's process exits. */
static char **kept;
static size_t kept_count, kept_cap;

static void release_kept(void)
{
	for (size_t i = 0; i < kept_count; i++)
		free(kept[i]);
	free(kept);
	kept = NULL;
	kept_count = kept_cap = 0;
}

static char *keep(char *s)
{
	if (kept_count == kept_cap) {
		if (kept_cap == 0)
			atexit(release_kept);
		kept_cap = kept_cap ? kept_cap * 2 : 32;
		kept = realloc(kept, kept_cap * sizeof *kept);
		if (!kept)
			abort();
	}
	kept[kept_count++] = s;
	return s;
}

/* Temporary folders of the running test, removed when its process exits. */
static char *temp_dirs[64];
static int temp_dir_count;

static void remove_temp_dirs(void)
{
	for (int i = 0; i < temp_dir_count; i++) {
		char *cmd;
		if (asprintf(&cmd, "rm -rf '%s'", temp_dirs[i]) > 0) {
			if (system(cmd) != 0)
				fprintf(stderr, "could not remove %s\n", temp_dirs[i]);
			free(cmd);
		}
		free(temp_dirs[i]);
	}
}

char *make_temp_dir(void)
{
	char *t = strdup("/tmp/foi-test.XXXXXX");
	if (!t || !mkdtemp(t))
		abort();
	if (temp_dir_count == 0)
		atexit(remove_temp_dirs);
	if (temp_dir_count < 64 && (temp_dirs[temp_dir_count] = strdup(t)) != NULL)
		temp_dir_count++;
	return keep(t);
}

char *write_file(const char *dir, const char *name, const char *text)
{
	char *path;
	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
	return keep(path);
}

char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *s = slurp(f);
	fclose(f);
	return s;
}

char *src_path(const char *rel)
{
	const char *root = getenv("FOI_SRCDIR");
	char *p;
	if (asprintf(&p, "%s/%s", root ? root : ".", rel) < 0)
		abort();
	return keep(p);
}
