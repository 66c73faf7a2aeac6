/* Tests for installing snapshots: the version rules (replay refused,
 * rollback and --allow-older allowed), keeping 3 versions but never one
 * that is open, every kind of refused content, USB folders that try to
 * escape, the status reports; and crash safety: a failure injected at each
 * write, fsync, rename, link and symlink in turn (also as a power cut that
 * stops all later I/O, and as a full disk) must leave "current" opening as
 * a complete old or new snapshot, and the next run must finish the install.
 * Snapshots come from make_snapshots.sh. */
#include "data/snapshot.h"
#include "sync/fsio.h"
#include "sync/install.h"
#include "sync/minisign.h"
#include "sync/synccmd.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FIX SYNC_FIXTURES

/* 2026-11-23T12:00:00Z: inside the fixtures' window 2026-11-16..2027-05-22. */
#define NOW 1795435200LL

struct env {
    char dir[64], data[128];
    struct sync_config cfg;
    struct store store;
    struct keyring keys;
    struct install_request rq;
    struct install_outcome out;
};

static void run(const char *cmd)
{
    int rc = system(cmd);
    if (rc != 0)
        fail_msg("command failed (%d): %s", rc, cmd);
}

static struct env *env_new(void)
{
    struct env *e = calloc(1, sizeof(*e));
    snprintf(e->dir, sizeof(e->dir), "/tmp/aula-install-XXXXXX");
    assert_non_null(mkdtemp(e->dir));
    snprintf(e->data, sizeof(e->data), "%s/data", e->dir);
    config_defaults(&e->cfg);
    snprintf(e->cfg.data_dir, sizeof(e->cfg.data_dir), "%s", e->data);
    snprintf(e->cfg.keys_dir, sizeof(e->cfg.keys_dir), FIX "/keys");
    e->cfg.prometheus_file[0] = '\0';
    char err[512];
    assert_true(store_open(&e->store, e->data, true, false, err, sizeof(err)));
    assert_true(keyring_load(&e->keys, e->cfg.keys_dir, err, sizeof(err)));
    e->rq =
        (struct install_request){.cfg = &e->cfg, .store = &e->store, .keys = &e->keys, .now = NOW};
    return e;
}

static void env_free(struct env *e)
{
    char cmd[128];
    store_close(&e->store);
    keyring_free(&e->keys);
    snprintf(cmd, sizeof(cmd), "rm -rf %s", e->dir);
    run(cmd);
    free(e);
}

static enum install_result install(struct env *e, const char *path)
{
    return install_path(&e->rq, path, &e->out);
}

/* What the kiosk would see: current opened with every check. */
static int64_t kiosk_version(const char *data)
{
    char path[256], msg[512];
    snprintf(path, sizeof(path), "%s/current", data);
    struct db *db;
    enum snapshot_status st = snapshot_open(path, true, &db, msg, sizeof(msg));
    if (st != SNAPSHOT_OK)
        fail_msg("kiosk cannot open current: %s", msg);
    struct snapshot_info info;
    assert_true(snapshot_read_info(db, &info));
    db_close(db);
    return info.content_version;
}

static int count_temps(const char *data)
{
    DIR *d = opendir(data);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (strstr(de->d_name, ".tmp"))
            n++;
    closedir(d);
    return n;
}

static void expect(struct env *e, enum install_result want, const char *msg)
{
    if (e->out.result != want || (msg && strcmp(e->out.message, msg) != 0))
        fail_msg("got result %d \"%s\"\nwant result %d \"%s\"", e->out.result, e->out.message, want,
                 msg ? msg : "(any)");
}

/* Signs path with key into path.minisig. */
static void sign_with(const char *path, const char *key)
{
    struct minisign_seckey sk;
    char err[512], sigpath[512];
    uint8_t h[MINISIGN_HASH_BYTES];
    assert_true(minisign_seckey_load(key, NULL, &sk, err, sizeof(err)));
    assert_true(minisign_hash_file(path, h, err, sizeof(err)));
    struct strbuf b;
    strbuf_init(&b);
    assert_true(minisign_sign(&sk, h, "test", "timestamp:1\tfile:x\thashed", &b));
    snprintf(sigpath, sizeof(sigpath), "%s.minisig", path);
    FILE *f = fopen(sigpath, "w");
    fputs(b.s, f);
    fclose(f);
    strbuf_free(&b);
}

