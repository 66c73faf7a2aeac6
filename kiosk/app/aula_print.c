/* aula-print: staff and test tool for the kiosk's slip printer.
 *
 *   aula-print test [--config FILE] [--lang LANG] [--out FILE]
 *       prints a test slip on the configured printer (not counted in the
 *       daily cap), or writes it to FILE (.png, .bin = ESC/POS, .pdf)
 *   aula-print slip --snapshot FILE (--service ID | --org ID) [--contact N]
 *       [--lang LANG] [--today YYYY-MM-DD] [--config FILE] [--out FILE]
 *       prints (or writes) the slip a visitor would get for a service or an
 *       organisation, optionally for one of its contact persons
 *
 * --paper 58|80 and --dpi N override the config. Exit status: 0 printed or
 * written, 1 the printer or the content failed, 2 usage. Wiring only: the
 * work is in kiosk/print/; the slips' words are the kiosk's screen texts
 * (ui/print_ui.h, assets/po). */
#include "ui/print_ui.h"
#include "print/escpos.h"
#include "print/pdf.h"
#include "print/pngio.h"
#include "print/printconf.h"
#include "print/printer.h"
#include "print/slip.h"
#include "print/slipfill.h"
#include "domain/catalog.h"
#include "domain/content.h"
#include "base/civil.h"
#include "base/log.h"
#include "base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct args {
    const char *cmd, *config, *lang, *out, *snapshot, *service, *org, *today;
    int contact, paper, dpi;
};

static int usage(void)
{
    fprintf(stderr,
            "usage:\n"
            "  aula-print test [--config FILE] [--lang LANG] [--out FILE]\n"
            "  aula-print slip --snapshot FILE (--service ID | --org ID) [--contact N]\n"
            "                  [--lang LANG] [--today YYYY-MM-DD] [--config FILE] [--out FILE]\n"
            "options: --paper 58|80, --dpi N override the config; FILE for --out ends in\n"
            "  .png (picture), .bin (ESC/POS bytes) or .pdf\n"
            "config: the print* keys of FILE (default /etc/aula/aula.conf), see "
            "packaging/PRINTING.md\n");
    return 2;
}

static bool parse_args(int argc, char **argv, struct args *a)
{
    memset(a, 0, sizeof(*a));
    a->contact = -1;
    a->lang = "fi";
    if (argc < 2)
        return false;
    a->cmd = argv[1];
    for (int i = 2; i < argc; i += 2) { /* every option takes a value */
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **dst = strcmp(o, "--config") == 0     ? &a->config
                           : strcmp(o, "--lang") == 0     ? &a->lang
                           : strcmp(o, "--out") == 0      ? &a->out
                           : strcmp(o, "--snapshot") == 0 ? &a->snapshot
                           : strcmp(o, "--service") == 0  ? &a->service
                           : strcmp(o, "--org") == 0      ? &a->org
                           : strcmp(o, "--today") == 0    ? &a->today
                                                          : NULL;
        if (!v)
            return false;
        if (dst)
            *dst = v;
        else if (strcmp(o, "--contact") == 0)
            a->contact = atoi(v);
        else if (strcmp(o, "--paper") == 0)
            a->paper = atoi(v);
        else if (strcmp(o, "--dpi") == 0)
            a->dpi = atoi(v);
        else
            return false;
    }
    return strcmp(a->cmd, "test") == 0 ||
           (strcmp(a->cmd, "slip") == 0 && a->snapshot && (!a->service != !a->org));
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Writes the slip to a file instead of a printer. */
static int write_out(const struct print_config *cfg, const struct slip *s, const char *path)
{
    char err[512];
    struct slip_options o = {
        .width_dots = slip_width_dots(cfg->paper_mm, cfg->dpi),
        .dpi = cfg->dpi,
        .font_dir = cfg->font_dir[0] ? cfg->font_dir : NULL,
        .logo_png = cfg->logo ? cfg->logo_file : NULL,
    };
    struct slip_maker *m = slip_maker_new(&o, err, sizeof(err));
    if (!m) {
        fprintf(stderr, "aula-print: %s\n", err);
        return 1;
    }
    struct bitmap b;
    int rc = 1;
    if (!slip_render(m, s, &b, err, sizeof(err))) {
        fprintf(stderr, "aula-print: %s\n", err);
        slip_maker_free(m);
        return 1;
    }
    if (ends_with(path, ".png")) {
        rc = pngio_save(&b, path, err, sizeof(err)) ? 0 : 1;
    } else {
        struct strbuf sb;
        strbuf_init(&sb);
        bool ok = ends_with(path, ".pdf") ? pdf_from_bitmap(&b, cfg->dpi, &sb)
                                          : (escpos_slip(&sb, &b), true);
        FILE *f = ok ? fopen(path, "wb") : NULL;
        ok = f && fwrite(sb.s, 1, sb.len, f) == sb.len;
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok)
            snprintf(err, sizeof(err), "cannot write %s", path);
        rc = ok ? 0 : 1;
        strbuf_free(&sb);
    }
    if (rc)
        fprintf(stderr, "aula-print: %s\n", err);
    else
        printf("%s: %d x %d dots (%.1f x %.1f mm)\n", path, b.w, b.h, b.w * 25.4 / cfg->dpi,
               b.h * 25.4 / cfg->dpi);
    bitmap_free(&b);
    slip_maker_free(m);
    return rc;
}

