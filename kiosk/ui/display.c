/* display: the schedule and burn-in shift in the kiosk loop; see
 * display.h. */
#include "ui/display.h"
#include "ui/ui.h"
#include "domain/zone.h"
#include "base/log.h"

#include <stdio.h>
#include <string.h>

#define MINUTE_MS 60000

void display_init(struct app *a, const struct schedule_conf *conf, int shift)
{
    struct display *d = &a->disp;
    memset(d, 0, sizeof(*d));
    schedule_init(&d->sched, conf);
    power_init(&d->power, d->sched.conf.command_timeout);
    d->on = true;
    d->shift = shift < 0 ? !a->plat.headless && d->sched.conf.shift : shift > 0;
    display_content(a);
    bool off;
    display_tick(a, &off); /* the first frame already follows the hours */
}

void display_free(struct app *a)
{
    struct display *d = &a->disp;
    power_finish(&d->power);
    schedule_free(&d->sched);
}

void display_content(struct app *a)
{
    struct display *d = &a->disp;
    char msg[256];
    if (!schedule_load(&d->sched, a->content, msg, sizeof(msg)))
        LOG_WARN("%s", msg);
    d->next = 0; /* decide again */
}

static void log_change(struct app *a, bool on, bool woken, int64_t next)
{
    char when[64] = "further notice";
    if (next != SCHEDULE_NEVER)
        zone_format(ui_tz(a), next, when, sizeof(when));
    LOG_INFO("display: %s until %s", on ? (woken ? "woken by a touch" : "on") : "off", when);
}

static void switch_to(struct app *a, bool on)
{
    struct display *d = &a->disp;
    const struct schedule_conf *c = &d->sched.conf;
    d->on = on;
    a->dirty = true;
    if (on) {
        if (c->off_action == SCHEDULE_OFF_COMMAND)
            power_run(&d->power, "power_on_command", c->power_on);
        return;
    }
    /* Nobody is looking: forget the visitor's way and language. */
    ui_go_home(a);
    if (a->content && strcmp(a->lang, a->content->default_lang) != 0)
        ui_set_lang(a, a->content->default_lang);
    a->show_focus = false;
    d->swallow = false;
    if (c->off_action == SCHEDULE_OFF_COMMAND)
        power_run(&d->power, "power_off_command", c->power_off);
}

int display_tick(struct app *a, bool *off)
{
    struct display *d = &a->disp;
    int64_t now = ui_now(a);
    /* The clock set back (a boot with a clock in the future, then NTP):
     * the wake time a touch gave is counted from now again, and the next
     * change, still ahead on the old clock, is decided again. */
    int64_t wake_most = now + (int64_t)d->sched.conf.wake_minutes * 60;
    if (d->wake_until > wake_most)
        d->wake_until = wake_most;
    if (!d->started || now >= d->next || now < d->decided) {
        struct schedule_state st = schedule_at(&d->sched, ui_tz(a), now, d->wake_until);
        bool change = !d->started || st.on != d->on;
        d->next = st.next;
        d->decided = now;
        if ((change || st.woken) && d->sched.conf.source != SCHEDULE_ALWAYS)
            log_change(a, st.on, st.woken, st.next);
        if (change) {
            /* At start an "on" runs power_on_command too: the display may
             * have been put to sleep before a restart. */
            switch_to(a, st.on);
        }
        d->started = true;
    }
    bool dim = d->sched.conf.off_action == SCHEDULE_OFF_DIM;
    int wait = -1;
    if ((d->on || dim) && d->shift) {
        int dx, dy;
        schedule_shift(now, SCHEDULE_SHIFT_PX, &dx, &dy);
        if (dx != d->dx || dy != d->dy)
            a->dirty = true;
    }
    if (d->next != SCHEDULE_NEVER) {
        int64_t ms = (d->next - now) * 1000;
        /* Off: no clock to show, but never longer than a minute (the
         * system clock may be set meanwhile). */
        if (ms > MINUTE_MS)
            ms = MINUTE_MS;
        wait = (int)(ms > 0 ? ms : 0);
    }
    int p = power_poll(&d->power);
    if (p >= 0 && (wait < 0 || p < wait))
        wait = p;
    /* Dimmed, the picture (and its clock) still runs. */
    *off = !d->on && !dim;
    return wait;
}

bool display_input(struct app *a, struct input_event *ev)
{
    struct display *d = &a->disp;
    if (ev->kind == INPUT_EXPOSE || ev->kind == INPUT_RESIZE || ev->kind == INPUT_QUIT ||
        ev->kind == INPUT_NONE)
        return false;
    bool touch = ev->kind == INPUT_PRESS || ev->kind == INPUT_MOVE || ev->kind == INPUT_RELEASE;
    if (d->swallow && touch) {
        if (ev->kind == INPUT_RELEASE)
            d->swallow = false;
        return true;
    }
    d->swallow = false;
    int64_t now = ui_now(a);
    int64_t wake = now + (int64_t)d->sched.conf.wake_minutes * 60;
    if (!d->on) {
        if (ev->kind == INPUT_PRESS || ev->kind == INPUT_KEY || ev->kind == INPUT_TEXT) {
            d->wake_until = wake;
            d->swallow = ev->kind == INPUT_PRESS;
            d->next = 0; /* decide now */
            bool off;
            display_tick(a, &off);
        }
        return true;
    }
    /* Every touch keeps the screen awake for a while: after a waking touch,
     * and at closing time while someone is still using it. */
    if (ev->kind == INPUT_PRESS || ev->kind == INPUT_KEY || ev->kind == INPUT_TEXT)
        d->wake_until = wake;
    if (touch) {
        ev->x -= d->dx;
        ev->y -= d->dy;
    }
    return false;
}

bool display_frame_begin(struct app *a)
{
    struct display *d = &a->disp;
    d->dx = d->dy = 0;
    if (!d->on && d->sched.conf.off_action != SCHEDULE_OFF_DIM) {
        draw_clear(&a->draw, COL_OFF);
        return false;
    }
    if (d->shift) {
        schedule_shift(ui_now(a), SCHEDULE_SHIFT_PX, &d->dx, &d->dy);
        SDL_Rect vp = {d->dx, d->dy, a->plat.width, a->plat.height};
        SDL_RenderSetViewport(a->plat.ren, &vp);
    }
    return true;
}

void display_frame_end(struct app *a)
{
    struct display *d = &a->disp;
    if (d->dx || d->dy)
        SDL_RenderSetViewport(a->plat.ren, NULL);
    if (!d->on) { /* dimmed */
        SDL_Color c = draw_color(&a->draw, COL_DIM);
        SDL_SetRenderDrawBlendMode(a->plat.ren, SDL_BLENDMODE_BLEND);
        draw_rect(&a->draw, (SDL_Rect){0, 0, a->plat.width, a->plat.height}, c);
    }
}
