/* monkey: drives the real kiosk (struct app, headless, dummy video) as a
 * restless visitor would, and measures what an unattended screen must
 * keep: the CPU time of each step and of each full frame (CPU time, so a
 * busy machine does not fail it), memory (resident
 * size and live heap) and open file descriptors.
 *
 *   monkey --snapshot PATH [--size WxH] [--now TIME] [--lang CODE]
 *          [--walk SCRIPT]            play SCRIPT one command at a time
 *          [--steps N | --seconds S]  then N random actions, or S seconds
 *          [--seed N]                 of them (seed printed for replays)
 *          [--swap A,B[,C...] --every S]  point PATH (a symlink) at the
 *                                     next file every S seconds of real
 *                                     time and reload, as aula-sync does
 *          [--shots DIR]              the walk's shot: files go here
 *          [--max-step-ms N] [--max-frame-ms N] [--max-rss-mib N]
 *          [--max-growth-kib N]       growth of live heap (and, without
 *                                     AddressSanitizer, of the resident
 *                                     size) from the end of the warm-up
 *                                     (the first quarter) to the end
 *          [--max-rss-growth-kib N]   a bound of its own for the resident
 *                                     size (default: --max-growth-kib)
 *
 * Random actions: taps on targets on screen, taps and swipes anywhere,
 * keys, typed text, language switches, idle resets, content swaps. Exits
 * 1 with a line saying which bound broke and the seed to replay it. */
#include "platform/speech.h"
#include "ui/script.h"
#include "ui/ui.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_ASAN 1
#endif
#endif
#ifdef HAVE_ASAN
#include <sanitizer/allocator_interface.h>
#else
#include <malloc.h>
#endif

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of the process: the bounds hold on a busy machine too. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Resident memory not backed by a file: what a leak grows. Pages of files
 * mapped read-only (the fonts, the libraries) come in as new glyphs and
 * code are first used, and the kernel can drop them again. */
static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, res = 0, shared = 0;
    if (f) {
        if (fscanf(f, "%ld %ld %ld", &size, &res, &shared) != 3)
            res = shared = 0;
        fclose(f);
    }
    return (res - shared) * (sysconf(_SC_PAGESIZE) / 1024);
}

static long heap_kib(void)
{
#ifdef HAVE_ASAN
    return (long)(__sanitizer_get_current_allocated_bytes() / 1024);
#else
    struct mallinfo2 mi = mallinfo2();
    return (long)(mi.uordblks / 1024);
#endif
}

/* Open files other than fonts (the text module keeps a bounded set of
 * fonts open, one per face and size in use); *fonts gets those. */
static int fd_count(int *fonts)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0, f = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char link[320], target[PATH_MAX];
        snprintf(link, sizeof(link), "/proc/self/fd/%s", e->d_name);
        ssize_t len = readlink(link, target, sizeof(target) - 1);
        target[len > 0 ? len : 0] = '\0';
        size_t tl = strlen(target);
        if (tl > 4 &&
            (strcmp(target + tl - 4, ".ttf") == 0 || strcmp(target + tl - 4, ".otf") == 0 ||
             strcmp(target + tl - 4, ".ttc") == 0))
            f++;
        else
            n++;
    }
    if (d)
        closedir(d);
    if (fonts)
        *fonts = f;
    return n - 1; /* the directory's own */
}

static bool discard_samples(void *ctx, const short *samples, int n)
{
    (void)ctx, (void)samples, (void)n;
    return true;
}

/* Memory as a leak would show it, in the same state each time: the visit
 * ended (home, the default language, the kiosk's own modes, so no
 * screen's view model is held), the text cache (bounded, 24 MiB of pixels)
 * and the fonts open at each size (bounded, 48, with their glyph and
 * shaping caches) closed, the drawing caches (corners, icons and QR codes,
 * a fixed number of each) emptied, espeak-ng holding the default
 * language's dictionary, and freed pages handed back. */
static void settle(struct app *a)
{
    ui_end_visit(a);
    ui_render(a, true);
    /* espeak-ng keeps the dictionary of the last language read aloud. */
    speech_render(a->speech, a->lang, "aula", discard_samples, NULL);
    text_trim(a->text);
    draw_flush(&a->draw);
#ifndef HAVE_ASAN
    malloc_trim(0);
#endif
}

