/* synccmd: aula-sync's commands. Reads aula.conf, takes the data
 * directory's lock, runs install, pull or rollback, and records the result
 * in the state file, status.json and the Prometheus file; every refusal is
 * one line on stderr (the journal under systemd). */
#include "sync/synccmd.h"

#include "base/strbuf.h"
#include "data/snapshot.h"
#include "sync/config.h"
#include "sync/fsio.h"
#include "sync/install.h"
#include "sync/keyring.h"
#include "sync/minisign.h"
#include "sync/pull.h"
#include "sync/state.h"
#include "sync/store.h"
#include "sync/upload.h"
#include "data/stats.h"
#include "data/statsconf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <strings.h>
#include <unistd.h>

#ifndef AULA_VERSION
#define AULA_VERSION "0"
#endif

static const char usage_text[] =
    "usage:\n"
    "  aula-sync [options] install PATH [--allow-older]\n"
    "      PATH is a signed snapshot (PATH.minisig beside it) or a folder, such\n"
    "      as a USB stick, holding aula/NAME.aula and aula/NAME.aula.minisig\n"
    "  aula-sync [options] pull [URL] [--force] [--if-due]\n"
    "      URL defaults to pull_url in aula.conf; --force ignores the ETag,\n"
    "      --if-due does nothing until pull_interval has passed (for the timer)\n"
    "  aula-sync [options] rollback [--to VERSION] [--force]\n"
    "  aula-sync [options] status [--json]\n"
    "  aula-sync [options] upload-stats [URL]\n"
    "      POSTs the anonymous counters as JSON over HTTPS to URL, default\n"
    "      upload_url in [stats] of aula.conf (none: nothing to do)\n"
    "options:\n"
    "  --config FILE     settings (default " CONFIG_DEFAULT_PATH ")\n"
    "  --data-dir DIR    where snapshots are installed (default /var/lib/aula)\n"
    "  --keys DIR        trusted public keys, *.pub (default /etc/aula/keys)\n"
    "  --now INSTANT     the time to check validity against, e.g. 2026-11-23T10:00:00Z\n"
    "exit status: 0 installed or nothing to do, 1 refused, 2 usage, 3 failed\n";

struct opts {
    const char *config, *data_dir, *keys, *now;
    const char *cmd, *arg;
    const char *to;
    bool allow_older, force, if_due, json;
};

static bool parse(int argc, char **argv, struct opts *o, FILE *err)
{
    memset(o, 0, sizeof(*o));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--config") == 0     ? &o->config
                            : strcmp(a, "--data-dir") == 0 ? &o->data_dir
                            : strcmp(a, "--keys") == 0     ? &o->keys
                            : strcmp(a, "--now") == 0      ? &o->now
                            : strcmp(a, "--to") == 0       ? &o->to
                                                           : NULL;
        if (slot) {
            if (i + 1 >= argc) {
                fprintf(err, "aula-sync: %s needs a value\n", a);
                return false;
            }
            *slot = argv[++i];
        } else if (strcmp(a, "--allow-older") == 0) {
            o->allow_older = true;
        } else if (strcmp(a, "--force") == 0) {
            o->force = true;
        } else if (strcmp(a, "--if-due") == 0) {
            o->if_due = true;
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(err, "aula-sync: unknown option \"%s\"\n", a);
            return false;
        } else if (!o->cmd) {
            o->cmd = a;
        } else if (!o->arg) {
            o->arg = a;
        } else {
            fprintf(err, "aula-sync: unexpected argument \"%s\"\n", a);
            return false;
        }
    }
    return o->cmd != NULL;
}

static bool parse_instant(const char *s, int64_t *out)
{
    struct tm tm = {0};
    char z = 0;
    int n = sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z);
    if (n != 7 || z != 'Z')
        return false;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *out = (int64_t)timegm(&tm);
    return true;
}

static const char *result_name(enum install_result r, bool rollback)
{
    switch (r) {
    case INSTALL_DONE:
        return rollback ? "rolled-back" : "installed";
    case INSTALL_UNCHANGED:
        return "unchanged";
    case INSTALL_REFUSED:
        return "refused";
    default:
        return "failed";
    }
}

static void user_agent(const struct store *s, const struct sync_config *cfg, char *buf, size_t cap)
{
    char path[2048], msg[512];
    const char *site = cfg->site_id[0] ? cfg->site_id : "-";
    struct snapshot_info info = {0};
    struct db *db;
    store_path(s, STORE_CURRENT, path, sizeof(path));
    if (store_current(s) && snapshot_open(path, false, &db, msg, sizeof(msg)) == SNAPSHOT_OK) {
        if (snapshot_read_info(db, &info) && info.site_id[0])
            site = info.site_id;
        db_close(db);
    }
    snprintf(buf, cap, "aula/%s site=%s content=%" PRId64, AULA_VERSION, site,
             info.content_version);
}

static int exit_status(enum install_result r)
{
    return r == INSTALL_DONE || r == INSTALL_UNCHANGED ? SYNCCMD_OK
           : r == INSTALL_REFUSED                      ? SYNCCMD_REFUSED
                                                       : SYNCCMD_FAILED;
}

