/* schedule: the display's on/off hours and the burn-in shift; see
 * schedule.h. */
#include "domain/schedule.h"
#include "domain/zone.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOOKAHEAD_DAYS 8 /* how far ahead the next change is looked for */
#define MAX_INTERVALS  128
#define MAX_WAKE_MIN   240
#define MAX_TIMEOUT_S  300

const struct conf_key schedule_conf_keys[SCHEDULE_NKEYS] = {
    [SCHEDULE_K_ON] = {"display", "on", CONF_TEXT, 0, 0, NULL},
    [SCHEDULE_K_HOURS] = {"display", "hours", CONF_CHOICE, 0, 0, "site|config|always"},
    [SCHEDULE_K_OFF_ACTION] = {"display", "off_action", CONF_CHOICE, 0, 0, "command|black|dim"},
    [SCHEDULE_K_POWER_ON] = {"display", "power_on_command", CONF_TEXT, 0, 0, NULL},
    [SCHEDULE_K_POWER_OFF] = {"display", "power_off_command", CONF_TEXT, 0, 0, NULL},
    [SCHEDULE_K_WAKE_MINUTES] = {"display", "wake_minutes", CONF_NUMBER, 1, MAX_WAKE_MIN, NULL},
    [SCHEDULE_K_COMMAND_TIMEOUT] = {"display", "command_timeout", CONF_SECONDS, 1, MAX_TIMEOUT_S,
                                    NULL},
    [SCHEDULE_K_HOLIDAYS] = {"display", "holidays", CONF_CHOICE, 0, 0, "off|on"},
    [SCHEDULE_K_SHIFT] = {"display", "shift", CONF_BOOL, 0, 0, NULL},
};

void schedule_conf_defaults(struct schedule_conf *c)
{
    memset(c, 0, sizeof(*c));
    c->source = SCHEDULE_ALWAYS;
    c->off_action = SCHEDULE_OFF_BLACK;
    c->wake_minutes = 5;
    c->command_timeout = 10;
    c->shift = true;
}

/* ---- parsing "on" ---- */

