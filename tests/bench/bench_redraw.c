/* bench_redraw: how long the kiosk takes to draw each screen again, on the
 * demo content at 1920x1080 with the software renderer (headless, SDL's
 * dummy driver). Each screen is reached with a script, drawn once to warm
 * the text cache (as on the real screen, where the first frame of a screen
 * pays for shaping its texts), then redrawn RUNS times; prints the median
 * and the slowest redraw of each. The target: any screen <= 8 ms.
 *
 *   build/tests/golden/bench_redraw SNAPSHOT [RUNS] [WxH] */
#include "ui/script.h"
#include "ui/ui.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_RUNS 50

struct screen_case {
    const char *name;
    const char *script;
};

static const struct screen_case screens[] = {
    {"home", ""},
    {"category list", "tap:category:raskaus-vauva"},
    {"service detail", "tap:category:raskaus-vauva; tap:service:aitiysneuvola"},
    {"organisations", "tap:orgs"},
    {"organisation detail", "tap:orgs; tap:org:hva-perhekeskus"},
    {"calendar week", "tap:calendar"},
    {"calendar day", "tap:calendar; tap:day:2026-11-24"},
    {"calendar filtered", "tap:calendar; tap:filter:cat"},
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_redraw SNAPSHOT [RUNS] [WxH]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : DEFAULT_RUNS;
    if (runs < 1)
        runs = DEFAULT_RUNS;
    struct app_options o;
    memset(&o, 0, sizeof(o));
    o.snapshot = argv[1];
    o.now = "2026-11-24T10:15";
    o.plat.headless = true;
    o.plat.width = 1920;
    o.plat.height = 1080;
    if (argc > 3 && !platform_parse_size(argv[3], &o.plat.width, &o.plat.height)) {
        fprintf(stderr, "bench_redraw: %s: expected WxH\n", argv[3]);
        return 2;
    }
    printf("redraw of each screen, %dx%d, software renderer, %d runs\n", o.plat.width,
           o.plat.height, runs);
    printf("%-22s %10s %10s %12s\n", "screen", "median ms", "max ms", "first ms");
    double *t = xcalloc((size_t)runs, sizeof(*t));
    int rc = 0;
    for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
        struct app *a = xcalloc(1, sizeof(*a));
        char err[1024];
        if (!ui_init(a, &o, err, sizeof(err))) {
            fprintf(stderr, "bench_redraw: %s\n", err);
            free(a);
            rc = 1;
            break;
        }
        ui_render(a, true);
        if (!script_run(a, screens[i].script, NULL, err, sizeof(err))) {
            fprintf(stderr, "bench_redraw: %s: %s\n", screens[i].name, err);
            rc = 1;
        }
        /* The first full draw after arriving (texts already shaped by the
         * script's own frame), then the steady redraws. */
        double t0 = now_ms();
        ui_render(a, true);
        double first = now_ms() - t0;
        for (int r = 0; r < runs; r++) {
            t0 = now_ms();
            ui_render(a, true);
            t[r] = now_ms() - t0;
        }
        qsort(t, (size_t)runs, sizeof(*t), cmp_double);
        printf("%-22s %10.2f %10.2f %12.2f\n", screens[i].name, t[runs / 2], t[runs - 1], first);
        ui_free(a);
        free(a);
    }
    free(t);
    return rc;
}
