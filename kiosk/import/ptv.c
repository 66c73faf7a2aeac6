/* ptv: PTV Open API v11 to aula content. Mapping:
 *   organization            -> organizations.csv (organizationType -> kind)
 *   service                 -> services.csv (names, summaries, languages,
 *                              serviceClasses -> categories.csv)
 *   ServiceLocation channel -> locations.csv (address, EPSG:3067 -> WGS84,
 *                              accessibility sentences) + its service hours
 *   Phone / WebPage / EChannel channels -> the phone, e-mail and web
 *                              address of the services connected to them
 *   service hours           -> opening_hours.csv (Standard, Special = over
 *                              midnight) and opening_exceptions.csv
 *                              (Exception, seasonal Standard hours)
 * Ids are "ptv-" + the PTV uuid, so they stay the same between imports.
 * Entities are turned into rows as each file is read; links between them
 * (service -> channels, service -> organisation) are resolved at the end,
 * so a file's JSON tree is freed before the next one is parsed. */
#include "import/ptv.h"
#include "base/civil.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "import/tm35.h"
#include "pack/langs.h"
#include "pack/recur.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum chan_kind { CH_LOCATION, CH_PHONE, CH_WEB, CH_OTHER };

struct channel {
    char *id; /* aula id */
    enum chan_kind kind;
    char *phone, *email, *url; /* first usable ones, may be NULL */
};

struct pending_service {
    size_t row;
    char *path, *file;         /* for messages */
    char *org_uuid, *org_name; /* responsible organisation */
    char **chan_uuid, **chan_path;
    size_t nchan;
};

struct ptv {
    struct importer im;
    struct channel *ch;
    size_t nch, capch;
    struct idset chan_index; /* aula id -> ch index (keys owned by ch) */
    struct pending_service *sv;
    size_t nsv, capsv;
    struct folder_table *orgs, *services, *cats, *locs, *hours, *exc;
};

/* ---- small helpers --------------------------------------------------------- */

static void ptv_id(const char *uuid, char *out, size_t cap)
{
    importer_make_id("ptv", uuid, out, cap);
}

/* Reads a PTV language list [{"value", "language", "type"}] into x; entries
 * of want_type (or, if none, of alt_type; NULL = any) are taken. */
static void texts(struct importer *im, json_t *obj, const char *key, const char *want_type,
                  const char *alt_type, struct i18n *x)
{
    memset(x, 0, sizeof(*x));
    json_t *arr = importer_arr(im, obj, key);
    if (!arr)
        return;
    size_t m = importer_push_key(im, key);
    for (int pass = 0; pass < 2; pass++) {
        const char *type = pass == 0 ? want_type : alt_type;
        if (pass == 1 && !alt_type)
            break;
        size_t i;
        json_t *e;
        json_array_foreach(arr, i, e)
        {
            size_t m2 = importer_push_index(im, i);
            if (!json_is_object(e)) {
                if (pass == 0)
                    importer_error(im, "expected an object with value and language");
                importer_pop(im, m2);
                continue;
            }
            const char *t = importer_str(im, e, "type");
            const char *lang = importer_str(im, e, "language");
            const char *v = importer_str(im, e, "value");
            if (type && t && strcmp(t, type) != 0) {
                importer_pop(im, m2);
                continue;
            }
            if (v && *v && (!lang || !*lang)) {
                if (pass == 0)
                    importer_warn(im, "text without a language; skipped");
            } else if (v) {
                i18n_put(x, lang, v);
            }
            importer_pop(im, m2);
        }
    }
    importer_pop(im, m);
}

/* The text of x in the default language, else fi, sv, en, else any. */
static const char *pick(const struct importer *im, const struct i18n *x)
{
    const char *order[] = {im->deflang, "fi", "sv", "en"};
    for (size_t i = 0; i < 4; i++) {
        const char *s = i18n_get(x, order[i]);
        if (s)
            return s;
    }
    return x->n ? x->v[0].text : NULL;
}

/* "[{language, value}]" lists of e-mail addresses or web pages: the first
 * usable one in the default language (then any). */
static const char *pick_member(struct importer *im, json_t *arr, const char *field)
{
    const char *best = NULL;
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e)
    {
        if (!json_is_object(e))
            continue;
        json_t *v = json_object_get(e, field);
        json_t *l = json_object_get(e, "language");
        if (!json_is_string(v) || !*json_string_value(v))
            continue;
        if (json_is_string(l) && strcmp(json_string_value(l), im->deflang) == 0)
            return json_string_value(v);
        if (!best)
            best = json_string_value(v);
    }
    return best;
}

/* Phone numbers as families dial them: "+358 40 123 4567". */
static char *phone_text(json_t *p)
{
    json_t *pre = json_object_get(p, "prefixNumber");
    json_t *num = json_object_get(p, "number");
    if (!json_is_string(num) || !*json_string_value(num))
        return NULL;
    const char *n = json_string_value(num);
    struct strbuf b;
    strbuf_init(&b);
    bool service_number = json_is_true(json_object_get(p, "isFinnishServiceNumber"));
    if (!service_number && json_is_string(pre) && *json_string_value(pre)) {
        if (n[0] == '0' && strcmp(json_string_value(pre), "+358") == 0)
            n++; /* +358 040 ... -> +358 40 ... */
        strbuf_printf(&b, "%s ", json_string_value(pre));
    }
    strbuf_puts(&b, n);
    return strbuf_detach(&b);
}

