/* catalog: services, organisations and contact persons; see catalog.h. */
#include "domain/catalog.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_col(struct db_stmt *st, int col)
{
    return xstrdup(db_col_text(st, col));
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_textv(struct i18n_text *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        i18n_text_free(&v[i]);
    free(v);
}

bool catalog_site_load(struct content *c, const char *lang, struct catalog_site *s)
{
    memset(s, 0, sizeof(*s));
    i18n_text_set(&s->name, "", NULL, NULL);
    i18n_text_set(&s->tagline, "", NULL, NULL);
    struct db_stmt *st = db_prepare(
        c->db, "SELECT t.name, t.lang, t.tagline, s.phone, s.email, s.website FROM site s "
               "LEFT JOIN site_i18n t ON t.id = s.id AND t.lang = " I18N_BEST("site_i18n", "s.id"));
    if (!st)
        return false;
    i18n_bind(st, lang);
    if (db_step(st) == DB_ROW) {
        i18n_text_col(&s->name, st, 0, 1, lang);
        i18n_text_col(&s->tagline, st, 2, 1, lang);
        s->phone = dup_col(st, 3);
        s->email = dup_col(st, 4);
        s->website = dup_col(st, 5);
    }
    db_finalize(st);
    if (!s->phone) {
        s->phone = xstrdup("");
        s->email = xstrdup("");
        s->website = xstrdup("");
    }

    /* Top-level categories, with the number of services under each. */
    st = db_prepare(
        c->db, "SELECT t.id, coalesce(t.icon, ''), n.name, n.lang, "
               "(SELECT count(*) FROM entity_term e WHERE e.term_id = t.id AND "
               "e.entity_type = 'service') "
               "FROM taxonomy_term t LEFT JOIN taxonomy_term_i18n n ON n.id = t.id AND "
               "n.lang = " I18N_BEST("taxonomy_term_i18n",
                                     "t.id") " WHERE t.kind = 'category' AND t.parent_id IS NULL "
                                             "ORDER BY t.sort_order, t.id");
    if (!st)
        return false;
    i18n_bind(st, lang);
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(s->cats, cap, s->ncats + 1);
        struct catalog_category *k = &s->cats[s->ncats++];
        memset(k, 0, sizeof(*k));
        k->id = dup_col(st, 0);
        k->icon = dup_col(st, 1);
        i18n_text_col(&k->name, st, 2, 3, lang);
        if (!k->name.s[0])
            i18n_text_set(&k->name, k->id, NULL, NULL);
        k->nservices = (int)db_col_int(st, 4);
    }
    db_finalize(st);
    return true;
}

void catalog_site_free(struct catalog_site *s)
{
    i18n_text_free(&s->name);
    i18n_text_free(&s->tagline);
    free(s->phone);
    free(s->email);
    free(s->website);
    for (size_t i = 0; i < s->ncats; i++) {
        free(s->cats[i].id);
        free(s->cats[i].icon);
        i18n_text_free(&s->cats[i].name);
    }
    free(s->cats);
    memset(s, 0, sizeof(*s));
}

static int cmp_item(const void *a, const void *b)
{
    const struct catalog_item *x = a, *y = b;
    int r = i18n_collate(x->name.s, y->name.s);
    return r ? r : strcmp(x->id, y->id);
}

static struct catalog_item *list_add(struct catalog_list *l)
{
    XGROW(l->v, l->cap, l->n + 1);
    struct catalog_item *it = &l->v[l->n++];
    memset(it, 0, sizeof(*it));
    return it;
}

#define SERVICE_ROW_SELECT                                                                         \
    "SELECT s.id, si.name, si.lang, oi.name, oi.lang, si.description "                             \
    "FROM service s "                                                                              \
    "LEFT JOIN service_i18n si ON si.id = s.id AND si.lang = " I18N_BEST(                          \
        "service_i18n", "s.id") " LEFT JOIN organization_i18n oi ON oi.id = s.organization_id "    \
                                "AND oi.lang = " I18N_BEST("organization_i18n",                    \
                                                           "s.organization_id")

