/* Unit tests of kiosk/domain/schedule: when the screen is on, across the
 * DST switch nights of Europe/Helsinki (last Sundays of March and October),
 * over midnight, on public holidays with and without the site's own
 * exceptions, a touch waking it; the [display] settings with every bad
 * value giving file:line; and the burn-in shift staying within bounds. */
#include "domain/schedule.h"
#include "domain/zone.h"
#include "base/civil.h"
#include "base/conf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define TZ "Europe/Helsinki"

static int64_t at(const char *s)
{
    int64_t t = 0;
    if (!zone_parse_instant(s, TZ, &t))
        fail_msg("bad instant in the test: %s", s);
    return t;
}

struct sched_case {
    const char *what;
    const char *now;  /* local, or ...Z */
    const char *wake; /* NULL: no touch */
    bool on, woken;
    const char *next; /* NULL: never */
};

static void check(const struct schedule *s, const struct sched_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int64_t now = at(c[i].now);
        struct schedule_state st = schedule_at(s, TZ, now, c[i].wake ? at(c[i].wake) : 0);
        int64_t next = c[i].next ? at(c[i].next) : SCHEDULE_NEVER;
        if (st.on != c[i].on || st.woken != c[i].woken || st.next != next)
            fail_msg("%s (%s): got %s%s next %lld, expected %s%s next %lld (%s)", c[i].what,
                     c[i].now, st.on ? "on" : "off", st.woken ? " (woken)" : "", (long long)st.next,
                     c[i].on ? "on" : "off", c[i].woken ? " (woken)" : "", (long long)next,
                     c[i].next ? c[i].next : "never");
    }
}

static void ranges(struct schedule *s, const char *on)
{
    struct schedule_conf c;
    schedule_conf_defaults(&c);
    char err[256];
    if (!schedule_parse_on(&c, on, err, sizeof(err)))
        fail_msg("on = %s: %s", on, err);
    c.source = SCHEDULE_RANGES;
    schedule_init(s, &c);
}

static void test_week(void **state)
{
    (void)state;
    struct schedule s;
    ranges(&s, "mon-fri 07:30-17:00, sat 10:00-14:00");
    /* 2026-11-24 is a Tuesday; Finland is on UTC+2 in November. */
    static const struct sched_case cases[] = {
        {"open", "2026-11-24T10:15", NULL, true, false, "2026-11-24T15:00Z"},
        {"before opening", "2026-11-24T06:00", NULL, false, false, "2026-11-24T05:30Z"},
        {"at opening", "2026-11-24T07:30", NULL, true, false, "2026-11-24T17:00"},
        {"at closing", "2026-11-24T17:00", NULL, false, false, "2026-11-25T07:30"},
        {"Saturday morning", "2026-11-28T09:00", NULL, false, false, "2026-11-28T10:00"},
        {"Saturday evening", "2026-11-28T15:00", NULL, false, false, "2026-11-30T07:30"},
        {"Sunday", "2026-11-29T12:00", NULL, false, false, "2026-11-30T07:30"},
        {"a touch at night", "2026-11-24T06:00", "2026-11-24T06:05", true, true,
         "2026-11-24T06:05"},
        {"a touch running into opening", "2026-11-24T07:28", "2026-11-24T07:33", true, true,
         "2026-11-24T07:30"},
        {"an old touch", "2026-11-24T06:00", "2026-11-24T05:55", false, false, "2026-11-24T07:30"},
        {"a touch while open changes nothing", "2026-11-24T10:00", "2026-11-24T10:05", true, false,
         "2026-11-24T17:00"},
    };
    check(&s, cases, sizeof(cases) / sizeof(cases[0]));
    schedule_free(&s);
}