/* The first usable phone of a PTV phone list, default language first. */
static char *pick_phone(struct importer *im, json_t *arr)
{
    char *best = NULL;
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e)
    {
        if (!json_is_object(e))
            continue;
        char *p = phone_text(e);
        if (!p)
            continue;
        json_t *l = json_object_get(e, "language");
        bool mine = json_is_string(l) && strcmp(json_string_value(l), im->deflang) == 0;
        if (!best || mine) {
            free(best);
            best = p;
            if (mine)
                break;
        } else {
            free(p);
        }
    }
    return best;
}

static int weekday(const char *s)
{
    static const char *const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    for (int i = 0; i < 7; i++)
        if (strcasecmp(s, names[i]) == 0)
            return i + 1;
    return 0;
}

static void clock_text(int m, char *buf, size_t cap)
{
    snprintf(buf, cap, "%02d:%02d", m / 60, m % 60);
}

static void add_hours(struct ptv *p, const char *target, int d1, int d2, int opens, int closes)
{
    char days[16], o[16], c[16];
    if (d1 == d2)
        snprintf(days, sizeof(days), "%d", d1);
    else
        snprintf(days, sizeof(days), "%d-%d", d1, d2);
    if (opens == closes && opens == 0)
        closes = 1440; /* 00:00-00:00: round the clock */
    clock_text(opens, o, sizeof(o));
    clock_text(closes, c, sizeof(c));
    size_t r = folder_add_row(p->hours);
    folder_set(p->hours, r, "target", target);
    folder_set(p->hours, r, "days", days);
    folder_set(p->hours, r, "opens", o);
    folder_set(p->hours, r, "closes", c);
}

/* A PTV date(-time) to a local date. */
static bool ptv_date(struct ptv *p, const char *s, struct civil_date *out)
{
    int64_t utc;
    bool date_only, zone;
    if (!importer_parse_iso(s, &utc, &date_only, &zone))
        return false;
    if (zone) {
        struct local_time lt;
        if (!recur_utc_to_local(p->im.tz, utc, &lt))
            return false;
        *out = (struct civil_date){lt.year, lt.month, lt.day};
    } else {
        *out = civil_from_days(utc >= 0 ? utc / 86400 : (utc - 86399) / 86400);
    }
    return true;
}

/* ---- service hours ------------------------------------------------------------ */

struct period {
    int d1, d2; /* ISO weekdays; 0 = none (exceptions) */
    int opens, closes;
};

/* Reads openingHour[]; returns how many periods went into v (cap 32). */
static size_t opening_periods(struct ptv *p, json_t *sh, bool need_days, struct period *v)
{
    struct importer *im = &p->im;
    json_t *arr = importer_arr(im, sh, "openingHour");
    size_t n = 0;
    if (!arr)
        return 0;
    size_t m = importer_push_key(im, "openingHour");
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e)
    {
        size_t m2 = importer_push_index(im, i);
        struct period pr = {0, 0, 0, 0};
        bool ok = json_is_object(e);
        if (!ok)
            importer_error(im, "expected an object with dayFrom, from and to");
        const char *df = ok ? importer_str(im, e, "dayFrom") : NULL;
        const char *dt = ok ? importer_str(im, e, "dayTo") : NULL;
        if (ok && need_days) {
            size_t m3 = importer_push_key(im, df ? "dayFrom" : "dayTo");
            if (!df) {
                importer_warn(im, "missing; this period is skipped");
                ok = false;
            } else if (!(pr.d1 = weekday(df))) {
                importer_warn(im, "\"%s\" is not a weekday (Monday ... Sunday); skipped", df);
                ok = false;
            }
            importer_pop(im, m3);
            pr.d2 = pr.d1;
            if (ok && dt && *dt) {
                m3 = importer_push_key(im, "dayTo");
                if (!(pr.d2 = weekday(dt))) {
                    importer_warn(im, "\"%s\" is not a weekday (Monday ... Sunday); skipped", dt);
                    ok = false;
                }
                importer_pop(im, m3);
            }
        }
        static const char *const fields[] = {"from", "to"};
        for (int k = 0; k < 2 && ok; k++) {
            const char *t = importer_str(im, e, fields[k]);
            size_t m3 = importer_push_key(im, fields[k]);
            int *dst = k == 0 ? &pr.opens : &pr.closes;
            if (!t || !*t) {
                importer_warn(im, "missing; this period is skipped");
                ok = false;
            } else if (!importer_parse_clock(t, dst)) {
                importer_error(im, "\"%s\" is not a time", t);
                ok = false;
            }
            importer_pop(im, m3);
        }
        if (ok && n < 32)
            v[n++] = pr;
        importer_pop(im, m2);
    }
    importer_pop(im, m);
    return n;
}

static void weekly_rows(struct ptv *p, const char *target, const struct period *v, size_t n,
                        bool over_midnight)
{
    for (size_t i = 0; i < n; i++) {
        const struct period *pr = &v[i];
        if (!over_midnight || pr->d1 == pr->d2) {
            add_hours(p, target, pr->d1, pr->d2, pr->opens, pr->closes);
            continue;
        }
        /* Special: from dayFrom at opens to dayTo at closes */
        if (pr->d2 == pr->d1 % 7 + 1 && pr->closes <= pr->opens) {
            add_hours(p, target, pr->d1, pr->d1, pr->opens, pr->closes);
            continue;
        }
        add_hours(p, target, pr->d1, pr->d1, pr->opens, 1440);
        for (int d = pr->d1 % 7 + 1; d != pr->d2; d = d % 7 + 1)
            add_hours(p, target, d, d, 0, 1440);
        if (pr->closes > 0)
            add_hours(p, target, pr->d2, pr->d2, 0, pr->closes);
    }
}

