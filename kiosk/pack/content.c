/* content: loads a content folder, checks it against the column
 * specifications below and expands its activities. All problems are
 * collected into a diag_list so that staff see every one of them at once.
 * Owns the tables, the calendars and the expanded occurrences. */
#include "pack/content.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "pack/langs.h"
#include "pack/tzmap.h"
#include "pack/validate.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum coltype {
    T_ID,       /* this row's id */
    T_TEXT,     /* any text */
    T_I18N,     /* name@lang columns */
    T_REF,      /* an id in another file (ref) */
    T_REFLIST,  /* ids in another file */
    T_LANG,     /* a language code */
    T_LANGLIST, /* language codes */
    T_PHONE,
    T_EMAIL,
    T_URL,
    T_BOOL,
    T_INT,
    T_REAL,
    T_DATE,
    T_CLOCK,
    T_DATETIME,
    T_DATELIST,
    T_ENUM, /* one of ref, space-separated */
    T_DAYS,
    T_TZ,
    T_RRULE,
    T_PATH,
};

/* Reference targets. */
#define R_ORG      "organizations"
#define R_LOC      "locations"
#define R_SERVICE  "services"
#define R_CATEGORY "category"  /* categories.csv, kind category */
#define R_AGE      "age_group" /* categories.csv, kind age_group */
#define R_TARGET   "target"    /* a service or a location (or "*") */
#define R_ACTIVITY "activities"
#define R_SOURCE   "sources" /* sources.csv, or "csv" (this folder) */

struct colspec {
    const char *name;
    enum coltype type;
    bool required;
    const char *ref; /* reference target or enum values */
    double min, max; /* T_INT, T_REAL */
};

struct filespec {
    const char *file;
    bool required;
    const struct colspec *cols;
};

