/* recur: expands an activity's recurrence into occurrences inside a window.
 * libical's iterator walks the rule in floating wall-clock time (the
 * activity's local time, so a 9.30 group stays at 9.30 across DST); each
 * instance is then converted to UTC with the zone's offsets. DTSTART is
 * always the first instance (RFC 5545 3.8.2.4), UNTIL in UTC is compared
 * in local time, and the work is bounded so that no rule can hang the
 * build. Also owns the small registry of zones defined by VTIMEZONE text
 * (recur_zone_define) for calendar files with private zone names. */
#include "pack/recur.h"

#include "base/civil.h"
#include "base/xalloc.h"
#include "pack/holidays.h"

#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Instances a rule may yield from DTSTART up to the end of the window. */
#define RECUR_MAX_STEPS 500000
/* Periods (FREQ units) a rule with BY* filters may make libical scan. */
#define RECUR_MAX_PERIODS 400000
/* Local days added around the window before converting to UTC. */
#define RECUR_MARGIN_DAYS 2

#define MIN_PER_DAY 1440

void occurrence_list_free(struct occurrence_list *l)
{
    free(l->v);
    memset(l, 0, sizeof(*l));
}

__attribute__((format(printf, 3, 4))) static void set_err(char *err, size_t errcap, const char *fmt,
                                                          ...)
{
    if (!err || errcap == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
}

/* ---- zones ---------------------------------------------------------------- */

struct defined_zone {
    char *name, *text;
    icaltimezone *zone;
};

static struct {
    struct defined_zone *v;
    size_t n, cap;
} defined;

static icaltimezone *zone_find(const char *tzid)
{
    if (!tzid || !*tzid)
        return NULL;
    for (size_t i = 0; i < defined.n; i++) {
        if (strcmp(defined.v[i].name, tzid) == 0)
            return defined.v[i].zone;
    }
    if (strcmp(tzid, "UTC") == 0 || strcmp(tzid, "Etc/UTC") == 0)
        return icaltimezone_get_utc_timezone();
    if (tzid[0] == '/' || strstr(tzid, ".."))
        return NULL;
    return icaltimezone_get_builtin_timezone(tzid);
}

static int zone_offset(icaltimezone *zone, int64_t utc)
{
    icaltimezone *utc_zone = icaltimezone_get_utc_timezone();
    if (zone == utc_zone)
        return 0;
    struct icaltimetype t = icaltime_from_timet_with_zone((time_t)utc, 0, utc_zone);
    int is_daylight = 0;
    return icaltimezone_get_utc_offset_of_utc_time(zone, &t, &is_daylight);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Wall-clock seconds since 1970-01-01 00:00 of the same wall clock. */
static int64_t wall_seconds(struct local_time lt)
{
    int64_t days = civil_to_days(lt.year, lt.month, lt.day);
    if (lt.date_only)
        return days * 86400;
    return days * 86400 + lt.hour * 3600 + lt.minute * 60;
}

static struct local_time wall_to_local(int64_t wall)
{
    int64_t days = floor_div(wall, 86400);
    int64_t secs = wall - days * 86400;
    struct civil_date d = civil_from_days(days);
    return (struct local_time){d.year, d.month, d.day, (int)(secs / 3600), (int)(secs % 3600 / 60),
                               false};
}

/* Wall time to UTC. Returns false if the wall time falls in a gap; *utc is
 * then the instant the clock shows wall + gap (moved forward). An ambiguous
 * wall time gives its first instant. */
static bool zone_to_utc(icaltimezone *zone, int64_t wall, int64_t *utc)
{
    int before = zone_offset(zone, wall - 86400);
    int cand[3] = {before, zone_offset(zone, wall), zone_offset(zone, wall + 86400)};
    bool found = false;
    int64_t best = 0;
    for (int i = 0; i < 3; i++) {
        int64_t u = wall - cand[i];
        if (zone_offset(zone, u) == cand[i] && (!found || u < best)) {
            best = u;
            found = true;
        }
    }
    *utc = found ? best : wall - before;
    return found;
}

static struct local_time zone_to_local(icaltimezone *zone, int64_t utc)
{
    return wall_to_local(utc + zone_offset(zone, utc));
}

static bool local_valid(struct local_time lt)
{
    if (!civil_valid(lt.year, lt.month, lt.day))
        return false;
    return lt.date_only || (lt.hour >= 0 && lt.hour <= 23 && lt.minute >= 0 && lt.minute <= 59);
}

bool recur_local_to_utc(const char *tzid, struct local_time lt, int64_t *utc)
{
    icaltimezone *zone = zone_find(tzid);
    if (!zone || !local_valid(lt))
        return false;
    return zone_to_utc(zone, wall_seconds(lt), utc);
}

bool recur_utc_to_local(const char *tzid, int64_t utc, struct local_time *lt)
{
    icaltimezone *zone = zone_find(tzid);
    if (!zone)
        return false;
    *lt = zone_to_local(zone, utc);
    return true;
}

const char *recur_zone_define(const char *tzid, const char *vtimezone)
{
    if (!tzid || !*tzid || !vtimezone)
        return NULL;
    size_t same_base = 0;
    for (size_t i = 0; i < defined.n; i++) {
        const char *name = defined.v[i].name;
        size_t len = strlen(tzid);
        if (strncmp(name, tzid, len) != 0 || (name[len] != '\0' && name[len] != ' '))
            continue;
        if (strcmp(defined.v[i].text, vtimezone) == 0)
            return name;
        same_base++;
    }

    icalcomponent *root = icalparser_parse_string(vtimezone);
    if (!root)
        return NULL;
    icalcomponent *vtz = root;
    if (icalcomponent_isa(root) != ICAL_VTIMEZONE_COMPONENT) {
        vtz = icalcomponent_get_first_component(root, ICAL_VTIMEZONE_COMPONENT);
        if (vtz)
            icalcomponent_remove_component(root, vtz);
        icalcomponent_free(root);
        if (!vtz)
            return NULL;
    }
    bool has_rules = icalcomponent_get_first_component(vtz, ICAL_XSTANDARD_COMPONENT) ||
                     icalcomponent_get_first_component(vtz, ICAL_XDAYLIGHT_COMPONENT);
    icaltimezone *zone = icaltimezone_new();
    if (!has_rules || !icaltimezone_set_component(zone, vtz)) {
        icalcomponent_free(vtz);
        icaltimezone_free(zone, 1);
        return NULL;
    }

    char name[256];
    if (same_base == 0)
        snprintf(name, sizeof(name), "%s", tzid);
    else
        snprintf(name, sizeof(name), "%s (%zu)", tzid, same_base + 1);
    XGROW(defined.v, defined.cap, defined.n + 1);
    defined.v[defined.n++] = (struct defined_zone){xstrdup(name), xstrdup(vtimezone), zone};
    return defined.v[defined.n - 1].name;
}

void recur_zones_free(void)
{
    for (size_t i = 0; i < defined.n; i++) {
        free(defined.v[i].name);
        free(defined.v[i].text);
        icaltimezone_free(defined.v[i].zone, 1);
    }
    free(defined.v);
    memset(&defined, 0, sizeof(defined));
}

/* ---- rules ---------------------------------------------------------------- */

static const char *const rule_parts[] = {
    "FREQ",       "UNTIL",     "COUNT",    "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
    "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH",  "BYSETPOS", "WKST",     "RSCALE", "SKIP",
};

static bool rule_parses(const char *text)
{
    struct icalrecurrencetype r = icalrecurrencetype_from_string(text);
    bool ok = r.freq != ICAL_NO_RECURRENCE;
    if (r.rscale)
        icalmemory_free_buffer(r.rscale);
    return ok;
}

/* Says which part of a rule libical refused. */
static void rule_complaint(const char *rrule, char *err, size_t errcap)
{
    const char *why = "it does not parse";
    char part[128] = "", msg[256];
    char *copy = xstrdup(rrule);
    char freq[24] = "";
    bool has_count = false, has_until = false;

    if (strncasecmp(rrule, "RRULE:", 6) == 0) {
        why = "write it without \"RRULE:\"";
        goto done;
    }
    for (char *save = NULL, *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
        snprintf(part, sizeof(part), "%s", p);
        char *eq = strchr(p, '=');
        if (!eq) {
            snprintf(msg, sizeof(msg), "\"%s\" is not NAME=VALUE", part);
            why = msg;
            goto done;
        }
        *eq = '\0';
        bool known = false;
        for (size_t i = 0; i < sizeof(rule_parts) / sizeof(rule_parts[0]); i++)
            known = known || strcasecmp(p, rule_parts[i]) == 0;
        if (!known) {
            snprintf(msg, sizeof(msg), "unknown part \"%s\"", p);
            why = msg;
            goto done;
        }
        if (strcasecmp(p, "FREQ") == 0)
            snprintf(freq, sizeof(freq), "%s", eq + 1);
        has_count = has_count || strcasecmp(p, "COUNT") == 0;
        has_until = has_until || strcasecmp(p, "UNTIL") == 0;
        *eq = '=';
    }
    if (!freq[0]) {
        why = "FREQ is missing (for example FREQ=WEEKLY)";
        goto done;
    }
    if (has_count && has_until) {
        why = "COUNT and UNTIL cannot both be given";
        goto done;
    }
    free(copy);
    copy = xstrdup(rrule);
    for (char *save = NULL, *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
        char test[300];
        if (strncasecmp(p, "FREQ=", 5) == 0)
            snprintf(test, sizeof(test), "%s", p);
        else
            snprintf(test, sizeof(test), "FREQ=%.20s;%.250s", freq, p);
        if (!rule_parses(test)) {
            snprintf(msg, sizeof(msg), "\"%.120s\" is not valid", p);
            why = msg;
            goto done;
        }
    }
done:
    set_err(err, errcap, "bad repetition rule \"%s\": %s", rrule, why);
    free(copy);
}

bool recur_rule_check(const char *rrule, char *err, size_t errcap)
{
    set_err(err, errcap, "%s", "");
    if (rrule && rule_parses(rrule))
        return true;
    rule_complaint(rrule ? rrule : "", err, errcap);
    return false;
}

static bool rule_has_by_parts(const struct icalrecurrencetype *r)
{
    return r->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
           r->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/* Length of one FREQ period in seconds (months and years on average). */
static int64_t freq_seconds(icalrecurrencetype_frequency f)
{
    switch (f) {
    case ICAL_SECONDLY_RECURRENCE:
        return 1;
    case ICAL_MINUTELY_RECURRENCE:
        return 60;
    case ICAL_HOURLY_RECURRENCE:
        return 3600;
    case ICAL_DAILY_RECURRENCE:
        return 86400;
    case ICAL_WEEKLY_RECURRENCE:
        return 7 * 86400;
    case ICAL_MONTHLY_RECURRENCE:
        return 2629746;
    default:
        return 31556952;
    }
}

static struct icaltimetype to_ical(struct local_time lt)
{
    struct icaltimetype t = icaltime_null_time();
    t.year = lt.year;
    t.month = lt.month;
    t.day = lt.day;
    t.is_date = lt.date_only;
    if (!lt.date_only) {
        t.hour = lt.hour;
        t.minute = lt.minute;
    }
    return t;
}

static struct local_time from_ical(struct icaltimetype t)
{
    return (struct local_time){
        t.year, t.month, t.day, t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute, t.is_date != 0};
}

/* ---- expansion ------------------------------------------------------------ */

struct expander {
    const struct recur_spec *spec;
    icaltimezone *zone;
    bool all_day;
    int days;       /* all-day: length in days */
    int64_t dur;    /* timed: length in seconds */
    int64_t ws, we; /* window, UTC */
    int64_t lo, hi; /* window in local wall seconds, widened by the margin */
    struct occurrence_list *out;
    size_t n0, max;
};

static bool same_date(struct local_time a, struct local_time b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* date_only on either side compares dates, else the wall-clock minute. */
static bool instance_matches(struct local_time inst, struct local_time key)
{
    if (key.date_only || inst.date_only)
        return same_date(inst, key);
    return same_date(inst, key) && inst.hour == key.hour && inst.minute == key.minute;
}

static int64_t local_start_utc(const struct expander *ex, struct local_time lt)
{
    int64_t utc;
    zone_to_utc(ex->zone, wall_seconds(lt), &utc);
    return utc;
}

static void instance_times(const struct expander *ex, struct local_time lt, int64_t *start,
                           int64_t *end)
{
    if (lt.date_only || ex->all_day) {
        lt.date_only = true;
        *start = local_start_utc(ex, lt);
        struct civil_date d =
            civil_add_days((struct civil_date){lt.year, lt.month, lt.day}, ex->days);
        *end = local_start_utc(ex, (struct local_time){d.year, d.month, d.day, 0, 0, true});
    } else {
        *start = local_start_utc(ex, lt);
        *end = *start + ex->dur;
    }
}

static void moved_times(const struct expander *ex, const struct recur_change *c, int64_t *start,
                        int64_t *end)
{
    if (c->new_local) {
        instance_times(ex, c->new_start_local, start, end);
        if (c->new_end_local.year != 0) {
            int64_t e = local_start_utc(ex, c->new_end_local);
            if (e > *start)
                *end = e;
        }
        return;
    }
    *start = c->new_start_utc;
    if (c->new_end_utc > c->new_start_utc) {
        *end = c->new_end_utc;
    } else {
        int64_t s0, e0;
        instance_times(ex, c->original, &s0, &e0);
        *end = *start + (e0 - s0);
    }
}

static const struct recur_change *find_change(const struct recur_spec *spec, struct local_time lt)
{
    for (size_t i = 0; i < spec->n_changes; i++) {
        if (instance_matches(lt, spec->changes[i].original))
            return &spec->changes[i];
    }
    return NULL;
}

static bool excluded(const struct recur_spec *spec, struct local_time lt)
{
    for (size_t i = 0; i < spec->n_exdates; i++) {
        if (instance_matches(lt, spec->exdates[i]))
            return true;
    }
    return false;
}

/* Adds one instance of the rule at wall time lt, if it belongs in the window. */
static enum recur_result add_instance(struct expander *ex, struct local_time lt, char *err,
                                      size_t errcap)
{
    const struct recur_spec *spec = ex->spec;
    if (excluded(spec, lt))
        return RECUR_OK;
    const struct recur_change *c = find_change(spec, lt);
    bool moved = c && c->status == OCC_MOVED;
    int64_t wall = wall_seconds(lt);
    if (!moved && (wall < ex->lo || wall > ex->hi))
        return RECUR_OK;
    if (spec->skip_holidays && !moved &&
        holidays_lookup((struct civil_date){lt.year, lt.month, lt.day}, NULL))
        return RECUR_OK;

    struct occurrence o = {.all_day = ex->all_day, .status = OCC_SCHEDULED};
    instance_times(ex, lt, &o.start_utc, &o.end_utc);
    bool in_window = o.start_utc >= ex->ws && o.start_utc < ex->we;
    struct local_time shown = lt;
    if (c) {
        o.status = c->status;
        o.location_id = c->location_id;
        o.note = c->note;
    }
    if (moved) {
        moved_times(ex, c, &o.start_utc, &o.end_utc);
        in_window = in_window || (o.start_utc >= ex->ws && o.start_utc < ex->we);
        shown = zone_to_local(ex->zone, o.start_utc);
    }
    if (!in_window)
        return RECUR_OK;
    if (ex->max && ex->out->n - ex->n0 >= ex->max) {
        set_err(err, errcap, "the activity has more than %zu instances in the calendar window",
                ex->max);
        return RECUR_TOO_MANY;
    }
    civil_format((struct civil_date){shown.year, shown.month, shown.day}, o.local_date);
    XGROW(ex->out->v, ex->out->cap, ex->out->n + 1);
    ex->out->v[ex->out->n++] = o;
    return RECUR_OK;
}

static int occurrence_cmp(const void *a, const void *b)
{
    const struct occurrence *x = a, *y = b;
    if (x->start_utc != y->start_utc)
        return x->start_utc < y->start_utc ? -1 : 1;
    if (x->end_utc != y->end_utc)
        return x->end_utc < y->end_utc ? -1 : 1;
    return 0;
}

/* UNTIL as a wall time in the activity's zone (inclusive). */
static int64_t until_wall(const struct expander *ex, struct icaltimetype until)
{
    if (icaltime_is_utc(until)) {
        struct icaltimetype u = until;
        u.zone = NULL;
        int64_t utc = wall_seconds(from_ical(u)) + u.second;
        return utc + zone_offset(ex->zone, utc);
    }
    if (until.is_date)
        return wall_seconds(from_ical(until)) + (ex->all_day ? 0 : 86400 - 1);
    return wall_seconds(from_ical(until)) + until.second;
}

static enum recur_result expand_rule(struct expander *ex, char *err, size_t errcap)
{
    const struct recur_spec *spec = ex->spec;
    struct icalrecurrencetype r = icalrecurrencetype_from_string(spec->rrule);
    if (r.freq == ICAL_NO_RECURRENCE) {
        rule_complaint(spec->rrule, err, errcap);
        return RECUR_BAD_RULE;
    }
    enum recur_result rc = RECUR_OK;
    icalrecur_iterator *it = NULL;
    int64_t start_wall = wall_seconds(spec->start);

    /* Iterate up to the end of the window, or to the latest moved instance. */
    int64_t end_wall = ex->hi;
    for (size_t i = 0; i < spec->n_changes; i++) {
        const struct recur_change *c = &spec->changes[i];
        if (c->status == OCC_MOVED && local_valid(c->original))
            end_wall = wall_seconds(c->original) + 86400 > end_wall
                           ? wall_seconds(c->original) + 86400
                           : end_wall;
    }
    bool has_until = !icaltime_is_null_time(r.until);
    int64_t until = has_until ? until_wall(ex, r.until) : 0;
    if (has_until && until < end_wall)
        end_wall = until;
    int count = r.count;

    if (end_wall >= start_wall && rule_has_by_parts(&r)) {
        int64_t interval = r.interval > 0 ? r.interval : 1;
        int64_t periods = (end_wall - start_wall) / freq_seconds(r.freq) / interval;
        if (periods > RECUR_MAX_PERIODS) {
            set_err(err, errcap,
                    "the repetition rule \"%s\" is too fine-grained to expand up to the end of "
                    "the calendar window (more than %d steps); use a longer FREQ",
                    spec->rrule, RECUR_MAX_PERIODS);
            rc = RECUR_TOO_MANY;
            goto done;
        }
    }

    /* libical compares UNTIL with floating times as they are: give it the
     * local bound, which also stops its scanning at the window's end. */
    struct local_time bound = wall_to_local(end_wall);
    bound.date_only = ex->all_day;
    r.until = to_ical(bound);
    if (!ex->all_day)
        r.until.second = (int)(end_wall % 60 + 60) % 60;

    it = icalrecur_iterator_new(r, to_ical(spec->start));
    if (!it) {
        set_err(err, errcap, "bad repetition rule \"%s\": it never gives a date", spec->rrule);
        rc = RECUR_BAD_RULE;
        goto done;
    }

    /* DTSTART is the first instance even if the rule would not give it. */
    if (start_wall <= end_wall && (rc = add_instance(ex, spec->start, err, errcap)) != RECUR_OK)
        goto done;
    long steps = 0, n_rule = 1;
    for (;;) {
        struct icaltimetype t = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(t))
            break;
        if (++steps > RECUR_MAX_STEPS) {
            set_err(err, errcap,
                    "the repetition rule \"%s\" repeats too often (more than %d times up to the "
                    "end of the calendar window)",
                    spec->rrule, RECUR_MAX_STEPS);
            rc = RECUR_TOO_MANY;
            goto done;
        }
        struct local_time lt = from_ical(t);
        int64_t wall = wall_seconds(lt) + (t.is_date ? 0 : t.second);
        if (wall == start_wall)
            continue;
        if (wall > end_wall)
            break;
        if (count > 0 && ++n_rule > count)
            break;
        if ((rc = add_instance(ex, lt, err, errcap)) != RECUR_OK)
            goto done;
    }
done:
    if (it)
        icalrecur_iterator_free(it);
    if (r.rscale)
        icalmemory_free_buffer(r.rscale);
    return rc;
}

enum recur_result recur_expand(const struct recur_spec *spec, int64_t win_start_utc,
                               int64_t win_end_utc, size_t max_occurrences,
                               struct occurrence_list *out, char *err, size_t errcap)
{
    set_err(err, errcap, "%s", "");
    const char *tzid = spec->tzid ? spec->tzid : spec->default_tzid;
    if (!tzid)
        tzid = "Etc/UTC";
    struct expander ex = {
        .spec = spec,
        .zone = zone_find(tzid),
        .all_day = spec->start.date_only,
        .ws = win_start_utc,
        .we = win_end_utc,
        .out = out,
        .n0 = out->n,
        .max = max_occurrences,
    };
    if (!ex.zone) {
        set_err(err, errcap, "unknown time zone \"%s\"", tzid);
        return RECUR_BAD_ZONE;
    }
    struct local_time s = spec->start;
    if (!local_valid(s)) {
        if (s.date_only)
            set_err(err, errcap, "%04d-%02d-%02d is not a date", s.year, s.month, s.day);
        else
            set_err(err, errcap, "%04d-%02d-%02d %02d:%02d is not a date and time", s.year, s.month,
                    s.day, s.hour, s.minute);
        return RECUR_NO_SUCH_TIME;
    }
    int64_t utc;
    if (!s.date_only && !zone_to_utc(ex.zone, wall_seconds(s), &utc)) {
        set_err(err, errcap, "%04d-%02d-%02d %02d:%02d does not exist in %s (clocks go forward)",
                s.year, s.month, s.day, s.hour, s.minute, tzid);
        return RECUR_NO_SUCH_TIME;
    }
    if (win_end_utc <= win_start_utc)
        return RECUR_OK;

    if (ex.all_day) {
        ex.days = spec->duration_min > 0 ? (spec->duration_min + MIN_PER_DAY - 1) / MIN_PER_DAY : 1;
    } else {
        ex.dur = (int64_t)(spec->duration_min > 0 ? spec->duration_min : 60) * 60;
    }
    ex.lo = win_start_utc + zone_offset(ex.zone, win_start_utc) - RECUR_MARGIN_DAYS * 86400;
    ex.hi = win_end_utc + zone_offset(ex.zone, win_end_utc) + RECUR_MARGIN_DAYS * 86400;

    enum recur_result rc;
    if (!spec->rrule || !*spec->rrule)
        rc = add_instance(&ex, s, err, errcap);
    else
        rc = expand_rule(&ex, err, errcap);
    if (rc != RECUR_OK) {
        out->n = ex.n0;
        return rc;
    }
    if (out->n > ex.n0)
        qsort(out->v + ex.n0, out->n - ex.n0, sizeof(out->v[0]), occurrence_cmp);
    return RECUR_OK;
}
