/* printer: the print worker thread and its one-job queue; see printer.h.
 *
 * An ESC/POS job connects first and asks the printer for its status, then
 * lays out the slip while the answer travels, so the printer's reply time
 * and the layout overlap; a printer that does not answer within
 * print_status_wait simply gets the slip. */
#include "print/printer.h"
#include "print/conn.h"
#include "print/cupsjob.h"
#include "print/dailycap.h"
#include "print/escpos.h"
#include "print/pdf.h"
#include "print/pngio.h"
#include "base/log.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct job {
    struct slip slip; /* every string owned by the job */
    int64_t t0;       /* conn_now_ms() at submit */
    char today[11];
    bool counted; /* took a slip of the daily cap */
};

struct printer {
    struct print_config cfg;
    struct slip_maker *maker;
    pthread_t thread;
    bool started;
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    struct job *pending;
    bool running, quit, has_result;
    struct print_result result;
    struct dailycap cap;
    printer_notify_fn notify;
    void *notify_ctx;
};

/* ---- slip copies ---- */

#define SLIP_STRINGS(s)                                                                            \
    &(s)->place, &(s)->title, &(s)->subtitle, &(s)->person, &(s)->person_title, &(s)->phone_label, \
        &(s)->phone, &(s)->email_label, &(s)->email, &(s)->address_label, &(s)->address,           \
        &(s)->hours_label, &(s)->qr_payload, &(s)->qr_caption, &(s)->date

static struct job *job_new(const struct slip *s)
{
    struct job *j = xcalloc(1, sizeof(*j));
    j->slip = *s;
    const char **f[] = {SLIP_STRINGS(&j->slip)};
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
        *f[i] = xstrdup(*f[i] ? *f[i] : "");
    if (j->slip.nhours > SLIP_MAX_HOURS)
        j->slip.nhours = SLIP_MAX_HOURS;
    for (size_t i = 0; i < j->slip.nhours; i++)
        j->slip.hours[i] = xstrdup(s->hours[i] ? s->hours[i] : "");
    return j;
}

static void job_free(struct job *j)
{
    if (!j)
        return;
    const char **f[] = {SLIP_STRINGS(&j->slip)};
    for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
        free((char *)*f[i]);
    for (size_t i = 0; i < j->slip.nhours; i++)
        free((char *)j->slip.hours[i]);
    free(j);
}

/* ---- running a job ---- */

static double since(int64_t t0, int64_t t)
{
    return t ? (double)(t - t0) : -1.0;
}

static enum print_status fail(struct print_result *r, enum print_status st, const char *msg)
{
    r->status = st;
    if (msg != r->detail)
        snprintf(r->detail, sizeof(r->detail), "%s", msg);
    return st;
}

static enum print_status run_escpos(struct printer *p, struct job *j, struct print_result *r)
{
    const struct print_config *c = &p->cfg;
    int64_t deadline = j->t0 + c->timeout_ms;
    struct conn cn;
    enum print_status st =
        c->kind == PRINTER_ESCPOS_TCP
            ? conn_open_tcp(&cn, c->host, deadline, r->detail, sizeof(r->detail))
            : conn_open_device(&cn, c->device, deadline, r->detail, sizeof(r->detail));
    if (st != PRINT_OK)
        return fail(r, st, r->detail);
    struct strbuf sb;
    strbuf_init(&sb);
    int64_t asked = 0;
    if (c->status_wait_ms > 0) {
        escpos_status_query(&sb);
        st = conn_write(&cn, sb.s, sb.len, deadline, r->detail, sizeof(r->detail));
        if (st != PRINT_OK)
            goto done;
        asked = conn_now_ms();
        strbuf_clear(&sb);
    }
    struct bitmap b;
    char err[256];
    if (!slip_render(p->maker, &j->slip, &b, err, sizeof(err))) {
        st = fail(r, PRINT_FAILED, err);
        goto done;
    }
    r->layout_ms = since(j->t0, conn_now_ms());
    if (asked) {
        int64_t until = asked + c->status_wait_ms < deadline ? asked + c->status_wait_ms : deadline;
        uint8_t ans[2];
        struct escpos_status es;
        if (conn_read(&cn, ans, 2, until) == 2 && escpos_parse_status(ans, &es)) {
            if (es.paper_out) {
                snprintf(r->detail, sizeof(r->detail), "%s: the printer reports no paper", cn.name);
                st = PRINT_NO_PAPER;
            } else if (es.offline) {
                snprintf(r->detail, sizeof(r->detail),
                         "%s: the printer reports it is offline (cover open or an error?)",
                         cn.name);
                st = PRINT_OFFLINE;
            } else if (es.paper_low) {
                LOG_WARN("%s: the paper roll is running low", cn.name);
            }
        }
        if (st != PRINT_OK) {
            r->status = st;
            bitmap_free(&b);
            goto done;
        }
    }
    escpos_slip(&sb, &b);
    bitmap_free(&b);
    size_t before = cn.sent;
    int64_t t_slip = conn_now_ms(); /* the slip's first send() follows at once */
    st = conn_write(&cn, sb.s, sb.len, deadline, r->detail, sizeof(r->detail));
    if (cn.sent > before)
        r->raster_ms = since(j->t0, t_slip);
    if (st == PRINT_OK)
        st = conn_finish(&cn, deadline, r->detail, sizeof(r->detail));
    if (st == PRINT_OK)
        snprintf(r->detail, sizeof(r->detail), "%s: %zu bytes", cn.name, cn.sent);
done:
    r->status = st;
    r->bytes = cn.sent;
    r->first_ms = since(j->t0, cn.first_byte);
    strbuf_free(&sb);
    conn_close(&cn);
    return st;
}

