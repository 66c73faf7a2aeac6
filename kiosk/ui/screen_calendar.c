/* screen_calendar: the week, Monday to Sunday, with previous and next week
 * and a way back to this week, and the day view: a tap on a day's heading
 * shows that day larger, with descriptions and notes, and previous and next
 * day. Both have filters at the top (age group, category, language): a
 * button per facet opens its choices as chips. Today is highlighted,
 * holidays are marked, cancelled occurrences stay visible, struck through
 * and labelled, with their reason; what a filter hides is counted on each
 * day, never silently missing. Seven columns on wide screens, a day-by-day
 * list on narrow ones. Owns the week view model, the filter choices and the
 * visitor's filter. */
#include "ui/screens.h"
#include "ui/widget.h"
#include "domain/calendar.h"
#include "domain/i18n.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_FACET (-1)

struct cal_screen {
    int64_t monday;
    bool day_mode; /* the day view of day */
    bool only_day; /* opened on a day (not from the week): back leaves */
    int64_t day;
    struct cal_week w;
    struct cal_options opts;
    struct cal_filter f;
    int open_facet; /* whose choices are shown; NO_FACET */
    struct scroll sc;
};

static const char *const facet_key[CAL_NFACETS] = {"age", "cat", "lang"};
static const enum str_id facet_label[CAL_NFACETS] = {S_FILTER_AGE, S_FILTER_CAT, S_FILTER_LANG};

static int64_t today_of(struct app *a)
{
    return content_today(a->content, ui_now(a));
}

static void load(struct app *a, struct cal_screen *c)
{
    calendar_week_free(&c->w);
    calendar_week_load(a->content, a->lang, c->monday, today_of(a), &c->w);
}

/* arg NULL: this week; "today" or "YYYY-MM-DD": that day's view. */
static void *cal_enter(struct app *a, const char *arg)
{
    struct cal_screen *c = xcalloc(1, sizeof(*c));
    c->day = today_of(a);
    struct civil_date date;
    if (arg && strcmp(arg, "today") == 0) {
        c->day_mode = c->only_day = true;
    } else if (arg && civil_parse_date(arg, &date)) {
        c->day = civil_to_days(date.year, date.month, date.day);
        c->day_mode = c->only_day = true;
    }
    c->monday = calendar_monday(c->day);
    c->open_facet = NO_FACET;
    calendar_options_load(a->content, a->lang, &c->opts);
    load(a, c);
    return c;
}

static void cal_leave(struct app *a, void *st)
{
    (void)a;
    struct cal_screen *c = st;
    calendar_week_free(&c->w);
    calendar_options_free(&c->opts);
    free(c);
}

/* Shows day (in the day view), loading its week if need be. */
static void go_day(struct app *a, struct cal_screen *c, int64_t day)
{
    c->day_mode = true;
    c->day = day;
    if (calendar_monday(day) != c->monday) {
        c->monday = calendar_monday(day);
        load(a, c);
    }
}

/* An occurrence opens its service; one without a service opens its day,
 * where its description and notes show in full. */
static bool open_occurrence(struct app *a, struct cal_screen *c, const char *id)
{
    long long occ = strtoll(id, NULL, 10);
    for (int d = 0; d < 7; d++)
        for (size_t i = 0; i < c->w.days[d].n; i++) {
            if (c->w.days[d].items[i].id != occ)
                continue;
            if (c->w.days[d].items[i].service_id[0]) {
                char target[UI_ID_LEN];
                snprintf(target, sizeof(target), "service:%s", c->w.days[d].items[i].service_id);
                ui_activate(a, target);
            } else if (!c->day_mode) {
                go_day(a, c, c->w.days[d].day);
                c->sc.y = 0;
            }
            return true;
        }
    return true;
}

/* "filter:FACET" opens or closes a facet's choices, "pick:FACET:ID" chooses
 * (an empty ID: all), "filter:clear" forgets every choice. */
