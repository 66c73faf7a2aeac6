/* linkedevents: Linked Events to aula content. Mapping:
 *   event (no super event)        -> a one-off activity (start, duration)
 *   recurring super event + subs  -> one weekly activity (RRULE with UNTIL,
 *                                    missing weeks as exdates) when the subs
 *                                    share weekday, time and length; else
 *                                    one one-off activity per sub-event
 *   umbrella super event          -> not shown itself; its subs are events
 *   EventCancelled/EventPostponed -> a cancelled instance in
 *                                    activity_changes.csv, with a note
 *   place (embedded or listed)    -> locations.csv (position is WGS84)
 *   keyword with a name           -> categories.csv
 *   publisher                     -> organizations.csv
 *   offers                        -> price@... ("free" in fi/sv/en) and the
 *                                    registration address
 * Ids are "le-" + the Linked Events id ("helsinki:agf3abc4" ->
 * "le-helsinki-agf3abc4"). Every file's JSON tree is kept until the end,
 * because events refer to each other, to places and to keywords. */
#include "import/linkedevents.h"
#include "base/civil.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pack/langs.h"
#include "pack/recur.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct le_obj {
    json_t *v;
    char *id;   /* Linked Events id ("helsinki:agf3abc4") */
    char *path; /* JSON path, for messages */
    const char *file;
};

struct le_list {
    struct le_obj *v;
    size_t n, cap;
    struct idset index;
};

struct le {
    struct importer im;
    struct le_list events, places, keywords, orgs;
    struct folder_table *acts, *changes, *locs, *cats, *org_t;
    char sources[256]; /* data sources met, for the attribution */
};

/* The id of a reference {"@id": ".../place/tprek:8310/"} or of an object
 * with "id". NULL if none. Result in buf. */
static const char *ref_id(json_t *v, char *buf, size_t cap)
{
    if (!json_is_object(v))
        return NULL;
    json_t *id = json_object_get(v, "id");
    if (json_is_string(id) && *json_string_value(id)) {
        snprintf(buf, cap, "%s", json_string_value(id));
        return buf;
    }
    id = json_object_get(v, "@id");
    if (!json_is_string(id))
        return NULL;
    const char *s = json_string_value(id);
    size_t n = strlen(s);
    while (n && s[n - 1] == '/')
        n--;
    size_t b = n;
    while (b && s[b - 1] != '/')
        b--;
    if (b == n || n - b >= cap)
        return NULL;
    memcpy(buf, s + b, n - b);
    buf[n - b] = '\0';
    return buf;
}

static void list_add(struct le *p, struct le_list *l, json_t *v, const char *id)
{
    int old;
    if (idset_get(&l->index, id, &old)) {
        /* an embedded copy may come before the full object: keep the
         * fuller one (more members) */
        if (json_object_size(v) > json_object_size(l->v[old].v))
            l->v[old].v = v;
        return;
    }
    XGROW(l->v, l->cap, l->n + 1);
    struct le_obj *o = &l->v[l->n];
    o->v = v;
    o->id = xstrdup(id);
    o->path = xstrdup(p->im.path);
    o->file = p->im.file;
    idset_add(&l->index, o->id, (int)l->n, NULL);
    l->n++;
}

static struct le_obj *list_get(struct le_list *l, const char *id)
{
    int i;
    return id && idset_get(&l->index, id, &i) ? &l->v[i] : NULL;
}

static void list_free(struct le_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].id);
        free(l->v[i].path);
    }
    free(l->v);
    idset_free(&l->index);
}

/* The kind of object from "@type" or its "@id" address. */
static const char *kind_of(json_t *v)
{
    json_t *t = json_object_get(v, "@type");
    if (json_is_string(t))
        return json_string_value(t);
    json_t *id = json_object_get(v, "@id");
    if (json_is_string(id)) {
        const char *s = json_string_value(id);
        if (strstr(s, "/event/"))
            return "Event";
        if (strstr(s, "/place/"))
            return "Place";
        if (strstr(s, "/keyword/"))
            return "Keyword";
        if (strstr(s, "/organization/"))
            return "Organization";
    }
    if (json_object_get(v, "start_time"))
        return "Event";
    return NULL;
}

