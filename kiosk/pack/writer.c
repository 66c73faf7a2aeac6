/* writer: writes a checked content folder into a new snapshot file
 * (schema.sql): every table, the per-language texts, the expanded
 * occurrences, holidays of the window and the full-text index. The file is
 * written under a temporary name, synced and renamed over the target only
 * when everything succeeded, so a failed build never touches the old one. */
#include "pack/writer.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "data/snapshot.h"
#include "pack/holidays.h"
#include "pack/parts.h"
#include "pack/validate.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct writer {
    const struct content *c;
    struct db *db;
    struct db_stmt *search;
    bool ok;
    char *err;
    size_t errcap;
};

static void fail_db(struct writer *w, const char *what)
{
    if (w->ok)
        snprintf(w->err, w->errcap, "cannot write %s: %s", what, db_errmsg(w->db));
    w->ok = false;
}

static struct db_stmt *prep(struct writer *w, const char *sql)
{
    struct db_stmt *st = db_prepare(w->db, sql);
    if (!st)
        fail_db(w, sql);
    return st;
}

static void run(struct writer *w, struct db_stmt *st, const char *what)
{
    if (st && !db_run(st))
        fail_db(w, what);
}

static const char *cell(const struct content *c, enum content_file f, size_t r, const char *col)
{
    return content_cell(c, f, r, col);
}

static const char *opt_text(const char *s)
{
    return s && *s ? s : NULL;
}

static void bind_opt_int(struct db_stmt *st, int idx, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end)
        db_bind_int(st, idx, v);
    else
        db_bind_null(st, idx);
}

static void bind_tri(struct db_stmt *st, int idx, const char *s)
{
    enum tri t = validate_bool(s);
    if (t == TRI_YES || t == TRI_NO)
        db_bind_int(st, idx, t == TRI_YES);
    else
        db_bind_null(st, idx);
}

static void add_search(struct writer *w, const char *kind, const char *id, const char *lang,
                       const char *title, const char *body)
{
    if (!title || !*title)
        return;
    db_bind_text(w->search, 1, kind);
    db_bind_text(w->search, 2, id);
    db_bind_text(w->search, 3, lang);
    db_bind_text(w->search, 4, title);
    db_bind_text(w->search, 5, body ? body : "");
    struct strbuf parts;
    strbuf_init(&parts);
    parts_of_title(title, &parts);
    db_bind_text(w->search, 6, parts.len ? parts.s : "");
    run(w, w->search, "search index");
    strbuf_free(&parts);
}

/* Indexes a CSV row's name@lang and description@lang for every site language. */
static void index_row(struct writer *w, const char *kind, const char *id, enum content_file f,
                      size_t r)
{
    const struct content *c = w->c;
    for (size_t l = 0; l < c->nlangs; l++) {
        char n[64], d[64];
        snprintf(n, sizeof(n), "name@%s", c->langs[l]);
        snprintf(d, sizeof(d), "description@%s", c->langs[l]);
        add_search(w, kind, id, c->langs[l], cell(c, f, r, n), cell(c, f, r, d));
    }
}

/* Inserts i18n rows (id, lang, field1, field2, ...) for every site language
 * whose first field is given. */
static void put_i18n(struct writer *w, struct db_stmt *st, enum content_file f, size_t r,
                     const char *id, int64_t int_id, const char *const *fields, int nfields)
{
    const struct content *c = w->c;
    for (size_t l = 0; l < c->nlangs && w->ok; l++) {
        char col[64];
        snprintf(col, sizeof(col), "%s@%s", fields[0], c->langs[l]);
        if (!cell(c, f, r, col)[0])
            continue;
        if (id)
            db_bind_text(st, 1, id);
        else
            db_bind_int(st, 1, int_id);
        db_bind_text(st, 2, c->langs[l]);
        for (int i = 0; i < nfields; i++) {
            snprintf(col, sizeof(col), "%s@%s", fields[i], c->langs[l]);
            db_bind_text(st, 3 + i, opt_text(cell(c, f, r, col)));
        }
        run(w, st, content_file_name(f));
    }
}

/* Calls fn for every item of a space-separated list cell. */
struct list_ins {
    struct writer *w;
    struct db_stmt *st;
    const char *a, *b; /* leading bound values */
    bool item_first;
};

