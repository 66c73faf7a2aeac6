/* config: aula-sync's settings, read from /etc/aula/aula.conf (lines of
 * "key = value", "#" comments; see packaging/SYNC.md), with command-line options
 * over them. The same key = value reader also reads aula-sync's own state
 * file. */
#ifndef AULA_SYNC_CONFIG_H
#define AULA_SYNC_CONFIG_H

#include "base/conf.h"

#include <stdbool.h>
#include <stddef.h>

#define CONFIG_DEFAULT_PATH "/etc/aula/aula.conf"
#define CONFIG_PATH_MAX     1024
#define CONFIG_URL_MAX      2048

struct sync_config {
    char data_dir[CONFIG_PATH_MAX];
    char keys_dir[CONFIG_PATH_MAX];
    char site_id[64];
    char pull_url[CONFIG_URL_MAX];
    char ca_file[CONFIG_PATH_MAX];
    char prometheus_file[CONFIG_PATH_MAX];
    long long pull_interval_ms;
    long long connect_timeout_ms;
    long long timeout_ms;
    long long retry_delay_ms;
    long long max_size;
    int retries;
    int keep;
};

void config_defaults(struct sync_config *c);
/* Reads path over c. A missing file is an error only if must_exist. Unknown
 * keys are reported as warnings on stderr; bad values are errors
 * ("aula.conf:7: max_size: ..."). */
bool config_load(struct sync_config *c, const char *path, bool must_exist, char *err,
                 size_t errcap);

#endif