static void test_install_replay_unchanged(void **state)
{
    (void)state;
    struct env *e = env_new();
    assert_int_equal(install(e, FIX "/v1.aula"), INSTALL_DONE);
    assert_string_equal(e->out.banner, "Content updated to version 1");
    assert_int_equal(install(e, FIX "/v2.aula"), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 2);
    char link[64], path[256];
    snprintf(path, sizeof(path), "%s/current", e->data);
    ssize_t n = readlink(path, link, sizeof(link) - 1);
    assert_true(n > 0);
    link[n] = '\0';
    assert_string_equal(link, "snapshot-2.aula");
    install(e, FIX "/v1.aula");
    expect(e, INSTALL_REFUSED,
           FIX "/v1.aula: content version 1 is not newer than version 2 installed before (an "
               "old snapshot replayed?); to go back on purpose use aula-sync rollback");
    assert_string_equal(e->out.banner, "Not installed: older than the content already shown");
    assert_int_equal(kiosk_version(e->data), 2);
    install(e, FIX "/v2.aula");
    expect(e, INSTALL_UNCHANGED,
           FIX "/v2.aula: content version 2 is already installed and current");
    /* Staff may go back on purpose. */
    e->rq.allow_older = true;
    assert_int_equal(install(e, FIX "/v1.aula"), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 1);
    assert_int_equal(count_temps(e->data), 0);
    env_free(e);
}

static void test_rollback(void **state)
{
    (void)state;
    struct env *e = env_new();
    for (int v = 1; v <= 3; v++) {
        char p[128];
        snprintf(p, sizeof(p), FIX "/v%d.aula", v);
        assert_int_equal(install(e, p), INSTALL_DONE);
    }
    assert_int_equal(install_rollback(&e->rq, 0, false, &e->out), INSTALL_DONE);
    assert_string_equal(e->out.banner, "Content rolled back to version 2");
    assert_int_equal(kiosk_version(e->data), 2);
    assert_int_equal(install_rollback(&e->rq, 0, false, &e->out), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 1);
    install_rollback(&e->rq, 0, false, &e->out);
    char want[1024];
    snprintf(want, sizeof(want),
             "%s: no version older than the current one is kept (kept: 3, 2, 1)", e->data);
    expect(e, INSTALL_REFUSED, want);
    assert_int_equal(install_rollback(&e->rq, 3, false, &e->out), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 3);
    /* A kept version whose dates have ended needs --force. */
    e->rq.now = NOW + 400 * 86400LL;
    install_rollback(&e->rq, 1, false, &e->out);
    snprintf(want, sizeof(want),
             "%s/snapshot-1.aula: content version 1 was valid until 2027-05-22 and today is "
             "2027-12-28; build and publish a fresh snapshot (aula-sync rollback --force accepts "
             "it anyway)",
             e->data);
    expect(e, INSTALL_REFUSED, want);
    assert_int_equal(install_rollback(&e->rq, 1, true, &e->out), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 1);
    /* A kept version whose signature file was damaged is not used. */
    e->rq.now = NOW;
    char sig[256];
    snprintf(sig, sizeof(sig), "%s/snapshot-2.aula.minisig", e->data);
    truncate(sig, 100);
    install_rollback(&e->rq, 2, false, &e->out);
    snprintf(want, sizeof(want), "%s/snapshot-2.aula.minisig: truncated signature: 2 of 4 lines",
             e->data);
    expect(e, INSTALL_REFUSED, want);
    assert_int_equal(kiosk_version(e->data), 1);
    env_free(e);
}

