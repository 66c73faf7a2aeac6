/* Tests of ics and tzmap: calendar files as Outlook, Google and Nextcloud
 * write them (tests/fixtures/ics/), expanded through recur; bad files with
 * their exact messages; zone names as calendar programs write them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/civil.h"
#include "pack/ics.h"
#include "pack/tzmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef AULA_SOURCE_DIR
#define AULA_SOURCE_DIR "."
#endif
#define FIXTURES AULA_SOURCE_DIR "/tests/fixtures/ics/"

static int64_t utc(const char *s)
{
    int y, mo, d, h, mi;
    assert_int_equal(sscanf(s, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), 5);
    return civil_to_days(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void local_str(const char *tzid, int64_t t, char *buf, size_t cap)
{
    struct local_time l;
    assert_true(recur_utc_to_local(tzid, t, &l));
    snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
}

static void lt_str(struct local_time l, char *buf, size_t cap)
{
    if (l.date_only)
        snprintf(buf, cap, "%04d-%02d-%02d", l.year, l.month, l.day);
    else
        snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
}

/* Loads fixtures/name, shown as calendars/name. */
static bool load(const char *name, struct ics_calendar *cal, struct diag_list *diags)
{
    char path[512], shown[128];
    snprintf(path, sizeof(path), FIXTURES "%s", name);
    snprintf(shown, sizeof(shown), "calendars/%s", name);
    memset(cal, 0, sizeof(*cal));
    diag_list_init(diags);
    return ics_load(path, shown, cal, diags);
}

static void assert_diags(const struct diag_list *d, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < d->n; i++) {
        char buf[1024];
        diag_format(&d->v[i], buf, sizeof(buf));
        print_message("  %s\n", buf);
    }
    assert_int_equal(d->n, n);
    for (size_t i = 0; i < n; i++) {
        char buf[1024];
        diag_format(&d->v[i], buf, sizeof(buf));
        assert_string_equal(buf, want[i]);
    }
}

static const struct ics_event *find_event(const struct ics_calendar *cal, const char *uid)
{
    for (size_t i = 0; i < cal->n; i++) {
        if (strcmp(cal->v[i].uid, uid) == 0)
            return &cal->v[i];
    }
    fail_msg("no event %s", uid);
    return NULL;
}

/* ---- bad files ------------------------------------------------------------ */

struct bad_case {
    const char *file;
    bool ok;
    size_t n_events;
    const char *diags[8];
};

static const struct bad_case bad_cases[] = {
    {"empty.ics", false, 0, {"calendars/empty.ics: error: empty calendar file"}},
    {"not_ical.ics",
     false,
     0,
     {"calendars/not_ical.ics:1: error: not an iCalendar file (expected BEGIN:VCALENDAR)"}},
    {"truncated.ics",
     false,
     0,
     {"calendars/truncated.ics:7: error: the calendar ends without END:VCALENDAR; the file may "
      "be cut short"}},
    {"no-such-file.ics",
     false,
     0,
     {"calendars/no-such-file.ics: error: cannot read the calendar file: No such file or "
      "directory"}},
    {"malformed.ics",
     true,
     1,
     {"calendars/malformed.ics:7: DTSTART: error: \"garbage\" is not a date or a date and time "
      "(like 20261103T093000)",
      "calendars/malformed.ics:12: DTSTART: error: \"20261301T100000\" is not a valid date and "
      "time",
      "calendars/malformed.ics:14: DTSTART: error: the event has no start time (DTSTART)",
      "calendars/malformed.ics:22: RRULE: error: bad repetition rule \"FREQ=WEEKLY;BYDAY=XX\": "
      "\"BYDAY=XX\" is not valid",
      "calendars/malformed.ics:28: warning: \"THIS LINE IS NOT A PROPERTY\" is not an iCalendar "
      "line (NAME:value); ignored"}},
    {"unknown_zone.ics",
     true,
     3,
     {"calendars/unknown_zone.ics:22: DTSTART: error: unknown time zone \"Foo Standard Time\""}},
    {"invalid_utf8.ics",
     true,
     1,
     {"calendars/invalid_utf8.ics:7: SUMMARY: error: text is not valid UTF-8 (save the calendar "
      "as UTF-8)"}},
};

static void test_bad_files(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
        const struct bad_case *c = &bad_cases[i];
        print_message("file: %s\n", c->file);
        struct ics_calendar cal;
        struct diag_list d;
        assert_int_equal(load(c->file, &cal, &d), c->ok);
        assert_diags(&d, c->diags);
        assert_int_equal(cal.n, c->n_events);
        ics_calendar_free(&cal);
        diag_list_free(&d);
    }
}

