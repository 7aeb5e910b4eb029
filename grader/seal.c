/* The seal on a page image: red pixels, their connected shapes, and a ring test for a round stamp. */
#include "grader/doc_parts.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>

/*
 * Stamp ink is a saturated red: red well above green and blue. Anti-aliasing, JPEG and
 * a faded pad lower the saturation, so the margins are moderate; black text and grey
 * noise have r ~ g ~ b and never pass.
 */
static int is_red(l_uint32 px)
{
	int r, g, b;
	extractRGBValues(px, &r, &g, &b);
	return r > 110 && r - g > 50 && r - b > 40;
}

static PIX *red_mask(PIX *page)
{
	int w = pixGetWidth(page), h = pixGetHeight(page);
	PIX *mask = pixCreate(w, h, 1);
	if (!mask)
		return NULL;
	l_uint32 *src = pixGetData(page), *dst = pixGetData(mask);
	int swpl = pixGetWpl(page), dwpl = pixGetWpl(mask);
	for (int y = 0; y < h; y++) {
		l_uint32 *srow = src + (size_t)y * swpl, *drow = dst + (size_t)y * dwpl;
		for (int x = 0; x < w; x++)
			if (is_red(srow[x]))
				SET_DATA_BIT(drow, x);
	}
	return mask;
}

struct Pix *seal_erase_red(struct Pix *page)
{
	PIX *out = pixCopy(NULL, page);
	if (!out)
		return NULL;
	l_uint32 *d = pixGetData(out);
	size_t n = (size_t)pixGetWpl(out) * pixGetHeight(out);
	for (size_t i = 0; i < n; i++)
		if (is_red(d[i]))
			d[i] = 0xFFFFFF00; /* white: leptonica keeps RGBA as 0xRRGGBBAA */
	return out;
}

static int mask_at(PIX *mask, int x, int y)
{
	l_uint32 v = 0;
	if (x < 0 || y < 0 || x >= pixGetWidth(mask) || y >= pixGetHeight(mask))
		return 0;
	pixGetPixel(mask, x, y, &v);
	return v != 0;
}

/*
 * A ring: along most directions from the centre, red lies near the radius. Sampled at 72
 * angles between 80% and 105% of the radius; a stamp pressed unevenly still shows 80%.
 */
static int ring_like(PIX *mask, double cx, double cy, double r)
{
	int hits = 0;
	for (int k = 0; k < 72; k++) {
		double a = k * 2 * M_PI / 72;
		for (double f = 0.80; f <= 1.05; f += 0.025) {
			if (mask_at(mask, (int)lround(cx + f * r * cos(a)), (int)lround(cy + f * r * sin(a)))) {
				hits++;
				break;
			}
		}
	}
	return hits >= 58;
}

static double box_distance(double x, double y, const struct doc_box *b)
{
	double dx = x < b->x0 ? b->x0 - x : x > b->x1 ? x - b->x1 : 0;
	double dy = y < b->y0 ? b->y0 - y : y > b->y1 ? y - b->y1 : 0;
	return sqrt(dx * dx + dy * dy);
}

int seal_find(struct Pix *page, int page_no, const struct doc_box *anchor, struct doc_seal *seal)
{
	if (!page || pixGetDepth(page) != 32)
		return 0;
	int w = pixGetWidth(page), h = pixGetHeight(page);
	PIX *mask = red_mask(page);
	if (!mask)
		return 0;
	/* Close small gaps in the ring (noise, compression) before taking shapes. */
	PIX *closed = pixCloseBrick(NULL, mask, 5, 5);
	BOXA *boxes = closed ? pixConnComp(closed, NULL, 8) : NULL;
	int found = 0;
	/* A stamp is 3.5 to 5 cm across on a 21 cm page: from about 1/12 to 1/3 of its width. */
	int min_d = w / 12, max_d = w / 3;
	int n = boxes ? boxaGetCount(boxes) : 0;
	for (int i = 0; i < n && !found; i++) {
		l_int32 bx, by, bw, bh;
		if (boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh) != 0)
			continue;
		if (bw < min_d || bh < min_d || bw > max_d || bh > max_d)
			continue;
		if (bw * 5 > bh * 6 || bh * 5 > bw * 6) /* not round: more than 20% out of square */
			continue;
		double cx = bx + bw / 2.0, cy = by + bh / 2.0, r = (bw + bh) / 4.0;
		if (!ring_like(closed, cx, cy, r))
			continue;
		found = 1;
		*seal = (struct doc_seal){.looked = 1, .found = 1, .page = page_no, .cx = (int)cx,
			.cy = (int)cy, .r = (int)r, .page_w = w, .page_h = h};
		if (anchor) {
			seal->anchored = 1;
			seal->anchor = *anchor;
			seal->near_issuer = box_distance(cx, cy, anchor) <= r;
		}
	}
	boxaDestroy(&boxes);
	pixDestroy(&closed);
	pixDestroy(&mask);
	return found;
}