static void test_keep_three_and_open_files(void **state)
{
    (void)state;
    struct env *e = env_new();
    char p[256];
    for (int v = 1; v <= 3; v++) {
        snprintf(p, sizeof(p), FIX "/v%d.aula", v);
        assert_int_equal(install(e, p), INSTALL_DONE);
    }
    /* The kiosk still has version 1 open: it must not be removed. */
    snprintf(p, sizeof(p), "%s/snapshot-1.aula", e->data);
    int fd = open(p, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(install(e, FIX "/v4.aula"), INSTALL_DONE);
    int64_t v[16];
    assert_int_equal(store_versions(&e->store, v, 16), 4);
    close(fd);
    /* A signature whose snapshot is gone (a run killed while pruning) goes
     * with the next prune; other files stay. */
    char orphan[256], other[256];
    snprintf(orphan, sizeof(orphan), "%s/snapshot-9.aula.minisig", e->data);
    snprintf(other, sizeof(other), "%s/notes.minisig", e->data);
    char cmd[700];
    snprintf(cmd, sizeof(cmd), "cp " FIX "/v3.aula.minisig %s && cp " FIX "/v3.aula.minisig %s",
             orphan, other);
    run(cmd);
    assert_int_equal(install(e, FIX "/v5.aula"), INSTALL_DONE);
    assert_int_equal(access(orphan, F_OK), -1);
    assert_int_equal(access(other, F_OK), 0);
    assert_int_equal(store_versions(&e->store, v, 16), 3);
    assert_int_equal(v[0], 5);
    assert_int_equal(v[1], 4);
    assert_int_equal(v[2], 3);
    snprintf(p, sizeof(p), "%s/snapshot-1.aula.minisig", e->data);
    assert_int_equal(access(p, F_OK), -1);
    snprintf(p, sizeof(p), "%s/snapshot-3.aula.minisig", e->data);
    assert_int_equal(access(p, F_OK), 0);
    env_free(e);
}

static void test_refused_content(void **state)
{
    (void)state;
    struct env *e = env_new();
    assert_int_equal(install(e, FIX "/v1.aula"), INSTALL_DONE);
    char p[512], q[600], cmd[2048], want[2048];

    /* Truncated, then signed by a trusted key: signature fine, content not. */
    snprintf(p, sizeof(p), "%s/cut.aula", e->dir);
    snprintf(cmd, sizeof(cmd), "head -c 100000 " FIX "/v2.aula > %s", p);
    run(cmd);
    sign_with(p, FIX "/trusted.key");
    install(e, p);
    assert_int_equal(e->out.result, INSTALL_REFUSED);
    assert_string_equal(e->out.banner, "Not installed: not aula content, or damaged");
    assert_non_null(strstr(e->out.message, p));
    assert_null(strstr(e->out.message, ".incoming-"));

    /* Pages overwritten in the middle. */
    snprintf(p, sizeof(p), "%s/damaged.aula", e->dir);
    snprintf(cmd, sizeof(cmd),
             "cp " FIX "/v2.aula %s && dd if=/dev/zero of=%s bs=4096 seek=3 count=20 "
             "conv=notrunc 2>/dev/null",
             p, p);
    run(cmd);
    sign_with(p, FIX "/trusted.key");
    install(e, p);
    assert_int_equal(e->out.result, INSTALL_REFUSED);
    snprintf(want, sizeof(want), "%s: snapshot is damaged", p);
    if (strncmp(e->out.message, want, strlen(want)) != 0)
        fail_msg("got \"%s\"", e->out.message);

    /* Not a database at all. */
    snprintf(p, sizeof(p), "%s/text.aula", e->dir);
    snprintf(cmd, sizeof(cmd), "echo 'hello' > %s", p);
    run(cmd);
    sign_with(p, FIX "/trusted.key");
    install(e, p);
    assert_int_equal(e->out.result, INSTALL_REFUSED);
    snprintf(want, sizeof(want), "%s: not an aula snapshot", p);
    if (strncmp(e->out.message, want, strlen(want)) != 0)
        fail_msg("got \"%s\"", e->out.message);

    /* Signed by a key this screen does not trust. */
    snprintf(p, sizeof(p), "%s/v2.aula", e->dir);
    snprintf(cmd, sizeof(cmd), "cp " FIX "/v2.aula %s", p);
    run(cmd);
    sign_with(p, FIX "/untrusted.key");
    struct minisign_pubkey up;
    char hex[17];
    assert_true(minisign_pubkey_load(FIX "/untrusted.pub", &up, want, sizeof(want)));
    minisign_keyid_hex(up.keyid, hex);
    install(e, p);
    snprintf(want, sizeof(want),
             "%s.minisig: signed with key ID %s, not a trusted key; add its public key to the "
             "trusted keys or re-sign with a trusted key",
             p, hex);
    expect(e, INSTALL_REFUSED, want);
    assert_string_equal(e->out.banner, "Not installed: signature not trusted");

    /* Another file's signature. */
    snprintf(cmd, sizeof(cmd), "cp " FIX "/v3.aula.minisig %s.minisig", p);
    run(cmd);
    install(e, p);
    snprintf(want, sizeof(want),
             "%s.minisig: signature does not match %s (the file was changed or damaged after "
             "signing, or the signature belongs to another file)",
             p, p);
    expect(e, INSTALL_REFUSED, want);

    /* No signature. */
    snprintf(q, sizeof(q), "%s.minisig", p);
    unlink(q);
    install(e, p);
    snprintf(want, sizeof(want),
             "%s.minisig: cannot read the signature: No such file or directory; content must be "
             "signed (aula-pack sign or publish)",
             p);
    expect(e, INSTALL_REFUSED, want);

    /* Outside the validity window. */
    e->rq.now = 1830297600LL; /* 2028-01-01 */
    install(e, FIX "/v2.aula");
    expect(e, INSTALL_REFUSED,
           FIX "/v2.aula: content version 2 was valid until 2027-05-22 and today is 2028-01-01; "
               "build and publish a fresh snapshot");
    e->rq.now = 1767225600LL; /* 2026-01-01 */
    install(e, FIX "/v2.aula");
    expect(e, INSTALL_REFUSED,
           FIX "/v2.aula: content version 2 is valid from 2026-11-16 and today is 2026-01-01; "
               "check the build's --from date or this screen's clock");
    e->rq.now = NOW;

    /* Another site's content, when the screen names its site. */
    snprintf(e->cfg.site_id, sizeof(e->cfg.site_id), "testikeskus");
    install(e, FIX "/other.aula");
    expect(e, INSTALL_REFUSED,
           FIX "/other.aula: content is for site \"toinenkeskus\", and this screen is configured "
               "for site \"testikeskus\" (site_id in aula.conf)");
    e->cfg.site_id[0] = '\0';

    /* Too large. */
    e->cfg.max_size = 1000;
    install(e, FIX "/v2.aula");
    expect(e, INSTALL_REFUSED,
           FIX "/v2.aula: larger than max_size (1000 bytes); raise max_size in aula.conf if "
               "this is expected");
    e->cfg.max_size = 512 << 20;

    /* None of it touched what the kiosk shows, nor left files behind. */
    assert_int_equal(kiosk_version(e->data), 1);
    assert_int_equal(count_temps(e->data), 0);
    int64_t v[8];
    assert_int_equal(store_versions(&e->store, v, 8), 1);
    env_free(e);
}

static void test_usb_folder(void **state)
{
    (void)state;
    struct env *e = env_new();
    char cmd[4096], stick[256], want[2048];

    /* Several snapshots: the newest for this site wins. */
    snprintf(stick, sizeof(stick), "%s/stick", e->dir);
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/aula && cp " FIX "/v2.aula " FIX "/v2.aula.minisig " FIX "/v3.aula " FIX
             "/v3.aula.minisig " FIX "/other.aula " FIX "/other.aula.minisig %s/aula/",
             stick, stick);
    run(cmd);
    snprintf(e->cfg.site_id, sizeof(e->cfg.site_id), "testikeskus");
    assert_int_equal(install(e, stick), INSTALL_DONE);
    assert_int_equal(kiosk_version(e->data), 3);
    e->cfg.site_id[0] = '\0';

    /* Symlinks out of the folder are not followed. */
    snprintf(stick, sizeof(stick), "%s/stick2", e->dir);
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/aula && ln -s " FIX "/v4.aula %s/aula/v4.aula && ln -s " FIX
             "/v4.aula.minisig %s/aula/v4.aula.minisig",
             stick, stick, stick);
    run(cmd);
    install(e, stick);
    snprintf(want, sizeof(want),
             "%s/aula: no .aula snapshot found; copy FILE.aula and FILE.aula.minisig there", stick);
    expect(e, INSTALL_REFUSED, want);

    /* A real snapshot whose signature is a symlink out of the folder. */
    snprintf(cmd, sizeof(cmd), "rm %s/aula/v4.aula && cp " FIX "/v4.aula %s/aula/v4.aula", stick,
             stick);
    run(cmd);
    install(e, stick);
    snprintf(want, sizeof(want),
             "%s/aula/v4.aula.minisig: cannot read the signature: Too many levels of symbolic "
             "links; content must be signed (aula-pack sign or publish)",
             stick);
    expect(e, INSTALL_REFUSED, want);

    /* The aula folder itself a symlink. */
    snprintf(stick, sizeof(stick), "%s/stick3", e->dir);
    snprintf(cmd, sizeof(cmd), "mkdir -p %s && ln -s %s/stick/aula %s/aula", stick, e->dir, stick);
    run(cmd);
    install(e, stick);
    snprintf(want, sizeof(want),
             "%s/aula: not a folder (symlinks are not followed); put the snapshot and its "
             ".minisig in a folder named aula",
             stick);
    expect(e, INSTALL_REFUSED, want);

    /* No aula folder. */
    snprintf(stick, sizeof(stick), "%s/stick4", e->dir);
    mkdir(stick, 0755);
    install(e, stick);
    snprintf(want, sizeof(want),
             "%s/aula: No such file or directory; put the snapshot and its .minisig in a folder "
             "named aula",
             stick);
    expect(e, INSTALL_REFUSED, want);
    assert_int_equal(kiosk_version(e->data), 3);
    env_free(e);
}