static void test_survivors(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("malformed.ics", &cal, &d));
    assert_string_equal(cal.v[0].uid, "m5");
    assert_int_equal(cal.v[0].line, 24);
    ics_calendar_free(&cal);
    diag_list_free(&d);

    assert_true(load("invalid_utf8.ics", &cal, &d));
    assert_string_equal(cal.v[0].uid, "u2");
    assert_string_equal(cal.v[0].summary, "Hyvää joulua");
    ics_calendar_free(&cal);
    diag_list_free(&d);
}

static void test_size_limit(void **state)
{
    (void)state;
    static const struct {
        off_t size;
        const char *msg;
    } cases[] = {
        {16 * 1024 * 1024 + 1, "big.ics: error: calendar file is larger than 16 MiB"},
        {64L * 1024 * 1024 * 1024, "big.ics: error: calendar file is larger than 16 MiB"},
        /* Exactly 16 MiB is read (and then refused for what it holds). */
        {16 * 1024 * 1024, "big.ics:1: error: not an iCalendar file (expected BEGIN:VCALENDAR)"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char path[] = "/tmp/aula-test-ics-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, "X", 1), 1);
        assert_int_equal(ftruncate(fd, cases[i].size), 0); /* sparse: costs no disk */
        close(fd);
        struct ics_calendar cal = {0};
        struct diag_list d;
        diag_list_init(&d);
        assert_false(ics_load(path, "big.ics", &cal, &d));
        const char *want[] = {cases[i].msg, NULL};
        assert_diags(&d, want);
        assert_int_equal(cal.n, 0);
        unlink(path);
        diag_list_free(&d);
    }
}

/* ---- Outlook ----------------------------------------------------------------- */

static const char outlook_uid[] =
    "040000008200E00074C5B7101A82E0080000000010B5C6F2A1D0DC01000000000000000010000000";

static void test_outlook(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("outlook.ics", &cal, &d));
    const char *none[] = {NULL};
    assert_diags(&d, none);
    assert_int_equal(cal.n, 1); /* the two changed instances belong to the series */
    const struct ics_event *ev = &cal.v[0];
    assert_string_equal(ev->uid, outlook_uid);
    assert_int_equal(ev->line, 21);
    assert_string_equal(ev->summary, "Perhekahvila");
    assert_string_equal(ev->description, "Avoin kohtaamispaikka vauvaperheille ja leikki-ikäisille "
                                         "lapsille. Tervetuloa kaikenlaiset perheet!\n");
    assert_string_equal(ev->location, "Perhekeskus Aurinkolahti, 2. krs");
    assert_null(ev->url);
    assert_null(ev->categories);
    assert_string_equal(ev->tzid, "Europe/Helsinki"); /* FLE Standard Time */
    char buf[64];
    lt_str(ev->start, buf, sizeof(buf));
    assert_string_equal(buf, "2026-09-01 09:30");
    assert_int_equal(ev->duration_min, 120);
    assert_string_equal(ev->rrule, "FREQ=WEEKLY;UNTIL=20261215T073000Z;BYDAY=TU");
    assert_int_equal(ev->n_exdates, 1);
    lt_str(ev->exdates[0], buf, sizeof(buf));
    assert_string_equal(buf, "2026-09-22 09:30");
    assert_false(ev->cancelled);

    assert_int_equal(ev->n_changes, 3);
    lt_str(ev->changes[0].original, buf, sizeof(buf));
    assert_string_equal(buf, "2026-10-13 09:30");
    assert_int_equal(ev->changes[0].status, OCC_CANCELLED);
    assert_string_equal(ev->changes[0].note, "Peruttu: Perhekahvila");
    lt_str(ev->changes[1].original, buf, sizeof(buf));
    assert_string_equal(buf, "2026-11-03 09:30");
    assert_int_equal(ev->changes[1].status, OCC_MOVED);
    assert_int_equal(ev->changes[1].new_start_utc, utc("2026-11-04 11:00"));
    assert_int_equal(ev->changes[1].new_end_utc, utc("2026-11-04 13:00"));
    assert_string_equal(ev->changes[1].note, "Perhekahvila keskiviikkona");
    /* Same time, new description: a note on a scheduled instance. */
    lt_str(ev->changes[2].original, buf, sizeof(buf));
    assert_string_equal(buf, "2026-12-08 09:30");
    assert_int_equal(ev->changes[2].status, OCC_SCHEDULED);
    assert_string_equal(ev->changes[2].note, "Tänään joulupuuroa!");

    struct recur_spec spec;
    ics_event_spec(ev, "Europe/Stockholm", false, &spec);
    assert_ptr_equal(spec.tzid, ev->tzid);
    assert_string_equal(spec.default_tzid, "Europe/Stockholm");
    assert_ptr_equal(spec.rrule, ev->rrule);
    assert_ptr_equal(spec.exdates, ev->exdates);
    assert_ptr_equal(spec.changes, ev->changes);
    assert_int_equal(spec.n_changes, 3);
    assert_int_equal(spec.duration_min, 120);
    assert_false(spec.skip_holidays);

    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2027-01-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    static const struct {
        const char *local;
        enum occ_status status;
    } want[] = {
        {"2026-09-01 09:30", OCC_SCHEDULED}, {"2026-09-08 09:30", OCC_SCHEDULED},
        {"2026-09-15 09:30", OCC_SCHEDULED}, {"2026-09-29 09:30", OCC_SCHEDULED},
        {"2026-10-06 09:30", OCC_SCHEDULED}, {"2026-10-13 09:30", OCC_CANCELLED},
        {"2026-10-20 09:30", OCC_SCHEDULED}, {"2026-10-27 09:30", OCC_SCHEDULED},
        {"2026-11-04 13:00", OCC_MOVED},     {"2026-11-10 09:30", OCC_SCHEDULED},
        {"2026-11-17 09:30", OCC_SCHEDULED}, {"2026-11-24 09:30", OCC_SCHEDULED},
        {"2026-12-01 09:30", OCC_SCHEDULED}, {"2026-12-08 09:30", OCC_SCHEDULED},
        {"2026-12-15 09:30", OCC_SCHEDULED},
    };
    assert_int_equal(out.n, sizeof(want) / sizeof(want[0]));
    for (size_t k = 0; k < out.n; k++) {
        local_str("Europe/Helsinki", out.v[k].start_utc, buf, sizeof(buf));
        assert_string_equal(buf, want[k].local);
        assert_int_equal(out.v[k].status, want[k].status);
        assert_int_equal(out.v[k].end_utc - out.v[k].start_utc, 120 * 60);
    }
    assert_string_equal(out.v[8].local_date, "2026-11-04");
    assert_string_equal(out.v[5].note, "Peruttu: Perhekahvila");
    assert_string_equal(out.v[13].note, "Tänään joulupuuroa!");
    assert_null(out.v[12].note);
    occurrence_list_free(&out);
    ics_calendar_free(&cal);
    diag_list_free(&d);
}

