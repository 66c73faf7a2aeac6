/* screen_service: one service in full — what it is, who provides it, for
 * whom, where (address, directions, accessibility facts), when (open now,
 * the next seven days with holiday exceptions), languages offered, coming
 * activities, contact details, contact persons, and a QR code to take home.
 * Two columns on wide screens, one on narrow ones. Owns the service view
 * model and the QR choice. arg: service id. */
#include "ui/screens.h"
#include "ui/panel.h"
#include "ui/print_ui.h"
#include "ui/quick_exit.h"
#include "ui/widget.h"
#include "domain/catalog.h"
#include "domain/zone.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct service_screen {
    bool found;
    struct catalog_service s;
    struct qr_choice qr;
    struct scroll sc;
    int qr_top; /* where the QR card is in the scrolled content */
};

/* A new QR choice is shown at once: the card scrolls into view. */
static void show_qr(struct service_screen *v)
{
    v->sc.y = (float)v->qr_top;
    v->sc.vel = 0;
}

static struct qr_sources qr_sources(const struct service_screen *v)
{
    return (struct qr_sources){"qr:service", v->s.phone, v->s.website, v->s.contacts,
                               v->s.ncontacts};
}

static void *service_enter(struct app *a, const char *arg)
{
    struct service_screen *v = xcalloc(1, sizeof(*v));
    v->found = arg && catalog_service_load(a->content, a->lang, arg, ui_now(a), &v->s);
    if (v->found) {
        struct qr_sources src = qr_sources(v);
        panel_qr_default(&v->qr, &src);
    }
    return v;
}

static void service_leave(struct app *a, void *st)
{
    (void)a;
    struct service_screen *v = st;
    if (v->found)
        catalog_service_free(&v->s);
    free(v);
}

static bool service_action(struct app *a, void *st, const char *id)
{
    struct service_screen *v = st;
    if (!v->found)
        return false;
    if (v->s.sensitive && strcmp(id, QUICK_EXIT_ID) == 0) {
        quick_exit_activate(a); /* frees v */
        return true;
    }
    struct qr_sources src = qr_sources(v);
    if (panel_qr_choose(&v->qr, &src, id)) {
        show_qr(v);
        return true;
    }
    /* print: the service's slip, or a contact person's */
    int who = panel_print_choice(id, "print:service", v->s.ncontacts);
    if (who < -1)
        return false;
    ui_print_service(a, &v->s, who);
    return true;
}

/* "Open now · closes at 16.00" and its colours. */
static void hours_summary(struct app *a, const struct hours *h, char *buf, size_t cap, bool *open)
{
    struct zone_time zt;
    zone_to_local(a->content->tz, ui_now(a), &zt);
    struct hours_status s = hours_status_at(h, zt.days, zt.minutes);
    *open = s.state == HOURS_OPEN;
    char t[16], rest[128] = "";
    str_time(a->lang, s.change_min, t, sizeof(t));
    if (s.state == HOURS_OPEN) {
        str_fill(rest, sizeof(rest), ui_str(a, s.change_day == 1 ? S_CLOSES_TOMORROW : S_CLOSES_AT),
                 t, NULL);
        snprintf(buf, cap, "%s · %s", ui_str(a, S_OPEN_NOW), rest);
    } else if (s.change_day < 0) {
        snprintf(buf, cap, "%s", ui_str(a, S_CLOSED));
    } else {
        if (s.change_day == 0)
            str_fill(rest, sizeof(rest), ui_str(a, S_OPENS_TODAY), t, NULL);
        else if (s.change_day == 1)
            str_fill(rest, sizeof(rest), ui_str(a, S_OPENS_TOMORROW), t, NULL);
        else
            str_fill(rest, sizeof(rest), ui_str(a, S_OPENS_ON),
                     str_weekday_long(a->lang, (zt.weekday - 1 + s.change_day) % 7 + 1), t);
        snprintf(buf, cap, "%s · %s", ui_str(a, S_CLOSED), rest);
    }
}

