/* screen_staff: the staff status page, behind the PIN pad. Cards with the
 * content's version and validity, the last content update, free space,
 * uptimes, the app version, the printer and today's usage counts
 * (staff_status.h), and the actions: reload content now, install from the
 * USB stick, statistics to the USB stick, roll back (after a second tap),
 * test print, the screen check (screen_staff_check), the maintenance
 * notice (screen_maintenance), the weekly summary (screen_staff_summary),
 * restart the kiosk, leave. The USB and roll-back actions are requests to
 * the root-side handler (staff_request.c); the page says it is working
 * until the answer comes. Back, Home, Leave and the staff idle time all go
 * home, and the menu needs the PIN again. The figures are read again every
 * minute and after each action. Where the actions do not fit the height,
 * they scroll, with Leave kept in view below them. */
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/staff_hooks.h"
#include "ui/staff_status.h"
#include "ui/widget.h"
#include "base/log.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct staff_state {
    struct scroll sc, acts;
    struct staff_facts facts;
    int64_t minute;    /* when the facts were read */
    unsigned req_gen;  /* the staff requests' answers seen */
    bool confirm_back; /* "roll back" was tapped once: the next tap does it */
};

static void gather(struct app *a, struct staff_state *s)
{
    staff_facts_gather(a, &s->facts);
    s->minute = ui_now(a) / 60;
    s->req_gen = a->staff ? a->staff->req_gen : 0;
}

static void *staff_enter(struct app *a, const char *arg)
{
    (void)arg;
    struct staff_state *s = calloc(1, sizeof(*s));
    if (s)
        gather(a, s);
    staff_request_show(a); /* one still waiting from an earlier visit */
    return s;
}

static void staff_leave(struct app *a, void *st)
{
    (void)a;
    free(st);
}

static void reload_now(struct app *a)
{
    unsigned long refusals = a->src.refusals;
    /* May re-enter every screen, this one included: only a->staff is used
     * after it. */
    bool switched = ui_content_reload(a);
    char v[32] = "";
    if (a->content)
        snprintf(v, sizeof(v), "%" PRId64, a->content->info.content_version);
    enum str_id id = switched                      ? S_STAFF_RELOADED
                     : a->src.refusals != refusals ? S_STAFF_RELOAD_REFUSED
                                                   : S_STAFF_RELOAD_SAME;
    char msg[512];
    if (!a->content) /* still nothing to show; the journal says why */
        snprintf(msg, sizeof(msg), "%s", ui_str(a, S_STAFF_NO_CONTENT));
    else
        str_fill(msg, sizeof(msg), ui_str(a, id), v, NULL);
    staff_say(a, msg);
    LOG_INFO("staff menu: reload content: %s", msg);
}

/* The focus follows a button that changes its id (keyboard use). */
static void refocus(struct app *a, const char *from, const char *to)
{
    if (strcmp(a->focus, from) == 0)
        snprintf(a->focus, sizeof(a->focus), "%s", to);
}

static bool staff_action(struct app *a, void *st, const char *id)
{
    struct staff_state *s = st;
    /* Roll back changes what families see: it needs a second tap, and any
     * other action cancels the first. */
    if (strcmp(id, "staff:rollback-confirm") == 0) {
        s->confirm_back = false;
        refocus(a, id, "staff:rollback");
        staff_request(a, STAFFREQ_ROLLBACK);
        return true;
    }
    if (s->confirm_back) {
        s->confirm_back = false;
        staff_say(a, "");
    }
    if (strcmp(id, "staff:rollback") == 0) {
        if (staff_request_pending(a)) {
            staff_say(a, ui_str(a, S_STAFF_REQ_BUSY));
            return true;
        }
        s->confirm_back = true;
        refocus(a, id, "staff:rollback-confirm");
        staff_say(a, ui_str(a, S_STAFF_ROLLBACK_ASK));
        return true;
    }
    if (strcmp(id, "staff:usb-install") == 0) {
        staff_request(a, STAFFREQ_USB_INSTALL);
        return true;
    }
    if (strcmp(id, "staff:usb-stats") == 0) {
        staff_request(a, STAFFREQ_USB_STATS);
        return true;
    }
    if (strcmp(id, "staff:leave") == 0 || strcmp(id, "back") == 0 || strcmp(id, "home") == 0) {
        ui_go_home(a);
        return true;
    }
    if (strcmp(id, "staff:reload") == 0) {
        reload_now(a);
        if (staff_showing(a) && a->stack[a->depth - 1].ops == &screen_staff)
            gather(a, a->stack[a->depth - 1].st);
        return true;
    }
    if (strcmp(id, "staff:print") == 0) {
        staff_say(a, "");
        if (ui_print_test(a) && !a->staff->say[0])
            staff_say(a, ui_str(a, S_STAFF_PRINT_SENT));
        gather(a, s);
        return true;
    }
    if (strcmp(id, "staff:summary") == 0) {
        ui_push(a, &screen_staff_summary, NULL);
        return true;
    }
    if (strcmp(id, "staff:check") == 0) {
        ui_push(a, &screen_staff_check, NULL);
        return true;
    }
    if (strcmp(id, "staff:maintenance") == 0) {
        /* Either way the staff menu closes: on, the notice shows; off, the
         * home screen as after an idle reset. */
        bool on = maintenance_on(a);
        while (a->depth > 1)
            ui_pop(a);
        if (on)
            ui_end_visit(a);
        else
            ui_push(a, &screen_maintenance, NULL);
        LOG_INFO("staff menu: maintenance notice %s", on ? "ended" : "shown");
        return true;
    }
    if (strcmp(id, "staff:restart") == 0) {
        LOG_INFO("staff menu: restart asked for; exiting with status %d for systemd to restart",
                 STAFF_EXIT_RESTART);
        a->staff->restart = true;
        a->quit = true;
        return true;
    }
    return false;
}

