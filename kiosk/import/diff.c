/* diff: each side is read into entities (id, display name, sorted
 * "field = value" pairs); the two sets are then walked by id. Snapshots are
 * read with SQL over their tables, folders from their CSV files, so the
 * same report comes from either. */
#include "import/diff.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "data/snapshot.h"
#include "pack/csvfile.h"
#include "pack/idset.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct entity {
    char *id;
    char **fields; /* "field\x1fvalue", sorted */
    size_t n, cap;
};

struct entities {
    struct entity *v;
    size_t n, cap;
    struct idset index;
};

enum kind { K_SERVICE, K_ACTIVITY, K_ORG, K_COUNT };
static const char *const kind_label[K_COUNT] = {"services", "activities", "organisations"};

struct side {
    struct entities e[K_COUNT];
    char deflang[16];
};

static struct entity *entity_get(struct entities *es, const char *id)
{
    int i;
    if (idset_get(&es->index, id, &i))
        return &es->v[i];
    XGROW(es->v, es->cap, es->n + 1);
    struct entity *e = &es->v[es->n];
    memset(e, 0, sizeof(*e));
    e->id = xstrdup(id); /* the index borrows it; the string never moves */
    idset_add(&es->index, e->id, (int)es->n, NULL);
    es->n++;
    return e;
}

static void entity_add(struct entity *e, const char *field, const char *value)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s\x1f%s", field, value);
    XGROW(e->fields, e->cap, e->n + 1);
    e->fields[e->n++] = strbuf_detach(&b);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void side_free(struct side *s)
{
    for (int k = 0; k < K_COUNT; k++) {
        for (size_t i = 0; i < s->e[k].n; i++) {
            for (size_t f = 0; f < s->e[k].v[i].n; f++)
                free(s->e[k].v[i].fields[f]);
            free(s->e[k].v[i].fields);
            free(s->e[k].v[i].id);
        }
        free(s->e[k].v);
        idset_free(&s->e[k].index);
    }
}

/* ---- snapshots ------------------------------------------------------------------ */

/* SELECT id, 'col', col FROM table for each column, UNION ALL. */
static void sql_columns(struct strbuf *q, const char *table, const char *idcol,
                        const char *const *cols, const char *where)
{
    for (size_t i = 0; cols[i]; i++) {
        if (q->len)
            strbuf_puts(q, " UNION ALL ");
        strbuf_printf(q, "SELECT %s, '%s', CAST(%s AS TEXT) FROM %s WHERE %s IS NOT NULL%s%s",
                      idcol, cols[i], cols[i], table, cols[i], where ? " AND " : "",
                      where ? where : "");
    }
}

static void sql_i18n(struct strbuf *q, const char *table, const char *const *cols)
{
    for (size_t i = 0; cols[i]; i++)
        strbuf_printf(q, " UNION ALL SELECT id, '%s@' || lang, %s FROM %s WHERE %s IS NOT NULL",
                      cols[i], cols[i], table, cols[i]);
}

