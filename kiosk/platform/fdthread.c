/* fdthread: see fdthread.h. */
#include "platform/fdthread.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void fdthread_init(struct fdthread *t)
{
    memset(t, 0, sizeof(*t));
    t->fd = -1;
    t->stop[0] = t->stop[1] = -1;
}

bool fdthread_prepare(struct fdthread *t, char *err, size_t cap)
{
    t->type = SDL_RegisterEvents(1);
    if (t->type == (Uint32)-1) {
        snprintf(err, cap, "cannot register an event type: %s", SDL_GetError());
        return false;
    }
    if (pipe(t->stop) != 0) {
        t->stop[0] = t->stop[1] = -1;
        snprintf(err, cap, "pipe: %s", strerror(errno));
        return false;
    }
    return true;
}

bool fdthread_start(struct fdthread *t, SDL_ThreadFunction fn, const char *name, void *arg,
                    char *err, size_t cap)
{
    t->thread = SDL_CreateThread(fn, name, arg);
    if (!t->thread) {
        snprintf(err, cap, "cannot start the %s thread: %s", name, SDL_GetError());
        return false;
    }
    return true;
}

void fdthread_stop(struct fdthread *t)
{
    if (t->thread) {
        ssize_t n = write(t->stop[1], "x", 1);
        (void)n;
        SDL_WaitThread(t->thread, NULL);
        t->thread = NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (t->stop[i] >= 0)
            close(t->stop[i]);
        t->stop[i] = -1;
    }
    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
}

enum fdthread_wake fdthread_poll(const struct fdthread *t, int timeout_ms)
{
    struct pollfd pf[2] = {{.fd = t->fd, .events = POLLIN}, {.fd = t->stop[0], .events = POLLIN}};
    for (;;) {
        int rc = poll(pf, 2, timeout_ms);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0 || (pf[1].revents & (POLLIN | POLLHUP)))
            return FDTHREAD_STOP;
        if (rc == 0)
            return FDTHREAD_TIMEOUT;
        if (pf[0].revents & POLLIN)
            return FDTHREAD_READY;
        if (pf[0].revents & (POLLERR | POLLHUP | POLLNVAL))
            return FDTHREAD_STOP;
    }
}

void fdthread_post(const struct fdthread *t)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = t->type;
    SDL_PushEvent(&ev);
}
