/* hsds: Open Referral HSDS (1.x to 3.0) to aula content. Every input is
 * first turned into records of named tables (a CSV row, or a JSON object;
 * nested JSON objects become records of their own table, linked by
 * <table>_id), then the tables are mapped:
 *   organization -> organizations.csv      location + address + accessibility
 *   service      -> services.csv             -> locations.csv
 *   service_at_location -> services' locations
 *   phone, contact -> phones of services, organisations; contacts.csv
 *   schedule (WEEKLY/BYDAY), regular_schedule -> opening_hours.csv
 *   holiday_schedule -> opening_exceptions.csv
 *   taxonomy_term via service_taxonomy or attribute -> categories.csv
 * Ids are "hsds-" + the HSDS id. A record's problems are reported at its
 * CSV line and column, or at its JSON path. */
#include "import/hsds.h"
#include "base/civil.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pack/csvfile.h"
#include "pack/langs.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum tab {
    T_ORG,
    T_SERVICE,
    T_LOCATION,
    T_SAL,
    T_PHONE,
    T_CONTACT,
    T_SCHEDULE,
    T_REGULAR,
    T_HOLIDAY,
    T_ADDRESS,
    T_TERM,
    T_SERVICE_TAX,
    T_ATTRIBUTE,
    T_LANGUAGE,
    T_ACCESS,
    T_COUNT
};

/* Table names: canonical (also the <name>_id link column), then other
 * spellings met in HSDS versions and JSON members. */
static const char *const tab_names[T_COUNT][6] = {
    [T_ORG] = {"organization", "organizations", NULL},
    [T_SERVICE] = {"service", "services", NULL},
    [T_LOCATION] = {"location", "locations", NULL},
    [T_SAL] = {"service_at_location", "service_at_locations", NULL},
    [T_PHONE] = {"phone", "phones", NULL},
    [T_CONTACT] = {"contact", "contacts", NULL},
    [T_SCHEDULE] = {"schedule", "schedules", NULL},
    [T_REGULAR] = {"regular_schedule", "regular_schedules", NULL},
    [T_HOLIDAY] = {"holiday_schedule", "holiday_schedules", NULL},
    [T_ADDRESS] = {"address", "addresses", "physical_address", "physical_addresses", NULL},
    [T_TERM] = {"taxonomy_term", "taxonomy_terms", "taxonomy", NULL},
    [T_SERVICE_TAX] = {"service_taxonomy", "service_taxonomies", NULL},
    [T_ATTRIBUTE] = {"attribute", "attributes", NULL},
    [T_LANGUAGE] = {"language", "languages", NULL},
    [T_ACCESS] = {"accessibility", "accessibility_for_disabilities", NULL},
};

struct rec {
    json_t *o;
    const char *file;
    int line;   /* CSV line; 0 = JSON */
    char *path; /* JSON path */
};

struct tabrecs {
    struct rec *v;
    size_t n, cap;
    struct idset index; /* id -> record */
};

struct hsds {
    struct importer im;
    struct tabrecs t[T_COUNT];
    json_t **owned; /* documents and CSV rows */
    size_t nowned;
    struct folder_table *orgs, *services, *locs, *contacts, *cats, *hours, *exc;
};

static int tab_of(const char *name)
{
    for (int t = 0; t < T_COUNT; t++)
        for (int i = 0; tab_names[t][i]; i++)
            if (strcmp(name, tab_names[t][i]) == 0)
                return t;
    return -1;
}

bool hsds_is_table(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    if (n < 5 || strcmp(base + n - 4, ".csv") != 0)
        return false;
    char stem[64];
    if (n - 4 >= sizeof(stem))
        return false;
    memcpy(stem, base, n - 4);
    stem[n - 4] = '\0';
    return tab_of(stem) >= 0;
}

/* A field as text ("" if absent); numbers are written as they read. */
static const char *field(const struct rec *r, const char *name, char *buf, size_t cap)
{
    json_t *v = json_object_get(r->o, name);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    if (json_is_real(v)) {
        snprintf(buf, cap, "%.10g", json_real_value(v));
        return buf;
    }
    if (json_is_true(v))
        return "true";
    if (json_is_false(v))
        return "false";
    return "";
}

#define F(r, name) field((r), (name), fbuf, sizeof(fbuf))

