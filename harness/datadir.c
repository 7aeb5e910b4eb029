/*
 * Where foi finds what it ships (calendars, templates, units, the example settings): FOI_DATADIR
 * in the environment; else, for an installed foi, share/foi beside the bin/ it runs from (so that
 * a tree installed with DESTDIR, or moved, still finds its data); else the path it was built with
 * (the source tree for the foi built in place, SHAREDIR for `make install`).
 */
#include "harness/app.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PREFIX/share/foi for a program at PREFIX/bin/foi, when that folder holds a calendar. */
static int beside_program(char out[PATH_MAX])
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || (size_t)n >= sizeof exe - 1)
		return -1;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return -1;
	*slash = '\0'; /* PREFIX/bin */
	slash = strrchr(exe, '/');
	if (!slash || strcmp(slash, "/bin") != 0)
		return -1;
	*slash = '\0'; /* PREFIX */
	struct stat st;
	char probe[PATH_MAX + 64];
	if (snprintf(out, PATH_MAX, "%s/share/foi", exe) >= PATH_MAX ||
	    snprintf(probe, sizeof probe, "%s/schedule/holidays", out) >= (int)sizeof probe ||
	    stat(probe, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	return 0;
}

const char *foi_datadir(void)
{
	static char found[PATH_MAX];
	static int looked;
	const char *env = getenv("FOI_DATADIR");
	if (env && *env)
		return env;
	if (!looked) {
		looked = 1;
		if (beside_program(found) != 0)
			found[0] = '\0';
	}
	return found[0] ? found : FOI_DATADIR;
}
