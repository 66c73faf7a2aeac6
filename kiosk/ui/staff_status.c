/* staff_status: the facts of the staff status page and their rows; see
 * staff_status.h. */
#include "ui/staff_status.h"
#include "ui/staff.h"
#include "ui/ui.h"
#include "print/printer.h"
#include "domain/zone.h"
#include "base/civil.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>

#define STATUS_JSON "status.json" /* sync/state.h STATUS_FILE */

/* "2026-11-24T09:00:00Z" -> UTC seconds; 0 if not that shape. */
static int64_t parse_utc(const char *s)
{
    int y, mo, d, h, mi, se;
    char z;
    if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
        z != 'Z' || !civil_valid(y, mo, d))
        return 0;
    return civil_to_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

static void copy_str(json_t *o, const char *key, char *out, size_t cap)
{
    const char *v = json_string_value(json_object_get(o, key));
    snprintf(out, cap, "%s", v ? v : "");
}

void staff_sync_read(const char *data_dir, struct staff_sync *out)
{
    memset(out, 0, sizeof(*out));
    char path[PATH_MAX + 16];
    snprintf(path, sizeof(path), "%s/%s", data_dir, STATUS_JSON);
    FILE *f = fopen(path, "rb");
    if (!f)
        return; /* never synced (or no data directory): nothing to say */
    json_error_t je;
    json_t *o = json_loadf(f, 0, &je);
    fclose(f);
    if (!json_is_object(o)) {
        snprintf(out->problem, sizeof(out->problem), "%.120s:%d: %.100s", path, je.line,
                 o ? "not a JSON object" : je.text);
        json_decref(o);
        return;
    }
    out->have = true;
    out->last_attempt = parse_utc(json_string_value(json_object_get(o, "last_attempt")));
    out->last_success = parse_utc(json_string_value(json_object_get(o, "last_success")));
    copy_str(o, "last_result", out->result, sizeof(out->result));
    copy_str(o, "last_message", out->message, sizeof(out->message));
    json_decref(o);
}

/* AULA_TEST_MACHINE="FREE TOTAL UPTIME": fixed machine figures for pictures. */
static bool test_machine(struct staff_facts *f)
{
    const char *v = getenv("AULA_TEST_MACHINE");
    unsigned long long fr, to;
    long long up;
    if (!v || sscanf(v, "%llu %llu %lld", &fr, &to, &up) != 3)
        return false;
    f->have_disk = true;
    f->disk_free = fr;
    f->disk_total = to;
    f->system_up = up;
    return true;
}

void staff_facts_gather(struct app *a, struct staff_facts *f)
{
    memset(f, 0, sizeof(*f));
    f->version = AULA_VERSION;
    int64_t now = ui_now(a);
    const struct content *c = a->content;
    snprintf(f->tz, sizeof(f->tz), "%s", c ? c->tz : ZONE_DEFAULT);
    struct zone_time zt;
    zone_to_local(f->tz, now, &zt);
    f->today = zt.days;
    if (c) {
        f->have_content = true;
        f->content_version = c->info.content_version;
        f->built_at = c->built_at;
        f->valid_from = c->valid_from;
        f->valid_until = c->valid_until;
    }
    const char *dir = a->staff ? a->staff->data_dir : "";
    if (dir[0])
        staff_sync_read(dir, &f->sync);
    f->kiosk_up = a->staff ? now - a->staff->started : -1;
    f->system_up = -1;
    if (!test_machine(f)) {
        struct statvfs vs;
        if (dir[0] && statvfs(dir, &vs) == 0) {
            f->have_disk = true;
            f->disk_free = (uint64_t)vs.f_bavail * vs.f_frsize;
            f->disk_total = (uint64_t)vs.f_blocks * vs.f_frsize;
        }
        struct sysinfo si;
        if (sysinfo(&si) == 0)
            f->system_up = si.uptime;
    }
    f->slips_left = -1;
    if (a->printer) {
        f->printer = printer_enabled(a->printer) ? STAFF_PRINTER_ON : STAFF_PRINTER_OFF;
        if (f->printer == STAFF_PRINTER_ON)
            f->slips_left = printer_left_today(a->printer);
    }
    if (a->stats) {
        char day[16];
        snprintf(day, sizeof(day), "%04d-%02d-%02d", zt.year, zt.month, zt.day);
        f->counting = stats_day_totals(a->stats, day, f->counts);
    }
}