__attribute__((format(printf, 5, 6))) static void report(struct hsds *h, enum diag_severity sev,
                                                         const struct rec *r, const char *fld,
                                                         const char *fmt, ...)
{
    struct strbuf b;
    strbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (r->line) {
        diag_add(h->im.d, sev, r->file, r->line, fld, "%s", b.s);
    } else {
        struct strbuf p;
        strbuf_init(&p);
        strbuf_puts(&p, r->path);
        if (fld)
            strbuf_printf(&p, "%s%s", p.len ? "." : "", fld);
        diag_add(h->im.d, sev, r->file, 0, p.len ? p.s : NULL, "%s", b.s);
        strbuf_free(&p);
    }
    strbuf_free(&b);
}

static void add_rec(struct hsds *h, int t, json_t *o, const char *file, int line, const char *path)
{
    struct tabrecs *tr = &h->t[t];
    XGROW(tr->v, tr->cap, tr->n + 1);
    struct rec *r = &tr->v[tr->n];
    r->o = o;
    r->file = file;
    r->line = line;
    r->path = xstrdup(path);
    json_t *id = json_object_get(o, "id");
    if (json_is_string(id) && *json_string_value(id)) {
        int old;
        if (!idset_add(&tr->index, json_string_value(id), (int)tr->n, &old)) {
            /* the same record nested twice in JSON is fine; a CSV
             * duplicate is not */
            if (line)
                report(h, DIAG_WARNING, r, "id", "duplicate id \"%s\"; the first is kept",
                       json_string_value(id));
            free(r->path);
            return;
        }
    }
    tr->n++;
}

static struct rec *find(struct hsds *h, int t, const char *id)
{
    int i;
    if (!id || !*id || !idset_get(&h->t[t].index, id, &i))
        return NULL;
    return &h->t[t].v[i];
}

/* ---- JSON flattening -------------------------------------------------------- */

static void flatten(struct hsds *h, int t, json_t *o);

static void flatten_child(struct hsds *h, int parent_t, json_t *parent, int child_t, json_t *c)
{
    if (!json_is_object(c))
        return;
    json_t *pid = json_object_get(parent, "id");
    char link[64];
    if (child_t == T_ATTRIBUTE && json_is_string(pid) && !json_object_get(c, "link_id"))
        json_object_set_new(c, "link_id", json_copy(pid));
    snprintf(link, sizeof(link), "%s_id", tab_names[parent_t][0]);
    if (json_is_string(pid) && !json_object_get(c, link))
        json_object_set(c, link, pid);
    flatten(h, child_t, c);
}

static void flatten(struct hsds *h, int t, json_t *o)
{
    struct importer *im = &h->im;
    if (!json_is_object(o)) {
        importer_error(im, "expected an object");
        return;
    }
    add_rec(h, t, o, im->file, 0, im->path);
    const char *key;
    json_t *v;
    void *tmp;
    json_object_foreach_safe(o, tmp, key, v)
    {
        int ct = tab_of(key);
        if (ct < 0 || ct == t || (!json_is_array(v) && !json_is_object(v)))
            continue;
        size_t m = importer_push_key(im, key);
        if (json_is_object(v)) {
            /* a single linked record: the parent refers to it */
            json_t *cid = json_object_get(v, "id");
            char link[64];
            snprintf(link, sizeof(link), "%s_id", tab_names[ct][0]);
            if (json_is_string(cid) && !json_object_get(o, link))
                json_object_set(o, link, cid);
            flatten(h, ct, v);
        } else {
            size_t i;
            json_t *c;
            json_array_foreach(v, i, c)
            {
                size_t m2 = importer_push_index(im, i);
                if (ct == T_LANGUAGE && json_is_string(c)) {
                    json_t *lo = json_pack("{s:O}", "language", c);
                    json_array_set_new(v, i, lo);
                    c = lo;
                }
                flatten_child(h, t, o, ct, c);
                importer_pop(im, m2);
            }
        }
        importer_pop(im, m);
    }
}