static bool filter_action(struct cal_screen *c, const char *id)
{
    if (strcmp(id, "filter:clear") == 0) {
        memset(&c->f, 0, sizeof(c->f));
        c->open_facet = NO_FACET;
        return true;
    }
    for (int f = 0; f < CAL_NFACETS; f++) {
        size_t n = strlen(facet_key[f]);
        if (strncmp(id, "filter:", 7) == 0 && strcmp(id + 7, facet_key[f]) == 0) {
            c->open_facet = c->open_facet == f ? NO_FACET : f;
            return true;
        }
        if (strncmp(id, "pick:", 5) == 0 && strncmp(id + 5, facet_key[f], n) == 0 &&
            id[5 + n] == ':') {
            calendar_filter_set(&c->f, (enum cal_facet)f, id + 6 + n);
            c->open_facet = NO_FACET;
            return true;
        }
    }
    return false;
}

static bool cal_action(struct app *a, void *st, const char *id)
{
    struct cal_screen *c = st;
    struct civil_date date;
    if (strcmp(id, "week:prev") == 0)
        c->monday -= 7;
    else if (strcmp(id, "week:next") == 0)
        c->monday += 7;
    else if (strcmp(id, "week:today") == 0)
        c->monday = calendar_monday(today_of(a));
    else if (strcmp(id, "day:prev") == 0 || strcmp(id, "day:next") == 0 ||
             strcmp(id, "day:today") == 0) {
        go_day(a, c, id[4] == 't' ? today_of(a) : id[4] == 'p' ? c->day - 1 : c->day + 1);
        c->sc.y = 0;
        return true;
    } else if (strncmp(id, "day:", 4) == 0 && civil_parse_date(id + 4, &date)) {
        go_day(a, c, civil_to_days(date.year, date.month, date.day));
        c->sc.y = 0;
        return true;
    } else if (strcmp(id, "back") == 0 && c->day_mode && !c->only_day) {
        /* From a day back to its week. */
        c->day_mode = false;
        c->sc.y = 0;
        return true;
    } else if (strncmp(id, "occ:", 4) == 0)
        return open_occurrence(a, c, id + 4);
    else if (filter_action(c, id)) {
        c->sc.y = 0;
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
    int64_t today = today_of(a);
    for (int d = 0; d < 7; d++)
        if (c->w.days[d].today != (c->w.days[d].day == today)) {
            load(a, c);
            return true;
        }
    return false;
}

/* The status badge of an occurrence, or NULL. */
static const char *status_badge(const struct app *a, const struct cal_item *it)
{
    return it->status == CAL_CANCELLED ? ui_str(a, S_CANCELLED)
           : it->status == CAL_MOVED   ? ui_str(a, S_MOVED)
                                       : NULL;
}

static void strike(struct app *a, const struct text_box *b, int x, int y)
{
    const struct theme *th = &a->theme;
    int lh = b->lines > 0 ? b->h / b->lines : b->h;
    for (int l = 0; l < b->lines; l++)
        draw_rect(&a->draw, (SDL_Rect){x, y + l * lh + lh / 2, b->w, th->rule / 2 + 1},
                  draw_color(&a->draw, COL_TEXT_MUTED));
}

/* One occurrence in the week; returns its height (drawing only when
 * visible). */
static int item(struct app *a, const struct cal_item *it, int x, int y, int w, bool today)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    bool cancelled = it->status == CAL_CANCELLED;
    char when[48], line[80];
    str_when(a->lang, it->all_day, it->start_min, it->end_min, when, sizeof(when));
    i18n_mark(&it->name, when, line, sizeof(line));
    int iw = w - 2 * th->gap_small;
    struct text_style ws =
        draw_style(d, th->fs_small, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_ACCENT, iw);
    struct text_style ns =
        draw_style(d, th->fs_body, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_TEXT, iw);
    ns.max_lines = 4; /* a week column is narrow: a long name ends in "…" */
    struct text_style ps = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, iw);
    ps.max_lines = 2;
    struct text_style os =
        draw_style(d, th->fs_small, TEXT_BOLD, cancelled ? COL_CLOSED_FG : COL_WARN_FG, iw);
    os.max_lines = 4;
    int wh = draw_text_height(d, line, &ws);
    int nh = draw_text_height(d, it->name.s, &ns);
    int ph = it->place.s[0] ? draw_text_height(d, it->place.s, &ps) : 0;
    const char *badge = status_badge(a, it);
    int bh = badge ? widget_badge_h(a) + th->gap_small : 0;
    int oh = it->note.s[0] ? draw_text_height(d, it->note.s, &os) : 0;
    int h = th->gap_small + wh + nh + ph + bh + oh + th->gap_small;
    if (h < th->target)
        h = th->target;
    SDL_Rect r = {x, y, w, h};
    char id[UI_ID_LEN];
    snprintf(id, sizeof(id), "occ:%lld", (long long)it->id);
    ui_target(a, id, r, th->radius_small);
    ui_target_label(a, id, when);
    ui_target_label(a, id, it->name.s);
    ui_target_label(a, id, it->place.s);
    ui_target_label(a, id, badge);
    if (!ui_visible(a, r))
        return h;
    draw_rrect(d, r, th->radius_small, draw_color(d, cancelled ? COL_BG : COL_SURFACE));
    if (today && !cancelled)
        draw_rring(d, r, th->radius_small, th->rule / 2 + 1, draw_color(d, COL_PRIMARY_SOFT));
    int cx = x + th->gap_small, cy = y + th->gap_small;
    draw_text(d, line, &ws, cx, cy);
    cy += wh;
    const struct text_box *nb = draw_text(d, it->name.s, &ns, cx, cy);
    if (cancelled) /* struck through, every line */
        strike(a, nb, cx, cy);
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

