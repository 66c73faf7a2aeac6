/* screen_staff_check: the staff menu's screen check, for the touch
 * calibration. Five marked circles, one at a time: the top corner on the
 * start side, the other top corner, the bottom corner on the end side, the
 * other bottom corner, and the centre. Each tap is measured against the
 * circle's centre and shown in millimetres (the theme's px_per_mm); after
 * the fifth a verdict: OK when every tap landed within CHECK_OK_MM. The
 * verdict is also logged. Back (or Escape) returns to the staff page; the
 * staff idle time goes home. */
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/widget.h"
#include "base/log.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK_N        5
#define CHECK_OK_MM    3.0f
#define CHECK_INSET_MM 12.0f /* a corner circle's centre from the edges */
#define CHECK_RING_MM  4.5f  /* the circle's radius: a 9 mm target */

struct check_state {
    int done;              /* taps measured, 0..CHECK_N */
    float off_mm[CHECK_N]; /* each tap's distance from its circle's centre */
};

/* The centre of circle i, in layout coordinates (mirrored by drawing). */
static SDL_Point check_point(const struct app *a, int i)
{
    const struct theme *th = &a->theme;
    int in = (int)lroundf(CHECK_INSET_MM * th->px_per_mm);
    switch (i) {
    case 0:
        return (SDL_Point){in, in};
    case 1:
        return (SDL_Point){th->w - in, in};
    case 2:
        return (SDL_Point){th->w - in, th->h - in};
    case 3:
        return (SDL_Point){in, th->h - in};
    default:
        return (SDL_Point){th->w / 2, th->h / 2};
    }
}

static void *check_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return calloc(1, sizeof(struct check_state));
}

static void check_leave(struct app *a, void *st)
{
    (void)a;
    free(st);
}

static bool check_ok(const struct check_state *s)
{
    for (int i = 0; i < CHECK_N; i++)
        if (s->off_mm[i] > CHECK_OK_MM)
            return false;
    return true;
}

static bool check_action(struct app *a, void *st, const char *id)
{
    struct check_state *s = st;
    if (strcmp(id, "back") == 0) {
        ui_pop(a);
        return true;
    }
    if (strcmp(id, "check:again") == 0) {
        memset(s, 0, sizeof(*s));
        return true;
    }
    return false;
}

static bool check_touch(struct app *a, void *st, int x, int y)
{
    struct check_state *s = st;
    if (s->done >= CHECK_N)
        return false;
    SDL_Point p = check_point(a, s->done);
    SDL_Rect m = draw_map(&a->draw, (SDL_Rect){p.x, p.y, 1, 1});
    float dx = (float)(x - m.x), dy = (float)(y - m.y);
    float mm = sqrtf(dx * dx + dy * dy) / a->theme.px_per_mm;
    s->off_mm[s->done++] = mm;
    LOG_INFO("staff menu: screen check: tap %d landed %.1f mm from the centre", s->done,
             (double)mm);
    if (s->done == CHECK_N)
        LOG_INFO("staff menu: screen check: %s",
                 str_get("en", check_ok(s) ? S_STAFF_CHECK_OK : S_STAFF_CHECK_BAD));
    return true;
}

static bool check_update(struct app *a, void *st)
{
    (void)st;
    if (a->ms - a->last_input_ms >= STAFF_IDLE_MS) {
        ui_go_home(a);
        return true;
    }
    return false;
}

static void check_draw(struct app *a, void *st)
{
    struct check_state *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_clear(d, COL_BG);

    /* The text: in the band between the top circles. */
    int in = (int)lroundf(CHECK_INSET_MM * th->px_per_mm);
    int r = (int)lroundf(CHECK_RING_MM * th->px_per_mm);
    int tx = 2 * in + r, tw = th->w - 2 * tx;
    int y = th->pad;
    struct text_style ts = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, tw);
    y += draw_text(d, ui_str(a, S_STAFF_CHECK), &ts, tx, y)->h;
    struct text_style bs = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT, tw);
    char line[256];
    if (s->done < CHECK_N) {
        char n[16];
        snprintf(n, sizeof(n), "%d", s->done + 1);
        str_fill(line, sizeof(line), ui_str(a, S_STAFF_CHECK_TAP), n, NULL);
        y += draw_text(d, line, &bs, tx, y)->h;
    }
    char all[512] = "";
    for (int i = 0; i < s->done; i++) {
        char n[16], mm[16];
        snprintf(n, sizeof(n), "%d", i + 1);
        snprintf(mm, sizeof(mm), "%.1f", (double)s->off_mm[i]);
        str_fill(line, sizeof(line), ui_str(a, S_STAFF_CHECK_OFFSET), n, mm);
        size_t l = strlen(all);
        snprintf(all + l, sizeof(all) - l, "%s%s", l ? " · " : "", line);
    }
    if (all[0])
        y += draw_text(d, all, &bs, tx, y)->h;
    if (s->done == CHECK_N) {
        bool ok = check_ok(s);
        struct text_style vs =
            draw_style(d, th->fs_body, TEXT_BOLD, ok ? COL_OPEN_FG : COL_WARN_FG, tw);
        SDL_Rect band = {
            tx - th->gap_small, y, tw + 2 * th->gap_small,
            draw_text_height(d, ui_str(a, ok ? S_STAFF_CHECK_OK : S_STAFF_CHECK_BAD), &vs)};
        draw_rrect(d, band, th->gap_small, draw_color(d, ok ? COL_OPEN_BG : COL_WARN_BG));
        draw_text(d, ui_str(a, ok ? S_STAFF_CHECK_OK : S_STAFF_CHECK_BAD), &vs, tx, y);
    }

    /* The circle to tap: a ring with a cross through its centre. */
    if (s->done < CHECK_N) {
        SDL_Point p = check_point(a, s->done);
        SDL_Color c = draw_color(d, COL_ACCENT);
        draw_rring(d, (SDL_Rect){p.x - r, p.y - r, 2 * r, 2 * r}, r, th->ring, c);
        draw_rect(d, (SDL_Rect){p.x - r, p.y, 2 * r, 1}, c);
        draw_rect(d, (SDL_Rect){p.x, p.y - r, 1, 2 * r}, c);
    }

    /* Back, and Again once done: at the bottom, between the corners. */
    int bw = widget_button_width(a, ui_str(a, S_BACK), "back");
    int aw = s->done == CHECK_N ? widget_button_width(a, ui_str(a, S_STAFF_CHECK_AGAIN), NULL) : 0;
    int total = bw + (aw ? aw + th->gap : 0);
    int bx = (th->w - total) / 2, by = th->h - th->pad - th->button_h;
    widget_button(a, "back", (SDL_Rect){bx, by, bw, th->button_h}, ui_str(a, S_BACK), "back",
                  W_SECONDARY);
    if (aw)
        widget_button(a, "check:again", (SDL_Rect){bx + bw + th->gap, by, aw, th->button_h},
                      ui_str(a, S_STAFF_CHECK_AGAIN), NULL, W_PRIMARY);
}

const struct screen_ops screen_staff_check = {
    .name = "staff-check",
    .enter = check_enter,
    .action = check_action,
    .update = check_update,
    .draw = check_draw,
    .leave = check_leave,
    .touch = check_touch,
};
