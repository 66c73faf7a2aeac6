/* Tests of recur: RFC 5545 recurrence examples, DST in Europe/Helsinki,
 * exdates, changed instances, holidays, window edges, bad rules and the
 * bounds that keep runaway rules from hanging a build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/civil.h"
#include "pack/recur.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct local_time lt(const char *s)
{
    struct local_time t = {0};
    if (sscanf(s, "%d-%d-%d %d:%d", &t.year, &t.month, &t.day, &t.hour, &t.minute) != 5) {
        assert_int_equal(sscanf(s, "%d-%d-%d", &t.year, &t.month, &t.day), 3);
        t.date_only = true;
    }
    return t;
}

/* "YYYY-MM-DD HH:MM" read as UTC. */
static int64_t utc(const char *s)
{
    struct local_time t = lt(s);
    return civil_to_days(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60;
}

static void local_str(const char *tzid, int64_t t, char *buf, size_t cap)
{
    struct local_time l;
    assert_true(recur_utc_to_local(tzid, t, &l));
    snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day, l.hour, l.minute);
}

static void utc_str(int64_t t, char *buf, size_t cap)
{
    struct civil_date d = civil_from_days(t / 86400);
    snprintf(buf, cap, "%04d-%02d-%02d %02d:%02dZ", d.year, d.month, d.day, (int)(t % 86400 / 3600),
             (int)(t % 3600 / 60));
}

/* ---- RFC 5545 3.8.5.3 examples ------------------------------------------ */

struct rule_case {
    const char *name, *tzid, *start, *rrule;
    const char *from, *until; /* window, UTC */
    int total;                /* expected number of occurrences */
    const char *expect[24];   /* local starts; all of them, or first and last when total > 24 */
};

