/* bench_print: from the tap (printer_submit()) to the first byte a printer
 * receives, for the 80 mm sample slip, on a fake ESC/POS printer on
 * 127.0.0.1:9100-style TCP that answers the status query at once. Runs the
 * job 20 times (the first one cold) in two set-ups: with the status query
 * (the default: the query goes out at once, the slip after the layout), and
 * without it (the first byte is the slip itself). Prints the figures; the
 * target is 100 ms to the slip's first byte.
 *
 *   build/tests/print/bench_print [runs] */
#include "sample.h"
#include "print/conn.h"
#include "print/printconf.h"
#include "print/printer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct fake {
    int lfd, port;
    int64_t first; /* conn_now_ms() of the first byte received */
    size_t bytes;
};

static void *fake_run(void *arg)
{
    struct fake *f = arg;
    int fd = accept(f->lfd, NULL, NULL);
    if (fd < 0)
        return NULL;
    char buf[65536];
    ssize_t k;
    while ((k = recv(fd, buf, sizeof(buf), 0)) > 0) {
        if (!f->bytes) {
            f->first = conn_now_ms();
            if (k >= 6 && memcmp(buf, "\x10\x04\x01\x10\x04\x04", 6) == 0)
                send(fd, "\x12\x12", 2, MSG_NOSIGNAL); /* ready, paper present */
        }
        f->bytes += (size_t)k;
    }
    close(fd);
    return NULL;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void stats(const char *what, double *v, int n)
{
    double cold = v[0];
    qsort(v, (size_t)n, sizeof(*v), cmp);
    printf("  %-34s cold %6.1f  min %6.1f  median %6.1f  max %6.1f ms\n", what, cold, v[0],
           v[n / 2], v[n - 1]);
}

static int run(int runs, long long status_wait, double *worst_median)
{
    struct print_config c;
    printconf_defaults(&c);
    c.kind = PRINTER_ESCPOS_TCP;
    c.paper_mm = 80;
    c.daily_cap = 0;
    c.state_file[0] = '\0';
    c.status_wait_ms = status_wait;
    char err[256];
    double *wire = calloc((size_t)runs, sizeof(double)),
           *slip = calloc((size_t)runs, sizeof(double)),
           *layout = calloc((size_t)runs, sizeof(double)),
           *done = calloc((size_t)runs, sizeof(double));
    size_t bytes = 0;
    for (int i = 0; i < runs; i++) {
        struct fake f = {0};
        f.lfd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof(a);
        if (bind(f.lfd, (struct sockaddr *)&a, sizeof(a)) || listen(f.lfd, 1) ||
            getsockname(f.lfd, (struct sockaddr *)&a, &len))
            return 1;
        snprintf(c.host, sizeof(c.host), "127.0.0.1:%d", ntohs(a.sin_port));
        pthread_t th;
        pthread_create(&th, NULL, fake_run, &f);
        struct printer *p = printer_new(&c, err, sizeof(err)); /* at kiosk start, not per tap */
        if (!p) {
            fprintf(stderr, "bench_print: %s\n", err);
            return 1;
        }
        struct slip s = sample_slip_fi();
        int64_t tap = conn_now_ms();
        printer_submit(p, &s);
        struct print_result r;
        if (!printer_wait(p, &r, 30000) || r.status != PRINT_OK) {
            fprintf(stderr, "bench_print: %s: %s\n", r.key, r.detail);
            return 1;
        }
        printer_free(p);
        pthread_join(th, NULL);
        close(f.lfd);
        wire[i] = (double)(f.first - tap);
        slip[i] = r.raster_ms;
        layout[i] = r.layout_ms;
        done[i] = r.total_ms;
        bytes = f.bytes;
    }
    stats("tap -> first byte at the printer", wire, runs);
    stats("tap -> slip picture laid out", layout, runs);
    stats("tap -> first byte of the slip", slip, runs);
    stats("tap -> whole slip acknowledged", done, runs);
    printf("  (%zu bytes per slip)\n", bytes);
    qsort(slip, (size_t)runs, sizeof(*slip), cmp);
    if (slip[runs / 2] > *worst_median)
        *worst_median = slip[runs / 2];
    free(wire);
    free(slip);
    free(layout);
    free(done);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 20;
    if (runs < 1)
        runs = 1;
    double worst = 0;
    printf("bench_print: 80 mm sample slip (576 dots, 203 dpi), %d runs each\n", runs);
    printf("with the status query (DLE EOT, answered at once):\n");
    if (run(runs, 300, &worst))
        return 1;
    printf("without the status query (print_status_wait = 0):\n");
    if (run(runs, 0, &worst))
        return 1;
    printf("target: the slip's first byte within 100 ms of the tap: %s (worst median %.1f ms)\n",
           worst <= 100 ? "met" : "NOT met", worst);
    return 0;
}
