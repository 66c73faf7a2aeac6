/* ics: reads an iCalendar (.ics) file into events ready for recur_expand():
 * VEVENTs with RRULE/EXDATE, RECURRENCE-ID instances (moved or
 * STATUS:CANCELLED), VTIMEZONE and Windows zone names, all-day and
 * floating times. Uses libical for parsing. Problems are reported into a
 * diag_list as "file:line: PROPERTY: message", the line being where the
 * VEVENT (or the property) starts in the file. */
#ifndef AULA_PACK_ICS_H
#define AULA_PACK_ICS_H

#include "base/diag.h"
#include "pack/recur.h"

#include <stdbool.h>
#include <stddef.h>

struct ics_event {
    char *uid;
    int line; /* line of BEGIN:VEVENT */
    char *summary, *description, *location, *url, *categories; /* may be NULL */
    char *tzid;                                                /* IANA after mapping; NULL = floating */
    struct local_time start;
    int duration_min; /* from DTEND or DURATION; all-day: days * 1440; default 60 / 1 day */
    char *rrule;      /* NULL = one-off */
    struct local_time *exdates;
    size_t n_exdates;
    /* Instances changed by RECURRENCE-ID components. note/location_id point
     * into strings owned by the event (notes: the instance's SUMMARY if it
     * differs from the master's, or its DESCRIPTION). */
    struct recur_change *changes;
    size_t n_changes;
    char **owned; /* strings the changes borrow */
    size_t n_owned;
    bool cancelled; /* STATUS:CANCELLED on the master: every instance is cancelled */
};

struct ics_calendar {
    struct ics_event *v;
    size_t n, cap;
};

/* Reads path; shown is the name used in messages (e.g. "calendars/parish.ics").
 * Events with errors are reported and left out; returns false only if the
 * file as a whole cannot be used (unreadable, empty, not iCalendar). */
bool ics_load(const char *path, const char *shown, struct ics_calendar *out,
              struct diag_list *diags);
void ics_calendar_free(struct ics_calendar *cal);

/* Fills a recur_spec from an event (pointers borrowed from ev). */
void ics_event_spec(const struct ics_event *ev, const char *default_tzid, bool skip_holidays,
                    struct recur_spec *spec);

#endif