static bool load_snapshot(const char *path, struct side *s, FILE *err)
{
    struct db *db;
    char msg[1024];
    if (snapshot_open(path, false, &db, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(err, "%s\n", msg);
        return false;
    }
    struct snapshot_info in;
    snapshot_read_info(db, &in);
    snprintf(s->deflang, sizeof(s->deflang), "%s", in.default_language);
    struct strbuf q[K_COUNT];
    for (int k = 0; k < K_COUNT; k++)
        strbuf_init(&q[k]);
    static const char *const svc_cols[] = {"organization_id", "phone", "email", "website", NULL};
    static const char *const svc_i18n[] = {"name", "description", NULL};
    sql_columns(&q[K_SERVICE], "service", "id", svc_cols, NULL);
    sql_i18n(&q[K_SERVICE], "service_i18n", svc_i18n);
    strbuf_puts(&q[K_SERVICE],
                " UNION ALL SELECT service_id, 'location ' || location_id, '' FROM "
                "service_at_location"
                " UNION ALL SELECT entity_id, 'category ' || term_id, '' FROM entity_term WHERE "
                "entity_type = 'service'"
                " UNION ALL SELECT entity_id, 'language ' || lang, '' FROM entity_language WHERE "
                "entity_type = 'service'"
                " UNION ALL SELECT entity_id, 'hours ' || weekday || ' ' || opens_min || '-' || "
                "closes_min, '' FROM opening_hours WHERE entity_type = 'service'");
    static const char *const act_cols[] = {
        "organization_id", "service_id",       "location_id", "timezone",
        "dtstart_local",   "duration_min",     "rrule",       "age_min",
        "age_max",         "registration_url", NULL};
    static const char *const act_i18n[] = {"name", "description", "price", "registration", NULL};
    sql_columns(&q[K_ACTIVITY], "activity", "id", act_cols, NULL);
    sql_i18n(&q[K_ACTIVITY], "activity_i18n", act_i18n);
    strbuf_puts(&q[K_ACTIVITY],
                " UNION ALL SELECT activity_id, status || ' ' || local_date, CAST(start_utc AS "
                "TEXT) FROM occurrence WHERE status <> 'scheduled'");
    static const char *const org_cols[] = {"kind", "website", "phone", "email", NULL};
    static const char *const org_i18n[] = {"name", "description", NULL};
    sql_columns(&q[K_ORG], "organization", "id", org_cols, NULL);
    sql_i18n(&q[K_ORG], "organization_i18n", org_i18n);
    /* entities with no optional fields still have a row each */
    strbuf_puts(&q[K_SERVICE], " UNION ALL SELECT id, '', '' FROM service");
    strbuf_puts(&q[K_ACTIVITY], " UNION ALL SELECT id, '', '' FROM activity");
    strbuf_puts(&q[K_ORG], " UNION ALL SELECT id, '', '' FROM organization");
    bool ok = true;
    for (int k = 0; k < K_COUNT && ok; k++) {
        struct db_stmt *st = db_prepare(db, q[k].s);
        if (!st) {
            fprintf(err, "%s: cannot read %s: %s\n", path, kind_label[k], db_errmsg(db));
            ok = false;
            break;
        }
        enum db_step_result rc;
        while ((rc = db_step(st)) == DB_ROW) {
            struct entity *e = entity_get(&s->e[k], db_col_text(st, 0));
            if (*db_col_text(st, 1))
                entity_add(e, db_col_text(st, 1), db_col_text(st, 2));
        }
        if (rc == DB_ERROR) {
            fprintf(err, "%s: cannot read %s: %s\n", path, kind_label[k], db_errmsg(db));
            ok = false;
        }
        db_finalize(st);
    }
    for (int k = 0; k < K_COUNT; k++)
        strbuf_free(&q[k]);
    db_close(db);
    return ok;
}

/* ---- folders -------------------------------------------------------------------- */

static bool load_csv(const char *dir, const char *file, struct csv_table *t, FILE *err)
{
    struct strbuf p;
    strbuf_init(&p);
    strbuf_printf(&p, "%s/%s", dir, file);
    struct stat st;
    memset(t, 0, sizeof(*t));
    if (stat(p.s, &st) != 0) {
        strbuf_free(&p);
        return false; /* absent: nothing of this kind */
    }
    struct diag_list d;
    diag_list_init(&d);
    bool ok = csvfile_load(p.s, file, t, &d);
    if (!ok)
        diag_print(&d, err);
    diag_list_free(&d);
    strbuf_free(&p);
    return ok;
}

static void load_rows(const char *dir, const char *file, struct entities *es, FILE *err)
{
    struct csv_table t;
    if (load_csv(dir, file, &t, err)) {
        int idc = csvfile_col(&t, "id");
        for (size_t r = 0; idc >= 0 && r < t.nrows; r++) {
            const char *id = csvfile_cell(&t, r, idc);
            if (!*id)
                continue;
            struct entity *e = entity_get(es, id);
            for (size_t c = 0; c < t.ncols; c++)
                if ((int)c != idc && t.cols[c][0] && *csvfile_cell(&t, r, (int)c))
                    entity_add(e, t.cols[c], csvfile_cell(&t, r, (int)c));
        }
    }
    csvfile_free(&t);
}

static bool load_folder(const char *dir, struct side *s, FILE *err)
{
    struct csv_table t;
    snprintf(s->deflang, sizeof(s->deflang), "fi");
    if (load_csv(dir, "site.csv", &t, err) && t.nrows)
        snprintf(s->deflang, sizeof(s->deflang), "%s",
                 csvfile_cell(&t, 0, csvfile_col(&t, "default_language")));
    csvfile_free(&t);
    load_rows(dir, "services.csv", &s->e[K_SERVICE], err);
    load_rows(dir, "activities.csv", &s->e[K_ACTIVITY], err);
    load_rows(dir, "organizations.csv", &s->e[K_ORG], err);
    if (load_csv(dir, "activity_changes.csv", &t, err)) {
        for (size_t r = 0; r < t.nrows; r++) {
            const char *a = csvfile_cell(&t, r, csvfile_col(&t, "activity"));
            if (!*a)
                continue;
            struct strbuf f;
            strbuf_init(&f);
            strbuf_printf(&f, "%s %s", csvfile_cell(&t, r, csvfile_col(&t, "status")),
                          csvfile_cell(&t, r, csvfile_col(&t, "date")));
            entity_add(entity_get(&s->e[K_ACTIVITY], a), f.s,
                       csvfile_cell(&t, r, csvfile_col(&t, "start")));
            strbuf_free(&f);
        }
    }
    csvfile_free(&t);
    return true;
}

/* ---- report -------------------------------------------------------------------- */

static const char *display_name(const struct entity *e, const char *lang)
{
    char want[32];
    snprintf(want, sizeof(want), "name@%s\x1f", lang);
    const char *any = NULL;
    for (size_t i = 0; i < e->n; i++) {
        if (strncmp(e->fields[i], want, strlen(want)) == 0)
            return e->fields[i] + strlen(want);
        if (!any && strncmp(e->fields[i], "name@", 5) == 0)
            any = strchr(e->fields[i], '\x1f') + 1;
    }
    return any ? any : "";
}

/* Field name of "field\x1fvalue", up to the first space ("location x" ->
 * "location"). */
static void field_name(const char *f, char *buf, size_t cap)
{
    size_t n = strcspn(f, " \x1f");
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, f, n);
    buf[n] = '\0';
}

