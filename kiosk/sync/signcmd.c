/* signcmd: aula-pack keygen, sign, verify and publish. Keys and signatures
 * are minisign's formats (minisign.h), so that minisign can check what
 * aula-pack signs and the other way round. Only complete aula snapshots
 * are signed or published; every file is written under a temporary name
 * and renamed into place. */
#include "sync/signcmd.h"

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "data/snapshot.h"
#include "sync/fsio.h"
#include "sync/jsonw.h"
#include "sync/minisign.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PASSWORD_ENV "AULA_KEY_PASSWORD"

const char signcmd_usage[] = "  aula-pack keygen [-s SECKEY] [-p PUBKEY] [-f]\n"
                             "  aula-pack sign FILE.aula -k SECKEY [-t TRUSTED_COMMENT]\n"
                             "  aula-pack verify FILE.aula -p PUBKEY [-x SIGFILE]\n"
                             "  aula-pack publish FILE.aula -k SECKEY DIR [--force]\n";

struct args {
    const char *pos[2];
    int npos;
    const char *k, *p, *s, *x, *t;
    bool force;
};

static bool parse_args(int argc, char **argv, const char *valued, int maxpos, struct args *a,
                       FILE *err)
{
    memset(a, 0, sizeof(*a));
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] == '-' && arg[1] && !arg[2] && strchr(valued, arg[1])) {
            if (i + 1 >= argc) {
                fprintf(err, "aula-pack %s: %s needs a value\n", argv[0], arg);
                return false;
            }
            const char **slot = arg[1] == 'k'   ? &a->k
                                : arg[1] == 'p' ? &a->p
                                : arg[1] == 's' ? &a->s
                                : arg[1] == 'x' ? &a->x
                                                : &a->t;
            *slot = argv[++i];
        } else if (strcmp(arg, "-f") == 0 || strcmp(arg, "--force") == 0) {
            a->force = true;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(err, "aula-pack %s: unknown option \"%s\"\n", argv[0], arg);
            return false;
        } else if (a->npos < maxpos) {
            a->pos[a->npos++] = arg;
        } else {
            fprintf(err, "aula-pack %s: unexpected argument \"%s\"\n", argv[0], arg);
            return false;
        }
    }
    return true;
}

static int64_t now_utc(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        return strtoll(sde, NULL, 10);
    return (int64_t)time(NULL);
}

