/* pngio: 1-bit PNG encoding and decoding with libpng; see pngio.h. */
#include "print/pngio.h"
#include "base/xalloc.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void write_buf(png_structp png, png_bytep data, png_size_t n)
{
    strbuf_add(png_get_io_ptr(png), (const char *)data, n);
}

static void flush_buf(png_structp png)
{
    (void)png;
}

bool pngio_encode(const struct bitmap *b, struct strbuf *out)
{
    if (b->w <= 0 || b->h <= 0)
        return false;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    uint8_t *row = xmalloc((size_t)b->stride);
    bool ok = false;
    if (!info)
        goto done;
    if (setjmp(png_jmpbuf(png)))
        goto done;
    png_set_write_fn(png, out, write_buf, flush_buf);
    png_set_IHDR(png, info, (png_uint_32)b->w, (png_uint_32)b->h, 1, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 6);
    png_write_info(png, info);
    for (int y = 0; y < b->h; y++) {
        const uint8_t *src = b->bits + (size_t)y * (size_t)b->stride;
        for (int i = 0; i < b->stride; i++) /* PNG grey: 1 = white */
            row[i] = (uint8_t)~src[i];
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    ok = true;
done:
    png_destroy_write_struct(&png, &info);
    free(row);
    return ok;
}

bool pngio_save(const struct bitmap *b, const char *path, char *err, size_t cap)
{
    struct strbuf sb;
    strbuf_init(&sb);
    bool ok = pngio_encode(b, &sb);
    if (!ok) {
        snprintf(err, cap, "cannot encode a PNG of %dx%d dots", b->w, b->h);
        goto done;
    }
    FILE *f = fopen(path, "wb");
    ok = f && fwrite(sb.s, 1, sb.len, f) == sb.len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        snprintf(err, cap, "cannot write %s", path);
done:
    strbuf_free(&sb);
    return ok;
}

/* Reads the PNG at path into a new buffer in format (transparent pixels
 * over background, if given); NULL with err filled on a missing, broken or
 * oversized file. */
static uint8_t *read_png(const char *path, png_uint_32 format, const png_color *background, int *w,
                         int *h, char *err, size_t cap)
{
    png_image img;
    memset(&img, 0, sizeof(img));
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        snprintf(err, cap, "cannot read %s: %s", path, img.message);
        return NULL;
    }
    if (img.width < 1 || img.height < 1 || img.width > 16384 || img.height > 16384) {
        snprintf(err, cap, "%s: %ux%u pixels is too large (at most 16384 a side)", path,
                 (unsigned)img.width, (unsigned)img.height);
        png_image_free(&img);
        return NULL;
    }
    img.format = format;
    uint8_t *buf = xmalloc(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, background, buf, 0, NULL)) {
        snprintf(err, cap, "cannot decode %s: %s", path, img.message);
        free(buf);
        png_image_free(&img);
        return NULL;
    }
    *w = (int)img.width;
    *h = (int)img.height;
    png_image_free(&img);
    return buf;
}

bool pngio_load(const char *path, struct bitmap *b, char *err, size_t cap)
{
    static const png_color white = {255, 255, 255};
    int w, h;
    uint8_t *grey = read_png(path, PNG_FORMAT_GRAY, &white, &w, &h, err, cap);
    if (!grey)
        return false;
    bitmap_init(b, w, h);
    bitmap_threshold(b, 0, 0, grey, b->w, b->h, b->w);
    free(grey);
    return true;
}

bool pngio_load_rgba(const char *path, uint8_t **px, int *w, int *h, char *err, size_t cap)
{
    *px = read_png(path, PNG_FORMAT_RGBA, NULL, w, h, err, cap);
    return *px != NULL;
}
