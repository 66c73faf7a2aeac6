/* Unit tests of kiosk/domain: opening hours (exceptions, over midnight),
 * time zones, the week calendar (cancelled, holidays, ISO weeks), now and
 * next, the text fallback chain and the service/organisation view models,
 * on the snapshot built from fixture.sql. */
#include "domain/calendar.h"
#include "domain/catalog.h"
#include "domain/content.h"
#include "domain/hours.h"
#include "domain/zone.h"
#include "base/civil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

static const char *fixture_path;

static int64_t day(int y, int m, int d)
{
    return civil_to_days(y, m, d);
}

/* ---- hours (pure) ---- */

struct hours_case {
    const char *what;
    int64_t day;
    int minute;
    enum hours_state state;
    int change_day, change_min;
};

static void check_cases(const struct hours *h, const struct hours_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct hours_status s = hours_status_at(h, c[i].day, c[i].minute);
        if (s.state != c[i].state || s.change_day != c[i].change_day ||
            (c[i].change_day >= 0 && s.change_min != c[i].change_min))
            fail_msg("%s: got state %d day %d min %d, want %d %d %d", c[i].what, s.state,
                     s.change_day, s.change_min, c[i].state, c[i].change_day, c[i].change_min);
    }
}

static void test_hours_weekly(void **state)
{
    (void)state;
    struct hours h;
    hours_init(&h);
    assert_int_equal(hours_status_at(&h, day(2026, 11, 24), 600).state, HOURS_NONE);
    for (int wd = 1; wd <= 4; wd++)
        hours_add_weekly(&h, wd, 8 * 60, 16 * 60);
    hours_add_weekly(&h, 5, 8 * 60, 15 * 60);
    const struct hours_case cases[] = {
        {"tue 10.15 open", day(2026, 11, 24), 615, HOURS_OPEN, 0, 960},
        {"tue 7.59 closed", day(2026, 11, 24), 479, HOURS_CLOSED, 0, 480},
        {"tue 8.00 open", day(2026, 11, 24), 480, HOURS_OPEN, 0, 960},
        {"tue 16.00 closed", day(2026, 11, 24), 960, HOURS_CLOSED, 1, 480},
        {"fri 15.30 opens mon", day(2026, 11, 27), 930, HOURS_CLOSED, 3, 480},
        {"sun opens mon", day(2026, 11, 29), 720, HOURS_CLOSED, 1, 480},
    };
    check_cases(&h, cases, sizeof(cases) / sizeof(cases[0]));
    hours_free(&h);
}

static void test_hours_exceptions(void **state)
{
    (void)state;
    struct hours h;
    hours_init(&h);
    for (int wd = 1; wd <= 5; wd++)
        hours_add_weekly(&h, wd, 8 * 60, 16 * 60);
    hours_add_exception(&h, day(2026, 11, 25), true, 0, 0, "closed wednesday");
    hours_add_exception(&h, day(2026, 11, 27), false, 10 * 60, 12 * 60, "short friday");
    hours_add_exception(&h, day(2026, 11, 28), false, 9 * 60, 13 * 60, "open saturday");
    const struct hours_case cases[] = {
        {"tue 17.00 -> thu (wed closed)", day(2026, 11, 24), 1020, HOURS_CLOSED, 2, 480},
        {"wed 10.00 closed", day(2026, 11, 25), 600, HOURS_CLOSED, 1, 480},
        {"fri 9.00 opens 10", day(2026, 11, 27), 540, HOURS_CLOSED, 0, 600},
        {"fri 11.00 closes 12", day(2026, 11, 27), 660, HOURS_OPEN, 0, 720},
        {"fri 13.00 opens sat 9", day(2026, 11, 27), 780, HOURS_CLOSED, 1, 540},
        {"sat 12.00 open", day(2026, 11, 28), 720, HOURS_OPEN, 0, 780},
    };
    check_cases(&h, cases, sizeof(cases) / sizeof(cases[0]));
    struct hours_period p[4];
    const struct hours_exception *e = NULL;
    assert_int_equal(hours_day(&h, day(2026, 11, 25), p, 4, &e), 0);
    assert_non_null(e);
    assert_string_equal(e->note.s, "closed wednesday");
    assert_int_equal(hours_day(&h, day(2026, 11, 24), p, 4, &e), 1);
    assert_null(e);
    hours_free(&h);
}

