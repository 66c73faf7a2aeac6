/* install: the verify-and-install pipeline shared by USB installs, pulls
 * and rollback. The source is read exactly once: it is copied into a
 * temporary file in the data directory while being hashed, and everything
 * is checked on that copy, so a stick changed during the install cannot
 * slip unverified bytes in. */
#include "sync/install.h"

#include "base/xalloc.h"
#include "data/snapshot.h"
#include "sync/fsio.h"
#include "sync/minisign.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BANNER_UNTRUSTED "Not installed: signature not trusted"
#define BANNER_MISMATCH  "Not installed: signature does not match the file"
#define BANNER_DAMAGED   "Not installed: not aula content, or damaged"
#define BANNER_OLDER     "Not installed: older than the content already shown"
#define BANNER_EXPIRED   "Not installed: the content's dates have ended"
#define BANNER_EARLY     "Not installed: the content is not valid yet"
#define BANNER_SITE      "Not installed: the content is for another site"
#define BANNER_SIZE      "Not installed: the file is too large"
#define BANNER_NOTFOUND  "Not installed: no aula content found"
#define BANNER_DISK      "Not installed: could not save the content"

__attribute__((format(printf, 4, 5))) static enum install_result
set(struct install_outcome *out, enum install_result r, const char *banner, const char *fmt, ...)
{
    out->result = r;
    snprintf(out->banner, sizeof(out->banner), "%s", banner);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->message, sizeof(out->message), fmt, ap);
    va_end(ap);
    return r;
}

void install_today(int64_t t, char buf[11])
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* Replaces every occurrence of from in s (a message about the temporary
 * copy) by to (the name a person knows). */
static void replace_name(char *s, size_t cap, const char *from, const char *to)
{
    struct strbuf b;
    strbuf_init(&b);
    size_t fl = strlen(from);
    const char *p = s, *hit;
    while ((hit = strstr(p, from))) {
        strbuf_add(&b, p, (size_t)(hit - p));
        strbuf_puts(&b, to);
        p = hit + fl;
    }
    strbuf_puts(&b, p);
    snprintf(s, cap, "%s", b.s);
    strbuf_free(&b);
}

/* Opens path as a snapshot with every check and reads its summary. */
static enum install_result open_checked(const char *path, const char *shown,
                                        struct snapshot_info *info, struct install_outcome *out)
{
    struct db *db;
    char msg[768];
    if (snapshot_open(path, true, &db, msg, sizeof(msg)) != SNAPSHOT_OK) {
        replace_name(msg, sizeof(msg), path, shown);
        return set(out, INSTALL_REFUSED, BANNER_DAMAGED, "%s", msg);
    }
    bool ok = snapshot_read_info(db, info);
    db_close(db);
    if (!ok)
        return set(out, INSTALL_REFUSED, BANNER_DAMAGED, "%s: snapshot has no content version",
                   shown);
    return INSTALL_DONE;
}

static enum install_result check_dates(const struct install_request *rq,
                                       const struct snapshot_info *info, const char *shown,
                                       struct install_outcome *out)
{
    char today[11];
    install_today(rq->now, today);
    if (info->valid_until[0] && strcmp(today, info->valid_until) > 0)
        return set(out, INSTALL_REFUSED, BANNER_EXPIRED,
                   "%s: content version %" PRId64 " was valid until %s and today is %s; build "
                   "and publish a fresh snapshot",
                   shown, info->content_version, info->valid_until, today);
    if (info->valid_from[0] && strcmp(today, info->valid_from) < 0)
        return set(out, INSTALL_REFUSED, BANNER_EARLY,
                   "%s: content version %" PRId64 " is valid from %s and today is %s; check "
                   "the build's --from date or this screen's clock",
                   shown, info->content_version, info->valid_from, today);
    return INSTALL_DONE;
}

static bool verify_sig(const struct install_request *rq, const char *sig, size_t siglen,
                       const char *sig_name, const uint8_t hash[MINISIGN_HASH_BYTES],
                       const char *shown, struct install_outcome *out)
{
    struct minisign_sig *ms = xmalloc(sizeof(*ms));
    char msg[768];
    bool ok = false;
    if (!minisign_sig_parse(sig, siglen, sig_name, ms, msg, sizeof(msg)))
        set(out, INSTALL_REFUSED, BANNER_UNTRUSTED, "%s", msg);
    else if (!minisign_verify(ms, sig_name, rq->keys->keys, rq->keys->n, hash, shown, msg,
                              sizeof(msg)))
        set(out, INSTALL_REFUSED,
            strstr(msg, "not a trusted key") ? BANNER_UNTRUSTED : BANNER_MISMATCH, "%s", msg);
    else
        ok = true;
    free(ms);
    return ok;
}