/* One occurrence in the day view, larger and with its description;
 * returns its height (measuring only unless draw). */
static int day_card(struct app *a, const struct cal_item *it, int x, int y, int w, int min_h,
                    bool draw)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    bool cancelled = it->status == CAL_CANCELLED;
    char when[48], line[80];
    str_when(a->lang, it->all_day, it->start_min, it->end_min, when, sizeof(when));
    i18n_mark(&it->name, when, line, sizeof(line));
    int iw = w - 2 * th->pad;
    struct text_style ws =
        draw_style(d, th->fs_subheading, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_ACCENT, iw);
    struct text_style ns =
        draw_style(d, th->fs_subheading, TEXT_BOLD, cancelled ? COL_TEXT_MUTED : COL_TEXT, iw);
    struct text_style ps = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, iw);
    struct text_style os =
        draw_style(d, th->fs_body, TEXT_BOLD, cancelled ? COL_CLOSED_FG : COL_WARN_FG, iw);
    char place[256];
    snprintf(place, sizeof(place), "%s%s%s", it->place.s,
             it->place.s[0] && it->price.s[0] ? " · " : "", it->price.s);
    const char *badge = status_badge(a, it);
    int wh = draw_text_height(d, line, &ws);
    int nh = draw_text_height(d, it->name.s, &ns);
    int ph = place[0] ? draw_text_height(d, place, &ps) : 0;
    int bh = badge ? widget_badge_h(a) + th->gap_small : 0;
    int oh = it->note.s[0] ? draw_text_height(d, it->note.s, &os) : 0;
    int h = th->pad + wh + nh + ph + bh + oh + th->pad;
    if (!draw) {
        /* The description is measured as drawn, with its language badge. */
        struct text_style ds = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT, iw);
        if (it->description.s[0])
            h += th->gap_small + draw_text_height(d, it->description.s, &ds) +
                 (it->description.other ? widget_badge_h(a) + th->gap_small : 0);
        return h;
    }
    SDL_Rect r = {x, y, w, min_h};
    char id[UI_ID_LEN];
    snprintf(id, sizeof(id), "occ:%lld", (long long)it->id);
    ui_target(a, id, r, th->radius);
    ui_target_label(a, id, when);
    ui_target_label(a, id, it->name.s);
    ui_target_label(a, id, place);
    ui_target_label(a, id, badge);
    if (!ui_visible(a, r))
        return min_h;
    draw_card(d, r, cancelled ? COL_BG : COL_SURFACE);
    if (cancelled)
        draw_rring(d, r, th->radius, th->rule / 2 + 1, draw_color(d, COL_CLOSED_BG));
    int cx = x + th->pad, cy = y + th->pad;
    draw_text(d, line, &ws, cx, cy);
    cy += wh;
    const struct text_box *nb = draw_text(d, it->name.s, &ns, cx, cy);
    if (cancelled)
        strike(a, nb, cx, cy);
    cy += nh;
    if (ph) {
        draw_text(d, place, &ps, cx, cy);
        cy += ph;
    }
    if (badge) {
        cy += th->gap_small / 2;
        widget_badge(a, cx, cy, badge, NULL, cancelled ? COL_CLOSED_FG : COL_WARN_FG,
                     cancelled ? COL_CLOSED_BG : COL_WARN_BG);
        cy += bh;
    }
    if (oh) {
        draw_text(d, it->note.s, &os, cx, cy);
        cy += oh;
    }
    if (it->description.s[0])
        widget_text(a, &it->description, cx, cy + th->gap_small, iw, th->fs_body, TEXT_REGULAR,
                    cancelled ? COL_TEXT_MUTED : COL_TEXT);
    return min_h;
}

