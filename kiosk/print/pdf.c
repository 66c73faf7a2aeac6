/* pdf: a minimal PDF 1.4 writer for one image; see pdf.h. Objects:
 * 1 catalog, 2 pages, 3 page, 4 content stream, 5 image. */
#include "print/pdf.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

bool pdf_from_bitmap(const struct bitmap *b, int dpi, struct strbuf *out)
{
    if (b->w <= 0 || b->h <= 0 || dpi <= 0)
        return false;
    size_t raw = (size_t)b->stride * (size_t)b->h;
    uLongf zlen = compressBound((uLong)raw);
    unsigned char *z = xmalloc(zlen);
    if (compress2(z, &zlen, b->bits, (uLong)raw, 6) != Z_OK) {
        free(z);
        return false;
    }
    double wpt = b->w * 72.0 / dpi, hpt = b->h * 72.0 / dpi;
    size_t base = out->len, off[6];
    strbuf_puts(out, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    off[1] = out->len - base;
    strbuf_puts(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    off[2] = out->len - base;
    strbuf_puts(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    off[3] = out->len - base;
    strbuf_printf(out,
                  "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
                  "/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>\nendobj\n",
                  wpt, hpt);
    char content[96];
    int clen = snprintf(content, sizeof(content), "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n", wpt, hpt);
    off[4] = out->len - base;
    strbuf_printf(out, "4 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n", clen, content);
    off[5] = out->len - base;
    /* Our bits are 1 = black; DeviceGray 1-bit is 1 = white: Decode [1 0]. */
    strbuf_printf(out,
                  "5 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                  "/ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0] "
                  "/Filter /FlateDecode /Length %lu >>\nstream\n",
                  b->w, b->h, (unsigned long)zlen);
    strbuf_add(out, (const char *)z, zlen);
    strbuf_puts(out, "\nendstream\nendobj\n");
    free(z);
    size_t xref = out->len - base;
    strbuf_puts(out, "xref\n0 6\n0000000000 65535 f \n");
    for (int i = 1; i <= 5; i++)
        strbuf_printf(out, "%010zu 00000 n \n", off[i]);
    strbuf_printf(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    return true;
}
