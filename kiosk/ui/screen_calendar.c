/* screen_calendar: the week, Monday to Sunday, with previous and next week
 * and a way back to this week. Today is highlighted, holidays are marked,
 * cancelled occurrences stay visible, struck through and labelled, with
 * their reason. Seven columns on wide screens, a day-by-day list on narrow
 * ones. Owns the week view model. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/calendar.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cal_screen {
    int64_t monday;
    struct cal_week w;
    struct scroll sc;
};

static void load(struct app *a, struct cal_screen *c)
{
    calendar_week_free(&c->w);
    int64_t today = content_today(a->content, ui_now(a));
    calendar_week_load(a->content, a->lang, c->monday, today, &c->w);
}

static void *cal_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct cal_screen *c = xcalloc(1, sizeof(*c));
    c->monday = calendar_monday(content_today(a->content, ui_now(a)));
    load(a, c);
    return c;
}

static void cal_leave(struct app *a, void *st)
{
    (void)a;
    struct cal_screen *c = st;
    calendar_week_free(&c->w);
    free(c);
}

static bool cal_action(struct app *a, void *st, const char *id)
{
    struct cal_screen *c = st;
    if (strcmp(id, "week:prev") == 0)
        c->monday -= 7;
    else if (strcmp(id, "week:next") == 0)
        c->monday += 7;
    else if (strcmp(id, "week:today") == 0)
        c->monday = calendar_monday(content_today(a->content, ui_now(a)));
    else if (strncmp(id, "occ:", 4) == 0) {
        long long occ = strtoll(id + 4, NULL, 10);
        for (int d = 0; d < 7; d++)
            for (size_t i = 0; i < c->w.days[d].n; i++)
                if (c->w.days[d].items[i].id == occ && c->w.days[d].items[i].service_id[0]) {
                    char target[UI_ID_LEN];
                    snprintf(target, sizeof(target), "service:%s",
                             c->w.days[d].items[i].service_id);
                    ui_activate(a, target);
                    return true;
                }
        return true;
    } else
        return false;
    load(a, c);
    c->sc.y = 0;
    return true;
}

static bool cal_update(struct app *a, void *st)
{
    struct cal_screen *c = st;
    int64_t today = content_today(a->content, ui_now(a));
    for (int d = 0; d < 7; d++)
        if (c->w.days[d].today != (c->w.days[d].day == today)) {
            load(a, c);
            return true;
        }
    return false;
}

/* One occurrence; returns its height (drawing only when visible). */
static int item(struct app *a, const struct cal_item *it, int x, int y, int w, bool today)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    bool cancelled = it->status == CAL_CANCELLED;
    char when[48];
    if (it->all_day)
        snprintf(when, sizeof(when), "%s", ui_str(a, S_ALL_DAY));
    else
        str_time_range(a->lang, it->start_min, it->end_min, when, sizeof(when));
    int iw = w - 2 * th->gap_small;
    struct text_style ws =
        draw_style(d, th->fs_small, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_PRIMARY, iw);
    struct text_style ns =
        draw_style(d, th->fs_body, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_TEXT, iw);
    struct text_style ps = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, iw);
    ps.max_lines = 2;
    struct text_style os =
        draw_style(d, th->fs_small, TEXT_BOLD, cancelled ? COL_CLOSED_FG : COL_WARN_FG, iw);
    int wh = draw_text_height(d, when, &ws);
    int nh = draw_text_height(d, it->name.s, &ns);
    int ph = it->place.s[0] ? draw_text_height(d, it->place.s, &ps) : 0;
    const char *badge = cancelled                 ? ui_str(a, S_CANCELLED)
                        : it->status == CAL_MOVED ? ui_str(a, S_MOVED)
                                                  : NULL;
    int bh = badge ? widget_badge_h(a) + th->gap_small : 0;
    int oh = it->note.s[0] ? draw_text_height(d, it->note.s, &os) : 0;
    int h = th->gap_small + wh + nh + ph + bh + oh + th->gap_small;
    if (h < th->target)
        h = th->target;
    SDL_Rect r = {x, y, w, h};
    char id[UI_ID_LEN];
    snprintf(id, sizeof(id), "occ:%lld", (long long)it->id);
    ui_target(a, id, r, th->radius_small);
    if (!ui_visible(a, r))
        return h;
    draw_rrect(d, r, th->radius_small, draw_color(d, cancelled ? COL_BG : COL_SURFACE));
    if (today && !cancelled)
        draw_rring(d, r, th->radius_small, th->rule / 2 + 1, draw_color(d, COL_PRIMARY_SOFT));
    int cx = x + th->gap_small, cy = y + th->gap_small;
    draw_text(d, when, &ws, cx, cy);
    cy += wh;
    const struct text_box *nb = draw_text(d, it->name.s, &ns, cx, cy);
    if (cancelled) { /* struck through, every line */
        int lh = nb->lines > 0 ? nb->h / nb->lines : nb->h;
        for (int l = 0; l < nb->lines; l++)
            draw_rect(d, (SDL_Rect){cx, cy + l * lh + lh / 2, nb->w, th->rule / 2 + 1},
                      draw_color(d, COL_TEXT_MUTED));
    }
    cy += nh;
    if (ph) {
        draw_text(d, it->place.s, &ps, cx, cy);
        cy += ph;
    }
    if (badge) {
        cy += th->gap_small / 2;
        widget_badge(a, cx, cy, badge, NULL, cancelled ? COL_CLOSED_FG : COL_WARN_FG,
                     cancelled ? COL_CLOSED_BG : COL_WARN_BG);
        cy += bh;
    }
    if (oh)
        draw_text(d, it->note.s, &os, cx, cy);
    return h;
}

