/* importer: shared machinery of the importers. JSON comes through Jansson
 * (libjansson-dev): a small, dependency-free DOM library whose parser
 * rejects invalid UTF-8 and reports the line and column of a syntax error,
 * which is what messages to staff need; json-c would do, but reports no
 * line numbers. */
#include "import/importer.h"
#include "base/civil.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pack/langs.h"
#include "pack/validate.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void importer_init(struct importer *im, const struct import_options *opt, struct folder *out,
                   struct diag_list *d)
{
    memset(im, 0, sizeof(*im));
    im->opt = opt;
    im->deflang = opt->language && *opt->language ? opt->language : "fi";
    im->tz = opt->timezone && *opt->timezone ? opt->timezone : "Europe/Helsinki";
    im->out = out;
    im->d = d;
    importer_use_lang(im, im->deflang);
}

/* ---- messages ------------------------------------------------------------ */

__attribute__((format(printf, 3, 0))) static void
vreport(struct importer *im, enum diag_severity sev, const char *fmt, va_list ap)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_vprintf(&b, fmt, ap);
    diag_add(im->d, sev, im->file, 0, im->pathlen ? im->path : NULL, "%s", b.s);
    strbuf_free(&b);
}

void importer_error(struct importer *im, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(im, DIAG_ERROR, fmt, ap);
    va_end(ap);
}

void importer_warn(struct importer *im, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(im, DIAG_WARNING, fmt, ap);
    va_end(ap);
}

/* ---- JSON path -------------------------------------------------------------- */

size_t importer_push_key(struct importer *im, const char *key)
{
    size_t mark = im->pathlen;
    int n = snprintf(im->path + im->pathlen, sizeof(im->path) - im->pathlen, "%s%s",
                     im->pathlen ? "." : "", key);
    if (n > 0)
        im->pathlen += (size_t)n;
    if (im->pathlen >= sizeof(im->path))
        im->pathlen = sizeof(im->path) - 1;
    return mark;
}

size_t importer_push_index(struct importer *im, size_t i)
{
    size_t mark = im->pathlen;
    int n = snprintf(im->path + im->pathlen, sizeof(im->path) - im->pathlen, "[%zu]", i);
    if (n > 0)
        im->pathlen += (size_t)n;
    if (im->pathlen >= sizeof(im->path))
        im->pathlen = sizeof(im->path) - 1;
    return mark;
}

void importer_pop(struct importer *im, size_t mark)
{
    im->pathlen = mark;
    im->path[mark] = '\0';
}

json_t *importer_parse(struct importer *im, const struct import_input *in)
{
    im->file = in->name;
    importer_pop(im, 0);
    if (in->len > IMPORT_MAX_INPUT) {
        diag_add(im->d, DIAG_ERROR, in->name, 0, NULL, "file is larger than %u MiB",
                 IMPORT_MAX_INPUT >> 20);
        return NULL;
    }
    json_error_t e;
    json_t *root = json_loadb(in->data, in->len, JSON_DECODE_ANY, &e);
    if (!root)
        diag_add(im->d, DIAG_ERROR, in->name, e.line > 0 ? e.line : 0, NULL,
                 "not valid JSON: %s (column %d)", e.text, e.column);
    return root;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "a list";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "true/false";
    case JSON_NULL:
        return "null";
    }
    return "something else";
}

static json_t *member(struct importer *im, json_t *obj, const char *key, json_type want,
                      const char *want_name)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (!v || json_is_null(v))
        return NULL;
    if (json_typeof(v) != want) {
        size_t m = importer_push_key(im, key);
        importer_error(im, "expected %s, found %s", want_name, type_name(v));
        importer_pop(im, m);
        return NULL;
    }
    return v;
}

const char *importer_str(struct importer *im, json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (v && (json_is_integer(v) || json_is_real(v))) {
        /* numbers where text was expected (postal codes, phone numbers):
         * keep them as written */
        static char buf[64];
        if (json_is_integer(v))
            snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
        else
            snprintf(buf, sizeof(buf), "%.17g", json_real_value(v));
        return buf;
    }
    v = member(im, obj, key, JSON_STRING, "a string");
    return v ? json_string_value(v) : NULL;
}

json_t *importer_arr(struct importer *im, json_t *obj, const char *key)
{
    return member(im, obj, key, JSON_ARRAY, "a list");
}

json_t *importer_obj(struct importer *im, json_t *obj, const char *key)
{
    return member(im, obj, key, JSON_OBJECT, "an object");
}

