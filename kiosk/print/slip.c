/* slip: layout of the contact slip into a 1-bit picture; see slip.h.
 *
 * Text is drawn one block at a time into a strip (a software-rendered
 * surface as wide as the paper), read back and thresholded into the
 * bitmap, so memory stays at one strip whatever the slip's length. Sizes
 * are in millimetres and turned into dots by the dpi. */
#include "print/slip.h"
#include "print/pngio.h"
#include "qr/qr.h"
#include "text/text.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SLIP_MM      600 /* longest slip; the rest is cut off */
#define STRIP_LINES      12  /* a strip holds this many lines of the largest size */
#define LOGO_MAX_H_MM    14
#define LOGO_MAX_W_PCT   60
#define QR_WIDTH_PCT     72 /* the code with its quiet zone takes at most this much */
#define QR_MAX_MODULE_MM 1.0
#define QR_MIN_DOTS      3 /* a module smaller than this does not scan off thermal paper */

/* Sizes in tenths of a millimetre. */
enum {
    MM_SMALL = 27,
    MM_BODY = 32,
    MM_PHONE = 38,
    MM_TITLE = 44,
    MM_MARGIN = 10,
    MM_GAP = 25,
    MM_GAP_SMALL = 8,
    MM_RULE = 3,
    MM_BOTTOM = 30,
};

struct slip_maker {
    int w, dpi;
    int small, body, phone, title; /* font sizes in dots */
    int margin, gap, gap_small, rule;
    SDL_Surface *strip;
    SDL_Renderer *ren;
    struct text *text;
    uint8_t *logo; /* grey, already scaled */
    int logo_w, logo_h;
    bool ttf_up;
};

static int dots(const struct slip_maker *m, int tenth_mm)
{
    return (tenth_mm * m->dpi + 127) / 254;
}

int slip_width_dots(int paper_mm, int dpi)
{
    int printable_mm = paper_mm <= 58 ? 48 : 72;
    int d = (printable_mm * dpi * 10 + 127) / 254;
    return (d + 4) / 8 * 8; /* whole bytes: 576 and 384 at 203 dpi */
}

/* Loads a PNG, puts it over white and scales it (area average) into the
 * logo box. */
static bool load_logo(struct slip_maker *m, const char *path, char *err, size_t cap)
{
    uint8_t *px;
    int sw, sh;
    char why[400];
    if (!pngio_load_rgba(path, &px, &sw, &sh, why, sizeof(why))) {
        snprintf(err, cap, "cannot read the logo %s: %s", path, why);
        return false;
    }
    int max_w = m->w * LOGO_MAX_W_PCT / 100, max_h = dots(m, LOGO_MAX_H_MM * 10);
    double k = (double)max_w / sw;
    if ((double)max_h / sh < k)
        k = (double)max_h / sh;
    m->logo_w = (int)(sw * k);
    m->logo_h = (int)(sh * k);
    if (m->logo_w < 1)
        m->logo_w = 1;
    if (m->logo_h < 1)
        m->logo_h = 1;
    m->logo = xmalloc((size_t)m->logo_w * (size_t)m->logo_h);
    for (int y = 0; y < m->logo_h; y++) {
        int y0 = (int)(y / k), y1 = (int)((y + 1) / k);
        if (y1 <= y0)
            y1 = y0 + 1;
        if (y1 > sh)
            y1 = sh;
        for (int x = 0; x < m->logo_w; x++) {
            int x0 = (int)(x / k), x1 = (int)((x + 1) / k);
            if (x1 <= x0)
                x1 = x0 + 1;
            if (x1 > sw)
                x1 = sw;
            long sum = 0, n = 0;
            for (int j = y0; j < y1; j++) {
                const uint8_t *row = px + (size_t)j * (size_t)sw * 4;
                for (int i = x0; i < x1; i++) {
                    const uint8_t *p = row + (size_t)i * 4;
                    int r = p[0], g = p[1], b = p[2], a = p[3];
                    int lum = (r * 299 + g * 587 + b * 114) / 1000;
                    sum += (lum * a + 255 * (255 - a)) / 255;
                    n++;
                }
            }
            m->logo[(size_t)y * (size_t)m->logo_w + (size_t)x] = (uint8_t)(n ? sum / n : 255);
        }
    }
    free(px);
    return true;
}

