/* pdf: a one-page PDF holding a slip's 1-bit picture at its true size
 * (width and height from the dots and the dpi), for CUPS queues of ordinary
 * office printers. The picture is a Flate-compressed 1-bit image; the file
 * is small and needs no PDF library. */
#ifndef AULA_PRINT_PDF_H
#define AULA_PRINT_PDF_H

#include "print/bitmap.h"
#include "base/strbuf.h"

#include <stdbool.h>

/* Appends the PDF to out. False if compression fails. */
bool pdf_from_bitmap(const struct bitmap *b, int dpi, struct strbuf *out);

#endif
