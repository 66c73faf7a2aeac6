/* bench_search: search keystroke to results on a snapshot (the region-sized
 * content of gen_region.py, built with aula-pack). Types a list of words a
 * letter at a time, as a visitor on the on-screen keyboard would, runs the
 * search the search screen runs on each keystroke (the view model of the
 * first page of hits included), and prints the median, p95 and worst time,
 * and the time to open the search (once per visit to the screen).
 * usage: bench_search SNAPSHOT [ROUNDS [-v]]   (target: median and p95 <= 5 ms) */
#include "domain/content.h"
#include "domain/search.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE 20 /* hits the search screen asks for */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int utf8_next(const char *s)
{
    int n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_search SNAPSHOT [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    bool verbose = argc > 3 && strcmp(argv[3], "-v") == 0; /* list keystrokes over 5 ms */
    static const struct {
        const char *lang, *text;
    } typed[] = {
        {"fi", "neuvola"},      {"fi", "perhekahvila"},
        {"fi", "vauva ryhmä"},  {"fi", "organisaatio 12"},
        {"fi", "henkilö 7"},    {"fi", "äiti ja isä"},
        {"fi", "palvelu 42"},   {"sv", "föräldrar"},
        {"sv", "familj"},       {"en", "family support"},
        {"en", "evening club"}, {"ar", "خدمة"},
        {"fi", "zzz"},          {"fi", "kriisi"},
    };
    char msg[512];
    struct content *c = NULL;
    if (content_open(argv[1], &c, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], msg);
        return 1;
    }
    double t0 = now_ms();
    struct search *s = search_open(c);
    double open_ms = now_ms() - t0;
    if (!s) {
        fprintf(stderr, "%s: no usable search index\n", argv[1]);
        content_close(c);
        return 1;
    }
    size_t cap = 4096, n = 0;
    double *t = malloc(cap * sizeof(*t));
    size_t hits = 0;
    for (int r = 0; r < rounds; r++) {
        for (size_t w = 0; w < sizeof(typed) / sizeof(typed[0]); w++) {
            const char *full = typed[w].text;
            char text[128];
            for (size_t k = 0; full[k];) {
                k += (size_t)utf8_next(full + k);
                snprintf(text, sizeof(text), "%.*s", (int)k, full);
                struct search_results res = {0};
                double a = now_ms();
                if (!search_run(s, typed[w].lang, text, PAGE, &res)) {
                    fprintf(stderr, "search '%s' failed\n", text);
                    return 1;
                }
                double b = now_ms();
                hits += res.n;
                if (verbose && b - a > 5.0)
                    printf("  slow: '%s' (%s): %.2f ms, %zu hits\n", text, typed[w].lang, b - a,
                           res.n);
                search_results_free(&res);
                if (n == cap)
                    t = realloc(t, (cap *= 2) * sizeof(*t));
                t[n++] = b - a;
            }
        }
    }
    qsort(t, n, sizeof(*t), cmp_double);
    printf("search keystroke to results (%s), %zu keystrokes, %zu hits shown:\n", argv[1], n, hits);
    printf("  median %.2f ms   p95 %.2f ms   worst %.2f ms   (target <= 5 ms)\n", t[n / 2],
           t[(n * 95) / 100], t[n - 1]);
    printf("  opening the search (once per visit): %.1f ms\n", open_ms);
    free(t);
    search_close(s);
    content_close(c);
    return 0;
}
