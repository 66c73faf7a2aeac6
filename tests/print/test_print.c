/* test_print: the slip printer end to end, without hardware.
 *
 * - golden bytes: the ESC/POS stream of a sample slip equals
 *   tests/fixtures/print/sample-fi-80.bin; the stream decoded back into a
 *   picture matches sample-fi-80.png within a small tolerance, and its QR
 *   code decodes with zbarimg;
 * - an Arabic slip on 58 mm paper is laid out right to left and scans;
 * - fake 9100 printers on 127.0.0.1: one that records (and answers the
 *   status query: ready, or out of paper), one that stalls, one that hangs
 *   up early, and a port where nobody listens;
 * - device files: a capture file gets exactly the golden bytes, a missing
 *   device is reported as missing;
 * - the daily cap, in memory and in its state file; the config keys.
 *
 * Regenerate the golden files after an intended layout change (and look at
 * the new PNGs before committing them):
 *   AULA_PRINT_REGEN=1 build/tests/print/test_print */
#include "escpos_decode.h"
#include "sample.h"
#include "print/bitmap.h"
#include "print/dailycap.h"
#include "print/escpos.h"
#include "print/pdf.h"
#include "print/pngio.h"
#include "print/printconf.h"
#include "print/printer.h"
#include "print/slip.h"
#include "print/status.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define FIXTURES AULA_SOURCE_DIR "/tests/fixtures/print/"
#define OUTDIR   AULA_BINARY_DIR "/tests/print/"

static bool regen(void)
{
    const char *r = getenv("AULA_PRINT_REGEN");
    return r && r[0] == '1';
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf sb;
    strbuf_init(&sb);
    char buf[8192];
    size_t k;
    while ((k = fread(buf, 1, sizeof(buf), f)) > 0)
        strbuf_add(&sb, buf, k);
    fclose(f);
    *len = sb.len;
    return strbuf_detach(&sb);
}

static void write_all(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static struct bitmap render(const struct slip *s, int paper_mm)
{
    char err[256] = "";
    struct slip_options o = {.width_dots = slip_width_dots(paper_mm, 203), .dpi = 203};
    struct slip_maker *m = slip_maker_new(&o, err, sizeof(err));
    if (!m)
        fail_msg("%s", err);
    struct bitmap b;
    if (!slip_render(m, s, &b, err, sizeof(err)))
        fail_msg("%s", err);
    slip_maker_free(m);
    return b;
}

/* The QR payload zbarimg finds in a PNG; NULL if zbarimg is not installed. */
static char *zbar(const char *png)
{
    if (system("command -v zbarimg >/dev/null 2>&1") != 0)
        return NULL;
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "zbarimg -q --raw '%s' 2>/dev/null", png);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[2048] = "";
    size_t n = fread(buf, 1, sizeof(buf) - 1, p);
    pclose(p);
    buf[n] = '\0';
    while (n > 0 && buf[n - 1] == '\n')
        buf[--n] = '\0';
    return xstrdup(buf);
}

static void assert_scans(const char *png, const char *want)
{
    char *got = zbar(png);
    if (!got) {
        printf("[ note ] zbarimg not found (Debian: zbar-tools): QR of %s not decoded\n", png);
        return;
    }
    assert_string_equal(got, want);
    free(got);
}

/* Differing dots between two bitmaps (rows missing on one side count). */
static size_t diff_dots(const struct bitmap *a, const struct bitmap *b)
{
    int h = a->h > b->h ? a->h : b->h, w = a->w > b->w ? a->w : b->w;
    size_t n = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            n += bitmap_get(a, x, y) != bitmap_get(b, x, y);
    return n;
}

/* Compares with a reference PNG: same width, height within 8 rows, at most
 * 0.5 % of the dots differ (a font hinting change moves a few edges). */
