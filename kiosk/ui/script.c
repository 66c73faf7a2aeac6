/* script: headless interaction scripts; see script.h for the format. */
#include "ui/script.h"
#include "ui/banner.h"
#include "ui/notice.h"
#include "ui/print_ui.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <ctype.h>
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

static bool tap(struct app *a, const char *arg, char *err, size_t cap)
{
    int x, y, n = 0;
    ui_render(a, false);
    if (sscanf(arg, "%d,%d%n", &x, &y, &n) == 2 && arg[n] == '\0') {
        /* a point */
    } else {
        ui_reveal(a, arg);
        const struct ui_target *t = ui_find_target(a, arg);
        if (!t || t->vis.w == 0) {
            char ids[2048];
            list_targets(a, ids, sizeof(ids));
            snprintf(err, cap, "tap:%s: no such target on the %s screen (there are: %s)", arg,
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

static bool swipe(struct app *a, const char *arg, char *err, size_t cap)
{
    int x1, y1, x2, y2, ms = 250;
    int got = sscanf(arg, "%d,%d,%d,%d,%d", &x1, &y1, &x2, &y2, &ms);
    if (got < 4 || ms <= 0) {
        snprintf(err, cap, "swipe:%s: expected X1,Y1,X2,Y2[,MS]", arg);
        return false;
    }
    ui_render(a, false);
    send(a, INPUT_PRESS, x1, y1);
    int steps = ms / FRAME_MS;
    if (steps < 2)
        steps = 2;
    for (int i = 1; i <= steps; i++) {
        a->ms += (uint32_t)(ms / steps);
        send(a, INPUT_MOVE, x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps);
    }
    send(a, INPUT_RELEASE, x2, y2);
    ui_render(a, false);
    return true;
}

/* A finger held still: the clock runs (and timers fire) while it is down. */
static bool press(struct app *a, const char *arg, char *err, size_t cap)
{
    int x, y, ms, n = 0;
    if (sscanf(arg, "%d,%d,%d%n", &x, &y, &ms, &n) != 3 || arg[n] != '\0' || ms < 0 ||
        ms > 600000) {
        snprintf(err, cap, "press:%s: expected X,Y,MS, e.g. press:20,20,3500", arg);
        return false;
    }
    ui_render(a, false);
    send(a, INPUT_PRESS, x, y);
    advance(a, (uint32_t)ms);
    send(a, INPUT_RELEASE, x, y);
    advance(a, STEP_MS);
    return true;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static bool run_one(struct app *a, char *cmd, const char *dir, char *err, size_t cap)
{
    char *colon = strchr(cmd, ':');
    char *arg = colon ? trim(colon + 1) : (char *)"";
    if (colon)
        *colon = '\0';
    cmd = trim(cmd);
    if (strcmp(cmd, "tap") == 0)
        return tap(a, arg, err, cap);
    if (strcmp(cmd, "swipe") == 0)
        return swipe(a, arg, err, cap);
    if (strcmp(cmd, "press") == 0)
        return press(a, arg, err, cap);
    if (strcmp(cmd, "key") == 0) {
        enum input_key k = platform_key_from_name(arg);
        if (k == KEY_NONE) {
            snprintf(err, cap,
                     "key:%s: unknown key (Up Down Left Right Tab Shift+Tab Return "
                     "Escape Home PageUp PageDown F2)",
                     arg);
            return false;
        }
        ui_render(a, false);
        struct input_event ev = {.kind = INPUT_KEY, .key = k, .ms = a->ms};
        ev.erase = strcasecmp(arg, "Backspace") == 0;
        ev.typed = strcasecmp(arg, "Space") == 0;
        ui_handle(a, &ev);
        if (ev.typed) /* as SDL does: the space is typed too */
            type_text(a, " ");
        advance(a, STEP_MS);
        return true;
    }
    if (strcmp(cmd, "type") == 0) {
        if (!arg[0]) {
            snprintf(err, cap, "type: needs text, e.g. type:neuvola");
            return false;
        }
        type_text(a, arg);
        return true;
    }
    if (strcmp(cmd, "wait") == 0) {
        char *end;
        double s = strtod(arg, &end);
        if (end == arg || *end != '\0' || s < 0 || s > 86400) {
            snprintf(err, cap, "wait:%s: expected seconds, e.g. wait:2.5", arg);
            return false;
        }
        advance(a, (uint32_t)(s * 1000));
        return true;
    }
    if (strcmp(cmd, "wait-content") == 0) {
        char *end;
        double s = strtod(arg, &end);
        if (end == arg || *end != '\0' || s < 0 || s > 3600) {
            snprintf(err, cap, "wait-content:%s: expected seconds, e.g. wait-content:20", arg);
            return false;
        }
        if (!a->src.watch) {
            snprintf(err, cap, "wait-content: the kiosk is not watching for content (--watch)");
            return false;
        }
        if (!ui_content_wait(a, (int)(s * 1000))) {
            snprintf(err, cap, "wait-content:%s: no new content came", arg);
            return false;
        }
        ui_render(a, false);
        return true;
    }
    /* print and banner */
    if (strcmp(cmd, "wait-print") == 0) {
        char *end;
        double s = strtod(arg, &end);
        if (end == arg || *end != '\0' || s < 0 || s > 3600) {
            snprintf(err, cap, "wait-print:%s: expected seconds, e.g. wait-print:10", arg);
            return false;
        }
        if (!a->printer) {
            snprintf(err, cap, "wait-print: no printer is configured");
            return false;
        }
        if (!ui_print_wait(a, (int)(s * 1000), NULL)) {
            snprintf(err, cap, "wait-print:%s: no print job ended", arg);
            return false;
        }
        ui_render(a, false);
        return true;
    }
    if (strcmp(cmd, "wait-status") == 0) {
        char *end;
        double s = strtod(arg, &end);
        if (end == arg || *end != '\0' || s < 0 || s > 3600) {
            snprintf(err, cap, "wait-status:%s: expected seconds, e.g. wait-status:20", arg);
            return false;
        }
        if (!a->notice || !a->notice->status_watch) {
            snprintf(err, cap, "wait-status: the kiosk is not watching status.json (--watch)");
            return false;
        }
        if (!ui_banner_wait(a, (int)(s * 1000))) {
            snprintf(err, cap, "wait-status:%s: status.json did not change", arg);
            return false;
        }
        ui_render(a, false);
        return true;
    }
    if (strcmp(cmd, "clock") == 0) { /* benchmarks: when the last frame was presented */
        ui_render(a, false);
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        fprintf(stderr, "clock: %.3f\n", (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6);
        return true;
    }
    if (strcmp(cmd, "notices") == 0) {
        ui_render(a, false);
        fprintf(stderr, "notice: visitor: %s\nnotice: staff: %s\n", notice_text(a, NOTICE_VISITOR),
                notice_text(a, NOTICE_STAFF));
        return true;
    }
    if (strcmp(cmd, "shot") == 0) {
        if (!arg[0]) {
            snprintf(err, cap, "shot: needs a file name, e.g. shot:home.png");
            return false;
        }
        char path[1024];
        if (arg[0] == '/' || !dir)
            snprintf(path, sizeof(path), "%s", arg);
        else
            snprintf(path, sizeof(path), "%s/%s", dir, arg);
        return script_shot(a, path, err, cap);
    }
    if (strcmp(cmd, "targets") == 0) {
        ui_render(a, false);
        char ids[4096];
        list_targets(a, ids, sizeof(ids));
        fprintf(stderr, "%s: %s\n", a->stack[a->depth - 1].ops->name, ids);
        return true;
    }
    if (strcmp(cmd, "a11y") == 0) {
        struct theme_modes m;
        char e[256];
        if (!theme_parse_modes(arg, &m, e, sizeof(e))) {
            snprintf(err, cap, "a11y:%s: %s", arg, e);
            return false;
        }
        ui_set_modes(a, &m);
        ui_render(a, false);
        return true;
    }
    snprintf(err, cap,
             "%s: unknown command (tap, key, type, swipe, press, wait, wait-content, wait-print, "
             "shot, wait-status, targets, notices, clock, a11y)",
             cmd);
    return false;
}

bool script_run(struct app *a, const char *text, const char *dir, char *err, size_t cap)
{
    char *copy = xstrdup(text);
    bool ok = true;
    int n = 0;
    char *p = copy;
    while (ok && *p && !a->quit) {
        size_t len = strcspn(p, ";\n");
        char *next = p + len + (p[len] ? 1 : 0);
        p[len] = '\0';
        char *hash = strchr(p, '#');
        if (hash)
            *hash = '\0';
        char *cmd = trim(p);
        if (cmd[0]) {
            n++;
            char e[3000];
            if (!run_one(a, cmd, dir, e, sizeof(e))) {
                snprintf(err, cap, "script command %d: %s", n, e);
                ok = false;
            }
        }
        p = next;
    }
    free(copy);
    return ok;
}