static void collect(struct le *p, json_t *v);

/* Embedded places and keywords of an event, so that they can be found. */
static void collect_embedded(struct le *p, json_t *ev)
{
    char id[256];
    json_t *loc = json_object_get(ev, "location");
    if (json_is_object(loc) && json_object_get(loc, "name") && ref_id(loc, id, sizeof(id))) {
        size_t m = importer_push_key(&p->im, "location");
        list_add(p, &p->places, loc, id);
        importer_pop(&p->im, m);
    }
    json_t *kws = json_object_get(ev, "keywords");
    size_t i;
    json_t *k;
    json_array_foreach(kws, i, k)
    {
        if (json_is_object(k) && json_object_get(k, "name") && ref_id(k, id, sizeof(id))) {
            size_t m = importer_push_key(&p->im, "keywords");
            importer_push_index(&p->im, i);
            list_add(p, &p->keywords, k, id);
            importer_pop(&p->im, m);
        }
    }
    json_t *subs = json_object_get(ev, "sub_events");
    json_array_foreach(subs, i, k)
    {
        if (json_is_object(k) && json_object_get(k, "start_time")) {
            size_t m = importer_push_key(&p->im, "sub_events");
            importer_push_index(&p->im, i);
            collect(p, k);
            importer_pop(&p->im, m);
        }
    }
}

static void collect(struct le *p, json_t *v)
{
    struct importer *im = &p->im;
    if (!json_is_object(v)) {
        importer_error(im, "expected an event, place, keyword or organisation object");
        return;
    }
    const char *kind = kind_of(v);
    char id[256];
    if (!ref_id(v, id, sizeof(id))) {
        size_t m = importer_push_key(im, "id");
        importer_error(im, "missing");
        importer_pop(im, m);
        return;
    }
    if (!kind) {
        importer_warn(im, "not a Linked Events event, place, keyword or organisation; skipped");
    } else if (strcmp(kind, "Event") == 0) {
        if (json_is_true(json_object_get(v, "deleted")))
            return;
        list_add(p, &p->events, v, id);
        collect_embedded(p, v);
    } else if (strcmp(kind, "Place") == 0) {
        list_add(p, &p->places, v, id);
    } else if (strcmp(kind, "Keyword") == 0) {
        list_add(p, &p->keywords, v, id);
    } else if (strcmp(kind, "Organization") == 0) {
        list_add(p, &p->orgs, v, id);
    } else {
        size_t m = importer_push_key(im, "@type");
        importer_warn(im, "\"%s\" is not a kind of object this importer reads; skipped", kind);
        importer_pop(im, m);
    }
}

static void collect_doc(struct le *p, json_t *root)
{
    struct importer *im = &p->im;
    json_t *arr = NULL;
    const char *key = NULL;
    if (json_is_array(root)) {
        arr = root;
    } else if (json_is_object(root) && json_object_get(root, "data")) {
        arr = importer_arr(im, root, "data");
        key = "data";
        if (!arr)
            return;
    } else if (json_is_object(root)) {
        collect(p, root);
        return;
    } else {
        importer_error(im, "expected Linked Events JSON (an object or a list)");
        return;
    }
    size_t m = key ? importer_push_key(im, key) : im->pathlen;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        size_t m2 = importer_push_index(im, i);
        collect(p, v);
        importer_pop(im, m2);
    }
    importer_pop(im, m);
}

/* ---- texts ----------------------------------------------------------------- */

/* A Linked Events language map {"fi": "...", "sv": null, ...} into x. */
static void texts(struct importer *im, json_t *obj, const char *key, struct i18n *x)
{
    memset(x, 0, sizeof(*x));
    json_t *m = importer_obj(im, obj, key);
    const char *lang;
    json_t *v;
    json_object_foreach(m, lang, v)
    {
        if (json_is_string(v) && *json_string_value(v))
            i18n_put(x, lang, json_string_value(v));
    }
}

