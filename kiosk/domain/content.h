/* content: the open snapshot as the kiosk sees it. Owns the database handle
 * and the facts every screen needs (site zone, default language, the
 * language buttons), read once when the snapshot is opened. All view-model
 * loaders in domain/ take a struct content. */
#ifndef AULA_DOMAIN_CONTENT_H
#define AULA_DOMAIN_CONTENT_H

#include "data/db.h"
#include "data/snapshot.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct content_lang {
    char code[16];
    char native[64]; /* the language's name in itself */
    bool rtl;
    bool ui; /* the kiosk's own texts exist in it (per the snapshot) */
};

struct content {
    struct db *db;
    struct snapshot_info info;
    char site_id[64];
    char tz[64];           /* site.timezone */
    char default_lang[16]; /* site.default_language */
    struct content_lang *langs;
    size_t nlangs;
    int64_t valid_from, valid_until; /* local days; 0 if not given */
    int64_t built_at;                /* UTC seconds; 0 if not given */
};

/* How the content relates to the clock. */
enum content_validity {
    CONTENT_VALID,
    CONTENT_EXPIRED,      /* the calendar window has run out */
    CONTENT_CLOCK_BEHIND, /* the clock is earlier than the build time */
};

/* Opens and checks a snapshot. On failure returns the reason, *out is NULL
 * and msg holds a sentence for staff. */
enum snapshot_status content_open(const char *path, struct content **out, char *msg, size_t cap);
void content_close(struct content *c);
/* Applies the screen's configuration: languages (space- or comma-separated
 * codes) keeps and orders the language buttons, default_lang replaces the
 * snapshot's default. Codes the snapshot lacks are skipped with a warning;
 * NULL or "" leaves the snapshot's choice. */
void content_configure(struct content *c, const char *languages, const char *default_lang);
/* The language entry for code, or NULL. */
const struct content_lang *content_lang(const struct content *c, const char *code);
/* Local date (days since 1970) of instant now in the site zone. */
int64_t content_today(const struct content *c, int64_t now);
enum content_validity content_check_clock(const struct content *c, int64_t now);
/* Calls fn for each row of the snapshot's ui_string table in lang (msgid is
 * the key of a screen text, msgstr its text). Returns the number of rows. */
size_t content_ui_strings(const struct content *c, const char *lang,
                          void (*fn)(void *ctx, const char *msgid, const char *msgstr), void *ctx);

#endif
