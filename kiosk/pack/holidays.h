/* holidays: Finnish public holidays and the eves treated as days off,
 * computed from the calendar rules (Easter by the Gregorian computus,
 * juhannus on the Saturday 20.-26.6., pyhäinpäivä on the Saturday
 * 31.10.-6.11.). No tables to keep up to date. */
#ifndef AULA_PACK_HOLIDAYS_H
#define AULA_PACK_HOLIDAYS_H

#include "base/civil.h"

#include <stdbool.h>
#include <stddef.h>

struct holiday {
    struct civil_date date;
    const char *key;     /* "uudenvuodenpaiva", "juhannusaatto", ... (ASCII) */
    bool is_eve;         /* juhannusaatto, jouluaatto: days off in practice */
    const char *name_fi; /* "Juhannuspäivä" */
    const char *name_sv; /* "Midsommardagen" */
    const char *name_en; /* "Midsummer Day" */
};

/* Easter Sunday of year (Gregorian). */
struct civil_date holidays_easter(int year);

/* Writes the year's holidays and eves in date order into out (cap >= 16
 * always suffices); returns how many. */
size_t holidays_for_year(int year, struct holiday *out, size_t cap);

/* True if date is a public holiday or one of the eves; *h (optional) gets it. */
bool holidays_lookup(struct civil_date date, struct holiday *h);

#endif
