/* Unit tests of the kiosk's UI tables and helpers that need no display:
 * theme contrast (WCAG), touch-target and QR sizes at the four layouts,
 * built-in strings complete in fi/sv/en, date/time formats, icons, and QR
 * payloads (tel:, vCard 3.0) and encoding. */
#include "qr/qr.h"
#include "ui/icon.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "base/civil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* Every text/background pair the widgets use meets WCAG 2: 4.5:1 in the
 * normal table and 7:1 in high contrast (3:1 and 7:1 for non-text such as
 * icons and the focus ring, which is two-toned: one of its tones must
 * stand out from each background it is drawn on). */
static void test_contrast(void **state)
{
    (void)state;
    const struct theme_pair *pairs;
    size_t n = theme_text_pairs(&pairs);
    assert_true(n > 10);
    for (int hc = 0; hc < 2; hc++) {
        struct theme th;
        struct theme_modes m = {.high_contrast = hc != 0};
        theme_init_modes(&th, 1920, 1080, 2.0f, &m);
        SDL_Color table[NCOLORS];
        theme_palette(hc != 0, table);
        assert_memory_equal(table, th.c, sizeof(table));
        for (size_t i = 0; i < n; i++) {
            double c = theme_contrast(th.c[pairs[i].fg], th.c[pairs[i].bg]);
            if (pairs[i].ring) {
                double halo = theme_contrast(th.c[COL_FOCUS_HALO], th.c[pairs[i].bg]);
                if (halo > c)
                    c = halo;
            }
            double need = theme_pair_need(&pairs[i], hc != 0);
            if (c < need)
                fail_msg("%s%s: contrast %.2f < %.1f", hc ? "high contrast: " : "", pairs[i].what,
                         c, need);
        }
    }
    /* The test can fail: the normal teal header band would not do in high
     * contrast. */
    struct theme normal;
    theme_init(&normal, 1920, 1080, 2.0f);
    const struct theme_pair band = {COL_ON_PRIMARY_2, COL_PRIMARY, "band", false};
    assert_true(theme_contrast(normal.c[band.fg], normal.c[band.bg]) <
                theme_pair_need(&band, true));
    SDL_Color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
    assert_true(theme_contrast(black, white) > 20.9);
}

/* Large text scales every text size and the targets by 1.5; reach mode
 * lowers the layout; reduced motion turns inertia off; the mode list
 * parses and prints back. */
static void test_modes(void **state)
{
    (void)state;
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {800, 480}};
    for (size_t i = 0; i < 4; i++) {
        struct theme a, b;
        struct theme_modes large = {.large_text = true};
        theme_init(&a, sizes[i][0], sizes[i][1], 2.0f);
        theme_init_modes(&b, sizes[i][0], sizes[i][1], 2.0f, &large);
        int fa[] = {a.fs_clock, a.fs_title, a.fs_heading, a.fs_subheading, a.fs_body, a.fs_small};
        int fb[] = {b.fs_clock, b.fs_title, b.fs_heading, b.fs_subheading, b.fs_body, b.fs_small};
        for (size_t k = 0; k < 6; k++)
            assert_true(fb[k] * 2 >= fa[k] * 3 - 2);
        assert_true(b.target * 2 >= a.target * 3 - 2);
        assert_true(b.button_h * 2 >= a.button_h * 3 - 2);
        assert_int_equal(b.top, 0);
        assert_int_equal(b.h, sizes[i][1]);
    }
    struct theme t;
    struct theme_modes reach = {.reach = true, .reduced_motion = true};
    theme_init_modes(&t, 1080, 1920, 2.0f, &reach);
    assert_int_equal(t.top, 768);
    assert_int_equal(t.h, 1920 - 768);
    assert_int_equal(t.screen_h, 1920);
    assert_true(t.fling_decay_ms == 0.0f);
    theme_init_modes(&t, 800, 480, 2.0f, &reach); /* a small panel is all in reach */
    assert_int_equal(t.top, 0);

    struct theme_modes m;
    char err[128], buf[64];
    assert_true(theme_parse_modes("large, contrast reach,motion", &m, err, sizeof(err)));
    assert_true(m.large_text && m.high_contrast && m.reach && m.reduced_motion);
    theme_format_modes(&m, buf, sizeof(buf));
    assert_string_equal(buf, "large,contrast,reach,motion");
    assert_true(theme_parse_modes("none", &m, err, sizeof(err)));
    theme_format_modes(&m, buf, sizeof(buf));
    assert_string_equal(buf, "none");
    assert_true(theme_parse_modes("", &m, err, sizeof(err)));
    assert_false(m.large_text || m.high_contrast || m.reach || m.reduced_motion);
    assert_false(theme_parse_modes("large,huge", &m, err, sizeof(err)));
    assert_string_equal(err, "'huge': expected large, contrast, reach, motion or none");
}

static void test_sizes(void **state)
{
    (void)state;
    static const struct {
        int w, h;
        float dpi;
    } sizes[] = {{1920, 1080, 50}, {1080, 1920, 50}, {1280, 800, 150}, {800, 480, 133}};
    for (size_t i = 0; i < 4; i++) {
        struct theme th;
        float ppmm = sizes[i].dpi / 25.4f;
        theme_init(&th, sizes[i].w, sizes[i].h, ppmm);
        /* Touch targets at least 9 mm; QR codes at least 4 cm; text readable. */
        assert_true(th.target >= 9.0f * ppmm);
        assert_true(th.button_h >= th.target);
        assert_true(th.qr_min >= 40.0f * ppmm);
        assert_true(th.fs_small >= 14);
        assert_true(th.fs_body >= 18);
        assert_true(th.qr_min < (sizes[i].w < sizes[i].h ? sizes[i].w : sizes[i].h));
    }
}