static void assert_like_reference(const struct bitmap *b, const char *name)
{
    char ref[512], out[512], err[256];
    snprintf(ref, sizeof(ref), FIXTURES "%s", name);
    snprintf(out, sizeof(out), OUTDIR "%s", name);
    assert_true(pngio_save(b, out, err, sizeof(err)));
    if (regen()) {
        assert_true(pngio_save(b, ref, err, sizeof(err)));
        printf("[ regen ] %s\n", ref);
    }
    struct bitmap r;
    if (!pngio_load(ref, &r, err, sizeof(err)))
        fail_msg("%s (AULA_PRINT_REGEN=1 writes it)", err);
    assert_int_equal(r.w, b->w);
    assert_true(abs(r.h - b->h) <= 8);
    size_t d = diff_dots(&r, b), all = (size_t)b->w * (size_t)b->h;
    if (d * 200 > all)
        fail_msg("%s differs from the reference in %zu of %zu dots (see %s)", name, d, all, out);
    bitmap_free(&r);
}

/* ---- golden bytes and pictures ---- */

static void test_golden_escpos(void **state)
{
    (void)state;
    struct slip s = sample_slip_fi();
    struct bitmap b = render(&s, 80);
    assert_int_equal(b.w, 576);
    struct strbuf sb;
    strbuf_init(&sb);
    escpos_slip(&sb, &b);
    if (regen())
        write_all(FIXTURES "sample-fi-80.bin", sb.s, sb.len);
    size_t glen = 0;
    char *golden = read_all(FIXTURES "sample-fi-80.bin", &glen);
    assert_non_null(golden);
    if (glen != sb.len || memcmp(golden, sb.s, glen) != 0) {
        write_all(OUTDIR "sample-fi-80.bin", sb.s, sb.len);
        fail_msg("the ESC/POS stream differs from the golden file (%zu vs %zu bytes); the new "
                 "one is in " OUTDIR "sample-fi-80.bin",
                 sb.len, glen);
    }
    /* The stream starts with ESC @ and a GS v 0 band, ends with feed and cut. */
    const uint8_t *p = (const uint8_t *)golden;
    assert_memory_equal(p, "\x1b@\x1dv0\x00\x48\x00", 8);
    assert_memory_equal(p + glen - 7, "\x1b\x64\x02\x1dV\x42\x00", 7);

    /* The raster decoded back to a picture matches the reference image. */
    struct bitmap back;
    int cuts = 0;
    assert_true(decode_escpos(p, glen, &back, &cuts));
    assert_int_equal(cuts, 1);
    assert_int_equal(back.w, 576);
    assert_int_equal(back.h, b.h);
    assert_like_reference(&back, "sample-fi-80.png");
    assert_scans(OUTDIR "sample-fi-80.png", SAMPLE_QR);
    bitmap_free(&back);
    free(golden);
    strbuf_free(&sb);
    bitmap_free(&b);
}

/* Share of the blocks of ink (rows of ink between blank rows: a line of
 * text, a rule) in the upper part of the slip, above the QR code, that
 * touch the start edge: the left margin in LTR, the right one in RTL. */
static double start_aligned(const struct bitmap *b, bool rtl)
{
    int blocks = 0, hits = 0, edge = 8 + 6; /* the 1 mm margin and a glyph's side bearing */
    int lo = b->w, hi = -1;
    for (int y = 0; y < b->h * 45 / 100; y++) {
        int rlo = -1, rhi = -1;
        for (int x = 0; x < b->w; x++) {
            if (bitmap_get(b, x, y)) {
                if (rlo < 0)
                    rlo = x;
                rhi = x;
            }
        }
        if (rlo >= 0) { /* inside a block */
            lo = rlo < lo ? rlo : lo;
            hi = rhi > hi ? rhi : hi;
            continue;
        }
        if (hi >= 0) { /* a block ended */
            blocks++;
            if (rtl ? hi >= b->w - 1 - edge : lo <= edge)
                hits++;
        }
        lo = b->w;
        hi = -1;
    }
    return blocks ? (double)hits / blocks : 0;
}

