/* watch: inotify on the snapshot's directory, reported as SDL events; see
 * watch.h. */
#include "platform/watch.h"
#include "platform/fdthread.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define SETTLE_MS 200 /* quiet time after a change before it is reported */
#define EVENT_BUF 4096

struct watch {
    struct fdthread th; /* th.fd: inotify */
    char dir[PATH_MAX];
    char name[NAME_MAX + 1];
};

/* Reads what inotify has; true if an event concerns the watched name. */
static bool drain(struct watch *w)
{
    _Alignas(struct inotify_event) char buf[EVENT_BUF];
    bool hit = false;
    for (;;) {
        ssize_t n = read(w->th.fd, buf, sizeof(buf));
        if (n <= 0)
            return hit;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (ev->len > 0 && strcmp(ev->name, w->name) == 0)
                hit = true;
            if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
                hit = true; /* the directory itself went away or moved */
            p += sizeof(*ev) + ev->len;
        }
    }
}

static int thread_main(void *arg)
{
    struct watch *w = arg;
    bool pending = false;
    for (;;) {
        enum fdthread_wake wake = fdthread_poll(&w->th, pending ? SETTLE_MS : -1);
        if (wake == FDTHREAD_STOP)
            return 0;
        if (wake == FDTHREAD_TIMEOUT) { /* settled: report once */
            pending = false;
            fdthread_post(&w->th);
        } else if (drain(w)) {
            pending = true;
        }
    }
}

struct watch *watch_start(const char *path, char *err, size_t cap)
{
    struct watch *w = xcalloc(1, sizeof(*w));
    fdthread_init(&w->th);
    const char *slash = strrchr(path, '/');
    if (slash) {
        snprintf(w->dir, sizeof(w->dir), "%.*s", (int)(slash - path), path);
        if (!w->dir[0])
            snprintf(w->dir, sizeof(w->dir), "/");
        snprintf(w->name, sizeof(w->name), "%s", slash + 1);
    } else {
        snprintf(w->dir, sizeof(w->dir), ".");
        snprintf(w->name, sizeof(w->name), "%s", path);
    }
    if (!fdthread_prepare(&w->th, err, cap))
        goto fail;
    w->th.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->th.fd < 0) {
        snprintf(err, cap, "inotify: %s", strerror(errno));
        goto fail;
    }
    uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB |
                    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
    if (inotify_add_watch(w->th.fd, w->dir, mask) < 0) {
        snprintf(err, cap, "%s: cannot watch for new content: %s", w->dir, strerror(errno));
        goto fail;
    }
    if (!fdthread_start(&w->th, thread_main, "aula-watch", w, err, cap))
        goto fail;
    LOG_INFO("watching %s for new content in %s", w->dir, w->name);
    return w;
fail:
    watch_stop(w);
    return NULL;
}

void watch_stop(struct watch *w)
{
    if (!w)
        return;
    fdthread_stop(&w->th);
    free(w);
}

Uint32 watch_event_type(const struct watch *w)
{
    return w->th.type;
}

bool watch_wait(struct watch *w, int ms)
{
    Uint32 end = SDL_GetTicks() + (Uint32)ms;
    for (;;) {
        int left = (int)(end - SDL_GetTicks());
        SDL_Event ev;
        if (left <= 0 || SDL_WaitEventTimeout(&ev, left) == 0)
            return false;
        if (ev.type == w->th.type)
            return true;
    }
}

bool watch_file_id(const char *path, struct watch_file_id *out)
{
    struct stat sb;
    memset(out, 0, sizeof(*out));
    if (stat(path, &sb) != 0)
        return false;
    out->dev = (uint64_t)sb.st_dev;
    out->ino = (uint64_t)sb.st_ino;
    out->size = (int64_t)sb.st_size;
    out->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
    return true;
}

bool watch_file_same(const struct watch_file_id *a, const struct watch_file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns;
}