static void read_service_rows(struct db_stmt *st, const char *lang, struct catalog_list *l)
{
    while (db_step(st) == DB_ROW) {
        struct catalog_item *it = list_add(l);
        it->id = dup_col(st, 0);
        i18n_text_col(&it->name, st, 1, 2, lang);
        if (!it->name.s[0])
            i18n_text_set(&it->name, it->id, NULL, NULL);
        i18n_text_col(&it->sub, st, 3, 4, lang);
        i18n_text_col(&it->summary, st, 5, 2, lang);
        it->kind = xstrdup("");
    }
    if (l->n > 1) /* qsort must not get NULL, even for none */
        qsort(l->v, l->n, sizeof(l->v[0]), cmp_item);
}

bool catalog_services_load(struct content *c, const char *lang, const char *category_id,
                           struct catalog_list *l)
{
    memset(l, 0, sizeof(*l));
    i18n_text_set(&l->title, "", NULL, NULL);
    struct db_stmt *st;
    if (category_id) {
        st = db_prepare(c->db, "SELECT n.name, n.lang FROM taxonomy_term_i18n n WHERE n.id = ?5 "
                               "ORDER BY " I18N_RANK("n.lang") ", n.lang LIMIT 1");
        if (!st)
            return false;
        i18n_bind(st, lang);
        db_bind_text(st, 5, category_id);
        if (db_step(st) == DB_ROW)
            i18n_text_col(&l->title, st, 0, 1, lang);
        db_finalize(st);
        st = db_prepare(c->db, SERVICE_ROW_SELECT " WHERE s.id IN (SELECT entity_id FROM "
                                                  "entity_term WHERE entity_type = 'service' AND "
                                                  "term_id = ?5)");
    } else {
        st = db_prepare(c->db, SERVICE_ROW_SELECT);
    }
    if (!st)
        return false;
    i18n_bind(st, lang);
    if (category_id)
        db_bind_text(st, 5, category_id);
    read_service_rows(st, lang, l);
    db_finalize(st);
    return true;
}

bool catalog_orgs_load(struct content *c, const char *lang, struct catalog_list *l)
{
    memset(l, 0, sizeof(*l));
    i18n_text_set(&l->title, "", NULL, NULL);
    struct db_stmt *st =
        db_prepare(c->db, "SELECT o.id, oi.name, oi.lang, oi.description, o.kind, "
                          "(SELECT count(*) FROM service s WHERE s.organization_id = o.id) "
                          "FROM organization o LEFT JOIN organization_i18n oi ON oi.id = o.id AND "
                          "oi.lang = " I18N_BEST("organization_i18n", "o.id"));
    if (!st)
        return false;
    i18n_bind(st, lang);
    while (db_step(st) == DB_ROW) {
        struct catalog_item *it = list_add(l);
        it->id = dup_col(st, 0);
        i18n_text_col(&it->name, st, 1, 2, lang);
        if (!it->name.s[0])
            i18n_text_set(&it->name, it->id, NULL, NULL);
        i18n_text_set(&it->sub, "", NULL, NULL);
        i18n_text_col(&it->summary, st, 3, 2, lang);
        it->kind = dup_col(st, 4);
        it->count = (int)db_col_int(st, 5);
    }
    db_finalize(st);
    if (l->n > 1) /* qsort must not get NULL, even for none */
        qsort(l->v, l->n, sizeof(l->v[0]), cmp_item);
    return true;
}

void catalog_list_free(struct catalog_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].id);
        free(l->v[i].kind);
        i18n_text_free(&l->v[i].name);
        i18n_text_free(&l->v[i].sub);
        i18n_text_free(&l->v[i].summary);
    }
    free(l->v);
    i18n_text_free(&l->title);
    memset(l, 0, sizeof(*l));
}

/* Native names of the languages of an entity (entity_language). */
static void load_langs(struct content *c, const char *type, const char *id, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st =
        db_prepare(c->db, "SELECT coalesce(l.native_name, e.lang) FROM entity_language e "
                          "LEFT JOIN language l ON l.code = e.lang "
                          "WHERE e.entity_type = ?1 AND e.entity_id = ?2 "
                          "ORDER BY coalesce(l.sort_order, 1000), e.lang");
    if (!st)
        return;
    db_bind_text(st, 1, type);
    db_bind_text(st, 2, id);
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(*out, cap, *n + 1);
        (*out)[(*n)++] = dup_col(st, 0);
    }
    db_finalize(st);
}