static void record(struct sync_state *st, const struct install_outcome *o, int64_t now,
                   const char *source, bool rollback)
{
    snprintf(st->last_result, sizeof(st->last_result), "%s", result_name(o->result, rollback));
    snprintf(st->last_message, sizeof(st->last_message), "%s", o->message);
    snprintf(st->last_banner, sizeof(st->last_banner), "%s", o->banner);
    snprintf(st->last_source, sizeof(st->last_source), "%s", source);
    st->last_attempt = now;
    if (o->result == INSTALL_DONE || o->result == INSTALL_UNCHANGED) {
        st->last_success = now;
        if (o->result == INSTALL_DONE)
            st->installs_total++;
        if (o->result == INSTALL_DONE && !rollback && o->version > st->high_water)
            st->high_water = o->version;
    } else {
        st->failures_total++;
        st->last_error_at = now;
        snprintf(st->last_error, sizeof(st->last_error), "%s", o->message);
    }
}

static int upload_stats_cmd(const struct sync_config *cfg, const struct opts *o, FILE *err)
{
    const char *path = o->config ? o->config : CONFIG_DEFAULT_PATH;
    struct stats_config sc;
    char msg[1200];
    stats_config_defaults(&sc);
    if (!stats_config_load(&sc, path, false, NULL, NULL, msg, sizeof(msg))) {
        fprintf(err, "aula-sync: %s\n", msg);
        return SYNCCMD_USAGE;
    }
    const char *url = o->arg ? o->arg : sc.upload_url;
    if (!url[0]) {
        fprintf(err, "aula-sync: info: no upload_url in [stats] of %s; nothing to upload\n", path);
        return SYNCCMD_OK;
    }
    if (strncasecmp(url, "https://", 8) != 0) {
        fprintf(err, "aula-sync: upload-stats: \"%s\" is not an https:// address\n", url);
        return SYNCCMD_USAGE;
    }
    if (!sc.enabled || access(sc.file, R_OK) != 0) {
        fprintf(err, "aula-sync: info: %s: nothing counted%s; nothing to upload\n", sc.file,
                sc.enabled ? " yet" : " ([stats] enabled = off)");
        return SYNCCMD_OK;
    }
    struct stats *st = stats_open(sc.file, 0, msg, sizeof(msg));
    if (!st) {
        fprintf(err, "aula-sync: error: %s\n", msg);
        return SYNCCMD_FAILED;
    }
    const char *site = sc.site_id[0] ? sc.site_id : cfg->site_id[0] ? cfg->site_id : "site";
    char *body = upload_stats_json(st, site, AULA_VERSION);
    stats_close(st);
    if (!body) {
        fprintf(err, "aula-sync: error: %s: cannot read the counters\n", sc.file);
        return SYNCCMD_FAILED;
    }
    char ua[256];
    snprintf(ua, sizeof(ua), "aula/%s site=%s", AULA_VERSION, site);
    bool ok = upload_post(cfg, url, body, ua, msg, sizeof(msg));
    free(body);
    fprintf(err, "aula-sync: %s: %s\n", ok ? "info" : "error", msg);
    return ok ? SYNCCMD_OK : SYNCCMD_FAILED;
}

static int status_cmd(const struct sync_config *cfg, bool json, FILE *out)
{
    struct store s;
    struct sync_state st;
    char err[512];
    if (!store_open(&s, cfg->data_dir, false, false, err, sizeof(err))) {
        if (json)
            fprintf(out,
                    "{\n  \"data_dir\": \"%s\",\n  \"current_version\": 0,\n  "
                    "\"installed_versions\": []\n}\n",
                    cfg->data_dir);
        else
            fprintf(out, "data directory: %s (not created yet)\ncurrent:        none\n",
                    cfg->data_dir);
        return SYNCCMD_OK;
    }
    state_load(&s, &st);
    if (json) {
        struct strbuf b;
        strbuf_init(&b);
        state_report_json(&s, &st, &b);
        fputs(b.s, out);
        strbuf_free(&b);
    } else {
        state_report_text(&s, &st, out);
    }
    store_close(&s);
    return SYNCCMD_OK;
}

