/* draw: renderer primitives with mirroring and small texture caches; see
 * draw.h. Rounded corners are quarter discs rasterized once per radius
 * with anti-aliasing and drawn with flips, so cards look smooth on the
 * software renderer too. */
#include "ui/draw.h"
#include "ui/icon.h"
#include "qr/qr.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void draw_init(struct draw *d, SDL_Renderer *ren, struct text *text, const struct theme *th)
{
    memset(d, 0, sizeof(*d));
    d->ren = ren;
    d->text = text;
    d->th = th;
}

static void flush_list(struct draw_tex *v, int *n)
{
    for (int i = 0; i < *n; i++)
        SDL_DestroyTexture(v[i].tex);
    *n = 0;
}

void draw_flush(struct draw *d)
{
    flush_list(d->corners, &d->ncorners);
    flush_list(d->icons, &d->nicons);
    flush_list(d->qrs, &d->nqrs);
}

void draw_free(struct draw *d)
{
    draw_flush(d);
}

SDL_Rect draw_map(const struct draw *d, SDL_Rect r)
{
    if (d->mirror)
        r.x = d->th->w - r.x - r.w;
    r.y += d->th->top; /* reach mode: the layout sits in the lower part */
    return r;
}

SDL_Color draw_color(const struct draw *d, enum theme_color c)
{
    return d->th->c[c];
}

static void set_color(struct draw *d, SDL_Color c)
{
    SDL_SetRenderDrawColor(d->ren, c.r, c.g, c.b, c.a);
}

void draw_clear(struct draw *d, enum theme_color c)
{
    set_color(d, d->th->c[c]);
    SDL_RenderClear(d->ren);
}

void draw_rect(struct draw *d, SDL_Rect r, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    r = draw_map(d, r);
    set_color(d, c);
    SDL_RenderFillRect(d->ren, &r);
}

/* Puts a texture into a small cache, evicting the oldest when full. */
static struct draw_tex *cache_put(struct draw_tex *v, int *n, int cap)
{
    if (*n == cap) {
        SDL_DestroyTexture(v[0].tex);
        memmove(&v[0], &v[1], sizeof(v[0]) * (size_t)(cap - 1));
        (*n)--;
    }
    struct draw_tex *t = &v[(*n)++];
    memset(t, 0, sizeof(*t));
    return t;
}

/* A radius x radius quarter: a disc (width 0) or a ring of width; the
 * corner's centre is at the bottom-right of the texture. */
static SDL_Texture *corner(struct draw *d, int radius, int width)
{
    for (int i = 0; i < d->ncorners; i++)
        if (d->corners[i].a == radius && d->corners[i].b == width)
            return d->corners[i].tex;
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormat(0, radius, radius, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < radius; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < radius; x++) {
            /* 4x4 supersampling of the pixel. */
            int hits = 0;
            for (int sy = 0; sy < 4; sy++) {
                for (int sx = 0; sx < 4; sx++) {
                    float px = (float)radius - ((float)x + (sx + 0.5f) / 4);
                    float py = (float)radius - ((float)y + (sy + 0.5f) / 4);
                    float dist = sqrtf(px * px + py * py);
                    bool in =
                        dist <= (float)radius && (width == 0 || dist >= (float)(radius - width));
                    hits += in;
                }
            }
            Uint32 a = (Uint32)(hits * 255 / 16);
            row[x] = (a << 24) | 0xFFFFFFu;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(d->ren, s);
    SDL_FreeSurface(s);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    struct draw_tex *t = cache_put(d->corners, &d->ncorners, DRAW_CACHE);
    t->a = radius;
    t->b = width;
    t->tex = tex;
    return tex;
}

static void draw_corners(struct draw *d, SDL_Rect r, int radius, int width, SDL_Color c)
{
    SDL_Texture *tex = corner(d, radius, width);
    if (!tex)
        return;
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_Rect q = {r.x, r.y, radius, radius};
    SDL_RenderCopyEx(d->ren, tex, NULL, &q, 0, NULL, SDL_FLIP_NONE);
    q.x = r.x + r.w - radius;
    SDL_RenderCopyEx(d->ren, tex, NULL, &q, 0, NULL, SDL_FLIP_HORIZONTAL);
    q.y = r.y + r.h - radius;
    SDL_RenderCopyEx(d->ren, tex, NULL, &q, 0, NULL,
                     (SDL_RendererFlip)(SDL_FLIP_HORIZONTAL | SDL_FLIP_VERTICAL));
    q.x = r.x;
    SDL_RenderCopyEx(d->ren, tex, NULL, &q, 0, NULL, SDL_FLIP_VERTICAL);
}

static int clamp_radius(SDL_Rect r, int radius)
{
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius * 2 > r.h)
        radius = r.h / 2;
    return radius < 0 ? 0 : radius;
}

void draw_rrect(struct draw *d, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    r = draw_map(d, r);
    radius = clamp_radius(r, radius);
    set_color(d, c);
    if (radius == 0) {
        SDL_RenderFillRect(d->ren, &r);
        return;
    }
    SDL_Rect mid = {r.x + radius, r.y, r.w - 2 * radius, r.h};
    SDL_Rect left = {r.x, r.y + radius, radius, r.h - 2 * radius};
    SDL_Rect right = {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius};
    SDL_RenderFillRect(d->ren, &mid);
    SDL_RenderFillRect(d->ren, &left);
    SDL_RenderFillRect(d->ren, &right);
    draw_corners(d, r, radius, 0, c);
}

