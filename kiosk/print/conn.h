/* conn: the byte pipe to an ESC/POS printer — a device file (/dev/usb/lp0)
 * or a TCP connection (port 9100) — with every wait bounded by a deadline:
 * a non-blocking connect polled until it answers, writes that give up when
 * the printer stops taking data, and a finish that waits until the printer
 * has taken every byte and notices a printer that hung up early. Failures
 * come back as a print status and a sentence for the log. */
#ifndef AULA_PRINT_CONN_H
#define AULA_PRINT_CONN_H

#include "print/status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct conn {
    int fd;
    bool tcp;
    char name[300];     /* "/dev/usb/lp0" or "192.0.2.7:9100" for messages */
    size_t sent;        /* bytes written so far */
    int64_t first_byte; /* conn_now_ms() of the first byte written; 0 = none */
};

/* Milliseconds on the monotonic clock. */
int64_t conn_now_ms(void);

/* Opens a device file for writing (and reading, when it can answer). */
enum print_status conn_open_device(struct conn *c, const char *path, int64_t deadline, char *msg,
                                   size_t cap);
/* Connects to "host", "host:port" or "[v6]:port" (default port 9100). */
enum print_status conn_open_tcp(struct conn *c, const char *hostport, int64_t deadline, char *msg,
                                size_t cap);
/* Writes all n bytes before the deadline. */
enum print_status conn_write(struct conn *c, const void *p, size_t n, int64_t deadline, char *msg,
                             size_t cap);
/* Reads up to n bytes that arrive before the deadline; returns the count
 * (0: nothing came, or the device cannot answer). */
size_t conn_read(struct conn *c, void *p, size_t n, int64_t deadline);
/* TCP: waits until the printer has acknowledged every byte, then closes the
 * sending side and checks that the printer did not reset the connection. */
enum print_status conn_finish(struct conn *c, int64_t deadline, char *msg, size_t cap);
void conn_close(struct conn *c);

#endif