static void read_json(struct hsds *h, json_t *root)
{
    struct importer *im = &h->im;
    if (json_is_array(root)) {
        size_t i;
        json_t *c;
        json_array_foreach(root, i, c)
        {
            size_t m = importer_push_index(im, i);
            flatten(h, T_SERVICE, c);
            importer_pop(im, m);
        }
        return;
    }
    if (!json_is_object(root)) {
        importer_error(im, "expected HSDS JSON (an object or a list of services)");
        return;
    }
    json_t *contents = json_object_get(root, "contents");
    if (json_is_array(contents)) {
        size_t m = importer_push_key(im, "contents");
        size_t i;
        json_t *c;
        json_array_foreach(contents, i, c)
        {
            size_t m2 = importer_push_index(im, i);
            flatten(h, T_SERVICE, c);
            importer_pop(im, m2);
        }
        importer_pop(im, m);
        return;
    }
    if (json_object_get(root, "id")) {
        flatten(h, json_object_get(root, "organization_id") ? T_SERVICE : T_ORG, root);
        return;
    }
    bool any = false;
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        int t = tab_of(key);
        if (t < 0 || !json_is_array(v))
            continue;
        any = true;
        size_t m = importer_push_key(im, key);
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
        {
            size_t m2 = importer_push_index(im, i);
            if (t == T_LANGUAGE && json_is_string(c))
                importer_warn(im, "expected an object with service_id and language; skipped");
            else
                flatten(h, t, c);
            importer_pop(im, m2);
        }
        importer_pop(im, m);
    }
    if (!any)
        importer_error(im, "no organizations, services or locations here; is this HSDS JSON?");
}

static void read_csv(struct hsds *h, const struct import_input *in)
{
    const char *base = strrchr(in->name, '/');
    base = base ? base + 1 : in->name;
    char stem[64];
    size_t n = strlen(base) - 4;
    memcpy(stem, base, n);
    stem[n] = '\0';
    int t = tab_of(stem);
    struct csv_table ct;
    memset(&ct, 0, sizeof(ct));
    if (!csvfile_parse(in->data, in->len, base, &ct, h->im.d)) {
        csvfile_free(&ct);
        return;
    }
    for (size_t r = 0; r < ct.nrows; r++) {
        json_t *o = json_object();
        for (size_t c = 0; c < ct.ncols; c++) {
            const char *v = csvfile_cell(&ct, r, (int)c);
            if (*v && ct.cols[c][0])
                json_object_set_new(o, ct.cols[c], json_string(v));
        }
        h->owned = xrealloc(h->owned, (h->nowned + 1) * sizeof(json_t *));
        h->owned[h->nowned++] = o;
        add_rec(h, t, o, in->name, ct.rows[r].line, "");
    }
    csvfile_free(&ct);
}

/* ---- mapping ------------------------------------------------------------------ */

static void hsds_id(const char *id, char *out, size_t cap)
{
    importer_make_id("hsds", id, out, cap);
}

static void put_text(struct hsds *h, struct folder_table *t, size_t row, const char *stem,
                     const char *text)
{
    if (!text || !*text)
        return;
    struct i18n x;
    memset(&x, 0, sizeof(x));
    i18n_put(&x, h->im.deflang, text);
    importer_put_i18n(&h->im, t, row, stem, &x, false);
}

/* Context for importer_* helpers that warn: the record's JSON path. */
static void rec_ctx(struct hsds *h, const struct rec *r)
{
    h->im.file = r->file;
    importer_pop(&h->im, 0);
    if (r->path[0])
        importer_push_key(&h->im, r->path);
}

static bool check_value(struct hsds *h, const struct rec *r, const char *fld, const char *v,
                        bool (*ok)(const char *), const char *what)
{
    if (!*v)
        return false;
    if (ok(v))
        return true;
    report(h, DIAG_WARNING, r, fld, "\"%s\" is not %s; left out", v, what);
    return false;
}

#include "pack/validate.h"

static void put_contact_details(struct hsds *h, const struct rec *r, struct folder_table *t,
                                size_t row, const char *url_field)
{
    char fbuf[64];
    const char *email = F(r, "email");
    if (check_value(h, r, "email", email, validate_email, "an e-mail address"))
        folder_set(t, row, "email", email);
    if (url_field) {
        const char *url = F(r, url_field);
        if (!*url)
            url = F(r, "website");
        if (check_value(h, r, url_field, url, validate_url, "a web address"))
            folder_set(t, row, "website", url);
    }
}

/* The first usable phone linked to (table, id). */
static void put_phone(struct hsds *h, const char *link, const char *id, struct folder_table *t,
                      size_t row)
{
    char fbuf[64];
    for (size_t i = 0; i < h->t[T_PHONE].n; i++) {
        const struct rec *p = &h->t[T_PHONE].v[i];
        if (strcmp(F(p, link), id) != 0)
            continue;
        const char *num = F(p, "number");
        if (check_value(h, p, "number", num, validate_phone, "a phone number")) {
            folder_set(t, row, "phone", num);
            return;
        }
    }
}