/* The version new content must be newer than: the highest one made
 * current before (the state's high water) or kept in the data directory.
 * A kept copy of the version being installed, with the same bytes, does
 * not count: an install interrupted after the copy was kept but before
 * current was switched leaves one, and the next try must finish it. */
static int64_t floor_version(const struct install_request *rq, int64_t same)
{
    int64_t v[STORE_MAX_VERSIONS];
    size_t n = store_versions(rq->store, v, STORE_MAX_VERSIONS);
    int64_t f = rq->high_water;
    for (size_t i = 0; i < n; i++)
        if (v[i] != same && v[i] > f)
            f = v[i];
    return f;
}

static void hash_chunk(void *ctx, const void *p, size_t n)
{
    minisign_hash_update(ctx, p, n);
}

/* Checks the copy tmp (in the data directory) and makes it current. */
static enum install_result install_copy(const struct install_request *rq, int tmpfd,
                                        const char *tmp, const uint8_t hash[MINISIGN_HASH_BYTES],
                                        const char *shown, const char *sig, size_t siglen,
                                        struct install_outcome *out)
{
    struct store *s = rq->store;
    char tmppath[2048], name[64], signame[80];
    store_path(s, tmp, tmppath, sizeof(tmppath));
    struct snapshot_info info;
    enum install_result r = open_checked(tmppath, shown, &info, out);
    if (r != INSTALL_DONE)
        return r;
    int64_t v = info.content_version, cur = store_current(s);
    out->version = v;
    if (rq->cfg->site_id[0] && strcmp(rq->cfg->site_id, info.site_id) != 0)
        return set(out, INSTALL_REFUSED, BANNER_SITE,
                   "%s: content is for site \"%s\", and this screen is configured for site "
                   "\"%s\" (site_id in aula.conf)",
                   shown, info.site_id, rq->cfg->site_id);
    if ((r = check_dates(rq, &info, shown, out)) != INSTALL_DONE)
        return r;
    store_name(v, name, sizeof(name));
    snprintf(signame, sizeof(signame), "%s" MINISIGN_SIG_SUFFIX, name);
    bool existing = store_has(s, v);
    if (existing) {
        char path[2048], msg[512];
        uint8_t old[MINISIGN_HASH_BYTES];
        store_path(s, name, path, sizeof(path));
        if (!minisign_hash_file(path, old, msg, sizeof(msg)))
            return set(out, INSTALL_FAILED, BANNER_DISK, "%s", msg);
        if (memcmp(old, hash, sizeof(old)) != 0)
            return set(out, INSTALL_REFUSED, BANNER_OLDER,
                       "%s: content version %" PRId64 " is already installed with different "
                       "content; publish the change with a new content version",
                       shown, v);
        if (v == cur)
            return set(out, INSTALL_UNCHANGED, "Content is already up to date",
                       "%s: content version %" PRId64 " is already installed and current", shown,
                       v);
    }
    int64_t fl = floor_version(rq, existing ? v : 0);
    if (v <= fl && !rq->allow_older)
        return set(out, INSTALL_REFUSED, BANNER_OLDER,
                   "%s: content version %" PRId64 " is not newer than version %" PRId64
                   " installed before (an old snapshot replayed?); to go back on purpose use "
                   "aula-sync rollback",
                   shown, v, fl);
    if (!existing) {
        /* The signature first, so that every installed version has one. */
        if (!fsio_fsync(tmpfd) || !fsio_write_atomic(s->dirfd, signame, sig, siglen, 0644) ||
            !fsio_link(s->dirfd, tmp, name))
            return set(out, INSTALL_FAILED, BANNER_DISK,
                       "%s: cannot save content version %" PRId64 ": %s%s", s->dir, v,
                       strerror(errno),
                       errno == ENOSPC ? "; free some space (old content is still shown)" : "");
    }
    if (!store_switch(s, v))
        return set(out, INSTALL_FAILED, BANNER_DISK,
                   "%s: cannot switch to content version %" PRId64 ": %s", s->dir, v,
                   strerror(errno));
    store_prune(s, rq->cfg->keep);
    snprintf(out->banner, sizeof(out->banner), "Content updated to version %" PRId64, v);
    snprintf(out->message, sizeof(out->message),
             "installed content version %" PRId64 " from %s (site %s, built %s, valid %s to %s)", v,
             shown, info.site_id, info.built_at, info.valid_from, info.valid_until);
    out->result = INSTALL_DONE;
    return INSTALL_DONE;
}