/* A day's heading: "ti 24.11." and, when so, "Today" or the holiday. In
 * the week it opens the day view. */
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
    if (h < th->target)
        h = th->target;
    if (draw) {
        SDL_Rect r = {x, y, w, h};
        char id[UI_ID_LEN], iso[11];
        civil_format(civil_from_days(day->day), iso);
        snprintf(id, sizeof(id), "day:%s", iso);
        ui_target(a, id, r, th->radius_small);
        ui_target_label(a, id, date);
        ui_target_label(a, id, sub);
        enum theme_color bg = day->today ? COL_PRIMARY : day->holiday ? COL_WARN_BG : COL_SURFACE;
        draw_rrect(d, r, th->radius_small, draw_color(d, bg));
        int ty = y + (h - dh - sh) / 2;
        draw_text(d, date, &ds, x + th->gap_small, ty);
        if (sh)
            draw_text(d, sub, &ss, x + th->gap_small, ty + dh);
        draw_icon(d, "forward",
                  (SDL_Rect){x + w - th->gap_small - th->fs_small, y + (h - th->fs_small) / 2,
                             th->fs_small, th->fs_small},
                  draw_color(d, fg));
    }
    return h;
}

/* "Hidden by your choices: 2" under a day, when a filter hides some. */
static int hidden_note(struct app *a, const struct cal_day *day, size_t shown, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    if (shown == day->n)
        return 0;
    char num[24], msg[128];
    snprintf(num, sizeof(num), "%zu", day->n - shown);
    str_fill(msg, sizeof(msg), ui_str(a, S_FILTER_HIDDEN), num, NULL);
    struct text_style hs = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
    int h = draw_text_height(d, msg, &hs);
    if (ui_visible(a, (SDL_Rect){x, y, w, h}))
        draw_text(d, msg, &hs, x, y);
    return h + th->gap_small;
}

/* ---- the controls at the top: navigation, filters, choices ---- */

struct ctl {
    char id[UI_ID_LEN];
    char label[160];
    const char *icon;
    enum widget_kind kind;
    int w;
};

/* Lays ctl out in rows from x across w (wrapping), drawing when draw;
 * returns the height. */
