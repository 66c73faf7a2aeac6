/* aula-stats: the kiosk's anonymous daily counters for staff and fleet
 * dashboards: export them as CSV or JSON, or draw one week as a picture.
 * Wiring only: the counters live in kiosk/data/stats.c, the picture in
 * kiosk/ui/summary.c. */
#include "base/civil.h"
#include "data/stats.h"
#include "data/statsconf.h"
#ifdef AULA_STATS_SUMMARY
#include "platform/platform.h"
#include "ui/summary.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_CONFIG   "/etc/aula/aula.conf"
#define DEFAULT_SNAPSHOT "/var/lib/aula/current"

static int usage(FILE *f, int rc)
{
    fputs("usage: aula-stats export [--config FILE] [--db FILE] [--from DATE] [--to DATE]\n"
          "                        [--format csv|json] [--file-name]\n"
          "  Prints the anonymous daily counters (day, kind, key, count) of the days\n"
          "  from..to (inclusive; default: all). --file-name prints instead the name\n"
          "  the export goes by on a USB stick: stats-SITE-FROM-TO.csv.\n"
          "       aula-stats summary --week YYYY-Www -o FILE.png [--config FILE] [--db FILE]\n"
          "                        [--snapshot FILE] [--lang CODE] [--size WxH]\n"
          "  Draws the week's most opened categories, languages and feedback answers\n"
          "  (names from the snapshot, default " DEFAULT_SNAPSHOT ").\n"
          "The counter file is [stats] file of the configuration (default " DEFAULT_CONFIG
          "),\nelse " STATS_DEFAULT_FILE ".\n",
          f);
    return rc;
}

struct args {
    const char *db, *config, *from, *to, *week, *out, *snapshot, *lang, *size;
    enum stats_format fmt;
    bool file_name;
};

static bool parse_args(int argc, char **argv, struct args *a)
{
    for (int i = 2; i < argc; i += 2) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        struct civil_date d;
        if (strcmp(o, "--file-name") == 0) {
            a->file_name = true;
            i--;
            continue;
        }
        if (!v) {
            fprintf(stderr, "aula-stats: %s needs a value\n", o);
            return false;
        }
        if (strcmp(o, "--db") == 0) {
            a->db = v;
        } else if (strcmp(o, "--config") == 0) {
            a->config = v;
        } else if (strcmp(o, "--from") == 0 || strcmp(o, "--to") == 0) {
            if (strlen(v) != 10 || !civil_parse_date(v, &d)) {
                fprintf(stderr, "aula-stats: %s: \"%s\" is not a date such as 2026-11-23\n", o, v);
                return false;
            }
            *(o[2] == 'f' ? &a->from : &a->to) = v;
        } else if (strcmp(o, "--format") == 0) {
            if (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0) {
                fprintf(stderr, "aula-stats: --format: \"%s\" is not csv or json\n", v);
                return false;
            }
            a->fmt = v[0] == 'c' ? STATS_CSV : STATS_JSON;
        } else if (strcmp(o, "--week") == 0) {
            a->week = v;
        } else if (strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0) {
            a->out = v;
        } else if (strcmp(o, "--snapshot") == 0) {
            a->snapshot = v;
        } else if (strcmp(o, "--lang") == 0) {
            a->lang = v;
        } else if (strcmp(o, "--size") == 0) {
            a->size = v;
        } else {
            fprintf(stderr, "aula-stats: unexpected argument \"%s\"\n", o);
            usage(stderr, 2);
            return false;
        }
    }
    return true;
}

static struct stats *open_counters(const struct args *a, struct stats_config *out)
{
    struct stats_config sc;
    stats_config_defaults(&sc);
    char err[1200];
    if (!stats_config_load(&sc, a->config ? a->config : DEFAULT_CONFIG, a->config != NULL, NULL,
                           NULL, err, sizeof(err))) {
        fprintf(stderr, "aula-stats: %s\n", err);
        return NULL;
    }
    const char *db = a->db ? a->db : sc.file;
    if (access(db, R_OK) != 0) {
        fprintf(stderr,
                "aula-stats: %s: no statistics file (the kiosk has counted nothing "
                "yet, or use --db)\n",
                db);
        return NULL;
    }
    struct stats *st = stats_open(db, 0, err, sizeof(err));
    if (!st)
        fprintf(stderr, "aula-stats: %s\n", err);
    if (out)
        *out = sc;
    return st;
}