static void test_dst(void **state)
{
    (void)state;
    struct schedule s;
    /* Spring: Sunday 2026-03-29 at 03:00 EET the clocks jump to 04:00
     * EEST (01:00 UTC). Autumn: Sunday 2026-10-25 at 04:00 EEST they go
     * back to 03:00 EET (01:00 UTC). Local opening times stay local. */
    ranges(&s, "daily 07:30-17:00");
    static const struct sched_case day[] = {
        {"spring, the evening before", "2026-03-28T20:00", NULL, false, false, "2026-03-29T04:30Z"},
        {"spring, the night itself", "2026-03-29T00:30Z", NULL, false, false, "2026-03-29T04:30Z"},
        {"spring, that day", "2026-03-29T12:00", NULL, true, false, "2026-03-29T14:00Z"},
        {"spring, the day before", "2026-03-28T12:00", NULL, true, false, "2026-03-28T15:00Z"},
        {"autumn, the evening before", "2026-10-24T20:00", NULL, false, false, "2026-10-25T05:30Z"},
        {"autumn, in the repeated hour", "2026-10-25T00:30Z", NULL, false, false,
         "2026-10-25T05:30Z"},
        {"autumn, that day", "2026-10-25T12:00", NULL, true, false, "2026-10-25T15:00Z"},
    };
    check(&s, day, sizeof(day) / sizeof(day[0]));
    schedule_free(&s);

    /* A Saturday-night range over midnight, on both switch nights. */
    ranges(&s, "sat 22:00-05:00");
    static const struct sched_case night[] = {
        {"spring, evening", "2026-03-28T23:00", NULL, true, false, "2026-03-29T02:00Z"},
        {"spring, after the jump", "2026-03-29T04:30", NULL, true, false, "2026-03-29T02:00Z"},
        {"spring, done", "2026-03-29T05:00", NULL, false, false, "2026-04-04T22:00"},
        {"autumn, evening", "2026-10-24T23:00", NULL, true, false, "2026-10-25T03:00Z"},
        {"autumn, first 03:30", "2026-10-25T00:30Z", NULL, true, false, "2026-10-25T03:00Z"},
        {"autumn, second 03:30", "2026-10-25T01:30Z", NULL, true, false, "2026-10-25T03:00Z"},
        {"autumn, done", "2026-10-25T03:00Z", NULL, false, false, "2026-10-31T22:00"},
    };
    check(&s, night, sizeof(night) / sizeof(night[0]));
    schedule_free(&s);
}

static void test_midnight(void **state)
{
    (void)state;
    struct schedule s;
    ranges(&s, "fri 20:00-02:00, mon 08:00-24:00, tue 00:00-06:00");
    static const struct sched_case cases[] = {
        {"Friday night", "2026-11-27T23:00", NULL, true, false, "2026-11-28T02:00"},
        {"into Saturday", "2026-11-28T01:00", NULL, true, false, "2026-11-28T02:00"},
        {"Saturday after", "2026-11-28T02:00", NULL, false, false, "2026-11-30T08:00"},
        {"Monday to Tuesday is one stretch", "2026-11-30T23:00", NULL, true, false,
         "2026-12-01T06:00"},
    };
    check(&s, cases, sizeof(cases) / sizeof(cases[0]));
    schedule_free(&s);
}

static void test_holidays(void **state)
{
    (void)state;
    struct schedule s;
    ranges(&s, "mon-fri 07:30-17:00");
    schedule_add_holiday(&s, civil_to_days(2026, 12, 25));
    schedule_add_holiday(&s, civil_to_days(2026, 12, 24));
    static const struct sched_case cases[] = {
        {"Christmas Eve (Thursday)", "2026-12-24T10:00", NULL, false, false, "2026-12-28T07:30"},
        {"the day before", "2026-12-23T16:00", NULL, true, false, "2026-12-23T17:00"},
        {"after closing, before the holidays", "2026-12-23T18:00", NULL, false, false,
         "2026-12-28T07:30"},
    };
    check(&s, cases, sizeof(cases) / sizeof(cases[0]));
    s.conf.holidays_on = true;
    static const struct sched_case on[] = {
        {"holidays = on", "2026-12-24T10:00", NULL, true, false, "2026-12-24T17:00"},
    };
    check(&s, on, sizeof(on) / sizeof(on[0]));
    schedule_free(&s);

    /* hours = site: the site's weekly hours and its dated exceptions. */
    struct schedule_conf c;
    schedule_conf_defaults(&c);
    c.source = SCHEDULE_SITE;
    schedule_init(&s, &c);
    for (int d = 1; d <= 5; d++)
        hours_add_weekly(&s.site, d, 8 * 60, 16 * 60);
    hours_add_exception(&s.site, civil_to_days(2026, 12, 24), false, 10 * 60, 14 * 60, NULL);
    hours_add_exception(&s.site, civil_to_days(2026, 12, 22), true, 0, 0, NULL);
    schedule_add_holiday(&s, civil_to_days(2026, 12, 24));
    schedule_add_holiday(&s, civil_to_days(2026, 12, 25));
    static const struct sched_case site[] = {
        {"an ordinary day", "2026-12-21T09:00", NULL, true, false, "2026-12-21T16:00"},
        {"closed by an exception", "2026-12-22T09:00", NULL, false, false, "2026-12-23T08:00"},
        {"a holiday the site opens", "2026-12-24T11:00", NULL, true, false, "2026-12-24T14:00"},
        {"a holiday the site is closed", "2026-12-25T09:00", NULL, false, false,
         "2026-12-28T08:00"},
    };
    check(&s, site, sizeof(site) / sizeof(site[0]));
    schedule_free(&s);

    /* hours = site with no hours in the content: never dark. */
    schedule_init(&s, &c);
    static const struct sched_case none[] = {
        {"no hours known", "2026-12-25T03:00", NULL, true, false, NULL},
    };
    check(&s, none, sizeof(none) / sizeof(none[0]));
    schedule_free(&s);
}

