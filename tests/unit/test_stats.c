/* Tests for the anonymous counters: counting, refusing free text, export
 * formats, pruning, and surviving kill -9 in the middle of writes. */
#define _GNU_SOURCE /* memmem */
#include "data/stats.h"

#include <stdarg.h>
#include <poll.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char path[128];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof(path), "/tmp/aula-stats-%ld.db", (long)getpid());
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "rm -f %s %s-wal %s-shm", path, path, path);
    return system(cmd) == 0 ? 0 : -1;
}

static struct stats *open_fresh(void)
{
    setup(NULL);
    char err[256];
    struct stats *st = stats_open(path, 30, err, sizeof(err));
    assert_non_null(st);
    return st;
}

static void test_counting(void **state)
{
    (void)state;
    struct stats *st = open_fresh();
    /* A scripted visit: home, a category, a service, language switch, QR. */
    assert_true(stats_count(st, "2026-11-23", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_CATEGORY, "neuvola"));
    assert_true(stats_count(st, "2026-11-23", STATS_SERVICE, "lastenneuvola"));
    assert_true(stats_count(st, "2026-11-23", STATS_SERVICE, "lastenneuvola"));
    assert_true(stats_count(st, "2026-11-24", STATS_SERVICE, "lastenneuvola"));
    assert_true(stats_count(st, "2026-11-23", STATS_LANGUAGE, "ar"));
    assert_true(stats_count(st, "2026-11-23", STATS_QR, "tel"));
    assert_true(stats_count(st, "2026-11-23", STATS_SEARCH, "empty"));
    assert_int_equal(stats_total(st, STATS_SERVICE, "lastenneuvola"), 3);
    assert_int_equal(stats_total(st, STATS_SERVICE, NULL), 3);
    assert_int_equal(stats_total(st, STATS_LANGUAGE, "ar"), 1);
    assert_int_equal(stats_total(st, STATS_FEEDBACK, NULL), 0);
    stats_close(st);
}

static void test_free_text_refused(void **state)
{
    (void)state;
    struct stats *st = open_fresh();
    static const char *const typed[] = {
        "Etsin neuvolaa",
        "Anna Virtanen",
        "lastenvalvoja?",
        "ÄITIYSNEUVOLA",
        "طبيب",
        "x'); DROP TABLE counter; --",
        "",
        "a-very-long-key-that-goes-on-and-on-and-on-beyond-sixty-four-bytes-of-id",
    };
    for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
        assert_false(stats_count(st, "2026-11-23", STATS_SEARCH, typed[i]));
    assert_false(stats_count(st, "23.11.2026 10:15", STATS_SCREEN, "home"));
    assert_false(stats_count(st, "2026-11-23T10:15", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_SEARCH, "empty"));
    stats_close(st);

    /* Nothing typed is anywhere in the file (nor its WAL). */
    static const char *const files[] = {"", "-wal"};
    for (size_t f = 0; f < 2; f++) {
        char p[160];
        snprintf(p, sizeof(p), "%s%s", path, files[f]);
        FILE *fp = fopen(p, "rb");
        if (!fp)
            continue;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
        for (size_t i = 0; i < 5; i++)
            assert_null(memmem(buf, n, typed[i], strlen(typed[i])));
        assert_null(memmem(buf, n, "10:15", 5));
    }
}

static char *export_to_string(struct stats *st, const char *from, const char *to,
                              enum stats_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_true(stats_export(st, from, to, fmt, f));
    fclose(f);
    return buf;
}

