/* slip: the contact slip a family takes home, and its layout into a 1-bit
 * picture at the printer's width. The model holds only finished strings in
 * the visitor's language (labels included), so this module knows nothing of
 * snapshots or languages; slipfill.h builds a model from the domain's view
 * models. Layout uses the screen's text engine (text/: SDL_ttf, HarfBuzz,
 * FriBidi) drawing into a software renderer, then thresholds text and
 * dithers the logo to 1 bit; the QR code (libqrencode, level M, 4-module
 * quiet zone) is drawn with whole dots per module so that it scans.
 *
 * A slip_maker owns its fonts, renderer and canvas and must be used by one
 * thread at a time. slip_maker_new() opens every font size the layout uses,
 * so a maker created on the UI thread can lay out on a worker thread
 * without touching FreeType's shared state there. */
#ifndef AULA_PRINT_SLIP_H
#define AULA_PRINT_SLIP_H

#include "print/bitmap.h"

#include <stdbool.h>
#include <stddef.h>

#define SLIP_MAX_HOURS 12

struct slip {
    const char *place;        /* "Perhekeskus Aurinkolahti" */
    const char *title;        /* the service or organisation */
    const char *subtitle;     /* its organisation, or "" */
    const char *person;       /* contact person's name, or "" */
    const char *person_title; /* "Terveydenhoitaja, äitiysneuvola" */
    const char *phone_label, *phone;
    const char *email_label, *email;
    const char *address_label, *address;
    const char *hours_label;
    const char *hours[SLIP_MAX_HOURS]; /* "ma–to 8.00–16.00" */
    size_t nhours;
    const char *qr_payload; /* tel:, vCard or URL; "" = no code */
    const char *qr_caption; /* "Soita: skannaa puhelimella" */
    const char *date;       /* "23.11.2026" as the visitor reads dates */
    bool rtl;               /* the visitor's language is written right to left */
};

struct slip_options {
    int width_dots;       /* 384 (58 mm) or 576 (80 mm) at 203 dpi */
    int dpi;              /* 203 by default */
    const char *font_dir; /* NULL: the text engine's default (Noto, or $AULA_FONT_DIR) */
    const char *logo_png; /* a PNG file printed on top of every slip, or NULL */
};

struct slip_maker;

/* A maker for one printer: width, dpi and logo are fixed here. Returns NULL
 * with err set (no fonts, a width under 200 dots, an unreadable logo). */
struct slip_maker *slip_maker_new(const struct slip_options *o, char *err, size_t cap);
void slip_maker_free(struct slip_maker *m);

/* Lays out s into out (bitmap_free() it). False with err set if the slip
 * cannot be drawn (a QR payload too long for a code). */
bool slip_render(struct slip_maker *m, const struct slip *s, struct bitmap *out, char *err,
                 size_t cap);

/* Dots for a paper width in millimetres (58 or 80) at dpi: the printable
 * width of common receipt printers (48 mm and 72 mm). */
int slip_width_dots(int paper_mm, int dpi);

#endif