static void set_ctx(struct le *p, const struct le_obj *o)
{
    p->im.file = o->file;
    importer_pop(&p->im, 0);
    importer_push_key(&p->im, o->path);
}

/* ---- places, keywords, organisations ------------------------------------------------ */

/* The aula location id of an event's place (created on first use), or NULL. */
static const char *place_location(struct le *p, json_t *ev, char *out, size_t cap)
{
    char id[256];
    if (!ref_id(json_object_get(ev, "location"), id, sizeof(id)))
        return NULL;
    struct le_obj *pl = list_get(&p->places, id);
    if (!pl)
        return NULL;
    importer_make_id("le", id, out, cap);
    if (folder_find(p->locs, out) >= 0)
        return out;
    struct importer *im = &p->im;
    char saved_path[512];
    size_t saved_len = im->pathlen;
    const char *saved_file = im->file;
    memcpy(saved_path, im->path, sizeof(saved_path));
    set_ctx(p, pl);
    struct i18n names, street, city, info;
    texts(im, pl->v, "name", &names);
    texts(im, pl->v, "street_address", &street);
    texts(im, pl->v, "address_locality", &city);
    texts(im, pl->v, "description", &info);
    size_t r = folder_add_row(p->locs);
    folder_set(p->locs, r, "id", out);
    size_t m = importer_push_key(im, "name");
    bool ok = importer_put_i18n(im, p->locs, r, "name", &names, true);
    importer_pop(im, m);
    const char *order[] = {im->deflang, "fi", "sv", "en"};
    for (size_t i = 0; i < 4; i++)
        if (i18n_get(&street, order[i]) && !*folder_cell(p->locs, r, "street_address"))
            folder_set(p->locs, r, "street_address", i18n_get(&street, order[i]));
    for (size_t i = 0; i < 4; i++)
        if (i18n_get(&city, order[i]) && !*folder_cell(p->locs, r, "city"))
            folder_set(p->locs, r, "city", i18n_get(&city, order[i]));
    folder_set(p->locs, r, "postal_code", importer_str(im, pl->v, "postal_code"));
    json_t *pos = importer_obj(im, pl->v, "position");
    json_t *co = pos ? json_object_get(pos, "coordinates") : NULL;
    if (json_is_array(co) && json_array_size(co) == 2 && json_is_number(json_array_get(co, 0)) &&
        json_is_number(json_array_get(co, 1))) {
        double lon = json_number_value(json_array_get(co, 0));
        double lat = json_number_value(json_array_get(co, 1));
        char buf[32];
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
            snprintf(buf, sizeof(buf), "%.6f", lat);
            folder_set(p->locs, r, "latitude", buf);
            snprintf(buf, sizeof(buf), "%.6f", lon);
            folder_set(p->locs, r, "longitude", buf);
        } else {
            m = importer_push_key(im, "position.coordinates");
            importer_warn(im, "%g, %g are not WGS84 longitude and latitude; left out", lon, lat);
            importer_pop(im, m);
        }
    }
    if (!ok) {
        importer_warn(im, "place without a name; events there get no location");
        folder_remove_row(p->locs, r);
        out = NULL;
    }
    im->file = saved_file;
    memcpy(im->path, saved_path, sizeof(saved_path));
    im->pathlen = saved_len;
    return out;
}

/* Categories from the event's keywords that have names. */
static void keyword_categories(struct le *p, json_t *ev, struct strbuf *list)
{
    json_t *kws = json_object_get(ev, "keywords");
    size_t i;
    json_t *k;
    json_array_foreach(kws, i, k)
    {
        char id[256], cid[80];
        if (!ref_id(k, id, sizeof(id)))
            continue;
        struct le_obj *kw = list_get(&p->keywords, id);
        if (!kw)
            continue;
        importer_make_id("le", id, cid, sizeof(cid));
        if (folder_find(p->cats, cid) < 0) {
            struct i18n names;
            size_t m = importer_push_key(&p->im, "keywords");
            importer_push_index(&p->im, i);
            texts(&p->im, kw->v, "name", &names);
            size_t r = folder_add_row(p->cats);
            folder_set(p->cats, r, "id", cid);
            folder_set(p->cats, r, "kind", "category");
            bool ok = importer_put_i18n(&p->im, p->cats, r, "name", &names, true);
            importer_pop(&p->im, m);
            if (!ok) {
                folder_remove_row(p->cats, r);
                continue;
            }
        }
        if (!importer_list_has(list->s, cid)) {
            if (list->len)
                strbuf_putc(list, ' ');
            strbuf_puts(list, cid);
        }
    }
}