static void map_orgs(struct hsds *h)
{
    char fbuf[64], id[80];
    for (size_t i = 0; i < h->t[T_ORG].n; i++) {
        const struct rec *r = &h->t[T_ORG].v[i];
        const char *oid = F(r, "id");
        if (!*oid) {
            report(h, DIAG_ERROR, r, "id", "missing");
            continue;
        }
        hsds_id(oid, id, sizeof(id));
        char name[1024];
        snprintf(name, sizeof(name), "%s", F(r, "name"));
        if (!name[0]) {
            report(h, DIAG_WARNING, r, "name", "organisation without a name; skipped");
            continue;
        }
        rec_ctx(h, r);
        size_t row = folder_add_row(h->orgs);
        folder_set(h->orgs, row, "id", id);
        folder_set(h->orgs, row, "kind", "other");
        put_text(h, h->orgs, row, "name", name);
        put_text(h, h->orgs, row, "description", F(r, "description"));
        put_contact_details(h, r, h->orgs, row, json_object_get(r->o, "url") ? "url" : "website");
        put_phone(h, "organization_id", oid, h->orgs, row);
    }
}

static void map_locations(struct hsds *h)
{
    char fbuf[64], id[80];
    for (size_t i = 0; i < h->t[T_LOCATION].n; i++) {
        const struct rec *r = &h->t[T_LOCATION].v[i];
        const char *lid = F(r, "id");
        if (!*lid) {
            report(h, DIAG_ERROR, r, "id", "missing");
            continue;
        }
        hsds_id(lid, id, sizeof(id));
        char name[1024];
        snprintf(name, sizeof(name), "%s", F(r, "name"));
        if (!name[0]) {
            report(h, DIAG_WARNING, r, "name", "location without a name; skipped");
            continue;
        }
        rec_ctx(h, r);
        size_t row = folder_add_row(h->locs);
        folder_set(h->locs, row, "id", id);
        put_text(h, h->locs, row, "name", name);
        put_text(h, h->locs, row, "directions", F(r, "transportation"));
        const char *lat = F(r, "latitude");
        if (*lat) {
            char latb[64];
            snprintf(latb, sizeof(latb), "%s", lat);
            const char *lon = F(r, "longitude");
            char *e1, *e2;
            double a = strtod(latb, &e1), b = strtod(lon, &e2);
            if (*e1 || *e2 || !*lon || a < -90 || a > 90 || b < -180 || b > 180)
                report(h, DIAG_WARNING, r, "latitude",
                       "\"%s\", \"%s\" are not WGS84 latitude and longitude; left out", latb, lon);
            else {
                folder_set(h->locs, row, "latitude", latb);
                folder_set(h->locs, row, "longitude", lon);
            }
        }
        for (size_t k = 0; k < h->t[T_ADDRESS].n; k++) {
            const struct rec *a = &h->t[T_ADDRESS].v[k];
            if (strcmp(F(a, "location_id"), lid) != 0)
                continue;
            const char *type = F(a, "address_type");
            if (*type && strcmp(type, "physical") != 0)
                continue;
            char street[512];
            snprintf(street, sizeof(street), "%s", F(a, "address_1"));
            const char *a2 = F(a, "address_2");
            if (*a2 && strlen(street) + strlen(a2) + 3 < sizeof(street)) {
                strcat(street, ", ");
                strcat(street, a2);
            }
            folder_set(h->locs, row, "street_address", street);
            folder_set(h->locs, row, "postal_code", F(a, "postal_code"));
            folder_set(h->locs, row, "city", F(a, "city"));
            break;
        }
        struct strbuf acc;
        strbuf_init(&acc);
        for (size_t k = 0; k < h->t[T_ACCESS].n; k++) {
            const struct rec *a = &h->t[T_ACCESS].v[k];
            if (strcmp(F(a, "location_id"), lid) != 0)
                continue;
            static const char *const fields[] = {"description", "accessibility", "details"};
            for (int f = 0; f < 3; f++) {
                const char *s = F(a, fields[f]);
                if (*s) {
                    if (acc.len)
                        strbuf_putc(&acc, ' ');
                    strbuf_puts(&acc, s);
                }
            }
        }
        put_text(h, h->locs, row, "accessibility", acc.s);
        strbuf_free(&acc);
    }
}