static void test_rtl_slip(void **state)
{
    (void)state;
    struct slip ar = sample_slip_ar(), fi = sample_slip_fi();
    struct bitmap b = render(&ar, 58), l = render(&fi, 58);
    assert_int_equal(b.w, 384);
    double r_ar = start_aligned(&b, true), l_ar = start_aligned(&b, false);
    double l_fi = start_aligned(&l, false);
    printf("[ info ] rows on the start edge: ar right %.2f left %.2f, fi left %.2f\n", r_ar, l_ar,
           l_fi);
    assert_true(r_ar > 0.7);
    assert_true(l_ar < 0.5);
    assert_true(l_fi > 0.7);
    assert_like_reference(&b, "sample-ar-58.png");
    assert_scans(OUTDIR "sample-ar-58.png", SAMPLE_QR);
    bitmap_free(&b);
    bitmap_free(&l);
}

static void test_logo_and_long_payload(void **state)
{
    (void)state;
    /* A logo with grey tones and transparency is dithered on top. */
    char err[256];
    struct slip_options o = {.width_dots = 576, .dpi = 203, .logo_png = FIXTURES "logo.png"};
    struct slip_maker *m = slip_maker_new(&o, err, sizeof(err));
    assert_non_null(m);
    struct slip s = sample_slip_fi();
    struct bitmap with, without = render(&s, 80);
    assert_true(slip_render(m, &s, &with, err, sizeof(err)));
    assert_true(with.h > without.h + 50);
    bitmap_free(&with);
    /* A payload too long for any QR code is an error, not a crash. */
    char *big = xmalloc(5000);
    memset(big, 'x', 4999);
    big[4999] = '\0';
    s.qr_payload = big;
    assert_false(slip_render(m, &s, &with, err, sizeof(err)));
    assert_non_null(strstr(err, "QR"));
    free(big);
    slip_maker_free(m);
    /* A missing logo is reported by name. */
    o.logo_png = "/nonexistent/logo.png";
    assert_null(slip_maker_new(&o, err, sizeof(err)));
    assert_non_null(strstr(err, "/nonexistent/logo.png"));
    bitmap_free(&without);
}

static void test_escpos_units(void **state)
{
    (void)state;
    struct bitmap b;
    bitmap_init(&b, 10, ESCPOS_BAND_ROWS + 1); /* two bytes a row, two bands */
    bitmap_set(&b, 0, 0, true);
    bitmap_set(&b, 9, ESCPOS_BAND_ROWS, true);
    struct strbuf sb;
    strbuf_init(&sb);
    escpos_raster(&sb, &b);
    const uint8_t *p = (const uint8_t *)sb.s;
    assert_int_equal(sb.len, 8 + 2 * ESCPOS_BAND_ROWS + 8 + 2);
    assert_memory_equal(p, "\x1dv0\x00\x02\x00\x00\x01", 8);
    assert_int_equal(p[8], 0x80);
    const uint8_t *band2 = p + 8 + 2 * ESCPOS_BAND_ROWS;
    assert_memory_equal(band2, "\x1dv0\x00\x02\x00\x01\x00", 8);
    assert_int_equal(band2[8], 0x00);
    assert_int_equal(band2[9], 0x40);
    strbuf_clear(&sb);
    escpos_status_query(&sb);
    assert_memory_equal(sb.s, "\x10\x04\x01\x10\x04\x04", 6);
    strbuf_free(&sb);
    bitmap_free(&b);

    struct {
        uint8_t a[2];
        bool ok, offline, out, low;
    } rows[] = {
        {{0x12, 0x12}, true, false, false, false},  {{0x1A, 0x12}, true, true, false, false},
        {{0x12, 0x72}, true, false, true, false},   {{0x12, 0x1E}, true, false, false, true},
        {{0x00, 0x12}, false, false, false, false}, {{0x12, 0xFF}, false, false, false, false},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct escpos_status st = {0};
        assert_int_equal(escpos_parse_status(rows[i].a, &st), rows[i].ok);
        if (!rows[i].ok)
            continue;
        assert_int_equal(st.offline, rows[i].offline);
        assert_int_equal(st.paper_out, rows[i].out);
        assert_int_equal(st.paper_low, rows[i].low);
    }
}