/* ---- Google ------------------------------------------------------------------ */

static void test_google(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("google.ics", &cal, &d));
    const char *want_diags[] = {
        "calendars/google.ics:62: UID: warning: the event has no UID; using \"line62-c53fbaf3\" "
        "(edits to the file may show it as a new event)",
        NULL};
    assert_diags(&d, want_diags);
    assert_int_equal(cal.n, 5);
    char buf[64];

    const struct ics_event *baby = find_event(&cal, "5v0t1c2o3n4t5e6n7t@google.com");
    assert_int_equal(baby->line, 26);
    assert_string_equal(baby->summary, "Vauvaryhmä");
    assert_string_equal(baby->url, "https://example.org/vauvaryhma");
    assert_string_equal(baby->categories, "vauvat,perhekahvila,ilmainen");
    assert_string_equal(baby->tzid, "Europe/Helsinki");
    assert_int_equal(baby->duration_min, 90);
    assert_int_equal(baby->n_exdates, 3);
    static const char *const exdates[] = {"2026-09-16 10:00", "2026-09-23 10:00", "2026-10-14"};
    for (size_t k = 0; k < 3; k++) {
        lt_str(baby->exdates[k], buf, sizeof(buf));
        assert_string_equal(buf, exdates[k]);
    }
    struct recur_spec spec;
    ics_event_spec(baby, "Europe/Helsinki", false, &spec);
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2027-01-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    static const char *const baby_dates[] = {"2026-09-02 10:00", "2026-09-09 10:00",
                                             "2026-09-30 10:00", "2026-10-07 10:00",
                                             "2026-10-21 10:00"};
    assert_int_equal(out.n, 5);
    for (size_t k = 0; k < out.n; k++) {
        local_str("Europe/Helsinki", out.v[k].start_utc, buf, sizeof(buf));
        assert_string_equal(buf, baby_dates[k]);
    }
    occurrence_list_free(&out);

    /* All-day, two days, floating: read in the site's zone. */
    const struct ics_event *camp = find_event(&cal, "perheleiri-2026@google.com");
    assert_null(camp->tzid);
    assert_true(camp->start.date_only);
    assert_int_equal(camp->duration_min, 2 * 1440);
    ics_event_spec(camp, "Europe/Helsinki", false, &spec);
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2027-01-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 1);
    assert_true(out.v[0].all_day);
    assert_int_equal(out.v[0].start_utc, utc("2026-10-23 21:00"));
    assert_int_equal(out.v[0].end_utc, utc("2026-10-25 22:00")); /* summer time ended */
    assert_string_equal(out.v[0].local_date, "2026-10-24");
    occurrence_list_free(&out);

    const struct ics_event *utc_ev = find_event(&cal, "eroneuvo@google.com");
    assert_string_equal(utc_ev->tzid, "Etc/UTC");
    assert_int_equal(utc_ev->duration_min, 90);
    ics_event_spec(utc_ev, "Europe/Helsinki", false, &spec);
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2027-01-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 1);
    assert_int_equal(out.v[0].start_utc, utc("2026-11-05 16:00"));
    occurrence_list_free(&out);

    const struct ics_event *party = find_event(&cal, "joulujuhla@google.com");
    assert_true(party->cancelled);
    assert_int_equal(party->duration_min, 120);
    const struct ics_event *noid = find_event(&cal, "line62-c53fbaf3");
    assert_string_equal(noid->summary, "Isä-lapsi-ilta");
    assert_int_equal(noid->duration_min, 60);
    assert_false(baby->cancelled);

    ics_calendar_free(&cal);
    diag_list_free(&d);
}

