/* calendar: week and now-and-next view models over the occurrence table;
 * see calendar.h. */
#include "domain/calendar.h"
#include "domain/zone.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns 0..18 of every occurrence query; ?1..?4 are the language chain.
 * Columns 15..17 are the facets the calendar filters by: the activity's age
 * groups, categories and languages (space-separated ids), each falling back
 * to its service's when the activity has none of its own. */
#define FACET_TERMS(owner_type, owner_id, kind)                                                    \
    "(SELECT group_concat(et.term_id, ' ') FROM entity_term et JOIN taxonomy_term tt ON tt.id = "  \
    "et.term_id WHERE et.entity_type = '" owner_type "' AND et.entity_id = " owner_id              \
    " AND tt.kind = '" kind "')"
#define FACET_LANGS(owner_type, owner_id)                                                          \
    "(SELECT group_concat(el.lang, ' ') FROM entity_language el WHERE el.entity_type = "           \
    "'" owner_type "' AND el.entity_id = " owner_id ")"
/* clang-format off */
#define ITEM_SELECT                                                                                \
    "SELECT o.id, o.activity_id, coalesce(a.service_id, ''), o.start_utc, o.end_utc, "             \
    "o.local_date, o.all_day, o.status, substr(ai.name, 1, 4096), ai.lang, "                       \
    "substr(ni.note, 1, 4096), ni.lang, substr(li.name, 1, 4096), li.lang, "                       \
    "ai.price, "                                                                                   \
    "coalesce(" FACET_TERMS("activity", "a.id", "age_group") ", "                                  \
        FACET_TERMS("service", "a.service_id", "age_group") ", ''), "                              \
    "coalesce(" FACET_TERMS("activity", "a.id", "category") ", "                                   \
        FACET_TERMS("service", "a.service_id", "category") ", ''), "                               \
    "coalesce(" FACET_LANGS("activity", "a.id") ", " FACET_LANGS("service", "a.service_id") ", ''), " \
    "substr(ai.description, 1, 4096) " /* the sorter holds rows: cut texts first */             \
    "FROM occurrence o JOIN activity a ON a.id = o.activity_id "                                   \
    "LEFT JOIN activity_i18n ai ON ai.id = a.id AND ai.lang = "                                    \
        I18N_BEST("activity_i18n", "a.id") " "                                                     \
    "LEFT JOIN occurrence_i18n ni ON ni.id = o.id AND ni.lang = "                                  \
        I18N_BEST("occurrence_i18n", "o.id") " "                                                   \
    "LEFT JOIN location_i18n li ON li.id = coalesce(o.location_id, a.location_id) AND li.lang = "  \
        I18N_BEST("location_i18n", "coalesce(o.location_id, a.location_id)")
/* clang-format on */

int64_t calendar_monday(int64_t day)
{
    struct civil_date d = civil_from_days(day);
    return day - (civil_weekday(d.year, d.month, d.day) - 1);
}

void calendar_iso_week(int64_t day, int *iso_year, int *iso_week)
{
    int64_t thursday = calendar_monday(day) + 3;
    struct civil_date t = civil_from_days(thursday);
    int64_t jan1 = civil_to_days(t.year, 1, 1);
    *iso_year = t.year;
    *iso_week = (int)((thursday - jan1) / 7) + 1;
}

