/* snapshot: validity checks and the embedded schema for aula snapshots. */
#include "data/snapshot.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void copy_meta(struct db *db, const char *key, char *dst, size_t cap)
{
    dst[0] = '\0';
    struct db_stmt *st = db_prepare(db, "SELECT value FROM snapshot_meta WHERE key = ?1");
    if (!st)
        return;
    db_bind_text(st, 1, key);
    if (db_step(st) == DB_ROW)
        snprintf(dst, cap, "%s", db_col_text(st, 0));
    db_finalize(st);
}

enum snapshot_status snapshot_open(const char *path, bool full_check, struct db **out, char *msg,
                                   size_t msgcap)
{
    *out = NULL;
    if (access(path, R_OK) != 0) {
        snprintf(msg, msgcap, "%s: cannot read snapshot: %s", path, strerror(errno));
        return SNAPSHOT_MISSING;
    }
    struct db *db = db_open_readonly(path, msg, msgcap);
    if (!db)
        return SNAPSHOT_NOT_SQLITE;
    enum snapshot_status st = SNAPSHOT_OK;
    int64_t app = db_query_int(db, "PRAGMA application_id");
    if (app == -1 && db_query_int(db, "PRAGMA user_version") == -1) {
        snprintf(msg, msgcap, "%s: not an aula snapshot (not an SQLite database: %s)", path,
                 db_errmsg(db));
        st = SNAPSHOT_NOT_SQLITE;
        goto fail;
    }
    if (app != SNAPSHOT_APPLICATION_ID) {
        snprintf(msg, msgcap,
                 "%s: not an aula snapshot (application_id is 0x%08llX, expected 0x%08X)", path,
                 (unsigned long long)app & 0xFFFFFFFFull, SNAPSHOT_APPLICATION_ID);
        st = SNAPSHOT_NOT_AULA;
        goto fail;
    }
    int64_t ver = db_query_int(db, "PRAGMA user_version");
    if (ver != SNAPSHOT_SCHEMA_VERSION) {
        snprintf(msg, msgcap,
                 "%s: snapshot schema version %lld is not supported (this program reads "
                 "version %d); update aula",
                 path, (long long)ver, SNAPSHOT_SCHEMA_VERSION);
        st = ver > SNAPSHOT_SCHEMA_VERSION ? SNAPSHOT_NEWER : SNAPSHOT_CORRUPT;
        goto fail;
    }
    {
        struct db_stmt *q =
            db_prepare(db, full_check ? "PRAGMA integrity_check" : "PRAGMA quick_check");
        const char *res = q && db_step(q) == DB_ROW ? db_col_text(q, 0) : "cannot run check";
        if (strcmp(res, "ok") != 0) {
            snprintf(msg, msgcap, "%s: snapshot is damaged: %s", path, res);
            db_finalize(q);
            st = SNAPSHOT_CORRUPT;
            goto fail;
        }
        db_finalize(q);
    }
    {
        /* aula-pack writes tables and indexes only: a view or trigger was
         * added afterwards, by something else. */
        struct db_stmt *q = db_prepare(db, "SELECT type, name FROM sqlite_schema "
                                           "WHERE type IN ('view', 'trigger') LIMIT 1");
        if (q && db_step(q) == DB_ROW) {
            snprintf(msg, msgcap,
                     "%s: not an aula snapshot as built (it has a %s \"%.64s\" added after "
                     "the build); refused",
                     path, db_col_text(q, 0), db_col_text(q, 1));
            db_finalize(q);
            st = SNAPSHOT_NOT_AULA;
            goto fail;
        }
        db_finalize(q);
    }
    if (db_query_int(db, "SELECT count(*) FROM snapshot_meta WHERE key = 'content_version'") != 1 ||
        db_query_int(db, "SELECT count(*) FROM site") != 1) {
        snprintf(msg, msgcap, "%s: snapshot is incomplete (no content_version or site): %s", path,
                 db_errmsg(db));
        st = SNAPSHOT_CORRUPT;
        goto fail;
    }
    *out = db;
    msg[0] = '\0';
    return SNAPSHOT_OK;
fail:
    db_close(db);
    return st;
}

struct db *snapshot_create(const char *path, char *msg, size_t msgcap)
{
    struct db *db = db_open_create(path, msg, msgcap);
    if (!db)
        return NULL;
    if (!db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                     "PRAGMA page_size = 4096;") ||
        !db_exec(db, snapshot_schema_sql)) {
        snprintf(msg, msgcap, "%s: cannot create schema: %s", path, db_errmsg(db));
        db_close(db);
        return NULL;
    }
    return db;
}

bool snapshot_read_info(struct db *db, struct snapshot_info *info)
{
    memset(info, 0, sizeof(*info));
    char buf[32];
    copy_meta(db, "content_version", buf, sizeof(buf));
    info->content_version = strtoll(buf, NULL, 10);
    info->schema_version = (int)db_query_int(db, "PRAGMA user_version");
    copy_meta(db, "built_at", info->built_at, sizeof(info->built_at));
    copy_meta(db, "valid_from", info->valid_from, sizeof(info->valid_from));
    copy_meta(db, "valid_until", info->valid_until, sizeof(info->valid_until));
    copy_meta(db, "site_id", info->site_id, sizeof(info->site_id));
    copy_meta(db, "region_id", info->region_id, sizeof(info->region_id));
    copy_meta(db, "default_language", info->default_language, sizeof(info->default_language));
    copy_meta(db, "timezone", info->timezone, sizeof(info->timezone));
    copy_meta(db, "generator", info->generator, sizeof(info->generator));
    struct db_stmt *st = db_prepare(db, "SELECT code FROM language ORDER BY sort_order");
    if (!st)
        return false;
    size_t len = 0;
    while (db_step(st) == DB_ROW && len + 20 < sizeof(info->languages)) {
        int n = snprintf(info->languages + len, sizeof(info->languages) - len, "%s%s",
                         len ? " " : "", db_col_text(st, 0));
        len += (size_t)n;
    }
    db_finalize(st);
    return info->content_version > 0;
}
