/* ics: reads one iCalendar file into struct ics_event values. libical does
 * the parsing; this module first scans the raw text itself (unfolding
 * lines) to know on which line each VEVENT and each of its properties
 * starts, to check that the text is UTF-8, and to refuse files that are
 * empty, too big or not iCalendar at all. Time zones are resolved through
 * tzmap (IANA, Windows and prefixed names), then through the file's own
 * VTIMEZONE components. Changed instances (RECURRENCE-ID) are attached to
 * their series as recur_change values. The calendar owns every string. */
#include "pack/ics.h"

#include "base/civil.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "pack/tzmap.h"

#include <errno.h>
#include <fcntl.h>
#include <libical/ical.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define ICS_MAX_BYTES (16 * 1024 * 1024)

/* ---- the raw-text scan ---------------------------------------------------- */

struct prop_line {
    char name[40];
    int line;
};

struct event_lines {
    int line; /* BEGIN:VEVENT */
    bool bad_utf8;
    struct prop_line *props; /* properties of the VEVENT itself, in file order */
    size_t n, cap;
};

struct scan {
    struct event_lines *ev;
    size_t n, cap;
    int depth;         /* > 0 inside a VEVENT: 1 = its own properties */
    bool seen_content; /* a non-empty line was seen */
    bool not_ical;
    bool has_end; /* END:VCALENDAR seen */
    int first_line, last_line;
};

struct ctx {
    const char *shown;
    struct diag_list *diags;
    struct scan scan;
    icalcomponent **vtz; /* the file's VTIMEZONE components */
    size_t n_vtz, cap_vtz;
    struct zone_memo {
        char *written;
        const char *resolved; /* NULL: unknown */
    } * zones;
    size_t n_zones, cap_zones;
};

static bool name_is(const char *line, size_t len, const char *what)
{
    size_t n = strlen(what);
    if (len < n || strncasecmp(line, what, n) != 0)
        return false;
    for (size_t i = n; i < len; i++) {
        if (line[i] != ' ' && line[i] != '\t')
            return false;
    }
    return true;
}

/* The property name of a content line ("DTSTART" of "DTSTART;TZID=...:..."). */
static void line_name(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    while (n < len && n + 1 < cap && s[n] != ':' && s[n] != ';')
        n++;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        out[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    out[n] = '\0';
}

static bool plausible_name(const char *name)
{
    if (!name[0])
        return false;
    for (const char *p = name; *p; p++) {
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    }
    return true;
}

static void scan_logical(struct ctx *c, const char *s, size_t len, int line)
{
    struct scan *sc = &c->scan;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return;
    sc->last_line = line;
    if (!sc->seen_content) {
        sc->seen_content = true;
        sc->first_line = line;
        if (!name_is(s, len, "BEGIN:VCALENDAR")) {
            sc->not_ical = true;
            return;
        }
    }
    char name[40];
    line_name(s, len, name, sizeof(name));
    struct event_lines *ev = sc->depth > 0 ? &sc->ev[sc->n - 1] : NULL;
    size_t bad_at;
    if (!utf8_valid(s, len, &bad_at)) {
        diag_add(c->diags, DIAG_ERROR, c->shown, line, plausible_name(name) ? name : NULL,
                 "text is not valid UTF-8 (save the calendar as UTF-8)");
        if (ev)
            ev->bad_utf8 = true;
    }
    if (name_is(s, len, "END:VCALENDAR"))
        sc->has_end = true;
    if (sc->depth == 0) {
        if (name_is(s, len, "BEGIN:VEVENT")) {
            XGROW(sc->ev, sc->cap, sc->n + 1);
            sc->ev[sc->n++] = (struct event_lines){.line = line};
            sc->depth = 1;
        }
        return;
    }
    if (strcmp(name, "BEGIN") == 0) {
        sc->depth++;
    } else if (strcmp(name, "END") == 0) {
        sc->depth--;
    } else if (sc->depth == 1) {
        XGROW(ev->props, ev->cap, ev->n + 1);
        struct prop_line *p = &ev->props[ev->n++];
        snprintf(p->name, sizeof(p->name), "%s", name);
        p->line = line;
    }
}

/* Splits text into unfolded content lines, counting physical lines. */
static void scan_text(struct ctx *c, const char *text, size_t len)
{
    struct strbuf logical;
    strbuf_init(&logical);
    int line = 0, start = 0;
    size_t i = 0;
    while (i < len && !c->scan.not_ical) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        size_t end = j;
        if (end > i && text[end - 1] == '\r')
            end--;
        line++;
        if (end > i && (text[i] == ' ' || text[i] == '\t') && start > 0) {
            strbuf_add(&logical, text + i + 1, end - i - 1);
        } else {
            if (start > 0)
                scan_logical(c, logical.s, logical.len, start);
            strbuf_clear(&logical);
            strbuf_add(&logical, text + i, end - i);
            start = line;
        }
        i = j + 1;
    }
    if (start > 0 && !c->scan.not_ical)
        scan_logical(c, logical.s, logical.len, start);
    strbuf_free(&logical);
}