void draw_rring(struct draw *d, SDL_Rect r, int radius, int width, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    r = draw_map(d, r);
    radius = clamp_radius(r, radius);
    if (radius < width)
        radius = width;
    set_color(d, c);
    SDL_Rect e[4] = {
        {r.x + radius, r.y, r.w - 2 * radius, width},
        {r.x + radius, r.y + r.h - width, r.w - 2 * radius, width},
        {r.x, r.y + radius, width, r.h - 2 * radius},
        {r.x + r.w - width, r.y + radius, width, r.h - 2 * radius},
    };
    SDL_RenderFillRects(d->ren, e, 4);
    draw_corners(d, r, radius, width, c);
}

void draw_card(struct draw *d, SDL_Rect r, enum theme_color bg)
{
    SDL_Rect sh = {r.x, r.y + d->th->shadow, r.w, r.h};
    draw_rrect(d, sh, d->th->radius, d->th->c[COL_SHADOW]);
    draw_rrect(d, r, d->th->radius, d->th->c[bg]);
}

void draw_icon(struct draw *d, const char *name, SDL_Rect r, SDL_Color c)
{
    if (r.w <= 0)
        return;
    SDL_Texture *tex = NULL;
    for (int i = 0; i < d->nicons; i++)
        if (d->icons[i].a == r.w && strcmp(d->icons[i].key, name) == 0)
            tex = d->icons[i].tex;
    if (!tex) {
        SDL_Surface *s = icon_render(name, r.w);
        if (!s)
            return;
        tex = SDL_CreateTextureFromSurface(d->ren, s);
        SDL_FreeSurface(s);
        if (!tex)
            return;
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        struct draw_tex *t = cache_put(d->icons, &d->nicons, DRAW_CACHE);
        snprintf(t->key, sizeof(t->key), "%s", name);
        t->a = r.w;
        t->tex = tex;
    }
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_Rect m = draw_map(d, r);
    bool flip = d->mirror && icon_directional(name);
    SDL_RenderCopyEx(d->ren, tex, NULL, &m, 0, NULL, flip ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE);
}

void draw_clip(struct draw *d, const SDL_Rect *r)
{
    if (!r) {
        SDL_RenderSetClipRect(d->ren, NULL);
        return;
    }
    SDL_Rect m = draw_map(d, *r);
    SDL_RenderSetClipRect(d->ren, &m);
}

struct text_style draw_style(const struct draw *d, int size, enum text_weight w, enum theme_color c,
                             int width)
{
    struct text_style st;
    memset(&st, 0, sizeof(st));
    st.size = size;
    st.weight = w;
    st.color = d->th->c[c];
    st.width = width;
    st.align = TEXT_START;
    st.rtl = d->mirror;
    return st;
}

const struct text_box *draw_text(struct draw *d, const char *s, const struct text_style *st, int x,
                                 int y)
{
    const struct text_box *box = text_layout(d->text, s, st);
    int w = st->width > 0 ? st->width : box->w;
    if (d->mirror)
        x = d->th->w - x - w;
    return text_draw(d->text, s, st, x, y + d->th->top);
}

int draw_text_height(struct draw *d, const char *s, const struct text_style *st)
{
    if (!s || !s[0])
        return 0;
    return text_layout(d->text, s, st)->h;
}

/* The cached texture of a QR code: one pixel per module, quiet zone
 * included. */
static int hash_payload(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return (int)(h & 0x7FFFFFFF);
}

static struct draw_tex *qr_texture(struct draw *d, const char *payload)
{
    int hash = hash_payload(payload);
    for (int i = 0; i < d->nqrs; i++)
        if (d->qrs[i].a == hash && d->qrs[i].b == (int)strlen(payload) &&
            strncmp(d->qrs[i].key, payload, sizeof(d->qrs[i].key) - 1) == 0)
            return &d->qrs[i];
    struct qr_code qr;
    if (!qr_encode(payload, &qr))
        return NULL;
    int side = qr.size + 2 * QR_QUIET_ZONE;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture *tex = NULL;
    if (s) {
        SDL_Color dark = d->th->c[COL_QR_DARK], light = d->th->c[COL_QR_LIGHT];
        Uint32 dk = SDL_MapRGBA(s->format, dark.r, dark.g, dark.b, 255);
        Uint32 lt = SDL_MapRGBA(s->format, light.r, light.g, light.b, 255);
        for (int y = 0; y < side; y++) {
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
            for (int x = 0; x < side; x++)
                row[x] = qr_dark(&qr, x - QR_QUIET_ZONE, y - QR_QUIET_ZONE) ? dk : lt;
        }
        tex = SDL_CreateTextureFromSurface(d->ren, s);
        SDL_FreeSurface(s);
    }
    qr_free(&qr);
    if (!tex)
        return NULL;
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeNearest);
    struct draw_tex *t = cache_put(d->qrs, &d->nqrs, 8);
    snprintf(t->key, sizeof(t->key), "%s", payload);
    t->a = hash;
    t->b = (int)strlen(payload);
    t->tex = tex;
    t->w = t->h = side;
    return t;
}

int draw_qr_side(struct draw *d, const char *payload, int min_side)
{
    struct draw_tex *t = qr_texture(d, payload);
    if (!t)
        return 0;
    int module = (min_side + t->w - 1) / t->w;
    return module * t->w;
}

int draw_qr(struct draw *d, const char *payload, int x, int y, int min_side)
{
    struct draw_tex *t = qr_texture(d, payload);
    if (!t)
        return 0;
    int module = (min_side + t->w - 1) / t->w;
    SDL_Rect r = draw_map(d, (SDL_Rect){x, y, module * t->w, module * t->w});
    SDL_RenderCopy(d->ren, t->tex, NULL, &r);
    return r.w;
}
