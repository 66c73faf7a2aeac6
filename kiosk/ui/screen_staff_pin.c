/* screen_staff_pin: the PIN pad in front of the staff menu. Large keys
 * 0-9 (in the order of a telephone pad, also in right-to-left languages),
 * erase and OK, the typed digits as dots, and Cancel. Digits typed on a
 * keyboard's number row work too; Enter after them sends. The PIN is checked on a
 * worker thread (staffpin.h) while the pad shows "Checking…"; the right PIN
 * replaces the pad with the status page (screen_staff), a wrong one counts
 * towards the lock-out, which the pad then explains with the minutes left.
 * The typed digits are wiped when the pad closes. */
#include "ui/screens.h"
#include "ui/staff.h"
#include "ui/widget.h"
#include "base/log.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pin_state {
    char digits[STAFFPIN_MAX + 1];
    int n;
    struct staffpin_check *check; /* non-NULL while the worker checks */
    int tries_left;               /* > 0: the last PIN was wrong */
    bool typed;                   /* the last input was a digit typed on a keyboard */
};

static void wipe(struct pin_state *p)
{
    sodium_memzero(p->digits, sizeof(p->digits));
    p->n = 0;
}

static void *pin_enter(struct app *a, const char *arg)
{
    (void)a;
    (void)arg;
    return calloc(1, sizeof(struct pin_state));
}

static void pin_leave(struct app *a, void *st)
{
    (void)a;
    struct pin_state *p = st;
    staffpin_check_free(p->check);
    wipe(p);
    free(p);
}

static int locked_seconds(struct app *a)
{
    return staffpin_locked(&a->staff->lock, ui_now(a));
}

/* Wakes the event loop when the worker has its answer. */
static void wake(void *ctx)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = (Uint32)(uintptr_t)ctx;
    SDL_PushEvent(&ev);
}

static void submit(struct app *a, struct pin_state *p)
{
    if (p->n == 0 || p->check)
        return;
    const struct staff *s = a->staff;
    p->check = staffpin_check_start(s->pin_hash, p->digits, s->wake_event ? wake : NULL,
                                    (void *)(uintptr_t)s->wake_event);
    if (!p->check) {
        /* No thread to be had: check here; the frame waits this once. */
        LOG_WARN("staff menu: cannot start a thread to check the PIN; checking on the UI thread");
        bool right = staffpin_verify(s->pin_hash, p->digits);
        wipe(p);
        if (right) {
            staffpin_passed(&a->staff->lock);
            a->staff->say[0] = '\0';
            ui_pop(a);
            ui_push(a, &screen_staff, NULL);
            return;
        }
        p->tries_left = staffpin_failed(&a->staff->lock, ui_now(a));
        return;
    }
    wipe(p);
    p->tries_left = 0;
}

static void type_digit(struct app *a, struct pin_state *p, char c)
{
    if (p->check || locked_seconds(a) > 0 || p->n >= STAFFPIN_MAX)
        return;
    p->digits[p->n++] = c;
    p->digits[p->n] = '\0';
    p->tries_left = 0;
}

static bool pin_action(struct app *a, void *st, const char *id)
{
    struct pin_state *p = st;
    p->typed = false;
    if (strncmp(id, "pin:", 4) != 0)
        return false;
    const char *k = id + 4;
    if (k[0] >= '0' && k[0] <= '9' && !k[1])
        type_digit(a, p, k[0]);
    else if (strcmp(k, "erase") == 0 && p->n > 0 && !p->check)
        p->digits[--p->n] = '\0';
    else if (strcmp(k, "ok") == 0 && locked_seconds(a) == 0)
        submit(a, p);
    else if (strcmp(k, "cancel") == 0)
        ui_pop(a);
    return true;
}

