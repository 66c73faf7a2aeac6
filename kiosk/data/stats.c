/* stats: the anonymous counter file. Owns its SQLite handle. */
#include "data/stats.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct stats {
    sqlite3 *db;
    sqlite3_stmt *inc;
    int keep_days;
};

static const char *const kind_names[STATS_KIND_COUNT] = {
    "screen", "category", "service", "organization", "language",       "accessibility",
    "print",  "qr",       "search",  "feedback",     "feedback_topic",
};

static const char schema[] = "CREATE TABLE IF NOT EXISTS counter ("
                             "  day  TEXT NOT NULL,"
                             "  kind TEXT NOT NULL,"
                             "  key  TEXT NOT NULL,"
                             "  n    INTEGER NOT NULL,"
                             "  PRIMARY KEY (day, kind, key)"
                             ") WITHOUT ROWID;";

const char *stats_kind_name(enum stats_kind kind)
{
    return kind < STATS_KIND_COUNT ? kind_names[kind] : "?";
}

bool stats_kind_parse(const char *name, enum stats_kind *kind)
{
    for (int i = 0; i < STATS_KIND_COUNT; i++) {
        if (strcmp(kind_names[i], name) == 0) {
            *kind = (enum stats_kind)i;
            return true;
        }
    }
    return false;
}

struct stats *stats_open(const char *path, int keep_days, char *err, size_t errcap)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(err, errcap, "%s: cannot open statistics file: %s", path,
                 db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 2000);
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     "PRAGMA application_id = 1096110932;", /* "AUST" */
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, errcap, "%s: cannot use statistics file: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    struct stats *st = xcalloc(1, sizeof(*st));
    st->db = db;
    st->keep_days = keep_days > 0 ? keep_days : 400;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO counter(day, kind, key, n) VALUES (?1, ?2, ?3, 1) "
                           "ON CONFLICT(day, kind, key) DO UPDATE SET n = n + 1",
                           -1, &st->inc, NULL) != SQLITE_OK) {
        snprintf(err, errcap, "%s: %s", path, sqlite3_errmsg(db));
        stats_close(st);
        return NULL;
    }
    return st;
}

void stats_close(struct stats *st)
{
    if (!st)
        return;
    sqlite3_finalize(st->inc);
    sqlite3_close(st->db);
    free(st);
}

static bool key_ok(const char *key)
{
    size_t n = 0;
    for (const char *p = key; *p; p++, n++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == ':' || c == '.'))
            return false;
    }
    return n > 0 && n <= 64;
}

static bool day_ok(const char *day)
{
    struct civil_date d;
    return strlen(day) == 10 && civil_parse_date(day, &d);
}

bool stats_count(struct stats *st, const char *day, enum stats_kind kind, const char *key)
{
    if (!st || kind >= STATS_KIND_COUNT || !day_ok(day) || !key_ok(key))
        return false;
    sqlite3_bind_text(st->inc, 1, day, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->inc, 2, kind_names[kind], -1, SQLITE_STATIC);
    sqlite3_bind_text(st->inc, 3, key, -1, SQLITE_STATIC);
    bool ok = sqlite3_step(st->inc) == SQLITE_DONE;
    sqlite3_reset(st->inc);
    sqlite3_clear_bindings(st->inc);
    return ok;
}

bool stats_begin(struct stats *st)
{
    return sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
}

bool stats_commit(struct stats *st)
{
    return sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
}

bool stats_prune(struct stats *st, const char *today)
{
    struct civil_date d;
    if (!civil_parse_date(today, &d))
        return false;
    char cutoff[11];
    civil_format(civil_add_days(d, -st->keep_days), cutoff);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "DELETE FROM counter WHERE day < ?1", -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, cutoff, -1, SQLITE_STATIC);
    bool ok = sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    return ok;
}

