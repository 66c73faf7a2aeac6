/* Tests of the weekly summary: ISO weeks to dates (year boundaries, years
 * with 53 weeks, bad input), and stats_top/stats_sum over a week of a
 * counter file. */
#include "ui/summary.h"
#include "data/stats.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static void test_weeks(void **state)
{
    (void)state;
    static const struct {
        const char *week, *from, *to; /* from NULL: refused */
    } cases[] = {
        {"2026-W48", "2026-11-23", "2026-11-29"},
        {"2026-W01", "2025-12-29", "2026-01-04"},
        {"2026-W53", "2026-12-28", "2027-01-03"},
        {"2020-W53", "2020-12-28", "2021-01-03"},
        {"2021-W01", "2021-01-04", "2021-01-10"},
        {"2021-W53", NULL, NULL},
        {"2026-W00", NULL, NULL},
        {"2026-48", NULL, NULL},
        {"2026-W4", NULL, NULL},
        {"2026-W48x", NULL, NULL},
        {"", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char from[11] = "", to[11] = "";
        bool ok = summary_parse_week(cases[i].week, from, to);
        print_message("week %s\n", cases[i].week);
        assert_int_equal(ok, cases[i].from != NULL);
        if (ok) {
            assert_string_equal(from, cases[i].from);
            assert_string_equal(to, cases[i].to);
        }
    }
}

static void test_top(void **state)
{
    (void)state;
    char path[64], err[256];
    snprintf(path, sizeof(path), "/tmp/aula-summary-%ld.db", (long)getpid());
    struct stats *st = stats_open(path, 0, err, sizeof(err));
    assert_non_null(st);
    for (int i = 0; i < 3; i++)
        assert_true(stats_count(st, "2026-11-23", STATS_CATEGORY, "neuvola"));
    assert_true(stats_count(st, "2026-11-29", STATS_CATEGORY, "kahvila"));
    assert_true(stats_count(st, "2026-11-29", STATS_CATEGORY, "neuvola"));
    /* The week after: not in W48. */
    for (int i = 0; i < 9; i++)
        assert_true(stats_count(st, "2026-11-30", STATS_CATEGORY, "kahvila"));
    struct stats_row rows[4];
    size_t n = stats_top(st, STATS_CATEGORY, "2026-11-23", "2026-11-29", rows, 4);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].key, "neuvola");
    assert_int_equal(rows[0].n, 4);
    assert_string_equal(rows[1].key, "kahvila");
    assert_int_equal(rows[1].n, 1);
    assert_int_equal(stats_sum(st, STATS_CATEGORY, "2026-11-23", "2026-11-29"), 5);
    assert_int_equal(stats_sum(st, STATS_CATEGORY, NULL, NULL), 14);
    assert_int_equal(stats_top(st, STATS_CATEGORY, NULL, NULL, rows, 1), 1);
    assert_string_equal(rows[0].key, "kahvila");
    stats_close(st);
    char wal[80];
    unlink(path);
    snprintf(wal, sizeof(wal), "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof(wal), "%s-shm", path);
    unlink(wal);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weeks),
        cmocka_unit_test(test_top),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