/* ---- rows ---- */

static void num(char *buf, size_t cap, int64_t v)
{
    snprintf(buf, cap, "%" PRId64, v);
}

static void fill1(char *out, size_t cap, const char *lang, enum str_id id, int64_t v)
{
    char n[32];
    num(n, sizeof(n), v);
    str_fill(out, cap, str_get(lang, id), n, NULL);
}

static void fill2(char *out, size_t cap, const char *lang, enum str_id id, int64_t v1, int64_t v2)
{
    char n1[32], n2[32];
    num(n1, sizeof(n1), v1);
    num(n2, sizeof(n2), v2);
    str_fill(out, cap, str_get(lang, id), n1, n2);
}

/* "3 d 4 h", "2 h 5 min", "12 min" */
static void duration(char *out, size_t cap, const char *lang, int64_t s)
{
    if (s < 0)
        snprintf(out, cap, "%s", str_get(lang, S_STAFF_UNKNOWN));
    else if (s >= 86400)
        fill2(out, cap, lang, S_STAFF_DUR_DAYS, s / 86400, s % 86400 / 3600);
    else if (s >= 3600)
        fill2(out, cap, lang, S_STAFF_DUR_HOURS, s / 3600, s % 3600 / 60);
    else
        fill1(out, cap, lang, S_STAFF_DUR_MIN, s / 60);
}

/* "12.3 GB" ("12,3 GB" where the decimal mark is a comma). */
static void bytes(char *out, size_t cap, const char *lang, uint64_t b)
{
    double gb = (double)b / 1e9;
    if (gb >= 100)
        snprintf(out, cap, "%.0f GB", gb);
    else if (gb >= 0.1)
        snprintf(out, cap, "%.1f GB", gb);
    else
        snprintf(out, cap, "%.0f MB", (double)b / 1e6);
    bool comma = strcmp(lang, "fi") == 0 || strcmp(lang, "sv") == 0 || strcmp(lang, "ru") == 0 ||
                 strcmp(lang, "uk") == 0 || strcmp(lang, "so") == 0;
    char *dot = strchr(out, '.');
    if (comma && dot)
        *dot = ',';
}

/* "ma 23.11. 12.00" in the site's time. */
static void when(char *out, size_t cap, const char *lang, const char *tz, int64_t utc)
{
    struct zone_time zt;
    zone_to_local(tz, utc, &zt);
    char d[64], t[32];
    str_date_short(lang, zt.days, d, sizeof(d));
    str_time(lang, zt.minutes, t, sizeof(t));
    snprintf(out, cap, "%s %s", d, t);
}

static enum str_id result_text(const char *r)
{
    static const struct {
        const char *result;
        enum str_id id;
    } map[] = {
        {"installed", S_STAFF_RES_INSTALLED}, {"unchanged", S_STAFF_RES_UNCHANGED},
        {"rolled-back", S_STAFF_RES_ROLLED},  {"refused", S_STAFF_RES_REFUSED},
        {"failed", S_STAFF_RES_FAILED},
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(map[i].result, r) == 0)
            return map[i].id;
    return STR_COUNT;
}

