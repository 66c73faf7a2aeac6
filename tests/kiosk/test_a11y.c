/* Accessibility tests on the real kiosk (headless, demo content):
 *  - reach mode: on every screen, every visible control (back, home,
 *    search, the accessibility button, ...) lies in the lower 60 % of the
 *    screen, portrait and landscape; without it the back button does not;
 *  - modes are per visitor: the idle reset returns to the defaults, also
 *    when the visitor changed nothing else; "More time" holds it off;
 *  - large text keeps every target inside the window at all four sizes;
 *  - reduced motion: a flick does not keep the list moving;
 *  - no tofu: every character of every shipped .po file and of the demo
 *    content's sources has a glyph in the kiosk's fonts. */
#include "ui/script.h"
#include "ui/ui.h"
#include "base/utf8.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static struct app *start(const char *size, const char *modes, int idle)
{
    struct app_options o;
    memset(&o, 0, sizeof(o));
    o.snapshot = KIOSK_DEMO;
    o.now = "2026-11-24T10:15";
    o.lang = "fi";
    o.idle_seconds = idle;
    o.plat.headless = true;
    assert_true(platform_parse_size(size, &o.plat.width, &o.plat.height));
    char err[256];
    assert_true(theme_parse_modes(modes, &o.modes, err, sizeof(err)));
    struct app *a = calloc(1, sizeof(*a));
    assert_non_null(a);
    if (!ui_init(a, &o, err, sizeof(err)))
        fail_msg("ui_init: %s", err);
    ui_render(a, true);
    return a;
}

static void stop(struct app *a)
{
    ui_free(a);
    free(a);
}

static void run(struct app *a, const char *script)
{
    char err[1024];
    if (!script_run(a, script, NULL, err, sizeof(err)))
        fail_msg("%s: %s", script, err);
    ui_render(a, true);
}

/* The screen rectangle of a target, NULL-safe. */
static SDL_Rect screen_rect(const struct app *a, const char *id)
{
    const struct ui_target *t = ui_find_target(a, id);
    if (!t)
        fail_msg("no target %s on %s", id, a->stack[a->depth - 1].ops->name);
    return draw_map(&a->draw, t->r);
}

/* Every visible target starts at or below 40 % of the screen height. */
static void all_low(const struct app *a, const char *where)
{
    int limit = a->plat.height * 2 / 5;
    for (size_t i = 0; i < a->ntargets; i++) {
        const struct ui_target *t = &a->targets[i];
        if (t->vis.w == 0)
            continue;
        SDL_Rect m = draw_map(&a->draw, t->vis);
        if (m.y < limit)
            fail_msg("%s %dx%d: %s at y=%d, above %d", where, a->plat.width, a->plat.height, t->id,
                     m.y, limit);
        if (m.y + m.h > a->plat.height)
            fail_msg("%s %dx%d: %s ends at y=%d, below the screen", where, a->plat.width,
                     a->plat.height, t->id, m.y + m.h);
    }
}

static void test_reach(void **state)
{
    (void)state;
    static const char *const sizes[] = {"1080x1920", "1920x1080", "1280x800"};
    static const struct {
        const char *where, *script, *must[3];
    } screens[] = {
        {"home", "", {"a11y", "search", "calendar"}},
        {"list", "tap:category:raskaus-vauva", {"back", "home", NULL}},
        {"service",
         "tap:category:raskaus-vauva; tap:service:aitiysneuvola",
         {"back", "home", NULL}},
        {"calendar", "tap:calendar", {"back", "home", NULL}},
        {"search", "tap:search", {"back", "home", NULL}},
        {"a11y", "tap:a11y", {"back", "home", "a11y:reach"}},
    };
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        struct app *a = start(sizes[s], "reach", 0);
        for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
            ui_go_home(a);
            run(a, screens[i].script);
            for (int k = 0; k < 3 && screens[i].must[k]; k++)
                (void)screen_rect(a, screens[i].must[k]);
            all_low(a, screens[i].where);
        }
        stop(a);
    }
    /* Without reach mode the back button sits in the top band: the check
     * above can fail. */
    struct app *a = start("1080x1920", "", 0);
    run(a, "tap:calendar");
    assert_true(screen_rect(a, "back").y < 1920 / 5);
    /* Turned on from the accessibility screen, it moves at once. */
    run(a, "tap:home; tap:a11y; tap:a11y:reach");
    assert_true(a->theme.modes.reach);
    all_low(a, "a11y after the toggle");
    stop(a);
}

static void test_idle_reset(void **state)
{
    (void)state;
    struct app *a = start("1280x800", "", 30);
    /* Toggled on the accessibility screen, then left alone. */
    run(a, "tap:a11y; tap:a11y:large; tap:a11y:contrast");
    assert_true(a->theme.modes.large_text && a->theme.modes.high_contrast);
    run(a, "wait:31");
    assert_int_equal(a->depth, 1);
    assert_false(a->theme.modes.large_text || a->theme.modes.high_contrast);
    /* Set at home and nothing else: home is not "at rest" until reset. */
    run(a, "a11y:reach,motion; wait:31");
    assert_false(a->theme.modes.reach || a->theme.modes.reduced_motion);
    stop(a);

    /* Kiosk defaults (--a11y, [kiosk] accessibility) are what it returns to. */
    a = start("1280x800", "large", 30);
    assert_true(a->theme.modes.large_text);
    run(a, "tap:a11y; tap:a11y:large; tap:a11y:contrast");
    assert_false(a->theme.modes.large_text);
    run(a, "wait:31");
    assert_true(a->theme.modes.large_text);
    assert_false(a->theme.modes.high_contrast);
    stop(a);
}

