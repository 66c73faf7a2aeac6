/* conn: device-file and TCP 9100 connections with deadlines; see conn.h.
 *
 * The socket's send buffer is kept small so that a printer which stops
 * taking data (a jam, an open cover) shows up as a write that cannot finish,
 * instead of the whole slip vanishing into kernel buffers. */
#include "print/conn.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SNDBUF_BYTES  8192
#define LINGER_MS     300 /* how long to watch for a reset after the last byte */
#define DRAIN_POLL_MS 5
#define DEFAULT_PORT  "9100"

int64_t conn_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int remaining(int64_t deadline)
{
    int64_t r = deadline - conn_now_ms();
    return r < 0 ? 0 : r > 1000000 ? 1000000 : (int)r;
}

static void conn_reset(struct conn *c)
{
    memset(c, 0, sizeof(*c));
    c->fd = -1;
}

enum print_status conn_open_device(struct conn *c, const char *path, int64_t deadline, char *msg,
                                   size_t cap)
{
    (void)deadline;
    conn_reset(c);
    snprintf(c->name, sizeof(c->name), "%s", path);
    int fd = open(path, O_RDWR | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        fd = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT || e == ENODEV || e == ENXIO) {
            snprintf(msg, cap, "%s: no such device (is the printer plugged in and on?)", path);
            return PRINT_MISSING;
        }
        if (e == EACCES || e == EPERM) {
            snprintf(msg, cap, "%s: permission denied (add the kiosk user to group lp)", path);
            return PRINT_MISSING;
        }
        snprintf(msg, cap, "%s: %s", path, strerror(e));
        return PRINT_OFFLINE;
    }
    c->fd = fd;
    return PRINT_OK;
}

/* Splits "host:port", "[v6]:port" or "host" into its parts. */
static bool split_hostport(const char *s, char *host, size_t hcap, char *port, size_t pcap)
{
    const char *colon = NULL;
    if (s[0] == '[') {
        const char *end = strchr(s, ']');
        if (!end || (end[1] != '\0' && end[1] != ':'))
            return false;
        snprintf(host, hcap, "%.*s", (int)(end - s - 1), s + 1);
        colon = end[1] == ':' ? end + 1 : NULL;
    } else {
        colon = strrchr(s, ':');
        if (colon && strchr(s, ':') != colon) /* a bare IPv6 address */
            colon = NULL;
        snprintf(host, hcap, "%.*s", colon ? (int)(colon - s) : (int)strlen(s), s);
    }
    snprintf(port, pcap, "%s", colon && colon[1] ? colon + 1 : DEFAULT_PORT);
    return host[0] != '\0';
}

/* One connect attempt, polled until the deadline. 0 or an errno. */
static int try_connect(const struct addrinfo *ai, int64_t deadline, int *out)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0)
        return errno;
    int sz = SNDBUF_BYTES, one = 1;
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        if (errno != EINPROGRESS) {
            int e = errno;
            close(fd);
            return e;
        }
        struct pollfd pfd = {fd, POLLOUT, 0};
        int r;
        do
            r = poll(&pfd, 1, remaining(deadline));
        while (r < 0 && errno == EINTR);
        if (r == 0) {
            close(fd);
            return ETIMEDOUT;
        }
        int err = 0;
        socklen_t len = sizeof(err);
        if (r < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err) {
            int e = r < 0 ? errno : err ? err : EIO;
            close(fd);
            return e;
        }
    }
    *out = fd;
    return 0;
}

enum print_status conn_open_tcp(struct conn *c, const char *hostport, int64_t deadline, char *msg,
                                size_t cap)
{
    conn_reset(c);
    c->tcp = true;
    char host[256], port[16];
    snprintf(c->name, sizeof(c->name), "%s", hostport);
    if (!split_hostport(hostport, host, sizeof(host), port, sizeof(port))) {
        snprintf(msg, cap, "printer_host \"%s\" is not host or host:port", hostport);
        return PRINT_MISSING;
    }
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host, port, &hints, &res);
    if (gai != 0) {
        snprintf(msg, cap, "%s: %s", hostport, gai_strerror(gai));
        return gai == EAI_NONAME ? PRINT_MISSING : PRINT_OFFLINE;
    }
    int err = ENOENT;
    for (struct addrinfo *ai = res; ai && c->fd < 0; ai = ai->ai_next) {
        err = try_connect(ai, deadline, &c->fd);
        if (err == ETIMEDOUT)
            break;
    }
    freeaddrinfo(res);
    if (c->fd >= 0)
        return PRINT_OK;
    if (err == ETIMEDOUT)
        snprintf(msg, cap, "%s: no answer to the connection (is the printer on the network?)",
                 hostport);
    else if (err == ECONNREFUSED)
        snprintf(msg, cap, "%s: connection refused (is it a raw/9100 printer, and on?)", hostport);
    else
        snprintf(msg, cap, "%s: %s", hostport, strerror(err));
    return err == ETIMEDOUT && remaining(deadline) == 0 ? PRINT_TIMEOUT : PRINT_OFFLINE;
}

