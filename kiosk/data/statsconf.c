/* statsconf: reads the [stats] section of aula.conf; see statsconf.h. */
#include "data/statsconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_ENABLED, K_FILE, K_KEEP_DAYS, K_FEEDBACK, K_UPLOAD_URL, NKEYS };
static const struct conf_key stats_keys[NKEYS] = {
    [K_ENABLED] = {"stats", "enabled", CONF_BOOL, 0, 0, NULL},
    [K_FILE] = {"stats", "file", CONF_PATH, 0, 0, NULL},
    [K_KEEP_DAYS] = {"stats", "keep_days", CONF_NUMBER, 1, 3660, NULL},
    [K_FEEDBACK] = {"stats", "feedback", CONF_BOOL, 0, 0, NULL},
    [K_UPLOAD_URL] = {"stats", "upload_url", CONF_TEXT, 0, 0, NULL},
};
static const char *const owned[] = {"stats", NULL};

void stats_config_defaults(struct stats_config *c)
{
    memset(c, 0, sizeof(*c));
    c->enabled = true;
    snprintf(c->file, sizeof(c->file), "%s", STATS_DEFAULT_FILE);
    c->keep_days = 400;
    c->feedback = true;
}

static bool site_kv(void *ctx, const char *key, const char *value, const char *name, int line,
                    char *err, size_t cap)
{
    (void)name, (void)line, (void)err, (void)cap;
    struct stats_config *c = ctx;
    if (strcmp(key, "site_id") == 0 && !c->site_id[0])
        snprintf(c->site_id, sizeof(c->site_id), "%s", value);
    return true;
}

bool stats_config_load(struct stats_config *c, const char *path, bool must_exist, conf_warn_fn warn,
                       void *warn_ctx, char *err, size_t cap)
{
    struct conf_value v[NKEYS];
    struct conf_spec spec = {stats_keys, NKEYS, owned, NULL, warn, warn_ctx};
    if (!conf_load(path, must_exist, &spec, v, err, cap))
        return false;
    if (v[K_ENABLED].set)
        c->enabled = v[K_ENABLED].yes;
    if (v[K_FILE].set) {
        snprintf(c->file, sizeof(c->file), "%s", v[K_FILE].text);
        c->file_set = true;
    }
    if (v[K_KEEP_DAYS].set)
        c->keep_days = (int)v[K_KEEP_DAYS].num;
    if (v[K_FEEDBACK].set)
        c->feedback = v[K_FEEDBACK].yes;
    if (v[K_UPLOAD_URL].set) {
        if (v[K_UPLOAD_URL].text[0] && strncmp(v[K_UPLOAD_URL].text, "https://", 8) != 0) {
            snprintf(err, cap, "%s:%d: upload_url: \"%s\" must start with https://", path,
                     v[K_UPLOAD_URL].line, v[K_UPLOAD_URL].text);
            return false;
        }
        snprintf(c->upload_url, sizeof(c->upload_url), "%s", v[K_UPLOAD_URL].text);
    }
    /* The site id names exported files; [kiosk] has it, else [sync]. */
    char *text = conf_slurp(path);
    if (text) {
        char e[256];
        conf_each(text, path, "kiosk", site_kv, c, e, sizeof(e));
        conf_each(text, path, "sync", site_kv, c, e, sizeof(e));
        free(text);
    }
    return true;
}