static int prop_line(const struct event_lines *el, const char *name)
{
    if (!el)
        return 0;
    for (size_t i = 0; i < el->n; i++) {
        if (strcmp(el->props[i].name, name) == 0)
            return el->props[i].line;
    }
    return el->line;
}

/* ---- reading the file ----------------------------------------------------- */

static char *read_file(const char *path, const char *shown, size_t *len, struct diag_list *diags)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "cannot read the calendar file: %s",
                 strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > ICS_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "calendar file is larger than 16 MiB");
        close(fd);
        return NULL;
    }
    size_t cap = 64 * 1024, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > ICS_MAX_BYTES) {
                diag_add(diags, DIAG_ERROR, shown, 0, NULL, "calendar file is larger than 16 MiB");
                goto fail;
            }
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            diag_add(diags, DIAG_ERROR, shown, 0, NULL, "cannot read the calendar file: %s",
                     strerror(errno));
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (n > ICS_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "calendar file is larger than 16 MiB");
        goto fail;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
fail:
    close(fd);
    free(buf);
    return NULL;
}

/* ---- time values ---------------------------------------------------------- */

enum time_kind { T_FLOATING, T_UTC, T_ZONED };

struct ics_time {
    struct local_time lt;
    enum time_kind kind;
    const char *tz; /* T_ZONED: the resolved zone; T_UTC: "Etc/UTC" */
};

static const char *resolve_zone(struct ctx *c, const char *written)
{
    for (size_t i = 0; i < c->n_zones; i++) {
        if (strcmp(c->zones[i].written, written) == 0)
            return c->zones[i].resolved;
    }
    const char *resolved = tzmap_resolve(written);
    for (size_t i = 0; !resolved && i < c->n_vtz; i++) {
        icalproperty *tzp = icalcomponent_get_first_property(c->vtz[i], ICAL_TZID_PROPERTY);
        const char *tzid = tzp ? icalproperty_get_tzid(tzp) : NULL;
        if (!tzid || strcmp(tzid, written) != 0)
            continue;
        icalproperty *loc = icalcomponent_get_first_property(c->vtz[i], ICAL_LOCATION_PROPERTY);
        icalproperty *xloc = icalcomponent_get_first_property(c->vtz[i], ICAL_X_PROPERTY);
        for (; xloc; xloc = icalcomponent_get_next_property(c->vtz[i], ICAL_X_PROPERTY)) {
            const char *xname = icalproperty_get_x_name(xloc);
            if (xname && strcasecmp(xname, "X-LIC-LOCATION") == 0) {
                resolved = tzmap_resolve(icalproperty_get_x(xloc));
                break;
            }
        }
        if (!resolved && loc)
            resolved = tzmap_resolve(icalproperty_get_location(loc));
        if (!resolved) {
            char *text = icalcomponent_as_ical_string_r(c->vtz[i]);
            resolved = recur_zone_define(written, text);
            free(text);
        }
    }
    XGROW(c->zones, c->cap_zones, c->n_zones + 1);
    c->zones[c->n_zones++] = (struct zone_memo){xstrdup(written), resolved};
    return resolved;
}

/* Reads a DATE or DATE-TIME property with its TZID. Reports and returns false
 * if the value or its zone is unusable. */
