/* bitmap: 1-bit pictures and grey-to-1-bit conversion; see bitmap.h. */
#include "print/bitmap.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void bitmap_init(struct bitmap *b, int w, int h)
{
    b->w = w > 0 ? w : 0;
    b->h = h > 0 ? h : 0;
    b->stride = (b->w + 7) / 8;
    b->bits = xcalloc((size_t)b->stride * (size_t)b->h + 1, 1);
}

void bitmap_free(struct bitmap *b)
{
    free(b->bits);
    memset(b, 0, sizeof(*b));
}

bool bitmap_get(const struct bitmap *b, int x, int y)
{
    if (x < 0 || y < 0 || x >= b->w || y >= b->h)
        return false;
    return (b->bits[(size_t)y * (size_t)b->stride + (size_t)(x >> 3)] >> (7 - (x & 7))) & 1;
}

void bitmap_set(struct bitmap *b, int x, int y, bool black)
{
    if (x < 0 || y < 0 || x >= b->w || y >= b->h)
        return;
    uint8_t *p = &b->bits[(size_t)y * (size_t)b->stride + (size_t)(x >> 3)];
    uint8_t m = (uint8_t)(0x80u >> (x & 7));
    if (black)
        *p |= m;
    else
        *p &= (uint8_t)~m;
}

void bitmap_fill(struct bitmap *b, int x, int y, int w, int h, bool black)
{
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++)
            bitmap_set(b, i, j, black);
}

void bitmap_threshold(struct bitmap *b, int x, int y, const uint8_t *grey, int w, int h, int pitch)
{
    for (int j = 0; j < h; j++) {
        const uint8_t *row = grey + (size_t)j * (size_t)pitch;
        for (int i = 0; i < w; i++)
            if (row[i] < 128)
                bitmap_set(b, x + i, y + j, true);
    }
}

/* Atkinson: spreads 6/8 of the error to six neighbours, which keeps light
 * areas clean on a thermal head. Three rows of error are enough. */
void bitmap_dither(struct bitmap *b, int x, int y, const uint8_t *grey, int w, int h, int pitch)
{
    if (w <= 0 || h <= 0)
        return;
    size_t rw = (size_t)w + 4;
    int *err = xcalloc(rw * 3, sizeof(*err));
    for (int j = 0; j < h; j++) {
        int *e0 = err + (size_t)(j % 3) * rw + 2;
        int *e1 = err + (size_t)((j + 1) % 3) * rw + 2;
        int *e2 = err + (size_t)((j + 2) % 3) * rw + 2;
        const uint8_t *row = grey + (size_t)j * (size_t)pitch;
        for (int i = 0; i < w; i++) {
            int v = row[i] + e0[i];
            int out = v < 128 ? 0 : 255;
            if (out == 0)
                bitmap_set(b, x + i, y + j, true);
            int q = (v - out) / 8;
            e0[i + 1] += q;
            e0[i + 2] += q;
            e1[i - 1] += q;
            e1[i] += q;
            e1[i + 1] += q;
            e2[i] += q;
        }
        memset(e0 - 2, 0, rw * sizeof(*err)); /* this row becomes row j + 3 */
    }
    free(err);
}

uint8_t *bitmap_to_grey(const struct bitmap *b)
{
    uint8_t *g = xmalloc((size_t)b->w * (size_t)b->h + 1);
    for (int y = 0; y < b->h; y++)
        for (int x = 0; x < b->w; x++)
            g[(size_t)y * (size_t)b->w + (size_t)x] = bitmap_get(b, x, y) ? 0 : 255;
    return g;
}

size_t bitmap_count(const struct bitmap *b)
{
    size_t n = 0;
    for (size_t i = 0; i < (size_t)b->stride * (size_t)b->h; i++)
        n += (size_t)__builtin_popcount(b->bits[i]);
    return n;
}

void bitmap_trim_bottom(struct bitmap *b, int keep)
{
    int last = b->h - 1;
    while (last >= 0) {
        const uint8_t *row = b->bits + (size_t)last * (size_t)b->stride;
        bool blank = true;
        for (int i = 0; i < b->stride && blank; i++)
            blank = row[i] == 0;
        if (!blank)
            break;
        last--;
    }
    int h = last + 1 + keep;
    if (h < b->h)
        b->h = h;
}