bool stats_export(struct stats *st, const char *from, const char *to, enum stats_format fmt,
                  FILE *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT day, kind, key, n FROM counter WHERE day >= ?1 AND day <= ?2 "
                           "ORDER BY day, kind, key",
                           -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, from ? from : "0000-00-00", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, to ? to : "9999-99-99", -1, SQLITE_STATIC);
    if (fmt == STATS_CSV)
        fputs("day,kind,key,count\n", out);
    else
        fputs("[", out);
    int rc, rows = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        /* Keys and kinds are ids (checked on the way in): no quoting needed. */
        const char *day = (const char *)sqlite3_column_text(s, 0);
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        const char *key = (const char *)sqlite3_column_text(s, 2);
        long long n = sqlite3_column_int64(s, 3);
        if (fmt == STATS_CSV)
            fprintf(out, "%s,%s,%s,%lld\n", day, kind, key, n);
        else
            fprintf(out,
                    "%s\n  {\"day\": \"%s\", \"kind\": \"%s\", \"key\": \"%s\", "
                    "\"count\": %lld}",
                    rows ? "," : "", day, kind, key, n);
        rows++;
    }
    if (fmt == STATS_JSON)
        fputs(rows ? "\n]\n" : "]\n", out);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE && !ferror(out);
}

int64_t stats_total(struct stats *st, enum stats_kind kind, const char *key)
{
    sqlite3_stmt *s;
    if (kind >= STATS_KIND_COUNT ||
        sqlite3_prepare_v2(st->db,
                           "SELECT coalesce(sum(n), 0) FROM counter WHERE kind = ?1 AND "
                           "(?2 IS NULL OR key = ?2)",
                           -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, kind_names[kind], -1, SQLITE_STATIC);
    if (key)
        sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
    int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return v;
}

bool stats_day_totals(struct stats *st, const char *day, int64_t out[STATS_KIND_COUNT])
{
    for (int k = 0; k < STATS_KIND_COUNT; k++)
        out[k] = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT kind, sum(n) FROM counter WHERE day = ?1 GROUP BY kind",
                           -1, &s, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(s, 1, day, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        enum stats_kind kind;
        if (stats_kind_parse((const char *)sqlite3_column_text(s, 0), &kind))
            out[kind] = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE;
}

size_t stats_top(struct stats *st, enum stats_kind kind, const char *from, const char *to,
                 struct stats_row *out, size_t max)
{
    sqlite3_stmt *s;
    if (kind >= STATS_KIND_COUNT ||
        sqlite3_prepare_v2(st->db,
                           "SELECT key, sum(n) AS t FROM counter WHERE kind = ?1 AND day >= ?2 "
                           "AND day <= ?3 GROUP BY key ORDER BY t DESC, key LIMIT ?4",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, kind_names[kind], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, from ? from : "0000-00-00", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, to ? to : "9999-99-99", -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)max);
    size_t n = 0;
    while (n < max && sqlite3_step(s) == SQLITE_ROW) {
        snprintf(out[n].key, sizeof(out[n].key), "%s", (const char *)sqlite3_column_text(s, 0));
        out[n].n = sqlite3_column_int64(s, 1);
        n++;
    }
    sqlite3_finalize(s);
    return n;
}

int64_t stats_sum(struct stats *st, enum stats_kind kind, const char *from, const char *to)
{
    sqlite3_stmt *s;
    if (kind >= STATS_KIND_COUNT ||
        sqlite3_prepare_v2(st->db,
                           "SELECT coalesce(sum(n), 0) FROM counter WHERE kind = ?1 AND "
                           "day >= ?2 AND day <= ?3",
                           -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, kind_names[kind], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, from ? from : "0000-00-00", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, to ? to : "9999-99-99", -1, SQLITE_STATIC);
    int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return v;
}

bool stats_range(struct stats *st, char from[11], char to[11])
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT min(day), max(day) FROM counter", -1, &s, NULL) !=
        SQLITE_OK)
        return false;
    bool ok = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL;
    if (ok) {
        snprintf(from, 11, "%s", (const char *)sqlite3_column_text(s, 0));
        snprintf(to, 11, "%s", (const char *)sqlite3_column_text(s, 1));
    }
    sqlite3_finalize(s);
    return ok;
}