/* The organisation of an event: its publisher, created on first use. */
static void event_org(struct le *p, json_t *ev, char *out, size_t cap)
{
    json_t *pub = json_object_get(ev, "publisher");
    json_t *ds = json_object_get(ev, "data_source");
    const char *pid = json_is_string(pub) && *json_string_value(pub)
                          ? json_string_value(pub)
                          : (json_is_string(ds) ? json_string_value(ds) : "linkedevents");
    if (json_is_string(ds) && !strstr(p->sources, json_string_value(ds)) &&
        strlen(p->sources) + strlen(json_string_value(ds)) + 3 < sizeof(p->sources)) {
        if (p->sources[0])
            strcat(p->sources, ", ");
        strcat(p->sources, json_string_value(ds));
    }
    importer_make_id("le", pid, out, cap);
    if (folder_find(p->org_t, out) >= 0)
        return;
    struct i18n names;
    memset(&names, 0, sizeof(names));
    struct le_obj *o = list_get(&p->orgs, pid);
    if (o) {
        json_t *nm = json_object_get(o->v, "name");
        if (json_is_string(nm))
            i18n_put(&names, p->im.deflang, json_string_value(nm));
        else
            texts(&p->im, o->v, "name", &names);
    }
    if (!names.n)
        texts(&p->im, ev, "provider", &names);
    if (!names.n)
        i18n_put(&names, p->im.deflang, pid);
    size_t r = folder_add_row(p->org_t);
    folder_set(p->org_t, r, "id", out);
    folder_set(p->org_t, r, "kind", strncmp(pid, "ahjo:", 5) == 0 ? "public" : "other");
    importer_put_i18n(&p->im, p->org_t, r, "name", &names, true);
}

/* ---- events ------------------------------------------------------------------------ */

struct when {
    struct local_time start;
    int duration; /* minutes; 0 = default */
    bool ok;
};

static struct when event_when(struct le *p, json_t *ev)
{
    struct importer *im = &p->im;
    struct when w;
    memset(&w, 0, sizeof(w));
    const char *st = importer_str(im, ev, "start_time");
    const char *en = importer_str(im, ev, "end_time");
    int64_t s_utc, e_utc;
    bool s_date, s_zone, e_date, e_zone;
    size_t m = importer_push_key(im, "start_time");
    if (!st || !*st) {
        importer_warn(im, "missing; this event is skipped");
        importer_pop(im, m);
        return w;
    }
    if (!importer_parse_iso(st, &s_utc, &s_date, &s_zone)) {
        importer_error(im, "\"%s\" is not a date and time", st);
        importer_pop(im, m);
        return w;
    }
    importer_pop(im, m);
    if (s_date) {
        struct civil_date d = civil_from_days(s_utc / 86400);
        w.start = (struct local_time){d.year, d.month, d.day, 0, 0, true};
    } else if (s_zone) {
        if (!recur_utc_to_local(im->tz, s_utc, &w.start))
            return w;
    } else {
        struct civil_date d = civil_from_days(s_utc / 86400);
        int sec = (int)(s_utc - (s_utc / 86400) * 86400);
        w.start = (struct local_time){d.year, d.month, d.day, sec / 3600, sec / 60 % 60, false};
    }
    w.ok = true;
    if (en && *en) {
        m = importer_push_key(im, "end_time");
        if (!importer_parse_iso(en, &e_utc, &e_date, &e_zone)) {
            importer_error(im, "\"%s\" is not a date and time", en);
            w.ok = false;
        } else {
            int64_t s_cmp = s_utc, e_cmp = e_utc;
            if (s_zone != e_zone && !s_date && !e_date) {
                int64_t local_s;
                recur_local_to_utc(im->tz, w.start, &local_s);
                s_cmp = e_zone ? local_s : s_utc;
            }
            int64_t mins = (e_cmp - s_cmp) / 60;
            if (s_date && e_date)
                mins += 1440; /* end date is the last day */
            if (mins < 0) {
                importer_error(im, "\"%s\" is before start_time \"%s\"", en, st);
                w.ok = false;
            } else if (mins > 14 * 1440) {
                importer_warn(im, "the event lasts more than 14 days; the calendar shows "
                                  "activities, not exhibitions or seasons; skipped");
                w.ok = false;
            } else if (mins > 0) {
                w.duration = (int)mins;
            }
        }
        importer_pop(im, m);
    }
    return w;
}

