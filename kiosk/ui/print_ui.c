/* print_ui: Print buttons, slips and their results; see print_ui.h. */
#include "ui/print_ui.h"
#include "ui/notice.h"
#include "ui/widget.h"
#include "print/printer.h"
#include "print/slipfill.h"
#include "data/stats.h"
#include "base/civil.h"
#include "base/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESULT_MS 10000 /* how long the result of a job stays on screen */

const char *ui_print_text(const char *lang, const char *key)
{
    if (!key)
        return NULL;
    if (strncmp(key, "weekday.", 8) == 0) {
        int wd = atoi(key + 8);
        return wd >= 1 && wd <= 7 ? str_weekday_short(lang, wd) : NULL;
    }
    enum str_id id = str_find(key);
    return id == STR_COUNT ? NULL : str_get(lang, id);
}

const char *ui_print_status_text(const char *lang, enum print_status st)
{
    const char *t = ui_print_text(lang, status_key(st));
    return t ? t : status_text(st);
}

/* From the print worker's thread: wake the event loop. */
static void wake(void *ctx)
{
    Uint32 type = (Uint32)(uintptr_t)ctx;
    SDL_Event ev;
    memset(&ev, 0, sizeof(ev));
    ev.type = type;
    SDL_PushEvent(&ev);
}

bool ui_print_open(struct app *a, const struct print_config *cfg, char *err, size_t cap)
{
    if (cfg->kind == PRINTER_NONE)
        return true;
    if (!printconf_check(cfg, err, cap))
        return false;
    struct printer *p = printer_new(cfg, err, cap);
    if (!p)
        return false;
    struct ui_notice *n = notice_state(a);
    if (!n->print_event) {
        Uint32 t = SDL_RegisterEvents(1);
        if (t == (Uint32)-1) {
            snprintf(err, cap, "printer: no SDL event left for the print results");
            printer_free(p);
            return false;
        }
        n->print_event = t;
    }
    printer_set_notify(p, wake, (void *)(uintptr_t)n->print_event);
    a->printer = p;
    return true;
}

void ui_print_close(struct app *a)
{
    if (!a->printer)
        return;
    printer_free(a->printer);
    a->printer = NULL;
}

bool ui_print_available(struct app *a)
{
    return printer_enabled(a->printer) && printer_left_today(a->printer) != 0;
}

int ui_print_button_width(struct app *a)
{
    return ui_print_available(a) ? widget_button_width(a, ui_str(a, S_PRINT), "print") : 0;
}

int ui_print_button(struct app *a, const char *id, int x, int y)
{
    if (!ui_print_available(a))
        return 0;
    const char *label = ui_str(a, S_PRINT);
    int bw = widget_button_width(a, label, "print");
    widget_button(a, id, (SDL_Rect){x, y, bw, a->theme.button_h}, label, "print", W_SECONDARY);
    return bw;
}

/* The visitor's message for a submit that did not start a job. */
static void show_status(struct app *a, enum print_status st)
{
    notice_show(a, NOTICE_VISITOR,
                st == PRINT_QUEUED ? NOTICE_INFO
                : st == PRINT_OK   ? NOTICE_OK
                                   : NOTICE_ERROR,
                ui_print_status_text(a->lang, st), st == PRINT_QUEUED ? 0 : RESULT_MS);
}

static bool submit(struct app *a, const struct slip *s, const char *what, bool counts)
{
    /* a test slip is staff's: outside the daily cap and the statistics */
    enum print_status st =
        counts ? printer_submit(a->printer, s) : printer_submit_test(a->printer, s);
    if (st == PRINT_QUEUED) {
        struct ui_notice *n = notice_state(a);
        snprintf(n->print_what, sizeof(n->print_what), "%s", what);
        n->print_counts = counts;
    }
    show_status(a, st);
    return st == PRINT_QUEUED;
}

static struct slipfill_ctx fill_ctx(struct app *a, struct catalog_site *site, bool *have_site)
{
    memset(site, 0, sizeof(*site));
    *have_site = a->content && catalog_site_load(a->content, a->lang, site);
    struct slipfill_ctx c = {
        .lang = a->lang,
        .rtl = a->rtl,
        .place = *have_site ? site->name.s : "",
        .today = a->content ? content_today(a->content, ui_now(a)) : ui_now(a) / 86400,
        .text = ui_print_text,
    };
    return c;
}