struct slip_maker *slip_maker_new(const struct slip_options *o, char *err, size_t cap)
{
    if (o->width_dots < 200 || o->width_dots > 4096 || o->dpi < 100 || o->dpi > 1200) {
        snprintf(err, cap, "unsupported slip size: %d dots at %d dpi", o->width_dots, o->dpi);
        return NULL;
    }
    struct slip_maker *m = xcalloc(1, sizeof(*m));
    m->w = o->width_dots;
    m->dpi = o->dpi;
    m->small = dots(m, MM_SMALL);
    m->body = dots(m, MM_BODY);
    m->phone = dots(m, MM_PHONE);
    m->title = dots(m, MM_TITLE);
    m->margin = dots(m, MM_MARGIN);
    m->gap = dots(m, MM_GAP);
    m->gap_small = dots(m, MM_GAP_SMALL);
    m->rule = dots(m, MM_RULE);
    if (TTF_Init() != 0) { /* counted: pairs with TTF_Quit() in slip_maker_free() */
        snprintf(err, cap, "cannot start SDL_ttf: %s", TTF_GetError());
        goto fail;
    }
    m->ttf_up = true;
    int strip_h = m->title * 3 / 2 * STRIP_LINES;
    m->strip = SDL_CreateRGBSurfaceWithFormat(0, m->w, strip_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!m->strip) {
        snprintf(err, cap, "cannot allocate the slip canvas: %s", SDL_GetError());
        goto fail;
    }
    m->ren = SDL_CreateSoftwareRenderer(m->strip);
    if (!m->ren) {
        snprintf(err, cap, "cannot create a software renderer: %s", SDL_GetError());
        goto fail;
    }
    m->text = text_new(m->ren, o->font_dir, err, cap);
    if (!m->text)
        goto fail;
    /* Open every font the layout uses now, on the caller's thread. */
    const int sizes[] = {m->small, m->body, m->phone, m->title};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        text_width(m->text, "Aa \xd8\xb9", sizes[i], TEXT_REGULAR);
        text_width(m->text, "Aa \xd8\xb9", sizes[i], TEXT_BOLD);
    }
    text_flush(m->text);
    if (o->logo_png && o->logo_png[0] && !load_logo(m, o->logo_png, err, cap))
        goto fail;
    return m;
fail:
    slip_maker_free(m);
    return NULL;
}

void slip_maker_free(struct slip_maker *m)
{
    if (!m)
        return;
    text_free(m->text);
    if (m->ren)
        SDL_DestroyRenderer(m->ren);
    SDL_FreeSurface(m->strip);
    free(m->logo);
    if (m->ttf_up)
        TTF_Quit();
    free(m);
}

/* ---- drawing ---- */

struct pen {
    struct slip_maker *m;
    struct bitmap *b;
    int y;
    bool rtl;
};

static bool empty(const char *s)
{
    return !s || !s[0];
}

/* Draws one block of text at the pen and moves it down. */
static void put_text(struct pen *p, const char *s, int size, enum text_weight weight,
                     enum text_align align)
{
    if (empty(s))
        return;
    struct slip_maker *m = p->m;
    struct text_style st = {
        .size = size,
        .weight = weight,
        .color = {0, 0, 0, 255},
        .width = m->w - 2 * m->margin,
        .max_lines = m->strip->h / text_line_height(m->text, size),
        .align = align,
        .rtl = p->rtl,
    };
    SDL_SetRenderDrawColor(m->ren, 255, 255, 255, 255);
    SDL_RenderClear(m->ren);
    const struct text_box *box = text_draw(m->text, s, &st, m->margin, 0);
    SDL_RenderFlush(m->ren);
    int h = box->h < m->strip->h ? box->h : m->strip->h;
    /* The strip is ARGB over opaque white: the blue byte is the grey level. */
    uint8_t *grey = xmalloc((size_t)m->w * (size_t)(h > 0 ? h : 1));
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)m->strip->pixels +
                                                 (size_t)y * (size_t)m->strip->pitch);
        for (int x = 0; x < m->w; x++)
            grey[(size_t)y * (size_t)m->w + (size_t)x] = (uint8_t)(row[x] & 255);
    }
    bitmap_threshold(p->b, 0, p->y, grey, m->w, h, m->w);
    free(grey);
    p->y += h;
}

/* A label (small, bold) and its value below it, on one line if a smaller
 * size (down to the labels' size) makes it fit: an e-mail address broken in
 * two is hard to type. */