static void insert_item(const char *item, bool too_long, void *p)
{
    struct list_ins *x = p;
    if (too_long)
        return;
    int i = 1;
    if (x->item_first)
        db_bind_text(x->st, i++, item);
    if (x->a)
        db_bind_text(x->st, i++, x->a);
    if (x->b)
        db_bind_text(x->st, i++, x->b);
    if (!x->item_first)
        db_bind_text(x->st, i, item);
    run(x->w, x->st, "list");
}

static void insert_list(struct writer *w, struct db_stmt *st, const char *list, const char *a,
                        const char *b, bool item_first)
{
    struct list_ins x = {w, st, a, b, item_first};
    validate_each_item(list, insert_item, &x);
}

static void put_meta(struct writer *w, struct db_stmt *st, const char *k, const char *v)
{
    db_bind_text(st, 1, k);
    db_bind_text(st, 2, v);
    run(w, st, "snapshot_meta");
}

static void write_meta(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO snapshot_meta(key, value) VALUES (?1, ?2)");
    if (!st)
        return;
    char buf[64];
    snprintf(buf, sizeof(buf), "%d", SNAPSHOT_SCHEMA_VERSION);
    put_meta(w, st, "format_version", buf);
    snprintf(buf, sizeof(buf), "%lld", (long long)c->content_version);
    put_meta(w, st, "content_version", buf);
    time_t now = (time_t)c->now_utc;
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
    put_meta(w, st, "built_at", buf);
    civil_format(c->from, buf);
    put_meta(w, st, "valid_from", buf);
    civil_format(c->until, buf);
    put_meta(w, st, "valid_until", buf);
    put_meta(w, st, "site_id", c->site_id);
    put_meta(w, st, "region_id", cell(c, CF_SITE, 0, "region"));
    put_meta(w, st, "default_language", c->default_lang);
    put_meta(w, st, "timezone", c->tz);
    put_meta(w, st, "generator", "aula-pack " AULA_VERSION);
    db_finalize(st);

    st = prep(w, "INSERT INTO source(id, kind, name, licence, attribution) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return;
    db_bind_text(st, 1, "csv");
    db_bind_text(st, 2, "csv");
    db_bind_text(st, 3, "content folder");
    run(w, st, "source");
    for (size_t r = 0; r < c->t[CF_CALENDARS].nrows; r++) {
        db_bind_text(st, 1, cell(c, CF_CALENDARS, r, "file"));
        db_bind_text(st, 2, "ics");
        db_bind_text(st, 3, cell(c, CF_CALENDARS, r, "file"));
        db_bind_text(st, 4, opt_text(cell(c, CF_CALENDARS, r, "licence")));
        db_bind_text(st, 5, opt_text(cell(c, CF_CALENDARS, r, "attribution")));
        run(w, st, "source");
    }
    db_finalize(st);

    /* sources.csv (imported data): a row may also describe "csv" itself */
    st = prep(w, "INSERT OR REPLACE INTO source(id, kind, name, licence, attribution) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (size_t r = 0; st && r < c->t[CF_SOURCES].nrows; r++) {
        db_bind_text(st, 1, cell(c, CF_SOURCES, r, "id"));
        db_bind_text(st, 2, cell(c, CF_SOURCES, r, "kind"));
        db_bind_text(st, 3, cell(c, CF_SOURCES, r, "name"));
        db_bind_text(st, 4, opt_text(cell(c, CF_SOURCES, r, "licence")));
        db_bind_text(st, 5, opt_text(cell(c, CF_SOURCES, r, "attribution")));
        run(w, st, "source");
    }
    db_finalize(st);
}

static void write_site(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO site(id, region_id, default_language, timezone, "
                                 "location_id, phone, email, website) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st)
        return;
    db_bind_text(st, 1, c->site_id);
    db_bind_text(st, 2, opt_text(cell(c, CF_SITE, 0, "region")));
    db_bind_text(st, 3, c->default_lang);
    db_bind_text(st, 4, c->tz);
    db_bind_text(st, 5, opt_text(cell(c, CF_SITE, 0, "location")));
    db_bind_text(st, 6, opt_text(cell(c, CF_SITE, 0, "phone")));
    db_bind_text(st, 7, opt_text(cell(c, CF_SITE, 0, "email")));
    db_bind_text(st, 8, opt_text(cell(c, CF_SITE, 0, "website")));
    run(w, st, "site");
    db_finalize(st);
    st = prep(w, "INSERT INTO site_i18n(id, lang, name, tagline) VALUES (?1, ?2, ?3, ?4)");
    static const char *const f[] = {"name", "tagline"};
    if (st)
        put_i18n(w, st, CF_SITE, 0, c->site_id, 0, f, 2);
    db_finalize(st);

    st = prep(w, "INSERT INTO language(code, native_name, direction, ui_translated, sort_order) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (size_t i = 0; st && i < c->nlangs; i++) {
        const char *native = c->langs[i];
        bool rtl = false, ui = false;
        content_language(c, c->langs[i], &native, &rtl, &ui);
        db_bind_text(st, 1, c->langs[i]);
        db_bind_text(st, 2, native);
        db_bind_text(st, 3, rtl ? "rtl" : "ltr");
        db_bind_int(st, 4, ui);
        db_bind_int(st, 5, (int64_t)i);
        run(w, st, "language");
    }
    db_finalize(st);

    st = prep(w, "INSERT INTO ui_string(lang, msgid, msgstr) VALUES (?1, ?2, ?3)");
    for (size_t r = 0; st && r < c->t[CF_UI_STRINGS].nrows; r++) {
        db_bind_text(st, 1, cell(c, CF_UI_STRINGS, r, "lang"));
        db_bind_text(st, 2, cell(c, CF_UI_STRINGS, r, "msgid"));
        db_bind_text(st, 3, cell(c, CF_UI_STRINGS, r, "msgstr"));
        run(w, st, "ui_string");
    }
    db_finalize(st);
}

static void write_feedback(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st =
        prep(w, "INSERT INTO feedback(id, kind, face, sort_order) VALUES (?1, ?2, ?3, ?4)");
    struct db_stmt *tr = prep(w, "INSERT INTO feedback_i18n(id, lang, text) VALUES (?1, ?2, ?3)");
    static const char *const f[] = {"text"};
    for (size_t r = 0; st && tr && r < c->t[CF_FEEDBACK].nrows; r++) {
        const char *id = cell(c, CF_FEEDBACK, r, "id");
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, cell(c, CF_FEEDBACK, r, "kind"));
        bind_opt_int(st, 3, cell(c, CF_FEEDBACK, r, "face"));
        const char *sort = cell(c, CF_FEEDBACK, r, "sort");
        db_bind_int(st, 4, *sort ? strtol(sort, NULL, 10) : (long)r);
        run(w, st, "feedback");
        put_i18n(w, tr, CF_FEEDBACK, r, id, 0, f, 1);
    }
    db_finalize(st);
    db_finalize(tr);
}

static void write_taxonomy(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO taxonomy_term(id, kind, parent_id, icon, "
                                 "sort_order, age_min, age_max) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    struct db_stmt *tr =
        prep(w, "INSERT INTO taxonomy_term_i18n(id, lang, name) VALUES (?1, ?2, ?3)");
    static const char *const f[] = {"name"};
    for (size_t r = 0; st && tr && r < c->t[CF_CATEGORIES].nrows; r++) {
        const char *id = cell(c, CF_CATEGORIES, r, "id");
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, cell(c, CF_CATEGORIES, r, "kind"));
        db_bind_text(st, 3, opt_text(cell(c, CF_CATEGORIES, r, "parent")));
        db_bind_text(st, 4, opt_text(cell(c, CF_CATEGORIES, r, "icon")));
        const char *sort = cell(c, CF_CATEGORIES, r, "sort");
        db_bind_int(st, 5, *sort ? strtol(sort, NULL, 10) : (long)r);
        bind_opt_int(st, 6, cell(c, CF_CATEGORIES, r, "age_min"));
        bind_opt_int(st, 7, cell(c, CF_CATEGORIES, r, "age_max"));
        run(w, st, "taxonomy_term");
        put_i18n(w, tr, CF_CATEGORIES, r, id, 0, f, 1);
    }
    db_finalize(st);
    db_finalize(tr);
}

static void write_logo(struct writer *w, const char *org_id, const char *path_in_dir,
                       struct db_stmt *asset)
{
    struct strbuf p;
    strbuf_init(&p);
    strbuf_printf(&p, "%s/%s", w->c->dir, path_in_dir);
    FILE *f = fopen(p.s, "rb");
    strbuf_free(&p);
    if (!f) {
        snprintf(w->err, w->errcap, "cannot read %s", path_in_dir);
        w->ok = false;
        return;
    }
    unsigned char *buf = xmalloc(CONTENT_MAX_IMAGE_BYTES + 1);
    size_t n = fread(buf, 1, CONTENT_MAX_IMAGE_BYTES + 1, f);
    fclose(f);
    int wd, ht;
    if (n <= CONTENT_MAX_IMAGE_BYTES && validate_png_header(buf, n, &wd, &ht)) {
        char id[96];
        snprintf(id, sizeof(id), "logo:%s", org_id);
        db_bind_text(asset, 1, id);
        db_bind_text(asset, 2, "image/png");
        db_bind_int(asset, 3, wd);
        db_bind_int(asset, 4, ht);
        db_bind_blob(asset, 5, buf, n);
        run(w, asset, "asset");
    }
    free(buf);
}

static void write_organizations(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO organization(id, kind, website, phone, email, logo) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    struct db_stmt *tr = prep(w, "INSERT INTO organization_i18n(id, lang, name, description) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    struct db_stmt *asset =
        prep(w, "INSERT INTO asset(id, mime, width, height, data) VALUES (?1, ?2, ?3, ?4, ?5)");
    static const char *const f[] = {"name", "description"};
    for (size_t r = 0; st && tr && asset && r < c->t[CF_ORGANIZATIONS].nrows; r++) {
        const char *id = cell(c, CF_ORGANIZATIONS, r, "id");
        const char *logo = cell(c, CF_ORGANIZATIONS, r, "logo");
        char logo_id[96];
        snprintf(logo_id, sizeof(logo_id), "logo:%s", id);
        if (*logo)
            write_logo(w, id, logo, asset);
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, cell(c, CF_ORGANIZATIONS, r, "kind"));
        db_bind_text(st, 3, opt_text(cell(c, CF_ORGANIZATIONS, r, "website")));
        db_bind_text(st, 4, opt_text(cell(c, CF_ORGANIZATIONS, r, "phone")));
        db_bind_text(st, 5, opt_text(cell(c, CF_ORGANIZATIONS, r, "email")));
        db_bind_text(st, 6, *logo ? logo_id : NULL);
        run(w, st, "organization");
        put_i18n(w, tr, CF_ORGANIZATIONS, r, id, 0, f, 2);
        index_row(w, "organization", id, CF_ORGANIZATIONS, r);
    }
    db_finalize(st);
    db_finalize(tr);
    db_finalize(asset);
}

static void write_locations(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st =
        prep(w, "INSERT INTO location(id, street_address, postal_code, city, latitude, "
                "longitude, step_free, accessible_toilet, induction_loop, stroller_parking, "
                "changing_table) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    struct db_stmt *tr = prep(w, "INSERT INTO location_i18n(id, lang, name, directions, "
                                 "accessibility) VALUES (?1, ?2, ?3, ?4, ?5)");
    static const char *const f[] = {"name", "directions", "accessibility"};
    static const char *const facts[] = {"step_free", "accessible_toilet", "induction_loop",
                                        "stroller_parking", "changing_table"};
    for (size_t r = 0; st && tr && r < c->t[CF_LOCATIONS].nrows; r++) {
        const char *id = cell(c, CF_LOCATIONS, r, "id");
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, opt_text(cell(c, CF_LOCATIONS, r, "street_address")));
        db_bind_text(st, 3, opt_text(cell(c, CF_LOCATIONS, r, "postal_code")));
        db_bind_text(st, 4, opt_text(cell(c, CF_LOCATIONS, r, "city")));
        const char *lat = cell(c, CF_LOCATIONS, r, "latitude");
        const char *lon = cell(c, CF_LOCATIONS, r, "longitude");
        if (*lat && *lon) {
            db_bind_double(st, 5, strtod(lat, NULL));
            db_bind_double(st, 6, strtod(lon, NULL));
        }
        for (int i = 0; i < 5; i++)
            bind_tri(st, 7 + i, cell(c, CF_LOCATIONS, r, facts[i]));
        run(w, st, "location");
        put_i18n(w, tr, CF_LOCATIONS, r, id, 0, f, 3);
    }
    db_finalize(st);
    db_finalize(tr);
}

static void write_services(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO service(id, organization_id, phone, email, "
                                 "website, sensitive) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    struct db_stmt *tr = prep(w, "INSERT INTO service_i18n(id, lang, name, description) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    struct db_stmt *sal = prep(w, "INSERT OR IGNORE INTO service_at_location(service_id, "
                                  "location_id) VALUES (?1, ?2)");
    struct db_stmt *term = prep(w, "INSERT OR IGNORE INTO entity_term(entity_type, entity_id, "
                                   "term_id) VALUES (?1, ?2, ?3)");
    struct db_stmt *lang = prep(w, "INSERT OR IGNORE INTO entity_language(entity_type, "
                                   "entity_id, lang) VALUES (?1, ?2, ?3)");
    static const char *const f[] = {"name", "description"};
    for (size_t r = 0; st && tr && sal && term && lang && r < c->t[CF_SERVICES].nrows; r++) {
        const char *id = cell(c, CF_SERVICES, r, "id");
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, cell(c, CF_SERVICES, r, "organization"));
        db_bind_text(st, 3, opt_text(cell(c, CF_SERVICES, r, "phone")));
        db_bind_text(st, 4, opt_text(cell(c, CF_SERVICES, r, "email")));
        db_bind_text(st, 5, opt_text(cell(c, CF_SERVICES, r, "website")));
        db_bind_int(st, 6, validate_bool(cell(c, CF_SERVICES, r, "sensitive")) == TRI_YES);
        run(w, st, "service");
        put_i18n(w, tr, CF_SERVICES, r, id, 0, f, 2);
        insert_list(w, sal, cell(c, CF_SERVICES, r, "locations"), id, NULL, false);
        insert_list(w, term, cell(c, CF_SERVICES, r, "categories"), "service", id, false);
        insert_list(w, term, cell(c, CF_SERVICES, r, "age_groups"), "service", id, false);
        insert_list(w, lang, cell(c, CF_SERVICES, r, "languages"), "service", id, false);
        index_row(w, "service", id, CF_SERVICES, r);
    }
    db_finalize(st);
    db_finalize(tr);
    db_finalize(sal);
    db_finalize(term);
    db_finalize(lang);
}

static void write_contacts(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO contact(id, organization_id, name, phone, email) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)");
    struct db_stmt *tr = prep(w, "INSERT INTO contact_i18n(id, lang, title, responsibilities) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    struct db_stmt *cs = prep(w, "INSERT OR IGNORE INTO contact_service(contact_id, service_id) "
                                 "VALUES (?1, ?2)");
    struct db_stmt *lang = prep(w, "INSERT OR IGNORE INTO entity_language(entity_type, "
                                   "entity_id, lang) VALUES (?1, ?2, ?3)");
    static const char *const f[] = {"title", "responsibilities"};
    for (size_t r = 0; st && tr && cs && lang && r < c->t[CF_CONTACTS].nrows; r++) {
        const char *id = cell(c, CF_CONTACTS, r, "id");
        const char *name = cell(c, CF_CONTACTS, r, "name");
        db_bind_text(st, 1, id);
        db_bind_text(st, 2, cell(c, CF_CONTACTS, r, "organization"));
        db_bind_text(st, 3, name);
        db_bind_text(st, 4, opt_text(cell(c, CF_CONTACTS, r, "phone")));
        db_bind_text(st, 5, opt_text(cell(c, CF_CONTACTS, r, "email")));
        run(w, st, "contact");
        put_i18n(w, tr, CF_CONTACTS, r, id, 0, f, 2);
        insert_list(w, cs, cell(c, CF_CONTACTS, r, "services"), id, NULL, false);
        insert_list(w, lang, cell(c, CF_CONTACTS, r, "languages"), "contact", id, false);
        for (size_t l = 0; l < c->nlangs; l++) {
            char t[64], d[64];
            snprintf(t, sizeof(t), "title@%s", c->langs[l]);
            snprintf(d, sizeof(d), "responsibilities@%s", c->langs[l]);
            struct strbuf body;
            strbuf_init(&body);
            strbuf_printf(&body, "%s %s", cell(c, CF_CONTACTS, r, t), cell(c, CF_CONTACTS, r, d));
            if (cell(c, CF_CONTACTS, r, t)[0])
                add_search(w, "contact", id, c->langs[l], name, body.s);
            strbuf_free(&body);
        }
    }
    db_finalize(st);
    db_finalize(tr);
    db_finalize(cs);
    db_finalize(lang);
}