/* Sends the slip to the configured printer and waits for the result. */
static int print_now(const struct print_config *cfg, const struct slip *s, const char *lang)
{
    char err[512];
    if (cfg->kind == PRINTER_NONE) {
        fprintf(stderr, "aula-print: no printer is configured (set printer = ... in the "
                        "config, see packaging/PRINTING.md)\n");
        return 1;
    }
    struct printer *p = printer_new(cfg, err, sizeof(err));
    if (!p) {
        fprintf(stderr, "aula-print: %s\n", err);
        return 1;
    }
    enum print_status st = printer_submit(p, s);
    struct print_result r = {.status = st, .key = status_key(st)};
    if (st == PRINT_QUEUED && !printer_wait(p, &r, (int)cfg->timeout_ms + 5000)) {
        r.status = PRINT_TIMEOUT;
        r.key = status_key(r.status);
    }
    printer_free(p);
    if (r.status == PRINT_OK) {
        printf("printed: %s (layout %.0f ms, first byte %.0f ms, done %.0f ms)\n", r.detail,
               r.layout_ms, r.first_ms, r.total_ms);
        return 0;
    }
    fprintf(stderr, "aula-print: %s: %s\n  the visitor sees: %s\n", r.key,
            r.detail[0] ? r.detail : "-", ui_print_status_text(lang, r.status));
    return 1;
}

static int64_t today_days(const char *arg, const struct content *c)
{
    struct civil_date d;
    if (arg && civil_parse_date(arg, &d))
        return civil_to_days(d.year, d.month, d.day);
    return c ? content_today(c, (int64_t)time(NULL)) : (int64_t)(time(NULL) / 86400);
}

static int cmd_test(const struct args *a, struct print_config *cfg)
{
    cfg->daily_cap = 0; /* staff tests do not use up the visitors' slips */
    cfg->state_file[0] = '\0';
    char where[600], size[64], date[32];
    const char *target = cfg->kind == PRINTER_ESCPOS_DEVICE ? cfg->device
                         : cfg->kind == PRINTER_ESCPOS_TCP  ? cfg->host
                         : cfg->kind == PRINTER_CUPS        ? cfg->queue
                                                            : "-";
    snprintf(where, sizeof(where), "%s %s", printconf_kind_name(cfg->kind), target);
    snprintf(size, sizeof(size), "%d mm, %d dpi", cfg->paper_mm, cfg->dpi);
    struct civil_date d = civil_from_days(today_days(NULL, NULL));
    snprintf(date, sizeof(date), "%d.%d.%04d", d.day, d.month, d.year);
    bool ar = strcmp(a->lang, "ar") == 0;
    struct slip s = {
        .place = "aula",
        .title = ar ? "ورقة تجريبية" : "Testitulostus · Testutskrift · Test slip",
        .subtitle = where,
        .person = "Tervetuloa · Välkommen · Welcome · أهلاً وسهلاً",
        .person_title = size,
        .phone_label = ar ? "الهاتف" : "Puhelin / Telefon / Phone",
        .phone = "+358 40 000 0000",
        .email_label = ar ? "البريد الإلكتروني" : "Sähköposti / E-post / Email",
        .email = "perhekeskus@example.org",
        .address_label = "Åäö ÅÄÖ €",
        .address = "Rantakatu 1, 00100 Helsinki",
        .hours_label = ar ? "ساعات العمل" : "Aukioloajat / Öppettider / Opening hours",
        .hours = {"ma–pe 8.00–16.00"},
        .nhours = 1,
        .qr_payload = "tel:+358400000000",
        .qr_caption = ar ? "للاتصال: امسح الرمز بهاتفك" : "Skannaa · Skanna · Scan",
        .date = date,
        .rtl = ar,
    };
    return a->out ? write_out(cfg, &s, a->out) : print_now(cfg, &s, a->lang);
}