/* ---- floating times, folded text, zones -------------------------------------- */

static void test_floating(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("floating.ics", &cal, &d));
    assert_int_equal(d.n, 0);
    assert_int_equal(cal.n, 1);
    const struct ics_event *ev = &cal.v[0];
    assert_null(ev->tzid);
    assert_int_equal(ev->duration_min, 90);
    assert_int_equal(ev->n_changes, 1);
    assert_true(ev->changes[0].new_local);
    assert_string_equal(ev->changes[0].note, "Poikkeuksellisesti keskiviikkona");

    static const struct {
        const char *site_zone;
        const char *utc[3];
    } cases[] = {
        {"Europe/Helsinki", {"2026-11-10 16:00", "2026-11-18 17:00", "2026-11-24 16:00"}},
        {"Europe/Stockholm", {"2026-11-10 17:00", "2026-11-18 18:00", "2026-11-24 17:00"}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct recur_spec spec;
        ics_event_spec(ev, cases[i].site_zone, false, &spec);
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(recur_expand(&spec, utc("2026-11-01 00:00"), utc("2026-12-01 00:00"), 100,
                                      &out, err, sizeof(err)),
                         RECUR_OK);
        assert_int_equal(out.n, 3);
        for (size_t k = 0; k < 3; k++)
            assert_int_equal(out.v[k].start_utc, utc(cases[i].utc[k]));
        assert_int_equal(out.v[1].status, OCC_MOVED);
        assert_int_equal(out.v[1].end_utc - out.v[1].start_utc, 60 * 60);
        assert_int_equal(out.v[0].end_utc - out.v[0].start_utc, 90 * 60);
        occurrence_list_free(&out);
    }
    ics_calendar_free(&cal);
    diag_list_free(&d);
}

static void test_folded(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("folded.ics", &cal, &d));
    assert_int_equal(d.n, 0);
    assert_int_equal(cal.n, 1);
    const struct ics_event *ev = &cal.v[0];
    /* One fold falls between the two bytes of an "ä". */
    assert_string_equal(ev->summary,
                        "Perhekahvila – Familjecafé – Family café (ääkköset: åäö ÅÄÖ)");
    assert_string_equal(ev->description,
                        "Perhekahvilassa tavataan muita perheitä, leikitään ja jutellaan. "
                        "Familjecaféet är öppet för alla familjer: välkommen på kaffe och lek! "
                        "Kahvi ja mehu 1 €, lapsille maksuton. Ålands och Österbottens gäster "
                        "välkomna.");
    assert_string_equal(ev->location, "Småbarnsfamiljernas mötesplats, Vasa");
    assert_string_equal(ev->tzid, "Europe/Helsinki");
    ics_calendar_free(&cal);
    diag_list_free(&d);
}

