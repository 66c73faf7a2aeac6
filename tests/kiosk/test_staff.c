/* Unit tests of the staff menu's parts that need no display: PIN rules,
 * hashing and checking (argon2id through libsodium, also on the worker
 * thread), the lock-out driven by a test clock, the hash check aula.conf
 * uses, status.json as aula-sync writes it, today's usage counts, and the
 * status page's rows — which give numbers, never what was counted. */
#include "ui/staff_status.h"
#include "ui/staffpin.h"
#include "ui/strings.h"
#include "data/stats.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/aula-test-staff-XXXXXX");
    if (!mkdtemp(tmpdir) || !staffpin_init())
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_pin_rules(void **state)
{
    (void)state;
    char err[256];
    assert_true(staffpin_valid("2468", err, sizeof(err)));
    assert_true(staffpin_valid("012345678901", err, sizeof(err)));
    assert_false(staffpin_valid("123", err, sizeof(err)));
    assert_non_null(strstr(err, "4 to 12 digits (it has 3)"));
    assert_false(staffpin_valid("0123456789012", err, sizeof(err)));
    assert_false(staffpin_valid("12a4", err, sizeof(err)));
    assert_non_null(strstr(err, "only have digits"));
    assert_false(staffpin_valid("", err, sizeof(err)));
}

static void test_hash_and_verify(void **state)
{
    (void)state;
    char h1[STAFFPIN_HASH_MAX], h2[STAFFPIN_HASH_MAX], err[256];
    assert_true(staffpin_hash("2468", h1, err, sizeof(err)));
    assert_true(staffpin_hash("2468", h2, err, sizeof(err)));
    /* argon2id, the interactive limits, and a fresh salt every time. */
    assert_int_equal(strncmp(h1, "$argon2id$v=19$m=65536,t=2,p=1$", 31), 0);
    assert_string_not_equal(h1, h2);
    assert_true(staffpin_hash_ok(h1, err, sizeof(err)));
    assert_true(staffpin_verify(h1, "2468"));
    assert_true(staffpin_verify(h2, "2468"));
    assert_false(staffpin_verify(h1, "2469"));
    assert_false(staffpin_verify(h1, "24680"));
    assert_false(staffpin_verify(h1, ""));
    /* The PIN itself is not in the hash. */
    assert_null(strstr(h1, "2468"));
    assert_false(staffpin_hash("12", h1, err, sizeof(err)));
}

static void test_hash_check(void **state)
{
    (void)state;
    char h[STAFFPIN_HASH_MAX], err[256], bad[STAFFPIN_HASH_MAX + 8];
    assert_true(staffpin_hash("97531", h, err, sizeof(err)));
    static const char *const wrong_kind[] = {"", "2468", "$2y$10$abcdefghijklmnopqrstuv",
                                             "$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA",
                                             "argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"};
    for (size_t i = 0; i < sizeof(wrong_kind) / sizeof(wrong_kind[0]); i++) {
        assert_false(staffpin_hash_ok(wrong_kind[i], err, sizeof(err)));
        assert_non_null(strstr(err, "not an argon2id PIN hash"));
    }
    /* Cut short, or with its parameters garbled. */
    snprintf(bad, sizeof(bad), "%.40s", h);
    assert_false(staffpin_hash_ok(bad, err, sizeof(err)));
    assert_non_null(strstr(err, "damaged"));
    snprintf(bad, sizeof(bad), "$argon2id$v=19$m=x,t=2,p=1$%s", h + 31);
    assert_false(staffpin_hash_ok(bad, err, sizeof(err)));
}

static void test_lockout(void **state)
{
    (void)state;
    struct staffpin_lock l = {0};
    int64_t t = 1795000000; /* the test's clock */
    assert_int_equal(staffpin_locked(&l, t), 0);
    for (int i = 1; i < STAFFPIN_TRIES; i++) {
        assert_int_equal(staffpin_failed(&l, t + i), STAFFPIN_TRIES - i);
        assert_int_equal(staffpin_locked(&l, t + i), 0);
    }
    /* The fifth wrong PIN locks for five minutes. */
    int64_t at = t + 10;
    assert_int_equal(staffpin_failed(&l, at), 0);
    assert_int_equal(staffpin_locked(&l, at), 300);
    assert_int_equal(staffpin_locked(&l, at + 1), 299);
    assert_int_equal(staffpin_locked(&l, at + 299), 1);
    assert_int_equal(staffpin_locked(&l, at + 300), 0);
    /* After the lock: five more tries. */
    assert_int_equal(staffpin_failed(&l, at + 301), STAFFPIN_TRIES - 1);
    /* A right PIN starts the count again. */
    staffpin_passed(&l);
    for (int i = 1; i < STAFFPIN_TRIES; i++)
        assert_int_equal(staffpin_failed(&l, at + 400), STAFFPIN_TRIES - i);
    assert_int_equal(staffpin_failed(&l, at + 400), 0);
    /* A clock set back by an hour does not make the lock an hour longer. */
    assert_int_equal(staffpin_locked(&l, at + 400 - 3600), 300);
    assert_int_equal(staffpin_locked(&l, at + 400 - 3600 + 300), 0);
}