static int flow(struct app *a, struct ctl *v, size_t n, int x, int y, int w, bool draw)
{
    const struct theme *th = &a->theme;
    int cx = x, cy = y;
    for (size_t i = 0; i < n; i++) {
        if (cx > x && cx + v[i].w > x + w) {
            cx = x;
            cy += th->button_h + th->gap_small;
        }
        if (draw)
            widget_button(a, v[i].id, (SDL_Rect){cx, cy, v[i].w, th->button_h}, v[i].label,
                          v[i].icon, v[i].kind);
        cx += v[i].w + th->gap_small;
    }
    return n ? cy + th->button_h - y : 0;
}

static void ctl_set(struct app *a, struct ctl *c, const char *id, const char *label,
                    const char *icon, enum widget_kind kind)
{
    snprintf(c->id, sizeof(c->id), "%s", id);
    snprintf(c->label, sizeof(c->label), "%s", label);
    c->icon = icon;
    c->kind = kind;
    c->w = widget_button_width(a, c->label, icon);
    int widest = a->theme.w / 3;
    if (c->w > widest)
        c->w = widest;
}

static int draw_controls(struct app *a, struct cal_screen *c, int y)
{
    const struct theme *th = &a->theme;
    int w = th->w - 2 * th->margin;
    bool day = c->day_mode;
    int64_t today = today_of(a);
    bool at_today = day ? c->day == today : c->monday == calendar_monday(today);
    struct ctl prev, next, back_now;
    ctl_set(a, &prev, day ? "day:prev" : "week:prev", ui_str(a, day ? S_PREV_DAY : S_PREV_WEEK),
            "back", W_SECONDARY);
    ctl_set(a, &next, day ? "day:next" : "week:next", ui_str(a, day ? S_NEXT_DAY : S_NEXT_WEEK),
            "forward", W_SECONDARY);
    ctl_set(a, &back_now, day ? "day:today" : "week:today", ui_str(a, day ? S_TODAY : S_TO_TODAY),
            "calendar", W_SECONDARY);

    /* The filter buttons: "Age: All", "Topic: Clubs", ... */
    struct ctl filters[CAL_NFACETS + 1];
    size_t nf = 0;
    for (int f = 0; f < CAL_NFACETS; f++) {
        const char *val = calendar_filter_get(&c->f, (enum cal_facet)f);
        const struct cal_option *op =
            val[0] ? calendar_option_find(&c->opts, (enum cal_facet)f, val) : NULL;
        if (c->opts.n[f] < 2 && !val[0])
            continue; /* nothing to choose between */
        char id[UI_ID_LEN], label[160];
        snprintf(id, sizeof(id), "filter:%s", facet_key[f]);
        snprintf(label, sizeof(label), "%s: %s", ui_str(a, facet_label[f]),
                 op       ? op->name.s
                 : val[0] ? val
                          : ui_str(a, S_FILTER_ALL));
        ctl_set(a, &filters[nf++], id, label, NULL,
                c->open_facet == f || val[0] ? W_SELECTED : W_SECONDARY);
    }
    if (calendar_filter_active(&c->f))
        ctl_set(a, &filters[nf++], "filter:clear", ui_str(a, S_FILTER_CLEAR), "cross", W_SECONDARY);

    /* Navigation on one row: previous at the start, next at the end, and
     * the filters between them when they fit. */
    int nav_w = prev.w + next.w + (at_today ? 0 : back_now.w + th->gap_small) + 2 * th->gap;
    int filt_w = 0;
    for (size_t i = 0; i < nf; i++)
        filt_w += filters[i].w + th->gap_small;
    bool one_row = nav_w + filt_w <= w;
    int x = th->margin;
    widget_button(a, prev.id, (SDL_Rect){x, y, prev.w, th->button_h}, prev.label, prev.icon,
                  prev.kind);
    x += prev.w + th->gap_small;
    if (!at_today) {
        widget_button(a, back_now.id, (SDL_Rect){x, y, back_now.w, th->button_h}, back_now.label,
                      back_now.icon, back_now.kind);
        x += back_now.w + th->gap_small;
    }
    widget_button(a, next.id, (SDL_Rect){th->w - th->margin - next.w, y, next.w, th->button_h},
                  next.label, next.icon, next.kind);
    int h = th->button_h;
    if (one_row)
        flow(a, filters, nf, x + th->gap - th->gap_small, y, filt_w, true);
    else if (nf)
        h += th->gap_small + flow(a, filters, nf, th->margin, y + h + th->gap_small, w, true);

    /* The open facet's choices, as chips on a card. */
    if (c->open_facet != NO_FACET) {
        enum cal_facet f = (enum cal_facet)c->open_facet;
        size_t n = c->opts.n[f] + 1;
        struct ctl *chips = xcalloc(n, sizeof(*chips));
        const char *cur = calendar_filter_get(&c->f, f);
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "pick:%s:", facet_key[f]);
        ctl_set(a, &chips[0], id, ui_str(a, S_FILTER_ALL), NULL, cur[0] ? W_SECONDARY : W_SELECTED);
        for (size_t i = 1; i < n; i++) {
            const struct cal_option *op = &c->opts.v[f][i - 1];
            snprintf(id, sizeof(id), "pick:%s:%s", facet_key[f], op->id);
            ctl_set(a, &chips[i], id, op->name.s, NULL,
                    strcmp(cur, op->id) == 0 ? W_SELECTED : W_SECONDARY);
        }
        int inner = w - 2 * th->pad;
        int ch = flow(a, chips, n, 0, 0, inner, false);
        int top = y + h + th->gap_small;
        draw_card(&a->draw, (SDL_Rect){th->margin, top, w, ch + 2 * th->pad}, COL_SURFACE);
        flow(a, chips, n, th->margin + th->pad, top + th->pad, inner, true);
        h += th->gap_small + ch + 2 * th->pad;
        free(chips);
    }
    return h;
}