enum install_result install_fd(const struct install_request *rq, int fd, const char *src_name,
                               const char *sig, size_t siglen, const char *sig_name,
                               struct install_outcome *out)
{
    struct store *s = rq->store;
    memset(out, 0, sizeof(*out));
    /* A signature that cannot even be parsed needs no copy. */
    struct minisign_sig *ms = xmalloc(sizeof(*ms));
    char msg[768];
    bool parsed = minisign_sig_parse(sig, siglen, sig_name, ms, msg, sizeof(msg));
    free(ms);
    if (!parsed)
        return set(out, INSTALL_REFUSED, BANNER_UNTRUSTED, "%s", msg);
    char tmp[64];
    fsio_temp_name(".incoming-", tmp, sizeof(tmp));
    int tfd = fsio_create(s->dirfd, tmp, 0644);
    if (tfd < 0)
        return set(out, INSTALL_FAILED, BANNER_DISK, "%s: cannot write: %s", s->dir,
                   strerror(errno));
    struct minisign_hash h;
    minisign_hash_init(&h);
    unsigned long long size;
    enum install_result r;
    enum fsio_copy_result cr =
        fsio_copy(fd, tfd, (unsigned long long)rq->cfg->max_size, hash_chunk, &h, &size);
    if (cr == FSIO_COPY_TOO_LARGE) {
        r = set(out, INSTALL_REFUSED, BANNER_SIZE,
                "%s: larger than max_size (%lld bytes); raise max_size in aula.conf if this is "
                "expected",
                src_name, rq->cfg->max_size);
    } else if (cr == FSIO_COPY_READ_ERROR) {
        r = set(out, INSTALL_FAILED, BANNER_DISK, "%s: cannot read: %s", src_name, strerror(errno));
    } else if (cr == FSIO_COPY_WRITE_ERROR) {
        r = set(out, INSTALL_FAILED, BANNER_DISK, "%s: cannot copy %s: %s%s", s->dir, src_name,
                strerror(errno),
                errno == ENOSPC ? "; free some space (old content is still shown)" : "");
    } else {
        uint8_t hash[MINISIGN_HASH_BYTES];
        minisign_hash_final(&h, hash);
        r = verify_sig(rq, sig, siglen, sig_name, hash, src_name, out)
                ? install_copy(rq, tfd, tmp, hash, src_name, sig, siglen, out)
                : out->result;
    }
    close(tfd);
    unlinkat(s->dirfd, tmp, 0);
    return r;
}

/* Reads name.minisig next to a snapshot (in dirfd; nofollow is
 * O_NOFOLLOW or 0). */
static char *read_sig_at(int dirfd, const char *name, const char *shown, int nofollow, size_t *len,
                         char *err, size_t errcap)
{
    char signame[1024];
    snprintf(signame, sizeof(signame), "%s" MINISIGN_SIG_SUFFIX, name);
    int fd = openat(dirfd, signame, O_RDONLY | O_CLOEXEC | nofollow);
    if (fd < 0) {
        snprintf(err, errcap,
                 "%s" MINISIGN_SIG_SUFFIX ": cannot read the signature: %s; content must be "
                 "signed (aula-pack sign or publish)",
                 shown, strerror(errno));
        return NULL;
    }
    char *buf = xmalloc(MINISIGN_SIGFILE_MAX + 2);
    size_t got = 0;
    ssize_t n;
    while ((n = read(fd, buf + got, MINISIGN_SIGFILE_MAX + 1 - got)) > 0)
        got += (size_t)n;
    close(fd);
    if (n < 0 || got > MINISIGN_SIGFILE_MAX) {
        snprintf(err, errcap, "%s" MINISIGN_SIG_SUFFIX ": %s", shown,
                 n < 0 ? strerror(errno) : "too large to be a signature");
        free(buf);
        return NULL;
    }
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* nofollow is O_NOFOLLOW for folders (a stick), 0 for a file named by
 * the person running aula-sync. */
static enum install_result install_at(const struct install_request *rq, int dirfd, const char *name,
                                      const char *shown, int nofollow, struct install_outcome *out)
{
    char err[1024], signame[1100];
    size_t siglen;
    memset(out, 0, sizeof(*out));
    char *sig = read_sig_at(dirfd, name, shown, nofollow, &siglen, err, sizeof(err));
    if (!sig)
        return set(out, INSTALL_REFUSED, BANNER_UNTRUSTED, "%s", err);
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | nofollow);
    struct stat st;
    enum install_result r;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r = set(out, INSTALL_REFUSED, BANNER_NOTFOUND, "%s: %s", shown,
                fd < 0 ? strerror(errno) : "not a regular file");
    } else {
        snprintf(signame, sizeof(signame), "%s" MINISIGN_SIG_SUFFIX, shown);
        r = install_fd(rq, fd, shown, sig, siglen, signame, out);
    }
    if (fd >= 0)
        close(fd);
    free(sig);
    return r;
}