/* The next seven days, today first. Returns the height. */
static int hours_table(struct app *a, const struct hours *h, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int64_t today = content_today(a->content, ui_now(a));
    int dw = 0;
    for (int i = 0; i < 7; i++) {
        char date[48];
        str_date_short(a->lang, today + i, date, sizeof(date));
        int tw = text_width(a->text, date, th->fs_body, TEXT_BOLD);
        if (tw > dw)
            dw = tw;
    }
    dw += th->gap;
    int used = 0;
    for (int i = 0; i < 7; i++) {
        int64_t day = today + i;
        struct hours_period p[6];
        const struct hours_exception *e = NULL;
        size_t n = hours_day(h, day, p, 6, &e);
        char date[48], when[160] = "";
        str_date_short(a->lang, day, date, sizeof(date));
        size_t k = 0;
        for (size_t j = 0; j < n && k < sizeof(when); j++) {
            char r[48];
            str_time_range(a->lang, p[j].opens, p[j].closes, r, sizeof(r));
            k += (size_t)snprintf(when + k, sizeof(when) - k, "%s%s", j ? ", " : "", r);
        }
        if (n == 0)
            snprintf(when, sizeof(when), "%s", ui_str(a, S_CLOSED));
        enum text_weight wt = i == 0 ? TEXT_BOLD : TEXT_REGULAR;
        struct text_style ds = draw_style(d, th->fs_body, wt, COL_TEXT, dw);
        struct text_style ws = draw_style(d, th->fs_body, wt, n ? COL_TEXT : COL_TEXT_MUTED,
                                          w - dw - 2 * th->gap_small);
        int rh = draw_text_height(d, when, &ws);
        int nh = 0;
        struct text_style es =
            draw_style(d, th->fs_small, TEXT_BOLD, COL_WARN_FG, w - dw - 2 * th->gap_small);
        if (e && e->note.s[0])
            nh = draw_text_height(d, e->note.s, &es);
        int row = rh + nh + th->gap_small;
        SDL_Rect rr = {x, y + used, w, row};
        if (ui_visible(a, rr)) {
            if (i == 0)
                draw_rrect(d, rr, th->radius_small, draw_color(d, COL_PRIMARY_SOFT));
            else if (e)
                draw_rrect(d, rr, th->radius_small, draw_color(d, COL_WARN_BG));
            draw_text(d, date, &ds, x + th->gap_small, y + used + th->gap_small / 2);
            draw_text(d, when, &ws, x + th->gap_small + dw, y + used + th->gap_small / 2);
            if (nh)
                draw_text(d, e->note.s, &es, x + th->gap_small + dw,
                          y + used + th->gap_small / 2 + rh);
        }
        used += row + th->gap_small / 2;
    }
    return used;
}

static int location_block(struct app *a, const struct catalog_location *l, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int h = 0;
    h += widget_text(a, &l->name, x, y + h, w, th->fs_body, TEXT_BOLD, COL_TEXT);
    char addr[256] = "";
    if (l->street[0] || l->city[0])
        snprintf(addr, sizeof(addr), "%s%s%s %s", l->street, l->street[0] ? ", " : "",
                 l->postal_code, l->city);
    if (addr[0]) {
        struct text_style as = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT, w);
        SDL_Rect r = {x, y + h, w, draw_text_height(d, addr, &as)};
        if (ui_visible(a, r))
            draw_text(d, addr, &as, x, y + h);
        h += r.h;
    }
    h += widget_text(a, &l->directions, x, y + h, w, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED);
    struct fact {
        enum tri v;
        enum str_id label;
    } facts[] = {
        {l->step_free, S_STEP_FREE},     {l->accessible_toilet, S_ACC_TOILET},
        {l->induction_loop, S_LOOP},     {l->stroller_parking, S_STROLLER},
        {l->changing_table, S_CHANGING},
    };
    const char *yes[5], *no[5];
    size_t ny = 0, nn = 0;
    for (size_t i = 0; i < 5; i++) {
        if (facts[i].v == TRI_YES)
            yes[ny++] = ui_str(a, facts[i].label);
        else if (facts[i].v == TRI_NO)
            no[nn++] = ui_str(a, facts[i].label);
    }
    if (ny || nn)
        h += th->gap_small;
    if (ny)
        h += widget_badges(a, x, y + h, w, yes, ny, "check", COL_OPEN_FG, COL_OPEN_BG) +
             th->gap_small;
    if (nn)
        h += widget_badges(a, x, y + h, w, no, nn, "cross", COL_CLOSED_FG, COL_CLOSED_BG) +
             th->gap_small;
    h += widget_text(a, &l->accessibility, x, y + h, w, th->fs_body, TEXT_REGULAR, COL_TEXT);
    return h + th->gap;
}

static int upcoming_block(struct app *a, const struct cal_item *v, size_t n, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int h = 0;
    for (size_t i = 0; i < n; i++) {
        char when[96], date[48], range[48];
        str_date_short(a->lang, v[i].day, date, sizeof(date));
        str_when(a->lang, v[i].all_day, v[i].start_min, v[i].end_min, range, sizeof(range));
        snprintf(when, sizeof(when), "%s %s", date, range);
        struct text_style ws = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, w);
        struct text_style ns = draw_style(d, th->fs_body, TEXT_REGULAR, COL_TEXT_MUTED, w);
        int wh = draw_text_height(d, when, &ws);
        char line[256];
        snprintf(line, sizeof(line), "%s%s%s", v[i].name.s, v[i].place.s[0] ? " · " : "",
                 v[i].place.s);
        int lh = draw_text_height(d, line, &ns);
        int bh = v[i].status == CAL_CANCELLED ? widget_badge_h(a) + th->gap_small : 0;
        SDL_Rect r = {x, y + h, w, wh + lh + bh};
        if (ui_visible(a, r)) {
            draw_text(d, when, &ws, x, y + h);
            draw_text(d, line, &ns, x, y + h + wh);
            if (bh) {
                char b[160];
                snprintf(b, sizeof(b), "%s%s%s", ui_str(a, S_CANCELLED), v[i].note.s[0] ? ": " : "",
                         v[i].note.s);
                widget_badge(a, x, y + h + wh + lh + th->gap_small / 2, b, NULL, COL_CLOSED_FG,
                             COL_CLOSED_BG);
            }
        }
        h += r.h + th->gap;
    }
    return h;
}

