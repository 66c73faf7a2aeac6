/* aula: the kiosk program families touch. Wiring only: reads the
 * configuration file and the command line (which overrides the file),
 * starts the UI on a snapshot, and either runs the event loop (a full
 * screen or a window) or, headless, plays a script and writes screenshots.
 * With --stats it prints counters of the run at exit (for benchmarks). */
#include "ui/script.h"
#include "ui/ui.h"
#include "domain/zone.h"
#include "base/conf.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "data/stats.h"
#include "data/statsconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#define DEFAULT_IDLE_SECONDS 90
#define DEFAULT_CONFIG       "/etc/aula/aula.conf"
#define DEFAULT_DATA_DIR     "/var/lib/aula"
#define MAX_IDLE_SECONDS     86400
#define MAX_DPI              2000

/* The [kiosk] section of aula.conf; packaging/KIOSK.md documents each key. */
enum {
    K_SITE_ID,
    K_LANGUAGES,
    K_DEFAULT_LANGUAGE,
    K_IDLE_SECONDS,
    K_DATA_DIR,
    K_SNAPSHOT,
    K_ORIENTATION,
    K_WINDOW,
    K_DPI,
    NKEYS
};
static const struct conf_key kiosk_keys[NKEYS] = {
    [K_SITE_ID] = {"kiosk", "site_id", CONF_ID, 0, 0, NULL},
    [K_LANGUAGES] = {"kiosk", "languages", CONF_LANGS, 0, 0, NULL},
    [K_DEFAULT_LANGUAGE] = {"kiosk", "default_language", CONF_LANG, 0, 0, NULL},
    [K_IDLE_SECONDS] = {"kiosk", "idle_seconds", CONF_SECONDS, 0, MAX_IDLE_SECONDS, NULL},
    [K_DATA_DIR] = {"kiosk", "data_dir", CONF_PATH, 0, 0, NULL},
    [K_SNAPSHOT] = {"kiosk", "snapshot", CONF_PATH, 0, 0, NULL},
    [K_ORIENTATION] = {"kiosk", "orientation", CONF_CHOICE, 0, 0, "landscape|portrait|auto"},
    [K_WINDOW] = {"kiosk", "window", CONF_BOOL, 0, 0, NULL},
    [K_DPI] = {"kiosk", "dpi", CONF_NUMBER, 0, MAX_DPI, NULL},
};
static const char *const owned_sections[] = {"kiosk", NULL};
static const char *const other_sections[] = {"sync", "printer", "stats", NULL};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: aula [options]\n"
            "  --config FILE       settings (default " DEFAULT_CONFIG ", if it exists)\n"
            "  --check-config      check the settings, print what is used, and exit\n"
            "  --snapshot FILE     the content to show (default: DATA_DIR/current)\n"
            "  --window            a window instead of the full screen\n"
            "  --size WxH          window or picture size, e.g. 1920x1080\n"
            "  --orientation O     landscape, portrait or auto (the display decides)\n"
            "  --lang CODE         start in this language (default: the site's)\n"
            "  --idle SECONDS      back to the start after this quiet time (default %d, 0 = "
            "never)\n"
            "  --software          use the software renderer\n"
            "  --dpi N             the screen's pixel density (for 9 mm touch targets)\n"
            "  --stats             print counters at exit (first frame, redraws, wake-ups)\n"
            "headless (no display; for tests and documentation pictures):\n"
            "  --headless          render off-screen with SDL's dummy driver\n"
            "  --now TIME          frozen clock: 2026-11-24T10:15 (site time) or ...Z (UTC)\n"
            "  --script TEXT|FILE  commands, e.g. \"tap:services; key:Down; shot:list.png\"\n"
            "  --watch             follow new content headless too (script: wait-content:)\n"
            "  --screenshot PATH   OUT.png: the final picture; a directory: where shot: files "
            "go\n"
            "  --version, --help\n",
            DEFAULT_IDLE_SECONDS);
}

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void warn_conf(void *ctx, const char *msg)
{
    (void)ctx;
    LOG_WARN("%s", msg);
}

/* Prints the --stats line: figures a benchmark reads. AULA_T0_MS (the
 * launcher's CLOCK_MONOTONIC in ms) makes the first frame count from
 * before the program was loaded. */
static void print_stats(const struct app *a, double t_main, double t_end)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    const char *t0s = getenv("AULA_T0_MS");
    double t0 = t0s ? strtod(t0s, NULL) : t_main;
    fprintf(stderr,
            "aula: stats: first_frame_ms=%.2f frames=%lu wakeups=%lu run_s=%.2f "
            "cpu_ms=%.1f max_rss_kib=%ld vcsw=%ld reloads=%lu refusals=%lu\n",
            a->first_frame_ms > 0 ? a->first_frame_ms - t0 : -1.0, a->frames, a->wakeups,
            (t_end - t_main) / 1000.0,
            (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0,
            ru.ru_maxrss, ru.ru_nvcsw, a->src.reloads, a->src.refusals);
}

/* Opens the anonymous counters of [stats]. Off, or a file that cannot be
 * used: the kiosk runs without counting (one log line). Headless runs
 * (tests, pictures) count only into a file the configuration names. */
