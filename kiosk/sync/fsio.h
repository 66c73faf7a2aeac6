/* fsio: the file-system calls that change what is on disk (create, write,
 * fsync, rename, link, symlink, unlink), in one place so that tests can
 * make any one of them fail. Every such call counts as one operation;
 * fsio_fail_at(n, err, sticky) makes operation number n fail with err, and
 * with sticky every later one too, as if the machine lost power there.
 * Functions return false with errno set. */
#ifndef AULA_SYNC_FSIO_H
#define AULA_SYNC_FSIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Fault injection (tests only). n counts from 1; n <= 0 turns it off. */
void fsio_fail_at(long n, int err, bool sticky);
/* Operations counted since the last fsio_fail_at() or fsio_reset_count(). */
long fsio_count(void);
void fsio_reset_count(void);

/* openat(dirfd, name, O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, mode). */
int fsio_create(int dirfd, const char *name, mode_t mode);
bool fsio_write_all(int fd, const void *p, size_t n);
bool fsio_fsync(int fd);
bool fsio_rename(int dirfd, const char *from, const char *to);
/* Gives from a second name to; fails with EEXIST rather than replace. */
bool fsio_link(int dirfd, const char *from, const char *to);
bool fsio_symlink(const char *target, int dirfd, const char *name);
bool fsio_unlink(int dirfd, const char *name);

/* Writes a whole small file atomically: a temporary name in the same
 * directory, fsync, rename over name, fsync of the directory. */
bool fsio_write_atomic(int dirfd, const char *name, const void *data, size_t n, mode_t mode);
/* The same for a path (its directory is opened here); the temporary
 * name is ".BASENAME.<pid>-<n>.tmp". */
bool fsio_write_atomic_path(const char *path, const void *data, size_t n, mode_t mode);
/* Removes the temporary files fsio_write_atomic_path(path) left when it
 * was killed. Only for a caller that holds a lock against other writers
 * of path. */
void fsio_remove_temps_path(const char *path);

enum fsio_copy_result {
    FSIO_COPY_OK,
    FSIO_COPY_READ_ERROR,
    FSIO_COPY_WRITE_ERROR,
    FSIO_COPY_TOO_LARGE,
};
typedef void (*fsio_chunk_fn)(void *ctx, const void *p, size_t n);

/* Copies everything readable from src to dst (writes are counted), at most
 * max bytes, calling fn on each chunk (for hashing). *size gets the bytes
 * copied; errno is set on errors. */
enum fsio_copy_result fsio_copy(int src, int dst, unsigned long long max, fsio_chunk_fn fn,
                                void *ctx, unsigned long long *size);

/* A temporary name unique to this process: "<prefix><pid>-<counter>.tmp". */
void fsio_temp_name(const char *prefix, char *buf, size_t cap);

#endif