/* xorshift64*: the same actions for the same seed on every machine. */
static uint64_t rng;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return n ? (uint32_t)((rng * 0x2545F4914F6CDD1Dull) >> 33) % n : 0;
}

struct bounds {
    double max_step_ms, max_frame_ms;
    long max_rss_mib, max_growth_kib, max_rss_growth_kib;
};

struct stats {
    double slowest_step, slowest_frame;
    char slowest_what[160];
    unsigned long steps, swaps, failed_cmds;
};

/* Runs one script command, times it, then times a full frame. */
static void step(struct app *a, const char *cmd, const char *dir, struct stats *s)
{
    char err[1024];
    double t0 = cpu_ms();
    if (!script_run(a, cmd, dir, err, sizeof(err)))
        s->failed_cmds++; /* a target that moved away: fine for a monkey */
    double t1 = cpu_ms();
    ui_render(a, true);
    double t2 = cpu_ms();
    s->steps++;
    if (t1 - t0 > s->slowest_step) {
        s->slowest_step = t1 - t0;
        snprintf(s->slowest_what, sizeof(s->slowest_what), "%.120s", cmd);
    }
    if (t2 - t1 > s->slowest_frame)
        s->slowest_frame = t2 - t1;
}

static void random_action(struct app *a, struct stats *s)
{
    static const char *const keys[] = {"Up",        "Down",   "Left",     "Right", "Tab",
                                       "Shift+Tab", "Return", "Escape",   "Home",  "PageUp",
                                       "PageDown",  "Space",  "Backspace"};
    static const char *const words[] = {"neuvola",     "perhe", "عيادة", "x",
                                        "vauva kerho", "Ä",     "123",   "🙂"};
    char cmd[256];
    uint32_t r = rnd(100);
    int w = a->plat.width, h = a->plat.height;
    ui_render(a, false);
    size_t nvis = 0;
    for (size_t i = 0; i < a->ntargets; i++)
        nvis += a->targets[i].vis.w > 0;
    if (r < 45 && nvis) {
        size_t pick = rnd((uint32_t)nvis), k = 0;
        for (size_t i = 0; i < a->ntargets; i++)
            if (a->targets[i].vis.w > 0 && k++ == pick) {
                snprintf(cmd, sizeof(cmd), "tap:%s", a->targets[i].id);
                break;
            }
    } else if (r < 55) {
        snprintf(cmd, sizeof(cmd), "tap:%u,%u", rnd((uint32_t)w), rnd((uint32_t)h));
    } else if (r < 65) {
        snprintf(cmd, sizeof(cmd), "swipe:%u,%u,%u,%u,%u", rnd((uint32_t)w), rnd((uint32_t)h),
                 rnd((uint32_t)w), rnd((uint32_t)h), 30 + rnd(500));
    } else if (r < 85) {
        snprintf(cmd, sizeof(cmd), "key:%s", keys[rnd(sizeof(keys) / sizeof(keys[0]))]);
    } else if (r < 91) {
        snprintf(cmd, sizeof(cmd), "type:%s", words[rnd(sizeof(words) / sizeof(words[0]))]);
    } else if (r < 97 && a->content && a->content->nlangs) {
        ui_set_lang(a, a->content->langs[rnd((uint32_t)a->content->nlangs)].code);
        snprintf(cmd, sizeof(cmd), "wait:0.1");
    } else if (r < 99) {
        snprintf(cmd, sizeof(cmd), "wait:%u", 1 + rnd(3));
    } else {
        snprintf(cmd, sizeof(cmd), "wait:400"); /* past any idle reset */
    }
    step(a, cmd, NULL, s);
}

static bool swap_to(const char *link, const char *target)
{
    char tmp[PATH_MAX + 8];
    snprintf(tmp, sizeof(tmp), "%s.new", link);
    unlink(tmp);
    return symlink(target, tmp) == 0 && rename(tmp, link) == 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: monkey --snapshot PATH [--size WxH] [--now TIME] [--lang CODE] "
                    "[--walk SCRIPT] [--steps N | --seconds S] [--seed N] [--swap A,B --every S] "
                    "[--shots DIR] [--max-step-ms N] [--max-frame-ms N] [--max-rss-mib N] "
                    "[--max-growth-kib N] [--max-rss-growth-kib N]\n");
}