static int cmd_slip(const struct args *a, const struct print_config *cfg)
{
    char msg[512];
    struct content *c = NULL;
    if (content_open(a->snapshot, &c, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(stderr, "aula-print: %s\n", msg);
        return 1;
    }
    const struct content_lang *cl = content_lang(c, a->lang);
    struct catalog_site site;
    memset(&site, 0, sizeof(site));
    bool have_site = catalog_site_load(c, a->lang, &site);
    struct slipfill_ctx ctx = {
        .lang = a->lang,
        .rtl = cl ? cl->rtl : strcmp(a->lang, "ar") == 0,
        .place = have_site ? site.name.s : "",
        .today = today_days(a->today, c),
        .text = ui_print_text, /* the kiosk's screen texts */
    };
    struct slip_text st;
    int rc = 1;
    if (a->service) {
        struct catalog_service svc;
        if (!catalog_service_load(c, a->lang, a->service, (int64_t)time(NULL), &svc)) {
            fprintf(stderr, "aula-print: %s: no service \"%s\"\n", a->snapshot, a->service);
            goto done;
        }
        slipfill_service(&st, &svc, a->contact, &ctx);
        rc = a->out ? write_out(cfg, &st.slip, a->out) : print_now(cfg, &st.slip, a->lang);
        slipfill_free(&st);
        catalog_service_free(&svc);
    } else {
        struct catalog_org org;
        if (!catalog_org_load(c, a->lang, a->org, &org)) {
            fprintf(stderr, "aula-print: %s: no organisation \"%s\"\n", a->snapshot, a->org);
            goto done;
        }
        slipfill_org(&st, &org, a->contact, &ctx);
        rc = a->out ? write_out(cfg, &st.slip, a->out) : print_now(cfg, &st.slip, a->lang);
        slipfill_free(&st);
        catalog_org_free(&org);
    }
done:
    if (have_site)
        catalog_site_free(&site);
    content_close(c);
    return rc;
}

int main(int argc, char **argv)
{
    log_set_program("aula-print");
    struct args a;
    if (!parse_args(argc, argv, &a))
        return usage();
    struct print_config cfg;
    printconf_defaults(&cfg);
    char err[600];
    const char *path = a.config ? a.config : "/etc/aula/aula.conf";
    if (!printconf_load(&cfg, path, a.config != NULL, err, sizeof(err))) {
        fprintf(stderr, "aula-print: %s\n", err);
        return 1;
    }
    struct {
        int v;
        const char *key, *opt;
    } over[] = {{a.paper, "printer_paper", "--paper"}, {a.dpi, "printer_dpi", "--dpi"}};
    for (size_t i = 0; i < 2; i++) {
        char v[16];
        snprintf(v, sizeof(v), "%d", over[i].v);
        if (over[i].v && !printconf_set(&cfg, over[i].key, v, over[i].opt, 0, err, sizeof(err))) {
            fprintf(stderr, "aula-print: %s\n", err);
            return 2;
        }
    }
    if (!a.out && !printconf_check(&cfg, err, sizeof(err))) {
        fprintf(stderr, "aula-print: %s\n", err);
        return 1;
    }
    return strcmp(a.cmd, "test") == 0 ? cmd_test(&a, &cfg) : cmd_slip(&a, &cfg);
}
