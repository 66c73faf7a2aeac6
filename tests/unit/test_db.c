/* data/db: statements of a read-only database are reused after
 * db_finalize. A reused statement must behave as a new one: no bindings
 * or position left over, independent of a statement of the same text in
 * use at the same time, and still right after many others pushed it out. */
#include "data/db.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[256];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof(path), "/tmp/aula-test-db-%ld.sqlite", (long)getpid());
    char err[256];
    struct db *db = db_open_create(path, err, sizeof(err));
    if (!db)
        return -1;
    bool ok = db_exec(db, "CREATE TABLE t(n INTEGER);"
                          "INSERT INTO t VALUES (1), (2), (3);");
    db_close(db);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static const char *const Q = "SELECT n FROM t WHERE n >= ?1 ORDER BY n";

/* Rows of Q from lo, as a number: 1,2,3 -> 123; 0 for none. */
static int64_t rows(struct db *db, struct db_stmt *st, int64_t lo, bool bind)
{
    (void)db;
    if (bind)
        assert_true(db_bind_int(st, 1, lo));
    int64_t v = 0;
    while (db_step(st) == DB_ROW)
        v = v * 10 + db_col_int(st, 0);
    return v;
}

static void test_reuse_is_like_new(void **state)
{
    (void)state;
    char err[256];
    struct db *db = db_open_readonly(path, err, sizeof(err));
    assert_non_null(db);

    /* Stopped after one row, with a binding: both must be gone. */
    struct db_stmt *st = db_prepare(db, Q);
    assert_non_null(st);
    assert_true(db_bind_int(st, 1, 2));
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_col_int(st, 0), 2);
    db_finalize(st);

    st = db_prepare(db, Q);
    assert_non_null(st);
    assert_int_equal(rows(db, st, 0, false), 0); /* ?1 is NULL again: no row */
    db_reset(st);
    assert_int_equal(rows(db, st, 1, true), 123);

    /* The same text in use twice at once: two statements. */
    struct db_stmt *other = db_prepare(db, Q);
    assert_non_null(other);
    assert_ptr_not_equal(other, st);
    assert_true(db_bind_int(other, 1, 3));
    db_reset(st);
    assert_true(db_bind_int(st, 1, 2));
    assert_int_equal(db_step(other), DB_ROW);
    assert_int_equal(db_step(st), DB_ROW);
    assert_int_equal(db_col_int(other, 0), 3);
    assert_int_equal(db_col_int(st, 0), 2);
    db_finalize(other);
    db_finalize(st);

    /* Many other statements push it out of the kept ones; still right. */
    for (int i = 0; i < 100; i++) {
        char sql[64];
        snprintf(sql, sizeof(sql), "SELECT %d + n FROM t WHERE n = 1", i);
        struct db_stmt *s = db_prepare(db, sql);
        assert_non_null(s);
        assert_int_equal(db_step(s), DB_ROW);
        assert_int_equal(db_col_int(s, 0), i + 1);
        db_finalize(s);
    }
    st = db_prepare(db, Q);
    assert_int_equal(rows(db, st, 2, true), 23);
    db_finalize(st);

    /* A statement that does not compile is still refused. */
    assert_null(db_prepare(db, "SELECT nothing FROM nowhere"));
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reuse_is_like_new),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