bool importer_bool(struct importer *im, json_t *obj, const char *key, bool dflt)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (!v || json_is_null(v))
        return dflt;
    if (json_is_boolean(v))
        return json_is_true(v);
    size_t m = importer_push_key(im, key);
    importer_error(im, "expected true or false, found %s", type_name(v));
    importer_pop(im, m);
    return dflt;
}

bool importer_num(struct importer *im, json_t *obj, const char *key, double *out)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (!v || json_is_null(v))
        return false;
    if (json_is_number(v)) {
        *out = json_number_value(v);
        return true;
    }
    size_t m = importer_push_key(im, key);
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        double x = strtod(s, &end);
        if (*s && end != s && !*end) {
            *out = x;
            importer_pop(im, m);
            return true;
        }
        if (*s)
            importer_error(im, "\"%s\" is not a number", s);
        importer_pop(im, m);
        return false;
    }
    importer_error(im, "expected a number, found %s", type_name(v));
    importer_pop(im, m);
    return false;
}

/* ---- texts -------------------------------------------------------------------- */

void i18n_put(struct i18n *x, const char *lang, const char *text)
{
    if (!lang || !text || !*text || strlen(lang) >= sizeof(x->v[0].lang))
        return;
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].lang, lang) == 0)
            return; /* the first text of a language wins */
    if (x->n == IMPORT_MAX_LANGS)
        return;
    snprintf(x->v[x->n].lang, sizeof(x->v[x->n].lang), "%s", lang);
    x->v[x->n].text = text;
    x->n++;
}

const char *i18n_get(const struct i18n *x, const char *lang)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].lang, lang) == 0)
            return x->v[i].text;
    return NULL;
}

void importer_use_lang(struct importer *im, const char *lang)
{
    for (size_t i = 0; i < im->nlangs; i++)
        if (strcmp(im->langs[i], lang) == 0)
            return;
    if (im->nlangs == IMPORT_MAX_LANGS || strlen(lang) >= sizeof(im->langs[0]))
        return;
    snprintf(im->langs[im->nlangs++], sizeof(im->langs[0]), "%s", lang);
}

static bool lang_usable(struct importer *im, const char *lang)
{
    if (langs_valid_code(lang))
        return true;
    importer_warn(im, "\"%s\" is not a language code; this text is skipped", lang);
    return false;
}

bool importer_put_i18n(struct importer *im, struct folder_table *t, size_t row, const char *stem,
                       const struct i18n *x, bool required)
{
    char col[64];
    for (size_t i = 0; i < x->n; i++) {
        if (!lang_usable(im, x->v[i].lang))
            continue;
        char *clean = importer_plain_text(x->v[i].text);
        if (*clean) {
            snprintf(col, sizeof(col), "%s@%s", stem, x->v[i].lang);
            folder_set(t, row, col, clean);
            importer_use_lang(im, x->v[i].lang);
        }
        free(clean);
    }
    if (!required)
        return true;
    snprintf(col, sizeof(col), "%s@%s", stem, im->deflang);
    if (*folder_cell(t, row, col))
        return true;
    static const char *const chain[] = {"fi", "sv", "en"};
    const char *from = NULL;
    for (size_t i = 0; i < 3 && !from; i++) {
        char c2[64];
        snprintf(c2, sizeof(c2), "%s@%s", stem, chain[i]);
        if (*folder_cell(t, row, c2))
            from = chain[i];
    }
    for (size_t i = 0; i < x->n && !from; i++) {
        char c2[64];
        snprintf(c2, sizeof(c2), "%s@%s", stem, x->v[i].lang);
        if (langs_valid_code(x->v[i].lang) && *folder_cell(t, row, c2))
            from = x->v[i].lang;
    }
    if (!from)
        return false;
    char src[64];
    snprintf(src, sizeof(src), "%s@%s", stem, from);
    char *copy = xstrdup(folder_cell(t, row, src));
    folder_set(t, row, col, copy);
    free(copy);
    importer_warn(im, "no %s in %s; the %s one is used", stem, im->deflang, from);
    return true;
}

/* ---- cells ------------------------------------------------------------------- */