/* Contacts of a service (by_service) or of an organisation. */
static void load_contacts(struct content *c, const char *lang, const char *id, bool by_service,
                          struct catalog_contact **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = db_prepare(
        c->db,
        by_service
            ? "SELECT k.id, k.name, ci.title, ci.responsibilities, ci.lang, k.phone, "
              "k.email, oi.name, oi.lang FROM contact k "
              "JOIN contact_service cs ON cs.contact_id = k.id AND cs.service_id = ?5 "
              "LEFT JOIN contact_i18n ci ON ci.id = k.id AND ci.lang = " I18N_BEST(
                  "contact_i18n", "k.id") " LEFT JOIN organization_i18n oi ON oi.id = "
                                          "k.organization_id AND oi.lang = " I18N_BEST(
                                              "organization_i18n",
                                              "k.organization_id") " ORDER BY k.name, k.id"
            : "SELECT k.id, k.name, ci.title, ci.responsibilities, ci.lang, k.phone, "
              "k.email, oi.name, oi.lang FROM contact k "
              "LEFT JOIN contact_i18n ci ON ci.id = k.id AND ci.lang = " I18N_BEST(
                  "contact_i18n", "k.id") " LEFT JOIN organization_i18n oi ON oi.id = "
                                          "k.organization_id AND oi.lang = " I18N_BEST(
                                              "organization_i18n",
                                              "k.organization_id") " WHERE k.organization_id = ?5 "
                                                                   "ORDER BY k.name, k.id");
    if (!st)
        return;
    i18n_bind(st, lang);
    db_bind_text(st, 5, id);
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(*out, cap, *n + 1);
        struct catalog_contact *k = &(*out)[(*n)++];
        memset(k, 0, sizeof(*k));
        k->id = dup_col(st, 0);
        k->name = dup_col(st, 1);
        i18n_text_col(&k->title, st, 2, 4, lang);
        i18n_text_col(&k->responsibilities, st, 3, 4, lang);
        k->phone = dup_col(st, 5);
        k->email = dup_col(st, 6);
        i18n_text_col(&k->org_name, st, 7, 8, lang);
    }
    db_finalize(st);
    for (size_t i = 0; i < *n; i++)
        load_langs(c, "contact", (*out)[i].id, &(*out)[i].langs, &(*out)[i].nlangs);
}

static void free_contacts(struct catalog_contact *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].name);
        i18n_text_free(&v[i].title);
        i18n_text_free(&v[i].responsibilities);
        i18n_text_free(&v[i].org_name);
        free(v[i].phone);
        free(v[i].email);
        free_strv(v[i].langs, v[i].nlangs);
    }
    free(v);
}

static enum tri col_tri(struct db_stmt *st, int col)
{
    if (db_col_is_null(st, col))
        return TRI_UNKNOWN;
    return db_col_int(st, col) ? TRI_YES : TRI_NO;
}

static void load_locations(struct content *c, const char *lang, const char *service_id,
                           struct catalog_location **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = db_prepare(
        c->db, "SELECT l.id, li.name, li.lang, li.directions, li.accessibility, "
               "coalesce(l.street_address, ''), coalesce(l.postal_code, ''), "
               "coalesce(l.city, ''), l.step_free, l.accessible_toilet, l.induction_loop, "
               "l.stroller_parking, l.changing_table "
               "FROM service_at_location sl JOIN location l ON l.id = sl.location_id "
               "LEFT JOIN location_i18n li ON li.id = l.id AND li.lang = " I18N_BEST(
                   "location_i18n", "l.id") " WHERE sl.service_id = ?5 ORDER BY l.id");
    if (!st)
        return;
    i18n_bind(st, lang);
    db_bind_text(st, 5, service_id);
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(*out, cap, *n + 1);
        struct catalog_location *l = &(*out)[(*n)++];
        memset(l, 0, sizeof(*l));
        l->id = dup_col(st, 0);
        i18n_text_col(&l->name, st, 1, 2, lang);
        i18n_text_col(&l->directions, st, 3, 2, lang);
        i18n_text_col(&l->accessibility, st, 4, 2, lang);
        l->street = dup_col(st, 5);
        l->postal_code = dup_col(st, 6);
        l->city = dup_col(st, 7);
        l->step_free = col_tri(st, 8);
        l->accessible_toilet = col_tri(st, 9);
        l->induction_loop = col_tri(st, 10);
        l->stroller_parking = col_tri(st, 11);
        l->changing_table = col_tri(st, 12);
    }
    db_finalize(st);
}

