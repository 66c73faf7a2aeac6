/* db: SQLite access for the rest of aula. Owns the sqlite3 handles. */
#include "data/db.h"
#include "base/xalloc.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DB_MMAP_BYTES_STR "4194304" /* 4 MiB */

/* Statements of a read-only database are kept for reuse when finalized:
 * the kiosk runs the same few dozen queries on every screen and language
 * switch, and preparing one again costs more than running it. Least
 * recently used first. */
#define STMT_CACHE 48

struct db {
    sqlite3 *h;
    bool reuse;
    int nidle;
    sqlite3_stmt *idle[STMT_CACHE];
};

struct db_stmt {
    sqlite3_stmt *h;
    struct db *db;
};

static struct db *open_with(const char *path, int flags, char *err, size_t errcap)
{
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(path, &h, flags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errcap, "%s: %s", path, h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
        sqlite3_close(h);
        return NULL;
    }
    sqlite3_extended_result_codes(h, 1);
    struct db *db = xcalloc(1, sizeof(*db));
    db->h = h;
    return db;
}

struct db *db_open_readonly(const char *path, char *err, size_t errcap)
{
    struct db *db = open_with(path, SQLITE_OPEN_READONLY, err, errcap);
    if (!db)
        return NULL;
    /* Content comes from outside: no writes, no schema tricks (triggers or
     * views calling functions), no changes to the file even by a bug. */
    sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    sqlite3_db_config(db->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
    sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
    sqlite3_db_config(db->h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
    sqlite3_exec(db->h, "PRAGMA query_only = 1", NULL, NULL, NULL);
    /* Read the file through a memory map instead of one pread() per page:
     * the start-up's quick_check of the 1.3 MB demo snapshot takes 1.3 ms
     * of CPU instead of 9 ms, and queries get cheaper. Safe because a
     * snapshot is never written in place (aula-sync and the USB handler
     * install a new file and rename it over); a file cut short under a
     * running kiosk would stop it with SIGBUS rather than a read error, and
     * the restarted kiosk's quick_check then refuses it. The mapped pages
     * count in the resident size (clean, shared with the page cache), so
     * the map stops at 4 MiB, a centre's content with room to spare;
     * beyond it a larger file is read as before (for 40 MB of content the
     * check's own work dominates: 86 ms read, 69 ms mapped whole). */
    sqlite3_exec(db->h, "PRAGMA mmap_size = " DB_MMAP_BYTES_STR, NULL, NULL, NULL);
    db->reuse = true;
    return db;
}

struct db *db_open_create(const char *path, char *err, size_t errcap)
{
    if (unlink(path) != 0 && access(path, F_OK) == 0) {
        snprintf(err, errcap, "%s: cannot replace existing file", path);
        return NULL;
    }
    return open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errcap);
}

void db_close(struct db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db->nidle; i++)
        sqlite3_finalize(db->idle[i]);
    sqlite3_close(db->h);
    free(db);
}

const char *db_errmsg(struct db *db)
{
    return sqlite3_errmsg(db->h);
}

bool db_exec(struct db *db, const char *sql)
{
    return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
    sqlite3_stmt *h = NULL;
    for (int i = db->nidle - 1; i >= 0 && !h; i--) {
        if (strcmp(sqlite3_sql(db->idle[i]), sql) == 0) {
            h = db->idle[i];
            memmove(&db->idle[i], &db->idle[i + 1], (size_t)(db->nidle - i - 1) * sizeof(h));
            db->nidle--;
        }
    }
    if (!h && sqlite3_prepare_v2(db->h, sql, -1, &h, NULL) != SQLITE_OK)
        return NULL;
    struct db_stmt *st = xmalloc(sizeof(*st));
    st->h = h;
    st->db = db;
    return st;
}

void db_finalize(struct db_stmt *st)
{
    if (!st)
        return;
    struct db *db = st->db;
    if (db->reuse && st->h) {
        sqlite3_reset(st->h);
        sqlite3_clear_bindings(st->h);
        if (db->nidle == STMT_CACHE) { /* the least recently used goes */
            sqlite3_finalize(db->idle[0]);
            memmove(&db->idle[0], &db->idle[1], (STMT_CACHE - 1) * sizeof(db->idle[0]));
            db->nidle--;
        }
        db->idle[db->nidle++] = st->h;
    } else {
        sqlite3_finalize(st->h);
    }
    free(st);
}

bool db_reset(struct db_stmt *st)
{
    sqlite3_clear_bindings(st->h);
    return sqlite3_reset(st->h) == SQLITE_OK;
}

bool db_bind_text(struct db_stmt *st, int idx, const char *s)
{
    if (!s)
        return sqlite3_bind_null(st->h, idx) == SQLITE_OK;
    return sqlite3_bind_text(st->h, idx, s, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

bool db_bind_int(struct db_stmt *st, int idx, int64_t v)
{
    return sqlite3_bind_int64(st->h, idx, v) == SQLITE_OK;
}

bool db_bind_double(struct db_stmt *st, int idx, double v)
{
    return sqlite3_bind_double(st->h, idx, v) == SQLITE_OK;
}

bool db_bind_null(struct db_stmt *st, int idx)
{
    return sqlite3_bind_null(st->h, idx) == SQLITE_OK;
}

bool db_bind_blob(struct db_stmt *st, int idx, const void *p, size_t n)
{
    return sqlite3_bind_blob64(st->h, idx, p, n, SQLITE_TRANSIENT) == SQLITE_OK;
}

enum db_step_result db_step(struct db_stmt *st)
{
    int rc = sqlite3_step(st->h);
    if (rc == SQLITE_ROW)
        return DB_ROW;
    if (rc == SQLITE_DONE)
        return DB_DONE;
    return DB_ERROR;
}

bool db_run(struct db_stmt *st)
{
    enum db_step_result r = db_step(st);
    /* Keep the error message readable before reset clears nothing of it. */
    bool ok = r == DB_DONE || r == DB_ROW;
    sqlite3_reset(st->h);
    sqlite3_clear_bindings(st->h);
    return ok;
}

const char *db_col_text(struct db_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st->h, col);
    return t ? (const char *)t : "";
}

bool db_col_is_null(struct db_stmt *st, int col)
{
    return sqlite3_column_type(st->h, col) == SQLITE_NULL;
}

int64_t db_col_int(struct db_stmt *st, int col)
{
    return sqlite3_column_int64(st->h, col);
}

double db_col_double(struct db_stmt *st, int col)
{
    return sqlite3_column_double(st->h, col);
}

const void *db_col_blob(struct db_stmt *st, int col, size_t *n)
{
    const void *p = sqlite3_column_blob(st->h, col);
    *n = (size_t)sqlite3_column_bytes(st->h, col);
    return p;
}

int64_t db_query_int(struct db *db, const char *sql)
{
    struct db_stmt *st = db_prepare(db, sql);
    if (!st)
        return -1;
    int64_t v = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
    db_finalize(st);
    return v;
}

int64_t db_last_insert_id(struct db *db)
{
    return sqlite3_last_insert_rowid(db->h);
}