void importer_make_id(const char *prefix, const char *foreign, char *out, size_t cap)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s-", prefix);
    bool dash = true;
    for (const unsigned char *p = (const unsigned char *)foreign; *p; p++) {
        char c = (char)tolower(*p);
        if (isalnum((unsigned char)c) && *p < 0x80) {
            strbuf_putc(&b, c);
            dash = false;
        } else if (*p == '_' && !dash) {
            strbuf_putc(&b, '_');
        } else if (!dash) {
            strbuf_putc(&b, '-');
            dash = true;
        }
    }
    while (b.len > strlen(prefix) + 1 && (b.s[b.len - 1] == '-' || b.s[b.len - 1] == '_'))
        b.s[--b.len] = '\0';
    if (b.len > 64) {
        uint32_t h = 2166136261u; /* FNV-1a of the foreign id keeps it unique */
        for (const unsigned char *p = (const unsigned char *)foreign; *p; p++)
            h = (h ^ *p) * 16777619u;
        b.len = 55;
        b.s[55] = '\0';
        strbuf_printf(&b, "-%08x", (unsigned)h);
    }
    snprintf(out, cap, "%s", b.s ? b.s : prefix);
    strbuf_free(&b);
}

bool importer_check_phone(struct importer *im, const char *value)
{
    if (validate_phone(value))
        return true;
    importer_warn(im, "\"%s\" is not a phone number; left out", value);
    return false;
}

bool importer_check_email(struct importer *im, const char *value)
{
    if (validate_email(value))
        return true;
    importer_warn(im, "\"%s\" is not an e-mail address; left out", value);
    return false;
}

bool importer_check_url(struct importer *im, const char *value)
{
    if (validate_url(value))
        return true;
    importer_warn(im, "\"%s\" is not a web address; left out", value);
    return false;
}

bool importer_list_has(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, item, n) == 0)
            return true;
        p += len;
    }
    return false;
}

bool importer_put_phone(struct importer *im, struct folder_table *t, size_t row, const char *col,
                        const char *value)
{
    if (!value || !*value)
        return false;
    if (!importer_check_phone(im, value))
        return false;
    folder_set(t, row, col, value);
    return true;
}

bool importer_put_email(struct importer *im, struct folder_table *t, size_t row, const char *col,
                        const char *value)
{
    if (!value || !*value)
        return false;
    if (!importer_check_email(im, value))
        return false;
    folder_set(t, row, col, value);
    return true;
}

bool importer_put_url(struct importer *im, struct folder_table *t, size_t row, const char *col,
                      const char *value)
{
    if (!value || !*value)
        return false;
    if (!importer_check_url(im, value))
        return false;
    folder_set(t, row, col, value);
    return true;
}

static void put_utf8(struct strbuf *b, unsigned long cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return;
    if (cp < 0x80) {
        strbuf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        strbuf_putc(b, (char)(0xC0 | (cp >> 6)));
        strbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        strbuf_putc(b, (char)(0xE0 | (cp >> 12)));
        strbuf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        strbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
    } else {
        strbuf_putc(b, (char)(0xF0 | (cp >> 18)));
        strbuf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
        strbuf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
        strbuf_putc(b, (char)(0x80 | (cp & 0x3F)));
    }
}

static const char *entity(const char *p, struct strbuf *b)
{
    static const struct {
        const char *name;
        const char *text;
    } named[] = {{"amp;", "&"},
                 {"lt;", "<"},
                 {"gt;", ">"},
                 {"quot;", "\""},
                 {"apos;", "'"},
                 {"nbsp;", " "},
                 {"ndash;", "\xE2\x80\x93"},
                 {"mdash;", "\xE2\x80\x94"},
                 {"euro;", "\xE2\x82\xAC"}};
    for (size_t i = 0; i < sizeof(named) / sizeof(*named); i++) {
        size_t n = strlen(named[i].name);
        if (strncmp(p, named[i].name, n) == 0) {
            strbuf_puts(b, named[i].text);
            return p + n;
        }
    }
    if (*p == '#') {
        char *end;
        unsigned long cp =
            (p[1] == 'x' || p[1] == 'X') ? strtoul(p + 2, &end, 16) : strtoul(p + 1, &end, 10);
        if (*end == ';' && end > p + 1) {
            put_utf8(b, cp);
            return end + 1;
        }
    }
    strbuf_putc(b, '&');
    return p;
}