static void format_start(const struct local_time *lt, char *buf, size_t cap)
{
    if (lt->date_only)
        snprintf(buf, cap, "%04d-%02d-%02d", lt->year, lt->month, lt->day);
    else
        snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", lt->year, lt->month, lt->day, lt->hour,
                 lt->minute);
}

static void put_price(struct le *p, json_t *ev, size_t r)
{
    struct importer *im = &p->im;
    json_t *offers = importer_arr(im, ev, "offers");
    if (!offers || !json_array_size(offers))
        return;
    size_t m = importer_push_key(im, "offers");
    json_t *o = json_array_get(offers, 0);
    importer_push_index(im, 0);
    if (!json_is_object(o)) {
        importer_error(im, "expected an object");
        importer_pop(im, m);
        return;
    }
    struct i18n price, url;
    if (importer_bool(im, o, "is_free", false)) {
        memset(&price, 0, sizeof(price));
        i18n_put(&price, "fi", "Maksuton");
        i18n_put(&price, "sv", "Avgiftsfritt");
        i18n_put(&price, "en", "Free");
    } else {
        texts(im, o, "price", &price);
        if (!price.n)
            texts(im, o, "description", &price);
    }
    /* "free" is said in the languages the site already has */
    for (size_t i = 0; i < price.n; i++) {
        char col[64];
        snprintf(col, sizeof(col), "price@%s", price.v[i].lang);
        bool have = false;
        for (size_t k = 0; k < im->nlangs; k++)
            have = have || strcmp(im->langs[k], price.v[i].lang) == 0;
        if (have || !importer_bool(im, o, "is_free", false))
            folder_set(p->acts, r, col, price.v[i].text);
    }
    texts(im, o, "info_url", &url);
    const char *order[] = {im->deflang, "fi", "sv", "en"};
    for (size_t i = 0; i < 4; i++) {
        const char *u = i18n_get(&url, order[i]);
        if (u) {
            size_t m2 = importer_push_key(im, "info_url");
            importer_put_url(im, p->acts, r, "registration_url", u);
            importer_pop(im, m2);
            break;
        }
    }
    importer_pop(im, m);
}

static void put_ages(struct le *p, json_t *ev, size_t r)
{
    struct importer *im = &p->im;
    double lo = -1, hi = -1, v;
    if (importer_num(im, ev, "audience_min_age", &v))
        lo = v;
    if (importer_num(im, ev, "audience_max_age", &v))
        hi = v;
    char buf[16];
    if ((lo >= 0 && (lo > 120 || lo != (int)lo)) || (hi >= 0 && (hi > 120 || hi != (int)hi)) ||
        (lo >= 0 && hi >= 0 && lo > hi)) {
        size_t m = importer_push_key(im, "audience_max_age");
        importer_warn(im, "ages %g..%g are not a range of years; left out", lo, hi);
        importer_pop(im, m);
        return;
    }
    if (lo >= 0) {
        snprintf(buf, sizeof(buf), "%d", (int)lo);
        folder_set(p->acts, r, "age_min", buf);
    }
    if (hi >= 0) {
        snprintf(buf, sizeof(buf), "%d", (int)hi);
        folder_set(p->acts, r, "age_max", buf);
    }
}