/* Runs aula-sync in-process; returns its exit status, stderr in *errtext. */
static int sync_cli(struct env *e, char **errtext, const char *a1, const char *a2, const char *a3)
{
    char conf[256];
    snprintf(conf, sizeof(conf), "%s/aula.conf", e->dir);
    if (access(conf, F_OK) != 0) {
        FILE *f = fopen(conf, "w");
        fprintf(f, "# test settings\nprometheus_file = %s/prom/aula.prom\nkeep = 3\n", e->dir);
        fclose(f);
    }
    char *argv[12] = {"aula-sync", "--config",  conf,    "--data-dir",          e->data,
                      "--keys",    FIX "/keys", "--now", "2026-11-23T12:00:00Z"};
    int argc = 9;
    const char *extra[] = {a1, a2, a3};
    for (int i = 0; i < 3 && extra[i]; i++)
        argv[argc++] = (char *)extra[i];
    size_t len = 0;
    char *buf = NULL;
    FILE *err = open_memstream(&buf, &len);
    FILE *out = fopen("/dev/null", "w");
    int rc = synccmd_main(argc, argv, out, err);
    fclose(err);
    fclose(out);
    if (errtext)
        *errtext = buf;
    else
        free(buf);
    return rc;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *buf = calloc(1, 65536);
    fread(buf, 1, 65535, f);
    fclose(f);
    return buf;
}

