/* fakeprinter: a stand-in network receipt printer (raw TCP 9100 on
 * 127.0.0.1, any free port) for the kiosk's tests, and a decoder of what it
 * got.
 *
 *   fakeprinter record PORTFILE OUT   takes every job and appends its bytes
 *                                     to OUT (emptied first)
 *   fakeprinter stall PORTFILE        takes connections and never reads: a
 *                                     jammed printer with a tiny buffer
 *   fakeprinter decode IN OUT.png     an ESC/POS stream back into a picture
 *
 * The port is written to PORTFILE once the socket listens. The servers run
 * until killed. */
#include "escpos_decode.h"
#include "print/pngio.h"
#include "base/strbuf.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int listen_any(bool small_buffer, const char *portfile)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (small_buffer) { /* a printer's small buffer, not a PC's */
        int sz = 2048;
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
    }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(a);
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(fd, 8) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        perror("fakeprinter: listen");
        return -1;
    }
    char tmp[1024];
    snprintf(tmp, sizeof(tmp), "%s.tmp", portfile);
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%d\n", ntohs(a.sin_port)) < 0 || fclose(f) != 0 ||
        rename(tmp, portfile) != 0) {
        fprintf(stderr, "fakeprinter: cannot write %s\n", portfile);
        return -1;
    }
    return fd;
}

static int record(const char *portfile, const char *out)
{
    FILE *f = fopen(out, "wb");
    if (!f) {
        fprintf(stderr, "fakeprinter: cannot write %s\n", out);
        return 1;
    }
    int lfd = listen_any(false, portfile);
    if (lfd < 0)
        return 1;
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        char buf[4096];
        ssize_t k;
        while ((k = recv(fd, buf, sizeof(buf), 0)) > 0) {
            fwrite(buf, 1, (size_t)k, f);
            fflush(f);
        }
        close(fd);
    }
}

static int stall(const char *portfile)
{
    int lfd = listen_any(true, portfile);
    if (lfd < 0)
        return 1;
    for (;;) {
        int fd = accept(lfd, NULL, NULL); /* kept open, never read */
        (void)fd;
    }
}

static int decode(const char *in, const char *out)
{
    FILE *f = fopen(in, "rb");
    if (!f) {
        fprintf(stderr, "fakeprinter: cannot read %s\n", in);
        return 1;
    }
    struct strbuf sb;
    strbuf_init(&sb);
    char buf[4096];
    size_t k;
    while ((k = fread(buf, 1, sizeof(buf), f)) > 0)
        strbuf_add(&sb, buf, k);
    fclose(f);
    struct bitmap b;
    int cuts = 0;
    char err[256];
    int rc = 1;
    if (!decode_escpos((const uint8_t *)sb.s, sb.len, &b, &cuts)) {
        fprintf(stderr, "fakeprinter: %s: not an ESC/POS raster stream\n", in);
    } else {
        if (pngio_save(&b, out, err, sizeof(err))) {
            printf("%d x %d dots, %d cuts\n", b.w, b.h, cuts);
            rc = 0;
        } else {
            fprintf(stderr, "fakeprinter: %s\n", err);
        }
        bitmap_free(&b);
    }
    strbuf_free(&sb);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "record") == 0)
        return record(argv[2], argv[3]);
    if (argc == 3 && strcmp(argv[1], "stall") == 0)
        return stall(argv[2]);
    if (argc == 4 && strcmp(argv[1], "decode") == 0)
        return decode(argv[2], argv[3]);
    fprintf(stderr,
            "usage: fakeprinter record PORTFILE OUT | stall PORTFILE | decode IN OUT.png\n");
    return 2;
}