static bool read_time(struct ctx *c, icalproperty *p, const char *field, int line,
                      struct ics_time *out)
{
    struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
    out->lt = (struct local_time){
        t.year, t.month, t.day, t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute, t.is_date != 0};
    if (!civil_valid(t.year, t.month, t.day) ||
        (!t.is_date && (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 ||
                        t.second < 0 || t.second > 60))) {
        diag_add(c->diags, DIAG_ERROR, c->shown, line, field, "\"%s\" is not a valid date%s",
                 icalproperty_get_value_as_string(p), t.is_date ? "" : " and time");
        return false;
    }
    icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    if (icaltime_is_utc(t)) {
        out->kind = T_UTC;
        out->tz = "Etc/UTC";
    } else if (tzp && !t.is_date) {
        const char *written = icalparameter_get_tzid(tzp);
        out->kind = T_ZONED;
        out->tz = written ? resolve_zone(c, written) : NULL;
        if (!out->tz) {
            diag_add(c->diags, DIAG_ERROR, c->shown, line, field, "unknown time zone \"%s\"",
                     written ? written : "");
            return false;
        }
    } else {
        out->kind = T_FLOATING;
        out->tz = NULL;
    }
    return true;
}

static int64_t wall_seconds(struct local_time lt)
{
    return civil_to_days(lt.year, lt.month, lt.day) * 86400 + lt.hour * 3600 + lt.minute * 60;
}

/* The instant of t; floating times are read in event_tz (or as UTC wall
 * time if the event floats too: only differences are used then). A time in
 * a DST gap counts as moved forward by the gap. */
static int64_t time_utc(const struct ics_time *t, const char *event_tz)
{
    const char *tz = t->kind == T_FLOATING ? event_tz : t->tz;
    int64_t utc = wall_seconds(t->lt);
    if (tz)
        recur_local_to_utc(tz, t->lt, &utc);
    return utc;
}

/* t as a wall time in the event's zone. */
static struct local_time time_in_event_zone(const struct ics_time *t, const char *event_tz)
{
    if (t->lt.date_only || t->kind == T_FLOATING || !event_tz ||
        (t->tz && strcmp(t->tz, event_tz) == 0))
        return t->lt;
    struct local_time lt;
    if (!recur_utc_to_local(event_tz, time_utc(t, event_tz), &lt))
        return t->lt;
    return lt;
}

/* ---- events --------------------------------------------------------------- */

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static const char *owned_add(struct ics_event *ev, size_t *cap, const char *s)
{
    XGROW(ev->owned, *cap, ev->n_owned + 1);
    ev->owned[ev->n_owned++] = xstrdup(s);
    return ev->owned[ev->n_owned - 1];
}

static void event_free(struct ics_event *ev)
{
    free(ev->uid);
    free(ev->summary);
    free(ev->description);
    free(ev->location);
    free(ev->url);
    free(ev->categories);
    free(ev->tzid);
    free(ev->rrule);
    free(ev->exdates);
    free(ev->changes);
    for (size_t i = 0; i < ev->n_owned; i++)
        free(ev->owned[i]);
    free(ev->owned);
    memset(ev, 0, sizeof(*ev));
}

/* Reports libical's complaints about the event; false if one of them makes
 * the event's times unusable. */