static void test_pdf_and_png(void **state)
{
    (void)state;
    struct slip s = sample_slip_fi();
    struct bitmap b = render(&s, 80);
    struct strbuf pdf, png;
    strbuf_init(&pdf);
    strbuf_init(&png);
    assert_true(pdf_from_bitmap(&b, 203, &pdf));
    assert_memory_equal(pdf.s, "%PDF-1.4", 8);
    assert_non_null(strstr(pdf.s, "/MediaBox [0 0 204.30 "));
    assert_memory_equal(pdf.s + pdf.len - 6, "%%EOF\n", 6);
    assert_true(pngio_encode(&b, &png));
    assert_memory_equal(png.s, "\x89PNG", 4);
    assert_true(png.len < 40000);
    write_all(OUTDIR "sample-fi-80.pdf", pdf.s, pdf.len);
    if (system("command -v pdftoppm >/dev/null 2>&1") == 0) {
        assert_int_equal(system("pdftoppm -r 203 -png -singlefile '" OUTDIR
                                "sample-fi-80.pdf' '" OUTDIR "sample-fi-80-pdf'"),
                         0);
        assert_scans(OUTDIR "sample-fi-80-pdf.png", SAMPLE_QR);
    }
    strbuf_free(&pdf);
    strbuf_free(&png);
    bitmap_free(&b);
}

/* ---- fake printers ---- */

enum fake_mode { FAKE_RECORD, FAKE_STALL, FAKE_CLOSE_EARLY };

struct fake {
    enum fake_mode mode;
    int lfd, port, stop[2];
    bool answer; /* reply to the status query with reply[] */
    uint8_t reply[2];
    struct strbuf got;
    pthread_t th;
};

static bool wait_fd(struct fake *f, int fd)
{
    struct pollfd p[2] = {{fd, POLLIN, 0}, {f->stop[0], POLLIN, 0}};
    return poll(p, 2, 10000) > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) &&
           !(p[1].revents & POLLIN);
}

static void *fake_run(void *arg)
{
    struct fake *f = arg;
    if (!wait_fd(f, f->lfd))
        return NULL;
    int fd = accept(f->lfd, NULL, NULL);
    if (fd < 0)
        return NULL;
    if (f->mode == FAKE_STALL) { /* takes nothing until the test ends */
        struct pollfd p = {f->stop[0], POLLIN, 0};
        poll(&p, 1, 10000);
        close(fd);
        return NULL;
    }
    bool answered = false;
    char buf[4096];
    while (wait_fd(f, fd)) {
        size_t want = f->mode == FAKE_CLOSE_EARLY ? 100 - f->got.len : sizeof(buf);
        ssize_t k = recv(fd, buf, want < sizeof(buf) ? want : sizeof(buf), 0);
        if (k <= 0)
            break;
        strbuf_add(&f->got, buf, (size_t)k);
        if (f->answer && !answered && f->got.len >= 6 &&
            memcmp(f->got.s, "\x10\x04\x01\x10\x04\x04", 6) == 0) {
            send(fd, f->reply, 2, MSG_NOSIGNAL);
            answered = true;
        }
        if (f->mode == FAKE_CLOSE_EARLY && f->got.len >= 100)
            break; /* hangs up with the rest of the slip unread: a reset */
    }
    close(fd);
    return NULL;
}