int synccmd_main(int argc, char **argv, FILE *out, FILE *err)
{
    struct opts o;
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(usage_text, out);
        return SYNCCMD_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        fprintf(out, "aula-sync %s\n", AULA_VERSION);
        return SYNCCMD_OK;
    }
    if (!parse(argc, argv, &o, err)) {
        fputs(usage_text, err);
        return SYNCCMD_USAGE;
    }
    struct sync_config cfg;
    char msg[1024];
    config_defaults(&cfg);
    if (!config_load(&cfg, o.config ? o.config : CONFIG_DEFAULT_PATH, o.config != NULL, msg,
                     sizeof(msg))) {
        fprintf(err, "aula-sync: %s\n", msg);
        return SYNCCMD_USAGE;
    }
    if (o.data_dir)
        snprintf(cfg.data_dir, sizeof(cfg.data_dir), "%s", o.data_dir);
    if (o.keys)
        snprintf(cfg.keys_dir, sizeof(cfg.keys_dir), "%s", o.keys);
    int64_t now = (int64_t)time(NULL);
    if (o.now && !parse_instant(o.now, &now)) {
        fprintf(err, "aula-sync: --now: \"%s\" is not a UTC time such as 2026-11-23T10:00:00Z\n",
                o.now);
        return SYNCCMD_USAGE;
    }
    bool install = strcmp(o.cmd, "install") == 0, pull = strcmp(o.cmd, "pull") == 0,
         rollback = strcmp(o.cmd, "rollback") == 0;
    if (strcmp(o.cmd, "status") == 0)
        return status_cmd(&cfg, o.json, out);
    if (strcmp(o.cmd, "upload-stats") == 0)
        return upload_stats_cmd(&cfg, &o, err);
    if (!install && !pull && !rollback) {
        fprintf(err, "aula-sync: unknown command \"%s\"\n", o.cmd);
        fputs(usage_text, err);
        return SYNCCMD_USAGE;
    }
    if (install && !o.arg) {
        fprintf(err, "aula-sync: install needs a PATH (a signed .aula file or a folder)\n");
        return SYNCCMD_USAGE;
    }
    const char *url = pull ? (o.arg ? o.arg : cfg.pull_url) : NULL;
    if (pull && !url[0]) {
        fprintf(err, "aula-sync: pull needs a URL, or pull_url in %s\n",
                o.config ? o.config : CONFIG_DEFAULT_PATH);
        return SYNCCMD_USAGE;
    }
    int64_t to = 0;
    if (o.to) {
        char *end;
        to = strtoll(o.to, &end, 10);
        if (*end || to <= 0) {
            fprintf(err, "aula-sync: --to: \"%s\" is not a content version\n", o.to);
            return SYNCCMD_USAGE;
        }
    }
    if (!minisign_init()) {
        fprintf(err, "aula-sync: cannot initialise libsodium\n");
        return SYNCCMD_FAILED;
    }
    struct store s;
    if (!store_open(&s, cfg.data_dir, true, true, msg, sizeof(msg))) {
        fprintf(err, "aula-sync: error: %s\n", msg);
        return SYNCCMD_FAILED;
    }
    /* What a killed run left: temporary files in the data directory, and
     * beside the Prometheus file (node-exporter reads only *.prom, nobody
     * else cleans its folder). The data directory's lock is held. */
    store_remove_temps(&s);
    if (cfg.prometheus_file[0])
        fsio_remove_temps_path(cfg.prometheus_file);
    struct sync_state st;
    state_load(&s, &st);
    if (pull && o.if_due && !o.force && st.last_pull > 0 &&
        (now - st.last_pull) * 1000 < cfg.pull_interval_ms) {
        fprintf(err, "aula-sync: info: next pull is due %lld s after the last one\n",
                (long long)(cfg.pull_interval_ms / 1000 - (now - st.last_pull)));
        store_close(&s);
        return SYNCCMD_OK;
    }
    struct keyring keys;
    struct install_outcome oc = {0};
    struct install_request rq = {.cfg = &cfg,
                                 .store = &s,
                                 .keys = &keys,
                                 .now = now,
                                 .allow_older = o.allow_older,
                                 .high_water = st.high_water};
    const char *source = install ? o.arg : pull ? url : "rollback";
    if (!keyring_load(&keys, cfg.keys_dir, msg, sizeof(msg))) {
        oc.result = INSTALL_FAILED;
        snprintf(oc.message, sizeof(oc.message), "%s", msg);
        snprintf(oc.banner, sizeof(oc.banner), "Not installed: this screen trusts no keys");
    } else if (install) {
        install_path(&rq, o.arg, &oc);
    } else if (rollback) {
        install_rollback(&rq, to, o.force, &oc);
    } else {
        struct pull_request pr = {.url = url};
        char ua[256];
        user_agent(&s, &cfg, ua, sizeof(ua));
        pr.user_agent = ua;
        if (!o.force && store_current(&s) && strcmp(st.etag_url, url) == 0)
            pr.if_none_match = st.etag;
        st.last_pull = now;
        pull_run(&rq, &pr, &oc);
        bool older = oc.result == INSTALL_REFUSED && strstr(oc.message, "is not newer than");
        if ((oc.result == INSTALL_DONE || (oc.result == INSTALL_UNCHANGED && pr.etag[0]) ||
             older)) {
            snprintf(st.etag_url, sizeof(st.etag_url), "%s", url);
            snprintf(st.etag, sizeof(st.etag), "%s", pr.etag);
        }
    }
    keyring_free(&keys);
    record(&st, &oc, now, source, rollback);
    if (!state_save(&s, &st))
        fprintf(err, "aula-sync: warning: %s/%s: cannot write the state: %s\n", s.dir, STATE_FILE,
                strerror(errno));
    state_publish(&s, &st, &cfg);
    fprintf(err, "aula-sync: %s: %s\n",
            oc.result == INSTALL_DONE || oc.result == INSTALL_UNCHANGED ? "info" : "error",
            oc.message);
    store_close(&s);
    return exit_status(oc.result);
}
