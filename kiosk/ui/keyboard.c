/* keyboard: layouts, key geometry and drawing of the on-screen keyboard;
 * see keyboard.h. Keys are placed in screen order (left to right, or right
 * to left for Arabic) and mapped back to layout coordinates, so a Latin
 * layout reads left to right even in a mirrored (right-to-left) screen. */
#include "ui/keyboard.h"
#include "ui/widget.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define KB_ROWS      3     /* rows of letters; the bottom row comes below */
#define KB_ROW_MAX   12    /* keys in the longest row of letters */
#define KB_UNITS     12.5f /* key widths across: the longest row and backspace */
#define KB_ERASE_W   1.5f  /* backspace, in key widths */
#define KB_SWITCH_W  2.0f  /* layout switch */
#define KB_CLEAR_W   2.5f  /* clear */
#define KB_MIN_MM    9.0f  /* no key smaller than this */
#define KB_KEY_BYTES 16    /* one key's text */
#define KB_ID_PREFIX "kb:c:"

struct layout {
    const char *rows[KB_ROWS]; /* keys separated by spaces, in reading order */
    const char *label;         /* on the switch key that leads here */
    bool rtl;                  /* keys run right to left */
    const char *first_id;      /* the first letter key's target */
};

static const struct layout layouts[KB_NLAYOUTS] = {
    [KB_FI] = {{"q w e r t y u i o p å", "a s d f g h j k l ö ä", "z x c v b n m"},
               "ABC",
               false,
               KB_ID_PREFIX "q"},
    [KB_EN] = {{"q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"},
               "ABC",
               false,
               KB_ID_PREFIX "q"},
    [KB_RU] = {{"й ц у к е н г ш щ з х ъ", "ф ы в а п р о л д ж э", "я ч с м и т ь б ю ё"},
               "АБВ",
               false,
               KB_ID_PREFIX "й"},
    [KB_UK] = {{"й ц у к е н г ш щ з х ї", "ф і в а п р о л д ж є", "я ч с м и т ь б ю ґ"},
               "АБВ",
               false,
               KB_ID_PREFIX "й"},
    [KB_AR] = {{"ض ص ث ق ف غ ع ه خ ح ج د", "ش س ي ب ل ا ت ن م ك ط", "ذ ئ ء ؤ ر ى ة و ز ظ أ"},
               "أبت",
               true,
               KB_ID_PREFIX "ض"},
    [KB_MORE] = {{"1 2 3 4 5 6 7 8 9 0", "é è á à ü õ ñ ç", "ß ø æ š ž"},
                 "123",
                 false,
                 KB_ID_PREFIX "1"},
};

void keyboard_init(struct keyboard *k, const char *lang)
{
    static const struct {
        const char *lang;
        enum kb_layout primary, alt;
    } by_lang[] = {
        {"fi", KB_FI, KB_MORE}, {"sv", KB_FI, KB_MORE}, {"en", KB_EN, KB_FI},
        {"ru", KB_RU, KB_FI},   {"uk", KB_UK, KB_FI},   {"ar", KB_AR, KB_FI},
    };
    k->primary = KB_FI; /* other Latin-script languages: å ä ö do no harm */
    k->alt = KB_MORE;
    k->showing_alt = false;
    for (size_t i = 0; lang && i < sizeof(by_lang) / sizeof(by_lang[0]); i++) {
        if (strcmp(by_lang[i].lang, lang) == 0) {
            k->primary = by_lang[i].primary;
            k->alt = by_lang[i].alt;
        }
    }
}

enum kb_layout keyboard_layout(const struct keyboard *k)
{
    return k->showing_alt ? k->alt : k->primary;
}

const char *keyboard_first_key(const struct keyboard *k)
{
    return layouts[keyboard_layout(k)].first_id;
}

/* The switch key's label: where it leads. English leads to the Finnish
 * layout, which then says what it adds. */
static const char *switch_label(const struct keyboard *k)
{
    enum kb_layout to = k->showing_alt ? k->primary : k->alt;
    if (to == KB_FI && keyboard_layout(k) == KB_EN)
        return "ÅÄÖ";
    return layouts[to].label;
}

static int min_key(const struct app *a)
{
    return (int)ceilf(KB_MIN_MM * a->theme.px_per_mm);
}

int keyboard_key_size(const struct app *a, int w)
{
    const struct theme *th = &a->theme;
    int fit = (int)((float)(w - (KB_ROW_MAX - 1) * th->gap_small) / KB_UNITS);
    int key = fit < th->target ? fit : th->target;
    return key < min_key(a) ? min_key(a) : key;
}

int keyboard_width(const struct app *a, int key)
{
    return (int)ceilf(KB_UNITS * (float)key) + (KB_ROW_MAX - 1) * a->theme.gap_small;
}

int keyboard_height(const struct app *a, int w)
{
    return (KB_ROWS + 1) * keyboard_key_size(a, w) + KB_ROWS * a->theme.gap_small;
}