static const char *const day_en[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const day_fi[7] = {"ma", "ti", "ke", "to", "pe", "la", "su"};

/* An ISO weekday from a name of len bytes; 0 if none. */
static int day_number(const char *s, size_t len)
{
    char low[8];
    if (len == 0 || len >= sizeof(low))
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[len] = '\0';
    for (int d = 0; d < 7; d++)
        if (strcmp(low, day_en[d]) == 0 || strcmp(low, day_fi[d]) == 0)
            return d + 1;
    return 0;
}

/* "mon", "mon-fri", "fri-mon" (wraps), "daily" into a bit set. */
static bool parse_days(const char *s, size_t len, unsigned *days)
{
    if (len == 5 && strncmp(s, "daily", 5) == 0) {
        *days |= 0x7f;
        return true;
    }
    const char *dash = memchr(s, '-', len);
    int a = day_number(s, dash ? (size_t)(dash - s) : len);
    int b = dash ? day_number(dash + 1, len - (size_t)(dash - s) - 1) : a;
    if (!a || !b)
        return false;
    for (int d = a;; d = d % 7 + 1) {
        *days |= 1u << (d - 1);
        if (d == b)
            break;
    }
    return true;
}

static bool parse_clock(const char *s, size_t len, int *min)
{
    char buf[8];
    if (len == 0 || len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return civil_parse_clock(buf, min);
}

/* "07:30-17:00" */
static bool parse_times(const char *s, size_t len, int *start, int *end)
{
    const char *dash = memchr(s, '-', len);
    if (!dash)
        return false;
    return parse_clock(s, (size_t)(dash - s), start) &&
           parse_clock(dash + 1, len - (size_t)(dash - s) - 1, end) && *start < 1440 &&
           *start != *end;
}

bool schedule_parse_on(struct schedule_conf *c, const char *text, char *err, size_t cap)
{
    const char *p = text;
    for (bool more = true; more;) {
        const char *item = p;
        const char *comma = strchr(p, ',');
        size_t ilen = comma ? (size_t)(comma - p) : strlen(p);
        p = comma ? comma + 1 : p + ilen;
        more = comma != NULL;
        unsigned days = 0;
        int ntimes = 0;
        const char *q = item, *qend = item + ilen;
        for (;;) {
            while (q < qend && isspace((unsigned char)*q))
                q++;
            if (q == qend)
                break;
            const char *w = q;
            while (q < qend && !isspace((unsigned char)*q))
                q++;
            size_t wlen = (size_t)(q - w);
            if (isdigit((unsigned char)w[0])) {
                int start, end;
                if (!parse_times(w, wlen, &start, &end)) {
                    snprintf(err, cap,
                             "\"%.*s\" is not a time range like 07:30-17:00 (start and end "
                             "differ; 24:00 only as an end)",
                             (int)wlen, w);
                    return false;
                }
                if (!days) {
                    snprintf(err, cap, "\"%.*s\": the days come first, like mon-fri 07:30-17:00",
                             (int)ilen, item);
                    return false;
                }
                if (c->nranges == SCHEDULE_MAX_RANGES) {
                    snprintf(err, cap, "more than %d time ranges", SCHEDULE_MAX_RANGES);
                    return false;
                }
                c->ranges[c->nranges++] = (struct schedule_range){days, start, end};
                ntimes++;
            } else {
                if (ntimes) {
                    snprintf(err, cap,
                             "\"%.*s\": separate items with a comma, like mon-fri 08:00-16:00, "
                             "sat 10:00-14:00",
                             (int)ilen, item);
                    return false;
                }
                if (!parse_days(w, wlen, &days)) {
                    snprintf(err, cap,
                             "\"%.*s\" is not a day or days (mon tue wed thu fri sat sun, "
                             "ma ti ke to pe la su, a range like mon-fri, or daily)",
                             (int)wlen, w);
                    return false;
                }
            }
        }
        if (!ntimes) {
            while (ilen > 0 && isspace((unsigned char)*item)) {
                item++;
                ilen--;
            }
            snprintf(err, cap, "\"%.*s\": expected days and a time range, like mon-fri 07:30-17:00",
                     (int)ilen, item);
            return false;
        }
    }
    return true;
}

bool schedule_conf_apply(struct schedule_conf *c, const struct conf_value *v, const char *file,
                         char *err, size_t cap)
{
    char why[512];
    const struct conf_value *on = &v[SCHEDULE_K_ON], *hours = &v[SCHEDULE_K_HOURS];
    bool site = hours->set && strcmp(hours->text, "site") == 0;
    bool always = hours->set && strcmp(hours->text, "always") == 0;
    if ((site || always) && on->set) {
        snprintf(err, cap, "%s:%d: on: not used with hours = %s (line %d); remove one", file,
                 on->line, hours->text, hours->line);
        return false;
    }
    if (site) {
        c->source = SCHEDULE_SITE;
    } else if (always) {
        c->source = SCHEDULE_ALWAYS;
    } else if (on->set) {
        c->nranges = 0;
        if (!schedule_parse_on(c, on->text, why, sizeof(why))) {
            snprintf(err, cap, "%s:%d: on: %s", file, on->line, why);
            return false;
        }
        c->source = SCHEDULE_RANGES;
    } else if (hours->set) { /* hours = config without on */
        snprintf(err, cap,
                 "%s:%d: hours: config needs an \"on = ...\" line, like on = mon-fri "
                 "07:30-17:00",
                 file, hours->line);
        return false;
    }
    const struct conf_value *act = &v[SCHEDULE_K_OFF_ACTION];
    if (act->set)
        c->off_action = strcmp(act->text, "command") == 0 ? SCHEDULE_OFF_COMMAND
                        : strcmp(act->text, "dim") == 0   ? SCHEDULE_OFF_DIM
                                                          : SCHEDULE_OFF_BLACK;
    if (v[SCHEDULE_K_POWER_ON].set)
        snprintf(c->power_on, sizeof(c->power_on), "%s", v[SCHEDULE_K_POWER_ON].text);
    if (v[SCHEDULE_K_POWER_OFF].set)
        snprintf(c->power_off, sizeof(c->power_off), "%s", v[SCHEDULE_K_POWER_OFF].text);
    if (c->off_action == SCHEDULE_OFF_COMMAND && !c->power_off[0]) {
        snprintf(err, cap, "%s:%d: off_action: command needs a power_off_command", file, act->line);
        return false;
    }
    if (c->off_action != SCHEDULE_OFF_COMMAND && (c->power_off[0] || c->power_on[0])) {
        const struct conf_value *cmd =
            v[SCHEDULE_K_POWER_OFF].set ? &v[SCHEDULE_K_POWER_OFF] : &v[SCHEDULE_K_POWER_ON];
        snprintf(err, cap, "%s:%d: %s: only used with off_action = command", file, cmd->line,
                 cmd == &v[SCHEDULE_K_POWER_OFF] ? "power_off_command" : "power_on_command");
        return false;
    }
    if (v[SCHEDULE_K_WAKE_MINUTES].set) {
        double m = v[SCHEDULE_K_WAKE_MINUTES].num;
        if (m != (double)(int)m) {
            snprintf(err, cap, "%s:%d: wake_minutes: \"%s\" is not a whole number of minutes", file,
                     v[SCHEDULE_K_WAKE_MINUTES].line, v[SCHEDULE_K_WAKE_MINUTES].text);
            return false;
        }
        c->wake_minutes = (int)m;
    }
    if (v[SCHEDULE_K_COMMAND_TIMEOUT].set)
        c->command_timeout = (int)v[SCHEDULE_K_COMMAND_TIMEOUT].num;
    if (v[SCHEDULE_K_HOLIDAYS].set)
        c->holidays_on = strcmp(v[SCHEDULE_K_HOLIDAYS].text, "on") == 0;
    if (v[SCHEDULE_K_SHIFT].set)
        c->shift = v[SCHEDULE_K_SHIFT].yes;
    return true;
}

/* Appends text to buf[cap] at *k, cut short when full. */
static void append(char *buf, size_t cap, size_t *k, const char *text)
{
    int n = snprintf(buf + *k, cap - *k, "%s", text);
    if (n > 0)
        *k = *k + (size_t)n < cap ? *k + (size_t)n : cap - 1;
}

void schedule_conf_describe(const struct schedule_conf *c, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    if (c->source != SCHEDULE_RANGES) {
        snprintf(buf, cap, "%s",
                 c->source == SCHEDULE_SITE ? "the site's opening hours" : "always on");
        return;
    }
    for (size_t i = 0; i < c->nranges; i++) {
        const struct schedule_range *r = &c->ranges[i];
        append(buf, cap, &k, i ? ", " : "");
        bool first = true;
        for (int d = 0; d < 7; d++) {
            if (!(r->days & (1u << d)) || (d > 0 && (r->days & (1u << (d - 1)))))
                continue; /* not the first of a run of days */
            int e = d;
            while (e + 1 < 7 && (r->days & (1u << (e + 1))))
                e++;
            append(buf, cap, &k, first ? "" : " ");
            append(buf, cap, &k, day_en[d]);
            if (e > d) {
                append(buf, cap, &k, "-");
                append(buf, cap, &k, day_en[e]);
            }
            first = false;
        }
        char t[32];
        snprintf(t, sizeof(t), " %02d:%02d-%02d:%02d", r->start / 60, r->start % 60, r->end / 60,
                 r->end % 60);
        append(buf, cap, &k, t);
    }
}

/* ---- the site's hours and holidays ---- */

void schedule_init(struct schedule *s, const struct schedule_conf *c)
{
    memset(s, 0, sizeof(*s));
    if (c)
        s->conf = *c;
    else
        schedule_conf_defaults(&s->conf);
    hours_init(&s->site);
}

void schedule_free(struct schedule *s)
{
    hours_free(&s->site);
    free(s->holidays);
    s->holidays = NULL;
    s->nholidays = 0;
}

void schedule_add_holiday(struct schedule *s, int64_t day)
{
    s->holidays = xrealloc(s->holidays, (s->nholidays + 1) * sizeof(s->holidays[0]));
    size_t i = s->nholidays++;
    while (i > 0 && s->holidays[i - 1] > day) {
        s->holidays[i] = s->holidays[i - 1];
        i--;
    }
    s->holidays[i] = day;
}

bool schedule_load(struct schedule *s, const struct content *c, char *msg, size_t cap)
{
    hours_free(&s->site);
    free(s->holidays);
    s->holidays = NULL;
    s->nholidays = 0;
    msg[0] = '\0';
    if (!c)
        return true;
    struct db_stmt *st = db_prepare(c->db, "SELECT date FROM holiday ORDER BY date");
    while (st && db_step(st) == DB_ROW) {
        struct civil_date d;
        if (civil_parse_date(db_col_text(st, 0), &d))
            schedule_add_holiday(s, civil_to_days(d.year, d.month, d.day));
    }
    db_finalize(st);
    if (s->conf.source != SCHEDULE_SITE)
        return true;
    char loc[128] = "";
    st = db_prepare(c->db, "SELECT location_id FROM site WHERE location_id IS NOT NULL LIMIT 1");
    if (st && db_step(st) == DB_ROW)
        snprintf(loc, sizeof(loc), "%s", db_col_text(st, 0));
    db_finalize(st);
    if (loc[0])
        hours_load(c->db, "location", loc, c->default_lang, &s->site);
    if (hours_empty(&s->site)) {
        snprintf(msg, cap,
                 "display: hours = site, but the content has no opening hours for the site's "
                 "location%s%s; the screen stays on",
                 loc[0] ? " " : "", loc);
        return false;
    }
    return true;
}

static bool is_holiday(const struct schedule *s, int64_t day)
{
    size_t lo = 0, hi = s->nholidays;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->holidays[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nholidays && s->holidays[lo] == day;
}

/* The on-periods starting on local day (minutes; closes <= opens runs into
 * the next day). */
static size_t day_periods(const struct schedule *s, int64_t day, struct hours_period *out,
                          size_t cap)
{
    size_t n = 0;
    const struct hours_exception *exc = NULL;
    if (s->conf.source == SCHEDULE_SITE) {
        n = hours_day(&s->site, day, out, cap, &exc);
    } else {
        struct civil_date d = civil_from_days(day);
        int wd = civil_weekday(d.year, d.month, d.day);
        for (size_t i = 0; i < s->conf.nranges && n < cap; i++)
            if (s->conf.ranges[i].days & (1u << (wd - 1)))
                out[n++] = (struct hours_period){s->conf.ranges[i].start, s->conf.ranges[i].end};
    }
    /* A holiday is a day off, unless the site says it opens that day. */
    if (!exc && !s->conf.holidays_on && is_holiday(s, day))
        return 0;
    return n;
}

struct span {
    int64_t start, end; /* UTC */
};

static int cmp_span(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

static bool always(const struct schedule *s)
{
    return s->conf.source == SCHEDULE_ALWAYS ||
           (s->conf.source == SCHEDULE_SITE && hours_empty(&s->site));
}

struct schedule_state schedule_at(const struct schedule *s, const char *tz, int64_t utc,
                                  int64_t wake_until)
{
    struct schedule_state res = {true, false, SCHEDULE_NEVER};
    if (always(s))
        return res;
    struct zone_time zt;
    zone_to_local(tz, utc, &zt);
    struct span sp[MAX_INTERVALS];
    size_t n = 0;
    for (int off = -1; off <= LOOKAHEAD_DAYS; off++) {
        int64_t day = zt.days + off;
        struct hours_period p[16];
        size_t np = day_periods(s, day, p, 16);
        for (size_t i = 0; i < np && n < MAX_INTERVALS; i++) {
            int end = p[i].closes <= p[i].opens ? p[i].closes + 1440 : p[i].closes;
            int64_t a = zone_from_local(tz, day, p[i].opens);
            int64_t b = zone_from_local(tz, day, end);
            if (b > a)
                sp[n++] = (struct span){a, b};
        }
    }
    qsort(sp, n, sizeof(sp[0]), cmp_span);
    /* Merge touching and overlapping spans. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m > 0 && sp[i].start <= sp[m - 1].end) {
            if (sp[i].end > sp[m - 1].end)
                sp[m - 1].end = sp[i].end;
        } else {
            sp[m++] = sp[i];
        }
    }
    /* Past the last day looked at, nothing is known: look again then. */
    int64_t horizon = zone_from_local(tz, zt.days + LOOKAHEAD_DAYS, 0);
    res.on = false;
    res.next = horizon;
    for (size_t i = 0; i < m; i++) {
        if (sp[i].start <= utc && utc < sp[i].end) {
            res.on = true;
            res.next = sp[i].end < horizon ? sp[i].end : horizon;
            break;
        }
        if (sp[i].start > utc) {
            res.next = sp[i].start < horizon ? sp[i].start : horizon;
            break;
        }
    }
    if (!res.on && wake_until > utc) {
        res.on = true;
        res.woken = true;
        /* Off again when the wake time runs out, unless the hours begin
         * before that. */
        if (wake_until < res.next)
            res.next = wake_until;
    }
    return res;
}

/* ---- burn-in shift ---- */

/* A triangle wave over 0..2*max..0 with period 4*max steps, minus max. */
static int triangle(int64_t step, int max)
{
    int period = 4 * max;
    int t = (int)(((step % period) + period) % period);
    int v = t <= 2 * max ? t : period - t;
    return v - max;
}

void schedule_shift(int64_t utc, int max, int *dx, int *dy)
{
    *dx = *dy = 0;
    if (max <= 0)
        return;
    int64_t step = utc / SCHEDULE_SHIFT_STEP;
    if (utc < 0 && utc % SCHEDULE_SHIFT_STEP)
        step--;
    /* x moves every step, y every other step: together they visit the
     * whole square before repeating (every 8 * max * step). */
    *dx = triangle(step, max);
    *dy = triangle(step / 2 + max, max);
}
