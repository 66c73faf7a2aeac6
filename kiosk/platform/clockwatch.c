/* clockwatch: clock sets seen by comparing clocks and by a timerfd; see
 * clockwatch.h. */
#include "platform/clockwatch.h"
#include "platform/fdthread.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

/* The timer itself never runs out: it is armed for a time far beyond any
 * clock (the kernel keeps it at its own limit, in the year 2262). */
#define FAR_FUTURE_S ((time_t)1 << 36)

int64_t clock_track_step(struct clock_track *t, int64_t wall_ms, int64_t mono_ms)
{
    int64_t offset = wall_ms - mono_ms;
    if (!t->known) {
        t->known = true;
        t->offset_ms = offset;
        return 0;
    }
    int64_t step = offset - t->offset_ms;
    t->offset_ms = offset; /* NTP's slow slewing is followed, never added up */
    return step > -CLOCK_SET_MIN_MS && step < CLOCK_SET_MIN_MS ? 0 : step;
}

struct clockwatch {
    struct fdthread th; /* th.fd: the timerfd */
};

static bool arm(int fd)
{
    struct itimerspec its;
    memset(&its, 0, sizeof(its));
    its.it_value.tv_sec = FAR_FUTURE_S;
    return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL) == 0;
}

static int thread_main(void *arg)
{
    struct clockwatch *w = arg;
    for (;;) {
        if (fdthread_poll(&w->th, -1) != FDTHREAD_READY)
            return 0;
        uint64_t runs;
        ssize_t n = read(w->th.fd, &runs, sizeof(runs));
        if (n < 0 && errno == EAGAIN)
            continue;
        if (n < 0 && errno == ECANCELED) { /* the clock was set */
            fdthread_post(&w->th);
        } else {
            /* The timer ran out (a clock past the kernel's limit) or the
             * descriptor failed: the wake-up comparison is left. */
            LOG_WARN("clock: no longer told at once when the clock is set");
            return 0;
        }
        if (!arm(w->th.fd)) { /* armed again, for the next set */
            LOG_WARN("clock: cannot watch for clock changes again: %s", strerror(errno));
            return 0;
        }
    }
}

struct clockwatch *clockwatch_start(char *err, size_t cap)
{
    struct clockwatch *w = xcalloc(1, sizeof(*w));
    fdthread_init(&w->th);
    if (!fdthread_prepare(&w->th, err, cap))
        goto fail;
    w->th.fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (w->th.fd < 0 || !arm(w->th.fd)) {
        snprintf(err, cap, "timerfd: %s", strerror(errno));
        goto fail;
    }
    if (!fdthread_start(&w->th, thread_main, "aula-clock", w, err, cap))
        goto fail;
    return w;
fail:
    clockwatch_stop(w);
    return NULL;
}

void clockwatch_stop(struct clockwatch *w)
{
    if (!w)
        return;
    fdthread_stop(&w->th);
    free(w);
}

Uint32 clockwatch_event_type(const struct clockwatch *w)
{
    return w->th.type;
}