static void put_languages(struct le *p, json_t *ev, size_t r)
{
    json_t *arr = json_object_get(ev, "in_language");
    struct strbuf list;
    strbuf_init(&list);
    size_t i;
    json_t *l;
    json_array_foreach(arr, i, l)
    {
        char id[32];
        if (ref_id(l, id, sizeof(id)) && langs_valid_code(id) && !importer_list_has(list.s, id)) {
            if (list.len)
                strbuf_putc(&list, ' ');
            strbuf_puts(&list, id);
        }
    }
    folder_set(p->acts, r, "languages", list.s);
    strbuf_free(&list);
}

/* Writes the activity row of ev (texts from ev, else from parent). */
static long put_activity(struct le *p, const char *aid, json_t *ev, json_t *parent,
                         const struct when *w)
{
    struct importer *im = &p->im;
    if (folder_find(p->acts, aid) >= 0)
        return -1;
    size_t r = folder_add_row(p->acts);
    folder_set(p->acts, r, "id", aid);
    folder_set(p->acts, r, "source", importer_source_id(im, "linkedevents"));
    char org[80], loc[80];
    event_org(p, parent ? parent : ev, org, sizeof(org));
    folder_set(p->acts, r, "organization", org);
    const char *l = place_location(p, ev, loc, sizeof(loc));
    if (!l && parent)
        l = place_location(p, parent, loc, sizeof(loc));
    folder_set(p->acts, r, "location", l);
    struct i18n names, desc;
    texts(im, ev, "name", &names);
    if (!names.n && parent)
        texts(im, parent, "name", &names);
    size_t m = importer_push_key(im, "name");
    if (!importer_put_i18n(im, p->acts, r, "name", &names, true)) {
        importer_warn(im, "event without a name; skipped");
        importer_pop(im, m);
        folder_remove_row(p->acts, r);
        return -1;
    }
    importer_pop(im, m);
    texts(im, ev, "description", &desc);
    if (!desc.n)
        texts(im, ev, "short_description", &desc);
    if (!desc.n && parent)
        texts(im, parent, "description", &desc);
    m = importer_push_key(im, "description");
    importer_put_i18n(im, p->acts, r, "description", &desc, false);
    importer_pop(im, m);
    json_t *src = json_object_get(ev, "offers") ? ev : parent ? parent : ev;
    put_price(p, src, r);
    put_ages(p, json_object_get(ev, "audience_min_age") || !parent ? ev : parent, r);
    put_languages(p, json_object_get(ev, "in_language") || !parent ? ev : parent, r);
    struct strbuf cats;
    strbuf_init(&cats);
    keyword_categories(p, ev, &cats);
    if (parent)
        keyword_categories(p, parent, &cats);
    folder_set(p->acts, r, "categories", cats.s);
    strbuf_free(&cats);
    char start[32];
    format_start(&w->start, start, sizeof(start));
    folder_set(p->acts, r, "start", start);
    if (w->duration) {
        char dur[16];
        snprintf(dur, sizeof(dur), "%d", w->duration);
        folder_set(p->acts, r, "duration", dur);
    }
    return (long)r;
}

/* Marks the instance on date of activity aid as cancelled if ev says so. */
static void put_status(struct le *p, const char *aid, json_t *ev, const struct local_time *d)
{
    struct importer *im = &p->im;
    const char *st = importer_str(im, ev, "event_status");
    if (!st || strcmp(st, "EventScheduled") == 0 || strcmp(st, "EventRescheduled") == 0)
        return;
    bool cancelled = strcmp(st, "EventCancelled") == 0;
    bool postponed = strcmp(st, "EventPostponed") == 0;
    if (!cancelled && !postponed) {
        size_t m = importer_push_key(im, "event_status");
        importer_warn(im, "\"%s\" is not a known event status; taken as scheduled", st);
        importer_pop(im, m);
        return;
    }
    char date[11];
    snprintf(date, sizeof(date), "%04d-%02d-%02d", d->year, d->month, d->day);
    size_t r = folder_add_row(p->changes);
    folder_set(p->changes, r, "activity", aid);
    folder_set(p->changes, r, "date", date);
    folder_set(p->changes, r, "status", "cancelled");
    struct i18n note;
    memset(&note, 0, sizeof(note));
    if (cancelled) {
        i18n_put(&note, "fi", "Peruttu");
        i18n_put(&note, "sv", "Inställt");
        i18n_put(&note, "en", "Cancelled");
    } else {
        i18n_put(&note, "fi", "Siirretty myöhempään ajankohtaan");
        i18n_put(&note, "sv", "Uppskjutet till ett senare datum");
        i18n_put(&note, "en", "Postponed to a later date");
    }
    importer_put_i18n(im, p->changes, r, "note", &note, false);
}