static void exception_row(struct ptv *p, const char *target, struct civil_date d, bool closed,
                          const struct period *pr, const struct i18n *note)
{
    char date[11], o[16], c[16];
    civil_format(d, date);
    size_t r = folder_add_row(p->exc);
    folder_set(p->exc, r, "target", target);
    folder_set(p->exc, r, "date", date);
    if (closed) {
        folder_set(p->exc, r, "closed", "yes");
    } else {
        int closes = pr->closes;
        if (pr->opens == 0 && closes == 0)
            closes = 1440;
        clock_text(pr->opens, o, sizeof(o));
        clock_text(closes, c, sizeof(c));
        folder_set(p->exc, r, "opens", o);
        folder_set(p->exc, r, "closes", c);
    }
    importer_put_i18n(&p->im, p->exc, r, "note", note, false);
}

/* Days from..to (inclusive), at most a year. */
static bool date_range(struct ptv *p, json_t *sh, struct civil_date *from, int *ndays)
{
    struct importer *im = &p->im;
    const char *vf = importer_str(im, sh, "validFrom");
    const char *vt = importer_str(im, sh, "validTo");
    size_t m = importer_push_key(im, "validFrom");
    if (!vf || !*vf) {
        importer_warn(im, "missing; these hours are skipped");
        importer_pop(im, m);
        return false;
    }
    if (!ptv_date(p, vf, from)) {
        importer_error(im, "\"%s\" is not a date", vf);
        importer_pop(im, m);
        return false;
    }
    importer_pop(im, m);
    struct civil_date to = *from;
    if (vt && *vt) {
        m = importer_push_key(im, "validTo");
        if (!ptv_date(p, vt, &to)) {
            importer_error(im, "\"%s\" is not a date", vt);
            importer_pop(im, m);
            return false;
        }
        importer_pop(im, m);
    }
    int64_t a = civil_to_days(from->year, from->month, from->day);
    int64_t b = civil_to_days(to.year, to.month, to.day);
    if (b < a) {
        m = importer_push_key(im, "validTo");
        importer_error(im, "\"%s\" is before validFrom \"%s\"", vt, vf);
        importer_pop(im, m);
        return false;
    }
    if (b - a > 366) {
        m = importer_push_key(im, "validTo");
        importer_warn(im, "more than a year after validFrom; only the first year is used");
        importer_pop(im, m);
        b = a + 366;
    }
    *ndays = (int)(b - a + 1);
    return true;
}

static void service_hours(struct ptv *p, json_t *obj, const char *target)
{
    struct importer *im = &p->im;
    json_t *arr = importer_arr(im, obj, "serviceHours");
    if (!arr)
        return;
    size_t m = importer_push_key(im, "serviceHours");
    size_t i;
    json_t *sh;
    json_array_foreach(arr, i, sh)
    {
        size_t m2 = importer_push_index(im, i);
        if (!json_is_object(sh)) {
            importer_error(im, "expected an object");
            importer_pop(im, m2);
            continue;
        }
        const char *type = importer_str(im, sh, "serviceHourType");
        bool closed = importer_bool(im, sh, "isClosed", false);
        bool always = importer_bool(im, sh, "isAlwaysOpen", false);
        bool now = importer_bool(im, sh, "validForNow", false);
        const char *vt = importer_str(im, sh, "validTo");
        struct i18n note;
        texts(im, sh, "additionalInformation", NULL, NULL, &note);
        struct period v[32];
        size_t n;
        if (!type) {
            size_t m3 = importer_push_key(im, "serviceHourType");
            importer_warn(im, "missing; these hours are skipped");
            importer_pop(im, m3);
        } else if (strcmp(type, "Standard") == 0 || strcmp(type, "DaysOfTheWeek") == 0) {
            n = opening_periods(p, sh, true, v);
            if (always) {
                v[0] = (struct period){1, 7, 0, 1440};
                n = 1;
            }
            struct civil_date from;
            int ndays;
            if (vt && *vt && !now && !closed) {
                /* seasonal hours (summer, Christmas week): dated exceptions */
                if (date_range(p, sh, &from, &ndays)) {
                    for (int k = 0; k < ndays; k++) {
                        struct civil_date d = civil_add_days(from, k);
                        int wd = civil_weekday(d.year, d.month, d.day);
                        bool any = false;
                        for (size_t j = 0; j < n; j++) {
                            bool in = false;
                            for (int x = v[j].d1;; x = x % 7 + 1) {
                                in = in || x == wd;
                                if (x == v[j].d2)
                                    break;
                            }
                            if (in) {
                                exception_row(p, target, d, false, &v[j], &note);
                                any = true;
                            }
                        }
                        if (!any)
                            exception_row(p, target, d, true, NULL, &note);
                    }
                }
            } else if (!closed) {
                weekly_rows(p, target, v, n, false);
            }
        } else if (strcmp(type, "Special") == 0 || strcmp(type, "OverMidnight") == 0) {
            n = opening_periods(p, sh, true, v);
            if (!closed)
                weekly_rows(p, target, v, n, true);
        } else if (strcmp(type, "Exception") == 0 || strcmp(type, "Exceptional") == 0) {
            struct civil_date from;
            int ndays;
            n = closed ? 0 : opening_periods(p, sh, false, v);
            if (date_range(p, sh, &from, &ndays)) {
                if (!closed && n == 0 && !always) {
                    importer_warn(im, "an exception that is neither closed nor has hours; "
                                      "skipped");
                } else {
                    struct period all = {0, 0, 0, 1440};
                    for (int k = 0; k < ndays; k++) {
                        struct civil_date d = civil_add_days(from, k);
                        if (closed || always)
                            exception_row(p, target, d, closed, &all, &note);
                        else
                            for (size_t j = 0; j < n; j++)
                                exception_row(p, target, d, false, &v[j], &note);
                    }
                }
            }
        } else {
            size_t m3 = importer_push_key(im, "serviceHourType");
            importer_warn(im,
                          "\"%s\" is not a known kind of hours (Standard, Special, "
                          "Exception); skipped",
                          type);
            importer_pop(im, m3);
        }
        importer_pop(im, m2);
    }
    importer_pop(im, m);
}