/* A day's heading: "ti 24.11." and, when so, "Today" or the holiday. */
static int day_head(struct app *a, const struct cal_day *day, int x, int y, int w, bool draw)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    char date[48];
    str_date_short(a->lang, day->day, date, sizeof(date));
    enum theme_color fg = day->today ? COL_ON_PRIMARY : COL_TEXT;
    struct text_style ds = draw_style(d, th->fs_body, TEXT_BOLD, fg, w - 2 * th->gap_small);
    struct text_style ss =
        draw_style(d, th->fs_small, TEXT_REGULAR, day->today ? COL_ON_PRIMARY_2 : COL_WARN_FG,
                   w - 2 * th->gap_small);
    ss.max_lines = 2;
    const char *sub = day->today ? ui_str(a, S_TODAY) : day->holiday ? day->holiday_name.s : NULL;
    char both[160];
    if (day->today && day->holiday) {
        snprintf(both, sizeof(both), "%s · %s", ui_str(a, S_TODAY), day->holiday_name.s);
        sub = both;
    }
    int dh = draw_text_height(d, date, &ds);
    int sh = sub && sub[0] ? draw_text_height(d, sub, &ss) : 0;
    int h = dh + sh + 2 * th->gap_small;
    if (draw) {
        SDL_Rect r = {x, y, w, h};
        enum theme_color bg = day->today ? COL_PRIMARY : day->holiday ? COL_WARN_BG : COL_SURFACE;
        draw_rrect(d, r, th->radius_small, draw_color(d, bg));
        draw_text(d, date, &ds, x + th->gap_small, y + th->gap_small);
        if (sh)
            draw_text(d, sub, &ss, x + th->gap_small, y + th->gap_small + dh);
    }
    return h;
}