static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static int notified;

static void on_done(void *ctx)
{
    pthread_mutex_lock(&notify_lock);
    notified += *(int *)ctx;
    pthread_mutex_unlock(&notify_lock);
}

static void test_worker(void **state)
{
    (void)state;
    char h[STAFFPIN_HASH_MAX], err[256];
    assert_true(staffpin_hash("1357", h, err, sizeof(err)));
    int one = 1;
    struct staffpin_check *c = staffpin_check_start(h, "1357", on_done, &one);
    assert_non_null(c);
    assert_int_equal(staffpin_check_poll(c, true), STAFFPIN_RIGHT);
    assert_int_equal(staffpin_check_poll(c, false), STAFFPIN_RIGHT); /* stays */
    staffpin_check_free(c);
    c = staffpin_check_start(h, "7531", on_done, &one);
    assert_non_null(c);
    /* Not blocking: pending at first (a check takes tens of ms at least). */
    enum staffpin_result r;
    int polls = 0;
    while ((r = staffpin_check_poll(c, false)) == STAFFPIN_PENDING) {
        polls++;
        usleep(2000);
    }
    assert_int_equal(r, STAFFPIN_WRONG);
    assert_true(polls > 0);
    staffpin_check_free(c);
    pthread_mutex_lock(&notify_lock);
    assert_int_equal(notified, 2);
    pthread_mutex_unlock(&notify_lock);
    /* Freed while still checking: waits for the worker, no leak. */
    staffpin_check_free(staffpin_check_start(h, "0000", NULL, NULL));
    staffpin_check_free(NULL);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_sync_status(void **state)
{
    (void)state;
    struct staff_sync s;
    char dir[300], path[400];
    snprintf(dir, sizeof(dir), "%s/data", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    staff_sync_read(dir, &s); /* never synced */
    assert_false(s.have);
    assert_string_equal(s.problem, "");
    snprintf(path, sizeof(path), "%s/status.json", dir);
    write_file(path, "{\n  \"data_dir\": \"/var/lib/aula\",\n  \"current_version\": 12,\n"
                     "  \"last_attempt\": \"2026-11-24T07:00:00Z\",\n"
                     "  \"last_result\": \"refused\",\n"
                     "  \"last_message\": \"site.aula.minisig: no trusted key\",\n"
                     "  \"last_success\": null\n}\n");
    staff_sync_read(dir, &s);
    assert_true(s.have);
    assert_int_equal(s.last_attempt, 1795503600);
    assert_int_equal(s.last_success, 0);
    assert_string_equal(s.result, "refused");
    assert_string_equal(s.message, "site.aula.minisig: no trusted key");
    write_file(path, "{\n  \"last_result\": \"installed\",\n  oops\n}\n");
    staff_sync_read(dir, &s);
    assert_false(s.have);
    assert_non_null(strstr(s.problem, "status.json:3:"));
}

static const struct staff_row *row(const struct staff_row *rows, size_t n, enum str_id label)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].label, str_get("en", label)) == 0)
            return &rows[i];
    return NULL;
}