/* Adds id to a space-separated list cell. */
static void list_add_cell(struct folder_table *t, size_t row, const char *col, const char *id)
{
    const char *cur = folder_cell(t, row, col);
    if (importer_list_has(cur, id))
        return;
    struct strbuf b;
    strbuf_init(&b);
    strbuf_puts(&b, cur);
    if (b.len)
        strbuf_putc(&b, ' ');
    strbuf_puts(&b, id);
    folder_set(t, row, col, b.s);
    strbuf_free(&b);
}

/* Category id of a taxonomy term (and its parents), created on first use. */
static bool term_category(struct hsds *h, const char *tid, char *out, size_t cap, int depth)
{
    char fbuf[64];
    struct rec *r = find(h, T_TERM, tid);
    if (!r || depth > 8)
        return false;
    hsds_id(tid, out, cap);
    if (folder_find(h->cats, out) >= 0)
        return true;
    char name[512];
    snprintf(name, sizeof(name), "%s", F(r, "term"));
    if (!name[0])
        snprintf(name, sizeof(name), "%s", F(r, "name"));
    if (!name[0]) {
        report(h, DIAG_WARNING, r, "term", "taxonomy term without a name; left out");
        return false;
    }
    char parent[80] = "";
    char pid[128];
    snprintf(pid, sizeof(pid), "%s", F(r, "parent_id"));
    if (*pid && strcmp(pid, tid) != 0 && !term_category(h, pid, parent, sizeof(parent), depth + 1))
        parent[0] = '\0';
    rec_ctx(h, r);
    size_t row = folder_add_row(h->cats);
    folder_set(h->cats, row, "id", out);
    folder_set(h->cats, row, "kind", "category");
    folder_set(h->cats, row, "parent", parent);
    put_text(h, h->cats, row, "name", name);
    return true;
}

static void map_services(struct hsds *h)
{
    char fbuf[64], id[80], org[80];
    for (size_t i = 0; i < h->t[T_SERVICE].n; i++) {
        const struct rec *r = &h->t[T_SERVICE].v[i];
        const char *sid = F(r, "id");
        if (!*sid) {
            report(h, DIAG_ERROR, r, "id", "missing");
            continue;
        }
        char sidb[256];
        snprintf(sidb, sizeof(sidb), "%s", sid);
        hsds_id(sidb, id, sizeof(id));
        const char *status = F(r, "status");
        if (*status && strcasecmp(status, "active") != 0) {
            if (strcasecmp(status, "inactive") == 0 || strcasecmp(status, "defunct") == 0)
                continue;
            if (strcasecmp(status, "temporarily closed") != 0)
                report(h, DIAG_WARNING, r, "status",
                       "\"%s\" is not a known status (active, inactive, defunct, temporarily "
                       "closed); imported",
                       status);
        }
        const char *oid = F(r, "organization_id");
        if (!find(h, T_ORG, oid)) {
            report(h, DIAG_WARNING, r, "organization_id",
                   *oid ? "organisation \"%s\" is not in the input; service skipped"
                        : "%sservice has no organisation; skipped",
                   oid);
            continue;
        }
        hsds_id(oid, org, sizeof(org));
        if (folder_find(h->orgs, org) < 0)
            continue; /* the organisation was skipped (reported) */
        char name[1024];
        snprintf(name, sizeof(name), "%s", F(r, "name"));
        if (!name[0]) {
            report(h, DIAG_WARNING, r, "name", "service without a name; skipped");
            continue;
        }
        rec_ctx(h, r);
        size_t row = folder_add_row(h->services);
        folder_set(h->services, row, "id", id);
        folder_set(h->services, row, "organization", org);
        put_text(h, h->services, row, "name", name);
        put_text(h, h->services, row, "description", F(r, "description"));
        put_contact_details(h, r, h->services, row, "url");
        put_phone(h, "service_id", sidb, h->services, row);
        for (size_t k = 0; k < h->t[T_SAL].n; k++) {
            const struct rec *s = &h->t[T_SAL].v[k];
            char lid[80];
            if (strcmp(F(s, "service_id"), sidb) != 0)
                continue;
            const char *l = F(s, "location_id");
            hsds_id(l, lid, sizeof(lid));
            if (folder_find(h->locs, lid) >= 0)
                list_add_cell(h->services, row, "locations", lid);
            else
                report(h, DIAG_WARNING, s, "location_id", "unknown location \"%s\"; left out", l);
        }
        for (size_t k = 0; k < h->t[T_LANGUAGE].n; k++) {
            const struct rec *l = &h->t[T_LANGUAGE].v[k];
            if (strcmp(F(l, "service_id"), sidb) != 0)
                continue;
            char code[32];
            snprintf(code, sizeof(code), "%s", F(l, "code"));
            if (!code[0])
                snprintf(code, sizeof(code), "%s", F(l, "language"));
            if (langs_valid_code(code))
                list_add_cell(h->services, row, "languages", code);
            else
                report(h, DIAG_WARNING, l, "language", "\"%s\" is not a language code; left out",
                       code);
        }
        for (int tt = T_SERVICE_TAX; tt <= T_ATTRIBUTE; tt++) {
            for (size_t k = 0; k < h->t[tt].n; k++) {
                const struct rec *l = &h->t[tt].v[k];
                const char *owner = F(l, tt == T_ATTRIBUTE ? "link_id" : "service_id");
                if (strcmp(owner, sidb) != 0)
                    continue;
                char tid[128], cat[80];
                snprintf(tid, sizeof(tid), "%s", F(l, "taxonomy_term_id"));
                if (!tid[0])
                    snprintf(tid, sizeof(tid), "%s", F(l, "taxonomy_id"));
                if (term_category(h, tid, cat, sizeof(cat), 0))
                    list_add_cell(h->services, row, "categories", cat);
                else if (!find(h, T_TERM, tid))
                    report(h, DIAG_WARNING, l, "taxonomy_term_id",
                           "unknown taxonomy term \"%s\"; left out", tid);
            }
        }
    }
}