static void test_zones_in_file(void **state)
{
    (void)state;
    struct ics_calendar cal;
    struct diag_list d;
    assert_true(load("unknown_zone.ics", &cal, &d));
    assert_int_equal(cal.n, 3);
    static const struct {
        const char *uid, *tzid, *utc;
        int duration;
    } cases[] = {
        {"b@example", "Suomen aika", "2026-11-11 07:00", 45}, /* the file's own VTIMEZONE */
        {"c@example", "Europe/Helsinki", "2026-11-12 08:00", 60},
        {"d@example", "Europe/Helsinki", "2026-11-13 08:00", 60},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct ics_event *ev = find_event(&cal, cases[i].uid);
        assert_string_equal(ev->tzid, cases[i].tzid);
        assert_int_equal(ev->duration_min, cases[i].duration);
        struct recur_spec spec;
        ics_event_spec(ev, "Europe/Helsinki", true, &spec);
        assert_true(spec.skip_holidays);
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(recur_expand(&spec, utc("2026-11-01 00:00"), utc("2026-12-01 00:00"), 10,
                                      &out, err, sizeof(err)),
                         RECUR_OK);
        assert_int_equal(out.n, 1);
        assert_int_equal(out.v[0].start_utc, utc(cases[i].utc));
        occurrence_list_free(&out);
    }
    ics_calendar_free(&cal);
    diag_list_free(&d);
}

/* ---- tzmap ------------------------------------------------------------------- */

static void test_tzmap(void **state)
{
    (void)state;
    static const struct {
        const char *name, *iana;
    } cases[] = {
        {"Europe/Helsinki", "Europe/Helsinki"},
        {"America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"},
        {"Etc/GMT+12", "Etc/GMT+12"},
        {"FLE Standard Time", "Europe/Helsinki"},
        {"fle standard time", "Europe/Helsinki"},
        {" FLE Standard Time ", "Europe/Helsinki"},
        {"E. Europe Standard Time", "Europe/Chisinau"},
        {"GTB Standard Time", "Europe/Bucharest"},
        {"W. Europe Standard Time", "Europe/Berlin"},
        {"Central Europe Standard Time", "Europe/Budapest"},
        {"Central European Standard Time", "Europe/Warsaw"},
        {"Romance Standard Time", "Europe/Paris"},
        {"GMT Standard Time", "Europe/London"},
        {"Greenwich Standard Time", "Atlantic/Reykjavik"},
        {"Russian Standard Time", "Europe/Moscow"},
        {"UTC", "Etc/UTC"},
        {"Turkey Standard Time", "Europe/Istanbul"},
        {"Arabic Standard Time", "Asia/Baghdad"},
        {"Arab Standard Time", "Asia/Riyadh"},
        {"Iran Standard Time", "Asia/Tehran"},
        {"E. Africa Standard Time", "Africa/Nairobi"},
        {"Eastern Standard Time", "America/New_York"},
        {"Pacific Standard Time", "America/Los_Angeles"},
        {"Afghanistan Standard Time", "Asia/Kabul"},
        {"India Standard Time", "Asia/Kolkata"},
        {"China Standard Time", "Asia/Shanghai"},
        {"/mozilla.org/20050126_1/Europe/Helsinki", "Europe/Helsinki"},
        {"/freeassociation.sourceforge.net/Europe/Helsinki", "Europe/Helsinki"},
        {"/freeassociation.sourceforge.net/Tzfile/Europe/Stockholm", "Europe/Stockholm"},
        {"/softwarestudio.org/Olson_20011030_5/America/New_York", "America/New_York"},
        {"(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "Europe/Helsinki"},
        {"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"},
        {"(UTC) Coordinated Universal Time", "Etc/UTC"},
        {"Foo Standard Time", NULL},
        {"Europe/Nowhere", NULL},
        {"../../etc/passwd", NULL},
        {"/etc/passwd", NULL},
        {"Europe", NULL},
        {"", NULL},
        {"/mozilla.org/20050126_1/Mars/Base", NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        print_message("zone: \"%s\"\n", cases[i].name);
        const char *got = tzmap_resolve(cases[i].name);
        if (cases[i].iana)
            assert_string_equal(got, cases[i].iana);
        else
            assert_null(got);
    }
    assert_null(tzmap_resolve(NULL));
    /* The result outlives the argument. */
    char name[] = "Europe/Oslo";
    const char *oslo = tzmap_resolve(name);
    memset(name, 'x', sizeof(name) - 1);
    assert_string_equal(oslo, "Europe/Oslo");
    assert_ptr_equal(tzmap_resolve("Europe/Oslo"), oslo);
}

static int teardown(void **state)
{
    (void)state;
    recur_zones_free();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_files),  cmocka_unit_test(test_survivors),
        cmocka_unit_test(test_size_limit), cmocka_unit_test(test_outlook),
        cmocka_unit_test(test_google),     cmocka_unit_test(test_floating),
        cmocka_unit_test(test_folded),     cmocka_unit_test(test_zones_in_file),
        cmocka_unit_test(test_tzmap),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