static void add_changed(struct strbuf *b, const char *f, int *count)
{
    char name[64];
    field_name(f, name, sizeof(name));
    /* already listed? */
    const char *p = b->s;
    size_t n = strlen(name);
    while (p && (p = strstr(p, name)) != NULL) {
        if ((p == b->s || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
            return;
        p += n;
    }
    if ((*count)++ == 8) {
        strbuf_puts(b, ", ...");
        return;
    }
    if (*count > 8)
        return;
    if (b->len)
        strbuf_puts(b, ", ");
    strbuf_puts(b, name);
}

/* Fields that differ between a and b (both sorted). */
static bool changed_fields(const struct entity *a, const struct entity *b, struct strbuf *out)
{
    size_t i = 0, j = 0;
    int count = 0;
    while (i < a->n || j < b->n) {
        int c = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->fields[i], b->fields[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            add_changed(out, a->fields[i++], &count);
        } else {
            add_changed(out, b->fields[j++], &count);
        }
    }
    return count > 0;
}

static int cmp_entity(const void *x, const void *y)
{
    return strcmp(((const struct entity *)x)->id, ((const struct entity *)y)->id);
}

static void sort_side(struct side *s)
{
    for (int k = 0; k < K_COUNT; k++) {
        struct entities *es = &s->e[k];
        for (size_t i = 0; i < es->n; i++)
            if (es->v[i].n > 1)
                qsort(es->v[i].fields, es->v[i].n, sizeof(char *), cmp_str);
        if (es->n > 1)
            qsort(es->v, es->n, sizeof(*es->v), cmp_entity);
        idset_free(&es->index);
        idset_init(&es->index);
        for (size_t i = 0; i < es->n; i++)
            idset_add(&es->index, es->v[i].id, (int)i, NULL);
    }
}

static size_t report_kind(enum kind k, struct side *a, struct side *b, FILE *out)
{
    struct entities *ea = &a->e[k], *eb = &b->e[k];
    struct strbuf lines;
    strbuf_init(&lines);
    size_t added = 0, removed = 0, changed = 0;
    size_t i = 0, j = 0;
    while (i < ea->n || j < eb->n) {
        int c = i == ea->n ? 1 : j == eb->n ? -1 : strcmp(ea->v[i].id, eb->v[j].id);
        if (c < 0) {
            strbuf_printf(&lines, "  - %s \"%s\"\n", ea->v[i].id,
                          display_name(&ea->v[i], a->deflang));
            removed++;
            i++;
        } else if (c > 0) {
            strbuf_printf(&lines, "  + %s \"%s\"\n", eb->v[j].id,
                          display_name(&eb->v[j], b->deflang));
            added++;
            j++;
        } else {
            struct strbuf f;
            strbuf_init(&f);
            if (changed_fields(&ea->v[i], &eb->v[j], &f)) {
                strbuf_printf(&lines, "  ~ %s \"%s\": %s\n", eb->v[j].id,
                              display_name(&eb->v[j], b->deflang), f.s);
                changed++;
            }
            strbuf_free(&f);
            i++;
            j++;
        }
    }
    fprintf(out, "%s: %zu added, %zu removed, %zu changed\n", kind_label[k], added, removed,
            changed);
    if (lines.len)
        fputs(lines.s, out);
    strbuf_free(&lines);
    return added + removed + changed;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int diff_report(const char *old_path, const char *new_path, FILE *out, FILE *err)
{
    bool da = is_dir(old_path), db = is_dir(new_path);
    if (da != db) {
        fprintf(err, "aula-pack diff: compare two snapshots or two content folders, not one of "
                     "each\n");
        return 2;
    }
    struct side a, b;
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    for (int k = 0; k < K_COUNT; k++) {
        idset_init(&a.e[k].index);
        idset_init(&b.e[k].index);
    }
    bool ok = da ? load_folder(old_path, &a, err) && load_folder(new_path, &b, err)
                 : load_snapshot(old_path, &a, err) && load_snapshot(new_path, &b, err);
    int rc = 2;
    if (ok) {
        sort_side(&a);
        sort_side(&b);
        fprintf(out, "changes from %s to %s\n", old_path, new_path);
        size_t n = 0;
        for (int k = 0; k < K_COUNT; k++)
            n += report_kind((enum kind)k, &a, &b, out);
        rc = n ? 1 : 0;
    }
    side_free(&a);
    side_free(&b);
    return rc;
}