static void test_cli_state_and_reports(void **state)
{
    (void)state;
    struct env *e = env_new();
    char p[256], *err;
    snprintf(p, sizeof(p), "%s/prom", e->dir);
    mkdir(p, 0755);
    /* A run killed while writing the Prometheus file left its temporary
     * file; the next run removes it, and only it. */
    char stale[300], other[300];
    snprintf(stale, sizeof(stale), "%s/prom/.aula.prom.999999-0.tmp", e->dir);
    snprintf(other, sizeof(other), "%s/prom/.other.prom.999999-0.tmp", e->dir);
    fclose(fopen(stale, "w"));
    fclose(fopen(other, "w"));
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v1.aula", NULL), SYNCCMD_OK);
    assert_int_equal(access(stale, F_OK), -1);
    assert_int_equal(access(other, F_OK), 0);
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v2.aula", NULL), SYNCCMD_OK);
    assert_int_equal(sync_cli(e, NULL, "rollback", NULL, NULL), SYNCCMD_OK);
    assert_int_equal(kiosk_version(e->data), 1);
    /* The version staff rolled back from is not taken again by itself. */
    assert_int_equal(sync_cli(e, &err, "install", FIX "/v2.aula", NULL), SYNCCMD_REFUSED);
    assert_string_equal(err, "aula-sync: error: " FIX "/v2.aula: content version 2 is not newer "
                             "than version 2 installed before (an old snapshot replayed?); to "
                             "go back on purpose use aula-sync rollback\n");
    free(err);
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v3.aula", NULL), SYNCCMD_OK);
    snprintf(p, sizeof(p), "%s/status.json", e->data);
    char *json = slurp(p);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"current_version\": 3,"));
    assert_non_null(strstr(json, "\"installed_versions\": [3, 2, 1]"));
    assert_non_null(strstr(json, "\"banner\": \"Content updated to version 3\""));
    assert_non_null(strstr(json, "\"last_result\": \"installed\""));
    assert_non_null(strstr(json, "\"failures_total\": 1"));
    assert_non_null(strstr(json, "\"last_error_at\": \"2026-11-23T12:00:00Z\""));
    free(json);
    snprintf(p, sizeof(p), "%s/prom/aula.prom", e->dir);
    char *prom = slurp(p);
    assert_non_null(prom);
    assert_non_null(strstr(prom, "\naula_content_version 3\n"));
    assert_non_null(strstr(prom, "\naula_sync_installs_total 4\n"));
    assert_non_null(strstr(prom, "\naula_sync_failures_total 1\n"));
    assert_non_null(strstr(prom, "aula_sync_info{site=\"testikeskus\",result=\"installed\"} 1"));
    assert_non_null(strstr(prom, "\naula_content_valid_until_timestamp_seconds 1811030400\n"));
    free(prom);
    /* A refusal is recorded with its banner. */
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v1.aula", NULL), SYNCCMD_REFUSED);
    snprintf(p, sizeof(p), "%s/status.json", e->data);
    json = slurp(p);
    assert_non_null(strstr(json, "\"banner\": \"Not installed: older than the content already "
                                 "shown\""));
    assert_non_null(strstr(json, "\"last_result\": \"refused\""));
    assert_non_null(strstr(json, "\"current_version\": 3,"));
    free(json);
    /* Usage errors. */
    assert_int_equal(sync_cli(e, &err, "install", NULL, NULL), SYNCCMD_USAGE);
    assert_string_equal(err, "aula-sync: install needs a PATH (a signed .aula file or a "
                             "folder)\n");
    free(err);
    assert_int_equal(sync_cli(e, &err, "rollback", "--to", "x"), SYNCCMD_USAGE);
    assert_string_equal(err, "aula-sync: --to: \"x\" is not a content version\n");
    free(err);
    env_free(e);
}