static enum print_status run_cups(struct printer *p, struct job *j, struct print_result *r)
{
    const struct print_config *c = &p->cfg;
    struct bitmap b;
    char err[256];
    if (!slip_render(p->maker, &j->slip, &b, err, sizeof(err)))
        return fail(r, PRINT_FAILED, err);
    r->layout_ms = since(j->t0, conn_now_ms());
    struct strbuf doc;
    strbuf_init(&doc);
    bool ok =
        c->format == CUPS_FORMAT_PDF ? pdf_from_bitmap(&b, c->dpi, &doc) : pngio_encode(&b, &doc);
    bitmap_free(&b);
    if (!ok) {
        strbuf_free(&doc);
        return fail(r, PRINT_FAILED, "cannot encode the slip for CUPS");
    }
    struct cupsjob cj = {
        .server = c->cups_server,
        .queue = c->queue,
        .format = c->format == CUPS_FORMAT_PDF ? "application/pdf" : "image/png",
        .data = doc.s,
        .len = doc.len,
        .deadline = j->t0 + c->timeout_ms,
    };
    int64_t first = 0;
    r->status = cupsjob_submit(&cj, &r->cups_job, &first, r->detail, sizeof(r->detail));
    r->first_ms = r->raster_ms = since(j->t0, first);
    r->bytes = r->status == PRINT_OK ? doc.len : 0;
    strbuf_free(&doc);
    return r->status;
}

static void run(struct printer *p, struct job *j, struct print_result *r)
{
    memset(r, 0, sizeof(*r));
    r->first_ms = r->raster_ms = r->layout_ms = -1;
    if (p->cfg.kind == PRINTER_CUPS)
        run_cups(p, j, r);
    else
        run_escpos(p, j, r);
    r->total_ms = since(j->t0, conn_now_ms());
    r->key = status_key(r->status);
    if (r->status == PRINT_OK)
        LOG_INFO("printed a slip: %s in %.0f ms", r->detail, r->total_ms);
    else
        LOG_ERR("printing failed (%s): %s", r->key, r->detail);
}

static void *worker(void *arg)
{
    struct printer *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->pending && !p->quit)
            pthread_cond_wait(&p->wake, &p->lock);
        if (p->quit)
            break;
        struct job *j = p->pending;
        p->pending = NULL;
        p->running = true;
        struct dailycap cap = p->cap;
        pthread_mutex_unlock(&p->lock);

        dailycap_save(&cap);
        struct print_result r;
        run(p, j, &r);

        pthread_mutex_lock(&p->lock);
        if (j->counted && r.status != PRINT_OK && r.bytes == 0) { /* no paper used */
            dailycap_give_back(&p->cap, j->today);
            cap = p->cap;
            pthread_mutex_unlock(&p->lock);
            dailycap_save(&cap);
            pthread_mutex_lock(&p->lock);
        }
        job_free(j);
        p->result = r;
        p->has_result = true;
        p->running = false;
        pthread_cond_broadcast(&p->done);
        printer_notify_fn fn = p->notify;
        void *ctx = p->notify_ctx;
        pthread_mutex_unlock(&p->lock);
        if (fn)
            fn(ctx);
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ---- public ---- */

