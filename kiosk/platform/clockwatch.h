/* clockwatch: notices when the system clock is set while the kiosk runs.
 * A Raspberry Pi has no battery-backed clock: it boots with an old time
 * (the last shutdown's, or 1970) and NTP sets the right one some seconds
 * or hours later; staff may also set it by hand.
 *
 * Two ways, used together by the kiosk loop (ui.c):
 *  - clock_track compares the wall clock with the monotonic one at each
 *    wake-up: a step between them is a clock set. The loop wakes at least
 *    once a minute, so this alone sees a set within a minute, whatever the
 *    system (and under libfaketime in the tests).
 *  - clockwatch_start arms a timerfd on CLOCK_REALTIME with
 *    TFD_TIMER_CANCEL_ON_SET: the kernel cancels it when the clock is set,
 *    a small thread sleeping in poll() sees that and posts an SDL event of
 *    its own type, so the loop wakes at once instead of at its next tick.
 * Owns the timerfd and the thread. */
#ifndef AULA_PLATFORM_CLOCKWATCH_H
#define AULA_PLATFORM_CLOCKWATCH_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Steps smaller than this are NTP's own small corrections, not a set. */
#define CLOCK_SET_MIN_MS 2000

/* The wall clock followed against the monotonic one. Zeroed: nothing
 * known yet. */
struct clock_track {
    bool known;
    int64_t offset_ms; /* wall minus monotonic at the last look */
};

/* Looks at the clocks (both in ms): returns how far the wall clock was set
 * since the last look (> 0 forward, < 0 back), or 0 when it only ran (or
 * moved less than CLOCK_SET_MIN_MS). The first look returns 0. */
int64_t clock_track_step(struct clock_track *t, int64_t wall_ms, int64_t mono_ms);

struct clockwatch;

/* Starts watching for clock sets. SDL must be started. Returns NULL with
 * err filled when the system cannot tell (the kiosk then relies on
 * clock_track alone). */
struct clockwatch *clockwatch_start(char *err, size_t cap);
void clockwatch_stop(struct clockwatch *w);
/* The SDL event type posted when the clock was set. */
Uint32 clockwatch_event_type(const struct clockwatch *w);

#endif
