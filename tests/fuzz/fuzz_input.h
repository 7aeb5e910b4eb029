/*
 * What the fuzz targets share: handing libFuzzer's bytes to readers that open a path, and
 * a chooser for the options a reader takes besides its input.
 *
 * Some readers take a file name (settings_load, letter_file_read), because that is how the
 * program meets their input; the bytes go to an anonymous in-memory file (memfd) whose
 * /proc/self/fd path the reader opens, so a target needs no disk and no clean-up. Options
 * (a transport charset, a base URL) come from the input's last byte, so that a seed made
 * from a fixture, which ends with a newline, runs the reader as `foi` does on a file, and
 * the fuzzer still reaches every option by mutating that byte.
 */
#ifndef FOI_TESTS_FUZZ_INPUT_H
#define FOI_TESTS_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes data into a fresh memfd and returns its path (static storage, valid until the next
 * call) with *fd set; close the fd with fuzz_file_close(). Aborts when the kernel refuses,
 * since the target cannot run at all then.
 */
const char *fuzz_file(const uint8_t *data, size_t size, int *fd);
void fuzz_file_close(int fd);

/* The input's last byte (0 for empty input), from which targets pick their options. */
unsigned fuzz_option_byte(const uint8_t *data, size_t size);

#endif
