/* escpos: the byte stream a thermal receipt printer understands for one
 * slip — ESC @ (initialise), the picture as GS v 0 raster bands, a feed and
 * GS V (feed to the cutter and cut) — and the DLE EOT real-time status
 * queries with the meaning of their answers. Pure encoding: no I/O. */
#ifndef AULA_PRINT_ESCPOS_H
#define AULA_PRINT_ESCPOS_H

#include "print/bitmap.h"
#include "base/strbuf.h"

#include <stdbool.h>
#include <stdint.h>

#define ESCPOS_BAND_ROWS 256 /* rows per GS v 0 command: fits small printer buffers */

/* ESC @: clears the printer's modes and buffer. */
void escpos_init(struct strbuf *out);
/* The bitmap as GS v 0 bands (mode 0, normal size). */
void escpos_raster(struct strbuf *out, const struct bitmap *b);
/* Feeds lines (ESC d n) then GS V 66 0: feed to the cut position, partial cut. */
void escpos_cut(struct strbuf *out, int feed_lines);
/* A whole slip: init, raster, feed and cut. */
void escpos_slip(struct strbuf *out, const struct bitmap *b);

/* DLE EOT 1 (printer status) followed by DLE EOT 4 (paper roll sensor). */
void escpos_status_query(struct strbuf *out);

struct escpos_status {
    bool offline;   /* DLE EOT 1, bit 3 */
    bool paper_out; /* DLE EOT 4, bits 5-6 */
    bool paper_low; /* DLE EOT 4, bits 2-3 */
};

/* Interprets the two answer bytes of escpos_status_query(). False if they
 * are not status bytes (bit 1 and 4 set, 0 and 7 clear). */
bool escpos_parse_status(const uint8_t answer[2], struct escpos_status *st);

#endif