static void test_always(void **state)
{
    (void)state;
    struct schedule s;
    schedule_init(&s, NULL);
    static const struct sched_case cases[] = {
        {"no hours", "2026-11-24T03:00", NULL, true, false, NULL},
    };
    check(&s, cases, sizeof(cases) / sizeof(cases[0]));
    schedule_free(&s);
}

/* ---- settings ---- */

static const char *const owned[] = {"display", NULL};
static const char *const others[] = {"kiosk", NULL};

static bool read_conf(const char *text, struct schedule_conf *c, char *err, size_t cap)
{
    struct conf_value v[SCHEDULE_NKEYS];
    struct conf_spec spec = {schedule_conf_keys, SCHEDULE_NKEYS, owned, others, NULL, NULL};
    schedule_conf_defaults(c);
    return conf_read("aula.conf", text, &spec, v, err, cap) &&
           schedule_conf_apply(c, v, "aula.conf", err, cap);
}

static void test_conf_good(void **state)
{
    (void)state;
    struct schedule_conf c;
    char err[512], desc[512];
    assert_true(read_conf("[kiosk]\nidle_seconds = 5\n[display]\n"
                          "on = mon-fri 07:30-17:00, sat 10:00-14:00, ma ke 18:00-20:00 "
                          "21:00-22:00, fri-mon 23:00-01:00\n"
                          "off_action = command\n"
                          "power_off_command = cec-ctl --to 0 --standby\n"
                          "power_on_command = \"cec-ctl --to 0 --image-view-on\"\n"
                          "wake_minutes = 3\ncommand_timeout = 20\nholidays = on\nshift = no\n",
                          &c, err, sizeof(err)));
    assert_int_equal(c.source, SCHEDULE_RANGES);
    assert_int_equal(c.nranges, 5);
    assert_int_equal(c.off_action, SCHEDULE_OFF_COMMAND);
    assert_string_equal(c.power_off, "cec-ctl --to 0 --standby");
    assert_string_equal(c.power_on, "cec-ctl --to 0 --image-view-on");
    assert_int_equal(c.wake_minutes, 3);
    assert_int_equal(c.command_timeout, 20);
    assert_true(c.holidays_on);
    assert_false(c.shift);
    schedule_conf_describe(&c, desc, sizeof(desc));
    assert_string_equal(desc, "mon-fri 07:30-17:00, sat 10:00-14:00, mon wed 18:00-20:00, "
                              "mon wed 21:00-22:00, mon fri-sun 23:00-01:00");

    assert_true(read_conf("[display]\nhours = site\noff_action = dim\n", &c, err, sizeof(err)));
    assert_int_equal(c.source, SCHEDULE_SITE);
    assert_int_equal(c.off_action, SCHEDULE_OFF_DIM);
    assert_int_equal(c.wake_minutes, 5);
    assert_true(c.shift);
    assert_true(read_conf("[kiosk]\n", &c, err, sizeof(err)));
    assert_int_equal(c.source, SCHEDULE_ALWAYS);
}