static enum print_status write_error(struct conn *c, int e, size_t total, char *msg, size_t cap)
{
    if (e == EPIPE || e == ECONNRESET || e == ENOTCONN) {
        snprintf(msg, cap, "%s: the printer closed the connection after %zu of %zu bytes", c->name,
                 c->sent, total);
        return PRINT_OFFLINE;
    }
    if (e == ENODEV || e == ENXIO) {
        snprintf(msg, cap, "%s: the device went away after %zu bytes (unplugged?)", c->name,
                 c->sent);
        return PRINT_MISSING;
    }
    snprintf(msg, cap, "%s: write failed after %zu bytes: %s", c->name, c->sent, strerror(e));
    return PRINT_OFFLINE;
}

enum print_status conn_write(struct conn *c, const void *p, size_t n, int64_t deadline, char *msg,
                             size_t cap)
{
    const char *b = p;
    size_t done = 0, total = c->sent + n;
    while (done < n) {
        ssize_t k = c->tcp ? send(c->fd, b + done, n - done, MSG_NOSIGNAL)
                           : write(c->fd, b + done, n - done);
        if (k > 0) {
            if (!c->first_byte)
                c->first_byte = conn_now_ms();
            done += (size_t)k;
            c->sent += (size_t)k;
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return write_error(c, errno, total, msg, cap);
        struct pollfd pfd = {c->fd, POLLOUT, 0};
        int r = remaining(deadline) > 0 ? poll(&pfd, 1, remaining(deadline)) : 0;
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            snprintf(msg, cap, "%s: the printer stopped taking data after %zu of %zu bytes",
                     c->name, c->sent, total);
            return PRINT_TIMEOUT;
        }
    }
    return PRINT_OK;
}

size_t conn_read(struct conn *c, void *p, size_t n, int64_t deadline)
{
    struct stat st;
    if (c->fd < 0 || (fstat(c->fd, &st) == 0 && S_ISREG(st.st_mode)))
        return 0; /* a capture file cannot answer */
    size_t got = 0;
    while (got < n) {
        struct pollfd pfd = {c->fd, POLLIN, 0};
        int r = poll(&pfd, 1, remaining(deadline));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || !(pfd.revents & POLLIN))
            break;
        ssize_t k = c->tcp ? recv(c->fd, (char *)p + got, n - got, 0)
                           : read(c->fd, (char *)p + got, n - got);
        if (k <= 0) {
            if (k < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            break;
        }
        got += (size_t)k;
    }
    return got;
}

/* Reads and drops what the printer sends; -1 on a reset, 0 on end of
 * stream, 1 if the connection is still open. */
static int peek_peer(struct conn *c, int wait_ms)
{
    struct pollfd pfd = {c->fd, POLLIN, 0};
    int r = poll(&pfd, 1, wait_ms);
    if (r <= 0)
        return 1;
    char junk[256];
    ssize_t k = recv(c->fd, junk, sizeof(junk), MSG_DONTWAIT);
    if (k < 0)
        return errno == EAGAIN || errno == EINTR ? 1 : -1;
    return k == 0 ? 0 : 1;
}

enum print_status conn_finish(struct conn *c, int64_t deadline, char *msg, size_t cap)
{
    if (!c->tcp || c->fd < 0)
        return PRINT_OK;
    for (;;) { /* until the printer has acknowledged every byte */
        int pending = 0;
        if (ioctl(c->fd, SIOCOUTQ, &pending) != 0)
            pending = 0;
        int err = 0;
        socklen_t len = sizeof(err);
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) {
            snprintf(msg, cap,
                     "%s: the printer closed the connection before it had taken all "
                     "%zu bytes (%s)",
                     c->name, c->sent, strerror(err));
            return PRINT_OFFLINE;
        }
        if (pending == 0)
            break;
        if (remaining(deadline) == 0) {
            snprintf(msg, cap, "%s: the printer did not take the last %d of %zu bytes", c->name,
                     pending, c->sent);
            return PRINT_TIMEOUT;
        }
        if (peek_peer(c, DRAIN_POLL_MS) <= 0) {
            snprintf(msg, cap,
                     "%s: the printer closed the connection with %d of %zu bytes "
                     "not taken",
                     c->name, pending, c->sent);
            return PRINT_OFFLINE;
        }
    }
    shutdown(c->fd, SHUT_WR);
    int wait = remaining(deadline) < LINGER_MS ? remaining(deadline) : LINGER_MS;
    if (peek_peer(c, wait) < 0) {
        snprintf(msg, cap,
                 "%s: the printer closed the connection before it had taken all %zu "
                 "bytes",
                 c->name, c->sent);
        return PRINT_OFFLINE;
    }
    return PRINT_OK;
}

void conn_close(struct conn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
}
