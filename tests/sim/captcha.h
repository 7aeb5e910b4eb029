/*
 * Captcha images (验证码): four digits drawn into a small grayscale PNG with noise, the way
 * form pages show them. The PNG is written with zlib (deflate and CRC-32). A program reading
 * the form sees only the image; the answer stays in the simulator's state.
 */
#ifndef FOI_SIM_CAPTCHA_H
#define FOI_SIM_CAPTCHA_H

#include <stddef.h>

#define CAPTCHA_WIDTH 90
#define CAPTCHA_HEIGHT 32

/* The PNG bytes (malloc'd) showing code (digits only); noise depends on seed. NULL on failure. */
unsigned char *captcha_png(const char *code, unsigned seed, size_t *len);

#endif
