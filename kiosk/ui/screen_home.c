/* screen_home: the home (and attract) screen: the place's name and
 * tagline, the clock and date, today's programme now and next, the
 * category tiles, the way to organisations, all services and the week, and
 * the language buttons, each in its own language. Owns the site and
 * now-and-next view models. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/calendar.h"
#include "domain/catalog.h"
#include "domain/i18n.h"
#include "domain/zone.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW_NEXT_MAX 6

struct home {
    struct catalog_site site;
    struct cal_item items[NOW_NEXT_MAX];
    size_t nitems;
    int64_t loaded_minute;
    struct scroll tiles;
    struct scroll today;
};

static void load_today(struct app *a, struct home *h)
{
    for (size_t i = 0; i < h->nitems; i++)
        calendar_item_free(&h->items[i]);
    h->nitems = calendar_now_next(a->content, a->lang, ui_now(a), h->items, NOW_NEXT_MAX);
    h->loaded_minute = ui_now(a) / 60;
}

static void *home_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct home *h = xcalloc(1, sizeof(*h));
    catalog_site_load(a->content, a->lang, &h->site);
    load_today(a, h);
    return h;
}

static void home_leave(struct app *a, void *st)
{
    (void)a;
    struct home *h = st;
    catalog_site_free(&h->site);
    for (size_t i = 0; i < h->nitems; i++)
        calendar_item_free(&h->items[i]);
    free(h);
}

static bool home_update(struct app *a, void *st)
{
    struct home *h = st;
    if (ui_now(a) / 60 == h->loaded_minute)
        return false;
    load_today(a, h);
    return true;
}

static bool home_action(struct app *a, void *st, const char *id)
{
    struct home *h = st;
    if (strncmp(id, "occ:", 4) != 0)
        return false;
    long long occ = strtoll(id + 4, NULL, 10);
    for (size_t i = 0; i < h->nitems; i++) {
        if (h->items[i].id != occ)
            continue;
        char target[UI_ID_LEN];
        if (h->items[i].service_id[0])
            snprintf(target, sizeof(target), "service:%s", h->items[i].service_id);
        else
            snprintf(target, sizeof(target), "calendar:today");
        ui_activate(a, target);
        return true;
    }
    return true;
}

/* The teal band: name and tagline on the start side, clock and date on the
 * end side. */
static void draw_header(struct app *a, struct home *h, int height)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_rect(d, (SDL_Rect){0, 0, th->w, height}, draw_color(d, COL_PRIMARY));

    struct zone_time zt;
    zone_to_local(a->content->tz, ui_now(a), &zt);
    char clock[16], date[64];
    str_time(a->lang, zt.minutes, clock, sizeof(clock));
    str_date_long(a->lang, zt.days, date, sizeof(date));
    struct text_style cs = draw_style(d, th->fs_clock, TEXT_BOLD, COL_ON_PRIMARY, 0);
    struct text_style ds = draw_style(d, th->fs_body, TEXT_REGULAR, COL_ON_PRIMARY_2, 0);
    int cw = text_width(a->text, clock, th->fs_clock, TEXT_BOLD);
    int dw = text_width(a->text, date, th->fs_body, TEXT_REGULAR);
    int rw = cw > dw ? cw : dw;
    cs.width = ds.width = rw;
    cs.align = ds.align = TEXT_END;
    int ch = draw_text_height(d, clock, &cs), dh = draw_text_height(d, date, &ds);
    if (ch + dh > height) /* large text on a small panel: the clock only */
        dh = 0;
    int ry = (height - ch - dh) / 2;
    int rx = th->w - th->margin - rw;
    draw_text(d, clock, &cs, rx, ry);
    if (dh)
        draw_text(d, date, &ds, rx, ry + ch);

    int lw = rx - th->margin - th->gap * 2;
    lw -= feedback_home_buttons(a, rx - th->gap * 2, height) + th->gap * 2;
    struct text_style ns = draw_style(d, th->fs_title, TEXT_BOLD, COL_ON_PRIMARY, lw);
    ns.max_lines = th->compact ? 1 : 2;
    struct text_style ts = draw_style(d, th->fs_body, TEXT_REGULAR, COL_ON_PRIMARY_2, lw);
    ts.max_lines = th->compact ? 1 : 2;
    int nh = draw_text_height(d, h->site.name.s, &ns);
    if (nh > height - 2 * th->gap_small) { /* large text: one line, ellipsised */
        ns.max_lines = 1;
        nh = draw_text_height(d, h->site.name.s, &ns);
    }
    int tgh = h->site.tagline.s[0] ? draw_text_height(d, h->site.tagline.s, &ts) : 0;
    if (nh + tgh > height - 2 * th->gap_small)
        tgh = 0;
    ui_screen_title(a, h->site.name.s);
    int ly = (height - nh - tgh) / 2;
    draw_text(d, h->site.name.s, &ns, th->margin, ly);
    if (tgh)
        draw_text(d, h->site.tagline.s, &ts, th->margin, ly + nh);
}