static int cmd_export(const struct args *a)
{
    struct stats_config sc;
    struct stats *st = open_counters(a, &sc);
    if (!st)
        return 1;
    if (a->file_name) {
        char first[11], last[11];
        if (!stats_range(st, first, last)) {
            fprintf(stderr, "aula-stats: nothing counted yet\n");
            stats_close(st);
            return 1;
        }
        printf("stats-%s-%s-%s.%s\n", sc.site_id[0] ? sc.site_id : "site",
               a->from ? a->from : first, a->to ? a->to : last,
               a->fmt == STATS_CSV ? "csv" : "json");
        stats_close(st);
        return 0;
    }
    bool ok = stats_export(st, a->from, a->to, a->fmt, stdout);
    stats_close(st);
    if (!ok) {
        fprintf(stderr, "aula-stats: cannot read the counters\n");
        return 1;
    }
    return 0;
}

#ifdef AULA_STATS_SUMMARY
static int cmd_summary(const struct args *a)
{
    char from[11], to[11], err[1200];
    if (!a->week || !a->out) {
        fprintf(stderr, "aula-stats: summary needs --week YYYY-Www and -o FILE.png\n");
        return 2;
    }
    if (!summary_parse_week(a->week, from, to)) {
        fprintf(stderr, "aula-stats: --week: \"%s\" is not an ISO week such as 2026-W48\n",
                a->week);
        return 2;
    }
    int w = SUMMARY_W, h = SUMMARY_H;
    if (a->size &&
        (!platform_parse_size(a->size, &w, &h) || w < 320 || h < 240 || w > 8000 || h > 8000)) {
        fprintf(stderr, "aula-stats: --size %s: expected WxH from 320x240, e.g. 1600x900\n",
                a->size);
        return 2;
    }
    struct content *c = NULL;
    const char *snap = a->snapshot ? a->snapshot : DEFAULT_SNAPSHOT;
    if (a->snapshot || access(snap, R_OK) == 0) {
        if (content_open(snap, &c, err, sizeof(err)) != SNAPSHOT_OK) {
            fprintf(stderr, "aula-stats: %s (showing ids instead of names)\n", err);
            c = NULL;
        }
    }
    const char *lang = a->lang ? a->lang : c ? c->default_lang : "fi";
    struct stats *st = open_counters(a, NULL);
    if (!st) {
        content_close(c);
        return 1;
    }
    SDL_Surface *s = summary_render(st, c, a->week, from, to, lang, w, h, NULL, err, sizeof(err));
    bool ok = s && platform_save_png(s, a->out, err, sizeof(err));
    if (!ok)
        fprintf(stderr, "aula-stats: %s\n", err);
    SDL_FreeSurface(s);
    stats_close(st);
    content_close(c);
    return ok ? 0 : 1;
}
#endif

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return usage(argc < 2 ? stderr : stdout, argc < 2 ? 2 : 0);
    struct args a;
    memset(&a, 0, sizeof(a));
    a.fmt = STATS_CSV;
    if (strcmp(argv[1], "export") == 0)
        return parse_args(argc, argv, &a) ? cmd_export(&a) : 2;
    if (strcmp(argv[1], "summary") == 0) {
#ifdef AULA_STATS_SUMMARY
        return parse_args(argc, argv, &a) ? cmd_summary(&a) : 2;
#else
        fprintf(stderr, "aula-stats: summary: this build has no kiosk drawing code\n");
        return 1;
#endif
    }
    fprintf(stderr, "aula-stats: unknown command \"%s\"\n", argv[1]);
    return usage(stderr, 2);
}
