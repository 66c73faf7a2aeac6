/* hours: weekly opening hours with dated exceptions, and the questions a
 * family asks of them: open now? until when? when does it open next?
 *
 * Rules (schema.sql): a weekly period whose closing time is at or before its
 * opening time ends the next day (over midnight). An exception replaces all
 * weekly periods of its date. A period belongs to the day it starts on, so
 * Friday's 20.00-02.00 still runs into a Saturday that has an exception. */
#ifndef AULA_DOMAIN_HOURS_H
#define AULA_DOMAIN_HOURS_H

#include "data/db.h"
#include "domain/i18n.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hours_weekly {
    int weekday;       /* ISO 1..7 */
    int opens, closes; /* minutes after midnight, 0..1440 */
};

struct hours_exception {
    int64_t day; /* local date, days since 1970 */
    bool closed;
    int opens, closes;
    struct i18n_text note;
};

struct hours {
    struct hours_weekly *weekly;
    size_t nweekly, capweekly;
    struct hours_exception *exc;
    size_t nexc, capexc;
};

enum hours_state {
    HOURS_NONE,   /* no hours known */
    HOURS_OPEN,   /* open; closes at change_* */
    HOURS_CLOSED, /* closed; opens at change_* (change_day < 0: not within a week) */
};

struct hours_status {
    enum hours_state state;
    int change_day; /* 0 = today, 1 = tomorrow, ...; -1 = none */
    int change_min; /* minutes after that day's midnight; 1440 = end of day */
};

/* A period of one day as shown to a family. */
struct hours_period {
    int opens, closes; /* closes <= opens: ends the next day */
};

void hours_init(struct hours *h);
void hours_free(struct hours *h);
void hours_add_weekly(struct hours *h, int weekday, int opens, int closes);
void hours_add_exception(struct hours *h, int64_t day, bool closed, int opens, int closes,
                         const char *note);
bool hours_empty(const struct hours *h);
/* Loads the hours of a service or location ("service", id). Exception notes
 * in the visitor's language through the fallback chain. */
bool hours_load(struct db *db, const char *entity_type, const char *id, const char *lang,
                struct hours *h);

/* The state at local date day, minute after midnight. */
struct hours_status hours_status_at(const struct hours *h, int64_t day, int minute);
/* The periods starting on day (after exceptions), at most cap. *exc is set
 * to the exception of that day or NULL. Returns the number of periods. */
size_t hours_day(const struct hours *h, int64_t day, struct hours_period *out, size_t cap,
                 const struct hours_exception **exc);

#endif
