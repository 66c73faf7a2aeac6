/* civil: proleptic Gregorian calendar arithmetic on plain integers, with no
 * time zones: day numbers, weekdays, parsing of dates and clock times as
 * staff write them. Time-zone conversion lives where libical or the C
 * library does it; this module only counts days. */
#ifndef AULA_BASE_CIVIL_H
#define AULA_BASE_CIVIL_H

#include <stdbool.h>
#include <stdint.h>

struct civil_date {
    int year, month, day; /* month 1..12, day 1..31 */
};

/* Days since 1970-01-01 (negative before). */
int64_t civil_to_days(int year, int month, int day);
struct civil_date civil_from_days(int64_t days);
/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int civil_weekday(int year, int month, int day);
int civil_days_in_month(int year, int month);
bool civil_valid(int year, int month, int day);
/* Adds n days. */
struct civil_date civil_add_days(struct civil_date d, int n);
/* "YYYY-MM-DD" into buf (at least 11 bytes). */
void civil_format(struct civil_date d, char *buf);

/* Parses "2026-11-23" or Finnish "23.11.2026" (four-digit years only).
 * Returns false on anything else or an impossible date. */
bool civil_parse_date(const char *s, struct civil_date *out);
/* Parses H.MM, HH.MM, H:MM or HH:MM ("9.30", "09:30"), and "24:00" as the
 * end of a day. Result in minutes after midnight. */
bool civil_parse_clock(const char *s, int *minutes);

#endif
