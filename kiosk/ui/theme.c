/* theme: the kiosk's design tokens; see theme.h. Sizes are designed at
 * 1920x1080 and scaled by the window's size, with floors so that small
 * panels keep readable text and 9 mm touch targets. */
#include "ui/theme.h"

#include <math.h>

#define DESIGN_LONG  1920.0f
#define DESIGN_SHORT 1080.0f
#define TEXT_FLOOR   0.62f /* text never shrinks below this scale */
#define MM_TARGET    9.0f  /* smallest touch target */
#define MM_QR        40.0f /* smallest QR code */

static SDL_Color hex(unsigned v)
{
    return (SDL_Color){(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
}

static int px(float design, float scale)
{
    int v = (int)lroundf(design * scale);
    return v < 1 ? 1 : v;
}

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

void theme_init(struct theme *t, int w, int h, float px_per_mm)
{
    /* A calm palette: warm paper background, deep teal, soft tints. */
    static const unsigned palette[NCOLORS] = {
        [COL_BG] = 0xF6F3EE,           [COL_SURFACE] = 0xFFFFFF,    [COL_SHADOW] = 0xE2DCD2,
        [COL_BORDER] = 0x8C9AA6,       [COL_TEXT] = 0x1C2733,       [COL_TEXT_MUTED] = 0x4E5A66,
        [COL_PRIMARY] = 0x0E5C63,      [COL_ON_PRIMARY] = 0xFFFFFF, [COL_ON_PRIMARY_2] = 0xD5ECEA,
        [COL_PRIMARY_SOFT] = 0xDDF0EE, [COL_ON_SOFT] = 0x0B4A50,    [COL_HEADER_BTN] = 0x0A474D,
        [COL_FOCUS] = 0xC2410C,        [COL_PRESSED] = 0x000000,    [COL_OPEN_BG] = 0xDCF5E3,
        [COL_OPEN_FG] = 0x14532D,      [COL_CLOSED_BG] = 0xFDE4E4,  [COL_CLOSED_FG] = 0x9B1C1C,
        [COL_WARN_BG] = 0xFDF0C8,      [COL_WARN_FG] = 0x7A3E06,    [COL_QR_DARK] = 0x000000,
        [COL_QR_LIGHT] = 0xFFFFFF,     [COL_TILE_BG_0] = 0xD7EFEC,  [COL_TILE_BG_1] = 0xFCE3D6,
        [COL_TILE_BG_2] = 0xE6E1F7,    [COL_TILE_BG_3] = 0xFBEFC4,  [COL_TILE_BG_4] = 0xDCE9F8,
        [COL_TILE_BG_5] = 0xE0F1D8,    [COL_TILE_FG] = 0x1C2733,    [COL_EXIT_BG] = 0xB42318,
        [COL_OFF] = 0x000000,          [COL_DIM] = 0x000000,
    };
    for (int i = 0; i < NCOLORS; i++)
        t->c[i] = hex(palette[i]);
    t->c[COL_PRESSED].a = 36;
    t->c[COL_DIM].a = 200; /* a dimmed screen: content barely visible */

    t->w = w;
    t->h = h;
    t->portrait = h > w;
    int longside = w > h ? w : h, shortside = w > h ? h : w;
    t->compact = shortside < 600;
    float s = fminf((float)longside / DESIGN_LONG, (float)shortside / DESIGN_SHORT);
    float ts = fmaxf(s, TEXT_FLOOR);
    t->scale = s;
    t->px_per_mm = px_per_mm > 0 ? px_per_mm : 2.0f;

    t->fs_clock = px(76, ts);
    t->fs_title = px(54, ts);
    t->fs_heading = px(40, ts);
    t->fs_subheading = px(32, ts);
    t->fs_body = px(29, ts);
    t->fs_small = px(24, ts);

    t->margin = px(48, s);
    t->pad = px(28, s);
    t->gap = px(20, s);
    t->gap_small = px(10, s);
    t->radius = px(22, s);
    t->radius_small = px(12, s);
    t->shadow = px(3, s);
    t->ring = max_i(3, px(5, s));
    t->ring_gap = max_i(2, px(4, s));
    t->rule = max_i(2, px(3, s));

    int nine_mm = (int)ceilf(MM_TARGET * t->px_per_mm);
    t->target = max_i(px(88, s), nine_mm);
    t->button_h = max_i(t->target, (int)(t->fs_body * 2.4f));
    t->header_h = max_i(px(120, s), t->button_h + 2 * t->gap_small);
    t->home_header_h = max_i(px(200, s), t->fs_title + t->fs_body + 3 * t->pad);
    t->icon = max_i(px(40, s), t->fs_body);
    t->icon_large = max_i(px(64, s), t->fs_title);
    t->tile_disc = max_i(px(96, s), (int)(t->fs_title * 1.5f));
    t->row_h = max_i(px(140, s), t->target);
    t->qr_min = max_i((int)ceilf(MM_QR * t->px_per_mm), px(300, s));
    t->max_line = px(1100, ts);
    t->drag_slop = max_i(px(14, s), (int)(2.5f * t->px_per_mm));
    t->fling_decay_ms = 325.0f;
}

static double channel(Uint8 v)
{
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double theme_contrast(SDL_Color a, SDL_Color b)
{
    double la = luminance(a), lb = luminance(b);
    if (la < lb) {
        double x = la;
        la = lb;
        lb = x;
    }
    return (la + 0.05) / (lb + 0.05);
}

size_t theme_text_pairs(const struct theme_pair **out)
{
    static const struct theme_pair pairs[] = {
        {COL_TEXT, COL_BG, "body text on the page"},
        {COL_TEXT, COL_SURFACE, "body text on a card"},
        {COL_TEXT_MUTED, COL_BG, "secondary text on the page"},
        {COL_TEXT_MUTED, COL_SURFACE, "secondary text on a card"},
        {COL_ON_PRIMARY, COL_PRIMARY, "text on the header band and primary buttons"},
        {COL_ON_PRIMARY_2, COL_PRIMARY, "secondary text on the header band"},
        {COL_ON_PRIMARY, COL_HEADER_BTN, "text on header buttons"},
        {COL_ON_SOFT, COL_PRIMARY_SOFT, "text on selected/today"},
        {COL_TEXT, COL_PRIMARY_SOFT, "body text on today"},
        {COL_TEXT_MUTED, COL_PRIMARY_SOFT, "secondary text on today"},
        {COL_OPEN_FG, COL_OPEN_BG, "open-now badge"},
        {COL_CLOSED_FG, COL_CLOSED_BG, "closed/cancelled badge"},
        {COL_CLOSED_FG, COL_SURFACE, "cancelled text on a card"},
        {COL_WARN_FG, COL_WARN_BG, "holiday and notice"},
        {COL_TEXT, COL_WARN_BG, "body text on a holiday"},
        {COL_TILE_FG, COL_TILE_BG_0, "tile icon 0"},
        {COL_TILE_FG, COL_TILE_BG_1, "tile icon 1"},
        {COL_TILE_FG, COL_TILE_BG_2, "tile icon 2"},
        {COL_TILE_FG, COL_TILE_BG_3, "tile icon 3"},
        {COL_TILE_FG, COL_TILE_BG_4, "tile icon 4"},
        {COL_TILE_FG, COL_TILE_BG_5, "tile icon 5"},
        {COL_ON_PRIMARY, COL_EXIT_BG, "the quick-exit button"},
        {COL_FOCUS, COL_BG, "focus ring on the page (non-text, 3:1 is enough)"},
    };
    *out = pairs;
    return sizeof(pairs) / sizeof(pairs[0]);
}
