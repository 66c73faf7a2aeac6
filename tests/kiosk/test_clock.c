/* The system clock set while the kiosk runs (a boot without a real-time
 * clock, then NTP; or by hand), on the real kiosk with the demo content and
 * a frozen clock that the script sets (now:):
 *  - clock_track: a step between the wall clock and the monotonic one is a
 *    set, running clocks and NTP's small corrections are not;
 *  - forward from before the build: today's programme on home, the staff
 *    notice gone, the calendar (open at the time) on the right week, the
 *    kiosk's uptime its own;
 *  - back from the far future: the same, and the screen's hours decided
 *    again at once (not at the next change of the old clock), a touch's
 *    wake time no longer than wake_minutes from the new time;
 *  - the timerfd watch starts, stays quiet while the clock runs, stops. */
#include "platform/clockwatch.h"
#include "ui/script.h"
#include "ui/staff.h"
#include "ui/staff_status.h"
#include "ui/ui.h"
#include "domain/zone.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static struct app *start(const char *now, const struct schedule_conf *display)
{
    struct app_options o;
    memset(&o, 0, sizeof(o));
    o.snapshot = KIOSK_DEMO;
    o.now = now;
    o.lang = "fi";
    o.plat.headless = true;
    o.display = display;
    o.shift = -1;
    assert_true(platform_parse_size("1280x800", &o.plat.width, &o.plat.height));
    struct app *a = calloc(1, sizeof(*a));
    assert_non_null(a);
    char err[256];
    if (!ui_init(a, &o, err, sizeof(err)))
        fail_msg("ui_init: %s", err);
    a->staff = staff_new(NULL, "");
    a->staff->started = ui_now(a);
    ui_render(a, true);
    return a;
}

static void stop(struct app *a)
{
    struct staff *s = a->staff;
    ui_free(a);
    staff_free(s);
    free(a);
}

static void run(struct app *a, const char *script)
{
    char err[1024];
    if (!script_run(a, script, NULL, err, sizeof(err)))
        fail_msg("%s: %s", script, err);
    ui_render(a, false);
}

static int64_t at(const char *local)
{
    int64_t t;
    assert_true(zone_parse_instant(local, ZONE_DEFAULT, &t));
    return t;
}

/* Targets on screen whose id starts with prefix. */
static size_t count_targets(const struct app *a, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < a->ntargets; i++)
        if (strncmp(a->targets[i].id, prefix, strlen(prefix)) == 0)
            n++;
    return n;
}

static const char *screen(const struct app *a)
{
    return a->stack[a->depth - 1].ops->name;
}

static void test_track(void **state)
{
    (void)state;
    struct clock_track t = {0};
    int64_t wall = at("2019-01-01T10:15") * 1000, mono = 5000;
    assert_int_equal(clock_track_step(&t, wall, mono), 0); /* the first look */
    /* Both clocks run: no set, however long between looks. */
    wall += 60000, mono += 60000;
    assert_int_equal(clock_track_step(&t, wall, mono), 0);
    wall += 3600000, mono += 3600000;
    assert_int_equal(clock_track_step(&t, wall, mono), 0);
    /* NTP's corrections under 2 s (here 1.5 s a minute) are followed, and
     * never add up to a set. */
    for (int i = 0; i < 5; i++) {
        wall += 61500, mono += 60000;
        assert_int_equal(clock_track_step(&t, wall, mono), 0);
    }
    /* Set forward seven years, then back an hour. */
    int64_t ahead = at("2026-11-24T10:15") * 1000 - wall;
    wall += ahead;
    assert_true(clock_track_step(&t, wall, mono) == ahead);
    wall += 1000, mono += 1000;
    assert_int_equal(clock_track_step(&t, wall, mono), 0);
    wall -= 3600000;
    assert_true(clock_track_step(&t, wall, mono) == -3600000);
}

static void test_forward_from_before_build(void **state)
{
    (void)state;
    struct app *a = start("2019-01-01T10:15", NULL);
    run(a, "targets");
    assert_string_equal(screen(a), "home");
    assert_int_equal(count_targets(a, "occ:"), 0); /* nothing shown as today */
    assert_string_equal(a->warning, ui_str(a, S_CLOCK_BEHIND));
    /* The calendar is open when NTP sets the clock. */
    run(a, "tap:calendar");
    assert_int_equal(count_targets(a, "day:2018-12-31"), 1);
    run(a, "wait:30; now:2026-11-24T10:15");
    assert_int_equal(a->clock_sets, 1);
    assert_string_equal(screen(a), "calendar");
    assert_int_equal(count_targets(a, "day:2018-12-31"), 0);
    assert_int_equal(count_targets(a, "day:2026-11-23"), 1); /* this week, loaded again */
    assert_true(count_targets(a, "occ:") > 0);
    run(a, "tap:home");
    assert_true(count_targets(a, "occ:") > 0); /* today's programme */
    assert_string_equal(a->warning, "");
    /* The kiosk's uptime is its own: not seven years. */
    struct staff_facts f;
    staff_facts_gather(a, &f);
    assert_true(f.kiosk_up >= 30 && f.kiosk_up < 40);
    /* The clock runs on: no more sets. */
    run(a, "wait:120");
    assert_int_equal(a->clock_sets, 1);
    stop(a);
}