int main(int argc, char **argv)
{
    struct app_options o;
    memset(&o, 0, sizeof(o));
    const char *walk = NULL, *shots = NULL, *size = "1280x800", *swap = NULL;
    long steps = 0;
    double seconds = 0, every = 5;
    uint64_t seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20);
    struct bounds b = {0, 0, 0, -1, -1};
    o.now = "2026-11-24T10:15";
    o.idle_seconds = 90;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (strcmp(k, "--snapshot") == 0)
            o.snapshot = v;
        else if (strcmp(k, "--size") == 0)
            size = v;
        else if (strcmp(k, "--now") == 0)
            o.now = v;
        else if (strcmp(k, "--lang") == 0)
            o.lang = v;
        else if (strcmp(k, "--walk") == 0)
            walk = v;
        else if (strcmp(k, "--steps") == 0)
            steps = atol(v);
        else if (strcmp(k, "--seconds") == 0)
            seconds = atof(v);
        else if (strcmp(k, "--seed") == 0)
            seed = strtoull(v, NULL, 10);
        else if (strcmp(k, "--swap") == 0)
            swap = v;
        else if (strcmp(k, "--every") == 0)
            every = atof(v);
        else if (strcmp(k, "--shots") == 0)
            shots = v;
        else if (strcmp(k, "--max-step-ms") == 0)
            b.max_step_ms = atof(v);
        else if (strcmp(k, "--max-frame-ms") == 0)
            b.max_frame_ms = atof(v);
        else if (strcmp(k, "--max-rss-mib") == 0)
            b.max_rss_mib = atol(v);
        else if (strcmp(k, "--max-growth-kib") == 0)
            b.max_growth_kib = atol(v);
        else if (strcmp(k, "--max-rss-growth-kib") == 0)
            b.max_rss_growth_kib = atol(v);
        else {
            usage();
            return 2;
        }
    }
    if (!o.snapshot || (argc % 2) == 0) {
        usage();
        return 2;
    }
    o.plat.headless = true;
    if (!platform_parse_size(size, &o.plat.width, &o.plat.height)) {
        usage();
        return 2;
    }
    rng = seed ? seed : 1;
    printf("monkey: seed %llu (replay with --seed %llu)\n", (unsigned long long)seed,
           (unsigned long long)seed);
    fflush(stdout);

    int fds0 = fd_count(NULL);
    struct app *a = calloc(1, sizeof(*a));
    char err[1024];
    if (!a || !ui_init(a, &o, err, sizeof(err))) {
        fprintf(stderr, "monkey: %s\n", err);
        free(a);
        return 1;
    }
    ui_render(a, true);
    /* espeak-ng loads its engine (about 1 MiB) the first time anything is
     * read aloud, and some buffers the first time each language is, and
     * keeps them for the life of the process (its espeak_ng_Terminate
     * cannot be relied on to return: it waits for a thread of its own).
     * One-time loads, not growth: done here, before any measuring. */
    for (size_t i = 0; a->content && i < a->content->nlangs; i++)
        speech_render(a->speech, a->content->langs[i].code, "aula 12:30", discard_samples, NULL);
    struct stats s;
    memset(&s, 0, sizeof(s));

    if (walk) {
        char *copy = strdup(walk);
        for (char *p = copy; p && *p;) {
            size_t len = strcspn(p, ";\n");
            char *next = p[len] ? p + len + 1 : NULL;
            p[len] = '\0';
            if (strspn(p, " \t") != len) {
                unsigned long before = s.failed_cmds;
                step(a, p, shots, &s);
                if (s.failed_cmds != before) {
                    /* the walk is a fixed path: every command must work */
                    char e[1024];
                    script_run(a, p, shots, e, sizeof(e));
                    fprintf(stderr, "monkey: walk step %lu: %s\n", s.steps, e);
                    free(copy);
                    ui_free(a);
                    free(a);
                    return 1;
                }
            }
            p = next;
        }
        free(copy);
    }

    /* The swap list: PATH is a symlink pointed at each in turn. */
    char *swaps[16];
    int nswaps = 0, cur = 0;
    char *swapcopy = swap ? strdup(swap) : NULL;
    for (char *t = swapcopy ? strtok(swapcopy, ",") : NULL; t && nswaps < 16; t = strtok(NULL, ","))
        swaps[nswaps++] = t;

    double start = mono_ms(), last_swap = start;
    long warm_heap = -1, warm_rss = -1;
    int warm_fds = -1;
    double warm_at = seconds > 0 ? seconds * 1000 / 4 : 0;
    long warm_step = steps / 4;
    for (long i = 0;; i++) {
        double now = mono_ms();
        if (seconds > 0 ? now - start >= seconds * 1000 : i >= steps)
            break;
        if (warm_heap < 0 && (seconds > 0 ? now - start >= warm_at : i >= warm_step)) {
            settle(a);
            warm_heap = heap_kib();
            warm_rss = rss_kib();
            warm_fds = fd_count(NULL);
            a->dirty = true;
        }
        if (nswaps > 1 && now - last_swap >= every * 1000) {
            cur = (cur + 1) % nswaps;
            if (!swap_to(o.snapshot, swaps[cur]))
                fprintf(stderr, "monkey: cannot point %s at %s\n", o.snapshot, swaps[cur]);
            ui_content_reload(a);
            s.swaps++;
            last_swap = now;
        }
        random_action(a, &s);
    }
    settle(a);
    long end_heap = heap_kib(), end_rss = rss_kib();
    int fonts = 0, end_fds = fd_count(&fonts);
    struct rusage_like {
        long peak_kib;
    } peak = {0};
    {
        FILE *f = fopen("/proc/self/status", "r");
        char line[256];
        while (f && fgets(line, sizeof(line), f))
            if (strncmp(line, "VmHWM:", 6) == 0)
                peak.peak_kib = atol(line + 6);
        if (f)
            fclose(f);
    }
    printf("monkey: %lu steps (%lu missed targets), %lu content swaps, %.0f s; slowest step "
           "%.1f ms CPU (%s), slowest frame %.1f ms CPU; peak rss %ld KiB\n",
           s.steps, s.failed_cmds, s.swaps, (mono_ms() - start) / 1000, s.slowest_step,
           s.slowest_what, s.slowest_frame, peak.peak_kib);
    if (warm_heap >= 0)
        printf("monkey: after warm-up heap %ld -> %ld KiB, rss %ld -> %ld KiB, fds %d -> %d "
               "(and %d fonts)\n",
               warm_heap, end_heap, warm_rss, end_rss, warm_fds, end_fds, fonts);
    ui_free(a);
    free(a);
    free(swapcopy);
    int fds_after = fd_count(NULL);

    int rc = 0;
