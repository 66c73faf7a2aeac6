/* fsio: counted file-system changes with an injectable failure. The
 * counter is process-global on purpose: it is test machinery, and the
 * programs that use it are single-threaded. */
#include "sync/fsio.h"

#include "base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long op_count;
static long fail_at;
static int fail_errno;
static bool fail_sticky;

void fsio_fail_at(long n, int err, bool sticky)
{
    fail_at = n;
    fail_errno = err;
    fail_sticky = sticky;
    op_count = 0;
}

long fsio_count(void)
{
    return op_count;
}

void fsio_reset_count(void)
{
    op_count = 0;
}

/* Counts one operation; true if it must fail. */
static bool inject(void)
{
    op_count++;
    if (fail_at > 0 && (op_count == fail_at || (fail_sticky && op_count > fail_at))) {
        errno = fail_errno;
        return true;
    }
    return false;
}

int fsio_create(int dirfd, const char *name, mode_t mode)
{
    if (inject())
        return -1;
    return openat(dirfd, name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
}

bool fsio_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        if (inject())
            return false;
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return false;
        if (w == 0) {
            errno = EIO;
            return false;
        }
        c += w;
        n -= (size_t)w;
    }
    return true;
}

bool fsio_fsync(int fd)
{
    if (inject())
        return false;
    return fsync(fd) == 0;
}

bool fsio_rename(int dirfd, const char *from, const char *to)
{
    if (inject())
        return false;
    return renameat(dirfd, from, dirfd, to) == 0;
}

bool fsio_link(int dirfd, const char *from, const char *to)
{
    if (inject())
        return false;
    return linkat(dirfd, from, dirfd, to, 0) == 0;
}

bool fsio_symlink(const char *target, int dirfd, const char *name)
{
    if (inject())
        return false;
    return symlinkat(target, dirfd, name) == 0;
}

bool fsio_unlink(int dirfd, const char *name)
{
    if (inject())
        return false;
    return unlinkat(dirfd, name, 0) == 0;
}

enum fsio_copy_result fsio_copy(int src, int dst, unsigned long long max, fsio_chunk_fn fn,
                                void *ctx, unsigned long long *size)
{
    enum { CHUNK = 1 << 20 };
    char *buf = xmalloc(CHUNK);
    enum fsio_copy_result rc = FSIO_COPY_OK;
    *size = 0;
    for (;;) {
        ssize_t n = read(src, buf, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = FSIO_COPY_READ_ERROR;
            break;
        }
        if (n == 0)
            break;
        if (*size + (unsigned long long)n > max) {
            rc = FSIO_COPY_TOO_LARGE;
            break;
        }
        if (fn)
            fn(ctx, buf, (size_t)n);
        if (!fsio_write_all(dst, buf, (size_t)n)) {
            rc = FSIO_COPY_WRITE_ERROR;
            break;
        }
        *size += (unsigned long long)n;
    }
    int e = errno;
    free(buf);
    errno = e;
    return rc;
}

void fsio_temp_name(const char *prefix, char *buf, size_t cap)
{
    static unsigned counter;
    snprintf(buf, cap, "%s%ld-%u.tmp", prefix, (long)getpid(), counter++);
}

static bool write_atomic(int dirfd, const char *prefix, const char *name, const void *data,
                         size_t n, mode_t mode)
{
    char tmp[512];
    fsio_temp_name(prefix, tmp, sizeof(tmp));
    int fd = fsio_create(dirfd, tmp, mode);
    if (fd < 0)
        return false;
    if (!fsio_write_all(fd, data, n) || !fsio_fsync(fd)) {
        int e = errno;
        close(fd);
        unlinkat(dirfd, tmp, 0);
        errno = e;
        return false;
    }
    close(fd);
    if (!fsio_rename(dirfd, tmp, name)) {
        int e = errno;
        unlinkat(dirfd, tmp, 0);
        errno = e;
        return false;
    }
    return fsio_fsync(dirfd);
}

bool fsio_write_atomic(int dirfd, const char *name, const void *data, size_t n, mode_t mode)
{
    return write_atomic(dirfd, ".", name, data, n, mode);
}

/* ".NAME." (shortened): the start of the temporary names of NAME. */
static void temp_prefix(const char *base, char *buf, size_t cap)
{
    snprintf(buf, cap, ".%.200s.", base);
}

bool fsio_write_atomic_path(const char *path, const void *data, size_t n, mode_t mode)
{
    char *d = xstrdup(path), *b = xstrdup(path);
    const char *dir = dirname(d), *base = basename(b);
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = false;
    if (dirfd >= 0) {
        char prefix[256];
        temp_prefix(base, prefix, sizeof(prefix));
        ok = write_atomic(dirfd, prefix, base, data, n, mode);
        int e = errno;
        close(dirfd);
        errno = e;
    }
    free(d);
    free(b);
    return ok;
}

void fsio_remove_temps_path(const char *path)
{
    char *d = xstrdup(path), *b = xstrdup(path);
    const char *dir = dirname(d), *base = basename(b);
    char prefix[256];
    temp_prefix(base, prefix, sizeof(prefix));
    size_t pl = strlen(prefix);
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp))) {
        size_t n = strlen(e->d_name);
        if (n > pl + 4 && strncmp(e->d_name, prefix, pl) == 0 &&
            strcmp(e->d_name + n - 4, ".tmp") == 0)
            unlinkat(dirfd(dp), e->d_name, 0);
    }
    if (dp)
        closedir(dp);
    free(d);
    free(b);
}
