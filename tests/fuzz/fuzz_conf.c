/* fuzz_conf: any bytes as /etc/aula/aula.conf, read as aula-sync's
 * [sync] section, against a typed key table as the kiosk reads it, and as
 * the [display] section (screen hours), whose hours are then asked. */
#include "domain/schedule.h"
#include "base/conf.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static bool accept_kv(void *ctx, const char *key, const char *value, const char *name, int line,
                      char *err, size_t errcap)
{
    (void)ctx, (void)name, (void)line, (void)err, (void)errcap;
    long long v;
    conf_parse_size(value, &v);
    conf_parse_duration(value, &v);
    return key[0] != '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char err[512];
    conf_each(text, "aula.conf", "sync", accept_kv, NULL, err, sizeof(err));
    conf_each(text, "state", NULL, accept_kv, NULL, err, sizeof(err));
    static const struct conf_key keys[] = {
        {"kiosk", "site_id", CONF_ID, 0, 0, NULL},
        {"kiosk", "languages", CONF_LANGS, 0, 0, NULL},
        {"kiosk", "default_language", CONF_LANG, 0, 0, NULL},
        {"kiosk", "idle_seconds", CONF_SECONDS, 0, 86400, NULL},
        {"kiosk", "data_dir", CONF_PATH, 0, 0, NULL},
        {"kiosk", "orientation", CONF_CHOICE, 0, 0, "landscape|portrait|auto"},
        {"kiosk", "window", CONF_BOOL, 0, 0, NULL},
        {"kiosk", "dpi", CONF_NUMBER, 10, 1000, NULL},
    };
    static const char *const owned[] = {"kiosk", NULL};
    static const char *const others[] = {"sync", "printer", "stats", NULL};
    struct conf_spec spec = {keys, sizeof(keys) / sizeof(keys[0]), owned, others, NULL, NULL};
    struct conf_value out[sizeof(keys) / sizeof(keys[0])];
    conf_read("aula.conf", text, &spec, out, err, sizeof(err));

    static const char *const downed[] = {"display", NULL};
    struct conf_spec dspec = {schedule_conf_keys, SCHEDULE_NKEYS, downed, others, NULL, NULL};
    struct conf_value dout[SCHEDULE_NKEYS];
    struct schedule_conf dc;
    schedule_conf_defaults(&dc);
    if (conf_read("aula.conf", text, &dspec, dout, err, sizeof(err)) &&
        schedule_conf_apply(&dc, dout, "aula.conf", err, sizeof(err))) {
        char desc[512];
        schedule_conf_describe(&dc, desc, sizeof(desc));
        struct schedule s;
        schedule_init(&s, &dc);
        schedule_at(&s, "Europe/Helsinki", 1795000000, 0); /* November 2026 */
        schedule_free(&s);
    }
    free(text);
    return 0;
}
