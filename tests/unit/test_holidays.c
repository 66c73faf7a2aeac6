/* Tests of holidays: Easter dates, every holiday of several years against
 * the official Finnish calendar, names in three languages and lookups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pack/holidays.h"

#include <stdio.h>
#include <string.h>

static void test_easter(void **state)
{
    (void)state;
    static const struct {
        int year, month, day;
    } cases[] = {
        {1818, 3, 22}, /* earliest possible */
        {1943, 4, 25}, /* latest possible */
        {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21}, {2024, 3, 31}, {2025, 4, 20},
        {2026, 4, 5},  {2027, 3, 28}, {2030, 4, 21}, {2038, 4, 25}, {2285, 3, 22},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct civil_date e = holidays_easter(cases[i].year);
        print_message("Easter %d\n", cases[i].year);
        assert_int_equal(e.year, cases[i].year);
        assert_int_equal(e.month, cases[i].month);
        assert_int_equal(e.day, cases[i].day);
        assert_int_equal(civil_weekday(e.year, e.month, e.day), 7);
    }
}

/* All 15 days of a year as "MM-DD key", in order. */
struct year_case {
    int year;
    const char *days[15];
};

static const struct year_case years[] = {
    {2024,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "03-29 pitkaperjantai", "03-31 paasiaispaiva",
      "04-01 toinen-paasiaispaiva", "05-01 vappu", "05-09 helatorstai", "05-19 helluntai",
      "06-21 juhannusaatto", "06-22 juhannuspaiva", "11-02 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    {2025,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "04-18 pitkaperjantai", "04-20 paasiaispaiva",
      "04-21 toinen-paasiaispaiva", "05-01 vappu", "05-29 helatorstai", "06-08 helluntai",
      "06-20 juhannusaatto", "06-21 juhannuspaiva", "11-01 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    {2026,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "04-03 pitkaperjantai", "04-05 paasiaispaiva",
      "04-06 toinen-paasiaispaiva", "05-01 vappu", "05-14 helatorstai", "05-24 helluntai",
      "06-19 juhannusaatto", "06-20 juhannuspaiva", "10-31 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    {2027,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "03-26 pitkaperjantai", "03-28 paasiaispaiva",
      "03-29 toinen-paasiaispaiva", "05-01 vappu", "05-06 helatorstai", "05-16 helluntai",
      "06-25 juhannusaatto", "06-26 juhannuspaiva", "11-06 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    {2030,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "04-19 pitkaperjantai", "04-21 paasiaispaiva",
      "04-22 toinen-paasiaispaiva", "05-01 vappu", "05-30 helatorstai", "06-09 helluntai",
      "06-21 juhannusaatto", "06-22 juhannuspaiva", "11-02 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    {2038,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "04-23 pitkaperjantai", "04-25 paasiaispaiva",
      "04-26 toinen-paasiaispaiva", "05-01 vappu", "06-03 helatorstai", "06-13 helluntai",
      "06-25 juhannusaatto", "06-26 juhannuspaiva", "11-06 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    /* Easter on 23.3.: helatorstai falls on vappu, both are listed. */
    {2008,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "03-21 pitkaperjantai", "03-23 paasiaispaiva",
      "03-24 toinen-paasiaispaiva", "05-01 vappu", "05-01 helatorstai", "05-11 helluntai",
      "06-20 juhannusaatto", "06-21 juhannuspaiva", "11-01 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
    /* Easter on 22.3.: helatorstai 30.4. comes before vappu. */
    {2285,
     {"01-01 uudenvuodenpaiva", "01-06 loppiainen", "03-20 pitkaperjantai", "03-22 paasiaispaiva",
      "03-23 toinen-paasiaispaiva", "04-30 helatorstai", "05-01 vappu", "05-10 helluntai",
      "06-19 juhannusaatto", "06-20 juhannuspaiva", "10-31 pyhainpaiva", "12-06 itsenaisyyspaiva",
      "12-24 jouluaatto", "12-25 joulupaiva", "12-26 tapaninpaiva"}},
};

static void test_years(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
        const struct year_case *c = &years[i];
        print_message("year %d\n", c->year);
        struct holiday h[20];
        memset(h, 0, sizeof(h));
        assert_int_equal(holidays_for_year(c->year, h, 20), 15);
        for (size_t k = 0; k < 15; k++) {
            char got[64];
            snprintf(got, sizeof(got), "%02d-%02d %s", h[k].date.month, h[k].date.day, h[k].key);
            assert_string_equal(got, c->days[k]);
            assert_int_equal(h[k].date.year, c->year);
            bool eve =
                strcmp(h[k].key, "juhannusaatto") == 0 || strcmp(h[k].key, "jouluaatto") == 0;
            assert_int_equal(h[k].is_eve, eve);
        }
        /* Juhannuspäivä and pyhäinpäivä are Saturdays, juhannusaatto a Friday. */
        for (size_t k = 0; k < 15; k++) {
            int wd = civil_weekday(h[k].date.year, h[k].date.month, h[k].date.day);
            if (!strcmp(h[k].key, "juhannuspaiva") || !strcmp(h[k].key, "pyhainpaiva"))
                assert_int_equal(wd, 6);
            if (!strcmp(h[k].key, "juhannusaatto") || !strcmp(h[k].key, "pitkaperjantai"))
                assert_int_equal(wd, 5);
            if (!strcmp(h[k].key, "helatorstai"))
                assert_int_equal(wd, 4);
        }
    }
}

static void test_cap(void **state)
{
    (void)state;
    struct holiday h[4];
    memset(h, 0, sizeof(h));
    assert_int_equal(holidays_for_year(2026, h, 3), 3);
    assert_string_equal(h[2].key, "pitkaperjantai");
    assert_null(h[3].key);
    assert_int_equal(holidays_for_year(2026, h, 0), 0);
}

static void test_names(void **state)
{
    (void)state;
    static const char *const want[15][4] = {
        {"uudenvuodenpaiva", "Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day"},
        {"loppiainen", "Loppiainen", "Trettondagen", "Epiphany"},
        {"pitkaperjantai", "Pitkäperjantai", "Långfredagen", "Good Friday"},
        {"paasiaispaiva", "Pääsiäispäivä", "Påskdagen", "Easter Sunday"},
        {"toinen-paasiaispaiva", "2. pääsiäispäivä", "Annandag påsk", "Easter Monday"},
        {"vappu", "Vappu", "Första maj", "May Day"},
        {"helatorstai", "Helatorstai", "Kristi himmelfärdsdag", "Ascension Day"},
        {"helluntai", "Helluntaipäivä", "Pingstdagen", "Whit Sunday"},
        {"juhannusaatto", "Juhannusaatto", "Midsommarafton", "Midsummer Eve"},
        {"juhannuspaiva", "Juhannuspäivä", "Midsommardagen", "Midsummer Day"},
        {"pyhainpaiva", "Pyhäinpäivä", "Alla helgons dag", "All Saints' Day"},
        {"itsenaisyyspaiva", "Itsenäisyyspäivä", "Självständighetsdagen", "Independence Day"},
        {"jouluaatto", "Jouluaatto", "Julafton", "Christmas Eve"},
        {"joulupaiva", "Joulupäivä", "Juldagen", "Christmas Day"},
        {"tapaninpaiva", "Tapaninpäivä", "Annandag jul", "St Stephen's Day"},
    };
    struct holiday h[16];
    assert_int_equal(holidays_for_year(2026, h, 16), 15);
    for (size_t k = 0; k < 15; k++) {
        assert_string_equal(h[k].key, want[k][0]);
        assert_string_equal(h[k].name_fi, want[k][1]);
        assert_string_equal(h[k].name_sv, want[k][2]);
        assert_string_equal(h[k].name_en, want[k][3]);
    }
}

static void test_lookup(void **state)
{
    (void)state;
    static const struct {
        struct civil_date date;
        bool holiday;
        const char *key;
    } cases[] = {
        {{2026, 12, 24}, true, "jouluaatto"},
        {{2026, 12, 23}, false, NULL},
        {{2026, 12, 27}, false, NULL},
        {{2026, 4, 3}, true, "pitkaperjantai"},
        {{2026, 4, 4}, false, NULL},
        {{2026, 4, 6}, true, "toinen-paasiaispaiva"},
        {{2026, 6, 19}, true, "juhannusaatto"},
        {{2026, 6, 20}, true, "juhannuspaiva"},
        {{2026, 6, 21}, false, NULL},
        {{2027, 6, 19}, false, NULL},
        {{2026, 10, 31}, true, "pyhainpaiva"},
        {{2026, 11, 1}, false, NULL},
        {{2027, 11, 6}, true, "pyhainpaiva"},
        {{2008, 5, 1}, true, "vappu"},
        {{2026, 5, 14}, true, "helatorstai"},
        {{2026, 12, 6}, true, "itsenaisyyspaiva"},
        {{2026, 2, 28}, false, NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct holiday h = {0};
        print_message("%d-%02d-%02d\n", cases[i].date.year, cases[i].date.month, cases[i].date.day);
        assert_int_equal(holidays_lookup(cases[i].date, &h), cases[i].holiday);
        assert_true(holidays_lookup(cases[i].date, NULL) == cases[i].holiday);
        if (cases[i].holiday) {
            assert_string_equal(h.key, cases[i].key);
            assert_int_equal(h.date.day, cases[i].date.day);
        } else {
            assert_null(h.key);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_easter), cmocka_unit_test(test_years),  cmocka_unit_test(test_cap),
        cmocka_unit_test(test_names),  cmocka_unit_test(test_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