struct printer *printer_new(const struct print_config *cfg, char *err, size_t cap)
{
    if (!printconf_check(cfg, err, cap))
        return NULL;
    struct printer *p = xcalloc(1, sizeof(*p));
    p->cfg = *cfg;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    pthread_cond_init(&p->done, NULL);
    dailycap_init(&p->cap, cfg->daily_cap, cfg->state_file);
    if (cfg->kind == PRINTER_NONE)
        return p;
    char why[400];
    if (cfg->kind == PRINTER_CUPS && !cupsjob_load(why, sizeof(why))) {
        snprintf(err, cap, "printer = cups but libcups2 could not be loaded: %s", why);
        printer_free(p);
        return NULL;
    }
    struct slip_options o = {
        .width_dots = slip_width_dots(cfg->paper_mm, cfg->dpi),
        .dpi = cfg->dpi,
        .font_dir = cfg->font_dir[0] ? cfg->font_dir : NULL,
        .logo_png = cfg->logo ? cfg->logo_file : NULL,
    };
    p->maker = slip_maker_new(&o, err, cap);
    if (!p->maker && o.logo_png) { /* a broken logo must not stop printing */
        LOG_WARN("%s; printing without a logo", err);
        o.logo_png = NULL;
        p->maker = slip_maker_new(&o, err, cap);
    }
    if (!p->maker || pthread_create(&p->thread, NULL, worker, p) != 0) {
        if (p->maker)
            snprintf(err, cap, "cannot start the print thread");
        printer_free(p);
        return NULL;
    }
    p->started = true;
    return p;
}

void printer_free(struct printer *p)
{
    if (!p)
        return;
    if (p->started) {
        pthread_mutex_lock(&p->lock);
        p->quit = true;
        pthread_cond_broadcast(&p->wake);
        pthread_mutex_unlock(&p->lock);
        pthread_join(p->thread, NULL);
    }
    job_free(p->pending);
    slip_maker_free(p->maker);
    pthread_cond_destroy(&p->wake);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

bool printer_enabled(const struct printer *p)
{
    return p && p->cfg.kind != PRINTER_NONE;
}

void printer_set_notify(struct printer *p, printer_notify_fn fn, void *ctx)
{
    pthread_mutex_lock(&p->lock);
    p->notify = fn;
    p->notify_ctx = ctx;
    pthread_mutex_unlock(&p->lock);
}

static enum print_status submit(struct printer *p, const struct slip *s, bool counted)
{
    int64_t t0 = conn_now_ms();
    if (!printer_enabled(p))
        return PRINT_DISABLED;
    char today[11];
    dailycap_today(today);
    pthread_mutex_lock(&p->lock);
    enum print_status st = PRINT_QUEUED;
    if (p->pending || p->running) {
        st = PRINT_BUSY;
    } else if (counted && !dailycap_take(&p->cap, today)) {
        st = PRINT_CAP_REACHED;
        LOG_WARN("the daily cap of %d slips is reached; no more slips today", p->cap.limit);
    } else {
        struct job *j = job_new(s);
        j->t0 = t0;
        j->counted = counted;
        memcpy(j->today, today, sizeof(today));
        p->pending = j;
        p->has_result = false;
        pthread_cond_signal(&p->wake);
    }
    pthread_mutex_unlock(&p->lock);
    return st;
}

enum print_status printer_submit(struct printer *p, const struct slip *s)
{
    return submit(p, s, true);
}

enum print_status printer_submit_test(struct printer *p, const struct slip *s)
{
    return submit(p, s, false);
}

bool printer_poll(struct printer *p, struct print_result *out)
{
    pthread_mutex_lock(&p->lock);
    bool got = p->has_result;
    if (got) {
        *out = p->result;
        p->has_result = false;
    }
    pthread_mutex_unlock(&p->lock);
    return got;
}

bool printer_wait(struct printer *p, struct print_result *out, int timeout_ms)
{
    if (!p->started)
        return false;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&p->lock);
    while (!p->has_result && (p->pending || p->running))
        if (pthread_cond_timedwait(&p->done, &p->lock, &ts) != 0)
            break;
    bool got = p->has_result;
    if (got) {
        *out = p->result;
        p->has_result = false;
    }
    pthread_mutex_unlock(&p->lock);
    return got;
}

int printer_left_today(struct printer *p)
{
    char today[11];
    dailycap_today(today);
    pthread_mutex_lock(&p->lock);
    int left = dailycap_left(&p->cap, today);
    pthread_mutex_unlock(&p->lock);
    return left;
}
