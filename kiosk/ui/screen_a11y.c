/* screen_a11y: the accessibility screen, opened from the accessibility
 * button at home: one large toggle row per mode (large text, high
 * contrast, easy reach, less motion, reading aloud), each with its name, what it does and
 * whether it is on. A toggle takes effect at once, on this screen too, and
 * lasts for this visitor: the idle reset returns to the kiosk's defaults.
 * Owns nothing but its scroll position. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "base/xalloc.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct a11y {
    struct scroll body;
};

#define SPEECH_ROW ((size_t)-1) /* the row that switches speech, not a mode */

static const struct row {
    const char *id, *icon;
    enum str_id label, help;
    size_t mode; /* offset of the bool in struct theme_modes */
} rows[] = {
    {"a11y:large", "textsize", S_A11Y_LARGE, S_A11Y_LARGE_HELP,
     offsetof(struct theme_modes, large_text)},
    {"a11y:contrast", "contrast", S_A11Y_CONTRAST, S_A11Y_CONTRAST_HELP,
     offsetof(struct theme_modes, high_contrast)},
    {"a11y:reach", "reach", S_A11Y_REACH, S_A11Y_REACH_HELP, offsetof(struct theme_modes, reach)},
    {"a11y:motion", "motion", S_A11Y_MOTION, S_A11Y_MOTION_HELP,
     offsetof(struct theme_modes, reduced_motion)},
    /* Reading aloud is not a theme mode: its row switches speech output
     * (platform/speech.h), which the idle reset also returns to the
     * configured setting. */
    {"a11y:speech", "talk", S_A11Y_SPEECH, S_A11Y_SPEECH_HELP, SPEECH_ROW},
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

static bool *mode_of(struct theme_modes *m, const struct row *r)
{
    return (bool *)((char *)m + r->mode);
}

static bool row_on(const struct app *a, const struct row *r)
{
    if (r->mode == SPEECH_ROW)
        return ui_speech_on(a);
    struct theme_modes m = a->theme.modes;
    return *mode_of(&m, r);
}

static void *a11y_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return xcalloc(1, sizeof(struct a11y));
}

static void a11y_leave(struct app *a, void *st)
{
    (void)a;
    free(st);
}

static bool a11y_action(struct app *a, void *st, const char *id)
{
    (void)st;
    for (size_t i = 0; i < NROWS; i++) {
        if (strcmp(id, rows[i].id) != 0)
            continue;
        if (rows[i].mode == SPEECH_ROW) {
            ui_speech_toggle(a);
            if (ui_speech_on(a))
                ui_count(a, STATS_ACCESSIBILITY, "speech");
            snprintf(a->focus, sizeof(a->focus), "%s", id);
            return true;
        }
        struct theme_modes m = a->theme.modes;
        bool *on = mode_of(&m, &rows[i]);
        *on = !*on;
        ui_set_modes(a, &m);
        if (*on) /* anonymous: which modes families use, never who */
            ui_count(a, STATS_ACCESSIBILITY, rows[i].id + 5);
        snprintf(a->focus, sizeof(a->focus), "%s", id); /* the keypad stays on it */
        return true;
    }
    return false;
}

/* One toggle: icon, name and help on the start side, On/Off on the end
 * side; the whole row is the target. Returns its height. */
static int draw_row(struct app *a, const struct row *r, int x, int y, int w, bool on)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    const char *state = ui_str(a, on ? S_A11Y_ON : S_A11Y_OFF);
    int sw = widget_badge_width(a, state, on ? "check" : NULL);
    int is = th->icon_large;
    int tx = x + th->pad + is + th->pad;
    int tw = x + w - th->pad - sw - th->gap - tx;
    bool stacked = tw < th->fs_body * 6; /* narrow: the state goes under the text */
    if (stacked)
        tw = x + w - th->pad - tx;
    struct text_style ls =
        draw_style(d, th->fs_subheading, TEXT_BOLD, on ? COL_ON_SOFT : COL_TEXT, tw);
    struct text_style hs = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, tw);
    const char *label = ui_str(a, r->label), *help = ui_str(a, r->help);
    int lh = draw_text_height(d, label, &ls), hh = draw_text_height(d, help, &hs);
    int bh = widget_badge_h(a);
    int text_h = lh + hh + (stacked ? th->gap_small + bh : 0);
    int h = text_h + 2 * th->pad;
    if (h < th->row_h)
        h = th->row_h;
    SDL_Rect rr = {x, y, w, h};
    ui_target(a, r->id, rr, th->radius);
    if (!ui_visible(a, rr))
        return h;
    draw_card(d, rr, on ? COL_PRIMARY_SOFT : COL_SURFACE);
    draw_rring(d, rr, th->radius, th->rule / 2 + 1, draw_color(d, on ? COL_ACCENT : COL_BORDER));
    draw_icon(d, r->icon, (SDL_Rect){x + th->pad, y + (h - is) / 2, is, is},
              draw_color(d, on ? COL_ON_SOFT : COL_ACCENT));
    int ty = y + (h - text_h) / 2;
    draw_text(d, label, &ls, tx, ty);
    draw_text(d, help, &hs, tx, ty + lh);
    int bx = stacked ? tx : x + w - th->pad - sw;
    int by = stacked ? ty + lh + hh + th->gap_small : y + (h - bh) / 2;
    widget_badge(a, bx, by, state, on ? "check" : NULL, on ? COL_OPEN_FG : COL_TEXT_MUTED,
                 on ? COL_OPEN_BG : COL_SHADOW);
    return h;
}

static void a11y_draw(struct app *a, void *st)
{
    struct a11y *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int top = widget_header(a, ui_str(a, S_A11Y), NULL);
    SDL_Rect view = {0, top, th->w, th->h - top};
    int off = ui_scroll_begin(a, &s->body, view);
    int w = th->w - 2 * th->margin;
    if (w > th->max_line + 2 * th->pad)
        w = th->max_line + 2 * th->pad;
    int x = (th->w - w) / 2;
    int y = top + th->pad + off;
    struct text_style is = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT, w);
    const char *intro = ui_str(a, S_A11Y_INTRO);
    int ih = draw_text_height(d, intro, &is);
    if (ui_visible(a, (SDL_Rect){x, y, w, ih}))
        draw_text(d, intro, &is, x, y);
    y += ih + th->gap;
    for (size_t i = 0; i < NROWS; i++)
        y += draw_row(a, &rows[i], x, y, w, row_on(a, &rows[i])) + th->gap;
    ui_scroll_end(a, &s->body, y - off - top + th->pad);
}

const struct screen_ops screen_a11y = {
    .name = "a11y",
    .enter = a11y_enter,
    .action = a11y_action,
    .draw = a11y_draw,
    .leave = a11y_leave,
};