static bool report_parse_errors(struct ctx *c, icalcomponent *comp, const struct event_lines *el)
{
    static const char *const vital[] = {"DTSTART", "DTEND",         "DURATION",
                                        "RRULE",   "RECURRENCE-ID", "EXDATE"};
    bool ok = true;
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY)) {
        const char *libical_text = icalproperty_get_xlicerror(p);
        if (!libical_text)
            continue;
        /* libical's strings may live in its recycled scratch buffers. */
        char text[1024];
        snprintf(text, sizeof(text), "%s", libical_text);
        /* "Can't parse as DATE-TIME value in DTSTART property. Removing entire
         * property: garbage" */
        char type[40] = "", name[40] = "";
        const char *value = strstr(text, "Removing entire property: ");
        if (sscanf(text, "Can't parse as %39s value in %39s property.", type, name) == 2 && value) {
            value += strlen("Removing entire property: ");
            bool is_vital = false;
            for (size_t i = 0; i < sizeof(vital) / sizeof(vital[0]); i++)
                is_vital = is_vital || strcmp(name, vital[i]) == 0;
            enum diag_severity sev = is_vital ? DIAG_ERROR : DIAG_WARNING;
            const char *ignored = is_vital ? "" : "; ignored";
            int line = prop_line(el, name);
            char why[512];
            if (strcmp(name, "RRULE") == 0 && !recur_rule_check(value, why, sizeof(why)))
                diag_add(c->diags, sev, c->shown, line, name, "%s", why);
            else if (strcmp(type, "DATE-TIME") == 0 || strcmp(type, "DATE") == 0)
                diag_add(c->diags, sev, c->shown, line, name,
                         "\"%s\" is not a date or a date and time (like 20261103T093000)%s", value,
                         ignored);
            else if (strcmp(type, "DURATION") == 0)
                diag_add(c->diags, sev, c->shown, line, name,
                         "\"%s\" is not a duration (like PT1H30M)%s", value, ignored);
            else
                diag_add(c->diags, sev, c->shown, line, name, "cannot read \"%s\" as %s%s", value,
                         type, ignored);
            ok = ok && !is_vital;
        } else if ((value = strstr(text, "component begin tag: ")) != NULL) {
            /* A line that is neither NAME:value nor BEGIN/END. */
            value += strlen("component begin tag: ");
            line_name(value, strlen(value), name, sizeof(name));
            diag_add(c->diags, DIAG_WARNING, c->shown, prop_line(el, name), NULL,
                     "\"%s\" is not an iCalendar line (NAME:value); ignored", value);
        } else {
            diag_add(c->diags, DIAG_WARNING, c->shown, el ? el->line : 0, NULL, "%s; ignored",
                     text);
        }
    }
    return ok;
}

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Length in minutes from DTEND or DURATION; 0 if neither gives one. */
static int read_length(struct ctx *c, icalcomponent *comp, const struct event_lines *el,
                       const struct ics_time *start, const char *event_tz, bool *ok)
{
    icalproperty *dtend = icalcomponent_get_first_property(comp, ICAL_DTEND_PROPERTY);
    icalproperty *dur = icalcomponent_get_first_property(comp, ICAL_DURATION_PROPERTY);
    int minutes = 0;
    const char *field = NULL;
    if (dtend) {
        struct ics_time end;
        field = "DTEND";
        if (!read_time(c, dtend, field, prop_line(el, field), &end)) {
            *ok = false;
            return 0;
        }
        if (start->lt.date_only) {
            minutes = (int)(civil_to_days(end.lt.year, end.lt.month, end.lt.day) -
                            civil_to_days(start->lt.year, start->lt.month, start->lt.day)) *
                      1440;
        } else {
            int64_t secs = time_utc(&end, event_tz) - time_utc(start, event_tz);
            minutes = (int)((secs + 59) / 60);
        }
    } else if (dur) {
        field = "DURATION";
        int secs = icaldurationtype_as_int(icalproperty_get_duration(dur));
        minutes = start->lt.date_only ? (secs + 86399) / 86400 * 1440 : (secs + 59) / 60;
    } else {
        return start->lt.date_only ? 1440 : 60;
    }
    if (minutes <= 0) {
        minutes = start->lt.date_only ? 1440 : 60;
        diag_add(c->diags, DIAG_WARNING, c->shown, prop_line(el, field), field,
                 "the event ends before it starts; it is shown as %s",
                 start->lt.date_only ? "one day long" : "60 minutes long");
    }
    return minutes;
}

static char *join_categories(icalcomponent *comp)
{
    struct strbuf b;
    strbuf_init(&b);
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_CATEGORIES_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_CATEGORIES_PROPERTY)) {
        const char *v = icalproperty_get_categories(p);
        if (!v || !*v)
            continue;
        if (b.len)
            strbuf_putc(&b, ',');
        strbuf_puts(&b, v);
    }
    if (b.len == 0) {
        strbuf_free(&b);
        return NULL;
    }
    return strbuf_detach(&b);
}

/* Reads a VEVENT without RECURRENCE-ID (a series or a one-off). */
static bool event_read(struct ctx *c, icalcomponent *comp, const struct event_lines *el,
                       struct ics_event *ev)
{
    memset(ev, 0, sizeof(*ev));
    ev->line = el ? el->line : 0;
    if (el && el->bad_utf8)
        return false; /* already reported */
    bool ok = report_parse_errors(c, comp, el);