static const char *tile_icon(const struct catalog_category *c)
{
    return c->icon && c->icon[0] ? c->icon : "dot";
}

/* The accessibility button: at the end of the footer, or (when the
 * footer would need a second row for it) beside the way to search. */
static void a11y_button(struct app *a, SDL_Rect r)
{
    widget_button(a, "a11y", r, NULL, "access", W_SECONDARY);
    ui_target_label(a, "a11y", ui_str(a, S_A11Y)); /* an icon only: speech says what */
}

static void draw_tiles(struct app *a, struct home *h, SDL_Rect area, bool with_a11y)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    /* The heading, and at its end the way to search (registered after the
     * tiles, so that keypad focus still starts on the first tile). */
    const char *find = ui_str(a, S_SEARCH);
    SDL_Rect fr = {0, area.y, widget_button_width(a, find, "search"), th->button_h};
    fr.x = area.x + area.w - fr.w;
    SDL_Rect ar = {fr.x - th->gap_small - th->button_h, area.y, th->button_h, th->button_h};
    if (with_a11y) {
        area.w -= ar.w + th->gap_small;
        fr.x = ar.x;
        ar.x = area.x + area.w + th->gap_small;
    }
    int hl = text_line_height(a->text, th->fs_subheading);
    widget_section(a, area.x, area.y + (fr.h - hl) / 2, area.w - fr.w - th->gap,
                   ui_str(a, S_WHAT_LOOKING), NULL);
    int hh = fr.h;
    SDL_Rect view = {area.x - th->ring * 2, area.y + hh + th->gap_small, area.w + th->ring * 4,
                     area.h - hh - th->gap_small};
    size_t n = h->site.ncats;
    if (n == 0) {
        widget_button(a, "search", fr, find, "search", W_SECONDARY);
        if (with_a11y)
            a11y_button(a, ar);
        return;
    }
    /* As many columns as leave a tile's name a comfortable width. */
    int cols = 3;
    while (cols > 1 && (area.w - th->gap * (cols - 1)) / cols - th->tile_disc - 3 * th->pad <
                           th->fs_subheading * 11 / 2)
        cols--;
    if (n <= 2)
        cols = (int)n;
    int rows = (int)((n + (size_t)cols - 1) / (size_t)cols);
    int gap = th->gap;
    int tile_w = (area.w - gap * (cols - 1)) / cols;
    int min_h = th->tile_disc + 2 * th->pad;
    int tile_h = (view.h - 4 * th->ring - gap * (rows - 1)) / rows;
    int max_h = min_h * 2;
    if (tile_h > max_h)
        tile_h = max_h;
    if (tile_h < min_h)
        tile_h = min_h;
    int off = ui_scroll_begin(a, &h->tiles, view);
    int top = view.y + th->ring * 2;
    for (size_t i = 0; i < n; i++) {
        const struct catalog_category *c = &h->site.cats[i];
        int col = (int)i % cols, row = (int)i / cols;
        SDL_Rect r = {area.x + col * (tile_w + gap), top + off + row * (tile_h + gap), tile_w,
                      tile_h};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "category:%s", c->id);
        ui_target(a, id, r, th->radius);
        ui_target_label(a, id, c->name.s);
        if (!ui_visible(a, r))
            continue;
        draw_card(d, r, COL_SURFACE);
        int disc = th->tile_disc;
        if (disc > tile_h - 2 * th->pad)
            disc = tile_h - 2 * th->pad;
        SDL_Rect dr = {r.x + th->pad, r.y + (r.h - disc) / 2, disc, disc};
        draw_rrect(d, dr, disc / 2, draw_color(d, COL_TILE_BG_0 + (int)(i % THEME_TILE_COLORS)));
        int is = disc * 5 / 8;
        draw_icon(d, tile_icon(c),
                  (SDL_Rect){dr.x + (disc - is) / 2, dr.y + (disc - is) / 2, is, is},
                  draw_color(d, COL_TILE_FG));
        int tx = dr.x + disc + th->pad;
        int tw = r.x + r.w - th->pad - tx;
        struct text_style ns = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, tw);
        ns.max_lines = 2;
        char count[64], num[16];
        snprintf(num, sizeof(num), "%d", c->nservices);
        str_fill(count, sizeof(count), ui_str(a, c->nservices == 1 ? S_ONE_SERVICE : S_N_SERVICES),
                 num, NULL);
        struct text_style cs = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, tw);
        cs.max_lines = 1;
        int nh = draw_text_height(d, c->name.s, &ns);
        int chh = draw_text_height(d, count, &cs);
        if (nh + chh > r.h - th->gap_small)
            chh = 0;
        int ty = r.y + (r.h - nh - chh) / 2;
        draw_text(d, c->name.s, &ns, tx, ty);
        if (chh)
            draw_text(d, count, &cs, tx, ty + nh);
    }
    int content_h = rows * tile_h + (rows - 1) * gap + th->ring * 4;
    ui_scroll_end(a, &h->tiles, content_h);
    widget_button(a, "search", fr, find, "search", W_SECONDARY);
    if (with_a11y)
        a11y_button(a, ar);
}