static void test_export(void **state)
{
    (void)state;
    struct stats *st = open_fresh();
    assert_true(stats_count(st, "2026-11-22", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_FEEDBACK, "good"));
    assert_true(stats_count(st, "2026-11-24", STATS_PRINT, "service"));
    char *csv = export_to_string(st, "2026-11-23", "2026-11-24", STATS_CSV);
    assert_string_equal(csv, "day,kind,key,count\n"
                             "2026-11-23,feedback,good,1\n"
                             "2026-11-23,screen,home,2\n"
                             "2026-11-24,print,service,1\n");
    free(csv);
    char *json = export_to_string(st, "2026-11-22", "2026-11-22", STATS_JSON);
    assert_string_equal(json,
                        "[\n  {\"day\": \"2026-11-22\", \"kind\": \"screen\", \"key\": \"home\", "
                        "\"count\": 1}\n]\n");
    free(json);
    json = export_to_string(st, "2030-01-01", NULL, STATS_JSON);
    assert_string_equal(json, "[]\n");
    free(json);
    stats_close(st);
}

static void test_prune(void **state)
{
    (void)state;
    struct stats *st = open_fresh(); /* keeps 30 days */
    assert_true(stats_count(st, "2026-10-01", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-10-24", STATS_SCREEN, "home"));
    assert_true(stats_count(st, "2026-11-23", STATS_SCREEN, "home"));
    assert_true(stats_prune(st, "2026-11-23"));
    char *csv = export_to_string(st, NULL, NULL, STATS_CSV);
    assert_string_equal(csv, "day,kind,key,count\n"
                             "2026-10-24,screen,home,1\n"
                             "2026-11-23,screen,home,1\n");
    free(csv);
    stats_close(st);
}

/* A child counts pairs (a screen and a search) in one transaction each,
 * forever; the parent kills it with SIGKILL at random moments. After each
 * kill the file opens, passes SQLite's integrity check and both totals are
 * equal: a pair is counted whole or not at all. Every fourth round waits
 * for the child's first commit before the random delay, so that kills
 * land between commits too, however slow the machine. */
static void test_kill_during_writes(void **state)
{
    (void)state;
    setup(NULL);
    srand((unsigned)time(NULL));
    int64_t last = 0;
    for (int round = 0; round < 60; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            char err[256];
            struct stats *st = stats_open(path, 30, err, sizeof(err));
            if (!st)
                _exit(3);
            for (bool told = false;; told = true) {
                stats_begin(st);
                stats_count(st, "2026-11-23", STATS_SCREEN, "home");
                stats_count(st, "2026-11-23", STATS_SEARCH, "found");
                stats_commit(st);
                if (!told && write(fds[1], "c", 1) != 1)
                    _exit(4);
            }
        }
        close(fds[1]);
        if (round % 4 == 3) {
            struct pollfd pfd = {.fd = fds[0], .events = POLLIN};
            assert_int_equal(poll(&pfd, 1, 30000), 1);
        }
        usleep((useconds_t)(1000 + rand() % 15000));
        kill(pid, SIGKILL);
        close(fds[0]);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status));

        char err[256];
        struct stats *st = stats_open(path, 30, err, sizeof(err));
        assert_non_null(st);
        int64_t a = stats_total(st, STATS_SCREEN, "home");
        int64_t b = stats_total(st, STATS_SEARCH, "found");
        assert_int_equal(a, b);
        assert_true(a >= last);
        last = a;
        stats_close(st);
        char cmd[512];
        snprintf(cmd, sizeof(cmd), "sqlite3 %s 'PRAGMA integrity_check' | grep -qx ok", path);
        assert_int_equal(system(cmd), 0);
    }
    assert_true(last > 0);
}

static void test_kind_names(void **state)
{
    (void)state;
    for (int k = 0; k < STATS_KIND_COUNT; k++) {
        enum stats_kind back;
        assert_true(stats_kind_parse(stats_kind_name((enum stats_kind)k), &back));
        assert_int_equal(back, k);
    }
    enum stats_kind x;
    assert_false(stats_kind_parse("visitor", &x));
}

static int teardown(void **state)
{
    return setup(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counting),   cmocka_unit_test(test_free_text_refused),
        cmocka_unit_test(test_export),     cmocka_unit_test(test_prune),
        cmocka_unit_test(test_kind_names), cmocka_unit_test(test_kill_during_writes),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
