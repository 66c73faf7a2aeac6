/* Tests of the kiosk's printing texts and of the content-update banner,
 * without a display:
 * - every printer outcome and every slip word is a screen text (assets/po)
 *   in fi, sv and en, and the print library gets them by key: a slip made
 *   with ui_print_text has Finnish labels and weekdays, one made without a
 *   text function has the English source texts;
 * - banner_from_status() on status.json texts as aula-sync writes them:
 *   installed and rolled back with the version, known refusals translated,
 *   an unknown reason shown as sync wrote it, nothing for "unchanged", and
 *   a clear error for broken JSON. */
#include "ui/banner.h"
#include "ui/print_ui.h"
#include "print/slipfill.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

static void test_status_texts(void **state)
{
    (void)state;
    const char *langs[] = {"fi", "sv", "en"};
    for (int st = 0; st < PRINT_STATUS_COUNT; st++) {
        const char *key = status_key((enum print_status)st);
        assert_int_not_equal(str_find(key), STR_COUNT); /* a screen text */
        for (size_t l = 0; l < 3; l++) {
            const char *t = ui_print_status_text(langs[l], (enum print_status)st);
            assert_true(strlen(t) > 5);
            if (l < 2) /* translated, not the English fallback */
                assert_string_not_equal(t, status_text((enum print_status)st));
        }
        /* en.po's text is the print library's English source. */
        assert_string_equal(ui_print_status_text("en", (enum print_status)st),
                            status_text((enum print_status)st));
    }
    assert_string_equal(ui_print_status_text("fi", PRINT_NO_PAPER),
                        "Tulostimesta on paperi loppu. Kerro henkilökunnalle.");
    assert_string_equal(ui_print_status_text("ar", PRINT_OK),
                        "تتم طباعة الورقة. لا تنسَ أخذها معك!");
    /* A language without the text gets English. */
    assert_string_equal(ui_print_status_text("xx", PRINT_OFFLINE), status_text(PRINT_OFFLINE));
}

static void test_slip_words(void **state)
{
    (void)state;
    const char *keys[] = {"contact.phone", "contact.email", "slip.address",
                          "detail.hours",  "slip.printed",  "hours.closed",
                          "qr.call",       "qr.save",       "qr.web"};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        assert_non_null(slipfill_source_text(keys[i]));
        assert_string_equal(ui_print_text("en", keys[i]), slipfill_source_text(keys[i]));
        assert_non_null(ui_print_text("fi", keys[i]));
    }
    assert_string_equal(ui_print_text("fi", "weekday.1"), "ma");
    assert_string_equal(ui_print_text("sv", "weekday.7"), "sö");
    assert_null(ui_print_text("fi", "weekday.8"));
    assert_null(ui_print_text("fi", "no.such.key"));

    struct catalog_service s;
    memset(&s, 0, sizeof(s));
    s.name.s = "Äitiysneuvola";
    s.org_name.s = "Perhekeskus";
    s.phone = "09 000 2110";
    s.email = "";
    s.website = "";
    struct hours_weekly w[] = {{1, 480, 960}, {2, 480, 960}};
    s.hours.weekly = w;
    s.hours.nweekly = 2;
    struct slipfill_ctx c = {.lang = "fi", .place = "Aula", .today = 20781, .text = ui_print_text};
    struct slip_text t;
    slipfill_service(&t, &s, -1, &c);
    assert_string_equal(t.slip.phone_label, "Puhelin");
    assert_string_equal(t.slip.hours_label, "Aukioloajat");
    assert_string_equal(t.slip.qr_caption, "Soita: skannaa puhelimella");
    assert_int_equal(t.slip.nhours, 1);
    assert_string_equal(t.slip.hours[0], "ma\u2013ti 8.00\u201316.00");
    assert_memory_equal(t.slip.date, "Tulostettu ", 11);
    slipfill_free(&t);
    c.text = NULL;
    slipfill_service(&t, &s, -1, &c);
    assert_string_equal(t.slip.phone_label, "Phone");
    assert_string_equal(t.slip.hours[0], "Mon\u2013Tue 8.00\u201316.00");
    slipfill_free(&t);
}

static bool banner(const char *json, const char *lang, char *out, enum notice_kind *kind, char *err)
{
    char key[320];
    return banner_from_status(json, lang, out, 512, kind, key, sizeof(key), err, 256);
}

static void test_banner(void **state)
{
    (void)state;
    char out[512], err[256];
    enum notice_kind kind;
    assert_true(banner("{\"last_result\": \"installed\", \"current_version\": 42, "
                       "\"banner\": \"Content updated to version 42\"}",
                       "fi", out, &kind, err));
    assert_string_equal(out, "Sisältö päivitetty versioon 42");
    assert_int_equal(kind, NOTICE_OK);
    assert_true(banner("{\"last_result\": \"rolled-back\", \"current_version\": 41}", "en", out,
                       &kind, err));
    assert_string_equal(out, "Content rolled back to version 41");
    assert_true(banner("{\"last_result\": \"refused\", \"current_version\": 41, "
                       "\"banner\": \"Not installed: signature not trusted\"}",
                       "sv", out, &kind, err));
    assert_string_equal(out, "Inte installerat: signaturen är inte betrodd");
    assert_int_equal(kind, NOTICE_ERROR);
    assert_true(banner("{\"last_result\": \"failed\", \"banner\": \"Not installed: a new reason\"}",
                       "fi", out, &kind, err));
    assert_string_equal(out, "Not installed: a new reason");
    assert_false(banner("{\"last_result\": \"unchanged\", \"banner\": \"Content is already up to "
                        "date\"}",
                        "fi", out, &kind, err));
    assert_string_equal(err, "");
    assert_false(banner("{}", "fi", out, &kind, err));
    assert_string_equal(err, "");
    assert_false(banner("{\"last_result\": ", "fi", out, &kind, err));
    assert_memory_equal(err, "line 1: ", 8);
    assert_false(banner("[1]", "fi", out, &kind, err));
    assert_string_equal(err, "not a JSON object");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_texts),
        cmocka_unit_test(test_slip_words),
        cmocka_unit_test(test_banner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