static struct stats *open_stats(const struct stats_config *sc, bool headless, int64_t now,
                                const char *tz)
{
    if (!sc->enabled || (headless && !sc->file_set))
        return NULL;
    char err[1200];
    struct stats *st = stats_open(sc->file, sc->keep_days, err, sizeof(err));
    if (!st) {
        LOG_WARN("%s; counting nothing", err);
        return NULL;
    }
    struct zone_time t;
    zone_to_local(tz, now, &t);
    char today[16];
    snprintf(today, sizeof(today), "%04d-%02d-%02d", t.year, t.month, t.day);
    stats_prune(st, today);
    return st;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf_local {
        char *s;
        size_t n, cap;
    } b = {NULL, 0, 0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        XGROW(b.s, b.cap, b.n + got + 1);
        memcpy(b.s + b.n, chunk, got);
        b.n += got;
    }
    fclose(f);
    if (!b.s)
        return xstrdup("");
    b.s[b.n] = '\0';
    return b.s;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int main(int argc, char **argv)
{
    double t_main = mono_ms();
    log_set_program("aula");
    const char *config = NULL, *snapshot = NULL, *size = NULL, *orientation = NULL;
    const char *lang = NULL, *now = NULL, *script = NULL, *screenshot = NULL;
    long idle = -1;
    float dpi = 0;
    bool window = false, headless = false, software = false, watch = false, stats = false;
    bool check_config = false;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = true;
        if (strcmp(opt, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(opt, "--version") == 0) {
            printf("aula %s\n", AULA_VERSION);
            return 0;
        } else if (strcmp(opt, "--window") == 0) {
            window = true;
            takes = false;
        } else if (strcmp(opt, "--headless") == 0) {
            headless = true;
            takes = false;
        } else if (strcmp(opt, "--software") == 0) {
            software = true;
            takes = false;
        } else if (strcmp(opt, "--watch") == 0) {
            watch = true;
            takes = false;
        } else if (strcmp(opt, "--stats") == 0) {
            stats = true;
            takes = false;
        } else if (strcmp(opt, "--check-config") == 0) {
            check_config = true;
            takes = false;
        } else if (!val) {
            fprintf(stderr, "aula: %s: unknown option or missing value\n", opt);
            usage(stderr);
            return 2;
        } else if (strcmp(opt, "--config") == 0) {
            config = val;
        } else if (strcmp(opt, "--snapshot") == 0) {
            snapshot = val;
        } else if (strcmp(opt, "--size") == 0) {
            size = val;
        } else if (strcmp(opt, "--orientation") == 0) {
            orientation = val;
        } else if (strcmp(opt, "--lang") == 0) {
            lang = val;
        } else if (strcmp(opt, "--now") == 0) {
            now = val;
        } else if (strcmp(opt, "--idle") == 0) {
            char *end;
            idle = strtol(val, &end, 10);
            if (*end || end == val || idle < 0 || idle > MAX_IDLE_SECONDS) {
                fprintf(stderr, "aula: --idle %s: expected seconds (0 = never)\n", val);
                return 2;
            }
        } else if (strcmp(opt, "--dpi") == 0) {
            char *end;
            dpi = strtof(val, &end);
            if (*end || end == val || dpi <= 0 || dpi > MAX_DPI) {
                fprintf(stderr, "aula: --dpi %s: expected a number of dots per inch\n", val);
                return 2;
            }
        } else if (strcmp(opt, "--script") == 0) {
            script = val;
        } else if (strcmp(opt, "--screenshot") == 0) {
            screenshot = val;
        } else {
            fprintf(stderr, "aula: %s: unknown option\n", opt);
            usage(stderr);
            return 2;
        }
        if (takes)
            i++;
    }
    if (headless && !screenshot && !script) {
        fprintf(stderr, "aula: --headless needs --screenshot or --script\n");
        return 2;
    }
    if (getenv("AULA_STATS"))
        stats = true;

    /* The file first; the command line overrides it. */
    struct conf_value cv[NKEYS];
    struct conf_spec spec = {kiosk_keys, NKEYS, owned_sections, other_sections, warn_conf, NULL};
    char err[1024];
    const char *config_path = config ? config : DEFAULT_CONFIG;
    if (!conf_load(config_path, config != NULL, &spec, cv, err, sizeof(err))) {
        fprintf(stderr, "aula: %s\n", err);
        return 2;
    }
    struct stats_config sc;
    stats_config_defaults(&sc);
    if (!stats_config_load(&sc, config_path, false, warn_conf, NULL, err, sizeof(err))) {
        fprintf(stderr, "aula: %s\n", err);
        return 2;
    }
    if (orientation && strcmp(orientation, "landscape") != 0 &&
        strcmp(orientation, "portrait") != 0 && strcmp(orientation, "auto") != 0) {
        fprintf(stderr, "aula: --orientation %s: expected landscape, portrait or auto\n",
                orientation);
        return 2;
    }
    if (!orientation)
        orientation = cv[K_ORIENTATION].set ? cv[K_ORIENTATION].text : "auto";

    struct app_options o;
    memset(&o, 0, sizeof(o));
    char snapshot_path[CONF_TEXT_MAX + 16];
    if (snapshot)
        snprintf(snapshot_path, sizeof(snapshot_path), "%s", snapshot);
    else if (cv[K_SNAPSHOT].set)
        snprintf(snapshot_path, sizeof(snapshot_path), "%s", cv[K_SNAPSHOT].text);
    else
        snprintf(snapshot_path, sizeof(snapshot_path), "%s/current",
                 cv[K_DATA_DIR].set ? cv[K_DATA_DIR].text : DEFAULT_DATA_DIR);
    o.snapshot = snapshot_path;
    o.lang = lang;
    o.now = now;
    o.idle_seconds = idle >= 0                ? (int)idle
                     : cv[K_IDLE_SECONDS].set ? (int)cv[K_IDLE_SECONDS].num
                                              : DEFAULT_IDLE_SECONDS;
    o.site_id = cv[K_SITE_ID].set ? cv[K_SITE_ID].text : NULL;
    o.languages = cv[K_LANGUAGES].set ? cv[K_LANGUAGES].text : NULL;
    o.default_lang = cv[K_DEFAULT_LANGUAGE].set ? cv[K_DEFAULT_LANGUAGE].text : NULL;
    o.plat.headless = headless;
    o.plat.software = software;
    o.plat.windowed = window || (cv[K_WINDOW].set && cv[K_WINDOW].yes);
    o.plat.dpi = dpi > 0 ? dpi : cv[K_DPI].set ? (float)cv[K_DPI].num : 0;
    if (size && !platform_parse_size(size, &o.plat.width, &o.plat.height)) {
        fprintf(stderr, "aula: --size %s: expected WxH, e.g. 1920x1080\n", size);
        return 2;
    }
    /* A given size follows the orientation asked for. */
    bool want_portrait = strcmp(orientation, "portrait") == 0;
    if (size && strcmp(orientation, "auto") != 0 &&
        (o.plat.height > o.plat.width) != want_portrait) {
        int t = o.plat.width;
        o.plat.width = o.plat.height;
        o.plat.height = t;
    }
    /* The running kiosk always follows new content; headless only when asked. */
    o.watch = watch || !headless;

    if (check_config) {
        printf("config: %s%s\n", config_path,
               config || cv[K_SITE_ID].set || cv[K_DATA_DIR].set ? "" : " (defaults)");
        printf("snapshot: %s\nsite_id: %s\nlanguages: %s\ndefault_language: %s\n"
               "idle_seconds: %d\norientation: %s\nwindow: %s\ndpi: %s\n",
               o.snapshot, o.site_id ? o.site_id : "(any)",
               o.languages ? o.languages : "(the snapshot's)",
               o.default_lang ? o.default_lang : "(the snapshot's)", o.idle_seconds, orientation,
               o.plat.windowed ? "yes" : "no", cv[K_DPI].set || dpi > 0 ? "set" : "(guessed)");
        printf("stats: %s\nfeedback: %s\n", sc.enabled ? sc.file : "off",
               sc.feedback ? "on" : "off");
        return 0;
    }

    struct app *a = xcalloc(1, sizeof(*a));
    if (!ui_init(a, &o, err, sizeof(err))) {
        fprintf(stderr, "aula: %s\n", err);
        free(a);
        return 1;
    }
    a->stats =
        open_stats(&sc, headless, ui_now(a), a->content ? a->content->tz : "Europe/Helsinki");
    a->feedback = sc.feedback;
    bool is_portrait = a->plat.height > a->plat.width;
    if (strcmp(orientation, "auto") != 0 && is_portrait != want_portrait)
        LOG_WARN("orientation: the display is %s but %s is configured; rotate the display in "
                 "the system settings (see KIOSK.md)",
                 is_portrait ? "portrait" : "landscape", orientation);
    int rc = 0;
    if (headless || script) {
        char *text = NULL;
        if (script) {
            struct stat sb;
            text =
                stat(script, &sb) == 0 && S_ISREG(sb.st_mode) ? read_file(script) : xstrdup(script);
            if (!text) {
                fprintf(stderr, "aula: --script %s: cannot read\n", script);
                rc = 1;
            }
        }
        bool file_out = screenshot && ends_with(screenshot, ".png");
        const char *dir = screenshot && !file_out ? screenshot : NULL;
        if (dir)
            mkdir(dir, 0777);
        ui_render(a, true);
        if (rc == 0 && text && !script_run(a, text, dir, err, sizeof(err))) {
            fprintf(stderr, "aula: %s\n", err);
            rc = 1;
        }
        if (rc == 0 && file_out && !script_shot(a, screenshot, err, sizeof(err))) {
            fprintf(stderr, "aula: %s\n", err);
            rc = 1;
        }
        free(text);
    } else {
        rc = ui_run(a);
    }
    if (stats)
        print_stats(a, t_main, mono_ms());
    struct stats *st = a->stats; /* screens leaving in ui_free still count */
    ui_free(a);
    stats_close(st);
    free(a);
    return rc;
}