static void read_item(struct content *c, struct db_stmt *st, const char *lang, struct cal_item *it)
{
    memset(it, 0, sizeof(*it));
    it->id = db_col_int(st, 0);
    it->activity_id = xstrdup(db_col_text(st, 1));
    it->service_id = xstrdup(db_col_text(st, 2));
    it->start_utc = db_col_int(st, 3);
    it->end_utc = db_col_int(st, 4);
    it->all_day = db_col_int(st, 6) != 0;
    const char *status = db_col_text(st, 7);
    it->status = strcmp(status, "cancelled") == 0 ? CAL_CANCELLED
                 : strcmp(status, "moved") == 0   ? CAL_MOVED
                                                  : CAL_SCHEDULED;
    i18n_text_col(&it->name, st, 8, 9, lang);
    i18n_text_col(&it->note, st, 10, 11, lang);
    i18n_text_col(&it->place, st, 12, 13, lang);
    i18n_text_set(&it->price, db_col_text(st, 14), it->name.lang, lang);
    it->ages = xstrdup(db_col_text(st, 15));
    it->cats = xstrdup(db_col_text(st, 16));
    /* No language given: the site's own. */
    it->langs = xstrdup(db_col_text(st, 17)[0] ? db_col_text(st, 17) : c->default_lang);
    i18n_text_set(&it->description, db_col_text(st, 18), it->name.lang, lang);
    struct civil_date d;
    if (civil_parse_date(db_col_text(st, 5), &d))
        it->day = civil_to_days(d.year, d.month, d.day);
    struct zone_time zs, ze;
    zone_to_local(c->tz, it->start_utc, &zs);
    zone_to_local(c->tz, it->end_utc, &ze);
    if (!it->day)
        it->day = zs.days;
    it->start_min = zs.minutes;
    it->end_min = ze.minutes;
}

void calendar_item_free(struct cal_item *it)
{
    free(it->activity_id);
    free(it->service_id);
    i18n_text_free(&it->name);
    i18n_text_free(&it->note);
    i18n_text_free(&it->place);
    i18n_text_free(&it->price);
    i18n_text_free(&it->description);
    free(it->ages);
    free(it->cats);
    free(it->langs);
    memset(it, 0, sizeof(*it));
}

bool calendar_week_load(struct content *c, const char *lang, int64_t day, int64_t today,
                        struct cal_week *w)
{
    memset(w, 0, sizeof(*w));
    w->monday = calendar_monday(day);
    calendar_iso_week(w->monday, &w->iso_year, &w->iso_week);
    char from[11], to[11];
    civil_format(civil_from_days(w->monday), from);
    civil_format(civil_from_days(w->monday + 6), to);
    for (int i = 0; i < 7; i++) {
        w->days[i].day = w->monday + i;
        w->days[i].weekday = i + 1;
        w->days[i].today = w->monday + i == today;
        i18n_text_set(&w->days[i].holiday_name, "", NULL, NULL);
    }
    if ((c->valid_from && w->monday < c->valid_from) ||
        (c->valid_until && w->monday + 6 > c->valid_until))
        w->outside_window = true;

    struct db_stmt *st =
        db_prepare(c->db, "SELECT h.date, h.is_eve, hi.name, hi.lang "
                          "FROM holiday h LEFT JOIN holiday_i18n hi ON hi.date = "
                          "h.date AND hi.lang = (SELECT lang FROM holiday_i18n x "
                          "WHERE x.date = h.date ORDER BY " I18N_RANK(
                              "x.lang") ", x.lang LIMIT 1) WHERE h.date BETWEEN ?5 AND ?6");
    if (!st) {
        calendar_week_free(w); /* nothing half-loaded for the caller */
        return false;
    }
    i18n_bind(st, lang);
    db_bind_text(st, 5, from);
    db_bind_text(st, 6, to);
    while (db_step(st) == DB_ROW) {
        struct civil_date d;
        if (!civil_parse_date(db_col_text(st, 0), &d))
            continue;
        int64_t i = civil_to_days(d.year, d.month, d.day) - w->monday;
        if (i < 0 || i > 6)
            continue;
        w->days[i].holiday = true;
        w->days[i].holiday_is_eve = db_col_int(st, 1) != 0;
        i18n_text_col(&w->days[i].holiday_name, st, 2, 3, lang);
    }
    db_finalize(st);

    /* At most CAL_DAY_MAX_ITEMS a day, chosen on the occurrence table
     * alone: a snapshot with 100,000 on one day costs milliseconds. */
    st = db_prepare(c->db, ITEM_SELECT " WHERE o.local_date BETWEEN ?5 AND ?6 AND o.id IN ("
                                       "SELECT id FROM (SELECT id, row_number() OVER (PARTITION "
                                       "BY local_date ORDER BY all_day DESC, start_utc, id) AS k "
                                       "FROM occurrence WHERE local_date BETWEEN ?5 AND ?6) "
                                       "WHERE k <= ?7) "
                                       "ORDER BY o.local_date, o.all_day DESC, o.start_utc, o.id");
    if (!st) {
        calendar_week_free(w); /* nothing half-loaded for the caller */
        return false;
    }
    i18n_bind(st, lang);
    db_bind_text(st, 5, from);
    db_bind_text(st, 6, to);
    db_bind_int(st, 7, CAL_DAY_MAX_ITEMS);
    while (db_step(st) == DB_ROW) {
        struct cal_item it;
        read_item(c, st, lang, &it);
        int64_t i = it.day - w->monday;
        if (i < 0 || i > 6) {
            calendar_item_free(&it);
            continue;
        }
        struct cal_day *dd = &w->days[i];
        XGROW(dd->items, dd->cap, dd->n + 1);
        dd->items[dd->n++] = it;
    }
    db_finalize(st);
    return true;
}