static void test_config_errors(void **state)
{
    (void)state;
    struct env *e = env_new();
    char conf[256], *err;
    snprintf(conf, sizeof(conf), "%s/aula.conf", e->dir);
    FILE *f = fopen(conf, "w");
    fputs("# settings\ndata_dir = /x\nmax_size = lots\n", f);
    fclose(f);
    assert_int_equal(sync_cli(e, &err, "status", NULL, NULL), SYNCCMD_USAGE);
    char want[512];
    snprintf(want, sizeof(want),
             "aula-sync: %s:3: max_size: \"lots\" is not a size (write e.g. 512M)\n", conf);
    assert_string_equal(err, want);
    free(err);
    f = fopen(conf, "w");
    fputs("timeout 30\n", f);
    fclose(f);
    assert_int_equal(sync_cli(e, &err, "status", NULL, NULL), SYNCCMD_USAGE);
    snprintf(want, sizeof(want),
             "aula-sync: %s:1: expected \"key = value\", found \"timeout 30\"\n", conf);
    assert_string_equal(err, want);
    free(err);
    struct sync_config c;
    config_defaults(&c);
    f = fopen(conf, "w");
    fputs("site_id = \"espoo-1\"\ntimeout = 90s\nretry_delay = 250ms\nmax_size = 20M\n"
          "pull_interval = 2h\nkeep = 5\n",
          f);
    fclose(f);
    assert_true(config_load(&c, conf, true, want, sizeof(want)));
    assert_string_equal(c.site_id, "espoo-1");
    assert_int_equal(c.timeout_ms, 90000);
    assert_int_equal(c.retry_delay_ms, 250);
    assert_int_equal(c.max_size, 20 << 20);
    assert_int_equal(c.pull_interval_ms, 7200000);
    assert_int_equal(c.keep, 5);
    env_free(e);
}

