/* fuzz_snapshot: any bytes as the kiosk's snapshot file. They are written to
 * a temporary file and opened as the kiosk opens content (snapshot_open's
 * checks, then content_open's site and languages); a file that passes is
 * read as the screens read it: home, lists, a service and an organisation,
 * this week's calendar, search and the screen texts. */
#include "domain/calendar.h"
#include "domain/catalog.h"
#include "domain/content.h"
#include "domain/search.h"
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static void remove_file(void)
{
    unlink(path);
}

static void count_string(void *ctx, const char *msgid, const char *msgstr)
{
    *(size_t *)ctx += strlen(msgid) + strlen(msgstr);
}

static void read_like_screens(struct content *c, int64_t now)
{
    const char *lang = c->default_lang;
    size_t chars = 0;
    content_ui_strings(c, lang, count_string, &chars);
    content_check_clock(c, now);
    struct catalog_site site;
    memset(&site, 0, sizeof(site));
    if (catalog_site_load(c, lang, &site) && site.ncats > 0) {
        struct catalog_list l;
        memset(&l, 0, sizeof(l));
        catalog_services_load(c, lang, site.cats[0].id, &l);
        if (l.n > 0) {
            struct catalog_service s;
            memset(&s, 0, sizeof(s));
            if (catalog_service_load(c, lang, l.v[0].id, now, &s))
                catalog_service_free(&s);
        }
        catalog_list_free(&l);
    }
    catalog_site_free(&site);
    struct catalog_list orgs;
    memset(&orgs, 0, sizeof(orgs));
    if (catalog_orgs_load(c, lang, &orgs) && orgs.n > 0) {
        struct catalog_org o;
        memset(&o, 0, sizeof(o));
        if (catalog_org_load(c, lang, orgs.v[0].id, &o))
            catalog_org_free(&o);
    }
    catalog_list_free(&orgs);
    int64_t today = content_today(c, now);
    struct cal_week w;
    memset(&w, 0, sizeof(w));
    if (calendar_week_load(c, lang, today, today, &w))
        calendar_week_free(&w);
    struct cal_item items[4];
    size_t n = calendar_now_next(c, lang, now, items, 4);
    for (size_t i = 0; i < n; i++)
        calendar_item_free(&items[i]);
    struct search *s = search_open(c);
    if (s) {
        struct search_results r;
        memset(&r, 0, sizeof(r));
        search_run(s, lang, "perhe", 20, &r);
        search_results_free(&r);
        search_close(s);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof(path), "/tmp/aula-fuzz-snapshot-%ld.aula", (long)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    struct content *c = NULL;
    char msg[1024];
    if (content_open(path, &c, msg, sizeof(msg)) == SNAPSHOT_OK) {
        content_configure(c, "fi sv en ar", "fi");
        read_like_screens(c, 1795429800); /* 2026-11-24 10:30 UTC */
        content_close(c);
    } else if (!msg[0]) {
        abort(); /* a refusal must say why */
    }
    return 0;
}