static void map_contacts(struct hsds *h)
{
    char fbuf[64], id[80], org[80], svc[80];
    for (size_t i = 0; i < h->t[T_CONTACT].n; i++) {
        const struct rec *r = &h->t[T_CONTACT].v[i];
        const char *cid = F(r, "id");
        char name[512];
        snprintf(name, sizeof(name), "%s", F(r, "name"));
        if (!*cid || !name[0]) {
            report(h, DIAG_WARNING, r, *cid ? "name" : "id", "contact without %s; skipped",
                   *cid ? "a name" : "an id");
            continue;
        }
        char cidb[256];
        snprintf(cidb, sizeof(cidb), "%s", cid);
        hsds_id(cidb, id, sizeof(id));
        char sidb[256];
        snprintf(sidb, sizeof(sidb), "%s", F(r, "service_id"));
        const struct rec *sal = find(h, T_SAL, F(r, "service_at_location_id"));
        if (!sidb[0] && sal)
            snprintf(sidb, sizeof(sidb), "%s", F(sal, "service_id"));
        hsds_id(sidb, svc, sizeof(svc));
        long srow = sidb[0] ? folder_find(h->services, svc) : -1;
        const char *oid = F(r, "organization_id");
        if (*oid)
            hsds_id(oid, org, sizeof(org));
        else if (srow >= 0)
            snprintf(org, sizeof(org), "%s",
                     folder_cell(h->services, (size_t)srow, "organization"));
        else
            org[0] = '\0';
        if (!org[0] || folder_find(h->orgs, org) < 0) {
            report(h, DIAG_WARNING, r, "organization_id",
                   "contact with no known organisation or service; skipped");
            continue;
        }
        rec_ctx(h, r);
        size_t row = folder_add_row(h->contacts);
        folder_set(h->contacts, row, "id", id);
        folder_set(h->contacts, row, "organization", org);
        folder_set(h->contacts, row, "name", name);
        if (srow >= 0)
            folder_set(h->contacts, row, "services", svc);
        const char *title = F(r, "title");
        if (!*title)
            title = F(r, "department");
        if (!*title) {
            const char *dl = h->im.deflang;
            title = strcmp(dl, "sv") == 0   ? "Kontaktperson"
                    : strcmp(dl, "en") == 0 ? "Contact person"
                                            : "Yhteyshenkilö";
        }
        char tbuf[512];
        snprintf(tbuf, sizeof(tbuf), "%s", title);
        put_text(h, h->contacts, row, "title", tbuf);
        put_contact_details(h, r, h->contacts, row, NULL);
        put_phone(h, "contact_id", cidb, h->contacts, row);
    }
}

/* ---- schedules ------------------------------------------------------------------ */

