/* aula: the kiosk program families touch. Wiring only: reads the command
 * line, starts the UI on a snapshot, and either runs the event loop (a full
 * screen or a window) or, headless, plays a script and writes screenshots. */
#include "ui/script.h"
#include "ui/ui.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_IDLE_SECONDS 90

static void usage(FILE *f)
{
    fprintf(f,
            "usage: aula [options]\n"
            "  --snapshot FILE     the content to show (an aula snapshot)\n"
            "  --window            a window instead of the full screen\n"
            "  --size WxH          window or picture size, e.g. 1920x1080\n"
            "  --lang CODE         start in this language (default: the site's)\n"
            "  --idle SECONDS      back to the start after this quiet time (default %d, 0 = "
            "never)\n"
            "  --software          use the software renderer\n"
            "  --dpi N             the screen's pixel density (for 9 mm touch targets)\n"
            "headless (no display; for tests and documentation pictures):\n"
            "  --headless          render off-screen with SDL's dummy driver\n"
            "  --now TIME          frozen clock: 2026-11-24T10:15 (site time) or ...Z (UTC)\n"
            "  --script TEXT|FILE  commands, e.g. \"tap:services; key:Down; shot:list.png\"\n"
            "  --screenshot PATH   OUT.png: the final picture; a directory: where shot: files "
            "go\n"
            "  --version, --help\n",
            DEFAULT_IDLE_SECONDS);
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
    log_set_program("aula");
    struct app_options o;
    memset(&o, 0, sizeof(o));
    o.idle_seconds = DEFAULT_IDLE_SECONDS;
    const char *script = NULL, *screenshot = NULL;
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
            o.plat.windowed = true;
            takes = false;
        } else if (strcmp(opt, "--headless") == 0) {
            o.plat.headless = true;
            takes = false;
        } else if (strcmp(opt, "--software") == 0) {
            o.plat.software = true;
            takes = false;
        } else if (!val) {
            fprintf(stderr, "aula: %s: unknown option or missing value\n", opt);
            usage(stderr);
            return 2;
        } else if (strcmp(opt, "--snapshot") == 0) {
            o.snapshot = val;
        } else if (strcmp(opt, "--size") == 0) {
            if (!platform_parse_size(val, &o.plat.width, &o.plat.height)) {
                fprintf(stderr, "aula: --size %s: expected WxH, e.g. 1920x1080\n", val);
                return 2;
            }
        } else if (strcmp(opt, "--lang") == 0) {
            o.lang = val;
        } else if (strcmp(opt, "--now") == 0) {
            o.now = val;
        } else if (strcmp(opt, "--idle") == 0) {
            char *end;
            long v = strtol(val, &end, 10);
            if (*end || v < 0 || v > 86400) {
                fprintf(stderr, "aula: --idle %s: expected seconds (0 = never)\n", val);
                return 2;
            }
            o.idle_seconds = (int)v;
        } else if (strcmp(opt, "--dpi") == 0) {
            o.plat.dpi = strtof(val, NULL);
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
    if (o.plat.headless && !screenshot && !script) {
        fprintf(stderr, "aula: --headless needs --screenshot or --script\n");
        return 2;
    }

    char err[1024];
    struct app *a = xcalloc(1, sizeof(*a));
    if (!ui_init(a, &o, err, sizeof(err))) {
        fprintf(stderr, "aula: %s\n", err);
        free(a);
        return 1;
    }
    int rc = 0;
    if (o.plat.headless || script) {
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
    ui_free(a);
    free(a);
    return rc;
}