/* ---- entities --------------------------------------------------------------------- */

static bool published(struct importer *im, json_t *e)
{
    const char *st = importer_str(im, e, "publishingStatus");
    if (!st || strcmp(st, "Published") == 0)
        return true;
    if (strcmp(st, "Deleted") == 0 || strcmp(st, "Archived") == 0 || strcmp(st, "Draft") == 0 ||
        strcmp(st, "Modified") == 0)
        return false;
    size_t m = importer_push_key(im, "publishingStatus");
    importer_warn(im, "\"%s\" is not a known publishing status; imported as published", st);
    importer_pop(im, m);
    return true;
}

static const char *entity_uuid(struct importer *im, json_t *e)
{
    const char *id = importer_str(im, e, "id");
    if (!id || !*id) {
        size_t m = importer_push_key(im, "id");
        importer_error(im, "missing");
        importer_pop(im, m);
        return NULL;
    }
    return id;
}

/* The start every PTV entity shares: a published entity with a uuid, not
 * seen before, with a name in some language; its names and descriptions go
 * into a new row of tbl. Returns the row, or -1 when the entity is skipped. */
static long entity_row(struct ptv *p, json_t *e, struct folder_table *tbl, const char *noun,
                       const char *names_key, const char *descs_key)
{
    struct importer *im = &p->im;
    const char *uuid = entity_uuid(im, e);
    if (!uuid || !published(im, e))
        return -1;
    char id[80];
    ptv_id(uuid, id, sizeof(id));
    if (folder_find(tbl, id) >= 0) {
        importer_warn(im, "%s %s appears twice; the first is kept", noun, uuid);
        return -1;
    }
    struct i18n names, desc;
    texts(im, e, names_key, "Name", NULL, &names);
    if (!names.n)
        texts(im, e, names_key, NULL, NULL, &names);
    size_t r = folder_add_row(tbl);
    folder_set(tbl, r, "id", id);
    size_t m = importer_push_key(im, names_key);
    if (!importer_put_i18n(im, tbl, r, "name", &names, true)) {
        importer_warn(im, "%s without a name; skipped", noun);
        importer_pop(im, m);
        folder_remove_row(tbl, r);
        return -1;
    }
    importer_pop(im, m);
    texts(im, e, descs_key, "Summary", "Description", &desc);
    m = importer_push_key(im, descs_key);
    importer_put_i18n(im, tbl, r, "description", &desc, false);
    importer_pop(im, m);
    return (long)r;
}

static void import_org(struct ptv *p, json_t *e)
{
    struct importer *im = &p->im;
    long row =
        entity_row(p, e, p->orgs, "organisation", "organizationNames", "organizationDescriptions");
    if (row < 0)
        return;
    size_t r = (size_t)row, m;
    const char *type = importer_str(im, e, "organizationType");
    const char *kind = "other";
    static const struct {
        const char *ptv, *aula;
    } kinds[] = {
        {"State", "public"},     {"Municipality", "public"}, {"RegionalOrganization", "public"},
        {"Region", "public"},    {"SotePublic", "public"},   {"WellbeingServiceCounty", "public"},
        {"Organization", "ngo"}, {"Company", "company"},     {"SotePrivate", "company"}};
    bool known = false;
    for (size_t i = 0; type && i < sizeof(kinds) / sizeof(*kinds); i++)
        if (strcmp(type, kinds[i].ptv) == 0) {
            kind = kinds[i].aula;
            known = true;
        }
    if (type && !known) {
        m = importer_push_key(im, "organizationType");
        importer_warn(im, "\"%s\" is not a known organisation type; imported as \"other\"", type);
        importer_pop(im, m);
    }
    folder_set(p->orgs, r, "kind", kind);
    json_t *a;
    if ((a = importer_arr(im, e, "phoneNumbers"))) {
        char *ph = pick_phone(im, a);
        m = importer_push_key(im, "phoneNumbers");
        importer_put_phone(im, p->orgs, r, "phone", ph);
        importer_pop(im, m);
        free(ph);
    }
    if ((a = importer_arr(im, e, "emails"))) {
        m = importer_push_key(im, "emails");
        importer_put_email(im, p->orgs, r, "email", pick_member(im, a, "value"));
        importer_pop(im, m);
    }
    if ((a = importer_arr(im, e, "webPages"))) {
        m = importer_push_key(im, "webPages");
        importer_put_url(im, p->orgs, r, "website", pick_member(im, a, "url"));
        importer_pop(im, m);
    }
}

