/* import_test: helpers shared by the importer tests: reading fixtures,
 * running an importer on in-memory JSON, checking a written folder with
 * aula-pack check and building it into a snapshot to query. */
#ifndef AULA_TESTS_IMPORT_TEST_H
#define AULA_TESTS_IMPORT_TEST_H

#include "base/diag.h"
#include "data/db.h"
#include "data/snapshot.h"
#include "import/folder.h"
#include "import/importer.h"
#include "pack/build.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IMPORT_FIXTURES AULA_SOURCE_DIR "/tests/fixtures/import"

typedef bool (*import_fn)(const struct import_input *, size_t, const struct import_options *,
                          struct folder *, struct diag_list *);

static inline char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* A fresh, empty output folder name. */
static inline const char *test_outdir(const char *tag)
{
    static char dir[256];
    snprintf(dir, sizeof(dir), "/tmp/aula-import-test-%s-%ld", tag, (long)getpid());
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return dir;
}

static inline struct pack_options test_pack_options(void)
{
    struct pack_options o = {0};
    assert_true(build_parse_instant("2026-11-23T10:00:00Z", &o.now_utc));
    o.content_version = 7;
    return o;
}

/* Runs `aula-pack check dir`; returns its status, stderr text in *errtext. */
static inline int test_check(const char *dir, char **errtext)
{
    char *eb = NULL, *ob = NULL;
    size_t el = 0, ol = 0;
    FILE *err = open_memstream(&eb, &el), *out = open_memstream(&ob, &ol);
    struct pack_options o = test_pack_options();
    int rc = build_check(dir, &o, out, err);
    fclose(err);
    fclose(out);
    free(ob);
    if (errtext)
        *errtext = eb;
    else
        free(eb);
    return rc;
}

/* Builds dir into a snapshot and opens it. */
static inline struct db *test_build(const char *dir)
{
    static char path[300];
    snprintf(path, sizeof(path), "%s.aula", dir);
    char *eb = NULL, *ob = NULL;
    size_t el = 0, ol = 0;
    FILE *err = open_memstream(&eb, &el), *out = open_memstream(&ob, &ol);
    struct pack_options o = test_pack_options();
    int rc = build_build(dir, path, &o, out, err);
    fclose(err);
    fclose(out);
    if (rc != 0)
        fprintf(stderr, "%s", eb);
    assert_int_equal(rc, 0);
    free(eb);
    free(ob);
    struct db *db;
    char msg[512];
    assert_int_equal(snapshot_open(path, false, &db, msg, sizeof(msg)), SNAPSHOT_OK);
    return db;
}

static inline int64_t test_count(struct db *db, const char *sql)
{
    return db_query_int(db, sql);
}

/* The text of one query result ("" if none), copied into a static buffer. */
static inline const char *test_text(struct db *db, const char *sql)
{
    static char buf[2048];
    struct db_stmt *st = db_prepare(db, sql);
    assert_non_null(st);
    buf[0] = '\0';
    if (db_step(st) == DB_ROW)
        snprintf(buf, sizeof(buf), "%s", db_col_text(st, 0));
    db_finalize(st);
    return buf;
}

/* Imports one in-memory document named name; returns the diagnostics
 * formatted one per line (caller frees) and whether the import was ok. */
static inline char *test_import_text(import_fn fn, const char *name, const char *json, bool *ok)
{
    struct import_input in = {name, json, strlen(json)};
    struct import_options opt = {0};
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    *ok = fn(&in, 1, &opt, &f, &d);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    diag_print(&d, m);
    fclose(m);
    diag_list_free(&d);
    folder_free(&f);
    return buf;
}

struct bad_case {
    const char *json;
    const char *message; /* the exact diagnostic line expected */
    bool error;          /* an error (nothing written) or just a warning */
};

static inline void test_bad_cases(import_fn fn, const char *name, const struct bad_case *cases,
                                  size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool ok;
        char *text = test_import_text(fn, name, cases[i].json, &ok);
        if (!strstr(text, cases[i].message) || ok == cases[i].error) {
            fprintf(stderr, "case %zu: want \"%s\" (%s), got:\n%s", i, cases[i].message,
                    cases[i].error ? "error" : "warning", text);
            fail();
        }
        free(text);
    }
}

#endif