static void test_strings(void **state)
{
    (void)state;
    static const char *const langs[] = {"fi", "sv", "en"};
    for (int id = 0; id < STR_COUNT; id++) {
        for (size_t l = 0; l < 3; l++) {
            const char *s = str_get(langs[l], (enum str_id)id);
            if (!s || !s[0])
                fail_msg("%s: missing in %s", str_key((enum str_id)id), langs[l]);
        }
        /* A language without translations falls back to English. */
        assert_non_null(str_get("ar", (enum str_id)id));
        assert_string_equal(str_get("et", (enum str_id)id), str_get("en", (enum str_id)id));
    }
    char buf[64];
    str_fill(buf, sizeof(buf), str_get("fi", S_OPENS_ON), "torstaina", "8.00");
    assert_string_equal(buf, "avautuu torstaina klo 8.00");
    str_fill(buf, sizeof(buf), str_get("en", S_WEEK_N), "48", NULL);
    assert_string_equal(buf, "Week 48");
}

static void test_formats(void **state)
{
    (void)state;
    char buf[64];
    int64_t d = civil_to_days(2026, 11, 24);
    str_time("fi", 9 * 60 + 30, buf, sizeof(buf));
    assert_string_equal(buf, "9.30");
    str_time("en", 9 * 60 + 30, buf, sizeof(buf));
    assert_string_equal(buf, "9:30");
    str_time("sv", 1440, buf, sizeof(buf));
    assert_string_equal(buf, "24.00");
    str_date_short("fi", d, buf, sizeof(buf));
    assert_string_equal(buf, "ti 24.11.");
    str_date_short("sv", d, buf, sizeof(buf));
    assert_string_equal(buf, "ti 24.11.");
    str_date_short("en", d, buf, sizeof(buf));
    assert_string_equal(buf, "Tue 24 Nov");
    str_date_long("fi", d, buf, sizeof(buf));
    assert_string_equal(buf, "tiistai 24.11.2026");
    str_date_range("fi", d - 1, d + 5, buf, sizeof(buf));
    assert_string_equal(buf, "23.–29.11.2026");
    str_date_range("fi", civil_to_days(2026, 12, 28), civil_to_days(2027, 1, 3), buf, sizeof(buf));
    assert_string_equal(buf, "28.12.2026–3.1.2027");
    str_date_range("en", d - 1, d + 5, buf, sizeof(buf));
    assert_string_equal(buf, "23–29 Nov 2026");
}

static void test_icons(void **state)
{
    (void)state;
    const char *const *names;
    size_t n = icon_names(&names);
    assert_true(n >= 20);
    for (size_t i = 0; i < n; i++) {
        SDL_Surface *s = icon_render(names[i], 48);
        assert_non_null(s);
        size_t ink = 0;
        for (int y = 0; y < s->h; y++)
            for (int x = 0; x < s->w; x++)
                ink += (((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] >> 24) > 128;
        if (ink < 48 || ink > 48 * 48 * 3 / 4)
            fail_msg("icon %s: %zu of %d pixels inked", names[i], ink, 48 * 48);
        SDL_FreeSurface(s);
    }
    assert_false(icon_exists("no-such-icon"));
    assert_true(icon_directional("back"));
    assert_false(icon_directional("baby"));
}

static void test_qr_payloads(void **state)
{
    (void)state;
    char buf[64];
    assert_true(qr_tel_uri("+358 40 000 4567", buf, sizeof(buf)));
    assert_string_equal(buf, "tel:+358400004567");
    assert_true(qr_tel_uri("040-000 4567", buf, sizeof(buf)));
    assert_string_equal(buf, "tel:0400004567");
    assert_false(qr_tel_uri("none", buf, sizeof(buf)));
    assert_false(qr_tel_uri("+358 40 000 4567", buf, 8));

    struct qr_contact c = {"Anna Maria Virtanen", "Terveydenhoitaja; neuvola", "Itä-Helsinki, ry",
                           "+358 40 000 4567", "anna@example.org"};
    char *v = qr_vcard(&c);
    assert_string_equal(v, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Virtanen;Anna Maria;;;\r\n"
                           "FN:Anna Maria Virtanen\r\nORG:Itä-Helsinki\\, ry\r\n"
                           "TITLE:Terveydenhoitaja\\; neuvola\r\nTEL;TYPE=VOICE:+358400004567\r\n"
                           "EMAIL;TYPE=INTERNET:anna@example.org\r\nEND:VCARD\r\n");
    free(v);

    struct qr_code q;
    assert_true(qr_encode("tel:+358400004567", &q));
    assert_true(q.size >= 21 && (q.size - 17) % 4 == 0);
    /* The finder pattern's corner is dark, the quiet zone outside light. */
    assert_true(qr_dark(&q, 0, 0));
    assert_false(qr_dark(&q, -1, 0));
    qr_free(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast),    cmocka_unit_test(test_modes),
        cmocka_unit_test(test_sizes),       cmocka_unit_test(test_strings),
        cmocka_unit_test(test_formats),     cmocka_unit_test(test_icons),
        cmocka_unit_test(test_qr_payloads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
