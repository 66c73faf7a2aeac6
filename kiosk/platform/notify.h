/* notify: tells systemd that the kiosk is up and alive, with the
 * sd_notify datagram protocol (READY=1, WATCHDOG=1, STATUS=...). The
 * service runs Type=notify with WatchdogSec: the main loop pings from
 * where it waits for events, so a hung loop stops the pings and systemd
 * restarts the kiosk. Outside systemd (no $NOTIFY_SOCKET) everything here
 * does nothing. */
#ifndef AULA_PLATFORM_NOTIFY_H
#define AULA_PLATFORM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct notify {
    int fd;               /* -1: not under systemd */
    char path[108];       /* the socket ($NOTIFY_SOCKET; '@' = abstract) */
    uint32_t interval_ms; /* watchdog ping interval (half of WatchdogSec); 0 = none */
    uint32_t last_ping_ms;
};

/* Reads $NOTIFY_SOCKET and $WATCHDOG_USEC (and $WATCHDOG_PID). */
void notify_init(struct notify *n);
void notify_close(struct notify *n);
/* Sends one message such as "READY=1"; false if not under systemd or the
 * send failed. */
bool notify_send(struct notify *n, const char *msg);
/* Pings the watchdog if an interval has passed since the last ping.
 * Returns the milliseconds until the next ping is due (-1: no watchdog). */
int notify_watchdog(struct notify *n, uint32_t now_ms);

#endif
