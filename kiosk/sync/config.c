/* config: the aula.conf reader. The format is deliberately tiny so that an
 * IT person can edit it with any editor and a typo names its line. */
#include "sync/config.h"

#include "base/conf.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_defaults(struct sync_config *c)
{
    memset(c, 0, sizeof(*c));
    snprintf(c->data_dir, sizeof(c->data_dir), "/var/lib/aula");
    snprintf(c->keys_dir, sizeof(c->keys_dir), "/etc/aula/keys");
    snprintf(c->prometheus_file, sizeof(c->prometheus_file),
             "/var/lib/prometheus/node-exporter/aula.prom");
    c->pull_interval_ms = 3600 * 1000LL;
    c->connect_timeout_ms = 15 * 1000LL;
    c->timeout_ms = 600 * 1000LL;
    c->retry_delay_ms = 2000;
    c->max_size = 512LL << 20;
    c->retries = 3;
    c->keep = 3;
}

static bool set_string(char *dst, size_t cap, const char *value, const char *name, int line,
                       const char *key, char *err, size_t errcap)
{
    if (strlen(value) >= cap) {
        snprintf(err, errcap, "%s:%d: %s: value is longer than %zu characters", name, line, key,
                 cap - 1);
        return false;
    }
    snprintf(dst, cap, "%s", value);
    return true;
}

static bool apply(void *ctx, const char *key, const char *value, const char *name, int line,
                  char *err, size_t errcap)
{
    struct sync_config *c = ctx;
    struct {
        const char *key;
        char *dst;
        size_t cap;
    } strings[] = {
        {"data_dir", c->data_dir, sizeof(c->data_dir)},
        {"keys_dir", c->keys_dir, sizeof(c->keys_dir)},
        {"site_id", c->site_id, sizeof(c->site_id)},
        {"pull_url", c->pull_url, sizeof(c->pull_url)},
        {"ca_file", c->ca_file, sizeof(c->ca_file)},
        {"prometheus_file", c->prometheus_file, sizeof(c->prometheus_file)},
    };
    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
        if (strcmp(key, strings[i].key) == 0)
            return set_string(strings[i].dst, strings[i].cap, value, name, line, key, err, errcap);
    struct {
        const char *key;
        long long *dst;
    } durations[] = {
        {"pull_interval", &c->pull_interval_ms},
        {"connect_timeout", &c->connect_timeout_ms},
        {"timeout", &c->timeout_ms},
        {"retry_delay", &c->retry_delay_ms},
    };
    for (size_t i = 0; i < sizeof(durations) / sizeof(durations[0]); i++) {
        if (strcmp(key, durations[i].key) != 0)
            continue;
        if (!conf_parse_duration(value, durations[i].dst)) {
            snprintf(err, errcap,
                     "%s:%d: %s: \"%s\" is not a duration (write e.g. 30s, 5m, 1h or 500ms)", name,
                     line, key, value);
            return false;
        }
        return true;
    }
    if (strcmp(key, "max_size") == 0) {
        if (!conf_parse_size(value, &c->max_size) || c->max_size <= 0) {
            snprintf(err, errcap, "%s:%d: max_size: \"%s\" is not a size (write e.g. 512M)", name,
                     line, value);
            return false;
        }
        return true;
    }
    if (strcmp(key, "retries") == 0 || strcmp(key, "keep") == 0) {
        char *end;
        long v = strtol(value, &end, 10);
        bool keep = key[0] == 'k';
        if (*end || end == value || v < (keep ? 2 : 0) || v > 100) {
            snprintf(err, errcap, "%s:%d: %s: \"%s\" must be a whole number from %d to 100", name,
                     line, key, value, keep ? 2 : 0);
            return false;
        }
        *(keep ? &c->keep : &c->retries) = (int)v;
        return true;
    }
    fprintf(stderr, "aula-sync: warning: %s:%d: unknown setting \"%s\" ignored\n", name, line, key);
    return true;
}

bool config_load(struct sync_config *c, const char *path, bool must_exist, char *err, size_t errcap)
{
    char *text = conf_slurp(path);
    if (!text) {
        if (errno == ENOENT && !must_exist)
            return true;
        snprintf(err, errcap, "%s: cannot read configuration: %s", path, strerror(errno));
        return false;
    }
    bool ok = conf_each(text, path, "sync", apply, c, err, errcap);
    free(text);
    return ok;
}