static void put_field(struct pen *p, const char *label, const char *value, int size,
                      enum text_weight weight)
{
    if (empty(value))
        return;
    struct slip_maker *m = p->m;
    put_text(p, label, m->small, TEXT_BOLD, TEXT_START);
    /* Only the sizes slip_maker_new() opened: no font is opened here. */
    const int sizes[] = {size, m->body, m->small};
    for (size_t i = 0; i < 3; i++) {
        if (sizes[i] > size)
            continue;
        size = sizes[i];
        if (text_width(m->text, value, size, weight) <= m->w - 2 * m->margin)
            break;
    }
    put_text(p, value, size, weight, TEXT_START);
    p->y += p->m->gap_small;
}

static void put_rule(struct pen *p)
{
    struct slip_maker *m = p->m;
    bitmap_fill(p->b, m->margin, p->y, m->w - 2 * m->margin, m->rule, true);
    p->y += m->rule;
}

static bool put_qr(struct pen *p, const char *payload, char *err, size_t cap)
{
    struct slip_maker *m = p->m;
    struct qr_code qr;
    if (!qr_encode(payload, &qr)) {
        snprintf(err, cap, "the QR payload (%zu bytes) does not fit in a code", strlen(payload));
        return false;
    }
    int side = qr.size + 2 * QR_QUIET_ZONE;
    int mod = m->w * QR_WIDTH_PCT / 100 / side;
    int max_mod = (int)(QR_MAX_MODULE_MM * m->dpi / 25.4 + 0.5);
    if (mod > max_mod)
        mod = max_mod;
    if (mod < QR_MIN_DOTS) {
        snprintf(err, cap, "the QR code (%d modules) is too large for %d dots", qr.size, m->w);
        qr_free(&qr);
        return false;
    }
    int x0 = (m->w - side * mod) / 2 + QR_QUIET_ZONE * mod;
    int y0 = p->y + QR_QUIET_ZONE * mod;
    for (int y = 0; y < qr.size; y++)
        for (int x = 0; x < qr.size; x++)
            if (qr_dark(&qr, x, y))
                bitmap_fill(p->b, x0 + x * mod, y0 + y * mod, mod, mod, true);
    p->y += side * mod;
    qr_free(&qr);
    return true;
}

bool slip_render(struct slip_maker *m, const struct slip *s, struct bitmap *out, char *err,
                 size_t cap)
{
    bitmap_init(out, m->w, dots(m, MAX_SLIP_MM * 10));
    struct pen p = {m, out, 0, s->rtl};
    if (m->logo) {
        bitmap_dither(out, (m->w - m->logo_w) / 2, p.y, m->logo, m->logo_w, m->logo_h, m->logo_w);
        p.y += m->logo_h + m->gap_small;
    }
    put_text(&p, s->place, m->body, TEXT_BOLD, TEXT_CENTER);
    p.y += m->gap_small;
    put_rule(&p);
    p.y += m->gap;
    put_text(&p, s->title, m->title, TEXT_BOLD, TEXT_START);
    put_text(&p, s->subtitle, m->body, TEXT_REGULAR, TEXT_START);
    p.y += m->gap;
    if (!empty(s->person)) {
        put_text(&p, s->person, m->phone, TEXT_BOLD, TEXT_START);
        put_text(&p, s->person_title, m->body, TEXT_REGULAR, TEXT_START);
        p.y += m->gap;
    }
    put_field(&p, s->phone_label, s->phone, m->phone, TEXT_BOLD);
    put_field(&p, s->email_label, s->email, m->body, TEXT_REGULAR);
    put_field(&p, s->address_label, s->address, m->body, TEXT_REGULAR);
    if (s->nhours) {
        put_text(&p, s->hours_label, m->small, TEXT_BOLD, TEXT_START);
        for (size_t i = 0; i < s->nhours && i < SLIP_MAX_HOURS; i++)
            put_text(&p, s->hours[i], m->body, TEXT_REGULAR, TEXT_START);
        p.y += m->gap_small;
    }
    bool ok = true;
    if (!empty(s->qr_payload)) {
        p.y += m->gap_small;
        ok = put_qr(&p, s->qr_payload, err, cap);
        put_text(&p, s->qr_caption, m->small, TEXT_REGULAR, TEXT_CENTER);
    }
    p.y += m->gap;
    put_rule(&p);
    p.y += m->gap_small;
    put_text(&p, s->date, m->small, TEXT_REGULAR, TEXT_CENTER);
    /* Nothing of this slip stays in the text cache. */
    text_flush(m->text);
    if (!ok) {
        bitmap_free(out);
        return false;
    }
    if (p.y + dots(m, MM_BOTTOM) < out->h)
        out->h = p.y + dots(m, MM_BOTTOM);
    return true;
}