#define FAIL(...)                                                                                  \
    do {                                                                                           \
        printf("monkey: FAIL: " __VA_ARGS__);                                                      \
        printf(" (seed %llu)\n", (unsigned long long)seed);                                        \
        rc = 1;                                                                                    \
    } while (0)
    if (b.max_step_ms > 0 && s.slowest_step > b.max_step_ms)
        FAIL("a step took %.1f ms (bound %.0f): %s", s.slowest_step, b.max_step_ms, s.slowest_what);
    if (b.max_frame_ms > 0 && s.slowest_frame > b.max_frame_ms)
        FAIL("a frame took %.1f ms (bound %.0f)", s.slowest_frame, b.max_frame_ms);
    if (b.max_rss_mib > 0 && peak.peak_kib > b.max_rss_mib * 1024)
        FAIL("peak resident size %ld KiB (bound %ld MiB)", peak.peak_kib, b.max_rss_mib);
    if (b.max_growth_kib >= 0 && warm_heap >= 0) {
        if (end_heap - warm_heap > b.max_growth_kib)
            FAIL("live heap grew by %ld KiB after the warm-up (bound %ld)", end_heap - warm_heap,
                 b.max_growth_kib);
#ifndef HAVE_ASAN
        long rss_bound = b.max_rss_growth_kib >= 0 ? b.max_rss_growth_kib : b.max_growth_kib;
        if (end_rss - warm_rss > rss_bound)
            FAIL("resident size grew by %ld KiB after the warm-up (bound %ld)", end_rss - warm_rss,
                 rss_bound);
#endif
        if (end_fds > warm_fds)
            FAIL("open files grew from %d to %d", warm_fds, end_fds);
        if (fonts > 48 + 8)
            FAIL("%d font files open (the text module keeps at most 48 sizes)", fonts);
    }
    if (fds_after > fds0)
        FAIL("%d files left open after closing the kiosk (%d before)", fds_after, fds0);
    return rc;
}