static const struct rule_case rfc_cases[] = {
    {"daily for 10 occurrences",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=DAILY;COUNT=10",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-02 09:00", "1997-09-03 09:00", "1997-09-04 09:00", "1997-09-05 09:00",
      "1997-09-06 09:00", "1997-09-07 09:00", "1997-09-08 09:00", "1997-09-09 09:00",
      "1997-09-10 09:00", "1997-09-11 09:00"}},
    {"every 10 days, 5 occurrences",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=DAILY;INTERVAL=10;COUNT=5",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     5,
     {"1997-09-02 09:00", "1997-09-12 09:00", "1997-09-22 09:00", "1997-10-02 09:00",
      "1997-10-12 09:00"}},
    {"weekly for 10 occurrences (across the end of summer time)",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=WEEKLY;COUNT=10",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-02 09:00", "1997-09-09 09:00", "1997-09-16 09:00", "1997-09-23 09:00",
      "1997-09-30 09:00", "1997-10-07 09:00", "1997-10-14 09:00", "1997-10-21 09:00",
      "1997-10-28 09:00", "1997-11-04 09:00"}},
    {"weekly on Tuesday and Thursday for five weeks",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-02 09:00", "1997-09-04 09:00", "1997-09-09 09:00", "1997-09-11 09:00",
      "1997-09-16 09:00", "1997-09-18 09:00", "1997-09-23 09:00", "1997-09-25 09:00",
      "1997-09-30 09:00", "1997-10-02 09:00"}},
    {"every other week on Tuesday and Thursday, 8 occurrences",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     8,
     {"1997-09-02 09:00", "1997-09-04 09:00", "1997-09-16 09:00", "1997-09-18 09:00",
      "1997-09-30 09:00", "1997-10-02 09:00", "1997-10-14 09:00", "1997-10-16 09:00"}},
    {"monthly on the first Friday for 10 occurrences",
     "America/New_York",
     "1997-09-05 09:00",
     "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-05 09:00", "1997-10-03 09:00", "1997-11-07 09:00", "1997-12-05 09:00",
      "1998-01-02 09:00", "1998-02-06 09:00", "1998-03-06 09:00", "1998-04-03 09:00",
      "1998-05-01 09:00", "1998-06-05 09:00"}},
    {"every other month on the first and last Sunday, 10 occurrences",
     "America/New_York",
     "1997-09-07 09:00",
     "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-07 09:00", "1997-09-28 09:00", "1997-11-02 09:00", "1997-11-30 09:00",
      "1998-01-04 09:00", "1998-01-25 09:00", "1998-03-01 09:00", "1998-03-29 09:00",
      "1998-05-03 09:00", "1998-05-31 09:00"}},
    {"monthly on the 2nd and 15th, 10 occurrences",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     10,
     {"1997-09-02 09:00", "1997-09-15 09:00", "1997-10-02 09:00", "1997-10-15 09:00",
      "1997-11-02 09:00", "1997-11-15 09:00", "1997-12-02 09:00", "1997-12-15 09:00",
      "1998-01-02 09:00", "1998-01-15 09:00"}},
    {"last weekday of the month (BYSETPOS=-1), window ends in March",
     "America/New_York",
     "1997-09-30 09:00",
     "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
     "1997-01-01 00:00",
     "1998-04-01 00:00",
     7,
     {"1997-09-30 09:00", "1997-10-31 09:00", "1997-11-28 09:00", "1997-12-31 09:00",
      "1998-01-30 09:00", "1998-02-27 09:00", "1998-03-31 09:00"}},
    {"third Tuesday, Wednesday or Thursday of the month, 3 times",
     "America/New_York",
     "1997-09-04 09:00",
     "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     3,
     {"1997-09-04 09:00", "1997-10-07 09:00", "1997-11-06 09:00"}},
    {"every 18 months on the 10th to 15th, 10 occurrences",
     "America/New_York",
     "1997-09-10 09:00",
     "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
     "1997-01-01 00:00",
     "2000-01-01 00:00",
     10,
     {"1997-09-10 09:00", "1997-09-11 09:00", "1997-09-12 09:00", "1997-09-13 09:00",
      "1997-09-14 09:00", "1997-09-15 09:00", "1999-03-10 09:00", "1999-03-11 09:00",
      "1999-03-12 09:00", "1999-03-13 09:00"}},
    {"yearly in June and July, 10 occurrences",
     "America/New_York",
     "1997-06-10 09:00",
     "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
     "1997-01-01 00:00",
     "2003-01-01 00:00",
     10,
     {"1997-06-10 09:00", "1997-07-10 09:00", "1998-06-10 09:00", "1998-07-10 09:00",
      "1999-06-10 09:00", "1999-07-10 09:00", "2000-06-10 09:00", "2000-07-10 09:00",
      "2001-06-10 09:00", "2001-07-10 09:00"}},
    {"daily until December 24 (UNTIL in UTC), first and last",
     "America/New_York",
     "1997-09-02 09:00",
     "FREQ=DAILY;UNTIL=19971224T000000Z",
     "1997-01-01 00:00",
     "1999-01-01 00:00",
     113,
     {"1997-09-02 09:00", "1997-12-23 09:00"}},
    {"every 2nd month on the third Thursday",
     "Europe/Helsinki",
     "2026-09-17 10:00",
     "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;COUNT=4",
     "2026-01-01 00:00",
     "2028-01-01 00:00",
     4,
     {"2026-09-17 10:00", "2026-11-19 10:00", "2027-01-21 10:00", "2027-03-18 10:00"}},
    {"monthly third Thursday, staff style with BYSETPOS",
     "Europe/Helsinki",
     "2026-09-17 10:00",
     "FREQ=MONTHLY;BYDAY=TH;BYSETPOS=3",
     "2026-09-01 00:00",
     "2026-12-31 00:00",
     4,
     {"2026-09-17 10:00", "2026-10-15 10:00", "2026-11-19 10:00", "2026-12-17 10:00"}},
    {"weekly since 1990, only the window's instances",
     "Europe/Helsinki",
     "1990-01-02 18:00",
     "FREQ=WEEKLY;BYDAY=TU",
     "2026-09-01 00:00",
     "2026-09-16 00:00",
     3,
     {"2026-09-01 18:00", "2026-09-08 18:00", "2026-09-15 18:00"}},
    {"UNTIL as a date includes that day",
     "Europe/Helsinki",
     "2026-09-01 10:00",
     "FREQ=DAILY;UNTIL=20260903",
     "2026-08-01 00:00",
     "2026-10-01 00:00",
     3,
     {"2026-09-01 10:00", "2026-09-02 10:00", "2026-09-03 10:00"}},
    {"UNTIL in UTC equal to the last start is inclusive",
     "Europe/Helsinki",
     "2026-09-01 10:00",
     "FREQ=DAILY;UNTIL=20260903T070000Z",
     "2026-08-01 00:00",
     "2026-10-01 00:00",
     3,
     {"2026-09-01 10:00", "2026-09-02 10:00", "2026-09-03 10:00"}},
    {"UNTIL in local time one minute early",
     "Europe/Helsinki",
     "2026-09-01 10:00",
     "FREQ=DAILY;UNTIL=20260903T095900",
     "2026-08-01 00:00",
     "2026-10-01 00:00",
     2,
     {"2026-09-01 10:00", "2026-09-02 10:00"}},
    {"DTSTART not on a rule day is still the first instance",
     "Europe/Helsinki",
     "2026-08-17 09:30",
     "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
     "2026-08-01 00:00",
     "2026-10-01 00:00",
     3,
     {"2026-08-17 09:30", "2026-08-18 09:30", "2026-08-25 09:30"}},
    {"window edges: start included, end excluded",
     "Europe/Helsinki",
     "2026-09-01 10:00",
     "FREQ=WEEKLY",
     "2026-09-08 07:00",
     "2026-09-22 07:00",
     2,
     {"2026-09-08 10:00", "2026-09-15 10:00"}},
    {"one-off in the window",
     "Europe/Helsinki",
     "2026-11-23 17:30",
     NULL,
     "2026-11-01 00:00",
     "2026-12-01 00:00",
     1,
     {"2026-11-23 17:30"}},
    {"one-off before the window",
     "Europe/Helsinki",
     "2026-10-23 17:30",
     NULL,
     "2026-11-01 00:00",
     "2026-12-01 00:00",
     0,
     {NULL}},
};

