/* printconf: print settings from aula.conf; see printconf.h. */
#include "print/printconf.h"
#include "base/conf.h"
#include "base/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {"none", "escpos-device", "escpos-tcp", "cups"};

const char *printconf_kind_name(enum printer_kind k)
{
    return (unsigned)k < sizeof(kind_names) / sizeof(kind_names[0]) ? kind_names[k] : "?";
}

void printconf_defaults(struct print_config *c)
{
    memset(c, 0, sizeof(*c));
    c->kind = PRINTER_NONE;
    snprintf(c->device, sizeof(c->device), "/dev/usb/lp0");
    c->format = CUPS_FORMAT_PDF;
    c->paper_mm = 80;
    c->dpi = 203;
    c->daily_cap = 100;
    c->logo = false;
    snprintf(c->logo_file, sizeof(c->logo_file), "/etc/aula/slip-logo.png");
    snprintf(c->state_file, sizeof(c->state_file), "/var/lib/aula/print-count");
    c->timeout_ms = 20000;
    c->status_wait_ms = 300;
}

static bool set_str(char *dst, size_t n, const char *value, const char *where, const char *key,
                    char *err, size_t cap)
{
    if (strlen(value) >= n) {
        snprintf(err, cap, "%s: %s: value is longer than %zu characters", where, key, n - 1);
        return false;
    }
    snprintf(dst, n, "%s", value);
    return true;
}

static bool parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"on", "yes", "true", "1"}, *const no[] = {"off", "no",
                                                                                "false", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool printconf_set(struct print_config *c, const char *key, const char *value, const char *file,
                   int line, char *err, size_t cap)
{
    if (strncmp(key, "print", 5) != 0)
        return true;
    char where[PRINTCONF_PATH_MAX + 16];
    if (line > 0)
        snprintf(where, sizeof(where), "%s:%d", file ? file : "config", line);
    else
        snprintf(where, sizeof(where), "%s", file ? file : "config");
    if (strcmp(key, "printer") == 0) {
        for (size_t i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++) {
            if (strcmp(value, kind_names[i]) == 0) {
                c->kind = (enum printer_kind)i;
                return true;
            }
        }
        snprintf(err, cap,
                 "%s: printer: \"%s\" is not a printer kind (write none, escpos-device, "
                 "escpos-tcp or cups)",
                 where, value);
        return false;
    }
    struct {
        const char *key;
        char *dst;
        size_t n;
    } strs[] = {
        {"printer_device", c->device, sizeof(c->device)},
        {"printer_host", c->host, sizeof(c->host)},
        {"printer_queue", c->queue, sizeof(c->queue)},
        {"printer_cups_server", c->cups_server, sizeof(c->cups_server)},
        {"print_logo_file", c->logo_file, sizeof(c->logo_file)},
        {"print_state_file", c->state_file, sizeof(c->state_file)},
        {"print_font_dir", c->font_dir, sizeof(c->font_dir)},
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        if (strcmp(key, strs[i].key) == 0)
            return set_str(strs[i].dst, strs[i].n, value, where, key, err, cap);
    if (strcmp(key, "printer_format") == 0) {
        if (strcmp(value, "pdf") == 0 || strcmp(value, "png") == 0) {
            c->format = value[1] == 'd' ? CUPS_FORMAT_PDF : CUPS_FORMAT_PNG;
            return true;
        }
        snprintf(err, cap, "%s: printer_format: \"%s\" must be pdf or png", where, value);
        return false;
    }
    if (strcmp(key, "printer_paper") == 0) {
        int mm = 0;
        if (!parse_int(value, 58, 80, &mm) || (mm != 58 && mm != 80)) {
            snprintf(err, cap, "%s: printer_paper: \"%s\" must be 58 or 80 (mm)", where, value);
            return false;
        }
        c->paper_mm = mm;
        return true;
    }
    if (strcmp(key, "printer_dpi") == 0) {
        if (!parse_int(value, 100, 1200, &c->dpi)) {
            snprintf(err, cap, "%s: printer_dpi: \"%s\" must be a number from 100 to 1200", where,
                     value);
            return false;
        }
        return true;
    }
    if (strcmp(key, "print_daily_cap") == 0) {
        if (!parse_int(value, 0, 1000000, &c->daily_cap)) {
            snprintf(err, cap, "%s: print_daily_cap: \"%s\" must be a whole number (0 = no cap)",
                     where, value);
            return false;
        }
        return true;
    }
    if (strcmp(key, "print_logo") == 0) {
        if (!parse_bool(value, &c->logo)) {
            snprintf(err, cap, "%s: print_logo: \"%s\" must be on or off", where, value);
            return false;
        }
        return true;
    }
    if (strcmp(key, "print_timeout") == 0 || strcmp(key, "print_status_wait") == 0) {
        bool total = key[6] == 't';
        long long ms;
        if (!conf_parse_duration(value, &ms) || (total && (ms < 500 || ms > 600000)) ||
            (!total && ms > 10000)) {
            snprintf(err, cap, "%s: %s: \"%s\" is not a duration %s", where, key, value,
                     total ? "from 500ms to 10m (write e.g. 20s)"
                           : "up to 10s (write e.g. 300ms, or 0 to not ask)");
            return false;
        }
        *(total ? &c->timeout_ms : &c->status_wait_ms) = ms;
        return true;
    }
    snprintf(err, cap, "%s: unknown print setting \"%s\" (see packaging/PRINTING.md)", where, key);
    return false;
}

static bool apply_kv(void *ctx, const char *key, const char *value, const char *name, int line,
                     char *err, size_t cap)
{
    return printconf_set(ctx, key, value, name, line, err, cap);
}

bool printconf_load(struct print_config *c, const char *path, bool must_exist, char *err,
                    size_t cap)
{
    char *text = conf_slurp(path);
    if (!text) {
        if (!must_exist && errno == ENOENT)
            return true;
        snprintf(err, cap, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = conf_each(text, path, "printer", apply_kv, c, err, cap);
    free(text);
    return ok;
}

bool printconf_check(const struct print_config *c, char *err, size_t cap)
{
    if (c->kind == PRINTER_ESCPOS_DEVICE && !c->device[0]) {
        snprintf(err, cap, "printer = escpos-device needs printer_device (e.g. /dev/usb/lp0)");
        return false;
    }
    if (c->kind == PRINTER_ESCPOS_TCP && !c->host[0]) {
        snprintf(err, cap, "printer = escpos-tcp needs printer_host (e.g. 192.0.2.7:9100)");
        return false;
    }
    if (c->kind == PRINTER_CUPS && !c->queue[0]) {
        snprintf(err, cap, "printer = cups needs printer_queue (lpstat -p lists the queues)");
        return false;
    }
    return true;
}
