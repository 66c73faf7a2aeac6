/* theme: the kiosk's design tokens; see theme.h. Sizes are designed at
 * 1920x1080 and scaled by the window's size, with floors so that small
 * panels keep readable text and 9 mm touch targets. */
#include "ui/theme.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

void theme_palette(bool high_contrast, SDL_Color out[NCOLORS])
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
        [COL_FOCUS_HALO] = 0xFFFFFF,   [COL_ACCENT] = 0x0E5C63,     [COL_OFF] = 0x000000,
        [COL_DIM] = 0x000000,
    };
    /* High contrast: white and yellow on black, dark tints behind badges
     * and tiles, a cyan focus ring; every text pair at least 7:1. */
    static const unsigned contrast[NCOLORS] = {
        [COL_BG] = 0x000000,           [COL_SURFACE] = 0x141414,    [COL_SHADOW] = 0x9A9A9A,
        [COL_BORDER] = 0xFFFFFF,       [COL_TEXT] = 0xFFFFFF,       [COL_TEXT_MUTED] = 0xE0E0E0,
        [COL_PRIMARY] = 0x1F1F1F,      [COL_ON_PRIMARY] = 0xFFE600, [COL_ON_PRIMARY_2] = 0xFFFFFF,
        [COL_PRIMARY_SOFT] = 0x00305C, [COL_ON_SOFT] = 0xFFE600,    [COL_HEADER_BTN] = 0x000000,
        [COL_FOCUS] = 0x00E5FF,        [COL_PRESSED] = 0xFFFFFF,    [COL_OPEN_BG] = 0x0B3D1C,
        [COL_OPEN_FG] = 0x8CFFA8,      [COL_CLOSED_BG] = 0x4A0000,  [COL_CLOSED_FG] = 0xFFA3A3,
        [COL_WARN_BG] = 0x3D3000,      [COL_WARN_FG] = 0xFFE600,    [COL_QR_DARK] = 0x000000,
        [COL_QR_LIGHT] = 0xFFFFFF,     [COL_TILE_BG_0] = 0x003B3B,  [COL_TILE_BG_1] = 0x3B1F00,
        [COL_TILE_BG_2] = 0x2A0050,    [COL_TILE_BG_3] = 0x3B3300,  [COL_TILE_BG_4] = 0x00264D,
        [COL_TILE_BG_5] = 0x143B00,    [COL_TILE_FG] = 0xFFE600,    [COL_EXIT_BG] = 0x7A0000,
        [COL_FOCUS_HALO] = 0x000000,   [COL_ACCENT] = 0xFFE600,     [COL_OFF] = 0x000000,
        [COL_DIM] = 0x000000,
    };
    const unsigned *table = high_contrast ? contrast : palette;
    for (int i = 0; i < NCOLORS; i++)
        out[i] = hex(table[i]);
    out[COL_PRESSED].a = high_contrast ? 64 : 36;
    out[COL_DIM].a = 200; /* a dimmed screen: content barely visible */
}

void theme_init(struct theme *t, int w, int h, float px_per_mm)
{
    theme_init_modes(t, w, h, px_per_mm, NULL);
}

