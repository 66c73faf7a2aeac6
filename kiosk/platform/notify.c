/* notify: the sd_notify protocol, written out (a datagram to a Unix
 * socket) so that the kiosk needs no libsystemd. Owns one socket. */
#include "platform/notify.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void notify_init(struct notify *n)
{
    memset(n, 0, sizeof(*n));
    n->fd = -1;
    const char *sock = getenv("NOTIFY_SOCKET");
    if (!sock || (sock[0] != '/' && sock[0] != '@') || strlen(sock) >= sizeof(n->path))
        return;
    snprintf(n->path, sizeof(n->path), "%s", sock);
    n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    const char *usec = getenv("WATCHDOG_USEC");
    const char *pid = getenv("WATCHDOG_PID");
    if (usec && (!pid || strtol(pid, NULL, 10) == (long)getpid())) {
        unsigned long long us = strtoull(usec, NULL, 10);
        /* Ping at half the watchdog time, as systemd recommends. */
        if (us >= 2000)
            n->interval_ms = (uint32_t)(us / 2000);
    }
}

void notify_close(struct notify *n)
{
    if (n->fd >= 0)
        close(n->fd);
    n->fd = -1;
}

bool notify_send(struct notify *n, const char *msg)
{
    if (n->fd < 0)
        return false;
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    size_t len = strlen(n->path);
    memcpy(sa.sun_path, n->path, len);
    if (sa.sun_path[0] == '@')
        sa.sun_path[0] = '\0'; /* abstract namespace */
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
    return sendto(n->fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&sa, salen) ==
           (ssize_t)strlen(msg);
}

int notify_watchdog(struct notify *n, uint32_t now_ms)
{
    if (n->fd < 0 || !n->interval_ms)
        return -1;
    uint32_t since = now_ms - n->last_ping_ms;
    if (n->last_ping_ms == 0 || since >= n->interval_ms) {
        notify_send(n, "WATCHDOG=1");
        n->last_ping_ms = now_ms ? now_ms : 1;
        return (int)n->interval_ms;
    }
    return (int)(n->interval_ms - since);
}
