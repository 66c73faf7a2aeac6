/* store: the versioned files and the current link in the data directory.
 * All changes go through fsio so that tests can interrupt any of them. */
#include "sync/store.h"

#include "base/xalloc.h"
#include "sync/fsio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LOCK_WAIT_SECONDS 120

bool store_open(struct store *s, const char *dir, bool create, bool lock, char *err, size_t errcap)
{
    memset(s, 0, sizeof(*s));
    s->dirfd = s->lockfd = -1;
    if (create && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errcap, "%s: cannot create the data directory: %s", dir, strerror(errno));
        return false;
    }
    s->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (s->dirfd < 0) {
        snprintf(err, errcap, "%s: cannot open the data directory: %s", dir, strerror(errno));
        return false;
    }
    s->dir = xstrdup(dir);
    if (!lock)
        return true;
    s->lockfd = openat(s->dirfd, ".lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (s->lockfd < 0) {
        snprintf(err, errcap, "%s/.lock: cannot open: %s", dir, strerror(errno));
        store_close(s);
        return false;
    }
    for (int i = 0; flock(s->lockfd, LOCK_EX | LOCK_NB) != 0; i++) {
        if (errno != EWOULDBLOCK || i >= LOCK_WAIT_SECONDS * 10) {
            snprintf(err, errcap,
                     "%s/.lock: another aula-sync is still running; try again when it ends", dir);
            store_close(s);
            return false;
        }
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return true;
}

void store_close(struct store *s)
{
    if (s->lockfd >= 0)
        close(s->lockfd);
    if (s->dirfd >= 0)
        close(s->dirfd);
    free(s->dir);
    memset(s, 0, sizeof(*s));
    s->dirfd = s->lockfd = -1;
}

void store_name(int64_t version, char *buf, size_t cap)
{
    snprintf(buf, cap, "snapshot-%" PRId64 ".aula", version);
}

void store_path(const struct store *s, const char *name, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s", s->dir, name);
}

bool store_has(const struct store *s, int64_t version)
{
    char name[64];
    struct stat st;
    store_name(version, name, sizeof(name));
    return fstatat(s->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

/* Parses "snapshot-<N>.aula" exactly; 0 if name is anything else. */
static int64_t parse_name(const char *name)
{
    if (strncmp(name, "snapshot-", 9) != 0)
        return 0;
    char *end;
    long long v = strtoll(name + 9, &end, 10);
    if (end == name + 9 || v <= 0 || strcmp(end, ".aula") != 0)
        return 0;
    char check[64];
    store_name(v, check, sizeof(check));
    return strcmp(check, name) == 0 ? v : 0;
}

static int cmp_desc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The data directory, listed from its start (NULL if it cannot be). */
static DIR *list_dir(const struct store *s)
{
    int fd = dup(s->dirfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    rewinddir(d); /* the duplicate shares its position with dirfd */
    return d;
}

size_t store_versions(const struct store *s, int64_t *out, size_t cap)
{
    DIR *d = list_dir(s);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < cap) {
        int64_t v = parse_name(e->d_name);
        if (v > 0 && store_has(s, v))
            out[n++] = v;
    }
    closedir(d);
    qsort(out, n, sizeof(out[0]), cmp_desc);
    return n;
}

int64_t store_current(const struct store *s)
{
    char target[256];
    ssize_t n = readlinkat(s->dirfd, STORE_CURRENT, target, sizeof(target) - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    int64_t v = parse_name(target);
    return v > 0 && store_has(s, v) ? v : 0;
}

bool store_switch(struct store *s, int64_t version)
{
    char name[64], tmp[64];
    store_name(version, name, sizeof(name));
    fsio_temp_name(".current-", tmp, sizeof(tmp));
    if (!fsio_symlink(name, s->dirfd, tmp))
        return false;
    if (!fsio_rename(s->dirfd, tmp, STORE_CURRENT)) {
        int e = errno;
        unlinkat(s->dirfd, tmp, 0);
        errno = e;
        return false;
    }
    return fsio_fsync(s->dirfd);
}

bool store_in_use(const struct store *s, const char *name)
{
    char want[2048], real[2048];
    store_path(s, name, want, sizeof(want));
    if (!realpath(want, real))
        return false;
    DIR *proc = opendir("/proc");
    if (!proc)
        return false;
    bool found = false;
    struct dirent *p;
    while (!found && (p = readdir(proc))) {
        if (p->d_name[0] < '0' || p->d_name[0] > '9')
            continue;
        char fddir[300];
        snprintf(fddir, sizeof(fddir), "/proc/%s/fd", p->d_name);
        DIR *fds = opendir(fddir);
        if (!fds)
            continue;
        struct dirent *f;
        while (!found && (f = readdir(fds))) {
            char link[600], target[2048];
            snprintf(link, sizeof(link), "%s/%s", fddir, f->d_name);
            ssize_t n = readlink(link, target, sizeof(target) - 1);
            if (n > 0) {
                target[n] = '\0';
                found = strcmp(target, real) == 0;
            }
        }
        closedir(fds);
    }
    closedir(proc);
    return found;
}

int store_prune(struct store *s, int keep)
{
    int64_t v[STORE_MAX_VERSIONS];
    size_t n = store_versions(s, v, STORE_MAX_VERSIONS);
    int64_t cur = store_current(s);
    int removed = 0;
    for (size_t i = (size_t)keep; i < n; i++) {
        char name[64], sig[80];
        store_name(v[i], name, sizeof(name));
        if (v[i] == cur || store_in_use(s, name))
            continue;
        snprintf(sig, sizeof(sig), "%s.minisig", name);
        if (fsio_unlink(s->dirfd, name)) {
            removed++;
            fsio_unlink(s->dirfd, sig);
        }
    }
    /* A run killed between removing a snapshot and its signature left the
     * signature alone: it goes now. */
    DIR *d = list_dir(s);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        const char *ext = ".aula.minisig";
        size_t el = strlen(ext);
        if (len <= el || strcmp(e->d_name + len - el, ext) != 0 ||
            strncmp(e->d_name, "snapshot-", 9) != 0)
            continue;
        char snap[256];
        snprintf(snap, sizeof(snap), "%.*s", (int)(len - strlen(".minisig")), e->d_name);
        struct stat sb;
        if (fstatat(s->dirfd, snap, &sb, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT &&
            fsio_unlink(s->dirfd, e->d_name))
            removed++;
    }
    if (d)
        closedir(d);
    if (removed)
        fsio_fsync(s->dirfd);
    return removed;
}

void store_remove_temps(struct store *s)
{
    DIR *d = list_dir(s);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' && n > 4 && strcmp(e->d_name + n - 4, ".tmp") == 0)
            unlinkat(s->dirfd, e->d_name, 0);
    }
    closedir(d);
}
