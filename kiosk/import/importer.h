/* importer: what the PTV, Linked Events and HSDS importers share: the run
 * context (options, diagnostics, the folder being filled), JSON input with
 * the JSON path of the value at hand for messages
 * ("ptv.json: services[12].serviceHours[0].openingHour[0].from: error: ..."),
 * multilingual texts, stable ids, checked contact details, and the
 * site.csv / sources.csv / categories.csv every imported folder has. */
#ifndef AULA_IMPORT_IMPORTER_H
#define AULA_IMPORT_IMPORTER_H

#include "base/diag.h"
#include "import/folder.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One input document: a file's bytes and the name messages use. */
struct import_input {
    const char *name;
    const char *data;
    size_t len;
};

struct import_options {
    const char *site_id;     /* site.csv id; NULL = the source kind */
    const char *language;    /* default language; NULL = "fi" */
    const char *source_id;   /* sources.csv id; NULL = the source kind */
    const char *licence;     /* NULL = the source's usual licence */
    const char *attribution; /* NULL = a default naming the source */
    const char *timezone;    /* NULL = Europe/Helsinki */
};

/* Inputs larger than this are refused. */
#define IMPORT_MAX_INPUT (256u * 1024u * 1024u)
#define IMPORT_MAX_LANGS 32

struct importer {
    const struct import_options *opt;
    const char *deflang, *tz;
    struct folder *out;
    struct diag_list *d;
    const char *file; /* current input name, for messages */
    char path[512];   /* JSON path of the current value */
    size_t pathlen;
    char langs[IMPORT_MAX_LANGS][16]; /* languages with text, in order met */
    size_t nlangs;
};

void importer_init(struct importer *im, const struct import_options *opt, struct folder *out,
                   struct diag_list *d);

/* ---- messages ---- */
__attribute__((format(printf, 2, 3))) void importer_error(struct importer *im, const char *fmt,
                                                          ...);
__attribute__((format(printf, 2, 3))) void importer_warn(struct importer *im, const char *fmt, ...);

/* ---- JSON path ---- */
/* Appends ".key" (or "key" at the start); returns the length to restore. */
size_t importer_push_key(struct importer *im, const char *key);
size_t importer_push_index(struct importer *im, size_t i);
void importer_pop(struct importer *im, size_t mark);
/* Parses one input; a syntax error is reported as "name:line: error: ..."
 * and NULL returned. */
json_t *importer_parse(struct importer *im, const struct import_input *in);

/* Typed members of obj. A member that is absent or null gives NULL / the
 * default; one of the wrong type is an error at its path. */
const char *importer_str(struct importer *im, json_t *obj, const char *key);
json_t *importer_arr(struct importer *im, json_t *obj, const char *key);
json_t *importer_obj(struct importer *im, json_t *obj, const char *key);
bool importer_bool(struct importer *im, json_t *obj, const char *key, bool dflt);
/* A number, or a string holding one (registers write both). */
bool importer_num(struct importer *im, json_t *obj, const char *key, double *v);

/* ---- texts ---- */
struct i18n_text {
    char lang[16];
    const char *text; /* borrowed */
};
struct i18n {
    struct i18n_text v[IMPORT_MAX_LANGS];
    size_t n;
};
void i18n_put(struct i18n *x, const char *lang, const char *text);
const char *i18n_get(const struct i18n *x, const char *lang);
/* Sets stem@lang cells of row from x. Invalid language codes are warned
 * about and skipped. required: text in the default language is needed, so
 * a missing one is taken from another language (sv, en, then any) with a
 * warning; returns false if there is no text at all. */
bool importer_put_i18n(struct importer *im, struct folder_table *t, size_t row, const char *stem,
                       const struct i18n *x, bool required);
/* Notes that lang has text (for site.csv languages). */
void importer_use_lang(struct importer *im, const char *lang);

/* ---- cells ---- */
/* A stable aula id from a foreign one: prefix + "-" + the id lowercased,
 * other characters as "-", long ones shortened with a hash. */
void importer_make_id(const char *prefix, const char *foreign, char *out, size_t cap);
/* True if value is a usable phone number / e-mail / web address; if not,
 * warns at the current path that it is left out. */
bool importer_check_phone(struct importer *im, const char *value);
bool importer_check_email(struct importer *im, const char *value);
bool importer_check_url(struct importer *im, const char *value);
/* True if the space-separated list (may be NULL) has item. */
bool importer_list_has(const char *list, const char *item);
/* Sets col to value if it is a valid phone / e-mail / web address; warns
 * (at the current path) and leaves it empty if not. Returns true if set. */
bool importer_put_phone(struct importer *im, struct folder_table *t, size_t row, const char *col,
                        const char *value);
bool importer_put_email(struct importer *im, struct folder_table *t, size_t row, const char *col,
                        const char *value);
bool importer_put_url(struct importer *im, struct folder_table *t, size_t row, const char *col,
                      const char *value);
/* Text cleaned for a screen: HTML tags dropped, entities decoded, runs of
 * blank lines and spaces collapsed, trimmed. Caller frees. */
char *importer_plain_text(const char *s);
/* "HH:MM" or "HH:MM:SS" (00:00..24:00) into minutes; false if not a time. */
bool importer_parse_clock(const char *s, int *minutes);
/* ISO 8601 date or date-time ("2026-11-24", "2026-11-24T08:00:00Z",
 * "...+02:00", fractions allowed, no offset = local). *date_only for a
 * date alone; *utc is then midnight UTC of that date. has_zone false: a
 * local time, *utc holds it as if UTC. */
bool importer_parse_iso(const char *s, int64_t *utc, bool *date_only, bool *has_zone);

/* ---- the folder's common files ---- */
/* Declares the tables of a content folder with their column order (texts
 * in the default language are required columns). */
void importer_declare_tables(struct importer *im);
/* The table name ("locations.csv") with its usual column order, created on
 * first use. */
struct folder_table *importer_table(struct importer *im, const char *name);
/* The id of this import's row in sources.csv (--source-id, else kind): the
 * "source" of every imported activity, so the about screen can attribute
 * it. */
const char *importer_source_id(const struct importer *im, const char *kind);
/* Writes site.csv (one row, the languages met) and sources.csv (one row:
 * kind, name, licence, attribution). */
void importer_finish(struct importer *im, const char *kind, const char *name,
                     const char *default_licence, const char *default_attribution);

#endif
