/* draw: renderer primitives with mirroring and small texture caches; see
 * draw.h. Rounded corners come from a disc rasterized once per radius with
 * anti-aliasing, so cards look smooth on the software renderer too. */
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

/* Opaque colours are drawn without blending: the software renderer fills
 * those with a plain memory fill instead of blending each pixel. */
static void set_color(struct draw *d, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(d->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
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

static Uint32 pack_color(SDL_Color c)
{
    return ((Uint32)c.r << 24) | ((Uint32)c.g << 16) | ((Uint32)c.b << 8) | c.a;
}

/* Colours a white 32-bit surface in place: RGB from c, alpha scaled by
 * c.a. Cached textures carry their colour in their pixels because the
 * software renderer blends unmodulated textures several times faster. */
static void tint_surface(SDL_Surface *s, SDL_Color c)
{
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    for (int y = 0; y < s->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++) {
            Uint32 a = (row[x] >> 24) * c.a / 255;
            row[x] = a ? (a << 24) | rgb : 0;
        }
    }
}

/* A 2*radius square holding a whole disc (width 0) or ring of width in
 * colour c, centred. Each corner copies its quadrant with a plain copy:
 * flipped copies (SDL_RenderCopyEx) are slow on the software renderer. */
static SDL_Texture *corner(struct draw *d, int radius, int width, SDL_Color c)
{
    Uint32 rgba = pack_color(c);
    for (int i = 0; i < d->ncorners; i++)
        if (d->corners[i].a == radius && d->corners[i].b == width && d->corners[i].rgba == rgba)
            return d->corners[i].tex;
    int side = 2 * radius;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    /* Rasterize the top-left quadrant with 4x4 supersampling, then mirror
     * it into the other three. */
    for (int y = 0; y < radius; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        Uint32 *low = (Uint32 *)((Uint8 *)s->pixels + (side - 1 - y) * s->pitch);
        for (int x = 0; x < radius; x++) {
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
            Uint32 v = ((Uint32)(hits * 255 / 16) << 24) | 0xFFFFFFu;
            row[x] = row[side - 1 - x] = low[x] = low[side - 1 - x] = v;
        }
    }
    tint_surface(s, c);
    SDL_Texture *tex = SDL_CreateTextureFromSurface(d->ren, s);
    SDL_FreeSurface(s);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    struct draw_tex *t = cache_put(d->corners, &d->ncorners, DRAW_CACHE);
    t->a = radius;
    t->b = width;
    t->rgba = rgba;
    t->tex = tex;
    return tex;
}

static void draw_corners(struct draw *d, SDL_Rect r, int radius, int width, SDL_Color c)
{
    SDL_Texture *tex = corner(d, radius, width, c);
    if (!tex)
        return;
    int right = r.x + r.w - radius, bottom = r.y + r.h - radius;
    const SDL_Rect src[4] = {{0, 0, radius, radius},
                             {radius, 0, radius, radius},
                             {0, radius, radius, radius},
                             {radius, radius, radius, radius}};
    const SDL_Rect dst[4] = {{r.x, r.y, radius, radius},
                             {right, r.y, radius, radius},
                             {r.x, bottom, radius, radius},
                             {right, bottom, radius, radius}};
    for (int i = 0; i < 4; i++)
        SDL_RenderCopy(d->ren, tex, &src[i], &dst[i]);
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

/* Mirrors a 32-bit surface left to right, in place. */
static void mirror_surface(SDL_Surface *s)
{
    for (int y = 0; y < s->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int a = 0, b = s->w - 1; a < b; a++, b--) {
            Uint32 t = row[a];
            row[a] = row[b];
            row[b] = t;
        }
    }
}

void draw_icon(struct draw *d, const char *name, SDL_Rect r, SDL_Color c)
{
    if (r.w <= 0)
        return;
    /* Arrows point the other way in a mirrored layout: a mirrored copy is
     * cached, as flipped copies are slow on the software renderer. */
    int flip = d->mirror && icon_directional(name);
    Uint32 rgba = pack_color(c);
    SDL_Texture *tex = NULL;
    for (int i = 0; i < d->nicons && !tex; i++)
        if (d->icons[i].a == r.w && d->icons[i].b == flip && d->icons[i].rgba == rgba &&
            strcmp(d->icons[i].key, name) == 0)
            tex = d->icons[i].tex;
    if (!tex) {
        SDL_Surface *s = icon_render(name, r.w);
        if (!s)
            return;
        if (SDL_LockSurface(s) == 0) {
            if (flip)
                mirror_surface(s);
            tint_surface(s, c);
            SDL_UnlockSurface(s);
        }
        tex = SDL_CreateTextureFromSurface(d->ren, s);
        SDL_FreeSurface(s);
        if (!tex)
            return;
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        struct draw_tex *t = cache_put(d->icons, &d->nicons, DRAW_CACHE);
        snprintf(t->key, sizeof(t->key), "%s", name);
        t->a = r.w;
        t->b = flip;
        t->rgba = rgba;
        t->tex = tex;
    }
    SDL_Rect m = draw_map(d, r);
    SDL_RenderCopy(d->ren, tex, NULL, &m);
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

/* The QR code of payload, one pixel per module, quiet zone included: a
 * few KiB instead of the drawn size's hundreds, scaled up by a whole
 * number when drawn (nearest pixel, opaque: a plain stretch). w is the
 * side in modules. */
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
    int px = side;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, px, px, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture *tex = NULL;
    if (s) {
        SDL_Color dark = d->th->c[COL_QR_DARK], light = d->th->c[COL_QR_LIGHT];
        Uint32 dk = SDL_MapRGBA(s->format, dark.r, dark.g, dark.b, 255);
        Uint32 lt = SDL_MapRGBA(s->format, light.r, light.g, light.b, 255);
        for (int y = 0; y < px; y++) {
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
            for (int x = 0; x < px; x++)
                row[x] = qr_dark(&qr, x - QR_QUIET_ZONE, y - QR_QUIET_ZONE) ? dk : lt;
        }
        tex = SDL_CreateTextureFromSurface(d->ren, s);
        SDL_FreeSurface(s);
    }
    qr_free(&qr);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);   /* opaque: a plain copy */
    SDL_SetTextureScaleMode(tex, SDL_ScaleModeNearest); /* sharp modules */
    struct draw_tex *t = cache_put(d->qrs, &d->nqrs, DRAW_QR_CACHE);
    snprintf(t->key, sizeof(t->key), "%s", payload);
    t->a = hash;
    t->b = (int)strlen(payload);
    t->tex = tex;
    t->w = side;
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
