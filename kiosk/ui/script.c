/* script: headless interaction scripts; see script.h for the format. */
#include "ui/script.h"
#include "ui/staff.h"
#include "ui/banner.h"
#include "ui/notice.h"
#include "ui/print_ui.h"
#include "ui/scriptcmd.h"
#include "domain/zone.h"
#include "base/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define STEP_MS  40 /* time between scripted events */
#define FRAME_MS 16

static void advance(struct app *a, uint32_t ms)
{
    uint32_t end = a->ms + ms;
    while (a->ms < end) {
        uint32_t step = end - a->ms < FRAME_MS ? end - a->ms : FRAME_MS;
        a->ms += step;
        ui_tick(a);
    }
    ui_render(a, false);
    text_idle(a->text); /* as the kiosk's event loop does between events */
}

static void send(struct app *a, enum input_kind kind, int x, int y)
{
    struct input_event ev = {.kind = kind, .x = x, .y = y, .ms = a->ms};
    ui_handle(a, &ev);
}

bool script_shot(struct app *a, const char *path, char *err, size_t cap)
{
    ui_render(a, true);
    return platform_screenshot(&a->plat, path, err, cap);
}

static void list_targets(const struct app *a, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < a->ntargets && k + 2 < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? " " : "", a->targets[i].id);
}

/* Types text as a physical keyboard does: one text event per character. */
static void type_text(struct app *a, const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = 1;
        while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        struct input_event ev = {.kind = INPUT_TEXT, .ms = a->ms};
        snprintf(ev.text, sizeof(ev.text), "%.*s", (int)n, p);
        ui_render(a, false);
        ui_handle(a, &ev);
        advance(a, STEP_MS);
        p += n;
    }
}

static bool tap(struct app *a, const struct script_cmd *c, char *err, size_t cap)
{
    int x = c->x, y = c->y;
    ui_render(a, false);
    if (!c->point) {
        ui_reveal(a, c->arg);
        const struct ui_target *t = ui_find_target(a, c->arg);
        if (!t || t->vis.w == 0) {
            char ids[2048];
            list_targets(a, ids, sizeof(ids));
            snprintf(err, cap, "tap:%s: no such target on the %s screen (there are: %s)", c->arg,
                     a->stack[a->depth - 1].ops->name, ids);
            return false;
        }
        SDL_Rect m = draw_map(&a->draw, t->vis);
        x = m.x + m.w / 2 + a->disp.dx; /* where it is on the (shifted) screen */
        y = m.y + m.h / 2 + a->disp.dy;
    }
    send(a, INPUT_PRESS, x, y);
    advance(a, STEP_MS);
    send(a, INPUT_RELEASE, x, y);
    advance(a, STEP_MS);
    return true;
}

static void swipe(struct app *a, const struct script_cmd *c)
{
    ui_render(a, false);
    send(a, INPUT_PRESS, c->x, c->y);
    int steps = c->ms / FRAME_MS;
    if (steps < 2)
        steps = 2;
    for (int i = 1; i <= steps; i++) {
        a->ms += (uint32_t)(c->ms / steps);
        send(a, INPUT_MOVE, c->x + (c->x2 - c->x) * i / steps, c->y + (c->y2 - c->y) * i / steps);
    }
    send(a, INPUT_RELEASE, c->x2, c->y2);
    ui_render(a, false);
}

/* A finger held still: the clock runs (and timers fire) while it is down. */
static void press(struct app *a, const struct script_cmd *c)
{
    ui_render(a, false);
    send(a, INPUT_PRESS, c->x, c->y);
    advance(a, (uint32_t)c->ms);
    send(a, INPUT_RELEASE, c->x, c->y);
    advance(a, STEP_MS);
}