/* Splits a row into its keys; returns how many. */
static int row_keys(const char *row, char keys[][KB_KEY_BYTES], int cap)
{
    int n = 0;
    const char *p = row;
    while (*p && n < cap) {
        size_t len = strcspn(p, " ");
        if (len > 0 && len < KB_KEY_BYTES) {
            memcpy(keys[n], p, len);
            keys[n][len] = '\0';
            n++;
        }
        p += len;
        while (*p == ' ')
            p++;
    }
    return n;
}

/* A key at screen position sx (left edge, in screen coordinates) mapped to
 * layout coordinates. */
static SDL_Rect key_rect(const struct app *a, int sx, int y, int w, int h)
{
    SDL_Rect r = {sx, y, w, h};
    if (a->draw.mirror) /* the flip is its own inverse; y stays in layout */
        r.x = a->theme.w - sx - w;
    return r;
}

/* Places n keys of width w (plus an extra key of extra_w at the end when
 * extra_w > 0) centred in the screen span [left, left+span); returns the
 * screen x of key i (i == n: the extra key). */
static int place(int left, int span, int n, int w, int extra_w, int gap, bool rtl, int i)
{
    int total = n * w + (n - 1) * gap + (extra_w > 0 ? gap + extra_w : 0);
    int start = left + (span - total) / 2;
    int x = start + i * (w + gap);
    if (!rtl)
        return x;
    int wi = i == n ? extra_w : w;
    return start + total - (x - start) - wi; /* the same slot from the other end */
}

void keyboard_draw(struct app *a, const struct keyboard *k, SDL_Rect r)
{
    const struct theme *th = &a->theme;
    const struct layout *l = &layouts[keyboard_layout(k)];
    int key = keyboard_key_size(a, r.w);
    int gap = th->gap_small;
    SDL_Rect scr = draw_map(&a->draw, r); /* where the keyboard is on screen */
    int y = r.y;
    for (int row = 0; row < KB_ROWS; row++) {
        char keys[KB_ROW_MAX][KB_KEY_BYTES];
        int n = row_keys(l->rows[row], keys, KB_ROW_MAX);
        int erase_w = row == KB_ROWS - 1 ? (int)(KB_ERASE_W * (float)key) : 0;
        for (int i = 0; i < n; i++) {
            int sx = place(scr.x, scr.w, n, key, erase_w, gap, l->rtl, i);
            char id[UI_ID_LEN];
            snprintf(id, sizeof(id), KB_ID_PREFIX "%s", keys[i]);
            widget_button(a, id, key_rect(a, sx, y, key, key), keys[i], NULL, W_SECONDARY);
        }
        if (erase_w) {
            int sx = place(scr.x, scr.w, n, key, erase_w, gap, l->rtl, n);
            widget_button(a, "kb:erase", key_rect(a, sx, y, erase_w, key), NULL, "erase",
                          W_SECONDARY);
        }
        y += key + gap;
    }
    /* The bottom row: switch, space, clear; space takes what is left of
     * the widest letter row. */
    int sw = (int)(KB_SWITCH_W * (float)key), cw = (int)(KB_CLEAR_W * (float)key);
    int full = (int)(KB_UNITS * (float)key) + (KB_ROW_MAX - 1) * gap;
    if (full > scr.w)
        full = scr.w;
    int left = scr.x + (scr.w - full) / 2;
    int space_w = full - sw - cw - 2 * gap;
    int xs[3] = {left, left + sw + gap, left + sw + gap + space_w + gap};
    int ws[3] = {sw, space_w, cw};
    if (l->rtl) {
        for (int i = 0; i < 3; i++)
            xs[i] = left + full - (xs[i] - left) - ws[i];
    }
    widget_button(a, "kb:layout", key_rect(a, xs[0], y, ws[0], key), switch_label(k), NULL,
                  W_PRIMARY);
    widget_button(a, "kb:space", key_rect(a, xs[1], y, ws[1], key), ui_str(a, S_KB_SPACE), NULL,
                  W_SECONDARY);
    widget_button(a, "kb:clear", key_rect(a, xs[2], y, ws[2], key), ui_str(a, S_KB_CLEAR), NULL,
                  W_SECONDARY);
}

enum kb_result keyboard_press(struct keyboard *k, const char *id, const char **text)
{
    size_t pre = strlen(KB_ID_PREFIX);
    if (strncmp(id, KB_ID_PREFIX, pre) == 0 && id[pre]) {
        *text = id + pre;
        return KB_TYPE;
    }
    if (strcmp(id, "kb:space") == 0) {
        *text = " ";
        return KB_TYPE;
    }
    if (strcmp(id, "kb:erase") == 0)
        return KB_ERASE;
    if (strcmp(id, "kb:clear") == 0)
        return KB_CLEAR;
    if (strcmp(id, "kb:layout") == 0) {
        k->showing_alt = !k->showing_alt;
        return KB_SWITCHED;
    }
    return KB_IGNORED;
}