static void test_hours_over_midnight(void **state)
{
    (void)state;
    struct hours h;
    hours_init(&h);
    hours_add_weekly(&h, 5, 20 * 60, 2 * 60); /* fri 20-02 */
    hours_add_weekly(&h, 6, 20 * 60, 2 * 60); /* sat 20-02 */
    /* Saturday has an exception; Friday's night still runs into it. */
    hours_add_exception(&h, day(2026, 11, 28), true, 0, 0, NULL);
    const struct hours_case cases[] = {
        {"fri 23.00 closes sat 2.00", day(2026, 11, 27), 1380, HOURS_OPEN, 1, 120},
        {"sat 1.00 closes 2.00", day(2026, 11, 28), 60, HOURS_OPEN, 0, 120},
        {"sat 2.00 closed until next fri", day(2026, 11, 28), 120, HOURS_CLOSED, 6, 1200},
        {"sun 1.00 closed (sat closed)", day(2026, 11, 29), 60, HOURS_CLOSED, 5, 1200},
        {"thu 21.00 opens fri 20", day(2026, 11, 26), 1260, HOURS_CLOSED, 1, 1200},
    };
    check_cases(&h, cases, sizeof(cases) / sizeof(cases[0]));
    hours_free(&h);

    /* Round the clock on consecutive days: closes at the end of the last. */
    hours_init(&h);
    hours_add_weekly(&h, 1, 0, 1440);
    hours_add_weekly(&h, 2, 0, 1440);
    struct hours_status s = hours_status_at(&h, day(2026, 11, 23), 600);
    assert_int_equal(s.state, HOURS_OPEN);
    assert_int_equal(s.change_day, 1);
    assert_int_equal(s.change_min, 1440);
    hours_free(&h);
}

/* ---- zone ---- */

static void test_zone(void **state)
{
    (void)state;
    const char *tz = "Europe/Helsinki";
    int64_t t;
    assert_true(zone_parse_instant("2026-11-24T10:15", tz, &t));
    assert_int_equal(t, day(2026, 11, 24) * 86400 + 8 * 3600 + 15 * 60);
    assert_true(zone_parse_instant("2026-11-24T10:15:00Z", tz, &t));
    assert_int_equal(t, day(2026, 11, 24) * 86400 + 10 * 3600 + 15 * 60);
    assert_true(zone_parse_instant("2026-07-01 12:00", tz, &t)); /* summer: UTC+3 */
    assert_int_equal(t, day(2026, 7, 1) * 86400 + 9 * 3600);
    assert_false(zone_parse_instant("24.11.2026 10.15", tz, &t));
    assert_false(zone_parse_instant("2026-11-24T10:15+02", tz, &t));

    struct zone_time zt;
    zone_to_local(tz, day(2026, 3, 29) * 86400 + 1 * 3600, &zt); /* 01:00Z = 04:00 EEST */
    assert_int_equal(zt.hour, 4);
    assert_int_equal(zt.weekday, 7);
    zone_to_local(tz, day(2026, 10, 25) * 86400 + 1 * 3600, &zt); /* 01:00Z = 03:00 EET */
    assert_int_equal(zt.hour, 3);
    assert_int_equal(zt.utc_off, 7200);
}

/* ---- calendar helpers ---- */

static void test_iso_week(void **state)
{
    (void)state;
    int y, w;
    calendar_iso_week(day(2026, 11, 24), &y, &w);
    assert_int_equal(w, 48);
    assert_int_equal(y, 2026);
    calendar_iso_week(day(2026, 12, 31), &y, &w); /* 2026 has 53 weeks */
    assert_int_equal(w, 53);
    calendar_iso_week(day(2027, 1, 3), &y, &w);
    assert_int_equal(y, 2026);
    assert_int_equal(w, 53);
    calendar_iso_week(day(2027, 1, 4), &y, &w);
    assert_int_equal(y, 2027);
    assert_int_equal(w, 1);
    calendar_iso_week(day(2025, 12, 29), &y, &w);
    assert_int_equal(y, 2026);
    assert_int_equal(w, 1);
    assert_int_equal(calendar_monday(day(2026, 11, 29)), day(2026, 11, 23));
    assert_int_equal(calendar_monday(day(2026, 11, 23)), day(2026, 11, 23));
    assert_int_equal(calendar_monday(day(2027, 1, 1)), day(2026, 12, 28));
}