void theme_init_modes(struct theme *t, int w, int h, float px_per_mm, const struct theme_modes *m)
{
    static const struct theme_modes none;
    t->modes = m ? *m : none;
    theme_palette(t->modes.high_contrast, t->c);
    t->outline = t->modes.high_contrast;
    t->screen_h = h;
    t->top = 0;
    /* Reach mode lowers the layout; a small panel is within reach as it is. */
    if (t->modes.reach && (w < h ? w : h) >= 600) {
        t->top = (int)lroundf((float)h * THEME_REACH_TOP);
        h -= t->top;
    }

    t->w = w;
    t->h = h;
    t->portrait = h > w;
    int longside = w > h ? w : h, shortside = w > h ? h : w;
    t->compact = shortside < 600;
    float s = fminf((float)longside / DESIGN_LONG, (float)shortside / DESIGN_SHORT);
    /* Text keeps the size of the whole window in reach mode: the layout
     * is smaller, the text is not. */
    int full_long = w > t->screen_h ? w : t->screen_h,
        full_short = w > t->screen_h ? t->screen_h : w;
    float ts =
        fmaxf(fminf((float)full_long / DESIGN_LONG, (float)full_short / DESIGN_SHORT), TEXT_FLOOR);
    /* Large text: every text size, and the targets that hold text, grow. */
    t->text_scale = t->modes.large_text ? THEME_LARGE_TEXT : 1.0f;
    ts *= t->text_scale;
    float bs = s * t->text_scale; /* sizes of things that hold text */
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
    t->ring = max_i(3, px(t->modes.high_contrast ? 8 : 5, s));
    t->ring_gap = max_i(2, px(4, s));
    t->rule = max_i(2, px(3, s));

    int nine_mm = (int)ceilf(MM_TARGET * t->px_per_mm);
    t->target = max_i(px(88, bs), (int)ceilf((float)nine_mm * t->text_scale));
    t->button_h = max_i(t->target, (int)(t->fs_body * 2.4f));
    t->header_h = max_i(px(120, s), t->button_h + 2 * t->gap_small);
    t->home_header_h = max_i(px(200, s), t->fs_title + t->fs_body + 3 * t->pad);
    t->icon = max_i(px(40, bs), t->fs_body);
    t->icon_large = max_i(px(64, bs), t->fs_title);
    t->tile_disc = max_i(px(96, s), (int)(t->fs_title * 1.5f));
    t->row_h = max_i(px(140, bs), t->target);
    t->qr_min = max_i((int)ceilf(MM_QR * t->px_per_mm), px(300, s));
    t->max_line = px(1100, ts);
    t->drag_slop = max_i(px(14, s), (int)(2.5f * t->px_per_mm));
    t->fling_decay_ms = t->modes.reduced_motion ? 0.0f : 325.0f;
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
        {COL_TEXT, COL_BG, "body text on the page", false},
        {COL_TEXT, COL_SURFACE, "body text on a card", false},
        {COL_TEXT_MUTED, COL_BG, "secondary text on the page", false},
        {COL_TEXT_MUTED, COL_SURFACE, "secondary text on a card", false},
        {COL_ON_PRIMARY, COL_PRIMARY, "text on the header band and primary buttons", false},
        {COL_ON_PRIMARY_2, COL_PRIMARY, "secondary text on the header band", false},
        {COL_ON_PRIMARY, COL_HEADER_BTN, "text on header buttons", false},
        {COL_ON_SOFT, COL_PRIMARY_SOFT, "text on selected/today", false},
        {COL_TEXT, COL_PRIMARY_SOFT, "body text on today", false},
        {COL_TEXT_MUTED, COL_PRIMARY_SOFT, "secondary text on today", false},
        {COL_OPEN_FG, COL_OPEN_BG, "open-now badge", false},
        {COL_CLOSED_FG, COL_CLOSED_BG, "closed/cancelled badge", false},
        {COL_CLOSED_FG, COL_SURFACE, "cancelled text on a card", false},
        {COL_WARN_FG, COL_WARN_BG, "holiday and notice", false},
        {COL_TEXT, COL_WARN_BG, "body text on a holiday", false},
        {COL_TILE_FG, COL_TILE_BG_0, "tile icon 0", false},
        {COL_TILE_FG, COL_TILE_BG_1, "tile icon 1", false},
        {COL_TILE_FG, COL_TILE_BG_2, "tile icon 2", false},
        {COL_TILE_FG, COL_TILE_BG_3, "tile icon 3", false},
        {COL_TILE_FG, COL_TILE_BG_4, "tile icon 4", false},
        {COL_TILE_FG, COL_TILE_BG_5, "tile icon 5", false},
        {COL_ON_PRIMARY, COL_EXIT_BG, "the quick-exit button", false},
        {COL_ACCENT, COL_BG, "accent text and icons on the page", false},
        {COL_ACCENT, COL_SURFACE, "accent text and icons on a card", false},
        {COL_ACCENT, COL_PRIMARY_SOFT, "accent text on today", false},
        {COL_FOCUS, COL_BG, "focus ring on the page", true},
        {COL_FOCUS, COL_SURFACE, "focus ring on a card", true},
        {COL_FOCUS, COL_PRIMARY, "focus ring on the header band", true},
        {COL_FOCUS, COL_WARN_BG, "focus ring on a notice", true},
        {COL_FOCUS, COL_FOCUS_HALO, "the focus ring's two tones", false},
    };
    *out = pairs;
    return sizeof(pairs) / sizeof(pairs[0]);
}

double theme_pair_need(const struct theme_pair *p, bool high_contrast)
{
    bool text = p->fg != COL_FOCUS && p->fg != COL_FOCUS_HALO;
    if (high_contrast)
        return 7.0;
    return text ? 4.5 : 3.0;
}

static const struct {
    const char *name;
    size_t off;
} mode_names[] = {
    {"large", offsetof(struct theme_modes, large_text)},
    {"contrast", offsetof(struct theme_modes, high_contrast)},
    {"reach", offsetof(struct theme_modes, reach)},
    {"motion", offsetof(struct theme_modes, reduced_motion)},
};
#define NMODES (sizeof(mode_names) / sizeof(mode_names[0]))

bool theme_parse_modes(const char *s, struct theme_modes *m, char *err, size_t cap)
{
    memset(m, 0, sizeof(*m));
    while (s && *s) {
        size_t n = strcspn(s, ", \t");
        if (n > 0 && !(n == 4 && strncmp(s, "none", 4) == 0)) {
            size_t i = 0;
            while (i < NMODES &&
                   !(strlen(mode_names[i].name) == n && strncmp(s, mode_names[i].name, n) == 0))
                i++;
            if (i == NMODES) {
                snprintf(err, cap, "'%.*s': expected large, contrast, reach, motion or none",
                         (int)n, s);
                return false;
            }
            *(bool *)((char *)m + mode_names[i].off) = true;
        }
        s += n;
        s += strspn(s, ", \t");
    }
    return true;
}

void theme_format_modes(const struct theme_modes *m, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < NMODES; i++) {
        if (!*(const bool *)((const char *)m + mode_names[i].off))
            continue;
        int w = snprintf(buf + used, cap - used, "%s%s", used ? "," : "", mode_names[i].name);
        if (w < 0 || (size_t)w >= cap - used)
            return;
        used += (size_t)w;
    }
    if (!used)
        snprintf(buf, cap, "none");
}

bool theme_modes_equal(const struct theme_modes *a, const struct theme_modes *b)
{
    return a->large_text == b->large_text && a->high_contrast == b->high_contrast &&
           a->reach == b->reach && a->reduced_motion == b->reduced_motion;
}