static bool pin_input(struct app *a, void *st, const struct input_event *ev)
{
    struct pin_state *p = st;
    if (ev->kind == INPUT_TEXT) {
        if (ev->text[0] >= '0' && ev->text[0] <= '9' && !ev->text[1]) {
            type_digit(a, p, ev->text[0]);
            p->typed = true;
        }
        return true; /* nothing else types here */
    }
    if (ev->key == KEY_BACK && ev->erase && p->n > 0) {
        if (!p->check)
            p->digits[--p->n] = '\0';
        return true;
    }
    /* Enter right after typing digits sends them; otherwise it presses the
     * key that has the focus. */
    bool typed = p->typed;
    p->typed = false;
    if (ev->key == KEY_ENTER && typed && p->n > 0) {
        if (locked_seconds(a) == 0)
            submit(a, p);
        return true;
    }
    return false;
}

static bool pin_update(struct app *a, void *st)
{
    struct pin_state *p = st;
    if (a->ms - a->last_input_ms >= STAFF_IDLE_MS) {
        ui_go_home(a);
        return true;
    }
    if (!p->check)
        return false;
    /* Headless scripts and a frozen clock wait for the answer, so that
     * pictures do not depend on the machine's speed. */
    enum staffpin_result r = staffpin_check_poll(p->check, a->frozen || a->plat.headless);
    if (r == STAFFPIN_PENDING)
        return false;
    staffpin_check_free(p->check);
    p->check = NULL;
    if (r == STAFFPIN_RIGHT) {
        staffpin_passed(&a->staff->lock);
        a->staff->say[0] = '\0';
        LOG_INFO("staff menu opened");
        ui_pop(a);
        ui_push(a, &screen_staff, NULL);
        return true;
    }
    p->tries_left = staffpin_failed(&a->staff->lock, ui_now(a));
    if (p->tries_left == 0)
        LOG_WARN("staff menu: %d wrong PINs; the pad is locked for %d minutes", STAFFPIN_TRIES,
                 STAFFPIN_LOCK_SECONDS / 60);
    return true;
}

/* The dots for the typed digits: at least STAFFPIN_MIN places. */
static void draw_dots(struct app *a, const struct pin_state *p, int cx, int y, int d)
{
    const struct theme *th = &a->theme;
    int places = p->n > STAFFPIN_MIN ? p->n : STAFFPIN_MIN;
    int step = d + d / 2;
    int x = cx - (places * step - d / 2) / 2;
    for (int i = 0; i < places; i++) {
        SDL_Rect r = {x + i * step, y, d, d};
        if (i < p->n)
            draw_rrect(&a->draw, r, d / 2, draw_color(&a->draw, COL_PRIMARY));
        else
            draw_rring(&a->draw, r, d / 2, th->rule, draw_color(&a->draw, COL_BORDER));
    }
}

static void draw_key(struct app *a, const char *id, SDL_Rect r, const char *digit)
{
    const struct theme *th = &a->theme;
    widget_button(a, id, r, NULL, NULL, W_SECONDARY);
    struct text_style ts = draw_style(&a->draw, th->fs_title, TEXT_BOLD, COL_TEXT, 0);
    int tw = text_width(a->text, digit, ts.size, TEXT_BOLD);
    int tl = text_line_height(a->text, ts.size);
    draw_text(&a->draw, digit, &ts, r.x + (r.w - tw) / 2, r.y + (r.h - tl) / 2);
}