/* The target (service or location aula id) of a schedule record. */
static bool schedule_target(struct hsds *h, const struct rec *r, char *out, size_t cap)
{
    char fbuf[64];
    const char *sid = F(r, "service_id");
    char sidb[256] = "";
    if (*sid) {
        snprintf(sidb, sizeof(sidb), "%s", sid);
    } else {
        const struct rec *sal = find(h, T_SAL, F(r, "service_at_location_id"));
        if (sal)
            snprintf(sidb, sizeof(sidb), "%s", F(sal, "service_id"));
    }
    if (sidb[0]) {
        hsds_id(sidb, out, cap);
        return folder_find(h->services, out) >= 0;
    }
    const char *lid = F(r, "location_id");
    if (*lid) {
        hsds_id(lid, out, cap);
        return folder_find(h->locs, out) >= 0;
    }
    return false;
}

static bool clock(struct hsds *h, const struct rec *r, const char *fld, int *m)
{
    char fbuf[64], buf[32];
    const char *s = F(r, fld);
    snprintf(buf, sizeof(buf), "%s", s);
    size_t n = strlen(buf);
    if (n && buf[n - 1] == 'Z')
        buf[n - 1] = '\0'; /* "09:00:00Z": local time is meant */
    if (!*s) {
        report(h, DIAG_WARNING, r, fld, "missing; these hours are skipped");
        return false;
    }
    if (!importer_parse_clock(buf, m)) {
        report(h, DIAG_ERROR, r, fld, "\"%s\" is not a time", s);
        return false;
    }
    return true;
}

static int weekday_of(const char *s)
{
    static const char *const names[][3] = {{"MO", "monday", "1"},    {"TU", "tuesday", "2"},
                                           {"WE", "wednesday", "3"}, {"TH", "thursday", "4"},
                                           {"FR", "friday", "5"},    {"SA", "saturday", "6"},
                                           {"SU", "sunday", "7"}};
    for (int i = 0; i < 7; i++)
        for (int k = 0; k < 3; k++)
            if (strcasecmp(s, names[i][k]) == 0)
                return i + 1;
    return 0;
}

static void hours_row(struct hsds *h, const char *target, int day, int opens, int closes)
{
    char d[16], o[16], c[16];
    snprintf(d, sizeof(d), "%d", day);
    if (opens == closes && opens == 0)
        closes = 1440;
    snprintf(o, sizeof(o), "%02d:%02d", opens / 60, opens % 60);
    snprintf(c, sizeof(c), "%02d:%02d", closes / 60, closes % 60);
    size_t r = folder_add_row(h->hours);
    folder_set(h->hours, r, "target", target);
    folder_set(h->hours, r, "days", d);
    folder_set(h->hours, r, "opens", o);
    folder_set(h->hours, r, "closes", c);
}

static void map_weekly(struct hsds *h, int t)
{
    char fbuf[64], target[80];
    for (size_t i = 0; i < h->t[t].n; i++) {
        const struct rec *r = &h->t[t].v[i];
        if (!schedule_target(h, r, target, sizeof(target))) {
            report(h, DIAG_WARNING, r, "service_id",
                   "schedule of no known service or location; skipped");
            continue;
        }
        char days[128];
        const char *freq = F(r, "freq");
        if (t == T_SCHEDULE && *freq && strcasecmp(freq, "weekly") != 0) {
            report(h, DIAG_WARNING, r, "freq",
                   "\"%s\" schedules are not supported (WEEKLY is); "
                   "skipped",
                   freq);
            continue;
        }
        snprintf(days, sizeof(days), "%s", F(r, t == T_SCHEDULE ? "byday" : "weekday"));
        if (!days[0] && t == T_SCHEDULE)
            snprintf(days, sizeof(days), "%s", F(r, "weekday"));
        int opens, closes;
        if (!days[0]) {
            report(h, DIAG_WARNING, r, t == T_SCHEDULE ? "byday" : "weekday",
                   "no weekdays; skipped");
            continue;
        }
        if (!clock(h, r, "opens_at", &opens) || !clock(h, r, "closes_at", &closes))
            continue;
        for (char *tok = strtok(days, ", "); tok; tok = strtok(NULL, ", ")) {
            int wd = weekday_of(tok);
            if (!wd)
                report(h, DIAG_WARNING, r, t == T_SCHEDULE ? "byday" : "weekday",
                       "\"%s\" is not a weekday; skipped", tok);
            else
                hours_row(h, target, wd, opens, closes);
        }
    }
}

