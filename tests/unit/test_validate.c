/* Tests for single-cell checks: phone, e-mail, web address, yes/no,
 * weekday lists and date-times as staff write them. */
#include "pack/validate.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

struct str_case {
    bool (*fn)(const char *);
    const char *input;
    bool ok;
};

static const struct str_case str_cases[] = {
    {validate_phone, "+358 40 000 1234", true},
    {validate_phone, "09 000 1234", true},
    {validate_phone, "040-000 1234", true},
    {validate_phone, "(09) 000 1234", true},
    {validate_phone, "112", false},
    {validate_phone, "+358 40 000 1234 ext 5", false},
    {validate_phone, "040 000 12 34 56 78 90 12", false},
    {validate_phone, "0400+001234", false},
    {validate_email, "anna.esimerkki@example.org", true},
    {validate_email, "neuvola@example.org", true},
    {validate_email, "anna@", false},
    {validate_email, "@example.org", false},
    {validate_email, "anna@example", false},
    {validate_email, "anna example@example.org", false},
    {validate_email, "a@b@example.org", false},
    {validate_url, "https://example.org/perhekeskus", true},
    {validate_url, "http://example.org", true},
    {validate_url, "example.org", false},
    {validate_url, "https://", false},
    {validate_url, "https://example.org/a b", false},
    {validate_url, "ftp://example.org", false},
    {validate_id, "neuvola-keskusta_2", true},
    {validate_id, "Neuvola", false},
    {validate_id, "neuvola keskusta", false},
    {validate_id, "päiväkoti", false},
    {validate_id, "", false},
};

static void test_strings(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(str_cases) / sizeof(str_cases[0]); i++) {
        print_message("%s\n", str_cases[i].input);
        assert_int_equal(str_cases[i].fn(str_cases[i].input), str_cases[i].ok);
    }
}

static void test_bool(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        enum tri v;
    } cases[] = {{"yes", TRI_YES}, {"Kyllä", TRI_YES}, {"kyllä", TRI_YES},    {"ja", TRI_YES},
                 {"1", TRI_YES},   {"no", TRI_NO},     {"ei", TRI_NO},        {"nej", TRI_NO},
                 {"0", TRI_NO},    {"", TRI_EMPTY},    {"maybe", TRI_INVALID}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_int_equal(validate_bool(cases[i].s), cases[i].v);
}

static void test_days(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        const char *want; /* "1111100" = Mon..Sun; NULL = invalid */
    } cases[] = {
        {"ma-pe", "1111100"}, {"ma,ke,pe", "1010100"}, {"la", "0000010"},    {"må-fr", "1111100"},
        {"mo-fr", "1111100"}, {"1-5", "1111100"},      {"la-ma", "1000011"}, {"ti, to", "0101000"},
        {"MA-PE", "1111100"}, {"ma-xx", NULL},         {"", NULL},           {"maanantai", NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        bool days[8];
        bool ok = validate_days(cases[i].s, days);
        print_message("%s\n", cases[i].s);
        assert_int_equal(ok, cases[i].want != NULL);
        if (!ok)
            continue;
        char got[8];
        for (int d = 1; d <= 7; d++)
            got[d - 1] = days[d] ? '1' : '0';
        got[7] = '\0';
        assert_string_equal(got, cases[i].want);
    }
}

static void test_datetime(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        bool ok;
        struct local_time lt;
    } cases[] = {
        {"2026-11-23 09:30", true, {2026, 11, 23, 9, 30, false}},
        {"23.11.2026 9.30", true, {2026, 11, 23, 9, 30, false}},
        {"2026-11-23T18:05", true, {2026, 11, 23, 18, 5, false}},
        {"2026-11-23", true, {2026, 11, 23, 0, 0, true}},
        {"1.2.2027", true, {2027, 2, 1, 0, 0, true}},
        {"2026-02-30 10:00", false, {0}},
        {"2026-11-23 25:00", false, {0}},
        {"2026-11-23 24:00", false, {0}},
        {"23/11/2026", false, {0}},
        {"tomorrow", false, {0}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct local_time lt;
        print_message("%s\n", cases[i].s);
        assert_int_equal(validate_datetime(cases[i].s, &lt), cases[i].ok);
        if (!cases[i].ok)
            continue;
        assert_int_equal(lt.year, cases[i].lt.year);
        assert_int_equal(lt.month, cases[i].lt.month);
        assert_int_equal(lt.day, cases[i].lt.day);
        assert_int_equal(lt.hour, cases[i].lt.hour);
        assert_int_equal(lt.minute, cases[i].lt.minute);
        assert_int_equal(lt.date_only, cases[i].lt.date_only);
    }
}

static void test_png_header(void **state)
{
    (void)state;
    unsigned char png[24] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                             'I',  'H', 'D', 'R', 0,    0,    2,    0,    0, 0, 1, 0};
    int w, h;
    assert_true(validate_png_header(png, sizeof(png), &w, &h));
    assert_int_equal(w, 512);
    assert_int_equal(h, 256);
    png[1] = 'J';
    assert_false(validate_png_header(png, sizeof(png), &w, &h));
    assert_false(validate_png_header(png, 10, &w, &h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),    cmocka_unit_test(test_bool),
        cmocka_unit_test(test_days),       cmocka_unit_test(test_datetime),
        cmocka_unit_test(test_png_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