static void fake_start(struct fake *f, enum fake_mode mode)
{
    memset(f, 0, sizeof(*f));
    f->mode = mode;
    strbuf_init(&f->got);
    assert_int_equal(pipe(f->stop), 0);
    f->lfd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(f->lfd >= 0);
    if (mode == FAKE_STALL) { /* a printer's small buffer, not a PC's */
        int sz = 2048;
        setsockopt(f->lfd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
    }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(f->lfd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(listen(f->lfd, 1), 0);
    socklen_t len = sizeof(a);
    getsockname(f->lfd, (struct sockaddr *)&a, &len);
    f->port = ntohs(a.sin_port);
    assert_int_equal(pthread_create(&f->th, NULL, fake_run, f), 0);
}

static void fake_stop(struct fake *f)
{
    assert_int_equal(write(f->stop[1], "x", 1), 1);
    pthread_join(f->th, NULL);
    close(f->lfd);
    close(f->stop[0]);
    close(f->stop[1]);
    strbuf_free(&f->got);
}

static void tcp_config(struct print_config *c, int port)
{
    printconf_defaults(c);
    c->kind = PRINTER_ESCPOS_TCP;
    snprintf(c->host, sizeof(c->host), "127.0.0.1:%d", port);
    c->daily_cap = 0;
    c->state_file[0] = '\0';
    c->timeout_ms = 1500;
    c->status_wait_ms = 300;
}

/* Prints the sample slip and waits for the result. */
static struct print_result print_sample(const struct print_config *c)
{
    char err[256];
    struct printer *p = printer_new(c, err, sizeof(err));
    if (!p)
        fail_msg("%s", err);
    struct slip s = sample_slip_fi();
    assert_int_equal(printer_submit(p, &s), PRINT_QUEUED);
    struct print_result r;
    assert_true(printer_wait(p, &r, 10000));
    printer_free(p);
    printf("[ info ] %s: %s (first byte %.0f ms, slip %.0f ms, done %.0f ms)\n", r.key, r.detail,
           r.first_ms, r.raster_ms, r.total_ms);
    return r;
}

static char *golden_bytes(size_t *len)
{
    char *g = read_all(FIXTURES "sample-fi-80.bin", len);
    assert_non_null(g);
    return g;
}

/* Checks what a recording printer got: the status query, then exactly the
 * golden slip; the printer saw the end of the stream (its thread ended). */
static void assert_recorded(struct fake *f, const struct print_result *r)
{
    pthread_join(f->th, NULL);
    size_t glen;
    char *g = golden_bytes(&glen);
    assert_int_equal(f->got.len, 6 + glen);
    assert_memory_equal(f->got.s, "\x10\x04\x01\x10\x04\x04", 6);
    assert_memory_equal(f->got.s + 6, g, glen);
    assert_int_equal(r->bytes, 6 + glen);
    free(g);
    close(f->lfd);
    close(f->stop[0]);
    close(f->stop[1]);
    strbuf_free(&f->got);
}

static void test_tcp_record(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_RECORD);
    f.answer = true;
    f.reply[0] = f.reply[1] = 0x12; /* online, paper present */
    struct print_config c;
    tcp_config(&c, f.port);
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_OK);
    assert_string_equal(r.key, "print.ok");
    assert_true(r.first_ms >= 0 && r.first_ms <= r.raster_ms);
    assert_recorded(&f, &r);
}

static void test_tcp_silent(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_RECORD);
    struct print_config c;
    tcp_config(&c, f.port);
    c.status_wait_ms = 100; /* this printer does not answer: the slip goes anyway */
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_OK);
    assert_true(r.raster_ms >= 100);
    assert_recorded(&f, &r);
}

static void test_tcp_no_paper(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_RECORD);
    f.answer = true;
    f.reply[0] = 0x12;
    f.reply[1] = 0x72; /* paper end sensor */
    struct print_config c;
    tcp_config(&c, f.port);
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_NO_PAPER);
    assert_string_equal(r.key, "print.no_paper");
    assert_int_equal(r.bytes, 6); /* only the question: no slip into an empty printer */
    assert_string_equal(status_text(r.status),
                        "The printer is out of paper. Please tell a member of staff.");
    fake_stop(&f);
}