char *importer_plain_text(const char *s)
{
    struct strbuf raw;
    strbuf_init(&raw);
    bool html = strchr(s, '<') && strchr(s, '>');
    for (const char *p = s; *p;) {
        if (html && *p == '<') {
            const char *end = strchr(p, '>');
            if (!end)
                break;
            bool brk = strncmp(p, "<br", 3) == 0 || strncmp(p, "</p", 3) == 0 ||
                       strncmp(p, "</li", 4) == 0 || strncmp(p, "</h", 3) == 0;
            if (brk)
                strbuf_puts(&raw, strncmp(p, "<br", 3) == 0 ? "\n" : "\n\n");
            p = end + 1;
        } else if (*p == '&') {
            p = entity(p + 1, &raw);
        } else {
            strbuf_putc(&raw, *p == '\t' || *p == '\r' ? ' ' : *p);
            p++;
        }
    }
    /* collapse spaces, at most one blank line, trim */
    struct strbuf b;
    strbuf_init(&b);
    int nl = 0;
    bool space = false;
    for (size_t i = 0; raw.s && i < raw.len; i++) {
        char c = raw.s[i];
        if (c == '\n') {
            nl++;
            space = false;
            continue;
        }
        if (c == ' ') {
            space = true;
            continue;
        }
        if (b.len) {
            if (nl)
                strbuf_puts(&b, nl > 1 ? "\n\n" : "\n");
            else if (space)
                strbuf_putc(&b, ' ');
        }
        nl = 0;
        space = false;
        strbuf_putc(&b, c);
    }
    strbuf_free(&raw);
    return strbuf_detach(&b);
}

static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool importer_parse_clock(const char *s, int *minutes)
{
    int h, m, sec = 0;
    size_t n = strlen(s);
    const char *p = s;
    if (n >= 4 && s[1] == ':') { /* H:MM */
        if (!digits(s, 1, &h))
            return false;
        p = s + 2;
    } else if (n >= 5 && s[2] == ':') {
        if (!digits(s, 2, &h))
            return false;
        p = s + 3;
    } else {
        return false;
    }
    if (!digits(p, 2, &m))
        return false;
    p += 2;
    if (*p == ':') {
        if (!digits(p + 1, 2, &sec))
            return false;
        p += 3;
        if (*p == '.') /* fractions of a second */
            for (p++; isdigit((unsigned char)*p); p++)
                ;
    }
    if (*p || m > 59 || sec > 59 || h > 24 || (h == 24 && (m || sec)))
        return false;
    *minutes = h * 60 + m;
    return true;
}

bool importer_parse_iso(const char *s, int64_t *utc, bool *date_only, bool *has_zone)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    *date_only = false;
    *has_zone = false;
    if (strlen(s) < 10 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
        s[7] != '-' || !digits(s + 8, 2, &d) || !civil_valid(y, mo, d))
        return false;
    const char *p = s + 10;
    int64_t off = 0;
    if (!*p) {
        *date_only = true;
    } else {
        if ((*p != 'T' && *p != ' ') || !digits(p + 1, 2, &h) || p[3] != ':' ||
            !digits(p + 4, 2, &mi))
            return false;
        p += 6;
        if (*p == ':') {
            if (!digits(p + 1, 2, &sec))
                return false;
            p += 3;
            if (*p == '.')
                for (p++; isdigit((unsigned char)*p); p++)
                    ;
        }
        if (h > 23 || mi > 59 || sec > 60)
            return false;
        if (*p == 'Z') {
            *has_zone = true;
            p++;
        } else if (*p == '+' || *p == '-') {
            int oh, om;
            int sign = *p == '-' ? -1 : 1;
            if (!digits(p + 1, 2, &oh))
                return false;
            const char *q = p + 3;
            if (*q == ':')
                q++;
            if (!digits(q, 2, &om) || oh > 14 || om > 59)
                return false;
            off = sign * (oh * 3600 + om * 60);
            *has_zone = true;
            p = q + 2;
        }
        if (*p)
            return false;
    }
    *utc = civil_to_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - off;
    return true;
}

/* ---- the folder's tables ---------------------------------------------------------- */

static const char *const site_order[] = {
    "id",    "region", "default_language", "languages", "timezone", "location",
    "phone", "email",  "website",          "name@",     "tagline@", NULL};
static const char *const category_order[] = {"id",      "kind",    "parent", "icon", "sort",
                                             "age_min", "age_max", "name@",  NULL};
static const char *const org_order[] = {
    "id", "kind", "name@", "description@", "website", "phone", "email", "logo", NULL};
static const char *const location_order[] = {"id",
                                             "name@",
                                             "street_address",
                                             "postal_code",
                                             "city",
                                             "latitude",
                                             "longitude",
                                             "directions@",
                                             "accessibility@",
                                             "step_free",
                                             "accessible_toilet",
                                             "induction_loop",
                                             "stroller_parking",
                                             "changing_table",
                                             NULL};
static const char *const service_order[] = {
    "id",        "organization", "name@", "description@", "categories", "age_groups",
    "languages", "locations",    "phone", "email",        "website",    NULL};
