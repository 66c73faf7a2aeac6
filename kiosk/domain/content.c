/* content: opening a snapshot for the kiosk; see content.h. */
#include "domain/content.h"
#include "domain/zone.h"
#include "base/civil.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t parse_day(const char *s)
{
    struct civil_date d;
    return civil_parse_date(s, &d) ? civil_to_days(d.year, d.month, d.day) : 0;
}

static bool load_site(struct content *c, char *msg, size_t cap)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT id, timezone, default_language FROM site");
    if (!st || db_step(st) != DB_ROW) {
        snprintf(msg, cap, "the snapshot has no site row: %s", db_errmsg(c->db));
        db_finalize(st);
        return false;
    }
    snprintf(c->site_id, sizeof(c->site_id), "%s", db_col_text(st, 0));
    snprintf(c->tz, sizeof(c->tz), "%s", db_col_text(st, 1));
    snprintf(c->default_lang, sizeof(c->default_lang), "%s", db_col_text(st, 2));
    db_finalize(st);
    if (!c->tz[0])
        snprintf(c->tz, sizeof(c->tz), "%s", ZONE_DEFAULT);
    if (!c->default_lang[0])
        snprintf(c->default_lang, sizeof(c->default_lang), "fi");

    st = db_prepare(c->db, "SELECT code, native_name, direction, ui_translated FROM language "
                           "ORDER BY sort_order, code");
    if (!st) {
        snprintf(msg, cap, "cannot read languages: %s", db_errmsg(c->db));
        return false;
    }
    size_t cap_langs = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(c->langs, cap_langs, c->nlangs + 1);
        struct content_lang *l = &c->langs[c->nlangs++];
        memset(l, 0, sizeof(*l));
        snprintf(l->code, sizeof(l->code), "%s", db_col_text(st, 0));
        snprintf(l->native, sizeof(l->native), "%s", db_col_text(st, 1));
        l->rtl = strcmp(db_col_text(st, 2), "rtl") == 0;
        l->ui = db_col_int(st, 3) != 0;
    }
    db_finalize(st);
    return true;
}

enum snapshot_status content_open(const char *path, struct content **out, char *msg, size_t cap)
{
    *out = NULL;
    struct db *db = NULL;
    enum snapshot_status rc = snapshot_open(path, false, &db, msg, cap);
    if (rc != SNAPSHOT_OK)
        return rc;
    struct content *c = xcalloc(1, sizeof(*c));
    c->db = db;
    snapshot_read_info(db, &c->info);
    if (!load_site(c, msg, cap)) {
        content_close(c);
        return SNAPSHOT_CORRUPT;
    }
    c->valid_from = parse_day(c->info.valid_from);
    c->valid_until = parse_day(c->info.valid_until);
    if (c->info.built_at[0] && !zone_parse_instant(c->info.built_at, c->tz, &c->built_at))
        c->built_at = 0;
    *out = c;
    return SNAPSHOT_OK;
}

void content_configure(struct content *c, const char *languages, const char *default_lang)
{
    if (languages && languages[0]) {
        struct content_lang *kept = xcalloc(c->nlangs ? c->nlangs : 1, sizeof(*kept));
        size_t n = 0;
        for (const char *p = languages; *p;) {
            p += strspn(p, " ,");
            size_t len = strcspn(p, " ,");
            if (!len)
                break;
            char code[16];
            snprintf(code, sizeof(code), "%.*s", (int)len, p);
            p += len;
            const struct content_lang *l = content_lang(c, code);
            bool dup = false;
            for (size_t i = 0; i < n; i++)
                dup = dup || strcmp(kept[i].code, code) == 0;
            if (!l)
                LOG_WARN("languages: the content has no \"%s\"; it is not offered", code);
            else if (!dup && n < c->nlangs)
                kept[n++] = *l;
        }
        if (n == 0) {
            LOG_WARN("languages: none of \"%s\" is in the content; offering its own", languages);
            free(kept);
        } else {
            free(c->langs);
            c->langs = kept;
            c->nlangs = n;
        }
    }
    const char *def = default_lang && default_lang[0] ? default_lang : NULL;
    if (def && !content_lang(c, def))
        LOG_WARN("default_language: \"%s\" is not offered; using \"%s\"", def, c->default_lang);
    else if (def)
        snprintf(c->default_lang, sizeof(c->default_lang), "%s", def);
    /* The default must be offered: else the first offered language. */
    if (c->nlangs && !content_lang(c, c->default_lang))
        snprintf(c->default_lang, sizeof(c->default_lang), "%s", c->langs[0].code);
}

void content_close(struct content *c)
{
    if (!c)
        return;
    db_close(c->db);
    free(c->langs);
    free(c);
}

const struct content_lang *content_lang(const struct content *c, const char *code)
{
    for (size_t i = 0; i < c->nlangs; i++)
        if (strcmp(c->langs[i].code, code) == 0)
            return &c->langs[i];
    return NULL;
}

int64_t content_today(const struct content *c, int64_t now)
{
    struct zone_time zt;
    zone_to_local(c->tz, now, &zt);
    return zt.days;
}

enum content_validity content_check_clock(const struct content *c, int64_t now)
{
    if (c->built_at && now < c->built_at - 86400)
        return CONTENT_CLOCK_BEHIND;
    if (c->valid_until && content_today(c, now) > c->valid_until)
        return CONTENT_EXPIRED;
    return CONTENT_VALID;
}

size_t content_ui_strings(const struct content *c, const char *lang,
                          void (*fn)(void *ctx, const char *msgid, const char *msgstr), void *ctx)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT msgid, msgstr FROM ui_string WHERE lang = ?1");
    if (!st || !db_bind_text(st, 1, lang)) {
        LOG_WARN("cannot read the snapshot's screen texts: %s", db_errmsg(c->db));
        db_finalize(st);
        return 0;
    }
    size_t n = 0;
    while (db_step(st) == DB_ROW) {
        fn(ctx, db_col_text(st, 0), db_col_text(st, 1));
        n++;
    }
    db_finalize(st);
    return n;
}