/* ---- the week ---- */

static int week_columns(struct app *a, struct cal_screen *c, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int gap = th->gap_small;
    int cw = (th->w - 2 * th->margin - 6 * gap) / 7;
    int head_h = 0, content_h = 0;
    for (int i = 0; i < 7; i++) {
        int hh = day_head(a, &c->w.days[i], 0, 0, cw, false);
        if (hh > head_h)
            head_h = hh;
    }
    for (int i = 0; i < 7; i++) {
        const struct cal_day *day = &c->w.days[i];
        int x = th->margin + i * (cw + gap);
        int y = top;
        day_head(a, day, x, y, cw, true);
        y += head_h + gap;
        size_t shown = calendar_day_count(day, &c->f);
        if (day->n == 0) {
            struct text_style es =
                draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, cw - 2 * gap);
            draw_text(d, ui_str(a, S_NO_EVENTS), &es, x + gap, y + gap);
            y += text_line_height(a->text, th->fs_small) + 2 * gap;
        }
        for (size_t j = 0; j < day->n; j++)
            if (calendar_item_matches(&day->items[j], &c->f))
                y += item(a, &day->items[j], x, y, cw, day->today) + gap;
        y += hidden_note(a, day, shown, x + gap, y, cw - 2 * gap);
        if (y - top > content_h)
            content_h = y - top;
    }
    return content_h;
}

static int week_list(struct app *a, struct cal_screen *c, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int w = th->w - 2 * th->margin;
    int y = top;
    for (int i = 0; i < 7; i++) {
        const struct cal_day *day = &c->w.days[i];
        y += day_head(a, day, th->margin, y, w, true) + th->gap_small;
        size_t shown = calendar_day_count(day, &c->f);
        if (day->n == 0) {
            struct text_style es = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, w);
            draw_text(d, ui_str(a, S_NO_EVENTS), &es, th->margin + th->gap_small, y);
            y += text_line_height(a->text, th->fs_small) + th->gap_small;
        }
        for (size_t j = 0; j < day->n; j++)
            if (calendar_item_matches(&day->items[j], &c->f))
                y += item(a, &day->items[j], th->margin, y, w, day->today) + th->gap_small;
        y += hidden_note(a, day, shown, th->margin + th->gap_small, y, w);
        y += th->gap;
    }
    return y - top;
}