static const char *const contact_order[] = {
    "id",    "organization", "name",      "services", "title@", "responsibilities@",
    "phone", "email",        "languages", NULL};
static const char *const hours_order[] = {"target", "days", "opens", "closes", NULL};
static const char *const exception_order[] = {"target", "date",  "closed", "opens",
                                              "closes", "note@", NULL};
static const char *const activity_order[] = {"id",
                                             "organization",
                                             "service",
                                             "location",
                                             "categories",
                                             "age_groups",
                                             "languages",
                                             "name@",
                                             "description@",
                                             "price@",
                                             "registration@",
                                             "registration_url",
                                             "start",
                                             "duration",
                                             "end",
                                             "timezone",
                                             "rrule",
                                             "exdates",
                                             "skip_holidays",
                                             "age_min",
                                             "age_max",
                                             "source",
                                             NULL};
static const char *const change_order[] = {"activity", "date",     "status", "start",
                                           "end",      "location", "note@",  NULL};
static const char *const source_order[] = {"id", "kind", "name", "licence", "attribution", NULL};

static const struct {
    const char *name;
    const char *const *order;
    const char *key;
    const char *required_text; /* stem needed in the default language */
} tables[] = {
    {"site.csv", site_order, "id", "name"},
    {"categories.csv", category_order, "id", "name"},
    {"organizations.csv", org_order, "id", "name"},
    {"locations.csv", location_order, "id", "name"},
    {"services.csv", service_order, "id", "name"},
    {"contacts.csv", contact_order, "id", "title"},
    {"opening_hours.csv", hours_order, NULL, NULL},
    {"opening_exceptions.csv", exception_order, NULL, NULL},
    {"activities.csv", activity_order, "id", "name"},
    {"activity_changes.csv", change_order, NULL, NULL},
    {"sources.csv", source_order, "id", NULL},
};

struct folder_table *importer_table(struct importer *im, const char *name)
{
    for (size_t i = 0; i < sizeof(tables) / sizeof(*tables); i++) {
        if (strcmp(tables[i].name, name) != 0)
            continue;
        struct folder_table *t = folder_table(im->out, name, tables[i].order, tables[i].key);
        if (tables[i].required_text) {
            char col[64];
            snprintf(col, sizeof(col), "%s@%s", tables[i].required_text, im->deflang);
            folder_column(t, col);
        }
        return t;
    }
    return folder_table(im->out, name, NULL, NULL);
}

void importer_declare_tables(struct importer *im)
{
    importer_table(im, "site.csv");
    importer_table(im, "categories.csv");
    importer_table(im, "organizations.csv");
    importer_table(im, "services.csv");
}

const char *importer_source_id(const struct importer *im, const char *kind)
{
    return im->opt->source_id && *im->opt->source_id ? im->opt->source_id : kind;
}

void importer_finish(struct importer *im, const char *kind, const char *name,
                     const char *default_licence, const char *default_attribution)
{
    const struct import_options *o = im->opt;
    struct folder_table *site = importer_table(im, "site.csv");
    size_t r = folder_add_row(site);
    folder_set(site, r, "id", o->site_id && *o->site_id ? o->site_id : kind);
    folder_set(site, r, "default_language", im->deflang);
    struct strbuf langs;
    strbuf_init(&langs);
    /* default language first, then fi sv en, then the others as met */
    static const char *const first[] = {"fi", "sv", "en"};
    strbuf_puts(&langs, im->deflang);
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < im->nlangs; k++)
            if (strcmp(im->langs[k], first[i]) == 0 && strcmp(first[i], im->deflang) != 0)
                strbuf_printf(&langs, " %s", first[i]);
    for (size_t k = 0; k < im->nlangs; k++) {
        const char *l = im->langs[k];
        if (strcmp(l, im->deflang) && strcmp(l, "fi") && strcmp(l, "sv") && strcmp(l, "en"))
            strbuf_printf(&langs, " %s", l);
    }
    folder_set(site, r, "languages", langs.s);
    strbuf_free(&langs);
    folder_set(site, r, "timezone", im->tz);
    char col[64];
    snprintf(col, sizeof(col), "name@%s", im->deflang);
    folder_set(site, r, col, name);

    struct folder_table *src = importer_table(im, "sources.csv");
    r = folder_add_row(src);
    folder_set(src, r, "id", importer_source_id(im, kind));
    folder_set(src, r, "kind", kind);
    folder_set(src, r, "name", name);
    folder_set(src, r, "licence", o->licence ? o->licence : default_licence);
    folder_set(src, r, "attribution", o->attribution ? o->attribution : default_attribution);
}