static void draw_today(struct app *a, struct home *h, SDL_Rect r)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_card(d, r, COL_SURFACE);
    int x = r.x + th->pad, w = r.w - 2 * th->pad;
    int y = r.y + th->pad;
    char date[48];
    str_date_short(a->lang, content_today(a->content, ui_now(a)), date, sizeof(date));
    int sh = widget_section(a, x, y, w, ui_str(a, S_TODAY), "clock");
    struct text_style ds = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
    ds.align = TEXT_END;
    draw_text(d, date, &ds, x, y + (sh - text_line_height(a->text, th->fs_body)) / 2);
    y += sh + th->gap;
    draw_rect(d, (SDL_Rect){x, y, w, th->rule / 2 + 1}, draw_color(d, COL_SHADOW));
    y += th->gap_small;
    if (h->nitems == 0) {
        struct text_style st = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
        draw_text(d, ui_str(a, S_NOTHING_TODAY), &st, x, y + th->gap);
        return;
    }
    SDL_Rect view = {r.x, y, r.w, r.y + r.h - th->gap_small - y};
    int off = ui_scroll_begin(a, &h->today, view);
    int cy = y + off;
    int time_w = text_width(a->text, "00.00–00.00", th->fs_body, TEXT_BOLD);
    bool stacked = w < time_w * 3; /* narrow card: time above the name */
    for (size_t i = 0; i < h->nitems; i++) {
        const struct cal_item *it = &h->items[i];
        char when[48], place[300];
        str_when(a->lang, it->all_day, it->start_min, it->end_min, when, sizeof(when));
        i18n_mark(&it->name, it->place.s, place, sizeof(place));
        int nx = stacked ? x : x + time_w + th->gap;
        int nw = x + w - nx;
        struct text_style ws =
            draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, stacked ? w : time_w);
        struct text_style ns = draw_style(
            d, th->fs_body, TEXT_BOLD, it->status == CAL_CANCELLED ? COL_TEXT_MUTED : COL_TEXT, nw);
        ns.max_lines = 2;
        struct text_style ps = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, nw);
        ps.max_lines = 1;
        int row_top = cy;
        int ty = cy + th->gap_small;
        int wh = draw_text_height(d, when, &ws);
        int badge_h = 0;
        const char *badge = NULL;
        enum theme_color bfg = COL_OPEN_FG, bbg = COL_OPEN_BG;
        if (it->status == CAL_CANCELLED) {
            badge = ui_str(a, S_CANCELLED);
            bfg = COL_CLOSED_FG;
            bbg = COL_CLOSED_BG;
        } else if (it->now) {
            badge = ui_str(a, S_NOW);
        } else if (it->status == CAL_MOVED) {
            badge = ui_str(a, S_MOVED);
            bfg = COL_WARN_FG;
            bbg = COL_WARN_BG;
        }
        int ny = stacked ? ty + wh : ty;
        int nh = draw_text_height(d, it->name.s, &ns);
        int ph = place[0] ? draw_text_height(d, place, &ps) : 0;
        if (badge)
            badge_h = widget_badge_h(a) + th->gap_small;
        int row_h = (stacked ? wh : 0) + nh + ph + badge_h + 2 * th->gap_small;
        if (!stacked && wh + badge_h + 2 * th->gap_small > row_h)
            row_h = wh + badge_h + 2 * th->gap_small;
        if (row_h < th->target)
            row_h = th->target;
        SDL_Rect rr = {r.x + th->gap_small, row_top, r.w - 2 * th->gap_small, row_h};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "occ:%lld", (long long)it->id);
        ui_target(a, id, rr, th->radius_small);
        ui_target_label(a, id, when);
        ui_target_label(a, id, it->name.s);
        ui_target_label(a, id, it->place.s);
        ui_target_label(a, id, badge);
        if (ui_visible(a, rr)) {
            if (it->now)
                draw_rrect(d, rr, th->radius_small, draw_color(d, COL_PRIMARY_SOFT));
            draw_text(d, when, &ws, x, ty);
            if (badge) {
                int bx = stacked ? x : x;
                int by = stacked ? ny + nh + ph + th->gap_small : ty + wh + th->gap_small;
                if (stacked)
                    by = ty + wh + nh + ph + th->gap_small;
                widget_badge(a, bx, by, badge, NULL, bfg, bbg);
            }
            const struct text_box *nb = draw_text(d, it->name.s, &ns, nx, ny);
            if (it->status == CAL_CANCELLED && nb->lines == 1) {
                int sw = nb->w;
                int sy = ny + nb->h / 2;
                draw_rect(d, (SDL_Rect){nx, sy, sw, th->rule}, draw_color(d, COL_TEXT_MUTED));
            }
            if (ph)
                draw_text(d, place, &ps, nx, ny + nh);
        }
        cy += row_h + th->gap_small;
    }
    ui_scroll_end(a, &h->today, cy - (y + off));
}

