/* theme: every colour, text size, spacing and touch-target size of the
 * kiosk in one place, computed from the window size and the screen's pixel
 * density. Widgets and screens take their numbers from here, never from
 * literals, so that the four target layouts (1920x1080, 1080x1920,
 * 1280x800, 800x480) and later themes (large text, high contrast) come from
 * one table. Text/background pairs are listed for the contrast test.
 *
 * Accessibility modes (struct theme_modes) change the table, not the
 * screens: large text scales every text size and target, high contrast
 * swaps in a second colour table, reach mode lowers the whole layout into
 * the lower part of the screen (top = where it starts, h = what is left),
 * reduced motion turns inertia off. */
#ifndef AULA_UI_THEME_H
#define AULA_UI_THEME_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

enum theme_color {
    COL_BG,           /* page background */
    COL_SURFACE,      /* cards */
    COL_SHADOW,       /* the edge under a card */
    COL_BORDER,       /* outlines of secondary buttons */
    COL_TEXT,         /* body text on BG and SURFACE */
    COL_TEXT_MUTED,   /* secondary text on BG and SURFACE */
    COL_PRIMARY,      /* header band, primary buttons */
    COL_ON_PRIMARY,   /* text on PRIMARY */
    COL_ON_PRIMARY_2, /* secondary text on PRIMARY */
    COL_PRIMARY_SOFT, /* selected / today background */
    COL_ON_SOFT,      /* text on PRIMARY_SOFT */
    COL_HEADER_BTN,   /* buttons on the header band */
    COL_FOCUS,        /* keyboard focus ring */
    COL_FOCUS_HALO,   /* the ring's inner edge: visible where FOCUS is not */
    COL_ACCENT,       /* accent text, icons, outlines, the cursor on BG/SURFACE */
    COL_PRESSED,      /* overlay while a finger is down */
    COL_OPEN_BG,
    COL_OPEN_FG,
    COL_CLOSED_BG,
    COL_CLOSED_FG,
    COL_WARN_BG, /* holidays, changes, notices */
    COL_WARN_FG,
    COL_QR_DARK,
    COL_QR_LIGHT,
    COL_TILE_BG_0, /* icon discs of category tiles, cycling */
    COL_TILE_BG_1,
    COL_TILE_BG_2,
    COL_TILE_BG_3,
    COL_TILE_BG_4,
    COL_TILE_BG_5,
    COL_TILE_FG, /* icons on the discs */
    COL_EXIT_BG, /* the quick-exit button of sensitive pages */
    COL_OFF,     /* the screen outside its hours: no light */
    COL_DIM,     /* over the picture outside its hours (off_action = dim) */
    NCOLORS
};
#define THEME_TILE_COLORS 6

/* Per-visitor accessibility modes (the accessibility screen toggles them;
 * an idle reset returns to the kiosk's defaults). */
struct theme_modes {
    bool large_text;     /* text and touch targets THEME_LARGE_TEXT times larger */
    bool high_contrast;  /* black, white and yellow; WCAG 7:1 for all text */
    bool reach;          /* every control in the lower part of the screen */
    bool reduced_motion; /* no inertia, no animated movement */
};
#define THEME_LARGE_TEXT 1.5f
#define THEME_REACH_TOP  0.4f /* reach mode: the layout starts this far down */

struct theme {
    SDL_Color c[NCOLORS];
    struct theme_modes modes;
    int w, h;         /* the layout's size (reach mode: the lower part only) */
    int top;          /* where the layout starts on screen (reach mode) */
    int screen_h;     /* the whole window */
    bool portrait;    /* taller than wide */
    bool compact;     /* a small panel (short side < 600 px) */
    float scale;      /* layout scale against 1920x1080 */
    float text_scale; /* 1, or THEME_LARGE_TEXT */
    bool outline;     /* high contrast: every button gets an outline */
    float px_per_mm;

    /* text sizes (px) */
    int fs_clock, fs_title, fs_heading, fs_subheading, fs_body, fs_small;
    /* spacing (px) */
    int margin, pad, gap, gap_small, radius, radius_small, shadow;
    int ring, ring_gap; /* focus ring width and distance */
    int rule;           /* divider lines, strike-through */
    /* sizes (px) */
    int target;   /* smallest touch target: at least 9 mm */
    int button_h; /* ordinary buttons */
    int header_h; /* header band of inner screens */
    int home_header_h;
    int icon, icon_large, tile_disc;
    int row_h;     /* list rows */
    int qr_min;    /* smallest QR code side: at least 4 cm */
    int max_line;  /* longest comfortable line of body text */
    int drag_slop; /* movement before a press becomes a drag */
    /* motion */
    float fling_decay_ms; /* time constant of inertia */
};

struct theme_pair {
    enum theme_color fg, bg;
    const char *what;
    bool ring; /* the two-tone focus ring: FOCUS or FOCUS_HALO must stand out */
};

/* The default theme for a window of w x h. */
void theme_init(struct theme *t, int w, int h, float px_per_mm);
/* The theme with accessibility modes (m NULL: none). */
void theme_init_modes(struct theme *t, int w, int h, float px_per_mm, const struct theme_modes *m);
/* The colour table: normal, or high contrast. */
void theme_palette(bool high_contrast, SDL_Color out[NCOLORS]);
/* The contrast a pair needs: 4.5:1 for text (7:1 in high contrast), 3:1
 * for non-text such as the focus ring (7:1 in high contrast). */
double theme_pair_need(const struct theme_pair *p, bool high_contrast);
/* Parses "large,contrast,reach,motion" (also "none", or names joined by
 * spaces); false with err filled naming the unknown word. */
bool theme_parse_modes(const char *s, struct theme_modes *m, char *err, size_t cap);
/* Writes the modes back as that list ("none" when off). */
void theme_format_modes(const struct theme_modes *m, char *buf, size_t cap);
bool theme_modes_equal(const struct theme_modes *a, const struct theme_modes *b);
/* WCAG 2 contrast ratio of two opaque colours (1..21). */
double theme_contrast(SDL_Color a, SDL_Color b);
/* The text/background pairs the widgets use; returns how many. */
size_t theme_text_pairs(const struct theme_pair **out);

#endif
