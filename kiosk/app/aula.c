/* aula: the kiosk program families touch. Wiring only: reads the
 * configuration file and the command line (which overrides the file),
 * starts the UI on a snapshot, and either runs the event loop (a full
 * screen or a window) or, headless, plays a script and writes screenshots.
 * With --stats it prints counters of the run at exit (for benchmarks). */
#include "ui/print_ui.h"
#include "ui/script.h"
#include "ui/staff.h"
#include "ui/ui.h"
#include "domain/schedule.h"
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
#include <termios.h>
#include <time.h>
#include <unistd.h>

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
    K_SPEECH,
    K_SPEECH_VOICES,
    K_SPEECH_RATE,
    K_PIN_HASH, /* [staff] */
    K_REQUEST_DIR,
    K_ACCESSIBILITY,
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
    [K_SPEECH] = {"speech", "enabled", CONF_BOOL, 0, 0, NULL},
    [K_SPEECH_VOICES] = {"speech", "voices", CONF_TEXT, 0, 0, NULL},
    [K_SPEECH_RATE] = {"speech", "rate", CONF_NUMBER, SPEECH_MIN_RATE, SPEECH_MAX_RATE, NULL},
    [K_PIN_HASH] = {"staff", "pin_hash", CONF_TEXT, 0, 0, NULL},
    [K_REQUEST_DIR] = {"staff", "request_dir", CONF_PATH, 0, 0, NULL},
    [K_ACCESSIBILITY] = {"kiosk", "accessibility", CONF_TEXT, 0, 0, NULL},
};
static const char *const owned_sections[] = {"kiosk", "speech", "staff", "display", NULL};

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
            "  --a11y MODES        accessibility modes every visitor starts with:\n"
            "                      large,contrast,reach,motion (or none)\n"
            "  --stats             print counters at exit (first frame, redraws, wake-ups)\n"
            "  --speech            read aloud from the start (F2 or keypad * toggles)\n"
            "  --speech-log FILE   also write every utterance to FILE (one line each)\n"
            "  --hash-pin          read a staff PIN from standard input and print the\n"
            "                      pin_hash line for the [staff] section of aula.conf\n"
            "  --test-print        print a test slip on the configured printer and exit\n"
            "  --no-shift, --shift the burn-in shift of the picture off or on (default: on,\n"
            "                      headless off)\n"
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
            "aula: stats: first_frame_ms=%.2f first_frame_cpu_ms=%.2f frames=%lu wakeups=%lu "
            "run_s=%.2f cpu_ms=%.1f max_rss_kib=%ld vcsw=%ld reloads=%lu refusals=%lu\n",
            a->first_frame_ms > 0 ? a->first_frame_ms - t0 : -1.0, a->first_frame_cpu_ms, a->frames,
            a->wakeups, (t_end - t_main) / 1000.0,
            (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
                (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0,
            ru.ru_maxrss, ru.ru_nvcsw, a->src.reloads, a->src.refusals);
}

/* Opens the anonymous counters of [stats]. Off, or a file that cannot be
 * used: the kiosk runs without counting (one log line). Headless runs
 * (tests, pictures) count only into a file the configuration names. */
/* Stops and frees the kiosk and what main gave it (staff state, counters). */
static void close_app(struct app *a)
{
    struct staff *staff = a->staff;
    staff_request_stop(staff);   /* its watch thread, before SDL stops */
    struct stats *st = a->stats; /* screens leaving in ui_free still count */
    ui_free(a);
    stats_close(st);
    staff_free(staff);
    free(a);
}

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

/* Reads one line of at most cap-1 bytes from stdin, without echo on a
 * terminal; the newline is dropped. */
static bool read_secret(const char *prompt, char *buf, size_t cap)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &old) == 0) {
            quiet = old;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            tty = false;
        }
    }
    bool ok = fgets(buf, (int)cap, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!ok)
        return false;
    buf[strcspn(buf, "\r\n")] = '\0';
    return true;
}