    ev->summary = dup_or_null(icalcomponent_get_summary(comp));
    ev->description = dup_or_null(icalcomponent_get_description(comp));
    ev->location = dup_or_null(icalcomponent_get_location(comp));
    icalproperty *url = icalcomponent_get_first_property(comp, ICAL_URL_PROPERTY);
    ev->url = url ? dup_or_null(icalproperty_get_url(url)) : NULL;
    ev->categories = join_categories(comp);
    ev->cancelled = icalcomponent_get_status(comp) == ICAL_STATUS_CANCELLED;

    const char *uid = icalcomponent_get_uid(comp);
    if (uid && *uid) {
        ev->uid = xstrdup(uid);
    } else {
        char made[64];
        snprintf(made, sizeof(made), "line%d-%08x", ev->line, (unsigned)fnv1a(ev->summary));
        ev->uid = xstrdup(made);
        diag_add(c->diags, DIAG_WARNING, c->shown, ev->line, "UID",
                 "the event has no UID; using \"%s\" (edits to the file may show it as a new "
                 "event)",
                 made);
    }

    icalproperty *dtstart = icalcomponent_get_first_property(comp, ICAL_DTSTART_PROPERTY);
    if (!dtstart) {
        if (ok)
            diag_add(c->diags, DIAG_ERROR, c->shown, ev->line, "DTSTART",
                     "the event has no start time (DTSTART)");
        return false;
    }
    struct ics_time start;
    if (!read_time(c, dtstart, "DTSTART", prop_line(el, "DTSTART"), &start))
        return false;
    ev->start = start.lt;
    ev->tzid = start.tz ? xstrdup(start.tz) : NULL;
    ev->duration_min = read_length(c, comp, el, &start, ev->tzid, &ok);

    icalproperty *rrule = icalcomponent_get_first_property(comp, ICAL_RRULE_PROPERTY);
    if (rrule) {
        ev->rrule = xstrdup(icalproperty_get_value_as_string(rrule));
        if (icalcomponent_get_next_property(comp, ICAL_RRULE_PROPERTY))
            diag_add(c->diags, DIAG_WARNING, c->shown, prop_line(el, "RRULE"), "RRULE",
                     "only the first repetition rule of an event is used");
    }
    if (icalcomponent_get_first_property(comp, ICAL_RDATE_PROPERTY))
        diag_add(c->diags, DIAG_WARNING, c->shown, prop_line(el, "RDATE"), "RDATE",
                 "extra dates (RDATE) are not supported and are ignored");

    size_t cap = 0;
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_EXDATE_PROPERTY)) {
        struct ics_time ex;
        if (!read_time(c, p, "EXDATE", prop_line(el, "EXDATE"), &ex)) {
            ok = false;
            continue;
        }
        XGROW(ev->exdates, cap, ev->n_exdates + 1);
        ev->exdates[ev->n_exdates++] = time_in_event_zone(&ex, ev->tzid);
    }
    return ok;
}

