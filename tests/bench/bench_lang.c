/* bench_lang: how long switching the visitor's language (and the
 * accessibility modes) takes, from the tap to the new frame presented, on
 * the demo content at 1920x1080 with the software renderer (headless,
 * SDL's dummy driver); and how much memory the text cache holds once every
 * shipped language has been shown on home, a service and the calendar, in
 * every mode, with both fonts (Noto Sans, Noto Sans Arabic) in use.
 *
 * A switch reloads every screen's view model and draws the frame; "cold" is
 * the first time a language is shown (its texts are shaped), "warm" a
 * return to it (its texts may still be cached). Targets: a switch in
 * <= 16 ms (one frame at 60 Hz); the text cache within the kiosk's 32 MiB
 * (the process's peak RSS is printed too; the kiosk's own peak in the same
 * tour is measured by bench_kiosk.sh, "peak RSS in use").
 *
 *   build/tests/golden/bench_lang SNAPSHOT [ROUNDS] */
#include "ui/script.h"
#include "ui/ui.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define DEFAULT_ROUNDS 5
#define TARGET_MS      16.0
#define BUDGET_MIB     32.0

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

static void report(const char *what, double *t, size_t n, bool *ok)
{
    qsort(t, n, sizeof(*t), cmp_double);
    printf("%-34s %8.2f %8.2f %6zu\n", what, t[n / 2], t[n - 1], n);
    if (t[n - 1] > TARGET_MS)
        *ok = false;
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static double reload_ms;     /* of the last switch: the view models alone */
static double switch_cpu_ms; /* of the last switch: CPU time of this thread */

static double switch_lang(struct app *a, const char *lang)
{
    double c0 = cpu_ms();
    double t0 = now_ms();
    ui_set_lang(a, lang);
    reload_ms = now_ms() - t0;
    ui_render(a, true);
    double t = now_ms() - t0;
    switch_cpu_ms = cpu_ms() - c0;
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_lang SNAPSHOT [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : DEFAULT_ROUNDS;
    if (rounds < 1)
        rounds = DEFAULT_ROUNDS;
    struct app_options o;
    memset(&o, 0, sizeof(o));
    o.snapshot = argv[1];
    o.now = "2026-11-24T10:15";
    o.plat.headless = true;
    o.plat.width = 1920;
    o.plat.height = 1080;
    struct app *a = xcalloc(1, sizeof(*a));
    char err[1024];
    if (!ui_init(a, &o, err, sizeof(err))) {
        fprintf(stderr, "bench_lang: %s\n", err);
        return 1;
    }
    ui_render(a, true);
    size_t nl = a->content->nlangs;
    char(*langs)[16] = xcalloc(nl, sizeof(*langs));
    for (size_t i = 0; i < nl; i++)
        snprintf(langs[i], sizeof(langs[i]), "%s", a->content->langs[i].code);
    printf("switching language, 1920x1080, software renderer, %zu languages, %d rounds\n", nl,
           rounds);
    printf("%-34s %8s %8s %6s\n", "switch (tap to frame)", "med ms", "max ms", "n");

    bool ok = true;
    static const struct {
        const char *name, *script;
    } screens[] = {
        {"home", ""},
        {"service detail", "tap:category:raskaus-vauva; tap:service:aitiysneuvola"},
        {"calendar week", "tap:calendar"},
    };
    double *cold = xcalloc(nl, sizeof(double));
    double *cold_cpu = xcalloc(nl, sizeof(double));
    double *warm = xcalloc(nl * (size_t)rounds, sizeof(double));
    double *rl = xcalloc(nl * (size_t)rounds, sizeof(double));
    for (size_t s = 0; s < sizeof(screens) / sizeof(screens[0]); s++) {
        ui_go_home(a);
        ui_set_lang(a, a->content->default_lang);
        text_flush(a->text); /* each screen starts with nothing shaped */
        if (!script_run(a, screens[s].script, NULL, err, sizeof(err))) {
            fprintf(stderr, "bench_lang: %s: %s\n", screens[s].name, err);
            return 1;
        }
        ui_render(a, true);
        for (size_t i = 0; i < nl; i++) {
            cold[i] = switch_lang(a, langs[(i + 1) % nl]);
            cold_cpu[i] = switch_cpu_ms;
        }
        size_t n = 0;
        for (int r = 0; r < rounds; r++)
            for (size_t i = 0; i < nl; i++) {
                warm[n] = switch_lang(a, langs[i]);
                rl[n++] = reload_ms;
            }
        char what[64];
        printf("  %s, first time in each language (ms, CPU ms):", screens[s].name);
        for (size_t i = 0; i < nl; i++)
            printf(" %s %.1f/%.1f", langs[(i + 1) % nl], cold[i], cold_cpu[i]);
        printf("\n");
        snprintf(what, sizeof(what), "%s, first time", screens[s].name);
        report(what, cold, nl, &ok);
        snprintf(what, sizeof(what), "%s, again", screens[s].name);
        report(what, warm, n, &ok);
        bool info = true; /* a part of the above, not a target of its own */
        report("  of which view models (SQL)", rl, n, &info);
    }

    /* The accessibility modes: a toggle on the accessibility screen. */
    static const char *const modes[] = {"large", "contrast", "large,contrast", "reach", "none"};
    double mt[8];
    ui_go_home(a);
    ui_set_lang(a, a->content->default_lang);
    script_run(a, "tap:a11y", NULL, err, sizeof(err));
    ui_render(a, true);
    for (size_t i = 0; i < 5; i++) {
        struct theme_modes m;
        theme_parse_modes(modes[i], &m, err, sizeof(err));
        double t0 = now_ms();
        ui_set_modes(a, &m);
        ui_render(a, true);
        mt[i] = now_ms() - t0;
    }
    report("accessibility mode toggle", mt, 5, &ok);

    /* Memory: every language on every screen, in every mode. */
    for (size_t m = 0; m < 4; m++) {
        struct theme_modes tm;
        theme_parse_modes(modes[m], &tm, err, sizeof(err));
        ui_set_modes(a, &tm);
        for (size_t s = 0; s < sizeof(screens) / sizeof(screens[0]); s++) {
            for (size_t i = 0; i < nl; i++) {
                ui_go_home(a);
                ui_set_lang(a, langs[i]);
                script_run(a, screens[s].script, NULL, err, sizeof(err));
                ui_render(a, true);
            }
        }
    }
    struct text_stats ts;
    text_get_stats(a->text, &ts);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cache_mib = (double)ts.bytes / (1024.0 * 1024.0);
    double rss_mib = (double)ru.ru_maxrss / 1024.0;
    printf("text cache after all languages x screens x modes: %.1f MiB in %zu entries "
           "(%zu hits, %zu misses)\n",
           cache_mib, ts.entries, ts.hits, ts.misses);
    printf("peak RSS of this process (fonts, snapshot, renderer, cache; for information): "
           "%.1f MiB\n",
           rss_mib);
    if (cache_mib > BUDGET_MIB)
        ok = false;
    printf("targets (switch <= %.0f ms, memory <= %.0f MiB): %s\n", TARGET_MS, BUDGET_MIB,
           ok ? "met" : "NOT met");
    free(cold);
    free(cold_cpu);
    free(warm);
    free(rl);
    free(langs);
    ui_free(a);
    free(a);
    return 0;
}
