/* Captcha images for the simulated forms, drawn into a PNG with zlib (see captcha.h). */
#include "tests/sim/captcha.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* 5x7 digits, one byte per row, the low five bits from left to right. */
static const unsigned char font[10][7] = {
	{0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}, {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E},
	{0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}, {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E},
	{0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}, {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E},
	{0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}, {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},
	{0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}, {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C},
};

static unsigned next_random(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Appends one chunk (length, type, data, CRC of type and data) at out. */
static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, size_t n)
{
	put_be32(out, (uint32_t)n);
	memcpy(out + 4, type, 4);
	if (n)
		memcpy(out + 8, data, n);
	uLong crc = crc32(0L, Z_NULL, 0);
	crc = crc32(crc, out + 4, (uInt)(n + 4));
	put_be32(out + 8 + n, (uint32_t)crc);
	return n + 12;
}

unsigned char *captcha_png(const char *code, unsigned seed, size_t *len)
{
	enum { W = CAPTCHA_WIDTH, H = CAPTCHA_HEIGHT, SCALE = 3 };
	unsigned char pix[H][W];
	unsigned rnd = seed ? seed : 1;
	memset(pix, 235, sizeof pix);
	for (int i = 0; i < W * H / 8; i++)
		pix[next_random(&rnd) % H][next_random(&rnd) % W] = (unsigned char)(120 + next_random(&rnd) % 100);
	for (int c = 0; code[c] && c < 4; c++) {
		if (code[c] < '0' || code[c] > '9')
			continue;
		const unsigned char *g = font[code[c] - '0'];
		int x0 = 6 + c * 21 + (int)(next_random(&rnd) % 4), y0 = 3 + (int)(next_random(&rnd) % 6);
		for (int row = 0; row < 7; row++)
			for (int col = 0; col < 5; col++)
				if (g[row] & (0x10 >> col))
					for (int dy = 0; dy < SCALE; dy++)
						for (int dx = 0; dx < SCALE; dx++) {
							int y = y0 + row * SCALE + dy, x = x0 + col * SCALE + dx;
							if (y < H && x < W)
								pix[y][x] = 30;
						}
	}
	for (int l = 0; l < 3; l++) {
		int y = (int)(next_random(&rnd) % H), dy = (int)(next_random(&rnd) % 3) - 1;
		for (int x = 0; x < W; x++) {
			if (x % 9 == 0)
				y += dy;
			if (y >= 0 && y < H)
				pix[y][x] = 90;
		}
	}
	/* Each row starts with its filter type (0: none). */
	unsigned char raw[H * (W + 1)];
	for (int y = 0; y < H; y++) {
		raw[y * (W + 1)] = 0;
		memcpy(raw + y * (W + 1) + 1, pix[y], W);
	}
	uLongf zlen = compressBound(sizeof raw);
	unsigned char *z = malloc(zlen);
	if (!z || compress2(z, &zlen, raw, sizeof raw, Z_BEST_COMPRESSION) != Z_OK) {
		free(z);
		return NULL;
	}
	unsigned char *out = malloc(8 + 25 + 12 + zlen + 12);
	if (!out) {
		free(z);
		return NULL;
	}
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	unsigned char ihdr[13];
	put_be32(ihdr, W);
	put_be32(ihdr + 4, H);
	ihdr[8] = 8;  /* bits per sample */
	ihdr[9] = 0;  /* grayscale */
	ihdr[10] = 0; /* deflate */
	ihdr[11] = 0; /* adaptive filtering */
	ihdr[12] = 0; /* no interlace */
	size_t n = 0;
	memcpy(out, sig, 8);
	n += 8;
	n += chunk(out + n, "IHDR", ihdr, sizeof ihdr);
	n += chunk(out + n, "IDAT", z, zlen);
	n += chunk(out + n, "IEND", NULL, 0);
	free(z);
	*len = n;
	return out;
}