static bool run_one(struct app *a, const struct script_cmd *c, const char *dir, char *err,
                    size_t cap)
{
    switch (c->op) {
    case SCRIPT_TAP:
        return tap(a, c, err, cap);
    case SCRIPT_SWIPE:
        swipe(a, c);
        return true;
    case SCRIPT_KEY: {
        enum input_key k = platform_key_from_name(c->arg);
        if (k == KEY_NONE) {
            snprintf(err, cap,
                     "key:%s: unknown key (Up Down Left Right Tab Shift+Tab Return "
                     "Escape Home PageUp PageDown Space Backspace F2 Ctrl+Alt+S)",
                     c->arg);
            return false;
        }
        ui_render(a, false);
        struct input_event ev = {.kind = INPUT_KEY, .key = k, .ms = a->ms};
        ev.erase = strcasecmp(c->arg, "Backspace") == 0;
        ev.typed = strcasecmp(c->arg, "Space") == 0;
        ui_handle(a, &ev);
        if (ev.typed) /* as SDL does: the space is typed too */
            type_text(a, " ");
        advance(a, STEP_MS);
        return true;
    }
    case SCRIPT_TYPE:
        type_text(a, c->arg);
        return true;
    case SCRIPT_WAIT:
        advance(a, (uint32_t)(c->seconds * 1000));
        return true;
    case SCRIPT_WAIT_CONTENT:
        if (!a->src.watch) {
            snprintf(err, cap, "wait-content: the kiosk is not watching for content (--watch)");
            return false;
        }
        if (!ui_content_wait(a, (int)(c->seconds * 1000))) {
            snprintf(err, cap, "wait-content:%s: no new content came", c->arg);
            return false;
        }
        ui_render(a, false);
        return true;
    case SCRIPT_PRESS:
        press(a, c);
        return true;
    /* print and banner */
    case SCRIPT_WAIT_PRINT:
        if (!a->printer) {
            snprintf(err, cap, "wait-print: no printer is configured");
            return false;
        }
        if (!ui_print_wait(a, (int)(c->seconds * 1000), NULL)) {
            snprintf(err, cap, "wait-print:%s: no print job ended", c->arg);
            return false;
        }
        ui_render(a, false);
        return true;
    case SCRIPT_WAIT_STATUS:
        if (!a->notice || !a->notice->status_watch) {
            snprintf(err, cap, "wait-status: the kiosk is not watching status.json (--watch)");
            return false;
        }
        if (!ui_banner_wait(a, (int)(c->seconds * 1000))) {
            snprintf(err, cap, "wait-status:%s: status.json did not change", c->arg);
            return false;
        }
        ui_render(a, false);
        return true;
    case SCRIPT_WAIT_REQUEST:
        if (!staff_request_pending(a)) {
            snprintf(err, cap, "wait-request: no staff-menu request is waiting for its answer");
            return false;
        }
        if (!staff_request_wait(a, (int)(c->seconds * 1000))) {
            snprintf(err, cap, "wait-request:%s: no answer came", c->arg);
            return false;
        }
        ui_render(a, false);
        return true;
    case SCRIPT_WAIT_CLOCK:
        if (a->frozen) {
            snprintf(err, cap, "wait-clock: the clock is frozen (--now); now:TIME sets it");
            return false;
        }
        if (!ui_clock_wait(a, (int)(c->seconds * 1000))) {
            snprintf(err, cap, "wait-clock:%s: the kiosk saw no clock set", c->arg);
            return false;
        }
        ui_render(a, false);
        return true;
    case SCRIPT_NOW: {
        int64_t t;
        if (!a->frozen) {
            snprintf(err, cap, "now:%s: the kiosk runs on the system clock (no --now)", c->arg);
            return false;
        }
        if (!zone_parse_instant(c->arg, ui_tz(a), &t)) {
            snprintf(err, cap, "now:%s: expected 2026-11-24T10:15 (site time) or ...Z (UTC)",
                     c->arg);
            return false;
        }
        ui_set_frozen_now(a, t);
        advance(a, STEP_MS); /* the kiosk's next tick sees the set */
        return true;
    }
    case SCRIPT_CLOCK: { /* benchmarks: when the last frame was presented */
        ui_render(a, false);
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        fprintf(stderr, "clock: %.3f\n", (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
        return true;
    }
    case SCRIPT_NOTICES:
        ui_render(a, false);
        fprintf(stderr,
                "notice: visitor: %s\nnotice: staff: %s\nnotice: staff-menu: %s\n"
                "notice: screen: %s\n",
                notice_text(a, NOTICE_VISITOR), notice_text(a, NOTICE_STAFF),
                a->staff ? a->staff->say : "", a->warning);
        return true;
    case SCRIPT_A11Y: {
        struct theme_modes m;
        char e[256];
        if (!theme_parse_modes(c->arg, &m, e, sizeof(e))) {
            snprintf(err, cap, "a11y:%s: %s", c->arg, e);
            return false;
        }
        ui_set_modes(a, &m);
        ui_render(a, false);
        return true;
    }
    case SCRIPT_SHOT: {
        char path[1024];
        if (c->arg[0] == '/' || !dir)
            snprintf(path, sizeof(path), "%s", c->arg);
        else
            snprintf(path, sizeof(path), "%s/%s", dir, c->arg);
        return script_shot(a, path, err, cap);
    }
    case SCRIPT_TARGETS: {
        ui_render(a, false);
        char ids[4096];
        list_targets(a, ids, sizeof(ids));
        fprintf(stderr, "%s: %s\n", a->stack[a->depth - 1].ops->name, ids);
        return true;
    }
    }
    snprintf(err, cap, "unknown command");
    return false;
}

bool script_run(struct app *a, const char *text, const char *dir, char *err, size_t cap)
{
    struct script s;
    if (!script_parse(text, &s, err, cap))
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < s.n && !a->quit; i++) {
        char e[3000];
        if (!run_one(a, &s.cmds[i], dir, e, sizeof(e))) {
            snprintf(err, cap, "script command %d: %s", s.cmds[i].number, e);
            ok = false;
        }
    }
    script_free(&s);
    return ok;
}