static void location_address(struct ptv *p, json_t *ch, size_t r)
{
    struct importer *im = &p->im;
    json_t *addrs = importer_arr(im, ch, "addresses");
    if (!addrs)
        return;
    size_t m = importer_push_key(im, "addresses");
    json_t *best = NULL;
    size_t best_i = 0, i;
    json_t *a;
    json_array_foreach(addrs, i, a)
    {
        if (!json_is_object(a))
            continue;
        json_t *type = json_object_get(a, "type");
        bool visiting = json_is_string(type) && (strcmp(json_string_value(type), "Location") == 0 ||
                                                 strcmp(json_string_value(type), "Visiting") == 0);
        if (!best || (visiting && !best_i)) {
            best = a;
            best_i = i;
            if (visiting)
                break;
        }
    }
    if (!best) {
        importer_pop(im, m);
        return;
    }
    importer_push_index(im, best_i);
    json_t *sa = importer_obj(im, best, "streetAddress");
    const char *key = "streetAddress";
    if (!sa) {
        sa = importer_obj(im, best, "otherAddress");
        key = "otherAddress";
    }
    if (sa) {
        size_t m3 = importer_push_key(im, key);
        struct i18n street, office, info;
        texts(im, sa, "street", NULL, NULL, &street);
        texts(im, sa, "postOffice", NULL, NULL, &office);
        texts(im, sa, "additionalInformation", NULL, NULL, &info);
        const char *num = importer_str(im, sa, "streetNumber");
        const char *s = pick(im, &street);
        if (s) {
            struct strbuf b;
            strbuf_init(&b);
            strbuf_puts(&b, s);
            if (num && *num)
                strbuf_printf(&b, " %s", num);
            folder_set(p->locs, r, "street_address", b.s);
            strbuf_free(&b);
        }
        const char *pc = importer_str(im, sa, "postalCode");
        folder_set(p->locs, r, "postal_code", pc);
        json_t *mun = importer_obj(im, sa, "municipality");
        struct i18n mname = {0};
        if (mun) {
            size_t m4 = importer_push_key(im, "municipality");
            texts(im, mun, "name", NULL, NULL, &mname);
            importer_pop(im, m4);
        }
        const char *city = pick(im, &mname);
        folder_set(p->locs, r, "city", city ? city : pick(im, &office));
        importer_put_i18n(im, p->locs, r, "directions", &info, false);
        double north, east;
        bool has_n = importer_num(im, sa, "latitude", &north);
        bool has_e = importer_num(im, sa, "longitude", &east);
        if (has_n && has_e) {
            double lat, lon;
            char buf[32];
            bool ok = true;
            if (north >= -90 && north <= 90 && east >= -180 && east <= 180) {
                lat = north; /* already WGS84 degrees */
                lon = east;
            } else if (!tm35_to_wgs84(north, east, &lat, &lon)) {
                size_t m4 = importer_push_key(im, "latitude");
                importer_warn(im,
                              "%.3f, %.3f are not ETRS-TM35FIN (EPSG:3067) coordinates in "
                              "Finland; left out",
                              north, east);
                importer_pop(im, m4);
                ok = false;
            }
            if (ok) {
                snprintf(buf, sizeof(buf), "%.6f", lat);
                folder_set(p->locs, r, "latitude", buf);
                snprintf(buf, sizeof(buf), "%.6f", lon);
                folder_set(p->locs, r, "longitude", buf);
            }
        }
        importer_pop(im, m3);
    }
    importer_pop(im, m);
}

static void location_accessibility(struct ptv *p, json_t *ch, size_t r)
{
    struct importer *im = &p->im;
    json_t *arr = importer_arr(im, ch, "accessibilitySentences");
    if (!arr)
        return;
    struct strbuf by_lang[IMPORT_MAX_LANGS];
    char langs[IMPORT_MAX_LANGS][16];
    size_t nl = 0;
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e)
    {
        json_t *sent = json_is_object(e) ? json_object_get(e, "sentence") : NULL;
        size_t k;
        json_t *t;
        json_array_foreach(sent, k, t)
        {
            json_t *l = json_object_get(t, "language"), *v = json_object_get(t, "value");
            if (!json_is_string(l) || !json_is_string(v) || !*json_string_value(v) ||
                strlen(json_string_value(l)) >= 16)
                continue;
            size_t j = 0;
            while (j < nl && strcmp(langs[j], json_string_value(l)) != 0)
                j++;
            if (j == nl) {
                if (nl == IMPORT_MAX_LANGS)
                    continue;
                snprintf(langs[nl], sizeof(langs[nl]), "%s", json_string_value(l));
                strbuf_init(&by_lang[nl]);
                nl++;
            }
            if (by_lang[j].len)
                strbuf_putc(&by_lang[j], ' ');
            strbuf_puts(&by_lang[j], json_string_value(v));
        }
    }
    struct i18n x = {0};
    for (size_t j = 0; j < nl; j++)
        i18n_put(&x, langs[j], by_lang[j].s);
    size_t m = importer_push_key(im, "accessibilitySentences");
    importer_put_i18n(im, p->locs, r, "accessibility", &x, false);
    importer_pop(im, m);
    for (size_t j = 0; j < nl; j++)
        strbuf_free(&by_lang[j]);
}

