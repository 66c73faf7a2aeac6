/* bitmap: a 1-bit picture as thermal printers want it — rows of bytes, the
 * most significant bit leftmost, 1 = black — and the conversions around it:
 * from 8-bit grey by a plain threshold (text and QR codes stay crisp) or by
 * Atkinson dithering (photographs and logos), and to and from grey pixels
 * for PNG files. Owns its bit buffer. No SDL. */
#ifndef AULA_PRINT_BITMAP_H
#define AULA_PRINT_BITMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bitmap {
    int w, h;      /* dots */
    int stride;    /* bytes per row: (w + 7) / 8 */
    uint8_t *bits; /* h * stride bytes */
};

/* A white bitmap of w x h dots. */
void bitmap_init(struct bitmap *b, int w, int h);
void bitmap_free(struct bitmap *b);
bool bitmap_get(const struct bitmap *b, int x, int y);
void bitmap_set(struct bitmap *b, int x, int y, bool black);
/* Fills a rectangle (clipped) black or white. */
void bitmap_fill(struct bitmap *b, int x, int y, int w, int h, bool black);

/* Converts grey (0 = black, 255 = white; w x h, pitch bytes per row) into
 * the rectangle of b at (x, y): by threshold (grey < 128 is black) or by
 * Atkinson dithering. Parts outside b are dropped. */
void bitmap_threshold(struct bitmap *b, int x, int y, const uint8_t *grey, int w, int h, int pitch);
void bitmap_dither(struct bitmap *b, int x, int y, const uint8_t *grey, int w, int h, int pitch);

/* The bitmap as 8-bit grey (0 or 255), w * h bytes; free() it. */
uint8_t *bitmap_to_grey(const struct bitmap *b);
/* Number of black dots. */
size_t bitmap_count(const struct bitmap *b);
/* Drops white rows at the bottom, keeping `keep` of them. */
void bitmap_trim_bottom(struct bitmap *b, int keep);

#endif