static void pin_draw(struct app *a, void *st)
{
    struct pin_state *p = st;
    const struct theme *th = &a->theme;
    struct draw *d = &a->draw;
    int top = widget_header(a, ui_str(a, S_STAFF_TITLE), NULL);

    /* The pad: as large as the height allows, up to twice a touch target. */
    int body_h = th->h - top - 2 * th->pad;
    int kh = (body_h - 3 * th->gap_small) / 4;
    if (th->portrait)
        kh = (body_h * 3 / 5 - 3 * th->gap_small) / 4;
    if (kh > 2 * th->target)
        kh = 2 * th->target;
    if (kh < th->target)
        kh = th->target;
    int kw = kh * 3 / 2;
    int pad_w = 3 * kw + 2 * th->gap_small, pad_h = 4 * kh + 3 * th->gap_small;

    /* The side with the prompt, the dots, the message and Cancel. */
    int info_w =
        th->portrait ? th->w - 2 * th->margin : th->w - 2 * th->margin - pad_w - th->margin;
    if (info_w > th->max_line / 2 + th->margin)
        info_w = th->max_line / 2 + th->margin;
    int dot = th->fs_heading;
    struct text_style ps = draw_style(d, th->fs_subheading, TEXT_BOLD, COL_TEXT, info_w);
    ps.align = TEXT_CENTER;
    const char *prompt = ui_str(a, S_STAFF_PIN_PROMPT);
    char msg[256] = "";
    enum theme_color mc = COL_TEXT_MUTED;
    int lock = locked_seconds(a);
    if (lock > 0) {
        char mins[16];
        snprintf(mins, sizeof(mins), "%d", (lock + 59) / 60);
        str_fill(msg, sizeof(msg), ui_str(a, S_STAFF_PIN_LOCKED), mins, NULL);
        mc = COL_CLOSED_FG;
    } else if (p->check) {
        snprintf(msg, sizeof(msg), "%s", ui_str(a, S_STAFF_PIN_CHECKING));
    } else if (p->tries_left > 0) {
        char left[16];
        snprintf(left, sizeof(left), "%d", p->tries_left);
        str_fill(msg, sizeof(msg), ui_str(a, S_STAFF_PIN_WRONG), left, NULL);
        mc = COL_CLOSED_FG;
    }
    struct text_style ms = draw_style(d, th->fs_body, TEXT_BOLD, mc, info_w);
    ms.align = TEXT_CENTER;
    int msg_h = 2 * text_line_height(a->text, th->fs_body); /* room for two lines, always */
    int info_h =
        draw_text_height(d, prompt, &ps) + th->gap + dot + th->gap + msg_h + th->gap + th->button_h;

    int ix, iy, px, py;
    if (th->portrait) {
        int total = info_h + th->margin + pad_h;
        iy = top + (th->h - top - total) / 2;
        ix = (th->w - info_w) / 2;
        px = (th->w - pad_w) / 2;
        py = iy + info_h + th->margin;
    } else {
        int total = info_w + th->margin + pad_w;
        ix = (th->w - total) / 2;
        px = ix + info_w + th->margin;
        py = top + (th->h - top - pad_h) / 2;
        iy = top + (th->h - top - info_h) / 2;
    }

    int y = iy;
    y += draw_text(d, prompt, &ps, ix, y)->h + th->gap;
    draw_dots(a, p, ix + info_w / 2, y, dot);
    y += dot + th->gap;
    if (msg[0])
        draw_text(d, msg, &ms, ix, y);
    y += msg_h + th->gap;
    const char *cancel = ui_str(a, S_STAFF_CANCEL);
    int cw = widget_button_width(a, cancel, "cross");
    widget_button(a, "pin:cancel", (SDL_Rect){ix + (info_w - cw) / 2, y, cw, th->button_h}, cancel,
                  "cross", W_SECONDARY);

    /* 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK, left to right in every language. */
    static const char *const keys[12] = {"1", "2", "3", "4",     "5", "6",
                                         "7", "8", "9", "erase", "0", "ok"};
    for (int i = 0; i < 12; i++) {
        int col = i % 3, row = i / 3;
        if (a->rtl)
            col = 2 - col; /* mirrored back by draw_map */
        SDL_Rect r = {px + col * (kw + th->gap_small), py + row * (kh + th->gap_small), kw, kh};
        char id[UI_ID_LEN];
        snprintf(id, sizeof(id), "pin:%s", keys[i]);
        if (strcmp(keys[i], "erase") == 0)
            widget_button(a, id, r, NULL, "erase", W_SECONDARY);
        else if (strcmp(keys[i], "ok") == 0)
            widget_button(a, id, r, ui_str(a, S_STAFF_PIN_OK), NULL, W_PRIMARY);
        else
            draw_key(a, id, r, keys[i]);
    }
}

const struct screen_ops screen_staff_pin = {
    .name = "staff-pin",
    .enter = pin_enter,
    .action = pin_action,
    .update = pin_update,
    .draw = pin_draw,
    .leave = pin_leave,
    .input = pin_input,
};