static bool staff_update(struct app *a, void *st)
{
    struct staff_state *s = st;
    if (a->ms - a->last_input_ms >= STAFF_IDLE_MS) {
        ui_go_home(a);
        return true;
    }
    staff_request_tick(a);
    if (ui_now(a) / 60 != s->minute || (a->staff && a->staff->req_gen != s->req_gen)) {
        gather(a, s);
        return true;
    }
    return false;
}

static int row_height(struct app *a, const struct staff_row *r, int w)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int iw = w - 2 * th->pad;
    struct text_style ls = draw_style(d, th->fs_small, TEXT_BOLD, COL_TEXT_MUTED, iw);
    struct text_style vs = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, iw);
    struct text_style ds = draw_style(d, th->fs_small, TEXT_REGULAR, COL_TEXT_MUTED, iw);
    ds.max_lines = 2;
    int h =
        2 * th->gap_small + draw_text_height(d, r->label, &ls) + draw_text_height(d, r->value, &vs);
    if (r->detail[0])
        h += draw_text_height(d, r->detail, &ds);
    return h;
}

static void draw_row(struct app *a, const struct staff_row *r, SDL_Rect box)
{
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    enum theme_color bg = r->warn ? COL_WARN_BG : COL_SURFACE;
    enum theme_color muted = r->warn ? COL_TEXT : COL_TEXT_MUTED;
    draw_card(d, box, bg);
    int iw = box.w - 2 * th->pad;
    struct text_style ls = draw_style(d, th->fs_small, TEXT_BOLD, muted, iw);
    struct text_style vs = draw_style(d, th->fs_body, TEXT_BOLD, COL_TEXT, iw);
    struct text_style ds = draw_style(d, th->fs_small, TEXT_REGULAR, muted, iw);
    ds.max_lines = 2;
    int x = box.x + th->pad, y = box.y + th->gap_small;
    y += draw_text(d, r->label, &ls, x, y)->h;
    y += draw_text(d, r->value, &vs, x, y)->h;
    if (r->detail[0])
        draw_text(d, r->detail, &ds, x, y);
}

/* The actions, in the order of the column (or the rows of two). */
struct action {
    const char *id;
    enum str_id label;
    const char *icon;
    enum widget_kind kind;
};
static const struct action actions[] = {
    {"staff:reload", S_STAFF_RELOAD, "refresh", W_SECONDARY},
    {"staff:usb-install", S_STAFF_USB_INSTALL, "usb", W_SECONDARY},
    {"staff:usb-stats", S_STAFF_USB_STATS, "chart", W_SECONDARY},
    {"staff:rollback", S_STAFF_ROLLBACK, "undo", W_SECONDARY},
    {"staff:print", S_STAFF_PRINT_TEST, "print", W_SECONDARY},
    {"staff:check", S_STAFF_CHECK, "check", W_SECONDARY},
    {"staff:maintenance", S_STAFF_MAINT, "wrench", W_SECONDARY},
    {"staff:summary", S_STAFF_SUMMARY, "calendar", W_SECONDARY},
    {"staff:restart", S_STAFF_RESTART, "power", W_SECONDARY},
    {"staff:leave", S_STAFF_LEAVE, "home", W_PRIMARY},
};
enum { NACT = sizeof(actions) / sizeof(actions[0]) };

/* The maintenance button says "End maintenance" while it is on; roll back
 * asks for the second tap. */
static const char *action_label(struct app *a, const struct staff_state *s, enum str_id id)
{
    if (id == S_STAFF_ROLLBACK && s->confirm_back)
        return ui_str(a, S_STAFF_ROLLBACK_CONFIRM);
    return ui_str(a, id == S_STAFF_MAINT && maintenance_on(a) ? S_STAFF_MAINT_END : id);
}

static void action_button(struct app *a, const struct staff_state *s, const struct action *ac,
                          SDL_Rect r)
{
    bool confirm = ac->label == S_STAFF_ROLLBACK && s->confirm_back;
    widget_button(a, confirm ? "staff:rollback-confirm" : ac->id, r, action_label(a, s, ac->label),
                  ac->icon, confirm ? W_PRIMARY : ac->kind);
}