/* How the bottom bar is arranged: the three ways onward, and the
 * languages either as buttons or, when they do not fit, one button that
 * opens the picker. */
struct footer_plan {
    int nav_w[3], lang_w[32];
    int a11y_w; /* the accessibility button at the end; 0: beside search */
    int nlangs;
    bool two_rows, picker;
    int height;
};

static const struct {
    const char *id, *icon;
    enum str_id label;
} nav[3] = {
    {"calendar", "calendar", S_CALENDAR},
    {"orgs", "building", S_ORGS},
    {"services", "book", S_ALL_SERVICES},
};

static const char *current_native(const struct app *a)
{
    const struct content_lang *l = content_lang(a->content, a->lang);
    return l ? l->native : a->lang;
}

static void plan_row(struct app *a, struct footer_plan *p, bool with_a11y)
{
    const struct theme *th = &a->theme;
    memset(p, 0, sizeof(*p));
    p->a11y_w = with_a11y ? th->button_h : 0;
    int avail = th->w - 2 * th->margin - (with_a11y ? p->a11y_w + th->gap : 0);
    int total_nav = 0, total_lang = 0;
    for (int i = 0; i < 3; i++) {
        p->nav_w[i] = widget_button_width(a, ui_str(a, nav[i].label), nav[i].icon);
        total_nav += p->nav_w[i] + th->gap;
    }
    p->nlangs = (int)(a->content->nlangs < 32 ? a->content->nlangs : 32);
    for (int i = 0; i < p->nlangs; i++) {
        p->lang_w[i] = widget_button_width(a, a->content->langs[i].native, NULL);
        total_lang += p->lang_w[i] + th->gap_small;
    }
    int picker_w = widget_button_width(a, current_native(a), "globe");
    if (total_nav + total_lang <= avail) {
        /* everything on one row */
    } else if (total_nav + picker_w <= avail && (th->compact || total_lang > avail)) {
        p->picker = true;
    } else if (total_lang <= avail) {
        p->two_rows = true;
    } else {
        p->picker = true;
        p->two_rows = total_nav + picker_w > avail;
    }
    if (p->picker) {
        p->nlangs = 1;
        p->lang_w[0] = picker_w;
    }
    if (total_nav - th->gap > avail || (p->two_rows && total_nav - th->gap > avail)) {
        int each = (avail - 2 * th->gap) / 3; /* share the row; labels wrap */
        for (int i = 0; i < 3; i++)
            p->nav_w[i] = each;
    }
    p->height =
        th->button_h * (p->two_rows ? 2 : 1) + (p->two_rows ? th->gap_small : 0) + 2 * th->pad;
}

