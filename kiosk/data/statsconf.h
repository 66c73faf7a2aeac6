/* statsconf: the [stats] section of /etc/aula/aula.conf, shared by the
 * kiosk (which counts), aula-stats (which exports and draws the weekly
 * picture) and aula-sync (which writes the counts to a USB stick and
 * uploads them), so that all three agree on the file and its settings.
 * packaging/KIOSK.md documents each key. */
#ifndef AULA_DATA_STATSCONF_H
#define AULA_DATA_STATSCONF_H

#include "base/conf.h"

#include <stdbool.h>
#include <stddef.h>

#define STATS_DEFAULT_FILE "/var/lib/aula-kiosk/stats.db"
#define STATS_URL_MAX      2048

struct stats_config {
    bool enabled;  /* count at all (default on) */
    bool file_set; /* file was written in the configuration */
    char file[CONF_TEXT_MAX];
    int keep_days;                  /* days kept before pruning (default 400) */
    bool feedback;                  /* offer the feedback question (default on) */
    char upload_url[STATS_URL_MAX]; /* https URL the counts are POSTed to ("" none) */
    char site_id[64];               /* [kiosk] or [sync] site_id, for file names */
};

void stats_config_defaults(struct stats_config *c);
/* Reads the [stats] section of path over c (and the site id). A missing file
 * is an error only if must_exist. warn (may be NULL) hears unknown keys. */
bool stats_config_load(struct stats_config *c, const char *path, bool must_exist, conf_warn_fn warn,
                       void *warn_ctx, char *err, size_t cap);

#endif