static void draw_nav(struct app *a, struct cal_screen *c, int y)
{
    const struct theme *th = &a->theme;
    const char *prev = ui_str(a, S_PREV_WEEK), *next = ui_str(a, S_NEXT_WEEK),
               *today = ui_str(a, S_TO_TODAY);
    int pw = widget_button_width(a, prev, "back"), nw = widget_button_width(a, next, "forward");
    int tw = widget_button_width(a, today, "calendar");
    bool this_week = c->monday == calendar_monday(content_today(a->content, ui_now(a)));
    int x = th->margin;
    widget_button(a, "week:prev", (SDL_Rect){x, y, pw, th->button_h}, prev, "back", W_SECONDARY);
    x += pw + th->gap_small;
    if (!this_week) {
        widget_button(a, "week:today", (SDL_Rect){x, y, tw, th->button_h}, today, "calendar",
                      W_SECONDARY);
    }
    widget_button(a, "week:next", (SDL_Rect){th->w - th->margin - nw, y, nw, th->button_h}, next,
                  "forward", W_SECONDARY);
}

static void cal_draw(struct app *a, void *st)
{
    struct cal_screen *c = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    char title[64], range[64];
    char num[16];
    snprintf(num, sizeof(num), "%d", c->w.iso_week);
    str_fill(title, sizeof(title), ui_str(a, S_WEEK_N), num, NULL);
    str_date_range(a->lang, c->w.monday, c->w.monday + 6, range, sizeof(range));
    char full[160];
    snprintf(full, sizeof(full), "%s · %s", title, range);
    int top = widget_header(a, full, ui_str(a, S_CALENDAR));
    int ny = top + th->pad;
    draw_nav(a, c, ny);
    int body = ny + th->button_h + th->pad;
    SDL_Rect view = {0, body, th->w, th->h - body};
    if (c->w.outside_window) {
        int bw = widget_badge_width(a, ui_str(a, S_OUTSIDE_WINDOW), "info");
        widget_badge(a, (th->w - bw) / 2, ny + (th->button_h - widget_badge_h(a)) / 2,
                     ui_str(a, S_OUTSIDE_WINDOW), "info", COL_WARN_FG, COL_WARN_BG);
    }
    int off = ui_scroll_begin(a, &c->sc, view);
    int w = th->w - 2 * th->margin;
    int content_h = 0;
    bool columns = !th->portrait && th->w >= 1000;
    if (columns) {
        int gap = th->gap_small;
        int cw = (w - 6 * gap) / 7;
        int head_h = 0;
        for (int i = 0; i < 7; i++) {
            int hh = day_head(a, &c->w.days[i], 0, 0, cw, false);
            if (hh > head_h)
                head_h = hh;
        }
        for (int i = 0; i < 7; i++) {
            const struct cal_day *day = &c->w.days[i];
            int x = th->margin + i * (cw + gap);
            int y = body + off;
            /* A quiet column background; today's in its tint. */
            int col_top = y;
            day_head(a, day, x, y, cw, true);
            y += head_h + gap;
            if (day->n == 0) {
                struct text_style es =
                    draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, cw - 2 * gap);
                draw_text(d, ui_str(a, S_NO_EVENTS), &es, x + gap, y + gap);
                y += text_line_height(a->text, th->fs_small) + 2 * gap;
            }
            for (size_t j = 0; j < day->n; j++)
                y += item(a, &day->items[j], x, y, cw, day->today) + gap;
            if (y - col_top > content_h)
                content_h = y - col_top;
        }
    } else {
        int y = body + off;
        for (int i = 0; i < 7; i++) {
            const struct cal_day *day = &c->w.days[i];
            y += day_head(a, day, th->margin, y, w, true) + th->gap_small;
            if (day->n == 0) {
                struct text_style es = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
                draw_text(d, ui_str(a, S_NO_EVENTS), &es, th->margin + th->gap_small, y);
                y += text_line_height(a->text, th->fs_small) + th->gap_small;
            }
            for (size_t j = 0; j < day->n; j++)
                y += item(a, &day->items[j], th->margin, y, w, day->today) + th->gap_small;
            y += th->gap;
        }
        content_h = y - (body + off);
    }
    ui_scroll_end(a, &c->sc, content_h + th->pad);
}

const struct screen_ops screen_calendar = {
    .name = "calendar",
    .enter = cal_enter,
    .action = cal_action,
    .update = cal_update,
    .draw = cal_draw,
    .leave = cal_leave,
};