static void plan_footer(struct app *a, struct footer_plan *p)
{
    plan_row(a, p, true);
    if (!p->two_rows)
        return;
    struct footer_plan without;
    plan_row(a, &without, false);
    if (!without.two_rows)
        *p = without;
}

static void draw_footer(struct app *a, const struct footer_plan *p, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    draw_rect(d, (SDL_Rect){0, top, th->w, th->h - top}, draw_color(d, COL_SURFACE));
    draw_rect(d, (SDL_Rect){0, top, th->w, th->rule / 2 + 1}, draw_color(d, COL_SHADOW));
    int bh = th->button_h;
    int y = top + th->pad;
    int x = th->margin;
    for (int i = 0; i < 3; i++) {
        /* Large text in a shared, narrower width: the label keeps the
         * room of the icon. */
        const char *label = ui_str(a, nav[i].label);
        bool narrow =
            th->text_scale > 1.0f && p->nav_w[i] < widget_button_width(a, label, nav[i].icon);
        widget_button(a, nav[i].id, (SDL_Rect){x, y, p->nav_w[i], bh}, label,
                      narrow ? NULL : nav[i].icon, W_PRIMARY);
        x += p->nav_w[i] + th->gap;
    }
    if (p->two_rows)
        y += bh + th->gap_small;
    int total_lang = 0;
    for (int i = 0; i < p->nlangs; i++)
        total_lang += p->lang_w[i] + th->gap_small;
    /* Accessibility: an icon button at the very end, always on the last row. */
    int ax = th->w - th->margin - p->a11y_w;
    if (p->a11y_w)
        a11y_button(a, (SDL_Rect){ax, y, p->a11y_w, bh});
    x = ax - (p->a11y_w ? th->gap : 0) - total_lang + th->gap_small;
    if (p->picker) {
        widget_button(a, "languages", (SDL_Rect){x, y, p->lang_w[0], bh}, current_native(a),
                      "globe", W_SECONDARY);
        return;
    }
    for (int i = 0; i < p->nlangs; i++) {
        const struct content_lang *l = &a->content->langs[i];
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "lang:%s", l->code);
        bool cur = strcmp(l->code, a->lang) == 0;
        widget_button(a, id, (SDL_Rect){x, y, p->lang_w[i], bh}, l->native, NULL,
                      cur ? W_SELECTED : W_SECONDARY);
        x += p->lang_w[i] + th->gap_small;
    }
}

static void home_draw(struct app *a, void *st)
{
    struct home *h = st;
    const struct theme *th = &a->theme;
    int hh = th->home_header_h;
    draw_header(a, h, hh);
    struct footer_plan fp;
    plan_footer(a, &fp);
    int ftop = th->h - fp.height;
    SDL_Rect body = {th->margin, hh + th->pad, th->w - 2 * th->margin, ftop - hh - 2 * th->pad};
    if (th->portrait) {
        int today_h = body.h * 2 / 5;
        draw_today(a, h, (SDL_Rect){body.x, body.y, body.w, today_h});
        draw_tiles(a, h,
                   (SDL_Rect){body.x, body.y + today_h + th->gap * 2, body.w,
                              body.h - today_h - th->gap * 2},
                   fp.a11y_w == 0);
    } else {
        int today_w = body.w * (th->compact ? 40 : 34) / 100;
        draw_tiles(a, h, (SDL_Rect){body.x, body.y, body.w - today_w - th->gap * 2, body.h},
                   fp.a11y_w == 0);
        draw_today(a, h, (SDL_Rect){body.x + body.w - today_w, body.y, today_w, body.h});
    }
    draw_footer(a, &fp, ftop);
    enum content_validity v = content_check_clock(a->content, ui_now(a));
    if (v != CONTENT_VALID)
        widget_notice(a, ui_str(a, v == CONTENT_EXPIRED ? S_STALE : S_CLOCK_BEHIND));
}

const struct screen_ops screen_home = {
    .name = "home",
    .enter = home_enter,
    .action = home_action,
    .update = home_update,
    .draw = home_draw,
    .leave = home_leave,
};