/* Names of the terms of kind ("age_group" or "category") of a service. */
static void load_terms(struct content *c, const char *lang, const char *service_id,
                       const char *kind, struct i18n_text **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct db_stmt *st = db_prepare(
        c->db,
        "SELECT ti.name, ti.lang, t.id FROM entity_term e JOIN taxonomy_term t ON "
        "t.id = e.term_id LEFT JOIN taxonomy_term_i18n ti ON ti.id = t.id AND ti.lang = " I18N_BEST(
            "taxonomy_term_i18n", "t.id") " WHERE e.entity_type = 'service' AND "
                                          "e.entity_id = ?5 AND t.kind = ?6 "
                                          "ORDER BY t.sort_order, t.id");
    if (!st)
        return;
    i18n_bind(st, lang);
    db_bind_text(st, 5, service_id);
    db_bind_text(st, 6, kind);
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(*out, cap, *n + 1);
        struct i18n_text *t = &(*out)[(*n)++];
        memset(t, 0, sizeof(*t));
        i18n_text_col(t, st, 0, 1, lang);
        if (!t->s[0])
            i18n_text_set(t, db_col_text(st, 2), NULL, NULL);
    }
    db_finalize(st);
}

/* service.sensitive for one service (by_org false) or for any service of
 * an organisation. Snapshots written before the column existed have none
 * sensitive. */
static bool sensitive(struct content *c, const char *id, bool by_org)
{
    if (db_query_int(c->db, "SELECT count(*) FROM pragma_table_info('service') "
                            "WHERE name = 'sensitive'") != 1)
        return false;
    struct db_stmt *st =
        db_prepare(c->db, by_org ? "SELECT count(*) FROM service WHERE organization_id = ?1 "
                                   "AND sensitive != 0"
                                 : "SELECT count(*) FROM service WHERE id = ?1 AND sensitive != 0");
    if (!st)
        return false;
    db_bind_text(st, 1, id);
    bool yes = db_step(st) == DB_ROW && db_col_int(st, 0) > 0;
    db_finalize(st);
    return yes;
}

/* Binds the visitor's language chain and ?5 = id, and steps to the one row
 * the statement returns; false (and the statement finalized) if there is
 * none. */
static bool step_one(struct db_stmt *st, const char *lang, const char *id)
{
    i18n_bind(st, lang);
    db_bind_text(st, 5, id);
    if (db_step(st) == DB_ROW)
        return true;
    db_finalize(st);
    return false;
}

bool catalog_service_load(struct content *c, const char *lang, const char *id, int64_t now,
                          struct catalog_service *s)
{
    memset(s, 0, sizeof(*s));
    hours_init(&s->hours);
    struct db_stmt *st = db_prepare(
        c->db, "SELECT s.id, si.name, si.lang, si.description, s.organization_id, oi.name, "
               "oi.lang, coalesce(s.phone, ''), coalesce(s.email, ''), coalesce(s.website, '') "
               "FROM service s LEFT JOIN service_i18n si ON si.id = s.id AND si.lang = " I18N_BEST(
                   "service_i18n", "s.id") " LEFT JOIN organization_i18n oi ON oi.id = "
                                           "s.organization_id AND oi.lang = " I18N_BEST(
                                               "organization_i18n",
                                               "s.organization_id") " WHERE s.id = ?5");
    if (!st)
        return false;
    if (!step_one(st, lang, id))
        return false;
    s->id = dup_col(st, 0);
    i18n_text_col(&s->name, st, 1, 2, lang);
    if (!s->name.s[0])
        i18n_text_set(&s->name, s->id, NULL, NULL);
    i18n_text_col(&s->description, st, 3, 2, lang);
    s->org_id = dup_col(st, 4);
    i18n_text_col(&s->org_name, st, 5, 6, lang);
    s->phone = dup_col(st, 7);
    s->email = dup_col(st, 8);
    s->website = dup_col(st, 9);
    s->sensitive = sensitive(c, s->id, false);
    db_finalize(st);