static void import_channel(struct ptv *p, json_t *e)
{
    struct importer *im = &p->im;
    const char *uuid = entity_uuid(im, e);
    if (!uuid || !published(im, e))
        return;
    const char *type = importer_str(im, e, "serviceChannelType");
    enum chan_kind kind = CH_OTHER;
    if (type && strcmp(type, "ServiceLocation") == 0)
        kind = CH_LOCATION;
    else if (type && strcmp(type, "Phone") == 0)
        kind = CH_PHONE;
    else if (type && (strcmp(type, "WebPage") == 0 || strcmp(type, "EChannel") == 0))
        kind = CH_WEB;
    else if (!type || strcmp(type, "PrintableForm") != 0) {
        size_t m = importer_push_key(im, "serviceChannelType");
        importer_warn(im, "\"%s\" is not a known kind of service channel; skipped",
                      type ? type : "");
        importer_pop(im, m);
        return;
    }
    char id[80];
    ptv_id(uuid, id, sizeof(id));
    if (idset_get(&p->chan_index, id, NULL)) {
        importer_warn(im, "service channel %s appears twice; the first is kept", uuid);
        return;
    }
    XGROW(p->ch, p->capch, p->nch + 1);
    struct channel *c = &p->ch[p->nch];
    memset(c, 0, sizeof(*c));
    c->id = xstrdup(id);
    c->kind = kind;
    json_t *a;
    size_t m;
    if ((a = importer_arr(im, e, "supportPhones"))) {
        m = importer_push_key(im, "supportPhones");
        char *ph = pick_phone(im, a);
        if (ph && !importer_check_phone(im, ph)) {
            free(ph);
            ph = NULL;
        }
        c->phone = ph;
        importer_pop(im, m);
    }
    if ((a = importer_arr(im, e, "supportEmails"))) {
        const char *em = pick_member(im, a, "value");
        m = importer_push_key(im, "supportEmails");
        if (em && importer_check_email(im, em))
            c->email = xstrdup(em);
        importer_pop(im, m);
    }
    if ((a = importer_arr(im, e, "webPages"))) {
        const char *u = pick_member(im, a, "url");
        m = importer_push_key(im, "webPages");
        if (u && importer_check_url(im, u))
            c->url = xstrdup(u);
        importer_pop(im, m);
    }
    if (kind == CH_LOCATION) {
        struct i18n names;
        texts(im, e, "serviceChannelNames", "Name", NULL, &names);
        if (!names.n)
            texts(im, e, "serviceChannelNames", NULL, NULL, &names);
        size_t r = folder_add_row(p->locs);
        folder_set(p->locs, r, "id", id);
        m = importer_push_key(im, "serviceChannelNames");
        bool named = importer_put_i18n(im, p->locs, r, "name", &names, true);
        if (!named)
            importer_warn(im, "service location without a name; skipped");
        importer_pop(im, m);
        if (!named) {
            folder_remove_row(p->locs, r);
            free(c->id);
            free(c->phone);
            free(c->email);
            free(c->url);
            return;
        }
        location_address(p, e, r);
        location_accessibility(p, e, r);
        service_hours(p, e, id);
    }
    idset_add(&p->chan_index, c->id, (int)p->nch, NULL);
    p->nch++;
}

static void service_categories(struct ptv *p, json_t *e, size_t r)
{
    struct importer *im = &p->im;
    json_t *arr = importer_arr(im, e, "serviceClasses");
    if (!arr)
        return;
    size_t m = importer_push_key(im, "serviceClasses");
    struct strbuf list;
    strbuf_init(&list);
    size_t i;
    json_t *c;
    json_array_foreach(arr, i, c)
    {
        size_t m2 = importer_push_index(im, i);
        const char *code = json_is_object(c) ? importer_str(im, c, "code") : NULL;
        if (!code || !*code) {
            importer_warn(im, "service class without a code; skipped");
            importer_pop(im, m2);
            continue;
        }
        char id[80];
        ptv_id(code, id, sizeof(id));
        if (folder_find(p->cats, id) < 0) {
            struct i18n names;
            texts(im, c, "name", NULL, NULL, &names);
            size_t cr = folder_add_row(p->cats);
            folder_set(p->cats, cr, "id", id);
            folder_set(p->cats, cr, "kind", "category");
            size_t m3 = importer_push_key(im, "name");
            if (!importer_put_i18n(im, p->cats, cr, "name", &names, true)) {
                char fallback[80];
                snprintf(fallback, sizeof(fallback), "%s", code);
                char col[64];
                snprintf(col, sizeof(col), "name@%s", im->deflang);
                folder_set(p->cats, cr, col, fallback);
            }
            importer_pop(im, m3);
        }
        if (list.len)
            strbuf_putc(&list, ' ');
        strbuf_puts(&list, id);
        importer_pop(im, m2);
    }
    folder_set(p->services, r, "categories", list.s);
    strbuf_free(&list);
    importer_pop(im, m);
}