static void test_tcp_stall(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_STALL);
    struct print_config c;
    tcp_config(&c, f.port);
    c.status_wait_ms = 50;
    char err[256];
    struct printer *p = printer_new(&c, err, sizeof(err));
    assert_non_null(p);
    struct slip s = sample_slip_fi();
    assert_int_equal(printer_submit(p, &s), PRINT_QUEUED);
    assert_int_equal(printer_submit(p, &s), PRINT_BUSY); /* a queue of one */
    struct print_result r;
    assert_true(printer_wait(p, &r, 10000));
    printf("[ info ] stall: %s: %s after %.0f ms\n", r.key, r.detail, r.total_ms);
    assert_int_equal(r.status, PRINT_TIMEOUT);
    assert_true(r.total_ms >= 1400 && r.total_ms < 3000);
    assert_true(r.bytes > 0);
    assert_false(printer_poll(p, &r)); /* the result is handed over once */
    printer_free(p);
    fake_stop(&f);
}

static void test_tcp_close_early(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_CLOSE_EARLY);
    struct print_config c;
    tcp_config(&c, f.port);
    c.status_wait_ms = 50;
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_OFFLINE);
    assert_non_null(strstr(r.detail, "closed the connection"));
    fake_stop(&f);
}

static void test_tcp_refused(void **state)
{
    (void)state;
    struct fake f;
    fake_start(&f, FAKE_RECORD);
    int port = f.port;
    fake_stop(&f); /* nobody listens there now */
    struct print_config c;
    tcp_config(&c, port);
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_OFFLINE);
    assert_non_null(strstr(r.detail, "refused"));
    assert_int_equal(r.bytes, 0);
}

static void device_config(struct print_config *c, const char *path)
{
    printconf_defaults(c);
    c->kind = PRINTER_ESCPOS_DEVICE;
    snprintf(c->device, sizeof(c->device), "%s", path);
    c->daily_cap = 0;
    c->state_file[0] = '\0';
    c->timeout_ms = 3000;
    c->status_wait_ms = 0;
}

static void test_device(void **state)
{
    (void)state;
    const char *path = OUTDIR "lp0-capture.bin";
    write_all(path, "", 0);
    struct print_config c;
    device_config(&c, path);
    struct print_result r = print_sample(&c);
    assert_int_equal(r.status, PRINT_OK);
    size_t n, glen;
    char *got = read_all(path, &n), *g = golden_bytes(&glen);
    assert_int_equal(n, glen);
    assert_memory_equal(got, g, glen);
    free(got);
    free(g);

    device_config(&c, OUTDIR "no-such-lp0");
    r = print_sample(&c);
    assert_int_equal(r.status, PRINT_MISSING);
    assert_string_equal(r.key, "print.missing");
    assert_non_null(strstr(r.detail, "no such device"));
}

/* ---- daily cap ---- */

static void test_dailycap(void **state)
{
    (void)state;
    const char *path = OUTDIR "print-count";
    remove(path);
    struct dailycap d;
    dailycap_init(&d, 2, path);
    assert_int_equal(dailycap_left(&d, "2026-11-23"), 2);
    assert_true(dailycap_take(&d, "2026-11-23"));
    assert_true(dailycap_take(&d, "2026-11-23"));
    assert_false(dailycap_take(&d, "2026-11-23"));
    assert_int_equal(dailycap_left(&d, "2026-11-23"), 0);
    assert_true(dailycap_save(&d));
    size_t n;
    char *s = read_all(path, &n);
    assert_string_equal(s, "2026-11-23 2\n"); /* a date and a number: nothing else */
    free(s);
    struct dailycap again; /* a restart keeps the count */
    dailycap_init(&again, 2, path);
    assert_false(dailycap_take(&again, "2026-11-23"));
    dailycap_give_back(&again, "2026-11-23");
    assert_true(dailycap_take(&again, "2026-11-23"));
    assert_true(dailycap_take(&again, "2026-11-24")); /* a new day */
    assert_int_equal(dailycap_left(&again, "2026-11-24"), 1);
    write_all(path, "garbage", 7);
    dailycap_init(&again, 1, path);
    assert_true(dailycap_take(&again, "2026-11-23"));
    dailycap_init(&again, 0, ""); /* no cap */
    for (int i = 0; i < 1000; i++)
        assert_true(dailycap_take(&again, "2026-11-23"));
    assert_int_equal(dailycap_left(&again, "2026-11-23"), -1);
}