    load_terms(c, lang, id, "age_group", &s->ages, &s->nages);
    load_terms(c, lang, id, "category", &s->cats, &s->ncats);
    load_langs(c, "service", id, &s->langs, &s->nlangs);
    load_locations(c, lang, id, &s->locs, &s->nlocs);
    hours_load(c->db, "service", id, lang, &s->hours);
    if (hours_empty(&s->hours) && s->nlocs > 0) {
        hours_free(&s->hours);
        hours_load(c->db, "location", s->locs[0].id, lang, &s->hours);
    }
    load_contacts(c, lang, id, true, &s->contacts, &s->ncontacts);
    s->nupcoming = calendar_upcoming_for_service(c, lang, id, now, s->upcoming, 4);
    return true;
}

void catalog_service_free(struct catalog_service *s)
{
    free(s->id);
    i18n_text_free(&s->name);
    i18n_text_free(&s->description);
    free(s->org_id);
    i18n_text_free(&s->org_name);
    free(s->phone);
    free(s->email);
    free(s->website);
    free_textv(s->ages, s->nages);
    free_textv(s->cats, s->ncats);
    free_strv(s->langs, s->nlangs);
    for (size_t i = 0; i < s->nlocs; i++) {
        struct catalog_location *l = &s->locs[i];
        free(l->id);
        i18n_text_free(&l->name);
        i18n_text_free(&l->directions);
        i18n_text_free(&l->accessibility);
        free(l->street);
        free(l->postal_code);
        free(l->city);
    }
    free(s->locs);
    hours_free(&s->hours);
    free_contacts(s->contacts, s->ncontacts);
    for (size_t i = 0; i < s->nupcoming; i++)
        calendar_item_free(&s->upcoming[i]);
    memset(s, 0, sizeof(*s));
}

bool catalog_org_load(struct content *c, const char *lang, const char *id, struct catalog_org *o)
{
    memset(o, 0, sizeof(*o));
    struct db_stmt *st = db_prepare(
        c->db, "SELECT o.id, o.kind, oi.name, oi.lang, oi.description, coalesce(o.phone, ''), "
               "coalesce(o.email, ''), coalesce(o.website, '') FROM organization o "
               "LEFT JOIN organization_i18n oi ON oi.id = o.id AND oi.lang = " I18N_BEST(
                   "organization_i18n", "o.id") " WHERE o.id = ?5");
    if (!st)
        return false;
    if (!step_one(st, lang, id))
        return false;
    o->id = dup_col(st, 0);
    o->kind = dup_col(st, 1);
    i18n_text_col(&o->name, st, 2, 3, lang);
    if (!o->name.s[0])
        i18n_text_set(&o->name, o->id, NULL, NULL);
    i18n_text_col(&o->description, st, 4, 3, lang);
    o->phone = dup_col(st, 5);
    o->email = dup_col(st, 6);
    o->website = dup_col(st, 7);
    db_finalize(st);
    o->sensitive = sensitive(c, o->id, true);

    i18n_text_set(&o->services.title, "", NULL, NULL);
    st = db_prepare(c->db, SERVICE_ROW_SELECT " WHERE s.organization_id = ?5");
    if (st) {
        i18n_bind(st, lang);
        db_bind_text(st, 5, id);
        read_service_rows(st, lang, &o->services);
        db_finalize(st);
    }
    load_contacts(c, lang, id, false, &o->contacts, &o->ncontacts);
    return true;
}

void catalog_org_free(struct catalog_org *o)
{
    free(o->id);
    free(o->kind);
    i18n_text_free(&o->name);
    i18n_text_free(&o->description);
    free(o->phone);
    free(o->email);
    free(o->website);
    catalog_list_free(&o->services);
    free_contacts(o->contacts, o->ncontacts);
    memset(o, 0, sizeof(*o));
}
