/* draw: the drawing primitives screens and widgets use — rectangles with
 * anti-aliased rounded corners, rings, cards, icons, text and QR codes —
 * on the SDL renderer. Coordinates are given for a left-to-right layout;
 * when mirror is set (right-to-left languages) every rectangle is flipped
 * across the window, so the whole layout mirrors without each screen
 * knowing. Owns the corner, icon and QR textures it caches. */
#ifndef AULA_UI_DRAW_H
#define AULA_UI_DRAW_H

#include "text/text.h"
#include "ui/theme.h"

#include <SDL.h>
#include <stdbool.h>

#define DRAW_CACHE 64
/* QR codes kept (a few KiB each: one pixel per module). */
#define DRAW_QR_CACHE 8

struct draw_tex {
    char key[96];
    int a, b;
    Uint32 rgba; /* the colour baked into the pixels */
    SDL_Texture *tex;
    int w; /* a QR code's side in modules */
};

struct draw {
    SDL_Renderer *ren;
    struct text *text;
    const struct theme *th;
    bool mirror;
    struct draw_tex corners[DRAW_CACHE];
    int ncorners;
    struct draw_tex icons[DRAW_CACHE];
    int nicons;
    struct draw_tex qrs[DRAW_QR_CACHE];
    int nqrs;
};

void draw_init(struct draw *d, SDL_Renderer *ren, struct text *text, const struct theme *th);
void draw_free(struct draw *d);
/* Forgets cached textures (theme or size change). */
void draw_flush(struct draw *d);

/* The screen rectangle of a layout rectangle (flipped when mirroring,
 * lowered by the theme's top in reach mode). */
SDL_Rect draw_map(const struct draw *d, SDL_Rect r);
SDL_Color draw_color(const struct draw *d, enum theme_color c);

void draw_clear(struct draw *d, enum theme_color c);
void draw_rect(struct draw *d, SDL_Rect r, SDL_Color c);
void draw_rrect(struct draw *d, SDL_Rect r, int radius, SDL_Color c);
void draw_rring(struct draw *d, SDL_Rect r, int radius, int width, SDL_Color c);
/* A card: a surface-coloured rounded rectangle with a soft lower edge. */
void draw_card(struct draw *d, SDL_Rect r, enum theme_color bg);
/* An icon in a square (r.w = r.h). */
void draw_icon(struct draw *d, const char *name, SDL_Rect r, SDL_Color c);
/* Clips drawing to r (NULL: no clip). */
void draw_clip(struct draw *d, const SDL_Rect *r);

/* Text at x, y in a box of st->width (or its own width): returns the box. */
const struct text_box *draw_text(struct draw *d, const char *s, const struct text_style *st, int x,
                                 int y);
/* Height the text would take. */
int draw_text_height(struct draw *d, const char *s, const struct text_style *st);
/* A style of the theme: size, weight, colour, wrap width; alignment START. */
struct text_style draw_style(const struct draw *d, int size, enum text_weight w, enum theme_color c,
                             int width);

/* A QR code of payload, light quiet zone included, with its top-left at x, y
 * and a side of at least min_side (whole pixels per module). Returns the
 * side drawn, 0 if the payload cannot be encoded. */
int draw_qr(struct draw *d, const char *payload, int x, int y, int min_side);
/* The side draw_qr would use. */
int draw_qr_side(struct draw *d, const char *payload, int min_side);

#endif