static void test_rows(void **state)
{
    (void)state;
    struct staff_facts f;
    memset(&f, 0, sizeof(f));
    snprintf(f.tz, sizeof(f.tz), "Europe/Helsinki");
    f.version = "1.2.3";
    f.have_content = true;
    f.content_version = 42;
    f.today = 20781; /* 2026-11-24 */
    f.valid_from = 20780;
    f.valid_until = 20784;
    f.sync.have = true;
    f.sync.last_attempt = 1795503600; /* 9.00 in Helsinki */
    snprintf(f.sync.result, sizeof(f.sync.result), "installed");
    f.have_disk = true;
    f.disk_free = 12300000000ull;
    f.disk_total = 31000000000ull;
    f.kiosk_up = 2 * 3600 + 5 * 60;
    f.system_up = 3 * 86400 + 4 * 3600;
    f.printer = STAFF_PRINTER_ON;
    f.slips_left = 17;
    struct staff_row rows[STAFF_MAX_ROWS];
    size_t n = staff_rows(&f, "en", rows, STAFF_MAX_ROWS);
    assert_true(n >= 8);
    assert_string_equal(row(rows, n, S_STAFF_CONTENT)->value, "Version 42");
    const struct staff_row *v = row(rows, n, S_STAFF_VALID);
    assert_string_equal(v->detail, "3 days left");
    assert_true(v->warn); /* less than a week */
    assert_string_equal(row(rows, n, S_STAFF_SYNC)->value,
                        "Tue 24 Nov 9:00: new content installed");
    assert_string_equal(row(rows, n, S_STAFF_DISK)->value, "12.3 GB free of 31.0 GB");
    assert_string_equal(row(rows, n, S_STAFF_UPTIME)->value, "Kiosk 2 h 5 min, device 3 d 4 h");
    assert_string_equal(row(rows, n, S_STAFF_VERSION)->value, "aula 1.2.3");
    assert_string_equal(row(rows, n, S_STAFF_PRINTER)->detail, "17 slips left today");
    assert_string_equal(row(rows, n, S_STAFF_USAGE)->value, "Counters off");
    /* Finnish: a decimal comma. */
    n = staff_rows(&f, "fi", rows, STAFF_MAX_ROWS);
    assert_non_null(strstr(rows[3].value, "12,3 GB"));
    /* Expired content, no content. */
    f.today = 20790;
    n = staff_rows(&f, "en", rows, STAFF_MAX_ROWS);
    assert_string_equal(row(rows, n, S_STAFF_VALID)->detail, "Expired 6 days ago");
    f.have_content = false;
    f.printer = STAFF_PRINTER_NONE;
    n = staff_rows(&f, "en", rows, STAFF_MAX_ROWS);
    assert_string_equal(row(rows, n, S_STAFF_CONTENT)->value, "No content");
    assert_true(row(rows, n, S_STAFF_CONTENT)->warn);
    assert_null(row(rows, n, S_STAFF_VALID));
    assert_string_equal(row(rows, n, S_STAFF_PRINTER)->value, "No printer");
}

/* The usage row: counts of today only, and nothing that was counted. */
static void test_usage_counts_only(void **state)
{
    (void)state;
    char path[300], err[256];
    snprintf(path, sizeof(path), "%s/stats.db", tmpdir);
    struct stats *st = stats_open(path, 30, err, sizeof(err));
    assert_non_null(st);
    const char *today = "2026-11-24";
    for (int i = 0; i < 3; i++)
        assert_true(stats_count(st, today, STATS_SCREEN, "home"));
    assert_true(stats_count(st, today, STATS_SCREEN, "detail"));
    assert_true(stats_count(st, today, STATS_SERVICE, "turvakoti"));
    assert_true(stats_count(st, today, STATS_SEARCH, "found"));
    assert_true(stats_count(st, today, STATS_SEARCH, "empty"));
    assert_true(stats_count(st, today, STATS_QR, "vcard"));
    assert_true(stats_count(st, today, STATS_LANGUAGE, "uk"));
    assert_true(stats_count(st, "2026-11-23", STATS_SCREEN, "home")); /* yesterday */
    struct staff_facts f;
    memset(&f, 0, sizeof(f));
    snprintf(f.tz, sizeof(f.tz), "Europe/Helsinki");
    f.counting = stats_day_totals(st, today, f.counts);
    assert_true(f.counting);
    assert_int_equal(f.counts[STATS_SCREEN], 4);
    assert_int_equal(f.counts[STATS_SERVICE], 1);
    assert_int_equal(f.counts[STATS_SEARCH], 2);
    assert_int_equal(f.counts[STATS_PRINT], 0);
    struct staff_row rows[STAFF_MAX_ROWS];
    size_t n = staff_rows(&f, "en", rows, STAFF_MAX_ROWS);
    const struct staff_row *u = row(rows, n, S_STAFF_USAGE);
    assert_string_equal(u->value, "4 screens opened, 2 searches");
    assert_string_equal(u->detail, "1 QR codes shown, 0 slips printed");
    /* No key of the counters anywhere on the page. */
    static const char *const keys[] = {"home",  "detail", "turvakoti", "found",
                                       "empty", "vcard",  "uk"};
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
            if (strstr(rows[i].value, keys[k]) || strstr(rows[i].detail, keys[k]))
                fail_msg("row \"%s\" shows the counted key \"%s\"", rows[i].label, keys[k]);
        }
    stats_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pin_rules),  cmocka_unit_test(test_hash_and_verify),
        cmocka_unit_test(test_hash_check), cmocka_unit_test(test_lockout),
        cmocka_unit_test(test_worker),     cmocka_unit_test(test_sync_status),
        cmocka_unit_test(test_rows),       cmocka_unit_test(test_usage_counts_only),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