static void test_printer_cap(void **state)
{
    (void)state;
    const char *dev = OUTDIR "lp0-cap.bin", *count = OUTDIR "print-count-printer";
    write_all(dev, "", 0);
    remove(count);
    struct print_config c;
    device_config(&c, dev);
    c.daily_cap = 2;
    snprintf(c.state_file, sizeof(c.state_file), "%s", count);
    char err[256];
    struct printer *p = printer_new(&c, err, sizeof(err));
    assert_non_null(p);
    struct slip s = sample_slip_fi();
    struct print_result r;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(printer_submit(p, &s), PRINT_QUEUED);
        assert_true(printer_wait(p, &r, 10000));
        assert_int_equal(r.status, PRINT_OK);
    }
    assert_int_equal(printer_left_today(p), 0);
    assert_int_equal(printer_submit(p, &s), PRINT_CAP_REACHED);
    /* Staff's test slip: printed with the cap used up, and not counted. */
    assert_int_equal(printer_submit_test(p, &s), PRINT_QUEUED);
    assert_true(printer_wait(p, &r, 10000));
    assert_int_equal(r.status, PRINT_OK);
    assert_int_equal(printer_left_today(p), 0);
    assert_string_equal(status_key(PRINT_CAP_REACHED), "print.cap");
    printer_free(p);
    size_t n;
    char *st = read_all(count, &n);
    assert_non_null(st);
    assert_non_null(strstr(st, " 2\n"));
    free(st);

    /* A job that printed nothing does not count. */
    remove(count);
    device_config(&c, OUTDIR "no-such-lp0");
    c.daily_cap = 1;
    snprintf(c.state_file, sizeof(c.state_file), "%s", count);
    p = printer_new(&c, err, sizeof(err));
    for (int i = 0; i < 2; i++) {
        assert_int_equal(printer_submit(p, &s), PRINT_QUEUED);
        assert_true(printer_wait(p, &r, 10000));
        assert_int_equal(r.status, PRINT_MISSING);
    }
    assert_int_equal(printer_left_today(p), 1);
    /* A failed test slip gives back nothing it did not take. */
    assert_int_equal(printer_submit_test(p, &s), PRINT_QUEUED);
    assert_true(printer_wait(p, &r, 10000));
    assert_int_equal(printer_left_today(p), 1);
    printer_free(p);

    /* No printer configured: the button is hidden, a submit says so. */
    printconf_defaults(&c);
    p = printer_new(&c, err, sizeof(err));
    assert_non_null(p);
    assert_false(printer_enabled(p));
    assert_int_equal(printer_submit(p, &s), PRINT_DISABLED);
    printer_free(p);
}

/* ---- config ---- */

