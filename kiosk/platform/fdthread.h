/* fdthread: a small thread that sleeps in poll() on one descriptor of its
 * owner's (inotify, a timerfd) and on a pipe that stops it, so that what
 * the descriptor reports can be posted to the event loop as an SDL event.
 * Used by watch.c and clockwatch.c. */
#ifndef AULA_PLATFORM_FDTHREAD_H
#define AULA_PLATFORM_FDTHREAD_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

struct fdthread {
    int fd;      /* the owner's descriptor the thread waits on; closed by stop */
    int stop[2]; /* a pipe: writing to it ends the thread */
    SDL_Thread *thread;
    Uint32 type; /* the SDL event type the thread posts */
};

/* Empties t (no descriptor, pipe or thread): fdthread_stop() is then
 * harmless. */
void fdthread_init(struct fdthread *t);
/* Registers the event type and makes the pipe; false with err filled. */
bool fdthread_prepare(struct fdthread *t, char *err, size_t cap);
/* Starts fn(arg) as the thread called name; false with err filled. */
bool fdthread_start(struct fdthread *t, SDL_ThreadFunction fn, const char *name, void *arg,
                    char *err, size_t cap);
/* Stops the thread (if started), waits for it, closes the pipe and fd. */
void fdthread_stop(struct fdthread *t);

enum fdthread_wake { FDTHREAD_STOP, FDTHREAD_TIMEOUT, FDTHREAD_READY };
/* For the thread: waits up to timeout_ms (-1: for ever) for t->fd to be
 * readable. FDTHREAD_STOP when asked to stop or when poll fails. */
enum fdthread_wake fdthread_poll(const struct fdthread *t, int timeout_ms);
/* For the thread: posts one event of t's type. */
void fdthread_post(const struct fdthread *t);

#endif