static void test_small_steps_are_no_sets(void **state)
{
    (void)state;
    struct app *a = start("2026-11-24T10:15", NULL);
    run(a, "wait:10");
    ui_set_frozen_now(a, ui_now(a) + 1); /* NTP corrects by a second */
    run(a, "wait:1");
    assert_int_equal(a->clock_sets, 0);
    ui_set_frozen_now(a, ui_now(a) - 3); /* by three: a set */
    run(a, "wait:1");
    assert_int_equal(a->clock_sets, 1);
    stop(a);
}

static void test_back_from_far_future(void **state)
{
    (void)state;
    struct app *a = start("2099-11-24T10:15", NULL);
    run(a, "targets");
    assert_int_equal(count_targets(a, "occ:"), 0);
    assert_string_equal(a->warning, ui_str(a, S_STALE));
    run(a, "now:2026-11-24T10:15; targets");
    assert_int_equal(a->clock_sets, 1);
    assert_true(count_targets(a, "occ:") > 0);
    assert_string_equal(a->warning, "");
    run(a, "tap:calendar");
    assert_int_equal(count_targets(a, "day:2026-11-23"), 1);
    struct staff_facts f;
    staff_facts_gather(a, &f);
    assert_true(f.kiosk_up >= 0 && f.kiosk_up < 10);
    stop(a);
}

static void hours(struct schedule_conf *c)
{
    schedule_conf_defaults(c);
    char err[256];
    if (!schedule_parse_on(c, "mon-fri 07:30-17:00", err, sizeof(err)))
        fail_msg("%s", err);
    c->source = SCHEDULE_RANGES;
    c->wake_minutes = 5;
}

/* Booted with a clock in the future during its hours, set back to an
 * evening: the screen goes off at once, not at the old clock's 17:00. */
static void test_display_follows_a_set_back(void **state)
{
    (void)state;
    struct schedule_conf c;
    hours(&c);
    struct app *a = start("2099-11-24T10:15", &c);
    run(a, "wait:1");
    assert_true(a->disp.on);
    run(a, "now:2026-11-24T20:00");
    assert_false(a->disp.on);
    assert_true(a->disp.next <= at("2026-11-25T07:30"));
    /* And forward into the hours: on again. */
    run(a, "now:2026-11-25T08:00");
    assert_true(a->disp.on);
    stop(a);
}

/* A touch wakes the screen outside its hours; the clock is then set back
 * years: the wake time counts from the new time (5 minutes), not years. */
static void test_wake_after_a_set_back(void **state)
{
    (void)state;
    struct schedule_conf c;
    hours(&c);
    struct app *a = start("2099-11-24T20:00", &c);
    run(a, "wait:1");
    assert_false(a->disp.on);
    run(a, "tap:640,400");
    assert_true(a->disp.on);
    run(a, "now:2026-11-24T20:00");
    assert_true(a->disp.on);
    assert_true(a->disp.wake_until <= at("2026-11-24T20:05"));
    run(a, "wait:301");
    assert_false(a->disp.on);
    stop(a);
}

static void test_watch(void **state)
{
    (void)state;
    assert_int_equal(SDL_Init(SDL_INIT_EVENTS), 0);
    char err[256];
    struct clockwatch *w = clockwatch_start(err, sizeof(err));
    if (!w)
        fail_msg("clockwatch_start: %s", err);
    Uint32 type = clockwatch_event_type(w);
    assert_true(type >= SDL_USEREVENT);
    /* The clock only runs: no event. */
    SDL_Event ev;
    Uint32 end = SDL_GetTicks() + 300;
    while ((Sint32)(end - SDL_GetTicks()) > 0)
        if (SDL_WaitEventTimeout(&ev, 50))
            assert_true(ev.type != type);
    clockwatch_stop(w);
    SDL_Quit();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_track),
        cmocka_unit_test(test_forward_from_before_build),
        cmocka_unit_test(test_small_steps_are_no_sets),
        cmocka_unit_test(test_back_from_far_future),
        cmocka_unit_test(test_display_follows_a_set_back),
        cmocka_unit_test(test_wake_after_a_set_back),
        cmocka_unit_test(test_watch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