static void test_rfc_examples(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(rfc_cases) / sizeof(rfc_cases[0]); i++) {
        const struct rule_case *c = &rfc_cases[i];
        print_message("case: %s\n", c->name);
        struct recur_spec spec = {
            .tzid = c->tzid,
            .default_tzid = "Europe/Helsinki",
            .start = lt(c->start),
            .duration_min = 60,
            .rrule = c->rrule,
        };
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(
            recur_expand(&spec, utc(c->from), utc(c->until), 1000, &out, err, sizeof(err)),
            RECUR_OK);
        assert_string_equal(err, "");
        assert_int_equal(out.n, c->total);
        char buf[32];
        if (c->total > 24) {
            local_str(c->tzid, out.v[0].start_utc, buf, sizeof(buf));
            assert_string_equal(buf, c->expect[0]);
            local_str(c->tzid, out.v[out.n - 1].start_utc, buf, sizeof(buf));
            assert_string_equal(buf, c->expect[1]);
        } else {
            for (size_t k = 0; k < out.n; k++) {
                local_str(c->tzid, out.v[k].start_utc, buf, sizeof(buf));
                assert_string_equal(buf, c->expect[k]);
                assert_memory_equal(out.v[k].local_date, c->expect[k], 10);
                assert_int_equal(out.v[k].local_date[10], '\0');
                assert_int_equal(out.v[k].end_utc - out.v[k].start_utc, 3600);
                assert_int_equal(out.v[k].status, OCC_SCHEDULED);
                assert_false(out.v[k].all_day);
            }
        }
        occurrence_list_free(&out);
    }
}

/* ---- DST in Europe/Helsinki ---------------------------------------------- */

struct utc_case {
    const char *name, *start, *rrule, *from, *until;
    const char *expect_utc[8]; /* "YYYY-MM-DD HH:MMZ" */
    const char *expect_local[8];
};

static const struct utc_case dst_cases[] = {
    {"Sunday 9.30 across spring forward 2026-03-29",
     "2026-03-15 09:30",
     "FREQ=WEEKLY;BYDAY=SU",
     "2026-03-20 00:00",
     "2026-04-06 00:00",
     {"2026-03-22 07:30Z", "2026-03-29 06:30Z", "2026-04-05 06:30Z"},
     {"2026-03-22 09:30", "2026-03-29 09:30", "2026-04-05 09:30"}},
    {"Sunday 9.30 across fall back 2026-10-25",
     "2026-03-15 09:30",
     "FREQ=WEEKLY;BYDAY=SU",
     "2026-10-15 00:00",
     "2026-11-02 00:00",
     {"2026-10-18 06:30Z", "2026-10-25 07:30Z", "2026-11-01 07:30Z"},
     {"2026-10-18 09:30", "2026-10-25 09:30", "2026-11-01 09:30"}},
    {"3.30 on the spring-forward night moves to 4.30",
     "2027-03-21 03:30",
     "FREQ=WEEKLY",
     "2027-03-20 00:00",
     "2027-04-05 00:00",
     {"2027-03-21 01:30Z", "2027-03-28 01:30Z", "2027-04-04 00:30Z"},
     {"2027-03-21 03:30", "2027-03-28 04:30", "2027-04-04 03:30"}},
    {"3.30 on the fall-back night is the first (summer) 3.30",
     "2026-10-24 03:30",
     "FREQ=DAILY;COUNT=3",
     "2026-10-01 00:00",
     "2026-11-01 00:00",
     {"2026-10-24 00:30Z", "2026-10-25 00:30Z", "2026-10-26 01:30Z"},
     {"2026-10-24 03:30", "2026-10-25 03:30", "2026-10-26 03:30"}},
};