static const struct colspec site_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"region", T_TEXT, false, NULL, 0, 0},
    {"default_language", T_LANG, true, NULL, 0, 0},
    {"languages", T_LANGLIST, true, NULL, 0, 0},
    {"timezone", T_TZ, false, NULL, 0, 0},
    {"location", T_REF, false, R_LOC, 0, 0},
    {"phone", T_PHONE, false, NULL, 0, 0},
    {"email", T_EMAIL, false, NULL, 0, 0},
    {"website", T_URL, false, NULL, 0, 0},
    {"name@", T_I18N, true, NULL, 0, 0},
    {"tagline@", T_I18N, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec language_cols[] = {
    {"code", T_LANG, true, NULL, 0, 0},
    {"native_name", T_TEXT, true, NULL, 0, 0},
    {"direction", T_ENUM, true, "ltr rtl", 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec category_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"kind", T_ENUM, true, "category age_group", 0, 0},
    {"parent", T_REF, false, R_CATEGORY, 0, 0},
    {"icon", T_TEXT, false, NULL, 0, 0},
    {"sort", T_INT, false, NULL, -100000, 100000},
    {"age_min", T_INT, false, NULL, 0, 120},
    {"age_max", T_INT, false, NULL, 0, 120},
    {"name@", T_I18N, true, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec organization_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"kind", T_ENUM, true, "public ngo parish company other", 0, 0},
    {"name@", T_I18N, true, NULL, 0, 0},
    {"description@", T_I18N, false, NULL, 0, 0},
    {"website", T_URL, false, NULL, 0, 0},
    {"phone", T_PHONE, false, NULL, 0, 0},
    {"email", T_EMAIL, false, NULL, 0, 0},
    {"logo", T_PATH, false, "png", 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec location_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"name@", T_I18N, true, NULL, 0, 0},
    {"street_address", T_TEXT, false, NULL, 0, 0},
    {"postal_code", T_TEXT, false, NULL, 0, 0},
    {"city", T_TEXT, false, NULL, 0, 0},
    {"latitude", T_REAL, false, NULL, -90, 90},
    {"longitude", T_REAL, false, NULL, -180, 180},
    {"directions@", T_I18N, false, NULL, 0, 0},
    {"accessibility@", T_I18N, false, NULL, 0, 0},
    {"step_free", T_BOOL, false, NULL, 0, 0},
    {"accessible_toilet", T_BOOL, false, NULL, 0, 0},
    {"induction_loop", T_BOOL, false, NULL, 0, 0},
    {"stroller_parking", T_BOOL, false, NULL, 0, 0},
    {"changing_table", T_BOOL, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec service_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"organization", T_REF, true, R_ORG, 0, 0},
    {"name@", T_I18N, true, NULL, 0, 0},
    {"description@", T_I18N, false, NULL, 0, 0},
    {"categories", T_REFLIST, false, R_CATEGORY, 0, 0},
    {"age_groups", T_REFLIST, false, R_AGE, 0, 0},
    {"languages", T_LANGLIST, false, NULL, 0, 0},
    {"locations", T_REFLIST, false, R_LOC, 0, 0},
    {"phone", T_PHONE, false, NULL, 0, 0},
    {"email", T_EMAIL, false, NULL, 0, 0},
    {"website", T_URL, false, NULL, 0, 0},
    {"sensitive", T_BOOL, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec contact_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"organization", T_REF, true, R_ORG, 0, 0},
    {"name", T_TEXT, true, NULL, 0, 0},
    {"services", T_REFLIST, false, R_SERVICE, 0, 0},
    {"title@", T_I18N, true, NULL, 0, 0},
    {"responsibilities@", T_I18N, false, NULL, 0, 0},
    {"phone", T_PHONE, false, NULL, 0, 0},
    {"email", T_EMAIL, false, NULL, 0, 0},
    {"languages", T_LANGLIST, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec hours_cols[] = {
    {"target", T_REF, true, R_TARGET, 0, 0},
    {"days", T_DAYS, true, NULL, 0, 0},
    {"opens", T_CLOCK, true, NULL, 0, 0},
    {"closes", T_CLOCK, true, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec exception_cols[] = {
    {"target", T_REF, true, R_TARGET, 0, 0},
    {"date", T_DATE, true, NULL, 0, 0},
    {"closed", T_BOOL, false, NULL, 0, 0},
    {"opens", T_CLOCK, false, NULL, 0, 0},
    {"closes", T_CLOCK, false, NULL, 0, 0},
    {"note@", T_I18N, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec activity_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"organization", T_REF, true, R_ORG, 0, 0},
    {"service", T_REF, false, R_SERVICE, 0, 0},
    {"location", T_REF, false, R_LOC, 0, 0},
    {"categories", T_REFLIST, false, R_CATEGORY, 0, 0},
    {"age_groups", T_REFLIST, false, R_AGE, 0, 0},
    {"languages", T_LANGLIST, false, NULL, 0, 0},
    {"name@", T_I18N, true, NULL, 0, 0},
    {"description@", T_I18N, false, NULL, 0, 0},
    {"price@", T_I18N, false, NULL, 0, 0},
    {"registration@", T_I18N, false, NULL, 0, 0},
    {"registration_url", T_URL, false, NULL, 0, 0},
    {"start", T_DATETIME, true, NULL, 0, 0},
    {"duration", T_INT, false, NULL, 1, 14 * 1440},
    {"end", T_CLOCK, false, NULL, 0, 0},
    {"timezone", T_TZ, false, NULL, 0, 0},
    {"rrule", T_RRULE, false, NULL, 0, 0},
    {"exdates", T_DATELIST, false, NULL, 0, 0},
    {"skip_holidays", T_BOOL, false, NULL, 0, 0},
    {"age_min", T_INT, false, NULL, 0, 120},
    {"age_max", T_INT, false, NULL, 0, 120},
    {"source", T_REF, false, R_SOURCE, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec change_cols[] = {
    {"activity", T_REF, true, R_ACTIVITY, 0, 0},
    {"date", T_DATE, true, NULL, 0, 0},
    {"status", T_ENUM, true, "cancelled moved", 0, 0},
    {"start", T_DATETIME, false, NULL, 0, 0},
    {"end", T_CLOCK, false, NULL, 0, 0},
    {"location", T_REF, false, R_LOC, 0, 0},
    {"note@", T_I18N, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec calendar_cols[] = {
    {"file", T_PATH, true, "ics", 0, 0},
    {"organization", T_REF, true, R_ORG, 0, 0},
    {"location", T_REF, false, R_LOC, 0, 0},
    {"categories", T_REFLIST, false, R_CATEGORY, 0, 0},
    {"age_groups", T_REFLIST, false, R_AGE, 0, 0},
    {"language", T_LANG, true, NULL, 0, 0},
    {"skip_holidays", T_BOOL, false, NULL, 0, 0},
    {"licence", T_TEXT, false, NULL, 0, 0},
    {"attribution", T_TEXT, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};
static const struct colspec ui_string_cols[] = {
    {"lang", T_LANG, true, NULL, 0, 0},
    {"msgid", T_TEXT, true, NULL, 0, 0},
    {"msgstr", T_TEXT, true, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};

static const struct colspec source_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},
    {"kind", T_ENUM, true, "csv ics ptv linkedevents hsds other", 0, 0},
    {"name", T_TEXT, true, NULL, 0, 0},
    {"licence", T_TEXT, false, NULL, 0, 0},
    {"attribution", T_TEXT, false, NULL, 0, 0},
    {NULL, 0, 0, NULL, 0, 0},
};

/* The families' feedback question: one question row, 3 to 5 answer rows
 * (each a face from 1, very unhappy, to 5, very happy) and optionally one
 * topics row (the heading of the "I could not find..." category tiles). */
static const struct colspec feedback_cols[] = {
    {"id", T_ID, true, NULL, 0, 0},      {"kind", T_ENUM, true, "question answer topics", 0, 0},
    {"face", T_INT, false, NULL, 1, 5},  {"sort", T_INT, false, NULL, -100000, 100000},
    {"text@", T_I18N, true, NULL, 0, 0}, {NULL, 0, 0, NULL, 0, 0},
};

static const struct filespec files[CF_COUNT] = {
    [CF_SITE] = {"site.csv", true, site_cols},
    [CF_LANGUAGES] = {"languages.csv", false, language_cols},
    [CF_CATEGORIES] = {"categories.csv", true, category_cols},
    [CF_ORGANIZATIONS] = {"organizations.csv", true, organization_cols},
    [CF_LOCATIONS] = {"locations.csv", false, location_cols},
    [CF_SERVICES] = {"services.csv", true, service_cols},
    [CF_CONTACTS] = {"contacts.csv", false, contact_cols},
    [CF_HOURS] = {"opening_hours.csv", false, hours_cols},
    [CF_EXCEPTIONS] = {"opening_exceptions.csv", false, exception_cols},
    [CF_ACTIVITIES] = {"activities.csv", false, activity_cols},
    [CF_CHANGES] = {"activity_changes.csv", false, change_cols},
    [CF_CALENDARS] = {"calendars.csv", false, calendar_cols},
    [CF_UI_STRINGS] = {"ui_strings.csv", false, ui_string_cols},
    [CF_SOURCES] = {"sources.csv", false, source_cols},
    [CF_FEEDBACK] = {"feedback.csv", false, feedback_cols},
};

const char *content_file_name(enum content_file f)
{
    return files[f].file;
}

const char *content_cell(const struct content *c, enum content_file f, size_t r, const char *col)
{
    return csvfile_cell(&c->t[f], r, csvfile_col(&c->t[f], col));
}

static int row_line(const struct content *c, enum content_file f, size_t r)
{
    return c->t[f].rows[r].line;
}

bool content_language(const struct content *c, const char *code, const char **native, bool *rtl,
                      bool *ui_translated)
{
    const struct csv_table *t = &c->t[CF_LANGUAGES];
    for (size_t r = 0; r < t->nrows; r++) {
        if (strcmp(content_cell(c, CF_LANGUAGES, r, "code"), code) == 0) {
            *native = content_cell(c, CF_LANGUAGES, r, "native_name");
            *rtl = strcmp(content_cell(c, CF_LANGUAGES, r, "direction"), "rtl") == 0;
            const struct lang_info *li = langs_builtin(code);
            *ui_translated = li && li->ui_translated;
            return true;
        }
    }
    const struct lang_info *li = langs_builtin(code);
    if (!li)
        return false;
    *native = li->native_name;
    *rtl = li->rtl;
    *ui_translated = li->ui_translated;
    return true;
}

static bool known_language(const struct content *c, const char *code)
{
    const char *n;
    bool r, u;
    return content_language(c, code, &n, &r, &u);
}

static bool site_language(const struct content *c, const char *code)
{
    for (size_t i = 0; i < c->nlangs; i++)
        if (strcmp(c->langs[i], code) == 0)
            return true;
    return false;
}

/* ---- loading files ----------------------------------------------------- */

static char *join_path(const char *dir, const char *name)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_printf(&b, "%s/%s", dir, name);
    return strbuf_detach(&b);
}

static void load_file(struct content *c, enum content_file f, struct diag_list *d)
{
    char *path = join_path(c->dir, files[f].file);
    struct stat st;
    if (stat(path, &st) != 0) {
        if (files[f].required)
            diag_add(d, DIAG_ERROR, files[f].file, 0, NULL, "required file is missing from %s",
                     c->dir);
        c->t[f].shown = xstrdup(files[f].file);
        free(path);
        return;
    }
    c->present[f] = csvfile_load(path, files[f].file, &c->t[f], d);
    free(path);
}

static const struct colspec *spec_for_column(const struct colspec *cols, const char *name)
{
    for (const struct colspec *s = cols; s->name; s++) {
        size_t n = strlen(s->name);
        if (s->type == T_I18N) {
            if (strncmp(name, s->name, n) == 0 && name[n])
                return s;
        } else if (strcmp(name, s->name) == 0) {
            return s;
        }
    }
    return NULL;
}

static void check_header(struct content *c, enum content_file f, struct diag_list *d)
{
    const struct csv_table *t = &c->t[f];
    const char *file = files[f].file;
    for (size_t i = 0; i < t->ncols; i++) {
        const char *name = t->cols[i];
        if (!name[0])
            continue;
        const struct colspec *s = spec_for_column(files[f].cols, name);
        if (!s) {
            diag_add(d, DIAG_WARNING, file, 1, name,
                     "unknown column (ignored); see content/FORMAT.md for the columns of %s", file);
            continue;
        }
        if (s->type == T_I18N) {
            const char *lang = name + strlen(s->name);
            if (!langs_valid_code(lang))
                diag_add(d, DIAG_ERROR, file, 1, name, "\"%s\" is not a language code", lang);
            else if (c->nlangs && !site_language(c, lang))
                diag_add(d, DIAG_WARNING, file, 1, name,
                         "language \"%s\" is not in site.csv's languages; this text will not "
                         "be shown",
                         lang);
        }
    }
    for (const struct colspec *s = files[f].cols; s->name; s++) {
        if (!s->required)
            continue;
        if (s->type == T_I18N) {
            if (!c->default_lang)
                continue;
            char col[64];
            snprintf(col, sizeof(col), "%s%s", s->name, c->default_lang);
            if (csvfile_col(t, col) < 0)
                diag_add(d, DIAG_ERROR, file, 1, col,
                         "required column is missing (text in the default language %s)",
                         c->default_lang);
        } else if (csvfile_col(t, s->name) < 0) {
            diag_add(d, DIAG_ERROR, file, 1, s->name, "required column is missing");
        }
    }
}

/* ---- single cells -------------------------------------------------------- */

struct item_ctx {
    struct content *c;
    struct diag_list *d;
    const char *file, *col, *ref;
    int line;
    enum coltype type;
};

static bool ref_exists(struct content *c, const char *ref, const char *id, const char **why)
{
    int row;
    *why = NULL;
    if (strcmp(ref, R_CATEGORY) == 0 || strcmp(ref, R_AGE) == 0) {
        if (!idset_get(&c->ids[CF_CATEGORIES], id, &row))
            return false;
        if (strcmp(content_cell(c, CF_CATEGORIES, (size_t)row, "kind"), ref) != 0) {
            *why = strcmp(ref, R_AGE) == 0 ? "is a category, not an age group"
                                           : "is an age group, not a category";
            return false;
        }
        return true;
    }
    if (strcmp(ref, R_TARGET) == 0)
        return idset_get(&c->ids[CF_SERVICES], id, NULL) ||
               idset_get(&c->ids[CF_LOCATIONS], id, NULL);
    if (strcmp(ref, R_ORG) == 0)
        return idset_get(&c->ids[CF_ORGANIZATIONS], id, NULL);
    if (strcmp(ref, R_LOC) == 0)
        return idset_get(&c->ids[CF_LOCATIONS], id, NULL);
    if (strcmp(ref, R_SERVICE) == 0)
        return idset_get(&c->ids[CF_SERVICES], id, NULL);
    if (strcmp(ref, R_ACTIVITY) == 0)
        return idset_get(&c->ids[CF_ACTIVITIES], id, NULL);
    if (strcmp(ref, R_SOURCE) == 0)
        return strcmp(id, "csv") == 0 || idset_get(&c->ids[CF_SOURCES], id, NULL);
    return false;
}

static const char *ref_file(const char *ref)
{
    if (strcmp(ref, R_CATEGORY) == 0 || strcmp(ref, R_AGE) == 0)
        return "categories.csv";
    if (strcmp(ref, R_TARGET) == 0)
        return "services.csv or locations.csv";
    if (strcmp(ref, R_ORG) == 0)
        return "organizations.csv";
    if (strcmp(ref, R_LOC) == 0)
        return "locations.csv";
    if (strcmp(ref, R_SERVICE) == 0)
        return "services.csv";
    if (strcmp(ref, R_SOURCE) == 0)
        return "sources.csv";
    return "activities.csv";
}

static const char *ref_noun(const char *ref)
{
    if (strcmp(ref, R_CATEGORY) == 0)
        return "category";
    if (strcmp(ref, R_AGE) == 0)
        return "age group";
    if (strcmp(ref, R_TARGET) == 0)
        return "service or location";
    if (strcmp(ref, R_ORG) == 0)
        return "organisation";
    if (strcmp(ref, R_LOC) == 0)
        return "location";
    if (strcmp(ref, R_SERVICE) == 0)
        return "service";
    if (strcmp(ref, R_SOURCE) == 0)
        return "source";
    return "activity";
}

static void check_ref(struct item_ctx *x, const char *id)
{
    if (strcmp(x->ref, R_TARGET) == 0 && strcmp(id, "*") == 0 &&
        strcmp(x->file, "opening_exceptions.csv") == 0)
        return;
    const char *why;
    if (!ref_exists(x->c, x->ref, id, &why)) {
        if (why)
            diag_add(x->d, DIAG_ERROR, x->file, x->line, x->col, "\"%s\" %s", id, why);
        else
            diag_add(x->d, DIAG_ERROR, x->file, x->line, x->col, "unknown %s \"%s\" (not in %s)",
                     ref_noun(x->ref), id, ref_file(x->ref));
    }
}

static void check_item(const char *item, bool too_long, void *p)
{
    struct item_ctx *x = p;
    if (too_long) {
        diag_add(x->d, DIAG_ERROR, x->file, x->line, x->col, "list item is too long");
        return;
    }
    switch (x->type) {
    case T_REFLIST:
        check_ref(x, item);
        break;
    case T_LANGLIST:
        if (!langs_valid_code(item))
            diag_add(x->d, DIAG_ERROR, x->file, x->line, x->col,
                     "\"%s\" is not a language code (use codes such as fi, sv, en, ar)", item);
        else if (!known_language(x->c, item))
            diag_add(x->d, DIAG_WARNING, x->file, x->line, x->col,
                     "language \"%s\" is not known; add it to languages.csv", item);
        break;
    case T_DATELIST: {
        struct local_time lt;
        if (!validate_datetime(item, &lt))
            diag_add(x->d, DIAG_ERROR, x->file, x->line, x->col,
                     "\"%s\" is not a date (write 2026-12-24 or 24.12.2026)", item);
        break;
    }
    default:
        break;
    }
}

static bool parse_long(const char *s, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(s, &end, 10);
    return !errno && end != s && !*end;
}

static void check_cell(struct content *c, enum content_file f, size_t r, const char *col,
                       const struct colspec *s, struct diag_list *d)
{
    const char *v = csvfile_cell(&c->t[f], r, csvfile_col(&c->t[f], col));
    const char *file = files[f].file;
    int line = row_line(c, f, r);
    if (!*v) {
        if (s->required && s->type != T_I18N)
            diag_add(d, DIAG_ERROR, file, line, col, "value is missing");
        return;
    }
    struct item_ctx x = {c, d, file, col, s->ref, line, s->type};
    switch (s->type) {
    case T_ID:
        if (!validate_id(v))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a valid id (lowercase letters a-z, digits, - and _; at most "
                     "64)",
                     v);
        break;
    case T_TEXT:
    case T_I18N:
        if (strlen(v) > 8000)
            diag_add(d, DIAG_WARNING, file, line, col,
                     "text is %zu bytes long; it will not fit on a screen", strlen(v));
        break;
    case T_REF:
        check_ref(&x, v);
        break;
    case T_REFLIST:
    case T_LANGLIST:
    case T_DATELIST:
        validate_each_item(v, check_item, &x);
        break;
    case T_LANG:
        if (!langs_valid_code(v))
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not a language code", v);
        break;
    case T_PHONE:
        if (!validate_phone(v))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a phone number (write it as families dial it: +358 40 000 "
                     "1234)",
                     v);
        break;
    case T_EMAIL:
        if (!validate_email(v))
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not an e-mail address", v);
        break;
    case T_URL:
        if (!validate_url(v))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a web address (it must start with https://)", v);
        break;
    case T_BOOL:
        if (validate_bool(v) == TRI_INVALID)
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not yes or no", v);
        break;
    case T_INT: {
        long n;
        if (!parse_long(v, &n) || n < s->min || n > s->max)
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not a whole number from %g to %g",
                     v, s->min, s->max);
        break;
    }
    case T_REAL: {
        char *end;
        double n = strtod(v, &end);
        if (end == v || *end || n < s->min || n > s->max)
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not a number from %g to %g", v,
                     s->min, s->max);
        break;
    }
    case T_DATE: {
        struct civil_date cd;
        if (!civil_parse_date(v, &cd))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a date (write 2026-11-23 or 23.11.2026)", v);
        break;
    }
    case T_CLOCK: {
        int m;
        if (!civil_parse_clock(v, &m))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a clock time (write 9.30 or 09:30)", v);
        break;
    }
    case T_DATETIME: {
        struct local_time lt;
        if (!validate_datetime(v, &lt))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a date and time (write 2026-11-23 09:30)", v);
        break;
    }
    case T_ENUM: {
        size_t n = strlen(v);
        const char *p = strstr(s->ref, v);
        bool ok = p && (p == s->ref || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0');
        if (!ok || strchr(v, ' '))
            diag_add(d, DIAG_ERROR, file, line, col, "\"%s\" is not one of: %s", v, s->ref);
        break;
    }
    case T_DAYS: {
        bool days[8];
        if (!validate_days(v, days))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "\"%s\" is not a list of weekdays (write ma-pe, ma,ke or la)", v);
        break;
    }
    case T_TZ:
        if (!tzmap_resolve(v))
            diag_add(d, DIAG_ERROR, file, line, col,
                     "unknown time zone \"%s\" (use a name such as Europe/Helsinki)", v);
        break;
    case T_RRULE:
    case T_PATH:
        break; /* checked with their rows */
    }
}

static void check_rows(struct content *c, enum content_file f, struct diag_list *d)
{
    const struct csv_table *t = &c->t[f];
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t i = 0; i < t->ncols; i++) {
            const struct colspec *s = spec_for_column(files[f].cols, t->cols[i]);
            if (s)
                check_cell(c, f, r, t->cols[i], s, d);
        }
        for (const struct colspec *s = files[f].cols; s->name; s++) {
            if (s->type == T_I18N && s->required && c->default_lang) {
                char col[64];
                snprintf(col, sizeof(col), "%s%s", s->name, c->default_lang);
                int ci = csvfile_col(t, col);
                if (ci >= 0 && !csvfile_cell(t, r, ci)[0])
                    diag_add(d, DIAG_ERROR, files[f].file, t->rows[r].line, col,
                             "text missing in the default language (%s)", c->default_lang);
            } else if (s->required && s->type != T_I18N && csvfile_col(t, s->name) < 0) {
                break; /* reported once for the header */
            }
        }
    }
}

/* Collects ids of a file into c->ids[f], reporting duplicates. */
static void collect_ids(struct content *c, enum content_file f, const char *idcol,
                        struct diag_list *d)
{
    int col = csvfile_col(&c->t[f], idcol);
    if (col < 0)
        return;
    for (size_t r = 0; r < c->t[f].nrows; r++) {
        const char *id = csvfile_cell(&c->t[f], r, col);
        if (!*id)
            continue;
        int first;
        if (!idset_add(&c->ids[f], id, (int)r, &first))
            diag_add(d, DIAG_ERROR, files[f].file, row_line(c, f, r), idcol,
                     "duplicate id \"%s\" (first used on line %d)", id,
                     row_line(c, f, (size_t)first));
    }
}

/* ---- site ---------------------------------------------------------------- */

static void add_lang(const char *item, bool too_long, void *p)
{
    struct content *c = p;
    if (too_long || !langs_valid_code(item) || site_language(c, item))
        return;
    c->langs = xrealloc(c->langs, (c->nlangs + 1) * sizeof(*c->langs));
    c->langs[c->nlangs++] = xstrdup(item);
}

static void load_site(struct content *c, struct diag_list *d)
{
    const struct csv_table *t = &c->t[CF_SITE];
    if (!c->present[CF_SITE])
        return;
    if (t->nrows != 1) {
        diag_add(d, DIAG_ERROR, "site.csv", t->nrows ? t->rows[1].line : 0, NULL,
                 "site.csv must have exactly one row (it has %zu)", t->nrows);
        if (!t->nrows)
            return;
    }
    c->site_id = content_cell(c, CF_SITE, 0, "id");
    const char *dl = content_cell(c, CF_SITE, 0, "default_language");
    c->default_lang = *dl ? dl : NULL;
    const char *tz = content_cell(c, CF_SITE, 0, "timezone");
    c->tz = *tz ? tzmap_resolve(tz) : "Europe/Helsinki";
    if (!c->tz)
        c->tz = "Europe/Helsinki"; /* reported by the cell check */
    validate_each_item(content_cell(c, CF_SITE, 0, "languages"), add_lang, c);
    if (c->default_lang && c->nlangs && !site_language(c, c->default_lang))
        diag_add(d, DIAG_ERROR, "site.csv", t->rows[0].line, "default_language",
                 "\"%s\" is not among the site's languages (%s)", c->default_lang,
                 content_cell(c, CF_SITE, 0, "languages"));
}

/* ---- rows with cross-column rules ---------------------------------------- */

static void check_categories(struct content *c, struct diag_list *d)
{
    for (size_t r = 0; r < c->t[CF_CATEGORIES].nrows; r++) {
        long lo, hi;
        if (parse_long(content_cell(c, CF_CATEGORIES, r, "age_min"), &lo) &&
            parse_long(content_cell(c, CF_CATEGORIES, r, "age_max"), &hi) && lo > hi)
            diag_add(d, DIAG_ERROR, "categories.csv", row_line(c, CF_CATEGORIES, r), "age_max",
                     "age_max %ld is below age_min %ld", hi, lo);
    }
}

static void check_feedback(struct content *c, struct diag_list *d)
{
    const struct csv_table *t = &c->t[CF_FEEDBACK];
    if (!c->present[CF_FEEDBACK])
        return;
    size_t nq = 0, na = 0, nt = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *kind = content_cell(c, CF_FEEDBACK, r, "kind");
        int line = row_line(c, CF_FEEDBACK, r);
        if (strcmp(kind, "question") == 0 && ++nq > 1)
            diag_add(d, DIAG_ERROR, "feedback.csv", line, "kind",
                     "a second question; the screen asks one short question");
        if (strcmp(kind, "topics") == 0 && ++nt > 1)
            diag_add(d, DIAG_ERROR, "feedback.csv", line, "kind", "a second topics row");
        if (strcmp(kind, "answer") == 0) {
            na++;
            if (!content_cell(c, CF_FEEDBACK, r, "face")[0])
                diag_add(d, DIAG_ERROR, "feedback.csv", line, "face",
                         "an answer needs its face: 1 (very unhappy) to 5 (very happy)");
        }
    }
    if (nq == 0 && t->nrows)
        diag_add(d, DIAG_ERROR, "feedback.csv", 0, "kind", "no question row (kind question)");
    if (nq && (na < 3 || na > 5))
        diag_add(d, DIAG_ERROR, "feedback.csv", 0, "kind",
                 "the question needs 3 to 5 answers (rows of kind answer); there are %zu", na);
}

static void check_hours(struct content *c, struct diag_list *d)
{
    for (size_t r = 0; r < c->t[CF_HOURS].nrows; r++) {
        int o, cl;
        if (civil_parse_clock(content_cell(c, CF_HOURS, r, "opens"), &o) &&
            civil_parse_clock(content_cell(c, CF_HOURS, r, "closes"), &cl) && o == cl && o != 0)
            diag_add(d, DIAG_ERROR, "opening_hours.csv", row_line(c, CF_HOURS, r), "closes",
                     "opens and closes at the same time; for round the clock write 0.00 and "
                     "24.00");
    }
    for (size_t r = 0; r < c->t[CF_EXCEPTIONS].nrows; r++) {
        enum tri closed = validate_bool(content_cell(c, CF_EXCEPTIONS, r, "closed"));
        bool has_o = content_cell(c, CF_EXCEPTIONS, r, "opens")[0];
        bool has_c = content_cell(c, CF_EXCEPTIONS, r, "closes")[0];
        int line = row_line(c, CF_EXCEPTIONS, r);
        if (closed == TRI_YES && (has_o || has_c))
            diag_add(d, DIAG_WARNING, "opening_exceptions.csv", line, "closed",
                     "closed all day, so opens/closes are ignored");
        else if (closed != TRI_YES && closed != TRI_INVALID && (!has_o || !has_c))
            diag_add(d, DIAG_ERROR, "opening_exceptions.csv", line, has_o ? "closes" : "opens",
                     "give both opens and closes, or closed = yes");
    }
}

static void check_logos(struct content *c, struct diag_list *d)
{
    for (size_t r = 0; r < c->t[CF_ORGANIZATIONS].nrows; r++) {
        const char *logo = content_cell(c, CF_ORGANIZATIONS, r, "logo");
        if (!*logo)
            continue;
        int line = row_line(c, CF_ORGANIZATIONS, r);
        char *path = join_path(c->dir, logo);
        FILE *f = strstr(logo, "..") ? NULL : fopen(path, "rb");
        free(path);
        if (!f) {
            diag_add(d, DIAG_ERROR, "organizations.csv", line, "logo",
                     "cannot open \"%s\" in the content folder", logo);
            continue;
        }
        unsigned char hdr[24];
        size_t n = fread(hdr, 1, sizeof(hdr), f);
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fclose(f);
        int w, h;
        if (!validate_png_header(hdr, n, &w, &h))
            diag_add(d, DIAG_ERROR, "organizations.csv", line, "logo", "\"%s\" is not a PNG image",
                     logo);
        else if (size > CONTENT_MAX_IMAGE_BYTES || w > CONTENT_MAX_IMAGE_SIDE ||
                 h > CONTENT_MAX_IMAGE_SIDE)
            diag_add(d, DIAG_ERROR, "organizations.csv", line, "logo",
                     "\"%s\" is too large (%ld KiB, %dx%d px; at most %d KiB and %dx%d px)", logo,
                     size / 1024, w, h, CONTENT_MAX_IMAGE_BYTES / 1024, CONTENT_MAX_IMAGE_SIDE,
                     CONTENT_MAX_IMAGE_SIDE);
    }
}

/* ---- activities ------------------------------------------------------------ */

static struct pack_activity *new_activity(struct content *c)
{
    XGROW(c->acts, c->capacts, c->nacts + 1);
    struct pack_activity *a = &c->acts[c->nacts++];
    memset(a, 0, sizeof(*a));
    a->csv_row = -1;
    a->age_min = a->age_max = -1;
    return a;
}

static const char *nonempty(const char *s)
{
    return s && *s ? s : NULL;
}

static void format_local(const struct local_time *lt, char *buf, size_t cap)
{
    if (lt->date_only)
        snprintf(buf, cap, "%04d-%02d-%02d", lt->year, lt->month, lt->day);
    else
        snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", lt->year, lt->month, lt->day, lt->hour,
                 lt->minute);
}

struct exdate_ctx {
    struct local_time *v;
    size_t n;
};

static void add_exdate(const char *item, bool too_long, void *p)
{
    struct exdate_ctx *x = p;
    struct local_time lt;
    if (too_long || !validate_datetime(item, &lt))
        return;
    x->v = xrealloc(x->v, (x->n + 1) * sizeof(*x->v));
    x->v[x->n++] = lt;
}

/* activity_changes.csv rows of activity id, as recur_changes. */
static size_t csv_changes(struct content *c, const char *id, const char *tz,
                          struct recur_change **out, size_t **rows, struct diag_list *d)
{
    size_t n = 0;
    *out = NULL;
    *rows = NULL;
    for (size_t r = 0; r < c->t[CF_CHANGES].nrows; r++) {
        if (strcmp(content_cell(c, CF_CHANGES, r, "activity"), id) != 0)
            continue;
        struct civil_date date;
        if (!civil_parse_date(content_cell(c, CF_CHANGES, r, "date"), &date))
            continue;
        struct recur_change ch = {0};
        ch.original = (struct local_time){date.year, date.month, date.day, 0, 0, true};
        ch.location_id = nonempty(content_cell(c, CF_CHANGES, r, "location"));
        int line = row_line(c, CF_CHANGES, r);
        if (strcmp(content_cell(c, CF_CHANGES, r, "status"), "moved") == 0) {
            struct local_time ns;
            const char *start = content_cell(c, CF_CHANGES, r, "start");
            if (!*start) {
                diag_add(d, DIAG_ERROR, "activity_changes.csv", line, "start",
                         "a moved instance needs its new start");
                continue;
            }
            if (!validate_datetime(start, &ns) || ns.date_only)
                continue; /* reported by the cell check */
            if (!recur_local_to_utc(tz, ns, &ch.new_start_utc)) {
                diag_add(d, DIAG_ERROR, "activity_changes.csv", line, "start",
                         "%s does not exist in %s (clocks go forward)", start, tz);
                continue;
            }
            ch.status = OCC_MOVED;
            ch.new_end_utc = -1; /* filled in by the caller from the duration */
            int endm;
            if (civil_parse_clock(content_cell(c, CF_CHANGES, r, "end"), &endm)) {
                int len = endm - (ns.hour * 60 + ns.minute);
                if (len <= 0)
                    len += 1440;
                ch.new_end_utc = ch.new_start_utc + (int64_t)len * 60;
            }
        } else if (strcmp(content_cell(c, CF_CHANGES, r, "status"), "cancelled") == 0) {
            ch.status = OCC_CANCELLED;
        } else {
            continue;
        }
        *out = xrealloc(*out, (n + 1) * sizeof(**out));
        *rows = xrealloc(*rows, (n + 1) * sizeof(**rows));
        (*out)[n] = ch;
        (*rows)[n] = r;
        n++;
    }
    return n;
}

/* True if occurrence o is the instance that change ch altered. */
static bool change_matches(const struct occurrence *o, const struct recur_change *ch)
{
    char want[11];
    snprintf(want, sizeof(want), "%04d-%02d-%02d", ch->original.year, ch->original.month,
             ch->original.day);
    if (ch->status == OCC_CANCELLED)
        return o->status == OCC_CANCELLED && strcmp(o->local_date, want) == 0;
    return o->status == OCC_MOVED && o->start_utc == ch->new_start_utc;
}

/* True if the expansion applied change ch to some instance. */
static bool change_applied(const struct occurrence_list *l, const struct recur_change *ch)
{
    for (size_t i = 0; i < l->n; i++)
        if (change_matches(&l->v[i], ch))
            return true;
    return false;
}

static void expand_activity(struct content *c, struct pack_activity *a, struct recur_spec *spec,
                            const char *file, int line, const char *start_field,
                            struct diag_list *d)
{
    char err[512];
    enum recur_result rr = recur_expand(spec, c->win_start, c->win_end, CONTENT_MAX_OCCURRENCES,
                                        &a->occ, err, sizeof(err));
    if (rr != RECUR_OK) {
        const char *field = rr == RECUR_NO_SUCH_TIME ? start_field
                            : rr == RECUR_BAD_ZONE   ? "timezone"
                                                     : "rrule";
        diag_add(d, DIAG_ERROR, file, line, field, "%s", err);
        return;
    }
    if (a->occ.n == 0) {
        char from[11], until[11];
        civil_format(c->from, from);
        civil_format(c->until, until);
        diag_add(d, DIAG_WARNING, file, line, spec->rrule ? "rrule" : start_field,
                 "has no instance between %s and %s; it will not be shown", from, until);
    }
}

static void load_csv_activities(struct content *c, struct diag_list *d)
{
    for (size_t r = 0; r < c->t[CF_ACTIVITIES].nrows; r++) {
        int line = row_line(c, CF_ACTIVITIES, r);
        const char *id = content_cell(c, CF_ACTIVITIES, r, "id");
        struct local_time start;
        if (!validate_id(id) ||
            !validate_datetime(content_cell(c, CF_ACTIVITIES, r, "start"), &start))
            continue; /* reported by the cell checks */
        const char *tzcell = content_cell(c, CF_ACTIVITIES, r, "timezone");
        const char *tz = *tzcell ? tzmap_resolve(tzcell) : c->tz;
        if (!tz)
            continue;
        struct pack_activity *a = new_activity(c);
        a->id = xstrdup(id);
        a->csv_row = (int)r;
        /* an imported activity names its source (sources.csv) for the about screen */
        const char *src = content_cell(c, CF_ACTIVITIES, r, "source");
        a->source_id = *src ? src : "csv";
        a->organization = nonempty(content_cell(c, CF_ACTIVITIES, r, "organization"));
        a->service = nonempty(content_cell(c, CF_ACTIVITIES, r, "service"));
        a->location = nonempty(content_cell(c, CF_ACTIVITIES, r, "location"));
        a->categories = content_cell(c, CF_ACTIVITIES, r, "categories");
        a->age_groups = content_cell(c, CF_ACTIVITIES, r, "age_groups");
        a->languages = content_cell(c, CF_ACTIVITIES, r, "languages");
        a->registration_url = nonempty(content_cell(c, CF_ACTIVITIES, r, "registration_url"));
        a->tzid = xstrdup(tz);
        a->start = start;
        a->skip_holidays =
            validate_bool(content_cell(c, CF_ACTIVITIES, r, "skip_holidays")) == TRI_YES;
        long v;
        if (parse_long(content_cell(c, CF_ACTIVITIES, r, "age_min"), &v))
            a->age_min = (int)v;
        if (parse_long(content_cell(c, CF_ACTIVITIES, r, "age_max"), &v))
            a->age_max = (int)v;
        if (a->age_min >= 0 && a->age_max >= 0 && a->age_min > a->age_max)
            diag_add(d, DIAG_ERROR, "activities.csv", line, "age_max",
                     "age_max %d is below age_min %d", a->age_max, a->age_min);
        const char *dur = content_cell(c, CF_ACTIVITIES, r, "duration");
        const char *end = content_cell(c, CF_ACTIVITIES, r, "end");
        int endm;
        if (*dur && *end) {
            diag_add(d, DIAG_ERROR, "activities.csv", line, "end",
                     "give either duration or end, not both");
        } else if (*dur && parse_long(dur, &v) && v > 0) {
            a->duration_min = (int)v;
        } else if (*end && civil_parse_clock(end, &endm)) {
            int len = endm - (start.hour * 60 + start.minute);
            a->duration_min = len <= 0 ? len + 1440 : len;
        }
        if (!a->duration_min)
            a->duration_min = start.date_only ? 1440 : 60;
        const char *rrule = content_cell(c, CF_ACTIVITIES, r, "rrule");
        if (strncmp(rrule, "RRULE:", 6) == 0)
            rrule += 6;
        a->rrule = *rrule ? xstrdup(rrule) : NULL;

        struct exdate_ctx ex = {NULL, 0};
        validate_each_item(content_cell(c, CF_ACTIVITIES, r, "exdates"), add_exdate, &ex);
        struct recur_change *changes;
        size_t *change_rows;
        size_t nch = csv_changes(c, id, tz, &changes, &change_rows, d);
        for (size_t i = 0; i < nch; i++)
            if (changes[i].status == OCC_MOVED && changes[i].new_end_utc < 0)
                changes[i].new_end_utc = changes[i].new_start_utc + (int64_t)a->duration_min * 60;
        struct recur_spec spec = {
            .tzid = tz,
            .default_tzid = c->tz,
            .start = start,
            .duration_min = a->duration_min,
            .rrule = a->rrule,
            .exdates = ex.v,
            .n_exdates = ex.n,
            .changes = changes,
            .n_changes = nch,
            .skip_holidays = a->skip_holidays,
        };
        expand_activity(c, a, &spec, "activities.csv", line, "start", d);
        a->occ_change_row = xmalloc((a->occ.n ? a->occ.n : 1) * sizeof(int));
        for (size_t k = 0; k < a->occ.n; k++) {
            a->occ_change_row[k] = -1;
            for (size_t i = 0; i < nch && a->occ.v[k].status != OCC_SCHEDULED; i++)
                if (change_matches(&a->occ.v[k], &changes[i]))
                    a->occ_change_row[k] = (int)change_rows[i];
        }
        for (size_t i = 0; i < nch; i++) {
            int64_t od = civil_to_days(changes[i].original.year, changes[i].original.month,
                                       changes[i].original.day);
            bool in_window = od >= civil_to_days(c->from.year, c->from.month, c->from.day) &&
                             od <= civil_to_days(c->until.year, c->until.month, c->until.day);
            if (in_window && !change_applied(&a->occ, &changes[i])) {
                char when[32];
                format_local(&changes[i].original, when, sizeof(when));
                diag_add(d, DIAG_WARNING, "activity_changes.csv",
                         row_line(c, CF_CHANGES, change_rows[i]), "date",
                         "activity \"%s\" has no instance on %s; this change does nothing", id,
                         when);
            }
        }
        free(ex.v);
        free(changes);
        free(change_rows);
    }
}

static void load_calendars(struct content *c, struct diag_list *d)
{
    size_t n = c->t[CF_CALENDARS].nrows;
    c->cals = xcalloc(n ? n : 1, sizeof(*c->cals));
    c->ncals = n;
    for (size_t r = 0; r < n; r++) {
        const char *file = content_cell(c, CF_CALENDARS, r, "file");
        int line = row_line(c, CF_CALENDARS, r);
        if (!*file)
            continue;
        if (strstr(file, "..")) {
            diag_add(d, DIAG_ERROR, "calendars.csv", line, "file",
                     "\"%s\" must be inside the content folder", file);
            continue;
        }
        char *path = join_path(c->dir, file);
        struct stat st;
        if (stat(path, &st) != 0) {
            diag_add(d, DIAG_ERROR, "calendars.csv", line, "file",
                     "cannot open \"%s\" in the content folder", file);
            free(path);
            continue;
        }
        bool ok = ics_load(path, file, &c->cals[r], d);
        free(path);
        if (!ok)
            continue;
        bool skip = validate_bool(content_cell(c, CF_CALENDARS, r, "skip_holidays")) == TRI_YES;
        const char *stem = strrchr(file, '/');
        stem = stem ? stem + 1 : file;
        for (size_t i = 0; i < c->cals[r].n; i++) {
            const struct ics_event *ev = &c->cals[r].v[i];
            struct pack_activity *a = new_activity(c);
            struct strbuf id;
            strbuf_init(&id);
            strbuf_printf(&id, "ics:%s:%s", stem, ev->uid);
            a->id = strbuf_detach(&id);
            int old;
            if (!idset_add(&c->ids[CF_CALENDARS], a->id, (int)i, &old)) {
                diag_add(d, DIAG_ERROR, file, ev->line, "UID",
                         "duplicate UID \"%s\" (first used at line %d)", ev->uid,
                         c->cals[r].v[old].line);
                free(a->id);
                c->nacts--;
                continue;
            }
            a->ev = ev;
            a->ev_lang = content_cell(c, CF_CALENDARS, r, "language");
            a->source_id = file;
            a->organization = nonempty(content_cell(c, CF_CALENDARS, r, "organization"));
            a->location = nonempty(content_cell(c, CF_CALENDARS, r, "location"));
            a->categories = content_cell(c, CF_CALENDARS, r, "categories");
            a->age_groups = content_cell(c, CF_CALENDARS, r, "age_groups");
            a->languages = a->ev_lang;
            a->registration_url = ev->url;
            a->tzid = xstrdup(ev->tzid ? ev->tzid : c->tz);
            a->start = ev->start;
            a->duration_min = ev->duration_min;
            a->rrule = ev->rrule ? xstrdup(ev->rrule) : NULL;
            a->skip_holidays = skip;
            struct recur_spec spec;
            ics_event_spec(ev, c->tz, skip, &spec);
            expand_activity(c, a, &spec, file, ev->line, "DTSTART", d);
            if (ev->cancelled)
                for (size_t k = 0; k < a->occ.n; k++)
                    a->occ.v[k].status = OCC_CANCELLED;
        }
    }
}

/* ---- window ---------------------------------------------------------------- */

static void set_window(struct content *c, const struct pack_options *opt, struct diag_list *d)
{
    struct local_time now;
    struct civil_date today = {1970, 1, 1};
    if (recur_utc_to_local(c->tz, opt->now_utc, &now))
        today = (struct civil_date){now.year, now.month, now.day};
    c->from = opt->from.year ? opt->from : civil_add_days(today, -7);
    c->until = opt->until.year ? opt->until : civil_add_days(today, 180);
    if (civil_to_days(c->until.year, c->until.month, c->until.day) <
        civil_to_days(c->from.year, c->from.month, c->from.day)) {
        diag_add(d, DIAG_ERROR, NULL, 0, "--until", "the window ends before it starts");
        c->until = c->from;
    }
    struct civil_date end = civil_add_days(c->until, 1);
    struct local_time a = {c->from.year, c->from.month, c->from.day, 0, 0, false};
    struct local_time b = {end.year, end.month, end.day, 0, 0, false};
    if (!recur_local_to_utc(c->tz, a, &c->win_start))
        c->win_start = civil_to_days(a.year, a.month, a.day) * 86400;
    if (!recur_local_to_utc(c->tz, b, &c->win_end))
        c->win_end = civil_to_days(b.year, b.month, b.day) * 86400;
}

/* ---- entry points ---------------------------------------------------------- */

bool content_load(const char *dir, const struct pack_options *opt, struct content *c,
                  struct diag_list *d)
{
    memset(c, 0, sizeof(*c));
    c->dir = xstrdup(dir);
    c->now_utc = opt->now_utc;
    c->content_version = opt->content_version ? opt->content_version : opt->now_utc;
    c->tz = "Europe/Helsinki";
    size_t errors_before = d->errors;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(d, DIAG_ERROR, dir, 0, NULL, "not a content folder (no such directory)");
        return false;
    }
    for (int f = 0; f < CF_COUNT; f++)
        load_file(c, (enum content_file)f, d);
    load_site(c, d);
    set_window(c, opt, d);

    static const enum content_file with_ids[] = {CF_CATEGORIES, CF_ORGANIZATIONS, CF_LOCATIONS,
                                                 CF_SERVICES,   CF_CONTACTS,      CF_ACTIVITIES,
                                                 CF_SOURCES,    CF_FEEDBACK};
    for (size_t i = 0; i < sizeof(with_ids) / sizeof(*with_ids); i++)
        collect_ids(c, with_ids[i], "id", d);
    for (int f = 0; f < CF_COUNT; f++) {
        if (!c->present[f])
            continue;
        check_header(c, (enum content_file)f, d);
        check_rows(c, (enum content_file)f, d);
    }
    check_categories(c, d);
    check_hours(c, d);
    check_feedback(c, d);
    check_logos(c, d);
    if (c->present[CF_SITE] && c->t[CF_SITE].nrows)
        load_csv_activities(c, d);
    load_calendars(c, d);
    return d->errors == errors_before;
}

void content_free(struct content *c)
{
    for (size_t i = 0; i < c->nacts; i++) {
        free(c->acts[i].id);
        free(c->acts[i].tzid);
        free(c->acts[i].rrule);
        occurrence_list_free(&c->acts[i].occ);
        free(c->acts[i].occ_change_row);
    }
    free(c->acts);
    for (size_t i = 0; i < c->ncals; i++)
        ics_calendar_free(&c->cals[i]);
    free(c->cals);
    for (int f = 0; f < CF_COUNT; f++) {
        csvfile_free(&c->t[f]);
        idset_free(&c->ids[f]);
    }
    for (size_t i = 0; i < c->nlangs; i++)
        free(c->langs[i]);
    free(c->langs);
    free(c->dir);
    memset(c, 0, sizeof(*c));
}
