/* Fuzz target: a foi.ini through the settings reader (inih and every key's check). */
#include "harness/settings.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd, insecure;
	const char *path = fuzz_file(data, size, &fd);
	struct settings s;
	char err[512];
	settings_defaults(&s);
	settings_load(path, &s, &insecure, err, sizeof err);
	fuzz_file_close(fd);
	return 0;
}