/* Open now, what it is, for whom. */
static int main_top(struct app *a, struct service_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    const struct catalog_service *s = &v->s;
    int h = 0;
    if (!hours_empty(&s->hours)) {
        char sum[256];
        bool open;
        hours_summary(a, &s->hours, sum, sizeof(sum), &open);
        widget_badge(a, x, y, sum, "clock", open ? COL_OPEN_FG : COL_CLOSED_FG,
                     open ? COL_OPEN_BG : COL_CLOSED_BG);
        h += widget_badge_h(a) + th->gap;
    }
    h += widget_text(a, &s->description, x, y + h, w, th->fs_body, TEXT_REGULAR, COL_TEXT);
    h += th->gap * 2;
    if (s->nages) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_FOR_WHOM), "family") + th->gap_small;
        const char *names[16];
        size_t n = s->nages < 16 ? s->nages : 16;
        for (size_t i = 0; i < n; i++)
            names[i] = s->ages[i].s;
        h += widget_badges(a, x, y + h, w, names, n, NULL, COL_ON_SOFT, COL_PRIMARY_SOFT) +
             th->gap * 2;
    }
    return h;
}

/* Hours, places, languages and coming activities. */
static int main_rest(struct app *a, struct service_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    const struct catalog_service *s = &v->s;
    int h = 0;
    if (!hours_empty(&s->hours)) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_HOURS), "clock") + th->gap_small;
        h += hours_table(a, &s->hours, x, y + h, w) + th->gap * 2;
    }
    if (s->nlocs) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_WHERE), "location") + th->gap_small;
        for (size_t i = 0; i < s->nlocs; i++)
            h += location_block(a, &s->locs[i], x, y + h, w);
        h += th->gap;
    }
    if (s->nlangs) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_LANGUAGES), "globe") + th->gap_small;
        h += widget_badges(a, x, y + h, w, (const char *const *)s->langs, s->nlangs, NULL,
                           COL_ON_SOFT, COL_PRIMARY_SOFT) +
             th->gap * 2;
    }
    if (s->nupcoming) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_UPCOMING), "calendar") + th->gap_small;
        h += upcoming_block(a, s->upcoming, s->nupcoming, x, y + h, w);
    }
    return h;
}

static int side_column(struct app *a, struct service_screen *v, int x, int y, int w)
{
    const struct theme *th = &a->theme;
    const struct catalog_service *s = &v->s;
    int h = 0;
    v->qr_top = y - (v->sc.view.y + th->pad - (int)v->sc.y);
    h += panel_qr(a, x, y, w, &v->qr);
    struct qr_sources src = qr_sources(v);
    h += panel_qr_buttons(a, x, y + h, w, &v->qr, &src, "print:service");
    if (s->phone[0] || s->email[0] || s->website[0]) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_CONTACT), "phone") + th->gap_small;
        h += panel_contact_lines(a, x, y + h, w, s->phone, s->email, s->website) + th->gap * 2;
    }
    if (s->ncontacts) {
        h += widget_section(a, x, y + h, w, ui_str(a, S_CONTACTS), "people") + th->gap_small;
        h += panel_people(a, x, y + h, w, s->contacts, s->ncontacts, &v->qr);
    }
    return h;
}

static void service_draw(struct app *a, void *st)
{
    struct service_screen *v = st;
    const struct theme *th = &a->theme;
    if (!v->found) {
        widget_header(a, "?", NULL);
        return;
    }
    int top = widget_header(a, v->s.name.s, v->s.org_name.s);
    SDL_Rect view = {0, top, th->w, th->h - top};
    int off = ui_scroll_begin(a, &v->sc, view);
    int y = top + th->pad + off;
    int w = th->w - 2 * th->margin;
    int h;
    if (!th->portrait && !th->compact) {
        int side = w * 38 / 100;
        int mw = w - side - th->margin;
        if (mw > th->max_line)
            mw = th->max_line;
        int h1 = main_top(a, v, th->margin, y, mw);
        h1 += main_rest(a, v, th->margin, y + h1, mw);
        int h2 = side_column(a, v, th->w - th->margin - side, y, side);
        h = h1 > h2 ? h1 : h2;
    } else {
        h = main_top(a, v, th->margin, y, w);
        h += side_column(a, v, th->margin, y + h, w) + th->gap;
        h += main_rest(a, v, th->margin, y + h, w);
    }
    if (v->s.sensitive)
        h += quick_exit_reserve(a);
    ui_scroll_end(a, &v->sc, h + 2 * th->pad);
    if (v->s.sensitive)
        quick_exit_draw(a);
}

const struct screen_ops screen_service = {
    .name = "service",
    .enter = service_enter,
    .action = service_action,
    .draw = service_draw,
    .leave = service_leave,
};