static void staff_draw(struct app *a, void *st)
{
    struct staff_state *s = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int top = widget_header(a, ui_str(a, S_STAFF_TITLE), NULL);

    /* The actions: a column at the end side, or rows of two at the bottom
     * on a portrait screen. */
    int aw = 0;
    for (int i = 0; i < NACT; i++) {
        int need = widget_button_width(a, action_label(a, s, actions[i].label), actions[i].icon);
        if (need > aw)
            aw = need;
    }
    int body_y = top + th->pad;
    int body_h = th->h - body_y - th->pad;
    int list_w;
    const char *say = a->staff ? a->staff->say : "";
    struct text_style ss = draw_style(d, th->fs_small, TEXT_BOLD, COL_TEXT, 0);
    int step = th->button_h + th->gap;
    if (th->portrait) {
        int bw = (th->w - 2 * th->margin - th->gap) / 2;
        int rows = (NACT + 1) / 2;
        int acts_h = rows * th->button_h + (rows - 1) * th->gap;
        ss.width = th->w - 2 * th->margin;
        int say_h = say[0] ? draw_text_height(d, say, &ss) + th->gap : 0;
        list_w = th->w - 2 * th->margin;
        int acts_y = th->h - th->pad - acts_h;
        for (int i = 0; i < NACT; i++)
            action_button(a, s, &actions[i],
                          (SDL_Rect){th->margin + (i % 2) * (bw + th->gap), acts_y + (i / 2) * step,
                                     bw, th->button_h});
        if (say[0])
            draw_text(d, say, &ss, th->margin, acts_y - say_h);
        body_h = acts_y - say_h - th->gap - body_y;
    } else {
        bool scroll = NACT * step - th->gap > body_h;
        if (scroll)
            aw += th->gap_small; /* room for the scroll indicator */
        int max_aw = (th->w - 2 * th->margin) * 2 / 5;
        if (aw > max_aw)
            aw = max_aw;
        list_w = th->w - 2 * th->margin - aw - th->margin;
        int acts_x = th->w - th->margin - aw;
        int leave_y = body_y + (NACT - 1) * step;
        int say_y = leave_y + step;
        if (scroll) {
            /* Too many for the height: all but Leave scroll, Leave stays
             * at the bottom. */
            leave_y = body_y + body_h - th->button_h;
            say_y = th->h; /* no room under them */
            int ring = th->ring + th->ring_gap;
            SDL_Rect view = {acts_x - ring, body_y - ring, aw + 2 * ring,
                             leave_y - th->gap - body_y + 2 * ring};
            int off = ui_scroll_begin(a, &s->acts, view);
            int bw = aw - th->gap_small;
            /* All registered, scrolled out of view or not: Tab reaches them. */
            for (int i = 0; i < NACT - 1; i++)
                action_button(a, s, &actions[i],
                              (SDL_Rect){acts_x, body_y + off + i * step, bw, th->button_h});
            ui_scroll_end(a, &s->acts, (NACT - 1) * step - th->gap + 2 * ring);
        } else {
            for (int i = 0; i < NACT - 1; i++)
                action_button(a, s, &actions[i],
                              (SDL_Rect){acts_x, body_y + i * step, aw, th->button_h});
        }
        action_button(a, s, &actions[NACT - 1], (SDL_Rect){acts_x, leave_y, aw, th->button_h});
        if (say[0]) {
            /* Under the actions, or under the facts where it does not fit
             * there (a low screen). */
            ss.width = aw;
            if (say_y + draw_text_height(d, say, &ss) > th->h - th->pad) {
                ss.width = list_w;
                int say_h = draw_text_height(d, say, &ss);
                body_h -= say_h + th->gap;
                draw_text(d, say, &ss, th->margin, th->h - th->pad - say_h);
            } else {
                draw_text(d, say, &ss, acts_x, say_y);
            }
        }
    }

    /* The facts: cards in one column, or two where they are wide enough. */
    struct staff_row rows[STAFF_MAX_ROWS];
    size_t n = staff_rows(&s->facts, a->lang, rows, STAFF_MAX_ROWS);
    int ncol = list_w >= 2 * th->max_line / 2 + th->gap ? 2 : 1;
    int cw = (list_w - (ncol - 1) * th->gap) / ncol;
    SDL_Rect view = {th->margin - th->ring - th->ring_gap, body_y,
                     list_w + 2 * (th->ring + th->ring_gap), body_h};
    int off = ui_scroll_begin(a, &s->sc, view);
    int y = body_y + off;
    for (size_t i = 0; i < n; i += (size_t)ncol) {
        int h = 0;
        for (int c = 0; c < ncol && i + (size_t)c < n; c++) {
            int rh = row_height(a, &rows[i + (size_t)c], cw);
            if (rh > h)
                h = rh;
        }
        for (int c = 0; c < ncol && i + (size_t)c < n; c++) {
            SDL_Rect box = {th->margin + c * (cw + th->gap), y, cw, h};
            if (ui_visible(a, box))
                draw_row(a, &rows[i + (size_t)c], box);
        }
        y += h + th->gap;
    }
    ui_scroll_end(a, &s->sc, y - (body_y + off));
}

const struct screen_ops screen_staff = {
    .name = "staff",
    .enter = staff_enter,
    .action = staff_action,
    .update = staff_update,
    .draw = staff_draw,
    .leave = staff_leave,
};