static void service_languages(struct ptv *p, json_t *e, size_t r)
{
    struct importer *im = &p->im;
    json_t *arr = importer_arr(im, e, "languages");
    if (!arr)
        return;
    size_t m = importer_push_key(im, "languages");
    struct strbuf list;
    strbuf_init(&list);
    size_t i;
    json_t *l;
    json_array_foreach(arr, i, l)
    {
        const char *code = json_is_string(l) ? json_string_value(l) : NULL;
        size_t m2 = importer_push_index(im, i);
        if (!code || !langs_valid_code(code)) {
            importer_warn(im, "not a language code; skipped");
        } else if (!importer_list_has(list.s, code)) {
            if (list.len)
                strbuf_putc(&list, ' ');
            strbuf_puts(&list, code);
        }
        importer_pop(im, m2);
    }
    folder_set(p->services, r, "languages", list.s);
    strbuf_free(&list);
    importer_pop(im, m);
}

static void import_service(struct ptv *p, json_t *e)
{
    struct importer *im = &p->im;
    long row = entity_row(p, e, p->services, "service", "serviceNames", "serviceDescriptions");
    if (row < 0)
        return;
    size_t r = (size_t)row, m;
    char id[80];
    snprintf(id, sizeof(id), "%s", folder_cell(p->services, r, "id"));
    service_languages(p, e, r);
    service_categories(p, e, r);

    XGROW(p->sv, p->capsv, p->nsv + 1);
    struct pending_service *s = &p->sv[p->nsv++];
    memset(s, 0, sizeof(*s));
    s->row = r;
    s->path = xstrdup(im->path);
    s->file = xstrdup(im->file);
    /* the responsible organisation */
    json_t *orgs = importer_arr(im, e, "organizations");
    size_t i;
    json_t *o;
    json_array_foreach(orgs, i, o)
    {
        json_t *org = json_is_object(o) ? json_object_get(o, "organization") : NULL;
        json_t *oid = json_is_object(org) ? json_object_get(org, "id") : NULL;
        json_t *role = json_is_object(o) ? json_object_get(o, "roleType") : NULL;
        if (!json_is_string(oid))
            continue;
        bool responsible =
            json_is_string(role) && strcmp(json_string_value(role), "Responsible") == 0;
        if (!s->org_uuid || (responsible && !s->org_name)) {
            free(s->org_uuid);
            free(s->org_name);
            json_t *nm = json_object_get(org, "name");
            s->org_uuid = xstrdup(json_string_value(oid));
            s->org_name = json_is_string(nm) && responsible ? xstrdup(json_string_value(nm))
                          : json_is_string(nm)              ? xstrdup(json_string_value(nm))
                                                            : NULL;
            if (responsible && !s->org_name)
                s->org_name = xstrdup("");
            if (responsible)
                break;
        }
    }
    /* connected channels, and the hours of each connection */
    json_t *chans = importer_arr(im, e, "serviceChannels");
    m = importer_push_key(im, "serviceChannels");
    json_array_foreach(chans, i, o)
    {
        size_t m2 = importer_push_index(im, i);
        json_t *sc = json_is_object(o) ? importer_obj(im, o, "serviceChannel") : NULL;
        const char *cid = sc ? importer_str(im, sc, "id") : NULL;
        if (cid && *cid) {
            s->chan_uuid = xrealloc(s->chan_uuid, (s->nchan + 1) * sizeof(char *));
            s->chan_path = xrealloc(s->chan_path, (s->nchan + 1) * sizeof(char *));
            s->chan_uuid[s->nchan] = xstrdup(cid);
            s->chan_path[s->nchan] = xstrdup(im->path);
            s->nchan++;
        }
        if (json_is_object(o))
            service_hours(p, o, id);
        importer_pop(im, m2);
    }
    importer_pop(im, m);
}

static void import_entity(struct ptv *p, json_t *e)
{
    struct importer *im = &p->im;
    if (!json_is_object(e)) {
        importer_error(im, "expected an organisation, service or service channel object");
        return;
    }
    if (json_object_get(e, "serviceChannelType"))
        import_channel(p, e);
    else if (json_object_get(e, "serviceNames"))
        import_service(p, e);
    else if (json_object_get(e, "organizationNames"))
        import_org(p, e);
    else
        importer_warn(im, "not a PTV organisation, service or service channel; skipped");
}

static void import_list(struct ptv *p, json_t *arr, const char *key)
{
    struct importer *im = &p->im;
    size_t m = key ? importer_push_key(im, key) : im->pathlen;
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e)
    {
        size_t m2 = importer_push_index(im, i);
        import_entity(p, e);
        importer_pop(im, m2);
    }
    importer_pop(im, m);
}

static void import_doc(struct ptv *p, json_t *root)
{
    struct importer *im = &p->im;
    if (json_is_array(root)) {
        import_list(p, root, NULL);
        return;
    }
    if (!json_is_object(root)) {
        importer_error(im, "expected PTV JSON (an object or a list of objects)");
        return;
    }
    if (json_object_get(root, "id")) {
        import_entity(p, root);
        return;
    }
    static const char *const lists[] = {"organizations", "serviceChannels", "services", "itemList"};
    bool any = false;
    for (size_t i = 0; i < 4; i++) {
        json_t *a = importer_arr(im, root, lists[i]);
        if (a) {
            import_list(p, a, lists[i]);
            any = true;
        }
    }
    if (!any)
        importer_error(im, "no organizations, services, serviceChannels or itemList here; "
                           "is this a PTV Open API file?");
}