void ui_print_service(struct app *a, const struct catalog_service *s, int contact)
{
    struct catalog_site site;
    bool have_site;
    struct slipfill_ctx c = fill_ctx(a, &site, &have_site);
    struct slip_text t;
    slipfill_service(&t, s, contact, &c);
    submit(a, &t.slip, contact >= 0 ? "contact" : "service", true);
    slipfill_free(&t);
    if (have_site)
        catalog_site_free(&site);
}

void ui_print_org(struct app *a, const struct catalog_org *o, int contact)
{
    struct catalog_site site;
    bool have_site;
    struct slipfill_ctx c = fill_ctx(a, &site, &have_site);
    struct slip_text t;
    slipfill_org(&t, o, contact, &c);
    submit(a, &t.slip, contact >= 0 ? "contact" : "organization", true);
    slipfill_free(&t);
    if (have_site)
        catalog_site_free(&site);
}

bool ui_print_test(struct app *a)
{
    if (!printer_enabled(a->printer)) {
        show_status(a, PRINT_DISABLED);
        return false;
    }
    struct catalog_site site;
    bool have_site;
    struct slipfill_ctx c = fill_ctx(a, &site, &have_site);
    struct civil_date d = civil_from_days(c.today);
    char date[16];
    snprintf(date, sizeof(date), "%d.%d.%04d", d.day, d.month, d.year);
    const char *web = have_site && site.website ? site.website : "";
    struct slip s = {
        .place = c.place[0] ? c.place : "aula",
        .title = ui_str(a, S_PRINT_TEST),
        .subtitle = "",
        .person = "",
        .person_title = "",
        .phone_label = ui_str(a, S_PHONE),
        .phone = have_site && site.phone ? site.phone : "",
        .email_label = ui_str(a, S_EMAIL),
        .email = have_site && site.email ? site.email : "",
        .address_label = ui_str(a, S_SLIP_ADDRESS),
        .address = "",
        .hours_label = ui_str(a, S_HOURS),
        .qr_payload = web,
        .qr_caption = web[0] ? ui_str(a, S_QR_WEB) : "",
        .date = date,
        .rtl = a->rtl,
    };
    bool ok = submit(a, &s, "test", false);
    if (have_site)
        catalog_site_free(&site);
    return ok;
}

/* A job ended: its message, and a count in the statistics. */
static void show_result(struct app *a, const struct print_result *r)
{
    struct ui_notice *n = notice_state(a);
    if (r->status == PRINT_OK) {
        if (a->stats && n->print_counts && a->content) {
            char day[11];
            civil_format(civil_from_days(content_today(a->content, ui_now(a))), day);
            if (!stats_count(a->stats, day, STATS_PRINT, n->print_what))
                LOG_WARN("statistics: the printed slip was not counted");
        }
    } /* the printer logs failures itself */
    n->print_counts = false;
    show_status(a, r->status);
}

bool ui_print_event(struct app *a, const SDL_Event *ev)
{
    if (!a->notice || !a->notice->print_event || ev->type != a->notice->print_event)
        return false;
    struct print_result r;
    if (a->printer && printer_poll(a->printer, &r))
        show_result(a, &r);
    return true;
}

bool ui_print_wait(struct app *a, int ms, enum print_status *st)
{
    if (!a->printer || !a->notice || !a->notice->print_event)
        return false;
    Uint32 type = a->notice->print_event;
    Uint32 end = SDL_GetTicks() + (Uint32)ms;
    for (;;) {
        SDL_Event ev;
        SDL_PumpEvents();
        /* Only the print worker's events: others stay queued. */
        if (SDL_PeepEvents(&ev, 1, SDL_GETEVENT, type, type) == 1) {
            struct print_result r;
            if (printer_poll(a->printer, &r)) {
                show_result(a, &r);
                if (st)
                    *st = r.status;
                return true;
            }
        }
        if ((int32_t)(SDL_GetTicks() - end) >= 0)
            return false;
        SDL_Delay(10);
    }
}