/* aula --hash-pin: the staff PIN in, the line for aula.conf out. */
static int hash_pin(void)
{
    char pin[64], again[64], hash[STAFFPIN_HASH_MAX], err[256];
    int rc = 1;
    if (!staffpin_init()) {
        fprintf(stderr, "aula: --hash-pin: libsodium cannot start\n");
        return 1;
    }
    if (!read_secret("Staff PIN (4-12 digits): ", pin, sizeof(pin))) {
        fprintf(stderr, "aula: --hash-pin: no PIN on standard input\n");
        return 1;
    }
    if (!staffpin_valid(pin, err, sizeof(err))) {
        fprintf(stderr, "aula: --hash-pin: %s\n", err);
        goto done;
    }
    if (isatty(STDIN_FILENO)) {
        if (!read_secret("The same PIN again: ", again, sizeof(again)) || strcmp(pin, again) != 0) {
            fprintf(stderr, "aula: --hash-pin: the two PINs differ; nothing printed\n");
            goto done;
        }
    }
    if (!staffpin_hash(pin, hash, err, sizeof(err))) {
        fprintf(stderr, "aula: --hash-pin: %s\n", err);
        goto done;
    }
    printf("pin_hash = %s\n", hash);
    if (isatty(STDOUT_FILENO))
        fprintf(stderr, "Put this line in the [staff] section of /etc/aula/aula.conf.\n");
    rc = 0;
done:
    memset(pin, 0, sizeof(pin));
    memset(again, 0, sizeof(again));
    return rc;
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
    const char *a11y = NULL;
    long idle = -1;
    float dpi = 0;
    bool window = false, headless = false, software = false, watch = false, stats = false;
    bool check_config = false, speech = false, test_print = false;
    const char *speech_log = NULL;
    int shift = -1;
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
        } else if (strcmp(opt, "--speech") == 0) {
            speech = true;
            takes = false;
        } else if (strcmp(opt, "--test-print") == 0) {
            test_print = true;
            takes = false;
        } else if (strcmp(opt, "--shift") == 0 || strcmp(opt, "--no-shift") == 0) {
            shift = strcmp(opt, "--shift") == 0;
            takes = false;
        } else if (strcmp(opt, "--check-config") == 0) {
            check_config = true;
            takes = false;
        } else if (strcmp(opt, "--hash-pin") == 0) {
            return hash_pin();
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
        } else if (strcmp(opt, "--speech-log") == 0) {
            speech_log = val;
        } else if (strcmp(opt, "--a11y") == 0) {
            a11y = val;
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
    /* [display] keys follow the [kiosk] ones (domain/schedule.h owns them). */
    struct conf_key keys[NKEYS + SCHEDULE_NKEYS];
    memcpy(keys, kiosk_keys, sizeof(kiosk_keys));
    memcpy(keys + NKEYS, schedule_conf_keys, sizeof(schedule_conf_keys));
    struct conf_value cv[NKEYS + SCHEDULE_NKEYS];
    struct conf_spec spec = {keys, NKEYS + SCHEDULE_NKEYS, owned_sections, NULL, warn_conf, NULL};
    char err[1024];
    const char *config_path = config ? config : DEFAULT_CONFIG;
    struct schedule_conf display;
    schedule_conf_defaults(&display);
    if (!conf_load(config_path, config != NULL, &spec, cv, err, sizeof(err)) ||
        !schedule_conf_apply(&display, cv + NKEYS, config_path, err, sizeof(err))) {
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
    /* [staff] pin_hash: checked now, so that a bad line stops the start. */
    const char *pin_hash = cv[K_PIN_HASH].set ? cv[K_PIN_HASH].text : NULL;
    if (pin_hash && !staffpin_init()) {
        fprintf(stderr, "aula: libsodium cannot start: the staff menu needs it\n");
        return 1;
    }
    if (pin_hash && !staffpin_hash_ok(pin_hash, err, sizeof(err))) {
        fprintf(stderr, "aula: %s:%d: pin_hash: %s; make a new line with: aula --hash-pin\n",
                config_path, cv[K_PIN_HASH].line, err);
        return 2;
    }

    /* print: the [printer] section. A bad setting stops the printer, not
     * the kiosk (--test-print stops on it). */
    struct print_config pcfg;
    printconf_defaults(&pcfg);
    char perr[1024] = "";
    bool print_ok = printconf_load(&pcfg, config_path, config != NULL, perr, sizeof(perr));
    if (!print_ok)
        pcfg.kind = PRINTER_NONE;
    if (test_print) {
        if (!print_ok) {
            fprintf(stderr, "aula: --test-print: %s\n", perr);
            return 1;
        }
        if (pcfg.kind == PRINTER_NONE) {
            fprintf(stderr,
                    "aula: --test-print: no printer is configured (printer = none in %s; see "
                    "packaging/PRINTING.md)\n",
                    config_path);
            return 1;
        }
        pcfg.daily_cap = 0; /* a staff test does not use up the visitors' slips */
        pcfg.state_file[0] = '\0';
        headless = true;
        if (!size)
            size = "800x480";
    }

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
    {
        char e[256];
        const char *modes = a11y ? a11y : cv[K_ACCESSIBILITY].set ? cv[K_ACCESSIBILITY].text : "";
        if (!theme_parse_modes(modes, &o.modes, e, sizeof(e))) {
            if (a11y)
                fprintf(stderr, "aula: --a11y %s: %s\n", a11y, e);
            else
                fprintf(stderr, "aula: %s:%d: accessibility: %s\n", config_path,
                        cv[K_ACCESSIBILITY].line, e);
            return 2;
        }
    }
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
    if (cv[K_SPEECH_VOICES].set &&
        !speech_check_voices(cv[K_SPEECH_VOICES].text, err, sizeof(err))) {
        fprintf(stderr, "aula: %s: [speech] %s\n", config_path, err);
        return 2;
    }
    o.speech = speech || (cv[K_SPEECH].set && cv[K_SPEECH].yes);
    o.speech_opts.voices = cv[K_SPEECH_VOICES].set ? cv[K_SPEECH_VOICES].text : NULL;
    o.speech_opts.rate = cv[K_SPEECH_RATE].set ? (int)cv[K_SPEECH_RATE].num : 0;
    o.speech_opts.audio = !headless; /* pictures and tests make no sound */
    o.speech_opts.log = speech_log;
    o.display = &display;
    o.shift = shift;
    /* The running kiosk always follows new content; headless only when asked. */
    o.watch = (watch || !headless) && !test_print;

    if (check_config) {
        printf("config: %s%s\n", config_path,
               config || cv[K_SITE_ID].set || cv[K_DATA_DIR].set ? "" : " (defaults)");
        printf("staff_menu: %s\n", pin_hash ? "on (a PIN is set)" : "off (no pin_hash in [staff])");
        printf("staff_requests: %s\n",
               cv[K_REQUEST_DIR].set ? cv[K_REQUEST_DIR].text : STAFFREQ_DEFAULT_DIR);
        char modes[64];
        theme_format_modes(&o.modes, modes, sizeof(modes));
        printf("snapshot: %s\nsite_id: %s\nlanguages: %s\ndefault_language: %s\n"
               "idle_seconds: %d\norientation: %s\nwindow: %s\ndpi: %s\naccessibility: %s\n"
               "speech: %s (rate %d, voices %s)\n",
               o.snapshot, o.site_id ? o.site_id : "(any)",
               o.languages ? o.languages : "(the snapshot's)",
               o.default_lang ? o.default_lang : "(the snapshot's)", o.idle_seconds, orientation,
               o.plat.windowed ? "yes" : "no", cv[K_DPI].set || dpi > 0 ? "set" : "(guessed)",
               modes, o.speech ? "on" : "off (F2 switches it on)",
               o.speech_opts.rate ? o.speech_opts.rate : SPEECH_DEFAULT_RATE,
               o.speech_opts.voices ? o.speech_opts.voices : "(built-in)");
        printf("printer: %s\n", print_ok ? printconf_kind_name(pcfg.kind) : perr);
        char hours[1024];
        schedule_conf_describe(&display, hours, sizeof(hours));
        static const char *const off_names[] = {"black", "dim", "command"};
        printf("display: %s\noff_action: %s\nwake_minutes: %d\nshift: %s\n", hours,
               off_names[display.off_action], display.wake_minutes,
               shift >= 0      ? (shift ? "yes" : "no")
               : display.shift ? "yes"
                               : "no");
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
    a->staff = staff_new(pin_hash, cv[K_DATA_DIR].set ? cv[K_DATA_DIR].text : DEFAULT_DATA_DIR);
    a->staff->started = ui_now(a);
    staff_request_dir(a->staff, cv[K_REQUEST_DIR].set ? cv[K_REQUEST_DIR].text : NULL);
    a->stats = open_stats(&sc, headless, ui_now(a), ui_tz(a));
    a->feedback = sc.feedback;
    bool is_portrait = a->plat.height > a->plat.width;
    if (strcmp(orientation, "auto") != 0 && is_portrait != want_portrait)
        LOG_WARN("orientation: the display is %s but %s is configured; rotate the display in "
                 "the system settings (see KIOSK.md)",
                 is_portrait ? "portrait" : "landscape", orientation);
    if (!ui_print_open(a, &pcfg, perr, sizeof(perr))) {
        LOG_ERR("%s; the kiosk runs without printing", perr);
        if (test_print) {
            fprintf(stderr, "aula: --test-print: %s\n", perr);
            close_app(a);
            return 1;
        }
    } else if (!print_ok) {
        LOG_ERR("%s; the kiosk runs without printing", perr);
    }
    int rc = 0;
    if (test_print) {
        enum print_status st = PRINT_FAILED;
        if (ui_print_test(a) &&
            ui_print_wait(a, (int)(pcfg.timeout_ms > 0 ? pcfg.timeout_ms : 20000) + 5000, &st) &&
            st == PRINT_OK) {
            printf("aula: test slip printed on %s\n", printconf_kind_name(pcfg.kind));
        } else {
            fprintf(stderr, "aula: test print failed: %s: %s\n", status_key(st), status_text(st));
            rc = 1;
        }
    } else if (headless || script) {
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
    if (a->staff->restart)
        rc = STAFF_EXIT_RESTART; /* systemd starts the kiosk again */
    close_app(a);
    return rc;
}