static bool same_text(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

/* Turns a VEVENT with RECURRENCE-ID into a change of its series. */
static bool change_read(struct ctx *c, icalcomponent *comp, const struct event_lines *el,
                        struct ics_event *ev, size_t *cap_changes, size_t *cap_owned)
{
    if (el && el->bad_utf8)
        return false;
    if (!report_parse_errors(c, comp, el))
        return false;
    icalproperty *rid = icalcomponent_get_first_property(comp, ICAL_RECURRENCEID_PROPERTY);
    struct ics_time orig;
    if (!read_time(c, rid, "RECURRENCE-ID", prop_line(el, "RECURRENCE-ID"), &orig))
        return false;
    struct recur_change ch = {.original = time_in_event_zone(&orig, ev->tzid)};

    const char *summary = icalcomponent_get_summary(comp);
    const char *description = icalcomponent_get_description(comp);
    if (summary && *summary && !same_text(summary, ev->summary))
        ch.note = owned_add(ev, cap_owned, summary);
    else if (description && *description && !same_text(description, ev->description))
        ch.note = owned_add(ev, cap_owned, description);

    if (icalcomponent_get_status(comp) == ICAL_STATUS_CANCELLED) {
        ch.status = OCC_CANCELLED;
    } else {
        icalproperty *dtstart = icalcomponent_get_first_property(comp, ICAL_DTSTART_PROPERTY);
        struct ics_time start = orig;
        if (dtstart && !read_time(c, dtstart, "DTSTART", prop_line(el, "DTSTART"), &start))
            return false;
        bool ok = true;
        icalproperty *dtend = icalcomponent_get_first_property(comp, ICAL_DTEND_PROPERTY);
        icalproperty *dur = icalcomponent_get_first_property(comp, ICAL_DURATION_PROPERTY);
        int minutes = (dtend || dur) ? read_length(c, comp, el, &start, ev->tzid, &ok) : 0;
        if (!ok)
            return false;
        ch.status = OCC_MOVED;
        if (start.kind == T_FLOATING && !ev->tzid) {
            /* Floating series: the zone is known only when expanding. */
            ch.new_local = true;
            ch.new_start_local = start.lt;
            if (minutes > 0) {
                int64_t w = wall_seconds(start.lt) + (int64_t)minutes * 60;
                struct civil_date d = civil_from_days(w / 86400);
                ch.new_end_local = (struct local_time){d.year,
                                                       d.month,
                                                       d.day,
                                                       (int)(w % 86400 / 3600),
                                                       (int)(w % 3600 / 60),
                                                       start.lt.date_only && minutes % 1440 == 0};
            }
        } else {
            ch.new_start_utc = time_utc(&start, ev->tzid);
            ch.new_end_utc = minutes > 0 ? ch.new_start_utc + (int64_t)minutes * 60 : 0;
            int64_t orig_utc = time_utc(&orig, ev->tzid);
            if (ch.new_start_utc == orig_utc && (minutes == 0 || minutes == ev->duration_min))
                ch.status = OCC_SCHEDULED; /* same time: only the texts changed */
        }
        if (ch.status == OCC_SCHEDULED && !ch.note)
            return true;
    }
    XGROW(ev->changes, *cap_changes, ev->n_changes + 1);
    ev->changes[ev->n_changes++] = ch;
    return true;
}

struct pending {
    icalcomponent *comp;
    const struct event_lines *el;
};

static void collect_calendars(icalcomponent *root, icalcomponent ***cals, size_t *n, size_t *cap)
{
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
        XGROW(*cals, *cap, *n + 1);
        (*cals)[(*n)++] = root;
        return;
    }
    for (icalcomponent *k = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); k;
         k = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
        XGROW(*cals, *cap, *n + 1);
        (*cals)[(*n)++] = k;
    }
}

static void read_events(struct ctx *c, icalcomponent *root, struct ics_calendar *out)
{
    icalcomponent **cals = NULL;
    size_t n_cals = 0, cap_cals = 0;
    collect_calendars(root, &cals, &n_cals, &cap_cals);

    for (size_t k = 0; k < n_cals; k++) {
        report_parse_errors(c, cals[k], NULL);
        for (icalcomponent *z =
                 icalcomponent_get_first_component(cals[k], ICAL_VTIMEZONE_COMPONENT);
             z; z = icalcomponent_get_next_component(cals[k], ICAL_VTIMEZONE_COMPONENT)) {
            XGROW(c->vtz, c->cap_vtz, c->n_vtz + 1);
            c->vtz[c->n_vtz++] = z;
        }
    }

    struct pending *changes = NULL;
    size_t n_changes = 0, cap_changes = 0, index = 0;
    size_t n0 = out->n;
    for (size_t k = 0; k < n_cals; k++) {
        for (icalcomponent *e = icalcomponent_get_first_component(cals[k], ICAL_VEVENT_COMPONENT);
             e; e = icalcomponent_get_next_component(cals[k], ICAL_VEVENT_COMPONENT)) {
            const struct event_lines *el = index < c->scan.n ? &c->scan.ev[index] : NULL;
            index++;
            if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) {
                XGROW(changes, cap_changes, n_changes + 1);
                changes[n_changes++] = (struct pending){e, el};
                continue;
            }
            struct ics_event ev;
            if (!event_read(c, e, el, &ev)) {
                event_free(&ev);
                continue;
            }
            const struct ics_event *dup = NULL;
            for (size_t i = n0; i < out->n && !dup; i++)
                dup = strcmp(out->v[i].uid, ev.uid) == 0 ? &out->v[i] : NULL;
            if (dup) {
                diag_add(c->diags, DIAG_WARNING, c->shown, ev.line, "UID",
                         "the event on line %d has the same UID \"%s\"; this one is left out",
                         dup->line, ev.uid);
                event_free(&ev);
                continue;
            }
            XGROW(out->v, out->cap, out->n + 1);
            out->v[out->n++] = ev;
        }
    }

    /* Capacities of the arrays that changes grow, per event. */
    size_t n_events = out->n - n0;
    size_t *caps = xcalloc(n_events * 2 + 1, sizeof(size_t));
    for (size_t i = 0; i < n_events; i++) {
        caps[2 * i] = out->v[n0 + i].n_changes;
        caps[2 * i + 1] = out->v[n0 + i].n_owned;
    }
    for (size_t k = 0; k < n_changes; k++) {
        icalcomponent *e = changes[k].comp;
        const struct event_lines *el = changes[k].el;
        const char *uid = icalcomponent_get_uid(e);
        size_t m = n_events;
        for (size_t i = 0; uid && i < n_events; i++) {
            if (strcmp(out->v[n0 + i].uid, uid) == 0) {
                m = i;
                break;
            }
        }
        if (m < n_events) {
            change_read(c, e, el, &out->v[n0 + m], &caps[2 * m], &caps[2 * m + 1]);
            continue;
        }
        int line = prop_line(el, "RECURRENCE-ID");
        if (icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED) {
            diag_add(c->diags, DIAG_WARNING, c->shown, line, "RECURRENCE-ID",
                     "cancelled instance of an event that is not in the file; ignored");
            continue;
        }
        diag_add(c->diags, DIAG_WARNING, c->shown, line, "RECURRENCE-ID",
                 "changed instance of an event that is not in the file; shown as a single event");
        struct ics_event ev;
        if (!event_read(c, e, el, &ev)) {
            event_free(&ev);
            continue;
        }
        free(ev.rrule);
        ev.rrule = NULL;
        XGROW(out->v, out->cap, out->n + 1);
        out->v[out->n++] = ev;
    }
    free(caps);
    free(changes);
    free(cals);
}

