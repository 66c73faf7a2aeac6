/* display: the screen's schedule and burn-in care inside the kiosk loop.
 * Outside the hours of domain/schedule the kiosk shows a black frame (or,
 * with off_action = dim, its picture dimmed) and, with off_action =
 * command, runs power_off_command; at the next opening it runs
 * power_on_command and shows the home screen. When the screen goes off the
 * visitor's choices are forgotten (home, default language). A touch or key
 * while off only wakes the screen for wake_minutes: that first touch never
 * activates a button. While off the loop sleeps until the next change (at
 * most a minute at a time, as the clock tick would), no redraws. When the
 * system clock is set while the kiosk runs, either way, the next wake-up
 * decides again on the new time, and a touch's wake time is never longer
 * than wake_minutes from now.
 *
 * Burn-in care: while on, the whole picture is offset by a few pixels that
 * change slowly with the clock (schedule_shift); touches are mapped back
 * by the same offset. Headless pictures are not shifted unless asked, so
 * reference screenshots stay stable. Owns the schedule and the power
 * command runner. */
#ifndef AULA_UI_DISPLAY_H
#define AULA_UI_DISPLAY_H

#include "domain/schedule.h"
#include "platform/platform.h"
#include "platform/power.h"

#include <stdbool.h>
#include <stdint.h>

struct app;

struct display {
    struct schedule sched;
    struct power power;
    bool on;            /* as shown now */
    bool started;       /* the first decision was made */
    int64_t next;       /* UTC instant of the next change */
    int64_t decided;    /* UTC instant of the last decision */
    int64_t wake_until; /* a touch woke the screen until then */
    bool swallow;       /* the waking touch is down: its release is dropped */
    bool shift;         /* burn-in shift */
    int dx, dy;         /* the offset of this frame */
};

/* shift: -1 the default (on, except headless), 0 off, 1 on; conf NULL:
 * always on. */
void display_init(struct app *a, const struct schedule_conf *conf, int shift);
void display_free(struct app *a);
/* The content changed: reads the site's hours and holidays again. */
void display_content(struct app *a);
/* Decides on/off for now, runs commands, reaps them. Returns ms until it
 * needs a wake-up (-1: none besides the minute tick); *off is set while the
 * screen shows nothing (black: the caller then skips its own timers; a
 * dimmed picture keeps its clock). */
int display_tick(struct app *a, bool *off);
/* Called first for every input event: true if it was used to wake the
 * screen (or is the rest of that touch) and must go no further. Touch
 * coordinates are mapped back through the burn-in shift. */
bool display_input(struct app *a, struct input_event *ev);
/* Before drawing: sets the shift of this frame. Returns false if the
 * screen is off with a black frame, which it then draws instead. */
bool display_frame_begin(struct app *a);
/* After drawing: the dimming while off (off_action = dim), the shift
 * reset. */
void display_frame_end(struct app *a);

#endif
