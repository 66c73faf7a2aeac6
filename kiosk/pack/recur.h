/* recur: expands one activity's recurrence (an RFC 5545 RRULE with
 * EXDATEs and changed instances) into occurrences within a window, in the
 * activity's own time zone, so that a weekly 9.30 group stays at 9.30 local
 * time across DST changes. Uses libical's recurrence iterator and zone
 * data. Both CSV activities and .ics events are expanded here. */
#ifndef AULA_PACK_RECUR_H
#define AULA_PACK_RECUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A local wall-clock time in some zone. date_only: all-day (hour/minute 0). */
struct local_time {
    int year, month, day, hour, minute;
    bool date_only;
};

enum occ_status { OCC_SCHEDULED, OCC_CANCELLED, OCC_MOVED };

/* A change to one instance, identified by its original local start
 * (RECURRENCE-ID, or a date in activity_changes.csv). */
struct recur_change {
    struct local_time original; /* in the activity's zone; date_only matches by date */
    enum occ_status status;     /* OCC_CANCELLED or OCC_MOVED (OCC_SCHEDULED: note/location only) */
    int64_t new_start_utc;      /* OCC_MOVED only */
    int64_t new_end_utc;        /* <= new_start_utc: the activity's usual length */
    const char *location_id;    /* optional override (borrowed) */
    const char *note;           /* optional note in the source language (borrowed) */
    /* OCC_MOVED with local times in the activity's zone (floating times are
     * read in the default zone) instead of new_start_utc/new_end_utc.
     * new_end_local with year 0: the activity's usual length. */
    bool new_local;
    struct local_time new_start_local, new_end_local;
};

struct recur_spec {
    const char *tzid; /* IANA zone; NULL = floating time, read in default_tzid */
    const char *default_tzid;
    struct local_time start; /* DTSTART */
    int duration_min;        /* all-day events: days * 1440 */
    const char *rrule;       /* RRULE value ("FREQ=WEEKLY;BYDAY=TU"), NULL = one-off */
    const struct local_time *exdates;
    size_t n_exdates; /* date_only exdates remove every instance on that date */
    const struct recur_change *changes;
    size_t n_changes;
    bool skip_holidays; /* drop instances on Finnish holidays and eves */
};

struct occurrence {
    int64_t start_utc, end_utc;
    char local_date[11]; /* YYYY-MM-DD of start in the activity's zone */
    bool all_day;
    enum occ_status status;
    const char *location_id; /* borrowed from the matching change, or NULL */
    const char *note;        /* borrowed from the matching change, or NULL */
};

struct occurrence_list {
    struct occurrence *v;
    size_t n, cap;
};

void occurrence_list_free(struct occurrence_list *l);

enum recur_result {
    RECUR_OK,
    RECUR_BAD_RULE,     /* RRULE does not parse */
    RECUR_BAD_ZONE,     /* unknown time zone */
    RECUR_NO_SUCH_TIME, /* DTSTART falls in a DST gap (e.g. 03:30 on the spring-forward night) */
    RECUR_TOO_MANY,     /* more than max_occurrences in the window */
};

/* Appends the occurrences that start in [win_start_utc, win_end_utc) to
 * out, sorted by start. Instances that the recurrence yields at a local
 * time that does not exist (DST gap) are moved forward by the gap, as RFC
 * 5545 says. Cancelled instances are kept with status OCC_CANCELLED; moved
 * ones get their new times and OCC_MOVED (and are included if either the
 * original or the new start is in the window). On error returns the reason
 * and writes a sentence into err (without file or line: the caller adds
 * those). */
enum recur_result recur_expand(const struct recur_spec *spec, int64_t win_start_utc,
                               int64_t win_end_utc, size_t max_occurrences,
                               struct occurrence_list *out, char *err, size_t errcap);

/* Checks that rrule parses; if not, writes the reason into err (as
 * recur_expand would for RECUR_BAD_RULE) and returns false. */
bool recur_rule_check(const char *rrule, char *err, size_t errcap);

/* Converts a local time in zone tzid to UTC seconds. Returns false if the
 * zone is unknown or the time does not exist (DST gap; *utc then still gets
 * the instant moved forward by the gap). An ambiguous time (fall-back hour)
 * resolves to the first (summer-time) instant. */
bool recur_local_to_utc(const char *tzid, struct local_time lt, int64_t *utc);

/* Converts UTC seconds to local time in zone tzid. */
bool recur_utc_to_local(const char *tzid, int64_t utc, struct local_time *lt);

/* Makes a zone defined by an iCalendar VTIMEZONE (its text, BEGIN:VTIMEZONE
 * to END:VTIMEZONE) usable by name in recur_spec and the conversions above,
 * for calendar files whose zone names are not IANA or Windows names. Returns
 * the name to use: tzid itself, or "tzid (2)" if tzid is already defined
 * differently. NULL if the definition is unusable. The name stays valid until
 * recur_zones_free(). */
const char *recur_zone_define(const char *tzid, const char *vtimezone);
/* Forgets the zones of recur_zone_define(). */
void recur_zones_free(void);

#endif
