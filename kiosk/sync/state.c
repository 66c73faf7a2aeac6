/* state: aula-sync's memory and reports. The state file uses the same
 * key = value format as aula.conf, every value quoted. */
#include "sync/state.h"

#include "base/civil.h"
#include "base/xalloc.h"
#include "data/snapshot.h"
#include "sync/fsio.h"
#include "sync/jsonw.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static bool load_kv(void *ctx, const char *key, const char *value, const char *name, int line,
                    char *err, size_t errcap)
{
    (void)name, (void)line, (void)err, (void)errcap;
    struct sync_state *st = ctx;
    struct {
        const char *key;
        int64_t *dst;
    } ints[] = {
        {"high_water", &st->high_water},         {"last_attempt", &st->last_attempt},
        {"last_success", &st->last_success},     {"last_error_at", &st->last_error_at},
        {"last_pull", &st->last_pull},           {"failures_total", &st->failures_total},
        {"installs_total", &st->installs_total},
    };
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
        if (strcmp(key, ints[i].key) == 0)
            *ints[i].dst = strtoll(value, NULL, 10);
    struct {
        const char *key;
        char *dst;
        size_t cap;
    } strs[] = {
        {"last_result", st->last_result, sizeof(st->last_result)},
        {"last_message", st->last_message, sizeof(st->last_message)},
        {"last_banner", st->last_banner, sizeof(st->last_banner)},
        {"last_error", st->last_error, sizeof(st->last_error)},
        {"last_source", st->last_source, sizeof(st->last_source)},
        {"etag_url", st->etag_url, sizeof(st->etag_url)},
        {"etag", st->etag, sizeof(st->etag)},
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        if (strcmp(key, strs[i].key) == 0)
            snprintf(strs[i].dst, strs[i].cap, "%s", value);
    return true;
}

void state_load(const struct store *s, struct sync_state *st)
{
    memset(st, 0, sizeof(*st));
    int fd = openat(s->dirfd, STATE_FILE, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    char *buf = xmalloc(16385);
    ssize_t n = read(fd, buf, 16384);
    close(fd);
    if (n > 0) {
        buf[n] = '\0';
        char err[256];
        conf_each(buf, STATE_FILE, NULL, load_kv, st, err, sizeof(err));
    }
    free(buf);
}

/* One line, no quotes or control characters: safe inside the state file. */
static void put_str(struct strbuf *b, const char *key, const char *v)
{
    strbuf_printf(b, "%s = \"", key);
    for (const char *p = v; *p; p++)
        strbuf_putc(b, (unsigned char)*p < 0x20 ? ' ' : *p);
    strbuf_puts(b, "\"\n");
}

bool state_save(struct store *s, const struct sync_state *st)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_puts(&b, "# aula-sync state; written by aula-sync, do not edit\n");
    strbuf_printf(&b, "high_water = %" PRId64 "\n", st->high_water);
    strbuf_printf(&b, "last_attempt = %" PRId64 "\n", st->last_attempt);
    strbuf_printf(&b, "last_success = %" PRId64 "\n", st->last_success);
    strbuf_printf(&b, "last_error_at = %" PRId64 "\n", st->last_error_at);
    strbuf_printf(&b, "last_pull = %" PRId64 "\n", st->last_pull);
    strbuf_printf(&b, "failures_total = %" PRId64 "\n", st->failures_total);
    strbuf_printf(&b, "installs_total = %" PRId64 "\n", st->installs_total);
    put_str(&b, "last_result", st->last_result);
    put_str(&b, "last_message", st->last_message);
    put_str(&b, "last_banner", st->last_banner);
    put_str(&b, "last_error", st->last_error);
    put_str(&b, "last_source", st->last_source);
    put_str(&b, "etag_url", st->etag_url);
    put_str(&b, "etag", st->etag);
    bool ok = fsio_write_atomic(s->dirfd, STATE_FILE, b.s, b.len, 0644);
    strbuf_free(&b);
    return ok;
}

static void iso(int64_t t, char *buf, size_t cap)
{
    if (t <= 0) {
        snprintf(buf, cap, "never");
        return;
    }
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Reads the current snapshot's summary; false when there is none. */
static bool current_info(const struct store *s, struct snapshot_info *info)
{
    char path[2048], msg[512];
    store_path(s, STORE_CURRENT, path, sizeof(path));
    struct db *db;
    memset(info, 0, sizeof(*info));
    if (store_current(s) == 0 || snapshot_open(path, false, &db, msg, sizeof(msg)) != SNAPSHOT_OK)
        return false;
    bool ok = snapshot_read_info(db, info);
    db_close(db);
    return ok;
}

void state_report_text(const struct store *s, const struct sync_state *st, FILE *out)
{
    struct snapshot_info info;
    int64_t v[STORE_MAX_VERSIONS];
    size_t n = store_versions(s, v, STORE_MAX_VERSIONS);
    int64_t cur = store_current(s);
    char when[32];
    fprintf(out, "data directory: %s\n", s->dir);
    if (current_info(s, &info))
        fprintf(out,
                "current:        content version %" PRId64 " (site %s, built %s, valid %s to "
                "%s)\n",
                info.content_version, info.site_id, info.built_at, info.valid_from,
                info.valid_until);
    else
        fprintf(out, "current:        none (the screen shows its \"no content yet\" page)\n");
    fprintf(out, "installed:      ");
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%" PRId64 "%s", i ? ", " : "", v[i], v[i] == cur ? " (current)" : "");
    fprintf(out, "%s\n", n ? "" : "none");
    iso(st->last_attempt, when, sizeof(when));
    fprintf(out, "last attempt:   %s", when);
    if (st->last_attempt > 0)
        fprintf(out, ", %s: %s", st->last_result, st->last_message);
    iso(st->last_success, when, sizeof(when));
    fprintf(out, "\nlast success:   %s\n", when);
    iso(st->last_error_at, when, sizeof(when));
    if (st->last_error_at > 0)
        fprintf(out, "last error:     %s: %s\n", when, st->last_error);
    else
        fprintf(out, "last error:     none\n");
}

void state_report_json(const struct store *s, const struct sync_state *st, struct strbuf *out)
{
    struct snapshot_info info;
    bool have = current_info(s, &info);
    int64_t v[STORE_MAX_VERSIONS];
    size_t n = store_versions(s, v, STORE_MAX_VERSIONS);
    char when[32];
    int k = 0;
    strbuf_puts(out, "{\n");
    jsonw_field_str(out, "data_dir", s->dir, &k);
    jsonw_field_int(out, "current_version", have ? (long long)info.content_version : 0, &k);
    jsonw_field_str(out, "site_id", have ? info.site_id : NULL, &k);
    jsonw_field_str(out, "built_at", have ? info.built_at : NULL, &k);
    jsonw_field_str(out, "valid_from", have ? info.valid_from : NULL, &k);
    jsonw_field_str(out, "valid_until", have ? info.valid_until : NULL, &k);
    strbuf_puts(out, ",\n  \"installed_versions\": [");
    for (size_t i = 0; i < n; i++)
        strbuf_printf(out, "%s%" PRId64, i ? ", " : "", v[i]);
    strbuf_puts(out, "]");
    iso(st->last_attempt, when, sizeof(when));
    jsonw_field_str(out, "last_attempt", st->last_attempt > 0 ? when : NULL, &k);
    jsonw_field_str(out, "last_result", st->last_attempt > 0 ? st->last_result : NULL, &k);
    jsonw_field_str(out, "last_message", st->last_attempt > 0 ? st->last_message : NULL, &k);
    jsonw_field_str(out, "banner", st->last_attempt > 0 ? st->last_banner : NULL, &k);
    jsonw_field_str(out, "last_source", st->last_attempt > 0 ? st->last_source : NULL, &k);
    iso(st->last_success, when, sizeof(when));
    jsonw_field_str(out, "last_success", st->last_success > 0 ? when : NULL, &k);
    iso(st->last_error_at, when, sizeof(when));
    jsonw_field_str(out, "last_error_at", st->last_error_at > 0 ? when : NULL, &k);
    jsonw_field_str(out, "last_error", st->last_error_at > 0 ? st->last_error : NULL, &k);
    jsonw_field_int(out, "failures_total", (long long)st->failures_total, &k);
    jsonw_field_int(out, "installs_total", (long long)st->installs_total, &k);
    strbuf_puts(out, "\n}\n");
}

static void prom_label(struct strbuf *b, const char *v)
{
    for (const char *p = v; *p; p++) {
        if (*p == '\\' || *p == '"')
            strbuf_putc(b, '\\');
        if (*p == '\n')
            strbuf_puts(b, "\\n");
        else
            strbuf_putc(b, *p);
    }
}

static void prom_metric(struct strbuf *b, const char *name, const char *type, const char *help,
                        int64_t value)
{
    strbuf_printf(b, "# HELP %s %s\n# TYPE %s %s\n%s %" PRId64 "\n", name, help, name, type, name,
                  value);
}

void state_report_prometheus(const struct store *s, const struct sync_state *st, struct strbuf *out)
{
    struct snapshot_info info;
    bool have = current_info(s, &info);
    int64_t v[STORE_MAX_VERSIONS];
    size_t n = store_versions(s, v, STORE_MAX_VERSIONS);
    int64_t until = 0;
    struct civil_date d;
    if (have && civil_parse_date(info.valid_until, &d))
        until = (civil_to_days(d.year, d.month, d.day) + 1) * 86400;
    bool ok = strcmp(st->last_result, "failed") != 0 && strcmp(st->last_result, "refused") != 0;
    prom_metric(out, "aula_content_version", "gauge",
                "Content version of the snapshot the screen shows (0: none).",
                have ? info.content_version : 0);
    prom_metric(out, "aula_content_valid_until_timestamp_seconds", "gauge",
                "End of the current snapshot's calendar window (UTC).", until);
    prom_metric(out, "aula_sync_installed_versions", "gauge",
                "Snapshot versions kept for rollback, the current one included.", (int64_t)n);
    prom_metric(out, "aula_sync_last_attempt_timestamp_seconds", "gauge",
                "When aula-sync last tried to update the content.", st->last_attempt);
    prom_metric(out, "aula_sync_last_success_timestamp_seconds", "gauge",
                "When an update last installed content or found nothing new.", st->last_success);
    prom_metric(out, "aula_sync_last_attempt_ok", "gauge",
                "1 if the last attempt installed content or found nothing new.",
                st->last_attempt > 0 && ok ? 1 : 0);
    prom_metric(out, "aula_sync_failures_total", "counter",
                "Updates refused or failed since the data directory was created.",
                st->failures_total);
    prom_metric(out, "aula_sync_installs_total", "counter",
                "Snapshots installed since the data directory was created.", st->installs_total);
    strbuf_puts(out, "# HELP aula_sync_info The screen's site and the last result.\n"
                     "# TYPE aula_sync_info gauge\naula_sync_info{site=\"");
    prom_label(out, have ? info.site_id : "");
    strbuf_puts(out, "\",result=\"");
    prom_label(out, st->last_result);
    strbuf_puts(out, "\"} 1\n");
}

void state_publish(struct store *s, const struct sync_state *st, const struct sync_config *cfg)
{
    struct strbuf b;
    strbuf_init(&b);
    state_report_json(s, st, &b);
    if (!fsio_write_atomic(s->dirfd, STATUS_FILE, b.s, b.len, 0644))
        fprintf(stderr, "aula-sync: warning: %s/%s: cannot write: %s\n", s->dir, STATUS_FILE,
                strerror(errno));
    strbuf_clear(&b);
    if (cfg->prometheus_file[0]) {
        char *copy = xstrdup(cfg->prometheus_file);
        struct stat sb;
        if (stat(dirname(copy), &sb) == 0 && S_ISDIR(sb.st_mode)) {
            state_report_prometheus(s, st, &b);
            if (!fsio_write_atomic_path(cfg->prometheus_file, b.s, b.len, 0644))
                fprintf(stderr, "aula-sync: warning: %s: cannot write: %s\n", cfg->prometheus_file,
                        strerror(errno));
        }
        free(copy);
    }
    strbuf_free(&b);
}
