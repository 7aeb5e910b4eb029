/* Where foi finds what it ships: FOI_DATADIR in the environment, else the build's source tree. */
#include "harness/app.h"

#include <stdlib.h>

const char *foi_datadir(void)
{
	const char *env = getenv("FOI_DATADIR");
	return env && *env ? env : FOI_DATADIR;
}
