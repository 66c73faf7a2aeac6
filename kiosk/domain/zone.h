/* zone: conversion between UTC instants and local wall-clock time in a named
 * IANA zone (the site's). It uses the C library's zone database through the
 * TZ environment variable, which it owns: every other module converts time
 * through these functions and never calls localtime or mktime itself. */
#ifndef AULA_DOMAIN_ZONE_H
#define AULA_DOMAIN_ZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zone_time {
    int year, month, day; /* month 1..12 */
    int hour, minute, second;
    int weekday;  /* ISO: 1 = Monday .. 7 = Sunday */
    int64_t days; /* local date as days since 1970-01-01 */
    int minutes;  /* minutes after local midnight */
    long utc_off; /* seconds east of UTC */
};

/* The zone of a site whose content names none, and of a kiosk with no
 * content yet. */
#define ZONE_DEFAULT "Europe/Helsinki"

/* Converts a UTC instant to local time in zone tz ("Europe/Helsinki"). */
void zone_to_local(const char *tz, int64_t utc, struct zone_time *out);
/* Converts a local date (days since 1970) and minutes after midnight in tz
 * to a UTC instant. A wall time that does not exist (spring forward) is
 * read as if the clocks had not changed yet. */
int64_t zone_from_local(const char *tz, int64_t days, int minutes);
/* Parses "2026-11-24T10:15", "2026-11-24 10:15[:SS]" (local time in tz) or
 * the same with a trailing "Z" (UTC). */
bool zone_parse_instant(const char *s, const char *tz, int64_t *out);
/* Writes utc as local time in tz to the minute: "2026-11-24 10:15" (logs). */
void zone_format(const char *tz, int64_t utc, char *buf, size_t cap);

#endif