void calendar_week_free(struct cal_week *w)
{
    for (int i = 0; i < 7; i++) {
        for (size_t j = 0; j < w->days[i].n; j++)
            calendar_item_free(&w->days[i].items[j]);
        free(w->days[i].items);
        i18n_text_free(&w->days[i].holiday_name);
    }
    memset(w, 0, sizeof(*w));
}

size_t calendar_now_next(struct content *c, const char *lang, int64_t now, struct cal_item *out,
                         size_t cap)
{
    char today[11];
    civil_format(civil_from_days(content_today(c, now)), today);
    struct db_stmt *st =
        db_prepare(c->db, ITEM_SELECT " WHERE o.local_date = ?5 AND o.end_utc > ?6 "
                                      "ORDER BY o.start_utc > ?6, o.all_day, o.start_utc, o.id");
    if (!st)
        return 0;
    i18n_bind(st, lang);
    db_bind_text(st, 5, today);
    db_bind_int(st, 6, now);
    size_t n = 0;
    while (n < cap && db_step(st) == DB_ROW) {
        read_item(c, st, lang, &out[n]);
        out[n].now = out[n].start_utc <= now;
        n++;
    }
    db_finalize(st);
    return n;
}

size_t calendar_upcoming_for_service(struct content *c, const char *lang, const char *service_id,
                                     int64_t now, struct cal_item *out, size_t cap)
{
    struct db_stmt *st =
        db_prepare(c->db, ITEM_SELECT " WHERE a.service_id = ?5 AND o.end_utc > ?6 "
                                      "ORDER BY o.start_utc, o.id LIMIT ?7");
    if (!st)
        return 0;
    i18n_bind(st, lang);
    db_bind_text(st, 5, service_id);
    db_bind_int(st, 6, now);
    db_bind_int(st, 7, (int64_t)cap);
    size_t n = 0;
    while (n < cap && db_step(st) == DB_ROW) {
        read_item(c, st, lang, &out[n]);
        out[n].now = out[n].start_utc <= now;
        n++;
    }
    db_finalize(st);
    return n;
}

/* ---- filters ---- */

/* True if the space-separated list has word. */
static bool list_has(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, word, n) == 0)
            return true;
        p += len;
    }
    return false;
}

bool calendar_filter_active(const struct cal_filter *f)
{
    return f->age[0] || f->cat[0] || f->lang[0];
}

static char *facet_slot(struct cal_filter *f, enum cal_facet facet, size_t *cap)
{
    switch (facet) {
    case CAL_FACET_AGE:
        *cap = sizeof(f->age);
        return f->age;
    case CAL_FACET_CAT:
        *cap = sizeof(f->cat);
        return f->cat;
    case CAL_FACET_LANG:
        *cap = sizeof(f->lang);
        return f->lang;
    default:
        return NULL;
    }
}

bool calendar_filter_set(struct cal_filter *f, enum cal_facet facet, const char *value)
{
    size_t cap = 0;
    char *slot = facet_slot(f, facet, &cap);
    if (!slot || strlen(value) >= cap || strchr(value, ' '))
        return false;
    snprintf(slot, cap, "%s", value);
    return true;
}

const char *calendar_filter_get(const struct cal_filter *f, enum cal_facet facet)
{
    size_t cap;
    /* facet_slot only locates the field; nothing is written through it here. */
    const char *slot = facet_slot((struct cal_filter *)f, facet, &cap);
    return slot ? slot : "";
}