static void one_off(struct le *p, struct le_obj *o, json_t *parent)
{
    set_ctx(p, o);
    struct when w = event_when(p, o->v);
    if (!w.ok)
        return;
    char aid[80];
    importer_make_id("le", o->id, aid, sizeof(aid));
    if (put_activity(p, aid, o->v, parent, &w) >= 0)
        put_status(p, aid, o->v, &w.start);
}

static int cmp_subs(const void *a, const void *b)
{
    const struct when *x = a, *y = b;
    int64_t dx = civil_to_days(x->start.year, x->start.month, x->start.day);
    int64_t dy = civil_to_days(y->start.year, y->start.month, y->start.day);
    return dx < dy ? -1 : dx > dy;
}

struct sub {
    struct when w; /* first, so that cmp_subs sees it */
    struct le_obj *o;
};

/* A recurring super event: one weekly activity if its sub-events make a
 * weekly pattern, else one activity per sub-event. */
static void recurring(struct le *p, struct le_obj *parent)
{
    struct sub *subs = NULL;
    size_t n = 0;
    for (size_t i = 0; i < p->events.n; i++) {
        struct le_obj *o = &p->events.v[i];
        char sid[256];
        if (!ref_id(json_object_get(o->v, "super_event"), sid, sizeof(sid)) ||
            strcmp(sid, parent->id) != 0)
            continue;
        set_ctx(p, o);
        struct when w = event_when(p, o->v);
        if (!w.ok)
            continue;
        subs = xrealloc(subs, (n + 1) * sizeof(*subs));
        subs[n].w = w;
        subs[n].o = o;
        n++;
    }
    set_ctx(p, parent);
    if (!n) {
        importer_warn(&p->im, "a recurring event without its sub-events in the input; skipped");
        free(subs);
        return;
    }
    if (n > 1)
        qsort(subs, n, sizeof(*subs), cmp_subs);
    bool weekly = n >= 2;
    int64_t d0 = civil_to_days(subs[0].w.start.year, subs[0].w.start.month, subs[0].w.start.day);
    int64_t prev = d0 - 7;
    size_t missing = 0;
    for (size_t i = 0; i < n && weekly; i++) {
        const struct local_time *s = &subs[i].w.start;
        int64_t d = civil_to_days(s->year, s->month, s->day);
        if (s->date_only || s->hour != subs[0].w.start.hour ||
            s->minute != subs[0].w.start.minute || subs[i].w.duration != subs[0].w.duration ||
            (d - d0) % 7 != 0 || d == prev)
            weekly = false;
        else
            missing += (size_t)((d - prev) / 7 - 1);
        prev = d;
    }
    if (!weekly || missing > n) {
        for (size_t i = 0; i < n; i++)
            one_off(p, subs[i].o, parent->v);
        free(subs);
        return;
    }
    char aid[80];
    importer_make_id("le", parent->id, aid, sizeof(aid));
    /* texts, place and offers from the parent; place from the first sub if
     * the parent has none */
    long r = put_activity(p, aid, subs[0].o->v, parent->v, &subs[0].w);
    if (r < 0) {
        free(subs);
        return;
    }
    struct folder_table *t = p->acts;
    struct i18n pn;
    texts(&p->im, parent->v, "name", &pn);
    if (pn.n)
        importer_put_i18n(&p->im, t, (size_t)r, "name", &pn, true);
    const struct local_time *last = &subs[n - 1].w.start;
    char rrule[64];
    snprintf(rrule, sizeof(rrule), "FREQ=WEEKLY;UNTIL=%04d%02d%02d", last->year, last->month,
             last->day);
    folder_set(t, (size_t)r, "rrule", rrule);
    struct strbuf ex;
    strbuf_init(&ex);
    prev = d0;
    for (size_t i = 1; i < n; i++) {
        const struct local_time *s = &subs[i].w.start;
        int64_t d = civil_to_days(s->year, s->month, s->day);
        for (int64_t k = prev + 7; k < d; k += 7) {
            char buf[11];
            civil_format(civil_from_days(k), buf);
            if (ex.len)
                strbuf_putc(&ex, ' ');
            strbuf_puts(&ex, buf);
        }
        prev = d;
    }
    folder_set(t, (size_t)r, "exdates", ex.s);
    strbuf_free(&ex);
    for (size_t i = 0; i < n; i++) {
        set_ctx(p, subs[i].o);
        put_status(p, aid, subs[i].o->v, &subs[i].w.start);
    }
    free(subs);
}