static void test_more_time(void **state)
{
    (void)state;
    struct app *a = start("1280x800", "", 30);
    run(a, "tap:services; wait:19");
    assert_null(ui_find_target(a, "more_time")); /* no notice yet */
    run(a, "wait:3");
    SDL_Rect r = screen_rect(a, "more_time");
    assert_true(r.h >= a->theme.target); /* large */
    run(a, "tap:more_time; wait:45");
    assert_int_equal(a->depth, 2); /* one idle time more than without it */
    assert_null(ui_find_target(a, "more_time"));
    run(a, "wait:20");
    assert_int_equal(a->depth, 1);
    assert_int_equal(a->idle_bonus_ms, 0);
    stop(a);
}

/* Reduced motion: a flick leaves the list where the finger let go; without
 * it the same flick keeps the list moving. */
static void test_reduced_motion(void **state)
{
    (void)state;
    for (int motion = 0; motion < 2; motion++) {
        struct app *a = start("1920x1080", motion ? "motion" : "", 0);
        run(a, "tap:services");
        char err[256];
        assert_true(script_run(a, "swipe:960,900,960,500,120", NULL, err, sizeof(err)));
        float vel = 0, y0 = 0;
        for (int i = 0; i < a->nscrolls; i++) {
            vel += a->scrolls[i]->vel;
            y0 += a->scrolls[i]->y;
        }
        run(a, "wait:2");
        float y1 = 0;
        for (int i = 0; i < a->nscrolls; i++)
            y1 += a->scrolls[i]->y;
        assert_true(y0 > 0); /* the drag itself scrolls in both */
        if (motion) {
            assert_true(vel == 0.0f);
            assert_true(y1 == y0);
        } else {
            assert_true(vel != 0.0f);
            assert_true(y1 > y0);
        }
        stop(a);
    }
}

/* Large text: every target stays inside the window on every screen. */
static void test_large_fits(void **state)
{
    (void)state;
    static const char *const sizes[] = {"1920x1080", "1080x1920", "1280x800", "800x480"};
    static const char *const scripts[] = {
        "",
        "tap:category:raskaus-vauva",
        "tap:category:raskaus-vauva; tap:service:aitiysneuvola",
        "tap:orgs; tap:org:hva-perhekeskus",
        "tap:calendar",
        "tap:calendar; tap:day:2026-11-24",
        "tap:search; type:neuv",
        "tap:a11y",
    };
    for (size_t s = 0; s < 4; s++) {
        struct app *a = start(sizes[s], "large,contrast", 0);
        for (size_t i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++) {
            ui_go_home(a);
            run(a, scripts[i]);
            assert_true(a->ntargets > 0);
            for (size_t k = 0; k < a->ntargets; k++) {
                SDL_Rect m = draw_map(&a->draw, a->targets[k].vis);
                if (a->targets[k].vis.w == 0)
                    continue;
                if (m.x < 0 || m.y < 0 || m.x + m.w > a->plat.width || m.y + m.h > a->plat.height)
                    fail_msg("%s '%s': %s outside the window", sizes[s], scripts[i],
                             a->targets[k].id);
            }
        }
        stop(a);
    }
}

/* Checks every character of a file; returns how many were checked. */
static size_t check_file(struct text *t, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("%s: cannot open", path);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    size_t bad_at = 0;
    if (!utf8_valid(buf, n, &bad_at))
        fail_msg("%s: not UTF-8 at byte %zu", path, bad_at);
    size_t count = 0;
    int line = 1;
    for (const char *p = buf; *p;) {
        uint32_t cp;
        p += utf8_decode(p, &cp);
        if (cp == '\n')
            line++;
        /* Controls, joiners, direction marks and the BOM draw nothing. */
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF)
            continue;
        count++;
        if (!text_has_glyph(t, cp))
            fail_msg("%s:%d: U+%04X has no glyph in the kiosk's fonts (tofu)", path, line,
                     (unsigned)cp);
    }
    return count;
}

static size_t check_dir(struct text *t, const char *dir, const char *suffix, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("%s: cannot open", dir);
    size_t total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        size_t n = strlen(e->d_name), m = strlen(suffix);
        DIR *sub = depth > 0 ? opendir(path) : NULL;
        if (sub) {
            closedir(sub);
            total += check_dir(t, path, suffix, depth - 1);
        } else if (n > m && strcmp(e->d_name + n - m, suffix) == 0) {
            total += check_file(t, path);
        }
    }
    closedir(d);
    return total;
}

static void test_no_tofu(void **state)
{
    (void)state;
    struct app *a = start("800x480", "", 0);
    size_t po = check_dir(a->text, SOURCE_DIR "/assets/po", ".po", 0);
    size_t csv = check_dir(a->text, SOURCE_DIR "/content/demo", ".csv", 1);
    size_t ics = check_dir(a->text, SOURCE_DIR "/content/demo", ".ics", 1);
    assert_true(po > 10000 && csv > 10000 && ics > 0);
    /* The check can fail: a Tangut character is in neither font. */
    assert_false(text_has_glyph(a->text, 0x17000));
    assert_true(text_has_glyph(a->text, 0x0639)); /* Arabic ain: the fallback */
    assert_true(text_has_glyph(a->text, 0x0491)); /* Ukrainian ghe with upturn */
    stop(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reach),     cmocka_unit_test(test_idle_reset),
        cmocka_unit_test(test_more_time), cmocka_unit_test(test_large_fits),
        cmocka_unit_test(test_no_tofu),   cmocka_unit_test(test_reduced_motion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
