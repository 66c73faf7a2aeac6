/* snapshot: opening and creating aula snapshot files (schema.sql), and
 * reading their summary. The kiosk, aula-pack info and aula-sync all use
 * snapshot_open(), so every program refuses a bad file the same way. */
#ifndef AULA_DATA_SNAPSHOT_H
#define AULA_DATA_SNAPSHOT_H

#include "data/db.h"

#include <stdbool.h>
#include <stdint.h>

#define SNAPSHOT_APPLICATION_ID 0x41554C41 /* "AULA" */
#define SNAPSHOT_SCHEMA_VERSION 1

enum snapshot_status {
    SNAPSHOT_OK,
    SNAPSHOT_MISSING,    /* no such file or not readable */
    SNAPSHOT_NOT_SQLITE, /* not a database at all (or truncated header) */
    SNAPSHOT_NOT_AULA,   /* a database, but not an aula snapshot */
    SNAPSHOT_NEWER,      /* written by a newer aula-pack: schema unknown */
    SNAPSHOT_CORRUPT,    /* integrity check or required rows missing */
};

/* The text of schema.sql, embedded at build time. */
extern const char snapshot_schema_sql[];

struct snapshot_info {
    int64_t content_version;
    int schema_version;
    char built_at[32];
    char valid_from[11], valid_until[11];
    char site_id[64], region_id[64];
    char default_language[16];
    char timezone[64];
    char generator[64];
    char languages[256]; /* "fi sv en ar" in button order */
};

/* Opens path read-only and checks that it is an aula snapshot this program
 * understands. On failure returns the reason, *out is NULL and msg holds a
 * sentence for a person ("... is not an aula snapshot (application_id ...)").
 * The file is opened read-only and defensively (no writes, no triggers or
 * views, untrusted schema) and checked with SQLite's quick_check; a file
 * with a view or trigger (aula-pack writes none) is refused;
 * full_check runs the complete integrity_check instead (slower; for
 * installers). */
enum snapshot_status snapshot_open(const char *path, bool full_check, struct db **out, char *msg,
                                   size_t msgcap);

/* Creates path (replacing it) with the schema applied. */
struct db *snapshot_create(const char *path, char *msg, size_t msgcap);

bool snapshot_read_info(struct db *db, struct snapshot_info *info);

#endif