static void test_dst(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(dst_cases) / sizeof(dst_cases[0]); i++) {
        const struct utc_case *c = &dst_cases[i];
        print_message("case: %s\n", c->name);
        struct recur_spec spec = {
            .tzid = "Europe/Helsinki",
            .start = lt(c->start),
            .duration_min = 45,
            .rrule = c->rrule,
        };
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(
            recur_expand(&spec, utc(c->from), utc(c->until), 100, &out, err, sizeof(err)),
            RECUR_OK);
        size_t want = 0;
        while (want < 8 && c->expect_utc[want])
            want++;
        assert_int_equal(out.n, want);
        for (size_t k = 0; k < out.n; k++) {
            char buf[32];
            utc_str(out.v[k].start_utc, buf, sizeof(buf));
            assert_string_equal(buf, c->expect_utc[k]);
            local_str("Europe/Helsinki", out.v[k].start_utc, buf, sizeof(buf));
            assert_string_equal(buf, c->expect_local[k]);
            assert_int_equal(out.v[k].end_utc - out.v[k].start_utc, 45 * 60);
        }
        occurrence_list_free(&out);
    }
}

/* ---- errors ------------------------------------------------------------- */

struct error_case {
    const char *tzid, *start, *rrule;
    enum recur_result rc;
    const char *msg;
};

static const struct error_case error_cases[] = {
    {"Europe/Helsinki", "2027-03-28 03:30", "FREQ=WEEKLY", RECUR_NO_SUCH_TIME,
     "2027-03-28 03:30 does not exist in Europe/Helsinki (clocks go forward)"},
    {"Europe/Helsinki", "2026-03-29 03:00", NULL, RECUR_NO_SUCH_TIME,
     "2026-03-29 03:00 does not exist in Europe/Helsinki (clocks go forward)"},
    {"Europe/Helsinki", "2026-02-30 10:00", NULL, RECUR_NO_SUCH_TIME,
     "2026-02-30 10:00 is not a date and time"},
    {"Mars/Olympus_Mons", "2026-09-01 10:00", NULL, RECUR_BAD_ZONE,
     "unknown time zone \"Mars/Olympus_Mons\""},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=WEEKLY;BYDAY=XX", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=WEEKLY;BYDAY=XX\": \"BYDAY=XX\" is not valid"},
    {"Europe/Helsinki", "2026-09-01 10:00", "BYDAY=MO", RECUR_BAD_RULE,
     "bad repetition rule \"BYDAY=MO\": FREQ is missing (for example FREQ=WEEKLY)"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=WEEKLY;FOO=1", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=WEEKLY;FOO=1\": unknown part \"FOO\""},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=WEEKLY;COUNT=3;UNTIL=20261001", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=WEEKLY;COUNT=3;UNTIL=20261001\": COUNT and UNTIL cannot both be "
     "given"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=FORTNIGHTLY", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=FORTNIGHTLY\": \"FREQ=FORTNIGHTLY\" is not valid"},
    {"Europe/Helsinki", "2026-09-01 10:00", "RRULE:FREQ=WEEKLY", RECUR_BAD_RULE,
     "bad repetition rule \"RRULE:FREQ=WEEKLY\": write it without \"RRULE:\""},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=WEEKLY;INTERVAL=0", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=WEEKLY;INTERVAL=0\": \"INTERVAL=0\" is not valid"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", RECUR_BAD_RULE,
     "bad repetition rule \"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\": it never gives a date"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=SECONDLY", RECUR_TOO_MANY,
     "the activity has more than 5000 instances in the calendar window"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=MINUTELY", RECUR_TOO_MANY,
     "the activity has more than 5000 instances in the calendar window"},
    {"Europe/Helsinki", "2026-09-01 10:00", "FREQ=SECONDLY;BYMONTH=2", RECUR_TOO_MANY,
     "the repetition rule \"FREQ=SECONDLY;BYMONTH=2\" is too fine-grained to expand up to the "
     "end of the calendar window (more than 400000 steps); use a longer FREQ"},
    {"Europe/Helsinki", "2020-01-01 10:00", "FREQ=SECONDLY;COUNT=1000000000", RECUR_TOO_MANY,
     "the repetition rule \"FREQ=SECONDLY;COUNT=1000000000\" repeats too often (more than 500000 "
     "times up to the end of the calendar window)"},
};

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
        const struct error_case *c = &error_cases[i];
        print_message("case: %s %s\n", c->start, c->rrule ? c->rrule : "(once)");
        struct recur_spec spec = {
            .tzid = c->tzid,
            .start = lt(c->start),
            .duration_min = 60,
            .rrule = c->rrule,
        };
        /* A previous occurrence in the list must survive a failed expansion. */
        struct occurrence_list out = {0};
        out.v = calloc(1, sizeof(*out.v));
        out.n = out.cap = 1;
        out.v[0].start_utc = 42;
        char err[512];
        clock_t t0 = clock();
        assert_int_equal(recur_expand(&spec, utc("2026-09-01 00:00"), utc("2027-03-01 00:00"), 5000,
                                      &out, err, sizeof(err)),
                         c->rc);
        assert_string_equal(err, c->msg);
        assert_int_equal(out.n, 1);
        assert_int_equal(out.v[0].start_utc, 42);
        /* Generous, but a hang or a scan of years of seconds fails it. */
        assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
        occurrence_list_free(&out);
    }
}