size_t staff_rows(const struct staff_facts *f, const char *lang, struct staff_row *rows, size_t cap)
{
    size_t n = 0;
    struct staff_row *r;
#define ROW(id)                                                                                    \
    (n < cap ? (r = &rows[n++], memset(r, 0, sizeof(*r)), r->label = str_get(lang, id), r) : NULL)

    /* The content and how long it lasts. */
    if (ROW(S_STAFF_CONTENT)) {
        if (f->have_content) {
            fill1(r->value, sizeof(r->value), lang, S_STAFF_CONTENT_VALUE, f->content_version);
            if (f->built_at > 0) {
                char w[96];
                when(w, sizeof(w), lang, f->tz, f->built_at);
                str_fill(r->detail, sizeof(r->detail), str_get(lang, S_STAFF_BUILT), w, NULL);
            }
        } else {
            snprintf(r->value, sizeof(r->value), "%s", str_get(lang, S_STAFF_NO_CONTENT));
            r->warn = true;
        }
    }
    if (f->have_content && f->valid_until > 0 && ROW(S_STAFF_VALID)) {
        str_date_range(lang, f->valid_from > 0 ? f->valid_from : f->valid_until, f->valid_until,
                       r->value, sizeof(r->value));
        int64_t left = f->valid_until - f->today;
        if (left > 0)
            fill1(r->detail, sizeof(r->detail), lang, S_STAFF_DAYS_LEFT, left);
        else if (left == 0)
            snprintf(r->detail, sizeof(r->detail), "%s", str_get(lang, S_STAFF_LAST_DAY));
        else
            fill1(r->detail, sizeof(r->detail), lang, S_STAFF_EXPIRED, -left);
        r->warn = left < 7;
    }
    /* The last update by aula-sync. */
    if (ROW(S_STAFF_SYNC)) {
        if (f->sync.problem[0]) {
            snprintf(r->value, sizeof(r->value), "%s", str_get(lang, S_STAFF_SYNC_UNREADABLE));
            snprintf(r->detail, sizeof(r->detail), "%s", f->sync.problem);
            r->warn = true;
        } else if (!f->sync.have || f->sync.last_attempt <= 0) {
            snprintf(r->value, sizeof(r->value), "%s", str_get(lang, S_STAFF_SYNC_NEVER));
        } else {
            char w[96];
            when(w, sizeof(w), lang, f->tz, f->sync.last_attempt);
            enum str_id res = result_text(f->sync.result);
            snprintf(r->value, sizeof(r->value), "%s: %s", w,
                     res == STR_COUNT ? f->sync.result : str_get(lang, res));
            snprintf(r->detail, sizeof(r->detail), "%s", f->sync.message);
            r->warn = res == S_STAFF_RES_REFUSED || res == S_STAFF_RES_FAILED;
        }
    }
    /* The machine. */
    if (ROW(S_STAFF_DISK)) {
        if (f->have_disk) {
            char fr[32], to[32];
            bytes(fr, sizeof(fr), lang, f->disk_free);
            bytes(to, sizeof(to), lang, f->disk_total);
            str_fill(r->value, sizeof(r->value), str_get(lang, S_STAFF_DISK_VALUE), fr, to);
            r->warn = f->disk_total > 0 && f->disk_free < f->disk_total / 20;
        } else {
            snprintf(r->value, sizeof(r->value), "%s", str_get(lang, S_STAFF_UNKNOWN));
        }
    }
    if (ROW(S_STAFF_UPTIME)) {
        char k[64], s[64];
        duration(k, sizeof(k), lang, f->kiosk_up);
        duration(s, sizeof(s), lang, f->system_up);
        str_fill(r->value, sizeof(r->value), str_get(lang, S_STAFF_UPTIME_VALUE), k, s);
    }
    if (ROW(S_STAFF_VERSION))
        snprintf(r->value, sizeof(r->value), "aula %s", f->version ? f->version : "?");
    if (ROW(S_STAFF_PRINTER)) {
        enum str_id id = f->printer == STAFF_PRINTER_NONE  ? S_STAFF_NO_PRINTER
                         : f->printer == STAFF_PRINTER_OFF ? S_STAFF_PRINTER_OFF
                                                           : S_STAFF_PRINTER_ON;
        snprintf(r->value, sizeof(r->value), "%s", str_get(lang, id));
        if (f->printer == STAFF_PRINTER_ON && f->slips_left >= 0)
            fill1(r->detail, sizeof(r->detail), lang, S_STAFF_PRINTER_LEFT, f->slips_left);
    }
    /* Today's use: numbers of each kind, never what was opened or typed. */
    if (ROW(S_STAFF_USAGE)) {
        if (f->counting) {
            fill2(r->value, sizeof(r->value), lang, S_STAFF_USAGE_VALUE, f->counts[STATS_SCREEN],
                  f->counts[STATS_SEARCH]);
            fill2(r->detail, sizeof(r->detail), lang, S_STAFF_USAGE_MORE, f->counts[STATS_QR],
                  f->counts[STATS_PRINT]);
        } else {
            snprintf(r->value, sizeof(r->value), "%s", str_get(lang, S_STAFF_COUNTERS_OFF));
        }
    }
#undef ROW
    return n;
}