static void convert(struct le *p)
{
    for (size_t i = 0; i < p->events.n; i++) {
        struct le_obj *o = &p->events.v[i];
        set_ctx(p, o);
        const char *type = importer_str(&p->im, o->v, "super_event_type");
        if (type && strcmp(type, "recurring") == 0) {
            recurring(p, o);
            continue;
        }
        if (type && strcmp(type, "umbrella") == 0)
            continue; /* a festival's frame; its events come on their own */
        if (type) {
            size_t m = importer_push_key(&p->im, "super_event_type");
            importer_warn(&p->im, "\"%s\" is not a known kind of super event; taken as an event",
                          type);
            importer_pop(&p->im, m);
        }
        char sid[256];
        struct le_obj *parent = NULL;
        if (ref_id(json_object_get(o->v, "super_event"), sid, sizeof(sid)))
            parent = list_get(&p->events, sid);
        json_t *pt = parent ? json_object_get(parent->v, "super_event_type") : NULL;
        if (parent && json_is_string(pt) && strcmp(json_string_value(pt), "recurring") == 0)
            continue; /* done with its parent */
        one_off(p, o, parent ? parent->v : NULL);
    }
}

bool linkedevents_import(const struct import_input *in, size_t n, const struct import_options *opt,
                         struct folder *out, struct diag_list *d)
{
    struct le p;
    memset(&p, 0, sizeof(p));
    size_t errors = d->errors;
    importer_init(&p.im, opt, out, d);
    importer_declare_tables(&p.im);
    idset_init(&p.events.index);
    idset_init(&p.places.index);
    idset_init(&p.keywords.index);
    idset_init(&p.orgs.index);
    p.org_t = importer_table(&p.im, "organizations.csv");
    p.cats = importer_table(&p.im, "categories.csv");
    p.locs = importer_table(&p.im, "locations.csv");
    p.acts = importer_table(&p.im, "activities.csv");
    p.changes = importer_table(&p.im, "activity_changes.csv");
    json_t **roots = xcalloc(n ? n : 1, sizeof(json_t *));
    for (size_t i = 0; i < n; i++) {
        roots[i] = importer_parse(&p.im, &in[i]);
        if (roots[i])
            collect_doc(&p, roots[i]);
    }
    convert(&p);
    p.im.file = NULL;
    importer_pop(&p.im, 0);
    struct strbuf attr;
    strbuf_init(&attr);
    strbuf_printf(&attr, "Linked Events%s%s%s", p.sources[0] ? " (" : "", p.sources,
                  p.sources[0] ? ")" : "");
    importer_finish(&p.im, "linkedevents", "Linked Events", "CC BY 4.0", attr.s);
    strbuf_free(&attr);
    list_free(&p.events);
    list_free(&p.places);
    list_free(&p.keywords);
    list_free(&p.orgs);
    for (size_t i = 0; i < n; i++)
        json_decref(roots[i]);
    free(roots);
    return d->errors == errors;
}
