/* Tests for csvfile: separators, BOM, CRLF, quoting, line numbers and the
 * messages for files that cannot be read. */
#include "pack/csvfile.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct good_case {
    const char *name;
    const char *data;
    char sep;
    size_t ncols, nrows;
    size_t row;        /* row to look at */
    const char *col;   /* column to look at */
    const char *value; /* expected cell */
    int line;          /* expected line of that row */
};

static const struct good_case good[] = {
    {"plain", "id,name@fi\na,Aa\nb,Bb\n", ',', 2, 2, 1, "name@fi", "Bb", 3},
    {"bom", "\xEF\xBB\xBFid,name@fi\na,Aa\n", ',', 2, 1, 0, "id", "a", 2},
    {"crlf", "id,name@fi\r\na,Aa\r\nb,Bb\r\n", ',', 2, 2, 1, "name@fi", "Bb", 3},
    {"semicolon", "id;name@fi;description@fi\na;Aa;yksi, kaksi\n", ';', 3, 1, 0, "description@fi",
     "yksi, kaksi", 2},
    {"quoted comma", "id,name@fi\na,\"Aa, bb\"\n", ',', 2, 1, 0, "name@fi", "Aa, bb", 2},
    {"quoted quote", "id,name@fi\na,\"say \"\"hei\"\"\"\n", ',', 2, 1, 0, "name@fi", "say \"hei\"",
     2},
    {"multi-line cell keeps start line", "id,name@fi\na,\"one\ntwo\"\nb,Bb\n", ',', 2, 2, 1, "id",
     "b", 4},
    {"blank lines skipped", "id,name@fi\n\na,Aa\n\n\nb,Bb\n", ',', 2, 2, 1, "id", "b", 6},
    {"no final newline", "id,name@fi\na,Aa", ',', 2, 1, 0, "name@fi", "Aa", 2},
    {"missing trailing cells", "id,name@fi,phone\na,Aa\n", ',', 3, 1, 0, "phone", "", 2},
    {"spaces trimmed", "id , name@fi\n a ,  Aa  \n", ',', 2, 1, 0, "name@fi", "Aa", 2},
    {"unicode", "id,name@ar\na,عيادة صحة الطفل\n", ',', 2, 1, 0, "name@ar", "عيادة صحة الطفل", 2},
};

static void test_good(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        const struct good_case *c = &good[i];
        struct csv_table t;
        struct diag_list d;
        diag_list_init(&d);
        bool ok = csvfile_parse(c->data, strlen(c->data), "x.csv", &t, &d);
        if (!ok || d.n)
            diag_print(&d, stderr);
        print_message("case %s\n", c->name);
        assert_true(ok);
        assert_int_equal(d.errors, 0);
        assert_int_equal(t.sep, c->sep);
        assert_int_equal(t.ncols, c->ncols);
        assert_int_equal(t.nrows, c->nrows);
        assert_string_equal(csvfile_cell(&t, c->row, csvfile_col(&t, c->col)), c->value);
        assert_int_equal(t.rows[c->row].line, c->line);
        csvfile_free(&t);
        diag_list_free(&d);
    }
}

struct bad_case {
    const char *name;
    const char *data;
    size_t len; /* 0 = strlen */
    bool usable;
    const char *message;
};

static const struct bad_case bad[] = {
    {"empty", "", 0, false, "x.csv: error: empty file (expected a header row)"},
    {"only bom", "\xEF\xBB\xBF", 3, false, "x.csv: error: empty file (expected a header row)"},
    {"latin-1", "id,name@fi\na,P\xE4iv\xE4koti\n", 0, false,
     "x.csv:2: error: invalid UTF-8 (byte 0xE4 at column 4); save the file as UTF-8 "
     "(\"CSV UTF-8\" in spreadsheet programs)"},
    {"unclosed quote", "id,name@fi\na,\"Aa\nb,Bb\n", 0, false,
     "x.csv:2: error: a quoted cell starting on this row is never closed (missing \")"},
    {"extra cells", "id,name@fi\na,Aa,Bb\n", 0, true,
     "x.csv:2: error: row has 3 cells but the header has 2 columns (a separator inside a cell "
     "that is not quoted?)"},
    {"duplicate column", "id,id\na,b\n", 0, true,
     "x.csv:1: id: error: column appears twice in the header"},
};

static void test_bad(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const struct bad_case *c = &bad[i];
        struct csv_table t;
        struct diag_list d;
        diag_list_init(&d);
        print_message("case %s\n", c->name);
        bool ok = csvfile_parse(c->data, c->len ? c->len : strlen(c->data), "x.csv", &t, &d);
        assert_int_equal(ok, c->usable);
        assert_true(d.errors >= 1);
        char buf[1024];
        diag_format(&d.v[0], buf, sizeof(buf));
        assert_string_equal(buf, c->message);
        csvfile_free(&t);
        diag_list_free(&d);
    }
}

static void test_missing_and_huge_files(void **state)
{
    (void)state;
    struct csv_table t;
    struct diag_list d;
    diag_list_init(&d);
    assert_false(csvfile_load("/nonexistent/dir/services.csv", "services.csv", &t, &d));
    assert_true(diag_contains(&d, "services.csv: error: cannot open: No such file or directory"));
    csvfile_free(&t);

    /* A 50 MB file (sparse, so the test stays cheap) is refused unread. */
    char path[] = "/tmp/aula-huge-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 50 * 1000 * 1000), 0);
    close(fd);
    assert_false(csvfile_load(path, "big.csv", &t, &d));
    assert_true(diag_contains(
        &d, "big.csv: error: file is 47.7 MiB, more than the 32 MiB a content file may have"));
    unlink(path);
    csvfile_free(&t);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_missing_and_huge_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