/* ---- exdates, changes, holidays ------------------------------------------ */

struct expect_occ {
    const char *local; /* local start in Europe/Helsinki */
    enum occ_status status;
    const char *note;
};

static void check_occurrences(const struct occurrence_list *out, const struct expect_occ *want,
                              size_t n_want)
{
    assert_int_equal(out->n, n_want);
    for (size_t k = 0; k < n_want; k++) {
        char buf[32];
        local_str("Europe/Helsinki", out->v[k].start_utc, buf, sizeof(buf));
        assert_string_equal(buf, want[k].local);
        assert_memory_equal(out->v[k].local_date, want[k].local, 10);
        assert_int_equal(out->v[k].status, want[k].status);
        if (want[k].note)
            assert_string_equal(out->v[k].note, want[k].note);
        else
            assert_null(out->v[k].note);
    }
}

static void test_exdates(void **state)
{
    (void)state;
    struct local_time ex[] = {lt("2026-09-08"), lt("2026-09-15 10:00"), lt("2026-09-22 11:00")};
    struct recur_spec spec = {
        .tzid = "Europe/Helsinki",
        .start = lt("2026-09-01 10:00"),
        .duration_min = 90,
        .rrule = "FREQ=WEEKLY;BYDAY=TU",
        .exdates = ex,
        .n_exdates = 3,
    };
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-08-31 00:00"), utc("2026-10-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    const struct expect_occ want[] = {
        {"2026-09-01 10:00", OCC_SCHEDULED, NULL},
        {"2026-09-22 10:00", OCC_SCHEDULED, NULL}, /* the 11:00 exdate matches nothing */
        {"2026-09-29 10:00", OCC_SCHEDULED, NULL},
    };
    check_occurrences(&out, want, 3);
    assert_int_equal(out.v[0].end_utc - out.v[0].start_utc, 90 * 60);
    occurrence_list_free(&out);

    /* An all-day series: a date-and-time exdate removes its date. */
    struct local_time ex2[] = {lt("2026-09-08 10:00"), lt("2026-09-22")};
    spec.start = lt("2026-09-01");
    spec.duration_min = 1440;
    spec.exdates = ex2;
    spec.n_exdates = 2;
    assert_int_equal(recur_expand(&spec, utc("2026-08-31 00:00"), utc("2026-10-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    static const char *const days[] = {"2026-09-01", "2026-09-15", "2026-09-29"};
    assert_int_equal(out.n, 3);
    for (size_t k = 0; k < 3; k++) {
        assert_string_equal(out.v[k].local_date, days[k]);
        assert_true(out.v[k].all_day);
    }
    occurrence_list_free(&out);
}

static void test_changes(void **state)
{
    (void)state;
    struct recur_change ch[] = {
        {.original = lt("2026-09-09 17:00"), .status = OCC_CANCELLED, .note = "Syysloma"},
        {.original = lt("2026-09-16"),
         .status = OCC_MOVED,
         .new_start_utc = utc("2026-09-17 15:00"),
         .new_end_utc = utc("2026-09-17 16:30"),
         .location_id = "sali-2",
         .note = "Torstaina"},
        /* Moved from before the window into it. */
        {.original = lt("2026-08-26 17:00"),
         .status = OCC_MOVED,
         .new_start_utc = utc("2026-09-01 09:00"),
         .new_end_utc = 0},
        /* Moved in local time, keeping the usual length. */
        {.original = lt("2026-09-30 17:00"),
         .status = OCC_MOVED,
         .new_local = true,
         .new_start_local = lt("2026-10-01 18:00")},
        {.original = lt("2026-09-23 17:00"), .status = OCC_SCHEDULED, .note = "Vieraana neuvola"},
    };
    struct recur_spec spec = {
        .tzid = "Europe/Helsinki",
        .start = lt("2026-08-19 17:00"),
        .duration_min = 90,
        .rrule = "FREQ=WEEKLY;BYDAY=WE",
        .changes = ch,
        .n_changes = sizeof(ch) / sizeof(ch[0]),
    };
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-08-31 21:00"), utc("2026-10-06 21:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    const struct expect_occ want[] = {
        {"2026-09-01 12:00", OCC_MOVED, NULL},
        {"2026-09-02 17:00", OCC_SCHEDULED, NULL},
        {"2026-09-09 17:00", OCC_CANCELLED, "Syysloma"},
        {"2026-09-17 18:00", OCC_MOVED, "Torstaina"},
        {"2026-09-23 17:00", OCC_SCHEDULED, "Vieraana neuvola"},
        {"2026-10-01 18:00", OCC_MOVED, NULL},
    };
    check_occurrences(&out, want, sizeof(want) / sizeof(want[0]));
    assert_int_equal(out.v[0].end_utc - out.v[0].start_utc, 90 * 60);
    assert_int_equal(out.v[3].end_utc - out.v[3].start_utc, 90 * 60);
    assert_string_equal(out.v[3].location_id, "sali-2");
    assert_null(out.v[2].location_id);
    assert_int_equal(out.v[5].end_utc - out.v[5].start_utc, 90 * 60);
    occurrence_list_free(&out);
}

struct holiday_case {
    const char *name, *start, *rrule, *from, *until;
    const char *expect[12];
};

static const struct holiday_case holiday_cases[] = {
    {"daily around Christmas 2026",
     "2026-12-21 10:00",
     "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
     "2026-12-20 00:00",
     "2027-01-08 00:00",
     {"2026-12-21 10:00", "2026-12-22 10:00", "2026-12-23 10:00", "2026-12-28 10:00",
      "2026-12-29 10:00", "2026-12-30 10:00", "2026-12-31 10:00", "2027-01-04 10:00",
      "2027-01-05 10:00", "2027-01-07 10:00"}},
    {"Mondays and Fridays around Easter 2026 (5.4.)",
     "2026-03-27 10:00",
     "FREQ=WEEKLY;BYDAY=MO,FR",
     "2026-03-25 00:00",
     "2026-04-15 00:00",
     {"2026-03-27 10:00", "2026-03-30 10:00", "2026-04-10 10:00", "2026-04-13 10:00"}},
    {"juhannus 2026: eve 19.6., day 20.6.; COUNT counts the skipped ones",
     "2026-06-17 12:00",
     "FREQ=DAILY;COUNT=6",
     "2026-06-01 00:00",
     "2026-07-01 00:00",
     {"2026-06-17 12:00", "2026-06-18 12:00", "2026-06-21 12:00", "2026-06-22 12:00"}},
    {"Ascension 14.5.2026 and vappu",
     "2026-04-30 09:00",
     "FREQ=WEEKLY;BYDAY=TH,FR",
     "2026-04-29 00:00",
     "2026-05-16 00:00",
     {"2026-04-30 09:00", "2026-05-07 09:00", "2026-05-08 09:00", "2026-05-15 09:00"}},
};

static void test_skip_holidays(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(holiday_cases) / sizeof(holiday_cases[0]); i++) {
        const struct holiday_case *c = &holiday_cases[i];
        print_message("case: %s\n", c->name);
        struct recur_spec spec = {
            .tzid = "Europe/Helsinki",
            .start = lt(c->start),
            .duration_min = 60,
            .rrule = c->rrule,
            .skip_holidays = true,
        };
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(
            recur_expand(&spec, utc(c->from), utc(c->until), 100, &out, err, sizeof(err)),
            RECUR_OK);
        size_t want = 0;
        while (want < 12 && c->expect[want])
            want++;
        assert_int_equal(out.n, want);
        for (size_t k = 0; k < out.n; k++) {
            char buf[32];
            local_str("Europe/Helsinki", out.v[k].start_utc, buf, sizeof(buf));
            assert_string_equal(buf, c->expect[k]);
        }
        occurrence_list_free(&out);

        /* Without skip_holidays there are more. */
        spec.skip_holidays = false;
        assert_int_equal(
            recur_expand(&spec, utc(c->from), utc(c->until), 100, &out, err, sizeof(err)),
            RECUR_OK);
        assert_true(out.n > want);
        occurrence_list_free(&out);
    }
}

static void test_holiday_with_changes(void **state)
{
    (void)state;
    /* Moved away from a holiday: kept. Cancelled on a holiday: already gone. */
    struct recur_change ch[] = {
        {.original = lt("2026-12-24"),
         .status = OCC_MOVED,
         .new_local = true,
         .new_start_local = lt("2026-12-23 14:00")},
        {.original = lt("2026-12-25"), .status = OCC_CANCELLED, .note = "Joulu"},
    };
    struct recur_spec spec = {
        .tzid = "Europe/Helsinki",
        .start = lt("2026-12-17 10:00"),
        .duration_min = 60,
        .rrule = "FREQ=WEEKLY;BYDAY=TH,FR",
        .changes = ch,
        .n_changes = 2,
        .skip_holidays = true,
    };
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-12-20 00:00"), utc("2027-01-03 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    const struct expect_occ want[] = {
        {"2026-12-23 14:00", OCC_MOVED, NULL}, {"2026-12-31 10:00", OCC_SCHEDULED, NULL},
        /* Friday 1.1.2027 is uudenvuodenpäivä: skipped too. */
    };
    check_occurrences(&out, want, 2);
    occurrence_list_free(&out);
}

/* ---- all-day and floating ------------------------------------------------ */

static void test_all_day(void **state)
{
    (void)state;
    struct recur_spec spec = {
        .tzid = "Europe/Helsinki",
        .start = lt("2026-03-22"),
        .duration_min = 2 * 1440,
        .rrule = "FREQ=WEEKLY;COUNT=3",
    };
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-03-01 00:00"), utc("2026-05-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 3);
    static const char *const starts[] = {"2026-03-21 22:00Z", "2026-03-28 22:00Z",
                                         "2026-04-04 21:00Z"};
    static const char *const ends[] = {"2026-03-23 22:00Z", "2026-03-30 21:00Z",
                                       "2026-04-06 21:00Z"};
    static const char *const dates[] = {"2026-03-22", "2026-03-29", "2026-04-05"};
    for (size_t k = 0; k < 3; k++) {
        char buf[32];
        utc_str(out.v[k].start_utc, buf, sizeof(buf));
        assert_string_equal(buf, starts[k]);
        utc_str(out.v[k].end_utc, buf, sizeof(buf));
        assert_string_equal(buf, ends[k]);
        assert_string_equal(out.v[k].local_date, dates[k]);
        assert_true(out.v[k].all_day);
    }
    occurrence_list_free(&out);

    /* A one-day event with no length given lasts one day. */
    spec.rrule = NULL;
    spec.duration_min = 0;
    spec.start = lt("2026-12-24");
    assert_int_equal(recur_expand(&spec, utc("2026-12-01 00:00"), utc("2027-01-01 00:00"), 100,
                                  &out, err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 1);
    assert_int_equal(out.v[0].start_utc, utc("2026-12-23 22:00"));
    assert_int_equal(out.v[0].end_utc, utc("2026-12-24 22:00"));
    occurrence_list_free(&out);
}

static void test_floating(void **state)
{
    (void)state;
    static const struct {
        const char *default_tzid, *expect_utc;
    } cases[] = {
        {"Europe/Helsinki", "2026-06-01 09:00Z"},
        {"Europe/Stockholm", "2026-06-01 10:00Z"},
        {NULL, "2026-06-01 12:00Z"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct recur_spec spec = {
            .tzid = NULL,
            .default_tzid = cases[i].default_tzid,
            .start = lt("2026-06-01 12:00"),
            .duration_min = 30,
        };
        struct occurrence_list out = {0};
        char err[256];
        assert_int_equal(recur_expand(&spec, utc("2026-05-01 00:00"), utc("2026-07-01 00:00"), 10,
                                      &out, err, sizeof(err)),
                         RECUR_OK);
        assert_int_equal(out.n, 1);
        char buf[32];
        utc_str(out.v[0].start_utc, buf, sizeof(buf));
        assert_string_equal(buf, cases[i].expect_utc);
        assert_int_equal(out.v[0].end_utc - out.v[0].start_utc, 30 * 60);
        occurrence_list_free(&out);
    }
}

static void test_cap_and_append(void **state)
{
    (void)state;
    struct recur_spec spec = {
        .tzid = "Europe/Helsinki",
        .start = lt("2026-09-01 10:00"),
        .duration_min = 60,
        .rrule = "FREQ=DAILY;COUNT=10",
    };
    struct occurrence_list out = {0};
    char err[256];
    /* Appends after what is there, sorted among themselves. */
    out.v = calloc(4, sizeof(*out.v));
    out.cap = 4;
    out.n = 1;
    out.v[0].start_utc = utc("2030-01-01 00:00");
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2026-10-01 00:00"), 10, &out,
                                  err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 11);
    assert_int_equal(out.v[0].start_utc, utc("2030-01-01 00:00"));
    for (size_t k = 2; k < out.n; k++)
        assert_true(out.v[k - 1].start_utc < out.v[k].start_utc);
    assert_int_equal(out.v[1].start_utc, utc("2026-09-01 07:00"));
    out.n = 0;
    assert_int_equal(recur_expand(&spec, utc("2026-08-01 00:00"), utc("2026-10-01 00:00"), 9, &out,
                                  err, sizeof(err)),
                     RECUR_TOO_MANY);
    assert_string_equal(err, "the activity has more than 9 instances in the calendar window");
    assert_int_equal(out.n, 0);
    occurrence_list_free(&out);
}

/* ---- conversions and defined zones --------------------------------------- */

static void test_conversions(void **state)
{
    (void)state;
    static const struct {
        const char *tzid, *local;
        bool ok;
        const char *utc;
    } cases[] = {
        {"Europe/Helsinki", "2026-01-15 12:00", true, "2026-01-15 10:00"},
        {"Europe/Helsinki", "2026-07-15 12:00", true, "2026-07-15 09:00"},
        {"Europe/Helsinki", "2026-03-29 02:59", true, "2026-03-29 00:59"},
        {"Europe/Helsinki", "2026-03-29 03:00", false, NULL},
        {"Europe/Helsinki", "2026-03-29 04:00", true, "2026-03-29 01:00"},
        {"Europe/Helsinki", "2026-10-25 03:30", true, "2026-10-25 00:30"},
        {"Europe/Helsinki", "2026-10-25 04:00", true, "2026-10-25 02:00"},
        {"Europe/Helsinki", "2026-12-24", true, "2026-12-23 22:00"},
        {"America/New_York", "2026-07-04 09:00", true, "2026-07-04 13:00"},
        {"Asia/Tehran", "2026-01-15 12:00", true, "2026-01-15 08:30"},
        {"Etc/UTC", "2026-01-15 12:00", true, "2026-01-15 12:00"},
        {"Nowhere/Town", "2026-01-15 12:00", false, NULL},
        {NULL, "2026-01-15 12:00", false, NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t u = -1;
        bool ok = recur_local_to_utc(cases[i].tzid, lt(cases[i].local), &u);
        assert_int_equal(ok, cases[i].ok);
        if (!ok)
            continue;
        assert_int_equal(u, utc(cases[i].utc));
        if (!lt(cases[i].local).date_only) {
            struct local_time back;
            assert_true(recur_utc_to_local(cases[i].tzid, u, &back));
            char buf[32];
            snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d", back.year, back.month, back.day,
                     back.hour, back.minute);
            assert_string_equal(buf, cases[i].local);
        }
    }
    struct local_time l;
    assert_false(recur_utc_to_local("Nowhere/Town", 0, &l));
    /* The second 3.30 of the fall-back night reads as 3.30 too. */
    assert_true(recur_utc_to_local("Europe/Helsinki", utc("2026-10-25 01:30"), &l));
    assert_int_equal(l.hour, 3);
    assert_int_equal(l.minute, 30);
}

static const char custom_zone[] = "BEGIN:VTIMEZONE\r\n"
                                  "TZID:Suomen aika\r\n"
                                  "BEGIN:STANDARD\r\n"
                                  "DTSTART:16011028T040000\r\n"
                                  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                                  "TZOFFSETFROM:+0300\r\n"
                                  "TZOFFSETTO:+0200\r\n"
                                  "END:STANDARD\r\n"
                                  "BEGIN:DAYLIGHT\r\n"
                                  "DTSTART:16010325T030000\r\n"
                                  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                                  "TZOFFSETFROM:+0200\r\n"
                                  "TZOFFSETTO:+0300\r\n"
                                  "END:DAYLIGHT\r\n"
                                  "END:VTIMEZONE\r\n";

static void test_defined_zone(void **state)
{
    (void)state;
    const char *name = recur_zone_define("Suomen aika", custom_zone);
    assert_non_null(name);
    assert_string_equal(name, "Suomen aika");
    /* The same definition again gives the same name; a different one another. */
    assert_ptr_equal(recur_zone_define("Suomen aika", custom_zone), name);
    char other[sizeof(custom_zone)];
    memcpy(other, custom_zone, sizeof(custom_zone));
    memcpy(strstr(other, "TZOFFSETTO:+0300"), "TZOFFSETTO:+0400", 16);
    const char *name2 = recur_zone_define("Suomen aika", other);
    assert_non_null(name2);
    assert_string_equal(name2, "Suomen aika (2)");
    assert_null(recur_zone_define("Broken", "BEGIN:VTIMEZONE\r\nTZID:Broken\r\nEND:VTIMEZONE\r\n"));
    assert_null(recur_zone_define("Broken", "not a zone"));

    struct recur_spec spec = {
        .tzid = name,
        .start = lt("2026-03-22 09:30"),
        .duration_min = 60,
        .rrule = "FREQ=WEEKLY;COUNT=2",
    };
    struct occurrence_list out = {0};
    char err[256];
    assert_int_equal(recur_expand(&spec, utc("2026-03-01 00:00"), utc("2026-05-01 00:00"), 10, &out,
                                  err, sizeof(err)),
                     RECUR_OK);
    assert_int_equal(out.n, 2);
    assert_int_equal(out.v[0].start_utc, utc("2026-03-22 07:30"));
    assert_int_equal(out.v[1].start_utc, utc("2026-03-29 06:30"));
    occurrence_list_free(&out);
    int64_t u;
    assert_false(recur_local_to_utc(name, lt("2027-03-28 03:30"), &u));
    recur_zones_free();
    assert_false(recur_local_to_utc("Suomen aika", lt("2026-01-01 12:00"), &u));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc_examples),
        cmocka_unit_test(test_dst),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_exdates),
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_skip_holidays),
        cmocka_unit_test(test_holiday_with_changes),
        cmocka_unit_test(test_all_day),
        cmocka_unit_test(test_floating),
        cmocka_unit_test(test_cap_and_append),
        cmocka_unit_test(test_conversions),
        cmocka_unit_test(test_defined_zone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