static void test_config(void **state)
{
    (void)state;
    const char *path = OUTDIR "aula.conf";
    const char *text = "# aula.conf\n"
                       "pull_url = https://example.org/site.aula\n" /* aula-sync's: skipped */
                       "printer = escpos-tcp\n"
                       "printer_host = 192.0.2.7:9100\n"
                       "printer_paper = 58\n"
                       "printer_dpi = 180\n"
                       "print_daily_cap = 40\n"
                       "print_logo = on\n"
                       "print_timeout = 15s\n"
                       "print_status_wait = 250ms\n";
    write_all(path, text, strlen(text));
    struct print_config c;
    printconf_defaults(&c);
    char err[512] = "";
    assert_true(printconf_load(&c, path, true, err, sizeof(err)));
    assert_int_equal(c.kind, PRINTER_ESCPOS_TCP);
    assert_string_equal(c.host, "192.0.2.7:9100");
    assert_int_equal(c.paper_mm, 58);
    assert_int_equal(c.dpi, 180);
    assert_int_equal(c.daily_cap, 40);
    assert_true(c.logo);
    assert_int_equal(c.timeout_ms, 15000);
    assert_int_equal(c.status_wait_ms, 250);
    assert_true(printconf_check(&c, err, sizeof(err)));

    struct {
        const char *key, *value, *msg;
    } bad[] = {
        {"printer", "laser",
         "aula.conf:3: printer: \"laser\" is not a printer kind (write none, "
         "escpos-device, escpos-tcp or cups)"},
        {"printer_paper", "72", "aula.conf:3: printer_paper: \"72\" must be 58 or 80 (mm)"},
        {"printer_dpi", "high",
         "aula.conf:3: printer_dpi: \"high\" must be a number from 100 to "
         "1200"},
        {"print_daily_cap", "-1",
         "aula.conf:3: print_daily_cap: \"-1\" must be a whole number "
         "(0 = no cap)"},
        {"print_logo", "maybe", "aula.conf:3: print_logo: \"maybe\" must be on or off"},
        {"print_timeout", "1h",
         "aula.conf:3: print_timeout: \"1h\" is not a duration from 500ms "
         "to 10m (write e.g. 20s)"},
        {"printer_format", "ps", "aula.conf:3: printer_format: \"ps\" must be pdf or png"},
        {"print_colour", "red",
         "aula.conf:3: unknown print setting \"print_colour\" (see "
         "packaging/PRINTING.md)"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        printconf_defaults(&c);
        err[0] = '\0';
        assert_false(printconf_set(&c, bad[i].key, bad[i].value, "aula.conf", 3, err, sizeof(err)));
        assert_string_equal(err, bad[i].msg);
    }
    printconf_defaults(&c);
    assert_true(printconf_set(&c, "timeout", "nonsense", "aula.conf", 1, err, sizeof(err)));
    c.kind = PRINTER_CUPS;
    assert_false(printconf_check(&c, err, sizeof(err)));
    assert_string_equal(err, "printer = cups needs printer_queue (lpstat -p lists the queues)");
    assert_false(printconf_load(&c, OUTDIR "missing.conf", true, err, sizeof(err)));
    assert_true(printconf_load(&c, OUTDIR "missing.conf", false, err, sizeof(err)));
}

static void test_status_texts(void **state)
{
    (void)state;
    for (int s = 0; s < PRINT_STATUS_COUNT; s++) {
        assert_memory_equal(status_key((enum print_status)s), "print.", 6);
        assert_true(strlen(status_text((enum print_status)s)) > 5);
        for (int t = 0; t < s; t++) /* one key per outcome */
            assert_string_not_equal(status_key((enum print_status)s),
                                    status_key((enum print_status)t));
    }
    assert_string_equal(status_text(PRINT_STATUS_COUNT), status_text(PRINT_FAILED));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_escpos),
        cmocka_unit_test(test_rtl_slip),
        cmocka_unit_test(test_logo_and_long_payload),
        cmocka_unit_test(test_escpos_units),
        cmocka_unit_test(test_pdf_and_png),
        cmocka_unit_test(test_tcp_record),
        cmocka_unit_test(test_tcp_silent),
        cmocka_unit_test(test_tcp_no_paper),
        cmocka_unit_test(test_tcp_stall),
        cmocka_unit_test(test_tcp_close_early),
        cmocka_unit_test(test_tcp_refused),
        cmocka_unit_test(test_device),
        cmocka_unit_test(test_dailycap),
        cmocka_unit_test(test_printer_cap),
        cmocka_unit_test(test_config),
        cmocka_unit_test(test_status_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
