/* pngio: bitmaps to and from PNG files (libpng). Slips are written as
 * 1-bit greyscale PNGs: small, exact, and readable by any viewer, zbarimg
 * and CUPS. Reading accepts any PNG and thresholds it to 1 bit. */
#ifndef AULA_PRINT_PNGIO_H
#define AULA_PRINT_PNGIO_H

#include "print/bitmap.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Appends the PNG encoding of b to out. */
bool pngio_encode(const struct bitmap *b, struct strbuf *out);
bool pngio_save(const struct bitmap *b, const char *path, char *err, size_t cap);
/* Reads path into b (grey < 128 is black; transparent is white). */
bool pngio_load(const char *path, struct bitmap *b, char *err, size_t cap);

/* Reads any PNG (palette, grey, 16-bit, transparency) as 8-bit RGBA
 * bytes, not premultiplied: *px is malloc'd, w * h * 4 bytes. */
bool pngio_load_rgba(const char *path, uint8_t **px, int *w, int *h, char *err, size_t cap);

#endif