static void test_conf_bad(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"[display]\non = mon-fri 7:30-17\n",
         "aula.conf:2: on: \"7:30-17\" is not a time range like 07:30-17:00 (start and end "
         "differ; 24:00 only as an end)"},
        {"[display]\n\non = someday 08:00-16:00\n",
         "aula.conf:3: on: \"someday\" is not a day or days (mon tue wed thu fri sat sun, ma ti "
         "ke to pe la su, a range like mon-fri, or daily)"},
        {"[display]\non = 08:00-16:00\n",
         "aula.conf:2: on: \"08:00-16:00\": the days come first, like mon-fri 07:30-17:00"},
        {"[display]\non = mon-fri\n",
         "aula.conf:2: on: \"mon-fri\": expected days and a time range, like mon-fri "
         "07:30-17:00"},
        {"[display]\non = mon 08:00-08:00\n",
         "aula.conf:2: on: \"08:00-08:00\" is not a time range like 07:30-17:00 (start and end "
         "differ; 24:00 only as an end)"},
        {"[display]\non = mon 24:00-02:00\n",
         "aula.conf:2: on: \"24:00-02:00\" is not a time range like 07:30-17:00 (start and end "
         "differ; 24:00 only as an end)"},
        {"[display]\non = mon-fri 07:30-17:00 sat 10:00-14:00\n",
         "aula.conf:2: on: \"mon-fri 07:30-17:00 sat 10:00-14:00\": separate items with a "
         "comma, like mon-fri 08:00-16:00, sat 10:00-14:00"},
        {"[display]\non = mon-fri 08:00-16:00,\n",
         "aula.conf:2: on: \"\": expected days and a time range, like mon-fri 07:30-17:00"},
        {"[display]\nhours = site\non = mon 08:00-16:00\n",
         "aula.conf:3: on: not used with hours = site (line 2); remove one"},
        {"[display]\non = mon 08:00-16:00\nhours = always\n",
         "aula.conf:2: on: not used with hours = always (line 3); remove one"},
        {"[display]\nhours = config\n",
         "aula.conf:2: hours: config needs an \"on = ...\" line, like on = mon-fri 07:30-17:00"},
        {"[display]\nhours = sometimes\n",
         "aula.conf:2: hours: \"sometimes\" is not one of site, config, always"},
        {"[display]\non = daily 08:00-16:00\noff_action = command\n",
         "aula.conf:3: off_action: command needs a power_off_command"},
        {"[display]\noff_action = sleep\n",
         "aula.conf:2: off_action: \"sleep\" is not one of command, black, dim"},
        {"[display]\npower_off_command = ddcutil setvcp d6 04\n",
         "aula.conf:2: power_off_command: only used with off_action = command"},
        {"[display]\nwake_minutes = 0\n",
         "aula.conf:2: wake_minutes: 0 is out of range (1 to 240)"},
        {"[display]\nwake_minutes = 2.5\n",
         "aula.conf:2: wake_minutes: \"2.5\" is not a whole number of minutes"},
        {"[display]\ncommand_timeout = forever\n",
         "aula.conf:2: command_timeout: \"forever\" is not a number of seconds"},
        {"[display]\nshift = maybe\n", "aula.conf:2: shift: \"maybe\" is not yes or no"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct schedule_conf c;
        char err[512] = "";
        if (read_conf(cases[i].text, &c, err, sizeof(err)))
            fail_msg("accepted: %s", cases[i].text);
        if (strcmp(err, cases[i].msg) != 0)
            fail_msg("for %s\n got: %s\nwant: %s", cases[i].text, err, cases[i].msg);
    }
}

/* ---- burn-in shift ---- */

static void test_shift(void **state)
{
    (void)state;
    int64_t t0 = at("2026-11-24T00:00");
    int seen[9][9];
    memset(seen, 0, sizeof(seen));
    int px = 0, py = 0, same_for = 0;
    for (int64_t t = t0; t < t0 + 2 * 86400; t += 60) {
        int dx, dy;
        schedule_shift(t, SCHEDULE_SHIFT_PX, &dx, &dy);
        assert_in_range(dx + 4, 0, 8);
        assert_in_range(dy + 4, 0, 8);
        seen[dx + 4][dy + 4]++;
        if (t > t0 && dx == px && dy == py)
            same_for += 60;
        else
            same_for = 0;
        /* Never the same picture position for longer than one step. */
        assert_true(same_for < SCHEDULE_SHIFT_STEP);
        /* From one step to the next it moves by one pixel at most. */
        if (t > t0) {
            assert_true(abs(dx - px) <= 1 && abs(dy - py) <= 1);
        }
        px = dx;
        py = dy;
    }
    int positions = 0;
    for (int i = 0; i < 9; i++)
        for (int j = 0; j < 9; j++)
            positions += seen[i][j] > 0;
    assert_true(positions >= 16);
    /* Deterministic: the same instant, the same offset; off means 0. */
    int a, b, c, d;
    schedule_shift(t0 + 1234, 4, &a, &b);
    schedule_shift(t0 + 1234, 4, &c, &d);
    assert_int_equal(a, c);
    assert_int_equal(b, d);
    schedule_shift(t0, 0, &a, &b);
    assert_int_equal(a, 0);
    assert_int_equal(b, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_week),     cmocka_unit_test(test_dst),
        cmocka_unit_test(test_midnight), cmocka_unit_test(test_holidays),
        cmocka_unit_test(test_always),   cmocka_unit_test(test_conf_good),
        cmocka_unit_test(test_conf_bad), cmocka_unit_test(test_shift),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