static const char *target_type(const struct content *c, const char *id)
{
    return idset_get(&c->ids[CF_SERVICES], id, NULL) ? "service" : "location";
}

/* True if opening_exceptions.csv has a row for exactly this target on date
 * (such a row wins over a "*" row). */
static bool own_exception(const struct content *c, const char *target, struct civil_date date)
{
    for (size_t r = 0; r < c->t[CF_EXCEPTIONS].nrows; r++) {
        struct civil_date d;
        if (strcmp(cell(c, CF_EXCEPTIONS, r, "target"), target) == 0 &&
            civil_parse_date(cell(c, CF_EXCEPTIONS, r, "date"), &d) && d.year == date.year &&
            d.month == date.month && d.day == date.day)
            return true;
    }
    return false;
}

static void write_hours(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT INTO opening_hours(entity_type, entity_id, weekday, "
                                 "opens_min, closes_min) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (size_t r = 0; st && r < c->t[CF_HOURS].nrows; r++) {
        const char *target = cell(c, CF_HOURS, r, "target");
        bool days[8];
        int o, cl;
        if (!validate_days(cell(c, CF_HOURS, r, "days"), days) ||
            !civil_parse_clock(cell(c, CF_HOURS, r, "opens"), &o) ||
            !civil_parse_clock(cell(c, CF_HOURS, r, "closes"), &cl))
            continue;
        for (int d = 1; d <= 7; d++) {
            if (!days[d])
                continue;
            db_bind_text(st, 1, target_type(c, target));
            db_bind_text(st, 2, target);
            db_bind_int(st, 3, d);
            db_bind_int(st, 4, o);
            db_bind_int(st, 5, cl);
            run(w, st, "opening_hours");
        }
    }
    db_finalize(st);

    st = prep(w, "INSERT INTO opening_exception(entity_type, entity_id, date, closed, opens_min, "
                 "closes_min) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    struct db_stmt *tr =
        prep(w, "INSERT INTO opening_exception_i18n(id, lang, note) VALUES (?1, ?2, ?3)");
    /* "*" applies to everything that has weekly hours. */
    struct db_stmt *all =
        prep(w, "SELECT DISTINCT entity_type, entity_id FROM opening_hours ORDER BY 1, 2");
    static const char *const f[] = {"note"};
    for (size_t r = 0; st && tr && all && r < c->t[CF_EXCEPTIONS].nrows; r++) {
        const char *target = cell(c, CF_EXCEPTIONS, r, "target");
        struct civil_date date;
        if (!civil_parse_date(cell(c, CF_EXCEPTIONS, r, "date"), &date))
            continue;
        char ds[11];
        civil_format(date, ds);
        bool closed = validate_bool(cell(c, CF_EXCEPTIONS, r, "closed")) == TRI_YES;
        int o = 0, cl = 0;
        if (!closed && (!civil_parse_clock(cell(c, CF_EXCEPTIONS, r, "opens"), &o) ||
                        !civil_parse_clock(cell(c, CF_EXCEPTIONS, r, "closes"), &cl)))
            continue;
        bool star = strcmp(target, "*") == 0;
        while (w->ok) {
            const char *type, *id;
            char *type_copy = NULL, *id_copy = NULL;
            if (star) {
                if (db_step(all) != DB_ROW)
                    break;
                if (own_exception(c, db_col_text(all, 1), date))
                    continue;
                type = type_copy = xstrdup(db_col_text(all, 0));
                id = id_copy = xstrdup(db_col_text(all, 1));
            } else {
                type = target_type(c, target);
                id = target;
            }
            db_bind_text(st, 1, type);
            db_bind_text(st, 2, id);
            db_bind_text(st, 3, ds);
            db_bind_int(st, 4, closed);
            if (!closed) {
                db_bind_int(st, 5, o);
                db_bind_int(st, 6, cl);
            }
            run(w, st, "opening_exception");
            put_i18n(w, tr, CF_EXCEPTIONS, r, NULL, db_last_insert_id(w->db), f, 1);
            free(type_copy);
            free(id_copy);
            if (!star)
                break;
        }
        db_reset(all);
    }
    db_finalize(st);
    db_finalize(tr);
    db_finalize(all);
}

static void activity_texts(struct writer *w, const struct pack_activity *a, struct db_stmt *tr)
{
    if (a->csv_row >= 0) {
        static const char *const f[] = {"name", "description", "price", "registration"};
        put_i18n(w, tr, CF_ACTIVITIES, (size_t)a->csv_row, a->id, 0, f, 4);
        index_row(w, "activity", a->id, CF_ACTIVITIES, (size_t)a->csv_row);
        return;
    }
    const struct ics_event *ev = a->ev;
    db_bind_text(tr, 1, a->id);
    db_bind_text(tr, 2, a->ev_lang);
    db_bind_text(tr, 3, ev->summary && *ev->summary ? ev->summary : ev->uid);
    db_bind_text(tr, 4, opt_text(ev->description));
    run(w, tr, "activity_i18n");
    add_search(w, "activity", a->id, a->ev_lang, ev->summary, ev->description);
}

static void occurrence_notes(struct writer *w, const struct pack_activity *a, size_t k,
                             int64_t occ_id, struct db_stmt *tr)
{
    if (a->occ_change_row && a->occ_change_row[k] >= 0) {
        static const char *const f[] = {"note"};
        put_i18n(w, tr, CF_CHANGES, (size_t)a->occ_change_row[k], NULL, occ_id, f, 1);
    } else if (a->ev && a->occ.v[k].note && *a->occ.v[k].note) {
        db_bind_int(tr, 1, occ_id);
        db_bind_text(tr, 2, a->ev_lang);
        db_bind_text(tr, 3, a->occ.v[k].note);
        run(w, tr, "occurrence_i18n");
    }
}

static void write_activities(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st =
        prep(w, "INSERT INTO activity(id, organization_id, service_id, location_id, source_id, "
                "timezone, dtstart_local, duration_min, all_day, rrule, skip_holidays, age_min, "
                "age_max, registration_url) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    struct db_stmt *tr = prep(w, "INSERT INTO activity_i18n(id, lang, name, description, price, "
                                 "registration) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    struct db_stmt *term = prep(w, "INSERT OR IGNORE INTO entity_term(entity_type, entity_id, "
                                   "term_id) VALUES (?1, ?2, ?3)");
    struct db_stmt *lang = prep(w, "INSERT OR IGNORE INTO entity_language(entity_type, "
                                   "entity_id, lang) VALUES (?1, ?2, ?3)");
    struct db_stmt *occ = prep(w, "INSERT INTO occurrence(activity_id, start_utc, end_utc, "
                                  "local_date, all_day, status, location_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    struct db_stmt *otr =
        prep(w, "INSERT INTO occurrence_i18n(id, lang, note) VALUES (?1, ?2, ?3)");
    static const char *const status[] = {"scheduled", "cancelled", "moved"};
    for (size_t i = 0; st && tr && term && lang && occ && otr && i < c->nacts && w->ok; i++) {
        const struct pack_activity *a = &c->acts[i];
        char start[32];
        if (a->start.date_only)
            snprintf(start, sizeof(start), "%04d-%02d-%02d", a->start.year, a->start.month,
                     a->start.day);
        else
            snprintf(start, sizeof(start), "%04d-%02d-%02dT%02d:%02d", a->start.year,
                     a->start.month, a->start.day, a->start.hour, a->start.minute);
        db_bind_text(st, 1, a->id);
        db_bind_text(st, 2, a->organization);
        db_bind_text(st, 3, a->service);
        db_bind_text(st, 4, a->location);
        db_bind_text(st, 5, a->source_id);
        db_bind_text(st, 6, a->tzid);
        db_bind_text(st, 7, start);
        db_bind_int(st, 8, a->duration_min);
        db_bind_int(st, 9, a->start.date_only);
        db_bind_text(st, 10, a->rrule);
        db_bind_int(st, 11, a->skip_holidays);
        if (a->age_min >= 0)
            db_bind_int(st, 12, a->age_min);
        if (a->age_max >= 0)
            db_bind_int(st, 13, a->age_max);
        db_bind_text(st, 14, a->registration_url);
        run(w, st, "activity");
        activity_texts(w, a, tr);
        insert_list(w, term, a->categories, "activity", a->id, false);
        insert_list(w, term, a->age_groups, "activity", a->id, false);
        insert_list(w, lang, a->languages, "activity", a->id, false);
        for (size_t k = 0; k < a->occ.n && w->ok; k++) {
            const struct occurrence *o = &a->occ.v[k];
            char date[11];
            struct local_time lt;
            if (!o->all_day && recur_utc_to_local(c->tz, o->start_utc, &lt))
                snprintf(date, sizeof(date), "%04d-%02d-%02d", lt.year, lt.month, lt.day);
            else
                memcpy(date, o->local_date, sizeof(date));
            const char *loc =
                o->location_id && idset_get(&c->ids[CF_LOCATIONS], o->location_id, NULL)
                    ? o->location_id
                    : NULL;
            db_bind_text(occ, 1, a->id);
            db_bind_int(occ, 2, o->start_utc);
            db_bind_int(occ, 3, o->end_utc);
            db_bind_text(occ, 4, date);
            db_bind_int(occ, 5, o->all_day);
            db_bind_text(occ, 6, status[o->status]);
            db_bind_text(occ, 7, loc);
            run(w, occ, "occurrence");
            occurrence_notes(w, a, k, db_last_insert_id(w->db), otr);
        }
    }
    db_finalize(st);
    db_finalize(tr);
    db_finalize(term);
    db_finalize(lang);
    db_finalize(occ);
    db_finalize(otr);
}

static void write_holidays(struct writer *w)
{
    const struct content *c = w->c;
    struct db_stmt *st = prep(w, "INSERT OR IGNORE INTO holiday(date, key, is_eve) "
                                 "VALUES (?1, ?2, ?3)");
    struct db_stmt *tr = prep(w, "INSERT OR IGNORE INTO holiday_i18n(date, lang, name) "
                                 "VALUES (?1, ?2, ?3)");
    int64_t from = civil_to_days(c->from.year, c->from.month, c->from.day);
    int64_t until = civil_to_days(c->until.year, c->until.month, c->until.day);
    for (int y = c->from.year; st && tr && y <= c->until.year; y++) {
        struct holiday h[24];
        size_t n = holidays_for_year(y, h, 24);
        for (size_t i = 0; i < n; i++) {
            int64_t d = civil_to_days(h[i].date.year, h[i].date.month, h[i].date.day);
            if (d < from || d > until)
                continue;
            char ds[11];
            civil_format(h[i].date, ds);
            db_bind_text(st, 1, ds);
            db_bind_text(st, 2, h[i].key);
            db_bind_int(st, 3, h[i].is_eve);
            run(w, st, "holiday");
            const char *names[][2] = {
                {"fi", h[i].name_fi}, {"sv", h[i].name_sv}, {"en", h[i].name_en}};
            for (int k = 0; k < 3; k++) {
                db_bind_text(tr, 1, ds);
                db_bind_text(tr, 2, names[k][0]);
                db_bind_text(tr, 3, names[k][1]);
                run(w, tr, "holiday_i18n");
            }
        }
    }
    db_finalize(st);
    db_finalize(tr);
}

static bool fsync_path(const char *path, bool dir)
{
    int fd = open(path, dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

bool writer_write(const struct content *c, const char *out_path, char *err, size_t errcap)
{
    struct strbuf tmp;
    strbuf_init(&tmp);
    strbuf_printf(&tmp, "%s.tmp.%ld", out_path, (long)getpid());
    struct writer w = {.c = c, .ok = true, .err = err, .errcap = errcap};
    err[0] = '\0';
    w.db = snapshot_create(tmp.s, err, errcap);
    if (!w.db) {
        unlink(tmp.s);
        strbuf_free(&tmp);
        return false;
    }
    if (!db_exec(w.db, "BEGIN"))
        fail_db(&w, "transaction");
    w.search = prep(&w, "INSERT INTO search(kind, entity_id, lang, title, body, parts) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (w.ok)
        write_meta(&w);
    if (w.ok)
        write_site(&w);
    if (w.ok)
        write_taxonomy(&w);
    if (w.ok)
        write_feedback(&w);
    if (w.ok)
        write_organizations(&w);
    if (w.ok)
        write_locations(&w);
    if (w.ok)
        write_services(&w);
    if (w.ok)
        write_contacts(&w);
    if (w.ok)
        write_hours(&w);
    if (w.ok)
        write_activities(&w);
    if (w.ok)
        write_holidays(&w);
    db_finalize(w.search);
    if (w.ok && !db_exec(w.db, "INSERT INTO search(search) VALUES ('optimize'); COMMIT"))
        fail_db(&w, "commit");
    if (w.ok && db_query_int(w.db, "SELECT count(*) FROM pragma_foreign_key_check") != 0) {
        snprintf(err, errcap, "internal error: snapshot has dangling references");
        w.ok = false;
    }
    db_close(w.db);
    if (w.ok && !fsync_path(tmp.s, false)) {
        snprintf(err, errcap, "cannot sync %s: %s", tmp.s, strerror(errno));
        w.ok = false;
    }
    if (w.ok && rename(tmp.s, out_path) != 0) {
        snprintf(err, errcap, "cannot rename %s to %s: %s", tmp.s, out_path, strerror(errno));
        w.ok = false;
    }
    if (!w.ok) {
        unlink(tmp.s);
    } else {
        char *d = xstrdup(out_path);
        fsync_path(dirname(d), true);
        free(d);
    }
    strbuf_free(&tmp);
    return w.ok;
}
