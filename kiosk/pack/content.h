/* content: a content folder loaded, checked and expanded in memory. This
 * is what `aula-pack check` reports on and `aula-pack build` writes: every
 * CSV file (per its column specification), every referenced .ics file,
 * and every activity expanded into occurrences for the window. */
#ifndef AULA_PACK_CONTENT_H
#define AULA_PACK_CONTENT_H

#include "base/civil.h"
#include "base/diag.h"
#include "pack/csvfile.h"
#include "pack/ics.h"
#include "pack/idset.h"
#include "pack/recur.h"

#include <stdbool.h>
#include <stdint.h>

enum content_file {
    CF_SITE,
    CF_LANGUAGES,
    CF_CATEGORIES,
    CF_ORGANIZATIONS,
    CF_LOCATIONS,
    CF_SERVICES,
    CF_CONTACTS,
    CF_HOURS,
    CF_EXCEPTIONS,
    CF_ACTIVITIES,
    CF_CHANGES,
    CF_CALENDARS,
    CF_UI_STRINGS,
    CF_SOURCES,
    CF_FEEDBACK,
    CF_COUNT
};

/* Logos and other images are capped so that a snapshot stays small. */
#define CONTENT_MAX_IMAGE_BYTES (256 * 1024)
#define CONTENT_MAX_IMAGE_SIDE  1024
/* One activity may not produce more than this many occurrences. */
#define CONTENT_MAX_OCCURRENCES 5000

struct pack_options {
    int64_t now_utc;         /* build time */
    struct civil_date from;  /* window; year 0 = default (now - 7 days) */
    struct civil_date until; /* year 0 = default (now + 180 days) */
    int64_t content_version; /* 0 = now_utc */
};

struct pack_activity {
    char *id;
    const char *organization, *service, *location;   /* borrowed; may be NULL */
    const char *categories, *age_groups, *languages; /* space-separated lists */
    const char *registration_url;
    const char *source_id;
    char *tzid;
    struct local_time start;
    int duration_min;
    char *rrule;
    bool skip_holidays;
    int age_min, age_max; /* -1 = open */
    /* Texts: a CSV row (csv_row >= 0) or an .ics event in lang. */
    int csv_row;
    const struct ics_event *ev;
    const char *ev_lang;
    struct occurrence_list occ;
    int *occ_change_row; /* per occurrence: row in activity_changes.csv, or -1 */
};

struct content {
    char *dir;
    struct csv_table t[CF_COUNT];
    bool present[CF_COUNT];
    struct idset ids[CF_COUNT]; /* id -> row, for files with an id column */
    const char *site_id, *default_lang, *tz;
    char **langs; /* the site's languages, in button order */
    size_t nlangs;
    struct civil_date from, until;
    int64_t win_start, win_end; /* UTC, [from 00:00, until+1 00:00) local */
    int64_t now_utc, content_version;
    struct pack_activity *acts;
    size_t nacts, capacts;
    struct ics_calendar *cals; /* one per calendars.csv row */
    size_t ncals;
};

/* The file name of each content file ("services.csv"). */
const char *content_file_name(enum content_file f);

/* Loads and checks dir. Returns true if there were no errors (warnings
 * are fine). c is always initialised and must be freed. */
bool content_load(const char *dir, const struct pack_options *opt, struct content *c,
                  struct diag_list *diags);
void content_free(struct content *c);

/* Cell of file f at row r by column name ("" if absent). */
const char *content_cell(const struct content *c, enum content_file f, size_t r, const char *col);
/* Native name and direction of a language code (built in or languages.csv). */
bool content_language(const struct content *c, const char *code, const char **native, bool *rtl,
                      bool *ui_translated);

#endif
