/* Unit tests of the calendar filters (kiosk/domain/calendar.c): matching an
 * occurrence against age group, category and language (table-driven, no
 * database), then the facets and choices read from the fixture snapshot,
 * with cancelled occurrences kept and counted. */
#include "domain/calendar.h"
#include "domain/content.h"
#include "base/civil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

struct match_case {
    const char *what;
    const char *ages, *cats, *langs; /* the occurrence's facets */
    const char *f_age, *f_cat, *f_lang;
    bool want;
};

static void test_item_matches(void **state)
{
    (void)state;
    static const struct match_case cases[] = {
        {"no filter", "ika-0-1", "kerhot", "fi", "", "", "", true},
        {"age listed", "ika-0-1 ika-1-6", "kerhot", "fi", "ika-1-6", "", "", true},
        {"age not listed", "ika-0-1", "kerhot", "fi", "vanhemmat", "", "", false},
        {"no age given: for everyone", "", "kerhot", "fi", "vanhemmat", "", "", true},
        {"age is a whole word", "ika-0-10", "kerhot", "fi", "ika-0-1", "", "", false},
        {"category listed", "", "kerhot vertaistuki", "fi", "", "vertaistuki", "", true},
        {"category not listed", "", "kerhot", "fi", "", "neuvola", "", false},
        {"no category: no match", "", "", "fi", "", "kerhot", "", false},
        {"language listed", "", "", "fi en", "", "", "en", true},
        {"language not listed", "", "", "fi en", "", "", "sv", false},
        {"all three", "ika-0-1", "kerhot", "fi en", "ika-0-1", "kerhot", "en", true},
        {"all but language", "ika-0-1", "kerhot", "fi", "ika-0-1", "kerhot", "ar", false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct match_case *c = &cases[i];
        struct cal_item it;
        memset(&it, 0, sizeof(it));
        it.ages = (char *)c->ages;
        it.cats = (char *)c->cats;
        it.langs = (char *)c->langs;
        struct cal_filter f;
        memset(&f, 0, sizeof(f));
        assert_true(calendar_filter_set(&f, CAL_FACET_AGE, c->f_age));
        assert_true(calendar_filter_set(&f, CAL_FACET_CAT, c->f_cat));
        assert_true(calendar_filter_set(&f, CAL_FACET_LANG, c->f_lang));
        if (calendar_item_matches(&it, &f) != c->want)
            fail_msg("%s: expected %s", c->what, c->want ? "a match" : "no match");
    }
}

static void test_filter_set(void **state)
{
    (void)state;
    struct cal_filter f;
    memset(&f, 0, sizeof(f));
    assert_false(calendar_filter_active(&f));
    assert_true(calendar_filter_set(&f, CAL_FACET_LANG, "ar"));
    assert_true(calendar_filter_active(&f));
    assert_string_equal(calendar_filter_get(&f, CAL_FACET_LANG), "ar");
    assert_false(calendar_filter_set(&f, CAL_FACET_LANG, "a-language-code-far-too-long"));
    assert_false(calendar_filter_set(&f, CAL_FACET_CAT, "two words"));
    assert_false(calendar_filter_set(&f, CAL_NFACETS, "x"));
    assert_string_equal(calendar_filter_get(&f, CAL_FACET_LANG), "ar");
    assert_true(calendar_filter_set(&f, CAL_FACET_LANG, ""));
    assert_false(calendar_filter_active(&f));
}

static int open_fixture(void **state)
{
    char msg[512];
    struct content *c = NULL;
    if (content_open(KIOSK_FIXTURE, &c, msg, sizeof(msg)) != SNAPSHOT_OK) {
        print_error("%s\n", msg);
        return -1;
    }
    *state = c;
    return 0;
}

static int close_fixture(void **state)
{
    content_close(*state);
    return 0;
}

/* Per filter, the items shown Monday..Sunday of week 48 of 2026. */
struct week_case {
    const char *what;
    const char *age, *cat, *lang;
    size_t shown[7];
};

static void test_week_filtered(void **state)
{
    struct content *c = *state;
    int64_t today = civil_to_days(2026, 11, 24);
    struct cal_week w;
    assert_true(calendar_week_load(c, "fi", today, today, &w));
    /* The facets as read: own, else the service's, else the defaults. */
    const struct cal_item *cafe = &w.days[1].items[0];
    assert_string_equal(cafe->activity_id, "kahvila-ti");
    assert_non_null(strstr(cafe->ages, "ika-1-6"));
    assert_string_equal(cafe->cats, "kerhot");
    assert_non_null(strstr(cafe->langs, "en"));
    assert_string_equal(cafe->description.s, "Avoin kahvila vanhemmille ja lapsille.");
    const struct cal_item *baby = &w.days[2].items[0];
    assert_string_equal(baby->activity_id, "vauvaryhma");
    assert_string_equal(baby->ages, "");       /* none: for everyone */
    assert_string_equal(baby->cats, "kerhot"); /* the service's */
    assert_string_equal(baby->langs, "sv");    /* the service's */
    const struct cal_item *sale = &w.days[5].items[0];
    assert_string_equal(sale->langs, "fi"); /* none given: the site's */

    static const struct week_case cases[] = {
        {"none", "", "", "", {0, 3, 2, 1, 0, 1, 0}},
        {"parents", "vanhemmat", "", "", {0, 1, 2, 0, 0, 1, 0}},
        {"babies: the cancelled café stays", "ika-0-1", "", "", {0, 2, 1, 1, 0, 1, 0}},
        {"clubs", "", "kerhot", "", {0, 2, 1, 1, 0, 0, 0}},
        {"Swedish", "", "", "sv", {0, 0, 1, 0, 0, 0, 0}},
        {"English", "", "", "en", {0, 2, 0, 1, 0, 0, 0}},
        {"clubs in English", "", "kerhot", "en", {0, 2, 0, 1, 0, 0, 0}},
        {"advice for parents in Finnish", "vanhemmat", "neuvonta", "fi", {0, 0, 1, 0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct cal_filter f;
        memset(&f, 0, sizeof(f));
        calendar_filter_set(&f, CAL_FACET_AGE, cases[i].age);
        calendar_filter_set(&f, CAL_FACET_CAT, cases[i].cat);
        calendar_filter_set(&f, CAL_FACET_LANG, cases[i].lang);
        for (int d = 0; d < 7; d++) {
            size_t got = calendar_day_count(&w.days[d], &f);
            if (got != cases[i].shown[d])
                fail_msg("%s: day %d shows %zu, expected %zu", cases[i].what, d + 1, got,
                         cases[i].shown[d]);
        }
    }
    /* A matching cancelled occurrence is still there, as cancelled. */
    struct cal_filter babies = {.age = "ika-0-1"};
    assert_true(calendar_item_matches(&w.days[3].items[0], &babies));
    assert_int_equal(w.days[3].items[0].status, CAL_CANCELLED);
    calendar_week_free(&w);
}

static void test_options(void **state)
{
    struct content *c = *state;
    struct cal_options o;
    assert_true(calendar_options_load(c, "en", &o));
    assert_int_equal(o.n[CAL_FACET_AGE], 3);
    assert_string_equal(o.v[CAL_FACET_AGE][0].id, "ika-0-1");
    assert_string_equal(o.v[CAL_FACET_AGE][0].name.s, "Babies 0–1");
    assert_string_equal(o.v[CAL_FACET_AGE][2].id, "vanhemmat");
    /* Categories of activities and of services with activities, in order. */
    assert_int_equal(o.n[CAL_FACET_CAT], 4);
    assert_string_equal(o.v[CAL_FACET_CAT][0].id, "perhetyo");
    assert_string_equal(o.v[CAL_FACET_CAT][1].id, "vertaistuki");
    assert_string_equal(o.v[CAL_FACET_CAT][2].id, "kerhot");
    assert_string_equal(o.v[CAL_FACET_CAT][2].name.s, "Clubs and cafés");
    assert_string_equal(o.v[CAL_FACET_CAT][3].id, "neuvonta");
    /* Languages by their own names, in the content's order. */
    assert_int_equal(o.n[CAL_FACET_LANG], 3);
    assert_string_equal(o.v[CAL_FACET_LANG][0].name.s, "Suomi");
    assert_string_equal(o.v[CAL_FACET_LANG][1].name.s, "Svenska");
    assert_string_equal(o.v[CAL_FACET_LANG][2].id, "en");
    assert_false(o.v[CAL_FACET_LANG][2].name.other);
    assert_non_null(calendar_option_find(&o, CAL_FACET_CAT, "kerhot"));
    assert_null(calendar_option_find(&o, CAL_FACET_CAT, "ika-0-1"));
    assert_null(calendar_option_find(&o, CAL_NFACETS, "kerhot"));
    calendar_options_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_item_matches),
        cmocka_unit_test(test_filter_set),
        cmocka_unit_test_setup_teardown(test_week_filtered, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_options, open_fixture, close_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