/* Injects a failure at every counted operation of an install of v2 over
 * v1, through the whole aula-sync command (state and reports included). */
static void crash_loop(int err, bool sticky)
{
    struct env *e = env_new();
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v1.aula", NULL), SYNCCMD_OK);
    /* Count the operations of a clean run in a twin directory. */
    struct env *twin = env_new();
    assert_int_equal(sync_cli(twin, NULL, "install", FIX "/v1.aula", NULL), SYNCCMD_OK);
    fsio_fail_at(0, 0, false);
    assert_int_equal(sync_cli(twin, NULL, "install", FIX "/v2.aula", NULL), SYNCCMD_OK);
    long total = fsio_count();
    env_free(twin);
    assert_true(total >= 10);
    print_message("injecting a failure at each of %ld operations\n", total);
    int saw_new = 0, saw_old = 0;
    for (long k = 1; k <= total; k++) {
        char *msg = NULL;
        fsio_fail_at(k, err, sticky);
        int rc = sync_cli(e, &msg, "install", FIX "/v2.aula", NULL);
        fsio_fail_at(0, 0, false);
        int64_t v = kiosk_version(e->data);
        if (v != 1 && v != 2)
            fail_msg("failure at operation %ld: kiosk sees version %lld", k, (long long)v);
        if (rc != SYNCCMD_OK && v != 1 && v != 2)
            fail_msg("unreachable");
        if (rc == SYNCCMD_OK && v != 2)
            fail_msg("failure at operation %ld: reported success but current is %lld", k,
                     (long long)v);
        if (err == ENOSPC && rc != SYNCCMD_OK && !strstr(msg, "No space left on device"))
            fail_msg("failure at operation %ld: message does not say why: %s", k, msg);
        free(msg);
        if (count_temps(e->data) != 0)
            fail_msg("failure at operation %ld left a temporary file", k);
        v == 2 ? saw_new++ : saw_old++;
        /* The next run, not interrupted, must finish the install. */
        msg = NULL;
        rc = sync_cli(e, &msg, "install", FIX "/v2.aula", NULL);
        if (rc != SYNCCMD_OK || kiosk_version(e->data) != 2)
            fail_msg("failure at operation %ld: the next install did not finish it: %s", k,
                     msg ? msg : "");
        free(msg);
        if (count_temps(e->data) != 0)
            fail_msg("failure at operation %ld: the next install left a temporary file", k);
        /* Back to version 1 for the next round: a fresh data directory. */
        char cmd[512];
        snprintf(cmd, sizeof(cmd), "rm -rf %s/*", e->data);
        run(cmd);
        assert_int_equal(sync_cli(e, NULL, "install", FIX "/v1.aula", NULL), SYNCCMD_OK);
    }
    /* Failures before the swap keep the old content, after it the new. */
    assert_true(saw_old > 0);
    assert_true(saw_new > 0);
    /* And a run without failures still works. */
    assert_int_equal(sync_cli(e, NULL, "install", FIX "/v2.aula", NULL), SYNCCMD_OK);
    assert_int_equal(kiosk_version(e->data), 2);
    env_free(e);
}

static void test_crash_every_operation(void **state)
{
    (void)state;
    crash_loop(EIO, false);
}

static void test_power_cut_at_every_operation(void **state)
{
    (void)state;
    crash_loop(EIO, true);
}

static void test_disk_full_at_every_operation(void **state)
{
    (void)state;
    crash_loop(ENOSPC, false);
}

int main(void)
{
    if (!minisign_init())
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_install_replay_unchanged),
        cmocka_unit_test(test_rollback),
        cmocka_unit_test(test_keep_three_and_open_files),
        cmocka_unit_test(test_refused_content),
        cmocka_unit_test(test_usb_folder),
        cmocka_unit_test(test_cli_state_and_reports),
        cmocka_unit_test(test_config_errors),
        cmocka_unit_test(test_crash_every_operation),
        cmocka_unit_test(test_power_cut_at_every_operation),
        cmocka_unit_test(test_disk_full_at_every_operation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
