/* Shared helpers of the fuzz targets: input as an in-memory file, the option byte. */
#include "tests/fuzz/fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

const char *fuzz_file(const uint8_t *data, size_t size, int *fd)
{
	static char path[64];
	*fd = memfd_create("fuzz-input", MFD_CLOEXEC);
	if (*fd < 0) {
		perror("memfd_create");
		abort();
	}
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(*fd, data + done, size - done);
		if (n <= 0) {
			perror("write memfd");
			abort();
		}
		done += (size_t)n;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", *fd);
	return path;
}

void fuzz_file_close(int fd)
{
	close(fd);
}

unsigned fuzz_option_byte(const uint8_t *data, size_t size)
{
	return size ? data[size - 1] : 0;
}
