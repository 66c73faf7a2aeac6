/* staff_status: what the staff status page shows, gathered in one place —
 * the content's version, build time and validity window, the last content
 * update (status.json, written by aula-sync into the data directory), free
 * disk space, uptimes, the app version, the printer and today's anonymous
 * usage counts — and turned into labelled rows in the staff member's
 * language. Counts only: the usage row never names what was counted.
 *
 * Figures of the machine (free disk, the device's uptime) differ on every
 * computer; pictures for tests and documentation fix them with
 * AULA_TEST_MACHINE="FREE_BYTES TOTAL_BYTES UPTIME_SECONDS". */
#ifndef AULA_UI_STAFF_STATUS_H
#define AULA_UI_STAFF_STATUS_H

#include "data/stats.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;

/* status.json, as far as the page needs it. */
struct staff_sync {
    bool have;            /* the file was read */
    char problem[256];    /* why it could not be read ("" when missing) */
    int64_t last_attempt; /* UTC seconds; 0: never */
    char result[16];      /* installed, unchanged, rolled-back, refused, failed */
    char message[256];    /* aula-sync's one-line reason */
    int64_t last_success; /* UTC seconds; 0: never */
};

enum staff_printer { STAFF_PRINTER_NONE, STAFF_PRINTER_OFF, STAFF_PRINTER_ON };

struct staff_facts {
    const char *version; /* the app's */
    bool have_content;
    int64_t content_version;
    int64_t built_at;                /* UTC seconds; 0: unknown */
    int64_t valid_from, valid_until; /* local days; 0: unknown */
    int64_t today;                   /* local day */
    char tz[64];
    struct staff_sync sync;
    bool have_disk;
    uint64_t disk_free, disk_total;
    int64_t kiosk_up, system_up; /* seconds; -1: unknown */
    enum staff_printer printer;
    int slips_left; /* -1: no daily cap */
    bool counting;  /* the counters are on */
    int64_t counts[STATS_KIND_COUNT];
};

struct staff_row {
    const char *label;
    char value[256];
    char detail[512]; /* smaller, under the value; may be "" */
    bool warn;        /* needs attention */
};
#define STAFF_MAX_ROWS 10

/* Reads data_dir/status.json. A missing file is no problem (never synced). */
void staff_sync_read(const char *data_dir, struct staff_sync *out);
/* Everything the page shows, from the kiosk's state now. */
void staff_facts_gather(struct app *a, struct staff_facts *f);
/* The rows of the page in lang; returns how many. */
size_t staff_rows(const struct staff_facts *f, const char *lang, struct staff_row *rows,
                  size_t cap);

#endif