static void ctx_free(struct ctx *c)
{
    for (size_t i = 0; i < c->scan.n; i++)
        free(c->scan.ev[i].props);
    free(c->scan.ev);
    free(c->vtz);
    for (size_t i = 0; i < c->n_zones; i++)
        free(c->zones[i].written);
    free(c->zones);
}

static bool only_blanks(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    }
    return true;
}

bool ics_load(const char *path, const char *shown, struct ics_calendar *out,
              struct diag_list *diags)
{
    if (!shown)
        shown = path;
    size_t len = 0;
    char *buf = read_file(path, shown, &len, diags);
    if (!buf)
        return false;
    char *text = buf;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    struct ctx c = {.shown = shown, .diags = diags};
    bool ok = false;
    icalcomponent *root = NULL;
    if (only_blanks(text, len)) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "empty calendar file");
        goto done;
    }
    scan_text(&c, text, len);
    if (c.scan.not_ical) {
        diag_add(diags, DIAG_ERROR, shown, c.scan.first_line, NULL,
                 "not an iCalendar file (expected BEGIN:VCALENDAR)");
        goto done;
    }
    if (!c.scan.has_end) {
        diag_add(diags, DIAG_ERROR, shown, c.scan.last_line, NULL,
                 "the calendar ends without END:VCALENDAR; the file may be cut short");
        goto done;
    }
    root = icalparser_parse_string(text);
    if (!root) {
        diag_add(diags, DIAG_ERROR, shown, 0, NULL,
                 "the calendar cannot be read (BEGIN and END lines do not match)");
        goto done;
    }
    read_events(&c, root, out);
    ok = true;
done:
    if (root)
        icalcomponent_free(root);
    ctx_free(&c);
    free(buf);
    return ok;
}

void ics_calendar_free(struct ics_calendar *cal)
{
    for (size_t i = 0; i < cal->n; i++)
        event_free(&cal->v[i]);
    free(cal->v);
    memset(cal, 0, sizeof(*cal));
}

void ics_event_spec(const struct ics_event *ev, const char *default_tzid, bool skip_holidays,
                    struct recur_spec *spec)
{
    *spec = (struct recur_spec){
        .tzid = ev->tzid,
        .default_tzid = default_tzid,
        .start = ev->start,
        .duration_min = ev->duration_min,
        .rrule = ev->rrule,
        .exdates = ev->exdates,
        .n_exdates = ev->n_exdates,
        .changes = ev->changes,
        .n_changes = ev->n_changes,
        .skip_holidays = skip_holidays,
    };
}