bool calendar_item_matches(const struct cal_item *it, const struct cal_filter *f)
{
    if (f->age[0] && it->ages[0] && !list_has(it->ages, f->age))
        return false;
    if (f->cat[0] && !list_has(it->cats, f->cat))
        return false;
    if (f->lang[0] && !list_has(it->langs, f->lang))
        return false;
    return true;
}

size_t calendar_day_count(const struct cal_day *d, const struct cal_filter *f)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += calendar_item_matches(&d->items[i], f);
    return n;
}

static void add_option(struct cal_options *o, enum cal_facet facet, size_t *cap, const char *id,
                       struct db_stmt *st, int text_col, int lang_col, const char *lang)
{
    XGROW(o->v[facet], *cap, o->n[facet] + 1);
    struct cal_option *op = &o->v[facet][o->n[facet]++];
    memset(op, 0, sizeof(*op));
    snprintf(op->id, sizeof(op->id), "%s", id);
    if (lang_col >= 0)
        i18n_text_col(&op->name, st, text_col, lang_col, lang);
    else
        i18n_text_set(&op->name, db_col_text(st, text_col), lang, lang);
    if (!op->name.s[0]) /* no name in any language: the id */
        i18n_text_set(&op->name, id, lang, lang);
}

bool calendar_options_load(struct content *c, const char *lang, struct cal_options *o)
{
    memset(o, 0, sizeof(*o));
    /* Terms of activities, and of services that have activities. */
    struct db_stmt *st = db_prepare(
        c->db, "SELECT t.id, t.kind, ti.name, ti.lang FROM taxonomy_term t "
               "LEFT JOIN taxonomy_term_i18n ti ON ti.id = t.id AND ti.lang = " I18N_BEST(
                   "taxonomy_term_i18n", "t.id") " WHERE EXISTS (SELECT 1 FROM entity_term et "
                                                 "WHERE et.term_id = t.id AND "
                                                 "(et.entity_type = 'activity' OR "
                                                 "(et.entity_type = 'service' AND et.entity_id IN "
                                                 "(SELECT service_id FROM activity)))) "
                                                 "ORDER BY t.kind, t.sort_order, t.id");
    if (!st)
        return false;
    i18n_bind(st, lang);
    size_t cap[CAL_NFACETS] = {0};
    while (db_step(st) == DB_ROW) {
        enum cal_facet f =
            strcmp(db_col_text(st, 1), "age_group") == 0 ? CAL_FACET_AGE : CAL_FACET_CAT;
        add_option(o, f, &cap[f], db_col_text(st, 0), st, 2, 3, lang);
    }
    db_finalize(st);
    /* Languages activities (or their services) are offered in, and the
     * site's own, in the content's button order, by their own names. */
    st = db_prepare(c->db, "SELECT x.lang, coalesce(l.native_name, x.lang) FROM "
                           "(SELECT lang FROM entity_language WHERE entity_type = 'activity' OR "
                           "(entity_type = 'service' AND entity_id IN "
                           "(SELECT service_id FROM activity)) UNION SELECT ?1) x "
                           "LEFT JOIN language l ON l.code = x.lang "
                           "ORDER BY coalesce(l.sort_order, 1000000), x.lang");
    if (!st)
        return false;
    db_bind_text(st, 1, c->default_lang);
    while (db_step(st) == DB_ROW)
        add_option(o, CAL_FACET_LANG, &cap[CAL_FACET_LANG], db_col_text(st, 0), st, 1, -1,
                   db_col_text(st, 0));
    db_finalize(st);
    return true;
}

void calendar_options_free(struct cal_options *o)
{
    for (int f = 0; f < CAL_NFACETS; f++) {
        for (size_t i = 0; i < o->n[f]; i++)
            i18n_text_free(&o->v[f][i].name);
        free(o->v[f]);
    }
    memset(o, 0, sizeof(*o));
}

const struct cal_option *calendar_option_find(const struct cal_options *o, enum cal_facet facet,
                                              const char *id)
{
    if ((int)facet < 0 || facet >= CAL_NFACETS)
        return NULL;
    for (size_t i = 0; i < o->n[facet]; i++)
        if (strcmp(o->v[facet][i].id, id) == 0)
            return &o->v[facet][i];
    return NULL;
}