static void map_holidays(struct hsds *h)
{
    char fbuf[64], target[80];
    for (size_t i = 0; i < h->t[T_HOLIDAY].n; i++) {
        const struct rec *r = &h->t[T_HOLIDAY].v[i];
        if (!schedule_target(h, r, target, sizeof(target))) {
            report(h, DIAG_WARNING, r, "service_id",
                   "schedule of no known service or location; skipped");
            continue;
        }
        struct civil_date from, to;
        char sd[32], ed[32];
        snprintf(sd, sizeof(sd), "%s", F(r, "start_date"));
        snprintf(ed, sizeof(ed), "%s", F(r, "end_date"));
        if (!civil_parse_date(sd, &from)) {
            report(h, DIAG_ERROR, r, "start_date", "\"%s\" is not a date", sd);
            continue;
        }
        if (!ed[0])
            to = from;
        else if (!civil_parse_date(ed, &to)) {
            report(h, DIAG_ERROR, r, "end_date", "\"%s\" is not a date", ed);
            continue;
        }
        int64_t a = civil_to_days(from.year, from.month, from.day);
        int64_t b = civil_to_days(to.year, to.month, to.day);
        if (b < a || b - a > 366) {
            report(h, DIAG_ERROR, r, "end_date", "\"%s\" is not within a year after %s", ed, sd);
            continue;
        }
        const char *cl = F(r, "closed");
        bool closed =
            strcasecmp(cl, "true") == 0 || strcmp(cl, "1") == 0 || strcasecmp(cl, "yes") == 0;
        int opens = 0, closes = 0;
        if (!closed && (!clock(h, r, "opens_at", &opens) || !clock(h, r, "closes_at", &closes)))
            continue;
        for (int64_t d = a; d <= b; d++) {
            char date[11], o[16], c[16];
            civil_format(civil_from_days(d), date);
            size_t row = folder_add_row(h->exc);
            folder_set(h->exc, row, "target", target);
            folder_set(h->exc, row, "date", date);
            if (closed) {
                folder_set(h->exc, row, "closed", "yes");
            } else {
                snprintf(o, sizeof(o), "%02d:%02d", opens / 60, opens % 60);
                snprintf(c, sizeof(c), "%02d:%02d", closes / 60, closes % 60);
                folder_set(h->exc, row, "opens", o);
                folder_set(h->exc, row, "closes", c);
            }
        }
    }
}

bool hsds_import(const struct import_input *in, size_t n, const struct import_options *opt,
                 struct folder *out, struct diag_list *d)
{
    struct hsds h;
    memset(&h, 0, sizeof(h));
    size_t errors = d->errors;
    importer_init(&h.im, opt, out, d);
    importer_declare_tables(&h.im);
    for (int t = 0; t < T_COUNT; t++)
        idset_init(&h.t[t].index);
    h.orgs = importer_table(&h.im, "organizations.csv");
    h.services = importer_table(&h.im, "services.csv");
    h.cats = importer_table(&h.im, "categories.csv");
    h.locs = importer_table(&h.im, "locations.csv");
    h.contacts = importer_table(&h.im, "contacts.csv");
    h.hours = importer_table(&h.im, "opening_hours.csv");
    h.exc = importer_table(&h.im, "opening_exceptions.csv");
    for (size_t i = 0; i < n; i++) {
        if (hsds_is_table(in[i].name)) {
            read_csv(&h, &in[i]);
            continue;
        }
        json_t *root = importer_parse(&h.im, &in[i]);
        if (!root)
            continue;
        h.owned = xrealloc(h.owned, (h.nowned + 1) * sizeof(json_t *));
        h.owned[h.nowned++] = root;
        read_json(&h, root);
    }
    map_orgs(&h);
    map_locations(&h);
    map_services(&h);
    map_contacts(&h);
    map_weekly(&h, T_SCHEDULE);
    map_weekly(&h, T_REGULAR);
    map_holidays(&h);
    h.im.file = NULL;
    importer_pop(&h.im, 0);
    importer_finish(&h.im, "hsds", "Open Referral HSDS", NULL, "Open Referral HSDS data");
    for (int t = 0; t < T_COUNT; t++) {
        for (size_t i = 0; i < h.t[t].n; i++)
            free(h.t[t].v[i].path);
        free(h.t[t].v);
        idset_free(&h.t[t].index);
    }
    for (size_t i = 0; i < h.nowned; i++)
        json_decref(h.owned[i]);
    free(h.owned);
    return d->errors == errors;
}
