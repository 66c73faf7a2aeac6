/* escpos: ESC/POS encoding of a slip; see escpos.h. */
#include "print/escpos.h"

#define ESC 0x1B
#define GS  0x1D
#define DLE 0x10
#define EOT 0x04

static void put(struct strbuf *out, const uint8_t *p, size_t n)
{
    strbuf_add(out, (const char *)p, n);
}

void escpos_init(struct strbuf *out)
{
    const uint8_t c[] = {ESC, '@'};
    put(out, c, sizeof(c));
}

void escpos_raster(struct strbuf *out, const struct bitmap *b)
{
    for (int y = 0; y < b->h; y += ESCPOS_BAND_ROWS) {
        int rows = b->h - y < ESCPOS_BAND_ROWS ? b->h - y : ESCPOS_BAND_ROWS;
        const uint8_t hdr[] = {GS,
                               'v',
                               '0',
                               0,
                               (uint8_t)(b->stride & 255),
                               (uint8_t)(b->stride >> 8),
                               (uint8_t)(rows & 255),
                               (uint8_t)(rows >> 8)};
        put(out, hdr, sizeof(hdr));
        put(out, b->bits + (size_t)y * (size_t)b->stride, (size_t)rows * (size_t)b->stride);
    }
}

void escpos_cut(struct strbuf *out, int feed_lines)
{
    if (feed_lines > 0) {
        const uint8_t feed[] = {ESC, 'd', (uint8_t)(feed_lines > 255 ? 255 : feed_lines)};
        put(out, feed, sizeof(feed));
    }
    const uint8_t cut[] = {GS, 'V', 66, 0};
    put(out, cut, sizeof(cut));
}

void escpos_slip(struct strbuf *out, const struct bitmap *b)
{
    escpos_init(out);
    escpos_raster(out, b);
    escpos_cut(out, 2);
}

void escpos_status_query(struct strbuf *out)
{
    const uint8_t q[] = {DLE, EOT, 1, DLE, EOT, 4};
    put(out, q, sizeof(q));
}

static bool is_status(uint8_t b)
{
    return (b & 0x93) == 0x12;
}

bool escpos_parse_status(const uint8_t answer[2], struct escpos_status *st)
{
    if (!is_status(answer[0]) || !is_status(answer[1]))
        return false;
    st->offline = (answer[0] & 0x08) != 0;
    st->paper_low = (answer[1] & 0x0C) != 0;
    st->paper_out = (answer[1] & 0x60) != 0;
    return true;
}