/* ---- on the fixture snapshot ---- */

static int open_fixture(void **state)
{
    char msg[512];
    struct content *c = NULL;
    if (content_open(fixture_path, &c, msg, sizeof(msg)) != SNAPSHOT_OK) {
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

static int64_t at(struct content *c, const char *local)
{
    int64_t t = 0;
    assert_true(zone_parse_instant(local, c->tz, &t));
    return t;
}

static void test_content_facts(void **state)
{
    struct content *c = *state;
    assert_string_equal(c->tz, "Europe/Helsinki");
    assert_string_equal(c->default_lang, "fi");
    assert_int_equal(c->nlangs, 4);
    assert_string_equal(c->langs[3].code, "ar");
    assert_true(c->langs[3].rtl);
    assert_false(c->langs[0].rtl);
    assert_int_equal(content_check_clock(c, at(c, "2026-11-24T10:15")), CONTENT_VALID);
    assert_int_equal(content_check_clock(c, at(c, "2027-06-01T10:00")), CONTENT_EXPIRED);
    assert_int_equal(content_check_clock(c, at(c, "2025-01-01T10:00")), CONTENT_CLOCK_BEHIND);
}

static void test_week(void **state)
{
    struct content *c = *state;
    struct cal_week w;
    int64_t today = day(2026, 11, 24);
    assert_true(calendar_week_load(c, "fi", today, today, &w));
    assert_int_equal(w.monday, day(2026, 11, 23));
    assert_int_equal(w.iso_week, 48);
    assert_false(w.days[0].today);
    assert_true(w.days[1].today);
    assert_int_equal(w.days[0].n, 0);
    assert_int_equal(w.days[1].n, 3); /* café 9.30, moved café 14.00, evening 17.30 */
    assert_string_equal(w.days[1].items[0].name.s, "Perhekahvila");
    assert_int_equal(w.days[1].items[0].start_min, 9 * 60 + 30);
    assert_int_equal(w.days[1].items[0].end_min, 11 * 60 + 30);
    assert_int_equal(w.days[1].items[1].start_min, 14 * 60);
    assert_string_equal(w.days[1].items[1].place.s, "Vuosaaren seurakuntatalo");
    /* Thursday's café is cancelled but still there, with its reason. */
    assert_int_equal(w.days[3].n, 1);
    assert_int_equal(w.days[3].items[0].status, CAL_CANCELLED);
    assert_string_equal(w.days[3].items[0].note.s, "Henkilökunnan virkistyspäivä");
    /* All-day on Saturday. */
    assert_int_equal(w.days[5].n, 1);
    assert_true(w.days[5].items[0].all_day);
    assert_false(w.days[6].holiday);
    calendar_week_free(&w);

    /* Next week: Independence Day on Sunday, a moved group on Wednesday. */
    assert_true(calendar_week_load(c, "en", today + 7, today, &w));
    assert_int_equal(w.iso_week, 49);
    for (int i = 0; i < 7; i++)
        assert_false(w.days[i].today);
    assert_true(w.days[6].holiday);
    assert_string_equal(w.days[6].holiday_name.s, "Independence Day");
    assert_int_equal(w.days[2].items[0].status, CAL_MOVED);
    assert_string_equal(w.days[2].items[0].note.s, "This time at the family centre");
    /* "Vauvaryhmä" has no English: fi via the chain (en -> fi), marked. */
    assert_string_equal(w.days[2].items[0].name.s, "Vauvaryhmä");
    assert_true(w.days[2].items[0].name.other);
    calendar_week_free(&w);

    /* A week outside the expanded window says so. */
    assert_true(calendar_week_load(c, "fi", day(2027, 6, 1), today, &w));
    assert_true(w.outside_window);
    calendar_week_free(&w);
}

static void test_now_next(void **state)
{
    struct content *c = *state;
    struct cal_item it[8];
    size_t n = calendar_now_next(c, "en", at(c, "2026-11-24T10:15"), it, 8);
    assert_int_equal(n, 3);
    assert_true(it[0].now);
    assert_string_equal(it[0].name.s, "Family café");
    assert_false(it[0].name.other);
    assert_false(it[1].now);
    assert_int_equal(it[1].start_min, 14 * 60);
    assert_int_equal(it[2].start_min, 17 * 60 + 30);
    for (size_t i = 0; i < n; i++)
        calendar_item_free(&it[i]);
    /* After everything today has ended: nothing. */
    n = calendar_now_next(c, "en", at(c, "2026-11-24T20:00"), it, 8);
    assert_int_equal(n, 0);
}

static void test_fallback_chain(void **state)
{
    struct content *c = *state;
    struct catalog_service s;
    /* sv missing -> en. */
    assert_true(catalog_service_load(c, "sv", "perhetyo", 0, &s));
    assert_string_equal(s.name.s, "Family work");
    assert_string_equal(s.name.lang, "en");
    assert_true(s.name.other);
    catalog_service_free(&s);
    /* Only fi exists -> fi for an English visitor. */
    assert_true(catalog_service_load(c, "en", "perheneuvola", 0, &s));
    assert_string_equal(s.name.s, "Perheneuvola");
    assert_true(s.name.other);
    catalog_service_free(&s);
    /* en missing, fi before sv. */
    assert_true(catalog_service_load(c, "en", "perhekerho", 0, &s));
    assert_string_equal(s.name.s, "Perhekerho");
    catalog_service_free(&s);
    /* The visitor's own language when it exists. */
    assert_true(catalog_service_load(c, "ar", "neuvola-aurinkolahti", 0, &s));
    assert_string_equal(s.name.s, "عيادة صحة الطفل");
    assert_false(s.name.other);
    catalog_service_free(&s);
    assert_true(catalog_service_load(c, "sv", "perhekerho", 0, &s));
    assert_string_equal(s.name.s, "Familjeklubben");
    assert_false(s.name.other);
    catalog_service_free(&s);
    assert_false(catalog_service_load(c, "fi", "no-such-service", 0, &s));
}

/* List items mark a name shown in another language with its code. */
static void test_fallback_marker(void **state)
{
    struct content *c = *state;
    struct catalog_service s;
    char out[128];
    assert_true(catalog_service_load(c, "sv", "perhetyo", 0, &s)); /* English for sv */
    i18n_mark(&s.name, "Itäranta", out, sizeof(out));
    assert_string_equal(out, "Itäranta · EN");
    i18n_mark(&s.name, "", out, sizeof(out));
    assert_string_equal(out, "EN");
    catalog_service_free(&s);
    assert_true(catalog_service_load(c, "en", "perheneuvola", 0, &s)); /* Finnish for en */
    i18n_mark(&s.name, "9.00–11.00", out, sizeof(out));
    assert_string_equal(out, "9.00–11.00 · FI");
    catalog_service_free(&s);
    assert_true(catalog_service_load(c, "sv", "perhekerho", 0, &s)); /* the visitor's own */
    i18n_mark(&s.name, "Itäranta", out, sizeof(out));
    assert_string_equal(out, "Itäranta");
    i18n_mark(&s.name, NULL, out, sizeof(out));
    assert_string_equal(out, "");
    catalog_service_free(&s);
    /* Cut to the buffer, never overrun. */
    struct i18n_text t = {.s = "x", .lang = "en", .other = true};
    char small[6];
    i18n_mark(&t, "Helsinki", small, sizeof(small));
    assert_string_equal(small, "Helsi");
}

static void test_service_detail(void **state)
{
    struct content *c = *state;
    struct catalog_service s;
    int64_t now = at(c, "2026-11-24T10:15");
    assert_true(catalog_service_load(c, "fi", "neuvola-aurinkolahti", now, &s));
    assert_string_equal(s.org_name.s, "Itä-Helsingin hyvinvointipalvelut");
    assert_int_equal(s.nages, 2);
    assert_string_equal(s.ages[0].s, "Vauvat 0–1 v");
    assert_int_equal(s.nlangs, 4);
    assert_string_equal(s.langs[0], "Suomi");
    assert_string_equal(s.langs[3], "العربية");
    assert_int_equal(s.nlocs, 1);
    assert_int_equal(s.locs[0].step_free, TRI_YES);
    assert_string_equal(s.locs[0].street, "Aurinkolahdentie 5");
    assert_int_equal(s.ncontacts, 1);
    assert_string_equal(s.contacts[0].name, "Anna Virtanen");
    assert_string_equal(s.contacts[0].title.s, "Terveydenhoitaja");
    assert_int_equal(s.contacts[0].nlangs, 2);
    struct hours_status hs = hours_status_at(&s.hours, day(2026, 11, 24), 615);
    assert_int_equal(hs.state, HOURS_OPEN);
    assert_int_equal(hs.change_min, 960);
    /* Friday's exception from the snapshot: open until 12, with its note. */
    hs = hours_status_at(&s.hours, day(2026, 11, 27), 700);
    assert_int_equal(hs.state, HOURS_OPEN);
    assert_int_equal(hs.change_min, 720);
    const struct hours_exception *e = NULL;
    struct hours_period p[4];
    hours_day(&s.hours, day(2026, 11, 27), p, 4, &e);
    assert_non_null(e);
    assert_string_equal(e->note.s, "Koulutuspäivä: auki klo 12 asti");
    catalog_service_free(&s);

    /* Upcoming activities of a service. */
    assert_true(catalog_service_load(c, "fi", "perhekahvila", now, &s));
    assert_true(s.nupcoming >= 3);
    assert_true(s.upcoming[0].now);
    assert_int_equal(s.upcoming[2].status, CAL_CANCELLED);
    catalog_service_free(&s);
}

static void test_lists(void **state)
{
    struct content *c = *state;
    struct catalog_site site;
    assert_true(catalog_site_load(c, "sv", &site));
    assert_string_equal(site.name.s, "Familjecentret Solviken");
    assert_int_equal(site.ncats, 6);
    assert_string_equal(site.cats[0].id, "neuvola");
    assert_string_equal(site.cats[0].icon, "baby");
    assert_string_equal(site.cats[5].name.s, "Health"); /* sv missing -> en */
    assert_true(site.cats[5].name.other);
    catalog_site_free(&site);

    struct catalog_list l;
    assert_true(catalog_services_load(c, "fi", "kerhot", &l));
    assert_string_equal(l.title.s, "Kerhot ja kahvilat");
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].name.s, "Iltakahvila vuorotyöläisille");
    catalog_list_free(&l);
    assert_true(catalog_services_load(c, "fi", NULL, &l));
    assert_int_equal(l.n, 8);
    catalog_list_free(&l);

    assert_true(catalog_orgs_load(c, "fi", &l));
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].name.s, "Itä-Helsingin hyvinvointipalvelut");
    assert_int_equal(l.v[0].count, 3);
    catalog_list_free(&l);

    struct catalog_org o;
    assert_true(catalog_org_load(c, "fi", "hyvinvointialue", &o));
    assert_int_equal(o.services.n, 3);
    assert_int_equal(o.ncontacts, 2);
    assert_string_equal(o.contacts[0].name, "Anna Virtanen");
    assert_string_equal(o.contacts[1].responsibilities.s, "Arjen tuki kotiin, myös arabiaksi.");
    catalog_org_free(&o);
}

static void test_collate(void **state)
{
    (void)state;
    assert_true(i18n_collate("Zeta", "Åland") < 0);
    assert_true(i18n_collate("Åland", "Äiti") < 0);
    assert_true(i18n_collate("Äiti", "Öljy") < 0);
    assert_true(i18n_collate("apple", "Banana") < 0);
    assert_int_equal(i18n_collate("abc", "ABC"), 0);
    assert_true(i18n_collate("ab", "abc") < 0);
}

int main(int argc, char **argv)
{
    fixture_path = argc > 1 ? argv[1] : KIOSK_FIXTURE;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hours_weekly),
        cmocka_unit_test(test_hours_exceptions),
        cmocka_unit_test(test_hours_over_midnight),
        cmocka_unit_test(test_zone),
        cmocka_unit_test(test_iso_week),
        cmocka_unit_test(test_collate),
        cmocka_unit_test_setup_teardown(test_content_facts, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_week, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_now_next, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_fallback_chain, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_fallback_marker, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_service_detail, open_fixture, close_fixture),
        cmocka_unit_test_setup_teardown(test_lists, open_fixture, close_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
