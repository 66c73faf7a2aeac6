/* escpos_decode: an ESC/POS stream as the kiosk writes it (ESC @, status
 * queries are not part of it, GS v 0 raster bands, ESC d feeds, GS V 66
 * cuts) back into one picture, for tests. Shared by test_print and the
 * fakeprinter tool the kiosk tests use. */
#ifndef AULA_TESTS_ESCPOS_DECODE_H
#define AULA_TESTS_ESCPOS_DECODE_H

#include "print/bitmap.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* False if the stream holds anything else or no raster. */
static inline bool decode_escpos(const uint8_t *p, size_t n, struct bitmap *out, int *cuts)
{
    struct strbuf rows;
    strbuf_init(&rows);
    int w = -1, h = 0;
    *cuts = 0;
    size_t i = 0;
    bool ok = true;
    while (i < n && ok) {
        if (p[i] == 0x1B && i + 1 < n && p[i + 1] == '@') {
            i += 2;
        } else if (p[i] == 0x1B && i + 2 < n && p[i + 1] == 'd') {
            i += 3;
        } else if (p[i] == 0x1D && i + 3 < n && p[i + 1] == 'V' && p[i + 2] == 66) {
            (*cuts)++;
            i += 4;
        } else if (p[i] == 0x1D && i + 7 < n && p[i + 1] == 'v' && p[i + 2] == '0') {
            int bx = p[i + 4] | p[i + 5] << 8, by = p[i + 6] | p[i + 7] << 8;
            size_t len = (size_t)bx * (size_t)by;
            if (p[i + 3] != 0 || (w >= 0 && w != bx * 8) || i + 8 + len > n) {
                ok = false;
                break;
            }
            w = bx * 8;
            strbuf_add(&rows, (const char *)p + i + 8, len);
            h += by;
            i += 8 + len;
        } else {
            ok = false;
        }
    }
    if (ok && w > 0) {
        bitmap_init(out, w, h);
        memcpy(out->bits, rows.s, rows.len);
    }
    strbuf_free(&rows);
    return ok && w > 0;
}

#endif
