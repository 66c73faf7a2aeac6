/* aula-stats: exports the kiosk's anonymous daily counters for staff and
 * fleet dashboards. Wiring only: the counters live in kiosk/data/stats.c. */
#include "base/civil.h"
#include "data/stats.h"
#include "data/statsconf.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_CONFIG "/etc/aula/aula.conf"

static int usage(FILE *f, int rc)
{
    fputs("usage: aula-stats export [--config FILE] [--db FILE] [--from DATE] [--to DATE]\n"
          "                        [--format csv|json]\n"
          "  Prints the anonymous daily counters (day, kind, key, count) of the days\n"
          "  from..to (inclusive; default: all). The file is [stats] file of the\n"
          "  configuration (default " DEFAULT_CONFIG "), else " STATS_DEFAULT_FILE ".\n",
          f);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return usage(argc < 2 ? stderr : stdout, argc < 2 ? 2 : 0);
    if (strcmp(argv[1], "export") != 0) {
        fprintf(stderr, "aula-stats: unknown command \"%s\"\n", argv[1]);
        return usage(stderr, 2);
    }
    const char *db = NULL, *config = NULL, *from = NULL, *to = NULL;
    enum stats_format fmt = STATS_CSV;
    for (int i = 2; i < argc; i += 2) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        struct civil_date d;
        if (!v) {
            fprintf(stderr, "aula-stats: %s needs a value\n", argv[i]);
            return 2;
        }
        if (strcmp(argv[i], "--db") == 0) {
            db = v;
        } else if (strcmp(argv[i], "--config") == 0) {
            config = v;
        } else if (strcmp(argv[i], "--from") == 0 || strcmp(argv[i], "--to") == 0) {
            if (strlen(v) != 10 || !civil_parse_date(v, &d)) {
                fprintf(stderr, "aula-stats: %s: \"%s\" is not a date such as 2026-11-23\n",
                        argv[i], v);
                return 2;
            }
            *(argv[i][2] == 'f' ? &from : &to) = v;
        } else if (strcmp(argv[i], "--format") == 0) {
            if (strcmp(v, "csv") == 0) {
                fmt = STATS_CSV;
            } else if (strcmp(v, "json") == 0) {
                fmt = STATS_JSON;
            } else {
                fprintf(stderr, "aula-stats: --format: \"%s\" is not csv or json\n", v);
                return 2;
            }
        } else {
            fprintf(stderr, "aula-stats: unexpected argument \"%s\"\n", argv[i]);
            return usage(stderr, 2);
        }
    }
    struct stats_config sc;
    stats_config_defaults(&sc);
    char err[1200];
    if (!stats_config_load(&sc, config ? config : DEFAULT_CONFIG, config != NULL, NULL, NULL, err,
                           sizeof(err))) {
        fprintf(stderr, "aula-stats: %s\n", err);
        return 2;
    }
    if (!db)
        db = sc.file;
    if (access(db, R_OK) != 0) {
        fprintf(stderr,
                "aula-stats: %s: no statistics file (the kiosk has counted nothing "
                "yet, or use --db)\n",
                db);
        return 1;
    }
    struct stats *st = stats_open(db, 0, err, sizeof(err));
    if (!st) {
        fprintf(stderr, "aula-stats: %s\n", err);
        return 1;
    }
    bool ok = stats_export(st, from, to, fmt, stdout);
    stats_close(st);
    if (!ok) {
        fprintf(stderr, "aula-stats: %s: cannot read the counters\n", db);
        return 1;
    }
    return 0;
}