struct candidate {
    char *name;
    int64_t version;
    char site[64];
};

static int by_version(const void *a, const void *b)
{
    const struct candidate *x = a, *y = b;
    return x->version < y->version ? 1 : x->version > y->version ? -1 : strcmp(x->name, y->name);
}

static bool current_site(const struct store *s, char *site, size_t cap)
{
    char path[2048], msg[512];
    struct db *db;
    struct snapshot_info info;
    site[0] = '\0';
    store_path(s, STORE_CURRENT, path, sizeof(path));
    if (store_current(s) == 0 || snapshot_open(path, false, &db, msg, sizeof(msg)) != SNAPSHOT_OK)
        return false;
    bool ok = snapshot_read_info(db, &info);
    db_close(db);
    if (ok)
        snprintf(site, cap, "%s", info.site_id);
    return ok;
}

/* A folder (USB stick): the newest snapshot in aula/ for this site. */
static enum install_result install_folder(const struct install_request *rq, const char *path,
                                          struct install_outcome *out)
{
    char shown[2048];
    snprintf(shown, sizeof(shown), "%s/aula", path);
    int top = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int dirfd =
        top >= 0 ? openat(top, "aula", O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) : -1;
    if (top >= 0)
        close(top);
    if (dirfd < 0)
        return set(out, INSTALL_REFUSED, BANNER_NOTFOUND,
                   "%s: %s; put the snapshot and its .minisig in a folder named aula", shown,
                   errno == ELOOP || errno == ENOTDIR ? "not a folder (symlinks are not followed)"
                                                      : strerror(errno));
    int dfd = dup(dirfd);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    struct candidate *c = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        struct stat st;
        if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".aula") != 0 ||
            fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        XGROW(c, cap, n + 1);
        c[n].name = xstrdup(e->d_name);
        c[n].version = 0;
        c[n].site[0] = '\0';
        n++;
    }
    if (d)
        closedir(d);
    else if (dfd >= 0)
        close(dfd);
    enum install_result r;
    if (n == 0) {
        r = set(out, INSTALL_REFUSED, BANNER_NOTFOUND,
                "%s: no .aula snapshot found; copy FILE.aula and FILE.aula.minisig there", shown);
    } else if (n == 1) {
        char one[4096];
        snprintf(one, sizeof(one), "%s/%s", shown, c[0].name);
        r = install_at(rq, dirfd, c[0].name, one, O_NOFOLLOW, out);
    } else {
        /* Several: read each one's version and site, then install the
         * newest for this screen's site (which is checked again, fully). */
        char want[64];
        if (rq->cfg->site_id[0])
            snprintf(want, sizeof(want), "%s", rq->cfg->site_id);
        else
            current_site(rq->store, want, sizeof(want));
        for (size_t i = 0; i < n; i++) {
            char p[4096], msg[512];
            struct db *db;
            struct snapshot_info info;
            snprintf(p, sizeof(p), "%s/%s", shown, c[i].name);
            if (snapshot_open(p, false, &db, msg, sizeof(msg)) == SNAPSHOT_OK) {
                if (snapshot_read_info(db, &info)) {
                    c[i].version = info.content_version;
                    snprintf(c[i].site, sizeof(c[i].site), "%s", info.site_id);
                }
                db_close(db);
            }
        }
        qsort(c, n, sizeof(c[0]), by_version);
        size_t pick = n;
        for (size_t i = 0; i < n && pick == n; i++)
            if (c[i].version > 0 && (!want[0] || strcmp(want, c[i].site) == 0))
                pick = i;
        if (pick == n && want[0]) {
            r = set(out, INSTALL_REFUSED, BANNER_SITE, "%s: %zu snapshots, none for site \"%s\"",
                    shown, n, want);
        } else {
            if (pick == n)
                pick = 0;
            char one[4096];
            snprintf(one, sizeof(one), "%s/%s", shown, c[pick].name);
            r = install_at(rq, dirfd, c[pick].name, one, O_NOFOLLOW, out);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(c[i].name);
    free(c);
    close(dirfd);
    return r;
}

enum install_result install_path(const struct install_request *rq, const char *path,
                                 struct install_outcome *out)
{
    memset(out, 0, sizeof(*out));
    struct stat st;
    if (stat(path, &st) != 0)
        return set(out, INSTALL_FAILED, BANNER_NOTFOUND, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return install_folder(rq, path, out);
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    const char *name = path;
    if (slash) {
        name = path + (slash - dir) + 1;
        *(slash == dir ? slash + 1 : slash) = '\0';
    } else {
        snprintf(dir, strlen(path) + 1, ".");
    }
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (dirfd < 0)
        return set(out, INSTALL_FAILED, BANNER_NOTFOUND, "%s: %s", path, strerror(errno));
    enum install_result r = install_at(rq, dirfd, name, path, 0, out);
    close(dirfd);
    return r;
}

enum install_result install_rollback(const struct install_request *rq, int64_t to, bool force,
                                     struct install_outcome *out)
{
    memset(out, 0, sizeof(*out));
    struct store *s = rq->store;
    int64_t v[STORE_MAX_VERSIONS], cur = store_current(s);
    size_t n = store_versions(s, v, STORE_MAX_VERSIONS);
    int64_t target = 0;
    for (size_t i = 0; i < n && !target; i++)
        if (to ? v[i] == to : (cur == 0 || v[i] < cur))
            target = v[i];
    if (!target) {
        struct strbuf kept;
        strbuf_init(&kept);
        for (size_t i = 0; i < n; i++)
            strbuf_printf(&kept, "%s%" PRId64, i ? ", " : "", v[i]);
        if (to)
            set(out, INSTALL_REFUSED, "Not rolled back: no older content kept",
                "%s: content version %" PRId64 " is not kept (kept: %s)", s->dir, to,
                n ? kept.s : "none");
        else
            set(out, INSTALL_REFUSED, "Not rolled back: no older content kept",
                "%s: no version older than the current one is kept (kept: %s)", s->dir,
                n ? kept.s : "none");
        strbuf_free(&kept);
        return out->result;
    }
    out->version = target;
    if (target == cur)
        return set(out, INSTALL_UNCHANGED, "Content is already up to date",
                   "content version %" PRId64 " is already current", target);
    char name[64], path[2048], msg[768];
    store_name(target, name, sizeof(name));
    store_path(s, name, path, sizeof(path));
    size_t siglen;
    char *sig = read_sig_at(s->dirfd, name, path, O_NOFOLLOW, &siglen, msg, sizeof(msg));
    if (!sig)
        return set(out, INSTALL_REFUSED, BANNER_UNTRUSTED, "%s", msg);
    uint8_t hash[MINISIGN_HASH_BYTES];
    char signame[2100];
    snprintf(signame, sizeof(signame), "%s" MINISIGN_SIG_SUFFIX, path);
    enum install_result r = INSTALL_DONE;
    struct snapshot_info info;
    if (!minisign_hash_file(path, hash, msg, sizeof(msg)))
        r = set(out, INSTALL_FAILED, BANNER_DISK, "%s", msg);
    else if (!verify_sig(rq, sig, siglen, signame, hash, path, out))
        r = out->result;
    else if ((r = open_checked(path, path, &info, out)) != INSTALL_DONE)
        ;
    else if (!force && (r = check_dates(rq, &info, path, out)) != INSTALL_DONE)
        snprintf(out->message + strlen(out->message), sizeof(out->message) - strlen(out->message),
                 " (aula-sync rollback --force accepts it anyway)");
    else if (!store_switch(s, target))
        r = set(out, INSTALL_FAILED, BANNER_DISK,
                "%s: cannot switch to content version %" PRId64 ": %s", s->dir, target,
                strerror(errno));
    else
        r = set(out, INSTALL_DONE, "", "rolled back from content version %" PRId64 " to %" PRId64,
                cur, target);
    if (r == INSTALL_DONE)
        snprintf(out->banner, sizeof(out->banner), "Content rolled back to version %" PRId64,
                 target);
    free(sig);
    return r;
}