/* ---- links ------------------------------------------------------------------------ */

static void resolve_service(struct ptv *p, struct pending_service *s)
{
    struct importer *im = &p->im;
    im->file = s->file;
    importer_pop(im, 0);
    importer_push_key(im, s->path);
    char org[80];
    if (!s->org_uuid) {
        importer_warn(im, "service has no organisation; skipped");
        return;
    }
    ptv_id(s->org_uuid, org, sizeof(org));
    if (folder_find(p->orgs, org) < 0) {
        if (!s->org_name || !*s->org_name) {
            importer_warn(im, "organisation %s is not in the input; service skipped", s->org_uuid);
            return;
        }
        size_t r = folder_add_row(p->orgs);
        folder_set(p->orgs, r, "id", org);
        folder_set(p->orgs, r, "kind", "other");
        char col[64];
        snprintf(col, sizeof(col), "name@%s", im->deflang);
        folder_set(p->orgs, r, col, s->org_name);
        importer_warn(im, "organisation %s is not in the input; added with its name \"%s\" only",
                      s->org_uuid, s->org_name);
    }
    folder_set(p->services, s->row, "organization", org);
    struct strbuf locs;
    strbuf_init(&locs);
    for (size_t i = 0; i < s->nchan; i++) {
        char cid[80];
        int ci;
        ptv_id(s->chan_uuid[i], cid, sizeof(cid));
        if (!idset_get(&p->chan_index, cid, &ci)) {
            importer_pop(im, 0);
            importer_push_key(im, s->chan_path[i]);
            importer_warn(im, "service channel %s is not in the input; left out", s->chan_uuid[i]);
            continue;
        }
        const struct channel *c = &p->ch[ci];
        if (c->kind == CH_LOCATION && !importer_list_has(locs.s, c->id)) {
            if (locs.len)
                strbuf_putc(&locs, ' ');
            strbuf_puts(&locs, c->id);
        }
        if (c->phone && !*folder_cell(p->services, s->row, "phone"))
            folder_set(p->services, s->row, "phone", c->phone);
        if (c->email && !*folder_cell(p->services, s->row, "email"))
            folder_set(p->services, s->row, "email", c->email);
        if (c->url && !*folder_cell(p->services, s->row, "website"))
            folder_set(p->services, s->row, "website", c->url);
    }
    folder_set(p->services, s->row, "locations", locs.s);
    strbuf_free(&locs);
}

bool ptv_import(const struct import_input *in, size_t n, const struct import_options *opt,
                struct folder *out, struct diag_list *d)
{
    struct ptv p;
    memset(&p, 0, sizeof(p));
    size_t errors = d->errors;
    importer_init(&p.im, opt, out, d);
    importer_declare_tables(&p.im);
    idset_init(&p.chan_index);
    p.orgs = importer_table(&p.im, "organizations.csv");
    p.services = importer_table(&p.im, "services.csv");
    p.cats = importer_table(&p.im, "categories.csv");
    p.locs = importer_table(&p.im, "locations.csv");
    p.hours = importer_table(&p.im, "opening_hours.csv");
    p.exc = importer_table(&p.im, "opening_exceptions.csv");
    for (size_t i = 0; i < n; i++) {
        json_t *root = importer_parse(&p.im, &in[i]);
        if (root)
            import_doc(&p, root);
        json_decref(root);
    }
    /* services whose organisation cannot be found are dropped (backwards,
     * so that row numbers stay valid) */
    for (size_t i = 0; i < p.nsv; i++)
        resolve_service(&p, &p.sv[i]);
    for (size_t i = p.nsv; i-- > 0;) {
        if (!*folder_cell(p.services, p.sv[i].row, "organization")) {
            const char *sid = folder_cell(p.services, p.sv[i].row, "id");
            for (size_t r = p.hours->nrows; r-- > 0;)
                if (strcmp(folder_cell(p.hours, r, "target"), sid) == 0)
                    folder_remove_row(p.hours, r);
            for (size_t r = p.exc->nrows; r-- > 0;)
                if (strcmp(folder_cell(p.exc, r, "target"), sid) == 0)
                    folder_remove_row(p.exc, r);
            folder_remove_row(p.services, p.sv[i].row);
        }
    }
    p.im.file = NULL;
    importer_pop(&p.im, 0);
    importer_finish(&p.im, "ptv", "Suomi.fi-palvelutietovaranto (PTV)", "CC BY 4.0",
                    "Suomi.fi-palvelutietovaranto (PTV), Digi- ja väestötietovirasto");
    for (size_t i = 0; i < p.nsv; i++) {
        for (size_t k = 0; k < p.sv[i].nchan; k++) {
            free(p.sv[i].chan_uuid[k]);
            free(p.sv[i].chan_path[k]);
        }
        free(p.sv[i].chan_uuid);
        free(p.sv[i].chan_path);
        free(p.sv[i].org_uuid);
        free(p.sv[i].org_name);
        free(p.sv[i].path);
        free(p.sv[i].file);
    }
    free(p.sv);
    for (size_t i = 0; i < p.nch; i++) {
        free(p.ch[i].id);
        free(p.ch[i].phone);
        free(p.ch[i].email);
        free(p.ch[i].url);
    }
    free(p.ch);
    idset_free(&p.chan_index);
    return d->errors == errors;
}