static void format_utc(int64_t t, char *buf, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Opens path as a snapshot with every check aula-sync makes. */
static bool check_snapshot(const char *path, struct snapshot_info *info, FILE *err)
{
    struct db *db;
    char msg[512];
    if (snapshot_open(path, true, &db, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(err, "aula-pack: %s; only complete aula snapshots are signed\n", msg);
        return false;
    }
    bool ok = snapshot_read_info(db, info);
    db_close(db);
    if (!ok)
        fprintf(err, "aula-pack: %s: snapshot has no content version\n", path);
    return ok;
}

static bool load_seckey(const char *path, struct minisign_seckey *sec, FILE *err)
{
    char msg[512];
    if (!minisign_seckey_load(path, getenv(PASSWORD_ENV), sec, msg, sizeof(msg))) {
        fprintf(err, "aula-pack: %s\n", msg);
        return false;
    }
    return true;
}

static void default_comment(const char *file, int64_t t, char *buf, size_t cap)
{
    snprintf(buf, cap, "timestamp:%" PRId64 "\tfile:%s\thashed", t, base_name(file));
}

static bool file_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

int signcmd_keygen(int argc, char **argv, FILE *out, FILE *err)
{
    struct args a;
    if (!parse_args(argc, argv, "sp", 0, &a, err))
        return SIGNCMD_USAGE;
    const char *skpath = a.s ? a.s : "aula.key", *pkpath = a.p ? a.p : "aula.pub";
    if (!a.force) {
        for (int i = 0; i < 2; i++) {
            const char *p = i ? pkpath : skpath;
            if (file_exists(p)) {
                fprintf(err,
                        "aula-pack keygen: %s already exists; remove it or add -f to "
                        "replace the key pair\n",
                        p);
                return SIGNCMD_REFUSED;
            }
        }
    }
    struct minisign_pubkey pub;
    struct minisign_seckey sec;
    minisign_keygen(&pub, &sec);
    struct strbuf sk, pk;
    strbuf_init(&sk);
    strbuf_init(&pk);
    const char *pw = getenv(PASSWORD_ENV);
    int rc = SIGNCMD_OK;
    if (!minisign_seckey_format(&sec, pw, MINISIGN_KDF_OPSLIMIT, MINISIGN_KDF_MEMLIMIT, &sk)) {
        fprintf(err, "aula-pack keygen: cannot encrypt the secret key (out of memory?)\n");
        rc = SIGNCMD_IO;
        goto done;
    }
    minisign_pubkey_format(&pub, &pk);
    if (!fsio_write_atomic_path(skpath, sk.s, sk.len, 0600)) {
        fprintf(err, "aula-pack keygen: %s: cannot write: %s\n", skpath, strerror(errno));
        rc = SIGNCMD_IO;
        goto done;
    }
    if (!fsio_write_atomic_path(pkpath, pk.s, pk.len, 0644)) {
        fprintf(err, "aula-pack keygen: %s: cannot write: %s\n", pkpath, strerror(errno));
        rc = SIGNCMD_IO;
        goto done;
    }
    char hex[17];
    minisign_keyid_hex(pub.keyid, hex);
    fprintf(out,
            "key ID %s\n"
            "secret key: %s (%s; keep it secret, it can publish content)\n"
            "public key: %s (copy it to /etc/aula/keys/ on every screen that should trust it)\n",
            hex, skpath, pw && *pw ? "encrypted with " PASSWORD_ENV : "not encrypted", pkpath);
done:
    sodium_memzero(&sec, sizeof(sec));
    sodium_memzero(sk.s, sk.len);
    strbuf_free(&sk);
    strbuf_free(&pk);
    return rc;
}

int signcmd_sign(int argc, char **argv, FILE *out, FILE *err)
{
    struct args a;
    if (!parse_args(argc, argv, "kxt", 1, &a, err))
        return SIGNCMD_USAGE;
    if (a.npos != 1 || !a.k) {
        fprintf(err, "usage: aula-pack sign FILE.aula -k SECKEY [-t TRUSTED_COMMENT]\n");
        return SIGNCMD_USAGE;
    }
    const char *file = a.pos[0];
    struct snapshot_info info;
    struct minisign_seckey sec;
    if (!check_snapshot(file, &info, err) || !load_seckey(a.k, &sec, err))
        return SIGNCMD_REFUSED;
    uint8_t hash[MINISIGN_HASH_BYTES];
    char msg[512], comment[MINISIGN_TRUSTED_MAX];
    int rc = SIGNCMD_OK;
    struct strbuf sig;
    strbuf_init(&sig);
    if (!minisign_hash_file(file, hash, msg, sizeof(msg))) {
        fprintf(err, "aula-pack: %s\n", msg);
        rc = SIGNCMD_IO;
        goto done;
    }
    if (a.t)
        snprintf(comment, sizeof(comment), "%s", a.t);
    else
        default_comment(file, now_utc(), comment, sizeof(comment));
    if (!minisign_sign(&sec, hash, "signature from aula-pack secret key", comment, &sig)) {
        fprintf(err, "aula-pack sign: the trusted comment must be one line of printable text\n");
        rc = SIGNCMD_USAGE;
        goto done;
    }
    char *sigpath = xmalloc(strlen(file) + sizeof(MINISIGN_SIG_SUFFIX));
    sprintf(sigpath, "%s" MINISIGN_SIG_SUFFIX, file);
    const char *dest = a.x ? a.x : sigpath;
    if (!fsio_write_atomic_path(dest, sig.s, sig.len, 0644)) {
        fprintf(err, "aula-pack sign: %s: cannot write: %s\n", dest, strerror(errno));
        rc = SIGNCMD_IO;
    } else {
        char hex[17];
        minisign_keyid_hex(sec.keyid, hex);
        fprintf(out, "%s: signed content version %" PRId64 " with key ID %s\n", dest,
                info.content_version, hex);
    }
    free(sigpath);
done:
    sodium_memzero(&sec, sizeof(sec));
    strbuf_free(&sig);
    return rc;
}

int signcmd_verify(int argc, char **argv, FILE *out, FILE *err)
{
    struct args a;
    if (!parse_args(argc, argv, "px", 1, &a, err))
        return SIGNCMD_USAGE;
    if (a.npos != 1 || !a.p) {
        fprintf(err, "usage: aula-pack verify FILE.aula -p PUBKEY [-x SIGFILE]\n");
        return SIGNCMD_USAGE;
    }
    const char *file = a.pos[0];
    char *sigpath = xmalloc(strlen(file) + sizeof(MINISIGN_SIG_SUFFIX));
    sprintf(sigpath, "%s" MINISIGN_SIG_SUFFIX, file);
    const char *sigfile = a.x ? a.x : sigpath;
    struct minisign_pubkey pub;
    struct minisign_sig *sig = xmalloc(sizeof(*sig));
    uint8_t hash[MINISIGN_HASH_BYTES];
    char msg[1024];
    int rc = SIGNCMD_REFUSED;
    if (!minisign_pubkey_load(a.p, &pub, msg, sizeof(msg)) ||
        !minisign_sig_load(sigfile, sig, msg, sizeof(msg))) {
        fprintf(err, "aula-pack verify: %s\n", msg);
        goto done;
    }
    if (!minisign_hash_file(file, hash, msg, sizeof(msg))) {
        fprintf(err, "aula-pack verify: %s\n", msg);
        rc = SIGNCMD_IO;
        goto done;
    }
    if (!minisign_verify(sig, sigfile, &pub, 1, hash, file, msg, sizeof(msg))) {
        fprintf(err, "aula-pack verify: %s\n", msg);
        goto done;
    }
    char hex[17];
    minisign_keyid_hex(pub.keyid, hex);
    fprintf(out, "%s: signature verified (key ID %s)\ntrusted comment: %s\n", file, hex,
            sig->trusted_comment);
    rc = SIGNCMD_OK;
done:
    free(sig);
    free(sigpath);
    return rc;
}

/* The content_version of an existing manifest.json in dirfd, or 0. */
static int64_t published_version(int dirfd)
{
    int fd = openat(dirfd, "manifest.json", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    const char *p = strstr(buf, "\"content_version\":");
    return p ? strtoll(p + strlen("\"content_version\":"), NULL, 10) : 0;
}

struct hashes {
    struct minisign_hash b2;
    crypto_hash_sha256_state sha;
};

static void hash_chunk(void *ctx, const void *p, size_t n)
{
    struct hashes *h = ctx;
    minisign_hash_update(&h->b2, p, n);
    crypto_hash_sha256_update(&h->sha, p, n);
}

static void manifest_json(struct strbuf *m, const char *name, const struct snapshot_info *info,
                          const uint8_t sha[32], unsigned long long size, const char *keyid,
                          int64_t t)
{
    char hex[65], when[32];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", sha[i]);
    format_utc(t, when, sizeof(when));
    int n = 0;
    strbuf_puts(m, "{\n");
    jsonw_field_str(m, "file", name, &n);
    char *signame = xmalloc(strlen(name) + sizeof(MINISIGN_SIG_SUFFIX));
    sprintf(signame, "%s" MINISIGN_SIG_SUFFIX, name);
    jsonw_field_str(m, "signature", signame, &n);
    free(signame);
    jsonw_field_int(m, "content_version", (long long)info->content_version, &n);
    jsonw_field_str(m, "sha256", hex, &n);
    jsonw_field_int(m, "size", (long long)size, &n);
    jsonw_field_str(m, "valid_from", info->valid_from, &n);
    jsonw_field_str(m, "valid_until", info->valid_until, &n);
    jsonw_field_str(m, "built_at", info->built_at, &n);
    jsonw_field_str(m, "site_id", info->site_id, &n);
    jsonw_field_str(m, "region_id", info->region_id, &n);
    jsonw_field_str(m, "key_id", keyid, &n);
    jsonw_field_str(m, "published_at", when, &n);
    strbuf_puts(m, "\n}\n");
}

int signcmd_publish(int argc, char **argv, FILE *out, FILE *err)
{
    struct args a;
    if (!parse_args(argc, argv, "kt", 2, &a, err))
        return SIGNCMD_USAGE;
    if (a.npos != 2 || !a.k) {
        fprintf(err, "usage: aula-pack publish FILE.aula -k SECKEY DIR [--force]\n");
        return SIGNCMD_USAGE;
    }
    const char *file = a.pos[0], *dir = a.pos[1], *name = base_name(file);
    struct snapshot_info info;
    struct minisign_seckey sec;
    if (!check_snapshot(file, &info, err) || !load_seckey(a.k, &sec, err))
        return SIGNCMD_REFUSED;
    int rc = SIGNCMD_IO, dirfd = -1, src = -1, dst = -1;
    char tmp[64] = "";
    struct strbuf sig, man;
    strbuf_init(&sig);
    strbuf_init(&man);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(err, "aula-pack publish: %s: cannot create folder: %s\n", dir, strerror(errno));
        goto done;
    }
    dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        fprintf(err, "aula-pack publish: %s: cannot open folder: %s\n", dir, strerror(errno));
        goto done;
    }
    int64_t old = published_version(dirfd);
    if (old >= info.content_version && !a.force) {
        fprintf(err,
                "aula-pack publish: %s/manifest.json already publishes content version %" PRId64
                ", and %s has %" PRId64 "; screens would refuse it as a replay. Build with a "
                "larger --content-version (or add --force)\n",
                dir, old, file, info.content_version);
        rc = SIGNCMD_REFUSED;
        goto done;
    }
    src = open(file, O_RDONLY | O_CLOEXEC);
    if (src < 0) {
        fprintf(err, "aula-pack publish: %s: cannot read: %s\n", file, strerror(errno));
        goto done;
    }
    fsio_temp_name(".publish-", tmp, sizeof(tmp));
    dst = fsio_create(dirfd, tmp, 0644);
    if (dst < 0) {
        fprintf(err, "aula-pack publish: %s: cannot write: %s\n", dir, strerror(errno));
        tmp[0] = '\0';
        goto done;
    }
    struct hashes h;
    minisign_hash_init(&h.b2);
    crypto_hash_sha256_init(&h.sha);
    unsigned long long size;
    enum fsio_copy_result cr = fsio_copy(src, dst, ~0ull, hash_chunk, &h, &size);
    if (cr != FSIO_COPY_OK || !fsio_fsync(dst)) {
        fprintf(err, "aula-pack publish: %s: %s: %s\n", cr == FSIO_COPY_READ_ERROR ? file : dir,
                cr == FSIO_COPY_READ_ERROR ? "cannot read" : "cannot write", strerror(errno));
        goto done;
    }
    /* Web servers derive ETags from mtime and size (nginx: in whole
     * seconds), and snapshots often have the same size: a new file must
     * never get the old one's mtime, or screens would be told 304. */
    struct stat old_st, new_st;
    if (fstatat(dirfd, name, &old_st, 0) == 0 && fstat(dst, &new_st) == 0 &&
        new_st.st_mtim.tv_sec <= old_st.st_mtim.tv_sec) {
        struct timespec times[2] = {{0, UTIME_OMIT}, {old_st.st_mtim.tv_sec + 1, 0}};
        futimens(dst, times);
    }
    uint8_t b2[MINISIGN_HASH_BYTES], sha[32];
    minisign_hash_final(&h.b2, b2);
    crypto_hash_sha256_final(&h.sha, sha);
    int64_t t = now_utc();
    char comment[MINISIGN_TRUSTED_MAX], hex[17];
    if (a.t)
        snprintf(comment, sizeof(comment), "%s", a.t);
    else
        default_comment(file, t, comment, sizeof(comment));
    if (!minisign_sign(&sec, b2, "signature from aula-pack secret key", comment, &sig)) {
        fprintf(err, "aula-pack publish: the trusted comment must be one line of printable "
                     "text\n");
        rc = SIGNCMD_USAGE;
        goto done;
    }
    minisign_keyid_hex(sec.keyid, hex);
    manifest_json(&man, name, &info, sha, size, hex, t);
    char *signame = xmalloc(strlen(name) + sizeof(MINISIGN_SIG_SUFFIX));
    sprintf(signame, "%s" MINISIGN_SIG_SUFFIX, name);
    /* The snapshot first, then its signature right after, the manifest last. */
    bool ok = fsio_rename(dirfd, tmp, name) &&
              fsio_write_atomic(dirfd, signame, sig.s, sig.len, 0644) &&
              fsio_write_atomic(dirfd, "manifest.json", man.s, man.len, 0644);
    free(signame);
    if (!ok) {
        fprintf(err, "aula-pack publish: %s: cannot write: %s\n", dir, strerror(errno));
        goto done;
    }
    tmp[0] = '\0';
    fprintf(out, "%s/%s: published content version %" PRId64 " (%llu bytes, key ID %s)\n", dir,
            name, info.content_version, size, hex);
    rc = SIGNCMD_OK;
done:
    if (dst >= 0)
        close(dst);
    if (src >= 0)
        close(src);
    if (tmp[0])
        unlinkat(dirfd, tmp, 0);
    if (dirfd >= 0)
        close(dirfd);
    sodium_memzero(&sec, sizeof(sec));
    strbuf_free(&sig);
    strbuf_free(&man);
    return rc;
}

bool signcmd_handles(const char *cmd)
{
    return strcmp(cmd, "keygen") == 0 || strcmp(cmd, "sign") == 0 || strcmp(cmd, "verify") == 0 ||
           strcmp(cmd, "publish") == 0;
}

int signcmd_main(int argc, char **argv, FILE *out, FILE *err)
{
    if (!minisign_init()) {
        fprintf(err, "aula-pack: cannot initialise libsodium\n");
        return SIGNCMD_IO;
    }
    if (strcmp(argv[0], "keygen") == 0)
        return signcmd_keygen(argc, argv, out, err);
    if (strcmp(argv[0], "sign") == 0)
        return signcmd_sign(argc, argv, out, err);
    if (strcmp(argv[0], "verify") == 0)
        return signcmd_verify(argc, argv, out, err);
    if (strcmp(argv[0], "publish") == 0)
        return signcmd_publish(argc, argv, out, err);
    fprintf(err, "aula-pack: unknown command \"%s\"\n", argv[0]);
    return SIGNCMD_USAGE;
}