/* ---- the day ---- */

static int day_body(struct app *a, struct cal_screen *c, int top)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    const struct cal_day *day = &c->w.days[(c->day - c->monday + 7) % 7];
    int w = th->w - 2 * th->margin;
    int y = top;
    if (day->today || day->holiday) {
        const char *label = day->today ? ui_str(a, S_TODAY) : day->holiday_name.s;
        widget_badge(a, th->margin, y, label, day->today ? "calendar" : "star",
                     day->today ? COL_ON_SOFT : COL_WARN_FG,
                     day->today ? COL_PRIMARY_SOFT : COL_WARN_BG);
        y += widget_badge_h(a) + th->gap;
        if (day->today && day->holiday) {
            widget_badge(a, th->margin, y, day->holiday_name.s, "star", COL_WARN_FG, COL_WARN_BG);
            y += widget_badge_h(a) + th->gap;
        }
    }
    size_t shown = calendar_day_count(day, &c->f);
    if (day->n == 0) {
        struct text_style es = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
        y += draw_text(d, ui_str(a, S_NO_EVENTS), &es, th->margin, y)->h + th->gap;
    }
    int cols = !th->portrait && !th->compact ? 2 : 1;
    int cw = (w - (cols - 1) * th->gap) / cols;
    size_t k = 0;
    const struct cal_item *row[2];
    for (size_t j = 0; j <= day->n; j++) {
        if (j < day->n) {
            if (!calendar_item_matches(&day->items[j], &c->f))
                continue;
            row[k++] = &day->items[j];
            if (k < (size_t)cols)
                continue;
        }
        if (k == 0)
            break;
        int rh = 0;
        for (size_t i = 0; i < k; i++) {
            int h = day_card(a, row[i], 0, 0, cw, 0, false);
            if (h > rh)
                rh = h;
        }
        for (size_t i = 0; i < k; i++)
            day_card(a, row[i], th->margin + (int)i * (cw + th->gap), y, cw, rh, true);
        y += rh + th->gap;
        k = 0;
    }
    y += hidden_note(a, day, shown, th->margin, y, w);
    return y - top;
}

static void cal_draw(struct app *a, void *st)
{
    struct cal_screen *c = st;
    const struct theme *th = &a->theme;
    char title[160];
    if (c->day_mode) {
        str_date_long(a->lang, c->day, title, sizeof(title));
    } else {
        char week[64], range[64], num[16];
        snprintf(num, sizeof(num), "%d", c->w.iso_week);
        str_fill(week, sizeof(week), ui_str(a, S_WEEK_N), num, NULL);
        str_date_range(a->lang, c->w.monday, c->w.monday + 6, range, sizeof(range));
        snprintf(title, sizeof(title), "%s · %s", week, range);
    }
    int top = widget_header(a, title, ui_str(a, S_CALENDAR));
    int ny = top + th->pad;
    int ch = draw_controls(a, c, ny);
    int body = ny + ch + th->pad;
    SDL_Rect view = {0, body, th->w, th->h - body};
    int off = ui_scroll_begin(a, &c->sc, view);
    int y = body + off;
    int content_h = 0;
    if (c->w.outside_window) {
        widget_badge(a, th->margin, y, ui_str(a, S_OUTSIDE_WINDOW), "info", COL_WARN_FG,
                     COL_WARN_BG);
        y += widget_badge_h(a) + th->gap;
        content_h += widget_badge_h(a) + th->gap;
    }
    if (c->day_mode)
        content_h += day_body(a, c, y);
    else if (!th->portrait && th->w >= 1000 &&
             (th->w - 2 * th->margin - 6 * th->gap) / 7 >= th->fs_body * 7)
        content_h += week_columns(a, c, y); /* seven columns, if words fit (large text) */
    else
        content_h += week_list(a, c, y);
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
